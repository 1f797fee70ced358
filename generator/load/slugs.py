"""URL slugs: ASCII, lower case, hyphenated (python-slugify), never empty."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from typing import Final

from slugify import slugify

# python-slugify's own dependency text-unidecode spells every slug, whatever else is
# installed: left to choose, python-slugify would use Unidecode when some other package
# (Pelican, for one) has installed it, and that spells some scripts otherwise (Hebrew
# 'גשם כבד' is 'gshm-kbd' with text-unidecode, 'gshm-khbd' with Unidecode), so a story's
# address would change with the machine that builds the site.
TRANSLITERATION: Final = "text-unidecode"
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
    normal = unicodedata.normalize("NFC", text)
    return str(slugify(normal, max_length=80, word_boundary=True, backend=TRANSLITERATION))


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


# The longest part of an address between two slashes, in bytes of UTF-8: each part is the
# name of a folder or file the site is written as, and file systems take at most 255
# bytes (NAME_MAX of ext4, APFS, NTFS); 200 leaves room for the names made from it (a
# redirect's, a page's) and is the longest slug WordPress makes, so the old addresses of
# a site moved from it fit.
MAX_SEGMENT = 200


def too_long(path: str) -> str | None:
    """The first part of `path` ('/'-separated) longer than MAX_SEGMENT bytes, or None."""
    return next((s for s in path.split("/") if len(s.encode("utf-8")) > MAX_SEGMENT), None)


def too_long_message(what: str, part: str) -> tuple[str, str]:
    """(message, fix) for `part` of `what` (a slug, an alias) that is too long."""
    size = len(part.encode("utf-8"))
    return (
        f"{what} is too long to be a web address: {part[:40]}... is {size} characters, and "
        f"each part between two slashes may have at most {MAX_SEGMENT} (the site is saved "
        "as files and folders named after them, and disks refuse longer names)",
        f"shorten it to a few words, at most {MAX_SEGMENT} characters",
    )


def is_safe(slug: str) -> bool:
    """True for a slug that can be a URL segment as it is."""
    return bool(_SAFE.match(slug))


def fallback(text: str, prefix: str) -> str:
    """A stable, non-empty slug for text that slugs to nothing, derived from its bytes."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{digest}"


def topic_key(name: str) -> str:
    """Tags that differ only in case (casefold: 'ß' is 'ss'), spacing, hyphenation or
    Unicode form share this key; the form is NFKC, which folds look-alikes as README's
    rule on invisible characters does: full-width 'ＡＩ' is 'AI', 'ﬁ' is 'fi'."""
    name = unicodedata.normalize("NFKC", name)
    return " ".join(re.sub(r"[-_\s]+", " ", name).casefold().split())


_INITIALS = re.compile(r"(?<!\w)[^\W\d_](?:\.\s?[^\W\d_])+\.?(?!\w)")


def initials_key(key: str) -> str:
    """A `topic_key` with its dotted initials written as the letters ('u.s.' and 'u. s.'
    -> 'us', 'u.k. politics' -> 'uk politics'), as `country:` reads them: 'U.S.' and 'US'
    typed in one story's tags are one topic."""
    return _INITIALS.sub(lambda found: re.sub(r"[.\s]", "", found.group()), key)
