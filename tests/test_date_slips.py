"""Dates an editor types in a form newsdigest does not read get the date to write in the
fix, as `2025-W25-5` does: full-width digits (a CJK input method), a month or day in
one digit, GMT or UTC after the time; and the forms CMSs, feeds and databases write (a
zone's abbreviation or name, an RSS date, a month in words, 24:00, an hour alone, a Unix
time, a year alone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article


@pytest.mark.parametrize(
    ("typed", "words", "fixed"),
    [
        ("２０２５-06-20", "full-width digits", "write 2025-06-20"),
        ("2025-6-5", "write it as", "write it as 2025-06-05"),
        ("2025-06-20T10:00:00GMT", "write it as", "write it as 2025-06-20T10:00:00Z"),
        ("2025-06-20T10:00:00 UTC", "write it as", "write it as 2025-06-20T10:00:00Z"),
        # the forms CMSs, feeds and databases write
        (
            "2026-11-20 10:00 IST",
            "abbreviation",
            "India Standard Time (Israel's IST is +02:00, Irish summer time +01:00)",
        ),
        ("2026-11-20 10:00 EST", "write 2026-11-20T10:00:00-05:00", "US Eastern Standard Time"),
        ("'Sun, 22 Jun 2025 10:00:00 +0530'", "RSS date", "write 2025-06-22T10:00:00+05:30"),
        ("'June 22, 2025'", "write 2025-06-22", "2025-06-22THH:MM:SS+HH:MM)"),
        ("22 June 2025", "write 2025-06-22", "2025-06-22THH:MM:SS+HH:MM)"),
        ("2026-11-20T24:00:00+05:30", "end of 2026-11-20", "write 2026-11-21T00:00:00+05:30"),
        ("2026-11-20T10+05:30", "needs its minutes", "write 2026-11-20T10:00:00+05:30"),
        ("1750000000", "Unix time", "write 2025-06-15T15:06:40Z"),
        ("2026", "month and day", "2026-MM-DDTHH:MM:SS+HH:MM)"),
        (
            "2026-11-20T10:00:00 Asia/Kolkata",
            "zone's name",
            "write 2026-11-20T10:00:00+05:30 (Asia/Kolkata's offset then)",
        ),
        # prober M3/M14: never a time that is wrong or itself refused; when unsure, none
        (
            "2026-11-30 10:00 BST",
            "BST (British Summer Time, +01:00) is not in force on 2026-11-30: "
            "Europe/London's clocks then show GMT, +00:00",
            "write it with its offset (YYYY-MM-DDTHH:MM:SS+HH:MM)",
        ),
        ("2026-07-30 10:00 BST", "British Summer Time", "+06:00)"),
        (
            "2026-03-29 01:30 Europe/London",
            "never happens in Europe/London",
            "(YYYY-MM-DDTHH:MM:SS+HH:MM)",
        ),
        (
            "2026-11-01 01:30 America/New_York",
            "happens twice",
            "2026-11-01T01:30:00-04:00 for the first time, 2026-11-01T01:30:00-05:00 for the "
            "second",
        ),
        (
            "'Tue, 30 Nov 2026 10:00:00 GMT'",
            "2026-11-30 is a Monday, so the day or the weekday is wrong",
            "(YYYY-MM-DDTHH:MM:SS+HH:MM)",
        ),
        ("'Mon, 30 Nov 2026 10:00:00 -0000'", "-0000 means UTC", "2026-11-30T10:00:00+00:00"),
        ("2026-11-30T24+05:30", "end of 2026-11-30", "write 2026-12-01T00:00:00+05:30"),
        ("'November 30, 2026 12:30 AM'", "write 2026-11-30T00:30:00", "another place's"),
        ("'Nov 30 2026 12 PM'", "write 2026-11-30T12:00:00", "another place's"),
        ("'30 Sept 2026'", "write 2026-09-30", "2026-09-30THH:MM:SS+HH:MM)"),
        ("'Monday, June 22, 2025'", "is a Sunday, not a Monday", "(and the time, THH:MM:SS+HH:MM)"),
        ("2026-11-30T10:00:00,5Z", "write it as", "write it as 2026-11-30T10:00:00Z"),
        ("'Mon, 30 Nov 2026 24:00:00 +0530'", "24:00 is 00:00", "write 2026-12-01T00:00:00+05:30"),
        ("'Sun, 22 Jun 2025 10:00:00 IST'", "RSS date", "Irish summer time +01:00)"),
        ("'Mon, 30 Nov 2026 10:00:00 CEST'", "not in force", "(YYYY-MM-DDTHH:MM:SS+HH:MM)"),
        ("2026-11-30 10:00 PM", "write 2026-11-30T22:00:00", "another place's"),
        ("2026-11-30 10:00 UTC+5:30", "offset", "write 2026-11-30T10:00:00+05:30"),
        ("1796000000000", "milliseconds", "write 2026-11-30T00:53:20Z"),
        ("30 Nov 2026 9pm IST", "write 2026-11-30T21:00:00+05:30 if IST", "+01:00)"),
        ("30 Nov 2026 9pm BST", "not in force on 2026-11-30", "(YYYY-MM-DDTHH:MM:SS+HH:MM)"),
        ("2026-11-20T10:00.5+05:30", "use YYYY", "for example 2025-06-25T15:27:00+05:30"),
    ],
)
def test_a_date_in_another_form_gets_the_date_to_write(
    tmp_path: Path, typed: str, words: str, fixed: str
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "d.md", f"title: D\ndate: {typed}\ncountry: UK\ncredits:\n  author: A")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.startswith("content/d.md:3: error: date:")]
    assert words in lines[at + 1] and lines[at + 1].endswith(fixed), lines[at + 1]


@pytest.mark.parametrize(
    ("field", "typed", "meant"),
    [
        # prober2 H1: day-month-year (RSS order), H:MM AM/PM, then an abbreviation
        ("date", "15 Jul 2026 9:30 PM EDT", "2026-07-15T21:30:00-04:00"),
        ("date", "30 Nov 2026 12:30 AM PST", "2026-11-30T00:30:00-08:00"),
        ("date", "30 Nov 2026 9:30 PM IST", "2026-11-30T21:30:00+05:30"),
        ("date", "'Mon, 30 Nov 2026 09:30 PM IST'", "2026-11-30T21:30:00+05:30"),
        ("date", "'Mon, 30 Nov 2026 9:30 PM EST'", "2026-11-30T21:30:00-05:00"),
        ("date", "30 Nov 2026 09:30:00 PM CET", "2026-11-30T21:30:00+01:00"),
        ("date", "30 Nov 2026 12:15 PM GMT", "2026-11-30T12:15:00Z"),
        ("date", "30 Nov 2026 9:30 p.m. IST", "2026-11-30T21:30:00+05:30"),
        ("updated", "15 Jul 2026 9:30 PM EDT", "2026-07-15T21:30:00-04:00"),
        # an offset after the 12-hour time, or nothing, and the ISO day with AM/PM
        ("date", "30 Nov 2026 9:30 PM +0530", "2026-11-30T21:30:00+05:30"),
        ("date", "'Mon, 30 Nov 2026 12:00 AM -0500'", "2026-11-30T00:00:00-05:00"),
        ("date", "'November 30, 2026 9:30 PM +05:30'", "2026-11-30T21:30:00+05:30"),
        ("date", "'Mon, 30 Nov 2026 12:00 PM'", "2026-11-30T12:00:00"),
        ("date", "2026-11-30 9:30 PM EST", "2026-11-30T21:30:00-05:00"),
        ("date", "2026-11-30 9pm IST", "2026-11-30T21:00:00+05:30"),
        ("updated", "2026-11-30 12:30 AM +0530", "2026-11-30T00:30:00+05:30"),
    ],
)
def test_a_12_hour_time_is_converted_on_the_24_hour_clock_whatever_follows_it(
    tmp_path: Path, field: str, typed: str, meant: str
) -> None:
    project = make_project(tmp_path / "project")
    date = typed if field == "date" else "2026-01-01T10:00:00Z"
    front = f"title: D\ndate: {date}\ncountry: UK\ncredits:\n  author: A\n"
    write_article(project, "d.md", front + (f"updated: {typed}" if field == "updated" else ""))
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    [at] = [n for n, line in enumerate(lines) if f"error: {field}:" in line]
    assert f"write {meant}" in lines[at + 1], lines[at + 1]
    written = lines[at + 1].split("write ", 1)[1].split()[0].rstrip(",")
    (project / "content" / "d.md").write_text(
        (project / "content" / "d.md").read_text(encoding="utf-8").replace(typed, written),
        encoding="utf-8",
    )
    assert run_here("check", cwd=project).returncode == 0


@pytest.mark.parametrize(
    "typed",
    ["29 Mar 2026 1:30 AM BST", "'Sun, 29 Mar 2026 01:30:00 BST'", "2026-03-08 02:30 EST"],
)
def test_an_abbreviation_with_a_time_its_clocks_skip_gets_no_time(
    tmp_path: Path, typed: str
) -> None:
    """prober2 M5: as for a zone's name, a time that never happens there is said."""
    project = make_project(tmp_path / "project")
    write_article(project, "d.md", f"title: D\ndate: {typed}\ncountry: UK\ncredits:\n  author: A")
    result = run_here("check", cwd=project)
    lines = result.stdout.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.startswith("content/d.md:3: error: date:")]
    assert "never happens in" in lines[at + 1] and "skip that hour" in lines[at + 1]
    assert "write 20" not in lines[at + 1], lines[at + 1]
