"""feedgen extensions for what feedgen does not write itself: the WebSub hub link.

Registered on a FeedGenerator with `add_hub(fg, url)`: RSS 2.0 gets
`<atom:link rel="hub" href="URL"/>` beside its `rel="self"` link, Atom 1.0 a
`<link rel="hub" href="URL"/>` (WebSub, W3C Recommendation 2018, section 4: discovery).
"""

from __future__ import annotations

from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"
_LINK = f"{{{ATOM_NS}}}link"


def _after_links(parent: Any, element: Any) -> None:
    """Insert `element` after the last atom:link child of `parent` (or at the end)."""
    links = [i for i, child in enumerate(parent) if child.tag == _LINK]
    parent.insert(links[-1] + 1 if links else len(parent), element)


class HubExtension(BaseExtension):  # type: ignore[misc]
    """Feed level: the hub a subscriber subscribes at for real-time updates."""

    def __init__(self) -> None:
        self.url = ""

    def extend_ns(self) -> dict[str, str]:
        return {"atom": ATOM_NS}

    def _link(self) -> Any:
        return etree.Element(_LINK, href=self.url, rel="hub")

    def extend_rss(self, feed: Any) -> Any:
        if self.url:
            _after_links(feed[0], self._link())  # feed[0] is <channel>
        return feed

    def extend_atom(self, feed: Any) -> Any:
        if self.url:
            _after_links(feed, self._link())
        return feed


class _NoEntryExtension(BaseEntryExtension):  # type: ignore[misc]
    pass


def add_hub(fg: FeedGenerator, url: str) -> None:
    """Advertise the WebSub hub `url` in the feed (nothing when `url` is '')."""
    if not url:
        return
    fg.register_extension("websub", HubExtension, _NoEntryExtension, atom=True, rss=True)
    fg.websub.url = url
