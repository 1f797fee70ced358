"""Which input files changed since the last build, told by their `stat` as git's index does.

A file is taken as unchanged, without reading it, when its size, modification time,
status-change time and inode are those the last build recorded, and its modification
time was already older than the moment of recording by `RACY_NS` (git's "racy clean"
rule: a file written in the same clock tick as the recording could be written again in
that tick without its time moving). Anything else is read again and compared by content.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

# Files modified less than this before a stat was recorded are read again next time:
# covers coarse file-system clocks and two-second timestamps (FAT, some network shares).
RACY_NS = 2_000_000_000

Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def stat_of(result: os.stat_result) -> Stat:
    return (result.st_size, result.st_mtime_ns, result.st_ctime_ns, result.st_ino)


def now_ns() -> int:
    """The moment a stat is recorded: taken before statting, so a later write is later."""
    return time.time_ns()


def trusted(stat: Stat, recorded: Stat | None, recorded_ns: int) -> bool:
    """Whether a file's stat now shows it unchanged since `recorded` was taken at `recorded_ns`."""
    return recorded is not None and stat == recorded and stat[1] < recorded_ns - RACY_NS


def _content(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()


# Each file statted by its name in its folder (`fstatat`), not by its whole path: the
# kernel then looks up one name, not every folder on the way (a quarter less per file).
_BY_FOLDER = os.stat in os.supports_dir_fd and os.scandir in os.supports_fd


Listed = tuple[list[str], list[tuple[str, Stat]]]  # a folder's folders, its files' stats


def _listed(folder: str, seen: set[tuple[int, int]]) -> Listed | None:
    """The folders and the files (with their stats) in `folder`; None when it was listed
    already (`seen`: folders by device and inode, so that a link loop ends)."""
    folders: list[str] = []
    files: list[tuple[str, Stat]] = []
    if not _BY_FOLDER:
        here = os.stat(folder)
        if (here.st_dev, here.st_ino) in seen:
            return None
        seen.add((here.st_dev, here.st_ino))
        with os.scandir(folder) as found:
            for entry in found:
                if entry.is_dir(follow_symlinks=True):
                    folders.append(entry.name)
                elif entry.is_file(follow_symlinks=True):
                    files.append((entry.name, stat_of(os.stat(entry.path))))
        return folders, files
    handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        here = os.fstat(handle)
        if (here.st_dev, here.st_ino) in seen:
            return None
        seen.add((here.st_dev, here.st_ino))
        with os.scandir(handle) as found:
            for entry in found:
                if entry.is_dir(follow_symlinks=True):
                    folders.append(entry.name)
                elif entry.is_file(follow_symlinks=True):
                    files.append((entry.name, stat_of(os.stat(entry.name, dir_fd=handle))))
        return folders, files
    finally:
        os.close(handle)


def tree_digest(
    root: Path, moment: int, stats: dict[str, Stat] | None = None
) -> tuple[str, dict[str, str]]:
    """A digest of the names and stats of every file under `root`, without reading them;
    and the content digest of each file modified within `RACY_NS` before `moment`, whose
    stat alone cannot be trusted next time (check them with `same_contents`). `stats`, when
    given, is filled with each file's stat by name (taken after `moment`: what the build
    cache may record with that moment instead of statting the file again)."""
    entries: list[tuple[str, str, Stat]] = []  # name under `root`, folder, stat
    seen: set[tuple[int, int]] = set()

    def walk(folder: str, prefix: str) -> None:
        listed = _listed(folder, seen)
        if listed is None:
            return
        folders, files = listed
        entries.extend((prefix + name, folder, stat) for name, stat in files)
        for name in folders:
            walk(os.path.join(folder, name), prefix + name + "/")

    racy: dict[str, str] = {}
    try:
        walk(str(root), "")
        entries.sort()
        lines = []
        for name, folder, stat in entries:
            if stats is not None:
                stats[name] = stat
            lines.append(f"{name}\0{stat}\0")
            if stat[1] >= moment - RACY_NS:
                racy[name] = _content(os.path.join(folder, name.rpartition("/")[2]))
    except OSError:
        if stats is not None:
            stats.clear()
        return "", {}
    text = "".join(lines).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(text, digest_size=16).hexdigest(), racy


def same_contents(root: Path, racy: object) -> bool:
    """Whether each file named in `racy` (from `tree_digest`) still has those contents."""
    if not isinstance(racy, dict):
        return False
    try:
        return all(_content(str(root / name)) == digest for name, digest in racy.items())
    except (OSError, TypeError):
        return False
