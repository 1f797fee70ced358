"""A plain `build` says which published story pages it takes down (tester5 F2): a story
file renamed is named on its new file with the `aliases:`/`id:` fix, which followed keeps
the old address; a deleted one on its old page; an ordinary rebuild says nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

FRONT = (
    "title: Winter festival\ndate: 2025-06-01T09:00:00Z\ncountry: India\ncredits:\n  author: Desk"
)
OTHER = "title: Budget\ndate: 2025-06-02T09:00:00Z\ncountry: India\ncredits:\n  author: Desk"


def said(project: Path) -> str:
    done = run_here("build", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_a_build_names_the_published_pages_it_takes_down_and_how_to_keep_them(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "festival.md", FRONT)
    write_article(project, "budget.md", OTHER)
    assert "warning" not in said(project)
    assert "warning" not in said(project), "an unchanged rebuild is quiet"
    write_article(project, "budget.md", OTHER, "Body text, edited.\n")
    assert "warning" not in said(project), "an edit is quiet"

    (project / "content/festival.md").rename(project / "content/winter-festival.md")
    out = said(project)
    assert (
        "content/winter-festival.md:1: warning: the page /2025/06/01/festival/, published by "
        "the last build, is gone from this one" in out
    )
    assert (
        "fix: if it is, add to its front matter aliases: [/2025/06/01/festival/] to send "
        "readers on, and, unless it has an 'id:' line, id: tag:test.example,2025:2025-06-01/"
        "festival to keep its feed id" in out
    )
    assert "warning" not in said(project), "said once, by the build that took it down"

    # The fix followed: the old address is back (a redirect) and the feed id is the old one.
    pinned = (
        FRONT + "\naliases: [/2025/06/01/festival/]\nid: tag:test.example,2025:2025-06-01/festival"
    )
    write_article(project, "winter-festival.md", pinned)
    assert "warning" not in said(project)
    assert (project / "site/2025/06/01/festival/index.html").is_file()
    assert "tag:test.example,2025:2025-06-01/festival" in (project / "site/atom.xml").read_text()

    (project / "content/budget.md").rename(project / "content/budget-2.md")
    preview = run_here("build", "--drafts", cwd=project)  # a preview into site/ itself
    assert preview.returncode == 0 and "warning" not in preview.stdout + preview.stderr
    (project / "content/budget-2.md").rename(project / "content/budget.md")
    said(project)
    (project / "content/budget.md").unlink()
    out = said(project)
    assert (
        "site/2025/06/02/budget/index.html: warning: the page /2025/06/02/budget/, published "
        "by the last build, is gone from this one" in out
    )
    assert "its story was deleted, renamed, re-dated or made a draft" in out
