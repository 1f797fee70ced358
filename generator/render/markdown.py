"""One configured Markdown -> safe HTML step for article bodies, and what is derived from it.

Every link and image of a body, written in Markdown or as raw HTML (`<img src>`,
`<a href>`), is resolved the same way, after the sanitiser, by reading the HTML's start
tags (`rewrite_tags`):

- a relative path to a .md file becomes that article's URL;
- a relative path to another file in content/ (an image, a PDF) is published under
  /media/ and the link or image points there; a missing file is an error on its line;
- a path starting with '/' is read from the site root: a file in content/ as above,
  anything else (`/tags/climate/`) is put under base_url's path (`/REPO/tags/climate/`);
- links to other sites get rel="noopener noreferrer".

The result is sanitised with nh3 unless the site trusts its editors' HTML. Feeds call
`absolute_links` (every URL absolute, `#fragment` links to the article's page) and every
description calls `plain_summary` (the first paragraph with text, cut for any script).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import markdown as md_lib
import nh3
import regex

from generator.diagnostics import Diagnostic, error
from generator.model import Article

ALLOWED_TAGS = {
    "p", "br", "hr", "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small",
    "sub", "sup", "abbr", "cite", "q", "code", "pre", "kbd", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "figure", "figcaption", "img", "div", "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    "div": {"class"},
    "code": {"class"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = {"a": "href", "img": "src"}  # the attributes that name a file or page
SUMMARY_BUDGET = 280  # width units: a narrow letter counts 1, a wide (CJK) character 2

Attrs = list[tuple[str, str | None]]


@dataclass(slots=True)
class _Context:
    """What the link pass needs to know about the article being converted."""

    article: Article | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)
    searched: dict[str, int] = field(default_factory=dict)  # needle -> where to look next


class BodyRenderer:
    """Converts article bodies; one instance per process, reused for every article.

    `article_url(source)` gives the site path of the article at content path `source`
    (None when it is not published); `media_url(path)` the site path a content file is
    published at; `base_path` is base_url's path ('/' or '/REPO/').
    """

    def __init__(
        self,
        content_dir: Path,
        article_url: Callable[[str], str | None],
        media_url: Callable[[str], str],
        trusted_html: bool = False,
        base_path: str = "/",
    ) -> None:
        self.content_dir = content_dir
        self.article_url = article_url
        self.media_url = media_url
        self.trusted_html = trusted_html
        self.base_path = base_path
        self.context = _Context()
        self.md = md_lib.Markdown(extensions=["extra", "smarty", "sane_lists"],
                                  output_format="html")

    def render(self, article: Article) -> tuple[str, list[Diagnostic], set[str]]:
        """The body as safe HTML, problems found in it, and content files it uses."""
        self.context = _Context(article)
        self.md.reset()
        try:
            body_html = self.md.convert(article.body)
        except RecursionError:
            # Python-Markdown recurses per level of nesting; hundreds of nested lists
            # exhaust the stack. Report it as the article's problem, not a crash.
            problem = error(
                article.source,
                article.body_line,
                "the text is nested too deeply (lists or quotes inside each other hundreds "
                "of levels deep) to be converted",
                "flatten the nested lists or quotes",
            )
            return "", [problem], set()
        if not self.trusted_html:
            body_html = sanitise(body_html)
        body_html = rewrite_tags(body_html, self._rewrite)
        return body_html, self.context.problems, self.context.assets

    def _rewrite(self, tag: str, attrs: Attrs) -> Attrs | None:
        name = URL_ATTRIBUTES[tag]
        value = next((v for k, v in attrs if k == name), None)
        if not value:
            return None
        changed = self.link_target(value) if tag == "a" else self.image_target(value)
        external = tag == "a" and urlsplit(value).scheme in ("http", "https")
        if changed is None and not (external and self.trusted_html):
            return None
        result = [(k, changed if k == name and changed is not None else v) for k, v in attrs]
        if external:
            result = [(k, v) for k, v in result if k != "rel"] + [("rel", "noopener noreferrer")]
        return result

    def _line_of(self, needle: str) -> int:
        """The body line of `needle`'s next use (the same file named twice: each its line)."""
        article = self.context.article
        assert article is not None
        start = self.context.searched.get(needle, 0)
        index = article.body.find(needle, start)
        if index < 0:
            index = article.body.find(needle)
        self.context.searched[needle] = index + 1 if index >= 0 else start
        return article.body_line + (article.body[:index].count("\n") if index >= 0 else 0)

    def _local(self, path: str) -> PurePosixPath | str:
        from generator.load.validate import resolve_local

        article = self.context.article
        assert article is not None
        return resolve_local(path, article.source, self.content_dir)

    def _site_path(self, path: str) -> str:
        """A site-root path ('/tags/x/') under base_url's path; unchanged when already there."""
        if self.base_path == "/" or path.startswith(self.base_path):
            return path
        return self.base_path + path.lstrip("/")

    def link_target(self, href: str) -> str | None:
        """Where a body link should point, or None to keep it as written."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            return None  # another site, mailto:, or '#fragment' / '?query' on this page
        path = unquote(parts.path)
        suffix = (f"?{parts.query}" if parts.query else "") + (
            f"#{parts.fragment}" if parts.fragment else "")
        resolved = self._local(path)
        if path.endswith(".md"):
            url = self.article_url(resolved.as_posix()) if not isinstance(resolved, str) else None
            if url is None:
                self._report(href, f"link to {href!r} points to no published article",
                             "link to an existing .md file, relative to this article's folder")
                return None
            return url + suffix
        if not isinstance(resolved, str):
            self.context.assets.add(resolved.as_posix())
            return self.media_url(resolved.as_posix()) + suffix
        if path.startswith("/"):
            return self._site_path(parts.path) + suffix
        self._report(href, f"link to {href!r} points to no file",
                     self._missing_hint(path, "file"))
        return None

    def image_target(self, src: str) -> str | None:
        """Where a body image is published, or None to keep it as written."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            return None
        resolved = self._local(unquote(parts.path))
        if isinstance(resolved, str):
            self._report(src, f"image {src!r} does not exist",
                         self._missing_hint(unquote(parts.path), "image file"))
            return None
        self.context.assets.add(resolved.as_posix())
        return self.media_url(resolved.as_posix())

    def _missing_hint(self, path: str, what: str) -> str:
        from generator.load.validate import missing_file_hint

        article = self.context.article
        assert article is not None
        return missing_file_hint(path, article.source, self.content_dir, what)

    def _report(self, needle: str, message: str, hint: str) -> None:
        article = self.context.article
        assert article is not None
        self.context.problems.append(error(article.source, self._line_of(needle), message, hint))


def sanitise(fragment: str) -> str:
    """Keep the HTML a news article needs; drop scripts, frames, handlers and odd URLs."""
    return str(
        nh3.clean(
            fragment,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
            strip_comments=True,
        )
    )


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


class _Paragraphs(HTMLParser):
    """The text of each paragraph of a body, without footnotes and footnote references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
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
        if self.skip or tag in ("script", "style") or (
                tag == "div" and "footnote" in (values.get("class") or "").split()):
            self.skip += tag not in ("br", "img", "hr")
            return
        if tag == "p":
            self.current = []
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


def plain_summary(body_html: str, budget: int = SUMMARY_BUDGET) -> str:
    """The first paragraph with text, as plain text, for an article without `summary:`.

    Footnote references, images and markup are left out; paragraphs with no letters or
    digits (a photo alone) are skipped; with no such paragraph, the body's text. Cut to
    `shorten`'s budget.
    """
    parser = _Paragraphs()
    parser.feed(body_html)
    parser.close()
    text = next((p for p in parser.paragraphs if _readable(p)), "".join(parser.everything))
    return shorten(" ".join(text.split()), budget)


_SENTENCE_END = regex.compile(
    r"[.!?][\"'”’»)\]]*(?=\s)"  # Latin-style: the mark, closing quotes, then a space
    r"|[。！？｡][」』）”’]*"  # CJK: the mark ends the sentence by itself
    r"|[؟۔।॥።။៕](?=\s|$)"  # Arabic, Urdu, Devanagari, Ethiopic, Myanmar, Khmer
)
_CLAUSE_MARK = regex.compile(r"[，、；：,;:]")
_TRAILING = "".join((",", ";", ":", "-", "–", "—", "(", "[", "“", "‘", "«", "，", "、", "；", "："))


def _width(grapheme: str) -> int:
    return 2 if unicodedata.east_asian_width(grapheme[0]) in ("W", "F") else 1


def shorten(text: str, budget: int = SUMMARY_BUDGET) -> str:
    """`text` cut to about `budget` width units, ending in '…' when cut.

    A narrow character counts 1 and a wide one (Chinese, Japanese, Korean) 2, so summaries
    read about as long in every script. The cut is at the last sentence end in the second
    half of the budget (. ! ? followed by a space; 。！？ alone), else at the last space,
    else (scripts written without spaces, such as Thai or Chinese) at a clause mark
    (，、) or between two graphemes (user-perceived characters, never inside one).
    """
    graphemes = regex.findall(r"\X", text)
    if sum(_width(g) for g in graphemes) <= budget:
        return text
    used, count = 0, 0
    for grapheme in graphemes:
        used += _width(grapheme)
        if used > budget - 1:  # one unit for the ellipsis
            break
        count += 1
    head = "".join(graphemes[:count])
    half = len(head) // 2
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, len(head) + 1)
            if half <= m.end() <= len(head)]
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
