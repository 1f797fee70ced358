"""Rewriting the URLs of an HTML fragment's <a href> and <img src>, every other character kept.

Used by the body step (resolving editors' links and images, Markdown and raw HTML alike)
and by feeds (`absolute_links`).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urljoin

URL_ATTRIBUTES = {"a": "href", "img": "src"}  # the attributes that name a file or page

Attrs = list[tuple[str, str | None]]


class _TagRewriter(HTMLParser):
    """Finds the start tags of <a> and <img> and asks `change` for new attributes."""

    def __init__(self, change: Callable[[str, Attrs], Attrs | None]) -> None:
        super().__init__(convert_charrefs=True)
        self.change = change
        self.edits: list[tuple[int, int, int, str]] = []  # (line, column, old length, new tag)

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        if tag not in URL_ATTRIBUTES:
            return
        new = self.change(tag, attrs)
        if new is None:
            return
        old = self.get_starttag_text() or ""
        text = "".join(f" {k}" if v is None else f' {k}="{html.escape(v)}"' for k, v in new)
        end = "/>" if old.endswith("/>") else ">"
        line, column = self.getpos()
        self.edits.append((line, column, len(old), f"<{tag}{text}{end}"))

    handle_startendtag = handle_starttag


def rewrite_tags(fragment: str, change: Callable[[str, Attrs], Attrs | None]) -> str:
    """`fragment` with the start tags of <a> and <img> that `change` returns new attributes
    for (a list of (name, value) pairs) rebuilt; every other character stays as it was."""
    parser = _TagRewriter(change)
    parser.feed(fragment)
    parser.close()
    if not parser.edits:
        return fragment
    starts = [0]
    for index, char in enumerate(fragment):
        if char == "\n":
            starts.append(index + 1)
    out: list[str] = []
    done = 0
    for line, column, length, new in parser.edits:
        at = starts[line - 1] + column
        out += [fragment[done:at], new]
        done = at + length
    out.append(fragment[done:])
    return "".join(out)


@functools.lru_cache(maxsize=1024)  # one article is in several feeds
def absolute_links(fragment: str, page_url: str) -> str:
    """Body HTML for a feed: every href and src absolute, read against the article's URL.

    Feed content has no base URI of its own (RSS 2.0 has none; Atom's is the feed's), so
    `#fn:1` becomes `https://example.org/2025/06/25/story/#fn:1` and `/x/` gets the origin.
    """
    def change(tag: str, attrs: Attrs) -> Attrs | None:
        name = URL_ATTRIBUTES[tag]
        fixed = [(k, urljoin(page_url, v) if k == name and v is not None else v)
                 for k, v in attrs]
        return fixed if fixed != attrs else None

    return rewrite_tags(fragment, change)
