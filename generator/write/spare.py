"""The site a build replaces, kept in the build cache as the next build's staging folder.

A rebuild moves the kept site (two builds old) beside the output and turns it into the
new site, then swaps it in (generator.write.output). Most of its files are hard links to
the published ones. When the last build recorded which kept site it left (`Kept.stamp`:
its marker file's inode, size and modification time) and where that site may differ
from the published one (`Kept.differs`: the files written anew for the published site,
and the names one has and the other not), the next build touches only those paths and
the ones it writes anew: every other file of the kept site is the published file itself
(the same inode), so it is neither looked at nor linked again, and no folder is made
for it. Without such a record (a first rebuild, another newsdigest, a build killed
after its swap), every file is checked and the whole kept site walked, as before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.write.target import MARKER, is_ours


@dataclass(frozen=True, slots=True)
class Kept:
    """What a build knows of the site it kept in the cache: which one it is, and the paths
    where it may differ from the published site (everywhere else it holds the same file)."""

    stamp: tuple[int, int, int]  # its marker file's inode, size and st_mtime_ns
    differs: frozenset[str]

    def to_record(self) -> dict[str, Any]:
        return {"stamp": list(self.stamp), "differs": sorted(self.differs)}


def from_record(record: object) -> Kept | None:
    """The record saved by `Kept.to_record`; None when missing or malformed."""
    if not isinstance(record, dict):
        return None
    stamp, differs = record.get("stamp"), record.get("differs")
    if not isinstance(stamp, list) or len(stamp) != 3 or not isinstance(differs, list):
        return None
    if not all(isinstance(n, int) for n in stamp) or not all(isinstance(p, str) for p in differs):
        return None
    return Kept((stamp[0], stamp[1], stamp[2]), frozenset(differs))


def stamp(site: Path) -> tuple[int, int, int] | None:
    """Inode, size and modification time of `site`'s marker file (rewritten by every
    build, so it tells one kept site from another); None when it has none."""
    try:
        st = os.lstat(site / MARKER)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def take(spare: Path, staging: Path, kept: Kept | None) -> tuple[bool, frozenset[str] | None]:
    """Move the kept site into place as the staging folder, when it is ours: (whether it
    was, the paths where it may differ from the published site when `kept` describes this
    very site, else None: every file must be checked)."""
    try:
        if spare.is_symlink() or not spare.is_dir() or not is_ours(spare):
            return False, None
        known = kept is not None and stamp(spare) == kept.stamp
        spare.rename(staging)
    except OSError:
        return False, None
    return True, kept.differs if known and kept is not None else None


def differences(
    before: Collection[str] | None, after: Iterable[str], fresh: Collection[str]
) -> frozenset[str] | None:
    """Where the replaced site (its files `before`) may differ from the new one (`after`,
    of which `fresh` were written anew, the rest being the replaced site's very files)."""
    if before is None:
        return None
    names = set(after)
    return frozenset(set(fresh) | {MARKER} | (names ^ set(before)))


def prune_known(staging: Path, candidates: Iterable[str], wanted: Collection[str]) -> None:
    """Delete from a kept site the `candidates` that the new site does not have, and the
    folders left empty by that."""
    root = str(staging)
    for name in sorted({name for name in candidates if name not in wanted}):
        path = os.path.join(root, name)
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        except (IsADirectoryError, PermissionError):
            # A folder where the replaced site had a file: made for the new site's files.
            if not os.path.isdir(path) or os.path.islink(path):
                raise
            continue
        folder = name.rpartition("/")[0]
        while folder:
            with contextlib.suppress(OSError):
                os.rmdir(os.path.join(root, folder))
            if os.path.isdir(os.path.join(root, folder)):
                break
            folder = folder.rpartition("/")[0]


def clear(target: Path) -> None:
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


def make_parent(staging: Path, folder: Path) -> None:
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


def same_file(a: str, b: str) -> bool:
    try:
        sa, sb = os.lstat(a), os.lstat(b)
    except OSError:
        return False
    return sa.st_ino == sb.st_ino and sa.st_dev == sb.st_dev


def prune(staging: Path, names: Collection[str]) -> None:
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


def kept_record(
    spare: Path | None,
    kept_now: bool,
    old_names: Collection[str] | None,
    names: Iterable[str],
    fresh: Collection[str],
    carried: Iterable[str],
) -> Kept | None:
    """What the next build may trust of the site just moved into the cache."""
    if spare is None or not kept_now:
        return None
    found = stamp(spare)
    differs = differences(old_names, names, {*fresh, *carried})
    return Kept(found, differs) if found is not None and differs is not None else None


def with_parents(folders: Iterable[str]) -> set[str]:
    """Every folder named, with each of its parents, and '' (the root)."""
    found = {""}
    for folder in folders:
        while folder not in found:
            found.add(folder)
            folder = folder.rpartition("/")[0]
    return found


def remove_unused(staging: Path, made: Collection[str], names: Iterable[str]) -> None:
    """Remove the folders made ahead (`made`) that hold none of the files `names`, deepest
    first: a fresh staging folder's folders were made from the last build's files."""
    used = with_parents(name.rpartition("/")[0] for name in names)
    for folder in sorted(set(made) - used, key=lambda f: f.count("/"), reverse=True):
        with contextlib.suppress(OSError):
            os.rmdir(staging / folder)
