"""A feed with no story yet is dated truly (RFC 4287 4.2.15, atom:updated: "the most
recent instant ... the publisher considers significant"): the newest change of any story
of the site, whatever its language, else the date the site_id names (never the build's
clock); once it said 1970-01-01, which the W3C validator calls implausible. The same
content gives the same bytes, in a build that keeps the last one's files and in a clean
one, at any clock."""

from __future__ import annotations

from pathlib import Path

import feedparser
from conftest import make_project, run_here, site_files, write_article

NOW = "2026-11-30T12:00:00Z"
FEEDS = ("feed.xml", "atom.xml", "feed.json", "digest/feed.xml")
STORY = (
    "title: {title}\ndate: {date}\nlanguage: {language}\ncountry: Pakistan\n"
    "credits:\n  author: Desk"
)


def built(project: Path, out: Path, now: str = NOW) -> None:
    result = run_here("build", "--output", str(out), "--now", now, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_empty_feed_is_dated_the_newest_story_of_any_language(tmp_path: Path) -> None:
    """English site; its one English story is scheduled, the Urdu one published."""
    project = make_project(tmp_path / "project", 'language = "en"\n')
    front = STORY.format(title="Urdu", date="2026-11-30T10:00:00Z", language="ur")
    write_article(project, "ur.md", front)
    later = STORY.format(title="English", date="2026-12-05T10:00:00Z", language="en")
    write_article(project, "en.md", later)
    out = tmp_path / "site"
    built(project, out)
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    assert atom.entries == [] and atom.feed.updated == "2026-11-30T10:00:00+00:00"
    rss = feedparser.parse((out / "feed.xml").read_bytes())
    assert rss.feed.updated == "Mon, 30 Nov 2026 10:00:00 +0000"
    digest = feedparser.parse((out / "digest/feed.xml").read_bytes())
    assert digest.feed.updated == "Mon, 30 Nov 2026 10:00:00 +0000"
    # The Urdu story is updated: the English feeds' date follows, as a clean build's.
    path = project / "content/ur.md"
    text = path.read_text(encoding="utf-8").replace(
        "language: ur", "language: ur\nupdated: 2026-11-30T11:30:00Z"
    )
    path.write_text(text, encoding="utf-8")
    built(project, out)
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    assert atom.feed.updated == "2026-11-30T11:30:00+00:00"
    clean = tmp_path / "clean"
    built(project, clean)
    assert site_files(out) == site_files(clean)


def test_a_site_with_no_story_yet_dates_its_feeds_by_its_site_id_not_the_clock(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")  # site_id = "test.example,2025"
    front = STORY.format(title="Soon", date="2026-12-05T10:00:00Z", language="en")
    write_article(project, "soon.md", front)
    out = tmp_path / "site"
    built(project, out)
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    assert atom.feed.updated == "2025-01-01T00:00:00+00:00"
    rss = feedparser.parse((out / "feed.xml").read_bytes())
    assert rss.feed.updated == "Wed, 01 Jan 2025 00:00:00 +0000"
    assert "1970" not in (out / "atom.xml").read_text(encoding="utf-8")
    assert "1970" not in (out / "digest/feed.xml").read_text(encoding="utf-8")


def test_builds_of_a_site_with_only_a_draft_at_any_clock_write_the_same_feeds(
    tmp_path: Path,
) -> None:
    """The only story is a draft (tester4 F24): builds on the wall clock and at later
    --now, with nothing changed or with the draft edited, and clean builds, all write
    the same feeds, byte for byte; they once carried the clock to the microsecond."""
    project = make_project(tmp_path / "project")
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8").replace("test.example,2025", "x.example,2024-03")
    settings.write_text(text, encoding="utf-8")
    front = STORY.format(title="Draft", date="2026-11-30T10:00:00Z", language="en")
    write_article(project, "draft.md", front + "\ndraft: true")
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project)  # the wall clock
    assert result.returncode == 0, result.stdout + result.stderr
    feeds = {name: (out / name).read_bytes() for name in FEEDS}
    assert b"2024-03-01T00:00:00+00:00" in feeds["atom.xml"]
    assert b"Fri, 01 Mar 2024 00:00:00 +0000" in feeds["feed.xml"]
    for hour, edited in ((16, False), (17, True), (18, False)):
        if edited:
            with (project / "content/draft.md").open("a", encoding="utf-8") as draft:
                draft.write("\nMore text.\n")
        now = f"2026-11-30T{hour}:00:00Z"
        built(project, out, now)
        assert {name: (out / name).read_bytes() for name in FEEDS} == feeds
        clean = tmp_path / f"clean-{hour}"
        result = run_here("build", "--no-cache", "--output", str(clean), "--now", now, cwd=project)
        assert result.returncode == 0, result.stderr
        assert site_files(out) == site_files(clean)
    clean = tmp_path / "clean-wall"
    result = run_here("build", "--no-cache", "--output", str(clean), cwd=project)
    assert result.returncode == 0, result.stderr
    assert site_files(out) == site_files(clean)
