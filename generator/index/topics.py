"""Site-wide topic names: one stable slug and one display name per topic.

Tags that differ only in case, spacing or hyphenation are one topic. Different
words that slug to the same URL are reported and kept apart with a numbered slug;
tags that slug to nothing (emoji, punctuation) get a stable slug from their text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from generator.diagnostics import Diagnostic, warning
from generator.load import slugs
from generator.load.lines import field_line
from generator.model import Article, Tag, with_values


def _display_name(spellings: Counter[str]) -> str:
    """The most used spelling; on a tie, the one with capitals, then the first in order."""
    return min(spellings, key=lambda s: (-spellings[s], s == s.lower(), s))


def _free_slug(base: str, number: int, taken: set[str]) -> str:
    """base-NUMBER, or the next number up that no other topic uses."""
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def assign(
    articles: list[Article], content_dir: Path | None = None
) -> tuple[list[Article], list[Diagnostic]]:
    """Give every tag of every article its site-wide Tag.

    With `content_dir`, a warning about two tags is on the `tags:` line of the article.
    """
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    first_use: dict[str, tuple[str, int]] = {}
    # A Tag object of the articles' own for each (slug, name): where it is the site-wide
    # one, articles keep their tuples, compared by identity (records share their Tags).
    given: dict[tuple[str, str], Tag] = {}
    for article in articles:
        for tag in article.tags:
            spellings[tag.slug][tag.name] += 1
            given[tag.slug, tag.name] = tag
            if tag.slug not in first_use:
                first_use[tag.slug] = (article.source, article.line_of(f"tag:{tag.slug}"))
    by_slug: dict[str, list[str]] = defaultdict(list)
    for key in sorted(spellings):
        base = slugs.make(key) or slugs.fallback(key, "topic")
        by_slug[base].append(key)
    canonical: dict[str, Tag] = {}
    problems: list[Diagnostic] = []
    taken = set(by_slug)  # a numbered slug must not be another topic's own ("C 2" -> c-2)
    for base, keys in sorted(by_slug.items()):
        for number, key in enumerate(keys, start=1):
            slug = base if number == 1 else _free_slug(base, number, taken)
            taken.add(slug)
            name = _display_name(spellings[key])
            canonical[key] = given.get((slug, name)) or Tag(slug, name)
        if len(keys) > 1:
            names = [canonical[k].name for k in keys]
            source, line = first_use[keys[-1]]  # the tag's own line when known
            problems.append(
                warning(
                    source,
                    line
                    if line > 1 or content_dir is None
                    else field_line(content_dir / source, "tags"),
                    f"tags {' and '.join(repr(n) for n in names)} are different words with the "
                    f"same URL /tags/{base}/; they are published as "
                    + ", ".join(f"/tags/{canonical[k].slug}/" for k in keys),
                    "rename one of the tags if they are meant to be different topics",
                )
            )
    result = []
    for article in articles:
        tags = tuple(canonical[t.slug] for t in article.tags)
        result.append(article if tags == article.tags else with_values(article, tags=tags))
    return result, problems
