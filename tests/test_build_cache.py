"""The build cache is never trusted blindly: damaged (garbage, cut in half, one byte
flipped), turned off or moved, unwritable, left half-written by a killed build, shared by
two builds at once or by `serve`'s preview, or bypassed by a build that wrote the site in
between, every build still gives, byte for byte, the clean build of the same files
(tests/incremental_newsroom.py; the edits themselves: tests/test_incremental.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import incremental_newsroom
import pytest
from conftest import BASE_URL, edit, run_here, run_newsdigest, searching
from incremental_newsroom import (
    COUNT,
    article_file,
    assert_same_as_clean,
    build,
    edit_word,
    front_matter_line,
    same_code,
    urls_path,
)

# The newsroom's fixtures: `processes` (autouse) and `project`.
processes, project = incremental_newsroom.processes, incremental_newsroom.project


@pytest.mark.parametrize("damage", ["garbage", "truncate", "flip"])
def test_a_corrupt_cache_is_ignored(project: Path, damage: str) -> None:
    """Garbage written over the state database, the file cut in half, or one byte flipped:
    the build is a normal one (no warning, the clean build's bytes) and the next one uses
    the cache it wrote again."""
    site = project.parent / "site"
    build(project, site)
    body = article_file(project, 2)
    body.write_text(body.read_text(encoding="utf-8") + "\nFresh words.\n", encoding="utf-8")
    cache = project / ".newsdigest-cache"
    for cached in [*cache.glob("*.json"), *cache.glob("state.sqlite*")]:
        data = cached.read_bytes()
        if cached.suffix == ".lock":  # the empty file builds take turns on
            continue
        if damage == "garbage":
            cached.write_bytes(b"not a cache" * 100)
        elif damage == "truncate":
            cached.write_bytes(data[: len(data) // 2])
        else:  # same length, one byte changed: only a checksum can tell
            middle = len(data) // 2
            cached.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    out = build(project, site)
    assert "warning" not in out
    if damage == "garbage":
        assert f"0 from cache, {COUNT} converted" in out
    assert "Fresh words" in (site / urls_path(project, 2)).read_text(encoding="utf-8")
    assert_same_as_clean(project, site)
    edit_word(article_file(project, 4), "W")
    out = build(project, site)
    assert f"{COUNT - 1} from cache, 1 converted" in out
    assert_same_as_clean(project, site)


def test_no_cache_writes_no_cache_and_cache_dir_moves_it(project: Path) -> None:
    build(project, project.parent / "a", "--no-cache")
    assert not (project / ".newsdigest-cache").exists()
    elsewhere = project.parent / "kept-cache"
    build(project, project.parent / "b", "--cache-dir", str(elsewhere))
    assert (elsewhere / "CACHEDIR.TAG").is_file()
    assert not (project / ".newsdigest-cache").exists()
    out = build(project, project.parent / "b", "--cache-dir", str(elsewhere))
    assert "up to date" in out


def test_a_cache_folder_that_cannot_be_written_builds_the_site_without_it(
    project: Path,
) -> None:
    """A --cache-dir that is a file (like a folder the build may not write) is no cache: the
    site is built all the same, with no traceback, and is the clean build."""
    in_the_way = project.parent / "cache-is-a-file"
    in_the_way.write_text("not a folder\n", encoding="utf-8")
    site = project.parent / "site"
    out = build(project, site, "--cache-dir", str(in_the_way))
    assert "Traceback" not in out
    assert in_the_way.read_text(encoding="utf-8") == "not a folder\n"
    assert_same_as_clean(project, site)


def test_a_build_leaves_no_scratch_folder_and_removes_one_a_killed_build_left(
    project: Path,
) -> None:
    """The bodies a build keeps out of memory (a scratch folder beside its cache) are gone
    when it ends; the folder a killed build left (its process gone) goes with the next."""
    cache = project / ".newsdigest-cache"
    left = cache / "bodies-999999999-abc"  # no process has that number
    left.mkdir(parents=True)
    (left / "bodies.sqlite").write_bytes(b"half written")
    site = project.parent / "site"
    build(project, site)
    assert not list(cache.glob("bodies-*"))
    assert_same_as_clean(project, site)


@pytest.mark.search
def test_two_builds_at_once_share_the_cache_without_damaging_it(project: Path) -> None:
    """Two builds of the same newsroom run at the same time (two terminals, a watcher and
    a build): both finish, and the cache they both saved serves the next build."""
    import subprocess

    edit_word(article_file(project, 1), "K")
    command = [sys.executable, "-m", "generator", "build", "--base-url", BASE_URL, "--output"]
    runs = [
        subprocess.Popen(
            [*command, str(project.parent / name)],
            cwd=project,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for name in ("one", "two")
    ]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    edit_word(article_file(project, 2), "J")
    out = build(project, project.parent / "one")
    assert f"{COUNT - 1} from cache, 1 converted" in out
    assert_same_as_clean(project, project.parent / "one")


@pytest.mark.search
def test_a_build_started_while_another_writes_the_same_site_waits_for_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Two builds into one output folder (a watcher and a build, a job started twice): the
    second starts while the first reads the stories, and waits for the first to end; the
    site is then the clean build, with no file of the last site's search index left over."""
    import subprocess

    from generator import pipeline

    pytest.importorskip("pagefind", reason="search extra missing: pip install -e '.[search]'")
    site = project.parent / "site"
    build(project, site)
    edit_word(article_file(project, 1), "K")
    log = tmp_path / "second.log"
    second: list[subprocess.Popen[bytes]] = []
    load = pipeline.load

    def second_build_meanwhile(*args: Any, **kwargs: Any) -> Any:
        command = [sys.executable, "-m", "generator", "build", "--base-url", BASE_URL]
        with log.open("wb") as err:
            second.append(
                subprocess.Popen([*command, "--output", str(site)], cwd=project, stderr=err)
            )
        while second[0].poll() is None and b"waiting" not in log.read_bytes():
            time.sleep(0.1)
        return load(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load", second_build_meanwhile)
    first = run_here("build", "--output", str(site), "--base-url", BASE_URL, cwd=project)
    monkeypatch.setattr(pipeline, "load", load)
    assert first.returncode == 0, first.stderr
    assert second[0].wait(timeout=300) == 0, log.read_text(encoding="utf-8")
    assert_same_as_clean(project, site)
    assert "another build" in log.read_text(encoding="utf-8")


def test_a_build_into_another_folder_does_not_wait(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build into a sibling folder (a preview beside the site) runs to its end while a
    build into the site holds the site's lock; neither leaves a lock file beside them."""
    from generator import pipeline

    site, preview = project.parent / "site", project.parent / "preview"
    other: list[subprocess.CompletedProcess[str]] = []
    load = pipeline.load

    def other_build_meanwhile(*args: Any, **kwargs: Any) -> Any:
        other.append(
            run_newsdigest(
                "build", "--base-url", BASE_URL, "--output", str(preview), cwd=project, timeout=60
            )
        )
        return load(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load", other_build_meanwhile)
    first = run_here("build", "--output", str(site), "--base-url", BASE_URL, cwd=project)
    monkeypatch.setattr(pipeline, "load", load)
    assert first.returncode == 0, first.stderr
    assert other[0].returncode == 0, other[0].stderr
    assert "waiting" not in other[0].stderr
    assert sorted(p.name for p in project.parent.iterdir() if "lock" in p.name) == []


@pytest.mark.parametrize("other", [("--no-cache",), ("--cache-dir", "../other-cache")])
def test_a_site_another_build_wrote_is_not_taken_for_the_last_one(
    project: Path, other: tuple[str, ...]
) -> None:
    """A build with `--no-cache` or another cache folder writes the site in between: the
    next usual build neither puts the old headline back on the neighbours' pages (from the
    site kept in the cache) nor keeps a moved story's old page; it gives the clean build."""
    site = project.parent / "site"
    for flags in ((), other, ()):
        build(project, site, *flags)
    story = article_file(project, 5)
    edit(story, 'title: "', 'title: "Changed headline: ')
    build(project, site, *other)
    assert_same_as_clean(project, site)
    build(project, site)
    assert_same_as_clean(project, site)
    when = front_matter_line(story, "date: ")[len("date: ") :]
    earlier = (datetime.fromisoformat(when) - timedelta(days=3)).isoformat()
    edit(story, f"date: {when}", f"date: {earlier}")
    build(project, site, *other)
    build(project, site)
    assert_same_as_clean(project, site)


def test_a_build_after_the_preview_converts_only_the_story_edited_meanwhile(
    project: Path, tmp_path: Path
) -> None:
    """`serve` rebuilds its preview (its own address, drafts and scheduled stories) with the
    project's cache while an editor saves a story: the next `build` converts that story's
    Markdown at most (the preview converted it already), instead of every article again."""
    from generator import config
    from generator.commands import serve
    from generator.settings_file import Paths
    from generator.speed import fingerprint

    news = 'base_url = "https://bench.example/news/"'
    edit(project / "pyproject.toml", news, news.replace("/news/", "/sub/"))  # `build`'s path
    site = project.parent / "site"
    build(project, site)
    body = article_file(project, 3)
    body.write_text(body.read_text(encoding="utf-8") + "\nA paragraph saved meanwhile.\n")
    paths = Paths(project, project / "content", project / "templates", tmp_path / "preview")
    settings = config.load(project)
    # This process read generator/ for the cache's key at its first build in-process, maybe
    # tests ago; read it now, as the `build` processes around it do (same_code).
    fingerprint.code_version.cache_clear()
    same_code(project)
    with searching(False):  # as `build` here (incremental_newsroom.INDEXED)
        serve.rebuild(paths, settings, 8765, lambda _: None, str)
    same_code(project)
    out = build(project, site)
    converted = re.search(r"Articles\s+\d+\s+\(\d+ from cache, (\d+) converted\)", out)
    assert converted and int(converted[1]) <= 1, out  # the preview converted it already
    assert_same_as_clean(project, site)


def test_a_site_large_enough_to_save_its_cache_after_the_pages_reuses_it_next_time(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From `SAVE_AFTER` articles on, the build cache is saved once the pages are written
    (not while they are made, which holds more memory at once): the next build reuses
    it all the same, and gives the clean build's bytes."""
    from generator.commands import rebuild

    monkeypatch.setattr(rebuild, "SAVE_AFTER", 1)
    site = project.parent / "site"
    flags = ("build", "--output", str(site), "--base-url", BASE_URL)
    first = run_here(*flags, cwd=project, search=False)
    assert first.returncode == 0, first.stderr
    assert f"0 from cache, {COUNT} converted" in first.stdout
    edit_word(article_file(project, 4), "W")
    second = run_here(*flags, cwd=project, search=False)
    assert second.returncode == 0, second.stderr
    assert f"{COUNT - 1} from cache, 1 converted" in second.stdout
    assert_same_as_clean(project, site)


@pytest.mark.search
def test_builds_run_as_their_own_process_leave_a_whole_cache_behind(project: Path) -> None:
    """`newsdigest build` as a process of its own ends without collecting what the build
    left in memory (speed.collector.leave_to_the_system): everything it saves must be on
    disk when it ends, closed, so that the next process reuses it and makes the clean
    build."""
    command = [sys.executable, "-m", "generator", "build", "--base-url", BASE_URL, "--output"]
    site, cache = project.parent / "site", project / ".newsdigest-cache"
    for letter in ("", "K"):
        if letter:
            edit_word(article_file(project, 1), letter)
        done = subprocess.run(
            [*command, str(site)], cwd=project, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
        assert not list(cache.glob("*-wal")) and not list(cache.glob("*-journal"))
    assert f"{COUNT - 1} from cache, 1 converted" in done.stdout
    assert_same_as_clean(project, site)
    again = subprocess.run(
        [*command, str(site)], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout
