"""Feeds as a feed reader sees them: the fixture newsroom's RSS, Atom, JSON Feed and OPML."""

from __future__ import annotations

import calendar
import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import BASE_URL, copy_newsroom, run_here
from lxml import html as lxml_html
from PIL import Image

from generator.render.feeds.writers import join_names

KERALA = "monsoon-reaches-kerala-coast"
KERALA_URL = BASE_URL + "2025/06/25/monsoon-reaches-kerala-coast/"
KERALA_GUID = "tag:fixture.example,2025:2025-06-25/monsoon-reaches-kerala-coast"
# slug -> the instant in UTC, from dates written in +05:30, +05:45, -07:00, -03:00, +12:00...
INSTANTS = {
    "monsoon-reaches-kerala-coast": datetime(2025, 6, 25, 9, 57, tzinfo=UTC),
    "everest-waste-rules": datetime(2025, 6, 24, 4, 30, tzinfo=UTC),
    "wildfire-crews-brace": datetime(2025, 6, 23, 15, 0, tzinfo=UTC),
    "sao-paulo-metro-strike-ends": datetime(2025, 6, 22, 21, 40, tzinfo=UTC),
    "chatbot-rules-questioned": datetime(2025, 6, 21, 10, 0, tzinfo=UTC),
    "budget-boosts-maori-media": datetime(2025, 6, 19, 21, 0, tzinfo=UTC),
    "bengaluru-startups-bet-on-local-language-ai": datetime(2025, 6, 18, 6, 30, tzinfo=UTC),
    "assam-floods-displace-villagers": datetime(2025, 6, 15, 2, 15, tzinfo=UTC),
    "ai-rules-in-berlin": datetime(2025, 5, 30, 12, 0, tzinfo=UTC),
    "zurich-housing-levy-vote": datetime(2025, 5, 12, 5, 30, tzinfo=UTC),
}
RSS_NS = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def instant(parsed: Any) -> datetime:
    """feedparser's struct_time (always UTC) as an aware datetime."""
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def parse(site: Path, name: str) -> Any:
    feed = feedparser.parse((site / name).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_every_item_has_title_link_summary_content_author_and_instant(
    newsroom_site: Path, name: str
) -> None:
    feed = parse(newsroom_site, name)
    assert [slug_of(e.link) for e in feed.entries] == list(INSTANTS)  # newest first
    for entry in feed.entries:
        assert entry.link.startswith(BASE_URL)
        assert (newsroom_site / entry.link[len(BASE_URL) :] / "index.html").is_file()
        assert entry.title
        assert entry.summary
        assert len(entry.content[0].value) > len(entry.summary) / 2
        assert "<p>" in entry.content[0].value
        assert "Fixture Desk" in " and ".join(a.get("name", "") for a in entry.authors)
        assert instant(entry.published_parsed) == INSTANTS[slug_of(entry.link)]
    kerala = feed.entries[0]
    assert kerala.title == "Monsoon Reaches Kerala Coast — Fishing Boats Called Back"
    assert kerala.summary.startswith("Heavy rain arrived on the Kerala coast")
    assert "Forecasters expect the rain to move north" in kerala.content[0].value
    assert kerala.id == KERALA_GUID
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_json_feed_has_the_same_items_and_instants(newsroom_site: Path) -> None:
    feed = json.loads((newsroom_site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == BASE_URL + "feed.json"
    assert feed["home_page_url"] == BASE_URL
    items = feed["items"]
    assert [slug_of(i["url"]) for i in items] == list(INSTANTS)
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        published = datetime.fromisoformat(item["date_published"])
        assert published.utcoffset() is not None
        assert published == INSTANTS[slug_of(item["url"])]
        assert item["title"] and item["summary"] and "<p>" in item["content_html"]
        assert item["authors"][0]["name"] == "Fixture Desk"
    kerala = items[0]
    assert kerala["id"] == KERALA_GUID
    assert kerala["url"] == KERALA_URL
    assert kerala["date_published"] == "2025-06-25T15:27:00+05:30"
    assert kerala["image"] == BASE_URL + "media/2025/06/kerala-rain.png"


def test_rss_dates_are_in_gmt_and_atom_dates_keep_the_offset(newsroom_site: Path) -> None:
    rss = (newsroom_site / "feed.xml").read_text(encoding="utf-8")
    assert "<pubDate>Wed, 25 Jun 2025 09:57:00 +0000</pubDate>" in rss
    assert "<pubDate>Tue, 24 Jun 2025 04:30:00 +0000</pubDate>" in rss
    pub_dates = re.findall(r"<(?:pubDate|lastBuildDate)>([^<]*)<", rss)
    assert pub_dates and all(d.endswith(("+0000", "GMT")) for d in pub_dates)
    atom = (newsroom_site / "atom.xml").read_text(encoding="utf-8")
    assert "<published>2025-06-25T15:27:00+05:30</published>" in atom
    assert "<published>2025-06-24T10:15:00+05:45</published>" in atom
    assert "<published>2025-06-23T08:00:00-07:00</published>" in atom
    assert "<updated>2025-06-24T09:30:00-07:00</updated>" in atom


def test_rss_dates_read_as_feedgen_writes_them_on_every_weekday_and_month() -> None:
    from feedgen.util import formatRFC2822

    from generator.render.feeds.extensions import rfc2822

    for day in range(1, 400, 3):  # every weekday in every month, with offsets and none
        moment = datetime(2024, 1, 1, 7, 8, 9, tzinfo=UTC) + timedelta(days=day, minutes=day)
        for shown in (moment, moment.astimezone(timezone(timedelta(hours=-9, minutes=-30)))):
            assert rfc2822(shown) == formatRFC2822(shown)
        assert rfc2822(moment.replace(tzinfo=None)) == formatRFC2822(moment.replace(tzinfo=None))


def test_an_update_is_carried_as_the_modified_time(newsroom_site: Path) -> None:
    atom = parse(newsroom_site, "atom.xml")
    wildfire = next(e for e in atom.entries if slug_of(e.link) == "wildfire-crews-brace")
    assert instant(wildfire.updated_parsed) == datetime(2025, 6, 24, 16, 30, tzinfo=UTC)
    items = json.loads((newsroom_site / "feed.json").read_text(encoding="utf-8"))["items"]
    item = next(i for i in items if slug_of(i["url"]) == "wildfire-crews-brace")
    assert item["date_modified"] == "2025-06-24T09:30:00-07:00"


def test_rss_guids_are_tag_uris_marked_not_permalinks(newsroom_site: Path) -> None:
    channel = ET.parse(newsroom_site / "feed.xml").getroot().find("channel")
    assert channel is not None
    guids = channel.findall("item/guid")
    assert len(guids) == len(INSTANTS)
    for guid in guids:
        assert guid.get("isPermaLink") == "false"
        assert guid.text and guid.text.startswith("tag:fixture.example,2025:2025-")


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("feed.xml", ""),
        ("tags/climate/feed.xml", "tags/climate/"),
        ("countries/in/feed.xml", "countries/in/"),
    ],
)
def test_rss_channel_links_to_its_page_and_to_itself(
    newsroom_site: Path, name: str, home: str
) -> None:
    channel = ET.parse(newsroom_site / name).getroot().find("channel")
    assert channel is not None
    assert channel.findtext("link") == BASE_URL + home
    self_links = [
        link.get("href")
        for link in channel.findall("atom:link", RSS_NS)
        if link.get("rel") == "self"
    ]
    assert self_links == [BASE_URL + name]


def test_atom_self_link_is_where_the_feed_is_served(newsroom_site: Path) -> None:
    feed = parse(newsroom_site, "atom.xml")
    rels = {link.rel: link.href for link in feed.feed.links}
    assert rels == {"self": BASE_URL + "atom.xml", "alternate": BASE_URL}


def test_links_inside_content_are_absolute(newsroom_site: Path) -> None:
    for name in ("feed.xml", "atom.xml"):
        for entry in parse(newsroom_site, name).entries:
            html = entry.content[0].value
            for url in re.findall(r'(?:href|src)="([^"]*)"', html):
                assert url.startswith(("http://", "https://")), (name, url)
    items = json.loads((newsroom_site / "feed.json").read_text(encoding="utf-8"))["items"]
    chatbot = next(i for i in items if slug_of(i["url"]) == "chatbot-rules-questioned")
    assert f'href="{BASE_URL}2025/05/30/ai-rules-in-berlin/"' in chatbot["content_html"]


def test_topic_and_country_feeds_carry_their_stories(newsroom_site: Path) -> None:
    climate = parse(newsroom_site, "tags/climate/feed.xml")
    assert {slug_of(e.link) for e in climate.entries} == {
        "monsoon-reaches-kerala-coast",
        "everest-waste-rules",
        "wildfire-crews-brace",
        "budget-boosts-maori-media",
    }
    assert "Climate" in climate.feed.title
    india = parse(newsroom_site, "countries/in/feed.xml")
    assert [slug_of(e.link) for e in india.entries] == [
        KERALA,
        "bengaluru-startups-bet-on-local-language-ai",
        "assam-floods-displace-villagers",
    ]
    assert india.entries[0].id == KERALA_GUID
    assert instant(india.entries[0].published_parsed) == INSTANTS[KERALA]


def test_several_bylines_are_one_rss_creator_and_every_author_in_atom_and_json(
    newsroom_site: Path,
) -> None:
    rss = {slug_of(e.link): e for e in parse(newsroom_site, "feed.xml").entries}
    assert rss["everest-waste-rules"].author == "Fixture Desk and Mountain Correspondent"
    channel = ET.parse(newsroom_site / "feed.xml").getroot().find("channel")
    assert channel is not None
    everest = [i for i in channel.findall("item") if "everest" in i.findtext("link", "")][0]
    assert len(everest.findall("dc:creator", RSS_NS)) == 1
    atom = {slug_of(e.link): e for e in parse(newsroom_site, "atom.xml").entries}
    assert [a.name for a in atom["everest-waste-rules"].authors] == [
        "Fixture Desk",
        "Mountain Correspondent",
    ]
    items = json.loads((newsroom_site / "feed.json").read_text(encoding="utf-8"))["items"]
    everest_json = [i for i in items if "everest" in i["url"]][0]
    assert everest_json["authors"] == [{"name": "Fixture Desk"}, {"name": "Mountain Correspondent"}]
    assert join_names(["A", "B", "C"]) == "A, B and C" and join_names(["A"]) == "A"


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml", "feed.json"])
def test_content_carries_the_lead_figure_its_credit_and_the_sources_line(
    newsroom_site: Path, name: str
) -> None:
    if name == "feed.json":
        items = json.loads((newsroom_site / name).read_text(encoding="utf-8"))["items"]
        content = {slug_of(i["url"]): i["content_html"] for i in items}[KERALA]
    else:
        content = {slug_of(e.link): e.content[0].value for e in parse(newsroom_site, name).entries}[
            KERALA
        ]
    figure = lxml_html.fragment_fromstring(content, create_parent="div").find(".//figure")
    assert figure is not None
    image = figure.find("img")
    assert image.get("src") == BASE_URL + "media/2025/06/kerala-rain.png"
    assert image.get("alt") == "Rain clouds over a harbour in Kochi"
    caption = figure.find("figcaption")
    assert [t.strip() for t in caption.itertext()] == [
        "Boats moored in Kochi as the rain began",
        "Image: Test Agency",
    ]
    assert content.rstrip().endswith(
        "<p><em>(With inputs from agencies, local reporters.)</em></p>"
    )


@pytest.mark.parametrize(
    "name", ["feed.xml", "atom.xml", "feed.json", "tags/climate/feed.xml", "digest/feed.xml"]
)
def test_every_channel_has_an_image_or_icon_readers_can_show(
    newsroom_site: Path, name: str
) -> None:
    icons = {}
    if name == "feed.json":
        feed = json.loads((newsroom_site / name).read_text(encoding="utf-8"))
        icons = {"icon": feed["icon"], "favicon": feed["favicon"]}
    else:
        parsed = parse(newsroom_site, name).feed
        if name == "atom.xml":
            icons = {"icon": parsed.icon, "logo": parsed.logo}
        else:
            assert parsed.image.title == parsed.title and parsed.image.link == parsed.link
            icons = {"image": parsed.image.href}
    for url in icons.values():
        assert url.startswith(BASE_URL + "static/") and url.endswith(".png"), icons
        with Image.open(newsroom_site / url[len(BASE_URL) :]) as png:
            assert png.format == "PNG" and png.width == png.height
            if name.endswith(".xml") and "image" in icons:
                assert png.width <= 144  # RSS 2.0's limit for <image>


def test_rss_carries_the_lead_image_as_an_enclosure(newsroom_site: Path) -> None:
    channel = ET.parse(newsroom_site / "feed.xml").getroot().find("channel")
    assert channel is not None
    items = {slug_of(i.findtext("link", "")): i for i in channel.findall("item")}
    enclosure = items[KERALA].find("enclosure")
    assert enclosure is not None
    assert enclosure.get("url") == BASE_URL + "media/2025/06/kerala-rain.png"
    assert enclosure.get("type") == "image/png"
    image = newsroom_site / "media/2025/06/kerala-rain.png"
    assert enclosure.get("length") == str(image.stat().st_size)


def test_opml_lists_every_feed_and_each_one_exists(newsroom_site: Path) -> None:
    root = ET.parse(newsroom_site / "feeds.opml").getroot()
    feeds = {o.get("xmlUrl", "") for o in root.iter("outline")}
    assert {
        BASE_URL + "feed.xml",
        BASE_URL + "tags/climate/feed.xml",
        BASE_URL + "countries/in/feed.xml",
    } <= feeds
    published = {
        BASE_URL + p.relative_to(newsroom_site).as_posix() for p in newsroom_site.rglob("feed.xml")
    }
    assert published <= feeds
    for url in feeds:
        assert url.startswith(BASE_URL)
        assert (newsroom_site / url[len(BASE_URL) :]).is_file(), url
    # Each feed once, in RSS: a reader importing the file subscribes to every outline,
    # so the Atom and JSON Feed copies would give it every story three times.
    outlines = list(root.iter("outline"))
    assert len(outlines) == len(feeds) == len(published)
    assert {o.get("type") for o in outlines} == {"rss"}
    assert not {BASE_URL + "atom.xml", BASE_URL + "feed.json"} & feeds


# GUIDs: built from the site id, the date and the slug, and from nothing else.


def guids(project: Path, out: Path, base_url: str = BASE_URL) -> dict[str, str]:
    """slug -> GUID, from a real build's JSON Feed."""
    result = run_here("build", "--output", str(out), "--base-url", base_url, cwd=project)
    assert result.returncode == 0, result.stderr
    items = json.loads((out / "feed.json").read_text(encoding="utf-8"))["items"]
    return {slug_of(i["url"]): i["id"] for i in items}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


KERALA_FILE = "content/2025/06/monsoon-reaches-kerala-coast.md"


def retitle(project: Path) -> None:
    edit(project / KERALA_FILE, "title: Monsoon Reaches Kerala Coast", "title: Rain Hits Kerala")


def rewrite_body(project: Path) -> None:
    edit(project / KERALA_FILE, "The south-west monsoon arrived", "The monsoon finally arrived")


def add_update(project: Path) -> None:
    edit(
        project / KERALA_FILE,
        "date: 2025-06-25T15:27:00+05:30",
        "date: 2025-06-25T15:27:00+05:30\nupdated: 2025-06-26T08:00:00+05:30",
    )


def move_folder(project: Path) -> None:
    target = project / "content/india/monsoon"
    target.mkdir(parents=True)
    (project / KERALA_FILE).rename(target / "monsoon-reaches-kerala-coast.md")
    (project / "content/2025/06/kerala-rain.png").rename(target / "kerala-rain.png")
    edit(
        target / "monsoon-reaches-kerala-coast.md",
        "(everest-waste-rules.md)",
        "(../../2025/06/everest-waste-rules.md)",
    )


@pytest.mark.parametrize("change", [retitle, rewrite_body, add_update, move_folder])
def test_guids_survive_edits_and_moves(tmp_path: Path, change: Any) -> None:
    project = copy_newsroom(tmp_path / "project")
    before = guids(project, tmp_path / "before")
    change(project)
    after = guids(project, tmp_path / "after")
    assert after == before
    assert after[KERALA] == KERALA_GUID


def test_guids_do_not_depend_on_base_url(tmp_path: Path) -> None:
    project = copy_newsroom(tmp_path / "project")
    here = guids(project, tmp_path / "here")
    there = guids(project, tmp_path / "there", "https://news.example.com/")
    assert here == there


def test_id_in_front_matter_pins_the_guid(tmp_path: Path) -> None:
    project = copy_newsroom(tmp_path / "project")
    pinned = "urn:uuid:3f2b8c1e-5a47-4d1f-9a53-0c2d7b7e9e10"
    edit(project / KERALA_FILE, "country: India", f"country: India\nid: {pinned}\nslug: kerala")
    edit(project / KERALA_FILE, "date: 2025-06-25T15:27:00", "date: 2025-06-26T15:27:00")
    found = guids(project, tmp_path / "site")
    assert found["kerala"] == pinned
    rss = ET.parse(tmp_path / "site" / "feed.xml").getroot()
    guid = next(g for g in rss.iter("guid") if g.text == pinned)
    assert guid.get("isPermaLink") == "false"


def test_renaming_the_file_keeps_the_guid_when_slug_pins_it(tmp_path: Path) -> None:
    project = copy_newsroom(tmp_path / "project")
    renamed = project / "content/2025/06/kerala-monsoon.md"
    (project / KERALA_FILE).rename(renamed)
    assert (
        "tag:fixture.example,2025:2025-06-25/kerala-monsoon"
        in guids(project, tmp_path / "moved").values()
    )
    edit(renamed, "country: India", f"country: India\nslug: {KERALA}")
    assert guids(project, tmp_path / "pinned")[KERALA] == KERALA_GUID


def test_the_newest_modification_is_the_latest_instant_whatever_the_offsets() -> None:
    """The site's newest modification (the feeds' date when a feed lists no story) is
    the latest instant of the stories' dates, updates and corrections, written in many
    offsets; of equal instants, the first story's, as written (its offset shown)."""
    from generator.model import Article, Correction, Country, newest_modified

    def story(n: int, when: datetime, updated: datetime | None = None, fixed: tuple = ()):
        return Article(
            f"{n}.md", f"s{n}", "T", when, updated, Country("KE", "Kenya"), (), "", (), (),
            "", None, "", 1, f"g{n}", corrections=fixed,
        )  # fmt: skip

    base = datetime(2025, 6, 25, 9, 0, tzinfo=UTC)
    zones = [timezone(timedelta(minutes=m)) for m in (-600, -30, 0, 330, 345, 840)]
    stories = [story(n, (base - timedelta(hours=n)).astimezone(zones[n % 6])) for n in range(40)]
    assert newest_modified(stories) is stories[0].date
    later = (base + timedelta(microseconds=1)).astimezone(zones[3])
    same = base.astimezone(zones[4])
    fix = Correction(later, "A name spelt as its owner spells it.", True)
    for extra in (
        [story(50, base - timedelta(days=9), updated=later)],  # an old story updated since
        [story(51, base - timedelta(days=3), fixed=(fix,))],
        [story(52, same)],  # the same instant as stories[0], after it: stories[0]'s kept
    ):
        mixed = [*stories[:20], *extra, *stories[20:]]
        want = max(a.modified for a in mixed)
        got = newest_modified(mixed)
        assert got == want and got.utcoffset() == want.utcoffset()
    assert newest_modified([]) is None
