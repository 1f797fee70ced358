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
from test_kill import build, hashes, newsroom, set_version


def interrupted_build(
    project: Path, site: Path, started: str, delay: float
) -> tuple[bool, int, str]:
    """Start `newsdigest build` and send SIGINT to its process group, as Ctrl-C in a
    terminal does, once `started` ('reading': `delay` seconds in; 'writing': when the
    staging folder appears). Whether the build was still running when the signal was
    sent, its exit status and what it printed on stderr."""
    process = subprocess.Popen(
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
    if started == "reading":
        time.sleep(delay)
    else:
        while process.poll() is None and not any(site.parent.glob(f".{site.name}.staging-*")):
            time.sleep(0.001)
    running = process.poll() is None
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    return running, process.returncode, err


@pytest.mark.parametrize("started", ["reading", "writing"])
def test_an_interrupted_build_exits_130_saying_interrupted(tmp_path: Path, started: str) -> None:
    project = newsroom(tmp_path / "project", 800)
    site = tmp_path / "site"
    build(project, site)
    for attempt, version in enumerate("BCDE"):  # a quick machine may finish first: again
        before = hashes(site)
        set_version(project, version)
        running, code, err = interrupted_build(project, site, started, 0.5 / 2**attempt)
        if running:
            break
    else:
        pytest.fail("every build ended before Ctrl-C was sent")
    assert (code, err) == (130, "newsdigest: interrupted\n")
    assert hashes(site) == before
