"""What a rebuild takes from the build state instead of doing again for every unchanged
story (the site-wide topics, the records decoded once): it must give the site a clean
build of the same files gives, whichever stories were read anew. Every build here is made
without the search index (conftest.searching): none of these tests looks at search."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest
from conftest import BASE_URL, Forked, clean_build, edit, make_project, site_files, write_article

from generator.config import load as load_settings
from generator.model import Article, make_article, with_values
from generator.stages_api import read_one


def _story(project: Path, name: str, day: int, tags: str) -> Path:
    return write_article(
        project,
        f"2025/06/{name}.md",
        f'title: "Story {name}"\ndate: 2025-06-{day:02d}T09:00:00\ncountry: Kenya\n'
        f"tags: [{tags}]\nsummary: A story.\ncredits:\n  author: Amina Diallo",
    )


def _build(forked: Forked, project: Path) -> dict[str, bytes]:
    site = project.parent / "site"
    flags = ("--base-url", BASE_URL, "--jobs", "1")
    result = forked.run("build", "--output", str(site), *flags, cwd=project, search=False)
    assert result.returncode == 0, result.stderr
    return site_files(site)


def test_a_topics_name_is_its_most_used_spelling_over_stored_and_new_stories(
    tmp_path: Path, forked: Forked
) -> None:
    """Two stories spell the topic 'Climate', one 'climate': the page says 'Climate'. Two
    edits later the lower-case spelling is the most used, and the page, the story pages
    and the feeds say it, as a clean build does."""
    project = make_project(tmp_path / "project")
    first = _story(project, "one", 1, "Climate, Politics")
    second = _story(project, "two", 2, "Climate")
    _story(project, "three", 3, "climate")
    built = _build(forked, project)
    assert b">Climate<" in built["tags/climate/index.html"]
    edit(first, "[Climate,", "[climate,")
    assert _build(forked, project) == clean_build(project, search=False)
    edit(second, "[Climate]", "[climate]")
    rebuilt = _build(forked, project)
    assert rebuilt == clean_build(project, search=False)
    assert b">climate<" in rebuilt["tags/climate/index.html"]
    assert b">Climate<" not in rebuilt["tags/climate/index.html"]


def test_a_look_alike_topic_renamed_in_one_story_moves_the_numbered_address(
    tmp_path: Path, forked: Forked
) -> None:
    """'C#' (oldest) and 'C++' share /tags/c/: the newer is /tags/c-2/. Renaming the
    oldest story's topic frees the plain address for 'C++' in a rebuild, as in a clean
    build."""
    project = make_project(tmp_path / "project")
    oldest = _story(project, "one", 1, "C#")
    _story(project, "two", 2, "C++")
    _story(project, "three", 3, "C++, Politics")
    built = _build(forked, project)
    assert b"C++" in built["tags/c-2/index.html"]
    edit(oldest, "[C#]", "[Rust]")
    rebuilt = _build(forked, project)
    assert rebuilt == clean_build(project, search=False)
    assert b"C++" in rebuilt["tags/c/index.html"]
    assert "tags/c-2/index.html" not in rebuilt


def test_an_article_made_from_its_values_is_the_one_the_dataclass_makes(tmp_path: Path) -> None:
    """A rebuild makes the stored articles with `make_article` (each slot set directly):
    the same Article, equal and with the same hash, as `Article(*values)`, for a story
    that gives every field; the class keeps no `__post_init__` it would skip."""
    project = make_project(tmp_path / "project")
    path = write_article(
        project,
        "2025/06/every.md",
        'title: "Every field"\ndate: 2025-06-01T09:00:00\nupdated: 2025-06-02T10:00:00\n'
        "country: Kenya\ntags: [Climate, Ports]\nsummary: A story.\naliases: [/old/]\n"
        "featured: true\ncredits:\n  author: [Amina Diallo, Li Wei]\n  sources: [Reuters]",
    )
    article, problems = read_one(
        path, "2025/06/every.md", load_settings(project), project / "content"
    )
    assert article is not None, problems
    values = [getattr(article, f.name) for f in fields(Article)]
    made = make_article(*values)
    assert type(made) is Article
    assert made == Article(*values) == article
    assert hash(made) == hash(article)
    assert [getattr(made, f.name) for f in fields(Article)] == values
    assert not hasattr(Article, "__post_init__")
    assert with_values(article, title="Other").title == "Other"


def _state_rows(project: Path, sql: str, *parameters: str) -> None:
    with sqlite3.connect(project / ".newsdigest-cache" / "state.sqlite") as database:
        database.execute(sql, parameters)


def test_look_alike_topics_warned_again_after_an_edit_of_a_title(
    tmp_path: Path, forked: Forked
) -> None:
    """The warning about 'C#' and 'C++' sharing /tags/c/ is said by every build, also a
    rebuild after a title edit that reuses the last build's names; the site is the clean
    build's."""
    project = make_project(tmp_path / "project")
    _story(project, "one", 1, "C#")
    second = _story(project, "two", 2, "C++")
    first = _warned(forked, project)
    edit(second, 'title: "Story two"', 'title: "Story two, updated"')
    assert _warned(forked, project) == first
    assert site_files(project.parent / "site") == clean_build(project, search=False)


def _warned(forked: Forked, project: Path) -> list[str]:
    flags = ("--output", str(project.parent / "site"), "--base-url", BASE_URL, "--jobs", "1")
    result = forked.run("build", *flags, cwd=project, search=False)
    assert result.returncode == 0, result.stderr
    found = [line for line in result.stderr.splitlines() if "same URL /tags/c/" in line]
    assert len(found) == 1, result.stderr
    return found


def test_a_story_moved_to_anothers_address_by_an_edit_is_refused(
    tmp_path: Path, forked: Forked
) -> None:
    """An edit that gives a story the address of another is an error in the rebuild, as
    in a clean build, though the last build's names had no clash."""
    project = make_project(tmp_path / "project")
    _story(project, "one", 1, "Climate")
    second = _story(project, "two", 1, "Climate")
    _build(forked, project)
    edit(second, 'title: "Story two"', 'title: "Story two"\nslug: one')
    flags = ("--output", str(project.parent / "site"), "--base-url", BASE_URL, "--jobs", "1")
    result = forked.run("build", *flags, cwd=project, search=False)
    assert result.returncode == 1
    assert "two.md" in result.stderr and "the same address" in result.stderr


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE records SET value = replace(value, ',\"Climate\"]', ',\"Weather\"]') "
        "WHERE space = 'names'",
        "UPDATE records SET sum = x'00' WHERE space = 'names'",
        "DELETE FROM records WHERE space = 'names'",
    ],
)
def test_a_damaged_or_missing_record_of_the_names_is_worked_out_again(
    tmp_path: Path, forked: Forked, damage: str
) -> None:
    """The record of the last build's names altered, its checksum wrong, or gone: the
    rebuild after an edit of a title works them out again, and is the clean build."""
    project = make_project(tmp_path / "project")
    _story(project, "one", 1, "Climate")
    second = _story(project, "two", 2, "Climate, Politics")
    _build(forked, project)
    _state_rows(project, damage)
    edit(second, 'title: "Story two"', 'title: "Story two, updated"')
    assert _build(forked, project) == clean_build(project, search=False)
