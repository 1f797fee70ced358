"""A multilingual site's pages and feeds: one Renderer and one FeedWriter per language.

Each language's section (generator.index.languages) is rendered as a site of its own,
in its folder (`/ur/`: home, topics, countries, authors, archive, digests, search, its
feeds), in its language (`<html lang dir>`, the feeds' `language`). Articles keep their
URLs and are rendered by their language's section. What spans the languages is decided
here once: the translations of each story (Read in, hreflang), the homes' language
switcher and their hreflang alternates, and OPML, which lists every language's feeds.
A single-language site is one section rendered exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.index.languages import Section, sections
from generator.index.site import Site
from generator.languages import autonym, preferred_tag, text_direction
from generator.model import Article, OutputFile, newest_modified
from generator.render.failures import named_on_its_line
from generator.render.feeds.feedlist import site_feeds
from generator.render.feeds.files import FeedWriter, PlannedFeed
from generator.render.pages import Family, PageSpec, Renderer
from generator.render.translations import Translations
from generator.render.urls import Urls
from generator.render.words import page_environment


def section_settings(settings: Settings, section: Section) -> Settings:
    """The settings a language's pages and feeds are made with: its tag as `language`
    (and the `locale` setting, the site language's, left to CLDR's likely locale)."""
    if section.is_root:
        return settings
    return replace(settings, language=section.language, locale="")


def corrections_html(renderer: Renderer, article: Article) -> str:
    """The article's corrections as its page shows them (the theme's
    partials/corrections.html, in its language's words), '' when it has none: a feed
    item's content carries them (generator.render.feeds.files)."""
    if not article.corrections:
        return ""
    env = page_environment(renderer.env, renderer.settings.language)
    with named_on_its_line("partials/corrections.html", renderer.urls.article(article)):
        html = env.get_template("partials/corrections.html").render(article=article)
    return html.strip()


def switcher(section_list: list[Section], urls: Urls) -> tuple[dict[str, Any], ...]:
    """Each language's home for the language switcher and the homes' hreflang links;
    () for a site in one language."""
    if len(section_list) < 2:
        return ()
    return tuple(
        {
            "language": preferred_tag(section.language),  # hreflang: RFC 5646 form
            "name": autonym(section.language),
            "path": urls.in_folder(section.folder).home(),
            "href": urls.absolute(urls.in_folder(section.folder).home()),
            "direction": text_direction(section.language),
        }
        for section in section_list
    )


class SiteRenderer:
    """Every page and feed of a site, each language's by its own Renderer and FeedWriter."""

    def __init__(
        self,
        settings: Settings,
        urls: Urls,
        templates_dir: Path,
        site: Site,
        search: bool = False,
        filled: Callable[[Article], Article] | None = None,
    ) -> None:
        """`filled`: the article with its body, when the site's articles carry none
        (generator.speed.bodies): the article's page and the feeds read it back."""
        self.filled = filled
        self.settings = settings
        self.urls = urls
        self.site = site
        self.sections = sections(site, settings.language, settings.tz)
        multilingual = len(self.sections) > 1
        translations = Translations(site.articles, settings.language, urls)
        languages = switcher(self.sections, urls)
        self.renderers: dict[str, Renderer] = {
            section.folder: Renderer(
                section_settings(settings, section),
                urls.in_folder(section.folder),
                templates_dir,
                section.site,
                search,
                translations if multilingual else None,
                languages,
            )
            for section in self.sections
        }
        for renderer in self.renderers.values():  # the masthead's language (lang_attrs)
            renderer.env.globals["site_language"] = settings.language

    def all_pages(self) -> Iterator[PageSpec]:
        for renderer in self.renderers.values():
            yield from renderer.all_pages()

    def families(
        self, among: Collection[Family] | None = None
    ) -> Iterator[tuple[Family, Callable[[], Iterator[PageSpec]]]]:
        """Every language's page families (Renderer.families); another language's keys
        start with its folder ('ur/', 'home'), so no two languages share one. `among`: of
        the article pages' families, only those it holds (the rest all, in their order):
        a rebuild that makes a few article pages does not make 100,000 families to find
        them."""
        for folder, renderer in self.renderers.items():
            only = None
            if among is not None:
                start = (folder, "article") if folder else ("article",)
                wanted = {f[-1] for f in among if f[:-1] == start}
                only = [a for a in renderer.site.articles if a.source in wanted]
            for family, make in renderer.families(only):
                yield ((folder, *family) if folder else family), make

    def render(self, spec: PageSpec) -> OutputFile:
        """The page's bytes (an OutputFile), by its language's Renderer."""
        article = spec.context.get("article") if self.filled is not None else None
        if isinstance(article, Article) and self.filled is not None:
            spec = replace(spec, context={**spec.context, "article": self.filled(article)})
        return self.renderers[spec.section].render(spec)

    def feed_plans(self, content_dir: Path, now: datetime | None) -> list[PlannedFeed]:
        """Every feed file of every language, then OPML (in the site's) listing them all."""
        newest = newest_modified(a for s in self.sections for a in s.site.articles)
        writers = [
            FeedWriter(
                section_settings(self.settings, section),
                self.urls.in_folder(section.folder),
                content_dir,
                section.site,
                now,
                self.filled,
                partial(corrections_html, self.renderers[section.folder]),
                newest,
            )
            for section in self.sections
        ]
        others = [
            feed
            for writer in writers[1:]
            for feed in site_feeds(writer.site, writer.settings, writer.urls).all()
        ]
        planned = writers[0].plan(others=others)
        for writer in writers[1:]:
            planned += writer.plan(opml=False)
        return planned
