"""Pages as the HTML checker, search engines, social sites and feed readers see them.

The Nu Html Checker (vnu.jar from the npm package vnu-jar, run on Java) checks every page
of the sample site once; the rest reads the built pages with lxml.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BASE_URL, VnuErrors
from lxml import html

from generator.write.search import indexer

ARTICLE = "2025/06/25/altaf-hussain-calls-on-modi-to-advocate-for-mohajirs/index.html"
NO_IMAGE = "2025/06/27/london-talks-seek-faster-climate-finance-for-small-states/index.html"


def page(site: Path, relative: str) -> html.HtmlElement:
    return html.parse(str(site / relative)).getroot()


def meta(tree: html.HtmlElement, key: str) -> list[str]:
    """The content of every <meta property=KEY> or <meta name=KEY>."""
    return [
        m.get("content") for m in tree.iter("meta") if key in (m.get("property"), m.get("name"))
    ]


def test_the_html_checker_finds_no_error_on_any_page(
    sample_site: Path, vnu_errors: VnuErrors
) -> None:
    errors, status = vnu_errors(sample_site)
    assert errors == []
    assert status == 0


# The sample's stories in Urdu and Hindi, and the pages of their homes (/ur/, /hi/):
# every other page is in the site's language.
IN_OTHER_LANGUAGES = {
    "2025/06/25/altaf-hussain-appeals-to-modi-ur/index.html": "ur",
    "2025/06/25/altaf-hussain-appeals-to-modi-hi/index.html": "hi",
    "2025/06/26/karachi-speeds-up-drain-cleaning-before-monsoon/index.html": "ur",
    "2025/06/26/rooftop-solar-demand-surges-in-pakistan/index.html": "ur",
}


def test_every_page_has_a_title_description_canonical_url_and_language(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("index.html"))
    assert len(pages) > 50
    for path in pages:
        tree = html.parse(str(path)).getroot()
        where = path.relative_to(sample_site).as_posix()
        folder = where.split("/")[0]
        expected_language = folder if folder in ("ur", "hi") else "en"
        assert tree.get("lang") == IN_OTHER_LANGUAGES.get(where, expected_language), where
        assert tree.findtext(".//title").strip().endswith("The Daily Digest"), where
        if tree.xpath('//meta[@http-equiv="refresh"]'):
            continue  # an alias's redirect page: canonical to the article (test_aliases.py)
        assert meta(tree, "description") and meta(tree, "description")[0].strip(), where
        canonical = [
            link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"
        ]
        expected = BASE_URL + where[: -len("index.html")]
        assert canonical == [expected], where
        assert meta(tree, "og:url") == [expected], where
        icons = [link.get("href") for link in tree.iter("link") if link.get("rel") == "icon"]
        assert icons == ["/sub/static/favicon.svg"], where
        # The skip link lands in main: on the home page, on its lead story.
        target = tree.xpath("//a[@class='skip-link']/@href")[0]
        home = where in ("index.html", "ur/index.html", "hi/index.html")
        assert target == ("#top-story" if home else "#main"), where
        assert tree.get_element_by_id(target[1:]).xpath("ancestor-or-self::main"), where


def test_pages_load_nothing_from_other_hosts(sample_site: Path) -> None:
    for path in sorted(sample_site.rglob("*.html")):
        tree = html.parse(str(path)).getroot()
        for element in tree.iter("script", "img", "link", "iframe", "source"):
            if element.tag == "link" and element.get("rel") in ("canonical", "alternate"):
                continue
            for attribute in ("src", "href"):
                value = element.get(attribute) or ""
                assert not urlsplit(value).netloc, f"{path}: <{element.tag} {attribute}={value}>"
    assert "http" not in (sample_site / "static/style.css").read_text(encoding="utf-8")


def test_an_article_shares_as_a_card_with_its_image(sample_site: Path) -> None:
    tree = page(sample_site, ARTICLE)
    image = BASE_URL + "media-sizes/2025/06/altaf-hussain.jpg/16x9.jpg"  # the 16:9 crop
    assert meta(tree, "og:type") == ["article"]
    assert meta(tree, "og:title") == [
        "Altaf Hussain Calls on Modi to Advocate for Mohajirs Facing Atrocities"
    ]
    assert meta(tree, "og:image") == [image]
    assert (meta(tree, "og:image:width"), meta(tree, "og:image:height")) == (["1200"], ["675"])
    assert meta(tree, "og:image:alt") == ["MQM founder Altaf Hussain speaking in a video address"]
    assert meta(tree, "twitter:card") == ["summary_large_image"]
    assert meta(tree, "twitter:image") == [image]
    assert meta(tree, "article:published_time") == ["2025-06-25T15:27:00+05:30"]
    assert "Pakistan" in meta(tree, "article:tag")
    plain = page(sample_site, NO_IMAGE)
    assert meta(plain, "twitter:card") == ["summary"] and meta(plain, "og:image") == []


def test_an_article_reads_like_a_newspaper_story(sample_site: Path) -> None:
    tree = page(sample_site, ARTICLE)
    article = tree.find(".//article")
    assert article.findtext(".//h1").startswith("Altaf Hussain Calls on Modi")
    assert "urges India" in article.find_class("standfirst")[0].text_content()
    assert "By Devdiscourse News Desk" in article.find_class("byline")[0].text_content()
    dateline = article.find_class("dateline")[0]
    assert dateline.find("a").get("href") == "/sub/countries/gb/"
    assert dateline.find("time").get("datetime") == "2025-06-25T15:27:00+05:30"
    caption = article.find(".//figcaption")
    # Caption and credit apart: the credit on its own line, a full stop between for
    # screen readers and copied text.
    assert caption.text_content().endswith("video address from London. Image: ANI")
    assert caption.find_class("credit")[0].text_content() == "Image: ANI"
    assert article.find_class("sources")[0].text_content() == "(With inputs from agencies.)"
    topics = [a.text_content() for a in tree.xpath("//a[@rel='tag']")]
    assert topics == ["Pakistan", "India", "Human Rights", "MQM"]
    prev_next = {a.get("rel"): a.get("href") for a in tree.find_class("prev-next")[0].iter("a")}
    assert set(prev_next) == {"prev", "next"}


def test_related_stories_share_topics_with_the_article(sample_site: Path) -> None:
    tree = page(sample_site, ARTICLE)
    related = tree.get_element_by_id("related-stories").getparent()
    links = [a.get("href") for a in related.find_class("story-title")]
    assert 1 <= len(links) <= 4
    own_topics = {"Pakistan", "India", "Human Rights", "MQM"}
    for href in links:
        story = page(sample_site, href.removeprefix("/sub/") + "index.html")
        topics = {a.text_content() for a in story.xpath("//a[@rel='tag']")}
        assert topics & own_topics, href


def test_the_home_page_offers_every_feed_topic_and_country(sample_site: Path) -> None:
    tree = page(sample_site, "index.html")
    feeds = {
        link.get("href"): link.get("type")
        for link in tree.iter("link")
        if link.get("rel") == "alternate" and link.get("type")
    }
    assert feeds == {
        "/sub/feed.xml": "application/rss+xml",
        "/sub/atom.xml": "application/atom+xml",
        "/sub/feed.json": "application/feed+json",
        "/sub/digest/feed.xml": "application/rss+xml",
    }
    hrefs = {a.get("href") for a in tree.iter("a")}
    topics = {p.parent.name for p in (sample_site / "tags").glob("*/index.html")}
    countries = {p.parent.name for p in (sample_site / "countries").glob("*/index.html")}
    assert {f"/sub/tags/{t}/" for t in topics} <= hrefs
    assert {f"/sub/countries/{c}/" for c in countries} <= hrefs
    strip = [a.text_content() for a in tree.find_class("top-topics")[0].iter("a")]
    assert strip[:3] == ["Politics", "Climate", "Economy"]
    days = [h.text_content() for h in tree.xpath("//section[@class='day']//h2")]
    assert days == ["Friday 27 June 2025", "Thursday 26 June 2025", "Wednesday 25 June 2025"]


def test_topic_pages_count_their_stories_and_link_pages_and_feed(sample_site: Path) -> None:
    first = page(sample_site, "tags/climate/index.html")
    # 11 stories in English; its 2 Urdu stories are on the Urdu topic page.
    assert "11 stories" in first.find_class("lede")[0].text_content()
    urdu = page(sample_site, "ur/tags/climate/index.html")
    assert urdu.get("lang") == "ur" and len(urdu.find_class("card")) == 2
    links = {link.get("rel"): link.get("href") for link in first.iter("link")}
    assert links["next"] == "/sub/tags/climate/page/2/" and "prev" not in links
    feeds = first.xpath("//link[@rel='alternate']/@href")
    assert feeds[0] == "/sub/tags/climate/feed.xml"
    assert first.xpath("//a[@class='feed-link']/@href") == ["/sub/tags/climate/feed.xml"]
    second = page(sample_site, "tags/climate/page/2/index.html")
    links = {link.get("rel"): link.get("href") for link in second.iter("link")}
    assert links["prev"] == "/sub/tags/climate/" and "next" not in links
    assert len(second.find_class("card")) == 1


def test_the_topics_index_is_a_list_by_use_with_counts(sample_site: Path) -> None:
    tree = page(sample_site, "tags/index.html")
    items = tree.find_class("term-list")[0].findall("li")
    counts = [int(li.find_class("count")[0].text) for li in items]
    assert counts == sorted(counts, reverse=True) and counts[0] == 18
    assert items[0].find("a").text == "Politics"
    countries = page(sample_site, "countries/index.html")
    names = [a.text_content() for a in countries.find_class("term-list")[0].iter("a")]
    assert "United Kingdom" in names and "Côte d'Ivoire" in names
    assert names == sorted(names)


def test_search_is_offered_in_the_navigation_and_loads_from_the_base_path(
    sample_site: Path,
) -> None:
    if indexer() is None:
        pytest.skip("search is offered only with the search extra: pip install -e '.[search]'")
    tree = page(sample_site, "index.html")
    assert "/sub/search/" in tree.xpath("//nav[@class='site-nav']//a/@href")
    search = page(sample_site, "search/index.html")
    scripts = search.xpath("//script/@src")
    assert scripts == ["/sub/pagefind/pagefind-ui.js", "/sub/static/search.js"]
    box = search.get_element_by_id("search")
    assert box.get("data-bundle") == "/sub/pagefind/" and box.get("data-base-url") == "/sub/"
    for src in scripts:
        assert (sample_site / src.removeprefix("/sub/")).is_file()
