"""A stray mark at either end of a name (a topic, a byline, a source): a quote mark with no
partner (`tags: ["Politics", Economy"]`, `author: Jane Doe"`, `sources: [Reuters", AP]`)
or a comma, semicolon, slash or ampersand left over (`author: Jane Doe,`). YAML reads it
as part of the name, which is then published in the page, its JSON-LD and every feed, and
on a topic or author page of its own beside the real one (tester T4). A warning on the
name's line, whose fix is the field's line written without the marks."""

from __future__ import annotations

from collections.abc import Sequence

from generator.diagnostics import Diagnostic, warning
from generator.load.content import Mapping
from generator.load.yaml_lists import written

_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_LEFT_OVER = ",;/&"


def stray_mark(name: str) -> str:
    """The stray mark at an end of `name`, or '' for none. A quote mark counts when it has
    no partner in the name: `"Economy` and `Jane Doe"`, not `"Big" Ben`; an apostrophe
    that is a word's (`'90s`, `Farmers'`) is not stray."""
    text = name.strip()
    if not text:
        return ""
    for mark, beside, at_end in ((text[0], text[1:2], False), (text[-1], text[-2:-1], True)):
        if mark in _LEFT_OVER:
            return mark
        if mark not in _QUOTES or _partnered(text, mark):
            continue
        if mark in "'\u2019" and (beside.isdigit() or (at_end and beside in ("s", "S"))):
            continue  # '90s, Farmers'
        return mark
    return ""


def _partnered(text: str, mark: str) -> bool:
    if mark in "\u201c\u201d":
        return text.count("\u201c") == text.count("\u201d")
    if mark in "\u2018\u2019":
        return text.count("\u2018") == text.count("\u2019") and text.count("\u2018") > 0
    return text.count(mark) % 2 == 0


def without_stray(name: str) -> str:
    """`name` without the stray marks at its ends (and the spaces they leave)."""
    text = name.strip()
    while text and stray_mark(text):
        mark = stray_mark(text)
        text = (text[1:] if text[0] == mark else text[:-1]).strip()
    return text


def stray_warning(
    key: str, label: str, name: str, names: Sequence[str], one: bool, where: str
) -> tuple[str, str] | None:
    """(message, fix) for `name`, an item of the field `key` (`names` all its items; `one`:
    typed as one value, not a list; `where`: where it is published), when a mark at its end
    is stray; None otherwise."""
    mark = stray_mark(name)
    if not mark or not without_stray(name):
        return None
    what = "a quote mark with no partner" if mark in _QUOTES else f"a {_NAMES[mark]} left over"
    kept = [written(n) for n in dict.fromkeys(without_stray(n) or n for n in names)]
    line = f"{key}: {kept[0]}" if one and len(kept) == 1 else f"{key}: [{', '.join(kept)}]"
    return (
        f"{label}: {name!r} has {mark!r} at its {'start' if name.strip()[0] == mark else 'end'}, "
        f"{what}; it would be published with it, as {name!r}, {where}",
        f"remove the {mark!r}: write {line}",
    )


def stray_marks(
    source: str, mapping: Mapping, key: str, label: str, named: Sequence[tuple[str, int]]
) -> list[Diagnostic]:
    """A warning for the first of `named` (name, line), the items of `key` in `mapping`,
    with a stray mark at an end; its fix is the field's line without the marks."""
    names = [name for name, _ in named]
    one = not isinstance(mapping.get(key), list)
    where = "in the credit line" if key == "sources" else "on a page of its own"
    for name, line in named:
        said = stray_warning(key, label, name, names, one, where)
        if said is not None:
            return [warning(source, line, said[0], said[1] + mapping.spans(key))]
    return []


_NAMES = {",": "comma", ";": "semicolon", "/": "slash", "&": "'&'"}
