"""A link's `?query` and `#anchor` kept in the fix that names another story for it
(load/meant.py's "did you mean"), the anchor only when that story has the place; the
file meant by a name written without its extension (`with_extension`); the file git says
a story was renamed to (`git_moved`)."""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path, PurePosixPath


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
    return f"{folder}{slash}{address(name)}{kept}{lost}"


def address(path: str) -> str:
    """A file's path as a link or picture address writes it: a space, '#', '?' and '%' as
    their %XX codes (`my photo.jpg` -> `my%20photo.jpg`), which the address check asks
    for; a fix never offers an address that is itself an error (prober3 M17)."""
    return re.sub(r"[ #?%]", lambda m: f"%{ord(m.group()):02X}", path)


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
    folder = path.parent  # `shared.`: the extension after the dot forgotten
    wanted = unicodedata.normalize("NFC", path.name.rstrip(".")).casefold()
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


def git_renamed(relative: PurePosixPath, content_dir: Path) -> PurePosixPath | None:
    """Where git says the file `relative` (a path under content/) was renamed to, as a
    path under content/, renames followed to the last (`storm.md` -> `cyclone.md`, then
    `cyclone.md` -> `../b/final.md`: `b/final.md`, prober4 M6): a rename staged or in the
    work tree (`git mv`, against HEAD) after the committed ones (the last 200 commits);
    None when git names none, or content/ is in no repository (prober3 M10)."""
    moves: dict[str, str] = {}
    runs = (  # the work tree's renames first: each path's newest rename is kept
        ["diff", "-M", "--name-status", "--relative", "HEAD"],
        ["log", "-M", "--diff-filter=R", "--name-status", "--relative", "--format=", "-n200"],
    )
    for args in runs:
        try:
            out = subprocess.run(
                ["git", "-C", str(content_dir), *args, "--", "."],
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        for line in out.splitlines():
            fields = line.split("\t")
            if len(fields) == 3 and fields[0].startswith("R"):
                moves.setdefault(fields[1], fields[2])  # log: newest commit first
    path, seen = str(relative), {str(relative)}
    while path in moves and moves[path] not in seen:
        path = moves[path]
        seen.add(path)
    return None if path == str(relative) else PurePosixPath(path)


def git_moved(
    ref: str,
    relative: PurePosixPath,
    source: str,
    content_dir: Path,
    left_out: Callable[[Path], bool],
) -> str | None:
    """'did you mean' the file git says `relative` was renamed to (`storm.md` ->
    `cyclone-hits-coast.md`), from the article `source`'s folder, the link's #anchor kept
    when it has that place; None when git names none, or a file `left_out` (a draft)."""
    there = git_renamed(relative, content_dir)
    if there is None or not (content_dir / there).is_file() or left_out(content_dir / there):
        return None
    tail = fragment(ref)
    kept = kept_tail(tail, content_dir / there)
    kept += f" (it has no {tail[len(kept) :]})" if kept != tail else ""
    written = os.path.relpath(there.as_posix(), PurePosixPath(source).parent.as_posix())
    return (
        f"did you mean {address(written.replace(os.sep, '/'))}{kept}? git shows content/{relative} "
        f"renamed to content/{there}"
    )
