"""The page state between builds: rows of the state database, read and saved by key.

A rebuild after one edit makes only the pages that read the edited story, knows the
other pages from the dependency index, and saves only the rows it changed; a damaged
row, a page deleted from the output by hand or a file edited there by hand each give
the clean build's bytes. Each build runs in a process of its own (tests/fresh_processes.py).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import (
    BASE_URL,
    Forked,
    clean_build,
    load_synth,
    make_project,
    site_files,
    write_article,
)

from generator import config
from generator.commands.build import Options, Paths, Selection, build_site
from generator.write import manifest

synth = load_synth()
COUNT = 12  # the newsroom of tests/incremental_newsroom.py: every kind of page, cheap builds
PROCESSES: list[Forked] = []


@pytest.fixture(autouse=True, scope="module")
def processes(forked: Forked) -> None:
    PROCESSES[:] = [forked]


# The projects built with the search index (tests marked `search`); the others' builds and
# clean builds are made without it (conftest.searching): the page rows, not Pagefind's.
INDEXED: set[Path] = set()


@pytest.fixture
def project(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    made = synth.write_newsdigest(tmp_path / "project", synth.articles(COUNT))
    if request.node.get_closest_marker("search") is not None:
        INDEXED.add(made)
    return made


def build(project: Path) -> tuple[int, int]:
    """`newsdigest build` into PROJECT/../site in a new process: (pages rendered, pages)."""
    (runner,) = PROCESSES
    out = project.parent / "site"
    flags = ("--output", str(out), "--base-url", BASE_URL)
    result = runner.run("build", *flags, cwd=project, search=project in INDEXED)
    assert result.returncode == 0, result.stderr
    found = re.search(r"Pages\s+(\d+)\s+\((\d+) rendered", result.stdout + result.stderr)
    assert found, result.stdout
    return int(found.group(2)), int(found.group(1))


def assert_same_as_clean(project: Path) -> None:
    got, want = site_files(project.parent / "site"), clean_build(project, None, project in INDEXED)
    assert sorted(got) == sorted(want)
    assert [path for path in want if got[path] != want[path]] == []


def edit(project: Path, index: int, words: str) -> str:
    """Append a paragraph to article `index`; the path of its page in the site."""
    article = synth.articles(index + 1)[index]
    path = project / "content" / article.path
    path.write_text(path.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")
    (page,) = (project.parent / "site").rglob(f"{article.slug}/index.html")
    return page.relative_to(project.parent / "site").as_posix()


def state(project: Path) -> sqlite3.Connection:
    return sqlite3.connect(project / ".newsdigest-cache" / "state.sqlite", isolation_level=None)


OUR_ROWS = "SELECT path, sum FROM pages WHERE path NOT LIKE 'pagefind/%'"  # search: its own


def test_one_edit_makes_only_its_readers_and_saves_only_their_rows(project: Path) -> None:
    build(project)
    with state(project) as db:
        before = dict(db.execute(OUR_ROWS))
    page = edit(project, 3, "A sentence added later.")
    rendered, pages = build(project)
    assert 0 < rendered < pages / 4
    assert "A sentence added later." in (project.parent / "site" / page).read_text("utf-8")
    with state(project) as db:
        after = dict(db.execute(OUR_ROWS))
    assert after.keys() == before.keys()
    assert 0 < sum(after[p] != before[p] for p in before) <= rendered + 20  # pages, feeds
    assert_same_as_clean(project)


@pytest.mark.parametrize("damage", ["family", "readers"])
def test_a_damaged_page_state_row_is_not_trusted(project: Path, damage: str) -> None:
    """A row whose values no longer match its checksum (a page's family, the list of the
    pages that read an article): the build plans every page, and the site is the clean
    build's."""
    build(project)
    page = edit(project, 3, "Words after the damage.")
    with state(project) as db:
        if damage == "family":
            db.execute("UPDATE pages SET family = '[\"home\"]' WHERE path = ?", (page,))
        else:
            db.execute("UPDATE readers SET paths = '[]'")
    build(project)  # every page planned (and fingerprinted), none kept on a stale index
    assert "Words after the damage." in (project.parent / "site" / page).read_text("utf-8")
    assert_same_as_clean(project)
    edit(project, 5, "And the next build uses the index again.")
    rendered, pages = build(project)
    assert 0 < rendered < pages / 4
    assert_same_as_clean(project)


ORDER = "SELECT path FROM pages WHERE ordinal IS NOT NULL ORDER BY ordinal"


def test_a_story_added_then_deleted_saves_only_the_rows_that_differ(project: Path) -> None:
    """A new story and a deleted one make the build plan every page; the rows it saves
    are those that differ from the last build's (the new story's page takes a place
    between two others), the pages stay in the site's order, and the next edit plans
    from the dependency index again."""
    build(project)
    total = len(site_files(project.parent / "site"))
    added = synth.articles(COUNT + 1)[COUNT]
    path = project / "content" / added.path
    path.parent.mkdir(parents=True, exist_ok=True)
    for change in (lambda: path.write_text(synth.newsdigest_file(added), "utf-8"), path.unlink):
        with state(project) as db:
            before = dict(db.execute(OUR_ROWS))
        change()
        build(project)
        with state(project) as db:
            after, order = dict(db.execute(OUR_ROWS)), [p for (p,) in db.execute(ORDER)]
        assert 0 < sum(after.get(p) != before.get(p) for p in {*before, *after}) < total / 2
        assert_same_as_clean(project)
        fresh = project.parent / "fresh" / "project"  # the order a first build saves
        shutil.rmtree(fresh.parent, ignore_errors=True)
        shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".newsdigest-cache"))
        build(fresh)
        with state(fresh) as db:
            assert order == [p for (p,) in db.execute(ORDER)]
        edit(project, 4, "Later.")
        rendered, pages = build(project)
        assert 0 < rendered < pages / 4
        assert_same_as_clean(project)


def test_a_page_deleted_by_hand_from_the_output_is_made_again(project: Path) -> None:
    build(project)
    site = project.parent / "site"
    (page,) = site.rglob(f"{synth.articles(8)[7].slug}/index.html")
    page.unlink()
    edit(project, 2, "An unrelated edit.")
    build(project)
    assert page.is_file()
    assert_same_as_clean(project)


def test_an_output_file_edited_by_hand_with_a_new_size_is_made_again(project: Path) -> None:
    """An edit in place (the same inode, the folder's time unchanged) that changes the size."""
    build(project)
    site = project.parent / "site"
    (page,) = site.rglob(f"{synth.articles(6)[5].slug}/index.html")
    with page.open("ab") as handle:
        handle.write(b"<!-- edited on the server -->")
    rendered, pages = build(project)
    assert 0 < rendered < pages
    assert b"edited on the server" not in page.read_bytes()
    assert_same_as_clean(project)


def test_a_file_someone_else_changed_in_the_output_leaves_the_next_build_up_to_date(
    project: Path,
) -> None:
    """A CNAME put in the output and rewritten there after a build: an edit's rebuild
    carries it over and records its stat, so the build after it has nothing to do."""
    build(project)
    cname = project.parent / "site" / "CNAME"
    cname.write_text("news.example.org\n")
    edit(project, 2, "A first edit.")
    build(project)
    cname.write_text("www.news.example.org\n")
    edit(project, 4, "A second edit.")
    build(project)
    assert cname.read_text() == "www.news.example.org\n"
    (runner,) = PROCESSES
    flags = ("--output", str(cname.parent), "--base-url", BASE_URL)
    again = runner.run("build", *flags, cwd=project, search=False)
    assert "up to date: nothing changed" in again.stdout + again.stderr
    cname.unlink()
    assert_same_as_clean(project)


@pytest.mark.search
def test_the_marker_lists_every_file_of_the_site_in_order_after_each_rebuild(
    project: Path,
) -> None:
    """The output's marker names the files the build wrote, sorted: after an edit (the
    same files: the last list written again) and after a story is deleted (fewer)."""
    site = project.parent / "site"

    def assert_listed() -> None:
        text = (site / manifest.MARKER).read_text("utf-8")
        listed = text.split("files:\n", 1)[1].splitlines()
        files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
        assert listed == sorted(set(files) - {manifest.MARKER})

    build(project)
    edit(project, 2, "An edit.")
    build(project)
    assert_listed()
    (project / "content" / synth.articles(COUNT)[7].path).unlink()
    build(project)
    assert_listed()
    assert_same_as_clean(project)


def test_a_day_that_ends_rebuilds_the_site_with_no_file_changed(tmp_path: Path) -> None:
    """The last build keeps when its site goes stale: here when the newest story's day is
    over (it then joins the digest feed), though the archive holds older stories too."""
    project = make_project(tmp_path / "project", 'publisher = "The Test Times"\n')
    now = datetime.fromisoformat("2025-06-26T12:00:00+00:00")
    for name, age in (("today", 2), ("last-week", 24 * 7), ("last-year", 24 * 365)):
        write_article(
            project,
            f"{name}.md",
            f"title: Story {name}\ndate: {(now - timedelta(hours=age)).isoformat()}\n"
            "country: India\ncredits:\n  author: Desk\n",
        )
    out = tmp_path / "site"
    paths = Paths(project, project / "content", project / "templates", out)

    def build_at(hours: int) -> bool:
        at = Selection(now=now + timedelta(hours=hours))
        result = build_site(paths, config.load(project), at, Options(jobs=1))
        assert result.ok and result.summary is not None, result.diagnostics
        return result.summary.up_to_date

    assert not build_at(0)
    assert build_at(1)  # nothing changed, the day not over
    feed = (out / "digest" / "feed.xml").read_text(encoding="utf-8")
    assert not build_at(13)  # midnight has passed: June 26 is over
    assert (out / "digest" / "feed.xml").read_text(encoding="utf-8") != feed


# The output's walk is made by a child process while the build reads its articles
# (generator.write.manifest.stats_ahead): the list it hands over is the one a walk in the
# build's own process makes, whatever the names; a child that fails leaves the walk here.
ODD = "odd name\n\twith é.txt"  # a newline, a tab, not ASCII


def a_published_folder(root: Path) -> Path:
    site = root / "site"
    (site / "2024" / "story").mkdir(parents=True)
    (site / "2024" / "story" / "index.html").write_text("<p>story</p>", encoding="utf-8")
    (site / ODD).write_bytes(b"put here by someone else")
    (site / os.fsdecode(b"not \xff UTF-8")).write_bytes(b"")
    (site / "link.html").symlink_to("2024/story/index.html")
    (site / "empty").mkdir()
    return site


def test_the_walk_made_meanwhile_lists_what_a_walk_here_lists(tmp_path: Path) -> None:
    site = a_published_folder(tmp_path)
    found, listing = manifest.stats_ahead(site)()
    assert (found, sorted(listing)) == (
        manifest.stats_under(site)[0],
        sorted(manifest.stats_under(site)[1]),
    )
    assert ODD in found and "link.html" in listing and "link.html" not in found


def test_the_walk_told_the_last_stats_hands_over_only_changes_and_lists_the_same(
    tmp_path: Path,
) -> None:
    """Given the stats the last build recorded, the child hands over only what differs
    (a file rewritten, one deleted, one replaced by a symlink, a new one): the result is
    the whole walk's, and a stat recorded wrongly is read as the file's own."""
    site = a_published_folder(tmp_path)
    known = dict(manifest.stats_under(site)[0])
    known["gone.html"] = (1, 2, 3)  # recorded, deleted since
    known["2024/story/index.html"] = (0, 0, 0)  # recorded wrongly (damaged)
    (site / "link.html").unlink()
    (site / "link.html").write_text("now a file", encoding="utf-8")
    (site / ODD).unlink()
    (site / ODD).symlink_to("link.html")
    (site / "new.html").write_text("new", encoding="utf-8")
    found, listing = manifest.stats_ahead(site, known)()
    found_here, listing_here = manifest.stats_under(site)
    assert found == found_here
    assert sorted(listing) == sorted(listing_here)


def test_a_walk_that_fails_in_the_child_is_made_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = a_published_folder(tmp_path)

    def broken(directory: Path, handle: object, known: object) -> int:
        raise RuntimeError("the child cannot write its list")

    monkeypatch.setattr(manifest, "_hand_over", broken)
    found, listing = manifest.stats_ahead(site)()
    assert sorted(listing) == sorted(manifest.stats_under(site)[1])
    assert found[ODD][0] == len(b"put here by someone else")


def test_an_output_that_cannot_be_read_reads_as_unreadable(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        manifest.stats_ahead(tmp_path / "missing")()


@pytest.mark.parametrize("name", [ODD, os.fsdecode(b"not \xff UTF-8.txt")])
def test_a_file_with_an_unusual_name_put_in_the_output_stays_there(
    project: Path, name: str
) -> None:
    """Even a name that is not UTF-8 (which the state's database cannot hold): the rebuilds
    work, the file stays, and the site is then found up to date."""
    build(project)
    odd = project.parent / "site" / name
    odd.write_bytes(b"put here by someone else")
    edit(project, 3, "A late paragraph.")
    build(project)
    assert odd.read_bytes() == b"put here by someone else"
    edit(project, 4, "Another late paragraph.")
    build(project)
    assert odd.read_bytes() == b"put here by someone else"
    assert build(project)[0] == 0  # nothing rendered: up to date
