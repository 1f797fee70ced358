"""Feed GUIDs never change for the life of an article (SPEC, "Promises").

Each test publishes one article, makes one of the changes SPEC lists, builds again with
the real command line, and reads the item's id from every feed a reader may follow.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from conftest import make_project, run_here, write_article

STORY = "2025/06/floods-in-assam.md"
FRONT = """\
title: Floods in Assam Displace Thousands
date: 2025-06-25T15:27:00+05:30
country: India
credits:
  author: Desk
tags: [Floods, India]
"""
BODY = "Rivers rose overnight.\n"


def feed_ids(site: Path) -> set[str]:
    """The article's id as RSS, Atom, JSON Feed and the topic and country feeds give it."""
    ids = set()
    for name in ("feed.xml", "atom.xml", "tags/floods/feed.xml", "countries/in/feed.xml"):
        feed = feedparser.parse(str(site / name))
        assert not feed.bozo, (name, feed.bozo_exception)
        assert len(feed.entries) == 1, name
        ids.add(feed.entries[0].id)
    items = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]
    ids.add(items[0]["id"])
    return ids


def guid_of(site: Path) -> str:
    ids = feed_ids(site)
    assert len(ids) == 1, f"the feeds disagree about the article's id: {ids}"
    return ids.pop()


def build(project: Path, site: Path, base_url: str = "http://127.0.0.1:8000/sub/") -> str:
    result = run_here("build", "--output", str(site), "--base-url", base_url, cwd=project)
    assert result.returncode == 0, result.stderr
    return guid_of(site)


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The story as first published: its project and its GUID."""
    project = make_project(tmp_path_factory.mktemp("guid") / "project")
    write_article(project, STORY, FRONT, BODY)
    return project, build(project, project.parent / "site")


def edit(project: Path, old: str, new: str) -> None:
    path = project / "content" / STORY
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def move(project: Path, to: str) -> None:
    target = project / "content" / to
    target.parent.mkdir(parents=True, exist_ok=True)
    (project / "content" / STORY).rename(target)


def rename_with_slug(project: Path) -> None:
    edit(project, "country:", "slug: floods-in-assam\ncountry:")
    move(project, "2025/06/assam-floods-update.md")


Change = Callable[[Path], None]

KEEPS_GUID: dict[str, Change] = {
    "nothing (rebuild)": lambda p: None,
    "title": lambda p: edit(p, "Floods in Assam Displace Thousands", "Assam Floods Move 40,000"),
    "body": lambda p: edit(p, BODY, "Rivers rose overnight; rescue teams are out.\n\nMore.\n"),
    "updated": lambda p: edit(p, "country:", "updated: 2025-06-26T09:00:00+05:30\ncountry:"),
    "tags and summary": lambda p: edit(
        p, "tags: [Floods, India]", "tags: [Floods, Weather]\nsummary: Water everywhere."
    ),
    "moved to another folder": lambda p: move(p, "india/assam/floods-in-assam.md"),
    "renamed, slug pinned": rename_with_slug,
}


@pytest.mark.parametrize("change", sorted(KEEPS_GUID))
def test_the_guid_survives(change: str, first: tuple[Path, str], tmp_path: Path) -> None:
    project = shutil.copytree(first[0], tmp_path / "project")
    KEEPS_GUID[change](project)
    assert build(project, tmp_path / "site") == first[1]


def test_the_guid_survives_a_new_base_url(first: tuple[Path, str], tmp_path: Path) -> None:
    project = shutil.copytree(first[0], tmp_path / "project")
    site = tmp_path / "site"
    assert build(project, site, "https://news.example.org/") == first[1]
    feed = feedparser.parse(str(site / "feed.xml"))
    assert feed.entries[0].link.startswith("https://news.example.org/2025/06/25/")


def test_the_guid_has_nothing_of_the_folder_or_host(first: tuple[Path, str]) -> None:
    assert first[1] == "tag:test.example,2025:2025-06-25/floods-in-assam"


def test_renaming_the_file_moves_the_article_to_a_new_guid(
    first: tuple[Path, str], tmp_path: Path
) -> None:
    project = shutil.copytree(first[0], tmp_path / "project")
    move(project, "2025/06/assam-floods.md")
    assert build(project, tmp_path / "site") == "tag:test.example,2025:2025-06-25/assam-floods"


def test_changing_the_date_moves_the_article_to_a_new_guid(
    first: tuple[Path, str], tmp_path: Path
) -> None:
    project = shutil.copytree(first[0], tmp_path / "project")
    edit(project, "2025-06-25T15:27", "2025-06-24T15:27")
    assert build(project, tmp_path / "site") != first[1]


def test_an_id_pins_the_guid_when_the_date_must_change(
    first: tuple[Path, str], tmp_path: Path
) -> None:
    project = shutil.copytree(first[0], tmp_path / "project")
    edit(project, "2025-06-25T15:27", "2025-06-24T15:27")
    edit(project, "country:", f"id: {first[1]}\ncountry:")
    site = tmp_path / "site"
    assert build(project, site) == first[1]
    assert (site / "2025/06/24/floods-in-assam/index.html").is_file()


def test_a_dated_file_name_keeps_its_address_and_guid(tmp_path: Path) -> None:
    """A newsroom's `2025-06-22-rain.md` (Jekyll's naming) was published at
    .../2025-06-22-rain/: a newer newsdigest keeps that address and that GUID."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/2025-06-22-rain.md", FRONT.replace("06-25", "06-22"))
    site = tmp_path / "site"
    assert build(project, site) == "tag:test.example,2025:2025-06-22/2025-06-22-rain"
    assert (site / "2025/06/22/2025-06-22-rain/index.html").is_file()
    assert not (site / "2025/06/22/rain").exists()
