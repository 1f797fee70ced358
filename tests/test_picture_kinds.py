"""Pictures of kinds a browser does not show are refused; animations keep every frame;
a lead image too low for a social preview is told (the tester's report on pictures:
a TIFF lead image was published raw, an animated WebP lost its frames, a 30000 x 10 px
panorama gave an 18 x 10 px og:image). Real files made with Pillow, real builds.
"""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article
from lxml import html
from PIL import Image
from test_picture_addresses import FRONT, build, urls_of

from generator import config
from generator.config import ConfigError

FRAMES = ((220, 0, 0), (0, 170, 0), (0, 0, 220))


def animation(path: Path, size: tuple[int, int] = (300, 200)) -> None:
    """Three frames, red, green and blue, in the format the name says (GIF, APNG, WebP)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    red, *more = (Image.new("RGB", size, colour) for colour in FRAMES)
    red.save(path, save_all=True, append_images=more, duration=200, loop=0)


def frames_at(out: Path, url: str) -> list[tuple[int, ...]]:
    """The colour of each frame a browser plays from the picture at `url` (the nearest of
    FRAMES: WebP is saved lossy)."""
    path = out / url.removeprefix("http://127.0.0.1:8000").removeprefix("/sub/")
    found = []
    with Image.open(path) as picture:
        for frame in range(getattr(picture, "n_frames", 1)):
            picture.seek(frame)
            pixel = picture.convert("RGB").getpixel((5, 5))
            assert isinstance(pixel, tuple)
            found.append(
                min(FRAMES, key=lambda c: sum(abs(a - b) for a, b in zip(c, pixel, strict=True)))
            )
    return found


def test_a_picture_browsers_do_not_show_is_refused_on_its_line_with_the_fix(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    Image.new("RGB", (1600, 900), (90, 120, 150)).save(folder / "scan.tif")
    Image.new("RGB", (600, 400), (90, 120, 150)).save(folder / "chart.bmp")
    Image.new("RGB", (600, 400), (90, 120, 150)).save(folder / "map.png", "TIFF")
    Image.new("RGB", (600, 400), (90, 120, 150)).save(folder / "hero.avif")
    (project / "photos").mkdir()
    Image.new("RGB", (300, 300), (9, 9, 9)).save(project / "photos/desk.tif")
    (project / "authors.yaml").write_text("Desk:\n  image: photos/desk.tif\n", encoding="utf-8")
    write_article(
        project,
        "2025/06/story.md",
        FRONT.format(title="Scan") + "\nimage:\n  src: scan.tif\n  alt: A scan",
        'Intro.\n\n![A chart](chart.bmp)\n\n<p><img src="map.png" alt="A map"></p>\n\n'
        "![A hero](hero.avif)\n",
    )
    for command in (["check"], ["build", "--output", str(tmp_path / "site")]):
        result = run_here(*command, cwd=project)
        said = result.stdout + result.stderr
        assert result.returncode == 1, said
        for line, name, kind in (
            (9, "image.src: content/2025/06/scan.tif", "TIFF"),
            (14, "image 'chart.bmp': content/2025/06/chart.bmp", "BMP"),
            (16, "image 'map.png': content/2025/06/map.png", "TIFF"),
            (18, "image 'hero.avif': content/2025/06/hero.avif", "AVIF"),
        ):
            a = "an" if kind == "AVIF" else "a"
            expected = f"content/2025/06/story.md:{line}: error: {name} is {a} {kind} picture"
            assert expected in said, said
        assert "authors.yaml:2: error: 'Desk'.image 'photos/desk.tif' is a TIFF picture" in said
        assert said.count("which web browsers and social networks do not show") == 3
        assert "which social networks and older browsers do not show" in said  # AVIF
        assert said.count("save it as JPEG (a photo) or PNG") == 5
    assert not (tmp_path / "site").exists()


def test_a_phone_heic_and_a_remote_tiff_are_named_for_what_they_are(tmp_path: Path) -> None:
    """A HEIC (Pillow cannot open it) is refused by its name; an https:// picture is not
    fetched, so one named .tif is a warning (its server might send a JPEG)."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    (folder / "IMG_1234.HEIC").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    write_article(
        project,
        "2025/06/story.md",
        FRONT.format(title="Phone") + "\nimage:\n  src: https://example.org/a/scan.TIFF?x=1\n"
        "  alt: A scan",
        "Intro.\n\n![A phone photo](IMG_1234.HEIC)\n\n![A map](https://example.org/map.bmp)\n",
    )
    result = run_here("check", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    for expected in (
        "story.md:9: warning: image.src: 'https://example.org/a/scan.TIFF?x=1' is a TIFF "
        "picture (by its name), which web browsers and social networks do not show",
        "story.md:14: error: image 'IMG_1234.HEIC': content/2025/06/IMG_1234.HEIC is a HEIC "
        "picture (by its name), which web browsers",
        "story.md:16: warning: image 'https://example.org/map.bmp' is a BMP picture (by its "
        "name), which social networks do not show, and which is many times the size of a PNG",
    ):
        assert expected in said, said
    assert said.count("save it as JPEG") == 3


def test_a_logo_browsers_do_not_show_is_a_settings_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", 'logo = "brand.tif"\n')
    Image.new("RGB", (600, 60), (9, 9, 9)).save(project / "brand.tif")
    try:
        config.load(project)
    except ConfigError as problem:
        assert "is a TIFF picture, which web browsers" in str(problem)
        assert "save it as a PNG, JPEG, GIF or WebP file" in str(problem)
    else:
        raise AssertionError("a TIFF logo was taken")
    result = run_here("build", cwd=project)
    assert result.returncode == 2 and "brand.tif" in result.stderr


def test_animations_keep_every_frame_in_the_body_the_lead_image_and_og_image(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    for name in ("anim.gif", "anim.png", "anim.webp"):
        animation(folder / name)
    animation(project / "photos/desk.webp")  # an author's photo too
    (project / "authors.yaml").write_text("Desk:\n  image: photos/desk.webp\n", encoding="utf-8")
    body = "Intro.\n\n![gif](anim.gif)\n\n![apng](anim.png)\n\n![webp](anim.webp)\n"
    for name in ("anim.gif", "anim.png", "anim.webp"):
        lead = f"\nimage:\n  src: {name}\n  alt: moving"
        slug = name.replace(".", "-")
        write_article(project, f"2025/06/{slug}.md", FRONT.format(title=name) + lead, body)
    result, out = build(project)
    assert result.ok, result.diagnostics
    for name in ("anim.gif", "anim.png", "anim.webp"):
        page = html.fromstring(
            (out / f"2025/06/25/{name.replace('.', '-')}/index.html").read_bytes()
        )
        shown = page.xpath("//figure[@class='lead-image']//img | //div[@class='body']//img")
        assert len(shown) == 4
        urls = [url for img in shown for url in urls_of(img)]
        urls += page.xpath("//meta[@property='og:image']/@content")
        assert len(urls) == 5 and not page.xpath("//source")  # no one-frame WebP copy offered
        assert all(frames_at(out, url) == list(FRAMES) for url in urls), urls
        assert page.xpath("//meta[@property='og:image:width']/@content") == ["300"]
    author = html.fromstring((out / "authors/desk/index.html").read_bytes())
    [photo] = author.xpath("//img[@class='author-photo']")
    assert urls_of(photo) == ["/sub/portraits/photos/desk.webp"]
    assert frames_at(out, urls_of(photo)[0]) == list(FRAMES)


def test_a_lead_image_too_low_or_too_small_for_a_social_preview_is_a_warning_with_the_limits(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    Image.new("RGB", (30000, 10), (90, 120, 150)).save(folder / "wide.jpg")
    Image.new("RGB", (1600, 500), (90, 120, 150)).save(folder / "banner.jpg")
    Image.new("RGB", (10, 3000), (90, 120, 150)).save(folder / "tall.jpg")
    animation(folder / "badge.gif", (150, 150))
    for name in ("wide.jpg", "banner.jpg", "tall.jpg", "badge.gif"):
        write_article(
            project,
            f"2025/06/{name[:-4]}.md",
            FRONT.format(title=name) + f"\nimage:\n  src: {name}\n  alt: A view",
        )
    result = run_here("check", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    for name, what in (
        (
            "wide",
            "image.src is 30000 x 10 px, too low for its shape: the 16:9 part of it shown "
            "when the story is shared (og:image) is only 18 x 10 px, too small for any preview",
        ),
        ("banner", "image.src is 1600 x 500 px, too low for its shape"),
        ("tall", "image.src is 10 px wide, narrower than 1200 px, too small for any preview"),
        ("badge", "image.src is 150 x 150 px, too small for any preview when shared"),
    ):
        assert f"content/2025/06/{name}.md:9: warning: {what}" in said, said
    assert "only 889 x 500 px\n" in said
    assert said.count("Facebook none under 200 x 200 px") == 4
    assert "at least 675 px high" in said


def test_a_cameras_jpeg_with_a_second_picture_is_published_like_any_jpeg(tmp_path: Path) -> None:
    """An MPO (a JPEG holding a second, 3D or preview, picture) was published byte for byte,
    its GPS position with it; it is a JPEG: published in widths, without its EXIF."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (12.0, 58.0, 11.0), 3: "E", 4: (77.0, 35.0, 40.0)}
    first, second = (Image.new("RGB", (640, 400), colour) for colour in FRAMES[:2])
    first.save(folder / "camera.jpg", "MPO", save_all=True, append_images=[second], exif=exif)
    write_article(project, "2025/06/story.md", FRONT.format(title="3D"), "![red](camera.jpg)\n")
    result, out = build(project)
    assert result.ok, result.diagnostics
    page = html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
    [img] = page.xpath("//div[@class='body']//img")
    urls = urls_of(img) + urls_of(page.xpath("//div[@class='body']//source")[0])
    assert len(urls) == 5
    for url in urls:
        assert frames_at(out, url) == [FRAMES[0]]
        with Image.open(out / url.removeprefix("/sub/")) as served:
            assert 0x8825 not in served.getexif()


def test_a_still_picture_replaced_by_an_animation_is_published_whole_next_build(
    tmp_path: Path,
) -> None:
    """An incremental build: the same name, now three frames, in the body and as lead."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    Image.new("RGB", (300, 200), FRAMES[0]).save(folder / "moving.webp")
    lead = "\nimage:\n  src: moving.webp\n  alt: moving"
    write_article(
        project, "2025/06/story.md", FRONT.format(title="M") + lead, "![x](moving.webp)\n"
    )
    result, out = build(project, cache=True)
    assert result.ok, result.diagnostics
    animation(folder / "moving.webp")
    result, out = build(project, cache=True)
    assert result.ok, result.diagnostics
    page = html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
    urls = [url for img in page.xpath("//img") for url in urls_of(img)]
    urls += page.xpath("//meta[@property='og:image']/@content")
    assert len(urls) == 3 and not page.xpath("//source"), urls
    assert all(frames_at(out, url) == list(FRAMES) for url in urls)
