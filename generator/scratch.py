"""The scratch folders and files a command makes and removes when it ends, and the ones a
command killed without a chance to clean up (kill -9, the out-of-memory killer, a CI
timeout, a power cut) left behind: the next command that makes one removes them (`sweep`).

Every scratch folder is named `newsdigest-KIND-PID-xxxxxxxx` (`folder`: KIND one of
`KINDS`, PID the process that made it, eight random letters), in the build cache's folder
or in the system's temporary folder (TMPDIR, /tmp); a file written whole and then renamed
into a cache (`file`) is `.tmp-PID-xxxxxxxx` in that cache's folder. `sweep` removes, in a
folder, those whose process is gone and which belong to this user: never a running
command's (its process is alive), another user's, a symbolic link, nor anything named
otherwise. A process number reused by another program since keeps a leftover until that
program ends too. The body stores' folders that newsdigest made before they were named so
(`bodies-PID-xxxxxxxx`, holding only `bodies.sqlite`) are removed the same way.

Errors: `folder` and `file` raise OSError when the folder cannot be written; `sweep`
never raises (what cannot be removed stays for a later one).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# What each kind of scratch folder holds: the build's bodies (generator.speed.bodies), the
# site `serve` previews, a copy of the content at a git commit (`check --base`), the
# settings `init` reads back before writing them.
KINDS = ("bodies", "serve", "base", "init")
_FOLDER = re.compile(rf"newsdigest-(?:{'|'.join(KINDS)})-([0-9]+)-[a-z0-9_]{{8}}")
_FILE = re.compile(r"\.tmp-([0-9]+)-[a-z0-9_]{8}")
_OLD_BODIES = re.compile(r"bodies-([0-9]+)-[a-z0-9_]+")  # before the names above
_OLD_BODY_FILES = {"bodies.sqlite", "bodies.sqlite-journal"}
_SWEPT: set[tuple[int, str]] = set()  # (process, folder) swept already


def folder(kind: str, directory: Path | None = None) -> Path:
    """A new folder `newsdigest-KIND-PID-xxxxxxxx` in `directory` (None: the system's
    temporary folder), once the leftovers of killed commands there and in the system's
    temporary folder are removed (`sweep`). OSError when it cannot be made."""
    assert kind in KINDS, kind
    temporary = Path(tempfile.gettempdir())
    _sweep_once(temporary)
    if directory is not None:
        _sweep_once(directory)
    prefix = f"newsdigest-{kind}-{os.getpid()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, dir=directory or temporary))


@contextlib.contextmanager
def temporary(kind: str, directory: Path | None = None) -> Iterator[Path]:
    """`folder(kind, directory)` for the block, removed with what it holds at its end."""
    made = folder(kind, directory)
    try:
        yield made
    finally:
        shutil.rmtree(made, ignore_errors=True)


def file(directory: Path) -> tuple[int, str]:
    """A new file `.tmp-PID-xxxxxxxx` in `directory`, open for writing: (descriptor,
    path), as tempfile.mkstemp. Its writer renames it into place or removes it; one a
    killed process left is removed by `sweep(directory)`. OSError when it cannot be made."""
    return tempfile.mkstemp(dir=directory, prefix=f".tmp-{os.getpid()}-")


def _sweep_once(directory: Path) -> None:
    """`sweep(directory)` once in this process's life (a `serve` makes a scratch folder
    at every rebuild: the first one sweeps)."""
    key = (os.getpid(), str(directory))
    if key not in _SWEPT:
        _SWEPT.add(key)
        sweep(directory)


def sweep(directory: Path) -> None:
    """Remove the scratch folders and files in `directory` that a killed newsdigest left:
    named as `folder` and `file` name them, this user's, their process gone."""
    try:
        entries = list(os.scandir(directory))
    except OSError:  # no such folder, not a folder, not readable: nothing to remove
        return
    for entry in entries:
        found = _FOLDER.fullmatch(entry.name) or _FILE.fullmatch(entry.name)
        old = None if found else _OLD_BODIES.fullmatch(entry.name)
        match = found or old
        if match is None or not _gone(int(match[1]), entry):
            continue
        if old is not None and not _old_bodies(Path(entry.path)):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _gone(pid: int, entry: os.DirEntry[str]) -> bool:
    """Whether `entry`, made by process `pid`, is this user's and that process has ended."""
    if pid == os.getpid() or entry.is_symlink() or os.name == "nt":  # (os.kill ends it there)
        return False
    try:
        if hasattr(os, "getuid") and entry.stat(follow_symlinks=False).st_uid != os.getuid():
            return False
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):  # another user's process (alive); gone meanwhile
        return False
    return False


def _old_bodies(path: Path) -> bool:
    """Whether `path` is a body store's folder as newsdigest named them before `folder`:
    only `bodies.sqlite` (and its journal) in it."""
    try:
        return path.is_dir() and {p.name for p in path.iterdir()} <= _OLD_BODY_FILES
    except OSError:
        return False
