"""Dates and times as readers see them: one clock, the site's timezone, formatted here.

Listings show every time on the site's clock with its short name ("14:35 IST"), under a
day heading that is the day of that time in the site's timezone, so a time and the day
above it always agree. An article's dateline keeps the local time of where it was filed
and adds the site's. Pages are static: times are absolute ("14:35 IST"), never relative
("3 h ago"), which would be wrong an hour after the build. `<time datetime>` values
(`time_attr`) stay exact: RFC 3339 with the article's own offset.

Day and month names are in the page's language (a BCP 47 tag): CLDR's, through Babel
("25 جون 2025" in Urdu, "25 जून 2025" in Hindi). English, and a language CLDR does not
know, keep the theme's English ("25 June 2025").
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from babel import Locale
from babel.dates import format_date

from generator.index.digest import human_date, human_day
from generator.languages import locale_of


def _locale(language: str) -> Locale | None:
    """The CLDR locale that names days and months in `language`; None for English (and
    for a tag CLDR does not know), whose names the theme writes itself."""
    found = locale_of(language) if language else None
    return None if found is None or found.language == "en" else found


def day_text(value: date, language: str = "") -> str:
    """'25 June 2025'; '25 جون 2025' in `ur`, '25 जून 2025' in `hi` (CLDR month names)."""
    locale = _locale(language)
    return human_date(value) if locale is None else format_date(value, "d MMMM y", locale)


def weekday_text(value: date, language: str = "") -> str:
    """'Wednesday 25 June 2025': a digest day's name, in `language` as day_text."""
    locale = _locale(language)
    return human_day(value) if locale is None else format_date(value, "EEEE d MMMM y", locale)


def month_text(year: int, month: int, language: str = "") -> str:
    """'June 2025': an archive month's name; 'جون 2025' in `ur`, 'जून 2025' in `hi` (CLDR's
    stand-alone month names)."""
    locale = _locale(language)
    value = date(year, month, 1)
    return f"{value:%B %Y}" if locale is None else format_date(value, "LLLL y", locale)


_NONE = object()


def context_value(context: jinja2.runtime.Context, key: str, default: Any = None) -> Any:
    """`context.get(key, default)`: the template's own variable, else the page's (as
    Jinja's Context.resolve_or_missing reads them), without its three Python calls."""
    found = context.vars.get(key, _NONE)
    return context.parent.get(key, default) if found is _NONE else found


def page_language(context: jinja2.runtime.Context) -> str:
    """The BCP 47 tag of the page being rendered ('' outside a page)."""
    return str(context_value(context, "language", ""))


@jinja2.pass_context
def human_date_filter(context: jinja2.runtime.Context, value: date) -> str:
    """'25 June 2025', with the month's name in the page's language."""
    return day_text(value, page_language(context))


@jinja2.pass_context
def human_day_filter(context: jinja2.runtime.Context, value: date) -> str:
    """'Wednesday 25 June 2025', in the page's language."""
    return weekday_text(value, page_language(context))


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


_LISTED = 20_000  # listed times remembered by a Clock (then it starts again)


class Clock:
    """The site's clock: formats aware datetimes in the site's timezone `tz`."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        # listed() with a time, by instant and language: a story is listed on many pages
        # (and an equal datetime is the same instant, shown in `tz` alike).
        self._listed: dict[tuple[datetime, str], str] = {}

    def filters(self) -> dict[str, Any]:
        """The theme's time filters, in the language of the page they render on:
        time_of_day, listed_time, dateline."""

        @jinja2.pass_context
        def listed_time(
            context: jinja2.runtime.Context, value: datetime, has_time: bool = True
        ) -> str:
            return self.listed(value, has_time, page_language(context))

        @jinja2.pass_context
        def dateline(
            context: jinja2.runtime.Context, value: datetime, has_time: bool = True
        ) -> str:
            return self.dateline(value, has_time, page_language(context))

        return {"time_of_day": self.time_of_day, "listed_time": listed_time, "dateline": dateline}

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

    def listed(self, value: datetime, has_time: bool = True, language: str = "") -> str:
        """'26 June 2025, 14:35 IST': a time in a list without day headings; the day alone
        ('26 June 2025') when the editor gave no time. Day and month in `language`."""
        if not has_time:
            return day_text(value.date(), language)
        found = self._listed.get((value, language))
        if found is None:
            if len(self._listed) >= _LISTED:
                self._listed.clear()
            here = self.local(value)
            found = f"{day_text(here.date(), language)}, {here:%H:%M} {zone_name(here)}"
            self._listed[(value, language)] = found
        return found

    def dateline(self, value: datetime, has_time: bool = True, language: str = "") -> str:
        """An article's dateline: the local time where it was filed, then the site's.

        '25 June 2025, 15:27 IST' when the two clocks agree; '26 June 2025, 14:35
        UTC-04:00 (27 June 2025, 00:05 IST)' when they do not. The day alone when the
        editor gave no time. Day and month in `language`.
        """
        if not has_time:
            return day_text(value.date(), language)
        here = self.local(value)
        if here.utcoffset() == value.utcoffset():
            return self.listed(value, True, language)
        own = f"{day_text(value.date(), language)}, {value:%H:%M} {offset_name(value)}"
        if here.date() == value.date():
            return f"{own} ({here:%H:%M} {zone_name(here)})"
        return f"{own} ({self.listed(value, True, language)})"
