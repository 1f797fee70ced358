"""Where a site's settings are: newsdigest.toml, or [tool.newsdigest] in pyproject.toml,
read as TOML (config.py types and checks them); and where the site's parts are (`Paths`)."""

from __future__ import annotations

import difflib
import os
import re
import time
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from generator.diagnostics import ConfigError, Diagnostic, error
from generator.load.encoding import UTF16_FIX, utf16
from generator.settings_errors import (
    Problem,
    display,
    shown,
    text,
    toml_error,
    toml_value,
)
from generator.settings_lines import statement_lines

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
    """The file's table, and an error for each setting written a second time or that TOML
    cannot read (`timezone = Asia/Kolkata`): that statement is left out and the rest read,
    so that the settings' other mistakes are named in the same run (config.load reports
    them all, and checks no setting whose line has an error already). ConfigError for a
    TOML mistake on no line, or that leaving its statement out does not get past."""
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
            problem = toml_error(path, str(exc), setting_names())
        found = problem.diagnostics
        again = any(d.line == found[0].line for d in twice) if len(found) == 1 else True
        if len(found) != 1 or found[0].line < 1 or again or len(twice) > 99:
            everything = tuple(twice) + found
            raise ConfigError(*(text(d) for d in everything), diagnostics=everything)
        twice.append(found[0])  # the statement left out, the rest read: every problem named
        written = _without_statement(written, found[0].line)


def setting_names() -> set[str]:
    """The name of every setting (config.Settings' declared fields)."""
    from generator.config import Settings

    return {f.name for f in fields(Settings) if f.metadata}


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


def _lifted(file: Path, table: dict[str, Any]) -> tuple[dict[str, Any], list[Diagnostic]]:
    """newsdigest.toml's table with the settings written under a [table] header (`[tool.
    newsdigest]` copied from a pyproject.toml, `[newsdigest]`, `[settings]`: a table most
    of whose keys are settings) moved to the top level, where they are checked as written
    (not reported as missing), and an error on the line of each such header."""
    known = setting_names()
    lifted, found = dict(table), []
    for key, value in table.items():
        inner = _settings_table(key, value, known)
        if inner is None:
            continue
        path, settings = inner
        line, typed = _header(file, path)
        header = typed or (f"[{path}]" if not isinstance(value, list) else f"[[{path}]]")
        del lifted[key]
        for name, setting in settings.items():
            lifted.setdefault(name, setting)
        if not typed and (dotted := _dotted(file, path, settings)):
            found += dotted  # `site.title = "x"`: no [site] line to delete
            continue
        others = value.items() if isinstance(value, dict) and path.count(".") == 1 else ()
        for other in (k for k, _ in others if k != path.split(".")[1]):
            found.append(  # [tool.black] beside [tool.newsdigest]: not newsdigest's
                error(
                    display(file),
                    _header(file, f"{key}.{other}")[0],
                    f"unknown table [{key}.{other}]",
                    "delete this line and the lines under it, up to the next [table] or the "
                    "end of the file (newsdigest's settings hold no tables: README, Settings)",
                )
            )
        found.append(
            error(
                display(file),
                line,
                f"the line {header} puts the settings below it in a table, and newsdigest "
                "reads settings only at the top level",
                f"delete the line {header}: {SETTINGS_FILE} holds its settings at the top "
                "level, with no [table] header above them"
                + (" ([tool.newsdigest] is how pyproject.toml holds them)" if "." in path else ""),
            )
        )
    return lifted, found


def _dotted(file: Path, path: str, settings: dict[str, Any]) -> list[Diagnostic]:
    """An error on each line of `file` that sets a setting with a dotted name, `site.title
    = "x"` (TOML reads it as the table `site`; Hugo's and Jekyll's users write such keys),
    whose fix is the line without the table's name; [] when there is no such line."""
    from generator.settings_lines import line_of

    found = []
    statements = list(statement_lines(file.read_text(encoding="utf-8-sig", errors="replace")))
    for name, setting in settings.items():
        dotted = re.compile(r"\s*" + _dotted_name(f"{path}.{name}") + r"\s*=")
        line = next((n for n, ln in statements if dotted.match(ln)), 0)
        if not line:
            return []
        fixed = f"{name} = {toml_value(setting)}"
        top = line_of(file, name)
        fix = f"write it without '{path}.': {fixed}"
        if top:
            fix = f"{name} is set on line {top} already: delete this line, or that one and {fix}"
        found.append(
            error(
                display(file),
                line,
                f"'{path}.{name}' is a dotted name, which TOML reads as a table, '{path}', and "
                "newsdigest reads settings only at the top level",
                fix,
            )
        )
    return found


def _dotted_name(path: str) -> str:
    """A pattern for the dotted key PATH as TOML lets it be typed (names in quotes or not,
    spaces around the dots)."""
    return r"\s*\.\s*".join(f"[\"']?{re.escape(part)}[\"']?" for part in path.split("."))


def _header(file: Path, path: str) -> tuple[int, str]:
    """The line of the header [PATH] (or [[PATH]], its names in quotes or not: `["a"]`) in
    `file`, and the header as typed; (0, '') when it is not found."""
    header = re.compile(r"\s*\[\[?\s*" + _dotted_name(path) + r"\s*\]\]?")
    text = file.read_text(encoding="utf-8-sig", errors="replace")
    for number, line in statement_lines(text):
        if found := header.match(line):
            return number, found.group().strip()
    return 0, ""


def _settings_table(key: str, value: Any, known: set[str]) -> tuple[str, dict[str, Any]] | None:
    """(its name, the table) for the table `key`, or a table in it (at any depth:
    `[tool.newsdigest.settings]`), more than half of whose keys are settings: 'newsdigest',
    'tool.newsdigest'; None when there is none. A list of one table (`[[newsdigest]]`) is
    that table."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
        value = value[0]
    if not isinstance(value, dict) or not value:
        return None
    if sum(k.replace("-", "_") in known for k in value) * 2 > len(value):
        return key, value
    for inner, table in value.items():
        found = _settings_table(f"{key}.{inner}", table, known)
        if found is not None:
            return found
    return None


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
    misspelt = ""  # [tool.newsdiggest]: named when there is no site here
    if pyproject.is_file():
        whole, twice = _read_toml(pyproject)
        tables = whole["tool"] if isinstance(whole.get("tool"), dict) else {}
        found = tables.get("newsdigest")
        tool = dict(found) if isinstance(found, dict) else None
        close = [] if tool else difflib.get_close_matches("newsdigest", list(tables), 1, 0.8)
        if close:
            misspelt = f"; {PYPROJECT} has [tool.{close[0]}]: did you mean [tool.newsdigest]?"
    if own.is_file():
        if tool is not None:
            raise ConfigError(
                f"settings are in both {own} and {pyproject} [tool.newsdigest]; keep one of "
                "them (newsdigest.toml for a newsroom) and delete the other"
            )
        table, twice = _read_toml(own)
        table, headers = _lifted(own, table)
        return own, table, str(own), twice + headers
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
        f"{PYPROJECT}){misspelt}; run newsdigest in the site's folder, pass --site DIR, "
        "or start a site with `newsdigest init DIR`"
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


def logo_file(project_dir: Path, logo: str) -> tuple[str, str | None]:
    """The logo setting as an absolute path ('' for none), or why it cannot be ('what is
    wrong; what to do'): it must be an image Pillow reads of a kind browsers show (a TIFF
    or BMP logo: none shows). A logo not found is looked for by its name in the project
    (`static/logo.png` for `logo = "logo.png"`), for the fix."""
    from generator.load.measure import web_format

    if not logo:
        return "", None
    path = (project_dir / logo).resolve()
    if not path.is_file():
        found = file_named(project_dir, Path(logo).name, logo)
        where = path.parent
        capitals = (
            " (file names must match in capitals too)"
            if found.casefold() == logo.casefold()
            else ""
        )
        fix = (
            f"did you mean {found!r}?{capitals} write: logo = {toml_value(found)}"
            if found
            else f"put {Path(logo).name} in {where}, or write the path of the logo "
            'from the project folder (logo = "brand/logo.png" for a file logo.png in brand/)'
        )
        return "", f"logo {shown(logo)} does not exist (looked for {path}); {fix}"
    problem = web_format(path)
    if problem:
        return "", f"logo {shown(logo)} {problem}; save it as a PNG, JPEG, GIF or WebP file"
    return str(path), None


def file_named(project_dir: Path, name: str, path: str = "") -> str:
    """The path from `project_dir` of the one file called `name` in it or a folder below it
    (not a hidden one, nor the built site/), in any capitals ('Logo.PNG' finds logo.png: a
    Mac's disk ignores them, the server's does not); '' for none or several. Of several,
    the one at `path` in other capitals ('Brand/Logo.png')."""
    found = []
    for folder, folders, files in os.walk(project_dir):
        folders[:] = [
            f
            for f in folders
            if not f.startswith(".") and (folder, f) != (str(project_dir), "site")
        ]
        found += [
            Path(folder, file).relative_to(project_dir).as_posix()
            for file in files
            if file.casefold() == name.casefold()
        ]
    exact = [f for f in found if f.casefold() == path.casefold()]
    return found[0] if len(found) == 1 else exact[0] if len(exact) == 1 else ""


def site_id_meant(value: str, pattern: re.Pattern[str]) -> str:
    """The site_id `value` meant, typed with a web address's scheme, port or path, or spaces
    ('https://example.org/news/, 2026' -> 'example.org,2026'), or as a tag URI's start
    ('tag:example.com,2025:'), its host in lower case, that `pattern` (config's) matches;
    '' when none is, or the host is a local one (localhost, an IP address)."""
    text = re.sub(r"^tag:|:$", "", value.strip(), flags=re.I)  # a tag URI's 'tag:...:'
    host, comma, year = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.I).partition(",")
    host = re.sub(r":\d*$", "", host.strip().split("/")[0]).lower().removesuffix(".")  # port
    if _LOCAL.search(host):  # `https://localhost:8000/`: no domain of the site's to offer
        return ""
    meant = host + comma + "".join(year.split())
    return meant if meant != value and pattern.match(meant) else ""


# This computer, a name with no dot, an IP address (IPv6 in brackets): never a site_id
_LOCAL = re.compile(r"^(?:localhost|[^.]*|[0-9.]+|\[.*)$|\.(?:localhost|local|internal|test)$")


def empty_publisher(table: dict[str, Any], key: str) -> list[Problem]:
    """`publisher = ""` (or only spaces) written in the file: an error on its line, as an
    empty title is, rather than the title put in its place unsaid. Left out, the title is
    the publisher (the setting's default)."""
    value = table.get(key)
    if not isinstance(value, str) or value.strip():
        return []
    return [
        Problem(
            key,
            "publisher is empty",
            "feeds and search engines name the organisation that publishes the site: "
            f'write its name, for example {key} = "Daily News Ltd", or delete this line '
            "to name the site's title as the publisher",
        )
    ]


def site_id_problem(value: str, pattern: re.Pattern[str]) -> str | None:
    """Why `value` is not a site_id (a domain, a comma and a year: `pattern`), with the line
    to write (the domain of an address typed in its place), or None."""
    if pattern.match(value):
        return None
    year = f",{time.gmtime().tm_year}" if "/" in value and "," not in value else ""  # a URL
    meant = site_id_meant(value + year, pattern)  # 'https://example.com/': its host
    if meant:  # 'https://example.org,2026', 'example.org, 2026'
        return (
            f"site_id {shown(value)} is not valid: it is a domain, a comma and a year, with no "
            f'https:// nor spaces; write: site_id = "{meant}"'
        )
    bare = pattern.match(f"{value},2025")  # 'example.org': the year missing
    what = f"{shown(value)} {'has no year' if bare else 'is not valid'}" if value else "is not set"
    return (
        f"site_id {what}; it names the site in every feed GUID and must never change. Use "
        f"a domain you own and the year you started, {'after a comma, ' if bare else ''}for "
        f'example site_id = "{value if bare else "example.org"},{time.gmtime().tm_year}"'
    )
