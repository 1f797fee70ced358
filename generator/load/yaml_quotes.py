"""Values typed in quote marks that YAML cannot read: a value wrapped in one mark with the
same mark inside (`title: 'Rao's last day'`), in a one-line list (`tags: ["Rao"s view",
Weather]`) or a list item on its own line (`  - 'Rao's view'`); each fix writes the value
in the other kind of quotes (load/yaml_mistakes.py asks)."""

from __future__ import annotations

import re

from generator.load.yaml_lists import double_quoted


def requoted(value: str) -> tuple[str, bool] | None:
    """`value` (starting with a quote mark and going on after its closing one) in the other
    kind of quotes, and whether its outer marks were a wrapper (then left out); None when
    the first quote closes at its end."""
    mark = value[0]
    closing = value.find(mark, 1)
    if not 0 < closing < len(value) - 1:
        return None
    wrapped = _wrapper_inside(value)
    text = value if wrapped is None else wrapped
    fixed = ("'" + text.replace("'", "''") + "'") if mark == '"' else double_quoted(text)
    return fixed, wrapped is not None


def quoted_items(lead: str, key: str, value: str) -> tuple[str, str] | None:
    """(message, fix) for a one-line list with an item wrapped in quote marks with the
    same mark inside (`tags: ["Rao"s view", Weather]`): each such item in the other kind
    of quotes, the others as typed. None when no item is."""
    if not (value.startswith("[") and value.endswith("]")):
        return None
    items: list[str] = []
    for piece in value[1:-1].split(","):  # an item in quotes may hold a comma: joined back
        last = items[-1].strip() if items else ""
        if last[:1] in ("'", '"') and (len(last) < 2 or last[-1] != last[0]):
            items[-1] += "," + piece
        else:
            items.append(piece)
    fixed = [requoted(item.strip()) if _wrapped(item.strip()) else None for item in items]
    if not any(fixed):
        return None
    written = [f[0] if f else item.strip() for f, item in zip(fixed, items, strict=True)]
    written = [item for item in written if item]  # an empty item (`, ,`): left out too
    return (
        f"an item of '{key}:' is wrapped in quote marks with the same mark inside it, so "
        "YAML reads the item as ending at the inner one and cannot read the rest",
        "write the item in the other kind of quotes, without the outer ones: "
        f"{lead}{key}: [{', '.join(written)}]",
    )


def _wrapped(item: str) -> bool:
    """Whether `item` starts and ends with the same quote mark, with more inside."""
    return len(item) > 2 and item[0] in ("'", '"') and item[-1] == item[0]


_ITEM_LINE = re.compile(r"^(?P<lead>[ \t]*-[ \t]+)(?P<value>['\"].*?)[ \t]*$")


def quoted_item(raw: str) -> tuple[str, str] | None:
    """(message, fix) for a list item on its own line wrapped in quote marks with the same
    mark inside (`  - "Rao"s view"`): the item in the other kind of quotes."""
    found = _ITEM_LINE.match(raw)
    fixed = requoted(found.group("value")) if found else None
    if found is None or fixed is None:
        return None
    return (
        "this list item is wrapped in quote marks with the same mark inside it, so YAML "
        "reads the item as ending at the inner one and cannot read the rest",
        "write the item in the other kind of quotes, without the outer ones (indented as "
        f"it is): - {fixed[0]}",
    )


def after_quote(lead: str, key: str, value: str) -> tuple[str, str] | None:
    """(message, fix) for a value that starts with a quote mark and goes on after it.

    A value wrapped in one mark with the same mark inside (`'Rao's last day'`,
    `"He said "no" today"`) is an editor's wrapper: the fix quotes the inside in the other
    mark (`"Rao's last day"`), so the wrapper is not published as text. A value whose
    quote closes early (`"Yes" wins`, `'Yes' or 'No'`) keeps its marks as text."""
    mark = value[0]
    found = requoted(value)
    if found is None:
        return None
    fixed, wrapped = found
    message = (
        f"the value of '{key}:' starts with a quote mark and goes on after the "
        "closing quote, so YAML cannot read it"
    )
    if wrapped:
        return (
            f"the value of '{key}:' is wrapped in quote marks ({mark}) with the same mark "
            "inside it, so YAML reads the value as ending at the inner one and cannot read "
            "the rest",
            "write the value in the other kind of quotes, without the outer ones: "
            f"{lead}{key}: {fixed}",
        )
    return message, f"put the whole value in the other kind of quotes: {lead}{key}: {fixed}"


def _wrapper_inside(value: str) -> str | None:
    """The text inside `value`'s outer quote marks when they are a wrapper: the value ends
    with the mark it starts with, and the first mark inside (not an apostrophe between two
    letters, `Rao's`) opens a quote of its own rather than closing the first one (a mark
    after a space: `"He said "no" today"`). None otherwise (`'Yes' or 'No'`)."""
    mark = value[0]
    if len(value) < 3 or value[-1] != mark:
        return None
    inner = value[1:-1]
    for at, char in enumerate(inner):
        if char != mark:
            continue
        before = inner[at - 1] if at else " "
        after = inner[at + 1] if at + 1 < len(inner) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe
        opens = before.isspace() or (not before.isalnum() and after.isalnum())
        return inner if opens else None
    return inner


# A name before ':' that starts with a character YAML reads specially (`[Live] Desk:` in
# authors.yaml), the text going on after its bracket closes.
_SPECIAL_NAME = re.compile(
    r"^(?P<lead>[ \t]*)(?P<key>[\[{&*!@`%][^#:]*?)[ \t]*:(?P<rest>(?:[ \t].*)?)$"
)
_CLOSING = {"[": "]", "{": "}"}


def special_name(raw: str) -> tuple[str, str] | None:
    """(message, fix) for a name (a byline in authors.yaml) that starts with '[', '{', '&',
    '*', '!'... which YAML reads as a list, a label or a tag: the name in quotes."""
    found = _SPECIAL_NAME.match(raw)
    if found is None:
        return None
    key = found.group("key")
    close = _CLOSING.get(key[0])
    if close is not None and key.endswith(close):  # `[a, b]:` alone: not a name typed
        return None
    rest = found.group("rest").strip()
    return (
        f"the name {key!r} starts with {key[0]!r}, which YAML reads specially, so it cannot "
        "read the line",
        f"put the name in quotes: {found.group('lead')}{double_quoted(key)}:"
        + (f" {rest}" if rest else ""),
    )
