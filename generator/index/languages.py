"""A home per language: the site's articles split by their language into sections.

The site's `language` is the root section (`/`); every other language that has articles
is a section in its own folder, its lower-case BCP 47 tag (`/ur/`, `/pt-br/`). A section
is a Site index of its own articles only, so its home, topics, countries, authors,
archive, digests and feeds list its language's stories. Tags are compared without case
(`pt-BR` and `pt-br` are one section); `en` and `en-GB` are two. A site whose articles
are all in its language has one section, the whole Site, unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.index.site import Site, build_index
from generator.model import Article


@dataclass(frozen=True, slots=True)
class Section:
    """One language's part of the site: its tag, its URL folder, its articles' index."""

    language: str  # the BCP 47 tag as written (the site's setting, or the first article's)
    folder: str  # '' for the site's language, else the lower-case tag and '/': 'ur/'
    site: Site

    @property
    def is_root(self) -> bool:
        return self.folder == ""


def folder_of(language: str) -> str:
    """The URL folder of a language's section: 'pt-BR' -> 'pt-br/'."""
    return language.replace("_", "-").lower() + "/"


def language_of(article: Article, site_language: str) -> str:
    return article.language or site_language


def _one_each(site: Site) -> list[Article]:
    """One article of each language value the site's articles hold."""
    return list({a.language: a for a in site.articles}.values())


def sections(site: Site, site_language: str, tz: ZoneInfo) -> list[Section]:
    """The site's language first (always, even with no article of its own), then every
    other language that has articles, by folder. One section of `site` itself when every
    article is in the site's language."""
    root_key = folder_of(site_language)
    if all(folder_of(language_of(a, site_language)) == root_key for a in _one_each(site)):
        return [Section(site_language, "", site)]  # one language (the common case)
    by_folder: dict[str, list[Article]] = {}
    written: dict[str, str] = {}
    for article in site.articles:
        tag = language_of(article, site_language)
        key = folder_of(tag)
        by_folder.setdefault(key, []).append(article)
        written.setdefault(key, tag)
    others = sorted(key for key in by_folder if key != root_key)
    if not others:
        return [Section(site_language, "", site)]
    found = [Section(site_language, "", build_index(by_folder.get(root_key, []), tz))]
    for key in others:
        found.append(Section(written[key], key, build_index(by_folder[key], tz)))
    return found
