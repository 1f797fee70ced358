"""The lead image in every feed format, as feedparser reads it: Media RSS media:content with
its credit and alt text beside the RSS enclosure, an Atom enclosure link, JSON Feed image."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser
from conftest import BASE_URL
from lxml import etree
from PIL import Image

KERALA = "monsoon-reaches-kerala-coast"
IMAGE = BASE_URL + "media/2025/06/kerala-rain.png"


def entry(site: Path, name: str) -> Any:
    feed = feedparser.parse((site / name).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return next(e for e in feed.entries if e.link.rstrip("/").endswith(KERALA))


def test_rss_item_has_media_content_with_size_type_credit_and_alt(newsroom_site: Path) -> None:
    item = entry(newsroom_site, "feed.xml")
    [content] = item.media_content
    with Image.open(newsroom_site / IMAGE[len(BASE_URL) :]) as served:
        size = served.size
    assert content == {
        "url": IMAGE,
        "medium": "image",
        "width": str(size[0]),
        "height": str(size[1]),
        "type": "image/png",
    }
    assert item.media_credit[0]["content"] == "Test Agency"
    # feedparser files media:description under the item's own description, so the alt
    # text is read with lxml, inside the item's media:content.
    rss = etree.fromstring((newsroom_site / "feed.xml").read_bytes())
    [alt] = rss.xpath(
        f"//item[contains(link, '{KERALA}')]/media:content/media:description",
        namespaces={"media": "http://search.yahoo.com/mrss/"},
    )
    assert alt.text == "Rain clouds over a harbour in Kochi" and alt.get("type") == "plain"
    [enclosure] = item.enclosures  # the enclosure stays, for podcast-style readers
    assert enclosure.href == IMAGE and enclosure.type == "image/png"
    assert int(enclosure.length) == (newsroom_site / IMAGE[len(BASE_URL) :]).stat().st_size


def test_topic_and_country_feeds_carry_it_too(newsroom_site: Path) -> None:
    item = entry(newsroom_site, "countries/in/feed.xml")
    assert [c["url"] for c in item.media_content] == [IMAGE]


def test_an_item_without_an_image_has_no_media(newsroom_site: Path) -> None:
    feed = feedparser.parse((newsroom_site / "feed.xml").read_bytes())
    plain = [e for e in feed.entries if not e.get("enclosures")]
    assert plain and all("media_content" not in e for e in plain)


def test_atom_entry_has_an_enclosure_link(newsroom_site: Path) -> None:
    item = entry(newsroom_site, "atom.xml")
    enclosures = [link for link in item.links if link.rel == "enclosure"]
    assert [(e.href, e.type) for e in enclosures] == [(IMAGE, "image/png")]
    assert int(enclosures[0].length) == (newsroom_site / IMAGE[len(BASE_URL) :]).stat().st_size
    assert item.link == BASE_URL + f"2025/06/25/{KERALA}/"  # the alternate link is the page


def test_json_feed_item_has_the_image(newsroom_site: Path) -> None:
    feed = json.loads((newsroom_site / "feed.json").read_text(encoding="utf-8"))
    item = next(i for i in feed["items"] if i["url"].rstrip("/").endswith(KERALA))
    assert item["image"] == IMAGE
