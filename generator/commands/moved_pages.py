"""What a change does to published topic, country, author and language pages and feeds.

`check --base REV` reads the site as it was at the git revision REV (the pull request's
base) and warns about every page `/tags/SLUG/`, `/countries/SLUG/` or `/authors/SLUG/`
(and its `feed.xml`, which readers subscribe to, listed in feeds.opml) that it published
and this change would remove: an author's `slug:` changed or the author left out of
authors.yaml, a byline renamed, a tag renamed or its last published story retagged or
deleted; and a language's home and feeds (`/ur/`, `/ur/feed.xml`) whose last published
story goes. There is no redirect for these pages, so the fix keeps the old name.
"""

from __future__ import annotations

import io
import os
import re
import tarfile
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import datetime
from pathlib import Path
from typing import Any

from generator import scratch
from generator.commands.history import _git, _git_bytes, _in_repository
from generator.config import Settings
from generator.diagnostics import Diagnostic, UsageError, warning
from generator.index.languages import language_of, section_folders
from generator.index.selection import Selection
from generator.index.terms import AUTHORS, KINDS, TermKind
from generator.languages import language_key
from generator.load.content import Mapping, parse_front_matter
from generator.load.files import registry_path
from generator.load.lines import field_line
from generator.model import Article
from generator.render.urls import Urls
from generator.settings_file import Paths

Page = tuple[TermKind, Any, Article]  # the taxonomy, the term, a published story under it


def moved_pages(
    paths: Paths,
    base: str,
    articles: list[Article],
    settings: Settings,
    now: datetime,
    kept: set[str] | None = None,
) -> list[Diagnostic]:
    """Warnings for the topic, country and author pages (and feeds) published at `base`
    that `articles` (the content now) would no longer publish. `kept`, when given, gets
    the site paths of the author pages published at `base` that stay where they are
    ('/authors/aashaa-raav/'); None for all when the site's folder is as it was at base."""
    published = _base_articles(paths, base, settings)
    if published is None:
        if kept is not None:
            kept |= set(_pages(articles, settings, now))  # all published at base as they are
        return []  # the site's folder is as it was at base
    before = _pages(published, settings, now)
    after = _pages(articles, settings, now)
    if kept is not None:
        kept |= {path for path, page in before.items() if path in after and page[0] is AUTHORS}
    by_source = {a.source: a for a in articles}
    names = {
        (_folder(path, page[0]), page[0].name, page[1].name): path for path, page in after.items()
    }
    groups: dict[tuple[str, str, bool], list[tuple[str, str | None, Page]]] = {}
    for path, page in sorted(before.items()):
        if path in after:
            continue
        moved = names.get((_folder(path, page[0]), page[0].name, page[1].name))
        key = (page[0].name, page[1].name, moved is not None)
        groups.setdefault(key, []).append((path, moved, page))
    problems = []
    for group in groups.values():  # one warning per term, for its pages in every language
        kind, term, old = group[0][2]
        olds = [path for path, _, _ in group]
        moved_to = [moved for _, moved, _ in group if moved is not None]
        if kind is AUTHORS:
            problems.append(_author_gone(paths, olds, term, moved_to, old, by_source))
        else:
            where = _where(old, kind.field, by_source, paths.content)
            taken = before.get(moved_to[0]) if moved_to else None  # whose address it takes
            gave = taken[1].name if taken is not None and taken[1].name != term.name else ""
            problems.append(_term_gone(olds, kind, term, moved_to, old, where, gave))
    return problems + _sections_gone(published, articles, settings, now, paths.content)


def superseded(
    diagnostics: list[Diagnostic], moved: list[Diagnostic], kept: AbstractSet[str] = frozenset()
) -> list[Diagnostic]:
    """`diagnostics` without the warning that an author page would get an address readers
    will not recognise (index/author_pages.py's `unreadable_pages`: "choose it now, before
    the page is published") for each author whose published page this change moves
    (`moved`: moved_pages' warnings, whose fix keeps the published address) or whose page
    is published at the base already (`kept`, site paths): choosing another address now
    would move a published page and break its links."""
    start = "this change moves the author page of "
    names = [d.message[len(start) :].split(": /")[0] for d in moved if d.message.startswith(start)]
    unread = tuple(f"the author page of {name} would be " for name in names)
    return [
        d
        for d in diagnostics
        if not (unread and d.message.startswith(unread)) and not _published_already(d, kept)
    ]


def _published_already(diagnostic: Diagnostic, kept: AbstractSet[str]) -> bool:
    """Whether `diagnostic` is unreadable_pages' warning about a page in `kept`."""
    found = re.match(r"the author page of .* would be (/\S*?/), the computer's", diagnostic.message)
    return found is not None and found.group(1) in kept


def _sections(articles: Iterable[Article], settings: Settings, now: datetime) -> dict[str, Article]:
    """The language folders ('ur/') of the published `articles` other than the site's
    language -> a story in it."""
    published = _published(articles, now)
    folders = section_folders(published, settings.language)
    found: dict[str, Article] = {}
    for article in published:
        folder = folders[language_key(language_of(article, settings.language))]
        if folder:
            found.setdefault(folder, article)
    return found


def _sections_gone(
    before: list[Article], after: list[Article], settings: Settings, now: datetime, content: Path
) -> list[Diagnostic]:
    """Warnings for a language's home and feeds (/ur/, /ur/feed.xml) whose last story goes."""
    now_sections, by_source = _sections(after, settings, now), {a.source: a for a in after}
    problems = []
    for folder, old in sorted(_sections(before, settings, now).items()):
        if folder in now_sections:
            continue
        language = old.language
        problems.append(
            warning(
                *_where(old, "language", by_source, content),
                f"this change removes the published {language!r} section: /{folder}, "
                f"/{folder}feed.xml, /{folder}atom.xml and /{folder}feed.json will be gone "
                f"(no published story in {language!r} any more); readers' links and feed "
                "subscriptions to them break",
                f"keep 'language: {language}' on at least one published story ({old.source} "
                "had it)",
            )
        )
    return problems


def _folder(path: str, kind: TermKind) -> str:
    """The language folder of a term page's path: '/' or '/ur/'."""
    return path[: path.index(f"/{kind.folder}/") + 1]


def _pages(articles: Iterable[Article], settings: Settings, now: datetime) -> dict[str, Page]:
    """Every term page the published `articles` make: its site path ('/tags/climate/',
    '/ur/tags/climate/' in a language's folder) -> (kind, term, a story under it)."""
    published = _published(articles, now)
    folders = section_folders(published, settings.language)
    pages: dict[str, Page] = {}
    for article in published:
        urls = _ROOT.in_folder(folders[language_key(language_of(article, settings.language))])
        for kind in KINDS:
            for term in kind.terms_of(article):
                pages.setdefault(urls.term(kind, term), (kind, term, article))
    return pages


_ROOT = Urls("https://site.invalid/")  # site paths from the site's root, as warnings name them


def _published(articles: Iterable[Article], now: datetime) -> list[Article]:
    """The `articles` a default build publishes at `now` (no drafts, none scheduled)."""
    selection = Selection()
    return [a for a in articles if selection.includes(a, now)]


def _base_articles(paths: Paths, base: str, settings: Settings) -> list[Article] | None:
    """The articles (bylines from that authors.yaml) of the site's folder at git `base`,
    read as a build reads them; none when the folder was not in that revision; None when
    no file of the site's folder differs from that revision (nothing to read)."""
    from generator.pipeline import load  # the pipeline's own reading, as check does

    repository = _in_repository(paths.project)
    content = os.path.relpath(paths.content.resolve(), paths.project.resolve())
    if repository is None or content.startswith(".."):
        return []  # the site or its content is outside the repository: nothing to compare
    top, project = repository
    if not _git(top, "diff", "--name-only", base, "--", project).strip():
        return None
    try:
        tar = _git_bytes(top, "archive", "--format=tar", base, "--", project)
    except UsageError:
        return []  # no such folder at base: nothing was published from it
    with scratch.temporary("base") as folder:
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            archive.extractall(folder, filter="data")
        old_project = folder / project
        old_content = old_project / content
        if not old_content.is_dir():
            return []
        articles, _ = load(old_content, settings, project=old_project)
    return articles


def _where(
    article: Article, field: str, by_source: dict[str, Article], content: Path
) -> tuple[str, int]:
    """The file and line to name for a page lost with `article`'s term: its `field` line
    now, or the file's first line when the story is gone (deleted or renamed)."""
    now = by_source.get(article.source)
    if now is None:
        return article.source, 1
    line = now.line_of(field)
    if line == 1:  # a field whose line validation does not keep (country): found as written
        line = field_line(content / now.source, field)
    return now.source, line


def _feed(paths: list[str]) -> str:
    """The pages and their feeds, in words: '/tags/x/ and /tags/x/feed.xml'."""
    if len(paths) == 1:
        return f"{paths[0]} and {paths[0]}feed.xml"
    return ", ".join(paths) + " (each with its feed.xml)"


def _term_gone(
    olds: list[str],
    kind: TermKind,
    term: Any,
    moved_to: list[str],
    old: Article,
    where: tuple[str, int],
    gave: str = "",
) -> Diagnostic:
    """The warning for a topic or country page that this change moves or removes; `gave`:
    the topic whose address it takes, now on no published story (same slug, first used)."""
    what = kind.label.lower()
    if moved_to:
        message = (
            f"this change moves the {what} page of {term.name!r}: {_feed(olds)} move to "
            f"{_feed(moved_to)}; readers' links and feed subscriptions to the old address "
            "break"
        )
    else:
        message = (
            f"this change removes the published {what} page of {term.name!r}: "
            f"{_feed(olds)} will be gone (no published story has it any more); readers' links "
            "and feed subscriptions to it break"
        )
    word = kind.written_as
    fix = (
        f"{term.name!r} takes the address of {gave!r}, which had the same slug and is now on "
        f"no published story: keep {gave!r} on a story to keep both addresses"
        if gave
        else f"write the {word} as it was on its stories ({old.source} had {term.name!r}) so its "
        "page keeps its address"
        if moved_to
        else f"keep the {word} {term.name!r} on at least one published story ({old.source} had it)"
    )
    return warning(*where, message, f"{fix}; a {what} page cannot be redirected")


def _author_gone(
    paths: Paths,
    olds: list[str],
    term: Any,
    moved_to: list[str],
    old: Article,
    by_source: dict[str, Article],
) -> Diagnostic:
    """The warning for an author page that this change moves or removes."""
    registry = registry_path(paths.project)
    entry = _entry(registry, term.name)
    old_slug = olds[0].rstrip("/").rsplit("/", 1)[-1]
    if moved_to:  # the same byline, a new slug: authors.yaml changed
        source = os.path.relpath(registry, paths.content).replace(os.sep, "/")
        line, fix = 1, f"add '{term.name}:' with the line 'slug: {old_slug}' under it"
        if entry is not None:
            line = entry.line_of("slug") if "slug" in entry else entry.line
            fix = f"change the line back to 'slug: {old_slug}'"
        return warning(
            source,
            line,
            f"this change moves the author page of {term.name!r}: {_feed(olds)} move to "
            f"{_feed(moved_to)}; readers' links and feed subscriptions to the old address "
            "break",
            f"{fix} in authors.yaml to keep the old address (an author page cannot be redirected)",
        )
    source, line = _where(old, "author", by_source, paths.content)
    return warning(
        source,
        line,
        f"this change removes the published author page of {term.name!r}: {_feed(olds)} "
        "will be gone (no published story has that byline any more); readers' links and "
        "feed subscriptions to it break",
        f"if the byline was renamed, give the new one 'slug: {old_slug}' in authors.yaml to "
        f"keep the address; else keep the byline {term.name!r} on a published story",
    )


def _entry(registry: Path, byline: str) -> Mapping | None:
    """The byline's fields in authors.yaml now (with their lines), or None."""
    try:
        data, _ = parse_front_matter(registry.read_text("utf-8-sig"), 1, registry.name)
    except (OSError, UnicodeDecodeError):
        return None
    fields = data.get(byline) if isinstance(data, Mapping) else None
    return fields if isinstance(fields, Mapping) else None
