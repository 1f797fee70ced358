"""A newsroom's placeholders left in a story that is to be published (tester T14): a
headline, byline, summary, caption or alt text that is only a mark (`TODO`, `TK`, `TKTK`,
`TBD`, `XXX`, `FIXME`, `.`, `alt text here`), and `TKTK` ("to come": a fact still
missing), `TODO` or `FIXME` in such a field or in the body's text. Each is a warning on
its line: the story would be published with it. A draft says nothing: marks are how a
story is written, and they are said once its `draft: true` line is deleted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.load.content import Document, Mapping
from generator.load.credits import Credits
from generator.model import Image

# A value that is only a mark: the whole text, in any capitals, brackets around it aside.
_WHOLE = re.compile(
    r"(?:tk(?:[\s-]*tk)*|to\s*do|tbd|tbc|tba|x{2,}|fixme|lorem ipsum\b.*|[.?!…\-–—_*#~/|+=]+"
    r"|(?:alt(?: text)?|headline|hed|title|summary|dek|caption|byline|name|author"
    r"|description|text)(?:\s+(?:goes\s+)?here|\s+tk|\s+tbd|\s+to\s+come))",
    re.IGNORECASE,
)
# A mark inside a text: written in capitals, as editors write them to be seen.
_INSIDE = re.compile(r"(?<![\w-])(TK(?:TK)+|TODO|FIXME)(?![\w-])")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).*?\1")


def whole_mark(text: str) -> bool:
    """Whether `text` is only a placeholder (`TODO`, `tk`, `[TK]`, `.`, `alt text here`)."""
    return bool(_WHOLE.fullmatch(text.strip().strip("[](){}<>").strip()))


def field_mark(label: str, text: str, what: str) -> tuple[str, str] | None:
    """(message, fix) for the field `label` (`title`, `credits.author`) whose `text` is
    a placeholder, or holds one; `what` names what to write ("the headline")."""
    if not text.strip():
        return None
    if whole_mark(text):
        return (
            f"{label} {text!r} is a placeholder, not {what}: it would be published as it stands",
            f"write {what} in its place, or keep the story off the site with 'draft: true' "
            "until it is ready",
        )
    found = _INSIDE.search(text)
    if found is None:
        return None
    return (
        f"{label} {text!r} holds {found[1]!r}, a placeholder: it would be published as it stands",
        f"write what is to come in place of {found[1]!r}, or keep the story off the site with "
        "'draft: true' until it is ready",
    )


def body_marks(body: str, first_line: int) -> Iterator[tuple[int, str, str]]:
    """(line, message, fix) for each line of the body's text with `TKTK`, `TODO` or
    `FIXME` in it; code (fenced blocks, `spans`) and HTML comments are passed over."""
    if "TK" not in body and "TODO" not in body and "FIXME" not in body:
        return  # most bodies: three substring searches instead of three patterns a line
    fence, comment = "", False
    for number, line in enumerate(body.split("\n"), start=first_line):
        opened = _FENCE.match(line)
        if fence:
            fence = "" if opened and opened[1].startswith(fence) else fence
            continue
        if opened and not comment:
            fence = opened[1]
            continue
        text, comment = _outside_comments(_CODE_SPAN.sub("", line), comment)
        found = _INSIDE.search(text)
        if found:
            yield (
                number,
                f"{found[1]!r} is still in the story, a placeholder for what is to come: "
                "it would be published as it stands",
                f"write what is to come in place of {found[1]!r}, or keep the story off the "
                "site with 'draft: true' until it is ready",
            )


def _outside_comments(line: str, opened: bool) -> tuple[str, bool]:
    """The text of `line` outside HTML comments (`opened`: a comment of the lines above is
    still open), and whether one is still open at its end: `<!--` on one line, `TODO` on
    the next, `-->` below is a comment, never read as the story's text."""
    kept, rest = [], line
    while rest:
        if opened:
            end = rest.find("-->")
            if end < 0:
                break
            rest, opened = rest[end + 3 :], False
        start = rest.find("<!--")
        if start < 0:
            kept.append(rest)
            break
        kept.append(rest[:start])
        rest, opened = rest[start + 4 :], True
    return "".join(kept), opened


def story_marks(
    doc: Document, title: str, summary: str, credits: Credits, image: Image | None
) -> list[tuple[int, str, str]]:
    """(line, message, fix) for each placeholder in a story's fields (as read) and body."""
    front = doc.front
    typed = front.get("image")
    group = typed if isinstance(typed, Mapping) else front
    fields = [
        (front.line_of("title"), field_mark("title", title, "the headline")),
        (front.line_of("summary"), field_mark("summary", summary, "the summary")),
        *(
            (credits.author_line, field_mark("credits.author", a, "the byline"))
            for a in credits.authors
        ),
    ]
    if image is not None:
        fields += [
            (group.line_of("alt"), field_mark("image.alt", image.alt, "what the picture shows")),
            (group.line_of("caption"), field_mark("image.caption", image.caption, "the caption")),
        ]
    found = [(line, *said) for line, said in fields if said is not None]
    return found + list(body_marks(doc.body, doc.body_line))
