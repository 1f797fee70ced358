"""Where a top-level front-matter field is written in an article file, for messages about
rules that span articles (collisions, topics, dates), which see only validated articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def front_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(file line from 1, key, the line) of each top-level `key: ...` line of the front
    matter that opens `text` (a file's text, or its start: its first line '---', a
    byte-order mark aside), up to the '---' or '...' that ends it; none when it opens none."""
    lines = text.splitlines()
    if not lines or lines[0].removeprefix("\ufeff").rstrip() != "---":
        return
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return
        key, colon, _ = line.partition(":")
        if colon and key.strip() and key == key.lstrip():
            yield number, key.rstrip(), line


def field_line(path: Path, *keys: str) -> int:
    """The line (from 1) of the first of `keys` written as `key:` at the top level of the
    file's front matter; 1 (the file) when none of them is there or the file is unreadable.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 1
    found: dict[str, int] = {}
    for number, key, _ in front_lines(text):
        if key in keys:
            found.setdefault(key, number)
    return next((found[key] for key in keys if key in found), 1)
