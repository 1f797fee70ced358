"""A newsroom's placeholders are not published without a word (tester T14): a headline,
byline, summary, alt text or caption that is only `TODO`, `TK`, `TKTK`, `.` or
`alt text here`, and `TKTK` or `TODO` in the text, are each a warning on their line;
the fix followed, `check` is quiet. Code, HTML comments and drafts say nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import STORY, make_project, run_here, tiny_png, write_article

MARKED = """\
title: TODO
date: 2025-06-01T10:00:00Z
country: US
credits:
  author: TK
summary: TKTK
image:
  src: boats.png
  alt: .
  caption: caption here
"""
BODY = "The minister said TKTK people died.\n\nXXX in Super Bowl XXX is a number.\n"
DONE = """\
title: Floods close the harbour
date: 2025-06-01T10:00:00Z
country: US
credits:
  author: Jane Doe
summary: The harbour is closed after the floods.
image:
  src: boats.png
  alt: Rescue boats on a flooded street
  caption: Boats in the harbour on Sunday
"""


def _room(tmp_path: Path, front: str, body: str) -> Path:
    project = make_project(tmp_path / "p")
    write_article(project, "a.md", front, body)
    (project / "content/boats.png").write_bytes(tiny_png((1400, 800)))
    return project


def test_each_placeholder_left_in_a_story_is_a_warning_on_its_line(tmp_path: Path) -> None:
    project = _room(tmp_path, MARKED, BODY)

    out = run_here("check", cwd=project).stdout

    for said in (
        "content/a.md:2: warning: title 'TODO' is a placeholder, not the headline: it would "
        "be published as it stands\n    fix: write the headline in its place, or keep the "
        "story off the site with 'draft: true' until it is ready",
        "content/a.md:6: warning: credits.author 'TK' is a placeholder, not the byline",
        "content/a.md:7: warning: summary 'TKTK' is a placeholder, not the summary",
        "content/a.md:10: warning: image.alt '.' is a placeholder, not what the picture shows",
        "content/a.md:11: warning: image.caption 'caption here' is a placeholder",
        "content/a.md:13: warning: 'TKTK' is still in the story, a placeholder for what is "
        "to come: it would be published as it stands\n    fix: write what is to come in "
        "place of 'TKTK'",
    ):
        assert said in out, out
    assert "XXX" not in out  # a Roman numeral as often as a mark: not said
    assert out.endswith("no errors, 6 warnings\n")

    write_article(project, "a.md", DONE, "The minister said 12 people died.\n")
    assert run_here("check", cwd=project).stdout.endswith("no errors\n")


def test_marks_inside_a_headline_and_the_many_forms_of_a_mark(tmp_path: Path) -> None:
    front = MARKED.replace("title: TODO", "title: Minister says TKTK died").replace(
        "author: TK", 'author: "[TK]"'
    )
    front = front.replace("summary: TKTK", "summary: tbd").replace("alt: .", "alt: alt text here")
    project = _room(tmp_path, front, "Text.\n")

    out = run_here("check", cwd=project).stdout

    assert "title 'Minister says TKTK died' holds 'TKTK', a placeholder" in out
    assert "credits.author '[TK]' is a placeholder" in out
    assert "summary 'tbd' is a placeholder" in out
    assert "image.alt 'alt text here' is a placeholder" in out


def test_code_comments_and_drafts_say_nothing(tmp_path: Path) -> None:
    body = "Text.\n\n```\n# TODO: in code\n```\n\nRun `TODO` here. <!-- TKTK: check -->\n"
    body += "\n<!-- a note to the desk,\nTODO: call the police again\n-->\nAfter it.\n"
    project = _room(tmp_path, DONE, body)
    assert run_here("check", cwd=project).stdout.endswith("no errors\n")

    write_article(project, "a.md", MARKED + "draft: true", BODY)  # work in progress
    write_article(project, "b.md", STORY)
    out = run_here("check", cwd=project).stdout
    assert "TK" not in out and "TODO" not in out, out


def test_a_mark_after_a_comment_closes_on_its_line_is_said(tmp_path: Path) -> None:
    body = "Text.\n\n<!-- a note\nto the desk --> FIXME: the toll\n"
    project = _room(tmp_path, DONE, body)
    out = run_here("check", cwd=project).stdout
    assert "'FIXME' is still in the story" in out, out
