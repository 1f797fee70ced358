"""A rebuild decodes a stored story's whole record only when something reads a field of its
tail (its title, GUID, sources...: generator.speed.records.LazyArticle), which the pages
and feeds the rebuild renders do for the stories they show; the build's summary says how
many ("N of the articles from cache read in full"). Each edit below (title, body, summary, a link to
another story's heading, a story re-dated: placed elsewhere, an edit and its revert, two
edits in a row) gives the clean build's bytes, with either engine, and the count shows
that stored stories were left in part (not every record decoded), so the sequences cannot
pass by decoding everything."""

from __future__ import annotations

import os
import re
from pathlib import Path

import incremental_newsroom
import pytest
from conftest import edit
from incremental_newsroom import assert_same_as_clean, build, newsroom, synth

processes = incremental_newsroom.processes  # (autouse: each build in a process of its own)
ENGINES = pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
SIZE = 60  # enough stories that the pages an edit renders do not show all of them
STORIES = synth.articles(SIZE)


def _decoded(out: str) -> int:
    """How many stored stories the build read in full (0: it says nothing of them)."""
    found = re.search(r"(\d+) of the articles from cache read in full", out)
    return int(found[1]) if found else 0


def _file(project: Path, index: int) -> Path:
    return project / "content" / STORIES[index].path


@ENGINES
def test_edits_decode_only_the_stories_the_pages_show_and_give_the_clean_build(
    tmp_path: Path, engine: str
) -> None:
    root = newsroom(tmp_path / "newsroom", engine, stories=STORIES)
    site = tmp_path / "site"
    build(root, site)
    story, other = 5, 40
    target = _file(root, other)
    target.write_text(
        target.read_text("utf-8") + '\n<h2 id="later-news">Later news</h2>\n\nMore.\n', "utf-8"
    )
    build(root, site)  # (the heading the link below names)
    before = _file(root, story).read_text("utf-8")
    link = os.path.relpath(target, _file(root, story).parent).replace(os.sep, "/")
    edits = [
        ('title: "', 'title: "Aardvark first: '),  # a title: on lists, feeds, neighbours
        ('summary: "', 'summary: "Zebra crossing. '),
        ("\n---\n", f"\n---\nSee [the later news]({link}#later-news).\n\n"),  # an id
    ]
    counts = []
    for old, new in edits:  # two edits in a row, each on the last
        edit(_file(root, story), old, new)
        counts.append(_decoded(build(root, site)))
        assert_same_as_clean(root, site)
    assert "the later news" in next(site.rglob(f"{STORIES[story].slug}/index.html")).read_text()
    _file(root, story).write_text(before, "utf-8")  # the edits reverted
    counts.append(_decoded(build(root, site)))
    assert_same_as_clean(root, site)
    assert all(0 < n < SIZE - 1 for n in counts), counts


@ENGINES
def test_a_story_placed_elsewhere_gives_the_clean_build(tmp_path: Path, engine: str) -> None:
    """A story re-dated (another day, month, place among its neighbours and in every list)
    and a topic added (the site-wide names worked out again: every record decoded)."""
    root = newsroom(tmp_path / "newsroom", engine, stories=STORIES)
    site = tmp_path / "site"
    build(root, site)
    path = _file(root, 12)
    date = next(line for line in path.read_text("utf-8").splitlines() if line.startswith("date:"))
    edit(path, date, "date: 2020-01-02T03:04:05+00:00")
    edit(path, "tags: [", "tags: [Aardvarks, ")
    build(root, site)
    assert_same_as_clean(root, site)
