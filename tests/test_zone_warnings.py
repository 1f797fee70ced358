"""A timezone tzdata knows but an editor likely did not mean (tester4 F31): `Etc/GMT+5` is
UTC-05:00 (its sign is reversed), `EST` is UTC-05:00 all year (no summer time). Each is a
warning on the timezone line whose fix, followed, is silent; city zones are never warned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_here, write_article

STORY = "title: A Story\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk"
SETTINGS = """\
title = "Harbour Gazette"
description = "News from the harbour."
base_url = "https://example.org/news/"
site_id = "example.org,2025"
timezone = "{zone}"
"""


def checked(root: Path, zone: str) -> str:
    (root / "newsdigest.toml").write_text(SETTINGS.format(zone=zone), encoding="utf-8")
    result = run_here("check", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("zone", "said", "fixed"),
    [
        ("Etc/GMT+5", "'Etc/GMT+5' is UTC-05:00, not UTC+05:00", "Asia/Karachi"),
        ("Etc/GMT-3", "'Etc/GMT-3' is UTC+03:00, not UTC-03:00", "America/Sao_Paulo"),
        ("EST", "'EST' keeps one offset all year, with no summer time", "America/New_York"),
        ("MST", "'MST' keeps one offset all year", "America/Denver"),
        ("EST5EDT", "'EST5EDT' is an old name tzdata keeps", "America/New_York"),
        ("PST8PDT", "'PST8PDT' is an old name tzdata keeps", "America/Los_Angeles"),
        ("CET", "'CET' is an old name tzdata keeps", "Europe/Paris"),
        ("Etc/GMT+12", "'Etc/GMT+12' is UTC-12:00, not UTC+12:00", "Asia/Anadyr"),
    ],
)
def test_a_zone_likely_not_meant_is_warned_and_its_fix_is_silent(
    tmp_path: Path, zone: str, said: str, fixed: str
) -> None:
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)

    out = checked(root, zone)

    assert f"newsdigest.toml:5: warning: timezone {said}" in out, out
    fix = next(x for x in out.splitlines() if "fix:" in x and "timezone =" in x)
    written = re.search(r'timezone = "([^"]+)"', fix)
    assert written and written.group(1) == fixed, fix
    assert "warning: timezone" not in checked(root, fixed)


@pytest.mark.parametrize(
    "zone",
    [
        "UTC",
        "Etc/UTC",
        "Etc/GMT",
        "Asia/Karachi",
        "America/New_York",
        "America/Panama",
        "Europe/Paris",
        "Etc/GMT-13",  # no place is on UTC-13:00 or UTC-14:00: written knowingly (prober5 P26)
        "Etc/GMT-14",
    ],
)
def test_a_city_zone_or_utc_is_never_warned(tmp_path: Path, zone: str) -> None:
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)

    assert "warning: timezone" not in checked(root, zone)


def test_a_reversed_etc_zone_still_builds_as_tzdata_reads_it(tmp_path: Path) -> None:
    """A warning, not an error: a newsroom that means UTC-05:00 may keep it."""
    root = tmp_path / "gazette"
    write_article(root, "noon.md", STORY.replace("+05:30", "").replace("10:00:00", "12:00:00"))
    (root / "newsdigest.toml").write_text(SETTINGS.format(zone="Etc/GMT+5"), encoding="utf-8")

    assert run_here("build", cwd=root).returncode == 0
    page = (root / "site/2025/06/20/noon/index.html").read_text(encoding="utf-8")
    assert "2025-06-20T12:00:00-05:00" in page


def test_a_reversed_etc_zone_of_a_clock_no_city_keeps_says_keep_it(tmp_path: Path) -> None:
    """Etc/GMT+12 (UTC-12:00): no city keeps that clock, so the fix says to keep it."""
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)

    out = checked(root, "Etc/GMT+12")

    assert "for UTC-12:00 keep Etc/GMT+12: no city keeps that clock all year" in out, out
