"""The project's `static/` folder, published at the site root as it is, as Hugo publishes
its `static/`: `static/ads.txt` is `/ads.txt`, `static/google123.html` is
`/google123.html`, `static/.well-known/security.txt` is `/.well-known/security.txt`.

A file there that would be written where newsdigest writes a page or file of its own
(`static/robots.txt`, `static/index.html`, `static/static/style.css`; or a file where the
site needs a folder, `static/tags`) is an error naming both, and so is a symbolic link
(whatever it points at would be published). The theme's own static files are another
folder: `templates/static/` (published under `/static/`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from generator.diagnostics import Diagnostic, error, warning
from generator.load.file_names import saved_as_text
from generator.load.files import looped
from generator.model import OutputFile

FOLDER = "static"  # in the project folder, beside content/ and templates/


def folder_of(project: Path) -> str:
    """The absolute path of the project's static/ folder (Settings.static_dir)."""
    return str((project / FOLDER).absolute())


def root_paths(static_dir: str) -> dict[str, Path]:
    """Site path ('ads.txt', '.well-known/security.txt') -> file, for every file and
    symbolic link under `static_dir` ('' or a missing folder: none), sorted by path."""
    if not static_dir or not os.path.isdir(static_dir):
        return {}
    root = Path(static_dir)
    found: dict[str, Path] = {}
    for folder, folders, files in os.walk(root):  # os.walk does not enter linked folders
        here = Path(folder)
        links = [name for name in folders if (here / name).is_symlink()]
        for name in sorted([*files, *links]):
            found[(here / name).relative_to(root).as_posix()] = here / name
    return dict(sorted(found.items()))


def root_output(static_dir: str) -> list[OutputFile]:
    """Each regular file of `static_dir` as a file of the site at its path (root_problems
    has refused the others)."""
    return [
        OutputFile(path, file.read_bytes())
        for path, file in root_paths(static_dir).items()
        if file.is_file() and not file.is_symlink()
    ]


def root_problems(static_dir: str, content_dir: Path, own: Iterable[str]) -> list[Diagnostic]:
    """An error on each file of `static_dir` that cannot be published at its path beside
    `own` (every path the site writes of its own: pages, feeds, redirects, theme files),
    named from `content_dir` as articles are (`../static/robots.txt`, shown
    `static/robots.txt`): a symbolic link, or a path the site already has."""
    own = set(own)
    folders = {path[:i] for path in own for i, c in enumerate(path) if c == "/"}
    found = []
    for path, file in root_paths(static_dir).items():
        shown = f"{FOLDER}/{path}"
        where = os.path.relpath(file, content_dir.absolute())
        problem = _clash(path, own, folders)
        if file.is_symlink() or not file.is_file():
            found.append(
                error(
                    where,
                    1,
                    f"{shown} is a symbolic link or not a regular file, which is not published",
                    f"put the file itself in {FOLDER}/, in place of the link",
                )
            )
        elif problem:
            found.append(
                error(
                    where,
                    1,
                    f"{shown} would be published at /{path}, {problem}",
                    f"rename or delete {shown}: newsdigest makes that address itself "
                    f"(a theme file goes in templates/{FOLDER}/, published under /{FOLDER}/)",
                )
            )
    return found


def _clash(path: str, own: set[str], folders: set[str]) -> str:
    """Why the root file at site path `path` cannot be written beside `own`, or ''."""
    if path in own:
        return f"where newsdigest publishes its own /{path}"
    if path in folders:
        inside = min(f for f in own if f.startswith(path + "/"))
        return f"a folder where newsdigest publishes /{inside}"
    parts = path.split("/")
    for end in range(1, len(parts)):
        folder = "/".join(parts[:end])
        if folder in own:
            return f"inside /{folder}, which newsdigest publishes as a file"
    return ""


# Files a site keeps at its root (ads.txt, a search console's verification page, robots.txt,
# a web app manifest), by extension: left in content/ or templates/, they are not published.
_ROOT_LIKE = (".txt", ".html", ".htm", ".xml", ".json", ".webmanifest")


def _unread_link(entry: Path, project: Path, content_dir: Path) -> Diagnostic:
    """A warning for a link in templates/ that leads to nothing or back to itself (any
    name: a template so linked is not used either), never told to move to static/."""
    try:
        target = os.readlink(entry)
    except OSError:
        target = "another link"
    shown = Path(os.path.relpath(entry, project)).as_posix()
    return warning(
        os.path.relpath(entry, content_dir),
        1,
        f"{shown} is a link to {target}, "
        + ("which leads back to itself" if looped(entry) else "which does not exist")
        + ", so it cannot be read; it is not used",
        "delete the link, or copy the file itself into templates/ in its place",
    )


def misplaced(project: Path, content_dir: Path) -> list[Diagnostic]:
    """A warning for each file left where a file for the site root is not published: at the
    top of content/ (not an article: `ads.txt`, `google123.html`) or of templates/ (not a
    template), and a `.well-known/` folder in either; named from `content_dir`."""
    found = []
    for folder, what in (
        (content_dir, "articles and the files they use"),
        (
            project / "templates",
            "the theme's templates (*.html), locale/ and static/ (published under /static/)",
        ),
    ):
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            name = entry.name
            if entry.is_dir() and name != ".well-known":
                continue
            if entry.is_symlink() and not entry.exists():  # to nothing, or to itself (T8)
                if folder != content_dir:  # in content/, its own message says so
                    found.append(_unread_link(entry, project, content_dir))
                continue
            if entry.is_file() and not name.lower().endswith(_ROOT_LIKE):
                continue
            if folder == content_dir and entry.is_file() and saved_as_text(name, entry):
                continue  # an article saved as text (`story.md.txt`): an error says so
            if folder != content_dir and name.lower().endswith((".html", ".htm")):
                continue  # a template
            shown = Path(os.path.relpath(entry, project)).as_posix()
            found.append(
                warning(
                    os.path.relpath(entry, content_dir),
                    1,
                    f"{shown} is not published at the site root (/{name}): "
                    f"{folder.name}/ holds {what}",
                    f"move it to {FOLDER}/{name}: every file in {FOLDER}/ is published at "
                    f"the site root as it is (/{name})",
                )
            )
    return found
