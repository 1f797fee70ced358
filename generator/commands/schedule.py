"""When a built site goes stale with no file changed: a scheduled article comes due, a
story leaves the news sitemap's 48 hours, a day is over and joins the digest feed.
build.py records it so that an up-to-date check knows when to build again."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from generator.index.selection import Selection
from generator.model import Article
from generator.render.feeds.digest import day_end
from generator.render.sitemap import news_window_ends


def _next_publication(articles: list[Article], selection: Selection, now: datetime) -> float | None:
    """When a scheduled article comes due and the site must change (None: never); those
    dated after `now` of `articles` are all that may be scheduled."""
    if selection.future:  # every story is published whatever its date
        return None
    due = [a.date for a in articles if a.date > now and (selection.drafts or not a.draft)]
    return min(due).timestamp() if due else None


def _clock_dated(articles: list[Article], selection: Selection, now: datetime) -> float | None:
    """Just after `now` when no story is published: the site's feeds, all empty, are dated
    the build's clock (render/feeds/files.py), and a build at a later one writes them again."""
    if any(selection.includes(a, now) for a in articles):
        return None
    return math.nextafter(now.timestamp(), math.inf)


def _day_ends(published: list[Article], tz: ZoneInfo, now: datetime) -> float | None:
    """When the latest day with stories is over in the site's timezone, if it is not yet:
    then it joins the daily digest feed."""
    # A story's day is over at most a day and a few hours (daylight saving) after it: only
    # those of the last three days are looked at (at 100,000 stories, a few dozen).
    recent = now.timestamp() - 3 * 86400
    ends = [
        day_end(day, tz)
        for day in {a.date.astimezone(tz).date() for a in published if a.date.timestamp() > recent}
        if day < date.max  # 9999-12-31 is never over (its end is in the year 10000)
    ]
    return min((e.timestamp() for e in ends if e > now), default=None)


def next_change(
    articles: list[Article], selection: Selection, now: datetime, tz: ZoneInfo
) -> float | None:
    """When the site must be built again although no file changed: a scheduled article
    comes due, a story leaves the 48 hours of the news sitemap, or a day is over and
    joins the digest feed, or any later clock when no story is published: the feeds are
    then dated by the clock (None: never)."""
    # Only stories of the last three days can leave the news window or end a day later
    # than now, and only those and later ones come due (at 100,000 stories, a few dozen):
    # one look at each story's date.
    recent = now - timedelta(days=3)
    latest = [a for a in articles if recent < a.date]
    published = [a for a in latest if selection.includes(a, now)]
    times = [
        t
        for t in (
            _next_publication(latest, selection, now),
            news_window_ends(published, now),
            _day_ends(published, tz, now),
            _clock_dated(articles, selection, now),
        )
        if t is not None
    ]
    return min(times, default=None)
