"""Invisible characters in a name that makes a page: a topic, a byline, a country.

A zero-width space pasted into `tags: ["A\u200bI"]` makes a second topic that readers
see as "AI", beside the real one. Names are checked for the characters Unicode draws as
nothing (format characters such as the zero-width space, word joiner, byte-order mark,
soft hyphen and direction marks, and the Hangul fillers). The zero-width joiner and
non-joiner are allowed where a script needs them: between two letters of a script other
than Latin, Greek or Cyrillic (Persian "می‌خواهم", Hindi, Malayalam) and, for the joiner,
inside an emoji sequence (a family, a skin tone); so are the tag characters that spell a
flag such as England's. Titles, summaries and bodies keep them as typed (a soft hyphen
there is a hyphenation hint).

Control characters and noncharacters (CONTROL) are refused anywhere in a file
(load/content.py's `decode`, `has_control`) and in a field's text (load/checker.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from generator.diagnostics import Diagnostic, error

# Code points XML 1.0 forbids or HTML calls errors (controls, NUL spelt "\\0" or "\\u0000", and
# the 66 noncharacters: U+FDD0-FDEF, the last two of each plane). Tab and line ends are fine.
_ENDS = "".join(chr(plane << 16 | low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
CONTROL = re.compile(f"[{_CONTROLS}{_ENDS}]")
# In a file or folder name, tab and line ends too: a name holding one would split the
# `path:line:` of every message about the file (and no editor means to type one).
NAME_CONTROL = re.compile(f"[\t\n\r{_CONTROLS}{_ENDS}]")
# NAME_CONTROL's characters in ASCII (its far ranges, the noncharacters beyond U+FFFF,
# make `re` test each character against each: 30 ms over 10,000 names, against 5).
_ASCII_NAME_CONTROL = re.compile("[\x00-\x1f\x7f]")


def has_name_control(name: str) -> bool:
    """Whether NAME_CONTROL finds a character in `name` (a file or folder name, or a path
    of them): in an ASCII name, nearly every one, by its ASCII characters alone."""
    if name.isascii():
        return _ASCII_NAME_CONTROL.search(name) is not None
    return NAME_CONTROL.search(name) is not None


# Its 32 noncharacters beyond U+FFFF make `re` test each character against each of them:
# a file's text is searched for the others, and for any character beyond U+FFFF, first.
_NEAR = re.compile(f"[{_CONTROLS}{_ENDS[:2]}]")
_FAR = re.compile("[\U00010000-\U0010ffff]")


# The UTF-8 bytes no character CONTROL finds is spelt with: printable ASCII, tab and line
# ends, and every byte from 0x80 but the first byte of a C1 control (0xC2), of a surrogate
# (0xED), of U+FDD0-FDEF and U+FFFE-FFFF (0xEF), and of a plane's last two (0xF0-0xF4).
_SPELT_SAFELY = bytes(
    b
    for b in range(256)
    if b in b"\t\n\r"
    or 0x20 <= b < 0x7F
    or b >= 0x80
    and b not in b"\xc2\xed\xef\xf0\xf1\xf2\xf3\xf4"
)


def has_control(text: str) -> bool:
    """Whether CONTROL finds a character in `text`. Its UTF-8 bytes are read first (bytes'
    `translate`, in C): a text with none but `_SPELT_SAFELY`'s (nearly every file) has
    none, without `re` testing each character against CONTROL's ranges (12 times as long
    on a 5 KB file); the others are searched for the others first, then for any character
    beyond U+FFFF (CONTROL's 32 noncharacters there are slow to test)."""
    if not text.encode("utf-8", "surrogatepass").translate(None, _SPELT_SAFELY):
        return False
    return bool(_NEAR.search(text) or (_FAR.search(text) and CONTROL.search(text)))


ZWNJ, ZWJ = "\u200c", "\u200d"
_NAMES = {
    "\u00ad": "soft hyphen",
    "\u034f": "combining grapheme joiner",
    "\u061c": "Arabic letter mark",
    "\u115f": "Hangul filler",
    "\u1160": "Hangul filler",
    "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space",
    ZWNJ: "zero-width non-joiner",
    ZWJ: "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u2060": "word joiner",
    "\u3164": "Hangul filler",
    "\ufeff": "zero-width no-break space (byte-order mark)",
    "\uffa0": "Hangul filler",
}
# Format characters that are drawn: signs written before Arabic, Syriac and Kaithi numbers.
_VISIBLE_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2")
_FLAG_TAGS = range(0xE0020, 0xE0080)  # tag characters after U+1F3F4, e.g. England's flag
_ALPHABETS = ("LATIN", "GREEK", "CYRILLIC")


def invisible_error(
    source: str, line: int, label: str, name: str, harm: str = ""
) -> Diagnostic | None:
    """The error for a name (`label`: "tags", "credits.author", "country") with an invisible
    character, or None when it has none. `harm` says what it would do (default: make a
    name of its own that looks the same as the name without it)."""
    found = find_invisible(name)
    if found is None:
        return None
    if not visible(name).strip():  # nothing to keep: the fix is the name (prober4 M15)
        return _blank_error(source, line, label, name)
    index, what = found
    place = where(name, index)
    return error(
        source,
        line,
        f"{label}: {visible(name)!r} has an invisible character, {what}, {place}; "
        + (harm or "it would be published as a name of its own that looks the same"),
        f"delete the invisible character {place} (or retype the name: {visible(name)})",
    )


def blank_error(source: str, line: int, label: str, text: str, fix: str) -> Diagnostic | None:
    """The error for a required field whose `text` readers would not see: '' is empty, and
    only invisible characters (a zero-width space alone) are named; None for other text.
    `fix` is the field's own fix."""
    if text and not only_invisible(text):
        return None
    if not text:
        return error(source, line, f"{label} is empty", fix)
    return _blank_error(source, line, label, text, fix)


def blank_words(text: str) -> str:
    """A setting that readers would not see, in words: "is empty", or "holds only an
    invisible character, a zero-width space (U+200B)"."""
    if not text.strip() and not _blanks_named(text):
        return "is empty"
    many = len(set(text) - {" "}) > 1
    return f"holds only {'invisible characters' if many else 'an invisible character'}, " + (
        _blanks_named(text)
    )


def _blank_error(source: str, line: int, label: str, name: str, fix: str = "") -> Diagnostic:
    """The error for a field that is only invisible characters (and spaces): every one is
    named, never quoted (a quote shows '' or a Python escape), and the fix writes a value,
    never deletes the characters (an empty value)."""
    named = _blanks_named(name)
    noun = _NOUNS.get(label, "name" if label.startswith(("credits", "authors")) else "text")
    plural = len(set(name) - {" "}) > 1
    kind = "invisible characters" if plural else "an invisible character"
    if not fix:
        fix = (
            "delete this item, or write the tag meant in its place"
            if label == "tags"
            else f"write the {noun} meant in its place"
        )
    subject = _ITEMS.get(label, label)  # one of a list's items: "tags: a tag"
    return error(
        source, line, f"{subject} holds only {kind}, {named}: readers would see no {noun}", fix
    )


_NOUNS = {"tags": "tag", "country": "country", "translation_key": "key", "title": "headline"}
_ITEMS = {
    label: f"{label}: a {_NOUNS.get(label, 'name')}"
    for label in ("tags", "credits.author", "authors.yaml")
}


def _blanks_named(text: str) -> str:
    """Each character of `text` that shows nothing, but the plain space, in words, once:
    "a zero-width space (U+200B) and a braille pattern blank (U+2800)"."""
    shown = dict.fromkeys(c for c in text if c != " " and (_invisible(c) or c in _BLANK))
    return " and ".join(_described(c) for c in shown)


def find_invisible(text: str) -> tuple[int, str] | None:
    """(index, description such as "a zero-width space (U+200B)") of the first invisible
    character of `text` that no script or emoji needs, or None. ASCII holds none (no format
    character, none of `_NAMES`): told at once, not character by character."""
    if text.isascii():
        return None
    for index, char in enumerate(text):
        if not _invisible(char) or _needed(text, index):
            continue
        return index, _described(char)
    return None


def invisible_named(text: str) -> str:
    """Each invisible character of `text` (one that shows nothing) in words, once:
    "a zero-width space (U+200B) and a zero-width joiner (U+200D)"; '' for none."""
    return " and ".join(_described(c) for c in dict.fromkeys(c for c in text if _invisible(c)))


def _described(char: str) -> str:
    """An invisible character in words: "a zero-width space (U+200B)"."""
    what = _NAMES.get(char) or unicodedata.name(char, "format character").lower()
    return f"{'an' if what[0] in 'aeiou' else 'a'} {what} (U+{ord(char):04X})"


def where(text: str, index: int) -> str:
    """Where in `text` the character at `index` is, in words: "between 'A' and 'I'"."""
    before, after = visible(text[:index]), visible(text[index + 1 :])
    if not before:
        return f"at the start of {visible(text)!r}"
    if not after:
        return f"at the end of {visible(text)!r}"
    return f"between {_shown(before[-1])} and {_shown(after[0])}"


def _shown(char: str) -> str:
    return "a space" if char == " " else repr(char)


def visible(text: str) -> str:
    """`text` without the invisible characters `find_invisible` reports: what readers see."""
    kept = []
    for index, char in enumerate(text):
        if not _invisible(char) or _needed(text, index):
            kept.append(char)
    return "".join(kept)


# Characters drawn as a blank that are neither spaces nor format characters: variation
# selectors (alone they select nothing) and the Braille blank.
_BLANK = frozenset(
    [chr(c) for c in range(0xFE00, 0xFE10)] + [chr(c) for c in range(0xE0100, 0xE01F0)] + ["\u2800"]
)


def only_invisible(text: str) -> bool:
    """Whether `text` shows a reader nothing: only spaces of any kind (a no-break space,
    an ideographic space) and characters drawn as nothing (every format character: the
    zero-width space, joiners, direction marks, the byte-order mark, the soft hyphen;
    Hangul fillers, variation selectors). True for ''."""
    return all(c.isspace() or c in _BLANK or _invisible(c) for c in text)


def _invisible(char: str) -> bool:
    if char in _NAMES:
        return True
    return unicodedata.category(char) == "Cf" and char not in _VISIBLE_FORMAT


def _needed(text: str, index: int) -> bool:
    char = text[index]
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if ord(char) in _FLAG_TAGS:
        return before == "\U0001f3f4" or (bool(before) and ord(before) in _FLAG_TAGS)
    if char == ZWJ and (_emoji(before) or _emoji(after)):
        return True
    return char in (ZWJ, ZWNJ) and _joining_letter(before) and _joining_letter(after)


def _emoji(char: str) -> bool:
    return bool(char) and (unicodedata.category(char) == "So" or char == "\ufe0f")


def _joining_letter(char: str) -> bool:
    """A letter or mark of a script whose letters join or take half forms."""
    if not char or unicodedata.category(char)[0] not in "LM":
        return False
    return not unicodedata.name(char, "").startswith(_ALPHABETS)


def _named(char: str) -> str:
    """A character no text may hold, named for an editor: what it is, and its code point."""
    point = ord(char)
    if 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        return f"the noncharacter U+{point:04X} (a code point Unicode never gives a character)"
    if 0xD800 <= point <= 0xDFFF:
        return f"the lone surrogate U+{point:04X} (half of a character, from a broken copy)"
    return f"the invisible control character U+{point:04X}"


def control_error(source: str, line: int, where: str, chars: str) -> Diagnostic:
    """The error for `where` holding `chars` (control characters or noncharacters)."""
    named = " and ".join(dict.fromkeys(_named(c) for c in chars))
    return error(
        source,
        line,
        f"{where} contains {named}",
        "delete it (it usually comes from pasting out of a terminal, a PDF or a word processor)",
    )


def control_errors(found: Iterable[re.Match[str]], text: str, source: str) -> list[Diagnostic]:
    """One error for each line of `text` holding the characters `found`, naming them all."""
    lines: dict[int, str] = {}
    for match in found:
        line = text.count("\n", 0, match.start()) + 1
        lines[line] = lines.get(line, "") + match.group()
    return [control_error(source, n, "the file", chars) for n, chars in lines.items()]
