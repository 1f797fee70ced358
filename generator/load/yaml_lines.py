"""A line of front matter (or authors.yaml) YAML cannot place: one missing its colon
(`country India`), or a group's field whose group line is missing (`  author:` with no
`credits:` above it). Read by load/yaml_mistakes.py, which names the other mistakes."""

from __future__ import annotations

import yaml

from generator.load import fields

_NAMES = frozenset(f.name.rpartition(".")[2] for f in fields.FIELDS) | {
    "slug",
    "bio",
    "url",
    "fediverse",
    "image",
    "type",  # authors.yaml's (load/authors.py)
}


def missing_colon(
    exc: yaml.MarkedYAMLError, text: str, registry: bool
) -> tuple[int, str, str] | None:
    """(0-based line, message, fix) for a line of words with no ':' among fields
    (`country India`, `Carla Gomez` in authors.yaml, `  author Asha Rao` under
    `credits:`): PyYAML names the line after it, or the next field's. The fix puts the
    colon after a field's name (`country: India`), else at the end (`Carla Gomez:`: a
    byline of authors.yaml when `registry`). None for other mistakes."""
    lines, problem = text.split("\n"), exc.problem or ""
    at = -1
    if exc.context == "while scanning a simple key" and problem.startswith("could not find"):
        at = exc.context_mark.line if exc.context_mark is not None else -1
    elif problem.startswith("mapping values are not allowed") and exc.problem_mark is not None:
        here = exc.problem_mark.line
        above = lines[here - 1] if 0 < here < len(lines) else ""
        if above.strip() and ":" not in above and _indent(above) == _indent(lines[here]):
            at = here - 1
    raw = lines[at] if 0 <= at < len(lines) else ""
    words = raw.strip()
    if not words or ":" in words or words[:1] in "-#[{'\"":
        return None
    lead = raw[: len(raw) - len(raw.lstrip())]
    name, _, rest = words.partition(" ")
    if name.lower() in _NAMES and rest.strip():
        fixed = f"{lead}{name}: {rest.strip()}"
    elif registry and not lead:
        fixed = f"{words}:"
    else:
        fixed = f"{lead}{name}: {rest.strip()}" if rest.strip() else f"{lead}{words}:"
    return (
        at,
        (f"'{words}' has no ':', so YAML cannot read this line as a field"),
        f"write the line with a colon after the name: '{fixed}'",
    )


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
