"""Why a preview build failed, with the lines of the files at fault, and the error page
that `newsdigest serve` shows until the next good build.

A failure quotes the offending line(s) of its file with their numbers and one line around
each: an article's line from its diagnostic, a template's from Jinja, a setting's from the
settings file (the line TOML names, or the line of the setting the message names). The
page is the theme's serve-error.html, themed like the site; when the theme cannot render
it (the fault may be in base.html), a plain page with the same text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.config import Settings
from generator.diagnostics import Diagnostic
from generator.index.site import build_index
from generator.render.pages import Renderer
from generator.render.urls import Urls

ERROR_TEMPLATE = "serve-error.html"  # the theme's error page; a site's templates/ may override it
SETTINGS_FILES = ("newsdigest.toml", "pyproject.toml")  # in the project folder

Describe = Callable[[Diagnostic], str]

ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · newsdigest serve</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #b42318; }
pre { background: #f4f5f8; color: #1b1b1f; padding: 1rem; overflow-x: auto; white-space: pre-wrap; }
</style>
</head>
<body>
<main>
<h1>Build failed</h1>
<p>newsdigest could not build the site. Fix the problems below and save: this page
reloads by itself when the build works again.</p>
<pre>%s</pre>
</main>
</body>
</html>
"""


@dataclass(frozen=True, slots=True)
class Quoted:
    """One line quoted from a file: its number (from 1), its text, whether it is at fault."""

    number: int
    text: str
    offending: bool


@dataclass(frozen=True, slots=True)
class Failure:
    """One reason the preview could not be built, and the lines of the file it is about."""

    message: str  # as the terminal prints it: 'path:line: error: ...' and a fix line
    file: str = ""  # the file quoted, as the user names it
    lines: tuple[Quoted, ...] = ()


def _display(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def quote(path: Path, numbers: list[int], context: int = 1) -> tuple[Quoted, ...]:
    """Lines `numbers` of the file (from 1) with `context` lines around each; () if unreadable."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ()
    wanted = sorted(
        {
            n
            for number in numbers
            if 1 <= number <= len(lines)
            for n in range(max(1, number - context), min(len(lines), number + context) + 1)
        }
    )
    return tuple(Quoted(n, lines[n - 1], n in numbers) for n in wanted)


def template_failure(exc: jinja2.TemplateSyntaxError) -> Failure:
    """A template's syntax error, with its line quoted."""
    where = _display(Path(exc.filename)) if exc.filename else exc.name or "template"
    return Failure(
        f"{where}:{exc.lineno}: error: template: {exc.message}",
        where,
        quote(Path(exc.filename), [exc.lineno]) if exc.filename else (),
    )


def content_failure(diagnostic: Diagnostic, content_dir: Path, describe: Describe) -> Failure:
    """An article's error, with its line quoted."""
    if diagnostic.line < 1:
        return Failure(describe(diagnostic))
    file = content_dir / diagnostic.path
    return Failure(describe(diagnostic), file.as_posix(), quote(file, [diagnostic.line]))


def _setting_lines(file: Path, lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line number, key) of every setting in the file: in pyproject.toml only those of the
    [tool.newsdigest] table, in newsdigest.toml all of them."""
    inside = file.name != "pyproject.toml"
    for number, line in enumerate(lines, start=1):
        if re.match(r"\s*\[", line):
            inside = file.name != "pyproject.toml" or bool(
                re.match(r"\s*\[\s*tool\s*\.\s*newsdigest\s*\]", line)
            )
            continue
        found = re.match(r"""\s*(["']?)([A-Za-z0-9_-]+)\1\s*=""", line)
        if inside and found:
            yield number, found.group(2)


def _named_setting(message: str, settings: list[tuple[int, str]]) -> list[int]:
    """The lines of the setting the message names first ('unknown setting 'x'; known
    settings: ...' is about x; 'timezone 'Mars' is not ...' about timezone)."""
    first: dict[str, int] = {}
    for _, key in settings:
        found = re.search(
            rf"(?<![\w-])({re.escape(key)}|{re.escape(key.replace('-', '_'))})"
            r"(?![\w-])",
            message,
        )
        if found:
            first[key] = found.start()
    if not first:
        return []
    named = min(first, key=first.__getitem__)
    return [n for n, key in settings if key == named]


def settings_failure(project: Path, message: str) -> Failure:
    """A settings error, with the line(s) it is about quoted from the settings file.

    The line is the one TOML names ('at line N') or, for a setting with a wrong value, the
    line of each setting the message names.
    """
    files = [project / name for name in SETTINGS_FILES if (project / name).is_file()]
    named = [f for f in files if str(f) in message or f.name in message]
    for file in named or files:
        text = re.sub(
            rf"^{re.escape(file.name)}( \[[^\]]*\])?: ", "", message.replace(str(file), file.name)
        )
        try:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        at = re.search(r"at line (\d+)", text)
        if at and file in named:
            numbers = [int(at.group(1))]
        else:
            numbers = _named_setting(text.replace(file.name, ""), list(_setting_lines(file, lines)))
        if numbers:
            return Failure(
                f"{file.name}:{numbers[0]}: error: {text}", file.name, quote(file, numbers)
            )
    where = (named or files or [project / "pyproject.toml"])[0].name
    return Failure(f"{where}: error: {message.replace(str(project / where), where)}")


def error_page(
    failures: tuple[Failure, ...], settings: Settings | None = None, templates: Path | None = None
) -> bytes:
    """The theme's error page (serve-error.html, in the site's look) listing `failures`.

    When the theme itself cannot render it (the failure may be in base.html), a plain page
    with the same text.
    """
    if settings is not None and templates is not None:
        try:
            urls = Urls(settings.base_url)
            renderer = Renderer(settings, urls, templates, build_index([], settings.tz))
            return renderer.page(
                ERROR_TEMPLATE,
                urls.home(),
                title="Build failed",
                description="The preview could not be built.",
                failures=failures,
            ).data
        except Exception:  # any fault of the theme: the plain page below says it all
            pass
    parts = []
    for failure in failures:
        parts.append(failure.message)
        if failure.lines:
            parts.append(
                failure.file
                + "\n"
                + "\n".join(
                    f"{'>' if q.offending else ' '} {q.number:>4} | {q.text}" for q in failure.lines
                )
            )
    return (ERROR_PAGE % html.escape("\n\n".join(parts))).encode("utf-8")
