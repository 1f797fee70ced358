"""`newsdigest theme list` and `newsdigest theme copy PATH`: see and start theme overrides.

`list` prints every file of the built-in theme by its relative path ('base.html',
'partials/card.html', 'static/style.css'), marking those the site's override folder
replaces. `copy` starts an override: it copies the theme's file, byte for byte, to the
same path in the override folder (templates/ by default) and never overwrites a file.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from generator.diagnostics import UsageError
from generator.render.theme import THEME_DIR, Theme, default_files
from generator.settings_file import find_settings


def theme_listing(overrides: Path) -> list[tuple[str, bool]]:
    """(path, replaced by the site's file) for every file of the built-in theme."""
    replaced = set(Theme(overrides).overridden())
    return [(name, name in replaced) for name in default_files()]


def _theme_name(name: str, overrides: Path) -> str:
    """The theme's relative path for what the user typed ('templates/base.html' works too)."""
    path = PurePosixPath(name.replace("\\", "/"))
    parts = [p for p in path.parts if p not in ("", ".")]
    if parts[:1] == [overrides.name]:
        parts = parts[1:]
    return "/".join(parts)


def copy_from_theme(overrides: Path, name: str) -> Path:
    """Copy the theme's file `name` to `overrides`/`name`; return the new file's path.

    UsageError (nothing written) when the theme has no such file (the closest names are
    suggested) or the site already has its own.
    """
    known = default_files()
    relative = _theme_name(name, overrides)
    if relative not in known:
        close = difflib.get_close_matches(relative, known, n=3)
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        raise UsageError(
            f"the theme has no file {name!r}; {hint}`newsdigest theme list` shows every file"
        )
    target = overrides / relative
    if target.exists():
        raise UsageError(
            f"{target} already exists: it is the site's own copy, and theme copy "
            "never overwrites one. Delete it first to start again from the theme"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with (THEME_DIR / relative).open("rb") as source, target.open("xb") as copy:
            shutil.copyfileobj(source, copy)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from None
    return target


def theme_command(action: str, overrides: Path, name: str, site: Path) -> str:
    """What `theme list` or `theme copy NAME` prints; copy needs a site's folder."""
    if action == "list":
        return "\n".join(
            f"{path}  * replaced by {(overrides / path).as_posix()}" if own else path
            for path, own in theme_listing(overrides)
        )
    find_settings(site)  # a site's folder, not anywhere
    return copy_from_theme(overrides, name).as_posix()


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    site_help: str,
    add_templates: Callable[[argparse.ArgumentParser], None],
) -> None:
    """The `theme list` and `theme copy PATH` arguments."""
    theme = commands.add_parser(
        "theme",
        help="list the built-in theme's files or copy one to override it",
        description="The built-in theme's files, and overrides started from them in templates/.",
    )
    actions = theme.add_subparsers(dest="theme_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every file of the theme; * marks the site's own")
    copy = actions.add_parser("copy", help="copy a theme file into templates/ to edit it")
    copy.add_argument(
        "path",
        metavar="PATH",
        help="as `theme list` shows it, e.g. partials/card.html or static/style.css",
    )
    for action in (listing, copy):
        action.add_argument(
            "--site", metavar="DIR", type=Path, default=argparse.SUPPRESS, help=site_help
        )
        add_templates(action)
