"""A line of front matter (or authors.yaml) YAML cannot place: one missing its colon
(`country India`), or a group's field whose group line is missing (`  author:` with no
`credits:` above it). Read by load/yaml_mistakes.py, which names the other mistakes.
And the fixes that write an indented field's line, said with its spaces (`indented_fixes`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from generator.diagnostics import Diagnostic
from generator.load import fields
from generator.load.yaml_lists import LISTS, double_quoted, written

# A field's name (its last part: `author`) or a byline's in authors.yaml (`bio`).
_NAMES = frozenset(f.name.rpartition(".")[2] for f in fields.FIELDS) | set(fields.AUTHOR_FIELDS)


def missing_colon(
    exc: yaml.MarkedYAMLError, text: str, registry: bool
) -> tuple[int, str, str] | None:
    """(0-based line, message, fix) for a line of words with no ':' among fields
    (`country India`, `Carla Gomez` in authors.yaml, `  author Asha Rao` under
    `credits:`), the first line's too (`Carla Gomez` then its fields indented below it,
    which YAML reads as one text): PyYAML names the line after it, or the next field's.
    The fix puts the colon after a field's name (`country: India`), else at the end
    (`Carla Gomez:`: a byline of authors.yaml when `registry`). None for other mistakes."""
    lines, problem = text.split("\n"), exc.problem or ""
    at = -1
    if exc.context == "while scanning a simple key" and problem.startswith("could not find"):
        at = exc.context_mark.line if exc.context_mark is not None else -1
    elif problem.startswith("mapping values are not allowed") and exc.problem_mark is not None:
        here = exc.problem_mark.line
        above = lines[here - 1] if 0 < here < len(lines) else ""
        level = _indent(above) == _indent(lines[here]) or _indent(above) == 0 < _indent(lines[here])
        if above.strip() and ":" not in above and level:
            at = here - 1
    elif problem.startswith("expected '<document start>'") and exc.problem_mark is not None:
        at = exc.problem_mark.line - 1  # the first line's words, then fields: `title #1 story`
    raw = lines[at] if 0 <= at < len(lines) else ""
    words = raw.strip()
    name, _, rest = words.partition(" ")
    if not words or ":" in name or words[:1] in "-#[{'\"":
        return None
    lead, rest = raw[: len(raw) - len(raw.lstrip())], rest.strip()
    message = f"'{words}' has no ':', so YAML cannot read this line as a field"
    if name.lower() == "country" and rest and (several := _countries(lines, at, lead, rest)):
        return at, message, several
    head, note, after = rest.partition(" #")
    if name.lower() == "country" and note and " " in head.strip():  # `United Kingdom # desk`
        return (
            at,
            message,
            (
                f"write the line with a colon after the name: '{lead}country: {head.strip()}', "
                f"and the note on a line of its own above it: '{lead}#{after}'"
            ),
        )
    if name.lower() in _NAMES and rest:
        fixed = _as_meant(name.lower(), rest)
        line = f"{lead}{name}: {fixed}"
        shown = line if "'" in line else f"'{line}'"
        dated = _as_date(f"{lead}{name}", rest) if name.lower() in ("date", "updated") else ""
        refused = _refused(name.lower(), rest)
        if refused:  # `language English`, `slug Flood Relief`: the value's own fix too
            dated = f"write the line with a colon after the name, and {refused[0]}: {refused[1]}"
        return at, message, dated or f"write the line with a colon after the name: {shown}"
    if ":" in words:
        return None
    if registry and not lead:
        return at, message, f"write the line with a colon after the name: '{words}:'"
    if not rest:
        return at, message, f"write the line with a colon after the name: '{lead}{words}:'"
    return (
        at,
        f"'{words}' is not a field: a field is a name and a colon ('title: ...')",
        _not_a_field(lines, at),
    )


def _as_meant(name: str, value: str) -> str:
    """The YAML for `value` typed after field `name` with no colon: a list for a field of
    names (`tags Floods, Rain` -> `[Floods, Rain]`), a note after a one-word value set
    apart (`slug my-story # old` -> `my-story  # old`), else yaml_value."""
    head, note, after = value.partition(" #")
    spoken = after[:1] in ("", " ") and not set(after) & set("\"'")  # not `#Rain`, a hashtag
    if name in LISTS | {"country"} and note and head.strip() and spoken:
        return f"{_as_meant(name, head.strip())}  #{after}"  # `tags Floods, Rain # main`
    if name in LISTS and value[:1] == "[" and yaml_value(value) != value:  # `[Floods, Rain`
        return listed(value.strip("[]"))
    if name in LISTS and value[:1] != "[":
        return listed(value)
    if name in _ONE_WORD and note and head.strip() and " " not in head.strip():
        return f"{head.strip()}  #{after}"
    return yaml_value(value)


def listed(value: str) -> str:
    """`value`, the names of a list field typed without brackets, as a one-line list:
    split at the commas outside quotes, a quoted name kept as typed (`Floods, "Rain:
    update"` -> `[Floods, "Rain: update"]`); a value all in one pair of quotes is its words
    (`"Floods, Rain"` -> `[Floods, Rain]`, as `tags: "Floods, Rain"`'s fix gives)."""
    try:
        read = yaml.safe_load(f"k: {value}")
    except yaml.YAMLError:
        read = None
    if value[:1] in "\"'" and isinstance(read, dict) and isinstance(read.get("k"), str):
        value = read["k"]
    parts: list[str] = []
    part, quote = "", ""
    for char in value:
        if char in ",;" and not quote:  # `Floods; Rain`: two topics, as `tags:`'s fix
            parts, part = [*parts, part], ""
            continue
        if char in "\"'" and (not quote or char == quote):
            quote = "" if quote else char if not part.strip() else ""
        part += char
    names = [p.strip() for p in [*parts, part] if p.strip()]
    return "[" + ", ".join(map(_name, names)) + "]"


def _name(typed: str) -> str:
    """A name as `written` gives it, in quotes when a list would read it as a field
    (`Rain: update`)."""
    shown = written(typed)
    try:
        read = yaml.safe_load(f"[{shown}]")
    except yaml.YAMLError:
        read = None
    field = isinstance(read, list) and read[:1] and isinstance(read[0], dict)
    return double_quoted(typed) if field else shown


def _refused(name: str, value: str) -> tuple[str, str] | None:
    """(message, fix) for a language or a slug value its field refuses, else None."""
    from generator.languages import tag_problem
    from generator.load import slugs

    value = value.partition(" #")[0].strip().strip("\"'")
    if name == "language" and value:
        return tag_problem(value)
    if name == "slug" and value and not slugs.is_safe(value):
        safe = slugs.make(value) or "my-story"
        return f"slug {value!r} cannot be used in a URL", f"write slug: {safe}"
    return None


def _as_date(key: str, value: str) -> str:
    """The fix for `date VALUE` when VALUE is no date newsdigest reads (`date 30 Nov 2026
    9:30 PM IST`): the colon, and the date's own fix; else ''."""
    from generator.load.dates import date_hint, parse_datetime  # dates imports checker

    if not isinstance(parse_datetime(value, ZoneInfo("UTC")), str):
        return ""
    return (
        f"write the line as '{key}: DATE', with a colon after the name and the date as "
        f"newsdigest reads it: {date_hint(value)}"
    )


def _countries(lines: list[str], at: int, lead: str, value: str) -> str | None:
    """The fix for `country India, Pakistan` (no colon, several countries): the country
    list's (load/country_hints.py), with the story's other topics; None for one country."""
    from generator.load.countries import lookup
    from generator.load.country_hints import several, unknown  # they import this module

    value = value.partition(" #")[0].strip() or value  # a note after the countries
    fixed = [*lines[:at], f"{lead}country: {yaml_value(value)}", *lines[at + 1 :]]
    try:
        front = yaml.safe_load("\n".join(fixed))
    except yaml.YAMLError:
        front = None
    front = front if isinstance(front, dict) else {"country": value}
    said = several(front.get("country"), front.get("tags"))
    if said is None and isinstance(front.get("country"), str) and not lookup(value):
        known = unknown(value)  # `country Indai`: did you mean 'India'?
        return (
            "write the line with a colon after the name, and a country newsdigest knows: "
            f"{known[0]}; {known[1]}"
        )
    if said is None:
        return None
    return f"a story has one country, and the field needs a colon after its name: {said[1]}"


_ONE_WORD = frozenset(
    {"url", "slug", "src", "id", "fediverse", "language", "type", "draft", "featured"}
)


def field_line(key: str, value: str) -> str:
    """`key: value` in quotes as a fix prints it, the value quoted when YAML would not read
    it as typed (`summary: "@handle said it"`, `title: "#1 story"`, `summary: "A: b"`)."""
    line = key + ": " + yaml_value(value)
    return line if "'" in line else f"'{line}'"


def one_value(key: str, item: str) -> str:
    """An item typed as a list of one (`language: - ur`, `[Urdu]`) as the fix of a field
    of one value writes it: a language by its tag when the item names it ('Urdu' -> 'ur',
    'Français' -> 'fr', 'cn' -> 'zh'), never a guess from spelling; quoted where YAML
    needs it."""
    if key == "language":
        from generator.languages import suggest, tag_problem

        guess = suggest(item, exact=True) if tag_problem(item) is not None else None
        item = guess if guess and tag_problem(guess) is None else item
    return yaml_value(item)


def yaml_value(value: str) -> str:
    """`value` as YAML reads it back exactly: as typed when it is a plain text YAML reads
    whole, else double-quoted."""
    try:
        node = yaml.compose(f"k: {value}", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        node = None
    if node is not None and isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        found = node.value[0][1]
        if isinstance(found, yaml.ScalarNode) and found.style is None and found.value == value:
            return value
        whole = found.end_mark.index == len(f"k: {value}")
        if isinstance(found, yaml.ScalarNode) and found.style in ("'", '"') and whole:
            return value  # typed in quotes already: `summary 'Quoted: value'`
        if isinstance(found, yaml.SequenceNode) and found.flow_style and whole:
            return value  # a one-line list: `tags [Rain]`
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _not_a_field(lines: list[str], at: int) -> str:
    """The fix for a line of words among the fields whose first word names no field:
    text of the story typed above the closing '---', or a value's second line."""
    fix = "if it is text of the story, move it below the closing '---' line"
    above = lines[at - 1] if at else ""
    key, colon, value = above.partition(": ")
    value = value.strip()
    if colon and key.strip() and value and value[:1] not in "[{'\"|>&*!":
        joined = f"{value} {lines[at].strip()}"
        fix += (
            f"; if it goes on the value of '{key.strip()}:' above, write both lines as one: "
            f"{field_line(key, joined)}"
        )
    return fix


def group_of(key: str) -> str | None:
    """The group a field belongs in when it is no top-level field ('author' -> 'credits')."""
    groups = {f.name.split(".")[0] for f in fields.FIELDS if f.name.endswith(f".{key}")}
    return groups.pop() if len(groups) == 1 and key not in fields.top_level() else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def deeper(key: str, raw: str, above: str) -> tuple[str, str]:
    """(message, fix) for field `key` on line `raw`, indented deeper than the line `above`:
    a group's field whose group line is missing (`  author:` under `country:`, no
    `credits:`) gets that line to add; another, to line it up with the field above."""
    indent = above[: len(above) - len(above.lstrip(" -"))]
    group = group_of(key.strip()) if not indent else None
    if group is not None:  # `credits:` left out above `  author: ...`
        return (
            f"'{key.strip()}:' is a field of '{group}:', and no '{group}:' line is above "
            "it: YAML reads it as part of the line above's value",
            f"add the line '{group}:' above it, with '{key.strip()}:' and the other fields "
            f"of {group} indented below it",
        )
    return (
        f"'{key}:' is indented deeper than the line above it, so YAML reads it as "
        "part of that line's value",
        f"line it up with the field above: '{indent}{raw.lstrip()}'",
    )


def key_slip(key: str, value: Any, known: Iterable[str], lead: str = "") -> tuple[str, str] | None:
    """(message, fix) for a field whose colon is missing after its name, read as an
    unknown field named with the value's first words (`summary Floods: what next` is the
    field 'summary Floods'): the fix is the line with the colon after the name and the
    whole value, quoted as YAML needs (`summary: "Floods: what next"`). None when the
    name's first word is no field of `known` or the value is no text."""
    name, _, words = key.partition(" ")
    if not words.strip() or name not in known or not isinstance(value, str | None):
        return None
    typed = f"{key}: {value}" if value else f"{key}:"
    whole = f"{words.strip()}: {value}" if value else f"{words.strip()}:"
    line = field_line(lead + name, whole)
    if name in LISTS:  # `tags Floods, "Rain: update"`: the list, never one text
        line = f"{lead}{name}: {listed(whole)}"
        line = line if "'" in line else f"'{line}'"
    return (
        f"'{typed}' has no ':' after '{name}', so YAML reads '{key}' as the field's name "
        f"and the {name} is not published",
        f"write the line with a colon after the name: {line}",
    )


def value_slip(
    lines: list[str], line: int, value: Any, known: Iterable[str]
) -> tuple[int, str, str] | None:
    """(1-based line, message, fix) for a group's only field written without its colon,
    read as the group's text (authors.yaml's `Dev Patel:` and `  slug dev-patel` under
    it); `line` is the group's line. None when the text does not start with a field name."""
    if not isinstance(value, str) or value.partition(" ")[0] not in known:
        return None
    for at in range(line - 1, min(line + 3, len(lines))):
        raw = lines[at]
        found = raw.strip() == value or raw.rstrip().endswith(": " + value)
        if found and " " in value:
            lead = raw[: len(raw) - len(raw.lstrip())] if raw.strip() == value else "  "
            name, _, rest = value.partition(" ")
            return (
                at + 1,
                f"'{value}' has no ':', so YAML reads it as the text of the line above, "
                "not as a field",
                f"write the line with a colon after the name: {field_line(lead + name, rest)}"
                + ("" if raw.strip() == value else ", on a line of its own below"),
            )
    return None


_INDENTED = re.compile(r"(?P<lead> +)(?P<key>[^\s:#'\"\[{-][^:#]*?):(?:[ \t]|$)")


def indented_lines(text: str, first_line: int) -> dict[int, tuple[int, str]]:
    """File line -> (spaces before it, key) of each indented field's line of `text` (front
    matter whose first line is file line `first_line`); none of a list's item."""
    found = (_INDENTED.match(line) for line in text.split("\n"))
    return {i + first_line: (len(f["lead"]), f["key"]) for i, f in enumerate(found) if f}


def indented_keys(front: dict[str, Any]) -> dict[int, tuple[int, str]]:
    """`indented_lines` of front matter as read (load.content.Mapping: each key's line and
    indent), from its groups (`credits:`, `image:`); none of a list's item."""
    found: dict[int, tuple[int, str]] = {}
    todo = [front]
    while todo:
        group = todo.pop()
        lines: dict[str, int] = getattr(group, "lines", {})
        for key, (_, indent) in getattr(group, "ends", {}).items():
            if indent and key in lines:
                found[lines[key]] = (indent, key)
        todo += [v for v in group.values() if isinstance(v, dict)]
    return found


def indented_fixes(
    problems: list[Diagnostic], indented: dict[int, tuple[int, str]]
) -> list[Diagnostic]:
    """`problems`, each fix that writes the line of an indented field (`  alt: ...` under
    `image:`, `  image: ...` under `credits:`; `indented`: `indented_lines`) written from
    its name, followed by ' (with the 2 spaces before 'alt:')': shown at the left edge
    alone, pasted there it would be a field of its own, credits' `image:` replacing the
    picture's (prober5 P14). A fix that says its spaces already is left as it is."""
    placed = []
    for problem in problems:
        spaces, key = indented.get(problem.line, (0, ""))
        hint = problem.hint
        if not spaces or not hint or "space" in hint or "indent" in hint:
            placed.append(problem)
            continue
        hint = hint.replace(f": {' ' * spaces}{key}:", f": {key}:")  # as typed, spaces first
        if re.search(rf"(?<![\w.'-]){re.escape(key)}:", hint):
            hint += f" (with the {spaces} space{'s' * (spaces > 1)} before '{key}:')"
        placed.append(dataclasses.replace(problem, hint=hint))
    return placed


def inline(value: Any) -> str:
    """`value` as a fix writes it after `key: `, so that YAML reads it back as it is."""
    if isinstance(value, str):
        return yaml_value(value)
    if isinstance(value, list):
        return "[" + ", ".join(written(str(v)) for v in value) + "]"
    return "..."


# Fields whose text is a code, never words in brackets: `language: [ur]` means `ur`.
_CODES = frozenset({"language", "slug", "id", "translation_key"})


def quoted_hint(key: str, value: Any) -> str:
    """For a value typed as `[Live]` or `{Live}` on its line: the line with it quoted; for
    a code (_CODES), which brackets never belong to, the item without them (`language: ur`)."""
    typed = getattr(value, "typed", "")
    if not typed:
        return ""
    items = [str(v) for v in value] if isinstance(value, list | dict) else []
    inner = list(value.values()) if isinstance(value, dict) else value
    quoted = f"put the whole value in quotes: {key}: {double_quoted(typed)}"
    if key not in _CODES and len(items) > 1 and isinstance(value, list):  # image: [AP, AFP]
        plain = yaml_value(", ".join(items))  # tester T9: quoted, the brackets are published
        return f"remove the brackets: {key}: {plain}; or, if they are part of the text, {quoted}"
    if key not in _CODES or not items or isinstance(inner[0], list | dict | bool):
        return quoted
    if len(items) > 1:  # `language: [en, ur]`
        return f"a story has one {key}: write one, without brackets: {key}: {inline(items[0])}"
    return f"remove the brackets: {key}: {one_value(key, items[0])}"
