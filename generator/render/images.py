"""What the pages and feeds say about image files: their size in pixels and media type.

Read with Pillow, which opens only the file's header (no decoding of the pixels).
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image as PILImage


def pixel_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in pixels of an image Pillow reads (JPEG, PNG, GIF, WebP...);
    None for anything else (SVG, a file that is not an image, an unreadable file)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a huge image is measured, not decoded
            with PILImage.open(path) as image:
                width, height = image.size
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return None
    return int(width), int(height)
