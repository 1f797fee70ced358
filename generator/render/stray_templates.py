"""Template files in the site's override folder that nothing uses (tester3 M17): an HTML
file in templates/ that replaces no file of the built-in theme and that no template
includes, extends or imports (`templates/artcle.html` for `article.html`) is silently
ignored by every build, so `check` and `build` warn on it, with the theme file whose name
is closest. A site's own partial that one of its templates includes is in use: silent,
whatever the form of the include: Jinja2's own parser reads the names, a list's too
(`{% include ["a.html", "partials/card2.html"] ignore missing %}`). When a template
includes a name made as the page is built (`{% include t %}`), no file is said to be
unused for sure: the warning says "by name" and offers no rename (prober3 M19). A file
with another extension where a template's is `.html` (`article.htm`) is read by no
build: warned, with the name to give it."""

from __future__ import annotations

import difflib
import os
import re
from functools import cache
from pathlib import Path

import jinja2
from jinja2 import nodes

from generator.diagnostics import Diagnostic, warning
from generator.render.theme import THEME_DIR, default_files
from generator.render.words import ThemeWords

_NAMED = re.compile(r"""\{%-?\s*(?:include|extends|import|from)\s+["']([^"']+)["']""")
# Extensions a template is mistyped with (`article.htm`): read by no build
_NOT_HTML = (".htm", ".jinja", ".jinja2", ".j2", ".tmpl", ".tpl", ".xhtml", ".txt")


def stray_templates(templates: Path, content_dir: Path) -> list[Diagnostic]:
    """A warning on each unused HTML file of `templates` (named from `content_dir`, as
    articles are; [] when the folder does not exist)."""
    if not templates.is_dir():
        return []
    theme = default_files()
    found = _other_extensions(templates, content_dir, theme)
    own = sorted(
        path.relative_to(templates).as_posix()
        for path in templates.rglob("*.html")
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(templates).parts)
    )
    extra = [
        name for name in own if name not in theme and not name.startswith(("static/", "locale/"))
    ]
    if not extra:
        return found
    used: set[str] = set()
    computed = False  # a name made as the page is built: `{% include t %}`
    for folder, names in ((templates, own), (THEME_DIR, theme)):
        for name in names:
            if name.endswith(".html"):
                text = (folder / name).read_text(encoding="utf-8", errors="replace")
                named, unknown = _referenced(text)
                used.update(named)
                computed = computed or unknown
    return found + [
        _unused(templates / name, name, theme, content_dir, computed)
        for name in extra
        if name not in used
    ]


@cache
def _parser() -> jinja2.Environment:
    """A Jinja2 environment that parses what the build's does (its {% trans %} tags)."""
    return jinja2.Environment(extensions=[ThemeWords])


def _referenced(text: str) -> tuple[set[str], bool]:
    """The template names a template's text includes, extends or imports (a list's names
    too, and a name joined from constants, `"partials/" ~ "footer.html"`, directly or
    through `{% set name = ... %}`: prober4 M11), and whether it names one only made as the
    page is built; a template Jinja2 cannot parse is read for its plain
    `{% include "name" %}` lines."""
    try:
        tree = _parser().parse(text)
    except jinja2.TemplateSyntaxError:
        return set(_NAMED.findall(text)), False
    context = nodes.EvalContext(_parser())
    assigned: dict[str, list[nodes.Expr]] = {}
    for assign in tree.find_all(nodes.Assign):
        if isinstance(assign.target, nodes.Name) and isinstance(assign.node, nodes.Expr):
            assigned.setdefault(assign.target.name, []).append(assign.node)
    found: set[str] = set()
    unknown = False
    kinds = (nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)
    for node in tree.find_all(kinds):
        if not isinstance(node, kinds):
            continue  # never: find_all gives these kinds (typed as any statement)
        names, made = _constant_names(node.template, context, assigned)
        found.update(names)
        unknown = unknown or made
    return found, unknown


def _constant_names(
    expr: nodes.Expr, context: nodes.EvalContext, assigned: dict[str, list[nodes.Expr]]
) -> tuple[set[str], bool]:
    """The template names `expr` (an include's name) can be, when constants make them (a
    string, a list of them, strings joined with `~` or `+`, a variable `{% set %}` to one
    of those), and whether one of them is made as the page is built."""
    if isinstance(expr, nodes.Name) and expr.name in assigned:
        parts = [_constant_names(value, context, {}) for value in assigned[expr.name]]
    elif isinstance(expr, (nodes.List, nodes.Tuple)):
        parts = [_constant_names(item, context, assigned) for item in expr.items]
    else:
        try:
            value = expr.as_const(context)
        except nodes.Impossible:
            return set(), True
        values = [value] if isinstance(value, str) else value
        if isinstance(values, (list, tuple)) and all(isinstance(v, str) for v in values):
            return set(values), False
        return set(), True
    return {n for names, _ in parts for n in names}, any(made for _, made in parts)


def _unused(
    path: Path, name: str, theme: list[str], content_dir: Path, computed: bool = False
) -> Diagnostic:
    pages = [n for n in theme if n.endswith(".html") and not n.startswith(("static/", "locale/"))]
    close = difflib.get_close_matches(name, pages, n=1, cutoff=0.6)
    meant = f"did you mean {close[0]}? rename it so" if close else "rename it"
    if computed:  # it may be the name a template makes: never renamed over a theme file
        return warning(
            os.path.relpath(os.path.abspath(path), content_dir),
            1,
            f"{name} replaces no file of the theme and no template includes it by name",
            "if a template includes it by a name made as the page is built ({% include t %}), "
            "leave it; else it is used by no page: an override has the name of the theme file "
            "it replaces (`newsdigest theme list` shows them), or delete it",
        )
    return warning(
        os.path.relpath(os.path.abspath(path), content_dir),
        1,
        f"{name} replaces no file of the theme and no template includes it, so no page uses it",
        f"{meant}: an override has the name of the theme file it replaces "
        "(`newsdigest theme list` shows them); or include it from a template, or delete it",
    )


def _other_extensions(templates: Path, content_dir: Path, theme: list[str]) -> list[Diagnostic]:
    """A warning on each file of `templates` named as a template with another extension
    than `.html` (`article.htm`, `home.HTML`), which no build reads."""
    found = []
    for path in sorted(templates.rglob("*")):
        name = path.relative_to(templates).as_posix()
        if not path.is_file() or name.startswith(("static/", "locale/", ".")):
            continue
        if path.suffix.lower() in _NOT_HTML or path.suffix in (".HTML", ".Html"):
            html = name[: -len(path.suffix)] + ".html"
            found.append(
                warning(
                    os.path.relpath(os.path.abspath(path), content_dir),
                    1,
                    f"{name} is read by no build: a template's name ends in .html",
                    f"rename it {html}, the name of the theme file it replaces"
                    if html in theme
                    else f"rename it {html}, and include it from a template",
                )
            )
    return found
