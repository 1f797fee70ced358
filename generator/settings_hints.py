"""The fix of a setting its check refused, naming the value meant where one can be told:
a language by its name (`language = "Urdu"` -> "ur"), a time zone by its abbreviation
or offset (`IST`, `GMT+5`), the nearest known name otherwise."""

from __future__ import annotations

import difflib
import re
from typing import Any

from generator.settings_errors import shown, toml_value


def check_hint(name: str, value: Any, default: Any, advice: str) -> str:
    """How to fix a setting whose value its check refused, ending with the fixed line
    where one can be given."""
    if name == "language":
        from generator.languages import suggest

        guess = suggest(str(value).replace("_", "-")) if "did you mean" in advice else None
        tag = _language_tag(str(value)) or guess
        if not tag:  # nothing close, or a language CLDR has no data for (tlh, Klingon)
            return f'{advice}: {name} = "{default}"'
        return (
            f"did you mean {tag!r}? write a language tag (BCP 47) such as "
            f'"en", "pt-BR" or "ur": {name} = "{tag}"'
        )
    if name == "timezone":
        from zoneinfo import available_timezones

        from generator.timezones import offset_zones_hint, zone_of_abbreviation

        zone = zone_of_abbreviation(str(value))
        if zone:
            return (
                f"{shown(str(value).strip())} is an abbreviation, which places may share, not "
                f"a zone's name: did you mean {zone!r}? write: {name} = {toml_value(zone)}"
            )
        offset = offset_zones_hint(str(value))
        if offset:
            return offset
        close = difflib.get_close_matches(str(value), sorted(available_timezones()), n=1)
        if close:
            return f"did you mean {close[0]!r}? write: {name} = {toml_value(close[0])}"
    if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, int):
        return f"use a number of 1 or more: {name} = {max(default, 1)}"
    if name == "markdown_engine":
        return f"{advice}: {name} = {toml_value(default)}"
    return advice


def _language_tag(name: str) -> str:
    """The tag of a language written by its English name ('English' -> 'en'); '' if none."""
    from babel import Locale

    wanted = re.sub(r"\s*\(.*\)\s*|[^\w\s()-]", "", name).strip().lower()
    for code, language in Locale("en").languages.items():
        if language.lower() == wanted and "_" not in code:
            return str(code)
    return ""
