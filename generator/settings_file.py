"""Where a site's settings are: newsdigest.toml, or [tool.newsdigest] in pyproject.toml,
read as TOML (config.py types and checks them); and where the site's parts are (`Paths`)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import ConfigError, Diagnostic, error
from generator.load.encoding import UTF16_FIX, utf16
from generator.settings_errors import display, statement_lines, text, toml_error

SETTINGS_FILE = "newsdigest.toml"  # a site's settings, at the top level of the file
PYPROJECT = "pyproject.toml"  # or [tool.newsdigest] here, for a site that is a Python project


@dataclass(frozen=True, slots=True)
class Paths:
    """Where the project's parts are on disk."""

    project: Path
    content: Path
    templates: Path
    output: Path


def _read_toml(path: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The file's table, and an error for each setting written a second time: that line is
    left out and the rest read, so that the settings' other mistakes are named in the same
    run (config.load reports them all). ConfigError for any other TOML mistake, with the
    second settings found before it."""
    raw = path.read_bytes()
    try:
        written = raw.decode("utf-8-sig")  # a BOM, as Notepad writes
    except UnicodeDecodeError as exc:
        raise _not_utf8(path, raw, exc) from None
    twice: list[Diagnostic] = []
    while True:
        try:
            return tomllib.loads(written), twice
        except tomllib.TOMLDecodeError as exc:
            problem = toml_error(path, str(exc))
        found = problem.diagnostics
        if len(found) != 1 or not found[0].message.startswith("the setting ") or len(twice) > 99:
            everything = tuple(twice) + found
            raise ConfigError(*(text(d) for d in everything), diagnostics=everything)
        twice.append(found[0])
        written = _without_statement(written, found[0].line)


def _without_statement(text: str, line: int) -> str:
    """`text` with the statement that starts on `line` blanked (its lines kept, empty)."""
    lines = text.split("\n")
    after = next((n for n, _ in statement_lines(text) if n > line), len(lines) + 1)
    for number in range(line, after):
        lines[number - 1] = ""
    return "\n".join(lines)


def _not_utf8(path: Path, raw: bytes, exc: UnicodeDecodeError) -> ConfigError:
    """The settings file saved as UTF-16 or UTF-32 (Notepad's "Unicode"), or holding a
    byte that is not UTF-8 (on its line), with how to save it as UTF-8."""
    wide = utf16(raw)
    line = 1 if wide else raw.count(b"\n", 0, exc.start) + 1
    message = wide or (
        f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02x} on this line is not a "
        "character in UTF-8 (the file was saved in another encoding, such as Windows-1252)"
    )
    found = error(display(path), line, message, UTF16_FIX if wide else _SAVE_UTF8)
    return ConfigError(text(found), diagnostics=(found,))


_SAVE_UTF8 = (
    "open it and save it again as UTF-8 (in VS Code: click the encoding's name in the "
    "status bar, then Save with Encoding, UTF-8)"
)


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
    ConfigError when there is neither, or both (naming both files). A setting written
    twice is not an error here (the second is left out): `read_settings` names it.
    """
    file, table, name, _ = read_settings(site_dir)
    return file, table, name


def read_settings(site_dir: Path) -> tuple[Path, dict[str, Any], str, list[Diagnostic]]:
    """find_settings' answer, and an error for each setting written a second time in the
    file (its second line left out of the table)."""
    own, pyproject = site_dir / SETTINGS_FILE, site_dir / PYPROJECT
    tool: dict[str, Any] | None = None
    twice: list[Diagnostic] = []
    if pyproject.is_file():
        whole, twice = _read_toml(pyproject)
        found = whole.get("tool", {}).get("newsdigest")
        tool = dict(found) if isinstance(found, dict) else None
    if own.is_file():
        if tool is not None:
            raise ConfigError(
                f"settings are in both {own} and {pyproject} [tool.newsdigest]; keep one of "
                "them (newsdigest.toml for a newsroom) and delete the other"
            )
        table, twice = _read_toml(own)
        return own, table, str(own), twice
    if tool is not None:
        return pyproject, tool, f"{pyproject} [tool.newsdigest]", twice
    above = _site_above(site_dir)
    if above is not None:
        raise ConfigError(
            f"no site here: {site_dir} is inside the site {above}, not the site's own folder; "
            f"run newsdigest there (cd {above}) or pass --site {above}"
        )
    raise ConfigError(
        f"no site here: {site_dir} has no {SETTINGS_FILE} (nor [tool.newsdigest] in "
        f"{PYPROJECT}); run newsdigest in the site's folder, pass --site DIR, or start a site "
        "with `newsdigest init DIR`"
    )


def _site_above(folder: Path) -> Path | None:
    """The nearest folder above `folder` with a newsdigest.toml or a pyproject.toml with
    [tool.newsdigest] (an editor who ran newsdigest in content/2025/), or None."""
    for parent in folder.resolve().parents:
        if (parent / SETTINGS_FILE).is_file():
            return parent
        pyproject = parent / PYPROJECT
        if pyproject.is_file() and "[tool.newsdigest]" in pyproject.read_text("utf-8", "replace"):
            return parent
    return None
