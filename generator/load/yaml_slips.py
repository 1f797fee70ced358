"""Typing slips in front matter that YAML reads as something else, named on their own line.

Read from the lines as typed, before YAML: `title:Storm` (no space after the colon: YAML
reads the whole line as text, and blames the line after it), `tags: #Climate #Floods` and
`tags: [#Climate]` (a value that starts with `#` is a comment: the value would be dropped
without a word), `- #Climate` and `-Floods` in a list (an item of a list of names, such
as `- credits:x` under `tags:`, is text with a colon in it, as YAML reads it), and a
value, list item or name wrapped in typographic quotes (`tags: [“Climate”]`,
`author: ‘Asha Rao’`, pasted from a word processor: YAML reads only straight quotes as
quotes, so the curly ones would be published as part of the name, and make a topic or
byline page of their own). Each is an error on the line that has it, whose fix shows
the line as it should be.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import yaml

from generator.diagnostics import Diagnostic, error
from generator.load import fields
from generator.load.held_back import means_draft
from generator.load.yaml_lists import LISTS, closing, double_quoted
from generator.load.yaml_mistakes import indent_of

KNOWN = fields.LINE_NAMES  # every field name newsdigest reads, at the top or in a group
_KNOWN_NAMES = tuple(sorted(KNOWN))  # means_draft's closest match: `draf:` -> `draft`
DEEPER = "is indented more than the item above it"  # `_deeper_item`'s slip

_ANY = re.compile(
    r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*:(?:[^\s]|[ \t]+#)|^[ \t]*-(?:[ \t]+#|[^\s-])"
    r"|[\[,][ \t]*#|[“”„‘’‚«»‹›]|^(?P<d>[ \t]*)-[ \t].*\n(?:[ \t]*\n)*(?P=d)[ \t]+-[ \t]",
    re.MULTILINE,
)
_LINE = re.compile(
    r"^(?P<lead>[ \t]*(?P<dash>-[ \t]+)?)(?P<key>[A-Za-z_][\w-]*):"
    r"(?P<gap>[ \t]*)(?P<value>.*?)[ \t]*$"
)
_BLOCK_SCALAR = re.compile(r"^[|>][0-9+-]*(?:[ \t]+#.*)?$")
# Typographic quote marks, as word processors type them in English, German, French...
OPENING = "“”„‘’‚«»‹›"
CLOSING = "”“’‘»«›‹"
_NAMES = {
    "“": "“ (left double quote)",
    "”": "” (right double quote)",
    "„": "„ (low double quote)",
    "‘": "‘ (left single quote)",
    "’": "’ (right single quote)",
    "‚": "‚ (low single quote)",
    "«": "« (left guillemet)",
    "»": "» (right guillemet)",
    "‹": "‹ (left single guillemet)",
    "›": "› (right single guillemet)",
    '"': '" (straight double quote)',
    "'": "' (straight single quote)",
}
_CURLY_KEY = re.compile(rf"^(?P<lead>[ \t]*)(?P<key>[{OPENING}][^:]*[{CLOSING}]):(?=[ \t]|$)")
_DASH = re.compile(r"^(?P<lead>[ \t]*)-(?P<gap>[ \t]*)(?P<value>.*?)[ \t]*$")


def _lines(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    """(index, line, line before it) for each of `lines` that YAML could read as a field or
    a list item: lines inside a block value (`summary: |`) and the lines that go on a plain
    value written over several lines are left out, as they are the value's text."""
    inside = -1  # the depth of the field whose text the following deeper lines are
    before = ""
    for index, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if inside >= 0 and indent_of(line) > inside:
            continue
        inside = -1
        yield index, line, before
        before = line
        found = _LINE.match(line)
        if found is None:
            continue
        if _goes_on(found.group("gap"), found.group("value")):
            inside = len(found.group("lead"))  # the column of the field name


def _goes_on(gap: str, value: str) -> bool:
    """Whether a field's value goes on over the deeper lines below it: a block value
    (`|`, `>`), a plain value (text after the space), a quote or bracket not closed."""
    if _BLOCK_SCALAR.match(value) or not value:
        return bool(value)
    if value[0] in "'\"":
        return len(value) == 1 or not value.endswith(value[0])
    if value[0] in "[{":
        return "]}"["[{".index(value[0])] not in value
    return bool(gap) and value[0] not in "#&*!|>"


def typing_slips(text: str, first_line: int, source: str) -> list[Diagnostic]:
    """An error for each typing slip YAML would read as something else (module docstring)."""
    if _ANY.search(text) is None:
        return []
    lines = text.split("\n")
    found: list[Diagnostic] = []
    moved = ("", "")  # the last deeper item as typed, and as its fix writes it
    for index, line, before in _lines(lines):
        typed, before = before, moved[1] if before == moved[0] else before
        slip = _slip(line, before, lines, index)
        if slip is not None and DEEPER in slip[0]:
            items = _list_items(text)  # read once a file (the last text is kept)
            if items is not None and not _joined(items, typed, line):
                continue  # the text of a value (a summary), or not read as one item
            moved = (line, before[: len(before) - len(before.lstrip())] + line.lstrip())
        if slip is not None:
            found.append(error(source, index + first_line, *slip))
    return found


@functools.lru_cache(maxsize=1)
def _list_items(text: str) -> list[str] | None:
    """Every text YAML reads as an item of a list in `text`; None when YAML cannot read
    it (a note after the item above ends it, and the deeper item is then YAML's error)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    found: list[str] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            found.extend(v for v in value if isinstance(v, str))
            stack.extend(value)
    return found


def _joined(items: list[str], before: str, line: str) -> bool:
    """Whether YAML made one list item of the item on `before` and the deeper `line`
    ('Newsroom - Harbour'): only then is the deeper line the slip `_deeper_item` names."""
    above, item = _DASH.match(before), _DASH.match(line)
    if above is None or item is None:
        return False
    first = above.group("value").split(" #")[0].strip()
    second = item.group("value").split(" #")[0].strip()
    joined = re.compile(rf"{re.escape(first)}\s+- {re.escape(second)}")  # a blank line: \n
    return any(joined.search(text) for text in items)


def _slip(line: str, before: str, lines: list[str], index: int) -> tuple[str, str] | None:
    field = _LINE.match(line)
    named = _CURLY_KEY.match(line)
    if named is not None:  # a byline of authors.yaml: `“Asha Rao”:`
        key = named.group("key")
        found = _curly("the name", key, "")
        return (found[0], f"write it without them: {key[1:-1].strip()}:") if found else None
    if field is None:
        return _list_item(line, before)
    lead, key, value = field.group("lead"), field.group("key"), field.group("value")
    if not field.group("gap") and value and not value.startswith("//"):
        if field.group("dash") and (key not in KNOWN or _list_of(lines, index) in LISTS):
            return None  # `- Climate:Floods`, `- credits:x` in tags: an item with a colon in it
        meant = key.casefold() if key.casefold() in KNOWN else key  # `Title:Storm`
        meant = "draft" if means_draft(key, _KNOWN_NAMES) else meant  # `Draft:true`, `drafts:true`
        return (
            f"'{key}:' needs a space after the colon; without it YAML reads the whole line "
            f"as text, not as a field{f' (and the field is {meant!r})' * (meant != key)}",
            _spaced(lead, meant, value),
        )
    if value.startswith("#") and key in KNOWN and not _has_nested(lines, index):
        return _comment_value(lead, key, value)
    if value.startswith("["):
        return _comment_item(lead, key, value) or _curly_items(lead, key, value)
    return _curly(f"{key}:", value, f"{lead}{key}: ")


def _list_of(lines: list[str], index: int) -> str | None:
    """The field whose list the item on `lines[index]` is in (`tags` for `- a` below
    `tags:`, at its depth or deeper), or None when it is in none."""
    depth = indent_of(lines[index])
    for line in reversed(lines[:index]):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if indent_of(line) > depth or (indent_of(line) == depth and line.lstrip()[:1] == "-"):
            continue
        field = _LINE.match(line)
        if field is None or field.group("dash"):
            return None
        return field.group("key")
    return None


def _spaced(lead: str, key: str, value: str) -> str:
    """The fix for `key:value`: the line with its space, and the value in the quotes (or
    the list with the items unwrapped) it then needs, so that following it is final."""
    if value.startswith("["):
        found = _comment_item(lead, key, value) or _curly_items(lead, key, value)
        return found[1] if found else f"{lead}{key}: {value}"
    if curly_wrapped(value):
        value = value[1:-1].strip()
    elif value[:1] in "\"'" and len(value) > 1 and value.endswith(value[0]):
        return f"{lead}{key}: {value}"  # quoted already
    plain = not _needs_quotes(value) or (
        _NOT_NEEDED.match(value) is not None and ": " not in value and " #" not in value
    )
    return f"{lead}{key}: {value if plain else double_quoted(value)}"


# Plain values YAML reads as typed although they hold a mark: a web address, a time.
_NOT_NEEDED = re.compile(r"^[\w./@+~-][^\s#]*$")


def curly_wrapped(value: str) -> bool:
    """Whether `value` as a whole is wrapped in typographic quotes (“Climate”, ‘Asha’,
    „Klima“, « Climat »), or in a straight and a typographic one ("Storm”, “Storm"), with
    no typographic mark inside: quotes inside a headline (The “new” normal) are the
    editor's text, and so are typographic quotes inside straight ones ("“Quoted”")."""
    inner = value[1:-1]
    first, last = value[:1], value[-1:]
    return (
        len(value) > 2
        and first in OPENING + "\"'"
        and last in CLOSING + "\"'"
        and (first in OPENING or last in CLOSING)
        and not any(c in inner for c in OPENING + CLOSING)
        and not (first in "\"'" and first in inner)
        and not (last in "\"'" and last in inner)
    )


def _curly(where: str, value: str, written: str) -> tuple[str, str] | None:
    """(message, fix) for a value (or list item) wrapped in typographic quotes."""
    if not curly_wrapped(value):
        return None
    inner = value[1:-1].strip()
    line = f"{written.strip()} {double_quoted(inner)}"
    if _needs_quotes(inner):  # it needs the straight quotes: one line to offer
        return (
            f"{where} {_wrapped(value)}",
            f'write it with straight quotes ("), as it holds a character YAML reads: {line}',
        )
    return (
        f"{where} {_wrapped(value)}",
        f'write it without them, or with straight quotes ("): {written.strip()} {inner} or {line}',
    )


def _wrapped(value: str) -> str:
    """'“Storm”' is wrapped in ...: the marks named, and why they are wrong."""
    marks = " and ".join(dict.fromkeys(_NAMES[c] for c in (value[0], value[-1])))
    if value[0] in "\"'" or value[-1] in "\"'":
        return (
            f"'{value}' is wrapped in a straight and a typographic quote mark, {marks}, which "
            "YAML does not read as a pair: the typographic one would be published as part of it"
        )
    return (
        f"'{value}' is wrapped in typographic quotes, {marks}, which YAML does not "
        "read as quotes: they would be published as part of it"
    )


def _needs_quotes(text: str) -> bool:
    return any(c in text for c in ":#[]{},&*!|>'\"%@`") or text[:1] in "-?"


def flow_items(inside: str) -> list[tuple[str, bool]]:
    """The items of a one-line flow list's inside (`Floods, "“Quoted”", „Klima“`), each
    as typed and whether it is in straight quotes that YAML reads as quotes (closed,
    then followed by `,` or the end)."""
    items: list[tuple[str, bool]] = []
    at = 0
    while at <= len(inside):
        start = at + len(inside[at:]) - len(inside[at:].lstrip())
        mark = inside[start : start + 1]
        if mark in ('"', "'"):
            end = closing(inside, start, mark)
            if end > 0 and inside[end + 1 :].lstrip()[:1] in ("", ","):
                comma = inside.find(",", end + 1)
                items.append((inside[start : end + 1], True))
                at = len(inside) + 1 if comma < 0 else comma + 1
                continue
        comma = inside.find(",", start)
        stop = len(inside) if comma < 0 else comma
        items.append((inside[start:stop].strip(), False))
        at = stop + 1
    return items


def _curly_items(lead: str, key: str, value: str) -> tuple[str, str] | None:
    """`tags: [Floods, “Climate”, „Klima“]`: each item wrapped in typographic quotes (or in
    a straight and a typographic one), whatever its neighbours, unwrapped in the fix."""
    close = value.rfind("]")
    if close < 0 or value[close + 1 :].strip()[:1] not in ("", "#"):
        return None
    items = flow_items(value[1:close])
    wrapped = [i for i, quoted in items if not quoted and curly_wrapped(i)]
    if not wrapped:
        return None

    def written(quote: bool) -> str:
        out = []
        for item, quoted in items:
            inner = item[1:-1].strip()
            if quoted or not curly_wrapped(item):
                out.append(item)
            else:
                out.append(double_quoted(inner) if quote or _needs_quotes(inner) else inner)
        return ", ".join(i for i in out if i)

    message = f"{key}: " + "; ".join(_wrapped(i) for i in wrapped)
    plain, quoted = f"{lead}{key}: [{written(False)}]", f"{key}: [{written(True)}]"
    return message, f'write it without them, or with straight quotes ("): {plain} or {quoted}'


def _has_nested(lines: list[str], index: int) -> bool:
    """Whether the field on `lines[index]` has its value on the lines below (`credits:  # who`)."""
    after = (lines[n] for n in range(index + 1, len(lines)))
    following = next((a for a in after if a.strip() and not a.lstrip().startswith("#")), "")
    depth, below = indent_of(lines[index]), indent_of(following)
    return bool(following) and (below > depth or following.lstrip().startswith("- "))


# What true and false do, as booleans.py says it (that module reads what YAML read).
_TRUE_FALSE = {
    "draft": ("to keep it off the site", "to publish it"),
    "featured": ("to make it the lead story of its day", "for a story that is not"),
}


def _comment_value(lead: str, key: str, value: str) -> tuple[str, str]:
    message = (
        f"{key}: '{value}' after the colon is read as a comment (YAML's '#'), so {key} "
        "would be empty"
    )
    if key in ("draft", "featured"):  # a note after no value: quoted, it is no true/false
        yes, no = _TRUE_FALSE[key]
        return message, (
            f"write '{lead}{key}: true  {value}' {yes}; delete the line (or write "
            f"'{key}: false  {value}') {no}"
        )
    words = value.split()
    if key in LISTS and all(w.startswith("#") and len(w) > 1 for w in words):
        quoted = ", ".join(double_quoted(w) for w in words)
        plain = ", ".join(w.lstrip("#") for w in words)
        return message, f"{lead}{key}: [{quoted}] or {lead.strip()}{key}: [{plain}]"
    if key in LISTS:
        return message, f"put it in quotes: {lead}{key}: [{double_quoted(value)}]"
    return message, f"put the whole value in quotes: {lead}{key}: {double_quoted(value)}"


def _comment_item(lead: str, key: str, value: str) -> tuple[str, str] | None:
    """`tags: [#Climate, Floods]`: after '[' or ',' a '#' starts a comment, and the list
    is never closed."""
    if any(q in value for q in "'\""):
        return None
    close = value.find("]")
    items = [i.strip() for i in (value[1:close] if close > 0 else value[1:]).split(",")]
    items = [i for i in items if i.lstrip("#").strip()]  # an empty item: left out of the fix
    hashed = [i for i in items if i.startswith("#")]
    if not hashed:
        return None
    quoted = ", ".join(double_quoted(i) if i.startswith("#") else i for i in items)
    plain = ", ".join(i.lstrip("#").strip() for i in items)
    return (
        f"{key}: '{hashed[0]}' in the list is read as a comment (YAML's '#'), so the rest "
        "of the line is lost and the list is never closed",
        f"{lead}{key}: [{quoted}] or {lead.strip()}{key}: [{plain}]",
    )


def _list_item(line: str, before: str) -> tuple[str, str] | None:
    """`- #Climate` (a comment, so the item is empty) and `-Floods` under `- Climate`."""
    item = _DASH.match(line)
    if item is None or not item.group("value"):
        return None
    lead, value = item.group("lead"), item.group("value")
    if item.group("gap") and curly_wrapped(value):
        return _curly("the list item", value, "- ")
    if item.group("gap") and value.startswith("#"):
        return (
            f"the list item '{value}' is read as a comment (YAML's '#'), so the item would "
            "be empty",
            f"put it in quotes: - {double_quoted(value)}, or leave out the '#': "
            f"- {value.lstrip('#').strip()}",
        )
    above = _DASH.match(before)
    deeper = _deeper_item(line, before)
    if deeper is not None:
        return deeper
    if (
        not item.group("gap")
        and above is not None
        and above.group("gap")
        and len(above.group("lead")) == len(lead)
    ):
        return (
            f"'-{value}' needs a space after the dash to be an item of the list above",
            f"{lead}- {value}",
        )
    return None


def _deeper_item(line: str, before: str) -> tuple[str, str] | None:
    """`- Harbour` one space deeper than `- Newsroom` above it: YAML reads it as the rest
    of the plain item above (one topic 'Newsroom - Harbour'), without a word."""
    item, above = _DASH.match(line), _DASH.match(before)
    if item is None or above is None or not item.group("gap") or not above.group("gap"):
        return None
    value, text = item.group("value"), above.group("value")
    if len(item.group("lead")) <= len(above.group("lead")) or not text:
        return None
    if text[0] in "'\"[{|>&*!#":
        return None  # quoted, or a list or block of its own
    text = text.split(" #")[0].strip()  # without the note after it
    return (
        f"'- {value}' {DEEPER}, so YAML reads it as part of '{text}'",
        f"indent it like the item above: {above.group('lead')}- {value}",
    )
