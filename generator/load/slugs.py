"""URL slugs: ASCII, lower case, hyphenated (python-slugify), never empty."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from slugify import slugify

_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def make(text: str) -> str:
    """Transliterate `text` to an ASCII slug; '' when nothing survives (emoji, punctuation).

    Canonically equivalent text (composed or decomposed accents) gives the same slug.
    """
    return str(slugify(unicodedata.normalize("NFC", text), max_length=80, word_boundary=True))


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
