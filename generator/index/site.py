"""The site index: articles newest first, grouped by topic, country, month and day.

Built once per build with one sort (O(n log n)) and one pass over the articles.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from operator import attrgetter
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from generator.index.terms import COUNTRIES, KINDS, TOPICS, TermKind
from generator.model import Article, Country, Tag

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Group(Generic[K]):
    """Articles sharing a key (a topic, a country, a month or a day), newest first."""

    key: K
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a paginated listing."""

    number: int
    count: int
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class TermUse(Generic[K]):
    """A term and how many stories have it, without the stories: a list made of placements
    only (the home page's top topics), which an edit of a story's text leaves as it is
    (generator.speed.deps: a page holding a Group reads every story in it)."""

    key: K
    count: int


@dataclass(frozen=True, slots=True)
class Site:
    articles: tuple[Article, ...]
    months: tuple[Group[tuple[int, int]], ...]  # newest first
    days: tuple[Group[date], ...]  # newest first, in the site's time zone
    by_kind: dict[str, tuple[Group[Any], ...]]  # every taxonomy's groups (index.terms.KINDS)

    @property
    def topics(self) -> tuple[Group[Tag], ...]:
        """The topics' groups, by slug: `terms(TOPICS)`."""
        return self.terms(TOPICS)

    @property
    def countries(self) -> tuple[Group[Country], ...]:
        """The countries' groups, by name: `terms(COUNTRIES)`."""
        return self.terms(COUNTRIES)

    def top_topics(self, count: int) -> list[TermUse[Tag]]:
        """The `count` most used topics (`terms_by_use`), each with its number of stories."""
        return [TermUse(g.key, len(g.articles)) for g in self.terms_by_use(TOPICS)[:count]]

    def terms(self, kind: TermKind) -> tuple[Group[Any], ...]:
        """The groups of a taxonomy (generator.index.terms), in URL-slug or name order.

        Their keys have a `slug` (URL) and a `name` (what readers see): Tag, Country."""
        return self.by_kind[kind.name]

    def terms_by_use(self, kind: TermKind) -> list[Group[Any]]:
        """A taxonomy's groups, the most used first when the kind is ordered by use."""
        groups = self.terms(kind)
        if not kind.by_use:
            return list(groups)
        return sorted(groups, key=lambda g: (-len(g.articles), g.key.slug))


def _groups(pairs: Iterable[tuple[K, Article]]) -> dict[K, list[Article]]:
    grouped: dict[K, list[Article]] = defaultdict(list)
    for key, article in pairs:
        grouped[key].append(article)
    return grouped


def _by_term(ordered: Sequence[Article], kind: TermKind) -> dict[Any, list[Article]]:
    """`_groups` of the articles by each of their terms of `kind`: each term object is
    looked up by its identity (articles share them), and equal terms held in different
    objects are then merged, their articles back in the order of `ordered`. The same
    groups, in the same order, without hashing a term (a dataclass's hash, made in
    Python) for every article."""
    by_id: dict[int, tuple[Any, list[Article]]] = {}
    terms_of = kind.terms_of
    for article in ordered:
        for term in terms_of(article):
            found = by_id.get(id(term))
            if found is None:
                found = by_id[id(term)] = (term, [])
            found[1].append(article)
    runs: dict[Any, list[list[Article]]] = {}
    for term, articles in by_id.values():
        runs.setdefault(term, []).append(articles)
    grouped: dict[Any, list[Article]] = {}
    rank: dict[int, int] = {}  # made only when lists have to be sorted together

    def position(article: Article) -> int:
        if not rank:
            rank.update((id(a), i) for i, a in enumerate(ordered))
        return rank[id(article)]

    for term, lists in runs.items():
        grouped[term] = _merged(lists, position) if len(lists) > 1 else lists[0]
    return grouped


def _merged(runs: list[list[Article]], position: Callable[[Article], int]) -> list[Article]:
    """Runs of articles, each in the index's order (`position`), as one list in that
    order. A few stories (the ones a rebuild read anew, holding their own term objects)
    are inserted into the longest run where their `sort_key` puts them (the index's order;
    a story whose key another one there has too falls back to the sort); runs of like size
    (a clean build's read workers share objects per chunk) are merged by one sort."""
    runs.sort(key=len)
    longest = runs.pop()
    if sum(map(len, runs)) * 16 <= len(longest):
        merged = list(longest)
        for article in chain.from_iterable(runs):
            key = article.sort_key
            at = bisect_right(merged, key, key=_sort_key)
            if at and merged[at - 1].sort_key == key:
                break  # two stories with one key: their order is the index's, by position
            merged.insert(at, article)
        else:
            return merged
    return sorted(chain(longest, *runs), key=position)


_sort_key = attrgetter("sort_key")


def _freeze(grouped: dict[K, list[Article]], order: Sequence[K]) -> tuple[Group[K], ...]:
    return tuple(Group(key, tuple(grouped[key])) for key in order)


def build_index(articles: Iterable[Article], tz: ZoneInfo) -> Site:
    ordered = tuple(sorted(articles, key=lambda a: a.sort_key))
    by_kind = {}
    for kind in KINDS:
        groups = _by_term(ordered, kind)
        by_kind[kind.name] = _freeze(groups, sorted(groups, key=kind.order))
    # Days and months are those of the site's timezone, the clock listings show times on.
    local = [(a.date.astimezone(tz).date(), a) for a in ordered]
    months = _groups(((day.year, day.month), a) for day, a in local)
    days = _groups(local)
    return Site(
        articles=ordered,
        months=_freeze(months, sorted(months, reverse=True)),
        days=_freeze(days, sorted(days, reverse=True)),
        by_kind=by_kind,
    )


def paginate(articles: Sequence[Article], per_page: int) -> list[Page]:
    """Split a listing into pages of per_page; an empty listing still has one page."""
    count = max(1, -(-len(articles) // per_page))
    return [
        Page(n + 1, count, tuple(articles[n * per_page : (n + 1) * per_page])) for n in range(count)
    ]
