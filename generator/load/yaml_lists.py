"""Slips in a one-line list that YAML cannot read, named with the list as it was meant.

A list field (tags, sources, aliases, a byline's author or authors) holds names, so the
fix for such a list is never the whole value in quotes: that makes it text, whose "tags
must be a list" would lead back to the slip. It says what to remove, join, close or
quote, with the corrected line: `tags: [Newsroom, Harbour]]` -> `tags: [Newsroom,
Harbour]`, `tags: [Climate, Floods] [Rain]` -> `tags: [Climate, Floods, Rain]`, a stray
mark after the list (`[a, b].`, `[a, b)`) left out, an item YAML reads specially quoted
alone (`tags: [Newsroom, *NSYNC]` -> `tags: [Newsroom, "*NSYNC"]`), and a quote opened in
the list and never closed (`tags: [Newsroom, "Harbour]`) -> `tags: [Newsroom,
"Harbour"]`. Quoted items are kept as typed, and a note after the list (`  # the desks`)
stays a note after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, error

# Fields read as a list of names (a value of hashtags is read as its items), and the
# fields whose value may be a one-line list of names: those and the bylines.
LISTS = frozenset({"tags", "sources", "aliases"})
LIST_FIELDS = LISTS | {"author", "authors"}
_NOTE = re.compile(r"[ \t]+#")
# A field and its value on one line (in a list item: after its dash).
FIELD_LINE = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[^\s:#'\"][^:#]*?):[ \t]+(?P<value>.*?)[ \t]*$"
)


def double_quoted(value: str) -> str:
    """`value` as a YAML double-quoted scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


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


@dataclass
class _Typed:
    """A one-line list as typed: its items (quoted ones as typed), where the first list
    closes (-1: never), a quote never closed (-1: none), what is outside the lists, and
    a note after them (with the spaces before it)."""

    items: list[str] = field(default_factory=list)
    close: int = -1
    quote: int = -1
    lists: int = 0
    extra: str = ""  # `]` after the list
    marks: str = ""  # other marks outside the lists (`.`, `;`, `)`)
    note: str = ""


def _parse(value: str) -> _Typed:
    """`value` (starting with `[`) read as the editor meant it (the class docstring):
    `[`, `]` and `,` end an item; text between lists is an item when it has a letter or
    digit (`[a] b`), otherwise a stray mark (`[a].`)."""
    typed, depth, buf, at = _Typed(), 0, "", 0

    def flush() -> None:
        text = buf.strip() if depth else buf.strip().lstrip(", ")
        if depth or any(c.isalnum() for c in text):
            typed.items += [text] if text else []
        else:
            typed.marks += "".join(buf.split())

    while at < len(value):
        mark = value[at]
        if mark == "#" and (at == 0 or value[at - 1] in " \t"):
            typed.note = value[len(value[:at].rstrip(" \t")) :]
            break
        if depth and mark in "\"'" and not buf.strip():
            end = closing(value, at, mark)
            if end < 0:
                typed.quote = at
                return typed
            buf, at = value[at : end + 1], end + 1
            continue
        if mark in "[],":
            flush()
            buf = ""
        if mark == "[":
            typed.lists += not depth
            depth += 1
        elif mark == "]" and depth:
            depth -= 1
            typed.close = at if not depth and typed.close < 0 else typed.close
        elif mark == "]":
            typed.extra += mark
        elif mark != "," or not depth:  # a comma after a list is a stray mark (`[a],`)
            buf += mark
        at += 1
    flush()
    return typed


def written(item: str) -> str:
    """An item as it is written in a one-line list: as typed when YAML reads it so (or it
    is quoted already), else in double quotes (`*NSYNC`, `@asha`, `a, b`, `null`, `[Wire]`,
    `PTI: Delhi`). A word YAML 1.1 reads as true or a number (`yes`, `5`) is text here."""
    if len(item) > 1 and item[0] in "\"'" and item[-1] == item[0]:
        return item
    try:
        read = yaml.safe_load(f"[{item}]")
    except (yaml.YAMLError, ValueError):  # ValueError: a date that is none (2025-02-30)
        return double_quoted(item)
    if not isinstance(read, list) or len(read) != 1:
        return double_quoted(item)
    if read[0] is None or isinstance(read[0], (list, dict)):
        return double_quoted(item)  # `null`, `[Wire]`, `{x}`, `Agency: PTI`: not text
    return double_quoted(item) if isinstance(read[0], str) and read[0] != item else item


def _line(lead: str, key: str, typed: _Typed) -> str:
    listed = ", ".join(written(i) for i in typed.items)
    return f"{lead}{key}: [{listed}]{typed.note}"


def list_slip(lead: str, key: str, value: str) -> tuple[str, str] | None:
    """(message, fix) for a one-line list YAML cannot read (module docstring), or None."""
    if not value.startswith("["):
        return None
    typed = _parse(value)
    if typed.quote >= 0:
        return _open_quote(lead, key, value, typed.quote)
    if key not in LIST_FIELDS:
        return None
    if typed.close < 0:
        return _unclosed_special(lead, key, value, typed)
    listed, fixed = value[: typed.close + 1], _line(lead, key, typed)
    if typed.marks:
        how = "write one list with every item, without" if typed.lists > 1 else "remove"
        return (
            f"{key}: the list {listed} is followed by {typed.marks!r}, which YAML cannot read "
            "after it",
            f"{how} {typed.marks!r}: {fixed}",
        )
    if typed.lists > 1 or len(typed.items) > len(_parse(listed).items):
        rest = value[typed.close + 1 : len(value) - len(typed.note)].strip()
        return (
            f"{key}: the list {listed} is closed before {rest!r}, which YAML cannot read after it",
            f"write one list with every item: {fixed}",
        )
    if typed.extra:
        return (
            f"{key}: the list {listed} is followed by {typed.extra!r}, one ']' too many, so "
            "YAML cannot read the line",
            f"remove {typed.extra!r} after the list: {fixed}",
        )
    return _special_items(key, typed, fixed)


def _special_items(key: str, typed: _Typed, fixed: str) -> tuple[str, str] | None:
    """`tags: [Newsroom, *NSYNC]`: the items YAML reads specially, each quoted alone."""
    odd = [i for i in typed.items if written(i) != i]
    if not odd:
        return None
    named = ", ".join(repr(i) for i in odd)
    return (
        f"{key}: YAML cannot read the item{'s' * (len(odd) > 1)} {named} in the list as typed "
        "(YAML reads an item that starts with @, *, `, % or | specially)",
        f"put {'each' if len(odd) > 1 else 'it'} in quotes, not the whole list: {fixed}",
    )


def _unclosed_special(lead: str, key: str, value: str, typed: _Typed) -> tuple[str, str] | None:
    """`tags: [Newsroom, @asha`: never closed (`typed`: `value` parsed), with an item YAML
    reads specially."""
    odd = [i for i in typed.items if written(i) != i]
    if not odd:
        return None
    how, fixed = unclosed_list_fix(lead, key, value) or ("", "")
    return (
        f"{key}: the list is never closed, and YAML cannot read {', '.join(map(repr, odd))} "
        "in it as typed (YAML reads an item that starts with @, *, `, % or | specially)",
        f"{how or 'close it with ]'} and put {'each' if len(odd) > 1 else 'it'} in quotes, "
        f"not the whole list: {fixed}",
    )


def _open_quote(lead: str, key: str, value: str, quote: int) -> tuple[str, str]:
    """`tags: [Newsroom, "Harbour]`: the quote is closed after the item in the fix, and a
    note after the list (`  # the desk`) stays a note after it."""
    mark, body = value[quote], value[quote + 1 :].rstrip()
    found = _NOTE.search(body)
    note = body[found.start() :] if found else ""
    body = body[: len(body) - len(note)].rstrip().removesuffix("]").rstrip()
    name = body.split(",")[0].strip()
    return (
        f"{key}: the quote mark ({mark}) opened before '{name}' is never closed, so YAML "
        "reads the lines after it as part of that item",
        f"close it after the item: {lead}{key}: {value[:quote]}{mark}{body}{mark}]{note}",
    )


def unclosed_list_fix(lead: str, key: str, value: str) -> tuple[str, str] | None:
    """(how, the corrected line) for a list field's one-line list never closed (`tags:
    [a, b`, `tags: [a, b)`: how is '' for "add ] at the end"; `tags: [` alone: write the
    items, or `tags: []` for none), or None for another field (whose `[` may be part of a
    value)."""
    if key not in LIST_FIELDS:
        return None
    typed = _parse(value)
    if not typed.items:
        return f"write its {key} and ] on that line, separated by commas, or for none", (
            _line(lead, key, typed)
        )
    last = typed.items[-1] if typed.items else ""
    if last.endswith(")") and last.count(")") > last.count("("):
        typed.items[-1] = last[:-1].rstrip()
        return "close it with ']', not ')'", _line(lead, key, typed)
    return "", _line(lead, key, typed)


def open_flow(text: str) -> tuple[yaml.Mark, str] | None:
    """Where the last `[` or `{` left open in `text` was typed, and "sequence" or
    "mapping", or None when every one is closed (PyYAML names the end of the text for
    `tags: [` with nothing after it, not the line of the `[`)."""
    opened: list[tuple[yaml.Mark, str]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                kind = "sequence" if isinstance(token, yaml.FlowSequenceStartToken) else "mapping"
                opened.append((token.start_mark, kind))
            elif opened and isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken):
                opened.pop()
    except yaml.YAMLError:
        pass  # (the scanner stops where PyYAML's parser does, or earlier: what is open so far)
    return opened[-1] if opened else None


_FLOWS = {"sequence": ("[", "]", "list"), "mapping": ("{", "}", "set of fields")}


def unclosed_bracket(
    exc: yaml.MarkedYAMLError, text: str, first_line: int, registry: bool = False
) -> tuple[int, str, str] | None:
    """(line index, message, fix) for a list opened with `[` (or fields with `{`) that is
    never closed, named at the line where it opened (PyYAML's context mark, or for one
    left open at the end of the text, `tags: [`, where yaml_lists.py's `open_flow` finds
    it), not where the parser gave up (`title: [broken` then `date: ...` fails on the date
    line); None for other mistakes. In authors.yaml (`registry`) a byline's value is its
    fields, never a list or text: `Ben Li: [` is told to write 'Ben Li:' alone."""
    opened, kind = exc.context_mark, (exc.context or "").removeprefix("while parsing a flow ")
    problem = exc.problem or ""
    if kind == "node" and problem.endswith("'<stream end>'"):
        opened, kind = open_flow(text) or (None, "")
    elif not problem.startswith("expected ','"):
        return None
    if opened is None or kind not in _FLOWS:
        return None
    bracket, closer, noun = _FLOWS[kind]
    number = opened.line + first_line
    lines = text.split("\n")
    end = exc.problem_mark.line - 1 if exc.problem_mark is not None else opened.line
    while end > opened.line and not lines[min(end, len(lines) - 1)].strip():
        end -= 1  # the list's last line: the one before the parser gave up, blanks left out
    fix = f"add {closer} at the end of line {max(end, opened.line) + first_line}"
    found = FIELD_LINE.match(lines[opened.line]) if opened.line < len(lines) else None
    if found is not None and found.group("value").startswith(bracket):
        lead, key, value = found.group("lead"), found.group("key"), found.group("value")
        quoted = list_slip(lead, key, value)  # `tags: [a, 'b]`: the quote took the `]`
        if quoted is not None:
            return opened.line, *quoted
        if registry and not lead:
            return (
                opened.line,
                f"the {noun} opened with {bracket} on line {number} is never closed, and "
                f"the byline '{key}' holds fields, not a {noun}",
                f"write '{key}:' alone, or its fields indented under it",
            )
        one_line = end <= opened.line and bracket == "["
        listed = unclosed_list_fix(lead, key, value) if one_line else None
        if listed is not None:
            return (
                opened.line,
                f"the {noun} opened with {bracket} on line {number} is never closed",
                (f"{listed[0] or fix}: {listed[1]}"),
            )
        if value == bracket and key not in LIST_FIELDS:  # `bio: [`: `bio: []` is no text
            fix = f"write the {key} after '{key}:' on line {number}"
        fix += (
            f", or put the {key} in quotes if the {bracket} is part of it: "
            f"{lead}{key}: {double_quoted(value)}"
        )
    return opened.line, f"the {noun} opened with {bracket} on line {number} is never closed", fix


def text_list(text: str, every: bool = True) -> list[str] | None:
    """The items, as written in a one-line list, of a list typed as text (`"[a, b]]"` in
    quotes, `(a, b)`, `a, b`); with `every` False, None unless `text` is wrapped in
    brackets or parentheses with a comma inside (a byline or a source is text, and such a
    text only when it names several: `"[agencies]"` is published as typed)."""
    text = text.strip()
    wrapped = text[:1] + text[-1:] in ("[]", "()") and "," in text
    if not every and not wrapped:
        return None
    if text.startswith("["):
        return [written(i) for i in _parse(text).items]
    if text[:1] + text[-1:] == "()":
        text = text[1:-1]
    return [written(i.strip()) for i in text.split(",") if i.strip()]


def duplicate_errors(
    source: str, duplicates: list[tuple[str, int, int]], data: Any = None
) -> list[Diagnostic]:
    """An error for each field given more than once (key, first line, next line) in
    `data` (the front matter read: its mappings keep the last value, `shadowed` the
    others), on its second line. For a list of names (`tags: Weather` then `tags:
    Floods`) the fix is one line with the items of every one."""
    chains: list[tuple[str, list[int]]] = []  # a key's lines in one mapping, in order
    for key, first, second in duplicates:
        chain = next((c for k, c in chains if k == key and c[-1] == first), None)
        if chain is None:
            chains.append((key, [first, second]))
        else:
            chain.append(second)
    found = []
    for key, lines in chains:
        names = _both_lists(key, lines[1], data) if key in LIST_FIELDS else None
        count = len(lines)
        said = (
            f"given twice (first on line {lines[0]})"
            if count == 2
            else f"given {count} times (on lines {', '.join(map(str, lines[:-1]))} and {lines[-1]})"
        )
        all_, others = ("both", "other") if count == 2 else (f"all {count}", "others")
        found.append(
            error(
                source,
                lines[1],
                f"{key}: {said}; only one value is allowed",
                f"write one '{key}:' line with the items of {all_}, and delete the {others}: "
                f"{key}: [{', '.join(names)}]"
                if names
                else f"delete one of the two '{key}:' lines"
                if count == 2
                else f"keep one of the {count} '{key}:' lines and delete the others",
            )
        )
    return found


def _both_lists(key: str, second: int, data: Any) -> list[str] | None:
    """The names of every value of `key` (one of them on line `second`) in `data` or a set
    of fields in it, in order and once each; None when any is not names. A key typed three
    times (`tags:` on lines 7, 8 and 9) gives the names of all three to each repeat."""
    for mapping in (data, *(data.values() if isinstance(data, dict) else ())):
        lines = getattr(mapping, "lines", None) if isinstance(mapping, dict) else None
        if not isinstance(lines, dict) or key not in lines:
            continue
        shadowed = getattr(mapping, "shadowed", ())
        typed = [(line, value) for name, value, line in shadowed if name == key]
        typed.append((lines[key], mapping[key]))
        if second not in (line for line, _ in typed):
            continue
        names: list[str] = []
        for _, value in sorted(typed, key=lambda pair: pair[0]):
            items = text_list(value) if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                return None
            names += [item for item in items if item not in names]
        return names or None
    return None


def _in_flow(name: str) -> str:
    """`name` as an item of a one-line list: in quotes when it holds ': ', which would make
    the item a field (`[Floods, "Rain: update"]`)."""
    return double_quoted(name) if ": " in name or name.endswith(":") else written(name)


def colon_value(lead: str, key: str, value: str, inner: tuple[str, ...]) -> tuple[str, str]:
    """(message, fix) for a value holding ': ' that YAML reads as another field: a field
    of a group typed on the group's line (`credits: author: Asha Rao`, `inner` the group's
    fields) goes on the line below it; a list of names gets the list (one name in quotes,
    or the words on both sides as names: `tags: [Weather, Floods]`); else the quoted value."""
    message = (
        f"the value of '{key}:' contains ': ' (a colon and a space), which YAML reads as the "
        "start of another field"
        if ": " in value.rstrip()
        else f"the value of '{key}:' ends with ':' (a colon at the end of the line), which "
        "YAML reads as the start of another field"
    )
    field, _, rest = value.partition(": ")
    if field.strip() in inner:
        return (
            f"'{field.strip()}:' is a field inside '{key}:', typed on its line: YAML cannot "
            "read two fields on one line",
            f"write '{lead}{key}:' on its own line, then '{lead}  {field.strip()}: "
            f"{rest.strip()}' indented below it",
        )
    noun = "topic" if key == "tags" else "name" if key == "sources" else "address"
    commas = [part.strip() for part in value.split(",") if part.strip()]
    if key in LISTS and len(commas) > 1:  # `tags: Floods, Rain: update`: commas first
        return message, (
            f"write {lead}{key}: [{', '.join(map(_in_flow, commas))}] for {len(commas)} "
            f"{noun}s (a comma separates them), or {lead}{key}: [{double_quoted(value)}] "
            f"for one {noun}"
        )
    if key in LISTS:
        names = [part.strip() for part in value.split(": ") if part.strip()]
        return message, (
            f"write {lead}{key}: [{double_quoted(value)}] for one {noun}, or "
            f"{lead}{key}: [{', '.join(map(written, names))}] for {len(names)} {noun}s: a "
            "comma separates them"
        )
    return message, f"put the whole value in quotes: {lead}{key}: {double_quoted(value)}"
