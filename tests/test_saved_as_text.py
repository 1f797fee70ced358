"""An article saved as text at the top of content/ (`story.md.txt`) gets one message, the
error that names the name to give it, not also the warning for a file meant for the site
root (tester3 L1); a real root file there (`ads.txt`) keeps that warning."""

from __future__ import annotations

from pathlib import Path

from conftest import STORY, make_project, run_here, write_article


def test_an_article_saved_as_text_gets_one_message(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)
    write_article(project, "story.md.txt", STORY.replace("Monsoon", "Rain"))
    (project / "content/ads.txt").write_text("google.com, pub-1, DIRECT\n", encoding="utf-8")

    out = run_here("check", cwd=project).stdout

    assert "content/story.md.txt:1: error: this file is not read: it looks like an article" in out
    assert out.count("story.md.txt:") == 1, out
    assert "content/ads.txt:1: warning: content/ads.txt is not published at the site root" in out
