"""Nothing lost: a killed build, a full disk or a read-only output leaves the published
site complete and unchanged, the next build succeeds, and newsdigest deletes only what
it created.
"""

from __future__ import annotations

import builtins
import errno
import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    BASE_URL,
    GONE_PID,
    make_project,
    run_here,
    run_newsdigest,
    site_files,
    write_article,
)

from generator import cli
from generator.diagnostics import UsageError
from generator.write import output
from generator.write import target as folder

TAGS = ["Climate", "Economy", "Health", "Politics", "Sport", "Science", "Culture", "Transport"]
COUNTRIES = ["India", "Germany", "Brazil", "Kenya", "Japan", "Canada", "France", "Nepal"]
STORY = """\
title: {title}
date: 2024-{month:02d}-{day:02d}T{hour:02d}:00:00+00:00
country: {country}
credits:
  author: Desk {desk}
tags: [{tag1}, {tag2}]
"""

Hashes = dict[str, str]


def hashes(site: Path) -> Hashes:
    """Every file of a site by its path: the SHA-256 of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def beside(site: Path) -> list[str]:
    """Names next to the output directory: interrupted builds would leave theirs here."""
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


def newsroom(root: Path, articles: int) -> Path:
    """A generated project with `articles` stories spread over a year."""
    project = make_project(root)
    (project / "pyproject.toml").write_text(
        "[tool.newsdigest]\n"
        'title = "Big Desk"\n'
        f'base_url = "{BASE_URL}"\n'
        'site_id = "big.example,2024"\n'
        "items_per_page = 20\n",
        encoding="utf-8",
    )
    for i in range(articles):
        month, day = 1 + (i // 28) % 12, 1 + i % 28
        front = STORY.format(
            title=f"Story number {i}",
            month=month,
            day=day,
            hour=i % 24,
            country=COUNTRIES[i % 8],
            desk=i % 5,
            tag1=TAGS[i % 8],
            tag2=TAGS[(i * 3 + 1) % 8],  # never the first tag again
        )
        write_article(
            project,
            f"2024/{month:02d}/story-{i:04d}.md",
            front,
            f"Paragraph one of story {i}.\n\nParagraph two with *emphasis*.\n",
        )
    return project


def build(project: Path, site: Path, search: bool = True) -> None:
    """A build that runs to its end, in this process (the killed ones have their own), with
    the search index as theirs unless `search` is False."""
    result = run_here("build", "--output", str(site), cwd=project, search=search)
    assert result.returncode == 0, result.stderr


def set_version(project: Path, version: str) -> None:
    """Two versions of the newsroom differ in one headline (and so in many pages)."""
    story = project / "content/2024/01/story-0007.md"
    lines = story.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = f"title: Story number 7, version {version}\n"
    story.write_text("".join(lines), encoding="utf-8")


# `newsdigest build`, as `python -m generator` runs it, with one function of the build's own
# process wrapped to stop there: the test acts (kills, interrupts) at a known step of the
# build instead of after a guessed delay. The wrapper writes "paused" on stdout and waits
# on stdin, which the test never writes to; it changes nothing the build does.
PAUSED = """
import os, sys, threading
from generator.commands import progress
from generator.write import output

where, nth = sys.argv[1], int(sys.argv[2])
sys.argv[1:] = sys.argv[3:]
owner, name = (progress.ProgressBar, "__call__") if where == "reading" else (output, where)
real, calls, build = getattr(owner, name), [], os.getpid()

def paused(*args, **kwargs):
    here = os.getpid() == build and threading.current_thread() is threading.main_thread()
    if here and (where != "reading" or args[1] == "reading"):
        calls.append(1)
        if len(calls) == nth:
            sys.__stdout__.write("paused\\n")
            sys.__stdout__.flush()
            os.read(0, 1)
    return real(*args, **kwargs)

setattr(owner, name, paused)
from generator.start import main
raise SystemExit(main())
"""

# Where a build is stopped, and which version the site must then be: (function of
# generator.write.output, or "reading" for the build's progress report, its nth call).
STEPS = [
    ("reading", 1, "old"),  # reading the edited article: no staging folder yet
    ("write_new", 1, "old"),  # the first new file written into the staging folder
    ("write_new", 4, "old"),  # more of them
    ("_swap", 1, "old"),  # the staging folder complete, search index included
    ("_retire", 1, "new"),  # swapped in; the replaced site not yet moved away
]


def from_a_terminal(project: Path, *args: str) -> subprocess.Popen[str]:
    """`python ARGS` run in `project`, in a new process group, its stdin, stdout and stderr
    piped, as a terminal starts a command: Ctrl-C not ignored (a test runner's process may
    ignore SIGINT, and a program started so inherits that and is never interrupted)."""
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=project,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def paused_build(
    project: Path, site: Path, where: str, nth: int, *extra: str
) -> subprocess.Popen[str]:
    """`newsdigest build --output SITE EXTRA` in a new process group, stopped at the `nth`
    call of `where` (PAUSED): returned once it is there."""
    command = ("build", "--output", str(site), *extra)
    process = from_a_terminal(project, "-c", PAUSED, where, str(nth), *command)
    assert process.stdout is not None
    line = process.stdout.readline()
    if line != "paused\n":
        out, err = process.communicate(timeout=120)
        pytest.fail(f"the build never reached {where} #{nth}: {line}{out}{err}")
    return process


def test_a_killed_build_never_leaves_half_a_site(tmp_path: Path) -> None:
    project = newsroom(tmp_path / "project", 60)
    site = tmp_path / "site"
    set_version(project, "B")
    build(project, site)
    version_b = hashes(site)  # a clean build: no earlier site, no build cache
    set_version(project, "A")
    build(project, site)
    version_a = hashes(site)
    assert version_a != version_b

    versions = {"A": version_a, "B": version_b}
    current = "A"
    for where, nth, left in STEPS:
        target = "B" if current == "A" else "A"
        set_version(project, target)
        process = paused_build(project, site, where, nth)
        if where != "reading":  # (a staging folder may be made while reading: write/early.py)
            assert any(site.parent.glob(f".{site.name}.staging-*")), where
        # The whole process group, as a cancelled CI job is killed: the search indexer that
        # a build may be running dies with it instead of writing on as an orphan.
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)
        assert process.returncode == -signal.SIGKILL
        expected = current if left == "old" else target
        assert hashes(site) == versions[expected], f"killed at {where} #{nth}"
        current = expected

    set_version(project, "B")
    build(project, site)
    assert hashes(site) == version_b
    assert beside(site) == []


def children(pid: int) -> set[int]:
    """The processes `pid` has forked and not yet reaped (Linux's /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(child) for child in (task / "children").read_text().split())
    return found


def alive(pid: int) -> bool:
    """Whether process `pid` still runs (a zombie has ended: only its exit status is left)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_workers_end_when_the_build_alone_is_killed(tmp_path: Path) -> None:
    # kill -9 of the build's process only (the out-of-memory killer, a watchdog, a CI
    # timeout): its worker processes, busy reading or waiting for work, must not run on.
    project = newsroom(tmp_path / "project", 60)  # enough articles for worker processes
    process = paused_build(project, tmp_path / "site", "reading", 1, "--no-cache", "--jobs", "2")
    workers = children(process.pid)
    assert len(workers) >= 2, workers
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)  # (not its output: orphans would hold its pipes open)
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:  # not to leave them running after the test either
        os.kill(pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert left == []


# ---------------------------------------------------------------------------
# Full disk and read-only output, simulated in-process (tests run as root, which
# ignores permission bits, so the operating system's refusals are imitated).


@pytest.fixture
def small_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Hashes]:
    """A published small site; the working directory is its project."""
    project = newsroom(tmp_path / "project", 12)
    site = tmp_path / "site"
    build(project, site)
    set_version(project, "changed")  # the next build has something new to write
    monkeypatch.chdir(project)
    return project, site, hashes(site)


def in_process_build(site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["build", "--output", str(site)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def failing_writes(under: Path, code: int, after: int = 0) -> tuple[Callable[..., Any], ...]:
    """An `open` and an `os.open` that fail with `code` when writing under `under`, after
    `after` files (counted together)."""
    real_open, real_os_open = io.open, os.open
    count = {"files": 0}

    def full(file: Any) -> bool:
        if isinstance(file, str | os.PathLike) and str(file).startswith(str(under)):
            count["files"] += 1
            return count["files"] > after
        return False

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+") and full(file):
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR) and full(file):
            raise OSError(code, os.strerror(code), str(file))
        return real_os_open(file, flags, *args, **kwargs)

    return fake_open, fake_os_open


def patch_open(monkeypatch: pytest.MonkeyPatch, fakes: tuple[Callable[..., Any], ...]) -> None:
    fake_open, fake_os_open = fakes
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)


@pytest.mark.parametrize("after", [0, 5])
def test_a_full_disk_leaves_the_site_unchanged(
    after: int,
    small_site: tuple[Path, Path, Hashes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, site, before = small_site
    with monkeypatch.context() as patch:
        patch_open(patch, failing_writes(site.parent, errno.ENOSPC, after))
        code, printed = in_process_build(site, capsys)
    assert code != 0
    assert "No space left on device" in printed
    assert "Traceback" not in printed
    assert hashes(site) == before
    assert beside(site) == []
    code, printed = in_process_build(site, capsys)
    assert code == 0, printed
    assert "version changed" in (site / "2024/01/08/story-0007/index.html").read_text()


def test_a_read_only_parent_leaves_the_site_unchanged(
    small_site: tuple[Path, Path, Hashes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, site, before = small_site
    real_mkdir = Path.mkdir

    def read_only_mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
        if self.parent == site.parent and self.name.startswith(f".{site.name}."):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
        real_mkdir(self, *args, **kwargs)

    real_rename = Path.rename

    def read_only_rename(self: Path, target: Any) -> Path:  # the kept site moved beside it
        there = Path(target)
        if there.parent == site.parent and there.name.startswith(f".{site.name}."):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(there))
        return real_rename(self, target)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "mkdir", read_only_mkdir)
        patch.setattr(Path, "rename", read_only_rename)
        code, printed = in_process_build(site, capsys)
    assert code != 0
    assert "Read-only file system" in printed
    assert "Traceback" not in printed
    assert hashes(site) == before
    assert in_process_build(site, capsys)[0] == 0


def test_a_refused_swap_leaves_the_site_unchanged(
    small_site: tuple[Path, Path, Hashes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, site, before = small_site

    def refuse(a: Path, b: Path) -> bool:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(b))

    with monkeypatch.context() as patch:
        patch.setattr(output, "_exchange", refuse)
        code, printed = in_process_build(site, capsys)
    assert code != 0
    assert "Permission denied" in printed and "Traceback" not in printed
    assert hashes(site) == before
    assert beside(site) == []
    assert in_process_build(site, capsys)[0] == 0


def test_without_renameat2_the_swap_still_replaces_the_whole_site(
    small_site: tuple[Path, Path, Hashes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, site, before = small_site
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    code, printed = in_process_build(site, capsys)
    assert code == 0, printed
    assert "version changed" in (site / "2024/01/08/story-0007/index.html").read_text()
    assert {path for path in before if not path.startswith("pagefind/")} <= set(hashes(site))
    assert beside(site) == []


# ---------------------------------------------------------------------------
# What an interrupted build leaves behind is finished or undone by the next one.


def ours(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True)
    (directory / folder.MARKER).write_bytes(folder.MARKER_TEXT)
    for name, text in files.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(text)
    return directory


def test_recover_puts_back_a_site_moved_aside_by_a_killed_two_step_swap(tmp_path: Path) -> None:
    ours(tmp_path / ".site.previous", {"index.html": "old"})
    ours(tmp_path / f".site.staging-{GONE_PID}", {"index.html": "half"})
    folder.recover(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "old"
    assert beside(tmp_path / "site") == []


def test_recover_finishes_deleting_a_half_deleted_old_site(tmp_path: Path) -> None:
    ours(tmp_path / "site", {"index.html": "new"})
    ours(tmp_path / f".site.staging-{GONE_PID}", {"a/b.html": "old"})
    (tmp_path / f".site.staging-{GONE_PID + 1}").mkdir()  # killed before its marker was written
    folder.recover(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "new"
    assert beside(tmp_path / "site") == []


def test_recover_never_touches_what_newsdigest_did_not_write(tmp_path: Path) -> None:
    foreign = tmp_path / ".site.staging-1"
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("years of work")
    (tmp_path / ".site.previous").mkdir()
    (tmp_path / ".site.previous/notes.txt").write_text("mine")
    folder.recover(tmp_path / "site")
    assert (foreign / "thesis.tex").read_text() == "years of work"
    assert (tmp_path / ".site.previous/notes.txt").read_text() == "mine"


# ---------------------------------------------------------------------------
# The build deletes only what it created.


REFUSED = {
    "the content folder": ("content", "would replace content"),
    "the templates folder": ("templates", "would replace templates"),
    "the project root": (".", "would replace the project"),
    "a folder holding the project": ("..", "would replace the project"),
    "a folder inside content": ("content/2024", "is inside content"),
    "a folder not made by newsdigest": ("../papers", "not empty and was not created by newsdigest"),
    "a file": ("../notes.txt", "is a file, not a directory"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_build_refuses_an_output_it_must_not_replace(case: str, tmp_path: Path) -> None:
    project = newsroom(tmp_path / "project", 3)
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers/thesis.tex").write_text("years of work")
    (tmp_path / "notes.txt").write_text("notes")
    before = site_files(tmp_path)
    where, message = REFUSED[case]

    # The message and the untouched folders in this process; the exit status of a real one
    # for one case (the others end the same way, through the same usage error).
    run = run_newsdigest if case == "the project root" else run_here
    result = run("build", "--output", where, cwd=project)

    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert site_files(tmp_path) == before
    assert beside(tmp_path / "site") == []


@pytest.mark.parametrize("place", ["home", "root"])
def test_the_home_folder_and_root_are_refused(
    place: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    target = home if place == "home" else Path("/")
    with pytest.raises(UsageError, match="choose"):
        folder.check_target(target, tmp_path / "elsewhere/project", ())


def test_an_empty_folder_becomes_the_site_and_later_builds_replace_it(tmp_path: Path) -> None:
    project = newsroom(tmp_path / "project", 3)
    (tmp_path / "site").mkdir()
    build(project, tmp_path / "site")
    assert (tmp_path / "site" / folder.MARKER).is_file()
    build(project, tmp_path / "site")
    assert (tmp_path / "site/index.html").is_file()
