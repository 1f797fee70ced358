"""The language versions of one story: articles that share a `translation_key`.

Each version's page links the others ("Read in: اردو · हिन्दी") and lists every version,
itself included, as `<link rel="alternate" hreflang href>` with absolute URLs plus
`x-default` (Google's reciprocal hreflang sets).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.languages import (
    autonym,
    likely_locale,
    preferred_tag,
    same_language,
    text_direction,
)
from generator.model import Article
from generator.render.urls import Urls


class Translations:
    """The versions of every story by `translation_key`; `language` is the site's."""

    def __init__(self, articles: Sequence[Article], language: str, urls: Urls) -> None:
        self.language = language
        self.urls = urls
        self.versions: dict[str, list[Article]] = {}
        for article in articles:
            if article.translation_key:
                self.versions.setdefault(article.translation_key, []).append(article)

    def tag(self, article: Article) -> str:
        return article.language or self.language

    def is_default(self, article: Article) -> bool:
        """Whether the article is in the site's language (`EN` on an `en` site is)."""
        return same_language(self.tag(article), self.language)

    def __call__(self, article: Article) -> list[dict[str, Any]]:
        """The versions of the article's story, itself included, site language first, then
        by language tag: each {language, name (autonym), href (absolute URL, for hreflang),
        path (the site path, for the visible "Read in" link), current, default, direction,
        locale (og:locale:alternate)}.
        `default` (hreflang x-default) is the version in the site's language (its tag
        compared as BCP 47 compares tags: `EN` is `en`), else the oldest (the original).
        [] when the story has one version."""
        versions = self.versions.get(article.translation_key, []) if article.translation_key else []
        if len(versions) < 2:
            return []
        ordered = sorted(versions, key=lambda a: (not self.is_default(a), self.tag(a).lower()))
        default = next(
            (a for a in ordered if self.is_default(a)),
            min(versions, key=lambda a: a.date),
        )
        return [
            {
                "language": preferred_tag(self.tag(a)),  # hreflang: RFC 5646 form
                "name": autonym(self.tag(a)),
                "current": a is article,
                "href": self.urls.absolute(self.urls.article(a)),
                "path": self.urls.article(a),
                "default": a is default,
                "direction": text_direction(self.tag(a)),
                "locale": likely_locale(self.tag(a)),  # og:locale:alternate
            }
            for a in ordered
        ]

    def alternates(self, article: Article) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) of every version, itself included, then x-default: what
        the page's `<head>` and sitemap.xml's `xhtml:link`s list. [] for one version."""
        versions = self(article)
        return [(v["language"], v["href"]) for v in versions] + [
            ("x-default", v["href"]) for v in versions if v["default"]
        ]
