"""Structured data (schema.org JSON-LD) for article pages: a NewsArticle with its bylines
(Person or Organization), the publisher (Organization, with its logo as an ImageObject),
dates, keywords, place, pictures and corrections (CorrectionComment).

Values are plain dicts and lists; the theme writes them in a <script type="application/ld+json">
block through the `json_ld` filter (render.environment), which no text can break out of.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.index.terms import AUTHORS
from generator.languages import preferred_tag
from generator.model import Article, Author
from generator.render import images
from generator.render.pictures import Pictures
from generator.render.urls import Urls

__all__ = ["StructuredData"]


class StructuredData:
    """schema.org objects for one site: its settings, its URLs and its pictures."""

    def __init__(self, settings: Settings, urls: Urls, pictures: Pictures) -> None:
        self.settings = settings
        self.urls = urls
        self.pictures = pictures
        self.logo = self.logo_object()

    def news_article(self, article: Article) -> dict[str, Any]:
        """The article as a schema.org NewsArticle; URLs absolute, dates ISO 8601,
        inLanguage the article's BCP 47 tag (its `language`, else the site's)."""
        url = self.urls.absolute(self.urls.article(article))
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "inLanguage": preferred_tag(article.language or self.settings.language),
            "description": article.summary,
            "datePublished": article.date.isoformat(),
            "dateModified": article.modified.isoformat(),
            "author": [self.author_object(author) for author in article.bylines],
            "publisher": self.publisher_object(),
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "keywords": [t.name for t in article.tags],
            "contentLocation": {"@type": "Place", "name": article.country.name},
        }
        crops = self.pictures.crops(article)
        if crops:
            data["image"] = [url for url, _, _ in crops]
        elif self.pictures.image_url(article):
            data["image"] = [self.pictures.image_url(article)]
        if article.corrections:
            data["correction"] = [
                {"@type": "CorrectionComment", "text": c.text, "datePublished": c.date.isoformat()}
                for c in article.corrections
            ]
        return data

    def publisher_object(self) -> dict[str, Any]:
        """The publisher Organization, with its logo (an ImageObject) when one is set."""
        publisher: dict[str, Any] = {
            "@type": "Organization",
            "name": self.settings.publisher_name,
            "url": self.urls.absolute(self.urls.path()),
        }
        if self.logo:
            publisher["logo"] = self.logo
        return publisher

    def logo_object(self) -> dict[str, Any] | None:
        """The `logo` setting as a schema.org ImageObject: its published URL and pixel size."""
        if not self.settings.logo:
            return None
        logo: dict[str, Any] = {
            "@type": "ImageObject",
            "url": self.urls.absolute(self.urls.file(self.settings.logo_name)),
        }
        size = images.pixel_size(Path(self.settings.logo))
        if size:
            logo["width"], logo["height"] = size
        return logo

    def author_object(self, author: Author) -> dict[str, Any]:
        """A byline for JSON-LD: a Person (or an Organization, as the author registry says)
        whose url is their author page and sameAs their own site."""
        page = self.urls.absolute(self.urls.term(AUTHORS, author))
        found: dict[str, Any] = {"@type": author.type, "name": author.name, "url": page}
        same = [u for u in (author.url, author.fediverse_url) if u]
        found |= {"sameAs": same} if same else {}
        photo = author.picture and self.urls.absolute(
            self.urls.site_file(images.own_path(author.image, images.PORTRAITS))
        )
        return found | ({"image": photo} if photo else {})
