"""What the editor typed is what readers get.

An unquoted YAML value such as `3.10`, `010`, `12:30`, `1.0e+400`, `0x10`, `NO` or `yes`
is published with exactly the characters typed: in the page (<h1>, <title>, og:title,
JSON-LD), in RSS, Atom and JSON Feed, in URLs and GUIDs. A word YAML reads as null is
"no value", and a message quoting it says so where a value is required.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html

# file -> front matter, written unquoted as editors type it
STORIES = {
    "release-notes.md": """\
title: 3.10
date: 2025-06-25T10:00:00Z
country: India
credits:
  author: Tech Desk
  sources: [1.10]
tags: [3.10, 0x1F]
slug: 0x10
""",
    "referendum-result.md": """\
title: yes
date: 2025-06-24T10:00:00Z
country: Ireland
credits: {author: Politics Desk}
tags: [Referendum]
""",
    "prefix-010.md": """\
title: 010
date: 2025-06-23T10:00:00Z
country: South Korea
credits: {author: Seoul Desk}
tags: [Telecoms]
""",
    "count-closes.md": """\
title: 12:30
date: 2025-06-22T10:00:00Z
country: India
credits: {author: Election Desk}
tags: [Elections]
""",
    "largest-number.md": """\
title: 1.0e+400
date: 2025-06-21T10:00:00Z
country: Germany
credits: {author: Science Desk}
tags: [Mathematics]
""",
    "oslo-tunnel.md": """\
title: Oslo opens its new harbour tunnel
date: 2025-06-20T10:00:00Z
country: NO
credits:
  author: Nordic Desk
tags: [Transport]
""",
    "new-columnist.md": """\
title: A new columnist joins the opinion desk
date: 2025-06-19T10:00:00Z
country: UK
credits: {author: "Null"}
tags: [Media]
summary: ~
""",
    "streetlights-vote.md": """\
title: Council votes to switch streetlights off after midnight
date: 2025-06-18T10:00:00Z
country: Netherlands
credits: {author: City Desk}
tags: [on, off, yes]
id: 6F1C2E0A-8D3B-4F5E-9A7C-1B2D3E4F5A6B
""",
}
COLUMNIST_FIRST_PARAGRAPH = "The opinion desk welcomes a new weekly columnist from July."
GUID_PREFIX = "tag:test.example,2025:"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("typed") / "project")
    for name, front in STORIES.items():
        body = (
            COLUMNIST_FIRST_PARAGRAPH + "\n\nThe column covers local government.\n"
            if name == "new-columnist.md"
            else "The story.\n"
        )
        write_article(project, name, front, body)
    out = project.parent / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    return out


def page(site: Path, path: str) -> Any:
    return html.parse(str(site / path / "index.html")).getroot()


def feeds(site: Path) -> tuple[Any, Any, dict[str, Any]]:
    rss = feedparser.parse((site / "feed.xml").read_bytes())
    atom = feedparser.parse((site / "atom.xml").read_bytes())
    assert not rss.bozo and not atom.bozo
    return rss, atom, json.loads((site / "feed.json").read_text(encoding="utf-8"))


def headline_everywhere(site: Path, path: str) -> set[str]:
    """The headline of the article at PATH as the page, its metadata and each feed give it."""
    tree = page(site, path)
    [ld] = [
        json.loads(s.text) for s in tree.iter("script") if s.get("type") == "application/ld+json"
    ]
    og = tree.xpath("//meta[@property='og:title']/@content")[0]
    url = BASE_URL + path + "/"
    rss, atom, jf = feeds(site)
    return {
        tree.findtext(".//h1").strip(),
        tree.findtext(".//title").removesuffix(" · Test Desk"),
        og,
        ld["headline"],
        next(e.title for e in rss.entries if e.link == url),
        next(e.title for e in atom.entries if e.link == url),
        next(i["title"] for i in jf["items"] if i["url"] == url),
    }


@pytest.mark.parametrize(
    ("path", "typed"),
    [
        ("2025/06/25/0x10", "3.10"),  # case 01: not 3.1
        ("2025/06/24/referendum-result", "yes"),  # case 02: not True
        ("2025/06/23/prefix-010", "010"),  # case 20: not 8
        ("2025/06/22/count-closes", "12:30"),  # case 21: not 750
        ("2025/06/21/largest-number", "1.0e+400"),  # case 22: not inf
    ],
)
def test_an_unquoted_headline_is_published_as_typed_in_page_and_every_feed(
    site: Path, path: str, typed: str
) -> None:
    assert headline_everywhere(site, path) == {typed}


def test_an_unquoted_slug_tags_and_sources_keep_their_characters(site: Path) -> None:
    """Case 01: `slug: 0x10` is the URL segment '0x10' (not '16'), in the GUID too."""
    rss, _, jf = feeds(site)
    item = next(i for i in jf["items"] if i["url"] == BASE_URL + "2025/06/25/0x10/")
    assert item["id"] == GUID_PREFIX + "2025-06-25/0x10"
    assert sorted(item["tags"]) == ["0x1F", "3.10"]
    entry = next(e for e in rss.entries if e.link == item["url"])
    assert sorted(t.term for t in entry.tags) == ["0x1F", "3.10"]
    assert "With inputs from 1.10." in page(site, "2025/06/25/0x10").text_content()
    assert page(site, "tags/3-10").findtext(".//h1").strip() == "3.10"


def test_country_no_is_norway(site: Path) -> None:
    """Case 23: `country: NO` is Norway's ISO code, not false."""
    tree = page(site, "2025/06/20/oslo-tunnel")
    dateline = tree.xpath("//p[@class='dateline']/a")[0]
    shown = dateline.text_content().removeprefix("Country: ").strip()
    assert (shown, dateline.get("href")) == ("Norway", "/sub/countries/no/")
    [ld] = [
        json.loads(s.text) for s in tree.iter("script") if s.get("type") == "application/ld+json"
    ]
    assert "Norway" in json.dumps(ld["contentLocation"])
    assert page(site, "countries/no").findtext(".//h1").strip() == "Norway"


def test_summary_tilde_is_no_summary_and_a_quoted_null_is_a_byline(site: Path) -> None:
    """Case 24: `summary: ~` falls back to the first paragraph; `author: "Null"` is a name."""
    path = "2025/06/19/new-columnist"
    tree = page(site, path)
    description = tree.xpath("//meta[@name='description']/@content")[0]
    assert description == COLUMNIST_FIRST_PARAGRAPH
    assert tree.xpath("//meta[@property='og:description']/@content")[0] == description
    rss, atom, jf = feeds(site)
    url = BASE_URL + path + "/"
    rss_entry = next(e for e in rss.entries if e.link == url)
    atom_entry = next(e for e in atom.entries if e.link == url)
    item = next(i for i in jf["items"] if i["url"] == url)
    assert COLUMNIST_FIRST_PARAGRAPH in rss_entry.summary
    assert COLUMNIST_FIRST_PARAGRAPH in atom_entry.summary
    assert item["summary"] == COLUMNIST_FIRST_PARAGRAPH
    assert rss_entry.author == atom_entry.author == "Null"
    assert item["authors"] == [{"name": "Null"}]
    text = (site / path / "index.html").read_text(encoding="utf-8")
    assert "None" not in text and "~" not in text


def test_on_off_yes_tags_are_three_topics(site: Path) -> None:
    """Case 25: `tags: [on, off, yes]` are words, not true/false."""
    rss, _, jf = feeds(site)
    url = BASE_URL + "2025/06/18/streetlights-vote/"
    assert next(i for i in jf["items"] if i["url"] == url)["tags"] == ["on", "off", "yes"]
    assert [t.term for t in next(e for e in rss.entries if e.link == url).tags] == [
        "on",
        "off",
        "yes",
    ]
    assert {page(site, f"tags/{w}").findtext(".//h1").strip() for w in ("on", "off", "yes")} == {
        "on",
        "off",
        "yes",
    }


def test_a_bare_uuid_id_is_a_urn_uuid_guid(site: Path) -> None:
    rss, atom, jf = feeds(site)
    url = BASE_URL + "2025/06/18/streetlights-vote/"
    guid = "urn:uuid:6f1c2e0a-8d3b-4f5e-9a7c-1b2d3e4f5a6b"
    assert next(i for i in jf["items"] if i["url"] == url)["id"] == guid
    assert next(e for e in rss.entries if e.link == url).id == guid
    assert next(e for e in atom.entries if e.link == url).id == guid


def check(tmp_path: Path, front: str) -> subprocess.CompletedProcess[str]:
    project = make_project(tmp_path / "project")
    write_article(project, "story.md", front)
    return run_here("check", cwd=project)


def test_an_unquoted_null_byline_is_refused_with_the_word_quoted(tmp_path: Path) -> None:
    """Case 24: `author: Null` unquoted: refused on its line, told to quote it; never 'None'."""
    result = check(tmp_path, STORIES["new-columnist.md"].replace('"Null"', "Null"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "None" not in result.stdout
    assert (
        "content/story.md:5: error: credits.author: the word 'Null' was read as \"no value\""
    ) in result.stdout
    assert 'put it in quotes: author: "Null"' in result.stdout


@pytest.mark.parametrize("typed", ["~", "null", ""])
def test_a_required_field_read_as_no_value_says_so(tmp_path: Path, typed: str) -> None:
    front = STORIES["oslo-tunnel.md"].replace(
        "title: Oslo opens its new harbour tunnel", f"title: {typed}"
    )
    result = check(tmp_path, front)
    assert result.returncode == 1
    assert "content/story.md:2: error: title" in result.stdout
    assert "None" not in result.stdout


def test_draft_still_reads_yaml_booleans(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "story.md", STORIES["oslo-tunnel.md"] + "draft: yes\n")
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (out / "2025/06/20/oslo-tunnel").exists()


def test_a_value_starting_with_an_ampersand_is_refused_not_shortened(tmp_path: Path) -> None:
    """`title: &Co news` is YAML for "news" labelled "Co": refused on its line, never
    published without its first word."""
    front = STORIES["oslo-tunnel.md"].replace(
        "title: Oslo opens its new harbour tunnel", "title: &Co opens its new harbour tunnel"
    )
    result = check(tmp_path, front)
    assert result.returncode == 1
    assert (
        "content/story.md:2: error: '&Co' at the start of a value is read by YAML as a label"
    ) in result.stdout
    assert 'put the whole value in quotes: title: "&Co opens its new harbour tunnel"' in (
        result.stdout
    )


def test_a_label_repeated_by_an_alias_is_plain_yaml(tmp_path: Path) -> None:
    """A YAML anchor that an alias uses was written on purpose: the value is read twice."""
    front = STORIES["oslo-tunnel.md"].replace(
        "title: Oslo opens its new harbour tunnel",
        "title: &headline Oslo opens its new harbour tunnel\nsummary: *headline",
    )
    result = check(tmp_path, front)
    assert result.returncode == 0, result.stdout


def test_a_headline_keeps_the_code_points_typed_and_names_still_match(tmp_path: Path) -> None:
    """U+FA10 (a CJK compatibility ideograph, kept for its glyph in Japanese names), 'e' +
    a combining acute and U+212B (ANGSTROM SIGN): once the title and summary were NFC'd
    (U+585A, U+00E9, U+00C5) while the body kept them. A topic typed composed in one story
    and decomposed in another is still one topic."""
    typed = "Cafe\u0301 and \ufa10 and \u212b"
    project = make_project(tmp_path / "project")
    for name, topic in (("typed", "Cafe\u0301"), ("composed", "Caf\u00e9")):
        write_article(
            project,
            f"{name}.md",
            f'title: "{typed} {name}"\nsummary: "{typed}"\ndate: 2025-06-25T10:00:00Z\n'
            f"country: Japan\ncredits:\n  author: Desk\ntags: [{topic}]",
            f"{typed} in the body.\n",
        )
    assert run_here("check", cwd=project).stdout == "checked 2 articles: no errors\n"
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    page = html.fromstring((out / "2025/06/25/typed/index.html").read_bytes())
    assert page.xpath("string(//h1)") == f"{typed} typed"
    assert page.xpath("string(//meta[@property='og:title']/@content)") == f"{typed} typed"
    feed = feedparser.parse((out / "atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title.endswith("typed"))
    assert (entry.title, entry.summary) == (f"{typed} typed", typed)
    assert [p.name for p in (out / "tags").iterdir() if p.is_dir()] == ["cafe"]
    topic = html.fromstring((out / "tags/cafe/index.html").read_bytes())
    assert len(topic.xpath("//h2[@class='card-title']")) == 2


def test_spaces_at_the_ends_of_quoted_text_are_said_not_to_be_published(tmp_path: Path) -> None:
    """Tester 3, L10: `title: "  Spaced title  "` was published trimmed with no word,
    though README says quoted text is kept as typed. Each field says so, with the line to
    write; followed, check is silent. Text with no such spaces, and a block (`|`), say
    nothing."""
    from conftest import make_project, run_here, write_article

    project = make_project(tmp_path / "p")
    front = (
        'title: "  Spaced title  "\ndate: 2025-06-25T10:00:00Z\ncountry: India\n'
        'credits:\n  author: " Asha Rao"\ntags: [" Rain", Floods]\nsummary: |\n  Two\n  lines.\n'
    )
    story = write_article(project, "s.md", front)
    said = run_here("check", cwd=project).stdout
    for line, what, fix in [
        (2, "title '  Spaced title  '", "title: Spaced title"),
        (6, "credits.author ' Asha Rao'", "author: Asha Rao (with the 2 spaces before 'author:')"),
        (7, "tags: item 1 ' Rain'", "tags: [Rain, Floods]"),
    ]:
        assert (
            f"content/s.md:{line}: warning: {what} has spaces at its start or end, inside its "
            "quotes: they are not published (a page shows none)\n"
            f"    fix: write it without them: {fix}\n"
        ) in said, said
    assert said.count("warning:") == 3, said
    fixed = front.replace('"  Spaced title  "', "Spaced title").replace('" Asha Rao"', "Asha Rao")
    story.write_text("---\n" + fixed.replace('" Rain"', "Rain") + "---\nBody.\n")
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout


def test_a_picture_credit_typed_under_image_is_told_where_it_goes(tmp_path: Path) -> None:
    """Tester 3, L15: `image:` with `credit: Reuters` was 'unknown field ... is ignored' with
    the picture's fields as the fix, and the credit vanished. The warning names where it is
    read (credits.image); followed, the credit is published under the picture."""
    from conftest import make_project, run_here, write_article

    project = make_project(tmp_path / "p")
    head = "title: T\ndate: 2025-06-25T10:00:00Z\ncountry: India\ncredits:\n  author: A\n"
    picture = "image:\n  src: https://example.com/a.jpg\n  alt: Boats on a street\n"
    story = write_article(project, "s.md", head + picture + "  credit: Reuters\n")
    said = run_here("check", cwd=project).stdout
    assert (
        "content/s.md:10: warning: unknown field 'image.credit' is ignored: it is written in "
        "'credits:', as 'credits.image'\n"
        "    fix: move it under 'credits:' (line 5) as '  image: Reuters'\n"
    ) in said, said
    story.write_text("---\n" + head + "  image: Reuters\n" + picture + "---\nBody.\n")
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0 and "warning" not in built.stdout + built.stderr
    assert "Reuters" in (site / "2025/06/25/s/index.html").read_text(encoding="utf-8")
