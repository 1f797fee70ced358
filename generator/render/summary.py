"""The automatic summary: an article body's first paragraph with text, as plain text, cut
to about the same reading length in every script."""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from html.parser import HTMLParser

import regex

from generator.load.invisible import only_invisible
from generator.render.links import serialised_tags

SUMMARY_BUDGET = 280  # width units: a narrow letter counts 1, a wide (CJK) character 2

Attrs = list[tuple[str, str | None]]


class _Paragraphs(HTMLParser):
    """The text of each paragraph of a body, without footnotes and footnote references;
    with `alts`, a picture's alt text in its place."""

    def __init__(self, alts: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.alts = alts
        self.paragraphs: list[str] = []
        self.everything: list[str] = []
        self.current: list[str] | None = None
        self.sups: list[tuple[list[str], bool]] = []  # text held back inside <sup>
        self.skip = 0  # depth inside footnotes, scripts and styles

    def _out(self, text: str) -> None:
        if self.skip:
            return
        if self.sups:
            self.sups[-1][0].append(text)
            return
        self.everything.append(text)
        if self.current is not None:
            self.current.append(text)

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        values = dict(attrs)
        if (
            self.skip
            or tag in ("script", "style")
            or (tag == "div" and "footnote" in (values.get("class") or "").split())
        ):
            self.skip += tag not in ("br", "img", "hr")
            return
        if tag == "p":
            self.current = []
        elif tag == "img" and self.alts:
            self._out(values.get("alt") or "")
        elif tag == "sup":
            self.sups.append(([], (values.get("id") or "").startswith("fnref")))
        elif tag == "a" and self.sups and (values.get("href") or "").startswith("#"):
            self.sups[-1] = (self.sups[-1][0], True)  # a note's number, not words
        elif tag in ("br", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "div"):
            self._out(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag not in ("br", "img", "hr")
            return
        if tag == "sup" and self.sups:
            held, reference = self.sups.pop()
            if not reference:
                self._out("".join(held))
        elif tag == "p" and self.current is not None:
            self.paragraphs.append("".join(self.current))
            self.current = None
        elif tag in ("li", "td", "th", "h2", "h3", "h4", "h5", "h6", "div"):
            self._out(" ")

    def handle_data(self, data: str) -> None:
        self._out(data)


def _readable(text: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" for c in text)


_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.DOTALL)


def _paragraph_texts(fragment: str, alts: bool = False) -> _Paragraphs:
    parser = _Paragraphs(alts)
    parser.feed(fragment)
    parser.close()
    return parser


# The tags `_Paragraphs` passes over in a paragraph (their text kept, nothing added).
_PASSED = frozenset(
    {"a", "abbr", "b", "cite", "code", "del", "em", "i", "img", "ins", "kbd", "mark"}
    | {"picture", "q", "s", "small", "source", "span", "strong", "sub", "u"}
)


def _paragraph_text(paragraph: str) -> str:
    """The text `_Paragraphs` reads in `paragraph` (`<p>...</p>`). One written as a
    serialiser writes HTML (links.py's `serialised_tags`) with only `_PASSED` tags inside
    is read without html.parser: its text between the tags, character references
    decoded, as html.parser gives it."""
    tags = serialised_tags(paragraph)
    if tags is None or len(tags) < 2 or tags[0][2] != "p" or tags[-1][2] != "/p":
        return "".join(_paragraph_texts(paragraph).paragraphs)
    inside = (tag.lstrip("/") for *_, tag in tags[1:-1])
    if tags[-1][1] != len(paragraph) or any(tag not in _PASSED for tag in inside):
        return "".join(_paragraph_texts(paragraph).paragraphs)
    pieces = [paragraph[end : tags[i + 1][0]] for i, (_, end, _) in enumerate(tags[:-1])]
    return "".join(unescape(piece) if "&" in piece else piece for piece in pieces)


def plain_summary(body_html: str, budget: int = SUMMARY_BUDGET) -> str:
    """The first paragraph with text, as plain text, for an article without `summary:`.

    Footnote references and markup are left out; paragraphs with no letters or digits
    (a photo alone) are skipped; in the paragraph taken, a picture among the words is
    read as its alt text (the sentence stays whole: "Body with a map and a table"); with
    no such paragraph, the body's text, without pictures, code blocks, tables and headings
    (tester 3, M15: "a b 1 2" from a table, a heading or code as the standfirst): '' when
    nothing else is left, which `check` says ("no summary"). Cut to `shorten`'s budget.
    """
    notes = body_html.find('<div class="footnote"')
    before_notes = body_html if notes < 0 else body_html[:notes]
    for found in _PARAGRAPH.finditer(before_notes):
        text = _paragraph_text(found.group())
        if _readable(text):
            if "<img" in found.group():
                text = "".join(_paragraph_texts(found.group(), alts=True).paragraphs)
            return shorten(" ".join(text.split()), budget)
    text = "".join(_paragraph_texts(_NOT_PROSE.sub(" ", before_notes)).everything)
    return shorten(" ".join(text.split()), budget)


# A code block, a table or a heading: never a summary's text.
_NOT_PROSE = re.compile(r"<(pre|table|h[1-6])\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


_SENTENCE_END = regex.compile(
    r"[.!?][\"'”’»)\]]*(?=\s)"  # Latin-style: the mark, closing quotes, then a space
    r"|[。！？｡][」』）”’]*"  # CJK: the mark ends the sentence by itself
    r"|[؟۔।॥።။៕](?=\s|$)"  # Arabic, Urdu, Devanagari, Ethiopic, Myanmar, Khmer
)
_GRAPHEME = regex.compile(r"\X")
_CLAUSE_MARK = regex.compile(r"[，、；：,;:]")
_TRAILING = "".join((",", ";", ":", "-", "–", "—", "(", "[", "“", "‘", "«", "，", "、", "；", "："))


# A character that may be wide or join its neighbour in a grapheme: any but Latin (to
# U+02FF) and the dashes, quotes and ellipsis of U+2010-U+2027 (smart punctuation's).
_WIDE_OR_JOINED = re.compile("[^\x00-\u02ff\u2010-\u2027]")


def _width(grapheme: str) -> int:
    return 2 if unicodedata.east_asian_width(grapheme[0]) in ("W", "F") else 1


def _cut(text: str, budget: int) -> int | None:
    """Where `text` is cut to leave one unit of `budget` for the ellipsis; None if it fits."""
    if "\r" not in text and (text.isascii() or not _WIDE_OR_JOINED.search(text)):
        return None if len(text) <= budget else budget - 1  # one narrow grapheme a character
    used, head_end = 0, 0
    for grapheme in _GRAPHEME.finditer(text):
        used += _width(grapheme.group())
        if used > budget:
            return head_end
        if used <= budget - 1:  # one unit kept for the ellipsis
            head_end = grapheme.end()
    return None


def shorten(text: str, budget: int = SUMMARY_BUDGET) -> str:
    """`text` cut to about `budget` width units, ending in '…' when cut.

    A narrow character counts 1 and a wide one (Chinese, Japanese, Korean) 2, so summaries
    read about as long in every script. The cut is at the last sentence end in the second
    half of the budget (. ! ? followed by a space; 。！？ alone), else at the last space,
    else (scripts written without spaces, such as Thai or Chinese) at a clause mark
    (，、) or between two graphemes (user-perceived characters, never inside one).
    """
    if len(text) * 2 <= budget:
        return text  # no character is wider than 2
    head_end = _cut(text, budget)
    if head_end is None:
        return text
    head = text[:head_end]
    half = len(head) // 2
    ends = [
        m.end()
        for m in _SENTENCE_END.finditer(text, 0, len(head) + 1)
        if half <= m.end() <= len(head)
    ]
    if ends:
        kept = text[: ends[-1]].rstrip()
        return kept + ("…" if _width(kept[-1]) == 2 else " …")
    space = max(head.rfind(" "), head.rfind("\u3000"))
    if space >= half:
        return head[:space].rstrip(_TRAILING + " ") + "…"
    marks = [m.start() for m in _CLAUSE_MARK.finditer(head) if m.start() >= half]
    if marks:
        return head[: marks[-1]] + "…"
    return head.rstrip(_TRAILING + " ") + "…"


_SEEN = re.compile(r"<(?:img|picture|video|audio|iframe|object|embed|svg|math)\b", re.IGNORECASE)
_TYPED = re.compile(r"(?:^|>)[^<&\s]")  # a character between tags, not a code or a space


_FOOTNOTES = '<div class="footnote"'


def shows_nothing(body_html: str) -> bool:
    """True when a body's sanitised HTML holds nothing a reader sees: no picture, video or
    other media, and no text (spaces, `&nbsp;`, a rule, an empty list, characters drawn as
    nothing such as a zero-width space or `&shy;`, and footnotes alone are no text)."""
    if _SEEN.search(body_html):
        return False
    shown = body_html.split(_FOOTNOTES, 1)[0]
    if any(not only_invisible(m.group()[-1]) for m in _TYPED.finditer(shown)):
        return False  # a character a reader sees, between tags: found without parsing
    return only_invisible("".join(_paragraph_texts(body_html).everything))
