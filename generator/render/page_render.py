"""A page as data (PageSpec: template, path, values) and the one function that renders it to
bytes, `PageRenderer.render`, with what every page of a language's section shares: the
theme's Jinja environment with its filters, the site's feeds, its description and language.

The page families (generator.render.pages and the *_pages modules) make PageSpecs with
`PageRenderer.spec` (or `listing`, for paginated lists); they never render."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.index.site import Site, paginate
from generator.index.terms import AUTHORS
from generator.languages import likely_locale, same_language
from generator.model import Article, OutputFile
from generator.render import images
from generator.render import titles as T
from generator.render.dates import Clock
from generator.render.environment import make_environment
from generator.render.failures import named_on_its_line
from generator.render.feeds.feedlist import site_feeds
from generator.render.pictures import Pictures
from generator.render.structured import StructuredData
from generator.render.urls import Urls
from generator.render.words import Words, page_environment


def is_page_template(name: str) -> bool:
    return name.endswith(".html") and not name.startswith(("static/", "locale/"))


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One page before it is rendered: its template, its site path and the template's values."""

    template: str
    site_path: str
    path: str  # in the output directory
    context: dict[str, Any]
    section: str = ""  # the folder of the language it belongs to ('' the site's)


class PageRenderer:
    """Makes a language section's PageSpecs whole and renders them with the theme
    (`templates_dir` overrides it); `site` is the section's, for its feeds."""

    def __init__(
        self, settings: Settings, urls: Urls, templates_dir: Path, site: Site, search: bool
    ) -> None:
        self.settings = settings
        self.search = search  # whether Pagefind indexes this build (the search page works)
        self.urls = urls
        self.env = make_environment(templates_dir)
        self.env.globals["site_language"] = settings.language  # a section's: the site's
        theme_words: Words = self.env.theme_words  # type: ignore[attr-defined]
        self.say = T.PageWords(theme_words, settings.language)  # titles, descriptions
        self.pictures = Pictures(urls)
        self.env.filters["image_src"] = self.pictures.image_src
        self.structured = StructuredData(settings, urls, self.pictures)
        self.logo = self.structured.logo
        self.clock = Clock(settings.tz)
        self.env.filters.update(self.clock.filters())
        self.env.filters["img_attrs"] = self.pictures.img_attrs
        self.env.filters["webp_source"] = self.pictures.webp_source
        self.env.globals.update(card_sizes=images.CARD_SIZES, authors_index=urls.terms(AUTHORS))
        self.env.globals["author_url"] = lambda author: self.urls.term(AUTHORS, author)
        self.env.filters["author_photo"] = self.pictures.author_photo
        self.feeds = site_feeds(site, settings, urls)
        self.advertised = self.feeds.advertised()  # every page's <link rel="alternate">
        self.main_feeds = self.feeds.main.links()  # for themes: every format of the main feed
        # The main feed by format, for templates: main_feed.rss, main_feed.atom, main_feed.json
        self.main_feed = {
            format: self.feeds.main.link(format) for format, _ in self.feeds.main.formats
        }
        self.digest_feed = self.feeds.digest.link("rss")
        self.og_locales: dict[str, str] = {}  # og_locale by page language

    def compile_all(self) -> None:
        """Compile every template of the theme (and the site's overrides) in the page
        language now, into this process's compiled templates (render.compiled): worker
        processes forked later, whose environments would each compile them, find them
        there. A template that does not compile is left to the page that uses it."""
        env = page_environment(self.env, self.settings.language)
        for name in env.list_templates(filter_func=is_page_template):
            with contextlib.suppress(Exception):
                env.get_template(name)

    def page(self, template: str, site_path: str, **context: Any) -> OutputFile:
        """A page rendered at once (for a page outside the site, like serve's error page)."""
        return self.render(self.spec(template, site_path, **context))

    def spec(self, template: str, site_path: str, **context: Any) -> PageSpec:
        """A page to render: every page offers the site's advertised feeds (`SiteFeeds`) for
        autodiscovery, after its own (a topic's), has a description (the site's, unless it
        has its own) and a `language` (BCP 47; the site's unless the page is in another)."""
        own = tuple(context.get("feeds", ()))
        context["feeds"] = own + tuple(f for f in self.advertised if f not in own)
        context.setdefault("description", self.settings.description)
        context.setdefault("language", self.settings.language)
        return PageSpec(
            template, site_path, self.urls.output_path(site_path), context, self.urls.folder
        )

    def listing(
        self, template: str, first_page: str, articles: tuple[Article, ...], **context: Any
    ) -> Iterator[PageSpec]:
        """A paginated list of articles: one template, for topics, countries and months."""
        pages = paginate(articles, self.settings.items_per_page)
        for page in pages:
            path = self.urls.paged(first_page, page.number)
            yield self.spec(
                template,
                path,
                page=page,
                total=len(articles),
                prev_url=self.urls.paged(first_page, page.number - 1) if page.number > 1 else "",
                next_url=(
                    self.urls.paged(first_page, page.number + 1) if page.number < page.count else ""
                ),
                **context,
            )

    def render(self, spec: PageSpec) -> OutputFile:
        """The one function that turns a page into bytes."""
        env = page_environment(self.env, language := str(spec.context.get("language", "")))
        with named_on_its_line(spec.template, spec.site_path):  # any error: file and line
            html = env.get_template(spec.template).render(
                settings=self.settings,
                og_locale=self.og_locale(language),
                urls=self.urls,
                page_path=spec.site_path,
                canonical=self.urls.absolute(spec.site_path),
                main_feeds=self.main_feeds,
                main_feed=self.main_feed,
                digest_feed=self.digest_feed,
                search=self.search,
                logo=self.logo,
                **spec.context,
            )
        return OutputFile(spec.path, html.encode("utf-8"))

    def og_locale(self, language: str) -> str:
        """og:locale of a page in `language`: the site's (`locale` setting, or its language's
        likely locale) on a page in the site's language, else the page language's likely
        locale (CLDR likely subtags: 'ur' -> 'ur_PK', 'hi' -> 'hi_IN'). Found once per
        language: every page asks."""
        found = self.og_locales.get(language)
        if found is None:
            if not language or same_language(language, self.settings.language):
                found = self.settings.og_locale
            else:
                found = likely_locale(language)
            self.og_locales[language] = found
        return found
