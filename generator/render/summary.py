"""The automatic summary: an article body's first paragraph with text, as plain text, cut
to about the same reading length in every script."""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from html.entities import html5
from html.parser import HTMLParser

import regex

from generator.render.links import serialised_tags
from generator.render.unclosed import BLOCKS, PHRASING

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
    no such paragraph, the body's text, without pictures. Cut to `shorten`'s budget.
    """
    notes = body_html.find('<div class="footnote"')
    before_notes = body_html if notes < 0 else body_html[:notes]
    for found in _PARAGRAPH.finditer(before_notes):
        text = _paragraph_text(found.group())
        if _readable(text):
            if "<img" in found.group():
                text = "".join(_paragraph_texts(found.group(), alts=True).paragraphs)
            return shorten(" ".join(text.split()), budget)
    text = "".join(_paragraph_texts(body_html).everything)
    return shorten(" ".join(text.split()), budget)


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


# Markdown an editor may type in `summary:`, which is plain text (README: Writing an
# article): a link or picture, **strong** or __strong__, *emphasis* or _emphasis_, `code`.
_MARKDOWN = re.compile(
    r"(!?)\[([^\[\]\n]+)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)"
    r"|(\*\*|__)(?=\S)(.+?)(?<=\S)\3"
    r"|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"
    r"|`([^`\n]+)`"
)


def _words(found: re.Match[str]) -> str:
    return next(group for group in found.group(2, 4, 5, 6, 7) if group is not None)


def markdown_in_summary(summary: str) -> tuple[str, str] | None:
    """(message, fix) when `summary` holds Markdown, which it publishes as typed (a
    summary is plain text on the page, in search results and in every feed); None
    otherwise."""
    found = _MARKDOWN.search(summary) if any(c in summary for c in "*_[`") else None
    if found is None:
        return None
    typed = found.group()
    marks = (
        "brackets and address"
        if typed.endswith(")")
        else "backticks"
        if typed.startswith("`")
        else "underscores"
        if typed.startswith("_")
        else "asterisks"
    )
    line = yaml_line("summary", _MARKDOWN.sub(_words, summary))
    fix = f"write it without Markdown: {line if len(line) <= 120 else line[:117] + '...'}"
    if any(m.group().endswith(")") for m in _MARKDOWN.finditer(summary)):
        fix += "; a link belongs in the story's text, where it is a link"
    return (
        f"summary is plain text: {typed if len(typed) <= 60 else typed[:57] + '...'} is "
        f"published as typed, {marks} included, on the page, in search results and in feeds",
        fix,
    )


# HTML an editor may type in a headline or summary, which are plain text: a tag (`<b>`,
# `</b>`, `<script>`) or a character reference (`&amp;`, `&#8217;`; `&D;` in `R&D; budget`
# is no reference HTML knows, and is read as typed), shown as typed.
_MARKUP = re.compile(
    r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);"
)
# Elements named in HTML: a tag-like word of another name (`<Live>`) is words in brackets.
_HTML_NAMES = (
    PHRASING
    | BLOCKS
    | {"br", "img", "wbr", "script", "style", "iframe", "input", "meta", "link", "object"}
    | {"embed", "svg", "math", "button", "textarea", "select", "option", "label", "video"}
    | {"audio", "source", "picture", "title", "head", "body", "html", "canvas", "noscript"}
)


def _is_markup(found: re.Match[str]) -> bool:
    text = found.group()
    if text.startswith("&"):
        return text.startswith("&#") or text[1:] in html5
    return True


def _plain(value: str) -> str:
    """`value` with its markup written as words: a tag that wraps words (`<b>last</b>`,
    `<b>` alone) left out, another standing alone kept as its name ('Use the "br" tag'),
    a word in angle brackets that names no HTML element in brackets ('[Live] storm'), a
    character reference as its character."""
    closing = {"/" + m.lower() for m in re.findall(r"</([A-Za-z][A-Za-z0-9-]*)", value)}

    def word(found: re.Match[str]) -> str:
        text, name = found.group(), (found.group(1) or "").lower()
        if text.startswith("&"):
            return unescape(text) if _is_markup(found) else text
        if name not in _HTML_NAMES:
            return f"[{found.group(1)}]" if not text.startswith("</") else ""
        wraps = name in PHRASING or name in ("script", "style") or text.startswith("</")
        return "" if wraps or f"/{name}" in closing else f'"{name}"'

    return " ".join(_MARKUP.sub(word, value).split())


def yaml_line(key: str, text: str) -> str:
    """`key: text` quoted for YAML in the mark the text does not hold ("Rao's day")."""
    if "'" in text and '"' not in text and "\\" not in text:
        return f'{key}: "{text}"'
    return f"{key}: '" + text.replace("'", "''") + "'"


def markup_in_text(key: str, value: str) -> tuple[str, str] | None:
    """(message, fix) when `value`, the plain-text field `key` (title, summary), holds an
    HTML tag or character reference: published as typed on the page, and in feeds, whose
    readers often read a title as HTML (the W3C feed validator warns of it); None
    otherwise. The fix keeps every word (`_plain`)."""
    if "<" not in value and "&" not in value:
        return None
    found = next((m for m in _MARKUP.finditer(value) if _is_markup(m)), None)
    if found is None:
        return None
    line = yaml_line(key, _plain(value))
    what = "HTML tags" if found.group().startswith("<") else "HTML codes"
    return (
        f"{key} is plain text: {found.group()} is published as typed, on the page and in "
        "feeds, where many feed readers would read it as HTML",
        f"write it without {what}: {line if len(line) <= 120 else line[:117] + '...'}",
    )
