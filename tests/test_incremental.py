"""Incremental builds: after any sequence of edits, the site is byte for byte a clean build.

A small synthetic newsroom (bench/synth.py) is built with the cache, edited step by step
(body, title, a new article, a deleted one, a tag, a template, a setting), rebuilt after
each step, and compared file by file with a clean build (`--no-cache`) of the same
content into another directory. A corrupt cache is ignored, never trusted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE_URL, load_synth, run_newsdigest, site_files

from generator.render.theme import THEME_DIR

synth = load_synth()

COUNT = 20


def build(project: Path, out: Path, *extra: str) -> str:
    result = run_newsdigest(
        "build", "--output", str(out), "--base-url", BASE_URL, *extra, cwd=project
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def assert_same_as_clean(project: Path, site: Path) -> None:
    clean = project.parent / "clean"
    build(project, clean, "--no-cache", "--jobs", "1")
    got, want = site_files(site), site_files(clean)
    assert sorted(got) == sorted(want)
    differing = [path for path in want if got[path] != want[path]]
    assert differing == []


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return synth.write_newsdigest(tmp_path / "project", synth.articles(COUNT))


def article_file(project: Path, index: int) -> Path:
    return project / "content" / synth.articles(index + 1)[index].path


def test_a_rebuild_with_nothing_changed_leaves_the_site_as_it_was(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    out = build(project, site)
    assert "up to date" in out
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before
    assert_same_as_clean(project, site)


def test_every_kind_of_edit_gives_the_clean_build(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)

    body = article_file(project, 3)
    body.write_text(
        body.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8"
    )
    out = build(project, site)
    assert "1 converted" in out
    slug = synth.articles(4)[3].slug
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

    added = synth.articles(COUNT + 1)[COUNT]
    synth.write_newsdigest(project, [added])
    build(project, site)
    assert_same_as_clean(project, site)

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


def test_a_page_edited_by_hand_in_the_output_is_rebuilt(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    page = site / "archive" / "index.html"
    page.write_bytes(b"tampered")
    out = build(project, site)
    assert "up to date" not in out
    assert page.read_bytes() != b"tampered"
    assert_same_as_clean(project, site)


@pytest.mark.parametrize("damage", ["garbage", "truncate", "flip"])
def test_a_corrupt_cache_is_ignored(project: Path, damage: str) -> None:
    site = project.parent / "site"
    build(project, site)
    body = article_file(project, 2)
    body.write_text(body.read_text(encoding="utf-8") + "\nFresh words.\n", encoding="utf-8")
    for cached in (project / ".newsdigest-cache").glob("*.json"):
        data = cached.read_bytes()
        if damage == "garbage":
            cached.write_bytes(b"not a cache")
        elif damage == "truncate":
            cached.write_bytes(data[: len(data) // 2])
        else:  # same length, one byte changed: only the checksum can tell
            middle = len(data) // 2
            cached.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    out = build(project, site)
    assert f"0 from cache, {COUNT} converted" in out
    assert_same_as_clean(project, site)


def test_no_cache_writes_no_cache_and_cache_dir_moves_it(project: Path) -> None:
    build(project, project.parent / "a", "--no-cache")
    assert not (project / ".newsdigest-cache").exists()
    elsewhere = project.parent / "kept-cache"
    build(project, project.parent / "b", "--cache-dir", str(elsewhere))
    assert (elsewhere / "CACHEDIR.TAG").is_file()
    assert not (project / ".newsdigest-cache").exists()
    out = build(project, project.parent / "b", "--cache-dir", str(elsewhere))
    assert "up to date" in out


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
