"""Files an article refers to (its lead image, images and files in its body): where they are
under content/, or why not (the fix for a missing one: load/meant.py); and the files
outside content/ a build reads (authors.yaml and its photos); the walk of content/."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from generator.diagnostics import Diagnostic, error, warning

REGISTRY = "authors.yaml"  # the authors' registry, beside the settings file (load/authors.py)


def stamp(path: Path) -> tuple[int, int, int] | None:
    """Size, modification and status-change time (ns) of the file at `path`; None when it
    cannot be statted. What decides whether a picture was replaced: the status-change
    time moves even when `cp -p` or `rsync --times` put the other two back."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def registry_path(project: Path) -> Path:
    """Where the registry of a site whose settings file is in `project` lives."""
    return project / REGISTRY


def input_files(project: Path, logo: str = "") -> list[Path]:
    """The files outside content/ and the theme that a build reads, for the build's digest
    of its inputs (an edited bio, a new photo or logo saved under the same name is a
    change): `named_files` that exist."""
    return [p for p in named_files(project, logo) if p.is_file()]


def named_files(project: Path, logo: str = "") -> list[Path]:
    """The files outside content/ and the theme that a build reads or looks for, there or
    not (serve watches them all: a photo put back is a change): authors.yaml, every photo
    it may name (any `image:` value, block or flow style, a trailing comment left out: a
    few too many is harmless, one too few is not), and the `logo` setting's file (an
    absolute path, as settings give it)."""
    found = [Path(logo)] if logo else []
    path = registry_path(project)
    if not path.is_file():
        return found
    text = path.read_text("utf-8", "replace")
    refs = {m.strip().strip("\"'").strip() for m in _IMAGE.findall(text)}
    photos = sorted(path.parent / ref for ref in refs if ref)
    return [path, *photos, *found]


# An `image:` value: up to a comment (" #"), a flow mapping's "," or "}", or the line's end.
_IMAGE = re.compile(r"\bimage\s*:[ \t]*((?:\"[^\"\n]*\"|'[^'\n]*'|[^\n,}#]|#(?<! #))*)")


def content_path(ref: str, source: str) -> PurePosixPath | str:
    """The content path `ref` names (relative to the article's folder, or to content/ when it
    starts with '/'), or why it cannot name one."""
    base = PurePosixPath("/") if ref.startswith("/") else PurePosixPath("/", source).parent
    parts: list[str] = []
    for part in (base / ref.lstrip("/")).parts[1:]:
        if part == "..":
            if not parts:
                return f"{ref!r} points outside the content folder"
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return PurePosixPath(*parts) if parts else PurePosixPath(".")


def shown(ref: str) -> str:
    """`ref` in quotes for a message, as `repr` writes it (invisible characters as escapes)
    but with a backslash written once, as the editor typed it: '..\\06\\x.md'."""
    return repr(ref).replace("\\\\", "\\")


def one_form(name: str) -> str:
    """`name` in one Unicode form (NFC): a name typed with composed or decomposed accents
    is one name."""
    return unicodedata.normalize("NFC", name)


def resolve_local(ref: str, source: str, content_dir: Path) -> PurePosixPath | str:
    """A file reference in an article -> its path relative to content_dir, or why not.

    Relative references are read from the article's folder; '/x.jpg' from content/.
    A name written with the same letters in another Unicode form (composed or decomposed
    accents) is the same name. Absolute http(s) URLs are returned as a reason string
    (they are not local).
    """
    if ref.startswith(("http://", "https://")):
        return "is a web address"
    if ":" in ref.split("/")[0] or ref.startswith("//"):
        return f"{ref!r} is not a file in content/ or an http(s) address"
    relative = content_path(ref, source)
    if isinstance(relative, str):
        return relative
    target = content_dir / relative
    if not target.is_file() and target.parent.is_dir():
        wanted = one_form(relative.name)
        same = [p for p in target.parent.iterdir() if one_form(p.name) == wanted]
        if len(same) == 1:
            relative, target = relative.with_name(same[0].name), same[0]
    if not target.is_file():
        return f"{shown(ref)} does not exist (looked for content/{relative.as_posix()})"
    try:
        target.resolve().relative_to(content_dir.resolve())
    except ValueError:
        return f"{ref!r} is a link to a file outside the site's content folder"
    return relative


def links_outside(path: Path, content_dir: Path) -> bool:
    """Whether `path` is a link (itself or through a linked folder) to a file outside
    content_dir."""
    try:
        path.resolve().relative_to(content_dir.resolve())
    except ValueError:
        return path.is_file()
    return False


def child_maker(folder: Path) -> Callable[[str], Path]:
    """`folder / name` for a plain file name from a listing of `folder`: through pathlib's
    own maker of listed children where it has one (it skips parsing the name, as
    `Path.glob` does: a tenth of the cost, 100,000 times a build), else `/`."""
    made = getattr(folder, "_make_child_relpath", None)
    return made if callable(made) else folder.joinpath


def walk(top: str) -> Iterator[tuple[str, list[str], list[str], set[str]]]:
    """`os.walk(top, followlinks=True)`, top down (the caller may prune the folders), each
    folder with the names of its entries that are symbolic links, from the same listing
    (no `lstat` per file). A folder that cannot be listed is skipped, as os.walk does."""
    try:
        entries = list(os.scandir(top))
    except OSError:
        return
    dirnames: list[str] = []
    filenames: list[str] = []
    links: set[str] = set()
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        (dirnames if is_dir else filenames).append(entry.name)
        with contextlib.suppress(OSError):  # a named pipe too: never opened (linked_article)
            if not is_dir and (entry.is_symlink() or not entry.is_file(follow_symlinks=False)):
                links.add(entry.name)
    yield top, dirnames, filenames, links
    for name in dirnames:
        yield from walk(os.path.join(top, name))


def outside_link(path: Path, content_dir: Path) -> Diagnostic:
    """A warning for a link in content/ to a file or folder outside it (never read), or to
    nothing (a link whose file was moved or deleted)."""
    what = "folder" if path.is_dir() else "file"
    try:
        target = os.readlink(path)
    except OSError:
        target = "another place"
    gone = not path.exists()
    return warning(
        path.relative_to(content_dir).as_posix(),
        1,
        f"this {what} is a link to {target}, "
        + ("which does not exist" if gone else "outside the content folder")
        + "; it is not published",
        ("delete the link, or " if gone else "")
        + f"copy the {what} itself into content/ instead of linking to it",
    )


def hidden_articles(path: Path, relative: str) -> list[Diagnostic]:
    """A warning for each `*.md` file at or under `path` (a file or folder in content/
    whose name starts with '.', so never read; `relative` its name under content/ with
    '/'): a story saved as `.draft.md` or into `.drafts/` would otherwise vanish without a
    word. Editors' and systems' own hidden files are left alone: emacs locks (`.#x.md`),
    macOS's `._x.md`, and what is inside `.git`."""
    name = relative.rpartition("/")[2]
    if name == ".git" or name.startswith((".#", "._")) or path.is_symlink():
        return []  # a link (an editor's lock file, a folder elsewhere) is not followed
    if not path.is_dir():
        if not name.endswith(".md"):
            return []
        return [_hidden(relative, name, "")]
    found: list[Diagnostic] = []
    for folder, dirnames, filenames in os.walk(path):  # links not followed
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        inner = Path(folder).relative_to(path).as_posix()
        for file in sorted(filenames):
            if file.endswith(".md") and not file.startswith((".#", "._")):
                inside = f"{relative}/{inner}/{file}".replace("/./", "/")
                found.append(_hidden(inside, file, name))
    return found


def _hidden(relative: str, name: str, folder: str) -> Diagnostic:
    if folder:
        return warning(
            relative,
            1,
            f"this file is not read: it is in the folder {folder}, and files and folders "
            "whose names start with '.' are hidden",
            f"rename the folder to {folder.lstrip('.') or 'a name without the dot'}, or move "
            "the file out of content/ if it is not to be published (to keep a story off "
            "the site for now, write 'draft: true' in its front matter instead)",
        )
    return warning(
        relative,
        1,
        "this file is not read: files and folders whose names start with '.' are hidden",
        f"rename it to {name.lstrip('.') or 'a name without the dot'}, or move it out of "
        "content/ if it is not to be published (to keep a story off the site for now, "
        "write 'draft: true' in its front matter instead)",
    )


def linked_article(path: Path, relative: str, root: Path) -> Diagnostic | None:
    """An error for a symbolic link in content/ (`relative`) to another article file in
    content/ (`root`, resolved): read, it would publish one story twice, at two URLs.
    None when the link leads to a file that is not itself read as an article. An error
    too for a named pipe, a socket or a device (or a link to one): reading it would wait
    for ever."""
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return error(
            relative,
            1,
            "this is not a file but a named pipe, a socket or a device, which cannot be read "
            "as an article",
            "delete it from content/ (or rename it without '.md')",
        )
    try:
        target = path.resolve().relative_to(root)
    except (OSError, ValueError):
        return None
    if target.suffix != ".md" or any(part.startswith(".") for part in target.parts):
        return None
    return error(
        relative,
        1,
        f"this file is a link to content/{target.as_posix()}; the story would be "
        "published twice, at two addresses",
        "delete the link; to keep an old address of the story working, add it to "
        "'aliases:' in that article's front matter",
    )


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, its links followed, is under `root` (a resolved folder); False for
    a link that leads round in a loop (Python 3.11's resolve raises RuntimeError)."""
    try:
        path.resolve().relative_to(root)
    except (ValueError, RuntimeError, OSError):
        return False
    return True


def looped(path: Path) -> bool:
    """Whether `path` is a link that leads back to itself, directly or through other links
    (the system's ELOOP: a name that is neither a file nor a folder and cannot be read)."""
    try:
        os.stat(path)
    except OSError as problem:
        return problem.errno == errno.ELOOP
    return False


def loop_link(path: Path, content_dir: Path) -> Diagnostic:
    """An error for a link in content/ that leads back to itself (`ln -s loop.md loop.md`,
    or a.md -> b.md -> a.md): it cannot be read, so it is never published."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "another link"
    back = "itself" if target == path.name else f"itself (through {target})"
    return error(
        path.relative_to(content_dir).as_posix(),
        1,
        f"this is a link that leads back to {back}, so it cannot be read; it is not published",
        "delete the link, or copy the file itself into content/ in its place",
    )


def unread_link(path: Path, content_dir: Path) -> Diagnostic:
    """The message of a link in content/ that cannot be read, whatever its name: one that
    leads back to itself (`loop_link`) or to nothing (`outside_link`); the only one said of
    it, never also "move it to static/" (tester T8)."""
    return loop_link(path, content_dir) if looped(path) else outside_link(path, content_dir)


def link_problem(path: Path, relative: str, root: Path, content_dir: Path) -> Diagnostic | None:
    """For a link named `*.md` in content/ (`root`, resolved) whose folder is inside
    content/: a warning when it leads out of content/ or to nothing, an error when it leads
    to another article's file (`linked_article`); None when it is read as the article."""
    if not path.exists() or not inside(path, root):
        return outside_link(path, content_dir)
    return linked_article(path, relative, root)


def folder_link(path: Path, content_dir: Path, read: bool) -> list[Diagnostic]:
    """A warning for a folder in content/ that is not read: a link out of content/
    (`outside_link`), or, `read`, a link to a folder of content/ that is read already (a
    folder above it, or one linked twice): its stories are published from there."""
    if not read:
        return [outside_link(path, content_dir)]
    if not path.is_symlink():
        return []
    try:
        shown = "content/" + path.resolve().relative_to(content_dir.resolve()).as_posix()
    except (ValueError, RuntimeError, OSError):
        shown = os.readlink(path)
    return [
        warning(
            path.relative_to(content_dir).as_posix(),
            1,
            f"this folder is a link to {shown.rstrip('/.') or 'content'}, which is read "
            "already; it is not read again (its stories would be published twice)",
            "delete the link; to keep an old address of a story working, add it to "
            "'aliases:' in that article's front matter",
        )
    ]


def unreadable_name(path: Path, content_dir: Path) -> Diagnostic:
    """A name that is not UTF-8 (Python holds its bytes as surrogates) or has a control."""
    return error(
        ascii(path.relative_to(content_dir).as_posix())[1:-1],
        1,
        "the name is not valid UTF-8 or contains a control character; it is not read",
        "rename it with letters, digits and hyphens, saved as UTF-8",
    )


def unreadable(problem: OSError) -> str:
    """The fix for an article file that cannot be read: '' unless it is its permissions."""
    if problem.errno not in (errno.EACCES, errno.EPERM):
        return ""
    return "let the file be read (its Permissions, or chmod a+r FILE), or delete it"
