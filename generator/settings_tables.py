"""A setting written as a table: a `[table]` header, or a dotted key (`site.id = ...`,
which TOML reads as the table `site`), as a Problem whose fix, followed literally, deletes
only what was written as that table."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from generator.settings_errors import Problem, toml_value
from generator.settings_lines import line_of, setting_lines


def problem(
    key: str, value: Any, known: list[str], written: Collection[str], file: Path | None
) -> Problem | None:
    """The Problem of setting `key` when its `value` is a table (a dict, or a list of them
    for `[[key]]`), else None. A dotted key's fix names its own lines only, and the
    setting it is a typo of (`site.id` -> `site_id`); a `[table]`'s fix deletes the table."""
    if not isinstance(value, dict) and not (
        isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
    ):
        return None
    lines = _dotted_lines(file, key) if file is not None and isinstance(value, dict) else []
    if not lines or not isinstance(value, dict):
        return Problem(
            key,
            f"unknown setting {key!r} (a table, [{key}])",
            "delete the table: this line and the lines under it, up to the next [table] "
            "or the end of the file (newsdigest's settings hold no tables: README, Settings)",
        )
    leaves = list(_leaves(key, value))
    names = ", ".join(repr(name) for name, _ in leaves)
    what = (
        f"unknown setting{'s' * (len(leaves) > 1)} {names} (a dot in a setting's name "
        f"makes it a table, '{key}'; newsdigest's settings are written with '_')"
    )
    if len(leaves) > 1 or len(lines) > 1:
        listed = ", ".join(str(n) for n in lines)
        return Problem(key, what, f"delete lines {listed} (each one setting, not a [table])")
    name, leaf = leaves[0]
    close = difflib.get_close_matches(
        name.replace(".", "_").replace("-", "_").lower(), known, n=1, cutoff=0.75
    )
    if close and close[0] in written and file is not None:
        return Problem(
            key,
            what,
            f"did you mean {close[0]!r}? It is set on line {line_of(file, close[0])} already: "
            f"delete this line only, or delete that one and write here: "
            f"{close[0]} = {toml_value(leaf)}",
        )
    if close:
        return Problem(
            key,
            what,
            f"did you mean {close[0]!r}? write, in place of this line only: "
            f"{close[0]} = {toml_value(leaf)}",
        )
    return Problem(
        key,
        what,
        f"delete this line only (it is one setting, not a [table]), or use one of the known "
        f"settings: {', '.join(known)} (README: Settings)",
    )


def _dotted_lines(file: Path, key: str) -> list[int]:
    """The lines of `file` that set `key` with a dotted key (`site.id = ...`); [] when
    `key` is written as a [table] header (or not found)."""
    try:
        text = file.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return []
    found = [number for number, written in setting_lines(file) if written == key]
    if any(text[n - 1].lstrip().startswith("[") for n in found):
        return []
    return found


def _leaves(prefix: str, value: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """('site.id', 'o.org,2025') for each value under the dotted key's table."""
    for name, inner in value.items():
        if isinstance(inner, dict):
            yield from _leaves(f"{prefix}.{name}", inner)
        else:
            yield f"{prefix}.{name}", inner
