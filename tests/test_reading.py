"""The reader's view of times, days and details, read from the built sample site with lxml.

The sample newsroom's clock is Asia/Kolkata (IST). A story filed in New York at 14:35 on
26 June (UTC-04:00) is 00:05 IST on 27 June: it is listed under Friday 27 June, at 00:05 IST.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from lxml import html

from generator.render.dates import Clock

NEW_YORK = "2025/06/26/new-york-council-passes-heat-rules-for-delivery-workers/"
ALTAF = "2025/06/25/altaf-hussain-calls-on-modi-to-advocate-for-mohajirs/"


def page(site: Path, relative: str) -> html.HtmlElement:
    return html.parse(str(site / relative / "index.html")).getroot()


def story_time(tree: html.HtmlElement, href_part: str) -> html.HtmlElement:
    """The <time> in the listing entry whose headline links to `href_part`."""
    titles = '//a[contains(@class, "story-title") or ancestor::h2[@class="card-title"]]'
    for link in tree.xpath(titles):
        if href_part in link.get("href"):
            entry = link.xpath("ancestor::li[1] | ancestor::article[1]")[0]
            return entry.xpath(".//time")[0]
    raise AssertionError(f"no listing entry links to {href_part}")


def test_a_late_new_york_story_is_listed_under_the_sites_next_day_at_its_ist_time(
    sample_site: Path,
) -> None:
    home = page(sample_site, "")
    time = story_time(home, NEW_YORK)
    assert time.text == "00:05 IST"
    assert time.get("datetime") == "2025-06-26T14:35:00-04:00"
    day = time.xpath('ancestor::section[@class="day"]//h2')[0]
    assert day.text_content() == "Friday 27 June 2025"
    digest = page(sample_site, "digest/2025-06-27")
    assert story_time(digest, NEW_YORK).text == "00:05 IST"


def test_listings_show_one_clock_the_sites_with_its_short_name(sample_site: Path) -> None:
    for where in ("", "digest/2025-06-25"):
        times = [t.text for t in page(sample_site, where).xpath("//main//time")]
        assert times and all(t.endswith(" IST") and len(t) == len("00:05 IST") for t in times), (
            where,
            times,
        )
    topic = [t.text for t in page(sample_site, "tags/climate").xpath("//main//time")]
    assert topic and all(", " in t and t.endswith(" IST") for t in topic), topic


def test_the_article_keeps_the_dateline_local_time_and_adds_the_sites(sample_site: Path) -> None:
    time = page(sample_site, NEW_YORK).xpath('//p[@class="dateline"]/time')[0]
    assert time.text == "26 June 2025, 14:35 UTC-04:00 (27 June 2025, 00:05 IST)"
    assert time.get("datetime") == "2025-06-26T14:35:00-04:00"
    same = page(sample_site, ALTAF).xpath('//p[@class="dateline"]/time')[0]
    assert same.text == "25 June 2025, 15:27 IST"


def test_the_archive_groups_months_on_the_sites_clock(sample_site: Path) -> None:
    months = page(sample_site, "archive").xpath('//ul[@class="archive-list"]//a/text()')
    assert months == ["June 2025"]


def test_the_clock_names_summer_time_and_zones_without_a_name() -> None:
    london = Clock(ZoneInfo("Europe/London"))
    summer = datetime(2025, 6, 26, 14, 35, tzinfo=ZoneInfo("America/New_York"))
    assert london.time_of_day(summer) == "19:35 BST"
    assert london.listed(summer.replace(month=1)) == "26 January 2025, 19:35 GMT"
    assert Clock(ZoneInfo("Asia/Dubai")).time_of_day(summer) == "22:35 UTC+04:00"
    assert london.time_of_day(summer, has_time=False) == ""
    assert london.dateline(summer, has_time=False) == "26 June 2025"


def test_a_country_page_does_not_repeat_its_country_on_each_story(sample_site: Path) -> None:
    india = page(sample_site, "countries/in")
    cards = india.find_class("card")
    assert cards
    assert (
        india.xpath(
            '//main//article[@class and contains(@class, "card")]'
            '//a[contains(@href, "/countries/")]'
        )
        == []
    )
    climate = page(sample_site, "tags/climate")  # a topic page still names each country
    assert climate.xpath('//main//article//a[contains(@href, "/countries/")]')


def test_caption_and_credit_are_apart_and_digest_links_name_their_day(sample_site: Path) -> None:
    home = page(sample_site, "")
    names = [a.text_content() for a in home.xpath('//div[@class="day-head"]/a')]
    assert names[0] == "Digest of 27 June 2025" and len(set(names)) == len(names)
    credit = page(sample_site, ALTAF).xpath('//figcaption/span[@class="credit"]')[0]
    assert credit.text_content() == "Image: ANI"
