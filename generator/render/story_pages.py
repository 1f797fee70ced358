"""The stories' pages: the home page (the latest days' stories by topic, the topics and
countries) and each article's page (with its neighbours, related stories, translations)."""

from __future__ import annotations

from typing import Any

from generator.index.digest import RelatedStories, day_topics, front_page
from generator.index.site import Site
from generator.index.terms import COUNTRIES, TOPICS
from generator.model import Article, Author
from generator.render.environment import said_byline
from generator.render.page_render import PageRenderer, PageSpec
from generator.render.term_pages import TermPages
from generator.render.translations import Translations
from generator.render.urls import edit_url, history_url


class StoryPages:
    """A section's home page and article pages. `translations` spans every language of
    the site; `languages` is the homes' switcher: each language's {language, name, href
    (absolute), path, current, direction}."""

    def __init__(
        self,
        pages: PageRenderer,
        site: Site,
        terms: TermPages,
        translations: Translations,
        languages: tuple[dict[str, Any], ...],
    ) -> None:
        self.pages = pages
        self.settings = pages.settings
        self.urls = pages.urls
        self.site = site
        self.term_pages = terms
        self.related = RelatedStories(site)
        self.translations = translations
        self.languages = languages
        self._position: dict[str, int] | None = None  # made when an article page asks
        self.words = pages.say.words.translations  # a language's words (its tag)

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """The older and the newer story beside `article` in the site's order."""
        if self._position is None:
            self._position = {a.source: i for i, a in enumerate(self.site.articles)}
        i, articles = self._position[article.source], self.site.articles
        return (articles[i + 1] if i + 1 < len(articles) else None, articles[i - 1] if i else None)

    def home(self) -> PageSpec:
        settings, days = self.settings, self.site.days
        return self.pages.spec(
            "home.html",
            self.urls.home(),
            title=settings.title,
            days=front_page(
                [(g.key, day_topics(g.articles)) for g in days[: settings.digest_days]],
                settings.home_per_day,
                settings.home_per_topic,
            ),
            top_topics=self.site.top_topics(12),  # (key, count): reads no story
            topics=self.term_pages.terms(TOPICS),
            countries=self.term_pages.terms(COUNTRIES),
            older=days[settings.digest_days] if len(days) > settings.digest_days else None,
            feeds=(*self.pages.advertised, self.pages.digest_feed),
            languages=[
                dict(entry, current=entry["path"] == self.urls.home()) for entry in self.languages
            ],
        )

    @staticmethod
    def names(article: Article) -> tuple[Author, ...]:
        """The authors of a story without bylines (no author pages), by name."""
        return tuple(Author("", name) for name in article.authors)

    def article(self, article: Article) -> PageSpec:
        older, newer = self.neighbours(article)
        pictures = self.pages.pictures
        language = article.language or self.settings.language
        return self.pages.spec(
            "article.html",
            self.urls.article(article),
            language=language,
            translations=self.translations(article),
            title=article.title,
            description=article.summary,
            article=article,
            byline=said_byline(self.words(language), article.bylines or self.names(article)),
            older=older,
            newer=newer,
            related=self.related(article),
            image_url=pictures.image_url(article),
            og_image=pictures.og_image(article),
            structured=self.pages.structured.news_article(article),
            edit_url=edit_url(self.settings, article.source),
            history_url=history_url(self.settings, article.source),
            feeds=self.pages.advertised,
        )
