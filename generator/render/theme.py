"""The theme: the default one inside the package, overridden file by file by the site's own.

The default theme (Jinja2 templates and `static/` assets) ships in the package at
`generator/theme/`, so `pip install -U newsdigest` upgrades it. A site's override folder
(`templates/` by default, absent in a site that uses the theme as it is) holds files at
the same relative paths: each one replaces the theme's file of that name and every other
theme file is used as it is, as Hugo's layouts/ overrides a theme's. Templates are found
through a Jinja2 ChoiceLoader over `folders()` (override folder first; render/environment.py);
static files are the union of both folders' `static/` with the override winning.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


def _files(root: Path) -> Iterator[tuple[str, Path]]:
    """(relative POSIX path, file) for every non-hidden file under `root` (none in a
    hidden folder or __pycache__), in the order of sorted(root.rglob("*")) (folder by
    folder, os.walk: half pathlib's CPU; a link to a folder is not followed)."""
    top = os.fspath(root)
    if not os.path.isdir(top):
        return
    found: list[tuple[list[str], str, str]] = []
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = [name for name in subfolders if not _hidden(name)]
        parts = [] if folder == top else os.path.relpath(folder, top).split(os.sep)
        for name in names:
            if not _hidden(name) and os.path.isfile(os.path.join(folder, name)):
                found.append(([*parts, name], folder, name))
    for parts, folder, name in sorted(found):
        yield "/".join(parts), Path(folder, name)


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


@dataclass(frozen=True, slots=True)
class Theme:
    """The packaged theme with a site's override folder in front (which may not exist)."""

    overrides: Path
    default: Path = THEME_DIR

    def folders(self) -> list[Path]:
        """Where files are looked up, first match wins: the override folder, then the theme."""
        return [self.overrides, self.default] if self.overrides.is_dir() else [self.default]

    def files(self) -> dict[str, Path]:
        """Every file of the theme as the site sees it: relative path -> the file that wins."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders()):
            found.update(_files(folder))
        return dict(sorted(found.items()))

    def static_files(self) -> Iterator[tuple[str, Path]]:
        """(path under static/, file) for every asset the site publishes."""
        for name, path in self.files().items():
            if name.startswith("static/"):
                yield name.removeprefix("static/"), path

    def overridden(self) -> list[str]:
        """The theme files the site's folder replaces (relative paths)."""
        own = dict(_files(self.default))
        return (
            [name for name, _ in _files(self.overrides) if name in own]
            if self.overrides.is_dir()
            else []
        )

    def fingerprint(self) -> str:
        """A digest of every file the site sees: theme files and overrides, by name and bytes."""
        digest = hashlib.blake2b(digest_size=16)
        for name, path in self.files().items():
            data = path.read_bytes()
            digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
            digest.update(len(data).to_bytes(8, "little") + data)
        return digest.hexdigest()


def default_files() -> list[str]:
    """The relative paths of the packaged theme's files, e.g. 'base.html', 'static/style.css'."""
    return [name for name, _ in _files(THEME_DIR)]
