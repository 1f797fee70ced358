"""The typed, immutable model of a site's content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from operator import attrgetter
from typing import Any, Protocol, TypeVar


@dataclass(frozen=True, slots=True, order=True)
class Tag:
    """A topic: a URL slug and the name readers see."""

    slug: str
    name: str


@dataclass(frozen=True, slots=True, order=True)
class Country:
    """A country: ISO 3166-1 alpha-2 code (upper case) and its common English name."""

    code: str
    name: str

    @property
    def slug(self) -> str:
        return self.code.lower()


@dataclass(frozen=True, slots=True)
class Picture:
    """What Pillow found in a local image file: its size in pixels after its EXIF
    orientation, its format (Pillow's name: JPEG, PNG, WEBP, GIF; 'APNG' and
    'WEBP-ANIMATED' for a PNG or WebP of several frames; 'SVG' with size 0x0 for an SVG
    file) and, for a JPEG, the quality it was saved at (1-95)."""

    width: int
    height: int
    format: str
    quality: int = 90

    @property
    def processed(self) -> bool:
        """Whether it is published in several widths (JPEG, PNG, WebP); others (GIF, SVG,
        an animated PNG or WebP) as they are."""
        return self.format in ("JPEG", "PNG", "WEBP")


@dataclass(frozen=True, slots=True)
class Author:
    """A byline as a taxonomy term: a URL slug and the name as written in credits.author,
    with what the author registry (authors.yaml) says: a short bio, their own web page,
    a fediverse handle ('@name@server') and its profile's address, a photo (`image`,
    relative to `root`, the registry's folder; `picture`: what Pillow found in it) and the
    schema.org type."""

    slug: str
    name: str
    bio: str = ""
    url: str = ""
    fediverse: str = ""
    image: str = ""
    picture: Picture | None = None
    type: str = "Person"  # or "Organization"
    root: str = ""
    fediverse_url: str = ""  # the fediverse profile's address, https://server/@name


@dataclass(frozen=True, slots=True)
class Image:
    """An article's lead image. `src` is an absolute URL or a path under content/.

    `picture` is what Pillow found in a local file. A remote image's `width` and `height`
    are those the front matter gives (0: not given). `focus` is the focal point (x, y as
    fractions of the width and height from the top left) the search-engine crops keep.
    """

    src: str
    alt: str
    caption: str = ""
    picture: Picture | None = None
    width: int = 0  # pixels of the published file; 0 when unknown (remote, not given)
    height: int = 0
    focus: tuple[float, float] | None = None

    @property
    def is_remote(self) -> bool:
        return self.src.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Correction:
    """A dated correction note: when it was made (aware) and what it says (plain text)."""

    date: datetime
    text: str
    has_time: bool = True  # False for `date: 2025-06-26`: shown as the day only


def article_path(day: dt.date, slug: str) -> str:
    """An article's place under the site root: 'YYYY/MM/DD/SLUG/'. It fixes the URL, and
    two articles with the same one collide."""
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}/{slug}/"


class Text(Protocol):
    """An article's body as a file gives it: an Article, or the body of an article file
    whose front matter has errors (its body is checked all the same)."""

    @property
    def source(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def body_line(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Article:
    """One validated article. Dates are aware datetimes in the article's own offset."""

    source: str  # file path relative to content/, with '/' separators
    slug: str
    title: str
    date: datetime
    updated: datetime | None
    country: Country
    authors: tuple[str, ...]
    image_credit: str
    sources: tuple[str, ...]
    tags: tuple[Tag, ...]
    summary: str
    image: Image | None
    body: str  # Markdown source
    body_line: int
    guid: str
    draft: bool = False
    body_html: str = ""  # filled in by the Markdown step
    date_has_time: bool = True  # False for `date: 2025-06-25`: pages show the day only
    updated_has_time: bool = True
    corrections: tuple[Correction, ...] = ()  # oldest first
    aliases: tuple[str, ...] = ()  # old paths under the site root that redirect here
    aliases_line: int = 0  # the line of `aliases:` in the file, for diagnostics
    featured: bool = False  # `featured: true`: the lead story of its day
    translation_key: str = ""  # shared by the versions of one story in other languages
    language: str = ""  # BCP 47 tag as typed (`ur`, `pt-BR`); '': the site's `language`
    # File lines of some fields, for messages: "slug", "id", "date", "tags", "draft",
    # "tag:<topic key>".
    lines: tuple[tuple[str, int], ...] = ()
    bylines: tuple[Author, ...] = ()  # `authors` as terms, from the author registry

    def line_of(self, field: str) -> int:
        """The file line where `field` was written; 1 (the file) when it was not."""
        for name, line in reversed(self.lines):  # the last, as a dict of them would keep
            if name == field:
                return line
        return 1

    @property
    def day(self) -> dt.date:
        """The calendar day of the dateline (in the article's own offset); used in its URL."""
        return self.date.date()

    @property
    def path(self) -> str:
        """Its place under the site root, 'YYYY/MM/DD/SLUG/': its URL is base path + this."""
        return article_path(self.day, self.slug)

    @property
    def modified(self) -> datetime:
        """The latest of `date`, `updated` and the corrections' dates (the first of equal
        instants, in that order)."""
        latest, updated = self.date, self.updated
        # (`updated` is often the date object itself: a stored record's, when they are equal)
        if (
            updated is not None
            and updated is not latest
            and updated.timestamp() > latest.timestamp()
        ):
            latest = updated
        for correction in self.corrections:
            if correction.date.timestamp() > latest.timestamp():
                latest = correction.date
        return latest

    @property
    def sort_key(self) -> tuple[float, str]:
        """Newest first, then by slug: a total, stable order."""
        return (-self.date.timestamp(), self.slug)

    def _with_values(self, changes: dict[str, Any]) -> Article:
        """`with_values`' work, which a subclass may do its own way (speed.records)."""
        values = list(_article_values(self))
        for name, value in changes.items():
            index = _ARTICLE_INDEX.get(name)
            if index is None:
                raise TypeError(f"Article has no field {name!r}")
            values[index] = value
        return make_article(*values)


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_ARTICLE_INDEX = {name: i for i, name in enumerate(_ARTICLE_FIELDS)}
_article_values = attrgetter(*_ARTICLE_FIELDS)
A = TypeVar("A")


def maker(kind: type[A], names: Sequence[str]) -> Callable[..., A]:
    """A function of the values of `names` (slots of `kind`, in order) that makes a `kind`
    with them, each slot set through its own descriptor instead of the frozen `__init__`'s
    `object.__setattr__` (about half the time: a rebuild makes an Article of each stored
    record, and gives many their topics and summary anew). The frozen class runs no check
    and no `__post_init__`, so nothing else differs from `kind(*values)`."""
    params = [f"v{i}" for i in range(len(names))]
    lines = [f"def make({', '.join(params)}):", "    made = new(kind)"]
    lines += [f"    set{i}(made, v{i})" for i in range(len(names))]
    scope: dict[str, Any] = {"new": object.__new__, "kind": kind}
    for i, name in enumerate(names):
        scope[f"set{i}"] = getattr(kind, name).__set__
    exec("\n".join([*lines, "    return made"]), scope)  # noqa: S102 (made of field names)
    made: Callable[..., A] = scope["make"]
    return made


make_article = maker(Article, _ARTICLE_FIELDS)


K = TypeVar("K")


def newest_modified(articles: Iterable[Article]) -> datetime | None:
    """`max(a.modified for a in articles)` (the first of equal instants; None: none) in
    about a third of its time: comparing two aware datetimes converts both to UTC (an
    article's offset is a tzinfo object of its own), so the POSIX times are compared
    first, then the datetimes within a second of the latest (a POSIX time as a float is
    within 0.0001 s of its instant up to the year 9999: any other is older)."""
    modified = [a.modified for a in articles]
    stamps = [m.timestamp() for m in modified]
    if not stamps:
        return None
    near = max(stamps) - 1.0
    return max(m for m, stamp in zip(modified, stamps, strict=True) if stamp >= near)


def oldest_by(pairs: Iterable[tuple[K, Article]]) -> dict[K, Article]:
    """The oldest article (by date, then file name) of each key, from (key, article) pairs."""
    found: dict[K, Article] = {}
    for key, article in pairs:
        known = found.get(key)
        if known is None or (article.date, article.source) < (known.date, known.source):
            found[key] = article
    return found


def with_values(article: Article, **changes: Any) -> Article:
    """`dataclasses.replace` for an Article, about twice as fast (no per-field checks in
    Python): a build gives thousands of articles their topics and bylines this way.
    TypeError for a name that is not a field."""
    return article._with_values(changes)


@dataclass(frozen=True, slots=True)
class OutputFile:
    """A file of the built site: its path relative to the output directory, and its bytes."""

    path: str
    data: bytes


@dataclass(frozen=True, slots=True)
class WrittenFile(OutputFile):
    """A file of the built site that a worker wrote into the staging folder itself (a first
    build's pages: generator.write.output.page_writer), its bytes not sent here (empty)."""


@dataclass(frozen=True, slots=True)
class KeptFiles:
    """Files of the built site kept as the last build wrote them, by path, in the site's
    order: given to the writer as one item, not as an OutputFile each (17,000 at 10,000
    articles, kept by a rebuild after one edit)."""

    paths: list[str]

    def among(
        self, keep: Collection[str], differing: Collection[str], listed: Collection[str]
    ) -> bool:
        """Whether every path is in `keep` and in `listed` (the relative paths a walk of a
        folder made: clean, no part '', '.' or '..'), and none in `differing`."""
        paths, found = self.paths, listed if isinstance(listed, set | frozenset) else set(listed)
        return (
            all(map(keep.__contains__, paths))
            and all(map(found.__contains__, paths))
            and not any(map(differing.__contains__, paths))
        )


def one_by_one(
    files: Iterable[OutputFile | KeptFiles], at_once: Callable[[KeptFiles], bool]
) -> Iterator[OutputFile]:
    """`files` one at a time, but for each run of kept files that `at_once` took whole."""
    for item in files:
        if isinstance(item, OutputFile):
            yield item
        elif not at_once(item):
            yield from (OutputFile(path, b"") for path in item.paths)
