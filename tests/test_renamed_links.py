"""A link to a story whose file was renamed with words added (`v2.md` -> `v2-new.md`) is
offered the renamed story, not another whose name is spelt alike (`v7.md`); the link's
`#anchor` is offered only where the story offered has that place (tester3 M3)."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

FRONT = """\
title: {title}
date: 2025-06-0{day}T10:00:00+00:00
country: India
credits:
  author: Desk
"""


def test_a_renamed_story_is_offered_before_a_close_spelling_and_only_its_own_places(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    links = "See [it](v2.md), [a](v2.md#facts), [b](v2.md#top), [c](v2.md#nope), [d](v8.md#facts)\n"
    write_article(project, "2025/v1.md", FRONT.format(title="One", day=1), links)
    write_article(
        project, "2025/v2-new.md", FRONT.format(title="Two", day=2), "## Facts {#facts}\n\nText.\n"
    )
    write_article(project, "2025/v7.md", FRONT.format(title="Seven", day=3), "Text.\n")

    out = run_here("check", cwd=project).stdout

    assert "link to 'v2.md' points to no published article\n    fix: did you mean v2-new.md?" in out
    assert "fix: did you mean v2-new.md#facts? Was the story's file renamed?" in out
    assert "fix: did you mean v2-new.md#top?" in out  # '#top': the top of every page
    assert "did you mean v2-new.md (it has no #nope)?" in out
    assert "v7.md (it has no #facts)?" in out  # v8.md: spelt alike, no #facts
    assert out.count("v7.md") == 1, out
