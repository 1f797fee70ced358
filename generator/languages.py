"""Languages of the site and its articles: BCP 47 tags read through Babel (CLDR).

A tag is what the editor types (`ur`, `hi`, `pt-BR`); Babel's `Locale.parse(tag,
sep="-")` reads it. The writing direction comes from CLDR's character order for the
tag's script (`ar`, `ur`, `fa`, `he`, `ps`, `sd`, `ug`, `yi`, `dv`, `ckb`, `pa-Arab` are
right to left), as HTML's `dir` attribute wants it (W3C, "Structural markup and
right-to-left text in HTML").
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global


@lru_cache(maxsize=256)
def locale_of(tag: str) -> Locale | None:
    """The Babel locale of a BCP 47 tag ('pt-BR' -> pt_BR), or None when CLDR has none."""
    try:
        return Locale.parse(tag.replace("_", "-"), sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=256)
def text_direction(tag: str) -> str:
    """'rtl' for text written right to left, else 'ltr': the direction of the tag's script
    when it names one ('ur-Latn', Roman Urdu, is 'ltr'; 'pa-Arab' is 'rtl'), else of the
    language's likely script (CLDR likely subtags: 'ur' -> Arab -> 'rtl', 'hi' -> Deva).

    A tag CLDR does not know is read left to right, HTML's default.
    """
    from babel.core import parse_locale

    try:
        language, _, script, _ = parse_locale(tag.replace("_", "-"), sep="-")[:4]
    except ValueError:
        return "ltr"
    if not script:
        likely = get_global("likely_subtags").get(language.lower(), "")
        script = next((part for part in likely.split("_") if len(part) == 4), "")
    return _script_direction(script.title()) if script else _language_direction(tag)


# Latin, the script of most sites, is written left to right (CLDR's character order of
# und_Latn): said here, it spares a build loading a locale's whole CLDR data (about 9 ms).
KNOWN_DIRECTIONS = {"Latn": "ltr"}


@lru_cache(maxsize=64)
def _script_direction(script: str) -> str:
    """A script's direction (ISO 15924 code, 'Arab'): that of its likeliest locale."""
    if script in KNOWN_DIRECTIONS:
        return KNOWN_DIRECTIONS[script]
    try:
        locale = Locale.parse(f"und_{script}")
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def _language_direction(tag: str) -> str:
    locale = locale_of(tag)
    if locale is None:
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def dir_attribute(tag: str) -> str:
    """' dir="rtl"' for a right-to-left language, '' otherwise (`<html>` is ltr by default,
    so left-to-right pages stay as they were)."""
    return ' dir="rtl"' if text_direction(tag) == "rtl" else ""


def is_known(tag: str) -> bool:
    """Whether the text is a BCP 47 tag CLDR (Babel) knows: `ur`, `hi`, `pt-BR`, `en-GB` are;
    `en_US` (a POSIX locale name, invalid in HTML's `lang`) and `Urdu` are not."""
    return tag_problem(tag) is None


TAG_SYNTAX = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def tag_problem(tag: str) -> tuple[str, str] | None:
    """Why `tag` is not a language tag for `lang` (what is wrong, the fix with 'did you mean'
    when a tag is close), or None when it is one. The one rule of the `language` setting and
    front-matter field: BCP 47 syntax (hyphens, RFC 5646) and known to CLDR."""
    if TAG_SYNTAX.fullmatch(tag) and locale_of(tag) is not None:
        return None
    guess = suggest(tag)
    name = _language_name(tag) if TAG_SYNTAX.fullmatch(tag) else ""
    if "_" in tag and TAG_SYNTAX.fullmatch(tag.replace("_", "-")):
        guess = guess or tag.replace("_", "-")
        what = f"language {tag!r} is a locale name, not a language tag (BCP 47 uses '-', not '_')"
    elif name:  # a real language (tlh, Klingon) whose dates and words CLDR does not have
        return (
            f"language {tag!r} ({name}) is one newsdigest cannot write dates and "
            "the theme's words in: the Unicode CLDR data it uses has none for it",
            "write the tag of a language CLDR covers, such as 'en', 'ur', 'hi' or 'pt-BR'",
        )
    else:
        what = f"language {tag!r} is not a language tag newsdigest knows"
    fix = (f"did you mean '{guess}'? " if guess else "") + (
        "write a BCP 47 tag such as 'en', 'ur', 'hi' or 'pt-BR'"
    )
    return what, fix


def _language_name(tag: str) -> str:
    """The English name of the tag's language when ISO 639 names it but CLDR has no data
    for it ('tlh' -> 'Klingon'); '' for any other tag ('en-XX': CLDR has English)."""
    language = tag.partition("-")[0].lower()
    if locale_of(language) is not None:  # CLDR has the language: the rest of the tag is wrong
        return ""
    return str(Locale("en").languages.get(language, ""))


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


@lru_cache(maxsize=64)  # every page asks
def likely_locale(language: str) -> str:
    """language_TERRITORY for a BCP 47 language tag; the language alone if CLDR has none."""
    try:
        parsed = Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return language.replace("-", "_")
    if parsed.territory and parsed.territory.isalpha():  # not a region such as 419
        return f"{parsed.language}_{parsed.territory}"
    likely = get_global("likely_subtags")
    key = f"{parsed.language}_{parsed.script}" if parsed.script else parsed.language
    found = likely.get(key) or likely.get(parsed.language)
    if not found:
        return parsed.language
    full = Locale.parse(found)
    return f"{parsed.language}_{full.territory}" if full.territory else parsed.language
