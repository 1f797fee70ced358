"""A picture or link written without an address, and a reference link whose label no line
defines, are said on their line, with both Markdown engines (the tester's F3 and F4): a
picture with nothing to show is an error (it was published as src="", in feeds the
article's own address); a link with no address is a warning and is published as its words
alone; a reference left as typed, brackets included, is a warning (a picture: an error).
Sites are built in this process from real files, as `build` and `check` build them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from conftest import BASE_URL, make_project, run_here, searching, tiny_png, write_article
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from generator import config
from generator.commands.build import Options, Paths, Result, Selection, build_site
from generator.render import unaddressed

NOW = datetime(2026, 1, 1, tzinfo=UTC)
FRONT = """title: Body slips
date: 2025-06-21T10:00:00Z
country: India
credits:
  author: Desk"""
ENGINES = ["python-markdown", "gfm"]
BODY_LINE = 8  # the body's first line in a file written by write_article with FRONT
# Pieces of converted HTML that make and break the telltale strings of render/unaddressed.py
SUSPECT_PIECES = [*unaddressed._EMPTY, "href", "src", "=", '"', "'", " ", ">", "[", "]", "^", "!"]
SUSPECT_PIECES += ["<p>", "<a ", '<img src="x.png">', "<img>", "text"]


def project(tmp_path: Path, engine: str, body: str) -> Path:
    root = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    write_article(root, "2025/06/slips.md", FRONT, body)
    (root / "content/2025/06/photo.png").write_bytes(tiny_png())
    return root


def build(root: Path) -> tuple[Result, Path]:
    settings = config.load(root)
    out = root.parent / "site"
    paths = Paths(root, root / "content", root / "templates", out)
    with searching(False):  # (no test here looks at the search index)
        return build_site(paths, settings, Selection(now=NOW), Options(jobs=1, cache=False)), out


def said(result: Result) -> list[tuple[int, str, str]]:
    """(line, severity, message) of each problem of the one article, in file order."""
    return sorted((d.line, d.severity, d.message) for d in result.diagnostics)


PICTURES = """\
Intro.

![Flooded road]()

![A map]( )

<img src="" alt="The river">

<img alt="The bridge">

![The dam][dam]

[dam]: <>

![The weir][weir]
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_picture_without_a_file_name_is_an_error_on_its_line(tmp_path: Path, engine: str) -> None:
    result, out = build(project(tmp_path, engine, PICTURES))
    assert not result.ok
    found = said(result)
    assert [(line - BODY_LINE, severity) for line, severity, _ in found] == [
        (2, "error"),
        (4, "error"),
        (6, "error"),
        (8, "error"),
        (10, "error"),
        (14, "error"),
    ]
    messages = [message for *_, message in found]
    assert messages[0] == (
        "picture ![Flooded road]() has no file name between ( ): it would be published as a "
        "broken picture"
    )
    assert messages[2].startswith('picture <img src="" alt="The river"> has no file name in src=')
    assert messages[3].startswith('picture <img alt="The bridge"> has no file name in src=')
    assert messages[5].startswith("![The weir][weir] is published as typed, brackets included")
    hints = {d.line - BODY_LINE: d.hint for d in result.diagnostics}
    assert hints[2].startswith("write the picture's file name, like ![Flooded road](photo.jpg)")
    assert hints[14].startswith("add the line [weir]: photo.jpg below the paragraph")
    assert not (out / "index.html").exists()  # nothing published


LINKS = """\
Intro with [a real link](https://example.org/) and a [photo](photo.png).

See [the report]() and <a href="">the statement</a> and [the map](<>).

Also [the source][src] and [archive][] and [kept][ok], and \\[not a link\\]\\[x\\], `[code][x]`.

[ok]: https://example.org/ok
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_link_without_an_address_is_a_warning_and_published_as_its_words(
    tmp_path: Path, engine: str
) -> None:
    result, out = build(project(tmp_path, engine, LINKS))
    assert result.ok, said(result)
    assert said(result) == [
        (BODY_LINE + 2, "warning", message)
        for message in sorted(
            f"link {typed} has no address: it is published as plain text, not as a link"
            for typed in ("[the report]()", '<a href="">', "[the map](<>)")
        )
    ] + [
        (
            BODY_LINE + 4,
            "warning",
            f"{typed} is published as typed, brackets included: no line defines [{label}], "
            "so the link has no address",
        )
        for typed, label in (("[archive][]", "archive"), ("[the source][src]", "src"))
    ]
    page = html.parse(str(out / "2025/06/21/slips/index.html")).getroot()
    (body,) = page.xpath("//*[contains(@class, 'article-body')]") or page.xpath("//article")
    links = {a.text_content(): a.get("href") for a in body.iter("a")}
    assert links["the report"] is None and links["the statement"] is None
    assert links["kept"] == "https://example.org/ok"
    assert "the source" not in links
    own = f'href="{BASE_URL}2025/06/21/slips/"'  # an empty href, made absolute in feeds
    (entry,) = feedparser.parse((out / "feed.xml").read_bytes()).entries
    (item,) = json.loads((out / "feed.json").read_text(encoding="utf-8"))["items"]
    for published in (entry.content[0].value, item["content_html"]):
        assert own not in published and 'href=""' not in published
        assert "the statement" in published


def test_check_prints_the_picture_error_and_the_link_warning_with_their_fixes(
    tmp_path: Path,
) -> None:
    root = project(tmp_path, "python-markdown", "Intro.\n\n![no alt]()\n\n[x][bar]\n")
    done = run_here("check", cwd=root)
    assert done.returncode == 1
    assert (
        "content/2025/06/slips.md:10: error: picture ![no alt]() has no file name between ( )"
    ) in done.stdout
    assert "    fix: write the picture's file name, like ![no alt](photo.jpg)" in done.stdout
    assert (
        "content/2025/06/slips.md:12: warning: [x][bar] is published as typed, brackets "
        "included: no line defines [bar], so the link has no address\n"
        "    fix: add the line [bar]: https://... below the paragraph, after a blank line; "
        "or write the address in place: [x](https://...)"
    ) in done.stdout


NOTES = """\
Text[^1] and [^missing].

Escaped \\[^esc] and `[^code]`, and the second [^gone] one.

[^1]: Note.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_footnote_reference_no_line_defines_is_a_warning_on_its_line(
    tmp_path: Path, engine: str
) -> None:
    """`[^missing]` with no `[^missing]: ...` line is published as typed, brackets and all:
    a warning on its line, as for a link reference; not for an escaped one or one in code."""
    result, out = build(project(tmp_path, engine, NOTES))
    assert result.ok
    for line, label in ((BODY_LINE, "missing"), (BODY_LINE + 2, "gone")):
        message = (
            f"[^{label}] is published as typed, brackets included: no line defines the "
            f"footnote [^{label}]"
        )
        assert (line, "warning", message) in said(result)
        [fix] = [d.hint for d in result.diagnostics if d.message == message]
        assert fix.startswith("add the note on a line of its own below the paragraph")
    assert not [d for d in result.diagnostics if "esc" in d.message or "code" in d.message]


NOTES_AS_MEANT = """\
Regex: match [^a-z] letters, [^0-9_] and [^\\s]; unicode[^नोट] and space[^my note].

Text.

[^नोट]: Hindi.
[^my note]: Spaced.
[^unused]: Nobody refers to this one.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_footnotes_warn_only_about_what_the_editor_wrote(tmp_path: Path, engine: str) -> None:
    """Prober M9/M15: a regular expression's `[^a-z]` is published as meant; a note in a
    non-Latin script works with both engines; a note nobody refers to is said on its own
    line (not as a link to '#fnref:...' nobody wrote); a label with a space, which gfm does
    not read, is said there."""
    result, _ = build(project(tmp_path, engine, NOTES_AS_MEANT))
    assert result.ok
    found = said(result)
    assert not [f for f in found if "a-z" in f[2] or "0-9" in f[2] or "goes nowhere" in f[2]]
    spaced = (
        "[^my note] is published as typed, brackets included: a footnote's label cannot "
        "hold a space"
    )
    unused = (
        "the note [^unused] is defined, but no line of the story refers to it: it is "
        "published at the story's end, with a back-link that leads nowhere"
    )
    if engine == "gfm":
        left_out = (
            "the note [^unused] is defined, but no line of the story refers to it: the gfm "
            "engine leaves it out of the page"
        )
        assert found == [(BODY_LINE, "warning", spaced), (BODY_LINE + 6, "warning", left_out)]
    else:
        assert found == [(BODY_LINE + 6, "warning", unused)], found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SUSPECT_PIECES), max_size=10))
def test_a_body_is_looked_at_whenever_it_holds_an_empty_address_or_a_bracket_pair(
    pieces: list[str],
) -> None:
    """The quick test that lets most bodies skip this check (three searches) passes every
    body holding one of the ten telltale strings (`_EMPTY`), whatever surrounds it."""
    converted = "".join(pieces)
    if any(needle in converted for needle in unaddressed._EMPTY):
        assert unaddressed._suspect(converted)
