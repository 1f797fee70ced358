"""feedgen extensions for what feedgen does not write itself.

- `add_hub(fg, url)`: RSS 2.0 gets `<atom:link rel="hub" href="URL"/>` beside its
  `rel="self"` link, Atom 1.0 a `<link rel="hub" href="URL"/>` (WebSub, W3C
  Recommendation 2018, section 4: discovery).
- `add_media(fg)`, then `entry.media.image(...)`: an RSS item's lead image as Media RSS
  (https://www.rssboard.org/media-rss) `<media:content url medium="image" width height
  type>` with `<media:credit>` and `<media:description>` inside it; an Atom entry's
  `<link rel="enclosure" href type length>` (RFC 4287 4.2.7.2; feedgen drops the `rel`
  of entry links, so it is written here).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"
_LINK = f"{{{ATOM_NS}}}link"


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
        lead = self.lead
        if lead is None:
            return item
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
