"""Dates at the edges of the years README accepts (1000 to 9999): a story on the last day
of 9999 is checked and built like any other, and a date whose day on the site's clock
falls outside those years is refused on its line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from conftest import make_project, run_here, write_article

FRONT = "title: Far\ndate: {}\ncountry: India\ncredits:\n  author: Desk"
NEAR = "title: Near\ndate: 2025-06-01T10:00:00Z\ncountry: India\ncredits:\n  author: Desk"


def newsroom(root: Path, written: str, zone: str) -> Path:
    project = make_project(root, "")
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8").replace('"UTC"', f'"{zone}"')
    settings.write_text(text, encoding="utf-8")
    write_article(project, "far.md", FRONT.format(written))
    write_article(project, "near.md", NEAR)
    return project


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles"])
def test_a_story_on_the_last_day_of_9999_is_checked_and_built(tmp_path: Path, zone: str) -> None:
    project = newsroom(tmp_path / "project", "9999-12-31T10:00:00Z", zone)
    check = run_here("check", cwd=project)
    assert check.returncode == 0 and "Traceback" not in check.stderr
    assert "content/far.md:3: warning: date 9999-12-31 is more than a year ahead" in check.stdout
    out = tmp_path / "site"
    for now in ("2026-11-30T12:00:00Z", "9999-12-31T23:59:59Z"):
        built = run_here("build", "--future", "--output", str(out), "--now", now, cwd=project)
        assert built.returncode == 0, built.stdout + built.stderr
        assert (out / "9999/12/31/far/index.html").is_file()
        atom = feedparser.parse((out / "atom.xml").read_bytes())
        assert atom.entries[0].published == "9999-12-31T10:00:00+00:00"
        # The day of 9999-12-31 is never over (its end is in the year 10000): the digest
        # feed lists the days that are.
        digest = feedparser.parse((out / "digest/feed.xml").read_bytes())
        assert not digest.bozo
        assert all("9999" not in entry.link for entry in digest.entries)


@pytest.mark.parametrize(
    ("written", "zone", "said"),
    [
        ("1000-01-01T02:00:00Z", "America/Los_Angeles", "is 0999-12-31 18:07 on the site's clock"),
        ("9999-12-31T10:00:00Z", "Pacific/Kiritimati", "is in the year 10000 on the site's clock"),
        ("9999-12-31T23:00:00-05:00", "UTC", "is in the year 10000 in UTC"),
    ],
)
def test_a_date_whose_day_leaves_the_four_digit_years_is_refused_on_its_line(
    tmp_path: Path, written: str, zone: str, said: str
) -> None:
    """1000-01-01T02:00Z is 31 December 999 in Los Angeles: it once made /digest/999-12-31/
    beside /archive/0999/; 9999-12-31T10:00Z in Kiritimati (UTC+14) once ended in a traceback."""
    project = newsroom(tmp_path / "project", written, zone)
    for command in (("check",), ("build", "--future", "--output", str(tmp_path / "site"))):
        result = run_here(*command, cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        error, hint = (result.stdout or result.stderr).splitlines()[:2]
        assert error.startswith(f"content/far.md:3: error: date: {written} {said}")
        assert "four-digit year (1000 to 9999)" in error
        assert "from 1000-01-01 to 9999-12-31" in hint
    assert not (tmp_path / "site").exists()


def test_the_first_day_of_1000_on_the_sites_clock_has_four_digit_addresses(tmp_path: Path) -> None:
    project = newsroom(tmp_path / "project", "1000-01-01T10:00:00Z", "America/Los_Angeles")
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    assert (out / "1000/01/01/far/index.html").is_file()
    assert (out / "digest/1000-01-01/index.html").is_file()
    assert (out / "archive/1000/01/index.html").is_file()


@pytest.mark.parametrize(
    ("now", "said"),
    [
        ("0001-01-01T00:00:00Z", "the year 1 cannot be published"),
        ("0999-12-31T23:59:59Z", "the year 999 cannot be published"),
        ("1000-01-01T02:00:00Z", "1000-01-01T02:00:00Z is 0999-12-31 18:07 on the site's clock"),
    ],
)
def test_a_build_time_outside_the_four_digit_years_is_refused_before_building(
    tmp_path: Path, now: str, said: str
) -> None:
    """`build --now 0001-01-01T00:00:00Z` once wrote the whole site, then ended in an
    OverflowError's traceback: --now is held to the years a date may have."""
    project = newsroom(tmp_path / "project", "2025-06-20T10:00:00Z", "America/Los_Angeles")
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), "--now", now, cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"newsdigest: error: --now: {said}")
    assert "four-digit year (1000 to 9999)" in result.stderr
    assert not out.exists()
