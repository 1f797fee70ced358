"""The lead image field (`image:` with src, alt, caption, focus, width, height).

A picture in content/ is checked with Pillow (render.images.probe) and its real size
used; a remote one (https://) may give its width and height.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.load.checker import Checker
from generator.load.content import Document, Mapping
from generator.load.files import resolve_local
from generator.load.meant import address_meant, missing_file_hint
from generator.load.measure import crop_sizes, probe, probe_fix, remote_kind
from generator.load.svg import outside_warning
from generator.model import Image, Picture

KNOWN_IMAGE = ("src", "alt", "caption", "width", "height", "focus")
LEAD_MIN_WIDTH = 1200  # px: large previews in Google Discover and social cards
PREVIEW_MIN = 200  # px: Facebook shows no og:image smaller than 200 x 200


def image_field(
    check: Checker, front: Mapping, doc: Document, content_dir: Path, max_image_size: int
) -> Image | None:
    fields = check.mapping(front, "image", "image")
    if fields is None:
        return None
    check.unknown(fields, KNOWN_IMAGE, "image.")
    src = check.text(fields, "src", "image.src", required=True)
    alt = check.text(fields, "alt", "image.alt")
    caption = check.text(fields, "caption", "image.caption")
    for key, value in (("alt", alt), ("caption", caption)):
        check.plain(fields, key, f"image.{key}", value)
    focus = _focus(check, fields)
    _alt_required(check, front, fields, alt, src)
    if not src:
        return None
    resolved = resolve_local(src, doc.source, content_dir)
    if _insecure(check, fields, src) or _queried(check, fields, src, doc.source, content_dir):
        return None
    mistyped = address_meant(src, "image.src") if isinstance(resolved, str) else None
    if mistyped is not None:  # `//cdn...`, `https:/...`, `C:\...`, `ftp:`, `data:`
        check.error(fields.line_of("src"), *mistyped)
        return None
    if isinstance(resolved, str):
        if not src.lower().startswith("https://"):
            check.error(
                fields.line_of("src"),
                f"image.src: {resolved}",
                missing_file_hint(src, doc.source, content_dir, "image file"),
            )
            return None
        _remote_kind(check, fields, src)
        width, height = _pixels(check, fields, "width"), _pixels(check, fields, "height")
        return Image(src=src, alt=alt, caption=caption, width=width, height=height, focus=focus)
    for key in ("width", "height"):
        if key in fields:
            check.warn(
                fields.line_of(key),
                f"image.{key} is ignored for an image in content/",
                "its real size is read from the file; remove the line",
            )
    picture = probe(content_dir / resolved, max_image_size)
    if isinstance(picture, str):
        hint = probe_fix(picture, "point image.src at it", resolved.name)
        check.error(
            fields.line_of("src"), f"image.src: content/{resolved.as_posix()} {picture}", hint
        )
        return None
    if picture.format == "SVG":
        _svg_lead(check, fields.line_of("src"), content_dir / resolved, resolved.as_posix())
    else:
        _preview_size(check, fields, picture)
    return Image(src=resolved.as_posix(), alt=alt, caption=caption, picture=picture, focus=focus)


def _svg_lead(check: Checker, line: int, path: Path, resolved: str) -> None:
    """The warnings for an SVG lead image (at `path`, content/`resolved`): one that loads
    from another server (load/svg.py), and any: social networks show no SVG preview."""
    outside = outside_warning(path, f"image.src: content/{resolved}")
    if outside is not None:
        check.warn(line, *outside)
    check.warn(
        line,
        "image.src is an SVG picture, which Facebook, X and LinkedIn do not show in "
        "previews: the page names no preview picture (og:image)",
        "for a picture beside the story when it is shared, use a PNG or JPEG copy of "
        "it as the lead image",
    )


def _preview_size(check: Checker, fields: Mapping, picture: Picture) -> None:
    """A warning for a lead image whose preview when the story is shared (og:image: its
    16:9 crop, or the picture itself when it has none) is narrower than LEAD_MIN_WIDTH
    (a panorama too low for its shape: 30000 x 10 px gives 18 x 10 px), and says when it
    is too small for any preview (under PREVIEW_MIN). A GIF or an animation, published as
    it is, only in that last case."""
    crops = crop_sizes(picture)
    width, height = crops[0][1:] if crops else (picture.width, picture.height)
    tiny = width < PREVIEW_MIN or height < PREVIEW_MIN
    small = ", too small for any preview" if tiny else ""
    limits = (
        f"Google Discover and social cards show large previews from {LEAD_MIN_WIDTH} x "
        f"{LEAD_MIN_WIDTH * 9 // 16} px, Facebook none under {PREVIEW_MIN} x {PREVIEW_MIN} px"
    )
    if crops and width < LEAD_MIN_WIDTH:
        what = (
            f"image.src is {picture.width} x {picture.height} px, too low for its shape: "
            f"the 16:9 part of it shown when the story is shared (og:image) is only "
            f"{width} x {height} px{small}"
        )
        fix = (
            f"{limits}; use a picture at least {LEAD_MIN_WIDTH * 9 // 16} px high (a photo "
            "in 3:2 or 16:9), and put a panorama in the body instead"
        )
    elif picture.processed and width < LEAD_MIN_WIDTH:
        what = f"image.src is {width} px wide, narrower than {LEAD_MIN_WIDTH} px{small}"
        fix = f"{limits}; use a larger original if you have one"
    elif tiny:  # a GIF or an animation, shown when shared as it is
        what = f"image.src is {width} x {height} px, too small for any preview when shared"
        fix = f"{limits}; use a larger picture, or a JPEG or PNG one"
    else:
        return
    check.warn(fields.line_of("src"), what, fix)


def _remote_kind(check: Checker, fields: Mapping, src: str) -> None:
    """A warning for an https:// picture named as a kind browsers do not show (a .tif)."""
    named = remote_kind(src, f"image.src: {src!r}")
    if named:
        check.warn(fields.line_of("src"), *named)


def _insecure(check: Checker, fields: Mapping, src: str) -> bool:
    """True (after reporting) for an http:// picture: the site and its og:image are https."""
    if not src.lower().startswith("http://"):
        return False
    check.error(
        fields.line_of("src"),
        f"image.src: {src!r} is an http:// address; the site is https only, and "
        "browsers block or flag a picture from an http:// address on an https page",
        f"use the picture's https:// address (https://{src[7:]}) if its site has one; "
        "otherwise upload the picture into content/ beside the article",
    )
    return True


def _alt_required(check: Checker, front: Mapping, fields: Mapping, alt: str, src: str) -> None:
    """An error when the image has no alt text (missing, or no value); a warning when it
    says nothing (`alt: real.png`: vague_alt)."""
    if alt and vague_alt(alt, src):
        check.warn(
            fields.line_of("alt"),
            f"image.alt {alt!r} says nothing about what the picture shows, which is what a "
            "screen reader reads out in its place (and a search engine indexes)",
            "describe it, like 'alt: Rescue boats on a flooded street'",
        )
    if "alt" not in fields:
        check.error(
            front.line_of("image"),
            "image.alt is missing",
            "add 'alt:' under image: a short description for readers who cannot see it",
        )
    elif fields["alt"] is None:
        check.missing(
            fields, "alt", "image.alt", "write a short description for readers who cannot see it"
        )
    elif isinstance(fields["alt"], str) and not fields["alt"].strip():
        check.error(
            fields.line_of("alt"),
            "image.alt is empty",
            "describe the picture for readers who cannot see it, like "
            "'alt: Rescue boats on a flooded street'",
        )


def _pixels(check: Checker, fields: Mapping, key: str) -> int:
    """A remote image's width or height in px (0 when not given, after reporting if wrong)."""
    if key not in fields or fields[key] is None:
        return 0
    value = fields[key]
    if isinstance(value, str) and value.strip().isdigit():  # front matter values are text
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 100_000:
        check.error(
            fields.line_of(key),
            f"image.{key} must be a whole number of pixels, not {value!r}",
            f"write it like '{key}: 1200'",
        )
        return 0
    return value


_FOCUS = re.compile(r"^\s*([01](?:\.\d+)?)\s*,\s*([01](?:\.\d+)?)\s*$")


def _focus(check: Checker, fields: Mapping) -> tuple[float, float] | None:
    """image.focus 'x,y': the point the crops keep, as fractions from the top left."""
    if "focus" not in fields or fields["focus"] is None:
        return None
    value = fields["focus"]
    match = _FOCUS.match(value) if isinstance(value, str) else None
    point = (float(match.group(1)), float(match.group(2))) if match else None
    if point is None or not all(0 <= v <= 1 for v in point):
        check.error(
            fields.line_of("focus"),
            f"image.focus must be two numbers from 0 to 1, not {value!r}",
            "write the point to keep as across,down fractions of the picture, "
            "like 'focus: 0.3,0.4' (0,0 is the top left; 0.5,0.5 the centre)",
        )
        return None
    return point


# Alt text that describes no picture: the name of the thing, or a file's name.
_VAGUE = frozenset(
    {"image", "img", "picture", "pic", "photo", "photograph", "graphic", "screenshot"}
    | {"alt", "alt text", "untitled", "placeholder"}
)
_FILE_NAME = re.compile(r"[\w.-]+\.(?:png|jpe?g|gif|webp|avif|svg|tiff?|bmp|heic)", re.I)


def vague_alt(alt: str, src: str) -> bool:
    """Whether alt text `alt` of the picture at `src` tells a reader nothing: a word such
    as 'image' or 'photo', a file's name ('real.png'), or the picture's own file name
    without its extension when a camera or a program named it ('IMG_2041', 'DSC0001',
    'chart_v2': digits or '_' in it; `![Kerala](kerala.jpg)` may well be the words meant)."""
    words = " ".join(alt.split()).strip(" .").casefold()
    stem = src.rsplit("/", 1)[-1].rsplit(".", 1)[0].casefold()
    named = words == stem and any(c.isdigit() or c == "_" for c in stem)
    return words in _VAGUE or bool(_FILE_NAME.fullmatch(words)) or named


def _queried(check: Checker, fields: Mapping, src: str, source: str, content_dir: Path) -> bool:
    """Whether `src` (in the article `source`) is a picture of content/ with a `?query`
    (`shared.jpg?v=3`): an error whose fix names the file (a lead picture's address
    takes no query)."""
    bare = src.partition("?")[0]
    if "?" not in src or isinstance(resolve_local(bare, source, content_dir), str):
        return False
    check.error(
        fields.line_of("src"),
        f"image.src: {src!r} ends in a ?query, which a lead picture's address cannot "
        "carry (previews, feeds and search engines name the picture by its file)",
        f"write 'src: {bare}'; to make browsers fetch a changed picture, save it "
        f"under a new name ({_renamed(bare)}) and write that name",
    )
    return True


def _renamed(src: str) -> str:
    """A new name for the picture file `src` names: 'a/map.png' -> 'map-2.png'."""
    name = src.rpartition("/")[2]
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-2.{ext}" if dot else f"{name}-2"
