"""The plain-text fixes, followed literally, are valid YAML that publishes what was meant
(prober3 M1, M2): a source YAML would read as something else is quoted in the list
(`"Press Trust of India: PTI"`, `"null"`, `"[Wire]"`, `"{x}"`), and the fix for a value
spread over lines (a block list, a `>` or `|` value) names the lines it replaces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, write_article


def follow(path: Path, out: str) -> None:
    """Do what the fix for `path` says: put its line in place of the line (or lines) named."""
    name = re.escape(path.name)
    found = re.search(rf"{name}:(\d+): (?:warning|error): [^\n]*\n    fix: [^:]*: (.*)", out)
    assert found, out
    line, fix = int(found.group(1)), found.group(2)
    first = last = line
    spans = re.search(
        r" \(in place of lines (\d+)-(\d+), the whole (?:value|list)"
        r"(?:, with the (\d+) spaces before '[^']*:')?\)$",
        fix,
    )
    lines = path.read_text(encoding="utf-8").split("\n")
    indent = re.match(r"\s*", lines[first - 1]).group()  # type: ignore[union-attr]
    alone = re.search(r" \(with the (\d+) spaces? before '[^']*:'\)$", fix)  # prober5 P14
    if spans:  # the lines named, indented only as the fix says (prober4 M3)
        first, last = int(spans.group(1)), int(spans.group(2))
        fix, indent = fix[: spans.start()], " " * int(spans.group(3) or 0)
    elif alone:  # its one line, indented as the fix says
        fix, indent = fix[: alone.start()], " " * int(alone.group(1))
    lines[first - 1 : last] = [indent + fix]
    path.write_text("\n".join(lines), encoding="utf-8")


SOURCES = [
    ('  sources: ["**AP**", "Press Trust of India: PTI", "yes", "null"]\n', 4),
    ('  sources: ["**AP**", "[Wire]", "{x}", "@desk"]\n', 4),
    '  sources:\n    - "**AP**"\n    - Reuters\n',
    '  sources:\n    - AP\n    - "**AP**"\n',  # the fix names AP once: no second round
    "image:\n  src: https://example.org/a.jpg\n  alt: A blue field\n"
    "  caption: >\n    A **bold**\n    caption\n",
    "corrections:\n  - date: 2025-06-02T10:00:00Z\n    text: |\n"
    "      A longer correction\n      with *emphasis* on line two.\n",
    # prober4 M3: `sources:` moved to the top level, out of credits
    '  sources:\n    - "**AP**"\n    - "yes"\n',
    '  sources:\n  - "**PTI**: Delhi"\n  - Reuters\n',
    # prober4 M2: a summary's fix named no lines; followed, it was invalid YAML
    "summary: |\n  Line **one**\n  - item\n",
    "summary: >-\n  Storm **hits**\n\n  second para\n",
    "summary: >-\n  Storm <b>hits</b>\n  now\n",
]


@pytest.mark.parametrize("extra", SOURCES)
def test_following_the_plain_text_fix_is_valid_and_keeps_every_item(
    tmp_path: Path, extra: str | tuple[str, int]
) -> None:
    typed, count = extra if isinstance(extra, tuple) else (extra, 0)
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + typed)

    first = run_here("check", cwd=project)
    follow(path, first.stdout + first.stderr)
    second = run_here("check", cwd=project)

    out = second.stdout + second.stderr
    assert second.returncode == 0, out
    assert "warning" not in out, path.read_text(encoding="utf-8")
    if count:
        built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
        assert built.returncode == 0
        page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
        for name in ("Press Trust of India: PTI", "null", "[Wire]", "{x}")[:count]:
            if name in typed:
                assert name in page


def test_a_bio_over_lines_gets_a_fix_naming_its_lines(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY)
    authors = project / "authors.yaml"
    authors.write_text(
        "Desk:\n  slug: desk\n  bio: >\n    Covers **energy** and\n    _climate_ for the desk.\n",
        encoding="utf-8",
    )

    first = run_here("check", cwd=project)
    out = first.stdout + first.stderr
    assert (
        "fix: write it without Markdown: bio: 'Covers energy and climate for the desk.'"
        " (in place of lines 3-5, the whole value, with the 2 spaces before 'bio:')" in out
    )
    follow(authors, out)
    second = run_here("check", cwd=project)
    assert second.returncode == 0
    assert "warning" not in second.stdout + second.stderr


def test_a_one_line_value_gets_no_lines_named(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY + '  sources: ["**AP**", Reuters]\n')

    out = run_here("check", cwd=project).stdout
    assert (
        "fix: write them as plain text: sources: [AP, Reuters] (with the 2 spaces before"
        " 'sources:')\n" in out  # credits', not a field of its own (prober5 P14)
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ('summary: "  Breaking: floods in Assam  "\n', "Breaking: floods in Assam"),
        ('tags: [" Storm: Day 2 ", Rain]\n', "Storm: Day 2"),
        ('tags: [" [Update] Storm ", "#1 seed"]\n', "[Update] Storm"),
    ],
)
def test_the_quoted_spaces_fix_keeps_the_quotes_the_value_needs(
    tmp_path: Path, typed: str, meant: str
) -> None:
    """prober3 M3: `summary: Breaking: floods in Assam` and a tag `Storm: Day 2` alone
    were the fixes, which YAML reads as another field."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + typed)

    first = run_here("check", cwd=project)
    assert "has spaces at its start or end" in first.stdout
    follow(path, first.stdout)
    second = run_here("check", cwd=project)
    assert second.returncode == 0, second.stdout
    assert "warning" not in second.stdout, path.read_text(encoding="utf-8")
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
    assert meant.replace('"', "&#34;") in page.replace("&quot;", "&#34;")


IMAGE = "image:\n  src: https://example.org/a.jpg\n  alt: A blue field\n"


@pytest.mark.parametrize("credit", ['"Photo: Reuters"', "Reuters"])
def test_the_image_credit_move_fix_is_one_valid_line_under_credits(
    tmp_path: Path, credit: str
) -> None:
    """prober3 M4: the fix wrote `image: Photo: Reuters` (not YAML) and a second
    `credits:` line; it is now the line to put under the story's `credits:`."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + IMAGE + f"  credit: {credit}\n")

    out = run_here("check", cwd=project).stdout
    found = re.search(
        r"story.md:10: warning: [^\n]*\n    fix: move it under 'credits:' "
        r"\(line 5\) as '(.*)'\n",
        out,
    )
    assert found, out
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[9]  # the image's credit: line
    lines.insert(5, found.group(1))  # under credits:
    path.write_text("\n".join(lines), encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert "warning" not in built.stdout
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
    assert credit.strip('"') in page


def test_an_image_credit_beside_credits_image_asks_to_keep_one(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(
        project, "2025/06/story.md", STORY + "  image: AP\n" + IMAGE + "  credit: Reuters\n"
    )

    out = run_here("check", cwd=project).stdout
    assert (
        "story.md:11: warning: unknown field 'image.credit' is ignored: it is written in "
        "'credits:', as 'credits.image', which is set already: AP on line 7\n"
        "    fix: keep one: delete this line, or delete it and write '  image: Reuters' in "
        "place of line 7\n"
    ) in out


@pytest.mark.parametrize(
    ("credits", "said"),
    [  # prober4 M4: a `{...}` group rewritten whole; a kept line indented as its group's
        ("credits: {author: Desk}\n", "move it into 'credits:': write "),
        ("credits: {author: Desk, image: AP}\n", "keep one: delete this line, or delete it "),
        ("credits:\n  author: Desk\n  image: AP\n", "keep one: delete this line, or delete it "),
        ("credits:\n    author: Desk\n", "move it under 'credits:' (line 5) as "),
        ("credits:\n    author: Desk\n    image: AP\n", "keep one: delete this line, or "),
    ],
)
def test_the_image_credit_fix_followed_literally_publishes_the_credit(
    tmp_path: Path, credits: str, said: str
) -> None:
    project = make_project(tmp_path / "project")
    front = STORY.split("credits:")[0] + credits + IMAGE + '  credit: "Photo: Reuters"\n'
    path = write_article(project, "2025/06/story.md", front)

    out = run_here("check", cwd=project).stdout
    found = re.search(
        r"story.md:(\d+): warning: [^\n]*\n    fix: (.*(?:write|as) )"
        r"'(.*)'( in place of line \d+)?\n",
        out,
    )
    assert found, out
    assert found.group(2).startswith(said), out
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[int(found.group(1)) - 1]  # the image's credit: line
    if found.group(4):  # ' in place of line N': that line, as the fix writes it
        lines[int(found.group(4).split()[-1]) - 1] = found.group(3)
    else:  # "(line N) as '...'": under the group's line
        lines.insert(int(re.findall(r"\d+", found.group(2))[-1]), found.group(3))
    path.write_text("\n".join(lines), encoding="utf-8")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "warning" not in checked.stdout, checked.stdout
    assert run_here("build", "--output", str(tmp_path / "site"), cwd=project).returncode == 0
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
    assert "Photo: Reuters" in page


@pytest.mark.parametrize(
    "typed",
    [
        "tags: [Economy, ,\n  Trade]\n",
        'tags: ["Say "hi"", , Trade]\n',
        "tags: [Economy, , Trade]\n",
    ],
)
def test_a_list_fix_leaves_the_empty_item_out(tmp_path: Path, typed: str) -> None:
    """prober3 M7: a list over two lines with an empty item got 'put the whole value in
    quotes: tags: "[Economy, ,"' (Trade lost, and not a list); other fixes kept the empty
    item, for a second round."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + typed)

    first = run_here("check", cwd=project)
    assert first.returncode == 1
    assert 'in quotes: tags: "[' not in first.stdout
    follow(path, first.stdout)
    second = run_here("check", cwd=project)
    assert second.returncode == 0, second.stdout + path.read_text(encoding="utf-8")
    assert "Trade" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [("tags: [Storm:]", 'tags: ["Storm:"]'), ("tags: [Storm:, Rain]", 'tags: ["Storm:", Rain]')],
)
def test_a_tag_ending_with_a_colon_gets_the_list_quoted(
    tmp_path: Path, typed: str, fixed: str
) -> None:
    """prober3 L9: `tags: [Storm:]` got the generic 'write tags as a list of names'."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + typed + "\n")

    out = run_here("check", cwd=project).stdout
    assert f"it ends with ':', which YAML reads as a field; put it in quotes: {fixed}\n" in out
    path.write_text(path.read_text().replace(typed, fixed))
    assert run_here("check", cwd=project).returncode == 0


def test_an_empty_dash_in_a_list_below_is_told_on_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + "tags:\n  - Storm\n  -\n  - Rain\n")

    out = run_here("check", cwd=project).stdout
    assert (
        "content/2025/06/story.md:9: error: tags: item 2 is empty (a '-' with nothing after it)\n"
        "    fix: delete this line, or write the name after its '- '\n"
    ) in out
    path.write_text(path.read_text().replace("  -\n", ""))
    assert run_here("check", cwd=project).returncode == 0


@pytest.mark.parametrize("text", ['"<b></b>"', '"**  **"'])
def test_a_correction_of_markup_alone_is_asked_for_its_words(tmp_path: Path, text: str) -> None:
    """prober3 L15: `text: "<b></b>"` got the fix `text: ''`, itself the error 'text is
    empty'; `text: "**  **"` got no message at all."""
    project = make_project(tmp_path / "project")
    typed = f"corrections:\n  - date: 2025-06-02T10:00:00Z\n    text: {text}\n"
    write_article(project, "2025/06/story.md", STORY + typed)

    out = run_here("check", cwd=project).stdout

    assert "content/2025/06/story.md:9: warning: corrections: item 1: text is plain text" in out
    assert "    fix: write the words meant after 'text:' (what is typed holds none)\n" in out
    assert "text: ''" not in out


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("summary: >-\n  Storm **hits**\n\n  second para\n", "Storm hits. second para"),
        ("summary: |\n  Storm **hits**!\n\n  Second\n  para\n", "Storm hits! Second para"),
        ("summary: |\n  Line **one**\n  - item\n", "Line one - item"),  # one paragraph
    ],
)
def test_a_summary_of_two_paragraphs_keeps_their_break_in_its_fix(
    tmp_path: Path, typed: str, meant: str
) -> None:
    """prober4 L7: `summary: >-` of two paragraphs got the fix 'Storm hits second para',
    the two run together: a paragraph ends as a sentence ends."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + typed)

    first = run_here("check", cwd=project)

    assert f"summary: '{meant}' (in place of lines 7-" in first.stdout, first.stdout
    follow(path, first.stdout)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0 and "warning" not in built.stderr, built.stderr
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="{meant}">' in page


def test_a_credits_image_fix_followed_keeps_the_picture(tmp_path: Path) -> None:
    """prober5 P14: credits' `image:` fix read as the top-level `image:` line (the
    picture's); pasted at the left edge it would replace the picture with the credit."""
    project = make_project(tmp_path / "project")
    typed = '  image: "Photo: <i>AP</i> / **Reuters** &amp; AFP"\n'
    picture = "image:\n  src: https://example.org/a.jpg\n  alt: A flooded road\n"
    path = write_article(project, "2025/06/story.md", STORY + typed + picture)

    first = run_here("check", cwd=project).stdout
    assert (
        "fix: write it without Markdown or HTML: image: 'Photo: AP / Reuters & AFP' (with "
        "the 2 spaces before 'image:')\n" in first
    ), first
    follow(path, first)
    second = run_here("check", cwd=project)
    assert second.returncode == 0 and "warning" not in second.stdout, second.stdout
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text("utf-8")
    assert "https://example.org/a.jpg" in page and "Photo: AP / Reuters &amp; AFP" in page


def test_a_fix_for_a_field_at_the_left_edge_says_no_spaces(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY + "summary: A **bold** day\n")
    out = run_here("check", cwd=project).stdout
    assert "fix: write it without Markdown: summary: 'A bold day'\n" in out, out
