"""Jinja2 pages: one template per page kind, each rendered to an OutputFile in memory."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.config import Settings
from generator.index.digest import RelatedStories, TopicGroup, day_topics, human_date, human_day
from generator.index.site import Group, Site, paginate
from generator.model import Article, Image, OutputFile, Tag
from generator.render.images import pixel_size
from generator.render.theme import Theme
from generator.render.urls import Urls

__all__ = ["FeedLink", "Renderer", "Term", "TopicGroup", "day_topics", "json_ld"]


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A feed offered on a page, for <link rel="alternate"> and visible links."""

    title: str
    href: str
    type: str = "application/rss+xml"


@dataclass(frozen=True, slots=True)
class Term:
    """An entry of the topics or countries index: sized 1 (least used) to 5 (most used)."""

    name: str
    href: str
    count: int
    size: int


def term_size(count: int, top: int) -> int:
    """1..5 on a log scale of use, so the few big topics stand out from the many small."""
    return 1 + round(4 * math.log(count) / math.log(top)) if top > 1 else 1


def terms_by_use(groups: list[Group[Any]], names: list[str], hrefs: list[str],
                 sized: bool = True) -> list[Term]:
    """Index entries with their number of stories, sized by use (or all the same size)."""
    top = max((len(g.articles) for g in groups), default=1)
    return [
        Term(name, href, len(g.articles), term_size(len(g.articles), top) if sized else 2)
        for g, name, href in zip(groups, names, hrefs, strict=True)
    ]


def human_datetime(value: datetime, has_time: bool = True) -> str:
    """'25 June 2025, 15:27 UTC+05:30', in the time's own offset; '25 June 2025' when
    the editor gave no time (`has_time` False), rather than an invented '00:00'."""
    if not has_time:
        return human_date(value.date())
    offset = value.strftime("%z")
    zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
    return f"{value.day} {value:%B %Y, %H:%M} {zone}"


def time_attr(value: datetime, has_time: bool = True) -> str:
    """The `datetime` attribute of <time>: RFC 3339, or the day alone (HTML's valid date
    string) when the editor gave no time."""
    return value.isoformat() if has_time else value.date().isoformat()


def kicker(article: Article, page_topic: Tag | None = None) -> Tag | None:
    """The topic named above a headline in a list: its first, unless the page is about it."""
    return next((tag for tag in article.tags if tag != page_topic), None)


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no text can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 (escaped above for the script context)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja2 with the packaged theme behind the site's override folder `templates_dir`."""
    env = jinja2.Environment(
        loader=Theme(templates_dir).loader(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["human_datetime"] = human_datetime
    env.filters["human_date"] = human_date
    env.filters["time_attr"] = time_attr
    env.filters["human_day"] = human_day
    env.filters["json_ld"] = json_ld
    env.filters["kicker"] = kicker
    return env


class Renderer:
    """Renders every page of a site index with the theme (`templates_dir` overrides it)."""

    def __init__(self, settings: Settings, urls: Urls, templates_dir: Path, site: Site,
                 search: bool = False) -> None:
        self.settings = settings
        self.search = search  # whether Pagefind indexes this build (the search page works)
        self.urls = urls
        self.site = site
        self.env = make_environment(templates_dir)
        self.env.filters["image_src"] = self.image_src
        self.logo = self.logo_object()
        self.main_feeds = (
            FeedLink(f"{settings.title} (RSS)", urls.file("feed.xml")),
            FeedLink(f"{settings.title} (Atom)", urls.file("atom.xml"), "application/atom+xml"),
            FeedLink(f"{settings.title} (JSON Feed)", urls.file("feed.json"),
                     "application/feed+json"),
        )
        self.digest_feed = FeedLink(f"{settings.title}: daily digest (RSS)", urls.digest_feed())
        self.related = RelatedStories(site)
        self.neighbours = {
            a.source: (site.articles[i + 1] if i + 1 < len(site.articles) else None,
                       site.articles[i - 1] if i > 0 else None)
            for i, a in enumerate(site.articles)
        }

    def page(self, template: str, site_path: str, **context: Any) -> OutputFile:
        # Every page offers the site's feeds for autodiscovery, after its own (a topic's).
        own = tuple(context.get("feeds", ()))
        context["feeds"] = own + tuple(f for f in self.main_feeds if f not in own)
        context.setdefault("description", self.settings.description)
        html = self.env.get_template(template).render(
            settings=self.settings,
            urls=self.urls,
            page_path=site_path,
            canonical=self.urls.absolute(site_path),
            main_feeds=self.main_feeds,
            digest_feed=self.digest_feed,
            search=self.search,
            **context,
        )
        return OutputFile(self.urls.output_path(site_path), html.encode("utf-8"))

    def all_pages(self) -> Iterator[OutputFile]:
        yield self.home()
        for article in self.site.articles:
            yield self.article(article)
        yield from self.topic_pages()
        yield from self.country_pages()
        yield from self.archive_pages()
        yield from self.digest_pages()
        yield self.search_page()
        yield self.not_found()

    def home(self) -> OutputFile:
        days = self.site.days[: self.settings.digest_days]
        return self.page(
            "home.html",
            self.urls.home(),
            title=self.settings.title,
            days=[(g.key, day_topics(g.articles)) for g in days],
            top_topics=self.site.topics_by_use()[:12],
            topics=self.topic_terms(),
            countries=self.country_terms(),
            older=self.site.days[self.settings.digest_days] if len(self.site.days) >
            self.settings.digest_days else None,
            feeds=(*self.main_feeds, self.digest_feed),
        )

    def article(self, article: Article) -> OutputFile:
        older, newer = self.neighbours[article.source]
        return self.page(
            "article.html",
            self.urls.article(article),
            title=article.title,
            description=article.summary,
            article=article,
            older=older,
            newer=newer,
            related=self.related(article),
            image_url=self.image_url(article),
            structured=self.structured_data(article),
            edit_url=self.edit_url(article),
            history_url=self.history_url(article),
            feeds=self.main_feeds,
        )

    def edit_url(self, article: Article) -> str:
        if not self.settings.repo_url:
            return ""
        return (f"{self.settings.repo_url}/edit/{self.settings.repo_branch}/"
                f"{self.settings.content_dir}/{article.source}")

    def history_url(self, article: Article) -> str:
        if not self.settings.repo_url:
            return ""
        return (f"{self.settings.repo_url}/commits/{self.settings.repo_branch}/"
                f"{self.settings.content_dir}/{article.source}")

    def structured_data(self, article: Article) -> dict[str, Any]:
        url = self.urls.absolute(self.urls.article(article))
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.summary,
            "datePublished": article.date.isoformat(),
            "dateModified": article.modified.isoformat(),
            # Each byline a Person; its url is the site until authors have pages of their own.
            "author": [{"@type": "Person", "name": name,
                        "url": self.urls.absolute(self.urls.home())}
                       for name in article.authors],
            "publisher": self.publisher_object(),
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "keywords": [t.name for t in article.tags],
            "contentLocation": {"@type": "Place", "name": article.country.name},
        }
        image = self.image_url(article)
        if image:
            data["image"] = [image]
        if article.corrections:
            data["correction"] = [{"@type": "CorrectionComment", "text": c.text,
                                   "datePublished": c.date.isoformat()}
                                  for c in article.corrections]
        return data

    def publisher_object(self) -> dict[str, Any]:
        """The publisher Organization, with its logo (an ImageObject) when one is set."""
        publisher: dict[str, Any] = {"@type": "Organization",
                                     "name": self.settings.publisher_name,
                                     "url": self.urls.absolute(self.urls.home())}
        if self.logo:
            publisher["logo"] = self.logo
        return publisher

    def logo_object(self) -> dict[str, Any] | None:
        """The `logo` setting as a schema.org ImageObject: its published URL and pixel size."""
        if not self.settings.logo:
            return None
        logo: dict[str, Any] = {"@type": "ImageObject",
                                "url": self.urls.absolute(self.urls.file(self.settings.logo_name))}
        size = pixel_size(Path(self.settings.logo))
        if size:
            logo["width"], logo["height"] = size
        return logo

    def image_src(self, image: Image) -> str:
        """Where a page loads an image from: its URL, or its path under /media/."""
        return image.src if image.is_remote else self.urls.media(image.src)

    def image_url(self, article: Article) -> str:
        """The absolute URL of the article's image, or ''."""
        if article.image is None:
            return ""
        if article.image.is_remote:
            return article.image.src
        return self.urls.absolute(self.urls.media(article.image.src))

    def listing(self, template: str, first_page: str, articles: tuple[Article, ...],
                **context: Any) -> Iterator[OutputFile]:
        """A paginated list of articles: one template, for topics, countries and months."""
        pages = paginate(articles, self.settings.items_per_page)
        for page in pages:
            path = self.urls.paged(first_page, page.number)
            yield self.page(
                template,
                path,
                page=page,
                total=len(articles),
                prev_url=self.urls.paged(first_page, page.number - 1) if page.number > 1 else "",
                next_url=(self.urls.paged(first_page, page.number + 1)
                          if page.number < page.count else ""),
                **context,
            )

    def topic_terms(self) -> list[Term]:
        groups = self.site.topics_by_use()
        return terms_by_use(groups, [g.key.name for g in groups],
                            [self.urls.tag(g.key) for g in groups])

    def country_terms(self) -> list[Term]:
        groups = list(self.site.countries)
        return terms_by_use(groups, [g.key.name for g in groups],
                            [self.urls.country(g.key) for g in groups], sized=False)

    def topic_pages(self) -> Iterator[OutputFile]:
        yield self.page("terms.html", self.urls.tags(), title="Topics", kind="topics",
                        description=f"Every topic of {self.settings.title}, most covered first.",
                        terms=self.topic_terms())
        for group in self.site.topics:
            feed = FeedLink(f"{self.settings.title}: {group.key.name}",
                            self.urls.tag_feed(group.key))
            yield from self.listing("list.html", self.urls.tag(group.key), group.articles,
                                    title=f"Topic: {group.key.name}", heading=group.key.name,
                                    kind="Topic", feeds=(feed,), own_feed=feed,
                                    topic=group.key,
                                    description=f"Stories about {group.key.name}.")

    def country_pages(self) -> Iterator[OutputFile]:
        yield self.page("terms.html", self.urls.countries(), title="Countries",
                        kind="countries",
                        description=f"Stories of {self.settings.title} by country.",
                        terms=self.country_terms())
        for group in self.site.countries:
            feed = FeedLink(f"{self.settings.title}: {group.key.name}",
                            self.urls.country_feed(group.key))
            yield from self.listing("list.html", self.urls.country(group.key), group.articles,
                                    title=f"Country: {group.key.name}",
                                    heading=group.key.name, kind="Country", feeds=(feed,),
                                    own_feed=feed,
                                    description=f"Stories from {group.key.name}.")

    def archive_pages(self) -> Iterator[OutputFile]:
        yield self.page("archive.html", self.urls.archive(), title="Archive",
                        months=[(date(y, m, 1), self.urls.month(y, m), len(g.articles))
                                for g in self.site.months for (y, m) in [g.key]])
        for group in self.site.months:
            year, month = group.key
            name = f"{date(year, month, 1):%B %Y}"
            yield from self.listing("list.html", self.urls.month(year, month), group.articles,
                                    title=f"Archive: {name}", heading=name, kind="Archive",
                                    own_feed=None,
                                    description=f"Stories published in {name}.")

    def digest_pages(self) -> Iterator[OutputFile]:
        for index, group in enumerate(self.site.days):
            newer = self.site.days[index - 1].key if index > 0 else None
            older = self.site.days[index + 1].key if index + 1 < len(self.site.days) else None
            yield self.page("digest.html", self.urls.digest(group.key),
                            title=f"Digest for {human_date(group.key)}", day=group.key,
                            description=f"The news of {human_day(group.key)}, by topic.",
                            topics=day_topics(group.articles), count=len(group.articles),
                            newer=newer, older=older,
                            feeds=(self.digest_feed,))

    def search_page(self) -> OutputFile:
        return self.page("search.html", self.urls.search(), title="Search",
                         description=f"Search every story of {self.settings.title}.")

    def not_found(self) -> OutputFile:
        return self.page("404.html", self.urls.path("404.html"), title="Page not found")
