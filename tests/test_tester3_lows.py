"""A newcomer's small slips (tester3's low faults), each answered on its line with a fix
an editor can follow: a content folder with no story, ..."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

STORY = """\
title: Storm hits the coast
date: 2025-06-20T10:00:00Z
country: India
credits:
  author: Asha Rao
"""


def test_a_content_folder_with_no_article_is_a_warning_in_check_and_build(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "desk")
    (project / "content" / "notes.txt").write_text("not a story\n", encoding="utf-8")

    checked = run_here("check", cwd=project)
    built = run_here("build", cwd=project)

    assert checked.returncode == 0 and built.returncode == 0, checked.stdout + built.stderr
    said = "content: warning: this folder holds no article (no .md file): the site is "
    assert said + "published with no story" in checked.stdout.splitlines()
    assert "fix: write one with: newsdigest new" in checked.stdout
    assert said in built.stderr


def test_a_content_folder_with_only_a_draft_gets_no_such_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk")
    write_article(project, "story.md", STORY + "draft: true\n")

    checked = run_here("check", cwd=project)

    assert checked.returncode == 0, checked.stdout
    assert "holds no article" not in checked.stdout


def test_an_empty_publisher_is_an_error_on_its_line_not_the_title_unsaid(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk", 'publisher = ""\n')
    write_article(project, "story.md", STORY)

    checked = run_here("check", cwd=project)

    assert checked.returncode != 0
    assert "pyproject.toml:8: error: publisher is empty" in checked.stderr.splitlines()
    assert "delete this line to name the site's title as the publisher" in checked.stderr


def test_a_publisher_written_or_left_out_is_silent(tmp_path: Path) -> None:
    named = make_project(tmp_path / "named", 'publisher = "Harbour Media"\n')
    left_out = make_project(tmp_path / "left-out")
    for project in (named, left_out):
        write_article(project, "story.md", STORY)
        checked = run_here("check", cwd=project)
        assert checked.returncode == 0, checked.stderr
        assert checked.stdout.splitlines()[-1] == "checked 1 article: no errors"
