"""The page state of one output folder as rows of the build-state database
(generator.speed.store): read by the keys a rebuild needs, saved where it changed.

Two tables, each row keyed by the output folder's *space* (`output-` and a digest of
its path, whose environment key is in `spaces`) and checksummed (`sum`, CRC-32):

- `pages(path, ordinal, family, print, reads, size, mtime_ns, ino)`: one row per file
  the last build wrote. A page has its place in the site's order (`ordinal`) and its
  family (render.pages.Family, JSON); a page or feed the fingerprint of its values
  (`print`) and the articles it read (`reads`, a JSON list of sources); every file its
  size, modification time and inode as written. The sum covers all but the file stats:
  a damaged stat can only make a file look touched, so its page is made again.
- `readers(source, whole, place, paths)`: per article, the dependency index's two
  digests (generator.speed.deps) and the pages and feeds that read it (JSON list). A
  damaged digest only makes an article look changed; a row whose `paths` are needed is
  checked against its sum, and one that fails makes the build plan every page.

`records(space, key, value, sum)` holds the rest (the feeds' order, the kept site, the
inputs of the last build) as JSON. A rebuild that plans from the index reads every
file's stat, every article's digests and the list of pages (no JSON, no sum: what is
damaged there fails safe), and by key only the rows of the changed articles and of the
pages it makes; it writes back only rows that changed. A build that plans every page
rewrites the whole space.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Self

from generator.speed.store import Database, checksum, dumps

Stat = tuple[int, int, int]  # size, st_mtime_ns, st_ino
_CHUNK = 500  # keys to a query


@dataclass(frozen=True, slots=True)
class Row:
    """A checked `pages` row's values (the stats apart)."""

    ordinal: int | float | None  # whole, or between two pages (generator.speed.resave)
    family: str | None  # JSON list
    print: str | None
    reads: str | None  # JSON list of sources


NO_VALUES = Row(None, None, None, None)  # a file written that is not a page fingerprinted


def page_sum(space: str, path: str, row: Row) -> bytes:
    """A `pages` row's sum: of its values, not its file's stat."""
    return checksum(space, path, repr((row.ordinal, row.family, row.print, row.reads)))


def reader_sum(space: str, source: str, whole: str, place: str, paths: str) -> bytes:
    """A `readers` row's sum."""
    return checksum(space, source, whole, place, paths)


def _chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(keys)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


@dataclass(slots=True)
class _PageReads:
    """One output folder's rows as read; `valid` False when they were made in another
    environment (then they read as empty and `save` replaces them all)."""

    database: Database
    space: str
    environment: str
    valid: bool = False
    rows_read: dict[str, Row | None] = field(default_factory=dict)

    @classmethod
    def open(cls, database: Database, space: str, environment: str) -> Self:
        return cls(database, space, environment, database.environment(space) == environment)

    def _query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if not self.valid:
            return []
        return self.database.all(sql, (self.space, *parameters))

    def stats(self) -> dict[str, Stat]:
        """Size, time and inode of every file the last build wrote, by path."""
        sql = "SELECT path, size, mtime_ns, ino FROM pages WHERE space = ? AND size IS NOT NULL"
        return {path: (size, mtime, ino) for path, size, mtime, ino in self._query(sql)}

    def page_paths(self) -> list[str]:
        """Every page's output path, in the site's order."""
        sql = "SELECT path FROM pages WHERE space = ? AND ordinal IS NOT NULL ORDER BY ordinal"
        return [path for (path,) in self._query(sql)]

    def digests(self) -> dict[str, tuple[str, str]]:
        """source -> (whole digest, placement digest) of every article (deps.Plan.articles)."""
        sql = "SELECT source, whole, place FROM readers WHERE space = ?"
        return {s: (w, p) for s, w, p in self._query(sql) if isinstance(w, str)}

    def ordinals(self) -> dict[str, int | float]:
        """Every page's place in the site's order (a number, not always whole), by path."""
        sql = "SELECT path, ordinal FROM pages WHERE space = ? AND ordinal IS NOT NULL"
        return dict(self._query(sql))

    def saved(self) -> Iterator[tuple[Any, ...]]:
        """Every `pages` row as saved, one at a time, unchecked: (path, ordinal, family,
        print, reads, size, mtime_ns, ino, sum)."""
        sql = "SELECT path, ordinal, family, print, reads, size, mtime_ns, ino, sum FROM pages"
        return (
            self.database.query(f"{sql} WHERE space = ?", (self.space,)) if self.valid else iter(())
        )

    def saved_readers(self) -> Iterator[tuple[Any, ...]]:
        """Every `readers` row as saved, one at a time, unchecked: (source, whole, place,
        paths, sum)."""
        sql = "SELECT source, whole, place, paths, sum FROM readers WHERE space = ?"
        return self.database.query(sql, (self.space,)) if self.valid else iter(())

    def rows(self, paths: Iterable[str]) -> dict[str, Row | None]:
        """The checked rows of `paths` (None: missing or failing its sum)."""
        paths = list(paths)
        wanted = [p for p in paths if p not in self.rows_read]
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT path, ordinal, family, print, reads, sum FROM pages"
                f" WHERE space = ? AND path IN ({marks})"  # noqa: S608 (placeholders only)
            )
            for path, ordinal, family, print_, reads, sum_ in self._query(sql, chunk):
                row = Row(ordinal, family, print_, reads)
                self.rows_read[path] = row if sum_ == page_sum(self.space, path, row) else None
        for path in wanted:
            self.rows_read.setdefault(path, None)
        return {path: self.rows_read[path] for path in paths}

    def prints(self) -> dict[str, str]:
        """Every checked fingerprint, by path (a build that plans every page)."""
        sql = "SELECT path, ordinal, family, print, reads, sum FROM pages WHERE space = ?"
        out = {}
        for path, ordinal, family, print_, reads, sum_ in self._query(sql):
            row = Row(ordinal, family, print_, reads)
            if print_ is not None and sum_ == page_sum(self.space, path, row):
                out[path] = print_
        return out

    def readers(self, sources: Iterable[str]) -> dict[str, tuple[str, str, list[str]]] | None:
        """(whole, place, paths) of each of `sources`; None when one is missing or damaged."""
        wanted = list(sources)
        found: dict[str, tuple[str, str, list[str]]] = {}
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT source, whole, place, paths, sum FROM readers"
                f" WHERE space = ? AND source IN ({marks})"  # noqa: S608 (placeholders only)
            )
            for source, whole, place, paths, sum_ in self._query(sql, chunk):
                if sum_ != reader_sum(self.space, source, whole, place, paths):
                    return None
                try:
                    listed = json.loads(paths)
                except ValueError:
                    return None
                found[source] = (whole, place, listed)
        return found if len(found) == len(set(wanted)) else None

    def record(self, key: str) -> Any:
        """A JSON record of this space (None: missing or damaged)."""
        sql = "SELECT value, sum FROM records WHERE space = ? AND key = ?"
        for value, sum_ in self._query(sql, (key,)):
            if sum_ == checksum(self.space, key, value):
                try:
                    return json.loads(value)
                except ValueError:
                    return None
        return None


class PageRows(_PageReads):
    """One output folder's rows, read (`_PageReads`) and saved: queued on the database,
    made in one transaction by `commit`."""

    __slots__ = ()

    def put_record(self, key: str, value: Any) -> None:
        text = dumps(value)
        self.database.write(
            "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
            (self.space, key, text, checksum(self.space, key, text)),
        )

    def clear(self) -> None:
        """Queue: forget every row of this space and claim it for this environment."""
        for table in ("pages", "readers", "records"):
            self.database.write(f"DELETE FROM {table} WHERE space = ?", (self.space,))  # noqa: S608
        self.database.write(
            "INSERT OR REPLACE INTO spaces VALUES (?, ?)", (self.space, self.environment)
        )

    def put_pages(self, rows: Iterable[tuple[str, Row, Stat | None]]) -> None:
        """Queue whole `pages` rows (path, values, stat), read one by one by the commit."""
        space = self.space
        self.database.write_many(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (space, path, row.ordinal, row.family, row.print, row.reads)
                + (stat or (None, None, None))
                + (page_sum(space, path, row),)
                for path, row, stat in rows
            ),
            lazy=True,
        )

    def put_values(self, rows: Iterable[tuple[str, Row]]) -> None:
        """Queue the values (path, row) of pages made again, their stats left as they are;
        read one by one by the commit."""
        space = self.space
        self.database.write_many(
            "INSERT INTO pages (space, path, ordinal, family, print, reads, sum)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (space, path) DO UPDATE SET"
            " ordinal = excluded.ordinal, family = excluded.family, print = excluded.print,"
            " reads = excluded.reads, sum = excluded.sum",
            (
                (space, path, row.ordinal, row.family, row.print, row.reads)
                + (page_sum(space, path, row),)
                for path, row in rows
            ),
            lazy=True,
        )

    def put_stats(self, stats: Mapping[str, Stat], gone: Iterable[str]) -> None:
        """Queue the stats of files written anew, and forget the files no longer there."""
        space = self.space
        self.database.write_many(
            "DELETE FROM pages WHERE space = ? AND path = ?", [(space, p) for p in gone]
        )
        self.database.write_many(
            "INSERT INTO pages (space, path, size, mtime_ns, ino, sum) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (space, path) DO UPDATE SET size = excluded.size,"
            " mtime_ns = excluded.mtime_ns, ino = excluded.ino",
            [
                (space, path, *stat, page_sum(space, path, NO_VALUES))
                for path, stat in stats.items()
            ],
        )

    def forget(self, paths: Iterable[str], sources: Iterable[str]) -> None:
        """Queue: remove the `pages` rows of `paths` and the `readers` rows of `sources`."""
        space = self.space
        sql = "DELETE FROM pages WHERE space = ? AND path = ?"
        self.database.write_many(sql, [(space, p) for p in paths])
        sql = "DELETE FROM readers WHERE space = ? AND source = ?"
        self.database.write_many(sql, [(space, s) for s in sources])

    def put_readers(self, rows: Iterable[tuple[str, tuple[str, str, list[str]]]]) -> None:
        """Queue `readers` rows (source, (digests, the paths reading it)), read one by one
        by the commit."""
        space = self.space
        values = (
            (space, source, whole, place, dumps(sorted(paths)))
            for source, (whole, place, paths) in rows
        )
        self.database.write_many(
            "INSERT OR REPLACE INTO readers VALUES (?, ?, ?, ?, ?, ?)",
            ((*v, reader_sum(*v)) for v in values),
            lazy=True,
        )
