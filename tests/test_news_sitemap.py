"""The Google News sitemap as Google reads it: lxml checks /sitemap-news.xml against an XSD
written from Google's documented rules (tests/fixtures/schemas/), and the entries are the
stories of the 48 hours before the build's clock, newest first."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import BASE_URL, make_project, run_here, searching, write_article
from lxml import etree

from generator import config, pipeline
from generator.commands.build import Options, Paths, Selection, build_site
from generator.index.site import build_index
from generator.model import Article
from generator.render.sitemap import news_sitemap
from generator.render.urls import Urls

SCHEMA = Path(__file__).parent / "fixtures" / "schemas" / "sitemap.xsd"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
NOW = datetime.fromisoformat("2025-06-26T12:00:00+00:00")


def valid(data: bytes) -> etree._Element:
    """The parsed sitemap, after checking it against the news-sitemap schema."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    root = etree.fromstring(data)
    assert schema.validate(root), schema.error_log
    return root


def story(root: Path, name: str, date: datetime, extra: str = "") -> None:
    write_article(
        root,
        f"{name}.md",
        f"title: Story {name}\ndate: {date.isoformat()}\n"
        f"country: India\ncredits:\n  author: Desk\n{extra}",
    )


def build(project: Path, out: Path, now: datetime, **selection: bool) -> None:
    settings = config.load(project)
    paths = Paths(project, project / "content", project / "templates", out)
    with searching(False):  # (no test here looks at the search index)
        result = build_site(paths, settings, Selection(now=now, **selection), Options(jobs=1))
    assert result.ok, result.diagnostics


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project", 'publisher = "The Test Times"\nlanguage = "hi"\n')
    ist = NOW.astimezone(datetime.fromisoformat("2025-01-01T00:00+05:30").tzinfo)
    story(project, "one-hour-old", ist - timedelta(hours=1))
    story(project, "forty-seven-hours-old", NOW - timedelta(hours=47))
    story(project, "two-hours-old", NOW - timedelta(hours=2))
    story(project, "forty-nine-hours-old", NOW - timedelta(hours=49))
    story(project, "a-draft", NOW - timedelta(hours=1), "draft: true\n")
    story(project, "scheduled", NOW + timedelta(hours=1))
    return project


def test_recent_stories_newest_first_with_publication_date_and_title(
    newsroom: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(newsroom, out, NOW, drafts=True, future=True)  # drafts and future never appear
    root = valid((out / "sitemap-news.xml").read_bytes())
    locs = root.xpath("sm:url/sm:loc/text()", namespaces=NS)
    assert locs == [
        BASE_URL + "2025/06/26/one-hour-old/",
        BASE_URL + "2025/06/26/two-hours-old/",
        BASE_URL + "2025/06/24/forty-seven-hours-old/",
    ]
    for loc in locs:  # each entry is a page of the site
        assert (out / loc[len(BASE_URL) :] / "index.html").is_file()
    first = root.find("sm:url/news:news", NS)
    assert first.findtext("news:publication/news:name", namespaces=NS) == "The Test Times"
    assert first.findtext("news:publication/news:language", namespaces=NS) == "hi"
    assert first.findtext("news:title", namespaces=NS) == "Story one-hour-old"
    published = first.findtext("news:publication_date", namespaces=NS)
    assert published == "2025-06-26T16:30:00+05:30"  # the offset the editor wrote
    assert datetime.fromisoformat(published) == NOW - timedelta(hours=1)  # the same instant


def test_robots_txt_names_both_sitemaps(newsroom: Path, tmp_path: Path) -> None:
    build(newsroom, tmp_path / "site", NOW)
    robots = (tmp_path / "site" / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots
    assert f"Sitemap: {BASE_URL}sitemap-news.xml" in robots


def test_the_same_content_and_clock_give_the_same_bytes_and_a_later_clock_drops_old_news(
    newsroom: Path, tmp_path: Path
) -> None:
    build(newsroom, tmp_path / "a", NOW)
    build(newsroom, tmp_path / "b", NOW)
    first = (tmp_path / "a" / "sitemap-news.xml").read_bytes()
    assert (tmp_path / "b" / "sitemap-news.xml").read_bytes() == first
    # Two days later, with the build cache of the first build: no story is recent any more,
    # so the site is rebuilt although no article changed, and the sitemap is empty and valid.
    build(newsroom, tmp_path / "a", NOW + timedelta(hours=60))
    later = valid((tmp_path / "a" / "sitemap-news.xml").read_bytes())
    assert later.findall("sm:url", NS) == []


def test_the_build_clock_is_given_on_the_command_line(newsroom: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_here(
        "build", "--output", str(out), "--now", "2025-06-26T17:30:00+05:30", cwd=newsroom
    )
    assert result.returncode == 0, result.stderr
    root = valid((out / "sitemap-news.xml").read_bytes())
    assert len(root.findall("sm:url", NS)) == 3
    wrong = run_here("build", "--output", str(out), "--now", "yesterday", cwd=newsroom)
    assert wrong.returncode == 2
    assert "--now" in wrong.stderr and "Traceback" not in wrong.stderr


def test_over_1000_recent_stories_an_index_lists_news_sitemaps_of_1000_none_left_out(
    newsroom: Path, tmp_path: Path
) -> None:
    """1,200 stories in the last day (made from one real article): Google reads at most
    1,000 news:news per news sitemap, so sitemap-news.xml is a sitemap index of two."""
    out = tmp_path / "site"
    build(newsroom, out, NOW)
    settings = config.load(newsroom)
    articles, _ = pipeline.load(newsroom / "content", settings)
    model = next(a for a in articles if a.slug == "two-hours-old")
    many: list[Article] = [
        replace(model, slug=f"story-{i:04d}", date=NOW - timedelta(seconds=60 * i))
        for i in range(1200)
    ]
    site = build_index(many, settings.tz)
    files = news_sitemap(site, Urls(BASE_URL), "The Test Times", "zh-Hant", NOW)
    assert [f.path for f in files] == [
        "sitemap-news.xml",
        "sitemap-news-1.xml",
        "sitemap-news-2.xml",
    ]
    index = etree.fromstring(files[0].data)
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    assert index.xpath("sm:sitemap/sm:loc/text()", namespaces=NS) == [
        BASE_URL + "sitemap-news-1.xml",
        BASE_URL + "sitemap-news-2.xml",
    ]
    locs = [
        loc
        for part in files[1:]
        for loc in valid(part.data).xpath("sm:url/sm:loc/text()", namespaces=NS)
    ]
    assert len(valid(files[1].data).findall("sm:url", NS)) == 1000
    assert len(locs) == 1200 and len(set(locs)) == 1200  # newest first, none left out
    assert locs[0].endswith("/story-0000/") and locs[-1].endswith("/story-1199/")
    assert (
        valid(files[2].data).xpath(
            "string(sm:url/news:news/news:publication/news:language)", namespaces=NS
        )
        == "zh-tw"
    )
    one = news_sitemap(build_index(many[:1000], settings.tz), Urls(BASE_URL), "T", "en", NOW)
    assert [f.path for f in one] == ["sitemap-news.xml"]  # 1,000: one file, as before


def test_an_empty_news_sitemap_is_valid(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    story(project, "old-news", NOW - timedelta(days=30))
    build(project, tmp_path / "site", NOW)
    root = valid((tmp_path / "site" / "sitemap-news.xml").read_bytes())
    assert root.findall("sm:url", NS) == []


def test_a_story_leaves_the_news_sitemap_48_hours_after_its_date(tmp_path: Path) -> None:
    """Nothing changes in content/, nothing is scheduled: the build cache still knows that
    the site built 48 hours later is another one."""
    project = make_project(tmp_path / "project")
    story(project, "fresh", NOW - timedelta(hours=1))
    out = tmp_path / "site"
    build(project, out, NOW)
    assert len(valid((out / "sitemap-news.xml").read_bytes()).findall("sm:url", NS)) == 1
    build(project, out, NOW + timedelta(hours=46))
    assert len(valid((out / "sitemap-news.xml").read_bytes()).findall("sm:url", NS)) == 1
    build(project, out, NOW + timedelta(hours=47))
    assert valid((out / "sitemap-news.xml").read_bytes()).findall("sm:url", NS) == []


def test_a_clock_put_back_builds_the_site_of_that_time_again(tmp_path: Path) -> None:
    """`--now` earlier than the last build's: the story is in the 48 hours again, and a
    story scheduled after that time is held back again, though no file changed."""
    project = make_project(tmp_path / "project")
    story(project, "fresh", NOW - timedelta(hours=1))
    story(project, "later", NOW + timedelta(hours=2))
    out = tmp_path / "site"
    build(project, out, NOW + timedelta(hours=50))
    assert valid((out / "sitemap-news.xml").read_bytes()).findall("sm:url", NS) == []
    assert (out / (NOW + timedelta(hours=2)).strftime("%Y/%m/%d/later/index.html")).is_file()
    build(project, out, NOW)
    locs = [
        e.text for e in valid((out / "sitemap-news.xml").read_bytes()).iter(f"{{{NS['sm']}}}loc")
    ]
    assert locs == [f"{BASE_URL}{(NOW - timedelta(hours=1)):%Y/%m/%d}/fresh/"]
    assert not (out / (NOW + timedelta(hours=2)).strftime("%Y/%m/%d/later")).exists()


def test_each_story_has_its_own_language_as_its_page_says(tmp_path: Path) -> None:
    """An Urdu and a Hindi story on an English site: news:language is the story's ISO 639
    code, as the page's lang attribute gives it, not the site's language."""
    from lxml import html

    project = make_project(tmp_path / "project", 'language = "en"\n')
    story(project, "urdu", NOW - timedelta(hours=1), "language: ur-PK\n")
    story(project, "hindi", NOW - timedelta(hours=2), "language: hi\n")
    story(project, "english", NOW - timedelta(hours=3))
    story(project, "chinese", NOW - timedelta(hours=4), "language: zh-Hant-TW\n")
    out = tmp_path / "site"
    build(project, out, NOW)
    root = valid((out / "sitemap-news.xml").read_bytes())
    found = {}
    for entry in root.findall("sm:url", NS):
        loc = entry.findtext("sm:loc", namespaces=NS)
        page = html.parse(str(out / loc[len(BASE_URL) :] / "index.html")).getroot()
        language = entry.findtext("news:news/news:publication/news:language", namespaces=NS)
        found[loc.rstrip("/").rsplit("/", 1)[1]] = (page.get("lang"), language)
    assert found == {
        "urdu": ("ur-PK", "ur"),
        "hindi": ("hi", "hi"),
        "english": ("en", "en"),
        "chinese": ("zh-Hant-TW", "zh-tw"),
    }
