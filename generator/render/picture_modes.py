"""A picture's pixels in the mode its copies are made from (render/images.py encodes
them): transparency kept whatever the PNG's mode (tester4 F27, prober5 P28), 16-bit grey
scaled to 8 bits (tester4 F28), and a transparent PNG-8's copies kept on a palette of its
own size (prober5 P51).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image as PILImage

_SIXTEEN_BITS = ("I;16", "I;16B", "I;16L", "I;16N", "I")  # how Pillow opens a 16-bit grey PNG


def displayable(image: PILImage.Image) -> PILImage.Image:
    """`image` in a mode every copy can be resized and encoded from without losing what
    a reader sees: a palette, grey, 1-bit (line art, a scanned signature) or RGB picture
    with transparency (a PNG's tRNS chunk: PNG-8 from pngquant or "Save for Web") becomes
    RGBA (LA for grey and 1-bit), so the resized
    copies and the WebP keep their transparent pixels; a 16-bit grey picture (0..65535)
    is scaled to 8-bit grey (0..255), not clipped to white."""
    if image.mode in _SIXTEEN_BITS:
        wide = image.convert("I")
        eight = wide.point(lambda value: value * (1 / 257)).convert("L")
        eight.info = {k: v for k, v in image.info.items() if k != "transparency"}
        key = image.info.get("transparency")
        if isinstance(key, int):  # the grey value shown transparent: its own alpha
            from PIL import ImageChops

            above = wide.point(lambda value: value - key).convert("L")  # clipped at 0
            below = wide.point(lambda value: key - value).convert("L")
            alpha = ImageChops.lighter(above, below).point(lambda v: 255 if v else 0)
            eight = eight.convert("LA")
            eight.putalpha(alpha)
        return eight
    if "transparency" in image.info and image.mode in ("1", "P", "L", "RGB"):
        return image.convert("RGBA" if image.mode in ("P", "RGB") else "LA")
    return image


def palette_size(image: PILImage.Image) -> int:
    """The colours a transparent palette picture (PNG-8) uses, 0 for any other picture:
    its copies are resized by averaging (no Lanczos ringing), its PNG copies made palette
    pictures of as many colours again (palette_copy) and its WebP copies lossless WebP of
    those colours: each smaller than the original, transparency kept."""
    if image.mode != "P" or "transparency" not in image.info:
        return 0
    return max(2, len(image.getcolors(256) or ()))


def palette_copy(
    image: PILImage.Image, size: tuple[int, int], format: str, colours: int
) -> tuple[PILImage.Image, dict[str, object]]:
    """The copy of `size` (width, height in pixels) in `format` (PNG or WEBP: a PNG's
    copies) of `image`, RGBA made by `displayable` from a transparent palette picture
    (PNG-8) of `colours` colours (`palette_size`), and the options it is saved with; the
    one path of such a picture's copies, each smaller than the original (prober5 P51).

    Resized by averaging (BOX): Lanczos' ringing at the edges of its flat colours is noise
    that a palette of a few colours keeps and compresses badly. Then put on a palette of
    at most `colours` colours again, each with its own transparency (a PNG's tRNS), so its
    transparent pixels stay so: saved as a PNG-8, or as a lossless WebP of those colours."""
    from PIL import Image as PILImage

    if image.size != size:
        image = image.resize(size, PILImage.Resampling.BOX)
    fast, plain = PILImage.Quantize.FASTOCTREE, PILImage.Dither.NONE
    on_palette = image.quantize(colours, method=fast, dither=plain)
    if format == "WEBP":
        return on_palette.convert("RGBA"), {"lossless": True, "method": 4}
    return on_palette, {"optimize": format == "PNG"}
