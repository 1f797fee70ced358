"""A wrong setting as a Diagnostic on its line of the settings file, with the fixed line.

Every command reports settings the same way (`check`, `build`, `new`, `serve`'s error
page): `newsdigest.toml:4: error: items_per_page must be a whole number, not 'ten'` and
`fix: write the number without quotes: items_per_page = 10`. The line is that of the
setting in newsdigest.toml, or in pyproject.toml's [tool.newsdigest] table.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from generator.diagnostics import ConfigError, Diagnostic, error


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


def setting_lines(file: Path) -> Iterator[tuple[int, str]]:
    """(line number, key) of every setting in the file: in pyproject.toml only those of the
    [tool.newsdigest] table, in newsdigest.toml those before its first table. A table the
    settings hold (`[extra]` in newsdigest.toml, `[tool.newsdigest.extra]` in pyproject.toml)
    is given on the line of its header, as key 'extra'. Nothing when unreadable."""
    try:
        text = file.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return
    pyproject = file.name == "pyproject.toml"
    inside = not pyproject
    prefix = r"tool\s*\.\s*newsdigest\s*" if pyproject else ""
    for number, line in statement_lines(text):
        if re.match(r"\s*\[", line):
            inside = pyproject and bool(re.match(r"\s*\[\s*" + prefix + r"\]", line))
            table = re.match(r"\s*\[\[?\s*" + (prefix + r"\.\s*" if pyproject else "") + _KEY, line)
            if table:
                yield number, table.group(2)
            continue
        found = re.match(r"\s*" + _KEY + r"(\s*\.\s*[\w\"'-]+)*\s*=", line)
        if inside and found:
            yield number, found.group(2)


_KEY = r"""(["']?)([A-Za-z0-9_-]+)\1"""  # a TOML key, bare or quoted


def statement_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of each line of TOML `text` where a statement starts (`key =
    value` or a `[table]` header): not blank or comment lines, and not the lines inside a
    multi-line string (basic or literal), an array or an inline table begun above them."""
    inside, depth = "", 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not inside and depth == 0 and line.strip() and not line.lstrip().startswith("#"):
            yield number, line
        inside, depth = _scan(line, inside, depth)


def _scan(line: str, inside: str, depth: int) -> tuple[str, int]:
    """After `line`: the multi-line string's quotes still open ('' for none) and how many
    arrays and inline tables are still open, given those before it."""
    at = 0
    while at < len(line):
        if inside:
            if inside == '"""' and line[at] == "\\":
                at += 2
            elif line.startswith(inside, at):
                at += 3
                while at < len(line) and line[at] == inside[0]:  # up to two quotes more
                    at += 1
                inside = ""
            else:
                at += 1
            continue
        char = line[at]
        if char == "#":
            break
        if line.startswith(('"""', "'''"), at):
            inside, at = line[at : at + 3], at + 3
            continue
        if char in "\"'":
            at = _string_end(line, at)
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        at += 1
    return inside, depth


def _string_end(line: str, start: int) -> int:
    """The index of the quote closing the one-line string opened at `start` (the line's
    end when it is not closed)."""
    at = start + 1
    while at < len(line) and line[at] != line[start]:
        at += 2 if line[start] == '"' and line[at] == "\\" else 1
    return at


def line_of(file: Path, key: str) -> int:
    """The line of setting `key` (or its spelling with '-' for '_') in the file; 0 if none."""
    for number, written in setting_lines(file):
        if written == key or written.replace("-", "_") == key.replace("-", "_"):
            return number
    return 0


def toml_value(value: Any) -> str:
    """`value` as it is written in TOML: 10, true, "text"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrong_type(name: str, value: Any, default: Any) -> str:
    """How to write setting `name` with the type its `default` has: the fixed line."""
    if isinstance(default, bool):
        good = str(value).strip().lower() in ("true", "yes", "1", "on")
        return f"write true or false, without quotes: {name} = {toml_value(good)}"
    if isinstance(default, int):
        digits = str(value).replace(",", "").replace("_", "").strip()
        number = int(digits) if digits.isdigit() else default
        return f"write a whole number, without quotes: {name} = {number}"
    return f"put the text in double quotes: {name} = {toml_value(str(value))}"


def unknown(key: str, value: Any, known: list[str]) -> Problem:
    """An unknown setting: the setting it looks like a misspelling of, or the known ones."""
    if isinstance(value, dict) or (
        isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
    ):
        return Problem(
            key,
            f"unknown setting {key!r} (a table, [{key}])",
            "delete the table: this line and the lines under it, up to the next [table] "
            "or the end of the file (newsdigest's settings hold no tables: README, Settings)",
        )
    close = difflib.get_close_matches(key.replace("-", "_").lower(), known, n=1, cutoff=0.75)
    if close:
        return Problem(
            key,
            f"unknown setting {key!r}",
            f"did you mean {close[0]!r}? write: {close[0]} = {toml_value(value)}",
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
    """The problem on the line of its setting in `file` (line 0 when it is not written)."""
    line = line_of(file, problem.key) if problem.key else 0
    return error(display(file), line, problem.message, problem.hint)


def settings_error(file: Path, problems: list[Problem]) -> ConfigError:
    """A ConfigError holding each problem as a Diagnostic on its line of `file`."""
    written = sorted((diagnostic(file, problem) for problem in problems), key=_by_line)
    found = tuple(written)
    return ConfigError(*(text(d) for d in found), diagnostics=found)


def _by_line(found: Diagnostic) -> tuple[bool, int]:
    """In the order of the file's lines; problems on no line after them."""
    return (found.line == 0, found.line)


def toml_error(file: Path, detail: str) -> ConfigError:
    """A TOML syntax error on the line tomllib names ('(at line 4, column 9)', or the last
    line for '(at end of document)')."""
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
        or _unquoted(file, line, what)
        or error(
            display(file),
            line,
            f"this line is not valid TOML: {what}" if line else f"not valid TOML: {what}",
            "write each setting as name = value on its own line, text in double quotes: "
            'title = "Daily News"',
        )
    )
    return ConfigError(text(found), diagnostics=(found,))


_SETTING = re.compile(r"^\s*(?P<key>[A-Za-z0-9_-]+)\s*=\s*(?P<value>[^\s\"'\[{#].*?)\s*(?:#.*)?$")


def _unquoted(file: Path, line: int, what: str) -> Diagnostic | None:
    """tomllib's 'Invalid value' for text written without quotes (`timezone = Asia/Kolkata`),
    said as such, with the user's own line quoted."""
    if what != "Invalid value" or not line:
        return None
    try:
        lines = file.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
    found = _SETTING.match(lines[line - 1]) if line <= len(lines) else None
    if found is None:
        return None
    key = found.group("key")
    value = found.group("value").replace("\\", "\\\\").replace('"', '\\"')
    return error(
        display(file),
        line,
        f"the value of {key} is text written without quotes, which TOML cannot read",
        f'put it in double quotes: {key} = "{value}"',
    )


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
        kind, pattern = "setting", rf"{re.escape(name)}\s*="
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


def check_hint(name: str, value: Any, default: Any, advice: str) -> str:
    """How to fix a setting whose value its check refused, ending with the fixed line
    where one can be given."""
    if name == "language":
        from generator.languages import suggest

        guess = suggest(str(value).replace("_", "-")) if "did you mean" in advice else None
        tag = _language_tag(str(value)) or guess
        if not tag:  # nothing close, or a language CLDR has no data for (tlh, Klingon)
            return f'{advice}: {name} = "{default}"'
        return (
            f"did you mean {tag!r}? write a language tag (BCP 47) such as "
            f'"en", "pt-BR" or "ur": {name} = "{tag}"'
        )
    if name == "timezone":
        from zoneinfo import available_timezones

        from generator.timezones import offset_zones_hint, zone_of_abbreviation

        zone = zone_of_abbreviation(str(value))
        if zone:
            return (
                f"{str(value).strip()!r} is an abbreviation, which places may share, not a zone's "
                f"name: did you mean {zone!r}? write: {name} = {toml_value(zone)}"
            )
        offset = offset_zones_hint(str(value))
        if offset:
            return offset
        close = difflib.get_close_matches(str(value), sorted(available_timezones()), n=1)
        if close:
            return f"did you mean {close[0]!r}? write: {name} = {toml_value(close[0])}"
    if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, int):
        return f"use a number of 1 or more: {name} = {max(default, 1)}"
    if name == "markdown_engine":
        return f"{advice}: {name} = {toml_value(default)}"
    return advice


def _language_tag(name: str) -> str:
    """The tag of a language written by its English name ('English' -> 'en'); '' if none."""
    from babel import Locale

    wanted = re.sub(r"\s*\(.*\)\s*|[^\w\s()-]", "", name).strip().lower()
    for code, language in Locale("en").languages.items():
        if language.lower() == wanted and "_" not in code:
            return str(code)
    return ""


def describe(found: Diagnostic) -> str:
    """The diagnostic as the terminal prints it: 'newsdigest.toml:4: error: ...' and its fix
    line; 'newsdigest: error: newsdigest.toml: ...' for a problem on no line."""
    where = (
        f"{found.path}:{found.line}: error:" if found.line else f"newsdigest: error: {found.path}:"
    )
    return f"{where} {found.message}" + (f"\n    fix: {found.hint}" if found.hint else "")


# What RFC 3986 does not allow unescaped in a URL (besides spaces, controls and non-ASCII).
_NOT_IN_URLS = '"<>\\^`{|}'


def web_address_problem(url: str, scheme: str, host: str, path: str) -> str:
    """Why base_url (split into `scheme`, `host` (netloc) and `path`) is not an address
    that can be published as typed in pages, feeds and sitemaps (RFC 3986: no spaces,
    quotes, <, >, backslashes, controls or non-ASCII letters; a host name in IDNA
    'xn--' form, a port a number), as 'what; how to write it'; '' when it is one."""
    bad = next((c for c in url if c.isspace() or c in _NOT_IN_URLS or not " " < c < "\x7f"), "")
    if not bad and _port_problem(host):
        return "has a port that is not a number; write it like https://example.org:8080/"
    if not bad and re.search("%(?![0-9A-Fa-f]{2})", url):
        return (
            "has a % that is not followed by two hexadecimal digits; write a % sign as %25 "
            "(and a space as %20)"
        )
    if not bad:
        return _host_problem(scheme, host, path) or _path_problem(scheme, host, path)
    what = {" ": "a space"}.get(bad, "a tab or line break" if bad.isspace() else repr(bad))
    if bad in host and not bad.isascii() and bad.isprintable():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return f"has {what} in its host name; write the host name in Latin letters"
        return (
            f"has {what} in its host name, which feeds and sitemaps cannot carry; write the "
            f"host name in its xn-- form: {scheme}://{ascii_host}{path}"
        )
    if bad in host or (bad.isspace() and bad != " "):
        where = "its host name" if bad in host else "it"
        return f"has {what} in {where}, which a web address cannot contain; remove it"
    escaped = f"{scheme}://{host}" + quote(path, safe="/%:@!$&'()*+,;=~-._")
    if bad == " ":
        return (
            "has a space in it, which a web address cannot contain; write each space as "
            f"%20 ({escaped}), or use a folder name without spaces"
        )
    return f"has {what} in it, which a web address cannot contain as typed; write it {escaped}"


def _port_problem(host: str) -> bool:
    try:
        return urlsplit(f"http://{host}/").port == -1  # never: reading it raises or not
    except ValueError:
        return True


def query_problem(url: str) -> str:
    """Why base_url `url`, which holds a '?' or '#', is not a site's address (pages are
    reached at folders under it, and a query or fragment would end up in the middle of
    every link), as 'what; how to write it'."""
    cut = urlsplit(url.split("?")[0].split("#")[0])
    return (
        "must not have a query (?...) or fragment (#...): the site's pages are folders under "
        f"it; write the address without it: {cut.scheme}://{cut.netloc}{cut.path or '/'}"
    )


def _host_problem(scheme: str, host: str, path: str) -> str:
    """A user name or password, or a ':' with no port, in base_url's host part."""
    if "@" in host:
        return (
            "has a user name before its host name (the part before '@'), which would be "
            f"published in every link; write it without: {scheme}://{host.rsplit('@', 1)[1]}{path}"
        )
    if host.endswith(":"):
        return f"has a ':' with no port number after it; write it without: {scheme}://{host[:-1]}{path}"
    return ""


def _path_problem(scheme: str, host: str, path: str) -> str:
    """Why base_url's `path` is not a folder every page can be published under (RFC 3986
    section 3.3): an empty folder ('//', which makes every link '//static/...', an address
    on another host), a '.' or '..' folder (browsers resolve them away, so links and
    addresses disagree), or a last part that names a page ('index.html'); '' if none."""
    folders = [unquote(part) for part in path.split("/")[1:]]
    if folders and not folders[-1]:
        folders.pop()
    fixed: list[str] = []
    for name in folders:
        if name == "..":
            fixed = fixed[:-1]
        elif name not in ("", "."):
            fixed.append(name)
    if "" in folders:
        what = "an empty folder ('//'), so every link would start with '//' (another host)"
    elif "." in folders or ".." in folders:
        what = "a '.' or '..' folder, which browsers resolve away (a/../b is b)"
    elif folders and re.search(r"\.html?$", folders[-1], re.IGNORECASE):
        what = f"a page ({folders[-1]!r}) at its end, and base_url is the folder the site is in"
        fixed = fixed[:-1]
    else:
        return ""
    kept = "/".join(quote(name, safe=":@!$&'()*+,;=~-._") for name in fixed)
    return f"has {what}; write the folder the site is at: {scheme}://{host}/" + (
        f"{kept}/" if kept else ""
    )
