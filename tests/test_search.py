"""Search with Pagefind: the index is written with the site, is the same on every build,
and a build without the search extra says so and still publishes everything else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import BASE_URL, REPO, Forked, copy_newsroom, run_here
from lxml import html

from generator.write.search import indexer

pytest.importorskip("pagefind", reason="search extra missing: pip install -e '.[search]'")


def run_build(project: Path, out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m generator build` with extra environment variables."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--output", str(out), "--base-url", BASE_URL],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
        check=False,
    )


def build(project: Path, out: Path, env: dict[str, str] | None = None) -> str:
    done = run_build(project, out, env or {})
    assert done.returncode == 0, done.stderr
    return done.stderr


def build_in(runner: Forked | None, project: Path, out: Path) -> str:
    """`newsdigest build` in this process, or with `runner`, in a new process of its own
    forked from one that has only imported newsdigest (a rebuild learns of the last build
    only from the disk)."""
    flags = ("build", "--output", str(out), "--base-url", BASE_URL)
    done = runner.run(*flags, cwd=project) if runner else run_here(*flags, cwd=project, search=True)
    assert done.returncode == 0, done.stderr
    return done.stderr


def bundle(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in (site / "pagefind").rglob("*")
        if p.is_file()
    }


def test_the_index_covers_every_article_and_nothing_else(newsroom_site: Path) -> None:
    entry = json.loads((newsroom_site / "pagefind/pagefind-entry.json").read_text())
    articles = list(newsroom_site.glob("20*/*/*/*/index.html"))
    assert entry["languages"]["en"]["page_count"] == len(articles) > 3
    assert (newsroom_site / "pagefind/pagefind-ui.js").is_file()
    search = html.parse(str(newsroom_site / "search/index.html")).getroot()
    assert "unavailable" not in search.text_content()
    assert search.get_element_by_id("search") is not None


def test_two_builds_write_the_same_index(tmp_path: Path, newsroom_site: Path) -> None:
    project = copy_newsroom(tmp_path / "elsewhere")
    build_in(None, project, tmp_path / "site")
    assert bundle(tmp_path / "site") == bundle(newsroom_site)


def test_a_rebuild_keeps_the_unchanged_index_files(tmp_path: Path, forked: Forked) -> None:
    project = copy_newsroom(tmp_path / "project")
    out = tmp_path / "site"
    build_in(forked, project, out)
    inodes = {p: p.stat().st_ino for p in (out / "pagefind").rglob("*") if p.is_file()}
    build_in(forked, project, out)
    assert {p: p.stat().st_ino for p in (out / "pagefind").rglob("*") if p.is_file()} == inodes


def test_without_the_search_extra_the_build_says_so_and_publishes_the_rest(
    tmp_path: Path,
) -> None:
    # A `pagefind` package that cannot be imported, ahead of the installed one.
    stub = tmp_path / "stub" / "pagefind"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('pagefind is not installed')\n")
    project = copy_newsroom(tmp_path / "project")
    out = tmp_path / "site"
    said = build(project, out, {"PYTHONPATH": str(stub.parent)})
    # Installed editable from this source tree: the hint names the tree's search extra.
    assert f"search is off: pip install -e '{REPO}[search]'" in said
    assert not (out / "pagefind").exists()
    assert (out / "index.html").is_file() and (out / "feed.xml").is_file()
    search = html.parse(str(out / "search/index.html")).getroot()
    assert "Search is unavailable" in search.find_class("notice")[0].text_content()
    assert search.xpath("//script[@src]") == []
    home = html.parse(str(out / "index.html")).getroot()
    assert "/sub/search/" not in home.xpath("//nav[@class='site-nav']//a/@href")


def test_a_failing_indexer_publishes_nothing(tmp_path: Path, forked: Forked) -> None:
    project = copy_newsroom(tmp_path / "project")
    out = tmp_path / "site"
    build_in(forked, project, out)
    before = (out / "index.html").read_bytes()
    (project / "content/2025/06/budget-boosts-maori-media.md").unlink()
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'index exploded' >&2\nexit 3\n")
    broken.chmod(0o755)
    done = run_build(project, out, {"PAGEFIND_BINARY_PATH": str(broken)})
    assert done.returncode == 2
    assert "search index: pagefind failed (index exploded)" in done.stderr
    assert (out / "index.html").read_bytes() == before
    assert not list(tmp_path.glob(".site.staging-*"))


def test_with_the_search_extra_the_build_does_not_warn(tmp_path: Path) -> None:
    project = copy_newsroom(tmp_path / "project")
    done = run_here("build", "--output", str(tmp_path / "site"), cwd=project, search=True)
    assert done.returncode == 0 and "search is off" not in done.stderr


def copy_pages(site: Path, into: Path, *, backwards: bool) -> Path:
    """`site` without its index, each folder's entries created in sorted or reverse order:
    on tmpfs (and btrfs) a folder lists its files in the order they were created."""
    into.mkdir()
    for entry in sorted(site.iterdir(), reverse=backwards):
        if entry.name == "pagefind":
            continue
        if entry.is_dir():
            copy_pages(entry, into / entry.name, backwards=backwards)
        else:
            (into / entry.name).write_bytes(entry.read_bytes())
    return into


def test_the_index_does_not_depend_on_the_order_the_pages_were_written(
    tmp_path: Path, newsroom_site: Path
) -> None:
    # An incremental build writes its pages in another order than a clean build.
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else tmp_path) as scratch:
        forwards = copy_pages(newsroom_site, Path(scratch, "forwards"), backwards=False)
        backwards = copy_pages(newsroom_site, Path(scratch, "backwards"), backwards=True)
        index_site = indexer()
        assert index_site is not None
        index_site(forwards)
        index_site(backwards)
        assert bundle(forwards) == bundle(backwards) == bundle(newsroom_site)
