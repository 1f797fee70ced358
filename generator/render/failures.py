"""An error raised while a template makes a page, as a TemplateFailure naming the
template's file and line (not a traceback).

Jinja2 rewrites the traceback of an error raised in a template so that its frames carry
the template's file name and line (jinja2.debug.rewrite_traceback_stack); the innermost
such frame is where the template failed, even when it was a partial it included.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import jinja2

from generator.diagnostics import Diagnostic, TemplateFailure, error
from generator.settings_errors import display
from generator.settings_file import Paths

if TYPE_CHECKING:
    from generator.config import Settings
    from generator.index.site import Site
    from generator.render.pages import PageSpec
    from generator.render.sections import SiteRenderer


def template_place(tb: TracebackType | None) -> tuple[str, int] | None:
    """(file, line) of the innermost frame of `tb` that is a template's; None without one.
    A template's frame is any whose file is not Python source (nor `<string>`-like)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith((".py", ".pyc")) and not filename.startswith("<"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def reason(exc: BaseException) -> str:
    """The error in one line: Jinja's own words for an undefined name or a missing
    template, else the Python error's name and text ('ZeroDivisionError: division by zero')."""
    if isinstance(exc, jinja2.UndefinedError):
        text = str(exc)
    elif isinstance(exc, jinja2.TemplateNotFound):
        text = f"there is no template {exc.name!r}"
    else:
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return " ".join(text.split())


def template_failure(exc: Exception, template: str, page: str) -> TemplateFailure:
    """`exc`, raised while `template` made the page at site path `page`, as a TemplateFailure
    at the template's file and line (the page's template, line 0, when no frame says)."""
    place = template_place(exc.__traceback__)
    path, line = (display(Path(place[0])), place[1]) if place else (template, 0)
    return TemplateFailure(path, line, page, reason(exc))


# The fix of a template's syntax error, wherever it is printed (check, build, serve).
SYNTAX_FIX = "correct the template tag on this line (a build stops on it before any page)"


@contextmanager
def named_on_its_line(template: str, page: str) -> Iterator[None]:
    """Around the rendering of `template` for the page at site path `page`: any error it
    raises becomes a TemplateFailure (template_failure), except a syntax error (Jinja's
    TemplateSyntaxError has its line already) and a catalog's (render.words' CatalogFailure)."""
    try:
        yield
    except Exception as exc:
        if isinstance(exc, jinja2.TemplateSyntaxError | TemplateFailure):  # or CatalogFailure
            raise
        raise template_failure(exc, template, page) from None


def template_syntax(
    env: jinja2.Environment, names: list[str], folders: list[Path], content: Path
) -> list[Diagnostic]:
    """The errors a build would stop on in templates `names` of `env` (from `folders`, the
    site's overrides before the theme): a syntax error on its line, a file not in UTF-8 on
    line 1. The file is named from `content` (as an article's), as a build prints it."""
    found = []
    for name in names:
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or name
            fix = SYNTAX_FIX
            found.append((where, exc.lineno, f"template: {exc.message}", fix))
        except UnicodeDecodeError:
            where = next((str(f / name) for f in folders if (f / name).is_file()), name)
            fix = "open it in your editor and save it with the encoding UTF-8"
            found.append((where, 1, "template: the file is not saved as UTF-8", fix))
    return [
        error(Path(os.path.relpath(where, content)).as_posix(), line, what, fix)
        for where, line, what, fix in found
    ]


def one_page_each(renderer: SiteRenderer) -> list[Diagnostic]:
    """What a build of `renderer`'s site would stop on while making its pages, found by
    making the first page of each kind (the home page, an article's, a topic's, a month's,
    a day's digest...) of each language, in memory: a missing include, extends or import,
    an undefined function, a division by zero, as the build names it. Only the first, as a
    build stops on it; an error that only some pages of a kind meet is left to the build."""
    kinds: set[tuple[str, str]] = set()
    for folder, language in renderer.renderers.items():
        for family, make in language.families():
            if (folder, family[0]) in kinds:
                continue
            kinds.add((folder, family[0]))
            failed = _failure(renderer, make())
            if failed:
                return failed
    return []


def _failure(renderer: SiteRenderer, specs: Iterator[PageSpec]) -> list[Diagnostic]:
    """The error that stops the making of the first of `specs` that fails, if one does."""
    for spec in specs:
        try:
            renderer.render(spec)
        except TemplateFailure as failure:
            return list(failure.diagnostics)
        except jinja2.TemplateSyntaxError as exc:  # a partial's bad filter, met as it is included
            where = display(Path(exc.filename)) if exc.filename else spec.template
            fix = SYNTAX_FIX
            return [error(where, exc.lineno, f"template: {exc.message}", fix)]
    return []


def template_errors(settings: Settings, paths: Paths) -> list[Diagnostic]:
    """The syntax errors of the site's templates and the theme's, which stop a build."""
    from generator.index.site import build_index
    from generator.render.pages import Renderer, is_page_template
    from generator.render.theme import Theme
    from generator.render.urls import Urls
    from generator.render.words import page_environment

    empty = build_index([], settings.tz)
    renderer = Renderer(settings, Urls(settings.base_url), paths.templates, empty)
    env = page_environment(renderer.env, settings.language)
    names = env.list_templates(filter_func=is_page_template)
    return template_syntax(env, names, Theme(paths.templates).folders(), paths.content)


def page_errors(site: Site, settings: Settings, paths: Paths) -> list[Diagnostic]:
    """What stops a build of today's site (`site`) while it makes its pages (a missing
    include, an undefined function): `one_page_each`, in memory; each named as an
    article is, from content/ (the command prints it as a build does)."""
    from generator.render.sections import SiteRenderer
    from generator.render.urls import Urls

    found = one_page_each(SiteRenderer(settings, Urls(settings.base_url), paths.templates, site))
    return [replace(d, path=os.path.relpath(os.path.abspath(d.path), paths.content)) for d in found]
