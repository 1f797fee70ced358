"""Site-wide rules over all articles: two articles at one URL, or with one permanent id."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.diagnostics import Diagnostic, error
from generator.languages import language_key, preferred_tag
from generator.load import slugs
from generator.load.copies import same_text
from generator.load.lines import field_line
from generator.model import Article
from generator.settings_errors import display


def collisions(
    articles: list[Article], content_dir: Path | None = None, language: str = ""
) -> Iterator[Diagnostic]:
    """One error for each article that would be published at the URL of another, or with
    its permanent id (GUID), naming the other file and its line.

    Of the articles that share a URL (two stories of one day with one slug), one keeps it
    (one without `slug:`, then the first in file order) and each other one gets the error,
    on the line that makes the URL (`slug:`, else `date:`), with a slug to write; an
    article whose GUID alone is another's gets it on its `id:` line. With `content_dir`
    the lines are found in the files; without, line 1. `language`: the site's, that of a
    story with no `language:` (for the slug of a version in another language).
    """

    def line(article: Article, *keys: str) -> int:
        return field_line(content_dir / article.source, *keys) if content_dir else 1

    def name(article: Article) -> str:  # as the user names it: content/2025/06/x.md
        return display(content_dir / article.source) if content_dir else article.source

    for first, article in _clashes(articles, _url_key, "slug", language):
        if _look_alike(first.source, article.source):
            yield _same_name(first, article, name, line)
            continue
        if content_dir and same_text(content_dir / first.source, content_dir / article.source):
            yield _copied(first, article, name, line)  # never a slug for the original (P13)
            continue
        other = _other_slug(article, first, language)
        yield error(
            article.source,
            line(article, "slug", "date"),
            f"this story and {name(first)} (line {line(first, 'slug', 'date')}) would be "
            f"published at the same address, /{article.path}: two stories of one day with "
            "one name",
            f"give this story a name of its own: change its slug line to 'slug: {other}'"
            if article.line_of("slug") > 1
            else f"give this story a name of its own: add the line 'slug: {other}' to its "
            "front matter (or rename its file)",
        )
    for first, article in _clashes(articles, _guid_key, "id"):
        if _url_key(first) == _url_key(article):
            continue  # the same URL, reported above
        yield error(
            article.source,
            line(article, "id", "slug", "date"),
            f"this story and {name(first)} (line {line(first, 'id', 'slug', 'date')}) have "
            f"the same permanent id ({article.guid}): feed readers would show only one of them",
            "give one of them another 'id:' (or delete its 'id:' line)",
        )


def clashes(articles: list[Article], content_dir: Path, language: str) -> list[Diagnostic]:
    """Every clash between stories: one address or GUID (`collisions`), an alias that is
    a page or another's alias (`alias_collisions`), one translation key twice for a
    language (`translation_collisions`); `language` is the site's."""
    return [
        *collisions(articles, content_dir, language),
        *alias_collisions(articles),
        *translation_collisions(articles, language),
    ]


def _look_alike(one: str, other: str) -> bool:
    """Two file paths that differ only in how accents are stored: 'é' as one character
    (NFC) or as 'e' and a combining accent (NFD), as macOS and some tools write names."""
    return one != other and unicodedata.normalize("NFC", one) == unicodedata.normalize("NFC", other)


def _same_name(
    first: Article, article: Article, name: Callable[[Article], str], line: Callable[..., int]
) -> Diagnostic:
    """The error for two files whose names look identical (`_look_alike`)."""
    accented = sorted({c for c in unicodedata.normalize("NFC", article.source) if ord(c) > 127})
    letters = " ".join(repr(c) for c in accented) or "an accented letter"
    return error(
        article.source,
        line(article, "slug", "date"),
        f"this story's file and {name(first)} have names that look the same but differ in "
        f"how the accent of {letters} is stored (as one character, or as a letter followed "
        f"by an accent mark, as some computers save names): both would be published at "
        f"/{article.path}",
        "if they are the same story, keep one file and delete the other; if not, rename "
        "one of them with plain letters a-z (like "
        f"'{_other_slug(article, first, '')}.md')",
    )


def _copied(
    first: Article, article: Article, name: Callable[[Article], str], line: Callable[..., int]
) -> Diagnostic:
    """The error for two files of one text at one address (`cp a.md 2025/a.md`): which of
    them is the copy cannot be told from the files, so neither is given another address."""
    return error(
        article.source,
        line(article, "slug", "date"),
        f"this story and {name(first)} are one file copied (the same text, front matter and "
        f"all) and would be published at the same address, /{article.path}",
        "delete the file that was made as the copy, and keep the one published before (if "
        "neither was published, keep either); or, to publish both, write the new story in "
        "the copy (its own title and date)",
    )


def _clashes(
    articles: list[Article], key_of: Callable[[Article], str], field: str, site: str = ""
) -> Iterator[tuple[Article, Article]]:
    """(the article that keeps the key, another one) for each article whose key another has
    too: one that gives `field` (slug:, id:) yields it to one that does not, then one in
    the `site` language to one in another (Hugo's content/en/ beside content/ar/: the
    site's own version keeps the plain address, prober5 P16), then file order decides."""
    keys = list(map(key_of, articles))
    if len(set(keys)) == len(keys):
        return  # no key shared: nothing to order (the common case, one pass)
    owners: dict[str, Article] = {}
    home = language_key(site) if site else ""

    def order(a: Article) -> tuple[bool, bool, str]:
        other = bool(home) and language_key(a.language or site) != home
        return a.line_of(field) > 1, other, a.source

    for article in sorted(articles, key=order):
        first = owners.setdefault(key_of(article), article)
        if first is not article:
            yield first, article


def _other_slug(article: Article, first: Article, site: str) -> str:
    """A slug for the article that is not its present one (`first` keeps it): its slug
    and language for a version in another language (`floods-ur`: Hugo's language folders
    give each version one file name); else from its title, unless the title is in a
    script whose Latin spelling readers would not recognise (`sylb`); else numbered."""
    language = article.language or site
    if language and language_key(language) != language_key(first.language or site):
        return f"{article.slug}-{slugs.make(language)}"
    from_title = slugs.make(article.title)
    if from_title != article.slug and not slugs.poorly_spelt_script(article.title):
        return from_title or f"{article.slug}-2"
    return f"{article.slug}-2"


def alias_collisions(articles: list[Article]) -> Iterator[Diagnostic]:
    """An error on each alias that is an article's own page or another article's alias."""
    claimed: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for alias in article.aliases:
            claimed[alias].append(article)
    if not claimed:
        return  # no alias: no page made to look one up in (an address per article)
    pages = {a.path: a for a in articles}
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
    another: a story has one version per language. Languages are compared as BCP 47
    compares tags (`HE`, `he` and `iw`, Hebrew's old code, are one). A key used once is
    fine."""
    versions: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        if article.translation_key:
            language = language_key(article.language or site_language)
            versions[(article.translation_key, language)].append(article)
    for (key, _), clash in versions.items():
        for article in clash if len(clash) > 1 else ():
            others = ", ".join(a.source for a in clash if a is not article)
            tag = article.language or site_language
            language = repr(preferred_tag(tag))
            if tag.lower() != preferred_tag(tag).lower():
                language += f" (written {tag!r}, another code for it)"
            yield error(
                article.source,
                article.line_of("translation_key"),
                f"translation_key {key!r} in language {language} is also the key of {others}",
                "one story has one version per language: give one of "
                "them another 'language:' or another 'translation_key:'",
            )


def _url_key(article: Article) -> str:
    return "/" + article.path


def _guid_key(article: Article) -> str:
    """The GUID as feed readers and RFC 9562 compare it: a UUID URN in any case is one id
    (`URN:UUID:6E8B...` and `urn:uuid:6e8b...` are the same UUID)."""
    guid = article.guid
    return guid.lower() if guid[:9].lower() == "urn:uuid:" else guid


def placeholder_uuid(pinned: str) -> str:
    """'nil' or 'max' when an `id:` (bare, braced or `urn:uuid:`, any case) is RFC 9562's
    nil UUID (all zeros) or max UUID (all f): placeholders, never a story's own id; else ''."""
    import uuid  # (with `platform`, 3 ms: only for a story that pins its id)

    try:
        value = uuid.UUID(pinned.strip()).int
    except ValueError:
        return ""
    return {0: "nil", 2**128 - 1: "max"}.get(value, "")
