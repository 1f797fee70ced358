"""The published articles' body HTML out of memory: read back per page and feed, by source.

The build command converts the published articles' Markdown or keeps their bodies from the
build cache; the articles it indexes and renders then carry no body (`body` and
`body_html` empty), so a site of 100,000 articles does not hold 100,000 bodies, nor do the
worker processes forked from it. A body made in this build goes into a scratch SQLite
file, in batches (`made`); a kept one stays where it is, in the build state database
(generator.speed.articles: `kept` only notes it, its HTML is not read). What shows a body
reads its HTML back by the article's source (`html`, `filled`): the article's page (the
worker that renders it), the feeds listing it, the check of its links. A kept body's HTML
is checked against the checksum its state row holds as it is read; when the row is gone or
damaged (the cache broke, or another build replaced it meanwhile), the article is
converted again there and then (`remake`), so a broken cache never shows in a page.

Each body's digest (for the dependency index, generator.speed.deps.digests) and whether
it may link to a path of the site are in memory; for a kept body they come from its state
row. The build cache's new records and bodies wait in the scratch file too until the cache
is saved (`put_record`, generator.speed.articles), instead of in memory. The Markdown is
not kept: what needs it after conversion (the line of a broken link) reads it from the
article's file (generator.speed.articles.filled).

The scratch file is private to the build (a temporary folder, in the build cache's folder
when there is one, so it is on the same disk as the cache) and removed when the build ends
(one a killed build left, there or in the system's temporary folder, is removed by the
next: generator.scratch); it is written by the build's own
process only. Each process reads the scratch and the state database with its own
connections (never one opened before a fork); `release` closes this process's connection
to the state database before the cache writes it (generator.speed.articles.save).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from generator import scratch
from generator.model import Article, with_values
from generator.speed.articles import ArticleCache
from generator.speed.bodyrows import HTML_QUERY, checked_html

_BATCH = 256  # bodies written per transaction
_SPILLED = {  # `spilled`'s query of each table
    "records": "SELECT source, record FROM records",
    "metas": "SELECT source, key, meta FROM metas",
    "bodies": "SELECT source, html FROM bodies",
}


class _ScratchFile:
    """The build's scratch SQLite file, private to it: the bodies made in this build, and
    the build cache's new records and body rows until the cache is saved, written in
    batches (`flush`) by the build's process; each process reads it with its own connection."""

    def __init__(self, directory: Path | None = None) -> None:
        self.folder = _scratch_folder(directory)
        self.path = self.folder / "bodies.sqlite"
        self.digests: dict[str, str] = {}  # source -> body_digest of its Markdown and HTML
        self.linked: set[str] = set()  # sources whose HTML may link to a site path
        self.made_here: set[str] = set()  # sources whose body is in the scratch file
        self.state: Path | None = None  # the state database holding the kept bodies
        # Converts an article again (its Markdown read from its file) -> its body HTML.
        self.remake: Callable[[Article], str] | None = None
        self._remade: dict[str, str] = {}
        self._pending: list[tuple[str, str]] = []
        self._records: list[tuple[str, str]] = []
        self._metas: list[tuple[str, str, str]] = []
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._state: tuple[sqlite3.Connection, int] | None = None
        connection = self._connected()
        connection.execute("CREATE TABLE bodies (source TEXT PRIMARY KEY, html TEXT)")
        connection.execute("CREATE TABLE records (source TEXT PRIMARY KEY, record TEXT)")
        connection.execute("CREATE TABLE metas (source TEXT PRIMARY KEY, key TEXT, meta TEXT)")

    def _connected(self) -> sqlite3.Connection:
        """This process's connection (a forked worker opens its own). A worker only
        reads, after the build's process has written everything (`flush` before the fork):
        its connection keeps its shared lock from the first read on (SQLite's exclusive
        locking mode), instead of taking and dropping it, and looking for a journal file,
        at each of the thousands of bodies it reads. A write meanwhile would wait for the
        workers and fail ("database is locked"), never read half-written."""
        if self._connection is None or self._pid != os.getpid():
            self._connection = sqlite3.connect(self.path, isolation_level=None)
            self._connection.execute("PRAGMA journal_mode = OFF")
            self._connection.execute("PRAGMA synchronous = OFF")
            if self._pid:  # a worker's
                self._connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            self._pid = os.getpid()
        return self._connection

    def put_record(self, source: str, record: str) -> None:
        """Keep an article's record for the build cache (speed.articles), until it is saved."""
        self._records.append((source, record))
        if len(self._records) >= _BATCH:
            self.flush()

    def put_meta(self, source: str, key: str, meta: str) -> None:
        """Keep a new body's `bodies` row (its key and meta) for the build cache, until it
        is saved."""
        self._metas.append((source, key, meta))
        if len(self._metas) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what `made`, `put_record` and `put_meta` queued (before workers fork: they
        read the file)."""
        if not self._pending and not self._records and not self._metas:
            return
        connection = self._connected()
        connection.execute("BEGIN")
        connection.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?)", self._pending)
        connection.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)", self._records)
        connection.executemany("INSERT OR REPLACE INTO metas VALUES (?, ?, ?)", self._metas)
        connection.execute("COMMIT")
        self._pending, self._records, self._metas = [], [], []

    def _scratch(self, sql: str, source: str) -> str:
        self.flush()
        row = self._connected().execute(sql, (source,)).fetchone()
        if row is None:
            raise KeyError(source)
        return str(row[0])

    def spilled(self, table: str) -> Iterator[tuple[str, ...]]:
        """Every row kept in `table`, in one scan: 'records' (source, record: `put_record`),
        'metas' (source, key, meta: `put_meta`) or 'bodies' (source, html: `made`). Saving
        the build cache reads them so, not by a query per article (3,000 at 1,000 articles)."""
        self.flush()
        yield from self._connected().execute(_SPILLED[table])


class Bodies(_ScratchFile):
    """Body HTML by article source: made in this build (a scratch database under
    `directory`; None: the system's temporary folder) or kept in the build state database
    (`state`). `close` removes the scratch."""

    def made(self, source: str, html: str, digest: str, linked: bool) -> None:
        """Keep the HTML of a body made in this build (`digest`: deps.body_digest of its
        Markdown and HTML; `linked`: whether it may link to a site path)."""
        self.kept(source, digest, linked)
        self.made_here.add(source)
        self._pending.append((source, html))
        if len(self._pending) >= _BATCH:
            self.flush()

    def kept(self, source: str, digest: str, linked: bool) -> None:
        """Note a body kept in the state database (its HTML stays there)."""
        self.digests[source] = digest
        if linked:
            self.linked.add(source)

    def html(self, source: str, article: Article | None = None) -> str:
        """The body HTML of the article at `source`: made in this build, else kept in the
        state database (checked), else `article` converted again; KeyError when none."""
        if source in self.made_here:
            return self._scratch("SELECT html FROM bodies WHERE source = ?", source)
        found = self._remade.get(source) or self._kept_html(source)
        if found is None:
            if article is None or self.remake is None:
                raise KeyError(source)
            found = self._remade[source] = self.remake(article)
        return found

    def _kept_html(self, source: str) -> str | None:
        """The HTML the state database keeps for `source`, when it is the one checked."""
        if self.state is None or source not in self.digests:
            return None
        try:
            rows = self._kept_rows(self.state, source)
        except sqlite3.Error:  # gone, malformed: convert the article again
            return None
        return checked_html(rows[0] if rows else None, source, self.digests[source])

    def _kept_rows(self, state: Path, source: str) -> list[tuple[Any, ...]]:
        """`HTML_QUERY`'s rows for `source` in `state`, read through one read-only connection
        per process. Raises sqlite3.Error when the database is gone or malformed."""
        if self._state is None or self._state[1] != os.getpid():
            connection = sqlite3.connect(state, timeout=30, isolation_level=None)
            connection.execute("PRAGMA query_only = ON")
            self._state = (connection, os.getpid())
        return self._state[0].execute(HTML_QUERY, (source,)).fetchall()

    def had_ids(self, source: str) -> bool:
        """Whether the body the last build kept for `source` had an id (a heading's, a
        footnote's) another story's link may name; True when that cannot be read, False
        when the last build kept no body for it (a new story)."""
        if self.state is None:
            return source in self.digests
        try:
            rows = self._kept_rows(self.state, source)
        except sqlite3.Error:
            return True
        return bool(rows) and (not isinstance(rows[0][0], str) or 'id="' in rows[0][0])

    def release(self) -> None:
        """Close this process's connection to the state database (before it is saved)."""
        if self._state is not None and self._state[1] == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._state[0].close()
        self._state = None

    def filled(self, article: Article) -> Article:
        """The article with its body HTML; one that carries its body already, or whose
        body was not made or kept here, is returned as it is."""
        if article.body or article.body_html or article.source not in self.digests:
            return article
        return with_values(article, body_html=self.html(article.source, article))

    def linking(self, articles: Iterable[Article]) -> list[Article]:
        """Those of `articles` whose HTML may link to a path of the site, with their bodies
        (for render.site_links, which checks only those)."""
        return [self.filled(a) for a in articles if a.source in self.linked]

    def __enter__(self) -> Bodies:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections and remove the scratch file."""
        self.release()
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None
        shutil.rmtree(self.folder, ignore_errors=True)


def _scratch_folder(directory: Path | None) -> Path:
    """A new folder in `directory`, or in the system's temporary folder when there is none
    or it cannot be written (a read-only cache folder, a file in its place); the ones
    killed builds left in either are removed first (generator.scratch)."""
    if directory is not None:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            return scratch.folder("bodies", directory)
        except OSError:
            pass
    return scratch.folder("bodies")


def without_markdown(
    published: list[Article], articles: list[Article], cache: ArticleCache | None = None
) -> tuple[list[Article], list[Article]]:
    """The published articles (converted, their HTML in the store) and every article
    loaded (the published ones as converted), none holding its Markdown any longer; the
    build cache's articles as loaded (`loaded`, for the dependency index) too."""
    published = [with_values(a, body="") if a.body else a for a in published]
    converted = {a.source: a for a in published}
    stripped = [
        converted.get(a.source) or (with_values(a, body="") if a.body else a) for a in articles
    ]
    if cache is not None:
        cache.settle_loaded(articles, stripped)
    return published, stripped
