"""Where a site's settings are: newsdigest.toml, or [tool.newsdigest] in pyproject.toml,
read as TOML (config.py types and checks them); and where the site's parts are (`Paths`)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import ConfigError
from generator.settings_errors import toml_error

SETTINGS_FILE = "newsdigest.toml"  # a site's settings, at the top level of the file
PYPROJECT = "pyproject.toml"  # or [tool.newsdigest] here, for a site that is a Python project


@dataclass(frozen=True, slots=True)
class Paths:
    """Where the project's parts are on disk."""

    project: Path
    content: Path
    templates: Path
    output: Path


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM, as Notepad writes
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise toml_error(path, str(exc)) from None


def settings_named(site_dir: Path) -> str:
    """How to name, in a fix, the settings file of the site in `site_dir`: "newsdigest.toml",
    "[tool.newsdigest] in pyproject.toml", or "the site's settings file" when neither is
    there."""
    if (site_dir / SETTINGS_FILE).is_file():
        return SETTINGS_FILE
    if (site_dir / PYPROJECT).is_file():
        return f"[tool.newsdigest] in {PYPROJECT}"
    return "the site's settings file"


def find_settings(site_dir: Path) -> tuple[Path, dict[str, Any], str]:
    """The site's settings file in `site_dir`, its table of settings, and how to name it.

    newsdigest.toml (settings at the top level) or pyproject.toml's [tool.newsdigest];
    ConfigError when there is neither, or both (naming both files).
    """
    own, pyproject = site_dir / SETTINGS_FILE, site_dir / PYPROJECT
    tool: dict[str, Any] | None = None
    if pyproject.is_file():
        found = _read_toml(pyproject).get("tool", {}).get("newsdigest")
        tool = dict(found) if isinstance(found, dict) else None
    if own.is_file():
        if tool is not None:
            raise ConfigError(
                f"settings are in both {own} and {pyproject} [tool.newsdigest]; keep one of "
                "them (newsdigest.toml for a newsroom) and delete the other"
            )
        return own, _read_toml(own), str(own)
    if tool is not None:
        return pyproject, tool, f"{pyproject} [tool.newsdigest]"
    raise ConfigError(
        f"no site here: {site_dir} has no {SETTINGS_FILE} (nor [tool.newsdigest] in "
        f"{PYPROJECT}); run newsdigest in the site's folder, pass --site DIR, or start a site "
        "with `newsdigest init DIR`"
    )
