"""One configured Markdown -> safe HTML step for article bodies.

Links to other articles written as relative paths to their .md files become the
articles' URLs; relative images are resolved under content/ and published under
/media/; links to other sites get rel="noopener noreferrer"; the result is sanitised
with nh3 unless the site trusts its editors' HTML; the sanitiser puts
rel="noopener noreferrer" on every link, raw HTML ones included.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import markdown as md_lib
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

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
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(slots=True)
class _Context:
    """What the tree processor needs to know about the article being converted."""

    article: Article | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)


class _LinkProcessor(Treeprocessor):
    def __init__(self, md: md_lib.Markdown, renderer: BodyRenderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and element.get("href"):
                self.renderer.rewrite_link(element)
            elif element.tag == "img" and element.get("src"):
                self.renderer.rewrite_image(element)


class _LinkExtension(Extension):
    def __init__(self, renderer: BodyRenderer) -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: md_lib.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_LinkProcessor(md, self.renderer), "newsdigest_links", 1)


class BodyRenderer:
    """Converts article bodies; one instance per process, reused for every article."""

    def __init__(
        self,
        content_dir: Path,
        article_url: Callable[[str], str | None],
        media_url: Callable[[str], str],
        trusted_html: bool = False,
    ) -> None:
        self.content_dir = content_dir
        self.article_url = article_url
        self.media_url = media_url
        self.trusted_html = trusted_html
        self.context = _Context()
        self.md = md_lib.Markdown(
            extensions=["extra", "smarty", "sane_lists", _LinkExtension(self)],
            output_format="html",
        )

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
        return body_html, self.context.problems, self.context.assets

    def _line_of(self, needle: str) -> int:
        article = self.context.article
        assert article is not None
        index = article.body.find(needle)
        return article.body_line + (article.body[:index].count("\n") if index >= 0 else 0)

    def _local(self, ref: str) -> tuple[PurePosixPath | None, str]:
        from generator.load.validate import resolve_local

        article = self.context.article
        assert article is not None
        path, _, fragment = ref.partition("#")
        resolved = resolve_local(path, article.source, self.content_dir)
        if isinstance(resolved, str):
            return None, resolved
        return resolved, fragment

    def rewrite_link(self, element: ET.Element) -> None:
        href = element.get("href", "")
        parts = urlsplit(href)
        if parts.scheme in ("http", "https"):
            element.set("rel", "noopener noreferrer")
            return
        if parts.scheme or parts.netloc or href.startswith(("#", "/")):
            return
        if not parts.path.endswith(".md"):
            return
        resolved, fragment = self._local(href)
        url = self.article_url(resolved.as_posix()) if resolved else None
        if url is None:
            self._report(
                href,
                f"link to {href!r} points to no published article",
                "link to an existing .md file, relative to this article's folder",
            )
            return
        element.set("href", url + (f"#{fragment}" if fragment else ""))

    def rewrite_image(self, element: ET.Element) -> None:
        src = element.get("src", "")
        if urlsplit(src).scheme or src.startswith("//"):
            return
        resolved, _ = self._local(src)
        if resolved is None:
            self._report(src, f"image {src!r} does not exist", "put the image file in content/")
            return
        self.context.assets.add(resolved.as_posix())
        element.set("src", self.media_url(resolved.as_posix()))

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


def plain_summary(body_html: str, limit: int = 280) -> str:
    """The first paragraph as plain text, cut at a word boundary, for a missing summary."""
    match = _FIRST_PARAGRAPH.search(body_html)
    text = html.unescape(_TAG.sub("", match.group(1) if match else body_html))
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-–—")
    return cut + "…"
