"""`--cache-dir` inside content/, templates/ or the output is refused (the editor would
commit the cache, a database and a copy of the site; tester3 M11); one that cannot be
written is a warning on the build, which goes on without it, as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, write_article


@pytest.mark.parametrize("folder", ["content/cache", "content", "site/cache", "templates/c"])
def test_a_cache_folder_inside_content_or_the_site_is_refused(tmp_path: Path, folder: str) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)

    result = run_here("build", "--cache-dir", folder, cwd=project)

    assert result.returncode == 2, result.stderr
    assert f"newsdigest: error: --cache-dir {folder} is inside " in result.stderr
    assert "choose a folder outside it, such as .newsdigest-cache" in result.stderr
    assert not list((project / "content").rglob("state.sqlite"))
    assert not (project / "site").exists()


def test_a_cache_folder_that_cannot_be_written_is_a_warning_and_a_good_one_is_silent(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)
    (project / "notes.txt").write_text("a file\n", encoding="utf-8")

    blocked = run_here("build", "--cache-dir", "notes.txt", cwd=project)
    fine = run_here("build", "--cache-dir", "../cache", "--output", "other", cwd=project)

    assert blocked.returncode == 0, blocked.stderr
    assert (
        "--cache-dir notes.txt: warning: the build cache cannot be kept there (it is a file)"
    ) in blocked.stderr
    assert "fix: choose a folder you can write to, or leave out --cache-dir" in blocked.stderr
    assert fine.returncode == 0 and "warning" not in fine.stderr, fine.stderr
    assert (tmp_path / "cache/state.sqlite").exists()


@pytest.mark.parametrize("folder", [".", "..", "../.."])
def test_a_cache_folder_holding_the_site_is_refused(tmp_path: Path, folder: str) -> None:
    """prober3 M15: `--cache-dir .` wrote CACHEDIR.TAG (backup tools then skip content/),
    a database and a copy of the site among the newsroom's own files."""
    project = make_project(tmp_path / "a" / "p")
    write_article(project, "2025/06/story.md", STORY)

    result = run_here("build", "--cache-dir", folder, cwd=project)

    assert result.returncode == 2, result.stderr
    assert (
        f"newsdigest: error: --cache-dir {folder} is or holds the site's folder, so the "
        "build's cache (a database, a copy of the site, a CACHEDIR.TAG"
    ) in result.stderr
    assert "choose a folder of its own, such as .newsdigest-cache" in result.stderr
    assert not list(tmp_path.rglob("CACHEDIR.TAG")) and not list(tmp_path.rglob("state.sqlite"))
    assert not (project / "site").exists()
