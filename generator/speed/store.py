"""The build state on disk: one SQLite database, `.newsdigest-cache/state.sqlite`.

Tables (keyed by text; all WITHOUT ROWID but `body_html`, whose rows are large):

- `spaces(name, environment)`: the environment key each part of the state was made in
  (the generator's code, the settings the step reads, the theme, the format). A part
  opened with another key reads as empty and is cleared when it is next saved.
- `files(source, size, mtime_ns, ctime_ns, ino, recorded_ns, digest)`: each article
  file's `stat` as the last build saw it, when (`recorded_ns`) and its content digest.
- `articles(source, digest, record, sum)`: the validated article with its warnings, as
  JSON (never pickle: a cache restored in CI must not be able to run code).
- `bodies(source, body_key, meta, sum)`: what a body was made from and what the site needs of
  it without its HTML: the links and pictures it used, its summary, its digest, whether it
  may link to a site path, and the checksum of its HTML (`meta`, JSON).
- `body_html(source, html)`: the body HTML, apart, so the check of every body reads small
  rows only; read per page that shows it, against the checksum in `bodies`.
- `records(space, key, value, sum)`: other JSON records by key, of an output folder's
  page state (generator.speed.pagerows: `PageRows.record`, `put_record`).
- `pages`, `readers`: the page state and dependency index of each output folder, by
  page path and by article (generator.speed.pagerows). Three indexes cover what a
  rebuild reads of every row (each file's stat, the pages' order, each article's
  digests), so those reads do not pass over the large rows' JSON: a third of the time.

Each row carries `sum`, a CRC-32 of its key and values, checked when it is read: a row
that fails it is a miss. A file that is not a database, or that SQLite finds malformed
at any point, is deleted and the build goes on as with no cache; what it learns is saved
into a new file. The database runs in WAL mode and each build saves in one transaction
(`BEGIN IMMEDIATE`, waiting up to 30 s for another build's), so builds of the same site
at the same time never see or leave a half-written state. A new database is made beside
the old one and moved in whole, one build at a time (flock on `state.sqlite.lock`); a
build that then finds a good database another build just made saves into it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

FORMAT = 4  # PRAGMA user_version of the schema below
FILENAME = "state.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS spaces (name TEXT PRIMARY KEY, environment TEXT NOT NULL)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (source TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,
    ctime_ns INTEGER, ino INTEGER, recorded_ns INTEGER, digest TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (source TEXT PRIMARY KEY, digest TEXT, record TEXT,
    sum BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bodies (source TEXT PRIMARY KEY, body_key TEXT, meta TEXT,
    sum BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS body_html (source TEXT PRIMARY KEY, html TEXT);
CREATE TABLE IF NOT EXISTS records (space TEXT, key TEXT, value TEXT, sum BLOB,
    PRIMARY KEY (space, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pages (space TEXT, path TEXT, ordinal INTEGER, family TEXT,
    print TEXT, reads TEXT, size INTEGER, mtime_ns INTEGER, ino INTEGER, sum BLOB,
    PRIMARY KEY (space, path)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS readers (space TEXT, source TEXT, whole TEXT, place TEXT,
    paths TEXT, sum BLOB, PRIMARY KEY (space, source)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pages_stats ON pages (space, size, mtime_ns, ino);
CREATE INDEX IF NOT EXISTS pages_order ON pages (space, ordinal);
CREATE INDEX IF NOT EXISTS readers_digests ON readers (space, whole, place);
"""
# the article cache's tables, keyed by source
_BY_SOURCE = ("files", "articles", "bodies", "body_html")
_SALVAGED = ("articles", "bodies")  # the spaces of generator.speed.articles (SPACE, BODY_SPACE)


_LENGTH = struct.Struct("<Q").pack  # a part's length, 8 bytes little-endian
_CRC32 = zlib.crc32


def checksum(*parts: str) -> bytes:
    """CRC-32 (zlib's, 4 bytes little-endian) of text parts, each length-prefixed: a row's
    `sum`. It is there to find a row damaged on disk or cut short (any burst of up to 32
    changed bits, and all but one in 4 billion others), as zip's, PNG's and ext4's own
    checksums are; about a third of BLAKE2b's time over a record (a rebuild checks two
    rows of every article). No sum guards against someone who can write the cache: they
    could write any sum, and nothing in a row is ever run (JSON values, never pickle)."""
    joined: list[bytes] = []  # each part's length, then its bytes: joined once, never concatenated
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        joined += (_LENGTH(len(data)), data)
    return _CRC32(b"".join(joined)).to_bytes(4, "little")


# json.dumps with these options makes a new encoder at every call (a third of its time
# for a page's short lists: 100,000 calls saving the state at 10,000 articles).
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(value: Any) -> str:
    """`value` as compact JSON, as json.dumps(value, ensure_ascii=False, separators=(",",
    ":")) writes it."""
    return _ENCODE(value)


class _Reads:
    """The state database opened on first use (`_connected`), and its reads, which never
    raise: a broken database reads as empty (`broken` is set)."""

    def __init__(self, directory: Path | None, read_only: bool = False) -> None:
        self.path = directory / FILENAME if directory is not None else None
        self.read_only = read_only
        self.broken = False
        self._connection: sqlite3.Connection | None = None
        self._inode: int | None = None  # of the file opened (or found unreadable)
        self._queue: list[tuple[str, Sequence[Any] | Iterable[Sequence[Any]], bool]] = []
        # The article files a build used: if the file turns out damaged, their rows that
        # can still be read are kept (`_salvage`).
        self.sources: Iterable[str] = ()

    def _connected(self) -> sqlite3.Connection | None:
        """The open connection; opened on first use, when the file exists."""
        if self._connection is None and self.path is not None and self.path.exists():
            self._inode = _inode(self.path)
            self._connection = _read_only(self.path) if self.read_only else self._open(self.path)
            self.broken = self._connection is None
        return self._connection

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection | None:
        try:
            connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        except sqlite3.Error:
            return None
        try:
            connection.execute("PRAGMA busy_timeout = 30000")
            if connection.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                connection.close()
                return None
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error:
            connection.close()
            return None
        return connection

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of a SELECT; none when there is no database or it is broken."""
        connection = self._connected()
        if connection is None or self.broken:
            return
        try:
            yield from connection.execute(sql, parameters)
        except sqlite3.Error:  # malformed, truncated, not a database
            self.broken = True

    def batches(self, sql: str, size: int = 2048) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of a SELECT, `size` at a time (`fetchmany`: one step of this generator
        a batch, not a row, and never every large row in memory at once); none when there
        is no database or it is broken."""
        connection = self._connected()
        if connection is None or self.broken:
            return
        try:
            cursor = connection.execute(sql)
            while rows := cursor.fetchmany(size):
                yield rows
        except sqlite3.Error:  # malformed, truncated, not a database
            self.broken = True

    def all(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Every row of a SELECT at once (`fetchall`: no step per row, for the large reads
        of a rebuild); none when there is no database or it is broken."""
        connection = self._connected()
        if connection is None or self.broken:
            return []
        try:
            rows: list[tuple[Any, ...]] = connection.execute(sql, parameters).fetchall()
        except sqlite3.Error:  # malformed, truncated, not a database
            self.broken = True
            return []
        return rows

    def one(self, sql: str, parameters: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        """The first row of a SELECT, or None (as `query`)."""
        connection = self._connected()
        if connection is None or self.broken:
            return None
        try:
            row: tuple[Any, ...] | None = connection.execute(sql, parameters).fetchone()
        except sqlite3.Error:  # malformed, truncated, not a database
            self.broken = True
            return None
        return row

    def environment(self, space: str) -> str | None:
        found = self.one("SELECT environment FROM spaces WHERE name = ?", (space,))
        return found[0] if found and isinstance(found[0], str) else None

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None


class Database(_Reads):
    """The state database in `directory`, or nothing (`directory` None: `--no-cache`).

    Reads never raise: a broken database reads as empty (`broken` is set). Writes are
    queued with `write` and made by `commit` in one transaction; `read_only` (`check`):
    opened as an immutable file (SQLite's URI `immutable=1`: no lock, no -wal or -shm
    file made, nothing in the folder touched) and every write dropped.
    """

    def write(self, sql: str, parameters: Sequence[Any] = ()) -> None:
        self._queue.append((sql, parameters, False))

    def write_many(self, sql: str, rows: Iterable[Sequence[Any]], lazy: bool = False) -> None:
        """Queue `sql` for each row; `lazy`: the rows are read only by `commit`, one at a
        time (many large rows are then never all in memory at once)."""
        self._queue.append((sql, rows if lazy else list(rows), True))

    def commit(self) -> None:
        """Make the queued writes in one transaction; a database that cannot be written
        is skipped (the next build starts without it), a broken one is made anew."""
        queue, self._queue = self._queue, []
        if self.path is None or not queue or self.read_only:
            return
        with contextlib.suppress(sqlite3.Error, OSError):
            if self._connected() is None or self.broken:
                self._recreate()
            connection = self._connection
            assert connection is not None
            connection.execute("BEGIN IMMEDIATE")
            try:
                for sql, parameters, many in queue:
                    if many:
                        connection.executemany(sql, parameters)
                    else:
                        connection.execute(sql, parameters)  # type: ignore[arg-type]
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise

    def _recreate(self) -> None:
        """A new database in place of the broken one (or of none), with the article cache's
        rows of the old one that SQLite can still read (a damaged row fails its `sum` when
        next read). Builds of the same site take turns here (a lock file beside it); one
        that finds a good database made meanwhile by another build uses it instead, and
        the new file is made aside and moved in whole, so no build ever opens half of it."""
        assert self.path is not None
        path, seen = self.path, self._inode
        self.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        with _turn(path.with_name(path.name + ".lock")):
            now = _inode(path)
            found = self._open(path) if now is not None and now != seen else None
            if found is None:
                _replace(path, self.sources)
                now, found = _inode(path), self._open(path)
            if found is None:
                raise sqlite3.DatabaseError(f"{path} cannot be made")
            self._connection, self.broken, self._inode = found, False, now

    def clear(self, space: str, environment: str, tables: Sequence[str]) -> None:
        """Queue: empty `tables` (the article cache's, `_BY_SOURCE`) and record
        `environment` for `space` (an output folder's rows: pagerows.PageRows.clear)."""
        for table in tables:
            if table not in _BY_SOURCE:
                raise ValueError(table)
            self.write(f"DELETE FROM {table}")  # noqa: S608 (a known table name)
        self.write("INSERT OR REPLACE INTO spaces VALUES (?, ?)", (space, environment))


def _read_only(path: Path) -> sqlite3.Connection | None:
    """`path` opened to read only, touching nothing on disk (what a running build has
    not folded back from its -wal file yet is not seen: rows are checked by their sums,
    and a record missed is only work done again)."""
    try:
        uri = f"{path.absolute().as_uri()}?immutable=1"
        connection = sqlite3.connect(uri, uri=True, isolation_level=None)
        if connection.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
            connection.close()
            return None
    except sqlite3.Error:
        return None
    return connection


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


@contextlib.contextmanager
def _turn(lock: Path) -> Iterator[None]:
    """Hold the lock file `lock` (flock; none where the system has no flock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover (Windows)
        yield
        return
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _replace(path: Path, sources: Iterable[str]) -> None:
    """Make a new, empty database beside `path` with the rows `_salvage` can read from
    the one at `path`, then put it in its place (the old one and its WAL removed)."""
    fresh = path.with_name(f"{path.name}.new-{os.getpid()}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    connection = sqlite3.connect(fresh, timeout=30, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.executescript(_SCHEMA)
        connection.execute(f"PRAGMA user_version = {FORMAT}")
        if path.exists():
            _salvage(path, connection, sources)
    finally:
        connection.close()  # the last connection out folds the WAL into the file
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(fresh, path)


def _salvage(old: Path, connection: sqlite3.Connection, sources: Iterable[str]) -> None:
    """Copy into `connection` the article cache's rows that SQLite can read in the
    database file `old`: each table scanned from both ends up to a damaged page, and the
    rows of the article files `sources` looked up one by one (the other parts of the
    state start empty). Nothing when `old` is not a database of this format."""
    source = Database._open(old) if old.exists() else None
    if source is None:
        return
    try:
        connection.execute("BEGIN")
        with contextlib.suppress(sqlite3.Error):
            for row in source.execute("SELECT * FROM spaces WHERE name IN (?, ?)", _SALVAGED):
                connection.execute("INSERT OR IGNORE INTO spaces VALUES (?, ?)", row)
        for table in _BY_SOURCE:
            for name in sources:
                with contextlib.suppress(sqlite3.Error):
                    row = source.execute(
                        f"SELECT * FROM {table} WHERE source = ?",  # noqa: S608 (known names)
                        (name,),
                    ).fetchone()
                    if row is not None:
                        marks = ", ".join("?" * len(row))
                        connection.execute(
                            f"INSERT OR IGNORE INTO {table} VALUES ({marks})",  # noqa: S608
                            row,
                        )
            for order in ("ASC", "DESC"):  # the rows on both sides of a damaged page
                with contextlib.suppress(sqlite3.Error):
                    rows = source.execute(
                        f"SELECT * FROM {table} ORDER BY source {order}"  # noqa: S608
                    )
                    marks = ", ".join("?" * len(rows.description))
                    connection.executemany(
                        f"INSERT OR IGNORE INTO {table} VALUES ({marks})",  # noqa: S608
                        rows,
                    )
        connection.execute("COMMIT")
    finally:
        source.close()
