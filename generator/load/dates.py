"""Dated fields: `date`, `updated` and the dates of `corrections`, and the clock rules.

Dates are ISO 8601; one without an offset is read in the site's time zone, where a time
the clocks skip (daylight saving) is an error and one in the repeated hour a warning.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.load.checker import Checker, kind
from generator.load.content import Items, Mapping
from generator.load.fields_as_text import corrections_lines, typed_line
from generator.model import Correction

DATE_FORMAT_HINT = "use YYYY-MM-DDTHH:MM:SS+HH:MM, for example 2025-06-25T15:27:00+05:30"
_DATE_SHAPE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$",
    re.ASCII,  # digits 0-9 only: full-width ones are named by date_hint
)  # the offset as ISO 8601 writes it: +05:30, +0530 or +05 (the same instant, published +05:30)
# A fraction of a second (`10:00:00.5`, Hugo's nanoseconds): read, and dropped with a warning.
_FRACTION = re.compile(r"(?<=:\d{2})\.\d+", re.ASCII)

KNOWN_CORRECTION = ("date", "text")


def parse_datetime(value: str, tz: ZoneInfo) -> datetime | str:
    """An aware datetime to the whole second (a fraction of a second, of any number of
    digits, is dropped: `fraction_dropped` says so), or the reason `value` is not one.
    Naive values are read in `tz`."""
    match = _DATE_SHAPE.match(value)
    if not match:
        return f"{value!r} is not a date newsdigest can read"
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    try:
        date(year, month, day)
    except ValueError:
        return f"{value[:10]} is not a real date: {_impossible(year, month, day)[0]}"
    offset = re.fullmatch(r"[+-](\d{2}):?(\d{2})?", match.group(7) or "")
    if offset and (int(offset[2] or 0) > 59 or int(offset[1]) * 60 + int(offset[2] or 0) > 840):
        return (
            f"{value!r} is not a real time: its offset {match.group(7)} is not one "
            "(no clock is more than 14 hours from UTC; minutes run from 00 to 59)"
        )
    try:
        parsed = datetime.fromisoformat(_FRACTION.sub("", value).replace("Z", "+00:00"))
    except ValueError:
        return f"{value!r} is not a real time"
    if match.group(4) is None:
        parsed = datetime.combine(parsed.date(), time(0, 0))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def _impossible(year: int, month: int, day: int) -> tuple[str, str]:
    """Why year-month-day is no day of the calendar, and how to write the day meant."""
    if year < 1:
        return "there is no year 0000", DATE_FORMAT_HINT
    if not 1 <= month <= 12:
        swapped = f"{year:04d}-{day:02d}-{month:02d}"
        meant = (
            f"; did you mean {swapped} ({calendar.month_name[day]} {month})?"
            if _real(year, day, month)
            else ""
        )
        return (
            f"there is no month {month:02d}",
            "dates are written year-month-day, the month from 01 to 12" + meant,
        )
    name = f"{calendar.month_name[month]} {year}"
    last = calendar.monthrange(year, month)[1]
    return (
        f"{name} has {last} days" if day else "days are numbered from 01",
        f"check the day: write one from 01 to {last}; {year:04d}-{month:02d}-{last:02d} is "
        f"the last day of {name}",
    )


def _real(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def date_hint(written: str) -> str:
    """The fix for a date field that could not be read: how to write the day meant when
    the date does not exist (30 February); the same time in the form newsdigest reads when
    it is another ISO 8601 form (`2025-06-21t10:00z`, `20250621T100000Z`, `2025-W25-6`, a
    fraction finer than microseconds, a space before the offset), has dashes for hyphens
    (`2025–06–20`) or is written day/month/year (`31/12/2025`); else the format."""
    match = _DATE_SHAPE.match(written)
    if match and not _real(*(int(match.group(i)) for i in (1, 2, 3))):
        return _impossible(*(int(match.group(i)) for i in (1, 2, 3)))[1]
    fixed = _as_newsdigest_reads(written)
    wide = [c for c in written if c.isdigit() and not c.isascii()]
    if fixed is not None and wide:
        return (
            f"the date is written with full-width digits ({wide[0]}, as a Chinese, Japanese "
            f"or Korean input method types them), not 0-9: write {fixed}"
        )
    if fixed is not None:
        return f"{_ACCEPTS}; write it as {fixed}"
    from generator.load.date_forms import other_form  # (its 11 patterns: for a fix alone)

    return _dashes(written) or _day_month(written) or other_form(written) or DATE_FORMAT_HINT


# Dashes a word processor types for '-' (AutoCorrect's en dash, an em dash, a minus sign).
_DASHES = {
    "\u2013": "en dash",
    "\u2014": "em dash",
    "\u2212": "minus sign",
    "\u2012": "figure dash",
    "\u2010": "hyphen (U+2010)",
    "\u2011": "non-breaking hyphen",
}


def _dashes(written: str) -> str | None:
    """The fix for a date whose hyphens a word processor turned into dashes (2025–06–20)."""
    found = [c for c in written if c in _DASHES]
    if not found:
        return None
    plain = "".join("-" if c in _DASHES else c for c in written)
    fixed = plain if _DATE_SHAPE.match(plain) else _as_newsdigest_reads(plain)
    if fixed is None:
        return None
    return (
        f"the date has '{found[0]}' ({_DASHES[found[0]]}) where '-' (a hyphen) is "
        f"needed: write {fixed}"
    )


_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2}))?$")
_YEAR_FIRST = re.compile(r"^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$")
_EARTH = "as most of the world writes it"


def _day_month(written: str) -> str | None:
    """The fix for a date written day/month/year (31/12/2025, 31.12.2025), month/day/year
    (12/31/2025), or either (01/02/2025: both are real dates, so the fix names both)."""
    year_first = _YEAR_FIRST.match(written)
    if year_first is not None:  # 2025/06/20: the order is right, the marks are not
        year, month, day = (int(year_first[i]) for i in (1, 3, 4))
        meant = f"{year:04d}-{month:02d}-{day:02d}"
        fix = f"the date has '{year_first[2]}' where '-' (a hyphen) is needed: write {meant}"
        return fix if _real(year, month, day) else None
    found = _NUMERIC.match(written)
    if found is None:
        return None
    first, mark, second, year = int(found[1]), found[2], int(found[3]), int(found[4])
    clock = f"T{int(found[5]):02d}:{found[6]}" if found[5] else ""
    day_first = f"{year:04d}-{second:02d}-{first:02d}{clock}" if _real(year, second, first) else ""
    month_first = (
        f"{year:04d}-{first:02d}-{second:02d}{clock}" if _real(year, first, second) else ""
    )
    typed = f"{found[1]}{mark}{found[3]}{mark}{found[4]}"
    reads = "newsdigest reads dates written year-month-day"
    if day_first and month_first and day_first != month_first:
        return (
            f"{typed} can be read two ways, and {reads}: write {day_first} if it is "
            f"day{mark}month{mark}year ({_EARTH}) or {month_first} if it is "
            f"month{mark}day{mark}year (as the US writes it)"
        )
    if day_first or month_first:
        order = f"day{mark}month{mark}year" if day_first else f"month{mark}day{mark}year"
        return f"{typed} is {order}; {reads}: write {day_first or month_first}"
    return None


_ACCEPTS = (
    "newsdigest accepts dates written as 2025-06-21T10:00:00+05:30 (capital T and Z, "
    "hyphens and colons, the offset as +05:30, +0530 or +05, no fraction of a second)"
)
_BASIC = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{2})-?([1-7])$")


def _padded(found: re.Match[str]) -> str:
    return f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}"  # 2025-6-5 -> 2025-06-05


def _as_newsdigest_reads(written: str) -> str | None:
    """`written`, an ISO 8601 time in a form newsdigest does not read, in the one it does
    (also: full-width digits, a month or day in one digit, GMT or UTC after the time)."""
    value = unicodedata.normalize("NFKC", written).strip()  # ２０２５ -> 2025
    value = re.sub(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)", _padded, value, flags=re.ASCII)
    value = re.sub(r"(?<=\d)\s*(?:GMT|UTC)$", "Z", value, flags=re.I)
    value = re.sub(r"(?<=\d)t(?=\d)", "T", value)
    value = re.sub(r"(?<=\d)z$", "Z", value)
    value = re.sub(r"(?<=\d)\s+(Z|[+-]\d{2}:?\d{2})$", r"\1", value)
    value = re.sub(r"(?<=:\d{2}:\d{2})[.,]\d+", "", value)  # of a second, not a minute
    value = re.sub(  # an offset's hour in one digit: +5:30 -> +05:30
        r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-])(\d)(?::?(\d{2}))?$",
        lambda m: f"{m[1]}0{m[2]}:{m[3] or '00'}",
        value,
    )
    basic = _BASIC.match(value)
    if basic:
        year, month, day, hour, minute, second, offset = basic.groups()
        value = f"{year}-{month}-{day}"
        if hour is not None:
            value += f"T{hour}:{minute}:{second or '00'}{offset or ''}"
    week = _WEEK.match(value)
    if week:
        try:
            value = date.fromisocalendar(*(int(g) for g in week.groups())).isoformat()
        except ValueError:
            return None
    if value == written or not _DATE_SHAPE.match(value):
        return None
    return value


def clock_problem(parsed: datetime, written: str) -> tuple[str, str, str] | None:
    """('error' | 'warning', message, fix) for a local time the site's clock cannot show.

    Only times written without an offset are checked (`parsed.tzinfo` is then a ZoneInfo):
    a time skipped by a daylight-saving change does not exist (an error); a time in the
    repeated hour exists twice (a warning; the first, summer-time reading is used).
    """
    zone = parsed.tzinfo
    if not isinstance(zone, ZoneInfo):
        return None
    there_and_back = parsed.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if there_and_back != parsed.replace(tzinfo=None):
        before = (parsed - timedelta(hours=3)).utcoffset()
        after = (parsed + timedelta(hours=3)).utcoffset()
        return (
            "error",
            f"{written} does not exist in {zone.key}: the clocks skip that hour for "
            "daylight saving",
            f"write the time that was meant with its offset, such as "
            f"{written[:10]}T{written[11:16] or '00:00'}{_offset(before)} (before the change)"
            f" or ...{_offset(after)} (after it)",
        )
    first, second = parsed.replace(fold=0).utcoffset(), parsed.replace(fold=1).utcoffset()
    if first != second:
        return (
            "warning",
            f"{written} happens twice in {zone.key} (the clocks go back that night); "
            f"it is read as the first, {_offset(first)}",
            f"add the offset to say which: ...{_offset(first)} or ...{_offset(second)}",
        )
    return None


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def date_field(
    check: Checker, front: Mapping, key: str, tz: ZoneInfo, required: bool
) -> datetime | None:
    line = front.line_of(key)
    if key not in front or front[key] is None:
        if required:
            check.missing(front, key, key, f"add '{key}:' and the time; {DATE_FORMAT_HINT}")
        return None
    value = front[key]
    if not isinstance(value, str):
        check.error(line, f"{key} must be one date, not {kind(value)}", DATE_FORMAT_HINT)
        return None
    return _read_time(check, line, key, value.strip(), tz)


def _read_time(
    check: Checker, line: int, label: str, written: str, tz: ZoneInfo
) -> datetime | None:
    """`written` as an aware datetime, or None after an error on `line`: not a date, a year
    feeds cannot carry, or a local time the clocks skip (a repeated hour is a warning)."""
    parsed = parse_datetime(written, tz)
    if isinstance(parsed, str):
        check.error(line, f"{label}: {parsed}", date_hint(written))
        return None
    outside = outside_years(parsed, written, tz)
    if outside is not None:
        check.error(line, f"{label}: {outside}", YEARS_HINT)
        return None
    dropped = fraction_dropped(written)
    if dropped is not None:
        check.warn(line, f"{label}: {dropped[0]}", dropped[1])
    clock = clock_problem(parsed, written)
    if clock is not None:
        severity, message, hint = clock
        if severity == "error":
            check.error(line, f"{label}: {message}", hint)
            return None
        check.warn(line, f"{label}: {message}", hint)
    return parsed


def fraction_dropped(written: str) -> tuple[str, str] | None:
    """(message, fix) for a time `written` with a fraction of a second, which is dropped:
    HTML's <time> holds at most three digits of it, and a story is dated to the second;
    None without one, or with one of zeros only (`.000`, as JavaScript's toISOString
    writes): nothing is lost."""
    fraction = _FRACTION.search(written)
    if fraction is None or not fraction.group().strip(".0"):
        return None
    whole = _FRACTION.sub("", written)
    return (
        f"{written} has a fraction of a second ({fraction.group()}), which is not "
        f"published: stories are dated to the second, so it is read as {whole}",
        f"write {whole}",
    )


YEARS_HINT = "write a date from 1000-01-01 to 9999-12-31, in UTC and on the site's clock"


def outside_years(parsed: datetime, written: str, tz: ZoneInfo) -> str | None:
    """Why `parsed` cannot be published, or None: its year, as written, in UTC (feeds) and on
    the site's clock `tz` (archives, digest days) must be 1000 to 9999 (four digits)."""
    need = "feeds and archives need a four-digit year (1000 to 9999)"
    if parsed.year < 1000:
        return f"the year {parsed.year} cannot be published; {need}"
    for clock, name in ((UTC, "in UTC"), (tz, f"on the site's clock ({tz.key})")):
        try:
            there = parsed.astimezone(clock)
        except (OverflowError, ValueError):  # past 9999-12-31 23:59 or before 0001
            there = None
        if there is None or not 1000 <= there.year <= 9999:
            shown = there.isoformat()[:16].replace("T", " ") if there else "in the year 10000"
            if there is None and parsed.year < 5000:
                shown = "before the year 1"
            return f"{written} is {shown} {name}; {need}"
    return None


def has_time(value: object) -> bool:
    """Whether a date field, as typed, gives a time of day (`2025-06-25` does not)."""
    match = _DATE_SHAPE.match(value.strip()) if isinstance(value, str) else None
    return match is None or match.group(4) is not None


def _split_items(check: Checker, items: list[object]) -> set[int]:
    """The numbers of the items that are halves of one correction, each pair said once:
    an item with only `date:` next to one with only `text:` (a '- ' typed before the
    second line starts a new item, so each half misses the other's field)."""
    halves: set[int] = set()
    for number in range(1, len(items)):
        first, second = items[number - 1], items[number]
        if number in halves or not (isinstance(first, Mapping) and isinstance(second, Mapping)):
            continue
        fields = {tuple(first), tuple(second)}
        if fields != {("date",), ("text",)}:
            continue
        latter = next(iter(second))
        check.error(
            second.line_of(latter),
            f"corrections: items {number} and {number + 1} are one correction split in two: "
            f"the '- ' before '{latter}:' starts a new item, so item {number} has no "
            f"{latter} and item {number + 1} no {next(iter(first))}",
            f"remove the '- ' before '{latter}:' and indent '{latter}:' to line up with "
            f"'{next(iter(first))}:' above it",
        )
        halves |= {number, number + 1}
    return halves


def corrections(
    check: Checker, front: Mapping, published: datetime | None, tz: ZoneInfo
) -> tuple[Correction, ...]:
    """`corrections:`, a list of `date:` + `text:`; each dated no earlier than the article.

    Returned oldest first, as a reader follows them."""
    if "corrections" not in front or front["corrections"] is None:
        return ()
    value, line = front["corrections"], front.line_of("corrections")
    example = (
        "write each as '- date: 2025-06-26T10:00:00+05:30' with an indented "
        "'text: What was wrong and what is right'"
    )
    if not isinstance(value, list):
        fix = corrections_lines(value, typed_line(check.doc.path, line))
        check.error(line, f"corrections must be a list, not {kind(value)}", fix)
        return ()
    found: list[Correction] = []
    halves = _split_items(check, value)
    for number, item in enumerate(value, start=1):
        if number in halves:
            continue
        label = f"corrections: item {number}"
        if not isinstance(item, Mapping):  # on the item's own line
            at = value.line_of(number - 1) if isinstance(value, Items) else line
            check.error(at, f"{label} must be a date and a text, not {kind(item)}", example)
            continue
        check.unknown(item, KNOWN_CORRECTION, "corrections.")
        text = check.text(item, "text", f"{label}: text", required=True)
        check.plain(item, "text", f"{label}: text", text)
        when = item.get("date")
        if not isinstance(when, str):
            check.error(
                item.line_of("date"),
                f"{label}: date is missing"
                if when is None
                else f"{label}: date {when!r} is not a date",
                DATE_FORMAT_HINT,
            )
            continue
        parsed = _read_time(check, item.line_of("date"), f"{label}: date", when.strip(), tz)
        if parsed is None:
            continue
        if published is not None and parsed < published:
            check.error(
                item.line_of("date"),
                f"{label}: date ({parsed.isoformat()}) is before the article's date "
                f"({published.isoformat()})",
                "a correction comes after publication; fix its date",
            )
            continue
        if text:
            found.append(Correction(parsed, text, has_time(when)))
    return tuple(sorted(found, key=lambda c: c.date.timestamp()))


def update_before(published: datetime, updated: datetime, written: object) -> tuple[str, str]:
    """(message, fix) for an `updated:` before `date:`. A day alone (`updated: 2025-06-26`
    on the day of publication: read as 00:00 on the site's clock) is said so, with the day
    and the offset written and the time left to fill in (never a made-up time)."""
    message = f"updated ({updated.isoformat()}) is before date ({published.isoformat()})"
    local = published.astimezone(updated.tzinfo)
    alone = isinstance(written, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", written.strip())
    if not alone or local.date() != updated.date():
        return message, "an update cannot come before publication; fix one of the two"
    offset = f"{local:%z}"
    return (
        f"{message}: a date alone is read as 00:00 on the site's clock ({updated.tzinfo})",
        f"write the time of the update, {local:%H:%M} or later on that clock: "
        f"updated: {local:%Y-%m-%d}THH:MM:00{offset[:3]}:{offset[3:]} (HH:MM: the hour and "
        "minutes)",
    )
