"""Bylines beside the author registry: a warning for one that differs from a registered
byline only in capitals or spaces (`asha rao` for `Asha Rao`: published as that author,
load/authors.py's `Registry.apply`) and for one close to a registered byline ("did you
mean"), each on the article's `author:` line."""

from __future__ import annotations

import difflib
import unicodedata

from generator.diagnostics import Diagnostic, warning
from generator.load.authors import Registry, same_name
from generator.model import Article


def check_bylines(articles: list[Article], registry: Registry) -> list[Diagnostic]:
    """A warning for each byline of `articles` (as written, before `Registry.apply`) that
    is not written as in the registry: the same name in other capitals or spacing, or a
    close one ("Asha Roa" for "Asha Rao")."""
    if not registry.authors:
        return []
    known = list(registry.authors)
    spelt = registry.spellings()
    composed = {unicodedata.normalize("NFC", name) for name in known}
    problems = []
    for article in articles:
        for byline in article.authors:
            if unicodedata.normalize("NFC", byline) in composed:
                continue  # as registered, accents composed or not (Unicode NFC)
            line = article.line_of("author")
            registered = spelt.get(same_name(byline))
            if registered is not None:
                problems.append(
                    warning(
                        article.source,
                        line,
                        f"credits.author {byline!r} is written {registered!r} in authors.yaml; "
                        f"it is published as {registered!r}, on that author's page",
                        f"write {registered!r}, as in authors.yaml: bylines that differ only "
                        "in capitals or spaces are one author",
                    )
                )
                continue
            close = difflib.get_close_matches(byline, known, n=1, cutoff=0.85)
            if close:
                problems.append(
                    warning(
                        article.source,
                        line,
                        f"credits.author {byline!r} is not in authors.yaml",
                        f"did you mean {close[0]!r}? A byline must be written exactly as in "
                        "authors.yaml to link to that author's page",
                    )
                )
    return problems
