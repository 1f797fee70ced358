"""Front matter written for Hugo, Jekyll or Pelican, named with its newsdigest form.

A newsroom moving in brings Hugo's TOML front matter (`+++` lines) and the field names of
other generators (`description:`, `categories:`, `lastmod:`). newsdigest reads YAML front
matter only: a TOML block is an error whose fix is the same fields written in YAML, with
newsdigest's names; a foreign field name is a warning naming the field it means, with the
line rewritten. A dated file name (Jekyll's `2025-06-22-story.md`) is the slug whole, as
it always was: a published story's address and GUID never move on an upgrade; a Jekyll
post keeps Jekyll's address with `slug:` (README, "Moving in from Hugo or Jekyll").
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from typing import Any

from generator.diagnostics import Diagnostic, error
from generator.load import fields as fields_of
from generator.load.yaml_lists import double_quoted

# Field names of Hugo, Jekyll and Pelican -> the newsdigest field that holds the same.
FOREIGN = {
    "description": "summary",
    "excerpt": "summary",
    "categories": "tags",
    "category": "tags",
    "keywords": "tags",
    "lastmod": "updated",
    "modified": "updated",
    "last_modified_at": "updated",
    "publishdate": "date",
    "images": "image",
    "cover": "image",
    "featured_image": "image",
    "thumbnail": "image",
}
# Foreign fields newsdigest has no use for: each one's meaning, for the warning.
UNUSED = {
    "layout": "Jekyll's page layout (newsdigest's theme lays out every article)",
    "type": "Hugo's content type (newsdigest's theme lays out every article)",
    "weight": "Hugo's ordering weight (newsdigest lists stories by date)",
    "expirydate": "Hugo's expiry date; newsdigest does not take a story down at a time: "
    "the story stays published until its file is deleted or it is given 'draft: true'",
}
# The address another generator published the story at (Hugo's `url:`, Jekyll's
# `permalink:`): newsdigest's own address is /YYYY/MM/DD/slug/, and the old one is kept
# working with `aliases:`.
ADDRESS = {"url": "Hugo's", "permalink": "Jekyll's"}


def foreign_field(key: str, value: Any, front: dict[str, Any]) -> tuple[str, str] | None:
    """(message, fix) for a field of another generator (`description:` -> `summary:`), or
    None for a name no generator newsdigest knows of uses."""
    folded = key.casefold()
    if folded in UNUSED:
        return (
            f"'{key}:' is {UNUSED[folded]}; it is not used",
            f"delete the line '{key}: {_inline(value)}'",
        )
    if folded in ADDRESS:
        return _address(key, value, front)
    meant = FOREIGN.get(folded)
    if meant is None:
        return None
    message = (
        f"'{key}:' is another site generator's name (Hugo, Jekyll, Pelican); newsdigest "
        f"reads '{meant}:', so this one is not published"
    )
    if meant == "tags":
        return message, _tags_fix(key, front)
    if meant == "image":
        return message, "write 'image:' with 'src:' and 'alt:' indented under it (Pictures)"
    if meant in front:
        return message, f"'{meant}:' is there already: keep one of the two"
    return message, f"rename it: {meant}: {_inline(value)}"


def _address(key: str, value: Any, front: dict[str, Any]) -> tuple[str, str]:
    """(message, fix) for Hugo's `url:` or Jekyll's `permalink:`: the old address kept
    working as an alias (a redirect page), since newsdigest publishes at its own."""
    message = (
        f"'{key}:' is {ADDRESS[key.casefold()]} address for the story; newsdigest publishes "
        "it at /YYYY/MM/DD/slug/ and does not use this one"
    )
    old = str(value).strip() if isinstance(value, str) else ""
    if not old or ":" in old:  # no value, or a pattern (`/:categories/:title/`)
        return message, "delete the line; keep an old address working with 'aliases:'"
    old = "/" + old.lstrip("/")  # an alias starts with '/' (Hugo's `url:` may not)
    aliases = front.get("aliases")
    have = [str(a) for a in aliases] if isinstance(aliases, list) else []
    line = f"aliases: {_inline(list(dict.fromkeys([*have, old])))}"
    if "aliases" in front:
        return (
            message,
            f"keep it working: add it to 'aliases:' and delete this line: {line}",
        )
    return message, f"keep the address its readers know working, in place of this line: {line}"


def _words(key: str, value: Any) -> list[str]:
    """A foreign field's topics: a list as it is; a text split at its commas, else, for
    Jekyll's `categories:`, at its spaces (`news india`); else one topic (Hugo reads a
    text as a list of one)."""
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    if value is None or isinstance(value, dict):
        return []
    text = str(value)
    if "," in text:
        return [w.strip() for w in text.split(",") if w.strip()]
    if key.casefold() == "categories":
        return text.split()
    return [text.strip()] if text.strip() else []


def _tags_fix(key: str, front: dict[str, Any]) -> str:
    """One `tags:` line for the story's tags and every foreign field of topics in it
    (`categories:`, `keywords:`), the same whichever of them it is given for."""
    others = [k for k in front if FOREIGN.get(k.casefold()) == "tags"]
    tags = front.get("tags")
    have = _words("tags", tags) if tags is not None else []
    merged = list(dict.fromkeys(have + [w for k in others for w in _words(k, front[k])]))
    line = f"tags: {_inline(merged)}"
    gone = " and ".join(f"'{k}:'" for k in others) if len(others) > 1 else "this line"
    if "tags" in front:
        return f"move them into 'tags:' and delete {gone}: {line}"
    if len(others) > 1:
        return f"write one line for {gone} and delete them: {line}"
    return f"rename it: {line}"


def toml_front_matter(text: str, source: str) -> Diagnostic | None:
    """The error for Hugo's TOML front matter (`+++` ... `+++`), whose fix is the block in
    YAML with newsdigest's field names; None when the file does not start with `+++`."""
    lines = text.split("\n")
    if lines[0].rstrip() != "+++":
        return None
    message = (
        "the front matter is TOML, between '+++' lines (Hugo's format); newsdigest reads "
        "YAML front matter, between '---' lines"
    )
    end = next((n for n, line in enumerate(lines[1:], 1) if line.rstrip() == "+++"), 0)
    try:
        fields = tomllib.loads("\n".join(lines[1:end])) if end else None
    except tomllib.TOMLDecodeError:
        fields = None
    if not fields:
        return error(source, 1, message, "write 'key: value' lines between two '---' lines instead")
    written, left = as_yaml(fields)
    fix = "replace the block with this one (one line each): " + "  |  ".join(
        ["---", *written, "---"]
    )
    given = {line.partition(":")[0] for line in written}
    missing = [key for key in fields_of.required() if key not in given]
    if missing:  # Hugo has no country; a post may have no author
        fix += (
            f"; then add {' and '.join(_REQUIRED[key] for key in missing)}, which "
            "newsdigest requires and the TOML block does not have"
        )
    if left:
        tables = ", ".join(f"[{name}]" for name in left)
        fix += (
            f"; left out: {tables}, tables newsdigest does not read (a picture is 'image:' "
            "with 'src:' and 'alt:' indented under it)"
        )
    return error(source, 1, message, fix)


# What a line a story must have, said in words: a fix never holds a value the editor did
# not write (a made-up headline, country or byline would be published as it stands).
_REQUIRED = {
    "title": "the headline, 'title:' followed by it",
    "date": (
        "the publication time, 'date:' followed by it (the year-month-day, 'T', the time "
        "and its offset from UTC)"
    ),
    "country": "the story's country, 'country:' followed by its name or ISO code",
    "credits": (
        "the byline, a line 'credits:' with '  author:' indented below it, followed by "
        "the reporter's name"
    ),
}


def as_yaml(fields: dict[str, Any]) -> tuple[list[str], list[str]]:
    """TOML front matter's fields as YAML lines, under newsdigest's names, and the tables
    left out (`[[images]]`, `[cascade]`: newsdigest has no field that reads them).
    Hugo's `[params]` are the story's own fields: they are written at the top."""
    out: dict[str, Any] = {}
    credits: list[str] = []
    left: list[str] = []
    params = fields.get("params")
    merged = {**fields, **(params if isinstance(params, dict) else {})}
    for key, value in merged.items():
        folded = key.casefold()
        if folded in ("author", "authors"):
            credits += value if isinstance(value, list) else [value]
            continue
        if isinstance(value, dict) or (isinstance(value, list) and _has_table(value)):
            left += [] if key == "params" else [key]
            continue
        if folded in ADDRESS and isinstance(value, str) and ":" not in value:
            out["aliases"] = [*out.get("aliases", []), value]
            continue
        if folded in UNUSED:
            continue
        name = FOREIGN.get(folded, key) if FOREIGN.get(folded) != "image" else key
        if name == "tags":
            words = value if isinstance(value, list) else [value]
            out["tags"] = list(dict.fromkeys([*out.get("tags", []), *words]))
        elif name not in out:
            out[name] = value
    lines = [f"{key}: {_inline(value)}" for key, value in out.items()]
    if credits:
        author = credits[0] if len(credits) == 1 else credits
        lines.append(f"credits:  |    author: {_inline(author)}")
    return lines, left


def _has_table(value: list[Any]) -> bool:
    return any(isinstance(v, dict) or (isinstance(v, list) and _has_table(v)) for v in value)


_PLAIN = re.compile(r"^[A-Za-z0-9À-ɏ(][^:#\[\]{},\"'&*!|>%@`]*$")


def _inline(value: Any) -> str:
    """`value` written as YAML on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    text = str(value)
    if _PLAIN.match(text) and text == text.strip() and text.isprintable():
        return text
    return double_quoted(text).replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
