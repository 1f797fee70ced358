"""A new staging folder made by a child process while the build loads and plans.

A rebuild with no kept site to reuse (generator.write.spare: the first rebuild after a
first build, or after a kept site was found unusable) needs a fresh staging folder: one
`mkdir` per page and a hard link per file, about 19,000 and 18,000 at 10,000 articles,
each waiting on the disk rather than the processor. A child process forked at the start
of the build makes it a copy of the published site in hard links (`start`), from the
list of its files taken at the start of the build, while the build itself reads the
articles and plans the pages; the build waits for it before writing (`Early.wait`) and
then replaces only what differs, as in a kept site. If the child fails (a file gone
meanwhile, the disk full), its folder is removed and the build writes a fresh one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import interrupt
from generator.write.output import discard, prepare
from generator.write.spare import with_parents
from generator.write.target import MARKER, staging_names


@dataclass(slots=True)
class Early:
    """The child making the folders; `wait` once for the folders made (None: it failed)."""

    pid: int
    output: Path
    folders: set[str]
    done: bool = False

    def wait(self) -> set[str] | None:
        """Wait for the child: the folders it made in the staging folder (with their
        parents and ''), or None when it could not (the staging folder is removed then)."""
        if self.done:
            return self.folders
        self.done = True
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            status = 1
        if os.waitstatus_to_exitcode(status) != 0:
            discard(self.output)
            self.folders = set()
            return None
        return self.folders


def start(output: Path, listing: Collection[str]) -> Early | None:
    """Fork a child that makes the staging folder a copy in hard links of the output, whose
    files and symlinks are `listing` (relative paths); None where it cannot fork."""
    if not hasattr(os, "fork"):
        return None
    folders = with_parents(name.rpartition("/")[0] for name in listing)
    staging, _ = staging_names(output.absolute())  # named after this process, not the child
    try:
        pid = interrupt.fork()  # Ctrl-C ends the child, silently
    except OSError:
        return None
    if pid == 0:  # the child: exit without running any clean-up, 0 when the copy is whole
        code = 1
        with contextlib.suppress(BaseException):
            if prepare(output, sorted(folders), staging) is not None:
                _link_all(output.absolute(), staging, listing)
                code = 0
        os._exit(code)
    return Early(pid, output, folders)


def _link_all(output: Path, staging: Path, listing: Iterable[str]) -> None:
    """Link every listed file of `output` into `staging` (symlinks copied as symlinks)."""
    source, target = str(output), str(staging)
    for name in listing:
        if name == MARKER:
            continue
        here, there = os.path.join(source, name), os.path.join(target, name)
        if os.path.islink(here):
            os.symlink(os.readlink(here), there)
        else:
            os.link(here, there)


def ahead(spare: Path | None, output: Path, listing: Collection[str] | None) -> Early | None:
    """`start`, when this rebuild would otherwise write a fresh staging folder: the output
    exists and was listed (`listing`), and no kept site waits in the cache at `spare`."""
    if spare is None or spare.is_dir() or not listing or not output.is_dir():
        return None
    return start(output, listing)


def drop(early: Early | None, prepared: set[str] | None, output: Path) -> None:
    """Remove the staging folder made ahead of writing, when the build writes nothing."""
    if early is not None:
        early.wait()
    if early is not None or prepared is not None:
        discard(output)
