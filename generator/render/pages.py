"""Every page of a language's section, as data: `Renderer.families` lists each group of
pages made together and how to make its PageSpecs (template, path, values), which one
function renders to bytes (`PageRenderer.render`, generator.render.page_render).

The page families each have their module: the home and article pages (story_pages), one
index and one page per term of each taxonomy (term_pages, generator.index.terms), the
archive and the daily digests (dated_pages); search and 404 are here. A new kind of page
is a method returning PageSpecs, listed in `families` (which `all_pages` reads)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.index.digest import TopicGroup, day_topics
from generator.index.site import Site, build_index
from generator.index.terms import KINDS
from generator.model import Article
from generator.render import titles as T
from generator.render.dated_pages import ArchivePages, DigestPages
from generator.render.environment import json_ld
from generator.render.feeds.feedlist import FeedLink
from generator.render.page_render import PageRenderer, PageSpec, is_page_template
from generator.render.story_pages import StoryPages
from generator.render.term_pages import Term, TermPages
from generator.render.translations import Translations
from generator.render.urls import Urls

Family = tuple[str, ...]  # a group of pages made together: ("term", "topics", "energy")
Families = Iterator[tuple[Family, Callable[[], Iterator["PageSpec"]]]]  # and how to make each

__all__ = [
    "Family",
    "FeedLink",
    "PageSpec",
    "Renderer",
    "Term",
    "TopicGroup",
    "day_topics",
    "is_page_template",
    "json_ld",
]


def compile_theme(settings: Settings, templates_dir: Path) -> None:
    """Renderer.compile_all, before the site is known (while the articles are read)."""
    empty = build_index([], settings.tz)
    Renderer(settings, Urls(settings.base_url), templates_dir, empty).compile_all()


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """An article's page family (its one spec, when called); `path`: without making it."""

    renderer: Renderer
    article: Article

    def __call__(self) -> Iterator[PageSpec]:
        yield self.renderer.article(self.article)

    @property
    def path(self) -> str:
        return self.renderer.urls.output_path(self.renderer.urls.article(self.article))


def _one(make: Callable[..., PageSpec], *args: Any) -> Iterator[PageSpec]:
    yield make(*args)


class Renderer:
    """Every page of a site index, by family, rendered with the theme (`templates_dir`
    overrides it).

    For one language's section of a multilingual site (generator.render.sections),
    `settings.language` is its tag, `urls.folder` its folder and `site` its articles;
    `translations` then spans every language, and `languages` is the homes' switcher
    (StoryPages)."""

    def __init__(
        self,
        settings: Settings,
        urls: Urls,
        templates_dir: Path,
        site: Site,
        search: bool = False,
        translations: Translations | None = None,
        languages: tuple[dict[str, Any], ...] = (),
    ) -> None:
        self.settings = settings
        self.urls = urls
        self.site = site
        self.pages = PageRenderer(settings, urls, templates_dir, site, search)
        self.env = self.pages.env
        self.render = self.pages.render  # the one function that turns a page into bytes
        self.page = self.pages.page
        self.compile_all = self.pages.compile_all
        self.terms = TermPages(self.pages, site)
        translations = translations or Translations(site.articles, settings.language, urls)
        self.stories = StoryPages(self.pages, site, self.terms, translations, languages)
        self.related = self.stories.related
        self.neighbours = self.stories.neighbours
        self.article = self.stories.article
        self.archive = ArchivePages(self.pages, site)
        self.digests = DigestPages(self.pages, site)

    def all_pages(self) -> Iterator[PageSpec]:
        for _, make in self.families():
            yield from make()

    def families(self, only: Sequence[Article] | None = None) -> Families:
        """Every page by family (a key naming pages made together: an article's page, a term's
        or a month's list, a day's digest...) and how to make them; `only`: these articles'."""
        yield ("home",), lambda: iter((self.stories.home(),))
        for article in self.site.articles if only is None else only:
            yield ("article", article.source), ArticlePage(self, article)
        for kind in KINDS:
            yield ("terms", kind.name), partial(_one, self.terms.terms_index, kind)
            for group in self.site.terms(kind):
                make = partial(self.terms.term_list, kind, group)
                yield ("term", kind.name, group.key.slug), make
        yield ("archive",), partial(_one, self.archive.archive_index)
        for group in self.site.months:
            year, month = group.key
            yield ("month", f"{year}-{month:02}"), partial(self.archive.month_list, group)
        for index, group in enumerate(self.site.days):
            yield ("day", group.key.isoformat()), partial(_one, self.digests.digest_page, index)
        for number in range(1, self.digests.digests_count() + 1):
            yield ("digests", str(number)), partial(_one, self.digests.digests_page, number)
        yield ("search",), partial(_one, self.search_page)
        if not self.urls.folder:  # one 404 page, the site's
            yield ("404",), partial(_one, self.not_found)

    def search_page(self) -> PageSpec:
        return self.pages.spec(
            "search.html",
            self.urls.search(),
            title=self.pages.say(T.SEARCH),
            description=self.pages.say(T.SEARCH_DESCRIPTION, site=self.settings.title),
        )

    def not_found(self) -> PageSpec:
        return self.pages.spec(
            "404.html", self.urls.path("404.html"), title=self.pages.say(T.NOT_FOUND)
        )
