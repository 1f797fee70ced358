"""A wrong setting as a Diagnostic on its line of the settings file, with the fixed line.

Every command reports settings the same way (`check`, `build`, `new`, `serve`'s error
page): `newsdigest.toml:4: error: items_per_page must be a whole number, not 'ten'` and
`fix: write the number without quotes: items_per_page = 10`. The line is that of the
setting in newsdigest.toml, or in pyproject.toml's [tool.newsdigest] table.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import ConfigError, Diagnostic, error
from generator.load.look_alikes import setting_look_alike
from generator.settings_lines import KEY, line_of, statement_lines


@dataclass(frozen=True, slots=True)
class Problem:
    """One wrong setting: its key as written ('' when it is not about one), what is wrong,
    and how to fix it."""

    key: str
    message: str
    hint: str = ""


def display(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def toml_value(value: Any, literal: bool = False) -> str:
    """`value` as TOML 1.0 writes it, never as Python does: 10, 1.5, inf, true, "text",
    [1, 2], { a = 1 }, 2025-06-01T10:00:00Z. Text is a basic string ("...", escaped), or
    with `literal` a literal string ('...') when it holds no ' and no control character."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else repr(value)  # 1.5, 1e+20, inf, -inf
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        written = value.isoformat()
        return written[:-6] + "Z" if written.endswith("+00:00") else written
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item, literal) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{_toml_key(key)} = {toml_value(item, literal)}" for key, item in value.items())
        return "{ " + ", ".join(pairs) + " }" if value else "{}"
    text = str(value)
    if literal and "'" not in text and not any(_control(c) for c in text):
        return f"'{text}'"
    escaped = (_TOML_ESCAPES.get(c) or (f"\\u{ord(c):04X}" if _control(c) else c) for c in text)
    return '"' + "".join(escaped) + '"'


def shown(value: Any) -> str:
    """`value` quoted in a message as TOML spells it: true, 10, 'text' (literal where it can be)."""
    return toml_value(value, literal=True)


_TOML_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _control(c: str) -> bool:
    return c < " " or c == "\x7f"


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_value(key)


def not_boolean(name: str, value: Any) -> str:
    """What is wrong with a value of true/false setting `name` that is not true or false:
    a true/false word in quotes (`trusted_html = "true"`) is said to be text."""
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
        return (
            f"{name} is written in quotes ({shown(value)}), which makes it text, not true or false"
        )
    return f"{name} must be true or false, not {shown(value)}"


def wrong_type(name: str, value: Any, default: Any) -> str:
    """How to write setting `name` with the type its `default` has: the fixed line."""
    if isinstance(default, bool):
        good = str(value).strip().lower() in ("true", "yes", "1", "on")
        return f"write true or false, without quotes: {name} = {toml_value(good)}"
    if isinstance(default, int):
        digits = str(value).replace(",", "").replace("_", "").strip()
        number = int(digits) if digits.isdigit() else default
        if isinstance(value, float) and value.is_integer():  # 1e9, 2.0: the number meant
            number = int(value)
        if number < 1:  # every whole-number setting is at least 1: a fix that holds
            number = default
        return f"write a whole number, without quotes: {name} = {number}"
    return f"put the text in double quotes: {name} = {toml_value(str(value))}"


def unknown(
    key: str, value: Any, known: list[str], written: Collection[str] = (), file: Path | None = None
) -> Problem:
    """An unknown setting (`site-id` too): the setting it looks like a misspelling of (set
    already when one of the `written` keys: its line of `file` named), or the known ones."""
    from generator import settings_tables  # it builds on this module

    if table := settings_tables.problem(key, value, known, written, file):  # `site.id = `
        return table
    close = difflib.get_close_matches(key.replace("-", "_").lower(), known, n=1, cutoff=0.75)
    if key.replace("-", "_") in known:  # `site-id`: never read as site_id
        close = [key.replace("-", "_")]
    what = f"unknown setting {key!r}" + (
        " (settings are written with '_', never '-')" * ("-" in key)
    )
    if close and close[0] in written:
        line = f"on line {line_of(file, close[0])}" if file else ""
        line = "on another line" if line in ("", "on line 0") else line
        return Problem(
            key,
            what,
            f"did you mean {close[0]!r}? It is set {line} already: delete this line, or delete"
            f" that one and write here: {close[0]} = {toml_value(value)}",
        )
    if close:
        return Problem(
            key, what, f"did you mean {close[0]!r}? write: {close[0]} = {toml_value(value)}"
        )
    return Problem(
        key,
        f"unknown setting {key!r}",
        f"delete this line, or use one of the known settings: {', '.join(known)} "
        "(README: Settings)",
    )


def split_advice(message: str) -> tuple[str, str]:
    """'what is wrong; what to do' -> the two parts ('' for a message without advice)."""
    what, _, advice = message.partition("; ")
    return what, advice


def diagnostic(file: Path, problem: Problem) -> Diagnostic:
    """The problem on the line of its setting in `file` (line 0 when it is not written),
    a number it names quoted as typed (`not 1e9`, not as Python writes it: 1000000000.0)."""
    empty = problem.message.startswith("unknown setting ''")  # `"" = "x"`: a key, empty
    line = line_of(file, problem.key) if problem.key or empty else 0
    message = problem.message
    number = _NOT_A_NUMBER.search(message)
    typed = _typed_value(file, line) if number and line else ""
    if number and typed and _NUMBER.fullmatch(typed):
        message = message[: number.start(1)] + typed
    return error(display(file), line, message, problem.hint)


# `..., not 1000000000.0` at the end of a message: a float, as toml_value writes it
_NOT_A_NUMBER = re.compile(r", not (-?(?:\d[\d.e+-]*|inf|nan))$")
_NUMBER = re.compile(r"[+-]?(?:[\d_]+(?:\.[\d_]+)?(?:[eE][+-]?[\d_]+)?|inf|nan)")


def _typed_value(file: Path, line: int) -> str:
    """The value on `line` of `file` as typed (`1e9` in `items_per_page = 1e9  # note`)."""
    return _line_text(file, line).partition("=")[2].partition("#")[0].strip()


def _line_text(file: Path, line: int) -> str:
    """Line `line` of `file` as typed; '' when there is none."""
    try:
        lines = file.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return ""
    return lines[line - 1] if 0 < line <= len(lines) else ""


def settings_error(
    file: Path, problems: list[Problem], found_too: list[Diagnostic] | None = None
) -> ConfigError:
    """A ConfigError holding each problem as a Diagnostic on its line of `file`, with
    `found_too` (those already on their line: a setting written twice)."""
    made = [diagnostic(file, problem) for problem in problems] + (found_too or [])
    written = sorted(made, key=_by_line)
    found = tuple(written)
    return ConfigError(*(text(d) for d in found), diagnostics=found)


def _by_line(found: Diagnostic) -> tuple[bool, int]:
    """In the order of the file's lines; problems on no line after them."""
    return (found.line == 0, found.line)


def toml_error(file: Path, detail: str, known: Collection[str] = ()) -> ConfigError:
    """A TOML syntax error on the line tomllib names ('(at line 4, column 9)', or the last
    line for '(at end of document)'); `known`, the settings' names, tells a line whose
    setting is none of them (`bogus = = 1`) as that first."""
    at = re.search(r"\(at line (\d+), column \d+\)", detail)
    line = int(at.group(1)) if at else 0
    if "(at end of document)" in detail:
        try:
            line = len(file.read_text(encoding="utf-8-sig", errors="replace").splitlines())
        except OSError:
            line = 0
    what = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", detail)
    twice = _written_twice(file, line, what) if line else None
    found = (
        twice
        or _look_alike(file, line)
        or _unquoted(file, line, what, known)
        or error(
            display(file),
            line,
            f"this line is not valid TOML: {what}" if line else f"not valid TOML: {what}",
            "write each setting as name = value on its own line, text in double quotes: "
            'title = "Daily News"',
        )
    )
    return ConfigError(text(found), diagnostics=(found,))


def _look_alike(file: Path, line: int) -> Diagnostic | None:
    """A non-breaking space (Option+Space, a paste) or a full-width '＝' around a setting's
    '=', named on its line with the line retyped, for tomllib's 'Invalid value'."""
    written = _line_text(file, line)
    found = None if written.isascii() else setting_look_alike(written)
    if found is None:
        return None
    return error(display(file), line, *found)


_SETTING = re.compile(r"^\s*(?P<key>[A-Za-z0-9_-]+)\s*=\s*(?P<value>[^\s\"'\[{#].*?)\s*(?:#.*)?$")


def _unquoted(file: Path, line: int, what: str, known: Collection[str] = ()) -> Diagnostic | None:
    """tomllib's 'Invalid value' for text written without quotes (`timezone = Asia/Kolkata`),
    said as such, with the user's own line quoted; a setting that is none of `known` said
    first as unknown (`bogus = = 1`: delete the line), '=' typed twice as such (`title = =
    "x"`: title = "x"), so that the fix, followed, leaves no error (prober5 P11)."""
    if what != "Invalid value" or not line:
        return None
    try:
        lines = file.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
    found = _SETTING.match(lines[line - 1]) if line <= len(lines) else None
    if found is None:
        return None
    key, typed = found.group("key"), found.group("value")
    meant = _after_second_equals(typed)
    if known and key not in known and _in_settings(file, lines[: line - 1]):
        setting = re.compile(r"\s*([\w-]+)\s*=")
        written = {m.group(1) for text in lines if (m := setting.match(text))} - {key}
        named = unknown(key, meant if meant is not None else typed, sorted(known), written, file)
        return error(display(file), line, named.message, named.hint)
    if meant is not None:
        return error(
            display(file),
            line,
            f"the line for {key} has '=' twice, which TOML cannot read",
            f"write one '=': {key} = {toml_value(meant)}",
        )
    value = typed.replace("\\", "\\\\").replace('"', '\\"')
    return error(
        display(file),
        line,
        f"the value of {key} is text written without quotes, which TOML cannot read",
        f'put it in double quotes: {key} = "{value}"',
    )


def _after_second_equals(typed: str) -> Any:
    """The value after an '=' typed twice (`= "x"` -> 'x', `= 1` -> 1), as TOML reads it
    (or the text, when it reads none); None when `typed` does not start with '='."""
    if not typed.startswith("="):
        return None
    rest = typed[1:].strip()
    try:
        return tomllib.loads(f"v = {rest}")["v"]
    except tomllib.TOMLDecodeError:
        return rest


def _in_settings(file: Path, above: list[str]) -> bool:
    """Whether a line after the lines `above` is in newsdigest's settings: under no table
    header in newsdigest.toml, under [tool.newsdigest] in pyproject.toml."""
    headers = [text.strip() for text in above if text.strip().startswith("[")]
    if not headers:
        return file.name != "pyproject.toml"
    return re.sub(r"[\s\"']", "", headers[-1].partition("#")[0]) == "[tool.newsdigest]"


def _written_twice(file: Path, line: int, what: str) -> Diagnostic | None:
    """tomllib's 'Cannot overwrite a value' / "Cannot declare ('a',) twice" on `line`, said
    as the setting or table written a second time, with the line of the first one. tomllib
    names the line where the value ends; the message names the line where its key is."""
    try:
        text = file.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None
    statements = [found for found in statement_lines(text) if found[0] <= line]
    if not statements:
        return None
    line, here = statements[-1][0], statements[-1][1].strip()
    if what.startswith("Cannot declare"):
        name = here.strip("[] ")
        kind, pattern = "table", rf"\[\[?\s*{re.escape(name)}\s*\]"
    elif what == "Cannot overwrite a value":
        name = here.partition("=")[0].strip()
        key = re.fullmatch(KEY, name)  # `"title"` is `title` (prober4 L1): either is found
        name = key.group(2) if key and re.fullmatch(r"[\w-]+", key.group(2)) else name
        kind, pattern = "setting", rf"""(["']?){re.escape(key.group(2) if key else name)}\1\s*="""
    else:
        return None
    # A setting's first line is in the same table: after the last [header] above it.
    above = statements[:-1]
    if kind == "setting":
        headers = [n for n, (_, start) in enumerate(above) if start.strip().startswith("[")]
        above = above[headers[-1] :] if headers else above
    first = next((n for n, start in above if re.match(pattern, start.strip())), 0)
    where = f" (first on line {first})" if first else ""
    return error(
        display(file),
        line,
        f"the {kind} {name} is written a second time here{where}",
        f"keep one {name} and delete the other"
        + (" line" if kind == "setting" else ", moving its settings into the one kept"),
    )


def text(found: Diagnostic) -> str:
    """The diagnostic as one message of `newsdigest: error: ...` (for a line-less one)."""
    where = f"{found.path}:{found.line}" if found.line else found.path
    return f"{where}: {found.message}" + (f"; {found.hint}" if found.hint else "")


def describe(found: Diagnostic) -> str:
    """The diagnostic as the terminal prints it: 'newsdigest.toml:4: error: ...' (or
    warning:) and its fix line; 'newsdigest: error: newsdigest.toml: ...' for a problem on
    no line."""
    kind = found.severity  # a warning said with the errors (config.load)
    where = f"{found.path}:{found.line}: {kind}:"
    where = where if found.line else f"newsdigest: {kind}: {found.path}:"
    return f"{where} {found.message}" + (f"\n    fix: {found.hint}" if found.hint else "")


def repo_url_meant(value: str, pattern: re.Pattern[str]) -> str:
    """`repo_url = '...'` for the repository page an address in another form names
    ('github.com/org/repo', 'http://...', 'git@github.com:org/repo.git'); '' for none."""
    scp = re.fullmatch(r"git@([^:\s]+):(\S+)", value)  # the clone address SSH uses
    meant = f"{scp.group(1)}/{scp.group(2)}" if scp else re.sub(r"^[a-z+]*://", "", value)
    meant = "https://" + meant.strip("/").removesuffix(".git")
    return f"repo_url = {shown(meant)}" if pattern.match(meant) else ""
