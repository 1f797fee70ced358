"""The `credits:` group: the byline (`author`), the image credit and the sources.

A byline written at the top level (`author:` without `credits:`) is reported where it was
typed, saying it belongs under `credits:`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load import fields
from generator.load.checker import Checker, kind
from generator.load.content import Mapping
from generator.load.fields_as_text import credits_lines, typed_line
from generator.load.plain_text import plain_text_notes, plain_version
from generator.load.stray_marks import stray_marks
from generator.load.yaml_lines import inline
from generator.load.yaml_lists import text_list, written
from generator.model import Image

KNOWN_CREDITS = fields.under("credits")


@dataclass(frozen=True, slots=True)
class Credits:
    """What `credits:` gives: names in the order typed; '' and () when absent."""

    authors: tuple[str, ...] = ()
    image: str = ""
    sources: tuple[str, ...] = ()
    image_line: int = 1  # the line of credits.image, for the warning about a missing image
    author_line: int = 0  # the line of credits.author when it is written (for author pages)


def read_credits(check: Checker, front: Mapping) -> Credits:
    """The credits group; a missing byline is an error."""
    if "credits" in front and not isinstance(front["credits"], Mapping):
        _credits_not_fields(check, front)
        return Credits()
    group = check.mapping(front, "credits", "credits")
    if group is None:
        if "credits" not in front or front["credits"] is None:
            _author_missing(check, front, "add 'credits:' with an indented 'author: Name' line")
        return Credits()
    check.unknown(group, KNOWN_CREDITS, "credits.")
    typed = _text_list(check, group, "author")
    authors = tuple(name for name, _ in check.names(group, "author", "credits.author"))
    authors = () if typed else authors
    if not authors and "author" not in group:
        _author_missing(check, front, "add an indented 'author: Name' line under credits:")
    elif not authors and not any(p.line == group.line_of("author") for p in check.problems):
        check.missing(group, "author", "credits.author", "write the byline after 'author:'")
    image_credit = check.text(group, "image", "credits.image")
    if image_credit:  # plain text, as every other credit: Markdown or HTML is a warning
        check.plain(group, "image", "credits.image", image_credit)
    listed = check.distinct_items(group, "sources", "credits.sources")
    sources = tuple(name for name, _ in listed)
    check.problems += stray_marks(check.doc.source, group, "sources", "credits.sources", listed)
    sources = () if _text_list(check, group, "sources") else sources
    _plain_sources(check, group, sources)
    return Credits(
        authors,
        image_credit,
        sources,
        group.line_of("image"),
        group.line_of("author") if "author" in group else 0,
    )


def _plain_sources(check: Checker, group: Mapping, sources: tuple[str, ...]) -> None:
    """A warning for Markdown or HTML in a source (`**AP**`, `<i>AFP</i>`), which is
    published as typed: on the `sources:` line, the list as plain text for its fix."""
    label = "credits.sources"
    notes = [said for one in sources for said in plain_text_notes("sources", one, label)]
    if notes:
        kept = dict.fromkeys(plain_version(one) for one in sources)  # `[AP, **AP**]`: AP once
        plain = ", ".join(written(one) for one in kept)
        check.warn(
            group.line_of("sources"),
            notes[0][0],
            f"write them as plain text: sources: [{plain}]{group.spans('sources')}",
        )


def _text_list(check: Checker, group: Mapping, key: str) -> bool:
    """An error for several names typed as one text in brackets or parentheses
    (`author: "[Asha Rao, Ben Okoye]"`, `sources: (ANI, Reuters)`), which would be
    published as one name with its brackets; the fix is the list."""
    value = group.get(key)
    items = text_list(value, every=False) if isinstance(value, str) else None
    if items is None:
        return False
    check.error(
        group.line_of(key),
        f"credits.{key} must be a list to name several, not the text {value!r}",
        f"write {key}: [{', '.join(items)}]",
    )
    return True


def credit_without_image(
    check: Checker, front: Mapping, credits: Credits, image: Image | None
) -> None:
    """Warn about an image credit that nothing shows."""
    if credits.image and image is None and "image" not in front:
        check.warn(
            credits.image_line,
            "credits.image is given but the article has no image, so the credit is "
            "not shown anywhere",
            "add the image (image: with src: and alt:) or remove the credit",
        )


def _author_missing(check: Checker, front: Mapping, hint: str) -> None:
    """credits.author is missing: say so, naming a top-level author: line if there is one."""
    for key in ("author", "authors", "byline"):
        if key in check.misplaced:
            line = check.misplaced.pop(key)
            check.error(
                line,
                f"credits.author is missing: '{key}:' must be indented under 'credits:'",
                f"write 'credits:' on its own line, then "
                f"'  author: {inline(front.get(key))}' indented below it",
            )
            return
    if "credits" in front and front["credits"] is None:
        check.missing(front, "credits", "credits.author", hint)
    elif "credits" in check.misspelt:
        check.missing(front, "credits", "credits", hint)
    else:
        check.error(front.line_of("credits"), "credits.author is missing", hint)


def _credits_not_fields(check: Checker, front: Mapping) -> None:
    """An error for `credits:` typed empty, as a name or as a list of names: its fix gives
    the two lines to write, the byline after `author:` indented below `credits:`."""
    value, line = front["credits"], front.line_of("credits")
    top = next((key for key in ("author", "authors", "byline") if key in check.misplaced), "")
    if value is None and top:  # `credits:` above a top-level `author:`
        _author_missing(check, front, "")
        return
    names = value if isinstance(value, list) else [value]
    if value is not None and all(isinstance(n, str | int | float) for n in names):
        check.error(
            line,
            f"credits must be a set of fields, not {kind(value)}: the byline goes after "
            "'author:', indented below 'credits:'",
            credits_lines(value, typed_line(check.doc.path, line)),
        )
        return
    if isinstance(value, list) and all(isinstance(item, Mapping) for item in value):
        check.error(
            line,
            "credits must be a set of fields, not a list: its fields are written without "
            "'- ' in front",
            "delete the '- ' before each field under 'credits:' and line the fields up "
            "two spaces in, like '  author: ...'",
        )
        return
    said = "is empty" if value is None else f"must be a set of fields, not {kind(value)}"
    check.error(
        line,
        f"credits {said}: it needs the byline, after 'author:' indented below it",
        "write 'credits:' on its own line, then below it the line '  author: ' (two "
        "spaces in) followed by the writer's name",
    )
