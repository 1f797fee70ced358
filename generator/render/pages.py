"""Jinja2 pages as data: each page is a PageSpec (template, path, values), rendered to bytes
by one function, `Renderer.render`.

`Renderer.all_pages` lists every page of a site: home, articles, one index and one page
per term of each taxonomy (generator.index.terms), archive, digests, search, 404. A new
kind of page is a method returning PageSpecs, listed in `families` (which `all_pages` reads)."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.index.digest import (
    RelatedStories,
    TopicGroup,
    day_topics,
    front_page,
)
from generator.index.site import Group, Page, Site, build_index, paginate
from generator.index.terms import AUTHORS, COUNTRIES, KINDS, TOPICS, TermKind
from generator.languages import likely_locale, same_language
from generator.model import Article, Author, OutputFile
from generator.render import images
from generator.render import titles as T
from generator.render.dates import Clock, day_text, month_text, weekday_text
from generator.render.environment import byline, json_ld, make_environment
from generator.render.failures import named_on_its_line
from generator.render.feedlist import FeedLink, site_feeds
from generator.render.pictures import Pictures
from generator.render.structured import StructuredData
from generator.render.translations import Translations
from generator.render.urls import Urls, edit_url, history_url
from generator.render.words import Words, page_environment

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
    "json_ld",
]


def is_page_template(name: str) -> bool:
    return name.endswith(".html") and not name.startswith(("static/", "locale/"))


def compile_theme(settings: Settings, templates_dir: Path) -> None:
    """Renderer.compile_all, before the site is known (while the articles are read)."""
    empty = build_index([], settings.tz)
    Renderer(settings, Urls(settings.base_url), templates_dir, empty).compile_all()


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One page before it is rendered: its template, its site path and the template's values."""

    template: str
    site_path: str
    path: str  # in the output directory
    context: dict[str, Any]
    section: str = ""  # the folder of the language it belongs to ('' the site's)


@dataclass(frozen=True, slots=True)
class Term:
    """An entry of the topics or countries index: sized 1 (least used) to 5 (most used)."""

    name: str
    href: str
    count: int
    size: int


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


def term_size(count: int, top: int) -> int:
    """1..5 on a log scale of use, so the few big topics stand out from the many small."""
    return 1 + round(4 * math.log(count) / math.log(top)) if top > 1 else 1


def terms_by_use(
    groups: list[Group[Any]], names: list[str], hrefs: list[str], sized: bool = True
) -> list[Term]:
    """Index entries with their number of stories, sized by use (or all the same size)."""
    top = max((len(g.articles) for g in groups), default=1)
    return [
        Term(name, href, len(g.articles), term_size(len(g.articles), top) if sized else 2)
        for g, name, href in zip(groups, names, hrefs, strict=True)
    ]


class Renderer:
    """Renders every page of a site index with the theme (`templates_dir` overrides it).

    For one language's section of a multilingual site (generator.render.sections),
    `settings.language` is its tag, `urls.folder` its folder and `site` its articles;
    `translations` then spans every language, and `languages` is the homes' switcher:
    each language's {language, name, href (absolute), path, current, direction}."""

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
        self.search = search  # whether Pagefind indexes this build (the search page works)
        self.urls = urls
        self.site = site
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
        self.main_feeds = self.feeds.main.links()
        # The main feed by format, for templates: main_feed.rss, main_feed.atom, main_feed.json
        self.main_feed = {
            format: self.feeds.main.link(format) for format, _ in self.feeds.main.formats
        }
        self.digest_feed = self.feeds.digest.link("rss")
        self.related = RelatedStories(site)
        self.translations = translations or Translations(site.articles, settings.language, urls)
        self.languages = languages
        self._position: dict[str, int] | None = None  # made when an article page asks

    def compile_all(self) -> None:
        """Compile every template of the theme (and the site's overrides) in the page
        language now, into this process's compiled templates (render.compiled): worker
        processes forked later, whose environments would each compile them, find them
        there. A template that does not compile is left to the page that uses it."""
        env = page_environment(self.env, self.settings.language)
        for name in env.list_templates(filter_func=is_page_template):
            with contextlib.suppress(Exception):
                env.get_template(name)

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """The older and the newer story beside `article` in the site's order."""
        if self._position is None:
            self._position = {a.source: i for i, a in enumerate(self.site.articles)}
        i, articles = self._position[article.source], self.site.articles
        return (articles[i + 1] if i + 1 < len(articles) else None, articles[i - 1] if i else None)

    def page(self, template: str, site_path: str, **context: Any) -> OutputFile:
        """A page rendered at once (for a page outside the site, like serve's error page)."""
        return self.render(self.spec(template, site_path, **context))

    def spec(self, template: str, site_path: str, **context: Any) -> PageSpec:
        """A page to render: every page offers the site's feeds for autodiscovery, after
        its own (a topic's), has a description (the site's, unless it has its own) and a
        `language` (BCP 47; the site's unless the page is in another)."""
        own = tuple(context.get("feeds", ()))
        context["feeds"] = own + tuple(f for f in self.main_feeds if f not in own)
        context.setdefault("description", self.settings.description)
        context.setdefault("language", self.settings.language)
        return PageSpec(
            template, site_path, self.urls.output_path(site_path), context, self.urls.folder
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
        locale (CLDR likely subtags: 'ur' -> 'ur_PK', 'hi' -> 'hi_IN')."""
        if not language or same_language(language, self.settings.language):
            return self.settings.og_locale
        return likely_locale(language)

    def all_pages(self) -> Iterator[PageSpec]:
        for _, make in self.families():
            yield from make()

    def families(self, only: Sequence[Article] | None = None) -> Families:
        """Every page by family (a key naming pages made together: an article's page, a term's
        or a month's list, a day's digest...) and how to make them; `only`: these articles'."""
        yield ("home",), lambda: iter((self.home(),))
        for article in self.site.articles if only is None else only:
            yield ("article", article.source), ArticlePage(self, article)
        for kind in KINDS:
            yield ("terms", kind.name), partial(self._one, self.terms_index, kind)
            for group in self.site.terms(kind):
                yield ("term", kind.name, group.key.slug), partial(self.term_list, kind, group)
        yield ("archive",), partial(self._one, self.archive_index)
        for group in self.site.months:
            year, month = group.key
            yield ("month", f"{year}-{month:02}"), partial(self.month_list, group)
        for index, group in enumerate(self.site.days):
            yield ("day", group.key.isoformat()), partial(self._one, self.digest_page, index)
        for number in range(1, self.digests_count() + 1):
            yield ("digests", str(number)), partial(self._one, self.digests_page, number)
        yield ("search",), partial(self._one, self.search_page)
        if not self.urls.folder:  # one 404 page, the site's
            yield ("404",), partial(self._one, self.not_found)

    @staticmethod
    def _one(make: Callable[..., PageSpec], *args: Any) -> Iterator[PageSpec]:
        yield make(*args)

    def home(self) -> PageSpec:
        days = self.site.days[: self.settings.digest_days]
        return self.spec(
            "home.html",
            self.urls.home(),
            title=self.settings.title,
            days=front_page(
                [(g.key, day_topics(g.articles)) for g in days],
                self.settings.home_per_day,
                self.settings.home_per_topic,
            ),
            top_topics=self.site.top_topics(12),  # (key, count): reads no story
            topics=self.terms(TOPICS),
            countries=self.terms(COUNTRIES),
            older=self.site.days[self.settings.digest_days]
            if len(self.site.days) > self.settings.digest_days
            else None,
            feeds=(*self.main_feeds, self.digest_feed),
            languages=[
                dict(entry, current=entry["path"] == self.urls.home()) for entry in self.languages
            ],
        )

    def article(self, article: Article) -> PageSpec:
        older, newer = self.neighbours(article)
        return self.spec(
            "article.html",
            self.urls.article(article),
            language=article.language or self.settings.language,
            translations=self.translations(article),
            title=article.title,
            description=article.summary,
            article=article,
            byline=byline(article.bylines or tuple(Author("", n) for n in article.authors)),
            older=older,
            newer=newer,
            related=self.related(article),
            image_url=self.pictures.image_url(article),
            og_image=self.pictures.og_image(article),
            structured=self.structured.news_article(article),
            edit_url=edit_url(self.settings, article.source),
            history_url=history_url(self.settings, article.source),
            feeds=self.main_feeds,
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

    def terms(self, kind: TermKind) -> list[Term]:
        """The entries of a taxonomy's index: most used first and sized by use, or in the
        site's order (by name) all one size, as the kind says."""
        groups = self.site.terms_by_use(kind)
        return terms_by_use(
            groups,
            [g.key.name for g in groups],
            [self.urls.term(kind, g.key) for g in groups],
            sized=kind.by_use,
        )

    def terms_index(self, kind: TermKind) -> PageSpec:
        return self.spec(
            "terms.html",
            self.urls.terms(kind),
            title=self.say(T.TERM_WORDS[kind.name][0]),
            kind=kind.name,
            description=self.say(T.TERM_WORDS[kind.name][2], site=self.settings.title),
            terms=self.terms(kind),
        )

    def term_list(self, kind: TermKind, group: Group[Any]) -> Iterator[PageSpec]:
        """One term's paginated list of stories."""
        name = group.key.name
        feed = self.feeds.term(kind, group.key).link("rss")
        # A topic's page does not repeat its own topic above each headline.
        # Nor a country's page its country beside each story.
        page_topic = (
            {"topic": group.key}
            if kind is TOPICS
            else {"country": group.key}
            if kind is COUNTRIES
            else {"author": group.key}
            if kind is AUTHORS
            else {}
        )
        yield from self.listing(
            "list.html",
            self.urls.term(kind, group.key),
            group.articles,
            title=self.say(T.TERM_WORDS[kind.name][1], name=name),
            heading=name,
            kind=kind.label,
            feeds=(feed,),
            own_feed=feed,
            description=self.say(T.TERM_WORDS[kind.name][3], name=name),
            **page_topic,
        )

    def archive_index(self) -> PageSpec:
        return self.spec(
            "archive.html",
            self.urls.archive(),
            title=self.say(T.ARCHIVE),
            months=[
                (month_text(y, m, self.settings.language), self.urls.month(y, m), len(g.articles))
                for g in self.site.months
                for (y, m) in [g.key]
            ],
        )

    def month_list(self, group: Group[tuple[int, int]]) -> Iterator[PageSpec]:
        year, month = group.key
        name = month_text(year, month, self.settings.language)
        yield from self.listing(
            "list.html",
            self.urls.month(year, month),
            group.articles,
            title=self.say(T.ARCHIVE_MONTH, month=name),
            heading=name,
            kind="Archive",
            own_feed=None,
            description=self.say(T.ARCHIVE_MONTH_DESCRIPTION, month=name),
        )

    def digest_page(self, index: int) -> PageSpec:
        """The digest of the `index`th day (0: the newest), linked to the days beside it."""
        group = self.site.days[index]
        newer = self.site.days[index - 1].key if index > 0 else None
        older = self.site.days[index + 1].key if index + 1 < len(self.site.days) else None
        return self.spec(
            "digest.html",
            self.urls.digest(group.key),
            title=self.say(T.DIGEST, day=day_text(group.key, self.settings.language)),
            day=group.key,
            description=self.say(
                T.DIGEST_DESCRIPTION, day=weekday_text(group.key, self.settings.language)
            ),
            topics=day_topics(group.articles),
            count=len(group.articles),
            newer=newer,
            older=older,
            feeds=(self.digest_feed,),
        )

    def digests_count(self) -> int:
        return max(1, -(-len(self.site.days) // self.settings.digests_per_page))

    def digests_page(self, number: int) -> PageSpec:
        per_page, count = self.settings.digests_per_page, self.digests_count()
        listed = self.site.days[(number - 1) * per_page : number * per_page]
        return self.spec(
            "digests.html",
            self.urls.digests(number),
            title=self.say(T.DIGESTS) if number == 1 else self.say(T.DIGESTS_PAGE, number=number),
            description=self.say(T.DIGESTS_DESCRIPTION, site=self.settings.title),
            entries=[
                (
                    g.key,
                    len(g.articles),
                    [t.tag.name for t in day_topics(g.articles)[:4] if t.tag],
                )
                for g in listed
            ],
            page=Page(number, count, ()),
            prev_url=self.urls.digests(number - 1) if number > 1 else "",
            next_url=self.urls.digests(number + 1) if number < count else "",
            feeds=(self.digest_feed,),
        )

    def search_page(self) -> PageSpec:
        return self.spec(
            "search.html",
            self.urls.search(),
            title=self.say(T.SEARCH),
            description=self.say(T.SEARCH_DESCRIPTION, site=self.settings.title),
        )

    def not_found(self) -> PageSpec:
        return self.spec("404.html", self.urls.path("404.html"), title=self.say(T.NOT_FOUND))
