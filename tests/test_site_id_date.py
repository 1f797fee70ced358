"""A site_id dated in the future (prober5 P23): a feed with no story yet is dated from
it, so `check` warns on its line with a fix that, followed, is silent; a site_id dated
today or before (a year, a month, a day) is never warned."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import run_here


def started(tmp_path: Path, site_id: str) -> Path:
    made = run_here("init", "news", "--title", "T", "--url", "https://news.org/", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    settings = tmp_path / "news/newsdigest.toml"
    text = settings.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^timezone = ".*"$', 'timezone = "UTC"', text)
    assert 'timezone = "UTC"' in text
    settings.write_text(re.sub(r'(?m)^site_id = ".*"$', f'site_id = "{site_id}"', text))
    return tmp_path / "news"


def said(project: Path) -> str:
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    return checked.stdout + checked.stderr


@pytest.mark.parametrize(("typed", "length"), [("2999-12-25", 10), ("2999-12", 7), ("2999", 4)])
def test_a_site_id_dated_in_the_future_is_warned_and_its_fix_is_silent(
    tmp_path: Path, typed: str, length: int
) -> None:
    project = started(tmp_path, f"news.org,{typed}")
    out = said(project)
    assert f"newsdigest.toml:11: warning: site_id 'news.org,{typed}' is dated 2999-" in out, out
    assert "a day still to come" in out and "a feed from the future" in out
    fix = re.search(r'write a date that has come: (site_id = "[^"]+")', out)
    assert fix is not None, out
    today = datetime.now(UTC).date().isoformat()[:length]  # the site's zone is UTC
    assert fix.group(1) == f'site_id = "news.org,{today}"'
    settings = project / "newsdigest.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r'(?m)^site_id = ".*"$', fix.group(1), text))
    assert "site_id" not in said(project)


@pytest.mark.parametrize("typed", ["2001-01-01", "2024", "2025-06"])
def test_a_site_id_dated_today_or_before_is_not_warned(tmp_path: Path, typed: str) -> None:
    project = started(tmp_path, f"news.org,{typed}")
    assert "site_id" not in said(project)


def test_a_site_id_dated_today_is_not_warned(tmp_path: Path) -> None:
    today = datetime.now(UTC).date().isoformat()
    assert "site_id" not in said(started(tmp_path, f"news.org,{today}"))
