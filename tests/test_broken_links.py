"""A link or picture whose Markdown is broken (no closing `)`, a space between `]` and `(`,
a missing `]` or `(`, a space in the address) is left as typed by both engines: `check`
and `build` say so on its line with the fix, an error for a picture (it would vanish), a
warning for a link; brackets typed on purpose say nothing. An address that may hold a
space (in <...>, in HTML) is published %-encoded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import VnuErrors, make_project, run_here, tiny_png, write_article
from lxml import html

FRONT = "title: Story\ndate: 2025-06-01T10:00:00+00:00\ncountry: India\ncredits:\n  author: Desk\n"
ENGINES = ("python-markdown", "gfm")

PICTURES = """\
The chart shows June rainfall.

![June rainfall by state](chart.png

The map ![Map of the coast] (chart.png) shows it.

And ![Rain gauge(chart.png) too.
"""

LINKS = """\
Read [the report](https://x.org/report.pdf for details.

Or [the summary] (https://x.org/summary.pdf).

See [the data(https://x.org/data.csv) and [the notes]https://x.org/notes.pdf) here.

The [minutes]
(https://x.org/minutes.pdf) are out.

Typed on purpose: \\[not a link](really), [sic] (see above), [1] (2020), `[a](b` in code.
"""


def _run(root: Path, engine: str, body: str) -> tuple[str, str, int]:
    project = make_project(root / engine, f'markdown_engine = "{engine}"\n')
    write_article(project, "2025/06/story.md", FRONT, body)
    (project / "content/2025/06/chart.png").write_bytes(tiny_png())
    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(root / engine / "site"), cwd=project)
    return checked.stdout + checked.stderr, built.stderr, built.returncode


@pytest.mark.parametrize("engine", ENGINES)
def test_a_picture_with_broken_markdown_is_an_error_on_its_line(
    tmp_path: Path, engine: str
) -> None:
    """The picture would be published as its Markdown text and its file left out: `check`
    and `build` refuse it on its line with the picture written right."""
    checked, said, status = _run(tmp_path, engine, PICTURES)
    assert status != 0 and not (tmp_path / engine / "site").exists()
    for output in (checked, said):
        for line, typed, fix in [
            (
                10,
                "![June rainfall by state](chart.png has no closing ')'",
                "![June rainfall by state](chart.png)",
            ),
            (
                12,
                "![Map of the coast] (chart.png) has a space between ']' and '('",
                "![Map of the coast](chart.png)",
            ),
            (14, "![Rain gauge(chart.png) has no ']' before '('", "![Rain gauge](chart.png)"),
        ]:
            assert (
                f"content/2025/06/story.md:{line}: error: {typed}: it is published as typed"
                in output
            ), output
            assert f"fix: write the picture as {fix}" in output
        assert "and the picture is not shown" in output
        assert output.count("story.md:") == 3, output


@pytest.mark.parametrize("engine", ENGINES)
def test_a_link_with_broken_markdown_is_a_warning_on_its_line(tmp_path: Path, engine: str) -> None:
    """Each broken link is a warning on the line it starts on, with the link written right;
    brackets escaped, holding no address, or in code are not."""
    checked, said, status = _run(tmp_path, engine, LINKS)
    assert status == 0, said
    for output in (checked, said):
        for line, typed, fix in [
            (
                8,
                "[the report](https://x.org/report.pdf has no closing ')'",
                "[the report](https://x.org/report.pdf)",
            ),
            (
                10,
                "[the summary] (https://x.org/summary.pdf) has a space between",
                "[the summary](https://x.org/summary.pdf)",
            ),
            (
                12,
                "[the data(https://x.org/data.csv) has no ']' before '('",
                "[the data](https://x.org/data.csv)",
            ),
            (
                12,
                "[the notes]https://x.org/notes.pdf) has no '(' after ']'",
                "[the notes](https://x.org/notes.pdf)",
            ),
            (
                14,
                "[minutes] (https://x.org/minutes.pdf) has a space between",
                "[minutes](https://x.org/minutes.pdf)",
            ),
        ]:
            assert f"content/2025/06/story.md:{line}: warning: {typed}" in output, output
            assert f"fix: write the link as {fix}" in output
        assert "its words are not a link" in output
        assert output.count("story.md:") == 5, output


SPACES = """\
E [link](<https://x.org/a b>) and <a href="https://x.org/c d|e">raw</a> and
[a file](<the report.pdf>) and ![A picture](<my chart.png>).
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_an_address_with_a_space_is_published_percent_encoded(
    tmp_path: Path, engine: str, vnu_errors: VnuErrors
) -> None:
    """Markdown allows a space in an address written in <...>, and HTML's href may hold
    one as typed; the page and the feed carry it %-encoded, which is valid HTML."""
    project = make_project(tmp_path / engine, f'markdown_engine = "{engine}"\n')
    write_article(project, "2025/06/story.md", FRONT, SPACES)
    (project / "content/2025/06/my chart.png").write_bytes(tiny_png())
    (project / "content/2025/06/the report.pdf").write_bytes(b"%PDF-1.4\n")
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    page = tmp_path / "site/2025/06/01/story/index.html"
    body = html.parse(str(page)).getroot().find_class("body")[0]
    assert [a.get("href") for a in body.iter("a")] == [
        "https://x.org/a%20b",
        "https://x.org/c%20d%7Ce",
        "/sub/media/2025/06/the%20report.pdf",
    ]
    assert " " not in body.find(".//img").get("src")
    feed = (tmp_path / "site/feed.xml").read_text(encoding="utf-8")
    assert "https://x.org/a%20b" in feed and "https://x.org/a b" not in feed
    errors, _ = vnu_errors(tmp_path, page)
    assert errors == []


TITLE = """\
Read [the report](https://x.org/r.pdf "The annual report) today, and
[the summary](https://x.org/s.pdf "Summary") too.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_title_without_its_closing_quote_is_said_on_its_line(tmp_path: Path, engine: str) -> None:
    """Python-Markdown would hide the words up to the next title in the link's title, gfm
    publish the link as text: either way a warning on its line with the quote closed."""
    checked, said, status = _run(tmp_path, engine, TITLE)
    assert status == 0, said
    for output in (checked, said):
        assert "content/2025/06/story.md:8: warning: " in output, output
        assert '[the report](https://x.org/r.pdf "The annual report")' in output, output
        assert output.count("story.md:") == 1, output


SLIPS = """\
B [report](https://x.org/r.pdf 'The annual report) and more.

C ![Rainfall chart](chart.png "The chart) here.

D [link](https://x.org/a "Title with "inner" quotes") here.

H ![Flooded road](https://x.org/a b.png) with space.

I [link](https://x.org/(a) unbalanced paren.

K [link](https://x.org/a "Title" extra) junk.

Fine: [a](https://x.org/b "Rao's view"), [c](https://x.org/(d)), [e](<https://x.org/f g>).
"""
SLIP_FIXES = {  # line: (typed, the fix as printed)
    8: (
        "[report](https://x.org/r.pdf 'The annual report)",
        '[report](https://x.org/r.pdf "The annual report")',
    ),
    10: ('![Rainfall chart](chart.png "The chart)', '![Rainfall chart](chart.png "The chart")'),
    14: ("![Flooded road](https://x.org/a b.png)", "![Flooded road](https://x.org/a%20b.png)"),
    16: ("[link](https://x.org/(a)", "[link](https://x.org/(a))"),
    18: ('[link](https://x.org/a "Title" extra)', '[link](https://x.org/a "Title") extra'),
}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_title_or_address_typed_wrong_is_said_as_typed_and_its_fix_works(
    tmp_path: Path, engine: str
) -> None:
    """A title's single quote not closed, words after a title, a space in a picture's
    address, a ')' missing after an address with ( ) in it: each on its line, quoted as
    the file has it (straight quotes), with a fix that keeps the address and the title;
    a picture's file is not called missing; a title with its own quote marks is valid
    with Python-Markdown (nothing said) and gets the other mark with gfm; followed, the
    fixes leave a story that checks clean."""
    checked, said, status = _run(tmp_path, engine, SLIPS)
    assert status != 0  # the pictures are errors
    for line, (typed, fix) in SLIP_FIXES.items():
        assert f"content/2025/06/story.md:{line}: " in checked, checked
        assert typed in checked.split(f"story.md:{line}: ", 1)[1].split("\n", 1)[0], checked
        assert f"as {fix}" in checked, checked
    assert "does not exist" not in checked and "\u2019" not in checked, checked
    inner = '[link](https://x.org/a "Title with "inner" quotes")'
    if engine == "gfm":
        assert f"story.md:12: warning: {inner} has a title with its own" in checked
        assert "as [link](https://x.org/a 'Title with \"inner\" quotes')" in checked
    assert checked.count("story.md:") == (6 if engine == "gfm" else 5), checked
    story = tmp_path / engine / "content/2025/06/story.md"
    text = story.read_text(encoding="utf-8")
    for typed, fix in SLIP_FIXES.values():
        text = text.replace(typed, fix)
    text = text.replace(inner, "[link](https://x.org/a 'Title with \"inner\" quotes')")
    story.write_text(text, encoding="utf-8")
    again = run_here("check", cwd=story.parents[3])
    assert again.returncode == 0 and "story.md:" not in again.stdout + again.stderr, (
        again.stdout + again.stderr
    )
