"""A backup beside its story (`story.md.orig`, as git mergetool leaves it after a conflict,
`.bak`, `.old`) and any copy whose right name the file beside it has (`story.md.txt`,
`story.markdown`, `story.txt`, `x.md.md` beside `x.md`) is a warning that keeps the build
going, and its fix never renames it over the story (tester4 F8: "rename the file to
story.md" replaced the newer story with the backup). A backup alone is a warning too."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

STORY = "title: {title}\ndate: 2025-06-20T10:00:00Z\ncountry: UK\ncredits:\n  author: A\n"
COPIES = ("story.md.orig", "story.md.bak", "story.md.old", "story.md.txt", "story.markdown")


def messages(out: str, name: str) -> list[tuple[str, str]]:
    """(message line, fix line) of each message `check` prints for content/sub/NAME."""
    lines = out.splitlines()
    return [
        (line, lines[n + 1].strip())
        for n, line in enumerate(lines)
        if line.startswith(f"content/sub/{name}:")
    ]


def test_a_backup_or_copy_beside_its_story_is_a_warning_never_renamed_over_it(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "sub/story.md", STORY.format(title="New text"))
    write_article(project, "sub/x.md", STORY.format(title="Ex"))
    folder = project / "content/sub"
    for name in (*COPIES, "story.txt", "x.md.md"):
        (folder / name).write_text("---\n" + STORY.format(title="Old text") + "---\nOld.\n")
    checked = run_here("check", cwd=project)
    for name in (*COPIES, "story.txt"):
        [(said, fix)] = messages(checked.stdout, name)
        assert said.startswith(f"content/sub/{name}:1: warning: this file is not read: ")
        assert "a copy of story.md, which is beside it" in said, said
        assert "rename" not in fix and fix.startswith("fix: if it is an old copy, delete it")
    assert "Notepad" not in messages(checked.stdout, "story.md.orig")[0][0]
    [(said, fix)] = messages(checked.stdout, "x.md.md")  # read, and an error: both published
    assert said.startswith("content/sub/x.md.md:1: error:") and "x.md is beside it" in said
    assert "rename the file to x.md" not in fix and "delete it" in fix
    (folder / "x.md.md").unlink()
    built = run_here("build", "--no-cache", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site/2025/06/20/story/index.html").read_text(encoding="utf-8")
    assert "New text" in page and "Old text" not in page


def test_a_backup_alone_is_a_warning_and_a_notepad_copy_alone_still_an_error(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "sub/other.md", STORY.format(title="Other"))
    folder = project / "content/sub"
    (folder / "story.md.bak").write_text("---\n" + STORY.format(title="Kept") + "---\nText.\n")
    (folder / "note.md.txt").write_text("---\n" + STORY.format(title="Note") + "---\nText.\n")
    checked = run_here("check", cwd=project)
    [(said, fix)] = messages(checked.stdout, "story.md.bak")
    assert said.startswith("content/sub/story.md.bak:1: warning: this file is not read")
    assert "a backup" in said and "story.md, the article it was made from, is not beside" in said
    assert (
        fix == "fix: if it is the story to publish, rename the file to story.md; if not, delete it"
    )
    [(said, fix)] = messages(checked.stdout, "note.md.txt")
    assert said.startswith("content/sub/note.md.txt:1: error:") and "Notepad" in said
    assert fix == "fix: rename the file to note.md"
    assert checked.returncode == 1  # the Notepad copy's error alone


def test_another_story_under_a_taken_name_is_an_error_with_a_name_of_its_own(
    tmp_path: Path,
) -> None:
    """prober5 P4: `a.markdown` (or `a`, `a.txt`, `a.MD`) beside `a.md` holding another
    story (its own title and date) is not "a copy of a.md" to merge into it: an error whose
    fix is a free name; one keeping a.md's title or date is still the copy warning."""
    project = make_project(tmp_path / "p")
    write_article(project, "sub/a.md", STORY.format(title="Story A"))
    write_article(project, "sub/a-2.md", STORY.format(title="Taken"))
    other = "---\ntitle: A different story\ndate: 2025-07-01T10:00:00Z\ncountry: Kenya\n"
    other += "credits:\n  author: B\n---\nB.\n"
    folder = project / "content/sub"
    for name in ("a.markdown", "a", "a.txt"):
        (folder / name).write_text(other)
    (folder / "story.markdown").write_text(other)  # no story.md: renamed as before
    checked = run_here("check", cwd=project)
    for name in ("a.markdown", "a", "a.txt"):
        [(said, fix)] = messages(checked.stdout, name)
        assert said.startswith(f"content/sub/{name}:1: error: this file is not read"), said
        assert "a.md is beside it, and this file holds another story" in said
        assert fix == "fix: rename the file to a name of its own ending in '.md': a-3.md"
    [(said, fix)] = messages(checked.stdout, "story.markdown")
    assert fix == "fix: rename the file to story.md"
    assert checked.returncode == 1
    (folder / "a").unlink()
    (folder / "a.txt").unlink()
    (folder / "story.markdown").unlink()
    (folder / "a.markdown").rename(folder / "a-3.md")  # the fix followed: published
    built = run_here("build", "--no-cache", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "A different story" in (tmp_path / "site/2025/07/01/a-3/index.html").read_text()


def test_git_mergetool_leftovers_ending_in_md_are_backups_not_stories(tmp_path: Path) -> None:
    """prober5 P1: what `git mergetool` leaves during a conflict on story.md, its `.md`
    kept last (`story_LOCAL_4242.md`, older git's `story.md.REMOTE.4242.md`), and
    `story.orig.md` beside story.md are backup warnings, whatever their text, and are not
    published; in a clean build and in one from the last build's records alike."""
    project = make_project(tmp_path / "p")
    write_article(project, "sub/story.md", STORY.format(title="Agreed text"))
    write_article(project, "sub/lone.orig.md", STORY.format(title="Lone"))  # a story's name
    write_article(project, "sub/plan_BASE_2025.md", STORY.format(title="Plan"))  # alone: too
    folder = project / "content/sub"
    site = tmp_path / "site"
    run_here("build", "--output", str(site), cwd=project)
    names = ("story_LOCAL_4242.md", "story.md.REMOTE.4242.md", "story_BASE_4242.md")
    for side, name in zip(("Ours", "Theirs", "Base"), names, strict=True):
        (folder / name).write_text("---\n" + STORY.format(title=side) + "---\nSide.\n")
    (folder / "story.orig.md").write_text("---\n" + STORY.format(title="Old") + "---\nOld.\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    for name in (*names, "story.orig.md"):
        [(said, fix)] = messages(checked.stdout, name)
        assert said.startswith(f"content/sub/{name}:1: warning: this file is not read: ")
        assert "a copy of story.md, which is beside it" in said and "git mergetool" in said
        assert fix.startswith("fix: if it is an old copy, delete it")
    assert "lone.orig.md" not in checked.stdout and "plan_BASE_2025" not in checked.stdout
    built = run_here("build", "--output", str(site), cwd=project)  # from the last build's
    clean = run_here("build", "--no-cache", "--output", str(tmp_path / "clean"), cwd=project)
    assert built.returncode == clean.returncode == 0, built.stdout + built.stderr
    for root in (site, tmp_path / "clean"):
        published = sorted(p.name for p in (root / "2025/06/20").iterdir())
        assert published == ["lone-orig", "plan-base-2025", "story"], published
        assert "Ours" not in (root / "feed.xml").read_text(encoding="utf-8")


def test_a_swap_file_and_a_patchs_rejects_are_said_as_what_they_are(tmp_path: Path) -> None:
    """prober5 P2: `story.md.swp` got the Notepad explanation, and `story.md.rej` (a
    patch's rejected changes) was called a copy of story.md, to delete if old."""
    project = make_project(tmp_path / "p")
    write_article(project, "sub/story.md", STORY.format(title="Story"))
    folder = project / "content/sub"
    for name in ("story.md.swp", "story.md.rej"):
        (folder / name).write_text("---\n" + STORY.format(title="Story") + "---\nText.\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    [(said, fix)] = messages(checked.stdout, "story.md.swp")
    assert said == (
        "content/sub/story.md.swp:1: warning: this file is not read: it is Vim's swap file of "
        "story.md (kept while Vim edits it, left behind by a crash), not an article"
    )
    assert "'vim -r story.md'" in fix and "delete this file" in fix
    [(said, fix)] = messages(checked.stdout, "story.md.rej")
    assert "the changes a patch could not make to story.md" in said and "copy" not in said
    assert fix == (
        "fix: make those changes in story.md by hand if they are still wanted, then delete "
        "this file"
    )
