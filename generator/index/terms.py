"""Taxonomies: the kinds of term a story is filed under (topics, countries), one implementation.

A kind says which terms an article is filed under, names its URL folder and its words for
pages and feeds, and how its index is ordered. Every kind gets the same things: its groups
in the Site index, an index page, a paginated page per term and a feed per term
(generator.index.site, generator.render.term_pages, generator.render.feeds.feedlist). A new kind
(authors: a term type with `slug` and `name`, one per byline name) is one more `TermKind`
in `KINDS`; README (Development, "Where the next things go") lists what it touches around
this module: the field, the Article's slot, the theme's words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from generator.model import Article


@dataclass(frozen=True, slots=True)
class TermKind:
    """One taxonomy. Its pages' titles and descriptions, in every language, are
    render.titles.TERM_WORDS[name]."""

    name: str  # the index page's word and `Site.terms` key: "topics"
    folder: str  # URL folder: /tags/, /tags/SLUG/, /tags/SLUG/feed.xml
    label: str  # above a term page's heading, in English (render.titles.TERM_LABELS): "Topic"
    by_use: bool  # index: most used first, sized by use; else in the Site's order, one size
    terms_of: Callable[[Article], Iterable[Any]]  # an article's terms: each has slug and name
    order: Callable[[Any], Any]  # the Site's order of the terms (sort key)
    # The front-matter field the terms are written in, and one term as an editor calls it,
    # for messages that point there (check --base: a term page moved or gone).
    field: str
    written_as: str
    # The term on its own page, as the templates call it (a card leaves it out): "topic"
    variable: str


TOPICS = TermKind(
    "topics",
    "tags",
    "Topic",
    by_use=True,
    terms_of=lambda a: a.tags,
    order=lambda t: t.slug,
    field="tags",
    written_as="tag",
    variable="topic",
)


def _alphabetical(name: str) -> str:
    """`name` as an index sorts it: accents and case aside ('Åland' -> 'aland')."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


COUNTRIES = TermKind(
    "countries",
    "countries",
    "Country",
    by_use=False,
    terms_of=lambda a: (a.country,),
    order=lambda c: (_alphabetical(c.name), c.name, c.code),  # Åland with the A's
    field="country",
    written_as="country",
    variable="country",
)
AUTHORS = TermKind(
    "authors",
    "authors",
    "Author",
    by_use=False,
    terms_of=lambda a: a.bylines,
    order=lambda p: (p.name.casefold(), p.slug),
    field="credits",
    written_as="byline",
    variable="author",
)
KINDS = (TOPICS, COUNTRIES, AUTHORS)  # in this order on pages, in feeds and in OPML
