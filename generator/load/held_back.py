"""A story its editor meant to keep off the site, or to publish with its correction, that a
slip would publish without: `draft:` misspelt (`Draft:`, `drafts:`, `draf:`), another
tool's switch (Jekyll's `published: false`, Pelican's and WordPress's `status: draft`), an
`embargo:` line, `correction:` for `corrections:`, a field line typed below the closing
'---', a story in a folder named for drafts (`drafts/`, `_drafts/`, `embargoed/`). Each is
an error (tester T1): an unknown field is only a warning, and a published story cannot be
taken back from the feeds and their subscribers.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from generator.load.fields_as_text import corrections_lines

# Other tools' switches that hold a story back, and whose tool writes them that way.
SWITCHES = {
    "published": "Jekyll's and Hexo's",
    "publish": "some site generators'",
    "status": "Pelican's and WordPress's",
    "post_status": "WordPress's",
    "unpublished": "some site generators'",
    "hidden": "some site generators'",
    "private": "some site generators'",
    "unlisted": "some site generators'",
}
_ON, _OFF = {"true", "yes", "on"}, {"false", "no", "off"}
_STATES = {"published", "publish", "live", "public"}, {
    "draft", "pending", "private", "future", "trash", "hidden", "unpublished", "embargoed",
    "embargo", "review", "scheduled", "wip", "unfinished", "held",
}  # fmt: skip
# Each switch's values that publish the story, and those that hold it back; any other
# value (`published: 2025-06-01`, a date in some tools) is no switch: an unknown field.
_VALUES = {"published": (_ON, _OFF), "publish": (_ON, _OFF)}
_VALUES |= {"status": _STATES, "post_status": _STATES}
# Folder names that say the stories in them are not to be published.
DRAFT_FOLDERS = {"draft", "drafts", "unpublished", "embargo", "embargoed", "unfinished"}
_CORRECTION_WORDS = ("correct", "erratum", "errata", "clarification")


def _letters(key: str) -> str:
    return re.sub(r"[^a-z]", "", key.casefold())


def _closest(key: str, known: tuple[str, ...], cutoff: float = 0.7) -> str | None:
    close = difflib.get_close_matches(key.casefold(), known, n=1, cutoff=cutoff)
    return close[0] if close else None


def means_draft(key: str, known: tuple[str, ...]) -> bool:
    """True for a key that is `draft` typed another way: capitals, plural, a typo, letters
    swapped (`dratf`), a word around it (`is_draft`)."""
    letters = _letters(key)
    if key == "draft" or not letters:
        return False
    return (
        "draft" in letters
        or sorted(letters) in (sorted("draft"), sorted("drafts"))
        or _closest(key, known) == "draft"
    )


def means_corrections(key: str, known: tuple[str, ...]) -> bool:
    """True for a key that is `corrections` misspelt (`corretions`) or a word of
    corrections (`correction`, `errata`); not a field of another meaning (`collections`)."""
    letters = _letters(key)
    if key == "corrections" or not letters:
        return False
    return any(word in letters for word in _CORRECTION_WORDS) or (
        _closest(key, known, 0.85) == "corrections"  # `corretions`, not `collections`
    )


def nested_draft(
    prefix: str, key: str, value: Any, drafted: bool = False
) -> tuple[bool, str, str] | None:
    """(is an error, message, fix) for `draft:` (or a slip of it) indented under a group
    (`credits:`), where it is not read; None for any other key. `drafted`: the story says
    `draft: true` at the left edge, which holds it back (a warning, as in `field_slip`)."""
    if not (key == "draft" or means_draft(key, ("draft",))):
        return None
    group = prefix.rstrip(".")
    if drafted:
        return _beside_draft(f"'{key}:' is indented under '{group}:', where it is not read", key)
    word = _word(value) if _word(value) in _OFF else "true"
    return (
        True,
        f"'{key}:' is indented under '{group}:', where it is not read, so the story would "
        "be published",
        f"move it to the start of its line, with no spaces before it: draft: {word}",
    )


def _word(value: Any) -> str:
    """A switch's value as a word: True -> 'true', 'Draft' -> 'draft'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip().casefold() if value is not None else ""


def field_slip(
    key: str, value: Any, known: tuple[str, ...], drafted: bool = False
) -> tuple[bool, str, str] | None:
    """(is an error, message, fix) for a top-level key that would publish a story its
    editor meant to hold back, or without its correction; None for any other key.
    `drafted`: the story says `draft: true`, which holds it back whatever the key says."""
    if means_corrections(key, known):
        return True, *_correction_slip(key, value)
    folded = key.casefold()
    if means_draft(key, known):
        found = (True, *_draft_slip(key, value))
    elif "embargo" in folded:
        found = (True, *_embargo(key, value))
    elif folded in SWITCHES and (switch := _switch(key, value)):
        found = switch
    else:
        return None
    if drafted and found[0]:
        return _beside_draft(f"'{key}:' is not a field newsdigest knows", key)
    return found


def _beside_draft(said: str, key: str) -> tuple[bool, str, str]:
    """A warning for a slip beside the story's 'draft: true', which holds it back already."""
    return (
        False,
        f"{said}; the story's 'draft: true' keeps it off the site, and once that line is "
        "gone, this one will not",
        f"delete the line '{key}:'",
    )


def _draft_slip(key: str, value: Any) -> tuple[str, str]:
    word = _word(value)
    message = (
        f"'{key}:' is not 'draft:' (a field's name is written in small letters), so the "
        "line is ignored and the story would be published"
        if key.casefold() == "draft"
        else f"'{key}:' is not a field newsdigest knows, so the line is ignored and the "
        "story would be published: did you mean 'draft:'?"
    )
    if word in _OFF:
        return message, f"rename it: draft: {word} (or delete the line to publish it)"
    return message, "rename it: draft: true (to keep the story off the site until it is ready)"


def _embargo(key: str, value: Any) -> tuple[str, str]:
    typed = "" if value is None else f" {value}"
    return (
        f"'{key}:{typed}' is not a field newsdigest knows: newsdigest publishes a story "
        "at its 'date:', and would publish this one without waiting for the embargo",
        "delete this line and write 'draft: true' until the story may be published; or "
        "write the time the embargo lifts as its 'date:' (a story dated ahead is published "
        "by the first build after that time)",
    )


def _switch(key: str, value: Any) -> tuple[bool, str, str] | None:
    """Another tool's switch: an error when it holds the story back (newsdigest would
    publish it), a warning when it publishes it (the line is not needed)."""
    folded, word = key.casefold(), _word(value)
    value = word if isinstance(value, bool) else value
    publishing, holding = _VALUES.get(folded, (_OFF, _ON))  # `hidden: true` holds it back
    if word not in publishing | holding:
        return None
    publishes, whose = word in publishing, SWITCHES[folded]
    if publishes:
        return (
            False,
            f"'{key}: {value}' is {whose} way of publishing a story; newsdigest publishes "
            "every story not marked 'draft: true', so the line is not used",
            f"delete the line '{key}: {value}'",
        )
    return (
        True,
        f"'{key}: {value}' is {whose} way of keeping a story off the site; newsdigest "
        "does not read it, and would publish this story",
        "write it newsdigest's way, in place of this line: draft: true",
    )


def _correction_slip(key: str, value: Any) -> tuple[str, str]:
    message = (
        f"'{key}:' is not a field newsdigest knows, so the story would be published "
        "without this correction: did you mean 'corrections:'?"
    )
    if isinstance(value, list):
        return message, "rename it: corrections:"
    return message, "rename it 'corrections:', then " + corrections_lines(value, "")


# A front-matter line (`draft: true`, `tags: [Politics]`, `credits:`) at a line's start.
_FIELD_LINE = re.compile(r"([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")


def fields_below(
    body: str, first_line: int, known: tuple[str, ...], drafted: bool = False
) -> list[tuple[int, str, str]]:
    """(line, message, fix) for each field line typed at the top of the body, below the
    closing '---' (`draft: true` there is published as text, and so is the story); the
    lines of a group or list under one (`  author: Desk`, `- Politics`) are passed over.
    A first line of text that is no field (`Update: the minister...`) ends the search.
    `drafted`: the front matter says `draft: true` (the story is held back all the same)."""
    found: list[tuple[int, str, str]] = []
    lead = body[:300].lstrip().partition("\n")[0]
    if lead and not _FIELD_LINE.match(lead.rstrip()):
        return found  # most bodies: the first line of text is no field
    head = body[:4000].split("\n", 50)  # fields typed below: a few lines at the top
    for number, line in enumerate(head, start=first_line):
        if not line.strip() or (found and line[:1] in (" ", "\t", "-")):
            continue
        field = _FIELD_LINE.match(line.rstrip())
        key, value = (field[1], field[2]) if field else ("", None)
        if key not in known and not (means_draft(key, known) and _word(value) in _YES_NO):
            break
        publishes = "draft" in key.casefold() and not drafted
        harm = " (and the story would be published)" if publishes else ""
        found.append(
            (
                number,
                f"'{line.strip()}' is below the closing '---', so it is published as the "
                f"story's text, not read as the field '{key}:'{harm}",
                f"move the line up, above the closing '---' on line {first_line - 1}",
            )
        )
    return found


_YES_NO = _ON | _OFF


def drafts_folder(source: str, front: Any) -> tuple[str, str] | None:
    """(message, fix) for a story in a folder named for drafts (`drafts/`, Jekyll's
    `_drafts/`, `embargoed/`) with no `draft:` line: it would be published."""
    folders = source.split("/")[:-1]
    named = next((f for f in folders if f.casefold().strip("_.") in DRAFT_FOLDERS), None)
    if named is None or "draft" in front:
        return None
    what = "Jekyll's folder of unfinished posts" if named == "_drafts" else "a folder for drafts"
    what = "a folder for stories not to be published yet" if "draft" not in named else what
    return (
        f"this story is in {named}/, {what}, but newsdigest publishes every story in "
        "content/ that is not marked a draft, this one too",
        f"add 'draft: true' to its front matter to keep it off the site until it is ready; "
        f"to publish it, move it out of {named}/ (or write 'draft: false')",
    )
