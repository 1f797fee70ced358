"""Where a top-level front-matter field is written in an article file, for messages about
rules that span articles (collisions, topics, dates), which see only validated articles."""

from __future__ import annotations

from pathlib import Path


def field_line(path: Path, *keys: str) -> int:
    """The line (from 1) of the first of `keys` written as `key:` at the top level of the
    file's front matter; 1 (the file) when none of them is there or the file is unreadable.
    """
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    found: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == "---":
            break
        for key in keys:
            if line.startswith(key) and line[len(key) :].lstrip().startswith(":"):
                found.setdefault(key, number)
    return next((found[key] for key in keys if key in found), 1)
