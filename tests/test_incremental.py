"""Incremental builds: after any sequence of edits, the site is byte for byte a clean build.

A small synthetic newsroom (bench/synth.py, tests/incremental_newsroom.py) is built with
the cache, edited step by step (body, title, a new article, a deleted one, a tag, a
template, a setting), rebuilt after each step, and compared file by file with a clean
build (`--no-cache`) of the same content into another directory (the engine-dependent
edits with each Markdown engine, the rest with the default one: the engine only changes
the Markdown step). An edit is seen however it was made (the same size, the same second,
the file's time put back, a rename). tests/test_build_cache.py: the cache itself damaged,
moved, shared or bypassed.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

import incremental_newsroom
import pytest
from conftest import (
    BASE_URL,
    edit,
    make_project,
    run_here,
    tiny_png,
    write_article,
)
from incremental_newsroom import (
    COUNT,
    ENGINES,
    STORIES,
    article_file,
    assert_same_as_clean,
    build,
    edit_word,
    front_matter_line,
    rendered_pages,
    synth,
    urls_path,
)
from PIL import Image

from generator.render.theme import THEME_DIR

# The newsroom's fixtures: `processes` (autouse) and `project`.
processes, project = incremental_newsroom.processes, incremental_newsroom.project


@pytest.mark.search
def test_a_rebuild_with_nothing_changed_leaves_the_site_as_it_was(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    out = build(project, site)
    assert "up to date" in out
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before
    assert_same_as_clean(project, site)


@pytest.mark.search
@ENGINES
def test_every_edit_of_an_articles_markdown_gives_the_clean_build(project: Path) -> None:
    """A body, a title and a new story: what the Markdown step converts, with each engine."""
    site = project.parent / "site"
    build(project, site)

    body = article_file(project, 3)
    body.write_text(
        body.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8"
    )
    out = build(project, site)
    assert "1 converted" in out
    slug = STORIES[3].slug
    (page,) = site.rglob(f"{slug}/index.html")
    assert "A new closing paragraph" in page.read_text(encoding="utf-8")
    assert_same_as_clean(project, site)

    title = article_file(project, 5)
    title.write_text(
        title.read_text(encoding="utf-8").replace('title: "', 'title: "Updated: ', 1),
        encoding="utf-8",
    )
    build(project, site)
    assert_same_as_clean(project, site)

    added = STORIES[COUNT]
    (project / "content" / added.path).parent.mkdir(parents=True, exist_ok=True)
    (project / "content" / added.path).write_text(synth.newsdigest_file(added), encoding="utf-8")
    build(project, site)
    assert_same_as_clean(project, site)


def test_every_edit_that_converts_no_markdown_gives_the_clean_build(project: Path) -> None:
    """A deleted story, a new topic, a theme override and a setting: the pages change, no
    article's Markdown does (so the default engine only: the engine changes that step)."""
    site = project.parent / "site"
    build(project, site)

    article_file(project, 7).unlink()
    build(project, site)
    assert_same_as_clean(project, site)

    tagged = article_file(project, 9)
    text = tagged.read_text(encoding="utf-8")
    tagged.write_text(text.replace("tags: [", 'tags: ["Brand New Topic", ', 1), encoding="utf-8")
    build(project, site)
    assert (site / "tags" / "brand-new-topic" / "index.html").is_file()
    assert_same_as_clean(project, site)

    footer = project / "templates" / "base.html"  # a new override of the built-in theme's
    footer.parent.mkdir()
    footer.write_text(
        (THEME_DIR / "base.html")
        .read_text(encoding="utf-8")
        .replace("</body>", "<!-- theme edit -->\n</body>"),
        encoding="utf-8",
    )
    build(project, site)
    assert "theme edit" in (site / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(project, site)

    settings = project / "pyproject.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            'title = "Bench Desk"', 'title = "Renamed Desk"'
        ),
        encoding="utf-8",
    )
    build(project, site)
    assert "Renamed Desk" in (site / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(project, site)


@ENGINES
def test_a_setting_that_only_pages_read_converts_no_markdown(project: Path) -> None:
    """items_per_page changes listings, not articles: every body comes from the cache."""
    site = project.parent / "site"
    build(project, site)
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    assert "items_per_page = 10" in text
    settings.write_text(text.replace("items_per_page = 10", "items_per_page = 3"), encoding="utf-8")
    out = build(project, site)
    assert f"{COUNT} from cache, 0 converted" in out
    assert (site / "archive" / "page" / "2" / "index.html").is_file() or any(
        site.glob("tags/*/page/2/index.html")
    )
    assert_same_as_clean(project, site)


@pytest.mark.search
def test_a_page_edited_by_hand_in_the_output_is_rebuilt(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    page = site / "archive" / "index.html"
    page.write_bytes(b"tampered")
    out = build(project, site)
    assert "up to date" not in out
    assert page.read_bytes() != b"tampered"
    assert_same_as_clean(project, site)


def test_an_edit_of_the_same_size_in_the_same_second_is_picked_up(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    path = article_file(project, 3)
    size = path.stat().st_size
    word = edit_word(path, "Z")  # no waiting: the same second as the build's record
    assert path.stat().st_size == size
    build(project, site)
    assert word in (site / urls_path(project, 3)).read_text(encoding="utf-8")
    assert_same_as_clean(project, site)


def test_an_edit_whose_time_was_put_back_is_picked_up(project: Path) -> None:
    """As `rsync --times`, `cp -p` or an archive unpacked do: the same size and the same
    modification time as before, other bytes."""
    site = project.parent / "site"
    build(project, site)
    path = article_file(project, 6)
    before = path.stat()
    word = edit_word(path, "Q")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    build(project, site)
    assert word in (site / urls_path(project, 6)).read_text(encoding="utf-8")
    assert_same_as_clean(project, site)


def test_a_renamed_or_deleted_article_file_is_picked_up(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    moved = article_file(project, 8)
    moved.rename(moved.with_name("renamed-" + moved.name))
    build(project, site)
    assert_same_as_clean(project, site)
    article_file(project, 11).unlink()
    build(project, site)
    assert not list(site.rglob(f"{STORIES[11].slug}/index.html"))
    assert_same_as_clean(project, site)


def test_the_same_story_edited_rebuild_after_rebuild_updates_every_page_it_is_on(
    project: Path,
) -> None:
    """Each one-story rebuild leaves the dependency index patched where it changed: the
    next edit of that story (or of its neighbour) still reaches every listing and feed."""
    site = project.parent / "site"
    build(project, site)
    story, neighbour = article_file(project, 2), article_file(project, 3)
    for round_, edited in enumerate((story, story, neighbour, story)):
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace('title: "', f'title: "Round {round_}: ', 1), "utf-8")
        build(project, site)
        assert_same_as_clean(project, site)


def test_a_rebuild_after_one_edit_reads_only_that_article(project: Path) -> None:
    """The last build's stat of each file tells what changed: the others are not opened."""
    an_hour_ago = (os.stat(project).st_mtime_ns - 3600 * 10**9,) * 2
    for path in (project / "content").rglob("*"):
        os.utime(path, ns=an_hour_ago)  # as after a checkout long ago
    site = project.parent / "site"
    flags = ("--output", str(site), "--base-url", BASE_URL, "--jobs", "1")
    run_here("build", *flags, cwd=project, search=False)
    edited = article_file(project, 5)
    edit_word(edited, "E")
    opened: list[str] = []

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and isinstance(args[0], (str, Path)) and str(args[0]).endswith(".md"):
            opened.append(os.path.realpath(args[0]))

    listening = [True]
    sys.addaudithook(lambda event, args: hook(event, args) if listening[0] else None)
    try:
        result = run_here("build", *flags, cwd=project, search=False)
    finally:
        listening[0] = False
    assert result.returncode == 0, result.stderr
    assert set(opened) == {os.path.realpath(edited)}
    assert_same_as_clean(project, site)


def test_feeds_follow_an_image_replaced_under_the_same_name(tmp_path: Path) -> None:
    """A feed is kept only while its inputs hold: a new lead image changes the enclosure."""
    from conftest import copy_newsroom

    project = copy_newsroom(tmp_path / "project")
    site = tmp_path / "site"
    build(project, site)
    feeds = {p: p.stat().st_ino for p in site.rglob("feed.xml")}
    image = project / "content/2025/06/kerala-rain.png"
    from PIL import Image

    Image.effect_noise((64, 48), 60).convert("RGB").save(image)  # another picture, same name

    build(project, site)

    length = f'length="{(site / "media/2025/06/kerala-rain.png").stat().st_size}"'
    assert length in (site / "feed.xml").read_text(encoding="utf-8")
    kept = [p for p, inode in feeds.items() if p.stat().st_ino == inode]
    assert kept, "feeds that do not carry the image are kept as they were"
    assert all(length not in p.read_text(encoding="utf-8") for p in kept)
    assert_same_as_clean(project, site)


def test_a_folder_link_back_into_content_is_followed_once(project: Path) -> None:
    """A link inside content/ to a folder above it (a loop) neither hangs the build nor
    stops the next one from finding the site up to date."""
    (project / "content" / "2024" / "loop").symlink_to("..", target_is_directory=True)
    site = project.parent / "site"
    build(project, site)
    assert "up to date" in build(project, site)


def test_edits_that_move_stories_give_the_clean_build(project: Path) -> None:
    """Each edit a newsroom makes, one after another: a rebuild
    after a body or title edit renders only the pages that show that story; one that moves
    stories (a new date, a tag, a new or deleted story, language versions) renders what
    moved; after each the site equals a clean build."""
    site = project.parent / "site"
    total = rendered_pages(build(project, site))

    def step() -> int:
        rendered = rendered_pages(build(project, site))
        assert_same_as_clean(project, site)
        return rendered

    newest = max(range(COUNT), key=lambda i: STORIES[i].date)
    body = article_file(project, 4)
    body.write_text(body.read_text(encoding="utf-8") + "\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert step() < total / 3  # its page, its neighbours', its lists: not the whole site
    edit(article_file(project, newest), 'title: "', 'title: "Breaking: ')
    assert step() < total / 3
    summarised = next(i for i, a in enumerate(STORIES[:COUNT]) if a.summary and i > 5)
    edit(article_file(project, summarised), "summary: ", "summary: Revised. ")
    step()
    moved = article_file(project, 2)
    when = front_matter_line(moved, "date: ")[len("date: ") :]
    earlier = (datetime.fromisoformat(when) - timedelta(days=40)).isoformat()
    edit(moved, f"date: {when}", f"date: {earlier}")
    step()
    edit(article_file(project, 8), "tags: [", "featured: true\ntags: [")
    step()
    for index, language in ((10, "fr"), (11, "de")):
        versions = f"translation_key: one-story\nlanguage: {language}\n"
        edit(article_file(project, index), "tags: [", versions + "tags: [")
    step()
    edit(article_file(project, 6), "tags: [", "aliases: [/old/address/]\ntags: [")
    step()
    retagged = article_file(project, 7)
    tags = front_matter_line(retagged, "tags: ")
    edit(retagged, tags, "tags: [" + tags[len("tags: [") :].split(",")[0].rstrip("]") + "]")
    step()
    added = project / "content" / STORIES[COUNT].path
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text(synth.newsdigest_file(STORIES[COUNT]), encoding="utf-8")
    step()
    article_file(project, 1).unlink()
    step()
    (site / "feed.xml").write_bytes(b"edited by hand")
    edit(article_file(project, 3), "\n---\n", "\n---\nA first line.\n\n")
    step()


def test_a_logo_or_portrait_saved_again_under_its_name_is_published(tmp_path: Path) -> None:
    """Files a build reads outside content/ and the theme: the `logo` setting's picture and
    the authors' portraits (one named with a comment after it). Saved again under the same
    name, the next build publishes the new picture instead of saying "up to date". (A
    newsroom of two stories, one by the portrayed author: what is read is the same at any
    size.)"""
    project = make_project(tmp_path / "project", 'logo = "logo.png"\n')
    byline = "country: India\ncredits:\n  author: {}"
    for name, day, author in (("rain", 1, "Haruka Mori"), ("port", 2, "News Desk")):
        front = f"title: {name.title()}\ndate: 2025-06-0{day}T10:00:00Z\n{byline.format(author)}"
        write_article(project, f"2025/06/{name}.md", front)
    (project / "authors").mkdir()
    Image.new("RGB", (48, 48), (30, 30, 200)).save(project / "authors" / "haruka-mori.jpg")
    (project / "authors.yaml").write_text(
        "Haruka Mori:\n  bio: Tokyo correspondent.\n"
        "  image: authors/haruka-mori.jpg  # drawn for the test\n",
        encoding="utf-8",
    )
    (project / "logo.png").write_bytes(tiny_png((8, 6)))
    site = tmp_path / "site"
    build(project, site)
    (project / "logo.png").write_bytes(tiny_png((12, 9)))
    assert "up to date" not in build(project, site)
    assert (site / "logo.png").read_bytes() == tiny_png((12, 9))
    assert_same_as_clean(project, site)
    Image.new("RGB", (64, 64), (200, 30, 30)).save(project / "authors" / "haruka-mori.jpg")
    assert "up to date" not in build(project, site)
    assert_same_as_clean(project, site)


def test_a_text_edit_of_an_old_story_renders_only_the_pages_that_show_it(project: Path) -> None:
    """The home page names the most used topics but none of their stories: a new line in
    the body of the oldest story makes again its page and the pages that link to it, not
    the home page, and the site is the clean build."""
    site = project.parent / "site"
    build(project, site)
    oldest = min(range(COUNT), key=lambda i: STORIES[i].date)
    story = article_file(project, oldest)
    story.write_text(story.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    rendered = rendered_pages(build(project, site))
    assert_same_as_clean(project, site)
    day = STORIES[oldest].date[:10].replace("-", "/")  # its URL: /YYYY/MM/DD/SLUG/
    address = f"/{day}/{STORIES[oldest].slug}/"
    showing = [page for page in site.rglob("*.html") if address in page.read_text("utf-8")]
    assert site / "index.html" not in showing
    assert rendered == len(showing)
