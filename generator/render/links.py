"""Rewriting the URLs of an HTML fragment's <a href> and <img src>, every other character kept.

Used by the body step (resolving editors' links and images, Markdown and raw HTML alike)
and by feeds (`absolute_links`).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Sequence
from html.parser import HTMLParser
from urllib.parse import urljoin

URL_ATTRIBUTES = {"a": "href", "img": "src"}  # the attributes that name a file or page

Attrs = list[tuple[str, str | None]]


class _TagRewriter(HTMLParser):
    """Finds the start tags of <a> and <img> and asks `change` for new attributes."""

    def __init__(
        self,
        change: Callable[[str, Attrs], Attrs | str | None],
        tags: tuple[str, ...] = tuple(URL_ATTRIBUTES),
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.change = change
        self.tags = tags
        self.edits: list[tuple[int, int, int, str]] = []  # (line, column, old length, new tag)

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        if tag not in self.tags:
            return
        new = self.change(tag, attrs)
        if new is None:
            return
        old = self.get_starttag_text() or ""
        if isinstance(new, str):
            markup = new
        else:
            end = "/>" if old.endswith("/>") else ">"
            markup = f"<{tag}{start_tag_attributes(new)}{end}"
        line, column = self.getpos()
        self.edits.append((line, column, len(old), markup))

    handle_startendtag = handle_starttag


def start_tag_attributes(attrs: Sequence[tuple[str, str | None]]) -> str:
    """' name="value"' for each attribute, escaped."""
    return "".join(f" {k}" if v is None else f' {k}="{html.escape(v)}"' for k, v in attrs)


def rewrite_tags(
    fragment: str,
    change: Callable[[str, Attrs], Attrs | str | None],
    tags: tuple[str, ...] = tuple(URL_ATTRIBUTES),
) -> str:
    """`fragment` with the start tags of `tags` (<a> and <img>) that `change` returns new
    attributes for (a list of (name, value) pairs) rebuilt, or replaced by the markup it
    returns as text (an <img> becomes a <picture>); every other character stays as it was."""
    parser = _TagRewriter(change, tags)
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
    Each URL of a `srcset` (on <img> and a <picture>'s <source>) too.
    """

    def absolute(tag: str, name: str, value: str | None) -> str | None:
        if value is None:
            return None
        if name == "srcset":
            return ", ".join(
                " ".join([urljoin(page_url, c.split()[0]), *c.split()[1:]])
                for c in value.split(",")
                if c.strip()
            )
        return urljoin(page_url, value) if name == URL_ATTRIBUTES.get(tag) else value

    def change(tag: str, attrs: Attrs) -> Attrs | None:
        fixed = [(k, absolute(tag, k, v)) for k, v in attrs]
        return fixed if fixed != attrs else None

    return rewrite_tags(fragment, change, ("a", "img", "source"))
