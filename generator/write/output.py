"""Writing the site: with generator.write.target, the only modules that touch the output
directory.

A build is written into a staging directory beside the output, then swapped in with
one atomic rename (Linux renameat2 RENAME_EXCHANGE; elsewhere two renames with a
recovery step), so readers and later builds see the old site or the new one, never
half of one. The output directory carries a marker file: newsdigest replaces only a
directory it created, and never one that holds the project, its content or templates,
nor one its owner made read-only.
With a build cache, the replaced site is kept there and becomes the next build's staging
directory (only what differs is replaced), so a rebuild does not create and delete a
folder per page.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from generator.model import OutputFile
from generator.write.target import (
    MARKER,
    MARKER_TEXT,
    is_ours,
    recover,
    remove_ours,
    staging_names,
)

MANIFEST_HEADER = b"files:\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputError(Exception):
    """The site could not be written; the published site is unchanged."""


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int
    names: tuple[str, ...] = ()  # every file of the new site that the build wrote or kept
    fresh: frozenset[str] = frozenset()  # those written anew (the rest are the old files)


def _relative(path: str) -> str:
    """`path` as a clean relative name ("a//b/./c" -> "a/b/c"); refused outside the output."""
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if path.startswith("/") or ".." in parts or not parts:
        raise OutputError(f"refusing to write {path!r}: it is outside the output directory")
    return "/".join(parts)


def _safe_relative(path: str) -> PurePosixPath:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise OutputError(f"refusing to write {path!r}: it is outside the output directory")
    return relative


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories; False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


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


def _files(directory: Path) -> list[str]:
    """Relative paths of every file and symlink under `directory` (not following links)."""
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, prefix + entry.name + "/")
                else:
                    found.append(prefix + entry.name)

    walk(str(directory), "")
    return found


def _write_manifest(staging: Path, names: Iterable[str]) -> None:
    """Rewrite the marker with the list of every file this build wrote."""
    listing = "".join(name + "\n" for name in sorted(set(names) - {MARKER})).encode("utf-8")
    (staging / MARKER).write_bytes(MARKER_TEXT + MANIFEST_HEADER + listing)


def _carry_over(staging: Path, old: Path | None) -> list[str]:
    """Link files that someone else put in the old output (a CNAME, say) into the new one.

    The build never deletes what it did not create; where the new site has a file of
    the same name, the new file wins. Returns the names of the files carried over.
    """
    ours = written_by_us(old) if old is not None else None
    if old is None or ours is None:
        return []
    carried: list[str] = []
    for relative in sorted(_files(old)):
        if relative == MARKER or relative in ours:
            continue
        path, target = old / relative, staging / relative
        if target.exists() or target.is_symlink():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink():
            target.symlink_to(os.readlink(path))
        else:
            os.link(path, target)
        carried.append(relative)
    return carried


def _clear(target: Path) -> None:
    """Make room at `target` in a reused staging tree: unlink a file, delete a folder.

    Never write into a file that is there: it may be a hard link to a published file.
    """
    try:
        os.unlink(target)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        shutil.rmtree(target)
    except PermissionError:  # some systems report a folder so
        if not target.is_dir() or target.is_symlink():
            raise
        shutil.rmtree(target)


def _make_parent(staging: Path, folder: Path) -> None:
    """Create `folder`; in a reused tree a file may stand where a folder must be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return
    except (FileExistsError, NotADirectoryError):
        pass
    here = staging
    for part in folder.relative_to(staging).parts:
        here = here / part
        if here.is_symlink() or (here.exists() and not here.is_dir()):
            os.unlink(here)
    folder.mkdir(parents=True, exist_ok=True)


def _same_file(a: str, b: str) -> bool:
    try:
        sa, sb = os.lstat(a), os.lstat(b)
    except OSError:
        return False
    return sa.st_ino == sb.st_ino and sa.st_dev == sb.st_dev


def _write_tree(
    staging: Path,
    files: Iterable[OutputFile],
    old: Path | None,
    keep: Collection[str] = (),
    names: list[str] | None = None,
    reused: bool = False,
    made_already: bool = False,
    fresh: set[str] | None = None,
) -> WriteStats:
    """Write every file into `staging`: a new folder, or (`reused`) an older site of ours
    whose files are replaced, never written into.
    """
    if reused:
        marker = staging / (MARKER + ".new")
        marker.write_bytes(MARKER_TEXT)
        os.replace(marker, staging / MARKER)  # the folder stays marked as ours throughout
    elif not made_already:
        staging.mkdir(parents=True)
        (staging / MARKER).write_bytes(MARKER_TEXT)
    written = unchanged = 0
    made: set[str] = {""}
    root, before = str(staging), str(old) if old is not None else ""
    for item in files:
        relative = _relative(item.path)
        target = os.path.join(root, relative)
        if names is not None:
            names.append(relative)
        folder = relative.rpartition("/")[0]
        if folder not in made:
            if reused:
                _make_parent(staging, staging / folder)
            else:
                os.makedirs(os.path.join(root, folder), exist_ok=True)
            made.add(folder)
        if old is not None and (
            item.path in keep or _same_bytes(Path(before, relative), item.data)
        ):
            # Keep the published file (same inode and time): rebuilds touch only what changed.
            source = os.path.join(before, relative)
            if reused:
                if _same_file(source, target):
                    unchanged += 1
                    continue
                _clear(Path(target))
            os.link(source, target)
            unchanged += 1
        else:
            if reused:
                _clear(Path(target))
            with open(target, "wb") as handle:
                handle.write(item.data)
            written += 1
            if fresh is not None:
                fresh.add(relative)
    return WriteStats(written, unchanged)


def _prune(staging: Path, names: Collection[str]) -> None:
    """Delete from a reused staging tree every file and folder this build did not write."""
    wanted = set(names) | {MARKER}
    folders: set[str] = set()
    for name in wanted:
        folder = name.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                relative = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if relative in folders:
                        walk(entry.path, relative + "/")
                    else:
                        shutil.rmtree(entry.path)
                elif relative not in wanted:
                    os.unlink(entry.path)

    walk(str(staging), "")


def _keep_unchanged(
    staging: Path, added: Iterable[str], old: Path | None, stats: WriteStats, fresh: set[str]
) -> WriteStats:
    """Files a finish step added: where the published copy has the same bytes, keep it."""
    written, unchanged = stats.written, stats.unchanged
    for path in added:
        relative = _safe_relative(path)
        target = staging / relative
        if old is not None and _same_bytes(old / relative, target.read_bytes()):
            target.unlink()
            os.link(old / relative, target)
            unchanged += 1
        else:
            written += 1
            fresh.add(str(relative))
    return WriteStats(written, unchanged)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.is_symlink() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def prepare(output: Path, folders: Iterable[str]) -> bool:
    """Create the staging folder and `folders` in it ahead of `write_site`.

    A build calls this while its workers convert Markdown, so that the folders (one per
    page) are made while the processor is busy anyway. False when it cannot: then
    `write_site` starts afresh and reports the error. A build that stops before
    `write_site` calls `discard`.
    """
    output = output.absolute()
    staging, _ = staging_names(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if staging.is_dir() and not staging.is_symlink() and is_ours(staging):
            remove_ours(staging)  # left by an earlier process with this id
        staging.mkdir(parents=True)
        (staging / MARKER).write_bytes(MARKER_TEXT)
        root = str(staging)
        for folder in sorted(set(folders)):
            if folder:
                os.makedirs(os.path.join(root, _relative(folder)), exist_ok=True)
    except (OSError, OutputError):
        discard(output)
        return False
    return True


def discard(output: Path) -> None:
    """Delete the staging folder `prepare` made, when the build writes nothing."""
    staging, _ = staging_names(output.absolute())
    if staging.is_dir() and not staging.is_symlink() and is_ours(staging):
        shutil.rmtree(staging, ignore_errors=True)
    elif staging.is_dir() and not staging.is_symlink():
        with contextlib.suppress(OSError):
            staging.rmdir()


def write_site(
    output: Path,
    files: Iterable[OutputFile],
    finish: Callable[[Path], Iterable[str]] | None = None,
    keep: Collection[str] = (),
    spare: Path | None = None,
    prepared: bool = False,
) -> WriteStats:
    """Write all files as the new site at `output`, replacing the old one in one step.

    `finish`, when given, runs on the complete staging directory before the swap and
    returns the relative paths of the files it added (the search indexer adds its index
    there); if it raises, nothing is published.
    `keep` names files the caller knows to be unchanged since the last build (the build
    cache checked their size, time and inode): they are linked without reading them.
    `spare`, when given, is where the replaced site is kept (in the build cache) instead
    of being deleted; the next build moves it back beside the output and turns it into
    the new site by replacing only what differs, which saves creating and deleting a
    folder per page. Files are replaced, never written into: most of them are hard links
    to the published site.
    `prepared`: `prepare` made the staging folder already.
    """
    output = output.absolute()
    staging, previous = staging_names(output)
    own = prepared and staging.is_dir() and not staging.is_symlink() and is_ours(staging)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        recover(output, staging if own else None)
    except OSError as exc:
        if own:
            discard(output)
        raise OutputError(f"cannot prepare {output}: {exc.strerror}") from None
    old = output if output.is_dir() else None
    reused = not own and old is not None and spare is not None and _take_spare(spare, staging)
    try:
        names: list[str] = []
        fresh: set[str] = set()
        stats = _write_tree(staging, files, old, keep, names, reused, own, fresh)
        if reused:
            _prune(staging, names)
        if finish is not None:
            names, stats = _finish(staging, finish, names, old, stats, fresh)
        _write_manifest(staging, names)
        carried = _carry_over(staging, old)
        _swap(staging, output, previous, spare)
        every = dict.fromkeys([*names, MARKER, *carried])  # the marker is rewritten each time
        stats = replace(stats, names=tuple(every), fresh=frozenset(fresh | {MARKER}))
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        where = exc.filename or output
        raise OutputError(
            f"cannot write the site ({exc.strerror}: {where}); the published site is unchanged"
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return stats


def _finish(
    staging: Path,
    finish: Callable[[Path], Iterable[str]],
    names: list[str],
    old: Path | None,
    stats: WriteStats,
    fresh: set[str],
) -> tuple[list[str], WriteStats]:
    """Run the finish step (the search indexer) on the staging folder: every file name
    there afterwards, and the stats with what it wrote; what it wrote is `fresh`."""
    ours = set(names)
    added = list(finish(staging))
    stats = _keep_unchanged(staging, added, old, stats, fresh)
    names = _files(staging)  # whatever `finish` wrote, reported or not
    fresh.update(name for name in names if name not in ours)
    return names, stats


def _take_spare(spare: Path, staging: Path) -> bool:
    """Move the kept older site into place as the staging folder, when it is ours."""
    try:
        if spare.is_symlink() or not spare.is_dir() or not is_ours(spare):
            return False
        spare.rename(staging)
    except OSError:
        return False
    return True


def _retire(old_site: Path, spare: Path | None) -> None:
    """Keep the replaced site as the next build's spare, or delete it."""
    if spare is not None:
        try:
            if spare.is_dir() and not spare.is_symlink() and is_ours(spare):
                remove_ours(spare)
            spare.parent.mkdir(parents=True, exist_ok=True)
            old_site.rename(spare)
            return
        except OSError:
            pass
    remove_ours(old_site)


def _swap(staging: Path, output: Path, previous: Path, spare: Path | None = None) -> None:
    if not output.exists():
        staging.rename(output)
        return
    if _exchange(staging, output):
        _retire(staging, spare)  # now holds the old site
        return
    output.rename(previous)
    staging.rename(output)
    _retire(previous, spare)
