"""A home per language: the site's articles split by their language into sections.

The site's `language` is the root section (`/`); every other language that has articles
is a section in its own folder, its lower-case BCP 47 tag as the articles write it
(`/ur/`, `/pt-br/`, `/iw/`), or its current form when they write it two ways (`/he/`
for `iw` and `he`). A section is a Site index of its own articles only, so its
home, topics, countries, authors, archive, digests and feeds list its language's
stories. Tags are compared as BCP 47 compares them (languages.language_key): without
case (`pt-BR` and `pt-br` are one section) and a deprecated code as its preferred value
(`iw` and `he` are one); `en` and `en-GB` are two. A site whose articles are all in its
language has one section, the whole Site, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.index.site import Site, build_index
from generator.languages import language_key, preferred_tag
from generator.model import Article


@dataclass(frozen=True, slots=True)
class Section:
    """One language's part of the site: its tag, its URL folder, its articles' index."""

    language: str  # the BCP 47 tag: the site's setting; the articles' as written when
    # they all write it alike, else its current form ('iw' and 'he' -> 'he')
    folder: str  # '' for the site's language, else folder_of(language): 'ur/', 'he/'
    site: Site

    @property
    def is_root(self) -> bool:
        return self.folder == ""


def folder_of(language: str) -> str:
    """The URL folder of a section's tag (`written`): 'pt-BR' -> 'pt-br/'."""
    return language.replace("_", "-").lower() + "/"


def language_of(article: Article, site_language: str) -> str:
    return article.language or site_language


def one_each(articles: Iterable[Article]) -> list[Article]:
    """One article of each language value the articles hold."""
    return list({a.language: a for a in articles}.values())


def written(articles: Iterable[Article], site_language: str) -> dict[str, str]:
    """Each language of the articles (its language_key) -> the tag its section carries, and
    its folder (folder_of): as typed when every article writes it alike ('iw' -> /iw/),
    else its current form ('iw' and 'he' -> 'he', /he/; 'pt-br' and 'pt-BR' -> 'pt-BR')."""
    found: dict[str, str] = {}
    for article in one_each(articles):
        tag = language_of(article, site_language)
        key = language_key(tag)
        if found.setdefault(key, tag) != tag:  # written two ways: its current form
            found[key] = preferred_tag(tag)
    return found


def section_folders(articles: Iterable[Article], site_language: str) -> dict[str, str]:
    """Each language of the articles (its language_key) -> its section's URL folder: '' for
    the site's language, else folder_of its `written` tag ('ur/', 'he/')."""
    root = language_key(site_language)
    tags = written(articles, site_language)
    return {key: "" if key == root else folder_of(tag) for key, tag in tags.items()}


def sections(site: Site, site_language: str, tz: ZoneInfo) -> list[Section]:
    """The site's language first (always, even with no article of its own), then every
    other language that has articles, by folder. One section of `site` itself when every
    article is in the site's language."""
    root_key = language_key(site_language)
    tags = written(site.articles, site_language)
    if set(tags) <= {root_key}:
        return [Section(site_language, "", site)]  # one language (the common case)
    by_key: dict[str, list[Article]] = {}
    for article in site.articles:
        by_key.setdefault(language_key(language_of(article, site_language)), []).append(article)
    others = sorted((key for key in by_key if key != root_key), key=lambda k: folder_of(tags[k]))
    found = [Section(site_language, "", build_index(by_key.get(root_key, []), tz))]
    for key in others:
        found.append(Section(tags[key], folder_of(tags[key]), build_index(by_key[key], tz)))
    return found
