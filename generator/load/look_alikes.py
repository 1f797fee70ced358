"""Characters that look like the front matter's own but are not, said on their line.

A Mac's Option+Space, a paste from Word, Google Docs or a web page, and a Chinese or
Japanese input method type characters an editor cannot tell from YAML's: a non-breaking
space after `title:` or in an indent, a full-width colon in `title：`. YAML reads none of
them as what they look like (the field becomes text, or an error lines later), so each
is named on its own line, with the line as it should be typed. Only the structure is
read: a field's name (one newsdigest knows) and what is around its colon, and an indent;
a value keeps such characters as typed.
"""

from __future__ import annotations

import re
import unicodedata

from generator.diagnostics import Diagnostic, error
from generator.load import fields

# Spaces YAML does not read as one (every Unicode space but the ASCII space and Tab).
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Colons that look like ':': full-width, small, presentation form, the ratio sign.
_COLONS = "\uff1a\ufe55\ufe13\u2236"
_KEY = r"(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][A-Za-z_.]*)"
_SPACE_AFTER = re.compile(_KEY + f"[ \t]*:(?P<odd>[{_SPACES}]+)(?P<rest>.*)")
_SPACE_BEFORE = re.compile(
    _KEY + f"(?P<odd>[ \t]*[{_SPACES}][ \t{_SPACES}]*):[ \t{_SPACES}]*(?P<rest>.*)"
)
_ODD_COLON = re.compile(_KEY + f"[ \t]*(?P<odd>[{_COLONS}])[ \t{_SPACES}]*(?P<rest>.*)")
_ODD_INDENT = re.compile(f"(?P<lead>[ \t{_SPACES}]*[{_SPACES}][ \t{_SPACES}]*)(?P<rest>\\S.*)")
_FIELD_START = re.compile(r"(?:-[ \t]+)?[A-Za-z_][A-Za-z_.]*[ \t]*:|-(?:[ \t]|$)")
_BLOCK_START = re.compile(r"[^#]*:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")
# What each is called (the dashes a word processor makes of '---': load/fences.py).
LOOK_ALIKE_NAMES = {
    "\u00a0": "non-breaking space",
    "\u202f": "narrow non-breaking space",
    "\u3000": "ideographic (full-width) space",
    "\uff1a": "full-width colon",
    "\ufe55": "small colon",
    "\ufe13": "vertical colon",
    "\u2236": "ratio sign",
    "\u2012": "figure dash",
    "\u2013": "en dash",
    "\u2014": "em dash",
    "\u2015": "horizontal bar",
    "\u2212": "minus sign",
    "\u2500": "box-drawing line",
    "\ufe58": "small em dash",
    "\ufe63": "small hyphen-minus",
    "\uff0d": "full-width hyphen-minus",
    "\uff1d": "full-width equals sign",
}


def look_alike_errors(text: str, first_line: int, source: str) -> list[Diagnostic]:
    """An error for each line of front matter `text` (file line `first_line` first) whose
    indent, or the space or colon of a field, is a character that only looks like YAML's."""
    if text.isascii():  # nearly every story: no such character at all
        return []
    found = []
    block = -1  # the indent of a `summary: |` line: the lines deeper are its text
    for number, line in enumerate(text.split("\n"), start=first_line):
        depth = len(line) - len(line.lstrip(" "))
        if block >= 0 and (not line.strip() or depth > block):
            continue
        block = depth if _BLOCK_START.match(line) else -1
        said = None if line.isascii() else _look_alike(line)
        if said is not None:
            found.append(error(source, number, *said))
    return found


def _look_alike(line: str) -> tuple[str, str] | None:
    """(message, fix) for a line whose structure holds a look-alike character, or None:
    the first one named, the fix the line with every one retyped."""
    indent = _ODD_INDENT.fullmatch(line)
    if indent and _FIELD_START.match(indent["rest"]):
        odd = next(c for c in indent["lead"] if c not in " \t")
        lead = re.sub(f"[{_SPACES}]", " ", indent["lead"].replace("\u3000", "  "))
        field = _field(lead + indent["rest"])  # `\xa0\xa0author:\xa0Desk`: both retyped
        fixed = field[1] if field else lead + indent["rest"]
        return (
            f"this line is indented with {_named(odd)}, which YAML does not read as a space "
            "(a word processor or a web page typed it)",
            f"retype the indent with the space bar: '{fixed}'",
        )
    found = _field(line)
    if found is None:
        return None
    (kind, key, odd), fixed = found
    if kind is _SPACE_AFTER:
        return (
            f"the space after '{key}:' is {_named(odd)}, which YAML does not read as a "
            f"space, so '{key}:' is not read as a field (Option+Space on a Mac, or a "
            "paste from a word processor or a web page, types it)",
            f"retype the space with the space bar: '{fixed}'",
        )
    if kind is _SPACE_BEFORE:
        return (
            f"the space between '{key}' and its colon is {_named(odd)}, which YAML reads as "
            f"part of the field's name, so '{key}:' is not read as a field (Option+Space on "
            "a Mac, or a paste from a word processor or a web page, types it)",
            f"delete it: '{fixed}'",
        )
    return (
        f"the colon after '{key}' is {_named(odd)}, which YAML does not read as "
        f"':', so '{key}' is not read as a field (a Chinese or Japanese keyboard types it)",
        f"type ':' in its place: '{fixed}'",
    )


def _field(line: str) -> tuple[tuple[re.Pattern[str], str, str], str] | None:
    """((the pattern that found it, the field's name, the look-alike), the line retyped)
    for a line of a known field whose colon, or a space beside it, only looks like
    YAML's; else None."""
    for pattern in (_SPACE_AFTER, _SPACE_BEFORE, _ODD_COLON):
        found = pattern.fullmatch(line)
        if found is not None and found["key"].split(".")[-1].lower() in fields.LINE_NAMES:
            fixed = f"{found['lead']}{found['key']}: {found['rest']}".rstrip()
            odd = found["odd"].strip(" \t")[0]
            return (pattern, found["key"], odd), fixed
    return None


# A setting's line (TOML): its quoted text, kept as typed; what is around its '='.
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'[^']*'")
_ODD_SETTING = re.compile(f"[{_SPACES}\uff1d]")


def setting_look_alike(line: str) -> tuple[str, str] | None:
    """For a line of settings (`title =\xa0"Daily"`, `title ＝ "Daily"`): (message, fix
    with the line retyped), or None when no look-alike is outside its quotes."""
    bare = _QUOTED.sub(lambda quoted: "\0" * len(quoted[0]), line).partition("#")[0]
    found = _ODD_SETTING.search(bare)
    if found is None:
        return None
    odd = found[0]
    fixed = "".join(
        ("=" if c == "\uff1d" else " ") if n < len(bare) and _ODD_SETTING.match(bare[n]) else c
        for n, c in enumerate(line)
    )
    if odd == "\uff1d":
        return (
            f"this line holds {_named(odd)}, which TOML does not read as '='",
            f"type '=' in its place: {fixed.strip()}",
        )
    return (
        f"this line holds {_named(odd)}, which TOML does not read as a space",
        f"retype the space with the space bar: {fixed.strip()}",
    )


def _named(char: str) -> str:
    """A look-alike character in words: "a non-breaking space (U+00A0)", "a full-width
    colon '：' (U+FF1A)" (a colon is shown: it can be seen)."""
    name = LOOK_ALIKE_NAMES.get(char) or unicodedata.name(char, "space").lower()
    shown = f" '{char}'" if char in _COLONS + "\uff1d" else ""
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}{shown} (U+{ord(char):04X})"
