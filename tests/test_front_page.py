"""A front page that scales: a 60-story day stays under the caps with its featured story
first, "N more in Topic" leads to the day's digest, /digest/ lists every day, and the
daily digest feed carries only days that are over in the site's timezone."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import BASE_URL, make_project, run_here, searching, write_article
from lxml import html

from generator import config
from generator.commands.build import Options, Paths, Selection, build_site

TOPICS = ("Climate", "Politics", "Sport", "Health", "Business", "Culture")
STORY_LINK = re.compile(r"^/sub/\d{4}/\d{2}/\d{2}/[^/]+/$")


def story(project: Path, name: str, when: datetime, tag: str, extra: str = "") -> None:
    write_article(
        project,
        f"{name}.md",
        f"title: Story {name}\ndate: {when.isoformat()}\n"
        f"country: India\ncredits:\n  author: Desk\ntags: [{tag}]\n{extra}",
    )


def build(project: Path, out: Path, now: datetime) -> None:
    settings = config.load(project)
    paths = Paths(project, project / "content", project / "templates", out)
    with searching(False):  # (no test here looks at the search index)
        result = build_site(paths, settings, Selection(now=now), Options(jobs=1))
    assert result.ok, result.diagnostics


def story_links(doc: Any) -> list[str]:
    return [str(h) for h in doc.xpath("//main//a/@href") if STORY_LINK.match(str(h))]


DAY = datetime.fromisoformat("2025-06-25T00:00:00+00:00")
NEXT_DAY = DAY + timedelta(days=1, hours=1)


@pytest.fixture(scope="module")
def busy_day(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 stories on 25 June (10 in each of six topics); an early Health one is featured."""
    root = tmp_path_factory.mktemp("busy")
    project = make_project(root / "project")
    for i in range(60):
        extra = "featured: true\n" if i == 3 else ""
        story(project, f"s{i:02d}", DAY + timedelta(minutes=10 * i + 5), TOPICS[i % 6], extra)
    build(project, root / "site", NEXT_DAY)
    return root / "site"


def test_a_60_story_day_stays_under_the_caps_with_the_featured_story_first(busy_day: Path) -> None:
    doc = html.fromstring((busy_day / "index.html").read_bytes())
    links = story_links(doc)
    assert len(links) == 15  # home_per_day's default, under the page's 40
    assert links[0] == "/sub/2025/06/25/s03/"  # the featured story leads the day
    [lead] = doc.xpath('(//ul[contains(concat(" ", @class, " "), " stories ")])[1]/li[1]')
    assert "lead" in lead.get("class") and lead.xpath(".//h3//a/@href|.//a/@href")[0] == links[0]
    for group in doc.xpath('//section[contains(@class, "topic-group")]'):
        stories = group.xpath('.//ul[contains(concat(" ", @class, " "), " stories ")]/li')
        assert 1 <= len(stories) <= 4  # home_per_topic


def test_n_more_in_topic_links_to_the_days_digest_with_every_story(busy_day: Path) -> None:
    doc = html.fromstring((busy_day / "index.html").read_bytes())
    more = doc.xpath('//p[@class="more-in-topic"]/a')
    texts = [" ".join(a.text_content().split()) for a in more]
    assert "6 more in Health on Wednesday 25 June 2025" in texts  # 10 Health stories, 4 shown
    assert {a.get("href") for a in more} == {"/sub/digest/2025-06-25/"}
    shown = len(story_links(doc))
    hidden = sum(int(t.split()[0]) for t in texts)
    assert shown + hidden == 60  # every story is on the page or counted in a link
    digest = html.fromstring((busy_day / "digest/2025-06-25/index.html").read_bytes())
    assert len(set(story_links(digest))) == 60
    assert story_links(digest)[0] == "/sub/2025/06/25/s03/"


def test_the_page_never_links_more_than_40_stories(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", "home_per_day = 25\nhome_per_topic = 25\n")
    for day in range(3):
        for i in range(25):
            story(
                project,
                f"d{day}-{i:02d}",
                DAY - timedelta(days=day) + timedelta(minutes=i),
                TOPICS[i % 6],
            )
    build(project, tmp_path / "site", NEXT_DAY)
    doc = html.fromstring((tmp_path / "site" / "index.html").read_bytes())
    assert len(story_links(doc)) == 40


def test_digest_index_lists_every_day_newest_first_paginated(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", "digests_per_page = 2\n")
    for day in range(5):
        story(project, f"day{day}", DAY - timedelta(days=day, hours=-3), "Climate")
    out = tmp_path / "site"
    build(project, out, NEXT_DAY)
    first = html.fromstring((out / "digest/index.html").read_bytes())
    assert first.xpath('//main//ul[contains(@class, "digest-list")]//a/@href') == [
        "/sub/digest/2025-06-25/",
        "/sub/digest/2025-06-24/",
    ]
    assert first.xpath('//nav[@class="pagination"]//a[@rel="next"]/@href') == [
        "/sub/digest/page/2/"
    ]
    last = html.fromstring((out / "digest/page/3/index.html").read_bytes())
    assert last.xpath('//main//ul[contains(@class, "digest-list")]//a/@href') == [
        "/sub/digest/2025-06-21/"
    ]
    archive = html.fromstring((out / "archive/index.html").read_bytes())
    assert "/sub/digest/" in archive.xpath("//main//a/@href")


def test_the_digest_feed_carries_only_days_that_are_over(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text().replace('"UTC"', '"Asia/Kolkata"'))
    story(project, "yesterday", datetime.fromisoformat("2025-06-24T20:00:00+05:30"), "Climate")
    story(project, "today", datetime.fromisoformat("2025-06-25T09:00:00+05:30"), "Climate")
    out = tmp_path / "site"
    # 23:00 in Kolkata on the 25th: the 25th is not over yet.
    build(project, out, datetime.fromisoformat("2025-06-25T23:00:00+05:30"))
    feed = feedparser.parse((out / "digest/feed.xml").read_bytes())
    assert [e.link for e in feed.entries] == [BASE_URL + "digest/2025-06-24/"]
    # Ten minutes after midnight in Kolkata (still the 25th in UTC), with the build cache:
    # nothing in content/ changed, but the day is over and joins the feed.
    build(project, out, datetime.fromisoformat("2025-06-26T00:10:00+05:30"))
    feed = feedparser.parse((out / "digest/feed.xml").read_bytes())
    assert [e.link for e in feed.entries] == [
        BASE_URL + "digest/2025-06-25/",
        BASE_URL + "digest/2025-06-24/",
    ]


def test_featured_must_be_true_or_false(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    story(project, "odd", DAY, "Climate", "featured: 1\n")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert "content/odd.md:8: error: featured must be true or false, not '1'" in result.stdout


def test_a_second_featured_story_on_a_day_is_a_warning_on_its_featured_line(
    tmp_path: Path,
) -> None:
    """Two stories of one day say `featured: true` (tester 2, L17): the newest leads the
    day, and check and build warn on the older one's `featured:` line, naming the other;
    with one featured story a day, nothing is said."""
    project = make_project(tmp_path / "p")
    story(project, "older", DAY + timedelta(hours=8), "Health", "featured: true\n")
    story(project, "newer", DAY + timedelta(hours=10), "Sport", "featured: true\n")
    story(project, "next", NEXT_DAY, "Sport", "featured: true\n")  # another day's lead
    warned = (
        "content/older.md:8: warning: featured: true, but newer.md is featured on the same "
        "day (2025-06-25) and is newer: only the newest featured story leads the day, so "
        "this one is listed as any other\n"
        "    fix: keep 'featured: true' on the one story that should lead the day, and "
        "delete it from the other\n"
    )
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and warned in checked.stdout, checked.stdout
    assert checked.stdout.count("warning:") == 1
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), "--now", "2025-06-27T00:00:00Z", cwd=project)
    assert built.returncode == 0 and warned in built.stderr, built.stderr
    digest = html.fromstring((out / "digest/2025-06-25/index.html").read_bytes())
    assert [link.rsplit("/", 2)[1] for link in story_links(digest)][:1] == ["newer"]
    older = project / "content/older.md"
    older.write_text(older.read_text().replace("featured: true\n", ""), encoding="utf-8")
    assert "warning" not in run_here("check", cwd=project).stdout


def test_featured_stories_in_two_languages_each_lead_their_section_and_a_tie_names_the_lead(
    tmp_path: Path,
) -> None:
    """Prober H4/M1: a Hindi and an English featured story of one day each lead their own
    section's home, with no warning; two featured stories at the same instant (offsets
    differ) are warned on the one the site lists as any other, naming the one it leads
    with."""
    project = make_project(tmp_path / "p")
    story(project, "en-lead", DAY + timedelta(hours=8), "Health", "featured: true\n")
    story(project, "hi-lead", DAY + timedelta(hours=9), "Health", "featured: true\nlanguage: hi\n")
    story(project, "zz", NEXT_DAY, "Sport", "featured: true\n")
    tie = NEXT_DAY.astimezone(datetime.fromisoformat("2025-01-01T00:00+05:30").tzinfo)
    story(project, "aa", tie, "Sport", "featured: true\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.count("warning:") == 1, checked.stdout
    assert (
        "content/zz.md:8: warning: featured: true, but aa.md is featured on the same day "
        f"({NEXT_DAY.date()}) at the same time, and its slug comes first in the alphabet"
    ) in checked.stdout
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), "--now", "2025-06-27T00:00:00Z", cwd=project)
    assert built.returncode == 0, built.stderr
    day = DAY.date().isoformat()
    english = html.fromstring((out / f"digest/{day}/index.html").read_bytes())
    hindi = html.fromstring((out / f"hi/digest/{day}/index.html").read_bytes())
    assert [link.rsplit("/", 2)[1] for link in story_links(english)][:1] == ["en-lead"]
    assert [link.rsplit("/", 2)[1] for link in story_links(hindi)][:1] == ["hi-lead"]
    nxt = html.fromstring((out / f"digest/{NEXT_DAY.date()}/index.html").read_bytes())
    assert [link.rsplit("/", 2)[1] for link in story_links(nxt)][:1] == ["aa"]


def test_two_featured_scheduled_stories_of_one_day_are_said_before_they_are_published(
    tmp_path: Path,
) -> None:
    """Prober M1: two scheduled stories of one future day both say `featured: true`: check
    says so now, on the one that will not lead, not only once both are published."""
    project = make_project(tmp_path / "p")
    day = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    later = day + timedelta(days=3)
    story(project, "early", later + timedelta(hours=9), "Health", "featured: true\n")
    story(project, "late", later + timedelta(hours=11), "Sport", "featured: true\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert (
        f"content/early.md:8: warning: featured: true, but late.md is featured on the same "
        f"day ({(later + timedelta(hours=9)).astimezone(config.load(project).tz).date()})"
    ) in checked.stdout, checked.stdout
