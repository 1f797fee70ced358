"""The output folder's list of the files newsdigest wrote, kept in its marker file, and the
files someone else put there (a CNAME, say), which every build carries over.

The marker (generator.write.target.MARKER) holds a line of text, then `files:` and one
relative path per line: the files the build that made the folder wrote. Any other file
there was put by someone else; the next build links it into the new site, unless the new
site has a file of that name.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from generator import interrupt
from generator.write.target import MARKER, MARKER_TEXT

MANIFEST_HEADER = b"files:\n"


def written_by_us(directory: Path) -> set[str] | None:
    """The files the build that made `directory` wrote, or None when it kept no list."""
    try:
        text = (directory / MARKER).read_bytes()
    except OSError:
        return None
    _, found, listing = text.partition(MANIFEST_HEADER)
    if not found:
        return None
    return set(listing.decode("utf-8", "replace").splitlines())


def entries_under(directory: Path) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(relative path, entry) of every file and symlink under `directory`, not following
    links; OSError when a folder cannot be read."""

    def walk(folder: str, prefix: str) -> Iterator[tuple[str, os.DirEntry[str]]]:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    yield from walk(entry.path, prefix + entry.name + "/")
                else:
                    yield prefix + entry.name, entry

    return walk(str(directory), "")


def stats_under(directory: Path) -> tuple[dict[str, tuple[int, int, int]], list[str]]:
    """(size, st_mtime_ns, st_ino) of every regular file under `directory` by relative
    path, and the relative path of every file and symlink there; not following links.
    One `lstat` a file (folders' entries tell their type): a loop, not nested generators,
    since at 100,000 articles it runs 157,000 times. OSError when a folder cannot be read."""
    found: dict[str, tuple[int, int, int]] = {}
    listing: list[str] = []
    folders = [(str(directory), "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, prefix + entry.name + "/"))
                    continue
                name = prefix + entry.name
                listing.append(name)
                if entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    found[name] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found, listing


Stats = tuple[dict[str, tuple[int, int, int]], list[str]]  # what `stats_under` returns


def stats_ahead(
    directory: Path, known: Mapping[str, tuple[int, int, int]] | None = None
) -> Callable[[], Stats]:
    """`stats_under(directory)` made by a child process while this one goes on; the
    function returned waits for it and gives its result (OSError as `stats_under`'s).
    At 100,000 articles the walk is 157,000 folders and as many `lstat` calls, waiting
    on the disk while the build reads its articles. Where there is no fork, or the child
    fails or is killed, the walk is made here when the result is asked for. The child
    only reads; it hands its result over in an unnamed temporary file. `known`: the
    stats the last build recorded (not changed until the result is read): the child
    hands over only the files whose stat differs, and this process copies the rest."""
    before = known if known is not None else {}
    child = interrupt.ahead(lambda handle: _hand_over(directory, handle, before))
    if child is None:
        return lambda: stats_under(directory)

    def result() -> Stats:
        data = child()
        if data == _UNREADABLE:
            raise OSError(f"{directory} cannot be read")
        if isinstance(data, int):
            return stats_under(directory)
        return _taken_over(data, before)

    return result


_UNREADABLE = 3  # the child's exit status when a folder cannot be read


def _hand_over(
    directory: Path, handle: IO[bytes], known: Mapping[str, tuple[int, int, int]]
) -> int:
    """In the child: write `stats_under(directory)` to `handle`, as it differs from
    `known`: how many known files are no longer regular files there and their paths, then
    per other file or symlink whose stat is not the known one its relative path and its
    stat ('size mtime_ns ino', empty when not a regular file); all separated by NULs."""
    try:
        found, listing = stats_under(directory)
    except OSError:
        return _UNREADABLE
    gone = [name for name in known if name not in found]
    parts = [str(len(gone)), *gone]
    for name in listing:
        st = found.get(name)
        if st is not None and known.get(name) == st:
            continue  # the parent has it
        parts.append(name)
        parts.append(f"{st[0]} {st[1]} {st[2]}" if st is not None else "")
    handle.write("\0".join(parts).encode("utf-8", "surrogatepass"))
    return 0


def _taken_over(data: bytes, known: Mapping[str, tuple[int, int, int]]) -> Stats:
    """`_hand_over`'s bytes read back, with the `known` stats it left out."""
    parts = data.decode("utf-8", "surrogatepass").split("\0")
    count = int(parts[0])
    gone, rest = parts[1 : 1 + count], parts[1 + count :]
    names = rest[0::2]
    found: dict[str, tuple[int, int, int]] = dict(known)
    for name in gone:
        del found[name]
    for name, text in zip(names, rest[1::2], strict=True):
        if text:
            size, mtime, ino = text.split(" ")
            found[name] = (int(size), int(mtime), int(ino))
    told = {*gone, *names}
    return found, [name for name in known if name not in told] + names


def files_under(directory: Path) -> list[str]:
    """Relative paths of every file and symlink under `directory` (not following links)."""
    return [name for name, _ in entries_under(directory)]


def write_manifest(
    staging: Path, names: Iterable[str], old: Path | None = None, ours: set[str] | None = None
) -> None:
    """Rewrite the marker with the list of every file this build wrote, in code point
    order. `old`, `ours`: the replaced site and its marker's list (`written_by_us`); when
    it lists these very names, in this order, its bytes are written again (no sort of
    170,000 names at 100,000 articles)."""
    wanted = set(names)
    wanted.discard(MARKER)
    same = _same_listing(old, ours, wanted) if old is not None and ours == wanted else None
    if same is not None:
        (staging / MARKER).write_bytes(same)
        return
    listing = "".join(name + "\n" for name in sorted(wanted)).encode("utf-8")
    (staging / MARKER).write_bytes(MARKER_TEXT + MANIFEST_HEADER + listing)


def _same_listing(old: Path, ours: set[str] | None, wanted: set[str]) -> bytes | None:
    """The bytes of `old`'s marker when `write_manifest` would write exactly them for
    `wanted` (each name once, on its line, in order); else None."""
    head = MARKER_TEXT + MANIFEST_HEADER
    try:
        text = (old / MARKER).read_bytes()
        listing = text[len(head) :].decode("utf-8") if text.startswith(head) else None
    except (OSError, UnicodeDecodeError):
        return None
    if listing is None or (listing and not listing.endswith("\n")):
        return None
    lines = listing[:-1].split("\n") if listing else []
    if len(lines) != len(wanted) or not all(map(str.__lt__, lines, lines[1:])):
        return None
    return text if all(line in wanted for line in lines) else None


def carry_over(
    staging: Path, old: Path | None, ours: set[str] | None, listing: Iterable[str]
) -> list[str]:
    """Link files that someone else put in the old output (a CNAME, say) into the new one.

    `ours` is the old output's list of the files newsdigest wrote, `listing` every file
    there. The build never deletes what it did not create; where the new site has a file
    of the same name, the new file wins. Returns the names of the files carried over.
    """
    if old is None or ours is None:
        return []
    carried: list[str] = []
    for relative in sorted(r for r in listing if r != MARKER and r not in ours):
        path, target = old / relative, staging / relative
        if target.exists() or target.is_symlink():
            continue
        if not (path.exists() or path.is_symlink()):
            continue  # gone since the output was listed
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink():
            target.symlink_to(os.readlink(path))
        else:
            os.link(path, target)
        carried.append(relative)
    return carried
