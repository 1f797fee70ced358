"""The article files as the build cache sees them: each file's stat, when it was recorded
and its content digest (the last build's, trusted by git's rule: generator.speed.changes,
or read anew), and the stamps of the pictures the records use. `ArticleFiles` is the part
of the build cache (generator.speed.articles.ArticleCache) that reads content/.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from generator import model
from generator.load import files
from generator.load.content import body_of
from generator.speed import changes
from generator.speed.store import Database

SPACE, BODY_SPACE = "articles", "bodies"  # each with its environment: reading's, Markdown's
Seen = tuple[changes.Stat, int, str]  # stat, when it was recorded (ns), content digest


def markdown_of(content_dir: Path, source: str, digest: str) -> str | None:
    """The body Markdown of the article file `source` while its content digest is still
    `digest` (the bytes its loaded record was made from); None when it changed since
    (edited while the site was built) or is no longer an article."""
    try:
        raw = (content_dir / source).read_bytes()
    except OSError:
        return None
    return body_of(raw, source) if changes.content_digest(source, raw) == digest else None


class ArticleFiles:
    """The article files' stats and content digests, the last build's (`files`, read when
    the reading environment is the one saved: `valid`) and this build's (`seen`), and the
    articles loaded without their Markdown (`unread`), read back from their files."""

    def __init__(
        self, database: Database, environment: str, content_dir: Path, body_environment: str
    ) -> None:
        self.database = database
        self.environment, self.body_environment = environment, body_environment
        self.content_dir = content_dir
        self.valid = database.environment(SPACE) == environment
        self.bodies_valid = database.environment(BODY_SPACE) == body_environment
        self.moment = changes.now_ns()
        self.files: dict[str, Seen] = {}  # the last build's stats
        if self.valid:
            files = self.files
            for rows in database.batches("SELECT * FROM files"):
                for source, size, mtime, ctime, ino, recorded, digest in rows:
                    files[source] = ((size, mtime, ctime, ino), recorded, digest)
        self.seen: dict[str, Seen] = {}  # this build's
        self.unread: set[str] = set()  # sources of the articles loaded without their Markdown
        self.taken: dict[str, changes.Stat] = {}  # stats taken earlier in the build, by source
        self.taken_at = 0  # the moment before they were taken

    def stats_taken(self, moment: int, stats: dict[str, changes.Stat]) -> None:
        """Stats of the article files taken since `moment` (the build's walk of content/,
        changes.tree_digest): used, and recorded with that moment, instead of statting
        each file again. A file not among them is statted as it is met."""
        self.taken, self.taken_at = stats, moment

    @staticmethod
    def key(source: str, raw: bytes) -> str:
        return changes.content_digest(source, raw)

    def _exists(self, asset: str, source: str) -> bool:
        from generator.load.files import resolve_local

        return not isinstance(resolve_local("/" + asset, source, self.content_dir), str)

    def _stamp(self, asset: str) -> list[int] | None:
        """Size, modification and status-change time of a content file: a picture replaced
        under the same name (its width, height, whether Pillow reads it) makes the records
        using it stale, even when `cp -p` or `rsync --times` kept its size and time."""
        found = files.stamp(self.content_dir / asset)
        return list(found) if found is not None else None

    def _kept_stamp(self, asset: str) -> list[int] | None:
        """The stamp to save with a record: None (never equal to a file's `_stamp`) for a
        picture modified since the build started, or just before (`changes.RACY_NS`): it
        may have been saved again after the build measured it."""
        stamp = self._stamp(asset)
        if stamp is None or stamp[1] >= self.moment - changes.RACY_NS:
            return None
        return stamp

    def _digest(self, path: Path, source: str, limit: int) -> str | None:
        """The file's content digest: the last build's when its stat is trusted, else read."""
        stat, moment = self.taken.get(source), self.taken_at
        if stat is None:
            try:
                stat, moment = changes.stat_of(os.stat(path)), self.moment
            except OSError:
                return None
        if stat[0] > limit:
            return None
        old = self.files.get(source)
        if old is not None and changes.trusted(stat, old[0], old[1]):
            self.seen[source] = old
            return old[2]
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        digest = self.key(source, raw)
        self.seen[source] = (stat, moment, digest)
        return digest

    def _still(self, source: str, stat: changes.Stat) -> bool:
        """Whether the article file has the stat it had when it was hashed."""
        try:
            return changes.stat_of(os.stat(self.content_dir / source)) == stat
        except OSError:
            return False

    def filled(self, article: model.Article) -> model.Article | None:
        """The article with the body Markdown of its file when it was loaded without it
        (`unread`); None when the file is no longer an article."""
        if article.source not in self.unread:
            return article
        seen = self.seen.get(article.source)
        markdown = markdown_of(self.content_dir, article.source, seen[2] if seen else "")
        return None if markdown is None else model.with_values(article, body=markdown)

    def unread_digests(self, articles: Iterable[model.Article]) -> dict[str, str]:
        """Of `articles`, those that carry no Markdown, by source: their file's content
        digest ('' for a file this build did not see, whose Markdown is then never read)."""
        seen = self.seen
        return {
            a.source: seen[a.source][2] if a.source in seen else ""
            for a in articles
            if a.source in self.unread
        }

    def body_key(self, article: model.Article) -> str | None:
        """What the body HTML is made from: the file's bytes (its content digest, which
        holds its source) and the body's first line; the settings are `body_environment`'s.
        None for a file this build did not see (it cannot be cached)."""
        seen = self.seen.get(article.source)
        if seen is None:
            return None
        return f"{seen[2]}:{article.body_line}"
