"""Dates written in forms other than ISO 8601, converted for a date error's fix: an e-mail
or RSS date (`Sun, 22 Jun 2025 10:00:00 +0530`), a month in words (`June 22, 2025`), a
time zone's name or abbreviation after the time (`Asia/Kolkata`, `IST`), `24:00`, an
hour without minutes, a Unix time (`1750000000`) and a year alone (load/dates.py's
`date_hint` and `date_field`)."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_FIRST = re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I)
_DAY_FIRST = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})$", re.I)
_WEEKDAYS = {
    name.lower(): number
    for number in range(7)
    for name in (calendar.day_name[number], calendar.day_abbr[number])
}
_WEEKDAY_FIRST = re.compile(r"^([A-Za-z]+)\.?,?\s+(?=\S)")
# What may follow a time: a zone's abbreviation (`IST`) or an offset (`+0530`, `-05:00`).
_AFTER_TIME = r"(?:\s+(?P<zone>(?-i:[A-Z]{2,5}))|\s*(?P<offset>[+-]\d{2}:?\d{2}))?$"
_TIME_AFTER = re.compile(
    r"^(?P<date>.*?\d{4}),?\s+(?:at\s+)?(?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?"
    r"\s*(?P<half>[ap]\.?m\.?)?" + _AFTER_TIME,
    re.IGNORECASE,
)
# AM/PM after a time: e-mail dates have no such word (the e-mail reader drops it).
_HALF_DAY_WORD = re.compile(r"\d\s*[ap]\.?m\.?(?=\s|$)", re.IGNORECASE)
_CLOCK = r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?"
_NAMED_ZONE = re.compile(rf"^{_CLOCK}\s*([A-Za-z]+(?:/[A-Za-z0-9_+-]+)+|[A-Z]{{2,5}})$")
_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]24:00(?::00)?(Z|[+-]\d{2}:?\d{2})?$")
_HOUR_ONLY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2})(Z|[+-]\d{2}:\d{2})?$")
# Abbreviations an editor or CMS writes after a time: the offset of the first meaning,
# and the others it has.
_ABBREVIATIONS = {
    "IST": ("+05:30", "India Standard Time", "Israel's IST is +02:00, Irish summer time +01:00"),
    "PKT": ("+05:00", "Pakistan time", ""),
    "NPT": ("+05:45", "Nepal time", ""),
    "BST": ("+01:00", "British Summer Time", "Bangladesh's BST is +06:00"),
    "CET": ("+01:00", "Central European Time", ""),
    "CEST": ("+02:00", "Central European Summer Time", ""),
    "EET": ("+02:00", "Eastern European Time", ""),
    "EEST": ("+03:00", "Eastern European Summer Time", ""),
    "WET": ("+00:00", "Western European Time", ""),
    "WEST": ("+01:00", "Western European Summer Time", ""),
    "MSK": ("+03:00", "Moscow time", ""),
    "GST": ("+04:00", "Gulf Standard Time", ""),
    "SGT": ("+08:00", "Singapore time", ""),
    "HKT": ("+08:00", "Hong Kong time", ""),
    "JST": ("+09:00", "Japan Standard Time", ""),
    "KST": ("+09:00", "Korea Standard Time", ""),
    "AEST": ("+10:00", "Australian Eastern Standard Time", ""),
    "AEDT": ("+11:00", "Australian Eastern Daylight Time", ""),
    "EST": ("-05:00", "US Eastern Standard Time", ""),
    "EDT": ("-04:00", "US Eastern Daylight Time", ""),
    "CST": ("-06:00", "US Central Standard Time", "China Standard Time is +08:00"),
    "CDT": ("-05:00", "US Central Daylight Time", ""),
    "MST": ("-07:00", "US Mountain Standard Time", ""),
    "MDT": ("-06:00", "US Mountain Daylight Time", ""),
    "PST": ("-08:00", "US Pacific Standard Time", ""),
    "PDT": ("-07:00", "US Pacific Daylight Time", ""),
}
# The clocks each abbreviation of a zone with summer time names: an abbreviation is
# converted only on a date it is in force there (BST in November is not: UK time is GMT).
_CLOCKS = {
    "BST": "Europe/London",
    **dict.fromkeys(("CET", "CEST"), "Europe/Paris"),
    **dict.fromkeys(("EET", "EEST"), "Europe/Athens"),
    **dict.fromkeys(("WET", "WEST"), "Europe/Lisbon"),
    "AEDT": "Australia/Sydney",
    **dict.fromkeys(("EST", "EDT"), "America/New_York"),
    **dict.fromkeys(("CST", "CDT"), "America/Chicago"),
    "MDT": "America/Denver",
    **dict.fromkeys(("PST", "PDT"), "America/Los_Angeles"),
}
_READS = "newsdigest reads dates written year-month-day, then T, the time and its offset"


def other_form(written: str) -> str | None:
    """The fix for a date `written` in one of this module's forms, with the date as
    newsdigest reads it; None for any other text."""
    value = written.strip()
    if value.isascii() and value.isdigit():
        return _number(int(value))
    for convert in (_rfc2822, _in_words, _zone, _midnight, _hour_only, _half_day, _utc_plus):
        fix = convert(value)
        if fix is not None:
            return fix
    return None


def _rfc2822(value: str) -> str | None:
    if not _RFC2822.match(value) or _HALF_DAY_WORD.search(value):
        return None  # a time with AM/PM is read by _in_words, on the 12-hour clock
    import email.utils  # (with `socket`, 9 ms: only for a date the story wrote so)

    midnight = re.search(r"\s24:00(?::00)?\s", value)  # the end of the day written
    try:
        parsed = email.utils.parsedate_to_datetime(
            value[: midnight.start()] + " 00:00:00 " + value[midnight.end() :]
            if midnight
            else value
        )
    except (TypeError, ValueError, IndexError):
        return None
    zone = value.rsplit(None, 1)[-1]
    unknown = parsed.tzinfo is None and zone == "-0000"  # UTC, origin unknown
    if unknown:
        parsed = parsed.replace(tzinfo=UTC)
    if parsed.tzinfo is None and zone.upper() not in _ABBREVIATIONS:
        return None
    weekday = value[:3].title()
    if value[3:4] == "," and weekday != calendar.day_abbr[parsed.weekday()]:
        return (
            f"{value} is an e-mail or RSS date whose weekday ({weekday}) is not its day's: "
            f"{parsed.date().isoformat()} is a {calendar.day_name[parsed.weekday()]}, so the "
            f"day or the weekday is wrong; check which, then write it year-month-day, T, the "
            "time and its offset (YYYY-MM-DDTHH:MM:SS+HH:MM)"
        )
    end = " (24:00 is 00:00 of the next day)" if midnight else ""
    parsed += timedelta(days=1) if midnight else timedelta(0)
    unused = _out_of_season(parsed.replace(tzinfo=None), zone)
    if unused is not None:
        return f"{value} is an e-mail or RSS date; and {unused}"
    if parsed.tzinfo is None:  # an abbreviation e-mail dates do not define (IST, CEST)
        offset, meaning, others = _ABBREVIATIONS[zone.upper()]
        return (
            f"{value} is an e-mail or RSS date{end}; {_READS}: write "
            f"{parsed.isoformat()}{offset} if {zone} is {meaning}"
            + (f" ({others})" if others else "")
        )
    meaning = " (-0000 means UTC)" if unknown else end
    return f"{value} is an e-mail or RSS date{meaning}; {_READS}: write {parsed.isoformat()}"


def _in_words(value: str) -> str | None:
    head = _WEEKDAY_FIRST.match(value)
    weekday = _WEEKDAYS.get(head[1].lower()) if head else None
    if weekday is not None and head is not None:
        value = value[head.end() :]
    timed = _TIME_AFTER.match(value)
    words = timed["date"] if timed else value
    found = _MONTH_FIRST.match(words)
    if found:
        month, day, year = _MONTHS[found[1].lower()], int(found[2]), int(found[3])
    elif found := _DAY_FIRST.match(words):
        day, month, year = int(found[1]), _MONTHS[found[2].lower()], int(found[3])
    else:
        return None
    try:
        meant = date(year, month, day)
    except ValueError:
        return None
    if weekday is not None and weekday != meant.weekday():
        return (
            f"{_READS}; and {meant.isoformat()} is a {calendar.day_name[meant.weekday()]}, "
            f"not a {calendar.day_name[weekday]}, so the day or the weekday is wrong: check "
            "which, then write it YYYY-MM-DD (and the time, THH:MM:SS+HH:MM)"
        )
    clock = _clock(timed) if timed else None
    if timed and clock is None:
        return None
    if clock and timed:
        return _timed(meant.isoformat(), clock, timed)
    return (
        f"{_READS}: write {meant.isoformat()} (with the time, if you have it: "
        f"{meant.isoformat()}THH:MM:SS+HH:MM)"
    )


def _timed(day: str, clock: str, timed: re.Match[str]) -> str | None:
    """The fix for the day `day` (YYYY-MM-DD) with the time `clock` ('HH:MM:SS', on the
    24-hour clock) and what `timed` found after it: a zone's abbreviation, an offset or
    nothing (the site's clock); None for an abbreviation newsdigest does not know."""
    zone, offset = timed["zone"], timed["offset"]
    if offset:
        if int(offset[1:3]) > 14 or int(offset[-2:]) > 59:
            return None
        offset = f"{offset[:3]}:{offset[-2:]}"
        return f"{_READS}, on the 24-hour clock: write {day}T{clock}{offset}"
    if zone in ("UTC", "GMT", "UT"):
        return f"{_READS}: write {day}T{clock}Z"
    if zone:
        if zone not in _ABBREVIATIONS:
            return None
        return _abbreviation(datetime.fromisoformat(f"{day}T{clock}"), f"{day}T{clock}", zone)
    return (
        f"{_READS}: write {day}T{clock}, which is read on the site's clock "
        "(its timezone); add the offset (+HH:MM) if the time is another place's"
    )


def _clock(timed: re.Match[str]) -> str | None:
    """'HH:MM:SS' of a time after a date in words (`10:00`, `12:30 AM`, `9pm`); None for
    no real time, or an hour alone with neither minutes nor AM/PM."""
    hour, minute, second = int(timed["h"]), int(timed["m"] or 0), int(timed["s"] or 0)
    half = (timed["half"] or "").lower().replace(".", "")
    if not half and timed["m"] is None or minute > 59 or second > 59:
        return None
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif hour > 23:
        return None
    return f"{hour:02}:{minute:02}:{second:02}"


def _zone(value: str) -> str | None:
    found = _NAMED_ZONE.match(value)
    if found is None:
        return None
    day, hour, minute, second, name = found.groups()
    clock = f"{day}T{hour}:{minute}:{second or '00'}"
    try:
        naive = datetime.fromisoformat(clock)
    except ValueError:
        return None
    if name.upper() in _ABBREVIATIONS:
        return _abbreviation(naive, clock, name)
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    first, second_time = naive.replace(tzinfo=zone), naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second_time.utcoffset():
        return f"{_READS}, not a zone's name: write {first.isoformat()} ({name}'s offset then)"
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        return (
            f"{_READS}, not a zone's name; and {clock} never happens in {name}: its clocks "
            "skip that hour on that day (summer time begins), so check the time and write "
            "it with its offset (YYYY-MM-DDTHH:MM:SS+HH:MM)"
        )
    return (
        f"{_READS}, not a zone's name; and {clock} happens twice in {name} (its clocks go "
        f"back that night): write {first.isoformat()} for the first time, "
        f"{second_time.isoformat()} for the second"
    )


def _abbreviation(naive: datetime, clock: str, name: str) -> str:
    offset, meaning, others = _ABBREVIATIONS[name.upper()]
    also = f" ({others})" if others else ""
    unused = _out_of_season(naive, name)
    if unused is not None:
        return f"{_READS}, not a zone's abbreviation; and {unused}"
    return (
        f"{_READS}, not a zone's abbreviation, which can mean more than one: write "
        f"{clock}{offset} if {name} is {meaning}{also}"
    )


def _out_of_season(naive: datetime, name: str) -> str | None:
    """Why the abbreviation `name` cannot be the clock time `naive` was read on (BST on a
    day the UK is on GMT), with no time to write; None when it is in force, or has no
    summer time."""
    place = _CLOCKS.get(name.upper())
    if place is None:
        return None
    zone = ZoneInfo(place)
    if naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        before, after = (naive.replace(tzinfo=zone, fold=fold).tzname() for fold in (0, 1))
        return (
            f"{naive.isoformat()} never happens in {place}, where {name} is used: its clocks "
            f"skip that hour on that day (summer time begins, {before} becomes {after}), so "
            "check the time and write it with its offset (YYYY-MM-DDTHH:MM:SS+HH:MM)"
        )
    if name.upper() in {naive.replace(tzinfo=zone, fold=fold).tzname() for fold in (0, 1)}:
        return None
    offset, meaning, others = _ABBREVIATIONS[name.upper()]
    now = naive.replace(tzinfo=zone)
    return (
        f"{name} ({meaning}, {offset}) is not in force on {naive.date().isoformat()}: "
        f"{place}'s clocks then show {now.tzname()}, {now.isoformat()[-6:]}"
        + (f" ({others})" if others else "")
        + "; check which time is meant and write it with its offset "
        "(YYYY-MM-DDTHH:MM:SS+HH:MM)"
    )


def _midnight(value: str) -> str | None:
    found = _MIDNIGHT.match(value)
    if found is None:
        return None
    try:
        after = date.fromisoformat(found[1]) + timedelta(days=1)
    except ValueError:
        return None
    return (
        f"24:00 is the end of {found[1]}, which newsdigest writes as 00:00 of the next day: "
        f"write {after.isoformat()}T00:00:00{found[2] or ''}"
    )


def _hour_only(value: str) -> str | None:
    found = _HOUR_ONLY.match(value)
    if found is None or int(found[2]) > 24:
        return None
    if found[2] == "24":
        return _midnight(f"{found[1]}T24:00{found[3] or ''}")
    return f"the time needs its minutes: write {found[1]}T{found[2]}:00:00{found[3] or ''}"


_HALF_DAY = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?"
    r"\s*(?P<half>[ap]\.?m\.?)" + _AFTER_TIME,
    re.IGNORECASE,
)
_UTC_PLUS = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)\s*(?:UTC|GMT)\s*"
    r"([+-])(\d{1,2})(?::?(\d{2}))?$",
    re.IGNORECASE,
)


def _half_day(value: str) -> str | None:
    """`2026-11-30 10:00 PM` (`9pm IST`, `9:30 PM -0500`): the time on the 24-hour clock,
    read on the site's clock, or with the zone's abbreviation or offset after it."""
    found = _HALF_DAY.match(value)
    clock = _clock(found) if found else None
    if found is None or clock is None:
        return None
    if not (found["zone"] or found["offset"]):
        return (
            f"{_READS}, on the 24-hour clock: write {found[1]}T{clock}, which is read on the "
            "site's clock (its timezone); add the offset (+HH:MM) if the time is another place's"
        )
    return _timed(found[1], clock, found)


def _utc_plus(value: str) -> str | None:
    """`10:00 UTC+5:30`, `10:00:00 GMT+1`: the offset as newsdigest reads it."""
    found = _UTC_PLUS.match(value)
    if found is None or int(found[4]) > 14 or int(found[5] or 0) > 59:
        return None
    clock = found[2] if len(found[2]) == 8 else found[2] + ":00"
    offset = f"{found[3]}{int(found[4]):02}:{found[5] or '00'}"
    return f"{_READS}, the offset after it as +HH:MM: write {found[1]}T{clock}{offset}"


def _number(value: int) -> str | None:
    """The fix for a date typed as a number: a year alone (`2026`), or a Unix time (the
    seconds since 1970 that databases export: `1750000000`); None for another number."""
    if 1000 <= value <= 9999:
        return (
            f"a date needs its month and day as well as the year: write {value}-MM-DD, "
            f"such as {value}-06-25 (and the time, if you have it: {value}-MM-DDTHH:MM:SS+HH:MM)"
        )
    if 100_000_000 <= value <= 9_999_999_999:
        when = datetime.fromtimestamp(value, UTC).isoformat().replace("+00:00", "Z")
        return f"{value} looks like a Unix time (seconds since 1970, in UTC): write {when}"
    if 100_000_000_000 <= value <= 9_999_999_999_999 and not value % 1000:
        when = datetime.fromtimestamp(value // 1000, UTC).isoformat().replace("+00:00", "Z")
        return (
            f"{value} looks like a Unix time in milliseconds (since 1970, in UTC, as "
            f"JavaScript writes it): write {when}"
        )
    return None
