"""The digest: the home page's latest days by topic, daily pages, and the daily digest feed
(one item a day) as a feed reader sees it; related stories on article pages."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html


def story_links(page: Path) -> list[str]:
    tree = html.parse(str(page)).getroot()
    return [a.get("href") for a in tree.find_class("story-title")]


def test_the_digest_feed_has_one_item_per_day_listing_its_stories(sample_site: Path) -> None:
    feed = feedparser.parse((sample_site / "digest/feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    days = sorted((p.name for p in (sample_site / "digest").iterdir() if p.is_dir()), reverse=True)
    assert len(days) > 3
    assert [e.id for e in feed.entries] == [
        f"tag:newsdigest.example,2025:digest/{day}" for day in days[:20]
    ]
    assert feed.feed.title == "The Daily Digest: daily digest"
    assert feed.feed.link == BASE_URL
    for entry in feed.entries:
        day = entry.id.rsplit("/", 1)[1]
        assert entry.link == f"{BASE_URL}digest/{day}/"
        stories = story_links(sample_site / "digest" / day / "index.html")
        assert re.match(rf"\w+day {int(day[8:])} \w+ {day[:4]}: {len(stories)} stor", entry.title)
        linked = re.findall(r'href="([^"]+)"', entry.summary)
        assert linked == [BASE_URL + s.removeprefix("/sub/") for s in stories]


def test_the_digest_feed_is_in_the_opml_and_offered_on_the_home_page(sample_site: Path) -> None:
    opml = (sample_site / "feeds.opml").read_text(encoding="utf-8")
    assert f'xmlUrl="{BASE_URL}digest/feed.xml"' in opml
    home = html.parse(str(sample_site / "index.html")).getroot()
    assert "/sub/digest/feed.xml" in home.xpath("//link[@rel='alternate']/@href")
    digest = html.parse(str(sample_site / "digest/2025-06-27/index.html")).getroot()
    assert digest.xpath("//link[@rel='alternate']/@href")[0] == "/sub/digest/feed.xml"


def test_the_home_page_groups_each_day_by_its_most_covered_topics(sample_site: Path) -> None:
    home = html.parse(str(sample_site / "index.html")).getroot()
    day = home.find_class("day")[0]
    groups = [
        (h.xpath("string(./a)"), int(h.find_class("count")[0].text))
        for h in day.find_class("topic-heading")
    ]
    assert groups[0] == ("Politics", 4)
    assert [count for _, count in groups] == sorted((c for _, c in groups), reverse=True)
    on_home = [a.get("href") for a in day.find_class("story-title")]
    assert on_home == story_links(sample_site / "digest/2025-06-27/index.html")


def _newsroom(tmp_path: Path, stories: dict[str, tuple[str, str]]) -> Path:
    """A project with one story per slug: (its time, 'YYYY-MM-DDTHH:MM' UTC, its tags)."""
    project = make_project(tmp_path / "project")
    for slug, (when, tags) in stories.items():
        write_article(
            project,
            f"2025/{slug}.md",
            f"title: Story {slug}\ndate: {when}:00+00:00\ncountry: India\n"
            f"credits:\n  author: Desk\ntags: {tags}\n",
        )
    return project


def _project(tmp_path: Path) -> Path:
    return _newsroom(
        tmp_path,
        {
            "first": ("2025-06-01T10:00", "[Floods, Assam, Rescue]"),
            "twin": ("2025-06-02T10:00", "[Floods, Assam, Rescue]"),
            "cousin": ("2025-06-03T10:00", "[Floods, Assam]"),
            "old-flood": ("2025-05-01T10:00", "[Floods]"),
            "new-flood": ("2025-06-20T10:00", "[Floods]"),
            "unrelated": ("2025-06-04T10:00", "[Cricket]"),
        },
    )


def test_related_stories_share_the_most_topics_then_the_newest(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site/2025/06/01/first/index.html"
    tree = html.parse(str(page)).getroot()
    related = tree.get_element_by_id("related-stories").getparent()
    titles = [a.text for a in related.find_class("story-title")]
    assert titles == ["Story twin", "Story cousin", "Story new-flood", "Story old-flood"]
    lonely = html.parse(str(tmp_path / "site/2025/06/04/unrelated/index.html")).getroot()
    assert lonely.find(".//*[@id='related-stories']") is None


def test_a_day_keeps_its_digest_guid_when_stories_are_added(tmp_path: Path) -> None:
    project = _project(tmp_path)
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    first = feedparser.parse((out / "digest/feed.xml").read_bytes())
    before = {e.link: e.id for e in first.entries}
    write_article(
        project,
        "2025/late.md",
        "title: Late story\ndate: 2025-06-01T23:00:00+00:00\n"
        "country: Nepal\ncredits:\n  author: Desk\n",
    )
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    feed = feedparser.parse((out / "digest/feed.xml").read_bytes())
    after = {e.link: e.id for e in feed.entries}
    assert after == before
    june_first = next(e for e in feed.entries if e.link.endswith("/digest/2025-06-01/"))
    assert "Late story" in june_first.summary and june_first.title.endswith("2 stories")


def test_related_stories_filed_at_the_same_time_are_listed_by_slug(tmp_path: Path) -> None:
    """More stories share the topics than the page shows: the most shared first, then the
    newest, and stories of the same minute in the order of their slugs."""
    project = _newsroom(
        tmp_path,
        {
            "lead": ("2025-06-10T10:00", "[Floods, Assam]"),
            "d-both": ("2025-06-01T10:00", "[Floods, Assam]"),
            "e-flood": ("2025-06-05T10:00", "[Floods]"),
            "c-flood": ("2025-06-05T10:00", "[Floods]"),
            "a-assam": ("2025-06-05T10:00", "[Assam]"),
            "b-flood": ("2025-06-05T10:00", "[Floods]"),
            "old-flood": ("2025-05-01T10:00", "[Floods]"),
        },
    )
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    page = html.parse(str(tmp_path / "site/2025/06/10/lead/index.html")).getroot()
    related = page.get_element_by_id("related-stories").getparent()
    titles = [a.text for a in related.find_class("story-title")]
    assert titles == ["Story d-both", "Story a-assam", "Story b-flood", "Story c-flood"]


def test_a_digest_item_is_dated_the_end_of_its_day_at_every_build(tmp_path: Path) -> None:
    """A day's item is dated its last second on the site's clock (Asia/Kolkata here), so
    a reader shows the day it covers, not its first story's time; a story added to the
    day and a second build leave the date as it was."""
    project = _newsroom(
        tmp_path, {"a": ("2025-06-01T04:00", "[X]"), "b": ("2025-06-02T10:00", "[Y]")}
    )
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('"UTC"', '"Asia/Kolkata"'), encoding="utf-8")
    out = tmp_path / "site"

    def dates() -> dict[str, tuple[int, ...]]:
        assert run_here("build", "--output", str(out), cwd=project).returncode == 0
        feed = feedparser.parse((out / "digest/feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert tuple(feed.feed.updated_parsed)[:6] == (2025, 6, 2, 18, 29, 59)  # newest day
        return {e.id.rsplit("/", 1)[1]: tuple(e.published_parsed)[:6] for e in feed.entries}

    first = dates()
    assert first == {  # 23:59:59 IST is 18:29:59 UTC
        "2025-06-02": (2025, 6, 2, 18, 29, 59),
        "2025-06-01": (2025, 6, 1, 18, 29, 59),
    }
    write_article(
        project,
        "2025/late.md",
        "title: Late story\ndate: 2025-06-01T17:00:00+00:00\n"
        "country: Nepal\ncredits:\n  author: Desk\n",
    )
    assert dates() == first


def test_each_languages_digest_item_has_its_own_guid_and_the_sites_keeps_its_own(
    tmp_path: Path,
) -> None:
    """An English site with Urdu, Brazilian Portuguese and Taiwanese Chinese stories on one
    day: four digest items, four GUIDs. Once all four were tag:...:digest/2025-06-01, so a
    reader subscribed to two (feeds.opml lists them all) kept one. The English item's GUID
    is the one it always had, so no subscriber sees its digests again."""
    project = make_project(tmp_path / "project", 'language = "en"\n')
    for code in ("en", "ur", "pt-br", "zh-tw"):
        write_article(
            project,
            f"{code}.md",
            f"title: Story {code}\ndate: 2025-06-01T10:00:00+00:00\nlanguage: {code}\n"
            "country: Nepal\ncredits:\n  author: Desk\n",
        )
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), "--now", "2025-06-03T00:00:00Z", cwd=project)
    assert built.returncode == 0, built.stderr
    ids = {}
    for folder in ("", "ur/", "pt-br/", "zh-tw/"):
        feed = feedparser.parse((out / folder / "digest/feed.xml").read_bytes())
        (entry,) = feed.entries
        assert entry.link == f"{BASE_URL}{folder}digest/2025-06-01/"
        ids[folder] = entry.id
    assert ids[""] == "tag:test.example,2025:digest/2025-06-01"  # as before: unchanged
    assert ids["ur/"] == "tag:test.example,2025:ur/digest/2025-06-01"
    assert len(set(ids.values())) == 4


def test_a_story_id_that_is_a_digest_guid_is_refused_on_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    for number, pinned in enumerate(
        ["tag:test.example,2025:digest/2025-06-01", "tag:test.example,2025:ur/digest/2025-06-01"]
    ):
        write_article(
            project,
            f"story-{number}.md",
            "title: Story\ndate: 2025-06-01T10:00:00+00:00\ncountry: Nepal\n"
            f"credits:\n  author: Desk\nid: {pinned}\n",
        )
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    for number in range(2):
        assert f"content/story-{number}.md:7: error: id 'tag:test.example,2025:" in result.stdout
    assert result.stdout.count("is the GUID of a daily-digest item in this site's feeds") == 2
