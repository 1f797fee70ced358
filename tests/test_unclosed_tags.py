"""Inline HTML typed without its end tag (`<b>Budget passed`) stays inside its paragraph,
on the page and in the feeds, with a warning on the line where it was typed, in either
Markdown engine; `check` says the same as `build`.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from conftest import VnuErrors, make_project, run_here, write_article
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
        for line, tag in [(8, "b"), (10, "a"), (10, "i"), (12, "em"), (17, "u")]:
            assert (
                f"content/2025/06/story.md:{line}: warning: the <{tag}> here has no </{tag}> "
                "in its paragraph: it is ended where the paragraph ends"
            ) in output, output
        assert "fix: write </b> where it should end, in the same paragraph: " in output
        assert "<b>Budget passed</b>" in output
        assert '<a href="https://council.example.org/budget.pdf">the budget and</a>' in output
        assert output.count("in its paragraph") == 5, output
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
