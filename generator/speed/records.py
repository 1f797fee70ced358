"""An Article as a compact JSON list and back, for the state database's `articles` rows.

A rebuild loads the record of every unchanged article, so this is written out field by
field, in the model's order, rather than walking the dataclasses (`cache.encode` and
`cache.decode`, about fifty calls per article). The shapes:

    Article   [source, slug, title, WHEN, WHEN|null, [code, name], [author...],
               image_credit, [source...], [[slug, name]...], summary, IMAGE|null,
               body_line, guid, draft, body_html, date_has_time, updated_has_time,
               [[WHEN, text, has_time]...], [alias...], aliases_line, featured,
               translation_key, language, [field, line, field, line...], [AUTHOR...]]
    WHEN      "ISO 8601 with its offset", or [naive ISO 8601, IANA zone, fold]
    IMAGE     [src, alt, caption, PICTURE|null, width, height, [x, y]|null]
    PICTURE   [width, height, format, quality]
    AUTHOR    [slug, name, bio, url, fediverse, image, PICTURE's four or four nulls,
               type, root, fediverse_url]

The body's Markdown is not in the record: an article decoded from one has an empty `body`,
and what needs the Markdown (converting it again, a link's line) reads it from the
article's file while its bytes are those the record was made from (`articles.markdown_of`).
Records are only read back by the code that wrote them (the state's environment key
holds the generator's code) and after their row's checksum: data of another shape
raises `BadEntry`, read as a miss. `Shared` gives equal countries, topics and authors one
object each across the records of a build, and each article its site-wide topics at once
when told the last build's names (`name_with`), keeping its topics as typed beside them
(`typed`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
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
    make_article,
)
from generator.speed.cache import BadEntry

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
    """The article as JSON data that `Shared.article` makes into an equal Article, but
    for its body's Markdown (left out: empty when decoded)."""
    return [
        a.source,
        a.slug,
        a.title,
        _when(a.date),
        _when(a.updated) if a.updated is not None else None,
        [a.country.code, a.country.name],
        list(a.authors),
        a.image_credit,
        list(a.sources),
        [[t.slug, t.name] for t in a.tags],
        a.summary,
        _image(a.image),
        a.body_line,
        a.guid,
        a.draft,
        a.body_html,
        a.date_has_time,
        a.updated_has_time,
        [[_when(c.date), c.text, c.has_time] for c in a.corrections],
        list(a.aliases),
        a.aliases_line,
        a.featured,
        a.translation_key,
        a.language,
        [part for pair in a.lines for part in pair],
        [_author(author) for author in a.bylines],
    ]


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

    def article(self, data: Any) -> Article:
        """The Article of `article_record`; BadEntry when `data` has another shape."""
        try:
            return self._article(data)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
            raise BadEntry(f"article record: {exc}") from None

    def _article(self, data: Any) -> Article:
        (
            source, slug, title, date, updated, country, authors, image_credit, sources, tags,
            summary, image, body_line, guid, draft, body_html, date_has_time,
            updated_has_time, corrections, aliases, aliases_line, featured, translation_key,
            language, lines, bylines,
        ) = data  # fmt: skip
        when = self._when(date)
        return make_article(
            source,
            slug,
            title,
            when,
            (when if updated == date else self._when(updated)) if updated is not None else None,
            self._country(country),
            tuple(authors),
            image_credit,
            tuple(sources),
            self._topics_of(source, tags) if tags else (),
            summary,
            _image_from(image),
            "",
            body_line,
            guid,
            draft,
            body_html,
            date_has_time,
            updated_has_time,
            tuple(Correction(self._when(w), text, has) for w, text, has in corrections)
            if corrections
            else (),
            tuple(aliases),
            aliases_line,
            featured,
            translation_key,
            language,
            _pairs(lines),
            tuple(map(self._author, bylines)),
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
