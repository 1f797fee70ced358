"""Inline HTML typed without its end tag (`<b>Budget passed`, `<a href="...">the budget`):
ended where its paragraph ends, with a warning on the line where it was typed.

A browser, and the sanitiser (nh3 parses as a browser does), carries an unclosed `<b>`,
`<i>` or `<a>` on into every block after it: the rest of the story bold, or one big link,
on the page and in every feed, and a page that is not valid HTML5 (a table inside a
`<b>`). `ended` reads the converted body's tags: an inline element (PHRASING) still open
when a block starts or ends (a paragraph, a list item, a table cell, a heading, a quote)
is ended there, so what the editor typed stays inside its own paragraph; `line_of` finds
where it was typed, for the warning (`words`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Inline elements an editor may type with text inside; any of them left open would go on
# into the blocks after it (a void one, such as <br> or <img>, has no end tag).
PHRASING = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em"}
    | {"font", "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span"}
    | {"strike", "strong", "sub", "sup", "time", "tt", "u", "var"}
)
# Elements that make a block of their own: an inline element open when one starts or
# ends is ended there.
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "caption", "center", "dd", "details"}
    | {"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li"}
    | {"main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody"}
    | {"td", "tfoot", "th", "thead", "tr", "ul"}
)
_TOKEN = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)
_RAW_TEXT = ("script", "style", "textarea", "title")

Unclosed = tuple[str, str, int]  # tag, its start tag as typed, which of those (from 0)


def ended(converted: str, kept: Callable[[str], bool]) -> tuple[str, list[Unclosed]]:
    """`converted` (a body's HTML before the sanitiser) with an end tag put in for each
    inline element (PHRASING, `kept(tag)`: one the site publishes) still open where a
    block starts or ends, or where the body ends; and each such element, in order, as
    (tag, its start tag's text, how many start tags of that same text came before it)."""
    if "<" not in converted:
        return converted, []
    out: list[str] = []
    open_tags: list[tuple[str, str, int]] = []
    seen: dict[str, int] = {}
    found: list[Unclosed] = []
    done = 0
    raw = ""
    for match in _TOKEN.finditer(converted):
        closing, tag = match.group(1), (match.group(2) or "").lower()
        if raw:  # inside a <script> or <style>: only its end tag counts
            raw = "" if closing and tag == raw else raw
            continue
        if not tag:  # a comment
            continue
        if not closing and tag in _RAW_TEXT:
            raw = tag
        elif tag in BLOCKS and open_tags:
            out.append(converted[done : match.start()])
            done = match.start()
            out.extend(f"</{name}>" for name, *_ in reversed(open_tags))
            found += open_tags
            open_tags = []
        elif tag in PHRASING and kept(tag) and not match.group().endswith("/>"):
            if closing:
                names = [name for name, *_ in open_tags]
                if tag in names:  # ends it, and what was opened inside it
                    del open_tags[len(names) - 1 - names[::-1].index(tag) :]
            else:
                typed = match.group()
                open_tags.append((tag, typed, seen.get(typed, 0)))
                seen[typed] = seen.get(typed, 0) + 1
    out.append(converted[done:])
    out.extend(f"</{name}>" for name, *_ in reversed(open_tags))
    found += open_tags
    return "".join(out), found


def line_of(masked: str, typed: str, nth: int) -> tuple[int, str]:
    """(0-based line, the rest of that line from the start tag) of the `nth` place (from 0;
    the last when there are fewer) where the start tag `typed` is typed in `masked` (the
    body with its code blanked); the first `<tag` when it is not typed as converted."""
    starts = [m.start() for m in re.finditer(re.escape(typed), masked)]
    if not starts:
        name = re.escape(typed[1:].split(None, 1)[0].rstrip(">/"))
        starts = [m.start() for m in re.finditer(rf"<{name}(?=[\s/>])", masked, re.I)]
    if not starts:
        return 0, typed
    at = starts[min(nth, len(starts) - 1)]
    return masked.count("\n", 0, at), masked[at:].split("\n", 1)[0]


_WHAT = {"a": "one link", "b": "bold", "strong": "bold", "i": "italic", "em": "italic"}


def words(tag: str, rest: str) -> tuple[str, str]:
    """The warning and the fix for an inline `tag` left open; `rest` is its line from the
    start tag on (`line_of`), for the example."""
    start = re.match(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", rest)
    head = start.group() if start else f"<{tag}>"
    text = rest[len(head) :].split("<", 1)[0].rstrip(" .,;:")
    if len(text) > 40:
        text = text[:40].rsplit(" ", 1)[0]
    spread = _WHAT.get(tag, f"inside the <{tag}>")
    return (
        f"the <{tag}> here has no </{tag}> in its paragraph: it is ended where the "
        f"paragraph ends (left open, it would make the rest of the story {spread})",
        f"write </{tag}> where it should end, in the same paragraph: {head}{text or '...'}</{tag}>",
    )
