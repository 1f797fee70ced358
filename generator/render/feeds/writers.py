"""Each format's writer of a feed (a Channel): RSS 2.0 and Atom 1.0 (by feedgen, which
writes the channel's head; RSS items by extensions.rss_item) and JSON Feed 1.1 (json).

RSS dates are written in GMT, Atom and JSON Feed dates in RFC 3339 with the article's own
offset; every URL is absolute. Every channel names the theme's icon: RSS <image> (a 144
px PNG), Atom <icon> and <logo>, JSON Feed `icon` and `favicon`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from feedgen.feed import FeedGenerator
from lxml import etree
from markupsafe import escape

from generator import __version__
from generator.config import Settings
from generator.languages import preferred_tag
from generator.model import Article, OutputFile
from generator.render.environment import byline
from generator.render.feeds.extensions import RssItem, add_hub, add_media, rss_item
from generator.render.feeds.items import FeedItems
from generator.render.summary import shows_nothing
from generator.render.urls import Urls

# The theme's PNG icons (static/, drawn by tools/make_icons.py): RSS wants an image at
# most 144 px wide, JSON Feed a 512 px icon and a 64 px favicon.
RSS_IMAGE, ICON, FAVICON = "icon-144.png", "icon-512.png", "icon-64.png"
# RSS items an RssWriter keeps (about 6 KB each, most of it the story's HTML): a story is
# in about three feeds (its topics', country's, authors', the main one)
ITEMS_KEPT = 1000


@dataclass(frozen=True, slots=True)
class Channel:
    """One feed: what it is called, where it lives and which articles it carries."""

    title: str
    description: str
    path: str  # site path of the feed file
    home: str  # site path of the page it belongs to
    articles: Sequence[Article]


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C': a byline of several names, as the article page
    writes it (one RSS dc:creator, which readers show whole)."""
    return "".join(name + after for name, after in byline(names))


def add_icons(fg: FeedGenerator, urls: Urls) -> None:
    """RSS <image> (its title and link are the channel's), which feedgen also writes
    as Atom's <logo>, and Atom's <icon>."""
    fg.image(urls.absolute(urls.static(RSS_IMAGE)), width="144", height="144")
    fg.icon(urls.absolute(urls.static(FAVICON)))


class FeedgenWriter:
    """A channel's head by feedgen, for RSS (dates in GMT) or Atom (dates with offsets).
    `empty_updated`: the date of a feed with no item."""

    def __init__(
        self, settings: Settings, urls: Urls, items: FeedItems, empty_updated: datetime
    ) -> None:
        self.settings = settings
        self.urls = urls
        self.items = items
        self.empty_updated = empty_updated

    def feedgen(self, channel: Channel, rss: bool) -> FeedGenerator:
        """The channel without its items; feedgen keeps one date for both formats, so each
        format gets its own generator."""
        fg = FeedGenerator()
        # fg.load_extension("dc", ...) without the two imports it tries for every feed
        # (feedgen.ext.dc is imported here: it needs feedgen.feed's lxml.etree loaded first)
        from feedgen.ext.dc import DcEntryExtension, DcExtension

        fg.register_extension("dc", DcExtension, DcEntryExtension, atom=False, rss=True)
        fg.id(f"tag:{self.settings.site_id}:{channel.path[len(self.urls.base_path) :]}")
        fg.title(channel.title)
        # RSS's channel <description> is plain text, as its <title> is (the W3C validator
        # warns of HTML in it): escaped once, so "AT&T" reads "AT&T" (tester, T7); a word
        # in angle brackets in the site's description is warned as in a headline.
        fg.subtitle(channel.description)
        # Self first: feedgen makes the last link the RSS channel's <link>, the web page.
        fg.link(href=self.urls.absolute(channel.path), rel="self")
        fg.link(href=self.urls.absolute(channel.home), rel="alternate")
        fg.language(preferred_tag(self.settings.language))
        fg.author({"name": self.settings.publisher_name})
        fg.generator("newsdigest", version=__version__)
        add_icons(fg, self.urls)
        add_hub(fg, self.settings.websub_hub)
        add_media(fg, rss)
        updated = max((a.modified for a in channel.articles), default=self.empty_updated)
        fg.updated(updated.astimezone(UTC) if rss else updated)
        return fg


class RssWriter(FeedgenWriter):
    """RSS 2.0: the channel by feedgen (as its rss_str makes it), the items by rss_item.
    Bylines go in dc:creator: RSS's own <author> must be an e-mail address (feedgen too
    leaves it out for authors given by name only)."""

    def __init__(
        self, settings: Settings, urls: Urls, items: FeedItems, empty_updated: datetime
    ) -> None:
        super().__init__(settings, urls, items, empty_updated)
        self.made: dict[str, Any] = {}  # by story source: its <item>, in no document

    def __call__(self, channel: Channel) -> OutputFile:
        feed, document = self.feedgen(channel, rss=True)._create_rss()
        for article in channel.articles:
            feed[0].append(self.kept(article))  # feed[0]: <channel>
        data = etree.tostring(document, pretty_print=True, encoding="UTF-8", xml_declaration=True)
        return OutputFile(self.urls.output_path(channel.path), data)

    def kept(self, article: Article) -> Any:
        """A copy of the story's <item> element (`rss_item` of `item`), made once for every
        feed that carries it (its body read, its links made absolute and its elements built
        once: the last ITEMS_KEPT stories'); lxml copies a subtree in C, a third of the
        time `rss_item` takes to build it."""
        made = self.made.get(article.source)
        if made is None:
            if len(self.made) >= ITEMS_KEPT:
                self.made.clear()
            made = self.made[article.source] = rss_item(self.item(article))
        return made.__copy__()

    def item(self, article: Article) -> RssItem:
        """The article's RSS item: what AtomWriter.entry says, with the dates in GMT and
        the lead image as an enclosure too."""
        link = self.items.link(article)
        image = self.items.enclosure(article)
        return RssItem(
            title=article.title,
            link=link,
            # HTML: the plain summary is escaped once more (see AtomWriter.entry)
            description=str(escape(article.summary or article.title)),
            content=self.items.content_html(article),
            guid=article.guid,
            permalink=article.guid == link,
            categories=tuple(tag.name for tag in article.tags),
            enclosure=image,
            published=article.date.astimezone(UTC),
            # One dc:creator: readers that show one would show only the last of several.
            creator=join_names(article.authors),
            lead=self.items.lead(article, image),
        )


class AtomWriter(FeedgenWriter):
    """Atom 1.0, channel and entries by feedgen."""

    def __call__(self, channel: Channel) -> OutputFile:
        fg = self.feedgen(channel, rss=False)
        for article in channel.articles:
            self.entry(fg, article)
        data = fg.atom_str(pretty=True)
        return OutputFile(self.urls.output_path(channel.path), data)

    def entry(self, fg: FeedGenerator, article: Article) -> None:
        """The article's Atom entry, by feedgen."""
        entry = fg.add_entry(order="append")
        link = self.items.link(article)
        entry.id(article.guid)
        entry.guid(article.guid, permalink=article.guid == link)
        entry.title(article.title)
        entry.link(href=link, rel="alternate")
        # RSS <description> is HTML; the summary is plain text, so it is escaped once more
        # (a summary reading "<svg onload=...>" must reach a reader as text). Atom's
        # <summary> is type="text" and takes it as it is.
        entry.description(str(escape(article.summary or article.title)))
        entry.summary(article.summary or article.title)
        entry.content(self.items.content_html(article), type="html")
        entry.published(article.date)
        entry.updated(article.modified)
        if article.authors:  # in one call each: feedgen redoes the list at every call
            entry.author([{"name": name} for name in article.authors])
        if article.tags:
            entry.category([{"term": tag.name, "label": tag.name} for tag in article.tags])
        lead = self.items.lead(article, self.items.enclosure(article))
        if lead is not None:  # an enclosure link
            entry.media.image(lead)


class JsonFeedWriter:
    """JSON Feed 1.1, written by json (UTF-8, indented by two)."""

    def __init__(self, settings: Settings, urls: Urls, items: FeedItems) -> None:
        self.settings = settings
        self.urls = urls
        self.items = items

    def __call__(self, channel: Channel) -> OutputFile:
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": channel.title,
            "description": channel.description,
            "home_page_url": self.urls.absolute(channel.home),
            "feed_url": self.urls.absolute(channel.path),
            "language": preferred_tag(self.settings.language),
            "icon": self.urls.absolute(self.urls.static(ICON)),
            "favicon": self.urls.absolute(self.urls.static(FAVICON)),
            "authors": [{"name": self.settings.publisher_name}],
            # An item needs content: an empty draft (`build --drafts`) is left out, one of
            # invisible characters too (prober4 L6); the build says so (empty_draft).
            "items": [
                i
                for i in map(self.item, channel.articles)
                if not shows_nothing(str(i["content_html"]))
            ],
        }
        if self.settings.websub_hub:
            feed["hubs"] = [{"type": "WebSub", "url": self.settings.websub_hub}]
        data = json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
        return OutputFile(self.urls.output_path(channel.path), data.encode("utf-8"))

    def item(self, article: Article) -> dict[str, object]:
        item: dict[str, object] = {
            "id": article.guid,
            "url": self.items.link(article),
            "title": article.title,
            "content_html": self.items.content_html(article),
            "summary": article.summary,
            "date_published": article.date.isoformat(),
            "date_modified": article.modified.isoformat(),
            "authors": [{"name": name} for name in article.authors],
            "tags": [t.name for t in article.tags],
        }
        if article.image:
            item["image"] = (
                article.image.src
                if article.image.is_remote
                else self.urls.absolute(self.urls.media(article.image.src))
            )
        return item
