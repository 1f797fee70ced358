"""An article's permanent feed id (GUID): from its `id:` (a URI, or a UUID in any form
RFC 9562 writes) or from the site id, the day and the slug, never from base_url; an `id:`
that is no URI, a UUID URN written otherwise than 8-4-4-4-12, a placeholder UUID or a
daily digest's GUID is an error whose fix writes the id meant."""

from __future__ import annotations

import re
from datetime import date

from generator.config import Settings
from generator.load.checker import Checker
from generator.load.collisions import placeholder_uuid
from generator.load.content import Mapping

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"]+$")
_UUID = re.compile(
    r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
    r"[0-9a-fA-F]{12})\}?$"
)


def pinned_id(check: Checker, front: Mapping, site_id: str) -> str:
    """The `id:` field: feeds require a URI (Atom's <id>), so a bare word is refused, and
    one of the daily-digest items' GUIDs (tag:SITE_ID:digest/DAY, tag:SITE_ID:ur/digest/DAY)
    is refused: a feed reader would take the story for that day's digest or the digest
    for the story."""
    pinned = check.text(front, "id", "id")
    hint = "use a tag URI such as 'tag:example.org,2025:2025-06-25/my-story' or 'urn:uuid:...'"
    scheme, _, rest = pinned.strip().partition(":")
    urn = uuid_urn(pinned) if pinned else ""  # a UUID's digits: the fix writes them
    grouped = f"write its digits in groups of 8-4-4-4-12, as a UUID URN: id: {urn}"
    if pinned and not _URI.match(pinned) and not _UUID.match(pinned):
        error = f"id {pinned!r} is not a URI; feed readers need one"
        check.error(front.line_of("id"), error, grouped if urn else hint)
    elif scheme.lower() == "urn" and rest[:5].lower() == "uuid:" and ("{" in rest or "}" in rest):
        braced = _UUID.match(rest[5:].strip())
        check.error(  # `urn:uuid:{...}` (prober3, M12): braces belong to no UUID URN
            front.line_of("id"),
            f"id {pinned!r} has braces around the UUID, which a UUID URN does not have: "
            "feed readers would take it for another id than the same UUID without them",
            f"write it without the braces: id: {scheme}:{rest[:5]}{braced.group(1)}"
            if braced
            else f"write it without the braces: id: {urn}"
            if urn
            else "write it without the braces, as 'urn:uuid:' and the story's UUID",
        )
    elif scheme.lower() == "urn" and rest[:5].lower() == "uuid:" and not _UUID.match(rest[5:]):
        check.error(  # `urn:uuid:XYZ` (tester 3, L4): a UUID is 32 hex digits, 8-4-4-4-12
            front.line_of("id"),
            f"id {pinned!r} is not a UUID URN: after 'urn:uuid:' come 32 hexadecimal digits "
            "in groups of 8-4-4-4-12",
            grouped
            if urn
            else "write the UUID the story was given (as 'urn:uuid:6f1c2a4e-8d3b-4c5a-9e7f-"
            "0a1b2c3d4e5f'), or " + hint.removeprefix("use ").split(" or ")[0],
        )
    elif pinned and placeholder_uuid(pinned):
        check.error(  # the nil and max UUIDs (prober4 L8): placeholders, every story's alike
            front.line_of("id"),
            f"id {pinned!r} is the {placeholder_uuid(pinned)} UUID, a placeholder: every "
            "story given it would share one permanent id",
            "delete the 'id:' line (newsdigest then gives the story its own permanent id), "
            "or write the UUID the story was really given",
        )
    elif pinned and re.match(rf"tag:{re.escape(site_id)}:([^/]+/)?digest/", pinned.strip()):
        check.error(
            front.line_of("id"),
            f"id {pinned!r} is the GUID of a daily-digest item in this site's feeds; feed "
            "readers would take one for the other",
            hint.replace("use", "give the story its own id,", 1),
        )
    return pinned


def guid_from_id(pinned: str) -> str:
    """An `id:` as a feed id: a bare UUID (RFC 9562, any case, braces allowed) becomes
    'urn:uuid:' and the UUID in lower case (RFC 4122's URN form); a URI is used as typed."""
    found = _UUID.match(pinned.strip())
    return f"urn:uuid:{found.group(1).lower()}" if found else pinned


def make_guid(settings: Settings, day: date, slug: str, pinned: str) -> str:
    """The article's permanent feed id: never from base_url or the file's folder."""
    if pinned:
        return guid_from_id(pinned)
    return f"tag:{settings.site_id}:{day.isoformat()}/{slug}"


def uuid_urn(pinned: str) -> str:
    """An `id:` holding a UUID's 32 hex digits however grouped (`6f1c2e0a8d3b...`, Python's
    `uuid.hex`; braced, with `urn:uuid:`, any case) as the UUID URN RFC 4122 writes,
    'urn:uuid:6f1c2e0a-8d3b-4f5e-9a7c-1b2d3e4f5a6d' (the same digits); '' for no UUID."""
    import uuid  # (with `platform`, 3 ms: only for a story that pins its id)

    try:
        return uuid.UUID(pinned.strip().lower()).urn
    except ValueError:
        return ""
