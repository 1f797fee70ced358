"""The next build's staging folder, left in the build cache by a first build.

A rebuild turns the site kept in the cache (generator.write.spare) into the new site by
replacing only what differs. A first build (no output folder yet) replaces no site, so
it has none to keep: without one, the next build would have to copy the whole published
site in hard links first (generator.write.early: one `mkdir` per folder and one link per
file, about 37,000 system calls and a second of system time at 10,000 articles). The
first build makes that copy itself, once the site is published (`start`): a separate
small process (not a fork of the build, whose memory would then be copied as it goes on)
links every file into a folder beside the kept site's place while the build saves its
state, and the build, before it ends, waits for it and renames the folder into place
(`Copy.finish`). A small site (under `SMALL` files) is linked by the build itself
instead, when `start` is called: there the new process's start would cost more than
the links. The copy holds the published files themselves, its marker file
included, so the build records it as a kept site that differs from the published one in
nothing but that marker (`recorded`). If the copy fails or the build is killed, no kept
site is there and the next build makes its copy as before; a half-made copy
(`.partial-PID`) is removed by the next build.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from generator import interrupt
from generator.write.spare import Kept, stamp
from generator.write.target import MARKER, is_ours, remove_ours

# Run by `sys.executable -I -S -c`: the folder argv[2] made a copy in hard links of the
# folder argv[1], file by file as named on standard input (NUL-separated, marker first).
# Started inside `interrupt.held`, it first unblocks the signals it inherits blocked (in
# its own code, not a `preexec_fn`: with one, Python forks the whole build's process to
# start it, page tables and all, instead of using vfork).
_COPY = r"""
import os, signal, sys
if hasattr(signal, "pthread_sigmask"):
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
source, target = os.fsencode(sys.argv[1]), os.fsencode(sys.argv[2])
made = {b""}
def make(folder):
    if folder in made:
        return
    make(folder.rpartition(b"/")[0])
    os.mkdir(os.path.join(target, folder))
    made.add(folder)
os.mkdir(target)
for name in sys.stdin.buffer.read().split(b"\0"):
    make(name.rpartition(b"/")[0])
    os.link(os.path.join(source, name), os.path.join(target, name), follow_symlinks=False)
"""


# A site of fewer files is linked by the build's own process, before `start` returns: a
# link costs about 5 microseconds there, a new Python's start alone about 20 milliseconds.
SMALL = 2000


@dataclass(slots=True)
class Copy:
    """The process copying the published site (None: the copy is made already, a small
    site's); `finish` once, before the build ends."""

    process: subprocess.Popen[bytes] | None
    partial: Path
    spare: Path

    def finish(self) -> bool:
        """Wait for the copy and put it in place as the kept site (True), or remove it."""
        if self.process is None or self.process.wait() == 0:
            try:
                if self.spare.is_dir() and not self.spare.is_symlink() and is_ours(self.spare):
                    remove_ours(self.spare)  # a kept site of an output deleted since
                self.partial.rename(self.spare)
                return True
            except OSError:
                pass
        shutil.rmtree(self.partial, ignore_errors=True)
        return False


def start(output: Path, spare: Path, names: Collection[str]) -> Copy | None:
    """Start copying the published site at `output`, whose files and symlinks are `names`
    (relative paths, its marker among them), to become the kept site at `spare`; None
    when the process cannot be started."""
    remove_partial(spare)
    partial = spare.with_name(f"{spare.name}.partial-{os.getpid()}")
    listing = [MARKER, *(name for name in names if name != MARKER)]
    if len(listing) < SMALL:
        return _linked(output.absolute(), partial, spare, listing)
    try:
        spare.parent.mkdir(parents=True, exist_ok=True)
        with interrupt.held():  # a Ctrl-C waits until the copy has started
            process = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _COPY, str(output.absolute()), str(partial)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
    except OSError:
        return None
    assert process.stdin is not None
    # A child that failed early: `finish` sees its exit code.
    with contextlib.suppress(OSError), process.stdin:
        process.stdin.write(b"\0".join(map(os.fsencode, listing)))
    return Copy(process, partial, spare)


def _linked(source: Path, partial: Path, spare: Path, listing: list[str]) -> Copy | None:
    """A small site copied as `_COPY` copies it, in this process (Ctrl-C held until it is
    made); None when it could not be (what was made is removed)."""
    made = {""}

    def make(folder: str) -> None:
        if folder not in made:
            make(folder.rpartition("/")[0])
            os.mkdir(partial / folder)
            made.add(folder)

    try:
        with interrupt.held():
            spare.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(partial)
            for name in listing:
                make(name.rpartition("/")[0])
                os.link(source / name, partial / name, follow_symlinks=False)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        return None
    return Copy(None, partial, spare)


def recorded(output: Path) -> Kept | None:
    """What the build records of the copy `start` makes: the published marker file's
    stamp (the copy holds that very file) and no other difference."""
    found = stamp(output.absolute())
    return Kept(found, frozenset({MARKER})) if found is not None else None


def remove_partial(spare: Path) -> None:
    """Remove the half-made copies that builds killed while copying left beside `spare`."""
    for leftover in spare.parent.glob(f"{spare.name}.partial-*"):
        pid = leftover.name.rpartition("-")[2]
        if pid.isdigit() and int(pid) != os.getpid() and _running(int(pid)):
            continue
        shutil.rmtree(leftover, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
