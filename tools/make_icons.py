"""Draw the theme's PNG icons (the favicon.svg design) with Pillow: feeds need PNG.

RSS 2.0's channel <image> must be a GIF, JPEG or PNG at most 144 px wide; JSON Feed
asks for a 512 px `icon` and a 64 px `favicon`; Atom's <icon> is small and square.
Run once after changing the design, and commit the files:

    python tools/make_icons.py     # writes generator/theme/static/icon-{64,144,512}.png
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parent.parent / "generator" / "theme" / "static"
NAVY = (29, 53, 87, 255)  # #1d3557, as favicon.svg
# The letter N of favicon.svg, on its 32-unit grid.
LETTER = [(8, 23), (8, 9), (11, 9), (18, 18), (18, 9), (21, 9), (21, 23), (18, 23),
          (11, 14), (11, 23)]


def draw(size: int) -> Image.Image:
    """The icon at `size` px square, drawn at 4x and scaled down for smooth edges."""
    big = size * 4
    unit = big / 32
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(6 * unit), fill=NAVY)
    pen.polygon([(x * unit, y * unit) for x, y in LETTER], fill=(255, 255, 255, 255))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    for size in (64, 144, 512):
        draw(size).save(STATIC / f"icon-{size}.png", optimize=True)


if __name__ == "__main__":
    main()
