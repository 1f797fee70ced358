"""Every picture keeps its own address: no made copy (a width, the WebP, a crop) takes the
address of another picture or of a file the editor placed (the tester's report on issue
pictures: photo.jpg and photo.png shared photo-480w.webp; the editor's photo-480w.jpg and
lead-16x9.jpg were overwritten by made copies). What a reader's browser would load, at
each URL a page names (src, srcset, og:image, JSON-LD), is read back with Pillow.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from conftest import make_project, searching, write_article
from lxml import html
from PIL import Image

from generator import config
from generator.commands.build import Options, Paths, Result, Selection, build_site

NOW = datetime(2026, 1, 1, tzinfo=UTC)
FRONT = """title: {title}
date: 2025-06-25T10:00:00+00:00
country: India
credits:
  author: Desk
tags: [Notes]"""
HOST = "http://127.0.0.1:8000"
COLOURS = {
    "yellow": (250, 220, 0),
    "red": (220, 0, 0),
    "green": (0, 170, 0),
    "blue": (0, 0, 220),
    "cyan": (0, 200, 220),
}
CLASHING_BODY = (
    "Intro.\n\n![red](photo.jpg)\n\n![green](photo.png)\n\n"
    "![blue](photo-480w.jpg)\n\n![cyan](lead-16x9.jpg)\n"
)


def plain(path: Path, colour: str, size: tuple[int, int] = (640, 400)) -> None:
    """A picture of one colour, saved in the format its name says."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, COLOURS[colour]).save(path)


def build(project: Path, cache: bool = False) -> tuple[Result, Path]:
    settings = config.load(project)
    out = project.parent / "site"
    paths = Paths(project, project / "content", project / "templates", out)
    with searching(False):  # (no test here looks at the search index)
        result = build_site(paths, settings, Selection(now=NOW), Options(jobs=1, cache=cache))
    return result, out


def colour_at(out: Path, url: str) -> str:
    """The colour a browser shows for the picture at `url` (the name in COLOURS)."""
    path = out / url.removeprefix(HOST).removeprefix("/sub/")
    with Image.open(path) as picture:
        pixel = picture.convert("RGB").getpixel((picture.width // 2, picture.height // 2))
    assert isinstance(pixel, tuple)
    return min(
        COLOURS,
        key=lambda name: sum((a - b) ** 2 for a, b in zip(COLOURS[name], pixel, strict=True)),
    )


def urls_of(element: html.HtmlElement) -> list[str]:
    """Every URL an <img> or <source> makes a browser load: src and each srcset entry."""
    found = [element.get("src")] if element.get("src") else []
    srcset = element.get("srcset") or ""
    return found + [entry.split()[0] for entry in srcset.split(",") if entry.strip()]


def assert_each_picture_shows_its_own_colour(out: Path, page_path: str) -> int:
    page = html.fromstring((out / page_path).read_bytes())
    checked = 0
    for picture in page.xpath("//div[@class='body']//picture"):
        alt = picture.xpath(".//img/@alt")[0]
        for element in picture.xpath(".//img | .//source"):
            for url in urls_of(element):
                assert colour_at(out, url) == alt, (url, alt)
                checked += 1
    return checked


def test_pictures_with_clashing_names_each_show_their_own_picture(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    plain(folder / "lead.jpg", "yellow", (1200, 675))
    plain(folder / "photo.jpg", "red")
    plain(folder / "photo.png", "green")
    plain(folder / "photo-480w.jpg", "blue", (600, 400))
    plain(folder / "lead-16x9.jpg", "cyan", (600, 400))
    write_article(
        project,
        "2025/06/story.md",
        FRONT.format(title="Clash") + "\nimage:\n  src: lead.jpg\n  alt: yellow",
        CLASHING_BODY,
    )
    result, out = build(project)
    assert result.ok, result.diagnostics
    assert assert_each_picture_shows_its_own_colour(out, "2025/06/25/story/index.html") == 20
    page = html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
    lead = page.xpath("//figure[@class='lead-image']//img")[0]
    assert all(colour_at(out, url) == "yellow" for url in urls_of(lead))
    og_image = page.xpath("//meta[@property='og:image']/@content")[0]
    data = json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)
    assert len(data["image"]) == 3
    for url in [og_image, *data["image"]]:
        assert colour_at(out, url) == "yellow", url
    # the editor's own files are at their own addresses, as they gave them
    for name, colour in (("photo-480w.jpg", "blue"), ("lead-16x9.jpg", "cyan")):
        assert colour_at(out, f"/sub/media/2025/06/{name}") == colour


def test_a_picture_added_later_under_a_made_copys_old_name_keeps_both(tmp_path: Path) -> None:
    """An incremental build: the second picture arrives after the first is published."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    plain(folder / "photo.jpg", "red")
    write_article(project, "2025/06/first.md", FRONT.format(title="First"), "![red](photo.jpg)\n")
    result, out = build(project, cache=True)
    assert result.ok, result.diagnostics
    plain(folder / "photo.png", "green")
    plain(folder / "photo-480w.jpg", "blue", (600, 400))
    write_article(
        project,
        "2025/06/second.md",
        FRONT.format(title="Second"),
        "![green](photo.png)\n\n![blue](photo-480w.jpg)\n",
    )
    result, out = build(project, cache=True)
    assert result.ok, result.diagnostics
    assert assert_each_picture_shows_its_own_colour(out, "2025/06/25/first/index.html") == 5
    assert assert_each_picture_shows_its_own_colour(out, "2025/06/25/second/index.html") == 10


def test_an_authors_photo_and_a_story_picture_of_one_path_each_show_their_own(
    tmp_path: Path,
) -> None:
    """authors.yaml's photos/desk.png (beside it) and content/photos/desk.png are two files."""
    project = make_project(tmp_path / "p")
    plain(project / "photos/desk.png", "blue")
    (project / "authors.yaml").write_text("Desk:\n  image: photos/desk.png\n", encoding="utf-8")
    plain(project / "content/photos/desk.png", "red")
    write_article(
        project, "2025/06/story.md", FRONT.format(title="Desk"), "![red](../../photos/desk.png)\n"
    )
    result, out = build(project)
    assert result.ok, result.diagnostics
    assert assert_each_picture_shows_its_own_colour(out, "2025/06/25/story/index.html") == 5
    author = html.fromstring((out / "authors/desk/index.html").read_bytes())
    [photo] = author.xpath("//img[@class='author-photo']")
    assert all(colour_at(out, url) == "blue" for url in urls_of(photo))
    [webp] = author.xpath("//source[contains(@srcset, 'portraits')]")
    assert all(colour_at(out, url) == "blue" for url in urls_of(webp))
    data = json.loads(
        html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
        .xpath("//script[@type='application/ld+json']")[0]
        .text
    )
    assert colour_at(out, data["author"][0]["image"]) == "blue"
