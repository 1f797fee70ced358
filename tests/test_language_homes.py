"""A home and feeds per language: an English site with Urdu and Hindi stories.

The site's language is at /, every other language with stories at /LANG/ (its home,
topics, countries and feeds, in its own `lang` and `dir`); /feed.xml carries the site's
language only, OPML every language's feeds; the homes name each other (a language switcher
and reciprocal hreflang); Pagefind indexes each language apart and each language's search
page searches its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import (
    BASE_URL,
    make_project,
    parked,
    run_here,
    static_server,
    write_article,
)
from lxml import etree, html
from site_judge import judge

ENGLISH = [
    (
        "2025/06/london-talks.md",
        """title: London talks on climate finance
date: 2025-06-23T11:00:00+01:00
country: UK
credits:
  author: London Desk
tags: [Weather]
summary: Small states ask for faster money.""",
    ),
    (
        "2025/06/harbour.md",
        """title: Harbour reopens after the storm
date: 2025-06-26T09:00:00+05:30
country: India
credits:
  author: Mumbai Desk
tags: [Economy]
summary: Ships are back at the docks.""",
    ),
]
URDU = [
    (
        "2025/06/karachi-floods.md",
        """title: "کراچی میں بارش کے بعد سیلاب"
date: 2025-06-25T11:00:00+05:00
language: ur
country: Pakistan
credits:
  author: کراچی بیورو
tags: [Weather]
summary: "شہر کی سڑکیں پانی میں ڈوب گئیں۔\"""",
    ),
    (
        "2025/06/lahore-heat.md",
        """title: "لاہور میں گرمی کی لہر"
date: 2025-06-24T10:00:00+05:00
language: ur
country: Pakistan
credits:
  author: لاہور بیورو
tags: [Weather]
summary: "درجہ حرارت پینتالیس ڈگری تک پہنچ گیا۔\"""",
    ),
    (
        "2025/06/quetta-snow.md",
        """title: "کوئٹہ میں غیر معمولی ژالہ باری"
date: 2025-06-22T10:00:00+05:00
language: ur
country: Pakistan
credits:
  author: کوئٹہ بیورو
tags: [Weather]
summary: "کسانوں کی فصلیں متاثر ہوئیں۔\"""",
    ),
]
HINDI = (
    "2025/06/delhi-heat.md",
    """title: "दिल्ली में गर्मी का नया रिकॉर्ड"
date: 2025-06-24T11:00:00+05:30
language: hi
country: India
credits:
  author: दिल्ली ब्यूरो
tags: [Weather]
summary: "तापमान 47 डिग्री तक पहुंचा।\"""",
)
URDU_TITLES = {
    "کراچی میں بارش کے بعد سیلاب",
    "لاہور میں گرمی کی لہر",
    "کوئٹہ میں غیر معمولی ژالہ باری",
}
ENGLISH_TITLES = {"London talks on climate finance", "Harbour reopens after the storm"}
HINDI_TITLE = "दिल्ली में गर्मी का नया रिकॉर्ड"
# A word only the Urdu stories have (hailstorm): the search test looks for it.
URDU_WORD = "ژالہ"


def multilingual_project(root: Path) -> Path:
    project = make_project(root)
    for relative, front in [*ENGLISH, *URDU, HINDI]:
        body = "پہلا پیراگراف۔\n" if "language: ur" in front else "Text.\n"
        write_article(project, relative, front, body)
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = multilingual_project(tmp_path_factory.mktemp("languages") / "project")
    out = project.parent / "site"
    result = run_here(
        "build", "--output", str(out), "--base-url", BASE_URL, cwd=project, search=True
    )
    assert result.returncode == 0, result.stderr
    return out


def page(site: Path, relative: str) -> Any:
    return html.fromstring((site / relative / "index.html").read_bytes())


def headlines(tree: Any) -> set[str]:
    """The stories a page lists: its headlines (home: story titles; lists: card titles)."""
    found = tree.xpath("//main//a[@class='story-title'] | //main//*[@class='card-title']/a")
    return {a.text_content().strip() for a in found}


def parsed(site: Path, relative: str) -> Any:
    feed = feedparser.parse((site / relative).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize(
    ("folder", "language", "titles"),
    [("", "en", ENGLISH_TITLES), ("ur/", "ur", URDU_TITLES), ("hi/", "hi", {HINDI_TITLE})],
)
def test_each_languages_feeds_carry_its_language_and_only_its_stories(
    site: Path, folder: str, language: str, titles: set[str]
) -> None:
    for name in ("feed.xml", "atom.xml"):
        feed = parsed(site, folder + name)
        assert feed.feed.language == language, name
        assert {entry.title for entry in feed.entries} == titles, name
        assert feed.feed.link == BASE_URL + folder
    data = json.loads((site / folder / "feed.json").read_text(encoding="utf-8"))
    assert data["language"] == language
    assert data["feed_url"] == BASE_URL + folder + "feed.json"
    assert {item["title"] for item in data["items"]} == titles
    topic = parsed(site, folder + "tags/weather/feed.xml")
    assert topic.feed.language == language
    assert {entry.title for entry in topic.entries} == titles & {
        "London talks on climate finance",
        *URDU_TITLES,
        HINDI_TITLE,
    }


def test_opml_lists_every_languages_feeds(site: Path) -> None:
    opml = etree.fromstring((site / "feeds.opml").read_bytes())
    listed = {outline.get("xmlUrl") for outline in opml.iter("outline")}
    for folder in ("", "ur/", "hi/"):
        assert BASE_URL + folder + "feed.xml" in listed
        assert BASE_URL + folder + "tags/weather/feed.xml" in listed
    titles = {outline.get("title") for outline in opml.iter("outline")}
    assert {"Test Desk", "Test Desk (اردو)", "Test Desk (हिन्दी)"} <= titles
    assert not (site / "ur" / "feeds.opml").exists()


def test_the_urdu_home_is_urdu_right_to_left_and_lists_the_urdu_stories(site: Path) -> None:
    urdu, root = page(site, "ur"), page(site, "")
    assert (urdu.get("lang"), urdu.get("dir")) == ("ur", "rtl")
    assert (root.get("lang"), root.get("dir")) == ("en", None)
    assert headlines(urdu) == URDU_TITLES
    assert headlines(root) == ENGLISH_TITLES
    assert headlines(page(site, "hi")) == {HINDI_TITLE}
    # Its navigation stays in its language: its topics, countries, archive and search.
    nav = [a.get("href") for a in urdu.xpath("//nav[@class='site-nav']//a")]
    assert nav[:4] == ["/sub/ur/", "/sub/ur/tags/", "/sub/ur/countries/", "/sub/ur/archive/"]


def test_a_languages_topics_and_countries_are_paginated_in_its_language(site: Path) -> None:
    first, second = page(site, "ur/tags/weather"), page(site, "ur/tags/weather/page/2")
    assert (second.get("lang"), second.get("dir")) == ("ur", "rtl")
    assert headlines(first) | headlines(second) == URDU_TITLES
    assert first.xpath("//head/link[@rel='next']/@href") == ["/sub/ur/tags/weather/page/2/"]
    country = page(site, "ur/countries/pk")
    assert country.get("lang") == "ur" and len(headlines(country)) == 2
    # The site's own topic page lists the site's language only.
    assert headlines(page(site, "tags/weather")) == {"London talks on climate finance"}
    assert not (site / "countries" / "pk").exists()


def test_a_languages_pages_offer_its_own_feeds(site: Path) -> None:
    for relative in ("ur", "ur/tags/weather", "2025/06/25/karachi-floods"):
        offered = page(site, relative).xpath("//head/link[@rel='alternate'][@type]/@href")
        assert "/sub/ur/feed.xml" in offered, relative
        assert all(href.startswith("/sub/ur/") for href in offered), (relative, offered)
    assert "/sub/ur/tags/weather/feed.xml" in page(site, "ur/tags/weather").xpath(
        "//head/link[@rel='alternate']/@href"
    )
    assert page(site, "").xpath("//head/link[@type='application/rss+xml']/@href")[0] == (
        "/sub/feed.xml"
    )


def test_the_homes_link_each_other_with_reciprocal_absolute_hreflang(site: Path) -> None:
    homes = {"en": BASE_URL, "hi": BASE_URL + "hi/", "ur": BASE_URL + "ur/"}
    expected = sorted([*homes.items(), ("x-default", BASE_URL)])
    names = {"en": "English", "hi": "हिन्दी", "ur": "اردو"}
    for language, url in homes.items():
        tree = page(site, url.removeprefix(BASE_URL))
        alternates = tree.xpath("//head/link[@rel='alternate'][@hreflang]")
        assert sorted((a.get("hreflang"), a.get("href")) for a in alternates) == expected
        switcher = tree.xpath("//nav[contains(@class, 'languages')]//a")
        assert sorted((a.get("lang"), a.get("hreflang"), a.text) for a in switcher) == sorted(
            (other, other, names[other]) for other in homes if other != language
        )
        for link in switcher:
            assert link.get("href") == homes[link.get("lang")].removeprefix("http://127.0.0.1:8000")
            assert link.get("dir") == ("rtl" if link.get("lang") == "ur" else "ltr")


def test_a_site_in_one_language_has_no_language_folders_or_switcher(newsroom_site: Path) -> None:
    home = page(newsroom_site, "")
    assert home.xpath("//link[@hreflang]") == []
    assert home.xpath("//nav[contains(@class, 'languages')]") == []
    folders = {p.name for p in newsroom_site.iterdir() if p.is_dir()}
    assert not folders & {"en", "ur", "hi"}


def test_each_language_has_a_search_page_in_its_language(site: Path) -> None:
    urdu, root = page(site, "ur/search"), page(site, "search")
    assert (urdu.get("lang"), urdu.get("dir")) == ("ur", "rtl")
    assert root.get("lang") == "en"
    box = urdu.get_element_by_id("search")
    assert box.get("data-base-url") == "/sub/"  # results link to articles at the site root
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {language: found["page_count"] for language, found in entry["languages"].items()}
    assert counts == {"en": 2, "ur": 3, "hi": 1}


@pytest.fixture(scope="module")
def server(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("www")
    (root / "sub").symlink_to(site, target_is_directory=True)  # only read: no copy
    with static_server(root) as url:
        yield url + "sub/"


SEARCH = """async (query) => {
    const box = document.getElementById("search");
    const pagefind = await import(box.dataset.bundle + "pagefind.js");
    await pagefind.options({baseUrl: box.dataset.baseUrl});
    await pagefind.init();  // the index of the page's <html lang>, as the search UI loads it
    const found = await pagefind.search(query);
    const pages = await Promise.all(found.results.map((result) => result.data()));
    return pages.map((page) => page.meta.title);
}"""


def search_results(tab: Any, url: str, query: str) -> list[str]:
    """The titles Pagefind finds for `query` from the search page at `url`, loaded anew
    in Chromium's `tab` (nothing of an earlier search's page is kept)."""
    tab.goto(url)
    return list(tab.evaluate(SEARCH, query))


def test_an_urdu_word_is_found_only_by_the_urdu_search(
    site: Path, server: str, chromium_tab: Any
) -> None:
    pytest.importorskip("pagefind", reason="search extra missing: pip install -e '.[search]'")
    tab = chromium_tab
    try:
        found = {
            (path, query): search_results(tab, server + path, query)
            for path in ("ur/search/", "search/")
            for query in (URDU_WORD, "harbour")
        }
    finally:
        parked(tab)  # an open page keeps the worker's Chromium busy (about 5% of a core)
    assert found[("ur/search/", URDU_WORD)] == ["کوئٹہ میں غیر معمولی ژالہ باری"]
    assert found[("search/", URDU_WORD)] == []
    assert found[("search/", "harbour")] == ["Harbour reopens after the storm"]
    assert found[("ur/search/", "harbour")] == []


def test_the_site_judge_passes_a_multilingual_site(site: Path, tmp_path: Path) -> None:
    """Feeds, the Nu checker and internal links over every language's pages, when the
    judge is installed (its LinkChecker crawl left out for time; its browser check, what
    the test below checks)."""
    judge(site, "/sub/", "--skip", "linkchecker,browser", "--out", str(tmp_path))


def test_the_pages_pass_the_judges_browser_check(
    site: Path, chromium: Any, chromium_tab: Any, tmp_path: Path
) -> None:
    """The pages the site judge's browser check loads (the home page, the first topic page
    and the newest story), and the Urdu and Hindi homes, in Chromium in a window and on a
    phone: no failed request, no console error, no serious or critical axe-core violation
    (tests/test_browser.py's `judged_in_chromium`)."""
    from test_browser import judge_pages, judged_in_chromium, served

    with served(site, tmp_path) as server:
        pages = [*judge_pages(site), "ur/", "hi/"]
        assert judged_in_chromium(chromium, chromium_tab, server, pages) == []


def test_a_home_whose_language_has_no_story_yet_leads_to_the_languages_that_have(
    tmp_path: Path,
) -> None:
    """An English site whose stories are all in Urdu and Hindi: its home said "No
    stories yet. Add an article under content/" to readers; it now names where the
    news is, each language by its own name, in its own lang and dir."""
    project = make_project(tmp_path / "project", 'language = "en"\n')
    for path, front in [URDU[0], HINDI]:
        write_article(project, path, front)
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), cwd=project, search=False)
    assert built.returncode == 0, built.stdout + built.stderr
    home = html.fromstring((out / "index.html").read_bytes())
    [empty] = home.xpath("//main//p[@class='empty']")
    assert empty.text_content().startswith("No stories in this language yet. Read the news in:")
    assert "content/" not in empty.text_content()
    links = [(a.get("href"), a.get("lang"), a.get("dir"), a.text) for a in empty.xpath("a")]
    assert links == [("/sub/hi/", "hi", "ltr", "हिन्दी"), ("/sub/ur/", "ur", "rtl", "اردو")]
