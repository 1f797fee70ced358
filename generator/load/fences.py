"""The front matter's '---' lines typed wrong, said on the line that is wrong: empty lines
before the first one (the block must start on line 1), or a closing line of four dashes
or more (`----`), which is not the end of the block (load/content.py's `split`)."""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostic, error

_DASHES = re.compile(r"^-{2,}[ \t]*$")  # a line of dashes only: '--', '----'


def no_start(text: str, source: str) -> Diagnostic:
    """The error for a file that does not start with '---' (not empty): on line 1, saying
    so of empty lines before the '---'."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if not first or lines[first].strip() != "---":
        return error(
            source,
            1,
            "the file does not start with a front-matter block",
            "make the first line '---', then the fields (title:, date:, ...), then '---'; "
            "if the file is notes for the editors, not a story, name it README.md (never "
            "published) or move it out of content/",
        )
    empty = "line 1 is empty" if first == 1 else f"lines 1 to {first} are empty"
    return error(
        source,
        1,
        f"the file does not start with a front-matter block: {empty}, and the '---' that "
        f"opens the front matter is on line {first + 1}",
        f"delete the empty {'line' if first == 1 else 'lines'} before '---': the front "
        "matter must start on line 1",
    )


def never_closed(text: str, source: str) -> Diagnostic:
    """The error for front matter no '---' line closes: on the line of dashes of another
    length (`----`) that was meant to, if there is one; else on line 1."""
    lines = text.split("\n")
    for number, line in enumerate(lines[1:], start=2):
        if _DASHES.match(line):
            dashes = line.strip()
            return error(
                source,
                number,
                f"front matter is never closed: line {number} is '{dashes}' ({len(dashes)} "
                "dashes), and the front matter ends with a line of exactly three, '---'",
                f"write '---' on line {number}",
            )
    return error(
        source,
        1,
        "front matter is never closed",
        "add a line '---' after the last field, before the article text",
    )
