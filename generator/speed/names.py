"""The site-wide names of the last build (each topic's slug and name, its warnings, and no
two stories at one address or with one id), kept in the build state and reused when no
story's names changed: a rebuild after an edit of a title or a body then does not count
every story's topics and compare every address again.

What the last build worked out is reused only when it is provably what this build would
work out: the same article files as the last build saved (bound by a digest of every
file's name and content digest, saved in the same transaction as the article records),
every file read anew holding the very names its last record held (slug, date, topics,
id, aliases, translation key, language, the fields' lines), the same site language and
current folder (the warnings name files relative to it), the same environment. The last
build saved only because it had no error, so it had no clash. Anything else: worked out
anew (generator.index.topics, generator.load.collisions), and kept for the next build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.index.topics import Names
from generator.model import Article, Tag
from generator.speed.cache import BadEntry, decode_diagnostics, encode_diagnostics
from generator.speed.records import Shared, article_record, head_of, parsed
from generator.speed.store import Database, checksum, dumps

if TYPE_CHECKING:
    from generator.speed.articles import ArticleCache

SPACE, KEY = "names", "site"
# The fields of an article record (generator.speed.records) the site-wide names read:
# source, slug, date, topics, aliases, translation key, language, the fields' lines; and
# the GUID, of its tail.
_NAMED = (0, 1, 2, 6, 13, 15, 16, 17)


def _files_digest(files: Sequence[tuple[str, str]]) -> str:
    """BLAKE2b of every article file's name and content digest, in order of name."""
    text = "\n".join(map("\0".join, sorted(files)))  # "source\0digest" lines
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _named(article: Article) -> list[Any]:
    record = article_record(article)
    return [*(record[i] for i in _NAMED), article.guid]


def _key(language: str) -> list[str]:
    return [language, str(Path.cwd().resolve())]


def kept(
    cache: ArticleCache, articles: Sequence[Article], language: str
) -> tuple[Names, bytes] | None:
    """The last build's names when they hold for `articles` (all this build loaded), with
    the checksum of the row they were saved in; else None: work them out anew."""
    old, now = cache.files, cache.seen
    if not cache.valid or len(articles) != len(now) or set(now) != set(old):
        return None
    row = _row(cache.database)
    if row is None:
        return None
    try:
        saved = parsed(row[0])
        if saved["environment"] != cache.environment or saved["key"] != _key(language):
            return None
        if saved["files"] != _files_digest([(s, seen[2]) for s, seen in old.items()]):
            return None
        changed = {s for s, seen in now.items() if seen[2] != old[s][2]}
        if not _same_names(cache, [a for a in articles if a.source in changed], changed):
            return None
        tags = {key: Tag(slug, name) for key, slug, name in saved["tags"]}
        return Names(tags, decode_diagnostics(saved["problems"])), row[1]
    except (BadEntry, KeyError, TypeError, ValueError):
        return None


def _row(database: Database) -> tuple[str, bytes] | None:
    """The saved names' row (value, checksum) when its checksum holds."""
    row = database.one("SELECT value, sum FROM records WHERE space = ? AND key = ?", (SPACE, KEY))
    if row is None or not isinstance(row[0], str) or row[1] != checksum(SPACE, KEY, row[0]):
        return None
    return row[0], row[1]


def saved_tags(database: Database, environment: str) -> tuple[dict[str, Tag], bytes] | None:
    """The site-wide Tag of each topic key the last build saved, and the checksum of their
    row, for the records to be decoded with (`Shared.name_with`): whether they hold for
    this build is `kept`'s answer, after loading. None: no such row, or not this code's."""
    row = _row(database)
    if row is None:
        return None
    try:
        saved = parsed(row[0])
        if saved["environment"] != environment:
            return None
        rows = saved["tags"]
        if not all(type(part) is str for entry in rows for part in entry):
            return None
        return {key: Tag(slug, name) for key, slug, name in rows}, row[1]
    except (BadEntry, KeyError, TypeError, ValueError):
        return None


def _same_names(cache: ArticleCache, fresh: list[Article], changed: set[str]) -> bool:
    """Whether each article read anew has the names of its file's last record."""
    if len(fresh) != len(changed):
        return False
    for article in fresh:
        row = cache.previous.get(article.source)
        if row is None:
            return False
        digest, text, sum_ = row
        if sum_ != checksum(article.source, digest, text):
            return False
        head, tail = head_of(text)
        before = Shared().article(head["a"], tail)  # its topics as typed
        if _named(before) != _named(article):
            return False
    return True


def keep(cache: ArticleCache, names: Names, language: str) -> None:
    """Keep this build's names, with what they were made from, for `ArticleCache.save`
    to save with the article records, in the same transaction; none (and the last ones
    deleted) when a file changed while it was read (its record is not saved)."""
    if any(not seen[2] for seen in cache.seen.values()):
        where = "DELETE FROM records WHERE space = ? AND key = ?"
        cache.names_row = (where, (SPACE, KEY))
        return
    text = dumps(
        {
            "environment": cache.environment,
            "key": _key(language),
            "files": _files_digest([(s, seen[2]) for s, seen in cache.seen.items()]),
            "tags": [[key, tag.slug, tag.name] for key, tag in names.tags.items()],
            "problems": encode_diagnostics(names.problems),
        }
    )
    row = (SPACE, KEY, text, checksum(SPACE, KEY, text))
    cache.names_row = ("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)", row)


def new_sum(cache: ArticleCache) -> str:
    """The checksum (hex) of the names `keep` made this build to save; '' when none."""
    row = cache.names_row
    return row[1][3].hex() if row is not None and len(row[1]) == 4 else ""
