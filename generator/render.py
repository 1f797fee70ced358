"""Jinja2 pages: one template per page kind, each rendered to an OutputFile in memory."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.config import Settings
from generator.index import Site, paginate
from generator.model import Article, OutputFile, Tag
from generator.urls import Urls


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A feed offered on a page, for <link rel="alternate"> and visible links."""

    title: str
    href: str
    type: str = "application/rss+xml"


@dataclass(frozen=True, slots=True)
class TopicGroup:
    """On a digest day: one topic and the day's stories filed under it."""

    tag: Tag | None
    articles: tuple[Article, ...]


def human_datetime(value: datetime) -> str:
    """'25 June 2025, 15:27 UTC+05:30', in the time's own offset."""
    offset = value.strftime("%z")
    zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
    return f"{value.day} {value:%B %Y, %H:%M} {zone}"


def human_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no text can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 (escaped above for the script context)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["human_datetime"] = human_datetime
    env.filters["human_date"] = human_date
    env.filters["json_ld"] = json_ld
    return env


def day_topics(articles: tuple[Article, ...]) -> list[TopicGroup]:
    """A day's stories grouped by topic, the day's most-covered topics first.

    Each story is filed once, under its tag that the day covers most.
    """
    counts = Counter(tag for a in articles for tag in a.tags)
    filed: dict[Tag | None, list[Article]] = {}
    for article in articles:
        tag = min(article.tags, key=lambda t: (-counts[t], t.slug)) if article.tags else None
        filed.setdefault(tag, []).append(article)
    order = sorted(filed, key=lambda t: (t is None, -len(filed[t]), t.slug if t else ""))
    return [TopicGroup(tag, tuple(filed[tag])) for tag in order]


class Renderer:
    """Renders every page of a site index with the templates of one theme."""

    def __init__(self, settings: Settings, urls: Urls, templates_dir: Path, site: Site) -> None:
        self.settings = settings
        self.urls = urls
        self.site = site
        self.env = make_environment(templates_dir)
        self.main_feeds = (
            FeedLink(f"{settings.title} (RSS)", urls.file("feed.xml")),
            FeedLink(f"{settings.title} (Atom)", urls.file("atom.xml"), "application/atom+xml"),
            FeedLink(f"{settings.title} (JSON Feed)", urls.file("feed.json"),
                     "application/feed+json"),
        )
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
        yield self.not_found()

    def home(self) -> OutputFile:
        days = self.site.days[: self.settings.digest_days]
        return self.page(
            "home.html",
            self.urls.home(),
            title=self.settings.title,
            days=[(g.key, day_topics(g.articles)) for g in days],
            top_topics=self.site.topics_by_use()[:12],
            countries=self.site.countries,
            older=self.site.days[self.settings.digest_days] if len(self.site.days) >
            self.settings.digest_days else None,
            feeds=self.main_feeds,
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
            "author": [{"@type": "Person", "name": name} for name in article.authors],
            "publisher": {"@type": "Organization", "name": self.settings.publisher_name,
                          "url": self.urls.absolute(self.urls.home())},
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "keywords": [t.name for t in article.tags],
            "contentLocation": {"@type": "Place", "name": article.country.name},
        }
        image = self.image_url(article)
        if image:
            data["image"] = [image]
        return data

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

    def topic_pages(self) -> Iterator[OutputFile]:
        yield self.page("terms.html", self.urls.tags(), title="Topics", kind="topics",
                        terms=[(g.key.name, self.urls.tag(g.key), len(g.articles))
                               for g in self.site.topics_by_use()])
        for group in self.site.topics:
            feed = FeedLink(f"{self.settings.title}: {group.key.name}",
                            self.urls.tag_feed(group.key))
            yield from self.listing("list.html", self.urls.tag(group.key), group.articles,
                                    title=f"Topic: {group.key.name}", heading=group.key.name,
                                    kind="topic", feeds=(feed,))

    def country_pages(self) -> Iterator[OutputFile]:
        yield self.page("terms.html", self.urls.countries(), title="Countries",
                        kind="countries",
                        terms=[(g.key.name, self.urls.country(g.key), len(g.articles))
                               for g in self.site.countries])
        for group in self.site.countries:
            feed = FeedLink(f"{self.settings.title}: {group.key.name}",
                            self.urls.country_feed(group.key))
            yield from self.listing("list.html", self.urls.country(group.key), group.articles,
                                    title=f"Country: {group.key.name}",
                                    heading=group.key.name, kind="country", feeds=(feed,))

    def archive_pages(self) -> Iterator[OutputFile]:
        yield self.page("archive.html", self.urls.archive(), title="Archive",
                        months=[(date(y, m, 1), self.urls.month(y, m), len(g.articles))
                                for g in self.site.months for (y, m) in [g.key]])
        for group in self.site.months:
            year, month = group.key
            name = f"{date(year, month, 1):%B %Y}"
            yield from self.listing("list.html", self.urls.month(year, month), group.articles,
                                    title=f"Archive: {name}", heading=name, kind="month")

    def digest_pages(self) -> Iterator[OutputFile]:
        for index, group in enumerate(self.site.days):
            newer = self.site.days[index - 1].key if index > 0 else None
            older = self.site.days[index + 1].key if index + 1 < len(self.site.days) else None
            yield self.page("digest.html", self.urls.digest(group.key),
                            title=f"Digest for {human_date(group.key)}", day=group.key,
                            topics=day_topics(group.articles), newer=newer, older=older)

    def not_found(self) -> OutputFile:
        return self.page("404.html", self.urls.path("404.html"), title="Page not found")
