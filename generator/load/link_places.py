"""A link's `?query` and `#anchor` kept in the fix that names another story for it
(load/meant.py's "did you mean"), the anchor only when that story has the place; the
file meant by a name written without its extension (`with_extension`)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path


def fragment(ref: str) -> str:
    """The `?query` and `#anchor` ending `ref` ('' for none), kept in a fix."""
    at = min((i for i in (ref.find("?"), ref.find("#")) if i >= 0), default=len(ref))
    return ref[at:]


def renamed(ref: str, name: str, where: Path | None = None) -> str:
    """`ref` with its last part (the file's name) replaced by `name`, its `?query` kept,
    and its `#anchor` too unless the story `name` in the folder `where` has no such place."""
    tail = fragment(ref)
    path = ref[: len(ref) - len(tail)]
    kept = tail if where is None else kept_tail(tail, where / name)
    lost = f" (it has no {tail[len(kept) :]})" if kept != tail else ""
    folder, slash, _ = path.rstrip("/").rpartition("/")  # 'Target.md/' names Target.md
    return f"{folder}{slash}{name}{kept}{lost}"


def kept_tail(tail: str, story: Path) -> str:
    """`tail` (a link's `?query#anchor`) without its `#anchor` when the story file `story`
    gives no place that id (`{#facts}` after a heading, `id="facts"` in its HTML): a fix
    never offers a place the story lacks."""
    query, hash_, anchor = tail.partition("#")
    if not hash_ or story.suffix != ".md" or anchor in ("", "top"):
        return tail  # '#top' is the page's top in every browser (HTML's rule)
    try:
        text = story.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return query
    given = re.escape(anchor)
    if re.search(r"\{[^}\n]*#" + given + r"[\s}]", text) or re.search(
        r"""\bid=["']""" + given + """["']""", text
    ):
        return tail
    return query


def with_extension(ref: str, path: Path) -> str | None:
    """'did you mean' for `ref`, whose file `path` (in content/) has no extension and does
    not exist, when files of its folder have its name and an extension (`../b/shared` ->
    `../b/shared.jpg`: the extension forgotten; a story's .md is its caller's); None when
    none has. Several are named, as 'a or b'."""
    folder, wanted = path.parent, unicodedata.normalize("NFC", path.name).casefold()
    found = sorted(
        p.name
        for p in (folder.iterdir() if folder.is_dir() else ())
        if unicodedata.normalize("NFC", p.stem).casefold() == wanted
        and p.suffix not in ("", ".md")
        and p.is_file()
    )
    if not found:
        return None
    offered = " or ".join(renamed(ref, name) for name in found[:3])
    return f"did you mean {offered}? A file's name ends with its extension ({found[0]})"
