"""Inline HTML typed without its end tag (`<b>Budget passed`) stays inside its paragraph,
on the page and in the feeds, with a warning on the line where it was typed, in either
Markdown engine; `check` says the same as `build`.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from conftest import VnuErrors, edit, make_project, run_here, write_article
from lxml import html

FRONT = "title: Story\ndate: 2025-06-01T10:00:00+00:00\ncountry: India\ncredits:\n  author: Desk\n"
PAGE = "2025/06/01/story/index.html"  # the body's first line is the file's line 8

BODY = """\
The council met. <b>Budget passed

Read <a href="https://council.example.org/budget.pdf">the budget and <i>its notes

- An item with <em>emphasis
- A second item, <strong>closed</strong> as it should be.

| a | b |
|---|---|
| <u>1 | 2 |

Code shows tags as typed: `<b>` and <span>a closed span</span>.
"""


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_an_unclosed_inline_tag_ends_with_its_paragraph_and_is_said_on_its_line(
    tmp_path: Path, engine: str, vnu_errors: VnuErrors
) -> None:
    """Each forgotten end tag is a warning on the line of its start tag, with the fix; the
    element ends where its paragraph, list item or table cell ends, so the paragraphs,
    list and table after it are not bold, italic or one link, in the page and the feeds,
    and the page is valid HTML5."""
    project = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    write_article(project, "2025/06/story.md", FRONT, BODY)
    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert checked.returncode == 0 and built.returncode == 0, built.stderr
    for output in (checked.stdout + checked.stderr, built.stderr):
        for line, tag, where in [
            (8, "b", "paragraph"),
            (10, "a", "paragraph"),
            (10, "i", "paragraph"),
            (12, "em", "list item"),
            (17, "u", "table cell"),
        ]:
            assert (
                f"content/2025/06/story.md:{line}: warning: the <{tag}> here has no </{tag}> "
                f"in its {where}: it is ended where the {where} ends"
            ) in output, output
        assert "fix: write </b> where it should end, in the same paragraph: " in output
        assert "<b>Budget passed</b>" in output
        assert '<a href="https://council.example.org/budget.pdf">the budget and</a>' in output
        assert output.count("in its paragraph") == 3, output
        assert "in the same table cell: <u>1</u> | 2 |" in output, output
    body = html.parse(str(tmp_path / "site" / PAGE)).getroot().find_class("body")[0]
    inside = {
        tag: [el.tag for el in body.iter(tag) for el in el.iter("p", "ul", "li", "table")]
        for tag in ("b", "a", "i", "em", "u")
    }
    assert inside == {"b": [], "a": [], "i": [], "em": [], "u": []}, inside
    assert [b.text_content() for b in body.iter("b")] == ["Budget passed"]
    assert [a.text_content() for a in body.iter("a")] == ["the budget and its notes"]
    assert [u.text_content() for u in body.iter("u")] == ["1"]
    entry = feedparser.parse((tmp_path / "site" / "feed.xml").read_bytes()).entries[0]
    content = html.fragment_fromstring(entry.content[0].value, create_parent="div")
    assert [b.text_content() for b in content.iter("b")] == ["Budget passed"]
    assert [a.text_content() for a in content.iter("a")] == ["the budget and its notes"]
    errors, _ = vnu_errors(tmp_path, tmp_path / "site" / PAGE)
    assert errors == []


NESTED = """\
Text <a href="https://x.org/">link <b>bold</a> after.

Second paragraph, not bold.

| a | b |
|---|---|
| <b>1 | 2 |</b>

## Results <i>now {#results}

Last paragraph, not bold.
"""
FIXED = {  # each warning's line: the fix's text replaces what was typed from its tag on
    8: ("<b>bold</a> after.", "write </b> before the </a>: "),
    14: ("<b>1 | 2 |</b>", "write </b> where it should end, in the same table cell: "),
    16: ("<i>now {#results}", "write </i> where it should end, in the same heading: "),
}


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_a_tag_left_open_inside_another_or_in_a_cell_ends_there_and_its_fix_works(
    tmp_path: Path, engine: str
) -> None:
    """A <b> left open inside a link is ended before the link's </a> (a browser carries it
    on to the end of the story), with a warning on its line; the fix for a table cell's or
    a heading's tag keeps the cell borders and the {#id}; each fix, followed as printed,
    leaves a story that checks clean, in either engine."""
    project = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    to_id = "\n[To the results](#results).\n" if engine == "python-markdown" else ""
    story = write_article(project, "2025/06/story.md", FRONT, NESTED + to_id)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    assert (
        "content/2025/06/story.md:8: warning: the <b> here has no </b> before the </a> "
        "of the <a> it is in"
    ) in built.stderr, built.stderr
    body = html.parse(str(tmp_path / "site" / PAGE)).getroot().find_class("body")[0]
    assert [b.text_content() for b in body.iter("b")] == ["bold", "1"]
    assert [el.tag for b in body.iter("b", "i") for el in b.iter("p", "table", "h2")] == []
    text = story.read_text(encoding="utf-8")
    for line, (typed, said) in FIXED.items():
        fix = built.stderr.split(f"story.md:{line}: warning:", 1)[1].split("fix: ", 1)[1]
        assert fix.startswith(said), fix
        text = text.replace(typed, fix.split("\n", 1)[0].removeprefix(said))
    story.write_text(text, encoding="utf-8")
    checked = run_here("check", cwd=project)
    said = checked.stdout + checked.stderr
    if engine == "gfm":  # the heading's {#results} is text under gfm: its own warning
        assert "story.md:16: warning: {#results} is shown as text in this heading" in said
        assert "1 warning" in said, said
    else:
        assert "warning" not in said, text + said
    assert checked.returncode == 0, text + said


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_one_line_of_many_unclosed_tags_is_said_once_with_how_many(
    tmp_path: Path, engine: str
) -> None:
    """Tester T12: a line of 5,000 unclosed <b> gave 5,000 identical warnings (10,003 lines
    of `check`, 5,007 GitHub annotations), burying other files' problems. The same problem
    on one line is said once, with how many times; following its fix checks clean."""
    project = make_project(tmp_path / "p", f'markdown_engine = "{engine}"\n')
    line = "a" + "<b>" * 5000
    story = write_article(project, "s.md", FRONT, f"{line}\n\nx <b><b><b><b><i><i>\n")
    checked = run_here("check", cwd=project)
    said = checked.stdout.splitlines()
    assert checked.returncode == 0 and len(said) == 7, said
    assert said[0] == (
        "content/s.md:8: warning: the <b> here has no </b> in its paragraph: it is ended where "
        "the paragraph ends (left open, it would make the rest of the story bold) "
        "(5000 times on this line, said once)"
    ), said
    assert said[1].strip() == (
        "fix: write </b> where it should end, in the same paragraph: <b>...</b>"
    )
    assert "content/s.md:10: warning: the <b> here" in said[2] and "(4 times on" in said[2]
    assert "content/s.md:10: warning: the <i> here" in said[4] and "(2 times on" in said[4]
    github = run_here("check", "--format", "github", cwd=project).stdout
    assert github.count("::warning") == 3, github
    edit(story, line, line + "</b>" * 5000)
    edit(story, "<b><b><b><b><i><i>", "<b>x</b> <i>y</i>")
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout


def test_repeats_on_one_line_whose_fixes_differ_give_the_first_fix_and_say_so(
    tmp_path: Path,
) -> None:
    """Repeats of one problem on a line whose fixes differ (each quotes its own text) are
    said once with the first one's fix and "and likewise for the other N"; both fixed, the
    check is clean."""
    project = make_project(tmp_path / "p")
    story = write_article(project, "s.md", FRONT, "Text.\n\n## <b>One <b>two\n")
    said = run_here("check", cwd=project).stdout
    assert (
        "content/s.md:10: warning: the <b> here has no </b> in its heading: it is ended where "
        "the heading ends (left open, it would make the rest of the story bold) (2 times on "
        "this line, said once)\n    fix: write </b> where it should end, in the same heading: "
        "<b>One</b> (and likewise for the other 1)\n"
    ) in said, said
    edit(story, "<b>One <b>two", "<b>One</b> <b>two</b>")
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout
