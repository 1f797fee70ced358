"""Pictures measured with Pillow: checked (`probe`: opened, fully decoded, within
max_image_size; width, height after EXIF orientation, JPEG quality) and sized from the
header alone (`pixel_size`). render/images.py publishes what is measured here."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image as PILImage

from generator.diagnostics import Diagnostic, error, warning
from generator.model import Picture

DEFAULT_QUALITY = 90  # for a source without quantisation tables (PNG, WebP)


CROP_WIDTH = 1200  # px: a lead image at least this wide gets the search engines' crops
CROPS = (("16x9", 16, 9), ("4x3", 4, 3), ("1x1", 1, 1))


def crop_box(width: int, height: int, x: int, y: int) -> tuple[int, int]:
    """The largest x:y box inside width x height."""
    if width * y <= height * x:
        return width, round(width * y / x)
    return round(height * x / y), height


def crop_sizes(picture: Picture) -> list[tuple[str, int, int]]:
    """(name, width, height) in px of each crop of a lead image (16x9, 4x3, 1x1), each at
    most CROP_WIDTH wide; none for a picture narrower than CROP_WIDTH or one published as
    it is (GIF, SVG, an animation). render/images.py publishes them."""
    if not picture.processed or picture.width < CROP_WIDTH:
        return []
    out = []
    for name, x, y in CROPS:
        width = min(crop_box(picture.width, picture.height, x, y)[0], CROP_WIDTH)
        out.append((name, width, round(width * y / x)))
    return out


_STD_LUMINANCE = (
    16,
    11,
    10,
    16,
    24,
    40,
    51,
    61,
    12,
    12,
    14,
    19,
    26,
    58,
    60,
    55,
    14,
    13,
    16,
    24,
    40,
    57,
    69,
    56,
    14,
    17,
    22,
    29,
    51,
    87,
    80,
    62,
    18,
    22,
    37,
    56,
    68,
    109,
    103,
    77,
    24,
    35,
    55,
    64,
    81,
    104,
    113,
    92,
    49,
    64,
    78,
    87,
    103,
    121,
    120,
    101,
    72,
    92,
    95,
    98,
    112,
    100,
    103,
    99,
)


TOO_MANY_PIXELS = (
    "has too many pixels to be an image for the web (over 179 million: Pillow refuses "
    "to open it, as a guard against files made to exhaust memory)"
)
_probes: dict[tuple[str, int, int, int], Picture | str] = {}
# A picture's name must tell its kind: browsers, feed readers and the published variants
# (NAME.jpg/480w.jpg) go by it. The format Pillow reads -> the extension to give it.
_RIGHT_SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
_SUFFIX_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"} | {
    ".gif": "GIF",
    ".svg": "SVG",
}


NOT_SHOWN = "do not show"  # in every message about a kind of picture the web does not show
ANIMATED = {"PNG": "APNG", "WEBP": "WEBP-ANIMATED"}  # Picture.format of an animation
_NAMES = {"WEBP": "WebP", "JPEG2000": "JPEG 2000", "ICO": "Windows icon", "DIB": "BMP"}
_WHY = {  # kinds some browsers show, but not social networks (and not as the README lists)
    "AVIF": "which social networks and older browsers do not show",
    "BMP": "which social networks do not show, and which is many times the size of a PNG",
    "ICO": "which social networks do not show (it is an icon for a browser's tab)",
}
_NOT_SHOWN_SUFFIXES = {".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP", ".psd": "PSD"} | {
    ".heic": "HEIC",
    ".heif": "HEIF",
    ".jp2": "JPEG2000",
    ".dng": "camera RAW",
    ".cr2": "camera RAW",
    ".nef": "camera RAW",
    ".arw": "camera RAW",
}


def not_shown(kind: str, by_name: bool = False) -> str:
    """Why a picture of the Pillow format `kind` is not published, for an editor: 'is a
    TIFF picture, which web browsers and social networks do not show'."""
    shown = _NAMES.get(kind, kind or "unknown kind of")
    article = "an" if shown[:1] in "AEIOU" else "a"
    why = _WHY.get(kind, "which web browsers and social networks do not show")
    return f"is {article} {shown} picture{' (by its name)' if by_name else ''}, {why}"


def named_kind(name: str) -> str:
    """The kind of picture a file or URL path `name` is named as, when browsers do not
    show that kind (scan.tif -> 'TIFF', IMG_1234.HEIC -> 'HEIC'); '' otherwise."""
    return _NOT_SHOWN_SUFFIXES.get(Path(name).suffix.lower(), "")


def remote_kind(url: str, what: str) -> tuple[str, str] | None:
    """(message, fix) for a picture at `url` (https://, not fetched) whose name says it is
    a kind browsers do not show; `what` starts the message ("image.src: 'https://...'")."""
    from urllib.parse import urlsplit

    kind = named_kind(urlsplit(url).path)
    if not kind:
        return None
    return (
        f"{what} {not_shown(kind, by_name=True)}",
        "use the address of a JPEG or PNG copy of it, or save it as JPEG or PNG and "
        "upload it into content/ beside the article",
    )


def web_format(path: Path) -> str:
    """'' when the file at `path` is a picture browsers show (JPEG, PNG, WebP, GIF), else
    why not, as `probe` says it ("is a TIFF picture, which web browsers ... do not show",
    "is not an image newsdigest can read"), from its header alone."""
    from PIL import Image as PILImage

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a huge image is named, not decoded
            with PILImage.open(path) as image:
                kind = {"MPO": "JPEG"}.get(image.format or "", image.format or "")
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return "is not an image newsdigest can read"
    return "" if kind in _RIGHT_SUFFIX else not_shown(kind)


def _quality(image: PILImage.Image) -> int:
    tables = getattr(image, "quantization", None)
    if not tables or 0 not in tables:
        return DEFAULT_QUALITY
    scale: float = sum(tables[0]) * 100 / sum(_STD_LUMINANCE)
    quality = (200 - scale) / 2 if scale <= 100 else 5000 / scale
    return int(max(1, min(95, round(quality))))


def probe(path: Path, limit: int) -> Picture | str:
    """The image at `path`, or why it cannot be published (a sentence for an editor).

    `limit` is the max_image_size setting in bytes. The whole file is decoded, so a
    truncated file is found here and not by a reader's browser.
    """
    from generator.load.slugs import MAX_SEGMENT

    if len(path.name.encode("utf-8")) > MAX_SEGMENT:  # its copies' folder is named so
        return (
            f"has a file name of {len(path.name.encode('utf-8'))} characters: the site "
            f"publishes the picture under names made from it, and those must stay under "
            f"{MAX_SEGMENT} characters"
        )
    try:
        stat = path.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    size = stat.st_size
    if size > limit:  # not remembered: the limit is a setting, read again by each build
        return f"is {_amount(size)}, over the max_image_size setting ({limit:,} bytes" + (
            f", {_amount(limit)})" if limit >= 1000 else ")"
        )
    key = (str(path), size, stat.st_mtime_ns, stat.st_ctime_ns)  # ctime: a `cp -p` over it
    if key not in _probes:
        _probes[key] = _probe(path)
    return _probes[key]


def _amount(size: int) -> str:
    """A file's size as read: '2.4 MB' from 0.1 MB, '6.2 kB' from 1 kB, else '640 bytes'."""
    if size >= 100_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} kB" if size >= 1000 else f"{size} bytes"


@contextmanager
def allowed_size() -> Iterator[None]:
    """Pillow's DecompressionBombWarning (a picture of 89 to 179 million pixels), which it
    would print as a Python warning, silenced: such a picture is allowed and published
    without a word (README: Pictures); over 179 million, Pillow's DecompressionBombError
    is said as TOO_MANY_PIXELS."""
    from PIL import Image as PILImage

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
        yield


def _probe(path: Path) -> Picture | str:
    if path.suffix.lower() == ".svg":
        from generator.load.svg import svg_problem

        problem = svg_problem(path)
        return problem or Picture(0, 0, "SVG")
    from PIL import Image as PILImage  # Pillow: imported by the first picture measured
    from PIL import UnidentifiedImageError

    try:
        with allowed_size(), PILImage.open(path) as image:
            image.load()
            width, height = image.size
            if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):
                width, height = height, width
            kind = image.format or ""
            named = _SUFFIX_FORMATS.get(path.suffix.lower(), "")
            truth = {"MPO": "JPEG"}.get(kind, kind)  # a camera's JPEG with a second picture
            if truth not in _RIGHT_SUFFIX:  # TIFF, BMP, HEIC, PSD...: not shown on the web
                return not_shown(truth)
            if named != truth:
                shown = {"WEBP": "WebP"}.get(truth, truth)
                return f"is a {shown} picture, but its name ends in {path.suffix}"
            if truth in ("PNG", "WEBP") and getattr(image, "n_frames", 1) > 1:
                truth = ANIMATED[truth]  # published as it is, every frame kept
            return Picture(width, height, truth, _quality(image))
    except UnidentifiedImageError:
        named = named_kind(path.name)  # a HEIC from an iPhone, a camera's RAW file...
        if named:
            return not_shown(named, by_name=True)
        begun = _begun_as(path)
        if begun:  # a picture's first bytes and no more: a copy or upload cut short
            size = path.stat().st_size
            return f"is damaged or cut short (it begins as a {begun} picture but is {size:,} bytes)"
        return "is not an image newsdigest can open (a JPEG, PNG, WebP or GIF picture)"
    except PILImage.DecompressionBombError:
        return TOO_MANY_PIXELS
    except (OSError, SyntaxError, ValueError) as exc:
        return f"is damaged or cut short ({exc})"


_SIGNATURES = (  # the bytes each kind of picture file begins with
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF8", "GIF"),
    (b"RIFF", "WebP"),
)


def _begun_as(path: Path) -> str:
    """The kind of picture `path`'s first bytes announce ('JPEG', 'PNG'...), or ''."""
    with path.open("rb") as handle:
        head = handle.read(16)
    for signature, kind in _SIGNATURES:
        if head.startswith(signature) and (kind != "WebP" or head[8:12] == b"WEBP"):
            return kind
    return ""


def probe_fix(problem: str, point_at: str, name: str = "") -> str:
    """The fix, for an editor, of a `problem` that `probe` found; `point_at` ends the
    advice to save the picture anew ("point image.src at it"); `name`, the file's name,
    gives the name to rename it to."""
    right = (
        _RIGHT_SUFFIX.get(problem.split(" ")[2].upper(), "") if " picture, but " in problem else ""
    )
    if right:  # the file's kind and name disagree: the name is made to tell the truth
        new = f"{name.rpartition('.')[0]}{right}" if name else f"a name ending in {right}"
        return f"rename the file to {new}, then {point_at}"
    if problem.startswith("is an SVG picture"):
        from generator.load.svg import SVG_FIX

        return f"{SVG_FIX}, then {point_at}"
    if "max_image_size" in problem:
        return (
            "make the file smaller (a 2400 px wide JPEG is plenty), or raise "
            "max_image_size in the settings"
        )
    if problem == TOO_MANY_PIXELS:
        return (
            "make the picture smaller: resize it to about 2400 pixels wide in a photo "
            f"editor, save it, and {point_at}"
        )
    if problem.startswith("has a file name"):
        return f"rename the file to a few words, then {point_at}"
    if NOT_SHOWN in problem:
        return (
            "open it in a photo editor and save it as JPEG (a photo) or PNG (a drawing, "
            f"chart or screenshot), then {point_at}"
        )
    if problem.startswith("is damaged"):
        return f"export the picture again from the photo editor or camera, then {point_at}"
    return f"save the picture as JPEG, PNG or WebP and {point_at}"


def probed(
    path: Path, limit: int, named: str
) -> tuple[Picture | None, list[tuple[str, str, Callable[..., Diagnostic]]]]:
    """The picture of a story's body at `path` (`named`: how messages name it, "image
    'x.png': content/x.png"), or None, with (message, fix, error or warning) for each thing
    to say: an error for a picture that cannot be published (`probe`), a warning for an
    SVG that loads from another server (load/svg.py's `outside_warning`)."""
    picture = probe(path, limit)
    if isinstance(picture, str):
        what = named.partition(" ")[0]
        return None, [
            (f"{named} {picture}", probe_fix(picture, f"point the {what} at it", path.name), error)
        ]
    from generator.load.svg import outside_warning

    if picture.format == "SVG" and (outside := outside_warning(path, named)) is not None:
        return picture, [(*outside, warning)]
    return picture, []


def pixel_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in pixels of an image Pillow reads (JPEG, PNG, GIF, WebP...), from
    its header alone; None for anything else (SVG, a file that is not an image)."""
    from PIL import Image as PILImage

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a huge image is measured, not decoded
            with PILImage.open(path) as image:
                width, height = image.size
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return None
    return int(width), int(height)
