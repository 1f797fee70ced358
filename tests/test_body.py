"""What the editor wrote in an article's body is what readers get, on pages and in feeds.

The editor-facing cases of issue 11 (../shared/cases/04, 05, 06, 08 and their kinds):
the automatic summary, raw-HTML images and links, site-root links under a base path,
fragment links in feeds, a missing image's advice, dates given without a time, and
bounded work for pathological Markdown. Sites are built in-process from real files.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import feedparser
from conftest import REPO, make_project, write_article
from lxml import html

from generator import config
from generator.commands.build import Options, Paths, Result, Selection, build_site

CASES = REPO.parent.parent / "shared" / "cases"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
FRONT = """title: {title}
date: {date}
country: India
credits:
  author: Desk
tags: [Notes]"""


def build(project: Path, base_url: str = "https://example.org/news/") -> tuple[Result, Path]:
    """Build PROJECT in this process (no cache, one job) into PROJECT/../site."""
    settings = config.load(project, {"base_url": base_url})
    out = project.parent / "site"
    paths = Paths(project, project / "content", project / "templates", out)
    result = build_site(paths, settings, Selection(now=NOW), Options(jobs=1, cache=False))
    return result, out


def case_project(tmp_path: Path, name: str) -> Path:
    """A copy of ../shared/cases/NAME* (it uses the built-in theme)."""
    (source,) = CASES.glob(f"{name}-*")
    project = tmp_path / "project"
    shutil.copytree(source, project)
    return project


def page(out: Path, relative: str) -> html.HtmlElement:
    return html.parse(str(out / relative / "index.html")).getroot()


def article(project: Path, name: str, body: str, date: str = "2025-06-25T10:00:00Z",
            title: str = "A story") -> None:
    write_article(project, name, FRONT.format(title=title, date=date), body)


def messages(result: Result) -> list[str]:
    return [f"{d.path}:{d.line}: {d.severity}: {d.message} ({d.hint})" for d in result.diagnostics]


# A date without a time


def test_a_date_without_a_time_is_shown_as_the_day_only(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    article(project, "2025/06/day.md", "Text.\n", date="2025-06-25", title="Day only")
    article(project, "2025/06/timed.md", "Text.\n", date="2025-06-24T09:30:00Z", title="Timed")
    result, out = build(project)
    assert result.ok, messages(result)
    dateline = page(out, "2025/06/25/day").find_class("dateline")[0]
    time = dateline.find(".//time")
    assert time.text_content() == "25 June 2025"
    assert time.get("datetime") == "2025-06-25"
    timed = page(out, "2025/06/24/timed").find_class("dateline")[0].find(".//time")
    assert timed.text_content() == "24 June 2025, 09:30 UTC"
    cards = {t.text_content() for t in page(out, "").iter("time")}
    assert "25 June 2025" in cards and not any("00:00" in c for c in cards)
    # Feeds keep a full timestamp.
    entry = feedparser.parse((out / "atom.xml").read_bytes()).entries[0]
    assert entry.published == "2025-06-25T00:00:00+00:00"
