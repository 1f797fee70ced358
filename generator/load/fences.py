"""The front matter's '---' lines typed wrong, said on the line that is wrong: empty lines
before the first one (the block must start on line 1), a line of four dashes or more
(`----`), which neither opens nor closes the block, and a line that only looks like
'---' (load/content.py's `split`): dashes a word processor made of the hyphens (an em
dash '—', en dashes '–––'), or '...' (YAML's own end of a document, which Pandoc reads
as the end of the front matter; Hugo, Jekyll and newsdigest do not)."""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostic, error
from generator.load.look_alikes import LOOK_ALIKE_NAMES

# A line that looks like '---' and is not: other dashes (em, en, figure, horizontal bar,
# minus, box drawing, full-width hyphen) alone or with hyphens, or dots ('...', '…').
_ODD_DASHES = "\u2012-\u2015\u2212\u2500\ufe58\ufe63\uff0d"
_LOOKS_LIKE = re.compile(f"^(?:[-{_ODD_DASHES}]+|\\.{{3}}|\u2026)[ \t]*$")


def _not_a_fence(line: str) -> str | None:
    """What a line that looks like '---' is, in words ("'—' (an em dash, which a word
    processor makes of '---')"), or None for '---' itself and any other line."""
    typed = line.strip()
    if typed == "---" or not _LOOKS_LIKE.match(line):
        return None
    if typed == "\u2026":
        return "'\u2026' (an ellipsis, which a word processor makes of YAML's '...')"
    if typed == "...":
        return "'...' (YAML's mark for the end of a document, not of front matter)"
    if set(typed) == {"-"}:  # '--', '----'
        return f"'{typed}' ({len(typed)} dashes)" if len(typed) > 1 else None
    odd = [c for c in dict.fromkeys(typed) if c != "-"]
    named = " and ".join(_dashes_named(c, typed.count(c)) for c in odd)
    return f"'{typed}' ({named}, which a word processor makes of the hyphens of '---')"


def _dashes_named(char: str, count: int) -> str:
    """ "an em dash", "en dashes": a dash other than the hyphen, as often as it is typed."""
    name = LOOK_ALIKE_NAMES[char]
    if count > 1:
        return name + ("es" if name.endswith("sh") else "s")
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def no_start(text: str, source: str) -> Diagnostic:
    """The error for a file that does not start with '---' (not empty): on line 1, saying
    so of empty lines before the '---', or on the line that only looks like it."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and (odd := _not_a_fence(lines[first])) is not None:
        more = next((n for n, x in enumerate(lines[first + 1 :], first + 2) if _not_a_fence(x)), 0)
        return error(
            source,
            first + 1,
            f"the file does not start with a front-matter block: line {first + 1} is {odd}, "
            "and the front matter starts with a line of exactly three hyphens, '---'",
            f"write '---' (three hyphens) on line {first + 1}"
            + (f", and on line {more}, which closes it" if more else "")
            + (f"; delete the empty lines before line {first + 1}" if first else ""),
        )
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
    length (`----`), of other dashes (`—`) or of dots (`...`) that was meant to, if there
    is one; else on line 1."""
    lines = text.split("\n")
    for number, line in enumerate(lines[1:], start=2):
        if (odd := _not_a_fence(line)) is not None:
            return error(
                source,
                number,
                f"front matter is never closed: line {number} is {odd}, and the front "
                "matter ends with a line of exactly three hyphens, '---'",
                f"write '---' (three hyphens) on line {number}",
            )
    return error(
        source,
        1,
        "front matter is never closed",
        "add a line '---' after the last field, before the article text",
    )
