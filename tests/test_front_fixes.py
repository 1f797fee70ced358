"""Front-matter fixes that, followed as printed, publish what the editor meant: the
editor types a slip, `newsdigest check` names it with a `fix:` line, the editor writes
that line in place of the typed one, and the story builds with the headline (summary,
byline) meant, not with YAML's own marks as text."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import make_project, run_here, tiny_png, write_article
from lxml import html
from test_fix_lines import GOOD


def checked(project: Path) -> tuple[int, str]:
    result = run_here("check", cwd=project)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout + result.stderr


def fix_lines(said: str) -> list[str]:
    return [line.strip() for line in said.splitlines() if line.strip().startswith("fix:")]


def published_topics(project: Path) -> list[str]:
    """Build the project's one story; its topics as the page links them, in order."""
    site = project / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    [page] = site.glob("2025/06/*/*/index.html")
    return list(html.fromstring(page.read_bytes()).xpath("//a[@rel='tag']/text()"))


def follow_tags_fix(project: Path, path: Path, typed: str, out: str) -> None:
    """The last `tags: [...]` list of the one fix `out` says written in `path` in place of
    `typed`, as an editor follows it: the project then checks with no error or warning."""
    [fix] = fix_lines(out)
    followed = re.findall(r"tags: \[[^]]*\]", fix)[-1]
    path.write_text(path.read_text(encoding="utf-8").replace(typed, followed), encoding="utf-8")
    status, out = checked(project)
    assert (status, out.count("warning")) == (0, 0), (followed, out)


def follow_fix(project: Path, path: Path, typed: str, key: str) -> tuple[str, str]:
    """Check, write the `key:` line the one `fix:` line gives in place of `typed`, build;
    (what check said, the built article's HTML)."""
    status, said = checked(project)
    assert status == 1, said
    [hint] = fix_lines(said)
    quoted = "; or, if they are part of the " in hint  # the second: the brackets kept
    fixed = hint[(hint.rindex if quoted else hint.index)(f"{key}: ") :]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(typed + "\n", fixed + "\n"), encoding="utf-8")
    site = project / "site"
    result = run_here("build", "--output", str(site), cwd=project)
    assert result.returncode == 0, (fixed, result.stdout + result.stderr)
    [page] = [p for p in site.glob("2025/06/*/*/index.html")]
    return said, page.read_text(encoding="utf-8")


# -- a value wrapped in quotes with the same mark inside (tester's fault 11) ---------------


@pytest.mark.parametrize(
    ("typed", "key", "fix", "published"),
    [
        ("title: 'Rao's last day'", "title", 'title: "Rao\'s last day"', "Rao's last day"),
        ("summary: 'It's a storm'", "summary", 'summary: "It\'s a storm"', "It's a storm"),
        (
            'title: "He said "no" today"',
            "title",
            "title: 'He said \"no\" today'",
            'He said "no" today',
        ),
        ("title: 'O'Brien's 'big' day'", "title", "title: \"O'Brien's 'big' day\"", None),
        # the quote closes early: the marks are text, kept as typed
        ("title: 'Yes' or 'No'", "title", "title: \"'Yes' or 'No'\"", "'Yes' or 'No'"),
        ('title: "Yes" wins', "title", "title: '\"Yes\" wins'", '"Yes" wins'),
    ],
)
def test_a_value_wrapped_in_quotes_with_the_same_mark_inside_is_published_without_them(
    tmp_path: Path, typed: str, key: str, fix: str, published: str | None
) -> None:
    project = make_project(tmp_path / "p")
    front = GOOD.replace("title: Floods in Assam", typed) if key == "title" else GOOD
    front = front if key == "title" else GOOD + "\n" + typed
    path = write_article(project, "2025/06/story.md", front)
    said, page = follow_fix(project, path, typed, key)
    line = 2 if key == "title" else 8
    assert f"content/2025/06/story.md:{line}: error:" in said, said
    assert fix_lines(said)[0].endswith(": " + fix), said
    text = published or fix.split(": ", 1)[1].strip("\"'")
    doc = html.fromstring(page)
    where = '//h1[@class="headline"]' if key == "title" else '//*[contains(@class, "standfirst")]'
    assert [e.text_content().strip() for e in doc.xpath(where)][:1] == [text], page


@pytest.mark.parametrize(
    ("typed", "fix", "topics"),
    [
        (
            'tags: ["Rao"s view", Weather]',
            "tags: ['Rao\"s view', Weather]",
            ['Rao"s view', "Weather"],
        ),
        (
            "tags: ['Rao's view', Weather]",
            'tags: ["Rao\'s view", Weather]',
            ["Rao's view", "Weather"],
        ),
        ('tags: [Weather, "He said "no" today"]', "tags: [Weather, 'He said \"no\" today']", None),
        ("tags:\n  - 'Rao's view'\n  - Weather", '- "Rao\'s view"', ["Rao's view", "Weather"]),
        ('tags:\n  - Weather\n  - "Rao"s view"', "- 'Rao\"s view'", ["Weather", 'Rao"s view']),
    ],
)
def test_an_item_wrapped_in_quotes_with_the_same_mark_inside_is_requoted(
    tmp_path: Path, typed: str, fix: str, topics: list[str] | None
) -> None:
    """As for a field's value: the fix writes the item in the other kind of quotes, and
    followed it publishes the topic (tester's second round, fault 16: it went round in a
    loop, or was the parser's words)."""
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", GOOD.replace("tags: [Rain]", typed))
    status, said = checked(project)
    assert status == 1 and "with the same mark inside it" in said, said
    [hint] = fix_lines(said)
    assert hint.endswith(": " + fix), said
    if fix.startswith("-"):
        wrong = next(line for line in typed.splitlines() if "view" in line)
        followed = typed.replace(wrong, "  " + fix)
    else:
        followed = fix
    path.write_text(path.read_text(encoding="utf-8").replace(typed, followed), encoding="utf-8")
    status, said = checked(project)
    assert status == 0, (followed, said)
    assert published_topics(project) == (topics or ["Weather", 'He said "no" today'])


# -- a value typed in brackets on its line, read by YAML as a list (tester's fault 8) ------


@pytest.mark.parametrize(
    ("typed", "fix", "where", "published"),
    [
        ("title: [Live]", 'title: "[Live]"', '//h1[@class="headline"]', "[Live]"),
        ("title: {Live}", 'title: "{Live}"', '//h1[@class="headline"]', "{Live}"),
        ("summary: [a, b]", 'summary: "[a, b]"', '//p[@class="standfirst"]', "[a, b]"),
        ("tags: [[Live], Rain]", 'tags: ["[Live]", Rain]', "//a[@rel='tag']", "[Live]"),
    ],
)
def test_a_value_in_brackets_read_as_a_list_is_fixed_by_quoting_it(
    tmp_path: Path, typed: str, fix: str, where: str, published: str
) -> None:
    project = make_project(tmp_path / "p")
    key = typed.split(":")[0]
    kept = [line for line in GOOD.splitlines() if not line.startswith(key + ":")]
    path = write_article(project, "2025/06/story.md", "\n".join([typed, *kept]))
    said, page = follow_fix(project, path, typed, key)
    assert "content/2025/06/story.md:2: error:" in said, said
    assert "in brackets as a" in said, said
    assert fix_lines(said)[0].endswith(": " + fix), said
    found = [e.text_content().strip() for e in html.fromstring(page).xpath(where)]
    assert published in found, page


# -- `credits:` typed empty, as a name or as a list (tester's fault 5) ---------------------

NO_CREDITS = "\n".join(
    line for line in GOOD.splitlines() if "credits" not in line and "author" not in line
)


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("credits: Asha Rao", ["Asha Rao"]),
        ("credits:\n  Asha Rao", ["Asha Rao"]),
        ("credits:\n  - Asha Rao", ["Asha Rao"]),
        ("credits: [Asha Rao, Ben Li]", ["Asha Rao", "Ben Li"]),
        ('credits: "author: Asha Rao"', ["Asha Rao"]),
        ("credits: author: Asha Rao", ["Asha Rao"]),
    ],
)
def test_credits_typed_as_a_name_get_the_two_lines_to_write(
    tmp_path: Path, typed: str, names: list[str]
) -> None:
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", NO_CREDITS + "\n" + typed)
    status, said = checked(project)
    assert status == 1
    assert (
        "content/2025/06/story.md:6: error: credits must be a set of fields" in said
        or "story.md:6: error: 'author:' is a field inside 'credits:', typed on its line" in said
    ), said
    [hint] = fix_lines(said)
    found = re.search(r"write 'credits:' on its own line, then '(  author: [^']+)' indented", hint)
    assert found, said
    text = path.read_text(encoding="utf-8").replace(typed, "credits:\n" + found.group(1))
    path.write_text(text, encoding="utf-8")
    site = project / "site"
    result = run_here("build", "--output", str(site), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    [page] = site.glob("2025/06/*/*/index.html")
    doc = html.fromstring(page.read_bytes())
    assert doc.xpath('//p[@class="byline"]/a[@class="author"]/text()') == names


@pytest.mark.parametrize("typed", ["credits:", "credits: ~", "credits: null"])
def test_empty_credits_are_told_to_write_author_below(tmp_path: Path, typed: str) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", NO_CREDITS + "\n" + typed)
    status, said = checked(project)
    assert status == 1
    assert "content/2025/06/story.md:6: error: credits is empty" in said, said
    assert fix_lines(said) == [
        "fix: write 'credits:' on its own line, then below it the line '  author: ' (two "
        "spaces in) followed by the writer's name"
    ]


# -- a Tab at a line's end above a Tab-indented line (tester's fault 10) -------------------

TABBED = "title: Storm\ndate: 2025-06-02T10:00:00+05:30\ncountry: Norway\t\ncredits:\n"


@pytest.mark.parametrize(
    ("typed", "line", "fixed"),
    [
        ("\tauthor: Asha", 6, "  author: Asha"),
        ("\t\tauthor: Asha", 6, "    author: Asha"),
        ("  author: Asha\n\tsources: [AFP]", 7, "  sources: [AFP]"),
        # the tester's second round (fault 12): a Tab after the dash; a top-level field
        ("  author: Asha\ntags:\n  -\tRain", 8, "  - Rain"),
        ("  author: Asha\ntags:\n\t-\tRain", 8, "  - Rain"),
        ("  author: Asha\nsummary: Rain.\n\tlanguage: en", 8, "language: en"),
    ],
)
def test_a_tab_indented_line_is_named_whatever_tabs_end_the_lines_above(
    tmp_path: Path, typed: str, line: int, fixed: str
) -> None:
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", TABBED + typed)
    status, said = checked(project)
    assert status == 1
    assert f"content/2025/06/story.md:{line}: error: this line is indented with a Tab" in said
    assert fix_lines(said) == [f"fix: indent with spaces instead: '{fixed}'"], said
    tabbed = typed.splitlines()[-1]
    path.write_text(path.read_text(encoding="utf-8").replace(tabbed, fixed), encoding="utf-8")
    status, said = checked(project)
    assert status == 0, said


def test_a_tab_at_a_line_end_that_yaml_cannot_read_is_named_with_the_line_without_it(
    tmp_path: Path,
) -> None:
    # over 500 brackets: read by PyYAML's own parser, which stops on a Tab at a line's end
    project = make_project(tmp_path / "p")
    summary = 'summary: "' + "[" * 501 + '"\n'
    path = write_article(project, "2025/06/story.md", TABBED + "  author: Asha\n" + summary)
    status, said = checked(project)
    assert status == 1
    assert "content/2025/06/story.md:4: error: this line ends with a Tab" in said, said
    assert fix_lines(said) == ["fix: delete the Tab at the end of the line: 'country: Norway'"]
    text = path.read_text(encoding="utf-8").replace("Norway\t", "Norway")
    path.write_text(text, encoding="utf-8")
    status, said = checked(project)
    assert status == 0, said


# -- authors.yaml: a `slug:` that is not a URL slug (tester's fault 4) ---------------------


def test_the_fix_for_an_authors_bad_slug_is_made_from_it_or_the_name(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(
        project,
        "2025/06/story.md",
        GOOD.replace("author: Desk", "author: [Asha Rao, Ben Li, 中村]"),
    )
    registry = project / "authors.yaml"
    registry.write_text(
        "Asha Rao:\n  bio: Reporter.\nBen Li:\n  slug: Ben Li!\n中村:\n  slug: '!!'\n",
        encoding="utf-8",
    )
    status, said = checked(project)
    assert status == 1
    assert "authors.yaml:4: error: 'Ben Li'.slug 'Ben Li!' is not a URL slug" in said, said
    assert "authors.yaml:6: error: '中村'.slug '!!' is not a URL slug" in said, said
    fixes = fix_lines(said)
    assert fixes[0].endswith("single hyphens: slug: ben-li"), said
    assert fixes[1].endswith("the name in romanised words, 'slug: <firstname-lastname>'"), said
    assert "asha-rao" not in said
    text = registry.read_text(encoding="utf-8")
    text = text.replace("slug: Ben Li!", "slug: ben-li").replace("slug: '!!'", "slug: nakamura")
    registry.write_text(text, encoding="utf-8")
    site = project / "site"
    result = run_here("build", "--output", str(site), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    for slug, name in (("asha-rao", "Asha Rao"), ("ben-li", "Ben Li"), ("nakamura", "中村")):
        page = (site / "authors" / slug / "index.html").read_text(encoding="utf-8")
        assert f">{name}<" in page, slug


@pytest.mark.parametrize(
    "registry",
    [
        "Asha Rao:\n  slug: asha-rao\nBen Li:\n  slug: Asha Rao\n",
        "Ben Li:\n  slug: Asha Rao\nAsha Rao:\n  bio: Reporter.\n",  # her page from her name
    ],
)
def test_the_fix_for_a_bad_slug_is_never_another_authors_page(
    tmp_path: Path, registry: str
) -> None:
    """'slug: Asha Rao' under Ben Li: the fix is ben-li, from his name, not asha-rao,
    which is Asha Rao's page (tester's second round, fault 11)."""
    project = make_project(tmp_path / "p")
    write_article(
        project, "2025/06/story.md", GOOD.replace("author: Desk", "author: [Asha Rao, Ben Li]")
    )
    (project / "authors.yaml").write_text(registry, encoding="utf-8")
    status, said = checked(project)
    assert status == 1
    assert "error: 'Ben Li'.slug 'Asha Rao' is not a URL slug" in said, said
    [fix] = fix_lines(said)
    assert fix.endswith("single hyphens: slug: ben-li"), said
    text = registry.replace("slug: Asha Rao", fix[fix.rindex("slug: ") :])
    (project / "authors.yaml").write_text(text, encoding="utf-8")
    site = project / "site"
    result = run_here("build", "--output", str(site), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    for slug, name in (("asha-rao", "Asha Rao"), ("ben-li", "Ben Li")):
        assert f">{name}<" in (site / "authors" / slug / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["[Live] Desk", "{Live} Desk", "*Star Desk"])
def test_a_byline_in_authors_yaml_starting_with_a_bracket_is_put_in_quotes(
    tmp_path: Path, name: str
) -> None:
    """Not the parser's 'expected <block end>' (tester's second round, fault 17)."""
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", GOOD.replace("author: Desk", f'author: "{name}"'))
    registry = project / "authors.yaml"
    registry.write_text(f"{name}:\n  bio: The live desk.\n", encoding="utf-8")
    status, said = checked(project)
    assert status == 1
    assert f"authors.yaml:1: error: the name '{name}' starts with '{name[0]}'" in said, said
    assert "block end" not in said
    [fix] = fix_lines(said)
    assert fix == f'fix: put the name in quotes: "{name}":', said
    registry.write_text(f'"{name}":\n  bio: The live desk.\n', encoding="utf-8")
    site = project / "site"
    result = run_here("build", "--output", str(site), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    [page] = site.glob("2025/06/*/*/index.html")
    doc = html.fromstring(page.read_bytes())
    assert doc.xpath('//p[@class="byline"]/a[@class="author"]/text()') == [name]


# -- image.src neither https:// nor a file in content/ (tester's fault 7) ------------------


@pytest.mark.parametrize(
    ("typed", "said", "fixed"),
    [
        ("//cdn.example.org/a.jpg", "has no https: in front", "https://cdn.example.org/a.jpg"),
        ("https:/example.org/a.jpg", "is a web address mistyped", "https://example.org/a.jpg"),
        ("https:///example.org/a.jpg", "is a web address mistyped", "https://example.org/a.jpg"),
        ("https//example.org/a.jpg", "is a web address mistyped", "https://example.org/a.jpg"),
        ("htps://example.org/a.jpg", "is a web address mistyped", "https://example.org/a.jpg"),
        ("'C:\\Users\\desk\\photo.png'", "is a file on your own computer or network", "photo.png"),
        ("C:/Users/desk/photo.png", "(drive C:)", "photo.png"),
        ("file:///C:/Users/desk/photo.png", "is a file on your own computer", "photo.png"),
        ("'\\\\server\\share\\photo.png'", "is a file on your own computer", "photo.png"),
        # the tester's second round (fault 8)
        ("'https;//example.org/a.jpg'", "starts 'https;//'", "https://example.org/a.jpg"),
        ("example.org/a.jpg", "without https:// in front", "https://example.org/a.jpg"),
        ("/home/asha/photo.png", "(in your home folder)", "photo.png"),
        ("'~/photo.png'", "(in your home folder)", "photo.png"),
        ("/Users/asha/Desktop/photo.png", "(in your home folder)", "photo.png"),
    ],
)
def test_an_image_address_that_is_neither_https_nor_a_file_gets_a_fix_that_works(
    tmp_path: Path, typed: str, said: str, fixed: str
) -> None:
    project = make_project(tmp_path / "p")
    front = GOOD + f"\nimage:\n  src: {typed}\n  alt: The flooded road"
    path = write_article(project, "2025/06/story.md", front)
    status, out = checked(project)
    assert status == 1
    assert "content/2025/06/story.md:9: error: image.src: " in out, out
    assert said in out, out
    assert fix_lines(out)[0].endswith(f"src: {fixed} (with the 2 spaces before 'src:')"), out
    if not fixed.startswith("https://"):  # put the picture beside the article, as told
        (path.parent / fixed).write_bytes(tiny_png((1600, 900)))
    path.write_text(path.read_text(encoding="utf-8").replace(typed, fixed), encoding="utf-8")
    status, out = checked(project)
    assert status == 0, out


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("ftp://x.org/a.jpg", "(ftp: addresses are not published)"),
        ("'data:image/png;base64,iVBORw0KGgo='", "the picture is pasted as text (a data: address)"),
        ("mailto:desk@example.org", "(mailto: addresses are not published)"),
        ("'https://'", "'https://' is the start of a web address with no address after it"),
        ("'https:'", "is the start of a web address with no address after it"),
    ],
)
def test_another_kind_of_address_as_an_image_is_told_to_use_https_or_a_file(
    tmp_path: Path, typed: str, said: str
) -> None:
    project = make_project(tmp_path / "p")
    front = GOOD + f"\nimage:\n  src: {typed}\n  alt: The flooded road"
    write_article(project, "2025/06/story.md", front)
    status, out = checked(project)
    assert status == 1
    assert "content/2025/06/story.md:9: error: image.src: " in out and said in out, out
    [fix] = fix_lines(out)
    assert "content/ beside the article" in fix and "no file" not in fix, out


# -- tags typed as words, with ';', or on two lines (tester's small item 21) ---------------


@pytest.mark.parametrize(
    ("typed", "said", "fixed"),
    [
        (
            "tags: Weather Floods",
            "error: tags must be a list",
            "tags: [Weather Floods] for one topic, or tags: [Weather, Floods] for two: a comma "
            "separates the topics",
        ),
        (
            "tags:\n  Weather\n  Floods",
            "error: tags must be a list",
            "tags: [Weather Floods] for one topic, or tags: [Weather, Floods] for two: a comma "
            "separates the topics",
        ),
        (
            "tags: [Weather; Floods]",
            "warning: tags: 'Weather; Floods' is one topic: a comma, not ';', separates topics",
            "for two topics, write them with commas: tags: [Weather, Floods]",
        ),
        (
            "tags: Weather\ntags: Floods",
            "error: tags: given twice (first on line 7)",
            "one 'tags:' line with the items of both, and delete the other: "
            "tags: [Weather, Floods]",
        ),
    ],
)
def test_two_topics_typed_without_a_comma_between_get_the_list_of_both(
    tmp_path: Path, typed: str, said: str, fixed: str
) -> None:
    project = make_project(tmp_path / "p")
    front = GOOD.replace("tags: [Rain]", typed)
    path = write_article(project, "2025/06/story.md", front)
    status, out = checked(project)
    assert f"content/2025/06/story.md:{7 + typed.count('tags:') - 1}: {said}" in out, out
    assert fix_lines(out) == [f"fix: {fixed}" if fixed.startswith("for") else f"fix: write {fixed}"]
    text = path.read_text(encoding="utf-8").replace(typed, "tags: [Weather, Floods]")
    path.write_text(text, encoding="utf-8")
    assert published_topics(project) == ["Weather", "Floods"]


def test_topics_typed_on_three_lines_are_one_error_whose_fix_keeps_all_three(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    typed = "tags: [Weather]\ntags: [Floods, Weather]\ntags: Rain"
    path = write_article(project, "2025/06/story.md", GOOD.replace("tags: [Rain]", typed))
    status, out = checked(project)
    assert status == 1 and "Traceback" not in out, out
    assert (
        "content/2025/06/story.md:8: error: tags: given 3 times (on lines 7, 8 and 9); only "
        "one value is allowed" in out
    ), out
    assert out.count("error:") == 1, out
    follow_tags_fix(project, path, typed, out)
    assert published_topics(project) == ["Weather", "Floods", "Rain"]


def test_a_headline_typed_three_times_is_one_error_naming_every_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    front = GOOD.replace("tags: [Rain]", "tags: [Rain]\ntitle: Two\ntitle: Three")
    write_article(project, "2025/06/story.md", front)
    status, out = checked(project)
    assert status == 1 and "Traceback" not in out, out
    [line] = [line for line in out.splitlines() if "given" in line]
    assert line.endswith("title: given 3 times (on lines 2, 8 and 9); only one value is allowed")
    assert fix_lines(out) == ["fix: keep one of the 3 'title:' lines and delete the others"]


@pytest.mark.parametrize(
    ("typed", "topics"),
    [
        ("tags: Weather; Floods", ["Weather", "Floods"]),
        ('tags: "Weather; Floods"', ["Weather", "Floods"]),
        ("tags: Weather、Floods", ["Weather", "Floods"]),
        ("tags: Weather, Floods;", ["Weather", "Floods"]),
        ('tags: "Weather: Floods"', ["Weather", "Floods"]),
        ("tags: Weather: Floods", ["Weather", "Floods"]),
        ("tags: Weather: Floods: Rain", ["Weather", "Floods", "Rain"]),
    ],
)
def test_the_fix_for_topics_between_marks_publishes_them_without_the_marks(
    tmp_path: Path, typed: str, topics: list[str]
) -> None:
    """The fix's list of several topics, followed as written, publishes the words alone,
    never 'Weather;' or 'Weather:' (tester's second round, fault 5)."""
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", GOOD.replace("tags: [Rain]", typed))
    status, out = checked(project)
    assert status == 1 and "content/2025/06/story.md:7: error:" in out, out
    follow_tags_fix(project, path, typed, out)
    assert published_topics(project) == topics


def test_one_topic_with_a_colon_is_offered_in_quotes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    path = write_article(
        project, "2025/06/story.md", GOOD.replace("tags: [Rain]", "tags: Vote: Live")
    )
    status, out = checked(project)
    [fix] = fix_lines(out)
    assert 'write tags: ["Vote: Live"] for one topic, or tags: [Vote, Live] for 2 topics' in fix
    path.write_text(
        path.read_text(encoding="utf-8").replace("tags: Vote: Live", 'tags: ["Vote: Live"]'),
        encoding="utf-8",
    )
    assert published_topics(project) == ["Vote: Live"]


# -- other unclear fixes (tester's small item 24) ------------------------------------------


@pytest.mark.parametrize(
    ("typed", "said", "fix", "followed", "published"),
    [
        (
            "title: &Co opens",
            "'&Co' at the start of a value is read by YAML as a label",
            'put the whole value in quotes: title: "&Co opens"',
            'title: "&Co opens"',
            ("//h1", "&Co opens"),
        ),
        (
            "  author: Asha Rao  # staff",
            "the text after ' #' is read as a comment",
            "if '# staff' is a note, write it on a line of its own (or delete it): author: Asha "
            'Rao; if it is text, put the whole value in quotes: author: "Asha Rao  # staff"'
            " (with the 2 spaces before 'author:')",  # credits', not a field of its own
            "  author: Asha Rao",
            ("//a[@class='author']", "Asha Rao"),
        ),
        (
            '  author: "  "',
            "credits.author is empty",
            "write the byline after 'author:'",
            "  author: Asha Rao",
            ("//a[@class='author']", "Asha Rao"),
        ),
        (
            "tags: [Weather, ~]",
            "tags: item 2 is '~', which YAML reads as \"no value\"",
            "remove the item (and its comma), or if '~' is meant, put it in quotes: \"~\"",
            "tags: [Weather]",
            ("//a[@rel='tag']", "Weather"),
        ),
    ],
)
def test_unclear_fixes_say_what_to_write(
    tmp_path: Path, typed: str, said: str, fix: str, followed: str, published: tuple[str, str]
) -> None:
    project = make_project(tmp_path / "p")
    key = typed.strip().split(":")[0]
    lines = [typed if line.strip().split(":")[0] == key else line for line in GOOD.splitlines()]
    path = write_article(project, "2025/06/story.md", "\n".join(lines))
    status, out = checked(project)
    assert status == 1 and said in out, out
    assert fix_lines(out) == [f"fix: {fix}"], out
    path.write_text(path.read_text(encoding="utf-8").replace(typed, followed), encoding="utf-8")
    site = project / "site"
    result = run_here("build", "--output", str(site), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    [page] = site.glob("2025/06/*/*/index.html")
    where, text = published
    assert text in [e.text_content() for e in html.fromstring(page.read_bytes()).xpath(where)]


def test_a_misspelt_tool_newsdigest_table_is_named(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.newsdiggest]\ntitle = "T"\n', "utf-8")
    result = run_here("check", cwd=project)
    assert result.returncode == 2
    assert "pyproject.toml has [tool.newsdiggest]: did you mean [tool.newsdigest]?" in result.stderr


def test_an_unknown_field_is_named_as_typed_not_as_python_writes_it(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", GOOD + "\nnull: y\n[a]: b\n~: c")
    status, out = checked(project)
    assert status == 0, out
    for line, typed in ((8, "null"), (9, "[a]"), (10, "~")):
        assert (
            f"content/2025/06/story.md:{line}: warning: unknown field '{typed}' is ignored" in out
        )
    assert "None" not in out and "['a']" not in out


def test_a_correction_typed_as_text_is_named_on_its_own_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    corrections = (
        "\ncorrections:\n  - date: 2025-06-03T09:00:00+05:30\n    text: It is 1.2 km.\n"
        '  - date: 2025-06-03T10:00:00+05:30\n    text: ""\n  - "just a string"'
    )
    write_article(project, "2025/06/story.md", GOOD + corrections)
    status, out = checked(project)
    assert status == 1
    lines = out.splitlines()
    assert lines[:4] == [
        "content/2025/06/story.md:12: error: corrections: item 2: text is empty",
        "    fix: write the correction's text after 'text:'",
        "content/2025/06/story.md:13: error: corrections: item 3 must be a date and a text, "
        "not text",
        "    fix: write each as '- date: 2025-06-26T10:00:00+05:30' with an indented "
        "'text: What was wrong and what is right'",
    ], out


@pytest.mark.parametrize("tags", ["[Weather, Floods]", " (Weather, Floods) "])
def test_new_refuses_topics_wrapped_in_brackets(tmp_path: Path, tags: str) -> None:
    project = make_project(tmp_path / "p")
    result = run_here("new", "Storm hits", "--country", "India", "--tags", tags, cwd=project)
    assert result.returncode == 2
    assert (
        f"--tags {tags.strip()!r} is wrapped in brackets, which would be published as part of "
        "the first and last topics; write the topics with commas alone: --tags 'Weather, Floods'"
    ) in result.stderr
    assert not list((project / "content").rglob("*.md"))


def test_a_named_pipe_or_a_name_with_spaces_after_md_is_named_not_waited_on(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", GOOD)
    site = project / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    os.mkfifo(project / "content/2025/06/fifo.md")  # read, it would hang check and build
    (project / "content/2025/06/other.md ").write_text("---\n" + GOOD + "\n---\nB.\n", "utf-8")
    for command in ("check", "build"):
        result = (
            run_here(command, "--output", str(site), cwd=project)
            if command == "build"
            else (run_here(command, cwd=project))
        )
        said = result.stdout + result.stderr
        assert result.returncode == 1, said
        assert (
            "content/2025/06/fifo.md:1: error: this is not a file but a named pipe, a socket or a "
            "device, which cannot be read as an article"
        ) in said
        assert (
            "content/2025/06/other.md :1: error: this file is not read: its name ends in spaces "
            "after the extension\n    fix: rename the file to other.md"
        ) in said


@pytest.mark.parametrize(
    ("typed", "choices"),
    [
        ('tags: "C #"', [["C #"]]),  # '#' alone is no topic: not offered as one
        ('tags: "Rain #floods"', [["Rain #floods"], ["Rain", "#floods"]]),
        ("tags: Vote: #1", [["Vote: #1"], ["Vote", "#1"]]),
        ('tags: "@desk; *NSYNC"', [["@desk", "*NSYNC"]]),
    ],
)
def test_every_list_a_topic_fix_offers_is_valid_yaml_with_those_topics(
    tmp_path: Path, typed: str, choices: list[list[str]]
) -> None:
    """`tags: "C #"` (a Hugo `keywords:` renamed): each list the fix offers, followed as
    written, checks clean and publishes those topics: '#' quoted, never read as a comment
    (tester 2, M4)."""
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", GOOD.replace("tags: [Rain]", typed))
    status, out = checked(project)
    assert status == 1 and "content/2025/06/story.md:7: error:" in out, out
    [fix] = fix_lines(out)
    offered = re.findall(r"tags: (\[.*?\])(?= for |:|$)", fix)
    assert len(offered) == len(choices), fix
    for listed, topics in zip(offered, choices, strict=True):
        path.write_text(
            path.read_text(encoding="utf-8").replace(typed, f"tags: {listed}"), encoding="utf-8"
        )
        status, out = checked(project)
        assert (status, out.count("warning")) == (0, 0), (listed, out)
        assert published_topics(project) == topics
        typed = f"tags: {listed}"


@pytest.mark.parametrize(
    ("typed", "replaced", "line", "fixed"),
    [
        ("country India", "country: India", 4, "country: India"),
        ("  author Desk\n  sources: [PTI]", "  author: Desk", 6, "  author: Desk"),
        ("tags [Rain]", "tags: [Rain]", 7, "tags: [Rain]"),
        ("draft false", "tags: [Rain]", 8, "draft: false"),  # the last line
    ],
)
def test_a_line_missing_its_colon_is_named_on_its_own_line_with_the_colon_added(
    tmp_path: Path, typed: str, replaced: str, line: int, fixed: str
) -> None:
    """`country India`: PyYAML stops on the line after it (or the next field's); check names
    the line typed and the fix, followed, checks clean (tester 2, M5)."""
    project = make_project(tmp_path / "p")
    front = (
        GOOD.replace(replaced, typed)
        if replaced != "tags: [Rain]" or "tags" in typed
        else (GOOD + "\n" + typed)
    )
    path = write_article(project, "2025/06/story.md", front)
    status, out = checked(project)
    words = typed.split("\n")[0].strip()
    assert status == 1
    assert (
        f"content/2025/06/story.md:{line}: error: '{words}' has no ':', so YAML cannot "
        "read this line as a field"
    ) in out, out
    assert fix_lines(out) == [f"fix: write the line with a colon after the name: '{fixed}'"]
    text = path.read_text(encoding="utf-8").replace(typed.split("\n")[0], fixed)
    path.write_text(text, encoding="utf-8")
    assert checked(project)[0] == 0


def test_the_last_field_of_credits_missing_its_colon_gets_the_field_and_its_value(
    tmp_path: Path,
) -> None:
    """`  author Desk` as credits' last line is valid YAML (credits' text): the fix is the
    field with its colon, never `author: author Desk`."""
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", GOOD.replace("author: Desk", "author Desk"))
    status, out = checked(project)
    assert status == 1 and "content/2025/06/story.md:5: error: credits must be" in out, out
    assert fix_lines(out) == [
        "fix: write 'credits:' on its own line, then '  author: Desk' indented below it"
    ]
    text = path.read_text(encoding="utf-8").replace("  author Desk", "  author: Desk")
    path.write_text(text, encoding="utf-8")
    assert checked(project)[0] == 0


@pytest.mark.parametrize(
    ("typed", "country", "topics"),
    [
        ("country: [India, Pakistan]", "India", ["Rain", "Pakistan"]),
        ("country: [India]", "India", ["Rain"]),
    ],
)
def test_a_list_of_countries_gets_one_country_and_the_others_as_topics(
    tmp_path: Path, typed: str, country: str, topics: list[str]
) -> None:
    """`country: [India, Pakistan]` (tester 2, M7): the fix is one country and the others
    in the topics, never the list in quotes (a country named "[India, Pakistan]")."""
    project = make_project(tmp_path / "p")
    front = GOOD.replace("country: India", typed)
    path = write_article(project, "2025/06/story.md", front)
    status, said = checked(project)
    assert status == 1 and "content/2025/06/story.md:4: error: country must be one country" in said
    [fix] = fix_lines(said)
    assert '"[' not in fix, fix
    lines = [line for line in front.splitlines() if not line.startswith(("country:", "tags:"))]
    listed = re.search(r"tags: \[.*\]$", fix)
    given = [re.findall(r"country: [^,]+", fix)[0], listed.group() if listed else "tags: [Rain]"]
    path.write_text("---\n" + "\n".join([*lines, *given]) + "\n---\nBody.\n", encoding="utf-8")
    assert checked(project)[0] == 0, given
    site = project / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    [page] = site.glob("2025/06/*/*/index.html")
    tree = html.fromstring(page.read_bytes())
    assert tree.xpath("//a[@rel='tag']/text()") == topics
    assert country in page.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "removed", "topics"),
    [
        ("tags:\n  - Politics\n  - [Elections]", "tags:\n  - Politics\n  - Elections", None),
        ("tags: [Politics, [Elections]]", "tags: [Politics, Elections]", None),
        (
            "tags:\n  - [Elections, Polls]",
            "tags:\n  - Elections\n  - Polls",
            ["Elections", "Polls"],
        ),  # noqa: E501
    ],
)
def test_an_item_in_brackets_is_offered_without_them_first(
    tmp_path: Path, typed: str, removed: str, topics: list[str] | None
) -> None:
    """`- [Elections]` (tester 2, M7): the fix first removes the brackets (a topic named
    "[Elections]" is rarely meant), then offers the quotes for a name that has them."""
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", GOOD.replace("tags: [Rain]", typed))
    status, said = checked(project)
    assert status == 1 and "must be text, not a list" in said, said
    [fix] = fix_lines(said)
    assert fix.startswith("fix: remove the brackets: "), fix
    assert "or, if they are part of the name, put the item in quotes" in fix
    path.write_text(path.read_text(encoding="utf-8").replace(typed, removed), encoding="utf-8")
    assert checked(project)[0] == 0
    assert published_topics(project) == (topics or ["Politics", "Elections"])


def test_fields_of_credits_without_their_credits_line_are_told_to_add_it(tmp_path: Path) -> None:
    """`  author:` and `  sources:` indented under `country:` with no `credits:` line (tester
    2, M11): the fix adds `credits:` above them, and followed, the story checks clean
    (lining `author:` up with `country:` would only lead to the next error)."""
    project = make_project(tmp_path / "p")
    front = GOOD.replace("credits:\n  author: Desk", "  author: Desk\n  sources: [PTI]")
    path = write_article(project, "2025/06/story.md", front)
    status, said = checked(project)
    assert status == 1
    assert (
        "content/2025/06/story.md:5: error: 'author:' is a field of 'credits:', and no "
        "'credits:' line is above it: YAML reads it as part of the line above's value"
    ) in said, said
    assert fix_lines(said) == [
        "fix: add the line 'credits:' above it, with 'author:' and the other fields of "
        "credits indented below it"
    ]
    path.write_text(
        path.read_text(encoding="utf-8").replace("  author: Desk", "credits:\n  author: Desk"),
        encoding="utf-8",
    )
    assert checked(project) == (0, "checked 1 article: no errors\n")


@pytest.mark.parametrize("tags", ["tags: [Rain]", "tags:\n  - Rain"])
def test_credits_fields_after_a_list_are_told_to_add_the_credits_line(
    tmp_path: Path, tags: str
) -> None:
    """`  author:` right after a list line, no `credits:` (prober, M11): the fix was to line
    it up ('author: Desk' at the start), which only led to the next error."""
    project = make_project(tmp_path / "p")
    front = GOOD.replace("credits:\n  author: Desk\ntags: [Rain]", f"{tags}\n  author: Desk")
    front += "\n  sources: [PTI]\nsummary: Test."
    path = write_article(project, "2025/06/story.md", front)
    status, said = checked(project)
    line = front.splitlines().index("  author: Desk") + 2
    assert status == 1 and f"story.md:{line}: error: 'author:' is a field of 'credits:'" in said
    assert fix_lines(said) == [
        "fix: add the line 'credits:' above it, with 'author:' and the other fields of "
        "credits indented below it"
    ]
    text = path.read_text(encoding="utf-8").replace("  author: Desk", "credits:\n  author: Desk")
    path.write_text(text, encoding="utf-8")
    assert checked(project) == (0, "checked 1 article: no errors\n")
