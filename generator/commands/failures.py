"""Why a preview build failed, with the lines of the files at fault, and the error page
that `newsdigest serve` shows until the next good build.

A failure quotes the offending line(s) of its file with their numbers and one line around
each: an article's line from its diagnostic, a template's from Jinja, a setting's from its
diagnostic (generator.settings_errors). The
page is the theme's serve-error.html, themed like the site; when the theme cannot render
it (the fault may be in base.html), a plain page with the same text.
"""

from __future__ import annotations

import codecs
import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from generator import settings_errors
from generator.config import Settings
from generator.diagnostics import ConfigError, Diagnostic, TemplateFailure
from generator.index.site import build_index
from generator.render.failures import SYNTAX_FIX
from generator.render.pages import Renderer
from generator.render.urls import Urls

ERROR_TEMPLATE = "serve-error.html"  # the theme's error page; a site's templates/ may override it

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


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROLS = {code: chr(0x2400 + code) for code in range(32) if chr(code) not in "\t\n\r"}


def readable(data: bytes) -> str:
    """A file's bytes as text to quote on a page: in the encoding its byte-order mark
    names (a file saved as UTF-16, "Unicode" in Notepad or Word), else UTF-8 with U+FFFD
    for what is not; control characters (NUL...) shown as their symbols (U+2400...),
    which HTML may carry, not as themselves."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8-sig")
    text = data.decode(encoding, errors="replace").translate(_CONTROLS)
    return text.replace("\x7f", "\u2421")


def quote(path: Path, numbers: list[int], context: int = 1) -> tuple[Quoted, ...]:
    """Lines `numbers` of the file (from 1) with `context` lines around each; () if unreadable."""
    try:
        lines = readable(path.read_bytes()).splitlines()
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
    where = settings_errors.display(Path(exc.filename)) if exc.filename else exc.name or "template"
    return Failure(
        f"{where}:{exc.lineno}: error: template: {exc.message}\n    fix: {SYNTAX_FIX}",
        where,
        quote(Path(exc.filename), [exc.lineno]) if exc.filename else (),
    )


def template_run_failure(exc: TemplateFailure) -> Failure:
    """A template's error while making a page (not of its syntax), with its line quoted."""
    found = exc.diagnostics[0]
    quoted = quote(Path(found.path), [found.line]) if found.line else ()
    return Failure(settings_errors.describe(found), found.path, quoted)


def content_failure(diagnostic: Diagnostic, content_dir: Path, describe: Describe) -> Failure:
    """An article's error, with its line quoted."""
    if diagnostic.line < 1:
        return Failure(describe(diagnostic))
    file = content_dir / diagnostic.path
    return Failure(describe(diagnostic), file.as_posix(), quote(file, [diagnostic.line]))


def settings_failures(exc: ConfigError) -> list[Failure]:
    """A settings error, each problem with its line quoted from the settings file (the
    line of the setting, or the one TOML names: generator.settings_errors)."""
    if not exc.diagnostics:
        return [Failure(f"error: {message}") for message in exc.messages]
    return [
        Failure(
            settings_errors.describe(d), d.path, quote(Path(d.path), [d.line]) if d.line else ()
        )
        for d in exc.diagnostics
    ]


def _own_fault(exc: Exception) -> Failure | None:
    """The failure of serve-error.html itself in `exc` (None: a fault elsewhere in the
    theme, which the build's own failures name)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        own = (exc.filename or exc.name or "").endswith(ERROR_TEMPLATE)
        return template_failure(exc) if own else None
    if isinstance(exc, TemplateFailure):
        found = exc.diagnostics[0]
        if not found.path.endswith(ERROR_TEMPLATE):
            return None
        shown = replace(found, path=settings_errors.display(Path(found.path)))
        quoted = quote(Path(found.path), [found.line]) if found.line else ()
        return Failure(settings_errors.describe(shown), shown.path, quoted)
    return Failure(f"{ERROR_TEMPLATE}: error: the error page could not be made: {exc!r}")


def error_page(
    failures: tuple[Failure, ...],
    settings: Settings | None = None,
    templates: Path | None = None,
    log: Callable[[str], None] | None = None,
) -> bytes:
    """The theme's error page (serve-error.html, in the site's look) listing `failures`.

    When the theme itself cannot render it (the failure may be in base.html), a plain page
    with the same text; a fault of serve-error.html itself (a site's override that fails
    as it runs, which no build meets) is added there and told to `log`.
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
                problems="problem" if len(failures) == 1 else "problems",  # the page is English
            ).data
        except Exception as exc:  # any fault of the theme: the plain page below says it all
            fault = _own_fault(exc)
            if fault is not None:
                failures = (*failures, fault)
                if log is not None:
                    log(fault.message)
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
