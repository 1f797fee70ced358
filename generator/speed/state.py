"""What the last build wrote into an output folder, so a rebuild replaces only what differs.

Pages and feeds are fingerprinted (their template values, their inputs); a page or feed
whose fingerprint is the last build's and whose file in the output is untouched since
(size, modification time, inode: `snapshot`) is kept. Feed bytes are remembered apart
(`feed_record`) for `newsdigest ping`. The search index is reused when no page changed.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.index.selection import Selection
from generator.model import OutputFile
from generator.render.theme import Theme
from generator.settings_file import Paths
from generator.speed import fingerprint
from generator.speed.cache import Store
from generator.speed.deps import Plan
from generator.speed.pagerows import NO_VALUES, PageRows, Row, Stat
from generator.speed.resave import resave
from generator.speed.store import Database
from generator.write import spare
from generator.write.manifest import Stats, stats_ahead
from generator.write.search import BUNDLE
from generator.write.spare import Kept
from generator.write.target import MARKER


def snapshot(walk: Callable[[], Stats]) -> Stats:
    """Size, modification time and inode of every regular file under the output; and the
    relative path of every file and symlink there (what `write_site` keeps of others'):
    the result of `walk` (manifest.stats_under, or stats_ahead's), none when unreadable;
    stats only of the names the state can hold (`storable`)."""
    try:
        stats, listing = walk()
    except OSError:
        return {}, []
    if storable("\0".join(stats)):  # (one look at every name: they mostly are)
        return stats, listing
    return {name: st for name, st in stats.items() if storable(name)}, listing


def storable(name: str) -> bool:
    """Whether the state database can hold the file name `name`: SQLite's text is UTF-8, and
    a name made of other bytes (decoded with surrogates) is not. Such a file is always
    someone else's: it is kept in the output, listed, but its stats are not followed."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Written(dict[str, Stat]):
    """`after_writing`'s stats, by path; `looked`: the paths whose stat was taken again
    (every other one has the stat the last build recorded)."""

    looked: set[str]


def after_writing(
    before: dict[str, Stat], names: Iterable[str], fresh: Collection[str], output: Path
) -> Written:
    """`snapshot(output)` of the files a build wrote, without walking the folder: a file
    kept from the last site (a hard link) has the size, time and inode it had `before`;
    only those written anew are looked at."""
    found = Written()
    found.looked = set()
    folder = os.path.join(output, "")  # a str: no Path made per file
    for name in names:
        known = before.get(name) if name not in fresh else None
        if known is not None:  # (a name the state held: storable)
            found[name] = known
            continue
        if not storable(name):
            continue
        found.looked.add(name)
        try:
            st = os.lstat(folder + name)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            found[name] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


@dataclass(slots=True)
class PageState:
    """The per-output part of the build state: page fingerprints and the files as written
    (rows of the state database, generator.speed.pagerows; None with `--no-cache`)."""

    rows: PageRows | None
    spare: Path | None  # where the replaced site is kept (generator.write.spare)
    written: dict[str, Stat]  # the output as the last build left it
    found: dict[str, Stat]  # the output as it is (`now`), once walked
    plan: Plan | None = None  # the last build's dependency index (generator.speed.deps)
    listed: list[str] | None = None  # `listing`, once walked
    kept: Kept | None = None  # the site kept in the cache (generator.write.spare)
    prints: dict[str, str] | None = None  # every fingerprint, once `all_prints` read them
    walk: Callable[[], Stats] | None = None  # the output's walk, made meanwhile (`snapshot`)
    walked: bool = False  # whether the output is a folder, to be walked

    @property
    def now(self) -> dict[str, Stat]:
        """Size, modification time and inode of each regular file in the output as it was
        at the start of the build (waiting for its walk, made meanwhile)."""
        self._walked()
        return self.found

    @property
    def listing(self) -> list[str] | None:
        """Every file and symlink in the output (None: not walked)."""
        self._walked()
        return self.listed

    def walk_done(self) -> None:
        """Wait for the output's walk (made meanwhile by a child process), if not yet."""
        self._walked()

    def _walked(self) -> None:
        walk, self.walk = self.walk, None  # waited for once: not again after a Ctrl-C there
        if walk is not None:
            self.found, listing = snapshot(walk)
            self.listed = listing if self.walked else None

    def record(self, key: str) -> Any:
        return self.rows.record(key) if self.rows is not None else None

    def all_prints(self) -> dict[str, str]:
        """The fingerprint of every page and feed the last build made (read once)."""
        if self.prints is None:
            self.prints = self.rows.prints() if self.rows is not None and self.written else {}
        return self.prints

    def print_of(self, path: str) -> str | None:
        """The fingerprint of one page or feed, read by its key."""
        if self.prints is not None or self.rows is None or not self.written:
            return self.all_prints().get(path)
        row = self.rows.rows([path])[path]
        return row.print if row is not None else None


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
        _bytes_of(settings.logo),  # the logo's size is in every page's structured data
    )
    if directory is None:
        return PageState(None, None, {}, {})
    space = f"output-{fingerprint.of_bytes(output.encode())[:16]}"
    rows = PageRows.open(Database(directory), space, environment)
    written = rows.stats()
    if written and not wrote_last(paths.output, written):
        rows.valid = False  # another build wrote the output since: its rows read as empty
        written = {}
    state = PageState(rows, directory / f"{space}.site", written, {})
    if not written:
        return state
    state.walked = paths.output.is_dir()
    if state.walked:
        state.walk = stats_ahead(paths.output, written)  # while the articles are read
    feeds = rows.record("feeds")
    if isinstance(feeds, list) and all(isinstance(f, str) for f in feeds):
        state.plan = Plan(feeds, rows)  # its digests and pages read when asked for
    state.kept = spare.from_record(rows.record("spare"))
    return state


def _bytes_of(path: str) -> bytes:
    try:
        return Path(path).read_bytes() if path else b""
    except OSError:
        return b"unreadable"


def wrote_last(output: Path, written: Mapping[str, Stat]) -> bool:
    """Whether the output's marker file is the one this state's last build wrote (its
    size, modification time and inode): every build, with or without the cache or with
    another cache, writes a new one, so a site written by another build since (`--no-cache`,
    `--cache-dir`) is never taken for ours: neither its pages nor the site kept in the cache."""
    before = written.get(MARKER)
    try:
        st = os.lstat(output / MARKER)
    except OSError:
        return False
    return before is not None and (st.st_size, st.st_mtime_ns, st.st_ino) == before


def remember(
    state: PageState,
    index: Plan | None,
    values: Mapping[str, Row],
    digests: Mapping[str, tuple[str, str]],
    files: dict[str, Stat],
    records: Mapping[str, Any],
    order: Sequence[str] | None = None,
) -> None:
    """Save this build's page state: `values` of the pages and feeds fingerprinted (each
    with its reads), the articles' `digests`, the `files` written with their stats, and
    JSON `records`. With `index` (the plan came from it: the same pages, the same
    articles) only the rows that changed are written; without, with `order` (every
    page's path in the site's order) the rows that differ from the last build's
    (generator.speed.resave), else the whole space anew."""
    rows = state.rows
    if rows is None:
        return
    if index is None or not rows.valid:
        readers: dict[str, list[str]] = {source: [] for source in digests}
        sources = getattr(values, "sources", None)  # plan.Values: without the JSON
        for path in values:
            read = sources(path) if sources else json.loads(values[path].reads or "[]")
            for source in read:
                readers.setdefault(source, []).append(path)
        pairs = {s: (*digests.get(s, ("", "")), paths) for s, paths in readers.items()}
        # resave: only the rows that differ from sound saved rows, unless the order moved
        resaved = (
            order is not None
            and rows.valid
            and bool(state.written)
            and resave(rows, order, values, files, pairs)
        )
        if not resaved:
            _rewrite(rows, values, files, pairs)
    elif not _patch(rows, index, values, digests):
        rows.clear()  # a damaged row: the next build plans every page
    else:
        # Only the files looked at again can differ from the state (but when the output
        # was touched since the last build: the stats taken of it then are kept).
        same = isinstance(files, Written) and state.now == state.written
        looked = files.looked if isinstance(files, Written) and same else files.keys()
        fresh = {p: files[p] for p in looked if p in files and state.written.get(p) != files[p]}
        rows.put_stats(fresh, [p for p in state.written if p not in files])
    for key, value in records.items():
        rows.put_record(key, value)
    rows.database.commit()
    rows.database.close()
    if rows.database.path is not None:  # the JSON file older versions kept the page state in
        with contextlib.suppress(OSError):
            rows.database.path.with_name(f"{rows.space}.json").unlink(missing_ok=True)


def _rewrite(
    rows: PageRows,
    values: Mapping[str, Row],
    files: dict[str, Stat],
    readers: Mapping[str, tuple[str, str, list[str]]],
) -> None:
    """Queue the whole space anew: every file's row, every page's values, every reader."""
    rows.clear()
    # Queued as generators, read by the commit one row at a time.
    rows.put_pages((p, values.get(p, NO_VALUES), s) for p, s in files.items())
    # (each row made only for a path not written: `items` would make every one)
    rows.put_values((p, values[p]) for p in values if p not in files)
    rows.put_readers(readers.items())


def _patch(
    rows: PageRows,
    index: Plan,
    values: Mapping[str, Row],
    digests: Mapping[str, tuple[str, str]],
) -> bool:
    """Queue the rows a plan from `index` changed: the pages and feeds made again (their
    reads moved in the readers' rows too) and the changed articles' digests."""
    old = rows.rows(values)
    added: dict[str, set[str]] = {}
    removed: dict[str, set[str]] = {}
    for path, row in values.items():
        was = old.get(path)
        before = set(json.loads(was.reads)) if was is not None and was.reads else set()
        now = set(json.loads(row.reads or "[]"))
        for source in now - before:
            added.setdefault(source, set()).add(path)
        for source in before - now:  # (a damaged old row: nothing removed, which is safe)
            removed.setdefault(source, set()).add(path)
    if index.differing is not None and digests is index.compared:
        touched = set(index.differing)  # the plan compared these very digests
    else:
        touched = {s for s, pair in digests.items() if index.articles.get(s) != pair}
    touched |= added.keys() | removed.keys()
    found = rows.readers(touched)
    if found is None:
        return False
    rows.put_readers(
        [
            (
                source,
                (
                    *digests.get(source, (whole, place)),
                    sorted((set(paths) - removed.get(source, set())) | added.get(source, set())),
                ),
            )
            for source, (whole, place, paths) in found.items()
        ]
    )
    rows.put_values(
        [
            (
                path,
                Row(
                    was.ordinal if was is not None else None,
                    was.family if was is not None else None,
                    row.print,
                    row.reads,
                ),
            )
            for path, row in values.items()
            for was in (old.get(path),)
        ]
    )
    return True


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
    feed_files: list[OutputFile],
    kept: set[str],
    output: Path,
    before: object,
    made: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """SHA-256 of each feed's bytes (RSS, Atom, JSON Feed; not OPML) as written now;
    `made`: those of the feeds made, taken as they were written (their bytes then gone)."""
    old = before if isinstance(before, dict) else {}
    digests = {}
    for feed in feed_files:
        if not feed.path.endswith((".xml", ".json")):
            continue
        if feed.path in kept:  # not regenerated: the bytes are those already in the output
            known = old.get(feed.path)
            digests[feed.path] = (
                known
                if isinstance(known, str)
                else fingerprint.feed_digest((output / feed.path).read_bytes())
            )
        elif made is not None and feed.path in made:
            digests[feed.path] = made[feed.path]
        else:
            digests[feed.path] = fingerprint.feed_digest(feed.data)
    return digests
