"""Where each setting is written in a TOML settings file: the lines where statements
start (not those inside a multi-line string, array or inline table), the key each names
(bare or quoted, `"site id" = ...` too), and the line of a given setting, for the
`path:line:` of every settings message (settings_errors.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path


def setting_lines(file: Path) -> Iterator[tuple[int, str]]:
    """(line number, key) of every setting in the file: in pyproject.toml only those of the
    [tool.newsdigest] table, in newsdigest.toml those before its first table. A table the
    settings hold (`[extra]` in newsdigest.toml, `[tool.newsdigest.extra]` in pyproject.toml)
    is given on the line of its header, as key 'extra'. Nothing when unreadable."""
    try:
        text = file.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return
    pyproject = file.name == "pyproject.toml"
    inside = not pyproject  # in newsdigest.toml, a key under a [table] is named too
    prefix = r"tool\s*\.\s*newsdigest\s*" if pyproject else ""
    for number, line in statement_lines(text):
        if re.match(r"\s*\[", line):
            inside = not pyproject or bool(re.match(r"\s*\[\s*" + prefix + r"\]", line))
            table = re.match(r"\s*\[\[?\s*" + (prefix + r"\.\s*" if pyproject else "") + KEY, line)
            if table:
                yield number, table.group(2)
            continue
        found = re.match(r"\s*" + KEY + r"(\s*\.\s*[\w\"'-]+)*\s*=", line)
        if inside and found:
            yield number, found.group(2)


# A TOML key, bare or quoted: a quoted one may hold any character but its quotes and a
# backslash (`"site id"`, prober4 M14); the key is group 2, without its quotes.
KEY = r"""(["']?)((?<=["'])[^"'\\\n]*|[A-Za-z0-9_-]+)\1"""


def statement_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of each line of TOML `text` where a statement starts (`key =
    value` or a `[table]` header): not blank or comment lines, and not the lines inside a
    multi-line string (basic or literal), an array or an inline table begun above them."""
    inside, depth = "", 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not inside and depth == 0 and line.strip() and not line.lstrip().startswith("#"):
            yield number, line
        inside, depth = _scan(line, inside, depth)


def _scan(line: str, inside: str, depth: int) -> tuple[str, int]:
    """After `line`: the multi-line string's quotes still open ('' for none) and how many
    arrays and inline tables are still open, given those before it."""
    at = 0
    while at < len(line):
        if inside:
            if inside == '"""' and line[at] == "\\":
                at += 2
            elif line.startswith(inside, at):
                at += 3
                while at < len(line) and line[at] == inside[0]:  # up to two quotes more
                    at += 1
                inside = ""
            else:
                at += 1
            continue
        char = line[at]
        if char == "#":
            break
        if line.startswith(('"""', "'''"), at):
            inside, at = line[at : at + 3], at + 3
            continue
        if char in "\"'":
            at = _string_end(line, at)
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        at += 1
    return inside, depth


def _string_end(line: str, start: int) -> int:
    """The index of the quote closing the one-line string opened at `start` (the line's
    end when it is not closed)."""
    at = start + 1
    while at < len(line) and line[at] != line[start]:
        at += 2 if line[start] == '"' and line[at] == "\\" else 1
    return at


def line_of(file: Path, key: str) -> int:
    """The line of setting `key`, spelt exactly so, in the file; 0 if none."""
    for number, written in setting_lines(file):
        if written == key:
            return number
    return 0
