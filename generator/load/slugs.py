"""URL slugs: ASCII, lower case, hyphenated (python-slugify), never empty."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter

from slugify import slugify

_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Scripts that python-slugify (Unidecode) spells in Latin letters a reader recognises:
# 'Zürich' -> 'zurich', 'Αθήνα' -> 'athena', 'Москва' -> 'moskva'. Others come out
# unreadable or wrong: Arabic script drops its short vowels ('کراچی' -> 'khrchy'), Hebrew
# too, Japanese kanji are read as Chinese ('東京' -> 'dong-jing').
_SPELT_WELL = frozenset({"LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "GEORGIAN"})
_SCRIPT_NAMES = {
    "CJK": "Chinese-character (CJK)",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "ARABIC": "Arabic-script",
    "HEBREW": "Hebrew",
}


def make(text: str) -> str:
    """Transliterate `text` to an ASCII slug; '' when nothing survives (emoji, punctuation).

    Canonically equivalent text (composed or decomposed accents) gives the same slug.
    """
    return str(slugify(unicodedata.normalize("NFC", text), max_length=80, word_boundary=True))


def poorly_spelt_script(text: str) -> str | None:
    """The script of `text` when most of its letters (Unicode category L) are in a script
    that does not give a readable Latin slug, as a reader would name it: 'Arabic-script'
    (Arabic, Urdu, Persian), 'Hebrew', 'Devanagari', 'Bengali', 'Tamil', 'Thai',
    'Chinese-character (CJK)', 'Japanese', 'Korean'... None for text mostly in Latin, Greek,
    Cyrillic, Armenian or Georgian letters, or without letters. The script is the first
    word of each letter's Unicode character name."""
    if text.isascii():  # its only letters are A-Z and a-z: Latin
        return None
    letters = Counter(
        unicodedata.name(char, "?").split(" ")[0]
        for char in unicodedata.normalize("NFC", text)
        if unicodedata.category(char).startswith("L")
    )
    poor = Counter({script: n for script, n in letters.items() if script not in _SPELT_WELL})
    if not poor or 2 * sum(poor.values()) <= sum(letters.values()):
        return None
    script = poor.most_common(1)[0][0]
    return _SCRIPT_NAMES.get(script, script.title())


def is_safe(slug: str) -> bool:
    """True for a slug that can be a URL segment as it is."""
    return bool(_SAFE.match(slug))


def fallback(text: str, prefix: str) -> str:
    """A stable, non-empty slug for text that slugs to nothing, derived from its bytes."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{digest}"


def topic_key(name: str) -> str:
    """Tags that differ only in case, spacing, hyphenation or Unicode form (NFC) share this key."""
    name = unicodedata.normalize("NFC", name)
    return " ".join(re.sub(r"[-_\s]+", " ", name).casefold().split())
