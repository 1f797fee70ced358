"""Pictures: every local image checked with Pillow and published responsively.

A local image (a lead `image.src`, or an image in a body, Markdown or raw HTML) is

- checked (`probe`): Pillow must open and fully decode it, and its file must be within
  the `max_image_size` setting (bytes); its width and height (in pixels, after its EXIF
  orientation) are then known;
- published (`publish`) at the widths of `widths()` (480, 800, 1200, 1600 px, never wider
  than the original) in its own format (JPEG, PNG or WebP) and as WebP, EXIF orientation
  applied and every metadata block (EXIF with GPS, XMP, comments) left out; the ICC colour
  profile is kept. The widest variant of the original format is published at the
  original's own path under /media/ (so links and feeds keep working); the others in a
  folder of the picture's own, media-sizes/PATH/NAME.jpg/480w.jpg, .../1600w.webp, where
  no other picture's copy and no file of the editor's can be. The widest variant keeps
  the original's quality (a JPEG's quality is read from its quantisation tables);
  smaller ones use at most `SMALL_QUALITY`.
- for a lead image at least `CROP_WIDTH` px wide, cropped (`crops`) to 16:9, 4:3 and 1:1
  around its focal point (`image.focus`, x,y fractions from the top left; default the
  centre), each `CROP_WIDTH` px wide where the source allows: .../NAME.jpg/16x9.jpg.

GIF (animation) and SVG files are published as they are (an SVG after load/svg.py's
check for scripts). Encoded files are kept in a
cache folder by the SHA-256 of the source bytes and the variant (`use_cache`): a rebuild
with the same images encodes nothing. Encoding is deterministic for a Pillow version, so
a serial and a parallel build publish the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from generator import scratch
from generator.load.measure import CROPS, allowed_size, crop_box, crop_sizes
from generator.load.measure import pixel_size as pixel_size
from generator.load.measure import probe as probe
from generator.load.measure import probe_fix as probe_fix
from generator.load.measure import probed as probed
from generator.load.measure import remote_kind as remote_kind
from generator.model import Image, OutputFile, Picture
from generator.render.links import start_tag_attributes
from generator.render.picture_modes import displayable, palette_copy, palette_size

if TYPE_CHECKING:
    from PIL import Image as PILImage

WIDTHS = (480, 800, 1200, 1600)
SMALL_QUALITY = 82
# 2: transparency kept, 3: 16-bit scaled, 4: 1-bit transparency kept,
# 5: a transparent PNG-8's copies are palette PNGs / lossless WebP (render/picture_modes.py)
# 6: every copy keeps the ICC profile (the widest WebP and the crops lost it)
PIPELINE_VERSION = "pictures-6"
# What a ?query keeps as typed: the reserved characters and a %-escape already typed.
_QUERY_SAFE = "!$%&'()*+,/:;=?@[]~"
PROCESSED = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
IMAGE_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".png",
    ".webp",
    ".gif",
    ".svg",
    ".avif",
    ".bmp",
    ".tif",
    ".tiff",
    ".heic",
)
SIZES = "(min-width: 50rem) 46rem, 100vw"
CARD_SIZES = "(min-width: 50rem) 16rem, 100vw"
PHOTO_SIZES = "10rem"  # an author's photo on their page


encodes = 0  # files encoded by this process (the cache makes a rebuild encode none)
_cache_dir: Path | None = None
_memory: dict[str, bytes] = {}


def is_image_name(name: str) -> bool:
    return name.lower().endswith(IMAGE_SUFFIXES)


def use_cache(directory: Path | None) -> None:
    """Keep encoded files in `directory` (None: in memory for this process only)."""
    global _cache_dir
    _cache_dir = directory
    _memory.clear()
    if directory is not None:
        scratch.sweep(directory)  # a file half written by a killed build


def widths(picture: Picture) -> list[int]:
    """The widths an image is published at, narrowest first; the last is the widest."""
    top = min(picture.width, WIDTHS[-1])
    return [w for w in WIDTHS if w < top] + [top]


def height_at(picture: Picture, width: int) -> int:
    return max(1, round(picture.height * width / picture.width))


PORTRAITS = "portraits"  # the root an author's photo is published under (by its path)
SIZES_ROOT = "-sizes"  # media/x.jpg -> media-sizes/x.jpg/480w.webp


def own_path(source: str, root: str = "media") -> str:
    """Where the picture `source` (relative to its folder: content/, or the site folder for
    an author's photo, root "portraits") is published as the editor gave it, site-relative:
    media/2025/06/photo.jpg; its widest copy for a JPEG, PNG or WebP."""
    return f"{root}/{source}"


def _made(source: str, name: str, root: str) -> str:
    """A made file of the picture `source`: in a folder of its own, named after the whole
    file name (media-sizes/2025/06/photo.jpg/480w.webp). No file an editor places is
    published there, and no two pictures share the folder (photo.jpg and photo.png
    each have theirs), so no made file can take another picture's address."""
    return f"{root}{SIZES_ROOT}/{source}/{name}"


def variant_path(
    source: str, picture: Picture, width: int, webp: bool = False, root: str = "media"
) -> str:
    """The site-relative path a variant is published at: the widest in the original's
    format at the picture's own path, the others in its folder of made files."""
    if webp:
        return _made(source, f"{width}w.webp", root)
    if width == widths(picture)[-1]:
        return own_path(source, root)
    return _made(source, f"{width}w.{PROCESSED[picture.format][0]}", root)


def focus_name(focus: tuple[float, float] | None) -> str:
    if focus is None:
        return ""
    return f"-f{round(focus[0] * 100)}-{round(focus[1] * 100)}"


def crop_paths(
    source: str, picture: Picture, focus: tuple[float, float] | None
) -> list[tuple[str, int, int]]:
    """(site-relative path, width, height) of the search-engine crops of a lead image
    (media-sizes/2025/06/lead.jpg/16x9.jpg); none for an image narrower than CROP_WIDTH or
    one published as it is (load/measure.py's `crop_sizes`)."""
    suffix = PROCESSED[picture.format][0] if picture.processed else ""
    return [
        (_made(source, f"{name}{focus_name(focus)}.{suffix}", "media"), width, height)
        for name, width, height in crop_sizes(picture)
    ]


def _crop_origin(size: int, box: int, at: float) -> int:
    return max(0, min(size - box, round(at * size - box / 2)))


@dataclass(frozen=True, slots=True)
class _Job:
    name: str  # site-relative output path
    width: int
    height: int
    format: str  # Pillow format to encode to
    quality: int
    crop: tuple[int, int, float, float] | None = None  # x, y of the ratio, focus x, y

    def key(self, digest: str) -> str:
        return hashlib.sha256(
            repr(
                (
                    PIPELINE_VERSION,
                    digest,
                    self.width,
                    self.height,
                    self.format,
                    self.quality,
                    self.crop,
                )
            ).encode()
        ).hexdigest()


def _jobs(
    source: str, picture: Picture, focuses: set[tuple[float, float] | None], root: str
) -> list[_Job]:
    top = widths(picture)[-1]
    jobs = []
    for width in widths(picture):
        quality = picture.quality if width == top else min(picture.quality, SMALL_QUALITY)
        height = height_at(picture, width)
        jobs.append(
            _Job(
                variant_path(source, picture, width, False, root),
                width,
                height,
                picture.format,
                quality,
            )
        )
        jobs.append(
            _Job(variant_path(source, picture, width, True, root), width, height, "WEBP", quality)
        )
    for focus in sorted(focuses, key=lambda f: (f is not None, f or (0.0, 0.0))):
        if not crop_paths(source, picture, focus):
            break
        for (name, width, height), (_, x, y) in zip(
            crop_paths(source, picture, focus), CROPS, strict=True
        ):
            fx, fy = focus or (0.5, 0.5)
            jobs.append(_Job(name, width, height, picture.format, picture.quality, (x, y, fx, fy)))
    return jobs


def _encode(original: PILImage.Image, job: _Job, colours: int = 0, icc: bytes = b"") -> bytes:
    """The file of `job` made from `original` (displayable's picture); `colours`: the
    source's palette size for a transparent PNG-8 (picture_modes.palette_size), 0 for any
    other; `icc`: the source's ICC colour profile (b'' for none), which every copy keeps."""
    global encodes
    image = original
    if job.crop is not None:
        x, y, fx, fy = job.crop
        box_w, box_h = crop_box(image.width, image.height, x, y)
        left = _crop_origin(image.width, box_w, fx)
        top = _crop_origin(image.height, box_h, fy)
        image = image.crop((left, top, left + box_w, top + box_h))
    size = (job.width, job.height)
    if colours:  # a transparent PNG-8: resized and encoded on its own palette
        image, saving = palette_copy(image, size, job.format, colours)
    else:
        if image.size != size:
            from PIL import Image as PILImage

            image = image.resize(size, PILImage.Resampling.LANCZOS)
        image.info = {}
        image, saving = _for_format(image, job)
    image.info = {}  # no EXIF, XMP or comments in what is published
    out = io.BytesIO()
    image.save(out, job.format, **saving, **({"icc_profile": icc} if icc else {}))
    encodes += 1
    return out.getvalue()


def _for_format(image: PILImage.Image, job: _Job) -> tuple[PILImage.Image, dict[str, object]]:
    """`image` in a mode `job.format` takes, and the options it is saved with."""
    if job.format == "JPEG":
        image = image if image.mode in ("RGB", "L") else image.convert("RGB")
        return image, {"quality": job.quality, "optimize": True, "progressive": True}
    if job.format == "WEBP":
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.mode or image.mode == "P" else "RGB")
        return image, {"quality": job.quality, "method": 4}
    return image, {"optimize": job.format == "PNG"}


def _cached(key: str) -> bytes | None:
    if _cache_dir is None or key in _memory:  # no folder, or it could not be written
        return _memory.get(key)
    try:
        return (_cache_dir / key[:2] / key).read_bytes()
    except OSError:
        return None


def _keep(key: str, data: bytes) -> None:
    if _cache_dir is None:
        _memory[key] = data
        return
    folder = _cache_dir / key[:2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = scratch.file(_cache_dir)  # (one a killed build left: use_cache)
    except OSError:
        _memory[key] = data
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, folder / key)
    except OSError:
        _memory[key] = data
        Path(temporary).unlink(missing_ok=True)


def publish(
    content_dir: Path,
    source: str,
    picture: Picture,
    focuses: Iterable[tuple[float, float] | None] = (),
    root: str = "media",
) -> list[OutputFile]:
    """Every file published for the image `source` (relative to `content_dir`): its
    variants and, for each focal point in `focuses`, its crops; site-relative paths under
    `root`/ (the widest) and `root`-sizes/ (own_path, variant_path). Taken from the cache
    when there; encoded (and cached) when not."""
    path = content_dir / source
    if not picture.processed:
        return [OutputFile(own_path(source, root), path.read_bytes())]
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    files = []
    opened: PILImage.Image | None = None
    colours = 0  # a transparent PNG-8's colours (picture_modes.palette_size)
    icc = b""  # its ICC colour profile
    for job in _jobs(source, picture, set(focuses), root):
        key = job.key(digest)
        data = _cached(key)
        if data is None:
            if opened is None:
                from PIL import Image as PILImage  # Pillow: only when a picture is encoded
                from PIL import ImageOps

                with allowed_size(), PILImage.open(io.BytesIO(raw)) as image:
                    turned = ImageOps.exif_transpose(image)
                    colours = palette_size(turned)
                    opened = displayable(turned)
                    icc = opened.info.get("icc_profile") or b""  # (read once: see _encode)
            with allowed_size():  # a crop as large as the picture is checked again
                data = _encode(opened, job, colours, icc)
            _keep(key, data)
        files.append(OutputFile(job.name, data))
    return files


def size_of(content_dir: Path, source: str, picture: Picture) -> int:
    """The size in bytes of the file published at the image's own path."""
    for file in publish(content_dir, source, picture):
        if file.path == own_path(source):
            return len(file.data)
    return 0


@dataclass(frozen=True, slots=True)
class Responsive:
    """What an <img> (and its <picture>'s WebP <source>) says about a published image:
    the widest variant's URL, `srcset` lists ('URL 480w, ...'), the widest size in px."""

    src: str
    srcset: str
    webp_srcset: str
    width: int
    height: int


def responsive(
    source: str, picture: Picture, site_url: Callable[[str], str], root: str = "media"
) -> Responsive:
    """The srcset of a local image; `site_url` maps a site-relative path (media/x.jpg) to
    its URL (Urls.site_file)."""
    own = site_url(own_path(source, root))
    if not picture.processed:
        return Responsive(own, "", "", picture.width, picture.height)
    ws = widths(picture)
    return Responsive(
        own,
        ", ".join(f"{site_url(variant_path(source, picture, w, False, root))} {w}w" for w in ws),
        ", ".join(f"{site_url(variant_path(source, picture, w, True, root))} {w}w" for w in ws),
        ws[-1],
        height_at(picture, ws[-1]),
    )


def picture_html(
    source: str,
    picture: Picture,
    site_url: Callable[[str], str],
    attrs: Sequence[tuple[str, str | None]],
    sizes: str = SIZES,
    root: str = "media",
) -> str:
    """A <picture> for a local image (`source`, relative to its `root`'s folder): a WebP
    <source> and an <img> with `attrs` (alt, title...) and the published src, srcset,
    sizes, width and height, loading="lazy", decoding="async". An SVG or GIF is an <img>
    alone. A `?query` typed after the body picture's file name (`attrs`' src: `x.jpg?v=2`,
    an editor's cache-buster) is kept on the published src and every srcset candidate
    (tester3 M18, prober3 M14), never dropped; a character an address cannot hold in it
    (a space typed in `<...>`, a tab, a quote mark, a letter beyond ASCII) is written
    percent-encoded, as in a link (prober4 H1)."""
    found = responsive(source, picture, site_url, root)
    typed = next((v for k, v in attrs if k == "src" and v), "")
    query = typed.partition("?")[2].partition("#")[0] if "?" in typed else ""
    query = quote(query, safe=_QUERY_SAFE)  # `<map.jpg?v=1 2>`: '?v=1%202' (prober4 H1)
    kept = [
        (k, v)
        for k, v in attrs
        if k not in ("src", "srcset", "sizes", "width", "height", "loading", "decoding")
    ]
    if query:  # on every candidate: a browser loads one from srcset, not src (prober3 M14)
        found = replace(
            found,
            src=f"{found.src}?{query}",
            srcset=_queried(found.srcset, query),
            webp_srcset=_queried(found.webp_srcset, query),
        )
    img: list[tuple[str, str | None]] = [("src", found.src)]
    if found.srcset:
        img += [("srcset", found.srcset), ("sizes", sizes)]
    if found.width and found.height:
        img += [("width", str(found.width)), ("height", str(found.height))]
    img += kept + [("loading", "lazy"), ("decoding", "async")]
    tag = f"<img{start_tag_attributes(img)}>"
    if not found.webp_srcset:
        return tag
    webp = start_tag_attributes(
        [("type", "image/webp"), ("srcset", found.webp_srcset), ("sizes", sizes)]
    )
    return f"<picture><source{webp}>{tag}</picture>"


def _queried(srcset: str, query: str) -> str:
    """`srcset` ('a.jpg 480w, b.jpg 960w') with `?query` after each candidate's address."""
    if not srcset:
        return srcset
    return ", ".join(
        f"{url}?{query} {width}"
        for url, _, width in (c.strip().rpartition(" ") for c in srcset.split(","))
    )


def measured(image: Image | None, content_dir: Path, assets: set[str]) -> Image | None:
    """A local lead image, added to the files to publish (`assets`), with the size in
    pixels of the file published at its own path (the widest variant, EXIF orientation
    applied); a remote one, or None, as it is."""
    if image is None or image.is_remote:
        return image
    assets.add(image.src)
    if image.picture is not None:
        found = responsive(image.src, image.picture, str)
        return replace(image, width=found.width, height=found.height)
    size = pixel_size(content_dir / image.src)
    return replace(image, width=size[0], height=size[1]) if size else image
