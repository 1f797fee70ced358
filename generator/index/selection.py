"""Which valid articles a build publishes, and what it holds back (drafts, scheduled)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from generator.diagnostics import Diagnostic, error, warning
from generator.languages import language_key
from generator.load.lines import field_line

if TYPE_CHECKING:  # a no-change build imports Selection without YAML and the loading stack
    from generator.load.content import Mapping
    from generator.model import Article

# The fix of a body link that a build refuses because it goes to an article the build leaves
# out: the same words from `check` and `build`, for a link to its file (`draft.md`) and to
# its address (`/2025/06/20/draft/`, or a topic page only it makes).
LINKS_TO_HELD_BACK = (
    "it links to a draft or a scheduled article, which build leaves out; publish that "
    "article first, or remove the link until then"
)
PAGE_OF_HELD_BACK = (
    "only a draft or a scheduled article makes this page, and build leaves those out; "
    "publish that article first, or remove the link until then"
)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which valid articles a build publishes."""

    drafts: bool = False
    future: bool = False
    now: datetime | None = None

    def includes(self, article: Article, now: datetime) -> bool:
        if article.draft and not self.drafts:
            return False
        return self.future or article.date <= now


@dataclass(frozen=True, slots=True)
class HeldBack:
    """What a build leaves out: scheduled articles (the first to come due named) and drafts.

    A draft dated in the future counts as a draft. `next_date` is ISO 8601 ('' when none).
    """

    scheduled: int = 0
    drafts: int = 0
    next_date: str = ""
    next_source: str = ""  # its path relative to content/

    @property
    def anything(self) -> bool:
        return bool(self.scheduled or self.drafts)

    def text(self, tz: tzinfo, content_dir: Path) -> str:
        """'held back: 2 scheduled (next: 25 Jun 2025 09:00 IST, content/...), 1 draft':
        the time in `tz` with its short name, the file under `content_dir`."""
        parts = []
        if self.scheduled:
            when = datetime.fromisoformat(self.next_date).astimezone(tz)
            where = (content_dir / self.next_source).as_posix()
            parts.append(
                f"{self.scheduled} scheduled (next: {when.day} {when:%b %Y %H:%M %Z}, {where})"
            )
        if self.drafts:
            parts.append(f"{self.drafts} draft{'s' * (self.drafts != 1)}")
        return "held back: " + ", ".join(parts)


def held_back(articles: Iterable[Article], selection: Selection, now: datetime) -> HeldBack:
    """Which valid articles `selection` leaves out at `now`, counted."""
    drafts = scheduled = 0
    first: Article | None = None
    for article in articles:
        if selection.includes(article, now):
            continue
        if article.draft and not selection.drafts:
            drafts += 1
            continue
        scheduled += 1
        if first is None or (article.date, article.source) < (first.date, first.source):
            first = article
    if first is None:
        return HeldBack(scheduled, drafts)
    return HeldBack(scheduled, drafts, first.date.isoformat(), first.source)


FAR_AHEAD = timedelta(days=366)


def far_ahead(
    articles: Iterable[Article], content_dir: Path, now: datetime, shown: Iterable[str] = ()
) -> list[Diagnostic]:
    """A warning on the `date:` line of every article dated more than a year ahead.

    A typed 2062 for 2026 would hide a story for decades without a word; one `shown`
    (the sources `build --future` publishes) is published now, showing that date
    (prober4 L4).
    """
    published = set(shown)
    found = []
    for article in articles:
        if article.date - now <= FAR_AHEAD:
            continue
        found.append(
            warning(
                article.source,
                field_line(content_dir / article.source, "date"),
                f"date {article.date.date().isoformat()} is more than a year ahead: "
                + (
                    "`--future` publishes it now, showing that date"
                    if article.source in published
                    else "the article is held back until then"
                ),
                f"did you mean {now.year}? check the year; a story scheduled so far ahead is "
                "usually a typing mistake",
            )
        )
    return found


def updated_ahead(
    articles: Iterable[Article], content_dir: Path, now: datetime, tz: ZoneInfo
) -> list[Diagnostic]:
    """An error on the `updated:` line, or a correction's `date:` line, of each published
    article that says it changed later than `now` (the build's clock, `--now` included).

    Atom's <updated>, RSS's lastBuildDate and the sitemap's lastmod would announce a
    change that has not happened. A story held back until its own date is left alone:
    its dates are all still to come."""
    found = []
    for article in articles:
        # (`updated` is often the date object itself, a stored record's: then it is ahead
        # only with the story's own date, which leaves it alone)
        if (article.updated is None or article.updated is article.date) and not (
            article.corrections
        ):
            continue
        if article.draft or article.date > now:
            continue
        if article.updated is not None and article.updated > now:
            found.append(
                _ahead(
                    article.source,
                    field_line(content_dir / article.source, "updated"),
                    "updated",
                    article.updated,
                    now,
                )
            )
        if article.corrections and any(c.date > now for c in article.corrections):
            found += _corrections_ahead(article.source, content_dir, now, tz)
    return found


def unread_ahead(
    sources: Iterable[str], content_dir: Path, now: datetime, tz: ZoneInfo
) -> list[Diagnostic]:
    """`updated_ahead` for the article files at `sources` whose front matter has other
    errors (no Article was made of them), read as validate reads them: their `updated:`
    and corrections dated after `now`, unless the file is a draft or its own date is still
    to come (or cannot be read); so that one run lists them with the file's other errors."""
    from generator.load.content import read_document
    from generator.load.dates import parse_datetime

    found = []
    for source in sources:
        doc, _ = read_document(content_dir / source, source, 1 << 40)
        if doc is None or doc.front.get("draft") is True:
            continue
        front = doc.front
        written, updated = front.get("date"), front.get("updated")
        published = parse_datetime(written.strip(), tz) if isinstance(written, str) else None
        if not isinstance(published, datetime) or published > now:
            continue
        when = parse_datetime(updated.strip(), tz) if isinstance(updated, str) else None
        if isinstance(when, datetime) and when > now:
            found.append(_ahead(source, front.line_of("updated"), "updated", when, now))
        found += _items_ahead(source, front, now, tz)
    return found


def _corrections_ahead(
    source: str, content_dir: Path, now: datetime, tz: ZoneInfo
) -> list[Diagnostic]:
    """The errors for the corrections of the file at `source` dated after `now`, each on
    its `date:` line (the file is read again: the article keeps no line per correction)."""
    from generator.load.content import read_document

    doc, _ = read_document(content_dir / source, source, 1 << 40)
    return _items_ahead(source, doc.front, now, tz) if doc is not None else []


def _items_ahead(source: str, front: Mapping, now: datetime, tz: ZoneInfo) -> list[Diagnostic]:
    """`_corrections_ahead` for the front matter `front` already read from `source`."""
    from generator.load.content import Items, Mapping
    from generator.load.dates import parse_datetime

    items = front.get("corrections")
    if not isinstance(items, Items):
        return []
    found = []
    for number, item in enumerate(items, start=1):
        written = item.get("date") if isinstance(item, Mapping) else None
        when = parse_datetime(written.strip(), tz) if isinstance(written, str) else None
        if isinstance(when, datetime) and when > now:
            found.append(
                _ahead(source, item.line_of("date"), f"corrections: item {number}: date", when, now)
            )
    return found


def _ahead(source: str, line: int, label: str, when: datetime, now: datetime) -> Diagnostic:
    return error(
        source,
        line,
        f"{label} {when.isoformat()} is in the future (this build's time is "
        f"{now.isoformat(timespec='minutes')}); feeds would announce a change that has "
        "not happened yet",
        "write the time the correction was made; to publish a correction later, add it "
        "to the story then"
        if label.startswith("corrections")
        else "write the time it was updated; to publish the story itself later, give its "
        "date: that time instead",
    )


def featured_twice(
    articles: Iterable[Article], content_dir: Path, tz: ZoneInfo, site_language: str = ""
) -> list[Diagnostic]:
    """A warning on the `featured:` line of each published story that another featured
    story of the same day (on the site's clock) and the same language section outranks:
    the one first in the site's order (newest, then by slug: `Article.sort_key`) leads the
    day's digest and its section's home page (index/digest.py), the others are listed as
    any story. Each language section has its own home, so its own lead."""
    by_day: dict[tuple[object, str], list[Article]] = {}
    for article in articles:
        if article.featured:
            section = language_key(article.language or site_language)
            by_day.setdefault((article.date.astimezone(tz).date(), section), []).append(article)
    found = []
    for (day, _), stories in by_day.items():
        lead, *others = sorted(stories, key=lambda a: a.sort_key)
        for story in others:
            found.append(
                warning(
                    story.source,
                    field_line(content_dir / story.source, "featured"),
                    f"featured: true, but {lead.source} is featured on the same day ({day}) "
                    + (
                        "at the same time, and its slug comes first in the alphabet: of "
                        "featured stories with one time, that one leads the day"
                        if lead.date == story.date
                        else "and is newer: only the newest featured story leads the day"
                    )
                    + ", so this one is listed as any other",
                    "keep 'featured: true' on the one story that should lead the day, and "
                    "delete it from the other",
                )
            )
    return found
