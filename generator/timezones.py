"""Time zones as editors write them: an abbreviation (IST, PKT) or an offset (GMT+5,
UTC+05:30) instead of an IANA zone's name; the zone they mean, for a setting's fix."""

from __future__ import annotations

import difflib
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, available_timezones

from generator.diagnostics import Diagnostic, warning
from generator.settings_errors import shown, toml_value
from generator.settings_lines import line_of

# Abbreviations newsrooms write that tzdata does not (IST, PKT's neighbours) or shares
# between places (CST is Chicago's and Shanghai's): the zone most readers mean.
ZONE_ABBREVIATIONS = {
    "IST": "Asia/Kolkata",
    "PKT": "Asia/Karachi",
    "BDT": "Asia/Dhaka",
    "BST": "Europe/London",
    "NPT": "Asia/Kathmandu",
    "GST": "Asia/Dubai",
    "PHT": "Asia/Manila",
    "SGT": "Asia/Singapore",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "EDT": "America/New_York",
    "MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "KST": "Asia/Seoul",
    "MSK": "Europe/Moscow",
    "EAT": "Africa/Nairobi",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "CEST": "Europe/Berlin",
    "EEST": "Europe/Athens",
}


def zone_of_abbreviation(value: str) -> str:
    """The IANA zone an abbreviation such as 'IST' or 'PKT' names ('' when it names none):
    ZONE_ABBREVIATIONS, else the first zone (by name, of a continent or ocean) whose
    clock tzdata abbreviates so in January or July (JST -> Asia/Tokyo)."""
    wanted = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{2,5}", wanted):
        return ""
    if wanted in ZONE_ABBREVIATIONS:
        return ZONE_ABBREVIATIONS[wanted]
    for zone in sorted(available_timezones()):
        if zone.split("/")[0] not in CONTINENTS:
            continue
        if any(clock.tzname() == wanted for clock in _winter_and_summer(zone)):
            return zone
    return ""


def _winter_and_summer(zone: str) -> tuple[datetime, datetime]:
    """Mid-January and mid-July of this year on `zone`'s clock."""
    year, clock = datetime.now().year, ZoneInfo(zone)
    return datetime(year, 1, 15, tzinfo=clock), datetime(year, 7, 15, tzinfo=clock)


# "GMT+5", "UTC+05:30", "+0530", "UTC-3": a clock written as its offset from UTC.
# tzdata's own Etc/GMT+N is read so only where tzdata has no such zone (Etc/GMT+14, +5:30).
OFFSET = re.compile(r"(?:Etc/)?(?:UTC|GMT|Z)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


def offset_zones_hint(value: str) -> str:
    """The fix for a time zone written as an offset ('GMT+5'): the zones of cities whose
    clock is at that offset all year (their own zone names, never a different offset), and
    tzdata's Etc/GMT name with its reversed sign spelt out, where there is one. '' when the
    value is not an offset."""
    found = OFFSET.fullmatch(value.strip())
    if not found or (found.group(3) and int(found.group(3)) >= 60) or int(found.group(2)) > 14:
        return ""
    sign = 1 if found.group(1) == "+" else -1
    minutes = sign * (int(found.group(2)) * 60 + int(found.group(3) or 0))
    clock = f"UTC{found.group(1)}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    if minutes == 0:
        return f'{shown(value.strip())} is UTC itself: write: timezone = "UTC"'
    cities = zones_at_offset(minutes)
    if not cities:
        return _no_city_all_year(minutes, clock)
    named = " or ".join(repr(zone) for zone in cities[:2])
    etc = ""
    if value.strip().casefold().startswith("etc/"):
        etc = (
            f" (tzdata has no {shown(value.strip())}: its Etc names count the other way, in "
            "whole hours from Etc/GMT-14 to Etc/GMT+12, so it is read as written)"
        )
    return (
        f"{shown(value.strip())} reads as {clock}{etc}; a zone is named after a city on that "
        f"clock all year ({named}); write: timezone = {toml_value(cities[0])}. A city with "
        "summer time is written by its own name (Europe/London, America/New_York)"
    )


def _no_city_all_year(minutes: int, clock: str) -> str:
    """The fix for an offset no city keeps all year (`minutes` ahead of UTC, `clock`
    'UTC-03:30'): the cities on it for part of the year, whose own zone follows their
    summer time (Newfoundland's America/St_Johns is UTC-03:30 in winter: prober5 P33),
    else the cities on the nearest clocks kept all year, never an unrelated example."""
    offset = timedelta(minutes=minutes)
    some: dict[str, timedelta] = {}
    for zone in _candidates():
        winter, summer = (c.utcoffset() for c in _winter_and_summer(zone))
        if winter != summer and offset in (winter, summer) and winter and summer:
            some.setdefault(zone, summer if winter == offset else winter)
    if some:
        zone, other = next(iter(some.items()))
        rest = int(other.total_seconds()) // 60
        when = "outside its summer time" if other > offset else "in its summer time"
        rest_when = "in summer time" if other > offset else "the rest of the year"
        return (
            f"no place keeps {clock} all year; {zone!r} is on it {when} (UTC"
            f"{'-' if rest < 0 else '+'}{abs(rest) // 60:02d}:{abs(rest) % 60:02d} {rest_when}):"
            f" if the newsroom is there, write: timezone = {toml_value(zone)}, which follows "
            "the change by itself; else check the offset and write the zone of the "
            "newsroom's city by its name"
        )
    near = [
        z
        for step in (15, 30, 45, 60)
        for m in (minutes - step, minutes + step)
        for z in zones_at_offset(m)[:1]
    ][:2]
    named = " or ".join(repr(zone) for zone in near)
    return (
        f"no place's clock is at {clock}: check the offset, then write the zone of the "
        f"newsroom's city by its name" + (f" (the nearest clocks: {named})" if near else "")
    )


def _candidates() -> list[str]:
    """City zones, those newsrooms know first, then the others by name; the current names
    only where zone1970.tab says which are current."""
    current = _current_zones()
    others = sorted(z for z in available_timezones() if z.split("/")[0] in CONTINENTS)
    candidates = dict.fromkeys([*ZONE_ABBREVIATIONS.values(), *WELL_KNOWN_ZONES, *others])
    return [z for z in candidates if not current or z in current]


def zones_at_offset(minutes: int) -> list[str]:
    """City zones whose clock is `minutes` ahead of UTC in January and in July (no summer
    time): zones newsrooms know first, then the others by name; tzdata's old names for a
    zone (Asia/Calcutta for Asia/Kolkata) left out where zone1970.tab says which are current."""
    offset = timedelta(minutes=minutes)

    def all_year(zone: str) -> bool:
        return all(clock.utcoffset() == offset for clock in _winter_and_summer(zone))

    return [z for z in _candidates() if all_year(z)]


def _current_zones() -> set[str]:
    """The zone names of the system's zone1970.tab (or zone.tab): the current ones; empty
    when the system has neither."""
    for folder in TZPATH:
        for name in ("zone1970.tab", "zone.tab"):
            try:
                lines = (Path(folder) / name).read_text(encoding="utf-8").splitlines()
            except OSError:
                continue
            return {
                f[2] for f in (ln.split("\t") for ln in lines) if len(f) > 2 and f[0][:1] != "#"
            }
    return set()


# Cities readers know, for the fix of an offset: after the abbreviations' zones above.
WELL_KNOWN_ZONES = (
    "America/Bogota",
    "America/Lima",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "America/Phoenix",
    "Pacific/Honolulu",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Asia/Riyadh",
    "Asia/Tehran",
    "Asia/Tashkent",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Brisbane",
)


CONTINENTS = (
    "Africa",
    "America",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


# tzdata's old names of US and European clocks (kept for compatibility), and the city
# zones meant: EST and MST are one offset all year (no summer time), the others follow
# their summer rules.
_OLD_ZONES = {
    "EST": "America/New_York",
    "MST": "America/Denver",
    "HST": "Pacific/Honolulu",
    "EST5EDT": "America/New_York",
    "CST6CDT": "America/Chicago",
    "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles",
    "CET": "Europe/Paris",
    "MET": "Europe/Paris",
    "EET": "Europe/Athens",
    "WET": "Europe/Lisbon",
}


def zone_warnings(file: Path, where: str, zone: str) -> list[Diagnostic]:
    """A warning on the timezone line of `file` (named `where`) for a zone valid in tzdata
    but likely not meant: `Etc/GMT+5`, whose sign is reversed (it is UTC-05:00), and the
    old US names (`EST`: UTC-05:00 all year, no summer time). Its fix names city zones."""
    found = re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", zone)
    if found and int(found.group(2)):
        hours = int(found.group(2))
        real = -hours if found.group(1) == "+" else hours
        said = f"UTC{'+' if real > 0 else '-'}{hours:02d}:00"
        meant = f"UTC{found.group(1)}{hours:02d}:00"
        at_real, at_meant = (
            zones_at_offset(real * 60)[:1],
            zones_at_offset(-real * 60)[:1],
        )
        if not at_meant:  # no place is on UTC-14:00: the sign was written knowingly
            return []
        keep = (
            f"write the city's zone, timezone = {toml_value(at_real[0])}"
            if at_real
            else f"keep {zone}: no city keeps that clock all year"
        )
        other = f"timezone = {toml_value(at_meant[0])}"
        return [
            _zone_warning(
                file,
                where,
                f"timezone {shown(zone)} is {said}, not {meant}: tzdata's Etc names count "
                "the other way; if the newsroom is on "
                f"{meant}, every date written without an offset is {2 * hours} hours off",
                f"for {meant} write {other}; for {said} {keep}",
            )
        ]
    if zone not in _OLD_ZONES:
        return []
    city = _OLD_ZONES[zone]
    winter, summer = (clock.utcoffset() for clock in _winter_and_summer(zone))
    fix = f"write the city's zone: timezone = {toml_value(city)}"
    if winter == summer and winter and _winter_and_summer(city)[1].utcoffset() != summer:
        fixed = zones_at_offset(int(winter.total_seconds()) // 60)[:1]
        message = (
            f"timezone {shown(zone)} keeps one offset all year, with no summer time: a "
            f"newsroom on {city}'s clock would date its summer stories an hour off"
        )
        fix += f" (for one offset all year: {toml_value(fixed[0])})" if fixed else ""
    else:
        message = f"timezone {shown(zone)} is an old name tzdata keeps for {city}'s clock"
    return [_zone_warning(file, where, message, fix)]


def _zone_warning(file: Path, where: str, message: str, fix: str) -> Diagnostic:
    return warning(where, line_of(file, "timezone"), message, fix)


def timezone_hint(value: str) -> str:
    """The fix of a timezone tzdata does not know, naming the zone meant where one can be
    told: 'Z' -> UTC; an abbreviation ('IST'); an offset ('GMT+5', 'Etc/GMT+14'); a
    country ('India', one zone) or a city ('New York') by its English name; else a zone
    spelt nearly so ('Asia/Karchi'), never a guess from a number or a country's letters
    ('India' is not 'Indian/Mahe'). '' when none can be told."""
    typed = value.strip()
    if typed.upper() == "Z":
        return "'Z' is ISO 8601's letter for UTC: write: timezone = \"UTC\""
    cased = _in_capitals(typed)
    if cased:  # 'utc', 'europe/london'
        return f"did you mean {cased!r}? write: timezone = {toml_value(cased)}"
    zone = zone_of_abbreviation(typed)
    if zone:
        return (
            f"{shown(typed)} is an abbreviation, which places may share, not "
            f"a zone's name: did you mean {zone!r}? write: timezone = {toml_value(zone)}"
        )
    offset = offset_zones_hint(typed)
    if offset or re.search(r"\d", typed):
        return offset
    named = _zone_by_name(typed)
    if named:
        return named
    zones = sorted(available_timezones())
    if "/" in typed:
        close = difflib.get_close_matches(typed, zones, n=1, cutoff=0.8)
    else:
        cities = {z.rsplit("/", 1)[-1].casefold(): z for z in zones if "/" in z}
        near = difflib.get_close_matches(_folded(typed), list(cities), n=1, cutoff=0.8)
        close = [cities[near[0]]] if near else []
    return f"did you mean {close[0]!r}? write: timezone = {toml_value(close[0])}" if close else ""


def _in_capitals(typed: str) -> str:
    """The zone `typed` names in other capitals: 'utc' -> 'UTC', 'europe/london' ->
    'Europe/London'; '' for none. A name of letters alone other than UTC ('est', 'cet')
    is left to the abbreviations: tzdata's EST is no city's clock (prober5 P22)."""
    if typed.casefold() == "utc":
        return "UTC"
    if "/" not in typed:
        return ""
    return next((z for z in available_timezones() if z.casefold() == typed.casefold()), "")


def _folded(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip()).casefold()


def _zone_by_name(typed: str) -> str:
    """The fix of a country's or a city's name written for its zone: a country of one
    zone (zone.tab) -> that zone; of several -> two of them, none picked; a city whose
    zone is named after it ('new york' -> America/New_York). '' for neither."""
    wanted = _folded(typed)
    for zone in sorted(available_timezones()):
        if zone.split("/")[0] in CONTINENTS and zone.rsplit("/", 1)[-1].casefold() == wanted:
            return f"did you mean {zone!r}? write: timezone = {toml_value(zone)}"
    from babel import Locale

    codes = [c for c, n in Locale("en").territories.items() if _folded(n) == wanted]
    zones = [z for c in codes for z in _country_zones().get(c, [])]
    if len(zones) == 1:
        return (
            f"{shown(typed)} is a country, not a zone's name; its zone is {zones[0]!r}: "
            f"write: timezone = {toml_value(zones[0])}"
        )
    if zones:
        return (
            f"{shown(typed)} is a country with several time zones: write the zone of the "
            f"newsroom's city, such as timezone = {toml_value(zones[0])} or {zones[1]!r}"
        )
    return ""


def _country_zones() -> dict[str, list[str]]:
    """Country code -> its zones, from the system's zone.tab (one country a line); empty
    when the system has none."""
    for folder in TZPATH:
        try:
            lines = (Path(folder) / "zone.tab").read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        zones: dict[str, list[str]] = {}
        for fields in (ln.split("\t") for ln in lines if ln[:1] != "#"):
            if len(fields) > 2:
                zones.setdefault(fields[0], []).append(fields[2])
        return zones
    return {}
