"""A published story that shows a reader nothing (an empty body, only spaces, `&nbsp;`, a
rule, a comment or HTML the site removes) is an error on the body's first line, whose fix
is to write the text or keep the story a draft: its page would be empty and its JSON Feed
item invalid (tester3 H1). A photo story, a story with text and a draft are published as
before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, tiny_png, write_article

FIX = (
    "fix: write the story's text below the closing '---', or add 'draft: true' to the front"
    " matter to keep it off the site until it is written"
)


@pytest.mark.parametrize(
    "body", ["", "\n\n", "&nbsp;\n", "***\n", "<!-- later -->\n", "<script>x()</script>\n"]
)
def test_a_story_with_nothing_to_read_is_an_error_and_nothing_is_published(
    tmp_path: Path, body: str
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/ok.md", STORY.replace("Monsoon", "Rain"))
    write_article(project, "2025/06/empty.md", STORY, body)

    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    for result in (checked, built):
        out = result.stdout + result.stderr
        assert result.returncode == 1, out
        line = 7 if body == "" else 8  # a file ending at its closing '---': that line
        assert f"content/2025/06/empty.md:{line}: error: the story has no text" in out
        assert FIX in out
        assert "no summary" not in out
    assert not (tmp_path / "site").exists()


def test_following_the_fix_publishes_the_rest_and_valid_neighbours_stay_silent(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/ok.md", STORY.replace("Monsoon", "Rain"))
    write_article(project, "2025/06/empty.md", STORY + "draft: true\n", "")
    write_article(project, "2025/06/photo.md", STORY.replace("Monsoon", "Sun"), "![A sun](p.png)\n")
    (project / "content/2025/06/p.png").write_bytes(tiny_png())

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    out = built.stdout + built.stderr
    assert built.returncode == 0, out
    assert "has no text" not in out
    items = json.loads((tmp_path / "site/feed.json").read_text(encoding="utf-8"))["items"]
    assert sorted(i["title"] for i in items) == ["Rain Reaches Kerala", "Sun Reaches Kerala"]
    assert all(i["content_html"] for i in items)  # the photo story: its picture


def test_build_drafts_leaves_an_empty_draft_out_of_the_json_feed(tmp_path: Path) -> None:
    """prober3 H3: `build --drafts` (the pull-request preview) wrote JSON Feed items with
    an empty content_html; an empty draft is now left out of feed.json (its page and the
    RSS and Atom feeds, where empty content is valid, still show it)."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/ok.md", STORY.replace("Monsoon", "Rain"))
    write_article(project, "2025/06/empty.md", STORY + "draft: true\n", "")
    write_article(project, "2025/06/note.md", STORY + "draft: true\n", "<!-- todo -->\n")
    write_article(project, "2025/06/half.md", STORY.replace("Monsoon", "Sun") + "draft: true\n")
    write_article(project, "2025/06/zw.md", STORY + "draft: true\n", "\u200b\n")  # prober4 L6

    built = run_here("build", "--drafts", "--output", str(tmp_path / "site"), cwd=project)

    assert built.returncode == 0, built.stdout + built.stderr
    items = json.loads((tmp_path / "site/feed.json").read_text(encoding="utf-8"))["items"]
    assert sorted(i["title"] for i in items) == ["Rain Reaches Kerala", "Sun Reaches Kerala"]
    assert all(i["content_html"] for i in items)
    assert (tmp_path / "site/2025/06/01/empty/index.html").exists()
    said = "warning: this draft has no text yet: `--drafts` publishes its page empty, and "
    said += "feed.json leaves it out (a feed item needs content)"
    for name, line in (("empty", 8), ("note", 9), ("zw", 9)):  # each said, not dropped silently
        assert f"content/2025/06/{name}.md:{line}: {said}" in built.stderr, built.stderr
    assert built.stderr.count(said) == 3
    assert "no text yet" not in run_here("check", cwd=project).stdout  # a draft may be empty


@pytest.mark.parametrize("end", ["---", "---\n"])
def test_a_file_ending_at_its_closing_fence_is_told_on_that_line(tmp_path: Path, end: str) -> None:
    """prober3 L1: the messages named line 8 of a 7-line file (GitHub annotations on no
    line); the closing '---' is named, for the "no text" error and the "no summary"
    warning of an empty draft alike."""
    project = make_project(tmp_path / "project")
    front = STORY.strip()
    (project / "content/a.md").write_text(f"---\n{front}\n{end}", encoding="utf-8")
    draft = f"---\n{front}\ndraft: true\n{end}"
    (project / "content/b.md").write_text(draft, encoding="utf-8")

    out = run_here("check", "--format", "github", cwd=project).stdout

    assert "::error file=content/a.md,line=7," in out
    assert "::warning file=content/b.md,line=8," in out
