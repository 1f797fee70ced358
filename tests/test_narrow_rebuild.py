"""A rebuild after an edit of a story's words only (its title, summary or body) plans its
pages from the articles' digests the last build saved, made again only for the stories
read anew (commands.rebuild `_unchanged`). The ways that could go wrong: an edit that
looks narrow but shows elsewhere (a title in other stories' related block and in the
lists, a summary on topic pages and in feeds), and a change beside it that the saved
digests do not see (a picture replaced, an author's bio, a new spelling of a topic, a
damaged record of the last build). After each, the site is the clean build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import incremental_newsroom
import pytest
from conftest import BASE_URL, edit, tiny_png
from incremental_newsroom import (
    COUNT,
    ENGINES,
    STORIES,
    article_file,
    assert_same_as_clean,
    build,
    front_matter_line,
    rendered_pages,
)

# The newsroom's fixtures: `processes` (autouse) and `project`.
processes, project = incremental_newsroom.processes, incremental_newsroom.project


def _pages_naming(site: Path, text: str) -> list[Path]:
    return [page for page in site.rglob("*.html") if text in page.read_text("utf-8")]


@ENGINES
def test_a_new_title_shows_in_related_stories_lists_and_feeds(project: Path) -> None:
    """A title read on other stories' pages (related stories, older and newer), on every
    list of the story and in the feeds: each of those made again, the rest kept."""
    site = project.parent / "site"
    build(project, site)
    story = max(range(COUNT), key=lambda i: len(STORIES[i].tags))
    edit(article_file(project, story), 'title: "', 'title: "Aardvark first: ')
    rendered = rendered_pages(build(project, site))
    assert_same_as_clean(project, site)
    showing = _pages_naming(site, "Aardvark first: ")
    assert len(showing) > 3  # its page, others' related blocks and neighbours, its lists
    assert rendered <= len(showing) + 2  # (the search page and 404 read every story's title)
    assert "Aardvark first: " in (site / "feed.xml").read_text("utf-8")


@ENGINES
def test_a_new_summary_shows_on_topic_pages_and_in_feeds(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    story = next(i for i, a in enumerate(STORIES[:COUNT]) if a.summary)
    edit(article_file(project, story), "summary: ", "summary: Zebra crossing. ")
    build(project, site)
    assert_same_as_clean(project, site)
    topic = STORIES[story].tags[0].lower().replace(" ", "-")
    assert any("Zebra crossing." in p.read_text("utf-8") for p in site.glob(f"tags/{topic}*/*"))


@ENGINES
def test_a_body_edit_twice_then_back_gives_the_clean_build_each_time(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    path = article_file(project, 2)
    before = path.read_text(encoding="utf-8")
    for text in (before + "\nOne more paragraph.\n", before + "\nAnother one.\n", before):
        path.write_text(text, encoding="utf-8")
        build(project, site)
        assert_same_as_clean(project, site)


def test_a_picture_replaced_beside_a_body_edit_is_published(project: Path) -> None:
    """A lead picture saved again under its name (not an article file: the saved digests
    of its story cannot be reused) in the same rebuild as another story's body edit."""
    site = project.parent / "site"
    (project / "content" / "lead.png").write_bytes(tiny_png((40, 30)))
    pictured = article_file(project, 1)
    edit(pictured, "tags: [", "image:\n  src: /lead.png\n  alt: A lead picture\ntags: [")
    build(project, site)
    (project / "content" / "lead.png").write_bytes(tiny_png((80, 60)))
    path = article_file(project, 4)
    path.write_text(path.read_text("utf-8") + "\nA late line.\n", encoding="utf-8")
    build(project, site)
    assert_same_as_clean(project, site)


def test_an_authors_new_bio_beside_a_body_edit_is_published(project: Path) -> None:
    site = project.parent / "site"
    author = front_matter_line(article_file(project, 0), "  author: ")[len("  author: ") :]
    registry = project / "authors.yaml"
    registry.write_text(f"{author}:\n  bio: Covers the city.\n", encoding="utf-8")
    build(project, site)
    registry.write_text(f"{author}:\n  bio: Covers the region now.\n", encoding="utf-8")
    path = article_file(project, 5)
    path.write_text(path.read_text("utf-8") + "\nA late line.\n", encoding="utf-8")
    build(project, site)
    assert_same_as_clean(project, site)
    assert _pages_naming(site, "Covers the region now.")


def test_a_new_spelling_of_a_topic_beside_a_body_edit_gives_the_clean_build(
    project: Path,
) -> None:
    """Another story's topic written in other capitals: the site-wide names are worked out
    again, so no saved digest is taken as it is."""
    site = project.parent / "site"
    build(project, site)
    retagged = article_file(project, 6)
    tags = front_matter_line(retagged, "tags: ")
    first = tags[len("tags: [") :].split(",")[0].strip().strip("]").strip('"')
    edit(retagged, tags, tags.replace(first, first.upper(), 1))
    path = article_file(project, 3)
    path.write_text(path.read_text("utf-8") + "\nA late line.\n", encoding="utf-8")
    build(project, site)
    assert_same_as_clean(project, site)


@pytest.mark.parametrize("column", ["whole", "inputs"])
def test_a_damaged_record_of_the_last_build_gives_the_clean_build(
    project: Path, column: str
) -> None:
    """An article's saved digest altered (read without its checksum: it can only make a
    story look changed), or the record of what the last build read: then the digests are
    made again, and the site is the clean build."""
    site = project.parent / "site"
    cache = project / ".newsdigest-cache"
    build(project, site)
    with sqlite3.connect(cache / "state.sqlite") as database:
        if column == "whole":
            database.execute("UPDATE readers SET whole = 'damaged'")
        else:
            database.execute("UPDATE records SET value = '{}' WHERE key = 'inputs'")
    database.close()
    edit(article_file(project, 2), 'title: "', 'title: "Again: ')
    build(project, site)
    assert_same_as_clean(project, site)


def test_files_that_are_not_read_are_named_by_a_rebuild_as_by_a_first_build(
    project: Path,
) -> None:
    """The rebuild finds the article files from its own walk of content/ (made for the
    stats it compares) when nothing there needs a closer look; a story saved hidden, or a
    folder linked in from outside, between two rebuilds: each is named as a first build
    names it, and the site is the clean build."""
    site = project.parent / "site"
    build(project, site)
    story = article_file(project, 4).read_text(encoding="utf-8")
    (project / "content" / ".draft.md").write_text(story, encoding="utf-8")
    out = build(project, site)
    assert ".draft.md" in out
    assert_same_as_clean(project, site)
    (project / "content" / ".draft.md").unlink()
    (project.parent / "elsewhere").mkdir()
    (project.parent / "elsewhere" / "far.md").write_text(story, encoding="utf-8")
    (project / "content" / "linked").symlink_to(project.parent / "elsewhere")
    out = build(project, site)
    assert "linked" in out and "outside the content folder" in out
    assert_same_as_clean(project, site)


def _failing_build(project: Path, site: Path) -> str:
    """`newsdigest build` that stops on an error; what it printed."""
    (runner,) = incremental_newsroom.PROCESSES
    flags = ("--output", str(site), "--base-url", BASE_URL)
    result = runner.run("build", *flags, cwd=project, search=False)
    assert result.returncode != 0, result.stdout
    return result.stdout + result.stderr


@ENGINES
def test_a_link_broken_by_another_storys_edit_stops_the_rebuild_as_a_first_build(
    project: Path,
) -> None:
    """A rebuild after a body edit checks the site links of the edited bodies alone when
    the others and the site's paths are the last build's. A picture dropped from one story
    unpublishes the file another story links to: that story's link is an error, as in a
    first build; and so is a link to no page that the edit itself adds."""
    site = project.parent / "site"
    (project / "content" / "chart.png").write_bytes(tiny_png((40, 30)))
    shown, linking = article_file(project, 0), article_file(project, 1)
    shown.write_text(shown.read_text("utf-8") + "\n![A chart](/chart.png)\n", "utf-8")
    link = "\n[The chart](/media/chart.png)\n"
    linking.write_text(linking.read_text("utf-8") + link, "utf-8")
    build(project, site)
    assert (site / "media" / "chart.png").is_file()
    edit(shown, "![A chart](/chart.png)", "No chart.")
    failed = _failing_build(project, site)
    assert "link to '/media/chart.png' goes to no page of the site" in failed
    assert STORIES[1].path in failed
    edit(shown, "No chart.", "![A chart](/chart.png)")
    build(project, site)
    edit(article_file(project, 2), "\n---\n", "\n---\n[Gone](/2001/01/01/nowhere/)\n\n")
    failed = _failing_build(project, site)
    assert "link to '/2001/01/01/nowhere/' goes to no page of the site" in failed
    assert STORIES[2].path in failed


@ENGINES
def test_a_summary_made_from_the_body_follows_its_first_paragraph_and_a_lost_body(
    project: Path,
) -> None:
    """A story with no summary of its own shows its body's first words (kept with its
    body's row): its first paragraph edited (then put back), or its kept body lost from
    the state (made again from its file beside another story's edit), the site is the
    clean build each time."""
    site = project.parent / "site"
    cache = project / ".newsdigest-cache"
    build(project, site)
    story = next(i for i, a in enumerate(STORIES[:COUNT]) if not a.summary)
    path = article_file(project, story)
    before = path.read_text(encoding="utf-8")
    head, _, body = before.partition("\n---\n")
    path.write_text(f"{head}\n---\nQuokkas lead the parade.\n\n{body}", encoding="utf-8")
    build(project, site)
    assert_same_as_clean(project, site)
    assert "Quokkas lead the parade." in (site / "feed.xml").read_text("utf-8")
    path.write_text(before, encoding="utf-8")
    build(project, site)
    assert_same_as_clean(project, site)
    with sqlite3.connect(cache / "state.sqlite") as database:
        database.execute("DELETE FROM bodies WHERE source = ?", (STORIES[story].path,))
    database.close()
    edit(article_file(project, (story + 1) % COUNT), 'title: "', 'title: "Later: ')
    for _ in range(2):  # its body made again, then kept again
        build(project, site)
        assert_same_as_clean(project, site)
        edit(article_file(project, (story + 2) % COUNT), 'title: "', 'title: "Then: ')
