"""The dependency index: which pages and feeds read which articles.

A build records, per output path, the articles its page or feed was made from (found while
fingerprinting its values: every `Article` met, however deep), and per article two
digests: of everything it holds, and of its *placement*, what puts it where it is on the
site (URL, date, topics, country, authors, language versions, aliases, `featured`).

The next build compares the digests. When no article was added, removed or placed
elsewhere, nothing but the changed articles' own values can differ: the same pages and
feeds exist, every listing has the same stories in the same order, and a page or feed
that reads none of the changed articles has exactly the values it had. Only the pages
and feeds that read a changed article are made again (`Plan.readers`); the others are not
even planned. Any other change (a new, deleted or moved article) falls back to planning
and fingerprinting every page, and settings, theme or code changes discard the whole
record (the output state's environment key).

The rule this rests on, which every kind of page (render.pages) keeps: a value in a page's
or feed's context made from an article's fields beyond its placement carries the Article
itself (the article page holds `article`, a list holds its Page of articles, related
stories are Articles); what is made of placements only (counts, term names, dates,
language links) may stand alone.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter, is_
from pathlib import Path
from typing import Any, TypeGuard

from generator.load.files import stamp
from generator.model import Article
from generator.speed.fingerprint import Fingerprinter, Unhashable
from generator.speed.pagerows import PageRows

# Given to an article after its file is read: by index.topics, the author registry, the
# Markdown step. The rest is what the file alone gives (`own`).
_LATER = ("tags", "bylines", "summary", "image", "body_html")
_OWN = tuple(f.name for f in dataclasses.fields(Article) if f.name not in (*_LATER, "body"))
_own_fields = attrgetter(*_OWN)  # the fields `own` reads, as a tuple, but the body
Own = tuple[bytes, bytes]  # digests of an article's own placement and own values (`own`)


def _own_placement(article: Article) -> tuple[Any, ...]:
    """What decides where an article appears and what lists, links and maps say of it
    beyond its own values (its URL, order, terms, language versions, sitemap date), but
    its topics and bylines, which `digests` adds."""
    return (
        article.source,
        article.slug,
        article.date,
        article.modified,
        article.country,
        article.authors,
        article.translation_key,
        article.language,
        article.aliases,
        article.featured,
        article.draft,
    )


def _counted(data: bytes) -> bytes:
    """`data` after its length: one part of a digest's input that no other part can extend."""
    return len(data).to_bytes(8, "little") + data


def _text(value: Any) -> bytes:
    return repr(value).encode("utf-8", "surrogatepass")


def own(article: Article) -> Own:
    """BLAKE2b digests of what the article's file alone gives: its placement but its topics
    and bylines, and every value but those given later (`_LATER`), the body included.
    Kept with the article's record (generator.speed.articles) for `digests`."""
    whole = hashlib.blake2b(_text([getattr(article, name) for name in _OWN]), digest_size=16)
    whole.update(article.body.encode("utf-8", "surrogatepass"))
    return hashlib.blake2b(_text(_own_placement(article)), digest_size=16).digest(), whole.digest()


def _image_stamp(article: Article, content_dir: Path) -> tuple[int, int, int] | None:
    """Size, modification and status-change time of a local lead image: feeds' enclosures
    give its size, and a picture replaced under the same name is published again (the
    status-change time moves even when `cp -p` or `rsync --times` put the others back)."""
    image = article.image
    if image is None or image.is_remote:
        return None
    return stamp(content_dir / image.src) or (-1, -1, -1)


def _image_text(article: Article, content_dir: Path) -> tuple[Any, ...] | None:
    """The lead image's values and `_image_stamp`, as plain data (cheaper to repr)."""
    image = article.image
    if image is None:
        return None
    picture = image.picture
    return (
        image.src,
        image.alt,
        image.caption,
        (picture.width, picture.height, picture.format, picture.quality) if picture else None,
        image.width,
        image.height,
        image.focus,
        _image_stamp(article, content_dir),
    )


def body_digest(markdown: str, html: str) -> str:
    """BLAKE2b (hex) of an article's body Markdown and the HTML made of it."""
    whole = hashlib.blake2b(markdown.encode("utf-8", "surrogatepass") + b"\0", digest_size=16)
    whole.update(html.encode("utf-8", "surrogatepass"))
    return whole.hexdigest()


def digests(
    articles: Sequence[Article],
    content_dir: Path,
    loaded: Mapping[str, tuple[Article, Own]] | None = None,
    bodies: Mapping[str, str] | None = None,
    kept: tuple[Mapping[str, tuple[str, str]], Collection[str]] | None = None,
) -> dict[str, tuple[str, str]]:
    """source -> (digest of the whole article, digest of its placement), BLAKE2b in hex.

    Built from `repr` of the field values (dataclasses, dates, text: stable across runs),
    the bytes of the body and its HTML and its lead image file's size and time; a value
    whose repr were not stable would only make the article look changed, never the same.
    `loaded`: articles as loaded from the build state with their `own` digests; an
    article that still holds the very values of its loaded one (each field the same
    object) reuses them, and only what later stages gave it is read. `bodies`: the
    `body_digest` of each article's Markdown and HTML, by source, when the articles carry
    neither (generator.speed.bodies); it stands for both. `kept`: the last build's digests,
    and the articles that have them still (commands.rebuild `_unchanged`): taken as they are."""
    out: dict[str, tuple[str, str]] = {}
    loaded, (stored, same) = loaded or {}, kept if kept is not None else ({}, ())
    # The repr of each topic or byline, by the id of the object (kept with it, so no id is
    # reused while this runs): articles share these objects, not their tuples of them.
    terms: dict[int, tuple[Any, bytes]] = {}

    def text(values: tuple[Any, ...]) -> bytes:
        """The terms' reprs, each length-prefixed, after their count."""
        parts = [len(values).to_bytes(4, "little")]
        for value in values:
            found = terms.get(id(value))
            if found is None or found[0] is not value:
                found = terms[id(value)] = (value, _counted(_text(value)))
            parts.append(found[1])
        return b"".join(parts)

    for article in articles:
        if article.source in same and _well_formed(old := stored.get(article.source)):
            out[article.source] = old
            continue
        found = loaded.get(article.source)
        stored_body = bodies.get(article.source) if bodies is not None else None
        if (
            found is not None
            and (found[0] is article or all(map(is_, _own_fields(article), _own_fields(found[0]))))
            and (stored_body is not None or article.body is found[0].body)
        ):
            own_place, own_whole = found[1]
        else:
            own_place, own_whole = own(article)
        terms_text = text(article.tags) + text(article.bylines)
        placed = hashlib.blake2b(own_place + terms_text, digest_size=16).digest()
        summary = article.summary.encode("utf-8", "surrogatepass")
        image = b"N" if article.image is None else _image_part(article, content_dir)
        whole = hashlib.blake2b(own_whole + placed, digest_size=16)
        whole.update(_counted(summary) + image)
        if stored_body is not None:  # its Markdown and HTML
            whole.update(b"\0" + stored_body.encode("ascii"))
        else:
            whole.update(article.body_html.encode("utf-8", "surrogatepass"))
        out[article.source] = (whole.hexdigest(), placed.hex())
    return out


def _well_formed(pair: object) -> TypeGuard[tuple[str, str]]:
    """Whether a saved pair of digests is two hex digests as `digests` makes them (a row
    read without its checksum: damaged, it can only make its story look changed)."""
    if type(pair) is not tuple or len(pair) != 2:
        return False
    whole, place = pair  # (no generator per pair: a rebuild checks one for every story)
    return (
        type(whole) is str
        and type(place) is str
        and len(whole) == 32 == len(place)
        and not (whole + place).strip(_HEX)
    )


_HEX = "0123456789abcdef"


def _image_part(article: Article, content_dir: Path) -> bytes:
    return _counted(_text(_image_text(article, content_dir)))


class Recorder(Fingerprinter):
    """A Fingerprinter that also notes the sources of the articles a value holds.

    `known`: the site's articles with their `digests`; such an article (the very object)
    is read as its digest instead of field by field, so a page of fifty articles costs
    fifty lookups."""

    def __init__(self, known: Mapping[str, tuple[Article, str]] | None = None) -> None:
        super().__init__()
        self._reads: dict[int, tuple[object, frozenset[str]]] = {}
        self._seen: set[str] = set()
        self._known = known or {}  # each article's digest (hex), turned into bytes when met
        self._answers: dict[str, bytes] = {}

    def reads(self, value: Any) -> tuple[str | None, frozenset[str]]:
        """(the fingerprint of `value` or None when it cannot be read, the articles in it)."""
        self._seen = set()
        try:
            digest: str | None = self.of(value)
        except Unhashable:
            digest = None
        return digest, frozenset(self._seen)

    def fresh(self) -> Recorder:
        """A Recorder of the same articles with an empty memo (what it reads is freed with
        it): the same fingerprints."""
        return Recorder(self._known)

    def source(self, source: str) -> str:
        """The article's own `source` string for an equal one (a copy from another
        process), so that many pages' reads hold one string each."""
        listed = self._known.get(source)
        return listed[0].source if listed is not None else source

    def _dataclass(self, value: Any) -> bytes:
        if isinstance(value, Article):  # (a LazyArticle too: speed.records)
            self._seen.add(value.source)
            listed = self._known.get(value.source)
            if listed is not None and listed[0] is value:
                answer = self._answers.get(value.source)
                if answer is None:
                    answer = self._answers[value.source] = b"A" + bytes.fromhex(listed[1])
                return answer
            return super()._dataclass(value)
        known = self._reads.get(id(value))
        if known is not None and known[0] is value:
            self._seen |= known[1]
            return super()._dataclass(value)
        outer, self._seen = self._seen, set()
        try:
            digest = super()._dataclass(value)
        finally:
            inner, self._seen = self._seen, outer
            outer |= inner
        self._reads[id(value)] = (value, frozenset(inner))
        return digest


@dataclass(slots=True)
class Plan:
    """The last build's dependency index, read from the build state by the keys needed
    (generator.speed.pagerows): every article's digests and the site's pages in order,
    each read when first asked for (a build that finds nothing changed reads neither:
    about 0.27 CPU-s at 100,000 articles); the readers of an article and a page's family
    only when asked for."""

    feeds: list[str]  # feed paths, in the order written
    rows: PageRows
    # What `changed` was last given, and found: the articles whose whole digest differs.
    compared: Mapping[str, tuple[str, str]] | None = None
    differing: set[str] | None = None
    read_articles: dict[str, tuple[str, str]] | None = None  # `articles`, once read
    read_pages: list[str] | None = None  # `pages`, once read

    @property
    def articles(self) -> dict[str, tuple[str, str]]:
        """source -> (digest, placement digest) of every article."""
        if self.read_articles is None:
            self.read_articles = self.rows.digests()
        return self.read_articles

    @property
    def pages(self) -> list[str]:
        """Every page's output path, in the site's order."""
        if self.read_pages is None:
            self.read_pages = self.rows.page_paths()
        return self.read_pages

    def changed(self, now: dict[str, tuple[str, str]]) -> set[str] | None:
        """The articles whose values changed, or None when an article was added, removed or
        placed elsewhere (then the whole site is planned again)."""
        self.compared, self.differing = now, None
        if now.keys() != self.articles.keys():
            return None
        out = set()
        for source, (whole, place) in now.items():
            before = self.articles[source]
            if whole != before[0]:
                if place != before[1]:
                    return None
                out.add(source)
        self.differing = out
        return set(out)

    def readers(self, changed: set[str]) -> set[str] | None:
        """The output paths that read any of the `changed` articles; None when the index
        cannot tell (a row missing or damaged)."""
        found = self.rows.readers(changed)
        if found is None:
            return None
        return {path for _, _, paths in found.values() for path in paths}

    def families(self, paths: Iterable[str]) -> dict[str, tuple[str, ...]] | None:
        """The family (render.pages.Family) of each page of `paths`; None when a row is
        missing or damaged."""
        out = {}
        for path, row in self.rows.rows(paths).items():
            if row is None or row.family is None:
                return None
            try:
                out[path] = tuple(json.loads(row.family))
            except (ValueError, TypeError):
                return None
        return out


def known(
    articles: Iterable[Article], found: Mapping[str, tuple[str, str]]
) -> dict[str, tuple[Article, str]]:
    """The articles with their whole digest, for `Recorder`."""
    return {a.source: (a, found[a.source][0]) for a in articles if a.source in found}
