"""An Article as compact JSON and back, for the state database's `articles` rows.

A rebuild loads the record of every unchanged article, so this is written out field by
field, in the model's order, rather than walking the dataclasses (`cache.encode` and
`cache.decode`, about fifty calls per article). A row's record is two JSON values, one
after the other: the head (the cache's object, the article's head under "a") and the
tail (`record_text`, `head_of`). The shapes:

    Head      [source, slug, WHEN, WHEN|null, [code, name], [author...],
               [[slug, name]...], summary, IMAGE|null, body_line, draft, body_html,
               [[WHEN, text, has_time]...], [alias...], featured, translation_key,
               language, [field, line, field, line...], [AUTHOR...]]
    Tail      [title, image_credit, [source...], guid, date_has_time, updated_has_time,
               aliases_line]
    WHEN      "ISO 8601 with its offset", or [naive ISO 8601, IANA zone, fold]
    IMAGE     [src, alt, caption, PICTURE|null, width, height, [x, y]|null]
    PICTURE   [width, height, format, quality]
    AUTHOR    [slug, name, bio, url, fediverse, image, PICTURE's four or four nulls,
               type, root, fediverse_url]

The tail holds what a rebuild reads only for the stories on the pages it renders (`TAIL`):
a stored article is a LazyArticle, its tail left as JSON text until one of its fields is
first read (the passes over every story read only the head). The body's Markdown is not
in the record: an article decoded from one has an empty `body`, and what needs the
Markdown (converting it again, a link's line) reads it from the article's file while its
bytes are those the record was made from (`articles.markdown_of`). Records are only read
back by the code that wrote them (the state's environment key holds the generator's
code) and after their row's checksum: data of another shape raises `BadEntry`, read as a
miss. `Shared` gives equal countries, topics and authors one object each across the
records of a build, and each article its site-wide topics at once when told the last
build's names (`name_with`), keeping its topics as typed beside them (`typed`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

from generator.model import (
    Article,
    Author,
    Correction,
    Country,
    Image,
    Picture,
    Tag,
    maker,
)
from generator.speed.cache import BadEntry
from generator.speed.store import dumps

# The scanner json.loads calls (C), without its wrapping: (value, end) of the text at an index.
_scan: Callable[[str, int], tuple[Any, int]] = vars(json.JSONDecoder())["scan_once"]


def parsed(text: str) -> Any:
    """`json.loads` of a row's JSON text, as the state writes it (compact, one value, no
    surrounding space): the scanner called directly, about a fifth cheaper per record.
    ValueError for text that is not one JSON value."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        raise ValueError("not a JSON value") from None
    if end != len(text):
        raise ValueError("more than one JSON value")
    return value


def _when(value: datetime) -> str | list[Any]:
    zone = value.tzinfo
    if isinstance(zone, ZoneInfo):
        return [value.replace(tzinfo=None).isoformat(), zone.key, value.fold]
    return value.isoformat()


def _picture(value: Picture | None) -> list[Any] | None:
    if value is None:
        return None
    return [value.width, value.height, value.format, value.quality]


def _author(value: Author) -> list[Any]:
    picture = _picture(value.picture) or [None, None, None, None]
    return [
        value.slug,
        value.name,
        value.bio,
        value.url,
        value.fediverse,
        value.image,
        *picture,
        value.type,
        value.root,
        value.fediverse_url,
    ]


def _image(value: Image | None) -> list[Any] | None:
    if value is None:
        return None
    focus = list(value.focus) if value.focus is not None else None
    picture = _picture(value.picture)
    return [value.src, value.alt, value.caption, picture, value.width, value.height, focus]


def article_record(a: Article) -> list[Any]:
    """The article's head as JSON data (every field but `TAIL`'s and the body's Markdown):
    with `article_tail`'s list, what `Shared.article` makes into an equal Article."""
    return [
        a.source,
        a.slug,
        _when(a.date),
        _when(a.updated) if a.updated is not None else None,
        [a.country.code, a.country.name],
        list(a.authors),
        [[t.slug, t.name] for t in a.tags],
        a.summary,
        _image(a.image),
        a.body_line,
        a.draft,
        a.body_html,
        [[_when(c.date), c.text, c.has_time] for c in a.corrections],
        list(a.aliases),
        a.featured,
        a.translation_key,
        a.language,
        [part for pair in a.lines for part in pair],
        [_author(author) for author in a.bylines],
    ]


def article_tail(a: Article) -> list[Any]:
    """The values of the article's `TAIL` fields, in that order."""
    return [
        a.title,
        a.image_credit,
        list(a.sources),
        a.guid,
        a.date_has_time,
        a.updated_has_time,
        a.aliases_line,
    ]


def record_text(head: dict[str, Any], tail: list[Any]) -> str:
    """A stored record: `head` (the article's head under "a", beside what the cache keeps
    with it) and then its tail, two JSON values one after the other (`head_of`)."""
    return dumps(head) + dumps(tail)


def head_of(text: str) -> tuple[Any, str]:
    """(the first JSON value of a stored record, the text after it: its tail, undecoded).
    ValueError for text that does not start with one JSON value."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        raise ValueError("not a JSON value") from None
    if text[end : end + 1] != "[" or text[-1] != "]":
        raise ValueError("no tail after the head")  # (the tail's own shape: `LazyArticle`)
    return value, text[end:]


# The fields a rebuild reads only for the stories on the pages it renders: a stored
# article is made without them (LazyArticle) and decodes them on first use.
TAIL = ("title", "image_credit", "sources", "guid", "date_has_time", "updated_has_time",
        "aliases_line")  # fmt: skip
_TAIL_FIELDS = frozenset(TAIL)
_TAIL_SETTERS = tuple(getattr(Article, name).__set__ for name in TAIL)
_HEAD = tuple(f.name for f in fields(Article) if f.name not in _TAIL_FIELDS)


class LazyArticle(Article):
    """An Article decoded from a stored record but for its `TAIL` fields, which stay JSON
    text (`_tail`) until one of them is first read: then all of them are decoded and set
    (`__getattr__`, which Python calls only for a slot not set yet), and the record is
    counted in its `Shared.completed`. Equal, hashed, pickled, copied and fingerprinted
    (generator.speed.fingerprint: as its dataclass, Article) as the Article it stands for.
    Its tail was written by this code (the state's environment key holds the code), its
    row's checksum held and it is a JSON list's text (`head_of`), so it decodes; one that
    does not (a row forged with a matching checksum) raises BadEntry."""

    __slots__ = ("_tail", "_shared")
    _tail: str
    _shared: Shared

    def __eq__(self, other: object) -> bool:  # (a dataclass's compares only its own class)
        if not isinstance(other, Article):
            return NotImplemented
        return _values(self) == _values(other)

    __hash__ = Article.__hash__

    def __getattr__(self, name: str) -> Any:
        if name not in _TAIL_FIELDS:
            raise AttributeError(name)
        self.complete()
        return getattr(self, name)

    def complete(self) -> None:
        """Decode and set the tail fields (once)."""
        try:
            title, credit, sources, guid, date_has_time, updated_has_time, line = parsed(
                _LAZY_TAIL.__get__(self)
            )
        except (TypeError, ValueError) as exc:
            raise BadEntry(f"article record's tail: {exc}") from None
        values = (title, credit, tuple(sources), guid, date_has_time, updated_has_time, line)
        for setter, value in zip(_TAIL_SETTERS, values, strict=True):
            setter(self, value)
        _LAZY_TAIL.__set__(self, "")  # (decoded: `_with_values` makes a whole Article)
        _LAZY_SHARED.__get__(self).completed += 1

    def _with_values(self, changes: dict[str, Any]) -> Article:
        """`model.with_values`: another LazyArticle with the same tail still undecoded,
        when the changes leave the tail alone and it is not decoded yet."""
        values = list(_head_values(self))
        for name, value in changes.items():
            at = _HEAD_INDEX.get(name)
            if at is None:
                return super()._with_values(changes)
            values[at] = value
        tail = getattr(self, "_tail", "")  # '': decoded already (or unpickled: no tail)
        if tail:
            return _make_lazy(*values, tail, _LAZY_SHARED.__get__(self))
        return super()._with_values(changes)


_LAZY_TAIL = vars(LazyArticle)["_tail"]
_LAZY_SHARED = vars(LazyArticle)["_shared"]
_head_values = attrgetter(*_HEAD)
_HEAD_INDEX = {name: i for i, name in enumerate(_HEAD)}
_values = attrgetter(*(f.name for f in fields(Article)))
_make_lazy: Callable[..., LazyArticle] = maker(LazyArticle, (*_HEAD, "_tail", "_shared"))


class Shared:
    """Decodes article records; equal countries, topics and authors become one object."""

    def __init__(self) -> None:
        self._zones: dict[str, ZoneInfo] = {}
        self._countries: dict[tuple[str, str], Country] = {}
        self._tags: dict[tuple[str, str], Tag] = {}
        self._authors: dict[tuple[Any, ...], Author] = {}  # by their record, as a tuple
        self._site: dict[str, Tag] | None = None  # `name_with`'s: topic key -> site-wide Tag
        # a topic's key -> its name as typed -> (its Tag as typed, the site-wide Tag that
        # `name_with` gives it: the same Tag when equal, None when the names have none)
        self._topics: dict[str, dict[str, tuple[Tag, Tag | None]]] = {}
        self.site_sum: bytes | None = None  # the checksum of the names `name_with` was given
        # source -> (site-wide Tags, Tags as typed) of each article decoded with the first
        self.typed: dict[str, tuple[tuple[Tag, ...], tuple[Tag, ...]]] = {}
        self.completed = 0  # LazyArticles whose tail was decoded

    def name_with(self, site: dict[str, Tag], names_sum: bytes) -> None:
        """Decode each article from now on with its site-wide Tags, `site` (topic key ->
        Tag: the names the last build saved, in the row of checksum `names_sum`), when
        they name each of its topics and differ from its own; then both tuples are kept
        in `typed` (an article holding that very tuple of site-wide Tags was decoded so).
        The names step (generator.index.topics.named) takes such an article as named when
        the build keeps those names, else gives it its typed Tags back: a rebuild after an
        edit makes no second Article for each story whose topic is spelt otherwise than its
        site-wide name."""
        self._site, self.site_sum, self._topics = site, names_sum, {}

    def _topics_of(self, source: str, data: Any) -> tuple[Tag, ...]:
        """The Tags of a record's [[key, name]...]: its site-wide ones when `name_with` has
        one for each and one differs from its own (then both tuples kept in `typed`), else
        its own; one look-up per topic by its key and name (a tuple of two fresh strings
        hashed per topic, and a second loop to name them, cost twice as much).
        ValueError when a topic is not a pair."""
        topics, site = self._topics, self._site
        typed: list[Tag] = []
        named: list[Tag] = []
        unnamed = changed = False
        for key, name in data:
            spellings = topics.get(key)
            found = spellings.get(name) if spellings is not None else None
            if found is None:
                tag = self._tag((key, name))
                own = site.get(tag.slug) if site is not None else tag
                found = (tag, tag if own == tag else own)
                topics.setdefault(key, {})[name] = found
            mine, its = found
            typed.append(mine)
            if its is None:
                unnamed = True
            else:
                changed = changed or its is not mine
                named.append(its)
        if unnamed or not changed:
            return tuple(typed)
        tags = tuple(named)
        self.typed[source] = (tags, tuple(typed))
        return tags

    def _when(self, data: Any) -> datetime:
        if type(data) is str:
            return datetime.fromisoformat(data)
        naive, key, fold = data
        zone = self._zones.get(key)
        if zone is None:
            zone = self._zones[key] = ZoneInfo(key)
        return datetime.fromisoformat(naive).replace(tzinfo=zone, fold=fold)

    def _country(self, data: Any) -> Country:
        key = (data[0], data[1])
        found = self._countries.get(key)
        if found is None:
            found = self._countries[key] = Country(*key)
        return found

    def _tag(self, data: Any) -> Tag:
        key = (data[0], data[1])
        found = self._tags.get(key)
        if found is None:
            found = self._tags[key] = Tag(*key)
        return found

    def _author(self, data: Any) -> Author:
        key = tuple(data)
        found = self._authors.get(key)
        if found is None:
            slug, name, bio, url, fediverse, image, w, h, form, quality, kind, root, fedi = key
            picture = Picture(w, h, form, quality) if form is not None else None
            found = self._authors[key] = Author(
                slug, name, bio, url, fediverse, image, picture, kind, root, fedi
            )
        return found

    def article(self, data: Any, tail: str) -> Article:
        """The Article of `article_record`'s `data` and `article_tail`'s JSON text `tail`
        (a LazyArticle: the tail decoded on first use); BadEntry when `data` has another
        shape."""
        try:
            return self._article(data, tail)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
            raise BadEntry(f"article record: {exc}") from None

    def _article(self, data: Any, tail: str) -> Article:
        (
            source, slug, date, updated, country, authors, tags, summary, image, body_line,
            draft, body_html, corrections, aliases, featured, translation_key, language,
            lines, bylines,
        ) = data  # fmt: skip
        when = self._when(date)
        return _make_lazy(
            source,
            slug,
            when,
            (when if updated == date else self._when(updated)) if updated is not None else None,
            self._country(country),
            tuple(authors),
            self._topics_of(source, tags) if tags else (),
            summary,
            _image_from(image),
            "",
            body_line,
            draft,
            body_html,
            tuple(Correction(self._when(w), text, has) for w, text, has in corrections)
            if corrections
            else (),
            tuple(aliases),
            featured,
            translation_key,
            language,
            _pairs(lines),
            tuple(map(self._author, bylines)),
            tail,
            self,
        )


def _pairs(flat: list[Any]) -> tuple[tuple[Any, Any], ...]:
    """[a, b, c, d...] as ((a, b), (c, d)...); ValueError when its length is odd."""
    parts = iter(flat)
    return tuple(zip(parts, parts, strict=True))


def _picture_from(data: Any) -> Picture | None:
    return None if data is None else Picture(*data)


def _image_from(data: Any) -> Image | None:
    if data is None:
        return None
    src, alt, caption, picture, width, height, focus = data
    where = (focus[0], focus[1]) if focus is not None else None
    return Image(src, alt, caption, _picture_from(picture), width, height, where)
