"""A field of one group typed in another (tester 3, L15: `image:` `credit: Reuters`, whose
words vanished): the warning, and a fix that, followed literally, is valid YAML in the
group as it is written (indented block, or one-line `{...}`: prober4 M4)."""

from __future__ import annotations

from typing import Any

from generator.load.content import Mapping
from generator.load.yaml_lines import yaml_value
from generator.load.yaml_lists import double_quoted, written

# (group, field) -> the field's group and name where it is read.
IN_ANOTHER_GROUP = {
    **dict.fromkeys(
        [("image.", k) for k in ("credit", "credits", "photographer", "copyright", "byline")],
        ("credits", "image"),
    ),
    ("credits.", "caption"): ("image", "caption"),
    ("credits.", "alt"): ("image", "alt"),
}


def _inline(value: Any, flow: bool = False) -> str:
    """`value` as a fix writes it after `key: ` (in a `{...}` mapping when `flow`: quoted,
    as a comma there would end it)."""
    if isinstance(value, str):
        return double_quoted(value) if flow else yaml_value(value)
    if isinstance(value, list):
        return "[" + ", ".join(written(str(v)) for v in value) + "]"
    return "..."


def _flow_with(there: Mapping, name: str, value: Any) -> str:
    """The one-line `{...}` group with `name` set to `value` (added, or in place)."""
    if name not in there:
        inner = there.typed.strip()[1:-1].strip()
        return "{" + inner + ", " * bool(inner) + f"{name}: {_inline(value, True)}" + "}"
    items = {**there, name: value}
    return "{" + ", ".join(f"{k}: {_inline(v, True)}" for k, v in items.items()) + "}"


def in_another_group(prefix: str, key: str, value: Any, front: Mapping) -> tuple[str, str] | None:
    """(message, fix) for a field typed in the wrong group (`image:` `credit: Reuters`);
    when the group has that field already, the fix says to keep one."""
    group, name = IN_ANOTHER_GROUP.get((prefix, key.casefold()), ("", ""))
    if not group:
        return None
    message = (
        f"unknown field {prefix + key!r} is ignored: it is written in '{group}:', as "
        f"'{group}.{name}'"
    )
    there = front.get(group)
    if not isinstance(there, Mapping):
        return (
            message,
            f"move it to the '{group}:' group: '{group}:' then '  {name}: {_inline(value)}'",
        )
    at = front.line_of(group)
    if there.typed:  # `credits: {author: A}`: the line rewritten, braces and all
        line = f"'{group}: {_flow_with(there, name, value)}'"
    else:  # the group's lines: indented as its keys are
        indent = min((ind for _, ind in there.ends.values()), default=2) or 2
        line = f"'{' ' * indent}{name}: {_inline(value)}'"
    if name in there:
        now = there.line_of(name)
        return (
            f"{message}, which is set already: {_inline(there[name])} on line {now}",
            f"keep one: delete this line, or delete it and write {line} in place of line "
            f"{at if there.typed else now}",
        )
    if there.typed:
        return message, f"move it into '{group}:': write {line} in place of line {at}"
    return message, f"move it under '{group}:' (line {at}) as {line}"
