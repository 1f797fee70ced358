"""A body's row in the build state (the `bodies` table, generator.speed.store): what the
site needs of a body besides its HTML, and the check of the HTML read back apart
(`body_html`) against the checksum that row keeps; where a build keeps new rows until
they are saved (`Scratch`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple, Protocol

from generator.speed.records import parsed
from generator.speed.store import checksum

# A cached body's HTML with the row that vouches for it (`checked_html`).
HTML_QUERY = (
    "SELECT h.html, b.body_key, b.meta, b.sum FROM body_html h JOIN bodies b "
    "ON b.source = h.source WHERE h.source = ?"
)


class Facts(NamedTuple):
    """What the site needs of a body besides its HTML, kept in its `bodies` row."""

    assets: set[str]  # the content files it uses
    summary: str  # the article's summary (its own, or one made from the body)
    digest: str  # generator.speed.deps.body_digest, for the dependency index
    linked: bool  # generator.render.site_links.may_link of its HTML


Meta = tuple[dict[str, Any], list[str], Any, str, str, bool]


def meta_of(text: str) -> Meta | None:
    """A `bodies` row's meta: (links, assets, stamps, summary, digest, linked), or None
    when it is not of that shape."""
    try:
        meta = parsed(text)
        found = (
            meta["links"],
            meta["assets"],
            meta["stamps"],
            meta["summary"],
            meta["digest"],
            meta["linked"],
        )
    except (KeyError, TypeError, ValueError):
        return None
    links, assets, _, summary, digest, linked = found
    if not isinstance(links, dict) or not isinstance(assets, list):
        return None
    if not all(isinstance(a, str) for a in assets) or not isinstance(linked, bool):
        return None
    if not isinstance(summary, str) or not isinstance(digest, str):
        return None
    return found


class Scratch(Protocol):
    """Where a build keeps the new records, body rows' meta and body HTML until the build
    cache (generator.speed.articles) saves them: generator.speed.bodies.Bodies."""

    def put_record(self, source: str, record: str) -> None: ...

    def put_meta(self, source: str, key: str, meta: str) -> None: ...

    def spilled(self, table: str) -> Iterator[tuple[str, ...]]: ...

    def release(self) -> None: ...


def checked_html(row: tuple[Any, ...] | None, source: str, digest: str) -> str | None:
    """The HTML of a row of `HTML_QUERY` when its `bodies` row is intact, is the one the
    build checked (its body `digest`) and the HTML is the one it vouches for; else None."""
    if row is None:
        return None
    html, key, text, sum_ = row
    if not isinstance(html, str) or sum_ != checksum(source, key, text):
        return None
    try:
        meta = json.loads(text)
        sound = meta["digest"] == digest and meta["html"] == checksum(source, html).hex()
    except (KeyError, TypeError, ValueError):
        return None
    return html if sound else None
