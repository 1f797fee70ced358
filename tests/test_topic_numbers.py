"""The warning about different tags (C, C#, C++ -> /tags/c/) or bylines that share one
address.

Each name after the first gets a numbered address; the warning says which, after which
names, and, for a story dated back, which addresses it moved. Names in the same story
are named as such, never as "the first story" with the name, and the moved addresses
are counted without all of this story's names.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
from conftest import make_project, run_here, write_article
from lxml import html


def story(project: Path, name: str, day: str, tags: str) -> None:
    write_article(
        project,
        f"2025/06/{name}.md",
        f"title: Story {name}\ndate: {day}T10:00:00Z\ncountry: India\n"
        f"credits:\n  author: Desk\ntags: {tags}",
    )


def warnings_of(project: Path, name: str) -> list[str]:
    result = run_here("check", cwd=project)
    assert result.returncode == 0, result.stdout
    return [
        row
        for row in result.stdout.splitlines()
        if row.startswith(f"content/2025/06/{name}.md:7: warning: tags ")
    ]


def test_look_alike_tags_in_one_story_are_named_as_in_this_story(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    story(project, "languages", "2025-06-01", "[C, C#, C++]")
    sharp, plus = warnings_of(project, "languages")
    assert sharp.endswith(
        "tag 'C#' is published as /tags/c-2/, numbered in the order of first use after 'C', "
        "also in this story (names first used in one story are numbered in alphabetical order)"
    )
    assert plus.endswith(
        "tag 'C++' is published as /tags/c-3/, numbered in the order of first use after 'C' "
        "and 'C#', also in this story (names first used in one story are numbered in "
        "alphabetical order)"
    )
    assert "dated before" not in sharp + plus and "languages.md, the first" not in sharp
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    titles = {
        slug: feedparser.parse((out / f"tags/{slug}/feed.xml").read_bytes()).feed.title
        for slug in ("c", "c-2", "c-3")
    }
    assert list(titles.values()) == ["Test Desk: C", "Test Desk: C#", "Test Desk: C++"]


def test_a_story_dated_back_with_two_new_names_counts_both_in_the_moves(tmp_path: Path) -> None:
    """Without the late story, 'C+' was /tags/c-2/; the late story's two names take c-2
    and c-3, so 'C+' moves to c-4; its other name is 'also in this story'."""
    project = make_project(tmp_path / "p")
    story(project, "one", "2025-06-01", "[C]")
    story(project, "two", "2025-06-03", "[C+]")
    story(project, "late", "2025-06-02", "[C#, C++]")
    sharp, plus = warnings_of(project, "late")
    moves = (
        "this story is dated before content/2025/06/two.md, the first with 'C+': if it is a "
        "new story dated back, it moves 'C+' from /tags/c-2/ to /tags/c-4/"
    )
    assert moves in sharp and moves in plus
    assert "after 'C' (first in content/2025/06/one.md, 2025-06-01), 'C#' (also in this story)" in (
        plus
    )


def test_look_alike_bylines_in_one_story_are_named_as_in_this_story(tmp_path: Path) -> None:
    """Bylines that make one author page are numbered as topics are, with the same words."""
    project = make_project(tmp_path / "p")
    write_article(
        project,
        "2025/06/interview.md",
        "title: Interview\ndate: 2025-06-01T10:00:00Z\ncountry: Spain\n"
        "credits:\n  author: [José Ruiz, Jose Ruiz]",
    )
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (
        "content/2025/06/interview.md:6: warning: bylines 'Jose Ruiz' and 'José Ruiz' are "
        "different names with the same author page /authors/jose-ruiz/; 'José Ruiz' is "
        "published at /authors/jose-ruiz-2/, numbered in the order of first use after "
        "'Jose Ruiz', also in this story (names first used in one story are numbered in "
        "alphabetical order)"
    ) in result.stderr
    pages = {
        slug: html.parse(str(out / f"authors/{slug}/index.html")).findtext(".//h1").strip()
        for slug in ("jose-ruiz", "jose-ruiz-2")
    }
    assert pages == {"jose-ruiz": "Jose Ruiz", "jose-ruiz-2": "José Ruiz"}
