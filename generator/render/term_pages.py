"""Every taxonomy's pages (generator.index.terms.KINDS), one implementation for all kinds:
the index of its terms (sized by use, or in the site's order) and each term's paginated
list of stories, with the term's feed."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.index.site import Group, Site
from generator.index.terms import TermKind
from generator.render import titles as T
from generator.render.page_render import PageRenderer, PageSpec


@dataclass(frozen=True, slots=True)
class Term:
    """An entry of the topics or countries index: sized 1 (least used) to 5 (most used)."""

    name: str
    href: str
    count: int
    size: int


def term_size(count: int, top: int) -> int:
    """1..5 on a log scale of use, so the few big topics stand out from the many small."""
    return 1 + round(4 * math.log(count) / math.log(top)) if top > 1 else 1


def terms_by_use(
    groups: list[Group[Any]], names: list[str], hrefs: list[str], sized: bool = True
) -> list[Term]:
    """Index entries with their number of stories, sized by use (or all the same size)."""
    top = max((len(g.articles) for g in groups), default=1)
    return [
        Term(name, href, len(g.articles), term_size(len(g.articles), top) if sized else 2)
        for g, name, href in zip(groups, names, hrefs, strict=True)
    ]


class TermPages:
    """A section's term pages: each kind's index page and its terms' lists."""

    def __init__(self, pages: PageRenderer, site: Site) -> None:
        self.pages = pages
        self.site = site
        self.urls = pages.urls
        self.say = pages.say

    def terms(self, kind: TermKind) -> list[Term]:
        """The entries of a taxonomy's index: most used first and sized by use, or in the
        site's order (by name) all one size, as the kind says."""
        groups = self.site.terms_by_use(kind)
        return terms_by_use(
            groups,
            [g.key.name for g in groups],
            [self.urls.term(kind, g.key) for g in groups],
            sized=kind.by_use,
        )

    def terms_index(self, kind: TermKind) -> PageSpec:
        terms = self.terms(kind)
        return self.pages.spec(
            "terms.html",
            self.urls.terms(kind),
            title=self.say(T.TERM_WORDS[kind.name][0]),
            kind=kind.name,
            description=self.say(T.TERM_WORDS[kind.name][2], site=self.pages.settings.title),
            terms=terms,
            lede=self.say.count(T.TERM_LEDES[kind.name], len(terms)),
        )

    def term_list(self, kind: TermKind, group: Group[Any]) -> Iterator[PageSpec]:
        """One term's paginated list of stories."""
        name = group.key.name
        feed = self.pages.feeds.term(kind, group.key).link("rss")
        yield from self.pages.listing(
            "list.html",
            self.urls.term(kind, group.key),
            group.articles,
            title=self.say(T.TERM_WORDS[kind.name][1], name=name),
            heading=name,
            kind=self.say(kind.label),  # the label above the heading
            feeds=(feed,),
            own_feed=feed,
            description=self.say(T.TERM_WORDS[kind.name][3], name=name),
            # A topic's page does not repeat its own topic above each headline, nor a
            # country's page its country beside each story (partials/card.html).
            **{kind.variable: group.key},
        )
