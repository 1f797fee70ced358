"""Pictures in the PNG modes tools write besides RGB/RGBA are published as the editor sees
them (tester4 F27, F28): a palette PNG with transparency (PNG-8 from pngquant, TinyPNG or
"Save for Web"), an RGB or grey PNG with a transparent colour key, and a 16-bit grey PNG
(scanners, microscopy). Real files made with Pillow go through a real build; every copy a
browser may load (the widest PNG, each width, each WebP, which <picture> prefers) is read
back with Pillow.
"""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, write_article
from lxml import html
from PIL import Image, ImageDraw
from test_images import FRONT, build


def copies(out: Path, name: str) -> list[Path]:
    """Every published copy of content/2025/06/NAME: the widest and the made ones."""
    made = sorted((out / "media-sizes/2025/06" / name).iterdir())
    assert any(p.suffix == ".webp" for p in made) and any(p.suffix == ".png" for p in made)
    return [out / "media/2025/06" / name, *made]


def shown(path: Path, at: tuple[float, float]) -> tuple[int, int, int, int]:
    """The RGBA a browser shows at the fractions `at` of the picture's width and height."""
    with Image.open(path) as picture:
        rgba = picture.convert("RGBA")
        x = min(int(at[0] * rgba.width), rgba.width - 1)
        return rgba.getpixel((x, int(at[1] * rgba.height)))  # type: ignore[return-value]


def near(colour: tuple[int, ...], expected: tuple[int, ...]) -> bool:
    """Whether two colours differ by at most 3 in each channel (the quantiser's and
    the WebP encoder's rounding)."""
    return all(abs(a - b) <= 3 for a, b in zip(colour, expected, strict=True))


def story_with(tmp_path: Path, *body: str) -> tuple[Path, Path]:
    """A project whose story shows the pictures named in `body` (made by the caller in
    the returned folder, content/2025/06/) and has the first as its lead image."""
    project = make_project(tmp_path / "p")
    folder = project / "content/2025/06"
    folder.mkdir(parents=True)
    front = FRONT.format(title="Modes") + f"\nimage:\n  src: {body[0]}\n  alt: The lead"
    text = "Intro.\n\n" + "".join(f"![Picture {n}]({name})\n\n" for n, name in enumerate(body))
    write_article(project, "2025/06/story.md", front, text)
    return project, folder


def webp_sources(out: Path) -> list[str]:
    page = html.fromstring((out / "2025/06/25/story/index.html").read_bytes())
    return [str(s) for s in page.xpath("//picture/source[@type='image/webp']/@srcset")]


def test_transparent_palette_and_colour_keyed_pngs_stay_transparent_in_every_copy(
    tmp_path: Path,
) -> None:
    project, folder = story_with(tmp_path, "palette.png", "keyed.png")
    disc = Image.new("RGBA", (1300, 800), (0, 0, 0, 0))
    ImageDraw.Draw(disc).ellipse((300, 100, 1000, 700), fill=(255, 0, 0, 255))
    disc.quantize(colors=4).save(folder / "palette.png")  # mode P with a tRNS chunk
    with Image.open(folder / "palette.png") as made:
        assert made.mode == "P" and "transparency" in made.info  # what pngquant writes
    keyed = Image.new("RGB", (900, 600), (255, 255, 255))
    keyed.paste((0, 0, 200), (300, 200, 600, 400))
    keyed.save(folder / "keyed.png", transparency=(255, 255, 255))  # white shown transparent
    result, out = build(project)
    assert result.ok
    for path in copies(out, "palette.png"):
        assert shown(path, (0.02, 0.02))[3] == 0, path  # the corner stays transparent
        assert near(shown(path, (0.5, 0.5)), (255, 0, 0, 255)), path
    for path in copies(out, "keyed.png"):
        assert shown(path, (0.05, 0.05))[3] == 0, path
        assert near(shown(path, (0.5, 0.5)), (0, 0, 200, 255)), path
    assert any("palette.png/" in s for s in webp_sources(out))


def test_a_1_bit_png_with_a_transparent_colour_stays_transparent_in_every_copy(
    tmp_path: Path,
) -> None:
    """Line art, a scanned signature, a logo saved in 1 bit with black shown transparent
    (prober5 P28), beside an opaque 1-bit picture, which stays opaque."""
    project, folder = story_with(tmp_path, "line.png", "plain1.png")
    line = Image.new("1", (900, 600), 0)
    ImageDraw.Draw(line).rectangle((300, 200, 600, 400), fill=1)
    line.save(folder / "line.png", transparency=0)  # black (the background) transparent
    with Image.open(folder / "line.png") as made:
        assert made.mode == "1" and made.info.get("transparency") == 0
    line.save(folder / "plain1.png")
    result, out = build(project)
    assert result.ok
    for path in copies(out, "line.png"):
        assert shown(path, (0.05, 0.05))[3] == 0, path  # not opaque black
        assert near(shown(path, (0.5, 0.5)), (255, 255, 255, 255)), path
    for path in copies(out, "plain1.png"):
        assert near(shown(path, (0.05, 0.05)), (0, 0, 0, 255)), path
        assert near(shown(path, (0.5, 0.5)), (255, 255, 255, 255)), path


def test_an_opaque_palette_png_stays_opaque(tmp_path: Path) -> None:
    project, folder = story_with(tmp_path, "flat.png")
    Image.new("RGB", (600, 400), (0, 120, 0)).quantize(colors=8).save(folder / "flat.png")
    result, out = build(project)
    assert result.ok
    for path in copies(out, "flat.png"):
        assert shown(path, (0.1, 0.1))[3] == 255, path
        assert near(shown(path, (0.5, 0.5)), (0, 120, 0, 255)), path


def test_a_16_bit_grey_png_is_scaled_to_8_bits_in_every_copy_not_clipped_to_white(
    tmp_path: Path,
) -> None:
    project, folder = story_with(tmp_path, "grey16.png", "keyed16.png")
    grey = Image.new("I;16", (1000, 100))  # a gradient, black to white, in 16 bits
    grey.putdata([x * 65535 // 999 for _ in range(100) for x in range(1000)])
    grey.save(folder / "grey16.png")
    keyed = Image.new("I;16", (600, 400))
    keyed.putdata([1000 if x < 100 else 40000 for _ in range(400) for x in range(600)])
    keyed.save(folder / "keyed16.png", transparency=1000)  # its left band transparent
    result, out = build(project)
    assert result.ok
    for path in copies(out, "grey16.png"):
        levels = [shown(path, (x, 0.5))[0] for x in (0.0, 0.25, 0.5, 0.75, 0.999)]
        assert levels[0] <= 3 and levels[-1] >= 252, (path, levels)  # black to white ...
        for value, expected in zip(levels[1:4], (64, 128, 191), strict=True):
            assert abs(value - expected) <= 6, (path, levels)  # ... scaled, not clipped
    for path in copies(out, "keyed16.png"):
        assert shown(path, (0.05, 0.5))[3] == 0, path
        assert near(shown(path, (0.6, 0.5)), (155, 155, 155, 255)), path  # 40000 / 257
    assert any("grey16.png/" in s for s in webp_sources(out))


def test_a_transparent_png_8s_copies_stay_palette_sized_and_transparent(tmp_path: Path) -> None:
    """A PNG-8 saved to save bytes (prober5 P51) is published as palette PNGs and lossless
    WebP: no copy is larger than the original, the widest shows the original's pixels,
    and the transparent and half-transparent pixels stay so in every copy."""
    project, folder = story_with(tmp_path, "tiny8.png")
    disc = Image.new("RGBA", (1300, 800), (0, 0, 0, 0))
    ImageDraw.Draw(disc).ellipse((300, 100, 1000, 700), fill=(255, 0, 0, 255))
    ImageDraw.Draw(disc).rectangle((620, 380, 680, 420), fill=(0, 0, 255, 128))
    disc.quantize(colors=4).save(folder / "tiny8.png")
    original = (folder / "tiny8.png").stat().st_size
    with Image.open(folder / "tiny8.png") as made:
        assert made.mode == "P" and "transparency" in made.info
        pixels = made.convert("RGBA").tobytes()
    result, out = build(project)
    assert result.ok
    for path in copies(out, "tiny8.png"):
        assert path.stat().st_size <= original, (path, path.stat().st_size, original)
        assert shown(path, (0.02, 0.02))[3] == 0, path
        assert near(shown(path, (0.5, 0.5)), (0, 0, 255, 128)), path
        assert near(shown(path, (0.5, 0.3)), shown(folder / "tiny8.png", (0.5, 0.3))), path
    with Image.open(out / "media/2025/06/tiny8.png") as widest:
        assert widest.mode == "P" and widest.convert("RGBA").tobytes() == pixels


def test_every_copy_of_a_picture_keeps_its_colour_profile(tmp_path: Path) -> None:
    """A photo with an ICC colour profile (a phone's Display P3, a camera's Adobe RGB) is
    shown in its colours only with the profile: the copy at the picture's own width
    emptied the picture's information, so each copy made after it (the widest WebP, the
    crops for the lead image) was published without it, its colours shifted."""
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    project, folder = story_with(tmp_path, "lead.jpg", "flat.png")
    photo = Image.new("RGB", (1300, 800), (200, 30, 30))
    ImageDraw.Draw(photo).ellipse((300, 100, 1000, 700), fill=(20, 90, 220))
    photo.save(folder / "lead.jpg", quality=90, icc_profile=profile)
    photo.save(folder / "flat.png", icc_profile=profile)
    result, out = build(project)
    assert result.ok
    made = [*(out / "media-sizes/2025/06/lead.jpg").iterdir(), out / "media/2025/06/lead.jpg"]
    made += copies(out, "flat.png")
    assert any(p.name.startswith("16x9") for p in made) and len(made) > 10, made
    for path in made:
        with Image.open(path) as copy:
            assert copy.info.get("icc_profile") == profile, path
