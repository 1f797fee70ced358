"""A feed with no story yet is dated truly (RFC 4287 4.2.15, atom:updated: "the most
recent instant ... the publisher considers significant"): the newest change of any story
of the site, whatever its language, else the build's clock; once it said 1970-01-01,
which the W3C validator calls implausible. The same content and clock give the same
bytes, in a build that keeps the last one's files and in a clean one."""

from __future__ import annotations

from pathlib import Path

import feedparser
from conftest import make_project, run_here, site_files, write_article

NOW = "2026-11-30T12:00:00Z"
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


def test_a_site_with_no_story_yet_dates_its_feeds_by_the_builds_clock(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    front = STORY.format(title="Soon", date="2026-12-05T10:00:00Z", language="en")
    write_article(project, "soon.md", front)
    out = tmp_path / "site"
    built(project, out)
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    assert atom.feed.updated == "2026-11-30T12:00:00+00:00"
    assert "1970" not in (out / "atom.xml").read_text(encoding="utf-8")
    assert "1970" not in (out / "digest/feed.xml").read_text(encoding="utf-8")


def test_a_rebuild_at_a_later_clock_dates_the_empty_feeds_as_a_clean_build(
    tmp_path: Path,
) -> None:
    """The only story is a draft: each build, with nothing changed or with the draft
    edited, writes the feeds dated by its own --now, byte for byte a clean build's."""
    project = make_project(tmp_path / "project")
    front = STORY.format(title="Draft", date="2026-11-30T10:00:00Z", language="en")
    write_article(project, "draft.md", front + "\ndraft: true")
    out = tmp_path / "site"
    built(project, out, "2026-11-30T15:00:00Z")
    for hour, edited in ((16, False), (17, True), (18, False)):
        if edited:
            with (project / "content/draft.md").open("a", encoding="utf-8") as draft:
                draft.write("\nMore text.\n")
        now = f"2026-11-30T{hour}:00:00Z"
        built(project, out, now)
        atom = feedparser.parse((out / "atom.xml").read_bytes())
        assert atom.feed.updated == f"2026-11-30T{hour}:00:00+00:00"
        clean = tmp_path / f"clean-{hour}"
        result = run_here("build", "--no-cache", "--output", str(clean), "--now", now, cwd=project)
        assert result.returncode == 0, result.stderr
        assert site_files(out) == site_files(clean)
