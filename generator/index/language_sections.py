"""Site-wide rules over the stories' languages: the sections a build will make
(generator.index.languages) said where an editor may not expect them.

A regional tag is a language of its own, with its own home, feeds, topics, authors and
search (`en-GB` on an `en` site is `/en-gb/`): right for a site with an edition per
region, but one story tagged `ur-PK` on a site whose Urdu stories say `ur` would make a
second Urdu site and be missing from the first. And a language written with its old
code beside its current one (`iw` and `he`) is one language, published in the current
code's folder. Both are warnings on the `language:` line of the oldest story concerned.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from generator.diagnostics import Diagnostic, warning
from generator.index.languages import folder_of, language_of, one_each, written
from generator.languages import (
    DEPRECATED,
    GRANDFATHERED,
    english_name,
    language_key,
    old_code,
    preferred_tag,
    subtags,
)
from generator.load.lines import field_line
from generator.model import Article, oldest_by


def section_warnings(
    articles: list[Article], site_language: str, content_dir: Path | None = None
) -> list[Diagnostic]:
    """A warning for each language section that is a regional variant of another one (or
    of which the site's language is one), and for each old code written beside its
    language's current one, on the story's `language:` line (found in its file under
    `content_dir`; line 1 without); [] for a site in one language (the common case)."""
    spellings = {language_of(a, site_language) for a in one_each(articles)}
    if len(spellings) < 2:
        return []
    tags = written(articles, site_language)
    root = language_key(site_language)
    problems = _variants(articles, site_language, tags, root)
    problems += _old_codes(articles, site_language, spellings, root)
    if content_dir is None:
        return problems
    return [
        replace(p, line=field_line(content_dir / p.path, "language") if p.line == 1 else p.line)
        for p in problems
    ]


def _current(tag: str) -> str:
    """`tag` with a deprecated language code written as its current one ('iw-IL' -> 'he-IL'),
    as the old-code warning on the same line says to write it; else as typed."""
    found = old_code(tag)
    return found[1] if found is not None else tag


def _variants(
    articles: list[Article], site_language: str, tags: dict[str, str], root: str
) -> list[Diagnostic]:
    """Warnings for a section whose tag is another section's with a region added
    ('ur-PK' beside 'ur'), or which is the site's language without its region or with
    another ('ur' or 'ur-IN' on an 'ur-PK' site)."""
    parts = {key: subtags(tag) for key, tag in tags.items()}
    parts[root] = subtags(site_language)
    bases: dict[str, str] = {}
    for key, found in parts.items():
        if key == root or found is None:
            continue
        for other, seen in parts.items():
            if other == key or seen is None or seen[:2] != found[:2]:
                continue
            if other == root or (found[2] and not seen[2]):
                bases[key] = other
                break
    if not bases:
        return []
    keyed = [(language_key(language_of(a, site_language)), a) for a in articles]
    counts = Counter(key for key, _ in keyed)
    oldest = oldest_by(pair for pair in keyed if pair[0] in bases)
    problems = []
    for key, base in sorted(bases.items()):
        other = site_language if base == root else tags[base]
        home = "/" if base == root else f"/{folder_of(other)}"
        name, held = english_name(other), counts[key]
        fix = f"write 'language: {other}' to publish it with the other {name} stories" + (
            " (or leave 'language:' out: a story is in the site's language by default)"
            if base == root
            else ""
        )
        problems.append(
            warning(
                oldest[key].source,
                oldest[key].line_of("language"),
                f"language {tags[key]!r} ({english_name(tags[key])}) makes a section of its "
                f"own, /{folder_of(tags[key])}, with its own home, feeds and search "
                f"({held} {'story' if held == 1 else 'stories'}), apart from the "
                f"{counts[base]} {name} {'story' if counts[base] == 1 else 'stories'} at "
                f"{home}: its stories are not listed there",
                f"{fix}; keep '{_current(tags[key])}' only for an edition of its own",
            )
        )
    return problems


def _old_codes(
    articles: list[Article], site_language: str, spellings: set[str], root: str
) -> list[Diagnostic]:
    """Warnings for a tag written in an old code ('iw') beside its current one ('he'),
    in a section of its own (the site's language is one language in any spelling)."""
    by_key: dict[str, set[str]] = {}
    for tag in spellings:
        by_key.setdefault(language_key(tag), set()).add(tag)
    old = {
        tag
        for key, written_as in by_key.items()
        if key != root and len({t.lower() for t in written_as}) > 1
        for tag in written_as
        if tag.lower() != preferred_tag(tag).lower() and old_code(tag) is None  # (on its own)
    }
    if not old:
        return []
    problems = []
    oldest = oldest_by((a.language, a) for a in articles if a.language in old)
    for tag, story in sorted(oldest.items()):
        current = preferred_tag(tag)
        base = tag.lower().split("-")[0]
        old_one = base in DEPRECATED or tag.lower() in GRANDFATHERED
        what = (  # 'tl' is Tagalog's current code, which CLDR reads as Filipino ('fil')
            f"an old code of {english_name(current)}"
            if old_one
            else f"read as {english_name(current)} (it is a current code, which the language "
            f"data newsdigest follows, CLDR, reads as {current!r})"
        )
        problems.append(
            warning(
                story.source,
                story.line_of("language"),
                f"language {tag!r} is {what}, which other stories write {current!r}: all "
                f"are published as one language, in /{language_key(current)}/",
                f"write 'language: {current}'",
            )
        )
    return problems
