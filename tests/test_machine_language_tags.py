"""Old language codes README accepts (`iw`, `in`, `no-bok`, `zh-guoyu`) are published in
their current form wherever a machine reads them: RSS <language>, Atom xml:lang, JSON
Feed, hreflang, news:language and inLanguage (RFC 5646 4.5: a deprecated subtag's
preferred value, from CLDR's aliases). A page's own `lang` and its folder stay as typed.
Once `iw` went to feeds as typed and the W3C feed validator called them invalid."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from conftest import make_project, run_here, write_article
from lxml import etree, html
from site_judge import judge

NOW = "2026-11-30T12:00:00Z"
# (as typed, its folder, the form machines read)
CODES = [
    ("iw", "iw", "he"),
    ("in", "in", "id"),
    ("no-bok", "no-bok", "nb"),
    ("zh-guoyu", "zh-guoyu", "zh"),
]
NEWS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("codes")
    project = make_project(root / "project", 'language = "en"\n')
    for code, _, _ in [("en", "", ""), *CODES]:
        front = (
            f"title: Story {code}\ndate: 2026-11-30T08:00:00Z\nlanguage: {code}\n"
            "translation_key: harbour\ncountry: Israel\ncredits:\n  author: Desk"
        )
        write_article(project, f"{code}.md", front)
    out = root / "site"
    built = run_here("build", "--output", str(out), "--now", NOW, cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    return out


@pytest.mark.parametrize(("typed", "folder", "preferred"), CODES)
def test_feeds_carry_the_current_code_in_the_folder_the_editor_chose(
    site: Path, typed: str, folder: str, preferred: str
) -> None:
    rss = feedparser.parse((site / folder / "feed.xml").read_bytes())
    assert rss.feed.language == preferred
    atom = etree.parse(str(site / folder / "atom.xml")).getroot()
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == preferred
    digest = feedparser.parse((site / folder / "digest/feed.xml").read_bytes())
    assert digest.feed.language == preferred
    feed = json.loads((site / folder / "feed.json").read_text(encoding="utf-8"))
    assert feed["language"] == preferred
    page = html.fromstring((site / "2026/11/30" / typed / "index.html").read_bytes())
    assert page.get("lang") == typed  # the page says what the editor typed
    assert page.xpath("//link[@rel='alternate'][@hreflang]/@hreflang") == [
        "en",
        *(p for _, _, p in sorted(CODES)),  # in the order of the tags typed
        "x-default",
    ]
    data = json.loads(page.xpath("//script[@type='application/ld+json']/text()")[0])
    assert preferred in json.dumps(data)


def test_the_news_sitemap_and_sitemap_give_the_current_codes(site: Path) -> None:
    news = etree.parse(str(site / "sitemap-news.xml")).getroot()
    found = news.xpath("sm:url/news:news/news:publication/news:language/text()", namespaces=NEWS)
    assert sorted(found) == ["en", "he", "id", "nb", "zh-cn"]  # Google's form for Chinese
    links = (
        etree.parse(str(site / "sitemap.xml")).getroot().xpath("//*[local-name()='link']/@hreflang")
    )
    assert set(links) == {"en", "x-default", *(p for _, _, p in CODES)}


def test_the_w3c_feed_validator_finds_no_invalid_language(site: Path, tmp_path: Path) -> None:
    judge(site, "/", "--only", "w3c", "--out", str(tmp_path), timeout=600)
