"""A group of fields (`image:`, `credits:`) typed as text on its own line: the lines to write.

Its fix is one, whether YAML read the front matter (the group's own error) or could not
(the ' #' error on the line): `image: AP #2` or `credits: AP #2`, cut at ' #' (YAML's
comment), gets both readings in the lines to write, the text before ' #' or the whole text
in quotes (prober5 P17), never the line quoted as it was, which is the group's error again.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from generator.load import fields
from generator.load.yaml_lists import double_quoted, written

# The groups whose value is a set of fields, and the fix of each typed as text.
GROUPS = ("image", "credits", "corrections")


def typed_line(path: Path, line: int) -> str:
    """Line `line` (from 1) of the file at `path` as typed; '' if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace").splitlines()[line - 1]
    except (OSError, IndexError):
        return ""


def group_fix(typed: str, value: Any) -> str:
    """The fix for the group named at the start of the line `typed` (one of GROUPS),
    whose value YAML read as `value`: text, a number or a list."""
    if typed.startswith("image"):
        return image_lines(str(value), typed)
    if typed.startswith("corrections"):
        return corrections_lines(value, typed)
    return credits_lines(value, typed)


def image_lines(value: str, typed: str) -> str:
    """`image: value` on the line `typed`: the three lines, the file's name as YAML reads it
    (`src: "AP #2"`), and where a ' #' cut the line short, the whole text as the other."""
    fix = f"write three lines: 'image:', then indented '  src: {_as_typed(value)}' and "
    fix += "'  alt: what the picture shows'"
    whole, cut = _cut(value, typed)
    if whole:
        fix += f", or '  src: {_as_typed(whole)}' if {cut!r} is part of its name"
    return fix


def credits_lines(value: Any, typed: str) -> str:
    """`credits: value` on the line `typed` (a name, names, or a field of the group typed on
    its line: `credits: author: Asha Rao`, `credits: "author Asha Rao"`): the two lines,
    `credits:` and the byline after `author:` two spaces in, written as YAML reads it."""
    names = value if isinstance(value, list) else [value]
    one = names[0] if len(names) == 1 else value  # `- Asha Rao`: one byline
    text = " ".join(str(one).split())
    field, colon, rest = text.partition(": ")  # `credits: "author: Asha Rao"`
    word, _, words = text.partition(" ")  # `  author Asha Rao` below: its colon missing
    if isinstance(one, list):
        below = "author: [" + ", ".join(written(str(v)) for v in one) + "]"
    elif colon and field in fields.under("credits"):
        below = f"{field}: {_as_typed(rest)}"
    elif words and word in fields.under("credits"):
        below = f"{word}: {_as_typed(words)}"
    else:
        below = f"author: {_as_typed(text)}"
    fix = f"write 'credits:' on its own line, then '  {below}' indented below it"
    whole, cut = (
        _cut(text, typed) if isinstance(one, str) and below.startswith("author") else ("", "")
    )
    if whole:
        fix += f", or '  author: {_as_typed(whole)}' if {cut!r} is part of the byline"
    return fix


def corrections_lines(value: Any, typed: str) -> str:
    """`corrections: value` on the line `typed`: each correction as a list item, its date
    and, for a text typed there (`corrections: Fixed #2`), that text after `text:`."""
    text = _as_typed(value) if isinstance(value, str) else "What was wrong and what is right"
    fix = f"write each as '- date: 2025-06-26T10:00:00+05:30' with an indented 'text: {text}'"
    whole, cut = _cut(value, typed) if isinstance(value, str) else ("", "")
    if whole:
        fix += f", or 'text: {_as_typed(whole)}' if {cut!r} is part of it"
    return fix


def _cut(value: str, typed: str) -> tuple[str, str]:
    """(the whole text typed after the colon, the part of it after ' #') where a ' #' cut
    `value` short on the line `typed` (`AP #2`, not a note set apart: `a.jpg  # main`)."""
    whole = typed.partition(":")[2].strip()
    cut = whole[len(value) :] if whole.startswith(value) else ""
    return (whole, cut.strip()) if re.match(r" #\S", cut) else ("", "")


def _as_typed(value: str) -> str:
    """`value` as a YAML field's value that reads as it: plain, or in double quotes."""
    try:
        plain = yaml.safe_load(f"v: {value}") == {"v": value}
    except (yaml.YAMLError, ValueError):  # '2025-02-30': a date YAML cannot make
        plain = False
    return value if plain else double_quoted(value)
