"""Corrections, the newsroom way: dated notes on the page, CorrectionComment in JSON-LD, a
later dateModified and Atom <updated>, the same GUID and URL (read back with feedparser
and lxml); and each mistake in `corrections:` reported on its line."""

from __future__ import annotations

import calendar
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html

STORY = """\
title: Bridge Reopens After Repairs
date: 2025-06-25T10:00:00+05:30
country: India
credits:
  author: Desk
"""
CORRECTIONS = """\
corrections:
  - date: 2025-06-26T09:30:00+05:30
    text: An earlier version gave the bridge's length as 2 km; it is 1.2 km.
  - date: 2025-06-25T18:00:00+05:30
    text: The minister's name was misspelt.
"""
URL = BASE_URL + "2025/06/25/bridge/"


def build(project: Path, out: Path) -> None:
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr


def entry(out: Path, name: str) -> Any:
    feed = feedparser.parse((out / name).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    [item] = feed.entries
    return item


def instant(parsed: Any) -> datetime:
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("corrections")
    project = make_project(root / "project")
    write_article(project, "bridge.md", STORY)
    build(project, root / "before")
    write_article(project, "bridge.md", STORY + CORRECTIONS)
    build(project, root / "after")
    return root / "before", root / "after"


def test_a_correction_keeps_the_guid_and_url_and_moves_updated(
    before_and_after: tuple[Path, Path],
) -> None:
    before, after = before_and_after
    for name in ("feed.xml", "atom.xml"):
        old, new = entry(before, name), entry(after, name)
        assert new.id == old.id == "tag:test.example,2025:2025-06-25/bridge"
        assert new.link == old.link == URL
    atom = entry(after, "atom.xml")
    assert instant(atom.updated_parsed) == datetime(2025, 6, 26, 4, 0, tzinfo=UTC)  # latest
    assert instant(atom.published_parsed) == datetime(2025, 6, 25, 4, 30, tzinfo=UTC)
    assert instant(entry(before, "atom.xml").updated_parsed) == instant(atom.published_parsed)
    item = json.loads((after / "feed.json").read_text(encoding="utf-8"))["items"][0]
    assert item["date_modified"] == "2025-06-26T09:30:00+05:30"


def test_the_page_shows_dated_notes_and_json_ld_correction_comments(
    before_and_after: tuple[Path, Path],
) -> None:
    _, after = before_and_after
    doc = html.fromstring((after / "2025/06/25/bridge/index.html").read_bytes())
    notes = [" ".join(p.text_content().split()) for p in doc.xpath('//*[@class="correction"]')]
    assert notes == [  # oldest first, in its own offset and on the site's clock (UTC)
        "Correction, 25 June 2025, 18:00 UTC+05:30 (12:30 UTC): The minister's name was misspelt.",
        "Correction, 26 June 2025, 09:30 UTC+05:30 (04:00 UTC): An earlier version gave the "
        "bridge's "
        "length as 2 km; it is 1.2 km.",
    ]
    [script] = doc.xpath('//script[@type="application/ld+json"]/text()')
    data = json.loads(script)
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "The minister's name was misspelt.",
            "datePublished": "2025-06-25T18:00:00+05:30",
        },
        {
            "@type": "CorrectionComment",
            "text": "An earlier version gave the bridge's length as 2 km; it is 1.2 km.",
            "datePublished": "2025-06-26T09:30:00+05:30",
        },
    ]
    assert data["dateModified"] == "2025-06-26T09:30:00+05:30"
    assert data["datePublished"] == "2025-06-25T10:00:00+05:30"


# Lines: '---' 1, title 2, date 3, country 4, credits 5, author 6, corrections 7, item 8...
@pytest.mark.parametrize(
    ("corrections", "line", "message"),
    [
        (
            "corrections:\n  - date: 2025-06-24T10:00:00+05:30\n    text: Too early.\n",
            8,
            "corrections: item 1: date (2025-06-24T10:00:00+05:30) is before the article's date",
        ),
        (
            "corrections:\n  - date: 2025-06-26T10:00:00+05:30\n    text: ''\n",
            9,
            "corrections: item 1: text is empty",
        ),
        (
            "corrections:\n  - date: 2025-06-26T10:00:00+05:30\n    text: Fine.\n"
            "  - text: No date.\n",
            10,
            "corrections: item 2: date is missing",
        ),
        (
            "corrections:\n  - date: 2025-06-26T10:00:00+05:30\n",
            8,
            "corrections: item 1: text is missing",
        ),
        (
            "corrections:\n  - date: 26 June\n    text: When?\n",
            8,
            "corrections: item 1: date: '26 June' is not a date newsdigest can read",
        ),
        ("corrections: The name was wrong.\n", 7, "corrections must be a list, not text"),
    ],
)
def test_each_mistake_is_reported_on_its_line(
    tmp_path: Path, corrections: str, line: int, message: str
) -> None:
    project = make_project(tmp_path / "p")
    path = write_article(project, "bridge.md", STORY + corrections)
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert f"{path.relative_to(project).as_posix()}:{line}: error: {message}" in result.stdout


def test_feed_readers_get_each_correction_as_the_page_shows_it(tmp_path: Path) -> None:
    """RSS, Atom and JSON Feed items (the site's, the topic's, the country's and the
    author's feeds) carry the correction note in their content: the page's words and
    date, the text escaped once (a reader shows '<b>' as typed, never bold)."""
    project = make_project(tmp_path / "project")
    story = STORY.replace("credits:", "tags: [Transport]\ncredits:")
    note = (
        "corrections:\n  - date: 2025-06-26T20:00:00+05:30\n"
        '    text: "Fixed a number & <b>bold</b>."\n'
    )
    write_article(project, "bridge.md", story + note)
    build(project, tmp_path / "site")
    site = tmp_path / "site"
    page = html.fromstring((site / "2025/06/25/bridge/index.html").read_bytes())
    [shown] = [" ".join(p.text_content().split()) for p in page.xpath('//*[@class="correction"]')]
    assert shown == (
        "Correction, 26 June 2025, 20:00 UTC+05:30 (14:30 UTC): Fixed a number & <b>bold</b>."
    )
    feeds = ["feed.xml", "atom.xml", "tags/transport/feed.xml", "countries/in/feed.xml"]
    feeds.append("authors/desk/feed.xml")
    contents = [entry(site, name).content[0].value for name in feeds]
    item = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"][0]
    for content in [*contents, item["content_html"]]:
        note_html = html.fragment_fromstring(content, create_parent="div")
        [p] = note_html.xpath('//*[@class="correction"]')
        assert " ".join(p.text_content().split()) == shown
        assert p.xpath(".//b") == []  # the text is text, not markup
        assert p.xpath(".//time/@datetime") == ["2025-06-26T20:00:00+05:30"]


def test_a_correction_split_in_two_items_is_said_once_with_the_dash_to_remove(
    tmp_path: Path,
) -> None:
    """`- date:` then `- text:` (a dash too many) is one correction in two halves: one
    error naming the dash to remove, not 'text is missing' and 'date is missing'."""
    project = make_project(tmp_path / "project")
    split = (
        "corrections:\n"
        "  - date: 2025-06-26T09:30:00+05:30\n"
        "  - text: Fixed the name.\n"
        "  - text: And the length.\n"
        "  - date: 2025-06-27T09:30:00+05:30\n"
    )
    write_article(project, "2025/06/bridge.md", STORY + split)
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "is missing" not in result.stdout
    for line, number, latter, first in ((9, 1, "text", "date"), (11, 3, "date", "text")):
        at = lines.index(
            f"content/2025/06/bridge.md:{line}: error: corrections: items {number} and "
            f"{number + 1} are one correction split in two: the '- ' before '{latter}:' starts "
            f"a new item, so item {number} has no {latter} and item {number + 1} no {first}"
        )
        assert lines[at + 1].strip() == (
            f"fix: remove the '- ' before '{latter}:' and indent '{latter}:' to line up with "
            f"'{first}:' above it"
        )
