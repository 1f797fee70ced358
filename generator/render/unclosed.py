"""Inline HTML typed without its end tag (`<b>Budget passed`, `<a href="...">the budget`):
ended where its paragraph ends, with a warning on the line where it was typed.

A browser, and the sanitiser (nh3 parses as a browser does), carries an unclosed `<b>`,
`<i>` or `<a>` on into every block after it: the rest of the story bold, or one big link,
on the page and in every feed, and a page that is not valid HTML5 (a table inside a
`<b>`). `ended` reads the converted body's tags: an inline element (PHRASING) still open
when a block starts or ends (a paragraph, a list item, a table cell, a heading, a quote)
is ended there, so what the editor typed stays inside its own paragraph; one still open
inside another inline element when that one's end tag comes (`<a href=...>link <b>bold</a>`)
is ended before that end tag, as a browser would not (it carries the `<b>` on after the
`</a>`, to the end of the story); `Typed.line_of` finds where it was typed, for the
warning (`words`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from generator.load.plain_text import BLOCKS, PHRASING

_TOKEN = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)
_RAW_TEXT = ("script", "style", "textarea", "title")
# A start or end tag typed in a body's Markdown (not `<https://...>`, not `a < b`): without
# one, the converted HTML's tags are all the engine's own, each ended, and `ended` is not run.
TYPED_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*[\s/>]")

# tag, its start tag as typed, which of those (from 0), the tag whose start or end ended it
# ("" at the body's end)
Unclosed = tuple[str, str, int, str]


def ended(converted: str, kept: Callable[[str], bool]) -> tuple[str, list[Unclosed]]:
    """`converted` (a body's HTML before the sanitiser) with an end tag put in for each
    inline element (PHRASING, `kept(tag)`: one the site publishes) still open where a
    block starts or ends, or where the body ends; and each such element, in order, as
    (tag, its start tag's text, how many start tags of that same text came before it, the
    tag that ended it: a block's, or the inline element's whose end tag came first)."""
    if "<" not in converted:
        return converted, []
    out: list[str] = []
    open_tags: list[tuple[str, str, int]] = []  # tag, typed, nth
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
            found += [(*opened, tag) for opened in open_tags]
            open_tags = []
        elif tag in PHRASING and kept(tag) and not match.group().endswith("/>"):
            if closing:
                # the last one opened, searched from the end: most often the last of all
                at = next(
                    (n for n in reversed(range(len(open_tags))) if open_tags[n][0] == tag), -1
                )
                if at >= 0:  # ends it, and what was opened inside it, before it
                    inner = open_tags[at + 1 :]
                    out.append(converted[done : match.start()])
                    done = match.start()
                    out.extend(f"</{name}>" for name, *_ in reversed(inner))
                    found += [(*opened, tag) for opened in inner]
                    del open_tags[at:]
            else:
                typed = match.group()
                open_tags.append((tag, typed, seen.get(typed, 0)))
                seen[typed] = seen.get(typed, 0) + 1
    out.append(converted[done:])
    out.extend(f"</{name}>" for name, *_ in reversed(open_tags))
    found += [(*opened, "") for opened in open_tags]
    return "".join(out), found


class Typed:
    """Where start tags are typed in `masked` (a body with its code blanked), each tag
    searched for once and each line found by bisection: searched anew for every tag left
    open, a line of 5,000 `<b>` took 1.4 s, and 10,000 5.3 s."""

    def __init__(self, masked: str) -> None:
        self.masked = masked
        self.newlines = [m.start() for m in re.finditer("\n", masked)]
        self.places: dict[str, list[int]] = {}

    def line_of(self, typed: str, nth: int) -> tuple[int, str]:
        """(0-based line, the rest of that line from the start tag) of the `nth` place (from
        0; the last when there are fewer) where the start tag `typed` is typed; the first
        `<tag` when it is not typed as converted."""
        starts = self.places.get(typed)
        if starts is None:
            starts = [m.start() for m in re.finditer(re.escape(typed), self.masked)]
            if not starts:
                name = re.escape(typed[1:].split(None, 1)[0].rstrip(">/"))
                found = re.finditer(rf"<{name}(?=[\s/>])", self.masked, re.I)
                starts = [m.start() for m in found]
            self.places[typed] = starts
        if not starts:
            return 0, typed
        at = starts[min(nth, len(starts) - 1)]
        line = bisect.bisect(self.newlines, at)
        end = self.newlines[line] if line < len(self.newlines) else len(self.masked)
        return line, self.masked[at:end]


_WHAT = {"a": "one link", "b": "bold", "strong": "bold", "i": "italic", "em": "italic"}
_CELL = re.compile(r"(?<!\\)\|")
_ATTRS = re.compile(r"\s*\{:?\s*[#.][^}]*\}\s*$")  # a heading's {#results}


def _place(ended_by: str) -> str:
    """Where an element ended at `ended_by`'s tag ends, in words."""
    if ended_by in ("td", "th"):
        return "table cell"
    if ended_by == "li":
        return "list item"
    return "heading" if re.fullmatch(r"h[1-6]", ended_by) else "paragraph"


def words(tag: str, rest: str, ended_by: str = "") -> tuple[str, str]:
    """The warning and the fix for an inline `tag` left open; `rest` is its line from the
    start tag on (`line_of`), for the example; `ended_by` the tag that ended it (`ended`).
    The fix is the typed text with the end tag put in: before a table cell's `|`, a
    heading's `{#id}`, or the end tag of the inline element it was opened in."""
    start = re.match(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", rest)
    head = start.group() if start else f"<{tag}>"
    after = rest[len(head) :]
    spread = _WHAT.get(tag, f"inside the <{tag}>")
    if ended_by in PHRASING:
        return _inside(tag, head, after, ended_by, spread)
    cut = re.search(rf"<|{_CELL.pattern}" if ended_by in ("td", "th") else "<", after)
    text = after[: cut.start()] if cut else after
    tail = ""
    if cut and cut.group() == "|":
        tail = " " + after[cut.start() :]
    elif attrs := _ATTRS.search(text):
        text, tail = text[: attrs.start()], " " + attrs.group().strip()
    if tail:  # an end tag typed past the cell's border (| <b>1 | 2 |</b>) is not kept
        text, tail = text.rstrip(), re.sub(rf"</{tag}\s*>", "", tail, count=1, flags=re.I)
    else:
        text = text.rstrip(" .,;:")
    if len(text) > 40:
        text = text[:40].rsplit(" ", 1)[0]
    where = _place(ended_by)
    return (
        f"the <{tag}> here has no </{tag}> in its {where}: it is ended where the "
        f"{where} ends (left open, it would make the rest of the story {spread})",
        f"write </{tag}> where it should end, in the same {where}: "
        f"{head}{text or '...'}</{tag}>{tail}",
    )


def _inside(tag: str, head: str, after: str, outer: str, spread: str) -> tuple[str, str]:
    """`words` for a `tag` still open when the `</outer>` of the element it is in comes."""
    end = re.search(rf"</{outer}\s*>", after, re.I)
    text, tail = (after[: end.start()], after[end.start() :]) if end else (after, "")
    if end:  # an end tag typed right after the outer one (<b><i>x</b></i>) goes before it
        tail = tail[: end.end() - end.start()] + re.sub(
            rf"^</{tag}\s*>", "", tail[end.end() - end.start() :], flags=re.I
        )
    return (
        f"the <{tag}> here has no </{tag}> before the </{outer}> of the <{outer}> it is in: "
        f"it is ended there (left open, a browser would make the rest of the story {spread})",
        f"write </{tag}> before the </{outer}>: {head}{text}</{tag}>{tail}",
    )
