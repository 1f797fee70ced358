"""How stories are put together for readers: a day's stories by topic, an article's related stories.

Pure functions over the site index, shared by the pages and the digest feed.
"""

from __future__ import annotations

import functools
import heapq
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import itemgetter

from generator.index.site import Site
from generator.model import Article, Tag

RELATED_LIMIT = 4
# How many neighbours on each side of an article, in each of its topics, are considered
# for its related stories: bounded, so the cost per article does not grow with the site.
RELATED_WINDOW = 12


def human_date(value: date) -> str:
    """'27 June 2025'."""
    if type(value) is date:  # (a datetime equal to another may be on another day)
        return _human_date(value)
    return f"{value.day} {value:%B %Y}"


def human_day(value: date) -> str:
    """'Friday 27 June 2025': a digest day's name."""
    if type(value) is date:
        return _human_day(value)
    return f"{value:%A} {human_date(value)}"


# A page lists many stories of few days, and strftime costs microseconds.
@functools.lru_cache(maxsize=4096)
def _human_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


@functools.lru_cache(maxsize=4096)
def _human_day(value: date) -> str:
    return f"{value:%A} {_human_date(value)}"


HOME_LIMIT = 40  # story links on the home page, whatever the settings


@dataclass(frozen=True, slots=True)
class TopicGroup:
    """On a digest day: one topic and the day's stories filed under it (those shown), and
    how many more of them are left for the day's digest page."""

    tag: Tag | None
    articles: tuple[Article, ...]
    more: int = 0

    @property
    def count(self) -> int:
        """Every story of the day under the topic: those shown and the `more`."""
        return len(self.articles) + self.more


def day_topics(articles: tuple[Article, ...]) -> list[TopicGroup]:
    """A day's stories grouped by topic, the day's most-covered topics first.

    Each story is filed once, under its tag that the day covers most. A featured story
    (`featured: true`; the newest, if several) leads: its topic comes first and it first
    in it, so the day's first story is its lead.
    """
    counts = Counter(tag for a in articles for tag in a.tags)
    filed: dict[Tag | None, list[Article]] = {}
    for article in articles:
        tag = min(article.tags, key=lambda t: (-counts[t], t.slug)) if article.tags else None
        filed.setdefault(tag, []).append(article)
    lead = next((a for a in articles if a.featured), None)
    lead_tag = (
        (min(lead.tags, key=lambda t: (-counts[t], t.slug)) if lead.tags else None)
        if lead
        else None
    )
    order = sorted(
        filed,
        key=lambda t: (
            lead is None or t != lead_tag,
            t is None,
            -len(filed[t]),
            t.slug if t else "",
        ),
    )
    groups = []
    for tag in order:
        stories = filed[tag]
        if lead is not None and tag == lead_tag:
            stories = [lead, *(a for a in stories if a is not lead)]
        groups.append(TopicGroup(tag, tuple(stories)))
    return groups


def front_page(
    days: list[tuple[date, list[TopicGroup]]], per_day: int, per_topic: int, limit: int = HOME_LIMIT
) -> list[tuple[date, list[TopicGroup], int]]:
    """The home page's share of each day: per topic at most `per_topic` stories, per day at
    most `per_day`, on the page at most `limit`, in the day's order (its lead first).

    Returns (day, groups shown with how many more each has, stories of the day's topics
    not shown at all); a day with no room left is left out.
    """
    out: list[tuple[date, list[TopicGroup], int]] = []
    room = limit
    for day, groups in days:
        budget = min(per_day, room)
        if budget <= 0:
            break
        shown: list[TopicGroup] = []
        hidden = 0
        for group in groups:
            take = min(per_topic, budget, len(group.articles))
            if take == 0:
                hidden += len(group.articles)
                continue
            shown.append(TopicGroup(group.tag, group.articles[:take], len(group.articles) - take))
            budget -= take
            room -= take
        out.append((day, shown, hidden))
    return out


class RelatedStories:
    """Related stories: those sharing the most topics with an article, then the newest.

    Candidates come from each of the article's topics, at most RELATED_WINDOW stories on
    either side of it in that topic's newest-first list: the work per article is bounded
    by its number of topics, so 100,000 articles cost no more per page than 100.
    """

    def __init__(
        self, site: Site, limit: int = RELATED_LIMIT, window: int = RELATED_WINDOW
    ) -> None:
        self.limit = limit
        self.window = window
        self.topics: dict[Tag, tuple[Article, ...]] = {g.key: g.articles for g in site.topics}
        # Each topic's position of every story in it, made when a page first asks (a
        # rebuild that makes a few article pages indexes only their topics).
        self.position: dict[Tag, dict[str, int]] = {}
        self.sources: dict[Tag, tuple[str, ...]] = {}  # each indexed topic's, in its order
        self.by_source: dict[str, Article] = {}  # the stories of the indexed topics
        self.order: dict[str, tuple[float, str]] = {}  # Article.sort_key by source, as met

    def index_all(self) -> None:
        """Index every topic now (each is otherwise indexed when a page first asks): done
        before worker processes fork, so that they share one index instead of each making
        its own, and reading every topic's stories to make it, which copies them."""
        for tag in self.topics:
            self._where(tag, "")
        order = self.order
        for source, article in self.by_source.items():
            if source not in order:
                order[source] = article.sort_key

    def _where(self, tag: Tag, source: str) -> int | None:
        position = self.position.get(tag)
        if position is None:
            articles = self.topics.get(tag)
            if articles is None:
                return None
            position = self.position[tag] = {a.source: i for i, a in enumerate(articles)}
            sources = self.sources[tag] = tuple(a.source for a in articles)
            self.by_source.update(zip(sources, articles, strict=True))
        return position.get(source)

    def __call__(self, article: Article) -> tuple[Article, ...]:
        shared: Counter[str] = Counter()
        for tag in article.tags:
            here = self._where(tag, article.source)
            if here is not None:  # the window, itself too (taken out below)
                low, high = max(0, here - self.window), here + self.window + 1
                shared.update(self.sources[tag][low:high])
        shared.pop(article.source, None)
        order, by_source = self.order, self.by_source
        for source in [s for s in shared if s not in order]:
            order[source] = by_source[source].sort_key
        # The most shared topics first, then the newest: sorted(shared, key=(-count, order))
        # cut at `limit` (stable: equal keys keep the order met), each count's candidates
        # sorted by their order only as far as they are needed.
        best: list[str] = []
        for _, group in groupby(shared.most_common(), itemgetter(1)):
            need = self.limit - len(best)
            if need <= 0:
                break
            best += heapq.nsmallest(need, map(itemgetter(0), group), key=order.__getitem__)
        return tuple(by_source[source] for source in best)
