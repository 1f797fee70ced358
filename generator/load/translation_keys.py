"""Slips in `translation_key` that leave a story's language versions unlinked, silently:
keys that differ only in capitals (`Floods` and `floods`), and an empty key.

The versions are linked by the key as typed (render/translations.py), so each slip is a
warning naming the spelling to write, never a key changed behind the editor's back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from generator.diagnostics import Diagnostic, warning
from generator.languages import language_key
from generator.load.yaml_lines import field_line
from generator.model import Article
from generator.settings_errors import display


def key_slips(articles: list[Article], site_language: str, content_dir: Path) -> list[Diagnostic]:
    """A warning on the `translation_key` line of each story whose key differs only in
    capitals from another key, when that key has no version in the story's language (so
    writing it links the versions): the fix names the spelling most stories use (the first
    file's on a tie) and a file that uses it. A warning on an empty key
    (`translation_key: ''`), which links nothing. Said on every build (cheap: one pass),
    not only when the site-wide names are worked out anew."""
    found: list[Diagnostic] = []
    spellings: dict[str, dict[str, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for article in articles:
        if article.translation_key:
            spellings[article.translation_key.casefold()][article.translation_key].append(article)
        elif article.line_of("translation_key") > 1:
            found.append(
                warning(
                    article.source,
                    article.line_of("translation_key"),
                    "translation_key is empty: it links this story to no other language's version",
                    "write the key its other versions have (translation_key: floods-2025), "
                    "or delete the line",
                )
            )
    for forms in spellings.values():
        if len(forms) > 1:
            found += _case_slips(forms, site_language, content_dir)
    return found


def _case_slips(
    forms: dict[str, list[Article]], site_language: str, content_dir: Path
) -> Iterator[Diagnostic]:
    """The warnings for one key written in several capitalisations (`forms`: spelling ->
    its stories, in file order)."""
    ordered = sorted(forms, key=lambda key: (-len(forms[key]), forms[key][0].source))
    meant = ordered[0]
    languages = {language_key(a.language or site_language) for a in forms[meant]}
    for key in ordered[1:]:
        for article in forms[key]:
            if language_key(article.language or site_language) in languages:
                continue  # a story of its own in a language the key already has
            yield warning(
                article.source,
                article.line_of("translation_key"),
                f"translation_key {key!r} differs only in capitals from {meant!r} "
                f"({display(content_dir / forms[meant][0].source)}): keys are compared "
                "exactly, so the two versions are not linked (no 'Read in', no hreflang)",
                f"did you mean {meant!r}? write {field_line('translation_key', meant)}",
            )
