"""Every feed of the site, decided once: what it is called, where it lives, what it carries.

`site_feeds` returns one list, `SiteFeeds`, and everything that names a feed iterates it or
looks a feed up in it by key: the feed files (generator.render.feeds.files: each feed in each of
its formats, made by what its items are, `carries`), OPML (every feed, in this order), the
pages' `<link rel="alternate">` tags (the `advertised` feeds, generator.render.page_render)
and the links the templates show (`main_feed`, `digest_feed`, a term page's `own_feed`). A
new feed is one more entry in `site_feeds`: its key, title, page, items, formats, what its
items are and whether every page advertises it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.config import Settings
from generator.index.site import Site
from generator.index.terms import KINDS, TermKind
from generator.languages import autonym
from generator.model import Article
from generator.render.titles import TERM_WORDS
from generator.render.urls import Urls

# Format -> (MIME type, the name readers know it by)
FORMATS = {
    "rss": ("application/rss+xml", "RSS"),
    "atom": ("application/atom+xml", "Atom"),
    "json": ("application/feed+json", "JSON Feed"),
}


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A feed offered on a page, for <link rel="alternate"> and visible links."""

    title: str
    href: str
    type: str = "application/rss+xml"


@dataclass(frozen=True, slots=True)
class Feed:
    """One feed of the site, in one file per format (the first is its main file)."""

    title: str
    description: str
    home: str  # site path of the page it belongs to
    items: Sequence[Article]  # newest first, at most feed_length; the digest's are its days
    formats: tuple[tuple[str, str], ...]  # (format, site path of its file)
    names_format: bool = True  # its link titles end with the format: "Desk (Atom)"
    carries: str = "stories"  # its items: "stories" (one an article), "days" (one a day over)
    advertised: bool = False  # every page's <link rel="alternate"> tags offer it

    @property
    def path(self) -> str:
        return self.formats[0][1]

    def link(self, format: str) -> FeedLink:
        mime, label = FORMATS[format]
        href = dict(self.formats)[format]
        return FeedLink(f"{self.title} ({label})" if self.names_format else self.title, href, mime)

    def links(self) -> tuple[FeedLink, ...]:
        return tuple(self.link(format) for format, _ in self.formats)


@dataclass(frozen=True, slots=True)
class SiteFeeds:
    """The site's feeds, by key in the order OPML lists them: every story ("main"), the
    daily digest ("digest"), then one per taxonomy term ("KIND/SLUG", KINDS' order)."""

    feeds: dict[str, Feed]

    def all(self) -> list[Feed]:
        """Every feed, in the order OPML lists them and files.py plans their files."""
        return list(self.feeds.values())

    @property
    def main(self) -> Feed:
        return self.feeds["main"]

    @property
    def digest(self) -> Feed:
        return self.feeds["digest"]

    def term(self, kind: TermKind, key: object) -> Feed:
        return self.feeds[term_key(kind, getattr(key, "slug"))]  # noqa: B009 (Tag or Country)

    def advertised(self) -> tuple[FeedLink, ...]:
        """The links every page's <link rel="alternate"> tags offer, after its own."""
        return tuple(link for feed in self.all() if feed.advertised for link in feed.links())


def term_key(kind: TermKind, slug: str) -> str:
    return f"{kind.name}/{slug}"


def site_feeds(site: Site, settings: Settings, urls: Urls) -> SiteFeeds:
    """Decide every feed of `site`. A language's section (`urls.folder`, `settings.language`
    its tag) has its feeds in its folder, their titles naming the language in itself:
    "Gazette (اردو)", "Gazette (اردو): Weather"."""
    title, length = settings.title, settings.feed_length
    if urls.folder:
        title = f"{title} ({autonym(settings.language)})"
    feeds = {
        "main": Feed(
            title,
            settings.description,
            urls.home(),
            site.articles[:length],
            (
                ("rss", urls.feed("feed.xml")),
                ("atom", urls.feed("atom.xml")),
                ("json", urls.feed("feed.json")),
            ),
            advertised=True,
        ),
        "digest": Feed(
            f"{title}: daily digest",
            "",
            urls.home(),
            (),
            (("rss", urls.digest_feed()),),
            carries="days",
        ),
    }
    for kind in KINDS:
        for group in site.terms(kind):
            name = group.key.name
            feeds[term_key(kind, group.key.slug)] = Feed(
                f"{title}: {name}",
                TERM_WORDS[kind.name][3] % {"name": name},  # the feed's words are English
                urls.term(kind, group.key),
                group.articles[:length],
                (("rss", urls.term_feed(kind, group.key)),),
                names_format=False,
            )
    return SiteFeeds(feeds)
