"""A build that finds nothing changed prints the warnings the last build printed: a
warning is not fixed by building twice, and a second `newsdigest build` that said nothing
would tell the editor it was."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

STORY = """\
title: Floods reach the harbour
date: 2025-06-20T10:00:00Z
country: UK
credits:
  author: Asha Rao
tag: [Floods]
"""


def test_an_up_to_date_build_prints_the_last_builds_warnings_again(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", 'cname = "news.example.org"\n')
    write_article(project, "floods.md", STORY)
    first = run_here("build", cwd=project)
    again = run_here("build", cwd=project)
    assert first.returncode == again.returncode == 0, first.stdout + again.stdout
    assert "up to date" not in first.stdout and "up to date" in again.stdout
    for build in (first, again):
        said = build.stdout + build.stderr
        assert "content/floods.md:7: warning: unknown field 'tag'" in said
        assert "pyproject.toml:" in said and "cname 'news.example.org'" in said
        assert "(2 warnings above)" in said
    write_article(project, "floods.md", STORY.replace("tag:", "tags:"))
    fixed = run_here("build", cwd=project)
    assert "warning: unknown field" not in fixed.stdout + fixed.stderr
    assert "(1 warning above)" in fixed.stdout + fixed.stderr
