"""Every feed file of a language's section, planned before it is made: the feeds of
`feedlist.site_feeds` in each of their formats (RSS, Atom, JSON Feed: writers), the
daily digest feed (digest) and OPML, which lists them.

An item's content is the story as the article page shows it (items). Item ids are the
articles' GUIDs; every URL in a feed is absolute.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from generator.config import Settings
from generator.index.site import Site
from generator.load.files import stamp
from generator.model import Article, OutputFile
from generator.render.feeds.digest import DigestFeedWriter
from generator.render.feeds.feedlist import Feed, site_feeds
from generator.render.feeds.items import FeedItems
from generator.render.feeds.writers import AtomWriter, Channel, JsonFeedWriter, RssWriter
from generator.render.urls import Urls


@dataclass(frozen=True, slots=True)
class PlannedFeed:
    """A feed file before it is generated."""

    path: str  # in the output directory
    inputs: object  # the values its bytes are made from, for the build's fingerprint
    make: Callable[[], OutputFile]
    checked: bool = False  # its inputs hold more than its articles: never kept unread


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def site_start(site_id: str) -> datetime:
    """The first instant (UTC) of the date a site_id names (`example.org,2025` -> 2025-01-01,
    `...,2025-06` -> 2025-06-01, `...,2025-06-25`): a fixed date the site existed by, for
    a feed with no story; the epoch for a site_id without one (a writer made in a test)."""
    parts = [int(p) for p in site_id.rpartition(",")[2].split("-") if p.isdigit()]
    if not parts:
        return _EPOCH
    year, month, day = (*parts, 1, 1)[:3]
    for date in ((year, month, day), (year, month, 1), (year, 1, 1)):
        try:
            return datetime(*date, tzinfo=UTC)
        except ValueError:  # a month 13 or the 31st of June: the month, or the year alone
            continue
    return _EPOCH


def opml(settings: Settings, urls: Urls, feeds: list[Feed]) -> OutputFile:
    """feeds.opml: every feed of `feeds`, by title, with its file and its page."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = f"{settings.title}: all feeds"
    body = ET.SubElement(root, "body")
    for feed in feeds:
        ET.SubElement(
            body,
            "outline",
            type="rss",
            text=feed.title,
            title=feed.title,
            xmlUrl=urls.absolute(feed.path),
            htmlUrl=urls.absolute(feed.home),
        )
    ET.indent(root)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
    return OutputFile(urls.output_path(urls.file("feeds.opml")), data)


class FeedWriter:
    """The feed files of a section's `site`, planned (`plan`): each made by its `make`.

    `now`: the build's clock (the digest feed carries only days that are over); `filled`
    and `corrections`: FeedItems'. A feed with no item is dated the newest change of any
    story of the site, every language's (`newest`; RFC 4287 4.2.15: a real instant), else
    the date its site_id names (`site_start`): never the build's clock, so the same
    content builds the same bytes whenever it is built.
    """

    def __init__(
        self,
        settings: Settings,
        urls: Urls,
        content_dir: Path,
        site: Site,
        now: datetime | None = None,
        filled: Callable[[Article], Article] | None = None,
        corrections: Callable[[Article], str] | None = None,
        newest: datetime | None = None,
    ) -> None:
        self.settings = settings
        self.urls = urls
        self.content_dir = content_dir
        self.site = site
        self.empty_updated = newest or site_start(settings.site_id)
        items = FeedItems(urls, content_dir, filled, corrections, settings.language)
        self.formats: dict[str, Callable[[Channel], OutputFile]] = {
            "rss": RssWriter(settings, urls, items, self.empty_updated),
            "atom": AtomWriter(settings, urls, items, self.empty_updated),
            "json": JsonFeedWriter(settings, urls, items),
        }
        self.digest = DigestFeedWriter(settings, urls, site, now, self.empty_updated)

    def plan(self, opml: bool = True, others: Sequence[Feed] = ()) -> list[PlannedFeed]:
        """Every feed file, not yet written: its path, what it is made of, how to make it.

        The feeds are those of `site_feeds`, in its order, each made by what its items are
        (`Feed.carries`): stories, one file per format; days, the digest. Then (with `opml`) OPML,
        which lists them and `others` (the other languages' feeds). The inputs, with the
        settings, decide the file's bytes, so a build can keep a feed whose inputs are
        those of the last build without generating it again.
        """
        feeds = site_feeds(self.site, self.settings, self.urls).all()
        planned = [
            planned
            for feed in feeds
            for planned in (self._days(feed) if feed.carries == "days" else self._stories(feed))
        ]
        if opml:
            planned.append(self._opml([*feeds, *others]))
        return planned

    def _stories(self, feed: Feed) -> list[PlannedFeed]:
        """A feed of stories, one file per format."""
        return [
            self._planned(
                Channel(feed.title, feed.description, path, feed.home, feed.items), format
            )
            for format, path in feed.formats
        ]

    def _days(self, feed: Feed) -> list[PlannedFeed]:
        """The daily digest feed (RSS only): one item per day that is over."""
        days = self.digest.finished_days()
        return [
            PlannedFeed(
                self.urls.output_path(feed.path),
                ("digest", days, *(() if days else (self.empty_updated,))),
                partial(self.digest, feed),
                checked=True,  # the build's clock: which days are over
            )
        ]

    def _opml(self, listed: list[Feed]) -> PlannedFeed:
        return PlannedFeed(
            self.urls.output_path(self.urls.file("feeds.opml")),
            ("opml", [(f.title, f.path, f.home) for f in listed]),
            partial(opml, self.settings, self.urls, listed),
            checked=True,  # its list of feeds
        )

    def _planned(self, channel: Channel, format: str) -> PlannedFeed:
        # An empty feed's date is not its own (the site's newest story, else the clock): it
        # is one of its inputs, and the feed is compared on every build (`checked`).
        empty = () if channel.articles else (self.empty_updated,)
        sizes = () if format == "json" else (self._image_sizes(channel),)
        inputs = (format, channel, *sizes, *empty)
        path = self.urls.output_path(channel.path)
        return PlannedFeed(path, inputs, partial(self.formats[format], channel), bool(empty))

    def _image_sizes(self, channel: Channel) -> list[int]:
        """The sizes of the channel's local lead images: RSS and Atom enclosures carry them."""
        sizes: list[int] = []
        for article in channel.articles:
            if article.image is not None and not article.image.is_remote:
                found = stamp(self.content_dir / article.image.src)  # a picture replaced
                sizes += found if found is not None else (-1,)
        return sizes
