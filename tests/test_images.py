"""Pictures are checked and published properly (issue 13): real files made with Pillow.

A photo from a phone (2400x1600, turned by its EXIF orientation, with GPS), a PNG with
transparency and files that only pretend to be images go through a real build; what a
reader's browser would load is read back with Pillow and lxml.
"""

from __future__ import annotations

import io
import json
import shutil
import warnings
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from conftest import make_project, run_here, run_newsdigest, searching, tiny_png, write_article
from lxml import html
from PIL import Image

from generator import config
from generator.commands.build import Options, Paths, Result, Selection, build_site
from generator.render import images

NOW = datetime(2026, 1, 1, tzinfo=UTC)
FRONT = """title: {title}
date: 2025-06-25T10:00:00+00:00
country: India
credits:
  author: Desk
  image: Test Desk
tags: [Notes]"""
GPS_TAG = 0x8825
ORIENTATION = 0x0112


def phone_photo(path: Path) -> None:
    """A 2400x1600 JPEG stored sideways (EXIF orientation 6: shown 1600x2400) with GPS."""
    image = Image.new("RGB", (2400, 1600), (30, 90, 160))
    for x in range(0, 2400, 200):  # some detail, so the encoder has work to do
        image.paste((200, 160 + x % 80, 40), (x, 0, x + 100, 1600))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[GPS_TAG] = {1: "N", 2: (12.0, 58.0, 11.0), 3: "E", 4: (77.0, 35.0, 40.0)}
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=88, exif=exif.tobytes())


def wide_photo(path: Path, size: tuple[int, int] = (2400, 1600)) -> None:
    image = Image.new("RGB", size, (240, 240, 240))
    image.paste((200, 0, 0), (0, 0, size[0] // 4, size[1]))  # a red band on the left
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=90)


def transparent_png(path: Path) -> None:
    image = Image.new("RGBA", (900, 600), (0, 0, 0, 0))
    image.paste((0, 128, 0, 255), (300, 200, 600, 400))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG")


def build(project: Path, cache: bool = False) -> tuple[Result, Path]:
    settings = config.load(project)
    out = project.parent / "site"
    paths = Paths(project, project / "content", project / "templates", out)
    with searching(False):  # (no test here looks at the search index)
        result = build_site(paths, settings, Selection(now=NOW), Options(jobs=1, cache=cache))
    return result, out


def photo_story(root: Path) -> Path:
    project = make_project(root / "p")
    phone_photo(project / "content/2025/06/phone.jpg")
    transparent_png(project / "content/2025/06/logo.png")
    write_article(
        project,
        "2025/06/story.md",
        FRONT.format(title="Lead") + "\nimage:\n  src: phone.jpg\n  alt: A street\n"
        "  focus: 0.3,0.4",
        'Intro.\n\n![The logo](logo.png)\n\n<p><img src="phone.jpg" alt="again"></p>\n',
    )
    return project


Built = tuple[Result, Path]


ENCODED: dict[str, int] = {}  # files encoded by photo_site's build, without a cache


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The photo story built once, without a cache, for the tests that only read it (do
    not modify it); how many files its build encoded is ENCODED["photo_site"]."""
    before = images.encodes
    built = build(photo_story(tmp_path_factory.mktemp("photo")))
    ENCODED["photo_site"] = images.encodes - before
    return built


@pytest.fixture(scope="module")
def cached_photo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The photo story's first build with its cache, once (do not modify it): the folder
    holding the project (p) and its site, and how many files that build encoded."""
    project = photo_story(tmp_path_factory.mktemp("cached"))
    before = images.encodes
    result, _ = build(project, cache=True)
    assert result.ok
    return project.parent, images.encodes - before


def after_first_build(cached_photo: tuple[Path, int], where: Path) -> Path:
    """A copy of `cached_photo`'s project and site in `where` (times kept, as copy2 keeps
    them): its next build is the project's second, with the first one's cache."""
    shutil.copytree(cached_photo[0], where, dirs_exist_ok=True, symlinks=True)
    return where / "p"


def published(out: Path, url: str) -> Path:
    return out / url.removeprefix("/sub/")


def test_every_img_states_its_real_shape_and_a_srcset_whose_files_exist(photo_site: Built) -> None:
    result, out = photo_site
    assert result.ok, result.diagnostics
    checked = 0
    for page in out.rglob("*.html"):
        tree = html.fromstring(page.read_bytes())
        for img in tree.iter("img"):
            src = img.get("src")
            if not src.startswith("/sub/media/"):
                continue
            served = Image.open(published(out, src))
            width, height = int(img.get("width")), int(img.get("height"))
            assert abs(width / height - served.width / served.height) < 0.01, (page, src)
            for candidate in img.get("srcset").split(","):
                url, stated = candidate.split()
                with Image.open(published(out, url)) as variant:
                    assert variant.width == int(stated.removesuffix("w"))
            assert img.get("decoding") == "async"
            checked += 1
        for source in tree.iter("source"):
            for candidate in source.get("srcset").split(","):
                url, stated = candidate.split()
                with Image.open(published(out, url)) as variant:
                    assert variant.format == "WEBP"
                    assert variant.width == int(stated.removesuffix("w"))
    assert checked >= 3


def test_a_phone_photo_is_turned_upright_and_published_without_gps(photo_site: Built) -> None:
    result, out = photo_site
    assert result.ok, result.diagnostics
    page = html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
    lead = page.xpath("//figure[@class='lead-image']//img")[0]
    assert (lead.get("width"), lead.get("height")) == ("1600", "2400")  # shown upright
    assert lead.get("loading") is None  # the first thing a reader sees is not lazy
    body_images = page.xpath("//div[@class='body']//img")
    assert body_images and all(img.get("loading") == "lazy" for img in body_images)
    widths = sorted(int(c.split()[1][:-1]) for c in lead.get("srcset").split(","))
    assert widths == [480, 800, 1200, 1600]
    for file in (out / "media/2025/06").iterdir():
        data = file.read_bytes()
        with Image.open(io.BytesIO(data)) as served:
            exif = served.getexif()
            assert GPS_TAG not in exif and ORIENTATION not in exif, file.name
            assert (
                served.height >= served.width
                or file.name.startswith("phone-")
                and ("x" in file.name.split("-")[1])
                or file.name.startswith("logo")
            ), file.name
        assert b"GPS" not in data


def test_the_widest_variant_keeps_the_original_quality(photo_site: Built) -> None:
    result, out = photo_site
    assert result.ok
    widest = images.probe(out / "media/2025/06/phone.jpg", 10**9)
    small = images.probe(out / "media-sizes/2025/06/phone.jpg/480w.jpg", 10**9)
    assert not isinstance(widest, str) and not isinstance(small, str)
    assert abs(widest.quality - 88) <= 1
    assert small.quality <= images.SMALL_QUALITY + 1


def test_a_transparent_png_stays_transparent_in_png_and_webp(photo_site: Built) -> None:
    result, out = photo_site
    assert result.ok
    made = "media-sizes/2025/06/logo.png/"
    for name in (
        "media/2025/06/logo.png",
        *(made + n for n in ("480w.png", "800w.webp", "480w.webp")),
    ):
        with Image.open(out / name) as served:
            assert served.mode == "RGBA", name
            assert served.getpixel((0, 0))[3] == 0, name


def test_crops_for_search_engines_have_their_ratios_and_follow_the_focus(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    wide_photo(project / "content/2025/06/wide.jpg")
    write_article(
        project,
        "2025/06/story.md",
        FRONT.format(title="Wide") + "\nimage:\n  src: wide.jpg\n  alt: A wall\n  focus: 0.1,0.5",
    )
    result, out = build(project)
    assert result.ok, result.diagnostics
    page = html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
    data = json.loads(page.xpath("//script[@type='application/ld+json']")[0].text)
    assert len(data["image"]) == 3
    ratios = []
    for url in data["image"]:
        with Image.open(published(out, url.removeprefix("http://127.0.0.1:8000"))) as crop:
            assert crop.width >= 1200
            ratios.append(round(crop.width / crop.height, 3))
            # focus at the left edge: the crop keeps the red band on its left
            assert crop.getpixel((10, crop.height // 2))[0] > 150
            assert crop.getpixel((10, crop.height // 2))[1] < 60
    assert ratios == [round(16 / 9, 3), round(4 / 3, 3), 1.0]
    og = page.xpath("//meta[@property='og:image']/@content")[0]
    assert og == data["image"][0]
    assert page.xpath("//meta[@property='og:image:width']/@content") == ["1200"]
    assert page.xpath("//meta[@property='og:image:height']/@content") == ["675"]


def test_files_that_only_pretend_to_be_images_are_errors_on_their_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    (folder / "notes.jpg").write_text("meeting notes, not a photo", encoding="utf-8")
    (folder / "report.docx").write_bytes(b"PK\x03\x04 a word document")
    wide_photo(folder / "whole.jpg")
    (folder / "cut.jpg").write_bytes((folder / "whole.jpg").read_bytes()[:3000])
    write_article(
        project, "2025/06/a.md", FRONT.format(title="A") + "\nimage:\n  src: notes.jpg\n  alt: x"
    )
    write_article(
        project, "2025/06/b.md", FRONT.format(title="B") + "\nimage:\n  src: report.docx\n  alt: x"
    )
    write_article(project, "2025/06/c.md", FRONT.format(title="C"), "Text.\n\n![cut](cut.jpg)\n")
    # a copy cut short after the picture's first bytes: too short for Pillow to say its kind
    (folder / "stub.jpg").write_bytes((folder / "whole.jpg").read_bytes()[:4])
    (folder / "stub.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for name, picture in (("d", "stub.jpg"), ("e", "stub.png")):
        image = f"\nimage:\n  src: {picture}\n  alt: x"
        write_article(project, f"2025/06/{name}.md", FRONT.format(title=name.upper()) + image)
    result, out = build(project)
    assert not result.ok and not out.exists()
    found = {(d.path, d.line): d for d in result.diagnostics if d.severity == "error"}
    assert "not an image" in found[("2025/06/a.md", 10)].message
    assert "not an image" in found[("2025/06/b.md", 10)].message
    assert "cut short" in found[("2025/06/c.md", 12)].message
    for name, kind, size in (("d", "JPEG", 4), ("e", "PNG", 8)):
        stub = found[(f"2025/06/{name}.md", 10)]
        assert f"is damaged or cut short (it begins as a {kind} picture but is {size} bytes)" in (
            stub.message
        )
        assert stub.hint.startswith("export the picture again")


def test_an_image_over_the_size_limit_names_the_setting(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", "max_image_size = 20000\n")
    wide_photo(project / "content/2025/06/big.jpg")
    (project / "content/2025/06/big.jpg").write_bytes(
        (project / "content/2025/06/big.jpg").read_bytes() + b"\0" * 30000
    )
    write_article(
        project, "2025/06/a.md", FRONT.format(title="A") + "\nimage:\n  src: big.jpg\n  alt: x"
    )
    result, _ = build(project)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert errors and "max_image_size" in errors[0].message and errors[0].line == 10
    size = (project / "content/2025/06/big.jpg").stat().st_size
    assert errors[0].message.endswith(
        f"is {size / 1000:.1f} kB, over the max_image_size setting (20,000 bytes, 20.0 kB)"
    ), errors[0].message  # not '0.0 MB' for a limit given in bytes


def test_the_size_limit_changed_between_two_builds_in_one_process_is_obeyed(
    tmp_path: Path,
) -> None:
    """The preview (`newsdigest serve`) builds again in its own process after the settings
    change: a picture under the old max_image_size but over the new one is refused, and
    one refused before is published once the limit is raised."""
    project = make_project(tmp_path / "p")
    photo = project / "content/2025/06/big.jpg"
    wide_photo(photo, (1200, 800))  # wide enough for a lead image; its bytes make it big
    photo.write_bytes(photo.read_bytes() + b"\0" * 30000)
    write_article(
        project, "2025/06/a.md", FRONT.format(title="A") + "\nimage:\n  src: big.jpg\n  alt: x"
    )
    assert build(project)[0].ok
    settings = project / "pyproject.toml"
    generous = settings.read_text(encoding="utf-8")
    settings.write_text(generous + "max_image_size = 20000\n", encoding="utf-8")
    result, _ = build(project)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert errors and "max_image_size" in errors[0].message and errors[0].line == 10
    settings.write_text(generous, encoding="utf-8")
    assert build(project)[0].ok


def test_a_narrow_lead_image_and_a_bad_focus_are_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    wide_photo(project / "content/2025/06/small.jpg", (800, 450))
    write_article(
        project, "2025/06/a.md", FRONT.format(title="A") + "\nimage:\n  src: small.jpg\n  alt: x"
    )
    write_article(
        project,
        "2025/06/b.md",
        FRONT.format(title="B") + "\nimage:\n  src: small.jpg\n  alt: x\n  focus: left",
    )
    result, _ = build(project)
    narrow = [d for d in result.diagnostics if d.severity == "warning" and "1200" in d.message]
    assert [(d.path, d.line) for d in narrow] == [("2025/06/a.md", 10), ("2025/06/b.md", 10)]
    bad = [d for d in result.diagnostics if d.severity == "error"]
    assert [(d.path, d.line) for d in bad] == [("2025/06/b.md", 12)]
    assert "focus" in bad[0].message


def test_a_remote_image_is_left_alone_with_the_size_front_matter_gives(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(
        project,
        "2025/06/a.md",
        FRONT.format(title="A") + "\nimage:\n  src: https://images.example.org/a.jpg\n  alt: x\n"
        "  width: 1600\n  height: 900",
    )
    result, out = build(project)
    assert result.ok, result.diagnostics
    page = html.fromstring((out / "2025/06/25/a/index.html").read_bytes())
    lead = page.xpath("//figure[@class='lead-image']//img")[0]
    assert lead.get("src") == "https://images.example.org/a.jpg"
    assert (lead.get("width"), lead.get("height")) == ("1600", "900")
    assert lead.get("srcset") is None


def test_a_rebuild_with_the_same_images_encodes_nothing(
    cached_photo: tuple[Path, int], tmp_path: Path
) -> None:
    project, first = after_first_build(cached_photo, tmp_path), cached_photo[1]
    assert first > 0
    cached = sorted((project / ".newsdigest-cache/images").rglob("*"))
    stamps = {p: p.stat().st_mtime_ns for p in cached if p.is_file()}
    assert len(stamps) == first
    # a new story (no new image) makes the site change; the pictures are reused
    before = images.encodes
    write_article(project, "2025/06/more.md", FRONT.format(title="More"), "![The logo](logo.png)\n")
    result, out = build(project, cache=True)
    assert result.ok
    assert images.encodes - before == 0
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_a_cache_folder_that_cannot_be_written_still_encodes_each_picture_once(
    photo_site: Built, tmp_path: Path
) -> None:
    """--cache-dir naming a file: the build runs without the folder, keeping the encoded
    pictures in memory, instead of encoding them again for every page and feed (30 s for
    the sample newsroom instead of 4)."""
    project = photo_story(tmp_path)
    in_place = tmp_path / "not-a-folder"
    in_place.write_text("a file where the cache folder should be\n")
    assert photo_site[0].ok
    once = ENCODED["photo_site"]  # the same story without a cache: pictures kept in memory
    before = images.encodes
    settings = config.load(project)
    out = tmp_path / "site-2"
    paths = Paths(project, project / "content", project / "templates", out)
    result = build_site(paths, settings, Selection(now=NOW), Options(jobs=1, cache_dir=in_place))
    assert result.ok, result.diagnostics
    assert images.encodes - before == once
    assert (out / "2025/06/25/story/index.html").is_file()


def test_feeds_carry_the_published_image_and_absolute_srcsets(photo_site: Built) -> None:
    result, out = photo_site
    assert result.ok
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    entry = feed.entries[0]
    enclosure = entry.enclosures[0]
    assert int(enclosure["length"]) == (out / "media/2025/06/phone.jpg").stat().st_size
    content = html.fromstring(entry.content[0].value)
    for element in content.xpath("//img | //source"):
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                assert candidate.split()[0].startswith("http://127.0.0.1:8000/sub/media/")


def test_a_picture_replaced_under_the_same_name_is_measured_again(
    cached_photo: tuple[Path, int], tmp_path: Path
) -> None:
    project = after_first_build(cached_photo, tmp_path)
    wide_photo(project / "content/2025/06/phone.jpg", (1300, 1000))
    transparent_png(project / "content/2025/06/logo.png")  # same bytes: still reused
    result, out = build(project, cache=True)
    assert result.ok, result.diagnostics
    page = html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
    for img in page.xpath("//img[contains(@src, 'phone')]"):
        assert (img.get("width"), img.get("height")) == ("1300", "1000")
    with Image.open(out / "media/2025/06/phone.jpg") as served:
        assert served.size == (1300, 1000)


def test_a_picture_saved_again_while_the_build_runs_is_measured_again_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor saves a new version of the lead photo (another size) after the build has
    measured it: that build is of the old one, and the next build, with nothing else
    changed, is the clean build of the new photo (the cache never keeps the old size
    under the new file's time)."""
    project = photo_story(tmp_path)
    photo = project / "content/2025/06/phone.jpg"
    measure = images.probe

    def saved_meanwhile(path: Path, limit: int) -> object:
        found = measure(path, limit)
        if path == photo and not saved:
            saved.append(path)
            wide_photo(photo, (1300, 1000))
        return found

    saved: list[Path] = []
    monkeypatch.setattr(images, "probe", saved_meanwhile)
    assert build(project, cache=True)[0].ok
    monkeypatch.setattr(images, "probe", measure)
    result, out = build(project, cache=True)
    assert result.ok
    page = html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
    lead = page.xpath("//img[contains(@src, 'phone')]")[0]
    assert (lead.get("width"), lead.get("height")) == ("1300", "1000")


def test_a_picture_with_too_many_pixels_is_told_to_be_made_smaller(tmp_path: Path) -> None:
    """A 180-megapixel PNG (a scan saved at full size) is refused; the fix was "save the
    picture as JPEG, PNG or WebP", which it already is: it must say to make it smaller."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    Image.new("1", (13400, 13400)).save(folder / "scan.png")  # over Pillow's 179 million
    write_article(
        project, "2025/06/a.md", FRONT.format(title="A") + "\nimage:\n  src: scan.png\n  alt: x"
    )
    write_article(project, "2025/06/b.md", FRONT.format(title="B"), "Text.\n\n![s](scan.png)\n")
    result, _ = build(project)
    found = {(d.path, d.line): d for d in result.diagnostics if d.severity == "error"}
    for where in [("2025/06/a.md", 10), ("2025/06/b.md", 12)]:
        assert "too many pixels" in found[where].message
        assert "make the picture smaller" in found[where].hint
        assert "save the picture as JPEG, PNG or WebP" not in found[where].hint


def test_a_large_picture_within_the_limit_is_published_without_pillows_warning(
    tmp_path: Path,
) -> None:
    """A 96-megapixel picture (12000 x 8000, under the 179 million refused above) made
    Pillow print its DecompressionBombWarning, a Python source path and no file or line,
    before anything else `check` and `build` said: it is allowed, and nothing is said."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    Image.new("1", (12000, 8000)).save(folder / "huge.png")
    write_article(
        project, "2025/06/a.md", FRONT.format(title="A") + "\nimage:\n  src: huge.png\n  alt: x"
    )
    write_article(project, "2025/06/b.md", FRONT.format(title="B"), "Text.\n\n![h](huge.png)\n")
    checked = run_newsdigest("check", cwd=project)  # a process of its own: Python's warnings
    assert checked.returncode == 0, checked.stdout
    assert checked.stderr == "" and "huge" not in checked.stdout
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        result, out = build(project)
    assert result.ok and not [d for d in result.diagnostics if "huge" in d.message]
    assert [w for w in said if issubclass(w.category, Image.DecompressionBombWarning)] == []
    with Image.open(out / "media/2025/06/huge.png") as published:
        assert published.size == (1600, 1067)


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'
STORY_FRONT = FRONT.format(title="Charts") + "\nimage:\n  src: {}\n  alt: A chart"


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_an_svg_that_could_run_a_script_is_refused_on_the_line_naming_it(
    tmp_path: Path, engine: str
) -> None:
    """An SVG is published as it is, at the site's own address, where a browser opening it
    runs what it holds: one with a script, a handler, a javascript: link or a web page
    inside is an error on the line that names it, shown or linked, and nothing is built."""
    project = make_project(tmp_path / "p", f'markdown_engine = "{engine}"\n')
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    (folder / "lead.svg").write_text(SVG.format("<script>alert(document.cookie)</script>"))
    (folder / "chart.svg").write_text(SVG.format('<circle r="4" onclick="steal()"/>'))
    (folder / "map.svg").write_text(SVG.format("<foreignObject><p>x</p></foreignObject>"))
    link = '<a xmlns:x="http://www.w3.org/1999/xlink" x:href="javascript:alert(1)">go</a>'
    (folder / "logo.svg").write_text(SVG.format(link))
    (folder / "cut.svg").write_text(SVG.format("<g>")[:60])
    body = (
        "Text.\n\n![chart](chart.svg)\n\nSee [the map](map.svg).\n\n"
        '<img src="logo.svg" alt="Logo">\n\n![cut](cut.svg)\n'
    )
    write_article(project, "2025/06/story.md", STORY_FRONT.format("lead.svg"), body)
    site = tmp_path / "site"

    result = run_here("build", "--output", str(site), cwd=project)

    said = result.stderr
    assert result.returncode == 1
    for line, name, what in [
        (10, "image.src: content/2025/06/lead.svg", "a script (<script>)"),
        (15, "image 'chart.svg': content/2025/06/chart.svg", "a script (an onclick= handler"),
        (17, "link 'map.svg': content/2025/06/map.svg", "a <foreignObject>"),
        (19, "image 'logo.svg': content/2025/06/logo.svg", "a script (a javascript: address)"),
    ]:
        said_here = f"content/2025/06/story.md:{line}: error: {name} is an SVG picture that "
        assert said_here + f"contains {what}" in said, said
    assert "which a browser would run on the site's own address" in said
    assert "fix: export the picture again without scripts" in said and "save it as PNG" in said
    assert (
        "content/2025/06/story.md:21: error: image 'cut.svg': content/2025/06/cut.svg is an "
        in (said)
    )
    assert "cannot be read: its text is damaged" in said
    assert not site.exists()


def test_a_plain_svg_lead_image_is_published_but_not_offered_as_a_preview(tmp_path: Path) -> None:
    """A plain SVG (an Illustrator export, entities and all) is published as it is; social
    networks show no SVG preview, so the page names none and the editor is told why."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    chart = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n'
        '<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n'
        '<svg xmlns="&ns_svg;" viewBox="0 0 10 10"><a href="https://x.org/"><rect width="5" '
        'height="5" style="fill:red"/></a></svg>\n'
    )
    (folder / "chart.svg").write_text(chart)
    write_article(project, "2025/06/story.md", STORY_FRONT.format("chart.svg"), "Text.\n")
    site = tmp_path / "site"

    result = run_here("build", "--output", str(site), cwd=project)

    assert result.returncode == 0, result.stderr
    assert (
        "content/2025/06/story.md:10: warning: image.src is an SVG picture, which Facebook, X "
        "and LinkedIn do not show in previews"
    ) in result.stderr
    assert (site / "media/2025/06/chart.svg").read_text() == chart
    page = html.parse(str(site / "2025/06/25/story/index.html"))
    assert not page.xpath("//meta[@property='og:image' or @name='twitter:image']")
    assert page.xpath("//img[contains(@src, 'media/2025/06/chart.svg')]")


def _saved(path: Path, kind: str) -> None:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 120, 60)).save(out, kind)
    path.write_bytes(out.getvalue())


def test_a_picture_whose_name_hides_its_kind_is_an_error_naming_the_right_name(
    tmp_path: Path,
) -> None:
    """A PNG named .jpg would be published as PNG data in files named .jpg (its crops and
    widths too): the editor's file name must tell the truth, so the error names the file
    and the name to give it, for a lead image, a body image and an author-less HTML one."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    _saved(folder / "lead.jpg", "PNG")
    _saved(folder / "photo.png", "WEBP")
    _saved(folder / "scan.png", "JPEG")
    _saved(folder / "anim.jpg", "GIF")
    _saved(folder / "right.jpeg", "JPEG")
    body = (
        'Text.\n\n![photo](photo.png)\n\n<img src="scan.png" alt="Scan">\n\n'
        "![anim](anim.jpg) ![right](right.jpeg)\n"
    )
    write_article(project, "2025/06/story.md", STORY_FRONT.format("lead.jpg"), body)
    site = tmp_path / "site"

    result = run_here("build", "--output", str(site), cwd=project)

    said = result.stderr
    assert result.returncode == 1
    for line, name, kind, right in [
        (10, "image.src: content/2025/06/lead.jpg", "PNG", "lead.png"),
        (15, "image 'photo.png': content/2025/06/photo.png", "WebP", "photo.webp"),
        (17, "image 'scan.png': content/2025/06/scan.png", "JPEG", "scan.jpg"),
        (19, "image 'anim.jpg': content/2025/06/anim.jpg", "GIF", "anim.gif"),
    ]:
        suffix = name.rpartition(".")[2]
        assert (
            f"content/2025/06/story.md:{line}: error: {name} is a {kind} picture, but its name "
            f"ends in .{suffix}"
        ) in said, said
        assert f"fix: rename the file to {right}, then point " in said
    assert "right.jpeg" not in said
    assert not site.exists()


def test_alt_text_that_says_nothing_is_a_warning_on_its_line(tmp_path: Path) -> None:
    """`alt: real.png`, `![image](x.png)`, alt="photo" (tester 2, L12): a screen reader
    would read out a file's name or the word 'image'; each is a warning on its line, and
    a description or alt="" (a decoration) is not."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    for name in ("real.png", "x.png", "IMG_2041.png", "good.png"):
        (folder / name).write_bytes(tiny_png())
    write_article(
        project,
        "2025/06/story.md",
        "title: Pictures\ndate: 2025-06-01T10:00:00+00:00\ncountry: India\n"
        "credits:\n  author: Desk\nimage:\n  src: real.png\n  alt: real.png",
        "Intro.\n\n![image](x.png)\n\n![IMG_2041](IMG_2041.png)\n\n"
        '<img src="good.png" alt="Photo">\n\n![Boats on a flooded street](good.png)\n\n'
        "![](x.png)\n",
    )
    result = run_here("check", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    assert (
        "story.md:9: warning: image.alt 'real.png' says nothing about what the picture "
        "shows" in said
    ), said
    for line, alt, src in ((13, "image", "x.png"), (15, "IMG_2041", "IMG_2041.png")):
        assert (
            f"story.md:{line}: warning: the picture '{src}' has the alt text '{alt}', which "
            "says nothing about what it shows"
        ) in said, said
    assert "story.md:17: warning: the picture 'good.png' has the alt text 'Photo'" in said
    assert said.count("says nothing") == 4, said


def test_an_svg_that_loads_from_another_server_is_published_with_a_warning(
    tmp_path: Path,
) -> None:
    """An SVG whose stylesheet imports from another server, or whose <image> is on one
    (tester5 F9): opened on its own it calls that server (a tracking pixel on the
    newsroom's address). A warning on the line naming it, the outside address named, as
    the lead image and in the body; a plain SVG with a link out says nothing of it."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    style = '<style>@import url("https://evil.example/x.css");</style>'
    (folder / "styled.svg").write_text(SVG.format(style))
    pixel = '<image href="https://evil.example/track.png" width="1" height="1"/>'
    (folder / "pixel.svg").write_text(SVG.format(pixel))
    (folder / "plain.svg").write_text(
        SVG.format('<a href="https://x.org/"><rect width="5" height="5" style="fill:red"/></a>')
    )
    body = "Text.\n\n![pixel chart](pixel.svg)\n\n![plain chart](plain.svg)\n"
    write_article(project, "2025/06/story.md", STORY_FRONT.format("styled.svg"), body)

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    said = result.stderr
    assert result.returncode == 0, said
    assert (
        "content/2025/06/story.md:10: warning: image.src: content/2025/06/styled.svg is an "
        "SVG picture that loads https://evil.example/x.css from another server"
    ) in said
    assert (
        "content/2025/06/story.md:15: warning: image 'pixel.svg': content/2025/06/pixel.svg "
        "is an SVG picture that loads https://evil.example/track.png from another server"
    ) in said
    assert "fix: export the picture as plain SVG with its pictures and fonts embedded" in said
    assert "plain.svg" not in said and said.count("from another server") == 2
