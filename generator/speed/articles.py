"""Validated articles and body HTML from earlier builds, per article file, in the state database.

An article file whose `stat` is the one the last build recorded (generator.speed.changes)
is not read again: its validated record is loaded from the `articles` table. A file
whose stat differs is read and hashed; if its bytes are those of the record (a `touch`,
a checkout), the record is reused all the same. The records are read in one query, and
only rows that changed are written back. A record keeps the bylines the author registry
gave the article (`settle`), so an unchanged article and registry load as they were used.

A record holds no body Markdown: an article loaded from one has an empty `body` and its
source in `unread`; what needs the Markdown (converting it again, the line of a link)
reads it from the file (`markdown`), when its bytes are still those the record was made
from. A body's HTML is keyed on the file's content digest and the body's first line
(`body_key`), so an unchanged file finds its HTML without its Markdown. The files' side
(stats, content digests, pictures' stamps, the Markdown read back) is
generator.speed.sources.ArticleFiles; the records' is `_Records`; the bodies' ArticleCache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import Any

from generator import model
from generator.diagnostics import Diagnostic
from generator.speed import deps, names
from generator.speed.bodyrows import (
    HTML_QUERY,
    SCAN,
    Checked,
    Facts,
    Meta,
    Scratch,
    checked_ahead,
    checked_html,
    scanned,
)
from generator.speed.cache import BadEntry, decode_diagnostics, encode_diagnostics
from generator.speed.records import Shared, article_record, article_tail, head_of, record_text
from generator.speed.sources import BODY_SPACE, SPACE, ArticleFiles
from generator.speed.sources import markdown_of as markdown_of
from generator.speed.store import Database, checksum, dumps

_TABLES = ("files", "articles", "bodies", "body_html")
Hit = tuple[model.Article, list[Diagnostic]]
Read = tuple[model.Article, list[Diagnostic], list[int] | None, deps.Own]  # its image's
# stamp and the digests of what its file alone gives (made while it holds its Markdown)


class _Records(ArticleFiles):
    """The validated articles' records: read in one scan (`articles`), kept as read anew
    (`remember_article`, `settle`), handed to the scratch file (`spill`), saved as rows."""

    def __init__(
        self, database: Database, environment: str, content_dir: Path, body_environment: str
    ) -> None:
        super().__init__(database, environment, content_dir, body_environment)
        self.shared = Shared()
        self.loaded: dict[str, tuple[model.Article, deps.Own]] = {}  # hits, for deps.digests
        self.new_articles: dict[str, Read | None] = {}  # the files read anew
        # None: in the scratch (`spill`): not held until `save` nor by workers forked meanwhile
        self.scratch: Scratch | None = None
        self.previous: dict[str, tuple[str, str, bytes]] = {}  # rows of files now changed
        self.names_row: tuple[str, tuple[Any, ...]] | None = None  # speed.names.keep

    def articles(self, found: Sequence[tuple[Path, str]], limit: int) -> list[Hit | None]:
        """For each (path, source) of `found`: the validated article (without its body
        Markdown: `unread`) and its warnings from the last build, or None (a miss)."""
        digests = [self._digest(path, source, limit) for path, source in found]
        out: list[Hit | None] = [None] * len(found)
        if not self.valid:
            return out
        wanted = {s: i for i, ((_, s), d) in enumerate(zip(found, digests, strict=True)) if d}
        site_wide = names.saved_tags(self.database, self.environment)  # to decode with
        if site_wide is not None:
            self.shared.name_with(*site_wide)
        decoded = self._decoded
        for rows in self.database.batches("SELECT source, digest, record, sum FROM articles"):
            for source, digest, record, sum_ in rows:
                i = wanted.get(source)
                if (
                    i is not None
                    and digest == digests[i]
                    and sum_ == checksum(source, digest, record)
                ):
                    out[i] = decoded(source, record)
                elif i is not None:  # its names, for speed.names
                    self.previous[source] = (digest, record, sum_)
        return out

    def _decoded(self, source: str, text: str) -> Hit | None:
        try:
            record, tail = head_of(text)
            article = self.shared.article(record["a"], tail)
            problems = decode_diagnostics(record["p"]) if record["p"] != [] else []
        except (BadEntry, KeyError, TypeError, ValueError):
            return None
        if article.source != source:
            return None
        image = article.image
        if (
            image is not None
            and not image.is_remote
            and (not self._exists(image.src, source) or record.get("i") != self._stamp(image.src))
        ):
            return None
        own = record.get("d")
        if type(own) is not list or len(own) != 2:
            return None
        try:  # the digests of its Markdown too, which the article no longer carries
            self.loaded[source] = (article, (bytes.fromhex(own[0]), bytes.fromhex(own[1])))
        except (TypeError, ValueError):  # not two hex strings
            return None
        self.unread.add(source)
        return article, problems

    def with_markdown(self, hit: Hit | None) -> Hit | None:
        """A loaded article and its warnings, the article with its Markdown (`filled`);
        None when its file is no longer an article (a miss: read again)."""
        if hit is None:
            return None
        article = self.filled(hit[0])
        self.unread.discard(hit[0].source)
        return None if article is None else (article, hit[1])

    def remember_article(
        self,
        article: model.Article,
        problems: list[Diagnostic],
        own: deps.Own | None = None,
        unread: bool = False,
    ) -> None:
        """Keep an article read anew for `save`; `own`: its `deps.own` digests, made before
        its Markdown was left out (`unread`: the article carries none)."""
        if own is None:
            own = deps.own(article)
        if unread:
            self.unread.add(article.source)
        self.loaded[article.source] = (article, own)
        seen = self.seen.get(article.source)
        if seen is not None and not self._still(article.source, seen[0]):
            # Saved again after it was hashed: what was parsed may be other bytes than
            # the digest's. Nothing is kept of it, and its Markdown is never read.
            self.seen[article.source] = (seen[0], seen[1], "")
        elif seen is not None:
            image = article.image
            stamp = self._kept_stamp(image.src) if image and not image.is_remote else None
            self.new_articles[article.source] = (article, problems, stamp, own)

    def settle(self, articles: Iterable[model.Article]) -> None:
        """Keep the bylines the author registry gave the articles read anew (the rest of
        the record stays as read): the next build finds them already set."""
        for article in articles:
            read = self.new_articles.get(article.source)
            if read is not None and read[0].bylines != article.bylines:
                self.new_articles[article.source] = (
                    replace(read[0], bylines=article.bylines),
                    *read[1:],
                )

    def settle_loaded(
        self, before: Iterable[model.Article], after: Iterable[model.Article]
    ) -> None:
        """Keep the articles `after` in `loaded`, in place of `before` (the same values but
        the body Markdown, which generator.speed.bodies keeps instead), with the `own`
        digests of those before (read anew: made here), so every article's are made alike."""
        loaded = self.loaded
        for old, new in zip(before, after, strict=True):
            found = loaded.get(new.source)
            loaded[new.source] = (new, found[1] if found is not None else deps.own(old))

    def spill(self, scratch: Scratch) -> None:
        """Hand the records read anew to `scratch` as JSON, and the new bodies' meta and
        HTML from now on (`save` reads them back); drop the stats loading took."""
        self.scratch = scratch
        self.taken = {}
        for source, read in self.new_articles.items():
            if read is not None:
                scratch.put_record(source, self._record(read))
                self.new_articles[source] = None

    @staticmethod
    def _record(read: Read) -> str:
        article, problems, stamp, own = read
        record = {"a": article_record(article), "p": encode_diagnostics(problems), "i": stamp}
        head = {**record, "d": [digest.hex() for digest in own]}
        return record_text(head, article_tail(article))

    def _article_rows(self) -> Iterator[tuple[str, str, str, bytes]]:
        """The rows of the articles read anew: those spilled to the scratch read back from
        it in one scan, the others made from what is held here."""
        new = self.new_articles
        spilled = self.scratch.spilled("records") if self.scratch is not None else ()
        found = ((s, r) for s, r in spilled if s in new and new[s] is None)
        held = ((s, self._record(read)) for s, read in new.items() if read is not None)
        for source, record in chain(held, found):
            digest = self.seen[source][2]
            yield (source, digest, record, checksum(source, digest, record))


class ArticleCache(_Records):
    """Validated articles and body HTML by article file, over a `Database`.

    A record is reused only when what it was made from is still so: the same path and
    bytes, the same environment (reading's), the lead image still a file in content/ of
    the same size and time; a body only in the same environment (Markdown's), while every
    article it links to keeps its URL and every picture it shows is still there, unchanged.
    """

    def __init__(
        self, database: Database, environment: str, content_dir: Path, body_environment: str
    ) -> None:
        super().__init__(database, environment, content_dir, body_environment)
        self.stored: set[str] = set()  # the sources of the bodies rows (`bodies`)
        self.new_bodies: dict[str, tuple[str, str, str] | None] = {}  # key, meta, html
        self.body_hits = 0
        self.ahead: Callable[[], Iterator[Checked] | None] | None = None  # (`bodies_ahead`)

    def bodies_ahead(self, start: bool = True) -> None:
        """Start checking every kept body's row in a child meanwhile (bodyrows.checked_ahead)
        for `bodies`, when they can be reused; `start` False: wait for one no longer needed."""
        ahead, self.ahead = self.ahead, None
        if ahead is not None:
            ahead()
        path = self.database.path
        if start and self.bodies_valid and not self.database.broken and path is not None:
            self.ahead = checked_ahead(path)

    def bodies(
        self, articles: Sequence[model.Article], article_url: Callable[[str], Any]
    ) -> list[Facts | None]:
        """For each article, what the site needs of its cached body when that still holds
        (None: a miss): the small `bodies` rows, never the HTML (`body_html` reads that),
        checked by the child `bodies_ahead` started, else here in one scan."""
        out: list[Facts | None] = [None] * len(articles)
        ahead, self.ahead = self.ahead, None
        found = ahead() if ahead is not None else None
        if not self.bodies_valid:
            return out
        wanted = {a.source: i for i, a in enumerate(articles)}
        if found is None:
            found = scanned(self.database.batches(SCAN), wanted)
        for source, key, meta in found:
            self.stored.add(source)
            i = wanted.get(source)
            if i is not None and meta is not None:
                out[i] = self._kept(articles[i], key, meta, article_url)
        self.body_hits += sum(kept is not None for kept in out)
        return out

    def _kept(
        self, article: model.Article, key: str, meta: Meta, article_url: Callable[[str], Any]
    ) -> Facts | None:
        if key != self.body_key(article):
            return None
        links, assets, stamps, summary, digest, linked = meta
        if links and any(article_url(target) != url for target, url in links.items()):
            return None
        if assets and not all(self._exists(a, article.source) for a in assets):
            return None
        if stamps != ({a: self._stamp(a) for a in assets} if assets else {}):
            return None
        return Facts(set(assets), article.summary or summary, digest, linked)

    def body_html(self, source: str, digest: str) -> str | None:
        """The cached HTML of the body `bodies` found for `source` (its `digest`), read
        through this process's own connection; None when the row is gone or damaged."""
        return checked_html(self.database.one(HTML_QUERY, (source,)), source, digest)

    def remember_body(
        self,
        article: model.Article,
        html: str,
        links: dict[str, str | None],
        facts: Facts,
        html_sum: str | None = None,
    ) -> None:
        """Keep a body made in this build: its HTML, the articles it links to (and their
        URLs), and what the site needs of it (`facts`); `html_sum`: the checksum of the
        HTML in hex, when the worker that made it gave it."""
        key = self.body_key(article)
        if key is None:
            return
        assets = sorted(facts.assets)
        meta = dumps(
            {
                "summary": "" if article.summary else facts.summary,  # one made from the body
                "links": links,
                "assets": assets,
                "stamps": {a: self._kept_stamp(a) for a in assets},
                "digest": facts.digest,
                "linked": facts.linked,
                "html": html_sum or checksum(article.source, html).hex(),
            }
        )
        if self.scratch is not None:
            self.scratch.put_meta(article.source, key, meta)
        self.new_bodies[article.source] = (key, meta, html) if self.scratch is None else None

    def _spilled(self, table: str) -> Iterator[tuple[str, ...]]:
        """The scratch's rows of `table` ('metas', 'bodies') of the new bodies it holds."""
        new = self.new_bodies
        rows = self.scratch.spilled(table) if self.scratch is not None else ()
        return (row for row in rows if row[0] in new and new[row[0]] is None)

    def _body_rows(self) -> Iterator[tuple[Any, ...]]:
        held = ((s, *kept[:2]) for s, kept in self.new_bodies.items() if kept is not None)
        for source, key, meta in chain(held, self._spilled("metas")):
            yield (source, key, meta, checksum(source, key, meta))

    def _body_htmls(self) -> Iterator[tuple[str, ...]]:
        held = ((s, kept[2]) for s, kept in self.new_bodies.items() if kept is not None)
        return chain(held, self._spilled("bodies"))

    def save(self) -> None:
        """Write what changed since the last build, and forget the files that are gone."""
        if self.scratch is not None:
            self.scratch.release()  # its reads of this database end before it is written
        database = self.database
        fresh = not self.valid  # a database found broken keeps the rows it could read
        database.sources = self.seen
        if fresh:
            database.clear(SPACE, self.environment, _TABLES[:2])
        if not self.bodies_valid:
            database.clear(BODY_SPACE, self.body_environment, _TABLES[2:])
        gone = [(source,) for source in sorted((set(self.files) | self.stored) - set(self.seen))]
        for table in _TABLES:
            database.write_many(f"DELETE FROM {table} WHERE source = ?", gone)  # noqa: S608
        if self.names_row is not None:
            database.write(*self.names_row)
        database.write_many(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (source, *stat, recorded, digest)
                for source, (stat, recorded, digest) in self.seen.items()
                if fresh or self.files.get(source) != (stat, recorded, digest)
            ),
        )
        database.write_many(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", self._article_rows(), lazy=True
        )
        database.write_many(
            "INSERT OR REPLACE INTO bodies VALUES (?, ?, ?, ?)", self._body_rows(), lazy=True
        )
        database.write_many(
            "INSERT OR REPLACE INTO body_html VALUES (?, ?)", self._body_htmls(), lazy=True
        )
        database.commit()
        database.close()  # the last connection out folds the WAL back into the file
        self.valid = self.bodies_valid = True


def filled(cache: ArticleCache | None, articles: Iterable[model.Article]) -> list[model.Article]:
    """`articles`, those loaded without their Markdown with it (ArticleCache.filled; one
    whose file is no longer an article as it is)."""
    if cache is None:
        return list(articles)
    return [cache.filled(article) or article for article in articles]
