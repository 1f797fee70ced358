"""What the last build wrote into an output folder, so a rebuild replaces only what differs.

Pages and feeds are fingerprinted (their template values, their inputs); a page or feed
whose fingerprint is the last build's and whose file in the output is untouched since
(size, modification time, inode: `snapshot`) is kept. Feed bytes are remembered apart
(`feed_record`) for `newsdigest ping`. The search index is reused when no page changed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.commands import ping
from generator.config import Settings
from generator.index.selection import Selection
from generator.model import OutputFile
from generator.pipeline import Paths
from generator.render.theme import Theme
from generator.speed import fingerprint
from generator.speed.cache import Store
from generator.speed.deps import Plan, from_record
from generator.write import spare
from generator.write.manifest import entries_under
from generator.write.search import BUNDLE
from generator.write.spare import Kept


def snapshot(directory: Path) -> tuple[dict[str, list[int]], list[str]]:
    """Size, modification time and inode of every regular file under `directory`; and the
    relative path of every file and symlink there (what `write_site` keeps of others')."""
    found: dict[str, list[int]] = {}
    listing: list[str] = []
    try:
        for name, entry in entries_under(directory):
            listing.append(name)
            if entry.is_file(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                found[name] = [st.st_size, st.st_mtime_ns, st.st_ino]
    except OSError:
        return {}, []
    return found, listing


def after_writing(
    before: dict[str, list[int]], names: Iterable[str], fresh: Collection[str], output: Path
) -> dict[str, list[int]]:
    """`snapshot(output)` of the files a build wrote, without walking the folder: a file
    kept from the last site (a hard link) has the size, time and inode it had `before`;
    only those written anew are looked at."""
    found: dict[str, list[int]] = {}
    for name in names:
        known = before.get(name) if name not in fresh else None
        if known is not None:
            found[name] = known
            continue
        try:
            st = os.lstat(output / name)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            found[name] = [st.st_size, st.st_mtime_ns, st.st_ino]
    return found


@dataclass(slots=True)
class PageState:
    """The per-output part of the cache: page fingerprints and the files as written."""

    store: Store
    pages: dict[str, str]
    written: dict[str, list[int]]  # the output as the last build left it
    now: dict[str, list[int]]  # the output as it is
    plan: Plan | None = None  # the last build's dependency index (generator.speed.deps)
    listing: list[str] | None = None  # every file and symlink in the output (None: not walked)
    kept: Kept | None = None  # the site kept in the cache (generator.write.spare)


def page_state(
    directory: Path | None, paths: Paths, settings: Settings, selection: Selection, search: bool
) -> PageState:
    """What the last build into `paths.output` wrote, if every input it depends on but the
    content is the same (newsdigest, settings, selection, search, theme, folders)."""
    output = str(paths.output.resolve())
    environment = fingerprint.of_bytes(
        fingerprint.code_version().encode(),
        repr(settings).encode(),
        repr((selection.drafts, selection.future, search)).encode(),
        Theme(paths.templates).fingerprint().encode(),
        output.encode(),
        str(paths.content.resolve()).encode(),
    )
    store = Store(
        directory, f"output-{fingerprint.of_bytes(output.encode())[:16]}.json", environment
    )
    pages, written = store.get("pages"), store.get("files")
    if not isinstance(pages, dict) or not isinstance(written, dict):
        pages, written = {}, {}
    now, listing = snapshot(paths.output) if written else ({}, None)
    return PageState(
        store,
        pages,
        written,
        now,
        from_record(store.get("deps")) if written else None,
        listing if written and paths.output.is_dir() else None,
        spare.from_record(store.get("spare")) if written else None,
    )


def unchanged(state: PageState, path: str) -> bool:
    before = state.written.get(path)
    return before is not None and state.now.get(path) == before


def search_step(
    index: Callable[[Path], Iterable[str] | None] | None,
    state: PageState,
    html_paths: set[str],
    keep: set[str],
    output: Path,
) -> Callable[[Path], Iterable[str]] | None:
    """Pagefind, or a link to the last build's index when no page it reads has changed."""
    if index is None:
        return None
    old_html = {p for p in state.written if p.endswith(".html")}
    bundle = [p for p in state.written if p.startswith(BUNDLE + "/")]
    reusable = (
        bundle
        and old_html == html_paths
        and html_paths <= keep
        and all(unchanged(state, p) for p in bundle)
    )

    def finish(staging: Path) -> Iterable[str]:
        if not reusable:
            return index(staging) or []
        for relative in bundle:
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(output / relative, target)
        return bundle

    return finish


def feed_record(directory: Path | None, paths: Paths) -> Store:
    """The digests of the feeds the last build wrote to this output folder: kept apart from
    the page cache, so a new newsdigest version or theme does not make every feed new."""
    output = str(paths.output.resolve()).encode()
    return Store(
        directory, f"feeds-{fingerprint.of_bytes(output)[:16]}.json", "newsdigest-feed-bytes-1"
    )


def feed_digests(
    feed_files: list[OutputFile], kept: set[str], output: Path, before: object
) -> dict[str, str]:
    """SHA-256 of each feed's bytes (RSS, Atom, JSON Feed; not OPML) as written now."""
    old = before if isinstance(before, dict) else {}
    digests = {}
    for feed in feed_files:
        if not feed.path.endswith((".xml", ".json")):
            continue
        if feed.path in kept:  # not regenerated: the bytes are those already in the output
            known = old.get(feed.path)
            digests[feed.path] = (
                known if isinstance(known, str) else ping.digest((output / feed.path).read_bytes())
            )
        else:
            digests[feed.path] = ping.digest(feed.data)
    return digests


def fingerprint_or_none(reader: fingerprint.Fingerprinter, value: object) -> str | None:
    try:
        return reader.of(value)
    except fingerprint.Unhashable:
        return None
