"""Taxonomies: the kinds of term a story is filed under (topics, countries), one implementation.

A kind names its URL folder, its words for pages and feeds, and how its index is ordered.
Every kind gets the same things: an index page, a paginated page per term and a feed per
term (generator.render.pages, generator.render.feedlist). A new kind (authors) is a new
`TermKind` here, its groups in `generator.index.site.Site.terms` and its `KINDS` entry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TermKind:
    """One taxonomy. `{site}` and `{name}` in the texts are the site's title and the term's."""

    name: str  # the index page's word and `Site.terms` key: "topics"
    folder: str  # URL folder: /tags/, /tags/SLUG/, /tags/SLUG/feed.xml
    label: str  # above a term page's heading: "Topic"
    title: str  # the index page's title: "Topics"
    index_description: str  # the index page's description
    description: str  # a term page's and its feed's description
    by_use: bool  # index: most used first, sized by use; else in the Site's order, one size


TOPICS = TermKind("topics", "tags", "Topic", "Topics",
                  "Every topic of {site}, most covered first.", "Stories about {name}.",
                  by_use=True)
COUNTRIES = TermKind("countries", "countries", "Country", "Countries",
                     "Stories of {site} by country.", "Stories from {name}.", by_use=False)
KINDS = (TOPICS, COUNTRIES)  # in this order on pages, in feeds and in OPML
