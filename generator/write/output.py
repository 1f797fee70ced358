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
import os
import shutil
import stat
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path, PurePosixPath

from generator.model import KeptFiles, OutputFile, WrittenFile, one_by_one
from generator.write.manifest import carry_over, files_under, write_manifest, written_by_us
from generator.write.spare import (
    Kept,
    clear,
    kept_record,
    make_parent,
    prune,
    prune_known,
    remove_unused,
    same_file,
    take,
)
from generator.write.target import MARKER, MARKER_TEXT, is_ours, recover, remove_ours, staging_names
from generator.write.target import exchange as _exchange  # (tests replace it here)


class OutputError(Exception):
    """The site could not be written; the published site is unchanged."""


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int
    names: tuple[str, ...] = ()  # every file of the new site that the build wrote or kept
    fresh: frozenset[str] = frozenset()  # those written anew (the rest are the old files)
    kept: Kept | None = None  # the replaced site, kept in the cache for the next build
    old_names: frozenset[str] | set[str] | None = None  # the replaced site's files, when known
    carried: tuple[str, ...] = ()  # files someone else put in the output, kept


def _relative(path: str) -> str:
    """`path` as a clean relative name ("a//b/./c" -> "a/b/c"); refused outside the output."""
    parts = path.split("/")
    if "" not in parts and "." not in parts and ".." not in parts:
        return path  # already clean (every name the build makes)
    parts = [part for part in parts if part not in ("", ".")]
    if path.startswith("/") or ".." in parts or not parts:
        raise OutputError(f"refusing to write {path!r}: it is outside the output directory")
    return "/".join(parts)


def _safe_relative(path: str) -> PurePosixPath:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise OutputError(f"refusing to write {path!r}: it is outside the output directory")
    return relative


def _mkdirs(root: str, folder: str, made: set[str]) -> None:
    """Make `folder` (relative to `root`) and its missing parents: one `mkdir` each."""
    parent = folder.rpartition("/")[0]
    if parent not in made:
        _mkdirs(root, parent, made)
    with contextlib.suppress(FileExistsError):
        os.mkdir(os.path.join(root, folder))
    made.add(folder)


@dataclass(slots=True)
class _Tree:
    """How `_write_tree` writes: into a new folder whose `made` folders exist already, or
    (`reused`) into a kept older site, every file of which (`differs` None) or those
    named in `differs` only may differ from the old site's."""

    reused: bool = False
    differs: frozenset[str] | None = None
    made: set[str] = field(default_factory=set)
    names: list[str] = field(default_factory=list)  # every file written or kept
    fresh: set[str] = field(default_factory=set)  # those written anew


def _write_tree(
    staging: Path,
    files: Iterable[OutputFile | KeptFiles],
    old: Path | None,
    keep: Collection[str],
    tree: _Tree,
    listed: Collection[str] = (),
) -> WriteStats:
    """Write every file into `staging`: a new folder, or (`tree.reused`) an older site of
    ours (`old`, holding the files `listed`) whose files are replaced, never written into."""
    reused, differs, made = tree.reused, tree.differs, tree.made | {""}
    written = unchanged = 0
    root, before, names = str(staging), str(old) if old is not None else "", tree.names
    # A kept file where the kept site holds the published file itself: nothing to do.
    known, differing = differs is not None and old is not None, differs or frozenset()

    def at_once(kept: KeptFiles) -> bool:  # every one kept as it is (else one at a time)
        nonlocal unchanged
        if whole := known and kept.among(keep, differing, listed):  # (clean, as found)
            names.extend(kept.paths)
        unchanged += len(kept.paths) if whole else 0
        return whole

    for item in one_by_one(files, at_once):
        relative = _relative(item.path)
        names.append(relative)
        if known and item.path in keep and relative not in differing:
            unchanged += 1
            continue
        target = os.path.join(root, relative)
        same = old is not None and (
            item.path in keep or _same_bytes(Path(before, relative), item.data)
        )
        if same and differs is not None and relative not in differs:
            unchanged += 1  # the kept site holds the published file itself
            continue
        folder = relative.rpartition("/")[0]
        if folder not in made:
            if reused:
                make_parent(staging, staging / folder)
                made.add(folder)
            else:
                _mkdirs(root, folder, made)
        if same:
            # Keep the published file (same inode and time): rebuilds touch only what changed.
            source = os.path.join(before, relative)
            if reused:
                if differs is None and same_file(source, target):
                    unchanged += 1
                    continue
                clear(Path(target))
            os.link(source, target)
            unchanged += 1
        else:
            if reused:
                clear(Path(target))
            _write(target, item)
            written += 1
            tree.fresh.add(relative)
    return WriteStats(written, unchanged)


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


# A new file as `open(path, "wb")` makes it (mode 0o666 less the umask, not inherited).
_NEW = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
# Not following a symlink; not waiting on a FIFO (no effect on a regular file).
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def write_new(path: str, data: bytes) -> None:
    """Write `data` as the file `path` (made, or emptied first) in three system calls
    (open, write, close): a site has tens of thousands of files, and `open(path, "wb")`
    adds a buffered writer, a `fstat` and an `ioctl` to each."""
    handle = os.open(path, _NEW, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


def _write(target: str, item: OutputFile) -> None:
    """`item`'s bytes as the file `target`, unless a worker wrote it there (`page_writer`)."""
    if not isinstance(item, WrittenFile):
        write_new(target, item.data)


def page_writer(staging: Path) -> Callable[[str, bytes], None]:
    """What writes a page into `staging` as `_write_tree` would, for the workers rendering a
    first build's pages (no older site): the build's process counts them (`WrittenFile`)."""
    root, made = str(staging), {""}

    def write(path: str, data: bytes) -> None:
        relative = _relative(path)
        folder = relative.rpartition("/")[0]
        if folder not in made:
            _mkdirs(root, folder, made)
        write_new(os.path.join(root, relative), data)

    return write


def _same_bytes(path: Path, data: bytes) -> bool:
    """Whether `path` is a regular file (not a symlink) holding exactly `data`."""
    try:
        handle = os.open(path, _READ)
    except OSError:
        return False
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode) or found.st_size != len(data):
            return False
        return os.read(handle, len(data) + 1) == data
    except OSError:
        return False
    finally:
        os.close(handle)


def prepare(output: Path, folders: Iterable[str], staging: Path | None = None) -> set[str] | None:
    """Create the staging folder and `folders` in it ahead of `write_site`: the folders
    made (with their parents), to pass on as its `prepared`.

    A build calls this while its workers convert Markdown, so that the folders (one per
    page) are made while the processor is busy anyway. None when it cannot: then
    `write_site` starts afresh and reports the error. A build that stops before
    `write_site` calls `discard`.
    """
    output = output.absolute()
    staging = staging if staging is not None else staging_names(output)[0]  # or a parent's
    made: set[str] = {""}
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if staging.is_dir() and not staging.is_symlink() and is_ours(staging):
            remove_ours(staging)  # left by an earlier process with this id
        staging.mkdir(parents=True)
        (staging / MARKER).write_bytes(MARKER_TEXT)
        root = str(staging)
        for folder in folders:
            if folder and folder not in made:
                _mkdirs(root, _relative(folder), made)
    except (OSError, OutputError):
        discard(output)
        return None
    return made


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
    files: Iterable[OutputFile | KeptFiles],
    finish: Callable[[Path], Iterable[str]] | None = None,
    keep: Collection[str] = (),
    spare: Path | None = None,
    prepared: Collection[str] | None = None,
    kept: Kept | None = None,
    listing: Collection[str] | None = None,
    cloned: bool = False,
    direct: Callable[[Path], None] | None = None,
) -> WriteStats:
    """Write all files as the new site at `output`, replacing the old one in one step.

    `finish`, when given, runs on the complete staging folder before the swap and returns
    the files it added (the search index), relative; if it raises, nothing is published.
    `keep` names files the caller knows to be unchanged since the last build (the build
    cache checked their size, time and inode): they are linked without reading them.
    `spare`: where the replaced site is kept (in the build cache) to be turned into the
    next site (generator.write.spare; `kept`: what the last build's `WriteStats.kept`
    said of it). Files are replaced, never written into (most are hard links).
    `prepared`: the folders `prepare` made in the staging folder already; `cloned`: and
    hard links to every file of the output in them (generator.write.early).
    `listing`: every file and symlink in the output now (relative paths), when the
    caller walked it already; else it is walked here, to keep files someone else put there.
    `direct`: told a new staging folder (no older site), its pages then `WrittenFile`s.
    """
    output = output.absolute()
    staging, previous = staging_names(output)
    own = (
        prepared is not None and staging.is_dir() and not staging.is_symlink() and is_ours(staging)
    )
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        recover(output, staging if own else None)
    except OSError as exc:
        if own:
            discard(output)
        raise OutputError(f"cannot prepare {output}: {exc.strerror}") from None
    old = output if output.is_dir() else None
    try:
        tree = _tree(staging, old, spare, kept, prepared if own else None, cloned)
        stats = _stage(staging, files, old, keep, tree, finish, listing, own, direct)
        kept_now = _swap(staging, output, previous, spare)
        names = stats.names
        stats = replace(
            stats,
            fresh=frozenset(tree.fresh | {MARKER}),
            kept=kept_record(spare, kept_now, stats.old_names, names, tree.fresh, stats.carried),
        )
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


def _tree(
    staging: Path,
    old: Path | None,
    spare: Path | None,
    kept: Kept | None,
    prepared: Collection[str] | None,
    cloned: bool,
) -> _Tree:
    """How the staging folder is written: made ahead (`prepared`), as a copy in hard links
    of the output (`cloned`), as the kept site (`spare`) or anew."""
    if prepared is not None and cloned:  # the output's files: replace only what differs
        return _Tree(True, frozenset({MARKER}) if old is not None else None)
    if prepared is not None:
        return _Tree(made=set(prepared))
    if old is not None and spare is not None:
        reused, differs = take(spare, staging, kept)
        return _Tree(reused, differs)
    return _Tree()


def _stage(
    staging: Path,
    files: Iterable[OutputFile | KeptFiles],
    old: Path | None,
    keep: Collection[str],
    tree: _Tree,
    finish: Callable[[Path], Iterable[str]] | None,
    listing: Collection[str] | None,
    own: bool,
    direct: Callable[[Path], None] | None = None,
) -> WriteStats:
    """Make the staging folder the complete new site, marked and listed, ready to swap in;
    `direct` is told it if new, no site older: `files` may then hold `WrittenFile`s."""
    if tree.reused:
        marker = staging / (MARKER + ".new")
        marker.write_bytes(MARKER_TEXT)
        os.replace(marker, staging / MARKER)  # the folder stays marked as ours throughout
    elif not own:
        staging.mkdir(parents=True)
        (staging / MARKER).write_bytes(MARKER_TEXT)
    if direct is not None and old is None and not tree.reused:
        direct(staging)
    ours = written_by_us(old) if old is not None else None
    found: Collection[str] = ()
    if old is not None and ours is not None:
        found = listing if listing is not None else files_under(old)
    old_names = None if ours is None else {*ours, *found, MARKER}
    stats = _write_tree(staging, files, old, keep, tree, found)
    names = tree.names
    if own and not tree.reused:
        remove_unused(staging, tree.made, names)
    if tree.reused and tree.differs is None:
        prune(staging, names)
    elif tree.reused:
        known = chain(old_names or (), tree.differs or ())
        prune_known(staging, known, {*names, MARKER})
    if finish is not None:
        names, stats = _finish(staging, finish, names, old, stats, tree.fresh)
    write_manifest(staging, names, old, ours)
    carried = carry_over(staging, old, ours, found)
    every = dict.fromkeys([*names, MARKER, *carried])  # the marker is rewritten each time
    return replace(stats, names=tuple(every), old_names=old_names, carried=tuple(carried))


def _finish(
    staging: Path,
    finish: Callable[[Path], Iterable[str]],
    names: list[str],
    old: Path | None,
    stats: WriteStats,
    fresh: set[str],
) -> tuple[list[str], WriteStats]:
    """Run the finish step (the search indexer) on the staging folder: every file name
    there afterwards, and the stats with what it wrote, reported or not (Pagefind names
    none: its files are counted all the same, so a first build, a clean one and one that
    keeps the last build's files count the same files); what it wrote is `fresh`."""
    ours = set(names)
    added = list(finish(staging))
    names = files_under(staging)  # whatever `finish` wrote, reported or not
    reported = {*added, MARKER}  # (the marker is the build's own, counted by none)
    added += [name for name in names if name not in ours and name not in reported]
    stats = _keep_unchanged(staging, added, old, stats, fresh)
    fresh.update(name for name in names if name not in ours)
    return names, stats


def _retire(old_site: Path, spare: Path | None) -> bool:
    """Keep the replaced site as the next build's spare (True), or delete it."""
    if spare is not None:
        try:
            if spare.is_dir() and not spare.is_symlink() and is_ours(spare):
                remove_ours(spare)
            spare.parent.mkdir(parents=True, exist_ok=True)
            old_site.rename(spare)
            return True
        except OSError:
            pass
    remove_ours(old_site)
    return False


def _swap(staging: Path, output: Path, previous: Path, spare: Path | None = None) -> bool:
    """Swap the new site in; True when the replaced one was kept at `spare`."""
    if not output.exists():
        staging.rename(output)
        return False
    if _exchange(staging, output):
        return _retire(staging, spare)  # now holds the old site
    output.rename(previous)
    staging.rename(output)
    return _retire(previous, spare)
