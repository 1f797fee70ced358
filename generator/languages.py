"""Languages of the site and its articles: BCP 47 tags read through Babel (CLDR).

A tag is what the editor types (`ur`, `hi`, `pt-BR`); Babel's `Locale.parse(tag,
sep="-")` reads it. The writing direction comes from CLDR's character order for the
tag's script (`ar`, `ur`, `fa`, `he`, `ps`, `sd`, `ug`, `yi`, `dv`, `ckb`, `pa-Arab` are
right to left), as HTML's `dir` attribute wants it (W3C, "Structural markup and
right-to-left text in HTML").
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError


@lru_cache(maxsize=256)
def locale_of(tag: str) -> Locale | None:
    """The Babel locale of a BCP 47 tag ('pt-BR' -> pt_BR), or None when CLDR has none."""
    try:
        return Locale.parse(tag.replace("_", "-"), sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=256)
def text_direction(tag: str) -> str:
    """'rtl' for a language written right to left (CLDR character order), else 'ltr'.

    A tag CLDR does not know is read left to right, HTML's default.
    """
    locale = locale_of(tag)
    if locale is None:
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def dir_attribute(tag: str) -> str:
    """' dir="rtl"' for a right-to-left language, '' otherwise (`<html>` is ltr by default,
    so left-to-right pages stay as they were)."""
    return ' dir="rtl"' if text_direction(tag) == "rtl" else ""


def is_known(tag: str) -> bool:
    """Whether CLDR (Babel) knows the BCP 47 tag: `ur`, `hi`, `pt-BR`, `en-GB` are known."""
    return locale_of(tag) is not None


def suggest(value: str) -> str | None:
    """The known tag an editor probably meant: a language's English name ('Urdu' -> 'ur'),
    or the CLDR locale identifier closest in spelling; None when nothing is close."""
    import difflib

    from babel.localedata import locale_identifiers

    names: dict[str, str] = {
        str(name).lower(): str(code) for code, name in Locale("en").languages.items()
    }
    if value.strip().lower() in names:
        return names[value.strip().lower()]
    known = sorted(identifier.replace("_", "-") for identifier in locale_identifiers())
    lowered = {k.lower(): k for k in known}
    close = difflib.get_close_matches(
        value.replace("_", "-").lower(), list(lowered), n=1, cutoff=0.6
    )
    return lowered[close[0]] if close else None


def autonym(tag: str) -> str:
    """A language's name in itself, as CLDR writes it: 'ur' -> 'اردو', 'hi' -> 'हिन्दी',
    'en' -> 'English'; the tag itself when CLDR has no name."""
    locale = locale_of(tag)
    name = locale.display_name if locale is not None else None
    return str(name) if name else tag
