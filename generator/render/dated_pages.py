"""The pages of the calendar: the archive (its index of months, each month's paginated
list) and the daily digests (one page a day, linked to the days beside it, and their
paginated index)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.index.digest import day_topics
from generator.index.site import Group, Page, Site
from generator.render import titles as T
from generator.render.dates import day_text, month_text, weekday_text
from generator.render.page_render import PageRenderer, PageSpec


class ArchivePages:
    """A section's archive: the index of months and each month's list of stories."""

    def __init__(self, pages: PageRenderer, site: Site) -> None:
        self.pages = pages
        self.site = site
        self.language = pages.settings.language

    def archive_index(self) -> PageSpec:
        urls = self.pages.urls
        return self.pages.spec(
            "archive.html",
            urls.archive(),
            title=self.pages.say(T.ARCHIVE),
            months=[
                (month_text(y, m, self.language), urls.month(y, m), len(g.articles))
                for g in self.site.months
                for (y, m) in [g.key]
            ],
        )

    def month_list(self, group: Group[tuple[int, int]]) -> Iterator[PageSpec]:
        year, month = group.key
        name = month_text(year, month, self.language)
        yield from self.pages.listing(
            "list.html",
            self.pages.urls.month(year, month),
            group.articles,
            title=self.pages.say(T.ARCHIVE_MONTH, month=name),
            heading=name,
            kind=self.pages.say(T.ARCHIVE),  # the label above the heading
            own_feed=None,
            description=self.pages.say(T.ARCHIVE_MONTH_DESCRIPTION, month=name),
        )


class DigestPages:
    """A section's daily digests: a page per day and their paginated index."""

    def __init__(self, pages: PageRenderer, site: Site) -> None:
        self.pages = pages
        self.site = site
        self.settings = pages.settings

    def digest_page(self, index: int) -> PageSpec:
        """The digest of the `index`th day (0: the newest), linked to the days beside it."""
        group = self.site.days[index]
        newer = self.site.days[index - 1].key if index > 0 else None
        older = self.site.days[index + 1].key if index + 1 < len(self.site.days) else None
        language = self.settings.language
        return self.pages.spec(
            "digest.html",
            self.pages.urls.digest(group.key),
            title=self.pages.say(T.DIGEST, day=day_text(group.key, language)),
            day=group.key,
            description=self.pages.say(T.DIGEST_DESCRIPTION, day=weekday_text(group.key, language)),
            topics=day_topics(group.articles),
            count=len(group.articles),
            newer=newer,
            older=older,
            feeds=(self.pages.digest_feed,),
        )

    def digests_count(self) -> int:
        return max(1, -(-len(self.site.days) // self.settings.digests_per_page))

    def digests_page(self, number: int) -> PageSpec:
        per_page, count = self.settings.digests_per_page, self.digests_count()
        listed = self.site.days[(number - 1) * per_page : number * per_page]
        urls, say = self.pages.urls, self.pages.say
        return self.pages.spec(
            "digests.html",
            urls.digests(number),
            title=say(T.DIGESTS) if number == 1 else say(T.DIGESTS_PAGE, number=number),
            description=say(T.DIGESTS_DESCRIPTION, site=self.settings.title),
            entries=[
                (
                    g.key,
                    len(g.articles),
                    [t.tag.name for t in day_topics(g.articles)[:4] if t.tag],
                )
                for g in listed
            ],
            page=Page(number, count, ()),
            prev_url=urls.digests(number - 1) if number > 1 else "",
            next_url=urls.digests(number + 1) if number < count else "",
            feeds=(self.pages.digest_feed,),
        )
