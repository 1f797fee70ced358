"""A `site_id` dated in the future (`example.org,2026-12-25` written on 2026-12-01;
prober5 P23): a tag URI's date says since when the domain is yours, and a feed with no
story yet is dated from it (README, "A feed with no story yet"), so it would be dated
ahead of the clock. `check` and `build` warn on the site_id line; feeds keep the date
(the same content gives the same bytes whenever it is built).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.diagnostics import Diagnostic, warning
from generator.settings_errors import shown
from generator.settings_lines import line_of

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def first_day(typed: str) -> date | None:
    """The first day a site_id's date (`2026`, `2026-12`, `2026-12-25`) names; None when
    it is not a date."""
    found = _DATE.match(typed)
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def site_id_date_warnings(
    file: Path, where: str, site_id: str, zone: ZoneInfo, now: datetime | None = None
) -> list[Diagnostic]:
    """A warning on the `site_id` line of `file` (named `where`) when its date has not
    come yet anywhere on Earth (UTC+14); its fix writes the date of today in the site's
    time zone `zone` at the precision typed (a year, a month or a day)."""
    domain, _, typed = site_id.rpartition(",")
    start = first_day(typed)
    clock = now or datetime.now(UTC)
    if not domain or start is None or start <= (clock + timedelta(hours=14)).date():
        return []
    today = clock.astimezone(zone).date()
    meant = today.isoformat()[: len(typed)]  # 2026, 2026-12 or 2026-12-01
    message = (
        f"site_id {shown(site_id)} is dated {start.isoformat()}, a day still to come: its "
        "date says since when the domain is yours, and a feed with no story yet is dated "
        "from it, so feed readers and validators would see a feed from the future"
    )
    fix = (
        f'before the first publication, write a date that has come: site_id = "{domain},'
        f"{meant}\" (once the site is published, keep it: every feed item's ID carries it)"
    )
    return [warning(where, line_of(file, "site_id"), message, fix)]
