"""Slips in a one-line list that YAML cannot read, named with the list as it was meant.

A list field (tags, sources, aliases, a byline's author or authors) holds names, so the
fix for such a list is never the whole value in quotes: that makes it text, whose "tags
must be a list" would lead back to the slip. It says what to remove, join or close, with
the corrected line: `tags: [Newsroom, Harbour]]` -> `tags: [Newsroom, Harbour]`,
`tags: [Climate, Floods] [Rain]` -> `tags: [Climate, Floods, Rain]`, and a quote opened in
the list and never closed (`tags: [Newsroom, "Harbour]`) -> `tags: [Newsroom, "Harbour"]`.
"""

from __future__ import annotations

import re

# Fields whose value may be a one-line list of names.
LIST_FIELDS = frozenset({"tags", "sources", "aliases", "author", "authors"})
_BRACKETS = re.compile(r"[\[\]]")


def closing(text: str, start: int, mark: str) -> int:
    """The index of the straight quote that closes the one at `start`, or -1."""
    at = start + 1
    while at < len(text):
        if mark == '"' and text[at] == "\\":
            at += 2
            continue
        if text[at] == mark:
            if mark == "'" and text[at + 1 : at + 2] == "'":
                at += 2
                continue
            return at
        at += 1
    return -1


def _scan(value: str) -> tuple[int, int]:
    """(index of the `]` that closes the `[` at `value[0]`, or -1; index of a quote mark
    that opens an item and is never closed, or -1). A quote is one only at the start of
    an item (after `[` or `,`): an apostrophe inside a name (O'Brien) is text."""
    depth, start, at = 0, True, 0
    while at < len(value):
        mark = value[at]
        if start and mark in "\"'":
            end = closing(value, at, mark)
            if end < 0:
                return -1, at
            at, start = end + 1, False
            continue
        if mark in "[,":
            depth += mark == "["
            start = True
        elif mark == "]":
            depth -= 1
            if depth == 0:
                return at, -1
        elif not mark.isspace():
            start = False
        at += 1
    return -1, -1


def list_slip(lead: str, key: str, value: str) -> tuple[str, str] | None:
    """(message, fix) for a one-line list YAML cannot read (module docstring), or None."""
    if not value.startswith("["):
        return None
    close, quote = _scan(value)
    if quote >= 0:
        return _open_quote(lead, key, value, quote)
    if key not in LIST_FIELDS or close < 0:
        return None
    rest = value[close + 1 :].strip()
    if not rest or rest.startswith("#"):
        return None
    listed = value[: close + 1]
    if not rest.strip("] \t"):
        return (
            f"{key}: the list {listed} is followed by {rest!r}, one ']' too many, so YAML "
            "cannot read the line",
            f"remove {rest!r} after the list: {lead}{key}: {listed}",
        )
    items = [i.strip() for i in _BRACKETS.sub(",", value).split(",") if i.strip()]
    return (
        f"{key}: the list {listed} is closed before {rest!r}, which YAML cannot read after it",
        f"write one list with every item: {lead}{key}: [{', '.join(items)}]",
    )


def _open_quote(lead: str, key: str, value: str, quote: int) -> tuple[str, str]:
    """`tags: [Newsroom, "Harbour]`: the quote is closed after the item in the fix."""
    mark, body = value[quote], value[quote + 1 :].rstrip()
    body = body.removesuffix("]").rstrip()
    name = body.split(",")[0].strip()
    return (
        f"{key}: the quote mark ({mark}) opened before '{name}' is never closed, so YAML "
        "reads the lines after it as part of that item",
        f"close it after the item: {lead}{key}: {value[:quote]}{mark}{body}{mark}]",
    )


def unclosed_list_fix(lead: str, key: str, value: str) -> str | None:
    """The corrected line for a list field's one-line list never closed (`tags: [a, b`),
    or None for another field (whose `[` may be part of a value)."""
    if key not in LIST_FIELDS:
        return None
    return f"{lead}{key}: {value.rstrip()}]"
