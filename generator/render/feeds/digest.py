"""The daily digest feed (/digest/feed.xml, RSS by feedgen): one item per day that is
over, listing that day's stories by topic, for readers who want one notification a day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from markupsafe import escape

from generator import __version__
from generator.config import Settings
from generator.index.digest import day_topics, human_day
from generator.index.site import Group, Site
from generator.languages import (
    body_direction,
    preferred_tag,
    same_language,
    text_attributes,
    text_direction,
)
from generator.model import Article, OutputFile
from generator.render.feeds.extensions import add_hub
from generator.render.feeds.feedlist import Feed
from generator.render.feeds.writers import add_icons
from generator.render.urls import Urls


def day_end(day: date, tz: ZoneInfo) -> datetime:
    """The first instant after `day` in time zone `tz` (its next midnight); `day` must be
    before 9999-12-31 (`date.max`), whose end no datetime can hold."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)


def day_close(day: date, tz: ZoneInfo) -> datetime:
    """The last second of `day` in time zone `tz` (23:59:59): a digest item's date, the
    day it covers in any reader on the site's clock, and the same at every build."""
    return day_end(day, tz) - timedelta(seconds=1)


class DigestFeedWriter:
    """A section's digest feed. `now`: the build's clock (the feed carries only the days
    that are over); `empty_updated`: the date of the feed when no day is."""

    def __init__(
        self,
        settings: Settings,
        urls: Urls,
        site: Site,
        now: datetime | None,
        empty_updated: datetime,
    ) -> None:
        self.settings = settings
        self.urls = urls
        self.site = site
        self.now = now
        self.empty_updated = empty_updated

    def finished_days(self) -> tuple[Group[date], ...]:
        """The days of the daily digest feed: those over in the site's timezone at `now`
        (all of them when no clock is given), newest first, at most feed_length."""
        # 9999-12-31 ends in the year 10000, after every clock a build can be given: never over.
        days: list[Group[date]] = []
        for day in self.site.days:  # (the first feed_length found: not every day's end)
            if len(days) >= self.settings.feed_length:
                break
            if day.key < date.max and (
                self.now is None or day_end(day.key, self.settings.tz) <= self.now
            ):
                days.append(day)
        return tuple(days)

    def __call__(self, feed: Feed) -> OutputFile:
        """The feed's file. An item's GUID names its day and, outside the site's language,
        the language's folder (tag:SITE_ID:digest/YYYY-MM-DD, tag:SITE_ID:ur/digest/YYYY-MM-DD),
        so it never changes and no two are one; its date is the day's last second in the
        site's timezone (`day_close`), the day complete: never a story's time (which
        back-dates the day) nor the build's clock (which moves at each build).
        """
        fg = FeedGenerator()
        path = feed.path
        fg.id(f"tag:{self.settings.site_id}:{path[len(self.urls.base_path) :]}")
        fg.title(feed.title)
        fg.subtitle(f"One item a day: the day's stories from {self.settings.title}, by topic.")
        fg.link(href=self.urls.absolute(path), rel="self")
        fg.link(href=self.urls.absolute(feed.home), rel="alternate")  # last: RSS <link>
        fg.language(preferred_tag(self.settings.language))
        fg.generator("newsdigest", version=__version__)
        add_icons(fg, self.urls)
        add_hub(fg, self.settings.websub_hub)
        days = self.finished_days()
        tz = self.settings.tz
        closed = (day_close(d.key, tz) for d in days)
        fg.updated(max(closed, default=self.empty_updated).astimezone(UTC))
        for day in days:
            entry = fg.add_entry(order="append")
            # tag:SITE_ID:digest/DAY for the site's language (as it always was), and the
            # language's folder first for the others: tag:SITE_ID:ur/digest/DAY.
            page = self.urls.digest(day.key)[len(self.urls.base_path) :].rstrip("/")
            entry.guid(f"tag:{self.settings.site_id}:{page}", permalink=False)
            count = len(day.articles)
            entry.title(f"{human_day(day.key)}: {count} {'story' if count == 1 else 'stories'}")
            entry.link(href=self.urls.absolute(self.urls.digest(day.key)))
            entry.description(self.day_html(day))
            entry.published(day_close(day.key, tz).astimezone(UTC))
        return OutputFile(self.urls.output_path(path), fg.rss_str(pretty=True))

    def day_html(self, day: Group[date]) -> str:
        """The day's stories as HTML: a heading per topic, a linked headline per story. In
        a right-to-left section all of it is in `<div lang=".." dir="rtl">`, as its stories'
        items are (feed readers lay HTML out left to right unless it says otherwise); a story
        in another language says its own (`<li lang="en" dir="ltr">`), and one without
        `language:` written mostly in the other direction says that direction."""
        section = self.settings.language
        direction = text_direction(section or "en")
        parts: list[str] = []
        for group in day_topics(day.articles):
            parts.append(f"<h3>{escape(group.tag.name if group.tag else 'Other news')}</h3>\n<ul>")
            for article in group.articles:
                link = self.urls.absolute(self.urls.article(article))
                parts.append(
                    f'<li{self._story_attributes(article, direction)}><a href="{escape(link)}">'
                    f"{escape(article.title)}</a>"
                    f" ({escape(article.country.name)}): {escape(article.summary)}</li>"
                )
            parts.append("</ul>")
        html = "\n".join(parts)
        if direction == "rtl":
            return f'<div lang="{escape(section)}" dir="rtl">{html}</div>'
        return html

    def _story_attributes(self, article: Article, direction: str) -> str:
        """' lang=".." dir=".."' for a story in another language than the section's,
        ' dir=".."' for one written mostly in the other direction, else ''."""
        section = self.settings.language
        if article.language and section and not same_language(article.language, section):
            return text_attributes(article.language, section)
        found = body_direction(f"{escape(article.title)} {escape(article.summary)}")
        return f' dir="{found}"' if found and found != direction else ""
