"""When a built site goes stale with no file changed: a scheduled article comes due, a
story leaves the news sitemap's 48 hours, a day is over and joins the digest feed.
build.py records it so that an up-to-date check knows when to build again."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from generator.index.selection import Selection
from generator.model import Article
from generator.render.feeds import day_end
from generator.render.sitemap import news_window_ends


def _next_publication(articles: list[Article], selection: Selection, now: datetime) -> float | None:
    """When a scheduled article comes due and the site must change (None: never)."""
    due = [
        a.date.timestamp()
        for a in articles
        if not selection.includes(a, now) and (selection.drafts or not a.draft)
    ]
    return min(due, default=None)


def _day_ends(published: list[Article], tz: ZoneInfo, now: datetime) -> float | None:
    """When the latest day with stories is over in the site's timezone, if it is not yet:
    then it joins the daily digest feed."""
    # A story's day is over at most a day and a few hours (daylight saving) after it: only
    # those of the last three days are looked at (at 100,000 stories, a few dozen).
    recent = now.timestamp() - 3 * 86400
    ends = [
        day_end(a.date.astimezone(tz).date(), tz) for a in published if a.date.timestamp() > recent
    ]
    return min((e.timestamp() for e in ends if e > now), default=None)


def next_change(
    articles: list[Article], selection: Selection, now: datetime, tz: ZoneInfo
) -> float | None:
    """When the site must be built again although no file changed: a scheduled article
    comes due, a story leaves the 48 hours of the news sitemap, or a day is over and
    joins the digest feed (None: never)."""
    published = [a for a in articles if selection.includes(a, now)]
    times = [
        t
        for t in (
            _next_publication(articles, selection, now),
            news_window_ends(published, now),
            _day_ends(published, tz, now),
        )
        if t is not None
    ]
    return min(times, default=None)
