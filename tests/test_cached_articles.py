"""A rebuild loads each unchanged article from the build state instead of its file: what it
loads must be the article the file gives, and a damaged or stale record must be read again."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLE, SERIAL, edit, made_once, run_here, sample_pictures, site_files

from generator import pipeline, stages_api
from generator.config import load as load_settings
from generator.diagnostics import Diagnostic
from generator.model import Article
from generator.speed.articles import filled
from generator.speed.stages import Fast, article_cache

Loaded = tuple[list[Article], list[Diagnostic]]
EVERY_FIELD = """---
title: Harbour reopens after the storm
slug: harbour-reopens
date: 2025-06-24T09:15:00
updated: 2025-06-24 18:00
country: Kenya
language: en
translation_key: harbour-reopens-2025
featured: true
aliases: [/2025/06/23/harbour/, /old-site/harbour.html]
credits:
  author: [Wanjiru Kamau, A Stringer Not In The Registry]
  image: Port authority
  sources: [Reuters, port authority]
tags: [Shipping, Kenya Storm, Economy]
image:
  src: /2025/06/amazon-canopy.jpg
  alt: Cranes at the harbour
  caption: The harbour at dawn
  focus: 0.25,0.75
corrections:
  - date: 2025-06-24T20:00:00+03:00
    text: An earlier version gave the wrong number of ships.
  - date: 2025-06-25
    text: The port's name is spelt as the authority spells it.
---
The harbour reopened on Tuesday, a day after the storm.
"""


def sample_project(tmp_path: Path, pictures: Path | None = None) -> Path:
    """The sample with EVERY_FIELD's story; with `pictures`, a build cache that holds only
    those encoded pictures (kept by the SHA-256 of their bytes: what the articles'
    records and the site are made of is still a first build's)."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    (project / "content" / "2025" / "06" / "harbour-reopens.md").write_text(
        EVERY_FIELD, encoding="utf-8"
    )
    if pictures is not None:
        shutil.copytree(pictures, project / ".newsdigest-cache" / "images")
    return project


# The sample's stories a test of one story's record or body needs beside EVERY_FIELD's:
# its neighbours in the lists, a story that links to it, the other one by its author, a
# story in three languages, and the pictures. A build of them costs about two thirds of
# the whole sample's; the tests of every record, and of the worker processes (which a
# build starts only for enough articles and pages), build the whole sample.
DESK = {
    "harbour-reopens.md",  # EVERY_FIELD
    "karachi-heatwave-strains-power-grid-and-hospitals.md",
    "kenyan-lawmakers-debate-finance-bill-as-protesters-gather.md",
    "altaf-hussain-appeals-to-modi-hi.md",
    "altaf-hussain-appeals-to-modi-ur.md",
    "altaf-hussain-calls-on-modi-to-advocate-for-mohajirs.md",
    "amazon-deforestation-alerts-fall-for-third-straight-month.md",
    "nepal-braces-for-monsoon-floods-as-rivers-swell.md",
}


def desk_project(tmp_path: Path, pictures: Path | None = None) -> Path:
    """`sample_project` with only the DESK stories (the sample's pictures all kept)."""
    project = sample_project(tmp_path, pictures)
    for story in (project / "content").rglob("*.md"):
        if story.name not in DESK:
            story.unlink()
    return project


@pytest.fixture(scope="session")
def first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The story's sample built once for the run (tests/test_kept_bodies.py shares it)
    with a cache (its `project/.newsdigest-cache/images` are the pictures each test's
    project starts with), and the DESK stories built clean (`clean`). Do not modify it."""
    pictures = sample_pictures(tmp_path_factory)

    def make(root: Path) -> None:
        project = sample_project(root, pictures)
        build(project, root / "site")
        first_build(desk_project(root / "desk", pictures), root / "clean", root)

    return made_once(tmp_path_factory, "first", make)


def pictures(first: Path) -> Path:
    return first / "project" / ".newsdigest-cache" / "images"


def build(project: Path, out: Path, *flags: str) -> None:
    """Serially (what the article records hold does not depend on the workers), without
    the search index (nor on Pagefind's: conftest.searching)."""
    serial = () if "--jobs" in flags else SERIAL
    result = run_here("build", "--output", str(out), *flags, *serial, cwd=project, search=False)
    assert result.returncode == 0, result.stderr


def first_build(project: Path, out: Path, first: Path) -> None:
    """The reference for a rebuild: a first build, serially, with a new cache that holds
    only the encoded pictures (no article record, no kept body, no page state)."""
    cache = out.parent / (out.name + "-cache")
    shutil.copytree(pictures(first), cache / "images")
    build(project, out, "--cache-dir", str(cache), "--jobs", "1")


def loaded(project: Path) -> tuple[Loaded, int]:
    """The articles as a rebuild loads them, each with the Markdown of its file (a record
    holds none), and how many files it read again."""
    settings = load_settings(project)
    cache = article_cache(project / ".newsdigest-cache", project / "content", settings)
    assert cache is not None
    articles, problems = pipeline.load(project / "content", settings, Fast(cache), project)
    cache.database.close()
    return (filled(cache, articles), problems), len(cache.new_articles)


def test_articles_loaded_from_the_state_are_those_the_files_give(
    tmp_path: Path, first: Path
) -> None:
    project = sample_project(tmp_path, pictures(first))
    build(project, tmp_path / "site")
    settings = load_settings(project)
    from_files = pipeline.load(project / "content", settings, project=project)
    from_state, read_again = loaded(project)
    assert read_again == 0  # every record was read back
    assert from_state == from_files
    (harbour,) = (a for a in from_files[0] if a.slug == "harbour-reopens")
    assert harbour.corrections and harbour.aliases and harbour.featured
    assert harbour.image is not None and harbour.image.focus == (0.25, 0.75)
    assert [b.name for b in harbour.bylines] == ["Wanjiru Kamau", "A Stringer Not In The Registry"]


def test_unchanged_stories_load_with_the_topics_the_names_give_them(
    tmp_path: Path, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a story's words are edited, the unchanged stories are decoded with their
    topics as the last build named them ('Kenya Storm', typed under its key 'kenya
    storm', shown at kenya-storm) and kept as decoded; after an edit that renames a topic,
    the names are worked out again from every story's topics as typed. Either way the
    articles are those the files give."""
    project = desk_project(tmp_path, pictures(first))
    build(project, tmp_path / "site")
    monkeypatch.chdir(project)  # the names' warnings name files from where the build ran
    content, settings = project / "content", load_settings(project)
    story = content / "2025" / "06" / "harbour-reopens.md"
    for old, new in [
        ("a day after the storm", "a day after the gale"),
        ("Kenya Storm", "KENYA STORM"),  # the one story with the topic: a new display name
    ]:
        edit(story, old, new)
        cache = article_cache(project / ".newsdigest-cache", content, settings)
        assert cache is not None
        speed = Fast(cache)
        articles, problems = pipeline.load(content, settings, speed, project)
        cache.database.close()
        typed = speed.typed_topics()
        assert len(typed) == 4  # every unchanged story with a topic of two words
        kept = [a for a in articles if a.source in typed and a.tags is typed[a.source][0]]
        assert len(kept) == (len(typed) if old != "Kenya Storm" else 0)
        from_files = pipeline.load(content, settings, None, project)
        assert (filled(cache, articles), problems) == from_files
        assert any(t.name == new for a in articles for t in a.tags) == (old == "Kenya Storm")


def test_a_damaged_article_record_is_read_again_from_its_file(tmp_path: Path, first: Path) -> None:
    """One row of the state changed behind the build's back (its checksum no longer
    matches): that article is read from its file and the site is the clean build's."""
    project = desk_project(tmp_path, pictures(first))
    site = tmp_path / "site"
    build(project, site)
    database = sqlite3.connect(project / ".newsdigest-cache" / "state.sqlite")
    with database:
        database.execute(
            "UPDATE articles SET record = replace(record, 'Harbour reopens', 'Harbour shut') "
            "WHERE source = '2025/06/harbour-reopens.md'"
        )
    database.close()
    _, read_again = loaded(project)
    assert read_again == 1
    build(project, site)
    assert site_files(site) == site_files(first / "clean")  # the same files, built clean
    assert "Harbour shut" not in str(site_files(site))


def test_bylines_follow_the_registry_and_the_article_on_a_rebuild(
    tmp_path: Path, first: Path
) -> None:
    """The bylines kept with an article's record are the registry's of the last build: a
    bio edited in authors.yaml, or a byline renamed in one article, reach the author
    pages on a rebuild as in a clean build."""
    project = desk_project(tmp_path, pictures(first))
    site = tmp_path / "site"
    build(project, site)
    registry = project / "authors.yaml"
    edit(registry, "Nairobi-based reporter", "Mombasa-based reporter")
    build(project, site)
    page = (site / "authors" / "wanjiru-kamau" / "index.html").read_text(encoding="utf-8")
    assert "Mombasa-based reporter" in page
    story = project / "content" / "2025" / "06" / "harbour-reopens.md"
    edit(story, "A Stringer Not In The Registry", "Juma Otieno")
    build(project, site)
    assert (site / "authors" / "juma-otieno" / "index.html").is_file()
    assert not (site / "authors" / "a-stringer-not-in-the-registry").exists()
    clean = tmp_path / "clean"
    first_build(project, clean, first)
    assert site_files(site) == site_files(clean)


def test_a_record_holds_no_markdown_the_body_is_read_from_the_file(
    tmp_path: Path, first: Path
) -> None:
    """The state keeps no copy of a story's text: a rebuild loads the article without it
    and, when the body must be converted again, reads it from the file."""
    project = sample_project(tmp_path, pictures(first))
    build(project, tmp_path / "site")
    database = sqlite3.connect(project / ".newsdigest-cache" / "state.sqlite")
    records = [row[0] for row in database.execute("SELECT record FROM articles")]
    database.close()
    assert len(records) > 20
    assert not any("a day after the storm" in record for record in records)
    settings = load_settings(project)
    cache = article_cache(project / ".newsdigest-cache", project / "content", settings)
    assert cache is not None
    articles, _ = pipeline.load(project / "content", settings, Fast(cache), project)
    cache.database.close()
    (harbour,) = (a for a in articles if a.slug == "harbour-reopens")
    assert harbour.body == "" and harbour.source in cache.unread
    with_text = cache.filled(harbour)
    assert with_text is not None and with_text.body == EVERY_FIELD.split("---\n", 2)[2]


def test_a_story_whose_link_moved_is_converted_again_from_its_file(
    tmp_path: Path, first: Path
) -> None:
    """Story A links to story B's file; B's slug changes. A's file is unchanged, so A
    loads from the state without its Markdown; its body is converted again from its file
    and the site is the clean build's."""
    project = sample_project(tmp_path, pictures(first))
    site = tmp_path / "site"
    folder = project / "content" / "2025" / "06"
    linking = folder / "karachi-heatwave-strains-power-grid-and-hospitals.md"
    linking.write_text(
        linking.read_text(encoding="utf-8") + "\nSee also [the harbour](harbour-reopens.md).\n",
        encoding="utf-8",
    )
    build(project, site, "--jobs", "2")
    harbour = folder / "harbour-reopens.md"
    edit(harbour, "slug: harbour-reopens", "slug: port-opens")
    build(project, site, "--jobs", "2")
    pages = {path: data for path, data in site_files(site).items() if b"the harbour</a>" in data}
    assert len(pages) == 1 and b"/port-opens/" in next(iter(pages.values()))
    clean = tmp_path / "clean"
    first_build(project, clean, first)
    assert site_files(site) == site_files(clean)


def test_a_story_edited_while_the_site_builds_is_not_half_old_half_new(
    tmp_path: Path, first: Path
) -> None:
    """An unchanged story loads from the state without its Markdown; if its file is
    edited before its body is converted, the new text is not published under the old
    front matter: the build stops and says to build again."""
    project = desk_project(tmp_path, pictures(first))
    build(project, tmp_path / "site")
    state = sqlite3.connect(project / ".newsdigest-cache" / "state.sqlite")
    with state:  # its body HTML is not kept: it must be converted again
        state.execute("DELETE FROM bodies WHERE source = '2025/06/harbour-reopens.md'")
    state.close()
    settings = load_settings(project)
    cache = article_cache(project / ".newsdigest-cache", project / "content", settings)
    assert cache is not None
    articles, _ = pipeline.load(project / "content", settings, Fast(cache), project)
    story = project / "content" / "2025" / "06" / "harbour-reopens.md"
    story.write_text(EVERY_FIELD + "A line written during the build.\n", encoding="utf-8")
    converted, problems, _ = pipeline.convert(articles, settings, project / "content", Fast(cache))
    cache.database.close()
    assert [(p.path, p.severity) for p in problems if "while the site" in p.message] == [
        ("2025/06/harbour-reopens.md", "error")
    ]
    (harbour,) = (a for a in converted if a.slug == "harbour-reopens")
    assert "during the build" not in harbour.body_html


def test_a_story_saved_as_a_draft_mid_build_then_undone_is_published_again(
    tmp_path: Path, first: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor saves the story with `draft: true` while a build is reading the files
    (after its bytes were hashed, before they were parsed), then undoes it: the next
    build publishes the story, as a clean build does."""
    project = desk_project(tmp_path, pictures(first))
    site = tmp_path / "site"
    build(project, site)
    story = project / "content" / "2025" / "06" / "harbour-reopens.md"
    story.write_text(EVERY_FIELD.replace("the storm.", "the storm, officials said."), "utf-8")
    published = story.read_bytes()
    read_one = stages_api.read_one

    def saved_meanwhile(path: Path, source: str, *args: object) -> object:
        if source == "2025/06/harbour-reopens.md":
            story.write_bytes(published.replace(b"featured: true", b"draft: true", 1))
        return read_one(path, source, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(stages_api, "read_one", saved_meanwhile)
    build(project, site)
    monkeypatch.setattr(stages_api, "read_one", read_one)
    story.write_bytes(published)  # undone
    build(project, site)
    clean = tmp_path / "clean"
    first_build(project, clean, first)
    assert site_files(site) == site_files(clean)


def test_a_record_that_is_not_one_json_value_is_read_again(tmp_path: Path, first: Path) -> None:
    """A row whose checksum matches but whose record is more than one JSON value (text
    after it), or not JSON at all, is another shape: read again from the file, never half
    used."""
    from generator.speed.store import checksum

    project = desk_project(tmp_path, pictures(first))
    build(project, tmp_path / "site")
    database = sqlite3.connect(project / ".newsdigest-cache" / "state.sqlite")
    rows = database.execute("SELECT source, digest, record FROM articles").fetchall()
    with database:
        for n, (source, digest, record) in enumerate(rows[:2]):
            bad = record + ' {"a": 1}' if n == 0 else record[: len(record) // 2]
            database.execute(
                "UPDATE articles SET record = ?, sum = ? WHERE source = ?",
                (bad, checksum(source, digest, bad), source),
            )
    database.close()
    (articles, _), read_again = loaded(project)
    assert read_again == 2
    settings = load_settings(project)
    assert articles == pipeline.load(project / "content", settings, project=project)[0]
