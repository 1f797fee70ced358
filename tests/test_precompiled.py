"""The packaged theme ships compiled (generator/compiled_theme/, render/precompiled.py): a
build renders the theme's English pages without compiling a template, the shipped modules
are what the theme's text compiles to, and a template compiled either way fails on the same
file and line. A site's own templates, and the theme's words in another language, are still
compiled from their text (tests/test_theme.py, tests/test_words.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from conftest import BASE_URL, copy_newsroom, run_here, site_files

import generator.compiled_theme as shipped
from generator.render import compiled, precompiled
from generator.render.failures import template_place
from generator.render.theme import THEME_DIR


@pytest.fixture
def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """Jinja2 made unable to compile, with nothing compiled earlier in this process."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a template was compiled: {args[2:3]}")

    monkeypatch.setattr(compiled, "_COMPILED", {})
    monkeypatch.setattr(jinja2.Environment, "compile", refuse)


def test_the_shipped_modules_are_what_the_themes_text_compiles_to() -> None:
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in precompiled.FOLDER.glob("*.py")}
    wanted = precompiled.generated()
    assert sorted(on_disk) == sorted(wanted), "run `python -m generator.render.precompiled`"
    if jinja2.__version__ == shipped.JINJA:
        changed = [name for name in wanted if on_disk[name] != wanted[name]]
        assert changed == [], "run `python -m generator.render.precompiled`"
    else:  # another Jinja2 compiles the theme at run time, as before (SIGNATURE differs)
        assert precompiled.shipped_templates(precompiled.page_environment()) == shipped.TEMPLATES


def test_an_english_build_compiles_no_template_of_the_theme(
    tmp_path: Path, no_compiling: None
) -> None:
    project = copy_newsroom(tmp_path / "project")
    result = run_here(
        "build",
        "--output",
        str(tmp_path / "site"),
        "--base-url",
        BASE_URL,
        "--no-cache",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    assert b"<!DOCTYPE html>" in site_files(tmp_path / "site")["index.html"]


def test_an_override_with_its_own_text_is_compiled_from_it(tmp_path: Path) -> None:
    project = copy_newsroom(tmp_path / "project")
    base = (THEME_DIR / "base.html").read_text(encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "base.html").write_text(
        base.replace("</body>", "<p>Printed in the harbour</p>\n</body>"), encoding="utf-8"
    )
    result = run_here(
        "build",
        "--output",
        str(tmp_path / "site"),
        "--base-url",
        BASE_URL,
        "--no-cache",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    assert b"Printed in the harbour" in site_files(tmp_path / "site")["index.html"]


def failure_place(name: str) -> tuple[str, int] | None:
    """Where rendering theme template `name` with no values fails, as render.failures says."""
    env = precompiled.page_environment()
    with pytest.raises(jinja2.UndefinedError) as failed:
        env.get_template(name).render()
    return template_place(failed.value.__traceback__)


@pytest.mark.parametrize("name", ["404.html", "partials/card.html"])
def test_shipped_code_fails_on_the_templates_file_and_line_as_compiled_code_does(
    name: str, monkeypatch: pytest.MonkeyPatch, no_compiling: None
) -> None:
    from_shipped = failure_place(name)
    monkeypatch.undo()
    monkeypatch.setattr(compiled, "_COMPILED", {})
    monkeypatch.setattr(compiled, "shipped_code", lambda *args: None)
    from_text = failure_place(name)
    assert from_shipped == from_text
    # A line of a theme file (404.html fails in base.html, which it extends).
    assert from_shipped is not None and Path(from_shipped[0]).is_relative_to(THEME_DIR)
    assert from_shipped[1] > 0
