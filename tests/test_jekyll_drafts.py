"""A story moved in with Jekyll's `_drafts/` folder is published by newsdigest unless it
says `draft: true`: a warning on its first line says so (tester3 M12); one marked a draft
there, or a story in another folder, is silent."""

from __future__ import annotations

from pathlib import Path

from conftest import STORY, make_project, run_here, write_article


def test_a_story_in_jekylls_drafts_folder_is_a_warning_unless_marked_a_draft(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "_drafts/half.md", STORY)
    write_article(project, "_drafts/marked.md", STORY.replace("Monsoon", "Rain") + "draft: true")
    write_article(project, "2025/06/done.md", STORY.replace("Monsoon", "Sun"))

    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    for out in (checked.stdout, built.stderr):
        assert "content/_drafts/half.md:1: warning: this story is in _drafts/, Jekyll's" in out
        assert "fix: add 'draft: true' to its front matter" in out
        assert out.count("_drafts/") == 3, out  # half.md, its message and its fix only
    assert built.returncode == 0
    assert (tmp_path / "site/2025/06/01/half/index.html").exists()  # as the warning says
