"""Output piped into a reader that stops early (`newsdigest build | head -1`) ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_newsroom, make_project, write_article

SIGPIPE_STATUS = 141  # 128 + SIGPIPE: what a shell reports for `yes | head -1`'s yes


def run_into_closed_pipe(
    *args: str, cwd: Path, stderr_too: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run newsdigest with stdout (and stderr) a pipe whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=cwd,
            stdout=write_end,
            stderr=write_end if stderr_too else subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    return copy_newsroom(tmp_path / "project")


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("build",), SIGPIPE_STATUS),  # and the site is built (below)
        (("check",), SIGPIPE_STATUS),
        (("new", "Floods in Assam", "--country", "India"), SIGPIPE_STATUS),
        (("--help",), 0),  # argparse itself drops help text it cannot write
        (("build", "--help"), 0),
        (("--version",), 0),
    ],
)
def test_every_command_ends_quietly_when_the_reader_has_gone(
    newsroom: Path, args: tuple[str, ...], status: int
) -> None:
    result = run_into_closed_pipe(*args, cwd=newsroom)
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr
    assert "Exception ignored" not in result.stderr
    assert result.returncode == status
    if args[0] == "build" and status == SIGPIPE_STATUS:  # its report unread, the site built
        assert (newsroom / "site" / "index.html").is_file()


@pytest.mark.parametrize("args", [("check",), ("check", "--format", "github"), ("build",)])
def test_errors_into_a_closed_pipe_end_quietly(tmp_path: Path, args: tuple[str, ...]) -> None:
    """`newsdigest check 2>&1 | head -1` on a newsroom full of mistakes."""
    project = make_project(tmp_path / "project")
    for n in range(30):
        write_article(project, f"2025/06/bad-{n}.md", "title: Bad\ndate: 2025-02-30")
    result = run_into_closed_pipe(*args, cwd=project, stderr_too=True)
    assert result.returncode == SIGPIPE_STATUS
    assert result.stderr is None  # nothing could be printed, and nothing else happened


def test_build_piped_into_head_prints_one_line_and_no_traceback(newsroom: Path) -> None:
    shell = subprocess.run(
        f"{sys.executable} -m generator build --no-cache | head -1",
        shell=True,
        cwd=newsroom,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shell.stdout.startswith("built ")
    assert len(shell.stdout.splitlines()) == 1
    assert "Traceback" not in shell.stderr and "BrokenPipeError" not in shell.stderr
