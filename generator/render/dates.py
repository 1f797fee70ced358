"""Dates and times as readers see them: one clock, the site's timezone, formatted here.

Listings show every time on the site's clock with its short name ("14:35 IST"), under a
day heading that is the day of that time in the site's timezone, so a time and the day
above it always agree. An article's dateline keeps the local time of where it was filed
and adds the site's. Pages are static: times are absolute ("14:35 IST"), never relative
("3 h ago"), which would be wrong an hour after the build. `<time datetime>` values
(`time_attr`) stay exact: RFC 3339 with the article's own offset.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from generator.index.digest import human_date


def offset_name(value: datetime) -> str:
    """'UTC', 'UTC+05:30', 'UTC-04:00': the offset of an aware datetime."""
    offset = value.strftime("%z")
    if offset in ("+0000", "-0000", ""):
        return "UTC"
    return f"UTC{offset[:3]}:{offset[3:]}"


def zone_name(value: datetime) -> str:
    """The short name of an aware datetime's zone ('IST', 'BST', 'UTC').

    Zones without a customary abbreviation (tzdata writes '+04' for Asia/Dubai) are
    named by their offset, 'UTC+04:00'.
    """
    name = value.tzname() or ""
    if not name or name[0] in "+-" or name.isdigit():
        return offset_name(value)
    return name


def time_attr(value: datetime, has_time: bool = True) -> str:
    """The `datetime` attribute of <time>: RFC 3339 in the dateline's own offset, or the
    day alone (HTML's valid date string) when the editor gave no time."""
    return value.isoformat() if has_time else value.date().isoformat()


class Clock:
    """The site's clock: formats aware datetimes in the site's timezone `tz`."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz

    def local(self, value: datetime) -> datetime:
        return value.astimezone(self.tz)

    def day(self, value: datetime) -> date:
        """The calendar day of `value` in the site's timezone: the day it is listed under."""
        return self.local(value).date()

    def time_of_day(self, value: datetime, has_time: bool = True) -> str:
        """'14:35 IST': a time under a day heading; '' when the editor gave no time."""
        if not has_time:
            return ""
        here = self.local(value)
        return f"{here:%H:%M} {zone_name(here)}"

    def listed(self, value: datetime, has_time: bool = True) -> str:
        """'26 June 2025, 14:35 IST': a time in a list without day headings; the day alone
        ('26 June 2025') when the editor gave no time."""
        if not has_time:
            return human_date(value.date())
        here = self.local(value)
        return f"{human_date(here.date())}, {here:%H:%M} {zone_name(here)}"

    def dateline(self, value: datetime, has_time: bool = True) -> str:
        """An article's dateline: the local time where it was filed, then the site's.

        '25 June 2025, 15:27 IST' when the two clocks agree; '26 June 2025, 14:35
        UTC-04:00 (27 June 2025, 00:05 IST)' when they do not. The day alone when the
        editor gave no time.
        """
        if not has_time:
            return human_date(value.date())
        here = self.local(value)
        if here.utcoffset() == value.utcoffset():
            return self.listed(value)
        own = f"{human_date(value.date())}, {value:%H:%M} {offset_name(value)}"
        if here.date() == value.date():
            return f"{own} ({here:%H:%M} {zone_name(here)})"
        return f"{own} ({self.listed(value)})"
