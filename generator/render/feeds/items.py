"""A story as a feed item carries it, in every format: its HTML content (the lead figure,
the body with absolute links, the corrections, the sources line, as the article page
shows them) and its lead image as an enclosure or Media RSS image."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path

from markupsafe import escape

from generator.languages import body_direction, text_direction
from generator.model import Article
from generator.render import images
from generator.render.feeds.extensions import MediaImage
from generator.render.links import absolute_links
from generator.render.urls import Urls


class FeedItems:
    """What the feeds of one language's section say of each story.

    `filled`: the article with its body, when the articles carry none
    (generator.speed.bodies); `corrections`: the article's corrections as its page shows
    them (render.sections.corrections_html), rendered once per article (by its source)
    however many feeds carry it. `language`: the section's language (a story without
    `language:` is in it), which decides the direction of its stories' HTML."""

    def __init__(
        self,
        urls: Urls,
        content_dir: Path,
        filled: Callable[[Article], Article] | None = None,
        corrections: Callable[[Article], str] | None = None,
        language: str = "",
    ) -> None:
        self.language = language
        self.urls = urls
        self.content_dir = content_dir
        self.filled = filled
        self.corrections = corrections
        self._corrections: dict[str, str] = {}
        self._directions: dict[str, str] = {}  # body_direction of each story's body, by source

    def link(self, article: Article) -> str:
        """The article page's absolute URL."""
        return self.urls.absolute(self.urls.article(article))

    def content_html(self, article: Article) -> str:
        """An item's HTML content: the lead figure (image, caption, credit), the body
        with absolute links, the corrections, then the sources line, as on the article page;
        in a right-to-left story, all of it in `<div lang=".." dir="rtl">`, since feed
        readers lay an item's HTML out left to right unless it says otherwise. A body most
        of whose letters are written in the other direction from the story's language is
        in `<div dir="rtl">` (or `"ltr"`), as on its page (`body_dir`)."""
        body = self.absolute_html(article)
        tag = article.language or self.language
        language = text_direction(tag or "en")
        found = self._directions.get(article.source)
        if found is None:  # once per story, however many feeds and formats carry it
            found = self._directions[article.source] = body_direction(body)
        if found and found != language:
            body = f'<div dir="{found}">{body}</div>'
        html = "\n".join(self._content_parts(article, body))
        if language == "rtl":
            return f'<div lang="{escape(tag)}" dir="rtl">{html}</div>'
        return html

    def _content_parts(self, article: Article, body: str) -> list[str]:
        parts: list[str] = []
        if article.image is not None:
            image = article.image
            src = image.src if image.is_remote else self.urls.absolute(self.urls.media(image.src))
            caption = [f'<span dir="auto">{escape(image.caption)}</span>'] if image.caption else []
            if article.image_credit:
                caption.append(f"Image: {escape(article.image_credit)}")
            figcaption = f"<figcaption>{'<br>'.join(caption)}</figcaption>" if caption else ""
            parts.append(
                f'<figure><img src="{escape(src)}" alt="{escape(image.alt)}">{figcaption}</figure>'
            )
        parts.append(body)
        if self.corrections is not None and article.corrections:
            if article.source not in self._corrections:
                self._corrections[article.source] = self.corrections(article)
            parts.append(self._corrections[article.source])
        if article.sources:
            parts.append(
                f"<p><em>(With inputs from {escape(', '.join(article.sources))}.)</em></p>"
            )
        return parts

    def absolute_html(self, article: Article) -> str:
        """The article's body HTML with every link absolute, `#fragment` ones to its page."""
        html = (self.filled(article) if self.filled else article).body_html
        return absolute_links(html, self.link(article))

    def enclosure(self, article: Article) -> tuple[str, str, str] | None:
        """(url, length, type) for a local lead image, for the RSS enclosure."""
        if article.image is None or article.image.is_remote:
            return None
        path = self.content_dir / article.image.src
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        url = self.urls.absolute(self.urls.media(article.image.src))
        picture = article.image.picture
        if picture is not None and picture.processed:  # the published (re-encoded) file
            return url, str(images.size_of(self.content_dir, article.image.src, picture)), kind
        return url, str(path.stat().st_size), kind

    def lead(self, article: Article, image: tuple[str, str, str] | None) -> MediaImage | None:
        """The lead image for Media RSS (RSS) or an enclosure link (Atom); `image`: its
        `enclosure`."""
        if article.image is None:
            return None
        return MediaImage(
            url=image[0] if image else article.image.src,
            width=article.image.width,
            height=article.image.height,
            type=image[2] if image else "",
            credit=article.image_credit,
            description=article.image.alt,
            length=int(image[1]) if image else -1,
        )
