"""The output folder: which one newsdigest may replace, and what interrupted builds left
beside it. With generator.write.output, the only modules that touch the output folder.

newsdigest replaces only a folder that carries its marker file (or an empty one), never
one that holds the project, its content or templates, nor one its owner made read-only.
A build killed mid-way may leave its staging folder (`.site.staging-PID`) or, between the
two renames of the fallback swap, the old site as `.site.previous`: the next build puts
the site back and removes the rest, except a staging folder whose build still runs.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from generator.diagnostics import UsageError

MARKER = ".newsdigest-output"
MARKER_TEXT = (
    b"This directory is written by newsdigest build and replaced on every build.\n"
    b"It wrote the files listed below; any other file here is kept by the next build.\n"
)


_LOCKS: list[int] = []  # the descriptors `one_build_at_a_time` holds


def _drop_in_child() -> None:
    """In a process forked from a build: close its copy of the lock's descriptor, so that a
    worker or helper that outlives a killed build does not keep the next one waiting."""
    for handle in _LOCKS:
        with contextlib.suppress(OSError):
            os.close(handle)
    _LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_in_child)


def lock_file(output: Path) -> Path:
    """The file whose flock stands for the output folder `output`: in this user's folder of
    the system's temporary directory, named by a digest of the folder's resolved path, so
    that nothing is made beside the site and builds into other folders never wait."""
    where = os.path.realpath(output.absolute())
    name = hashlib.sha256(os.fsencode(where)).hexdigest()[:24]
    user = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"newsdigest-{user}" / f"{name}.lock"


@contextlib.contextmanager
def one_build_at_a_time(
    output: Path, waiting: Callable[[Path], None] | None = None
) -> Iterator[None]:
    """Hold the lock of the output folder `output` (generator.write.target.lock_file) for a
    whole build: a second build into the same folder waits for the first to end, instead
    of planning from a site that the first then replaces; `waiting(output)` is told before
    it waits. Without flock, or without a temporary directory to lock in, no lock.

    The build that holds the lock removes its file before it lets go, so that the folder
    does not fill with one file per output ever built. A build that got the lock on a file
    since removed (it opened it before the holder removed it) sees that the path no longer
    names the file it locked, and locks again on a new one."""
    path = None
    try:
        path = lock_file(output)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        handle = _locked(path, lambda: waiting(output) if waiting is not None else None)
    except (ImportError, OSError):  # no fcntl (Windows), no temporary folder
        handle = None
    if handle is None or path is None:
        yield
        return
    try:
        _LOCKS.append(handle)
        yield
    finally:
        if handle in _LOCKS:  # not in a process forked from the build (`_drop_in_child`)
            _LOCKS.remove(handle)
            with contextlib.suppress(OSError):
                os.unlink(path)  # while still holding the lock
        os.close(handle)  # the lock goes with it


def _locked(path: Path, waiting: Callable[[], None]) -> int | None:
    """A descriptor of the file at `path` (made if missing) holding its exclusive flock,
    once the path still names that very file (device and inode); `waiting()` is called
    once, before the first wait. None when the file cannot be made."""
    import fcntl

    told = False
    while True:
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not told:
                    told = True
                    waiting()
                fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:  # a file system without locks
            return handle
        held, named = os.fstat(handle), _stat_or_none(path)
        if named is not None and (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino):
            return handle
        os.close(handle)  # the holder removed it meanwhile: lock the path's new file


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def through_link(output: Path) -> Path:
    """The folder a build publishes into: `output`, or, when `output` is a symbolic link
    (`ln -s /srv/www site`), the folder it points to, resolved (links to links included).
    The site is swapped in beside that folder, and the link is kept as it is."""
    return Path(os.path.realpath(output)) if output.is_symlink() else output


def is_ours(directory: Path) -> bool:
    return (directory / MARKER).is_file()


def check_target(output: Path, project_root: Path, sources: Iterable[Path]) -> None:
    """Refuse an output directory that newsdigest must never replace.

    `sources` are the content and templates directories: the output may be neither
    them, nor inside them, nor hold them; nor the project root, the home directory or /.
    """
    target = output.resolve()
    root = project_root.resolve()
    if target == root or target in root.parents:
        raise UsageError(
            f"output directory {output} would replace the project at {root}; choose site/"
        )
    for place, what in ((Path.home().resolve(), "your home folder"), (Path("/"), "the whole disk")):
        if target == place:
            raise UsageError(
                f"output directory {output} is {what}; newsdigest replaces the whole output "
                "folder with the site, so choose a new folder such as site/"
            )
    for source in sources:
        place = source.resolve()
        if target == place or target in place.parents:
            raise UsageError(
                f"output directory {output} would replace {source}; choose another, such as site/"
            )
        if place in target.parents:
            raise UsageError(f"output directory {output} is inside {source}; choose another")
    if target.exists() and not target.is_dir():
        raise UsageError(f"output {output} is a file, not a directory; choose another")
    if target.is_dir() and read_only(target):
        mode = stat.filemode(target.stat().st_mode)
        raise UsageError(
            f"output directory {output} is read-only ({mode}); newsdigest will not replace a "
            f"folder you protected. Make it writable again (chmod u+w {output}) or pass "
            "--output DIR"
        )
    if target.is_dir() and not is_ours(target) and any(target.iterdir()):
        raise UsageError(
            f"output directory {output} is not empty and was not created by newsdigest; "
            "newsdigest replaces its output directory on every build, so it will not touch "
            "this one. Choose another directory or empty this one"
        )


def read_only(directory: Path) -> bool:
    """Whether the folder is protected from writing: its owner's write permission is off
    (`chmod u-w`, `chmod 555`), or this process may not write it (another user's folder,
    a read-only file system). The permission bits count even for root, whom the system
    would let write anyway: they say what the folder's owner wants.
    """
    try:
        mode = directory.stat().st_mode
    except OSError:
        return False
    return not mode & stat.S_IWUSR or not os.access(directory, os.W_OK)


def staging_names(output: Path) -> tuple[Path, Path]:
    parent = output.parent
    return parent / f".{output.name}.staging-{os.getpid()}", parent / f".{output.name}.previous"


def restore(output: Path) -> Path:
    """Put the published site back if a build was killed between the two renames of the
    fallback swap (systems without renameat2). Returns where that swap keeps the old site.
    """
    _, previous = staging_names(output)
    with contextlib.suppress(OSError):
        if not output.exists() and previous.is_dir() and is_ours(previous):
            previous.rename(output)
    return previous


def recover(output: Path, prepared: Path | None = None) -> None:
    """Finish or undo what an interrupted build left beside the output directory.

    `prepared` is this build's own staging folder, made by `prepare`: it is kept.
    """
    previous = restore(output)
    for leftover in [*output.parent.glob(f".{output.name}.staging-*"), previous]:
        if leftover == prepared or _build_running(leftover):
            continue
        if leftover.is_dir() and not leftover.is_symlink() and is_ours(leftover):
            remove_ours(leftover)
        elif leftover.is_dir() and not leftover.is_symlink():
            with contextlib.suppress(OSError):
                leftover.rmdir()  # killed before its marker was written: empty


def _build_running(staging: Path) -> bool:
    """True when the staging folder belongs to another build that is still running."""
    pid = staging.name.rpartition("-")[2]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_ours(directory: Path) -> None:
    """Delete a directory newsdigest wrote, its marker last.

    Killed halfway, the rest still carries the marker, so the next build finishes the job.
    """
    for child in directory.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                child.unlink()
    with contextlib.suppress(OSError):
        (directory / MARKER).unlink()
        directory.rmdir()


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
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
