"""The commonest YAML mistakes in front matter, named in plain words with the corrected line.

PyYAML's own messages ("mapping values are not allowed here") need a programmer to
decode; these say what an editor typed wrong and show the line as it should be.
"""

from __future__ import annotations

import re

import yaml

from generator.diagnostics import Diagnostic, error
from generator.load import fields
from generator.load.yaml_lines import deeper, group_of, missing_colon, one_value
from generator.load.yaml_lists import (
    FIELD_LINE,
    LIST_FIELDS,
    colon_value,
    double_quoted,
    list_slip,
    unclosed_bracket,
    written,
)
from generator.load.yaml_quotes import after_quote, quoted_item, quoted_items, special_name

# Characters YAML gives a meaning at the start of a value, and what it reads there.
_STARTS = {
    "[": "the start of a list",
    "{": "the start of a set of fields",
    "*": "a reference to another value",
    "&": "a name for the value",
    "!": "a type tag",
    "@": "a reserved character",
    "`": "a reserved character",
    "%": "the start of a directive",
}
# Two characters YAML gives a meaning at the start of a value: a dash or a question mark
# followed by a space (or nothing) start a list item and a field name.
_STARTS_SPACED = {"-": "the start of a list item", "?": "the start of a field name"}
_KEY_LINE = re.compile(r"^( *)[^\s#'\"-][^:#]*:(?:[ \t]|$)")


def explain_yaml_mistake(
    text: str, index: int, problem: str, column: int = -1, first_line: int = 1
) -> tuple[str, str] | None:
    """(message, fix) in plain words for the commonest YAML mistakes, or None.

    `index` and `column` are the 0-based position in `text` where the parser stopped.
    Recognised: a value containing ': ' (a headline such as `title: Breaking: storm`), a
    field indented deeper than the one above it, a Tab used to indent, and a value that
    starts with a quote mark and goes on after the closing quote, and a value starting with
    a character YAML reads specially (`title: [Breaking] news`). The fix shows the
    corrected line. `first_line` is the file line of `text`'s first line, for messages
    that name another line.
    """
    lines = text.split("\n")
    if not 0 <= index < len(lines):
        return None
    raw = lines[index]
    if "'\\t'" in problem or (
        raw[: len(raw) - len(raw.lstrip())].count("\t") and "cannot start any token" in problem
    ):
        return _tab(raw, lines[:index])
    found = FIELD_LINE.match(raw)
    if found is None or found.group("key")[:1] in "[{&*!@`%":  # `[Live] Desk: ...`
        named = special_name(raw)
        if named is not None or found is None:
            return named or (
                quoted_item(raw) if problem.startswith("expected <block end>") else None
            )
    lead, key, value = found.group("lead"), found.group("key"), found.group("value")
    key_colon = len(lead) + len(key)
    if problem.startswith("expected <block end>, but found '<block mapping start>'"):
        return _misaligned(lines, index, key, first_line)  # whatever the value starts with
    if (
        problem.startswith("mapping values are not allowed")
        and column == key_colon
        and index
        and indent_of(raw) > indent_of(lines[index - 1])
    ):
        return deeper(key, raw, lines[index - 1])
    if problem.startswith("mapping values are not allowed") and value[:1] not in ("'", '"'):
        return colon_value(lead, key, value, fields.under(key) if not lead.strip() else ())
    if (empty := _empty_item(lead, key, value)) is not None:  # `tags: [a,,b]`
        return empty
    if (empty := _empty_item_below(lines, index, lead, key, value, first_line)) is not None:
        return empty
    if value[:1] == "!":  # `title: !! Alert`: a tag YAML cannot read
        return tag_mistake(raw, raw.find(value, key_colon), quotable=True)
    if value[:1] in _STARTS:  # the parser stopped on this line: the character is why
        return _special_start(lead, key, value)
    if value[:1] in _STARTS_SPACED and value[1:2] in ("", " ", "\t"):
        return _spaced_start(lead, key, value)
    if problem.startswith("expected <block end>") and value[:1] not in ("'", '"'):
        return _misaligned(lines, index, key, first_line)
    if problem.startswith("expected <block end>") and value[:1] in ("'", '"'):
        return after_quote(lead, key, value)
    return None


def _empty_item(lead: str, key: str, value: str) -> tuple[str, str] | None:
    """(message, fix) for a one-line list with an empty item (`tags: [a,,b]`, `[a, , b]`,
    `[Floods, , ]`): two commas with nothing between them, which YAML cannot read; the fix
    is the list without it, with an empty pair of quotes beside it left out too (`[ , "",
    Economy]` -> `[Economy]`, tester 3, M2). None for any other value."""
    if not (value.startswith("[") and value.endswith("]")):
        return None
    inner = value[1:-1] + ","
    found = list(_QUOTED_OR_PLAIN.finditer(inner))
    if sum(len(m[0]) for m in found) != len(inner) or re.search(r"[\[\]{}]", inner):
        return None  # a quote inside an item, or a list in the list: not read here
    items = [m[1] for m in found]
    if items and not items[-1]:
        items.pop()  # `[a, b, ]`: YAML allows one comma after the last item
    empty = [n for n, item in enumerate(items, start=1) if not item]
    quotes = [n for n, item in enumerate(items, start=1) if item in ('""', "''")]
    if not empty:
        return None
    kept = ", ".join(item for n, item in enumerate(items, 1) if item and n not in quotes)
    which = " and ".join(str(n) for n in empty)
    many = len(empty) > 1
    plural = len(quotes) > 1
    also = f"; item{'s' * plural} {' and '.join(map(str, quotes))} {'are' if plural else 'is'}"
    also = f"{also} empty quotes" * bool(quotes)
    return (
        f"{key}: item{'s' * many} {which} {'are' if many else 'is'} empty (a comma with "
        f"nothing before it){also}, so YAML cannot read the list",
        f"remove the extra comma{'s' * many}{' and the empty quotes' * bool(quotes)}: "
        f"{lead}{key}: [{kept}]",
    )


def _empty_item_below(
    lines: list[str], index: int, lead: str, key: str, value: str, first_line: int
) -> tuple[str, str] | None:
    """`_empty_item` for a list opened on line `index` and closed on a line below it
    (`tags: [Economy, ,` then `  Trade]`): the fix is the list on one line, in place of
    the lines it spans."""
    if not value.startswith("[") or "]" in value:
        return None
    joined, end = value, index
    while end + 1 < len(lines) and "]" not in joined:
        end += 1
        if indent_of(lines[end]) <= len(lead) or not lines[end].strip():
            return None  # the next field, or a blank line: the list is never closed
        joined += " " + lines[end].strip()
    found = _empty_item(lead, key, joined) if joined.endswith("]") else None
    if found is None:
        return None
    spans = f" (in place of lines {index + first_line}-{end + first_line}, the whole list)"
    return found[0], found[1] + spans


# One item of a one-line list and its comma: in double quotes, in single quotes, or plain.
_QUOTED_OR_PLAIN = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|(?:[^,'"\s][^,]*?)?)\s*,""")


def _tab(raw: str, above: list[str]) -> tuple[str, str]:
    """(message, fix) for a line indented with a Tab (or a Tab after its list dash): the
    line with spaces, indented as the line above (`above`) lets it be read: deeper than a
    field whose value is below it (`tags:`), else as deep as that line."""
    stripped = re.sub(r"^-[ \t]+", "- ", raw.lstrip(" \t"))
    indent = raw[: len(raw) - len(raw.lstrip(" \t"))].replace("\t", "  ")
    last = next((a for a in reversed(above) if a.strip() and a.strip()[0] != "#"), "")
    depth = len(last) - len(last.lstrip(" "))
    if last.rstrip().endswith(":") and len(indent) <= depth:
        indent = " " * (depth + 2)
    elif last and not last.rstrip().endswith(":") and not stripped.startswith("- "):
        indent = " " * depth
    return (
        "this line is indented with a Tab; YAML only accepts spaces for indentation",
        f"indent with spaces instead: '{indent}{stripped}'",
    )


# A tag as written before a value: `!`, `!!float`, `!foo`, `!<tag:yaml.org,2002:int>`,
# after the value's label (`&a`) when it has one.
_WRITTEN_TAG = re.compile(r"(?:&[^\s\[\]{},]+[ \t]+)?(?P<tag>!<[^>]*>|![^\s\[\]{},]*)")


def tag_mistake(line: str, column: int, quotable: bool, end: int = -1) -> tuple[str, str]:
    """(message, fix) for a value on `line` written after a YAML tag (`title: !!float 5`).

    YAML reads the tag as an instruction to convert the value (to a number, true/false,
    "no value", a date...), never as text; newsdigest reads every value as the text
    typed, so a tag is refused. `column` is where the value (with its tag) starts, `end`
    where it ends on the line (-1: at the end); `quotable` says whether quoting the value
    keeps it one value (a plain one-line value), for the fix "put it in quotes"."""
    found = _WRITTEN_TAG.match(line, column)
    tag = found.group("tag") if found else "!"
    start, stop = found.span("tag") if found else (column, column + 1)
    field = FIELD_LINE.match(line)
    if field is None:
        what = "a list item" if line.lstrip().startswith("-") else "a value"
    elif column == field.start("key"):  # `!!str title: x`
        what = "the field name"
    elif column == field.start("value"):
        what = f"the value of '{field.group('key')}:'"
    else:
        what = f"an item of '{field.group('key')}:'"
    message = (
        f"{what} starts with '{tag}', which YAML reads as a type tag (an instruction to "
        "convert the value), not as text"
    )
    deleted = (line[:start] + line[stop:].lstrip(" \t")).strip()
    fix = f"delete '{tag}': {deleted}"
    if quotable:
        end = len(line.rstrip(" \t")) if end < 0 else end
        quoted = line[:column] + double_quoted(line[column:end]) + line[end:]
        if not line[stop:end].strip() and line[:column].rstrip().endswith(("[", ",", "{")):
            # a list item that is the tag alone (`tags: [a, !b]`): deleting it leaves nothing
            return message, f"put the whole value in quotes: {quoted.strip()}"
        fix = (
            "if the '!' is part of the text, put the whole value in quotes: "
            f"{quoted.strip()}; otherwise {fix}"
        )
    return message, fix


def _special_start(lead: str, key: str, value: str) -> tuple[str, str]:
    """(message, fix) for a value starting with a character YAML reads specially; a
    one-line list of names is fixed as a list (`tags: [a, b]]`, `["Rao"s view", b]`),
    never in quotes."""
    listed = quoted_items(lead, key, value) or list_slip(lead, key, value)
    return listed or (
        f"the value of '{key}:' starts with {value[0]!r}, which YAML reads as "
        f"{_STARTS[value[0]]}, so it cannot read the rest of the line",
        f"put the whole value in quotes: {lead}{key}: {double_quoted(value)}",
    )


def _spaced_start(lead: str, key: str, value: str) -> tuple[str, str]:
    """(message, fix) for a value starting with '- ' or '? ' on the line of its field."""
    mark = value[0]
    fix = f"put the whole value in quotes: {lead}{key}: {double_quoted(value)}"
    item = value[1:].strip()
    if mark == "-" and key in LIST_FIELDS and item:  # a list: never one text in quotes
        joins = r"\s*(?:,|;|&|\band\b)\s*" if key in ("author", "authors") else r"\s*,\s*"
        names = [written(n) for n in re.split(joins, item) if n.strip()]  # `- Climate, Floods`
        fix = f"write the list in brackets: {lead}{key}: [{', '.join(names)}]"
    elif mark == "-" and key in ("language", "country") and item:  # one value: no list
        fix = f"write it without the '- ': {lead}{key}: {one_value(key, item)}"
    elif mark == "-":
        fix += f" (for a list, put each item on a line of its own below: '{lead}  - {item}')"
    return (
        f"the value of '{key}:' starts with '{mark} ', which YAML reads as "
        f"{_STARTS_SPACED[mark]}, so it cannot read the rest of the line",
        fix,
    )


def indent_of(line: str) -> int:
    """How many spaces `line` is indented by."""
    return len(line) - len(line.lstrip(" "))


def _misaligned(lines: list[str], index: int, key: str, first_line: int) -> tuple[str, str]:
    """(message, fix) for a field indented by a depth no field above it has: named with the
    field above it that it was most likely meant to line up with (`author:` indented four
    spaces, `sources:` two), and the ways to line them up."""
    raw = lines[index]
    depth = indent_of(raw)
    keyed = [
        (n, len(m.group(1))) for n, line in enumerate(lines[:index]) if (m := _KEY_LINE.match(line))
    ]
    above = next(((n, d) for n, d in reversed(keyed) if d > depth), None)
    parent = next((d for _, d in reversed(keyed) if d < depth), None)
    reasons = "YAML reads which field a line belongs to from how far it is indented"
    if above is None and group_of(key.strip()) is not None and parent == 0:
        return deeper(key, raw, "")  # `  author:` under a list: 'credits:' is missing
    if above is None:
        return (
            f"'{key}:' is not lined up with the fields above it; {reasons}",
            f"indent it as far as the field it goes with: '{raw.lstrip()}'",
        )
    number, wanted = above
    other = lines[number].strip().split(":", 1)[0]
    fix = f"indent it as far as '{other}:' ({wanted} spaces): '{' ' * wanted}{raw.lstrip()}'"
    even = (parent or 0) + 2
    if parent is not None and even != wanted:
        fix += (
            f", or indent both by {even} spaces: '{' ' * even}{lines[number].lstrip()}' "
            f"and '{' ' * even}{raw.lstrip()}'"
        )
    group = next((lines[n].split(":", 1)[0] for n, d in reversed(keyed) if d == 0), "")
    inside = key in _GROUP_FIELDS or key in fields.under(group.strip())  # credits.image
    if parent is not None and parent == 0 and depth > 0 and not inside:
        fix += f", or '{raw.lstrip()}' at the start of the line for a field of its own"
    return (
        f"'{key}:' is not lined up with '{other}:' above it "
        f"(line {number + first_line}); {reasons}",
        fix,
    )


# Fields that are only read inside a group (credits:, image:, corrections:).
_GROUP_FIELDS = frozenset({"author", "sources", "src", "alt", "caption", "focus", "text"})


def unclosed_quote(text: str, index: int) -> tuple[str, str] | None:
    """(message, fix) for a value on line `index` (0-based) that opens a quote and never
    closes it (`title: "Storm hits coast`), or None when that line is not such a value."""
    lines = text.split("\n")
    found = FIELD_LINE.match(lines[index]) if 0 <= index < len(lines) else None
    if found is None or found.group("value")[:1] not in ("'", '"', "["):
        return None
    lead, key, value = found.group("lead"), found.group("key"), found.group("value")
    if value[0] == "[":  # `tags: [Newsroom, "Harbour]`
        return list_slip(lead, key, value)
    mark = value[0]
    return (
        f"the value of '{key}:' opens a quote mark ({mark}) that is never closed",
        f"end the value with the same quote mark: {lead}{key}: {value}{mark}",
    )


def marked_error(exc: yaml.MarkedYAMLError, text: str, first_line: int, source: str) -> Diagnostic:
    """One Diagnostic for a YAML syntax error, in plain words where the mistake is known."""
    trailing = _trailing_tab(exc, text, first_line, source)
    if trailing is not None:
        return trailing
    colon = missing_colon(exc, text, source.endswith("authors.yaml"))
    if colon is not None:
        return error(source, colon[0] + first_line, *colon[1:])
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else first_line
    problem = exc.problem or "invalid YAML"
    opened = exc.context_mark
    if opened is not None and (exc.context or "").startswith("while scanning a quoted scalar"):
        # The parser stops at the end of the file; the mistake is where the quote opened.
        found = unclosed_quote(text, opened.line)
        if found is not None:
            return error(source, opened.line + first_line, *found)
    plain = explain_yaml_mistake(
        text, mark.line if mark else -1, problem, mark.column if mark else -1, first_line
    )
    if plain is not None:
        return error(source, line, *plain)
    tagged = _tagged_item(text, mark.line if mark else -1)
    if tagged is not None:
        return error(source, tagged[0] + first_line, *tagged[1:])
    unclosed = unclosed_bracket(exc, text, first_line, source.endswith("authors.yaml"))
    if unclosed is not None:
        return error(source, unclosed[0] + first_line, *unclosed[1:])
    return error(
        source,
        line,
        f"front matter is not valid YAML: {problem}",
        "check indentation, and quote values that contain ': ' or start with [ { * & ! | >",
    )


_TRAILING = re.compile(r"[ \t]*\t[ \t]*$", re.MULTILINE)


def _trailing_tab(
    exc: yaml.MarkedYAMLError, text: str, first_line: int, source: str
) -> Diagnostic | None:
    """For PyYAML stopping on a Tab at the end of a line (`country: Norway<Tab>`, pasted
    from a spreadsheet; libyaml reads it): the mistake found with the line ends' Tabs
    left out (a Tab-indented line below is named on its own line), or, when there is no
    other, the Tab itself. None when PyYAML stopped elsewhere."""
    mark = exc.problem_mark
    lines = text.split("\n")
    if mark is None or "'\\t'" not in (exc.problem or "") or not 0 <= mark.line < len(lines):
        return None
    raw = lines[mark.line]
    if raw[mark.column :].strip(" \t"):
        return None
    cleaned = _TRAILING.sub("", text)
    try:
        yaml.compose(cleaned, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as other:
        return marked_error(other, cleaned, first_line, source)
    except yaml.YAMLError:
        pass
    return error(
        source,
        mark.line + first_line,
        "this line ends with a Tab, which YAML cannot read after the value",
        "delete the Tab at the end of the line: '" + raw.rstrip(" \t") + "'",
    )


_TAGGED_ITEM = re.compile(r"[\[,{][ \t]*(!)")


def _tagged_item(text: str, index: int) -> tuple[int, str, str] | None:
    """(line index, message, fix) for a list item starting with '!' on line `index` or
    above (`tags: [a, !b]`: YAML reads "!b]" as a tag and the list never closes)."""
    lines = text.split("\n")
    for number in range(min(index, len(lines) - 1), -1, -1):
        found = _TAGGED_ITEM.search(lines[number])
        if found is not None:
            line, column = lines[number], found.start(1)
            ends = [i for i in (line.find(c, column) for c in ",]}") if i >= 0]
            return (number, *tag_mistake(line, column, True, min(ends, default=-1)))
    return None
