"""The placeholder body `newsdigest new` writes, found again until the story replaces it:
every sentence of it (the story's place and the tip after it), from this one text."""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import Diagnostic, error, warning

PLACEHOLDER = "Write the story here."  # where the story goes
TIP = "The first paragraph is the summary unless you add 'summary:'."
# Every sentence `new` writes as the body: the one source of its text and of what is found.
SENTENCES = (PLACEHOLDER, TIP)
BODY = " ".join(SENTENCES) + "\n"


def _marker(sentence: str) -> str:
    """`sentence` however the editor's program re-wraps, re-cases or curls its quotes."""
    words = (re.escape(word).replace("'", "['‘’]") for word in sentence.rstrip(".").split())
    return r"\s+".join(words)


_MARKERS = [re.compile(_marker(sentence), re.IGNORECASE) for sentence in SENTENCES]
# A word each sentence holds, lower-cased: an ASCII text without it is not searched (in
# ASCII, only the letters' own capitals match; `re` also takes 'ſ' for 's', 'K' for 'k').
_WORDS = [max((w for w in s.split() if w.isalpha()), key=len).lower() for s in SENTENCES]


def placeholder_warning(
    source: str, text: str, first_line: int, draft: bool = True
) -> Diagnostic | None:
    """The placeholder sentence `new` wrote, on its line, while it is there: an error on a
    story that would be published (not a draft), which stops `build` and fails `check`
    before it reaches the site and the feeds; a warning on a draft (`new` writes
    `draft: true`), a reminder to write the story before publishing it.

    `text` is the body (or, when the front matter could not be read, the whole file),
    `first_line` the file's line number of its first line. Found anywhere in it (a story
    written above it still publishes it), in any capitals and however the line is wrapped;
    None once it is gone. Given whatever else is wrong with the article, so that one run
    reports every problem.
    """
    lower = text.lower() if text.isascii() else None
    found = sorted(
        (match.start(), sentence)
        for marker, word, sentence in zip(_MARKERS, _WORDS, SENTENCES, strict=True)
        if (lower is None or word in lower) and (match := marker.search(text))
    )
    if not found:
        return None
    line = first_line + text.count("\n", 0, found[0][0])
    quoted = " and ".join(repr(sentence) for _, sentence in found)
    still = f"the placeholder text from `newsdigest new` is still here ({quoted})"
    if draft:
        return warning(
            source,
            line,
            f"{still}; this draft cannot be published until it is replaced",
            "write the story in its place (delete the placeholder text), then delete "
            "the line 'draft: true' to publish it",
        )
    return error(
        source,
        line,
        f"{still}; it would be published as the story",
        "write the story in its place (delete the placeholder text), or keep the "
        "story off the site until it is written with 'draft: true' in its front matter",
    )


def placeholder_in_file(path: Path, source: str, max_size: int) -> Diagnostic | None:
    """The placeholder warning for a file whose front matter could not be read (the body
    is not known): found in the whole file when it is UTF-8 text within `max_size`."""
    try:
        if path.stat().st_size > max_size:
            return None
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return placeholder_warning(source, text, 1)
