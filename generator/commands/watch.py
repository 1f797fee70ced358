"""What `serve` watches: every file a build reads, so that each change rebuilds.

content/, templates/ and static/ (the site root's files) are watched with everything in
them. The settings files and authors.yaml are watched through the project folder (not
recursively), and the other files a build reads outside those folders (the photos
authors.yaml names, the `logo` setting's file: generator.load.files.named_files, which
the build's digest of its inputs reads too) through their folders: never through their
inodes, since an editor that saves by writing a new file and renaming it over the old
one (and `sed -i`) replaces the inode, and a watch on the old one would never fire
again. A file deleted is a change, and so is one put back, a folder made (templates/,
static/, a photo's folder) or deleted.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import watchfiles

from generator.commands.build import Paths
from generator.load.files import REGISTRY as REGISTRY_FILE
from generator.settings_file import PYPROJECT, SETTINGS_FILE


def _trees(paths: Paths) -> tuple[Path, ...]:
    """The folders watched with everything in them: content/, templates/ and static/ (the
    site root's files), when there."""
    return tuple(
        p for p in (paths.content, paths.templates, paths.project / "static") if p.is_dir()
    )


Changes = set[tuple[watchfiles.Change, str]]

# Editors' files of their own that no build reads, kept while a file is open (Emacs'
# `#story.md#` auto-save, LibreOffice's `.~lock.story.md#`); watchfiles' default filter
# leaves out Vim's `.swp` and `~` backups and Emacs' `.#` locks already.
_EDITORS_OWN = re.compile(r"^#.*#$|^\.~lock\..*#$")


def _pump(
    stop: threading.Event, where: tuple[Path, ...], batches: queue.Queue[Changes], **options: Any
) -> None:
    """Put each batch of changes (kind, path) that watchfiles reports into `batches`."""
    try:
        for changes in watchfiles.watch(*where, stop_event=stop, raise_interrupt=False, **options):
            batches.put(set(changes))
    except (OSError, RuntimeError):  # a watched folder was deleted: the next change restarts
        batches.put({(watchfiles.Change.modified, str(p)) for p in where})


def changed_names(changes: Changes) -> list[str]:
    """The names of the files a batch of `changes` changed, as `serve` lists them: not an
    editor's temporary file, made and gone within the batch (`sed -i`'s `sedXXXXXX`, Vim's
    `4913` probe, a `.tmp` renamed over the story), nor one of `_EDITORS_OWN`. A file
    deleted is a change; so is one made and still there."""
    made = {name for kind, name in changes if kind == watchfiles.Change.added}
    return sorted(
        {
            Path(name).name
            for _, name in changes
            if not (name in made and not Path(name).exists())
            and not _EDITORS_OWN.match(Path(name).name)
        }
    )


def _there(path: Path) -> Path:
    """The folder to watch for `path`: its own, or the nearest one above it that exists
    (where its folder would be made)."""
    folder = path.parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


class Watcher:
    """The names of the files changed since the last batch, a batch at a time, forever
    (`changed_names`: editors' temporary files left out).

    Watching starts when the Watcher is made, so nothing saved during the first build is
    missed; `follow` adds the files the last build read outside the watched folders;
    `close` stops it all."""

    def __init__(self, paths: Paths, poll: float = 0.25) -> None:
        self.paths, self.poll = paths, poll
        self.batches: queue.Queue[Changes] = queue.Queue()
        self.files: frozenset[Path] = frozenset()
        self.folders = self._folders()
        self.folder_stop = self._watch_folders()
        self.trees = _trees(paths)
        self.tree_stop = self._start(self.trees) if self.trees else None

    def follow(self, files: Iterable[Path]) -> None:
        """Watch `files` too (absolute paths, there or not) from now on, instead of the
        ones given before."""
        self.files = frozenset(file.parent.resolve() / file.name for file in files)
        self._refresh()

    def _folders(self) -> tuple[Path, ...]:
        """The folders watched (not recursively): the project's, and each file's."""
        project = self.paths.project.resolve()
        return tuple(sorted({project, *(_there(file) for file in self.files)}))

    def _refresh(self) -> None:
        """Watch the folders where the files are now (one made or deleted moves a watch)."""
        folders = self._folders()
        if folders != self.folders:
            self.folders = folders
            self.folder_stop.set()
            self.folder_stop = self._watch_folders()

    def _watch_folders(self) -> threading.Event:
        """Watch `self.folders` for the settings files, authors.yaml, `self.files` and
        the folders on their way, and the watched trees made or deleted."""
        project = self.paths.project.resolve()
        trees = {p.resolve() for p in (self.paths.content, self.paths.templates)}
        trees.add(project / "static")
        files = self.files
        on_the_way = {folder for file in files for folder in file.parents}

        def wanted(change: watchfiles.Change, name: str) -> bool:
            path = Path(name)
            if path.parent == project and path.name in (SETTINGS_FILE, PYPROJECT, REGISTRY_FILE):
                return True
            return path in files or path in on_the_way or path.resolve() in trees

        return self._start(self.folders, recursive=False, watch_filter=wanted)

    def _start(self, where: tuple[Path, ...], **options: Any) -> threading.Event:
        stop = threading.Event()
        threading.Thread(
            target=_pump, args=(stop, where, self.batches), kwargs=options, daemon=True
        ).start()
        return stop

    def __iter__(self) -> Iterator[list[str]]:
        while True:
            try:
                names = self.batches.get(timeout=self.poll)
            except queue.Empty:
                continue
            while not self.batches.empty():
                names |= self.batches.get_nowait()
            if _trees(self.paths) != self.trees:  # a folder came or went: watch what is there
                if self.tree_stop is not None:
                    self.tree_stop.set()
                self.trees = _trees(self.paths)
                self.tree_stop = self._start(self.trees) if self.trees else None
            self._refresh()
            found = changed_names(names)
            if found:  # else only temporary files came and went: nothing to build
                yield found

    def close(self) -> None:
        self.folder_stop.set()
        if self.tree_stop is not None:
            self.tree_stop.set()
