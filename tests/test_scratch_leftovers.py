"""A build killed (kill -9) while its scratch folders are open leaves them behind; the next
build removes them, in the system's temporary folder and in the build cache's folder alike,
and leaves a running build's, another program's and older look-alikes holding anything else
alone (generator.scratch)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from conftest import GONE_PID, run_newsdigest
from test_kill import newsroom, paused_build, set_version


def killed(project: Path, site: Path, *extra: str) -> int:
    """A build killed with its whole process group half-way through writing the site
    (its body store open): its process id."""
    process = paused_build(project, site, "write_new", 1, *extra)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    return process.pid


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_next_build_removes_the_scratch_folders_a_killed_build_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    project = newsroom(tmp_path / "project", 8)
    site = tmp_path / "site"
    cache = project / ".newsdigest-cache"
    # Not newsdigest's to remove: a running build's folder, another program's, a folder
    # named as an old body store that holds something else, a link to a folder.
    running = temporary / f"newsdigest-bodies-{os.getpid()}-abcd1234"
    foreign = temporary / f"newsdigest-notes-{GONE_PID}-abcd1234"
    lookalike = temporary / f"bodies-{GONE_PID}-abcd1234"
    for folder in (running, foreign, lookalike):
        folder.mkdir()
    (lookalike / "essay.txt").write_text("mine", encoding="utf-8")
    (temporary / f"newsdigest-base-{GONE_PID}-linkto12").symlink_to(foreign)
    kept = names(temporary)
    # What older versions left: a body store named before generator.scratch.
    old = temporary / f"bodies-{GONE_PID}-sq05a247"
    old.mkdir()
    (old / "bodies.sqlite").write_bytes(b"half written")

    lock = f"newsdigest-{os.getuid()}"  # the output folder's lock's folder (write/target.py)
    without_cache = killed(project, site, "--no-cache")
    left = [n for n in names(temporary) if n.startswith(f"newsdigest-bodies-{without_cache}-")]
    assert len(left) == 1 and (temporary / left[0] / "bodies.sqlite").is_file(), left
    result = run_newsdigest("build", "--output", str(site), "--no-cache", cwd=project)
    assert result.returncode == 0, result.stderr
    assert names(temporary) == sorted([*kept, lock])
    assert list((temporary / lock).iterdir()) == []

    set_version(project, "B")  # something to write again
    with_cache = killed(project, site)
    left = [n for n in names(cache) if n.startswith(f"newsdigest-bodies-{with_cache}-")]
    assert len(left) == 1, names(cache)
    result = run_newsdigest("build", "--output", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    assert [n for n in names(cache) if "bodies" in n or n.startswith(".tmp-")] == []
    assert names(temporary) == sorted([*kept, lock])
    assert (lookalike / "essay.txt").read_text(encoding="utf-8") == "mine"


def test_a_half_written_cache_file_a_killed_build_left_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cache file is written whole under a scratch name and renamed into place: a build
    # killed between the two leaves the scratch file (too brief a moment to kill a real
    # build at: the file is made as it would be).
    project = newsroom(tmp_path / "project", 8)
    site = tmp_path / "site"
    assert run_newsdigest("build", "--output", str(site), cwd=project).returncode == 0
    cache = project / ".newsdigest-cache"
    half = [cache / f".tmp-{GONE_PID}-abcd1234", cache / f"images/.tmp-{GONE_PID}-abcd1234"]
    running = cache / f".tmp-{os.getpid()}-abcd1234"
    for path in (*half, running):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"half")
    set_version(project, "changed")  # a build with something to make
    result = run_newsdigest("build", "--output", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    assert [p for p in half if p.exists()] == []
    assert running.exists()
