"""Site-wide rules over all articles: two articles at one URL, or sharing one feed id."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from generator.diagnostics import Diagnostic, error
from generator.load.lines import field_line
from generator.model import Article

# The front-matter fields that decide each key, the one to point at first.
_FIELDS = {"URL": ("slug", "date"), "feed id": ("id", "slug", "date")}


def collisions(articles: list[Article], content_dir: Path | None = None) -> Iterator[Diagnostic]:
    """An error on each article that shares its URL or its GUID with another.

    With `content_dir`, the error is on the line that makes the key: `slug:` for a URL
    (`id:` for a feed id), else `date:`.
    """
    for label, key_of in (("URL", _url_key), ("feed id", _guid_key)):
        owners: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            owners[key_of(article)].append(article)
        for key, clash in owners.items():
            if len(clash) < 2:
                continue
            for article in clash:
                others = ", ".join(a.source for a in clash if a is not article)
                line = (
                    field_line(content_dir / article.source, *_FIELDS[label])
                    if content_dir is not None
                    else 1
                )
                yield error(
                    article.source,
                    line,
                    f"has the same {label} as {others} ({key})",
                    "give one of them another file name or a 'slug:' (or 'id:') of its own",
                )


def alias_collisions(articles: list[Article]) -> Iterator[Diagnostic]:
    """An error on each alias that is an article's own page or another article's alias."""
    pages = {a.path: a for a in articles}
    claimed: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for alias in article.aliases:
            claimed[alias].append(article)
    for alias, owners in claimed.items():
        for article in owners:
            page = pages.get(alias)
            if page is not None:
                whose = "its own page" if page is article else f"the page of {page.source}"
                yield error(
                    article.source,
                    article.aliases_line,
                    f"alias /{alias} is {whose}: a redirect there would replace it",
                    "remove it from aliases:",
                )
            elif len(owners) > 1:
                others = ", ".join(a.source for a in owners if a is not article)
                yield error(
                    article.source,
                    article.aliases_line,
                    f"alias /{alias} is also an alias of {others}",
                    "an old address can redirect to one article only; remove one",
                )


def translation_collisions(articles: list[Article], site_language: str) -> Iterator[Diagnostic]:
    """An error on each article that shares its `translation_key` and its language with
    another: a story has one version per language. A key used once is fine."""
    versions: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        if article.translation_key:
            language = (article.language or site_language).lower()
            versions[(article.translation_key, language)].append(article)
    for (key, language), clash in versions.items():
        for article in clash if len(clash) > 1 else ():
            others = ", ".join(a.source for a in clash if a is not article)
            yield error(
                article.source,
                article.line_of("translation_key"),
                f"translation_key {key!r} in language {language!r} is also the key of {others}",
                "one story has one version per language: give one of "
                "them another 'language:' or another 'translation_key:'",
            )


def _url_key(article: Article) -> str:
    return "/" + article.path


def _guid_key(article: Article) -> str:
    return article.guid
