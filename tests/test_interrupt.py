"""Ctrl-C: a build interrupted at any moment, early (reading the articles) or late (writing
the site), ends with `newsdigest: interrupted` and exit status 130, as README's exit
statuses say, without a traceback, and leaves the published site as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_here
from test_kill import build, hashes, newsroom, paused_build, set_version


def start_build(project: Path, site: Path) -> subprocess.Popen[str]:
    """`newsdigest build` started in its own process group, its stderr captured."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--no-cache", "--output", str(site)],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # as a terminal starts a command: Ctrl-C not ignored (a test runner's process may
        # ignore SIGINT, and a program started so inherits that and is never interrupted)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


# Ctrl-C while the worker processes read the articles (the build's progress report says
# "reading"), or once the first page is written into the staging folder.
@pytest.mark.parametrize("where", ["reading", "write_new"])
def test_an_interrupted_build_exits_130_saying_interrupted(tmp_path: Path, where: str) -> None:
    project = newsroom(tmp_path / "project", 60)  # enough articles for worker processes
    site = tmp_path / "site"
    build(project, site, search=False)  # the site to leave as it was
    before = hashes(site)
    set_version(project, "B")
    process = paused_build(project, site, where, 1, "--no-cache")
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the process group
    _, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (130, "newsdigest: interrupted\n")
    assert hashes(site) == before


def threads(pid: int) -> int:
    """How many threads the process `pid` runs now (0 once it has ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return int(stat.read().rpartition(")")[2].split()[17])
    except (OSError, IndexError, ValueError):
        return 0


def interrupted_as_workers_start(project: Path, site: Path, nth: int) -> tuple[bool, int, str]:
    """`interrupted_build`, with Ctrl-C sent the moment the build's process gains a thread
    for the `nth` time: a worker pool starts its manager thread right after forking its
    workers, which are then still setting themselves up (the pool's start is the next
    thread too, and a stage's `meanwhile`), the window where a child's traceback
    would show."""
    process = start_build(project, site)
    held, rises = 1, 0
    while rises < nth and process.poll() is None:
        now = threads(process.pid)
        rises += now > held
        held = now or held
        time.sleep(0.0002)  # a fifth of a millisecond late at most, the core left to the build
    running = process.poll() is None
    if running:
        os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    return running, process.returncode, err


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="threads counted in /proc")
def test_ctrl_c_as_the_workers_start_or_work_prints_no_traceback(tmp_path: Path) -> None:
    project = newsroom(tmp_path / "project", 60)
    site = tmp_path / "site"
    build(project, site, search=False)
    before = hashes(site)
    interrupted = 0
    for nth in range(1, 10):  # each worker pool as it starts (forks, sets up), and works
        running, code, err = interrupted_as_workers_start(project, site, nth)
        if not running:  # fewer threads than `nth` in this build: it ended whole
            assert code == 0
            assert "Traceback" not in err
            break
        interrupted += 1
        assert (code, err) == (130, "newsdigest: interrupted\n"), (nth, err)
        assert hashes(site) == before
    assert interrupted >= 2  # at least the first pools (how many threads a build shows varies)


def test_ctrl_c_while_the_build_waits_for_its_walk_of_the_output_says_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild walks the published site in a child process while it reads the articles,
    and waits for it. Ctrl-C during that wait made the build wait for the walk again as it
    ended, on the walk's closed file: a ValueError traceback instead of `interrupted`
    (seen when `serve` was stopped during a rebuild)."""
    from generator.write import manifest

    project = newsroom(tmp_path / "project", 8)
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    set_version(project, "B")
    waits: list[int] = []

    def ctrl_c_in_the_first_wait(pid: int, options: int) -> tuple[int, int]:
        waits.append(pid)
        if len(waits) == 1:
            raise KeyboardInterrupt  # as Python raises it for a SIGINT during the wait
        return os.waitpid(pid, options)

    proxy = type("OsWaitingOnce", (), {"__getattr__": lambda _, name: getattr(os, name)})()
    proxy.waitpid = ctrl_c_in_the_first_wait
    monkeypatch.setattr(manifest, "os", proxy)
    done = run_here("build", "--output", str(site), cwd=project)
    assert (done.returncode, done.stderr) == (130, "newsdigest: interrupted\n")
    assert len(waits) == 1
