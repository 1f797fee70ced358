"""Feeds: RSS 2.0 and Atom 1.0 (feedgen), JSON Feed 1.1, per-topic and per-country RSS, OPML.

Every URL in a feed is absolute; RSS dates are written in GMT, Atom and JSON Feed
dates in RFC 3339 with the article's own offset. Item ids are the articles' GUIDs.

An item's content is the story as the article page shows it: the lead figure (image,
caption, credit), the body, the corrections (the theme's partials/corrections.html, so
the same words, dates and escaping as the page) and the sources line. Every channel
names the theme's icon: RSS <image> (a 144 px PNG), Atom <icon> and <logo>, JSON Feed
`icon` and `favicon`.
"""

from __future__ import annotations

import json
import mimetypes
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from lxml import etree
from markupsafe import escape

from generator import __version__
from generator.config import Settings
from generator.index.digest import day_topics, human_day
from generator.index.site import Group, Site
from generator.languages import preferred_tag
from generator.load.files import stamp
from generator.model import Article, OutputFile
from generator.render import images
from generator.render.environment import byline
from generator.render.feedext import MediaImage, RssItem, add_hub, add_media, rss_item
from generator.render.feedlist import Feed, site_feeds
from generator.render.links import absolute_links
from generator.render.urls import Urls


@dataclass(frozen=True, slots=True)
class Channel:
    """One feed: what it is called, where it lives and which articles it carries."""

    title: str
    description: str
    path: str  # site path of the feed file
    home: str  # site path of the page it belongs to
    articles: Sequence[Article]


@dataclass(frozen=True, slots=True)
class PlannedFeed:
    """A feed file before it is generated."""

    path: str  # in the output directory
    inputs: object  # the values its bytes are made from, for the build's fingerprint
    make: Callable[[], OutputFile]
    checked: bool = False  # its inputs hold more than its articles: never kept unread


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# The theme's PNG icons (static/, drawn by tools/make_icons.py): RSS wants an image at
# most 144 px wide, JSON Feed a 512 px icon and a 64 px favicon.
RSS_IMAGE, ICON, FAVICON = "icon-144.png", "icon-512.png", "icon-64.png"


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C': a byline of several names, as the article page
    writes it (one RSS dc:creator, which readers show whole)."""
    return "".join(name + after for name, after in byline(names))


def day_end(day: date, tz: ZoneInfo) -> datetime:
    """The first instant after `day` in time zone `tz` (its next midnight); `day` must be
    before 9999-12-31 (`date.max`), whose end no datetime can hold."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)


def day_close(day: date, tz: ZoneInfo) -> datetime:
    """The last second of `day` in time zone `tz` (23:59:59): a digest item's date, the
    day it covers in any reader on the site's clock, and the same at every build."""
    return day_end(day, tz) - timedelta(seconds=1)


class FeedWriter:
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
        self.now = now  # the build's clock: the digest feed carries only days that are over
        # The article with its body, when the articles carry none (generator.speed.bodies).
        self.filled = filled
        # The article's corrections as its page shows them (render.sections.corrections_html),
        # rendered once per article (by its source) however many feeds carry it.
        self.corrections = corrections
        self._corrections: dict[str, str] = {}
        # A feed with no item is dated the newest change of any story of the site, every
        # language's (RFC 4287 4.2.15: a real instant), else the build's clock; the
        # epoch only when neither is known (a writer made without them).
        self.empty_updated = newest or now or _EPOCH

    def finished_days(self) -> tuple[Group[date], ...]:
        """The days of the daily digest feed: those over in the site's timezone at `now`
        (all of them when no clock is given), newest first, at most feed_length."""
        # 9999-12-31 ends in the year 10000, after every clock a build can be given: never over.
        days: list[Group[date]] = []
        for day in self.site.days:  # (the first feed_length found: not every day's end)
            if len(days) >= self.settings.feed_length:
                break
            if day.key < date.max and (
                self.now is None or day_end(day.key, self.settings.tz) <= self.now
            ):
                days.append(day)
        return tuple(days)

    def content_html(self, article: Article) -> str:
        """An item's HTML content: the lead figure (image, caption, credit), the body
        with absolute links, the corrections, then the sources line, as on the article page."""
        parts: list[str] = []
        if article.image is not None:
            image = article.image
            src = image.src if image.is_remote else self.urls.absolute(self.urls.media(image.src))
            caption = [f'<span dir="auto">{escape(image.caption)}</span>'] if image.caption else []
            if article.image_credit:
                caption.append(f"Image: {escape(article.image_credit)}")
            figcaption = f"<figcaption>{'<br>'.join(caption)}</figcaption>" if caption else ""
            parts.append(
                f'<figure><img src="{escape(src)}" alt="{escape(image.alt)}">{figcaption}</figure>'
            )
        parts.append(self.absolute_html(article))
        if self.corrections is not None and article.corrections:
            if article.source not in self._corrections:
                self._corrections[article.source] = self.corrections(article)
            parts.append(self._corrections[article.source])
        if article.sources:
            parts.append(
                f"<p><em>(With inputs from {escape(', '.join(article.sources))}.)</em></p>"
            )
        return "\n".join(parts)

    def absolute_html(self, article: Article) -> str:
        """The article's body HTML with every link absolute, `#fragment` ones to its page."""
        html = (self.filled(article) if self.filled else article).body_html
        return absolute_links(html, self.urls.absolute(self.urls.article(article)))

    def all_files(self) -> Iterator[OutputFile]:
        for planned in self.plan():
            yield planned.make()

    def plan(self, opml: bool = True, others: Sequence[Feed] = ()) -> list[PlannedFeed]:
        """Every feed file, not yet written: its path, what it is made of, how to make it.

        The feeds are those of `site_feeds`, one file per format, then (with `opml`) OPML,
        which lists them and `others` (the other languages' feeds). The inputs, with the
        settings, decide the file's bytes, so a build can keep a feed whose inputs are
        those of the last build without generating it again.
        """
        feeds = site_feeds(self.site, self.settings, self.urls)
        planned = [
            self._planned(
                Channel(feed.title, feed.description, path, feed.home, feed.items), format
            )
            for feed in [feeds.main, *feeds.terms.values()]
            for format, path in feed.formats
        ]
        days = self.finished_days()
        listed = [*feeds.all(), *others]
        planned.append(
            PlannedFeed(
                self.urls.output_path(feeds.digest.path),
                ("digest", days, *(() if days else (self.empty_updated,))),
                lambda: self.digest_rss(feeds.digest),
                checked=True,  # the build's clock: which days are over
            )
        )
        if opml:
            planned.append(
                PlannedFeed(
                    self.urls.output_path(self.urls.file("feeds.opml")),
                    ("opml", [(f.title, f.path, f.home) for f in listed]),
                    lambda: self.opml(listed),
                    checked=True,  # its list of feeds
                )
            )
        return planned

    def _planned(self, channel: Channel, format: str) -> PlannedFeed:
        # An empty feed's date is not its own (the site's newest story, else the clock): it
        # is one of its inputs, and the feed is compared on every build (`checked`).
        empty = () if channel.articles else (self.empty_updated,)
        make = {"rss": self.rss, "atom": self.atom, "json": self.json_feed}[format]
        sizes = () if format == "json" else (self._image_sizes(channel),)
        inputs = (format, channel, *sizes, *empty)
        path = self.urls.output_path(channel.path)
        return PlannedFeed(path, inputs, partial(make, channel), checked=bool(empty))

    def _image_sizes(self, channel: Channel) -> list[int]:
        """The sizes of the channel's local lead images: RSS and Atom enclosures carry them."""
        sizes: list[int] = []
        for article in channel.articles:
            if article.image is not None and not article.image.is_remote:
                found = stamp(self.content_dir / article.image.src)  # a picture replaced
                sizes += found if found is not None else (-1,)
        return sizes

    def _generator(self, channel: Channel, rss: bool) -> FeedGenerator:
        """A feedgen feed for RSS (dates in GMT, enclosures) or Atom (dates with offsets).

        feedgen keeps one date for both formats, so each format gets its own generator.
        """
        fg = FeedGenerator()
        # fg.load_extension("dc", ...) without the two imports it tries for every feed
        # (feedgen.ext.dc is imported here: it needs feedgen.feed's lxml.etree loaded first)
        from feedgen.ext.dc import DcEntryExtension, DcExtension

        fg.register_extension("dc", DcExtension, DcEntryExtension, atom=False, rss=True)
        fg.id(f"tag:{self.settings.site_id}:{channel.path[len(self.urls.base_path) :]}")
        fg.title(channel.title)
        fg.subtitle(channel.description)
        # Self first: feedgen makes the last link the RSS channel's <link>, the web page.
        fg.link(href=self.urls.absolute(channel.path), rel="self")
        fg.link(href=self.urls.absolute(channel.home), rel="alternate")
        fg.language(preferred_tag(self.settings.language))
        fg.author({"name": self.settings.publisher_name})
        fg.generator("newsdigest", version=__version__)
        self._icons(fg)
        add_hub(fg, self.settings.websub_hub)
        add_media(fg, rss)
        updated = max((a.modified for a in channel.articles), default=self.empty_updated)
        fg.updated(updated.astimezone(UTC) if rss else updated)
        if not rss:  # RSS items are written by rss_item (see `rss`)
            for article in channel.articles:
                self._entry(fg, article)
        return fg

    def _icons(self, fg: FeedGenerator) -> None:
        """RSS <image> (its title and link are the channel's), which feedgen also writes
        as Atom's <logo>, and Atom's <icon>."""
        fg.image(self.urls.absolute(self.urls.static(RSS_IMAGE)), width="144", height="144")
        fg.icon(self.urls.absolute(self.urls.static(FAVICON)))

    def _rss_item(self, article: Article) -> RssItem:
        """The article's RSS item: what `_entry` gives feedgen for an Atom entry, with the
        dates in GMT and the lead image as an enclosure too."""
        link = self.urls.absolute(self.urls.article(article))
        image = self._image(article)
        return RssItem(
            title=article.title,
            link=link,
            # HTML: the plain summary is escaped once more (see `_entry`)
            description=str(escape(article.summary or article.title)),
            content=self.content_html(article),
            guid=article.guid,
            permalink=article.guid == link,
            categories=tuple(tag.name for tag in article.tags),
            enclosure=image,
            published=article.date.astimezone(UTC),
            # One dc:creator: readers that show one would show only the last of several.
            creator=join_names(article.authors),
            lead=self._lead(article, image),
        )

    def _lead(self, article: Article, image: tuple[str, str, str] | None) -> MediaImage | None:
        """The lead image for Media RSS (RSS) or an enclosure link (Atom)."""
        if article.image is None:
            return None
        return MediaImage(
            url=image[0] if image else article.image.src,
            width=article.image.width,
            height=article.image.height,
            type=image[2] if image else "",
            credit=article.image_credit,
            description=article.image.alt,
            length=int(image[1]) if image else -1,
        )

    def _entry(self, fg: FeedGenerator, article: Article) -> None:
        """The article's Atom entry, by feedgen."""
        entry = fg.add_entry(order="append")
        link = self.urls.absolute(self.urls.article(article))
        entry.id(article.guid)
        entry.guid(article.guid, permalink=article.guid == link)
        entry.title(article.title)
        entry.link(href=link, rel="alternate")
        # RSS <description> is HTML; the summary is plain text, so it is escaped once more
        # (a summary reading "<svg onload=...>" must reach a reader as text). Atom's
        # <summary> is type="text" and takes it as it is.
        entry.description(str(escape(article.summary or article.title)))
        entry.summary(article.summary or article.title)
        entry.content(self.content_html(article), type="html")
        entry.published(article.date)
        entry.updated(article.modified)
        if article.authors:  # in one call each: feedgen redoes the list at every call
            entry.author([{"name": name} for name in article.authors])
        if article.tags:
            entry.category([{"term": tag.name, "label": tag.name} for tag in article.tags])
        lead = self._lead(article, self._image(article))
        if lead is not None:  # an enclosure link
            entry.media.image(lead)

    def _image(self, article: Article) -> tuple[str, str, str] | None:
        """(url, length, type) for a local lead image, for the RSS enclosure."""
        if article.image is None or article.image.is_remote:
            return None
        path = self.content_dir / article.image.src
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        url = self.urls.absolute(self.urls.media(article.image.src))
        picture = article.image.picture
        if picture is not None and picture.processed:  # the published (re-encoded) file
            return url, str(images.size_of(self.content_dir, article.image.src, picture)), kind
        return url, str(path.stat().st_size), kind

    def rss(self, channel: Channel) -> OutputFile:
        # Bylines go in dc:creator: RSS's own <author> must be an e-mail address (feedgen
        # too leaves it out for authors given by name only).
        # The channel by feedgen (as its rss_str makes it), the items by rss_item.
        feed, document = self._generator(channel, rss=True)._create_rss()
        for article in channel.articles:
            feed[0].append(rss_item(self._rss_item(article)))  # feed[0]: <channel>
        data = etree.tostring(document, pretty_print=True, encoding="UTF-8", xml_declaration=True)
        return OutputFile(self.urls.output_path(channel.path), data)

    def atom(self, channel: Channel) -> OutputFile:
        data = self._generator(channel, rss=False).atom_str(pretty=True)
        return OutputFile(self.urls.output_path(channel.path), data)

    def json_feed(self, channel: Channel) -> OutputFile:
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
            "items": [self._json_item(a) for a in channel.articles],
        }
        if self.settings.websub_hub:
            feed["hubs"] = [{"type": "WebSub", "url": self.settings.websub_hub}]
        data = json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
        return OutputFile(self.urls.output_path(channel.path), data.encode("utf-8"))

    def _json_item(self, article: Article) -> dict[str, object]:
        item: dict[str, object] = {
            "id": article.guid,
            "url": self.urls.absolute(self.urls.article(article)),
            "title": article.title,
            "content_html": self.content_html(article),
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

    def digest_rss(self, feed: Feed) -> OutputFile:
        """/digest/feed.xml: one item per day, listing that day's stories by topic.

        For readers who want one notification a day. An item's GUID names its day and,
        outside the site's language, the language's folder (tag:SITE_ID:digest/YYYY-MM-DD,
        tag:SITE_ID:ur/digest/YYYY-MM-DD), so it never changes and no two are one; its
        date is the day's last second in the site's timezone (`day_close`), the day
        complete: never a story's time (which back-dates the day) nor the build's clock
        (which moves at each build).
        """
        fg = FeedGenerator()
        path = feed.path
        fg.id(f"tag:{self.settings.site_id}:{path[len(self.urls.base_path) :]}")
        fg.title(feed.title)
        fg.subtitle(f"One item a day: the day's stories from {self.settings.title}, by topic.")
        fg.link(href=self.urls.absolute(path), rel="self")
        fg.link(href=self.urls.absolute(feed.home), rel="alternate")  # last: RSS <link>
        fg.language(preferred_tag(self.settings.language))
        fg.generator("newsdigest", version=__version__)
        self._icons(fg)
        add_hub(fg, self.settings.websub_hub)
        days = self.finished_days()
        tz = self.settings.tz
        closed = (day_close(d.key, tz) for d in days)
        fg.updated(max(closed, default=self.empty_updated).astimezone(UTC))
        for day in days:
            entry = fg.add_entry(order="append")
            # tag:SITE_ID:digest/DAY for the site's language (as it always was), and the
            # language's folder first for the others: tag:SITE_ID:ur/digest/DAY.
            page = self.urls.digest(day.key)[len(self.urls.base_path) :].rstrip("/")
            entry.guid(f"tag:{self.settings.site_id}:{page}", permalink=False)
            count = len(day.articles)
            entry.title(f"{human_day(day.key)}: {count} {'story' if count == 1 else 'stories'}")
            entry.link(href=self.urls.absolute(self.urls.digest(day.key)))
            entry.description(self._digest_html(day))
            entry.published(day_close(day.key, tz).astimezone(UTC))
        return OutputFile(self.urls.output_path(path), fg.rss_str(pretty=True))

    def _digest_html(self, day: Group[date]) -> str:
        """The day's stories as HTML: a heading per topic, a linked headline per story."""
        parts: list[str] = []
        for group in day_topics(day.articles):
            parts.append(f"<h3>{escape(group.tag.name if group.tag else 'Other news')}</h3>\n<ul>")
            for article in group.articles:
                link = self.urls.absolute(self.urls.article(article))
                parts.append(
                    f'<li><a href="{escape(link)}">{escape(article.title)}</a>'
                    f" ({escape(article.country.name)}): {escape(article.summary)}</li>"
                )
            parts.append("</ul>")
        return "\n".join(parts)

    def opml(self, feeds: list[Feed]) -> OutputFile:
        root = ET.Element("opml", version="2.0")
        head = ET.SubElement(root, "head")
        ET.SubElement(head, "title").text = f"{self.settings.title}: all feeds"
        body = ET.SubElement(root, "body")
        for feed in feeds:
            ET.SubElement(
                body,
                "outline",
                type="rss",
                text=feed.title,
                title=feed.title,
                xmlUrl=self.urls.absolute(feed.path),
                htmlUrl=self.urls.absolute(feed.home),
            )
        ET.indent(root)
        data = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
        return OutputFile(self.urls.output_path(self.urls.file("feeds.opml")), data)
