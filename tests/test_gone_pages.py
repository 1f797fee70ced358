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
    assert "its story was deleted, renamed or re-dated" in out


def test_a_previews_drafts_and_scheduled_stories_taken_down_are_said_as_such(
    tmp_path: Path,
) -> None:
    """A preview built into site/ (`build --drafts --future`), then a plain build: the
    draft's and the scheduled story's pages go, said on each story with what publishes it,
    not as published stories moved (tester T13)."""
    project = make_project(tmp_path / "project")
    write_article(project, "festival.md", FRONT)
    write_article(project, "secret.md", OTHER.replace("Budget", "Secret") + "\ndraft: true")
    write_article(project, "later.md", OTHER.replace("2025-06-02", "2027-03-01"))
    said(project)
    preview = run_here("build", "--drafts", "--future", cwd=project)
    assert preview.returncode == 0 and "warning" not in preview.stdout + preview.stderr
    assert (project / "site/2025/06/02/secret/index.html").is_file()

    out = said(project)

    assert (
        "content/secret.md:7: warning: the page /2025/06/02/secret/, written by the last "
        "build, is taken down by this one: this story is a draft ('draft: true'), which a "
        "build leaves out unless --drafts\n"
        "    fix: nothing to do while it is not ready: delete 'draft: true' to publish it at "
        "the same address; to preview it without writing it into the folder that is "
        "published, use 'newsdigest serve', or build into a folder of its own: newsdigest "
        "build --drafts --output ../preview"
    ) in out
    assert (
        "content/later.md:3: warning: the page /2027/03/01/later/, written by the last build, "
        "is taken down by this one: this story is dated 1 Mar 2027 09:00 UTC, ahead of now, "
        "and a build leaves it out until then unless --future\n"
        "    fix: nothing to do: the first build after that time publishes it at the same "
        "address;"
    ) in out
    assert "aliases" not in out and "is gone from this one" not in out
    assert not (project / "site/2025/06/02/secret").exists()
    assert "warning" not in said(project), "said once"

    # The fix followed: the preview has a folder of its own, and site/ never holds a draft.
    preview = run_here("build", "--drafts", "--output", "../preview", cwd=project)
    assert preview.returncode == 0 and (tmp_path / "preview/2025/06/02/secret").is_dir()
    assert "warning" not in said(project)
    assert not (project / "site/2025/06/02/secret").exists()
