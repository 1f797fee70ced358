"""feedgen extensions for what feedgen does not write itself.

- `add_hub(fg, url)`: RSS 2.0 gets `<atom:link rel="hub" href="URL"/>` beside its
  `rel="self"` link, Atom 1.0 a `<link rel="hub" href="URL"/>` (WebSub, W3C
  Recommendation 2018, section 4: discovery).
- `add_media(fg)`, then `entry.media.image(...)`: an RSS item's lead image as Media RSS
  (https://www.rssboard.org/media-rss) `<media:content url medium="image" width height
  type>` with `<media:credit>` and `<media:description>` inside it; an Atom entry's
  `<link rel="enclosure" href type length>` (RFC 4287 4.2.7.2; feedgen drops the `rel`
  of entry links, so it is written here).
- `rss_item(...)`: an RSS <item> as feedgen's FeedEntry writes it (the same elements
  in the same order, dc:creator and Media RSS after them), made directly: a build
  writes thousands of items, and feedgen's entry objects cost more than the XML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"
_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
_LINK = f"{{{ATOM_NS}}}link"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def rfc2822(moment: datetime) -> str:
    """`moment` as feedgen.util.formatRFC2822 writes an item's pubDate ('Tue, 05 Mar 2024
    07:08:09 +0530': strftime in the C locale), with the day's and month's English names
    from tables instead of switching the process's locale to C and back at each call
    (half the time of an item's pubDate: 31 -> 14 us)."""
    day, month = _DAYS[moment.weekday()], _MONTHS[moment.month - 1]
    return moment.strftime(f"{day}, %d {month} %Y %H:%M:%S %z")


def _link_tag(parent: Any) -> str:
    """An Atom link's tag as `parent`'s document writes it: feedgen's Atom elements are in
    the default namespace ('link'); in RSS, Atom elements are namespaced ('atom:link')."""
    return "link" if parent.tag in ("feed", "entry") else _LINK


def _after_links(parent: Any, element: Any) -> None:
    """Insert `element` after the last Atom link child of `parent` (or at the end)."""
    links = [i for i, child in enumerate(parent) if child.tag in (_LINK, "link")]
    parent.insert(links[-1] + 1 if links else len(parent), element)


class HubExtension(BaseExtension):  # type: ignore[misc]
    """Feed level: the hub a subscriber subscribes at for real-time updates."""

    def __init__(self) -> None:
        self.url = ""

    def extend_ns(self) -> dict[str, str]:
        return {"atom": ATOM_NS}

    def extend_rss(self, feed: Any) -> Any:
        if self.url:  # feed[0] is <channel>
            _after_links(feed[0], etree.Element(_LINK, href=self.url, rel="hub"))
        return feed

    def extend_atom(self, feed: Any) -> Any:
        if self.url:
            _after_links(feed, etree.Element(_link_tag(feed), href=self.url, rel="hub"))
        return feed


class _NoEntryExtension(BaseEntryExtension):  # type: ignore[misc]
    pass


def add_hub(fg: FeedGenerator, url: str) -> None:
    """Advertise the WebSub hub `url` in the feed (nothing when `url` is '')."""
    if not url:
        return
    fg.register_extension("websub", HubExtension, _NoEntryExtension, atom=True, rss=True)
    fg.websub.url = url


class _MediaFeedExtension(BaseExtension):  # type: ignore[misc]
    def extend_ns(self) -> dict[str, str]:
        return {"media": MEDIA_NS}


@dataclass(frozen=True, slots=True)
class MediaImage:
    url: str
    width: int = 0  # pixels; 0: unknown, left out
    height: int = 0
    type: str = ""  # media type, e.g. image/jpeg; '' left out
    credit: str = ""
    description: str = ""  # the alt text
    length: int = -1  # bytes, for the Atom enclosure link; -1: unknown, no link


class MediaEntryExtension(BaseEntryExtension):  # type: ignore[misc]
    """Item level: one media:content for the lead image."""

    def __init__(self) -> None:
        self.lead: MediaImage | None = None

    def image(self, lead: MediaImage) -> None:
        self.lead = lead

    def extend_rss(self, item: Any) -> Any:
        if self.lead is not None:
            _media_content(item, self.lead)
        return item

    def extend_atom(self, entry: Any) -> Any:
        lead = self.lead
        if lead is None or lead.length < 0:
            return entry
        link = etree.Element(
            _link_tag(entry), href=lead.url, rel="enclosure", length=str(lead.length)
        )
        if lead.type:
            link.set("type", lead.type)
        _after_links(entry, link)
        return entry


def _media_content(item: Any, lead: MediaImage) -> None:
    """<media:content> with its credit and description, the last child of `item`."""
    content = etree.SubElement(item, f"{{{MEDIA_NS}}}content", url=lead.url, medium="image")
    if lead.width and lead.height:
        content.set("width", str(lead.width))
        content.set("height", str(lead.height))
    if lead.type:
        content.set("type", lead.type)
    if lead.credit:
        etree.SubElement(content, f"{{{MEDIA_NS}}}credit").text = lead.credit
    if lead.description:
        description = etree.SubElement(content, f"{{{MEDIA_NS}}}description", type="plain")
        description.text = lead.description


@dataclass(frozen=True, slots=True)
class RssItem:
    """What an RSS <item> carries (feedgen's FeedEntry fields that a feed's items use)."""

    title: str
    link: str
    description: str  # HTML: the plain summary escaped once more
    content: str  # HTML, as content:encoded
    guid: str
    permalink: bool  # the GUID is the item's link
    categories: tuple[str, ...]
    enclosure: tuple[str, str, str] | None  # (url, length in bytes, media type)
    published: datetime  # written in RFC 2822 (as given: GMT for RSS)
    creator: str  # one dc:creator
    lead: MediaImage | None  # Media RSS


def rss_item(item: RssItem) -> Any:
    """The <item> element feedgen's FeedEntry.rss_entry makes for these fields, with the
    dc extension's dc:creator and the media extension's <media:content> (in the order a
    feed registers them: dc, then the hub, which adds nothing to items, then media). Not
    yet in a document: appended to a channel, its namespaces become the document's."""
    element = etree.Element("item")
    if item.title:
        etree.SubElement(element, "title").text = item.title
    etree.SubElement(element, "link").text = item.link
    etree.SubElement(element, "description").text = item.description
    etree.SubElement(element, _ENCODED).text = item.content
    if item.guid:
        guid = etree.SubElement(element, "guid")
        guid.text = item.guid
        guid.attrib["isPermaLink"] = str(item.permalink).lower()
    for name in item.categories:
        etree.SubElement(element, "category").text = name
    if item.enclosure is not None:
        enclosure = etree.SubElement(element, "enclosure")
        enclosure.attrib["url"], enclosure.attrib["length"], enclosure.attrib["type"] = (
            item.enclosure
        )
    etree.SubElement(element, "pubDate").text = rfc2822(item.published)
    etree.SubElement(element, _CREATOR).text = item.creator
    if item.lead is not None:
        _media_content(element, item.lead)
    return element


def add_media(fg: FeedGenerator, rss: bool) -> None:
    """Let the feed's items carry their lead image: Media RSS in RSS, an enclosure link in
    Atom (call before adding entries)."""
    fg.register_extension(
        "media",
        _MediaFeedExtension if rss else _NoFeedExtension,
        MediaEntryExtension,
        atom=not rss,
        rss=rss,
    )


class _NoFeedExtension(BaseExtension):  # type: ignore[misc]
    pass
