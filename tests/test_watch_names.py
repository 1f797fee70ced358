"""What `serve` lists as changed: the stories an editor saved, never the editor's own
temporary files (`sed -i`'s `sedXXXXXX`, Vim's `4913` probe, Emacs' `#story.md#`), made
and gone as the story is saved; a deleted story is listed. Real files, watched by the
Watcher serve uses."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_project, write_article

from generator.commands.watch import Watcher
from generator.settings_file import Paths


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Path, queue.Queue[list[str]]]]:
    project = make_project(tmp_path)
    write_article(project, "story.md", "title: Story\ndate: 2025-06-01T10:00:00Z")
    write_article(project, "other.md", "title: Other\ndate: 2025-06-01T10:00:00Z")
    paths = Paths(project, project / "content", project / "templates", project / "site")
    watcher = Watcher(paths, poll=0.05)
    found: queue.Queue[list[str]] = queue.Queue()

    def follow() -> None:
        for names in watcher:
            found.put(names)

    threading.Thread(target=follow, daemon=True).start()
    try:
        yield project / "content", found
    finally:
        watcher.close()


def _saved_as_sed_does(path: Path, temporary: str) -> None:
    made = path.with_name(temporary)
    made.write_text(path.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
    os.replace(made, path)


def test_editors_temporary_files_are_not_named_as_changes(
    watched: tuple[Path, queue.Queue[list[str]]],
) -> None:
    content, found = watched
    _saved_as_sed_does(content / "story.md", "sednedAIl")
    probe = content / "4913"  # Vim checks it may write in the folder
    probe.write_text("", encoding="utf-8")
    probe.unlink()
    assert found.get(timeout=10) == ["story.md"]
    autosave = content / "#other.md#"  # Emacs, while the file is open
    autosave.write_text("draft", encoding="utf-8")
    (content / "other.md").unlink()
    assert found.get(timeout=10) == ["other.md"]  # a deleted story is a change
    autosave.unlink()
    with pytest.raises(queue.Empty):
        found.get(timeout=1)  # nothing but an editor's file: no rebuild
