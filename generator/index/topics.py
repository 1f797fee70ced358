"""Site-wide topic names: one stable slug and one display name per topic.

Tags that differ only in case (as Unicode folds it: ß and ss), spacing, hyphenation or
look-alike forms (full-width ＡＩ, NFKC) are one topic, shown with its most used spelling
(on a tie, the first used); every other spelling is a warning on its first story. Different
words that slug to the same URL are reported and kept apart with a numbered slug, in
the order of their first use (so existing addresses stay when a new story arrives);
tags that slug to nothing (emoji, punctuation) get a stable slug from their text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, Protocol

from generator.diagnostics import Diagnostic, warning
from generator.load import slugs
from generator.load.lines import field_line
from generator.model import Article, Tag, with_values
from generator.settings_errors import display


def _display_name(spellings: Counter[str], first: dict[str, _FirstUse] | None) -> str:
    """The most used spelling; on a tie, the one first used (its oldest story's date, then
    file), so a new story never renames a topic it ties with; then by character order."""
    if first is None:
        return min(spellings, key=lambda s: (-spellings[s], s))
    return min(spellings, key=lambda s: (-spellings[s], first[s][:2], s))


def free_slug(base: str, number: int, taken: set[str]) -> str:
    """base-NUMBER, or the next number up that is not in `taken` (a topic's, an author's)."""
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


class Names(NamedTuple):
    """The site-wide Tag of each topic key, and the warnings about look-alike topics."""

    tags: dict[str, Tag]
    problems: list[Diagnostic]


class NamesKept(Protocol):
    """Where a build finds the site-wide names the last build worked out, when they hold
    for `articles` (and, then, no two stories clash, as in the last build), and keeps its
    own for the next: generator.speed.names; the pipeline alone keeps none."""

    def names(self, articles: Sequence[Article], language: str) -> Names | None: ...

    def keep_names(self, names: Names, language: str) -> None: ...

    def typed_topics(self) -> Typed:
        """The articles loaded with the site-wide Tags of the names `names` gave (those
        `names` found kept): for each, by source, (that tuple of Tags, its Tags as typed)."""
        ...


Typed = Mapping[str, tuple[tuple[Tag, ...], tuple[Tag, ...]]]  # NamesKept.typed_topics


class NoNamesKept:
    """Nothing kept: the names are worked out every time (a NamesKept)."""

    def names(self, articles: Sequence[Article], language: str) -> Names | None:
        return None

    def keep_names(self, names: Names, language: str) -> None:
        return None

    def typed_topics(self) -> Typed:
        return {}


def named(
    articles: list[Article],
    content_dir: Path | None,
    kept: Names | None,
    typed: Typed | None = None,
) -> tuple[list[Article], Names]:
    """The articles with their site-wide Tags, and the names: `kept` (the last build's,
    NamesKept) when given, else worked out (`site_wide`). `typed`: the articles that
    hold the site-wide Tags of `kept` already (NamesKept.typed_topics), named as they are
    when `kept` holds; else given back their Tags as typed before the names are worked out."""
    typed = typed or {}
    if kept is not None:
        done = [a for a in articles if _named_already(a, typed)] if typed else []
        skip = {a.source for a in done}
        held = {id(tag): tag for a in articles if a.source not in skip for tag in a.tags}
        if all(tag.slug in kept.tags for tag in held.values()):
            named = {id(tag): tag for a in done for tag in a.tags}
            given = {(t.slug, t.name): t for t in [*held.values(), *named.values()]}
            tags = {key: given.get((t.slug, t.name), t) for key, t in kept.tags.items()}
            return applied(articles, tags, held, named), Names(tags, kept.problems)
    if typed:  # the names worked out from the topics as typed
        articles = [
            with_values(a, tags=typed[a.source][1]) if _named_already(a, typed) else a
            for a in articles
        ]
    canonical, problems, held = site_wide(articles, content_dir)
    return applied(articles, canonical, held), Names(canonical, problems)


def _named_already(article: Article, typed: Typed) -> bool:
    """Whether `article` holds the very site-wide Tags `typed` holds for its source."""
    found = typed.get(article.source)
    return found is not None and found[0] is article.tags


def site_wide(
    articles: list[Article], content_dir: Path | None = None
) -> tuple[dict[str, Tag], list[Diagnostic], dict[int, Tag]]:
    """Each topic key's site-wide Tag, the warnings, and the articles' Tag objects by id.

    Of different words that slug alike ('C#', 'C++', 'C' -> c), the one first used
    earliest (by the date of its oldest story, then by name) keeps the plain slug, the
    next gets -2, and so on: a new story's new name takes the next free number and the
    addresses readers and feeds already use stay. Each name after the first is a warning
    on the `tags:` line of its oldest story (with `content_dir`, the tag's own line).
    """
    spellings, oldest, given, held = _uses(articles)
    # The tag's line only in the oldest story of each key (a look-up in its lines).
    first_use: dict[str, _FirstUse] = {
        key: (when, source, article.line_of(f"tag:{key}"))
        for key, (when, source, article) in oldest.items()
    }
    by_slug: dict[str, list[str]] = defaultdict(list)
    for key in sorted(spellings, key=lambda k: (first_use[k][0], k)):
        by_slug[slugs.make(key) or slugs.fallback(key, "topic")].append(key)
    canonical: dict[str, Tag] = {}
    problems: list[Diagnostic] = []
    firsts = _first_spellings(articles, spellings)
    taken = set(by_slug)  # a numbered slug must not be another topic's own ("C 2" -> c-2)
    for base, keys in sorted(by_slug.items()):
        for number, key in enumerate(keys, start=1):
            slug = base if number == 1 else free_slug(base, number, taken)
            taken.add(slug)
            name = _display_name(spellings[key], firsts.get(key))
            canonical[key] = given.get((slug, name)) or Tag(slug, name)
            if key in firsts:
                problems += _other_spellings(name, firsts[key], content_dir)
        if len(keys) > 1:
            problems += _shared_url(base, keys, canonical, first_use, content_dir)
    uses = {key: sum(counted.values()) for key, counted in spellings.items()}
    problems += _initials(canonical, first_use, content_dir, articles, uses)
    return canonical, problems, held


def _initials(
    canonical: dict[str, Tag],
    first_use: dict[str, _FirstUse],
    content_dir: Path | None,
    articles: list[Article],
    uses: dict[str, int],
) -> list[Diagnostic]:
    """A warning for a topic that another story's topic writes with dotted initials ('US'
    and 'U.S.', 'UK' and 'U.K.'): two topics, two pages, each with half the stories. The
    spelling most used (`uses`: stories by key; on a tie, the first used) is the one to
    write, and every story with another is warned on its tag's line, in one run. Not
    merged: each keeps the address it has (one story's list, load/validate.py, lists
    them as one)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(canonical, key=lambda k: (first_use[k][:2], k)):
        groups[slugs.initials_key(key)].append(key)
    chosen: dict[str, str] = {}  # each other key -> the key to write
    for keys in groups.values():
        best = max(keys, key=lambda k: (uses[k], -keys.index(k)))
        chosen.update({key: best for key in keys if key != best})
    found = []
    for article in articles if chosen else ():
        for key in dict.fromkeys(tag.slug for tag in article.tags if tag.slug in chosen):
            best, line = chosen[key], article.line_of(f"tag:{key}")
            if line <= 1 and content_dir is not None:
                line = field_line(content_dir / article.source, "tags")
            where = first_use[best][1]
            name = display(content_dir / where) if content_dir else where
            first, count = canonical[best].name, uses[best]
            found.append(
                warning(
                    article.source,
                    line,
                    f"tag {canonical[key].name!r} and {first!r} ({name}) are two topics, each "
                    "with a page and a feed of its own, though they differ only in the dots "
                    "of their initials",
                    f"write {first!r}, as {count} {'story does' if count == 1 else 'stories do'} "
                    "(the spelling most used), so that one topic holds them all",
                )
            )
    return found


def _uses(
    articles: list[Article],
) -> tuple[
    dict[str, Counter[str]],
    dict[str, tuple[datetime, str, Article]],
    dict[tuple[str, str], Tag],
    dict[int, Tag],
]:
    """Each key's spellings (counted), its oldest story (date, file, article), a Tag
    object of the articles' own for each (slug, name) and every Tag object by its id
    (articles share them: records decoded in one build share one per key and spelling,
    so each is counted once, not at each use)."""
    counts: dict[int, int] = {}
    held: dict[int, Tag] = {}
    oldest: dict[str, tuple[datetime, str, Article]] = {}
    for article in articles:
        date = None
        for tag in article.tags:
            i = id(tag)
            n = counts.get(i)
            if n is None:
                counts[i], held[i] = 1, tag
            else:
                counts[i] = n + 1
            if date is None:
                date, source = article.date, article.source
            found = oldest.get(tag.slug)  # the order of (date, source), without the tuples
            if found is None or date < found[0] or (date == found[0] and source < found[1]):
                oldest[tag.slug] = (date, source, article)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    given: dict[tuple[str, str], Tag] = {}
    for i, tag in held.items():
        spellings[tag.slug][tag.name] += counts[i]
        given[tag.slug, tag.name] = tag
    return spellings, oldest, given, held


def applied(
    articles: list[Article],
    canonical: dict[str, Tag],
    held: dict[int, Tag],
    named: dict[int, Tag] | None = None,
) -> list[Article]:
    """The articles with the site-wide Tag of each of their topic keys (`canonical`); one
    whose every Tag equals its site-wide one keeps its tuple. `held`: every Tag object of
    the articles by id, but those `named` holds: site-wide Tags already (`named`).
    KeyError for a key not in `canonical`."""
    to = {i: canonical[tag.slug] for i, tag in held.items()}
    same = {i for i, tag in held.items() if to[i] == tag}
    same.update(named or ())
    result = []
    for article in articles:
        tags = article.tags
        if same.issuperset(map(id, tags)):
            result.append(article)
        else:
            result.append(with_values(article, tags=tuple(map(to.__getitem__, map(id, tags)))))
    return result


_FirstUse = tuple[datetime, str, int]  # the oldest story's date, file and tag line


def _first_spellings(
    articles: list[Article], spellings: dict[str, Counter[str]]
) -> dict[str, dict[str, _FirstUse]]:
    """For each key written in more than one way, each spelling's oldest story."""
    keys = {key for key, counted in spellings.items() if len(counted) > 1}
    found: dict[str, dict[str, tuple[datetime, str, Article]]] = defaultdict(dict)
    for article in articles if keys else ():
        for tag in article.tags:
            if tag.slug in keys:
                had = found[tag.slug].get(tag.name)
                if had is None or (article.date, article.source) < had[:2]:
                    found[tag.slug][tag.name] = (article.date, article.source, article)
    return {
        key: {name: (d, s, a.line_of(f"tag:{key}")) for name, (d, s, a) in uses.items()}
        for key, uses in found.items()
    }


def _other_spellings(
    shown: str, first: dict[str, _FirstUse], content_dir: Path | None
) -> list[Diagnostic]:
    """A warning for each spelling of a topic other than the one it is shown with, on the
    tags: line of the oldest story that writes it so (one per spelling, not per story)."""
    found = []
    for spelling, (_, source, line) in sorted(first.items(), key=lambda item: item[1]):
        if unicodedata.normalize("NFC", spelling) == unicodedata.normalize("NFC", shown):
            continue  # the same letters, accents composed or not: nothing to write
        where = (
            line if line > 1 or content_dir is None else field_line(content_dir / source, "tags")
        )
        found.append(
            warning(
                source,
                where,
                f"tag {spelling!r} is the topic {shown!r}, shown with that spelling on every "
                "page and feed (its most used one; on a tie, the first used)",
                f"write {shown!r}: tags that differ only in capitals (ß and ss too), spacing "
                "or hyphenation are one topic",
            )
        )
    return found


def _shared_url(
    base: str,
    keys: list[str],
    canonical: dict[str, Tag],
    first_use: dict[str, _FirstUse],
    content_dir: Path | None,
) -> list[Diagnostic]:
    """A warning for each of `keys` (in the order of first use) after the first, on the
    line of its oldest story: the address it has, why, and which addresses this story
    moved if it is a new one dated before the first story of a later name."""

    def name(source: str) -> str:  # as the user names it: content/2025/06/x.md
        return display(content_dir / source) if content_dir else source

    def shown(key: str, here: str) -> str:
        when, source, _ = first_use[key]
        if source == here:
            return f"{canonical[key].name!r} (also in this story)"
        return f"{canonical[key].name!r} (first in {name(source)}, {when:%Y-%m-%d})"

    found = []
    for index, key in enumerate(keys[1:], start=1):
        _, source, line = first_use[key]
        earlier = ", ".join(shown(k, source) for k in keys[:index])
        if all(first_use[k][1] == source for k in keys[:index]):  # all in this story
            earlier = (
                " and ".join(repr(canonical[k].name) for k in keys[:index])
                + ", also in this story (names first used in one story are numbered in "
                "alphabetical order)"
            )
        message = (
            f"tags {' and '.join(repr(canonical[k].name) for k in keys)} are different words "
            f"with the same URL /tags/{base}/; tag {canonical[key].name!r} is published as "
            f"/tags/{canonical[key].slug}/, numbered in the order of first use after {earlier}"
        )
        message += _moved(keys, index, canonical, first_use, name)
        found.append(
            warning(
                source,
                line
                if line > 1 or content_dir is None
                else field_line(content_dir / source, "tags"),
                message,
                "rename one of the tags if they are meant to be different topics; to keep "
                "the addresses readers already use, rename the newest one",
            )
        )
    return found


def _moved(
    keys: list[str],
    index: int,
    canonical: dict[str, Tag],
    first_use: dict[str, _FirstUse],
    name: Callable[[str], str],
) -> str:
    """The clause naming the addresses the story of `keys[index]` moved if it is a new
    story dated back: those of the later names first used in other stories ('' if none).
    Without this story's names, the others would take the addresses in order."""
    source = first_use[keys[index]][1]
    later = [k for k in keys[index + 1 :] if first_use[k][1] != source]
    if not later:
        return ""
    slots = [canonical[k].slug for k in keys]
    without = [k for k in keys if first_use[k][1] != source]
    moved = ", ".join(
        f"{canonical[k].name!r} from /tags/{slots[without.index(k)]}/ to /tags/{canonical[k].slug}/"
        for k in later
        if slots[without.index(k)] != canonical[k].slug
    )
    if not moved:
        return ""
    return (
        f"; this story is dated before {name(first_use[later[0]][1])}, the first "
        f"with {canonical[later[0]].name!r}: if it is a new story dated back, it "
        f"moves {moved} (readers and feed subscribers of the old address then get "
        "another topic)"
    )
