"""Ctrl-C: a build interrupted at any moment, early (reading the articles) or late (writing
the site), ends with `newsdigest: interrupted` and exit status 130, as README's exit
statuses say, without a traceback, and leaves the published site as it was."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from conftest import run_here
from test_kill import build, from_a_terminal, hashes, newsroom, paused_build, set_version


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


# `newsdigest build`, as `python -m generator` runs it, pressing Ctrl-C itself (SIGINT to
# its process group, as a terminal sends it) the moment its process has started its `nth`
# thread, after writing "sent" on stdout: a worker pool starts its manager thread right
# after forking its workers, which are then still setting themselves up (the pool's
# feeder is the next thread, and a stage's `meanwhile`), the window where a child's
# traceback would show. The wrapper changes nothing else the build does. (The test once
# watched the thread count in /proc every fifth of a millisecond instead: about 3
# CPU-seconds of the test's own for the same windows, a little later each.)
AT_THREAD = """
import os, signal, sys, threading
nth, build, started = int(sys.argv[1]), os.getpid(), []
real = threading.Thread.start

def start(self):
    real(self)
    if os.getpid() == build:
        started.append(self)
        if len(started) == nth:
            sys.__stdout__.write("sent\\n")
            sys.__stdout__.flush()
            os.killpg(0, signal.SIGINT)

threading.Thread.start = start
sys.argv[1:] = sys.argv[2:]
from generator.start import main
raise SystemExit(main())
"""


def interrupted_as_workers_start(project: Path, site: Path, nth: int) -> tuple[bool, int, str]:
    """`newsdigest build` interrupted as its process starts its `nth` thread (`AT_THREAD`):
    whether Ctrl-C was sent (the build had that many threads), its exit status and stderr."""
    command = ("build", "--no-cache", "--output", str(site))
    process = from_a_terminal(project, "-c", AT_THREAD, str(nth), *command)
    out, err = process.communicate(timeout=120)
    return "sent" in out.splitlines(), process.returncode, err


def test_ctrl_c_as_the_workers_start_or_work_prints_no_traceback(tmp_path: Path) -> None:
    project = newsroom(tmp_path / "project", 60)
    site = tmp_path / "site"
    build(project, site, search=False)
    before = hashes(site)
    interrupted = 0
    for nth in range(1, 10):  # each worker pool as it starts (forks, sets up), and works
        sent, code, err = interrupted_as_workers_start(project, site, nth)
        if not sent:  # fewer threads than `nth` in this build: it ended whole
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
    from generator import interrupt
    from generator.write import manifest

    project = newsroom(tmp_path / "project", 8)
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    set_version(project, "B")
    waits: list[int] = []
    ahead = interrupt.ahead

    def ctrl_c_in_the_first_wait(work: Callable[[IO[bytes]], int]) -> Callable[[], object]:
        child = ahead(work)  # the walk's child, waited for by `result`
        assert child is not None

        def result() -> object:
            waits.append(1)
            if len(waits) == 1:
                raise KeyboardInterrupt  # as Python raises it for a SIGINT during the wait
            return child()

        return result

    proxy = type("AheadOnce", (), {"__getattr__": lambda _, name: getattr(interrupt, name)})()
    proxy.ahead = ctrl_c_in_the_first_wait
    monkeypatch.setattr(manifest, "interrupt", proxy)
    done = run_here("build", "--output", str(site), cwd=project)
    assert (done.returncode, done.stderr) == (130, "newsdigest: interrupted\n")
    assert len(waits) == 1


def test_ctrl_c_in_a_first_build_leaves_no_site_and_nothing_beside_it(tmp_path: Path) -> None:
    """A first build's workers write its pages into the staging folder themselves; Ctrl-C
    as the build's own process writes its first file (a feed: every page is written by
    then) ends the build with no site and nothing left where it would be. Two workers on
    any machine (one core would render the pages in the build's own process)."""
    project = newsroom(tmp_path / "project", 60)
    site = tmp_path / "site"
    process = paused_build(project, site, "write_new", 1, "--jobs", "2")
    assert len(list(tmp_path.glob(".site.staging-*/2024/*/*/*/index.html"))) == 60
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (130, "newsdigest: interrupted\n")
    assert not site.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
