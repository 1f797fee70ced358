"""A body's row in the build state (the `bodies` table, generator.speed.store): what the
site needs of a body besides its HTML, every row checked against its sum by a child
process while the build loads its articles (`checked_ahead`), and the check of the HTML
read back apart (`body_html`) against the checksum that row keeps; where a build keeps
new rows until they are saved (`Scratch`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple, Protocol

from generator import interrupt
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
Checked = tuple[str, str, Meta | None]  # a row's source, body key, meta (None: damaged)
SCAN = "SELECT source, body_key, meta, sum FROM bodies"  # every row, for `sound`


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


def sound(source: str, key: Any, text: Any, sum_: Any) -> Meta | None:
    """A `bodies` row's meta when the row holds its sum and the meta its shape; else None."""
    if type(key) is not str or type(text) is not str or sum_ != checksum(source, key, text):
        return None
    return meta_of(text)


# A meta with no link, picture or stamp (most bodies), as the child hands it over: these
# are only read (ArticleCache.bodies copies the assets), never changed.
_NO_LINKS: dict[str, Any] = {}
_NO_ASSETS: list[str] = []
_FIELDS = 6  # per row handed over: source, kind, key, then three by kind


def checked_ahead(path: Path) -> Callable[[], Iterator[Checked] | None]:
    """Every row of the `bodies` table of the state database at `path` checked (`sound`)
    by a child process while this one goes on (the check is a checksum and a JSON parse
    a row: about 0.9 CPU-s at 100,000 articles, done on the other core while this one
    decodes the articles). The function returned waits for the child and gives each row's
    source, key and meta, or None when the child failed (no fork, a database it could not
    read, a row it cannot hand over): then the caller checks the rows itself. The child
    only reads, through a connection of its own, and hands its result over in an unnamed
    temporary file; a caller that no longer needs it calls the function all the same (the
    child is waited for)."""
    child = interrupt.ahead(lambda handle: _hand_over(path, handle))
    if child is None:
        return lambda: None

    def result() -> Iterator[Checked] | None:
        data = child()
        return None if isinstance(data, int) else _taken_over(data)

    return result


def _hand_over(path: Path, handle: IO[bytes]) -> int:
    """In the child: write each `bodies` row as six NUL-separated parts: its source, then
    'S', its key, digest, '1' or '0' (linked) and summary for a sound row with no link,
    picture or stamp; 'J', its key and meta JSON for another sound row; 'X' and three
    empty parts for a damaged one. 1 (nothing usable) when a part would hold a NUL."""
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    connection.execute("PRAGMA query_only = ON")
    parts: list[str] = []
    for source, key, text, sum_ in connection.execute(SCAN):
        if type(source) is not str or "\0" in source:
            return 1
        meta = sound(source, key, text, sum_)
        if meta is None:
            parts += (source, "X", "", "", "", "")
            continue
        if "\0" in key or "\0" in text:
            return 1
        links, assets, stamps, summary, digest, linked = meta
        if links or assets or stamps != {} or "\0" in summary or "\0" in digest:
            parts += (source, "J", key, text, "", "")
        else:
            parts += (source, "S", key, digest, "1" if linked else "0", summary)
    connection.close()
    handle.write("\0".join(parts).encode("utf-8", "surrogatepass"))
    return 0


def _taken_over(data: bytes) -> Iterator[Checked] | None:
    """`_hand_over`'s bytes read back as rows (None: not of its shape)."""
    parts = data.decode("utf-8", "surrogatepass").split("\0") if data else []
    if len(parts) % _FIELDS:
        return None
    return _rows(parts)


def _rows(parts: list[str]) -> Iterator[Checked]:
    at = iter(parts)
    for source, kind, key, first, second, third in zip(at, at, at, at, at, at, strict=True):
        if kind == "S":
            yield source, key, (_NO_LINKS, _NO_ASSETS, {}, third, first, second == "1")
        else:
            yield source, key, meta_of(first) if kind == "J" else None


def scanned(rows: Iterable[list[tuple[Any, ...]]], wanted: Iterable[str]) -> Iterator[Checked]:
    """`SCAN`'s `rows` (in batches) checked here, those of the sources `wanted` only (the
    others' meta is None); a damaged row's key is '', as the child hands it over."""
    for batch in rows:
        for source, key, text, sum_ in batch:
            meta = sound(source, key, text, sum_) if source in wanted else None
            yield source, key if meta is not None else "", meta


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
