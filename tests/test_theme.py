"""The built-in theme and a site's overrides: file by file, templates and static files alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE_URL, Forked, copy_newsroom, run_here, run_newsdigest, site_files

from generator.render.theme import THEME_DIR


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_newsroom(tmp_path / "project")


def build(project: Path, out: Path, *extra: str) -> dict[str, bytes]:
    result = run_here(
        "build", "--output", str(out), "--base-url", BASE_URL, "--no-cache", *extra, cwd=project
    )
    assert result.returncode == 0, result.stderr
    return site_files(out)


def test_a_site_without_templates_folder_gets_the_whole_built_in_theme(project: Path) -> None:
    assert not (project / "templates").exists()
    files = build(project, project.parent / "site")
    for name in ("style.css", "favicon.svg", "search.js"):
        assert files[f"static/{name}"] == (THEME_DIR / "static" / name).read_bytes()
    assert b'<link rel="stylesheet"' in files["index.html"]


def test_one_template_and_one_static_file_override_only_themselves(project: Path) -> None:
    plain = build(project, project.parent / "plain")
    base = (THEME_DIR / "base.html").read_text(encoding="utf-8")
    (project / "templates" / "static").mkdir(parents=True)
    (project / "templates" / "base.html").write_text(
        base.replace("</body>", '<p class="own-footer">Harbour Gazette</p>\n</body>'),
        encoding="utf-8",
    )
    (project / "templates" / "static" / "style.css").write_text(
        "body { color: navy; }\n", encoding="utf-8"
    )
    own = build(project, project.parent / "own")

    assert sorted(own) == sorted(plain)
    assert own["static/style.css"] == b"body { color: navy; }\n"
    assert own["static/favicon.svg"] == plain["static/favicon.svg"]
    assert own["static/search.js"] == plain["static/search.js"]
    pages = [p for p in own if p.endswith(".html")]
    # Every page uses the site's base layout and still the theme's article and list templates.
    assert all(b"own-footer" in own[p] for p in pages)
    article = "2025/06/25/monsoon-reaches-kerala-coast/index.html"
    assert (
        own[article].replace(b'<p class="own-footer">Harbour Gazette</p>\n', b"") == plain[article]
    )
    changed = {p for p in own if own[p] != plain[p]}
    assert changed == set(pages) | {"static/style.css"}


def test_a_partial_override_is_used_by_the_themes_templates(project: Path) -> None:
    card = (THEME_DIR / "partials" / "card.html").read_text(encoding="utf-8")
    (project / "templates" / "partials").mkdir(parents=True)
    (project / "templates" / "partials" / "card.html").write_text(
        "<!-- own card -->\n" + card, encoding="utf-8"
    )
    files = build(project, project.parent / "site")
    assert b"<!-- own card -->" in files["tags/climate/index.html"]
    assert b"<!-- own card -->" not in files["static/style.css"]


def test_an_override_edited_between_two_builds_in_one_process_is_used(project: Path) -> None:
    """As `serve` rebuilds after each save: the templates compiled for the first build are
    kept, and the edited one is compiled again from its new text."""
    card = (THEME_DIR / "partials" / "card.html").read_text(encoding="utf-8")
    own = project / "templates" / "partials" / "card.html"
    own.parent.mkdir(parents=True)
    for version in ("first", "second"):
        own.write_text(f"<!-- {version} card -->\n" + card, encoding="utf-8")
        files = build(project, project.parent / version)
        assert f"<!-- {version} card -->".encode() in files["tags/climate/index.html"]
    assert b"first card" not in files["tags/climate/index.html"]
    own.unlink()
    files = build(project, project.parent / "plain")
    assert b" card -->" not in files["tags/climate/index.html"]


def test_templates_option_names_the_override_folder(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "house-style"
    (elsewhere / "static").mkdir(parents=True)
    (elsewhere / "static" / "extra.css").write_text("p { margin: 0; }\n", encoding="utf-8")
    files = build(project, tmp_path / "site", "--templates", str(elsewhere))
    assert files["static/extra.css"] == b"p { margin: 0; }\n"
    assert "static/style.css" in files


def test_a_missing_templates_folder_given_by_option_is_an_error(project: Path) -> None:
    result = run_here("build", "--templates", "theme-typo", cwd=project)
    assert result.returncode == 2
    assert "templates folder theme-typo does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_override_is_named_on_its_line_and_leaves_the_site_as_it_was(
    project: Path, forked: Forked
) -> None:
    """A command of its own: Jinja is imported only once a build has something to render.
    (The site published before is built by a process forked from one that has imported
    newsdigest and Jinja.)"""
    site = project.parent / "site"
    run = ("build", "--output", str(site), "--base-url", BASE_URL, "--no-cache")
    assert forked.run(*run, cwd=project, search=False).returncode == 0
    before = site_files(site)
    (project / "templates").mkdir()
    (project / "templates" / "base.html").write_text(
        "<!doctype html>\n<title>x</title>\n{% if %}\n", encoding="utf-8"
    )
    result = run_newsdigest(*run, cwd=project)
    assert result.returncode == 2
    assert "templates/base.html:3: error: template:" in result.stderr
    assert "Traceback" not in result.stderr
    assert site_files(site) == before


def test_an_edited_override_is_rebuilt_with_the_cache(project: Path, forked: Forked) -> None:
    """Each build in a process of its own: only the disk links one build to the next."""
    site = project.parent / "site"
    run = ("build", "--output", str(site), "--base-url", BASE_URL)
    assert forked.run(*run, cwd=project, search=False).returncode == 0
    css = project / "templates" / "static" / "style.css"
    css.parent.mkdir(parents=True)
    css.write_text("/* v1 */\n", encoding="utf-8")
    assert forked.run(*run, cwd=project, search=False).returncode == 0
    assert (site / "static" / "style.css").read_text(encoding="utf-8") == "/* v1 */\n"
    css.write_text("/* v2 */\n", encoding="utf-8")
    assert forked.run(*run, cwd=project, search=False).returncode == 0
    assert (site / "static" / "style.css").read_text(encoding="utf-8") == "/* v2 */\n"
    css.unlink()
    assert forked.run(*run, cwd=project, search=False).returncode == 0
    assert (site / "static" / "style.css").read_bytes() == (
        THEME_DIR / "static" / "style.css"
    ).read_bytes()
