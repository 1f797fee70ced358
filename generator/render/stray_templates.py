"""Template files in the site's override folder that nothing uses (tester3 M17): an HTML
file in templates/ that replaces no file of the built-in theme and that no template
includes, extends or imports (`templates/artcle.html` for `article.html`) is silently
ignored by every build, so `check` and `build` warn on it, with the theme file whose name
is closest. A site's own partial that one of its templates includes is in use: silent."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from generator.diagnostics import Diagnostic, warning
from generator.render.theme import THEME_DIR, default_files

_NAMED = re.compile(r"""\{%-?\s*(?:include|extends|import|from)\s+["']([^"']+)["']""")


def stray_templates(templates: Path, content_dir: Path) -> list[Diagnostic]:
    """A warning on each unused HTML file of `templates` (named from `content_dir`, as
    articles are; [] when the folder does not exist)."""
    if not templates.is_dir():
        return []
    theme = default_files()
    own = sorted(
        path.relative_to(templates).as_posix()
        for path in templates.rglob("*.html")
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(templates).parts)
    )
    extra = [
        name for name in own if name not in theme and not name.startswith(("static/", "locale/"))
    ]
    if not extra:
        return []
    used: set[str] = set()
    for folder, names in ((templates, own), (THEME_DIR, theme)):
        for name in names:
            if name.endswith(".html"):
                text = (folder / name).read_text(encoding="utf-8", errors="replace")
                used.update(_NAMED.findall(text))
    return [
        _unused(templates / name, name, theme, content_dir) for name in extra if name not in used
    ]


def _unused(path: Path, name: str, theme: list[str], content_dir: Path) -> Diagnostic:
    pages = [n for n in theme if n.endswith(".html") and not n.startswith(("static/", "locale/"))]
    close = difflib.get_close_matches(name, pages, n=1, cutoff=0.6)
    meant = f"did you mean {close[0]}? rename it so" if close else "rename it"
    return warning(
        os.path.relpath(os.path.abspath(path), content_dir),
        1,
        f"{name} replaces no file of the theme and no template includes it, so no page uses it",
        f"{meant}: an override has the name of the theme file it replaces "
        "(`newsdigest theme list` shows them); or include it from a template, or delete it",
    )
