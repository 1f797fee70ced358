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
from collections.abc import Mapping
from operator import attrgetter
from pathlib import Path

# Files modified less than this before a stat was recorded are read again next time:
# covers coarse file-system clocks and two-second timestamps (FAT, some network shares).
RACY_NS = 2_000_000_000

Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def stat_of(result: os.stat_result) -> Stat:
    return (result.st_size, result.st_mtime_ns, result.st_ctime_ns, result.st_ino)


def content_digest(source: str, raw: bytes) -> str:
    """An article file's content digest: BLAKE2b (20 bytes, hex) of its name and bytes."""
    return hashlib.blake2b(
        source.encode("utf-8", "surrogateescape") + b"\0" + raw, digest_size=20
    ).hexdigest()


def now_ns() -> int:
    """The moment a stat is recorded: taken before statting, so a later write is later."""
    return time.time_ns()


def trusted(stat: Stat, recorded: Stat | None, recorded_ns: int) -> bool:
    """Whether a file's stat now shows it unchanged since `recorded` was taken at `recorded_ns`."""
    return recorded is not None and stat == recorded and stat[1] < recorded_ns - RACY_NS


def _content(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()


def tree_digest(
    root: Path, moment: int, stats: dict[str, Stat] | None = None
) -> tuple[str, dict[str, str]]:
    """A digest of the names and stats of every file under `root`, without reading them;
    and the content digest of each file modified within `RACY_NS` before `moment`, whose
    stat alone cannot be trusted next time (check them with `same_contents`). `stats`, when
    given, is filled with each file's stat by name (taken after `moment`: what the build
    cache may record with that moment instead of statting the file again), in the order
    load.content.find_articles lists files (each folder's files by name, then its folders
    by name, each in turn); and, when `root` holds no link, nothing but files and folders
    and no folder twice, with the key PLAIN first (`plain`: then the listing may stand for
    find_articles' walk)."""
    h = hashlib.blake2b(digest_size=16)
    entries: list[tuple[str, str]] = []
    racy: dict[str, str] = {}
    seen: set[tuple[int, int]] = set()  # folders by device and inode: a link loop ends
    odd: list[str] = []  # a link, a folder met twice, neither file nor folder

    def walk(folder: str, prefix: str) -> None:
        here = os.stat(folder)
        if (here.st_dev, here.st_ino) in seen:
            odd.append(folder)
            return
        seen.add((here.st_dev, here.st_ino))
        with os.scandir(folder) as found:
            listed = sorted(found, key=_name)
        folders = []
        for entry in listed:
            if entry.is_symlink():
                odd.append(entry.path)
            if entry.is_dir(follow_symlinks=True):
                folders.append(entry)
            elif entry.is_file(follow_symlinks=True):
                entries.append((prefix + entry.name, entry.path))
            else:
                odd.append(entry.path)
        for entry in folders:
            walk(entry.path, prefix + entry.name + "/")

    try:
        walk(str(root), "")
        if stats is not None and not odd:
            stats[PLAIN] = (0, 0, 0, 0)
        found, racy_from = [], moment - RACY_NS  # the names, then their stats, hashed
        for name, path in entries:
            st = os.stat(path)
            found.append(stat := (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
            if stats is not None:
                stats[name] = stat
            if stat[1] >= racy_from:
                racy[name] = _content(path)
        h.update("\0".join([name for name, _ in entries]).encode("utf-8", "surrogateescape"))
        h.update(repr(found).encode())
        for path in odd:  # a named pipe added (an error of check's) changes the tree too
            h.update(f"\0odd\0{path}\0".encode("utf-8", "surrogateescape"))
    except OSError:
        if stats is not None:
            stats.clear()
        return "", {}
    return h.hexdigest(), racy


PLAIN = ""  # tree_digest's mark of a listing find_articles' walk would make alike (no file
# is named '')
_name = attrgetter("name")


def plain(stats: Mapping[str, Stat]) -> list[str] | None:
    """The files `tree_digest` listed in `stats`, in its order, when it marked the listing
    PLAIN; else None."""
    if PLAIN not in stats:
        return None
    names = list(stats)
    return names[1:] if names and names[0] == PLAIN else None


def others_digest(stats: Mapping[str, Stat], racy: Mapping[str, str], outside: str) -> str:
    """A digest of what content/ holds besides the articles' own bytes: every file's name,
    the stat of each that is not an article file (`*.md`: the build cache tells those
    apart by their content digests), and `outside` (the digest of the files outside
    content/ a build reads); '' (never the same) when one of those files' stat cannot be
    trusted (`racy`) or the walk failed. `stats`: `tree_digest`'s, in its (sorted) order."""
    if not stats or not outside or any(not name.endswith(".md") for name in racy):
        return ""
    # Every name, then the name and stat of each file that is not an article's
    names = "\0".join(stats)
    text = "".join([f"{n}\0{stats[n]}\0" for n in stats if not n.endswith(".md")])
    whole = hashlib.blake2b(names.encode("utf-8", "surrogateescape"), digest_size=16)
    whole.update(b"\0\0" + text.encode("utf-8", "surrogateescape"))
    whole.update(outside.encode())
    return whole.hexdigest()


def same_contents(root: Path, racy: object) -> bool:
    """Whether each file named in `racy` (from `tree_digest`) still has those contents."""
    if not isinstance(racy, dict):
        return False
    try:
        return all(_content(str(root / name)) == digest for name, digest in racy.items())
    except (OSError, TypeError):
        return False
