"""A `serve` killed without a chance to clean up (kill -9) leaves its preview folder in the
system's temporary folder; the next `serve` removes it, and leaves a running one's alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from conftest import make_project, write_article
from test_serve import Server, free_port, stop_serve

STORY = "title: Rain\ndate: 2025-06-02T10:00:00Z\ncountry: India\ncredits:\n  author: Desk"


def _serve(project: Path, temporary: Path) -> Server:
    port = free_port()
    log = project.parent / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", str(port)],
            cwd=project,
            stdout=out,
            stderr=out,
            text=True,
            env={**os.environ, "TMPDIR": str(temporary)},
        )
    server = Server(process, log, port)
    server.wait_for("/sub/", lambda status, _: status == 200, "the site is served")
    return server


def test_the_next_serve_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "rain.md", STORY)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    running = temporary / f"newsdigest-serve-{os.getpid()}-abcd1234"  # a live process's
    running.mkdir()
    killed = _serve(project, temporary)
    killed.process.send_signal(signal.SIGKILL)
    killed.process.wait()
    left = [p.name for p in temporary.iterdir() if p != running]
    assert len(left) == 1 and left[0].startswith(f"newsdigest-serve-{killed.process.pid}-")
    second = _serve(project, temporary)
    try:
        assert not (temporary / left[0]).exists()
        assert running.is_dir()
    finally:
        stop_serve(second)
    assert [p.name for p in temporary.iterdir()] == [running.name]
