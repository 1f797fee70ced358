"""`check --base REV`: a story new since REV dated long before the newsroom's newest story
(tester T15). A year typed wrong (`2016-12-01` for `2026-12-01`) files a breaking story
deep in the archive, past the home page and the feeds' length, where no reader sees it,
with no error: a warning on its `date:` line, naming the year that puts it among the
newest stories when one does. Not said of drafts and scheduled stories, nor of stories
that were there at REV (old stories moved or edited are the archive)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from generator.diagnostics import Diagnostic, warning
from generator.model import Article

# How far before the newest story a new one may be dated without a word: a story written
# up a few weeks late is news; a year (or a month) typed wrong is further back.
LEEWAY = timedelta(days=30)


def backdated(
    added: Sequence[Article], articles: Sequence[Article], now: datetime, base: str
) -> list[Diagnostic]:
    """A warning for each published story of `added` (new since `base`) dated more than
    LEEWAY before the newest other published story of `articles` (or `now`, with none)."""
    new = {a.source for a in added}
    published = [a.date for a in articles if a.source not in new and not a.draft]
    newest = max((d for d in published if d <= now), default=now)
    found = []
    for article in added:
        if article.draft or article.date > now or article.date >= newest - LEEWAY:
            continue
        back = _how_far_back(article.date, newest)
        shown = article.date.date().isoformat()
        found.append(
            warning(
                article.source,
                article.line_of("date"),
                f"this story is new since {base} but dated {shown}, {back} before the newest "
                f"story ({newest.date().isoformat()}): it is filed in the archive under that "
                "day, after every newer story on the home page and in the feeds (past their "
                "length in a busy newsroom), where readers may never see it",
                _fix(article, newest, now),
            )
        )
    return found


def _how_far_back(date: datetime, newest: datetime) -> str:
    """'9 years' or '171 days': how long before `newest` the story is dated, in whole years
    once a year or more (2024-12-31 is 171 days before 2025-06-20, not a year)."""
    years = newest.year - date.year - ((newest.month, newest.day) < (date.month, date.day))
    return f"{years} year{'s' * (years != 1)}" if years > 0 else f"{(newest - date).days} days"


def _fix(article: Article, newest: datetime, now: datetime) -> str:
    """The date to write when the year is the slip (the same day in a year that puts it
    among the newest stories, not ahead of `now`); else the question."""
    for year in (now.year, now.year - 1):
        try:
            meant = article.date.replace(year=year)
        except ValueError:  # 29 February
            continue
        if newest - LEEWAY <= meant <= now:
            return (
                f"if the year is a slip, write date: {meant.isoformat()}; if the story is old "
                "on purpose (from an archive), leave the date: this is only a warning"
            )
    return (
        "check the date: if it is a slip, correct it; if the story is old on purpose (from "
        "an archive), leave it: this is only a warning"
    )
