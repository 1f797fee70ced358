"""This build's article bodies out of memory: a scratch SQLite file, read back per page and feed.

The build command converts every published article's Markdown (or takes its HTML from the
build cache) and puts both texts here as they come, in batches; the articles it indexes
and renders then carry neither (`body` and `body_html` empty), so a site of 100,000
articles does not hold 100,000 bodies, nor do the worker processes forked from it. What
shows a body reads it back by the article's source: the article's page (the worker that
renders it), the feeds listing it, the check of its links (`filled`). Each body's digest
stays in memory, for the dependency index (generator.speed.deps.digests). The build
cache's new records and bodies wait here too until the cache is saved (`put_record`,
generator.speed.articles), instead of in memory.

The file is private to the build (a temporary folder, in the build cache's folder when
there is one, so it is on the same disk as the cache) and removed when the build ends (one
a killed build left is removed by the next); it is written by the build's own process
only, and each process reads it with its own connection (never one opened before a fork).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from generator.model import Article, with_values
from generator.render.site_links import may_link
from generator.speed.articles import ArticleCache
from generator.speed.deps import body_digest

_BATCH = 256  # bodies written per transaction


class Bodies:
    """Body Markdown and HTML by article source, in a scratch database under `directory`
    (None: the system's temporary folder). `close` removes it."""

    def __init__(self, directory: Path | None = None) -> None:
        self.folder = _scratch_folder(directory)
        self.path = self.folder / "bodies.sqlite"
        self.digests: dict[str, str] = {}  # source -> body_digest of its Markdown and HTML
        self.linked: set[str] = set()  # sources whose HTML may link to a site path
        self._pending: list[tuple[str, str, str]] = []
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        connection = self._connected()
        connection.execute(
            "CREATE TABLE bodies (source TEXT PRIMARY KEY, markdown TEXT, html TEXT)"
        )
        connection.execute("CREATE TABLE records (source TEXT PRIMARY KEY, record TEXT)")
        self._records: list[tuple[str, str]] = []

    def _connected(self) -> sqlite3.Connection:
        """This process's connection (a forked worker opens its own)."""
        if self._connection is None or self._pid != os.getpid():
            self._connection = sqlite3.connect(self.path, isolation_level=None)
            self._connection.execute("PRAGMA journal_mode = OFF")
            self._connection.execute("PRAGMA synchronous = OFF")
            self._pid = os.getpid()
        return self._connection

    def put(self, article: Article, html: str) -> None:
        """Keep the article's Markdown (`article.body`) and its HTML."""
        self.digests[article.source] = body_digest(article.body, html)
        if may_link(html):
            self.linked.add(article.source)
        self._pending.append((article.source, article.body, html))
        if len(self._pending) >= _BATCH:
            self.flush()

    def put_record(self, source: str, record: str) -> None:
        """Keep an article's record for the build cache (speed.articles), until it is saved."""
        self._records.append((source, record))
        if len(self._records) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what `put` and `put_record` queued (before workers fork: they read the file)."""
        if not self._pending and not self._records:
            return
        connection = self._connected()
        connection.execute("BEGIN")
        connection.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?)", self._pending)
        connection.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)", self._records)
        connection.execute("COMMIT")
        self._pending, self._records = [], []

    def record(self, source: str) -> str:
        """The record `put_record` kept for `source`; KeyError when there is none."""
        self.flush()
        row = (
            self._connected()
            .execute("SELECT record FROM records WHERE source = ?", (source,))
            .fetchone()
        )
        if row is None:
            raise KeyError(source)
        return str(row[0])

    def texts(self, source: str) -> tuple[str, str]:
        """(Markdown, HTML) of the article at `source`; KeyError when it was never put."""
        if self._pending:
            self.flush()
        row = (
            self._connected()
            .execute("SELECT markdown, html FROM bodies WHERE source = ?", (source,))
            .fetchone()
        )
        if row is None:
            raise KeyError(source)
        return row[0], row[1]

    def html(self, source: str) -> str:
        """The HTML of the article at `source` (`texts`)."""
        return self.texts(source)[1]

    def filled(self, article: Article) -> Article:
        """The article with its Markdown and HTML, as the Markdown step made them; an
        article that carries its body already is returned as it is."""
        if article.body or article.body_html or article.source not in self.digests:
            return article
        markdown, html = self.texts(article.source)
        return with_values(article, body=markdown, body_html=html)

    def linking(self, articles: Iterable[Article]) -> list[Article]:
        """Those of `articles` whose HTML may link to a path of the site, with their bodies
        (for render.site_links, which checks only those)."""
        return [self.filled(a) for a in articles if a.source in self.linked]

    def __enter__(self) -> Bodies:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection and remove the scratch file."""
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None
        shutil.rmtree(self.folder, ignore_errors=True)


def _scratch_folder(directory: Path | None) -> Path:
    """A new folder in `directory`, or in the system's temporary folder when there is none
    or it cannot be written (a read-only cache folder, a file in its place)."""
    prefix = f"bodies-{os.getpid()}-"
    if directory is not None:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            _sweep(directory)
            return Path(tempfile.mkdtemp(prefix=prefix, dir=directory))
        except OSError:
            pass
    return Path(tempfile.mkdtemp(prefix=prefix))


def _sweep(directory: Path) -> None:
    """Remove the scratch folders that killed builds left in `directory` (their process
    is gone)."""
    for folder in directory.glob("bodies-*-*"):
        try:
            os.kill(int(folder.name.split("-")[1]), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (ValueError, OSError):
            continue


def without_markdown(
    published: list[Article], articles: list[Article], cache: ArticleCache | None = None
) -> tuple[list[Article], list[Article]]:
    """The published articles (converted, their Markdown in the store) and every article
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
