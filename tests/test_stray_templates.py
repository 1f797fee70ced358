"""An override in templates/ whose name matches no theme file and that no template
includes (`artcle.html` for `article.html`) is used by no page: `check` and `build` warn
on it with the theme file meant (tester3 M17); an override of a theme file and the site's
own partial that its templates include are silent."""

from __future__ import annotations

from pathlib import Path

from conftest import STORY, make_project, run_here, write_article


def test_an_override_no_page_uses_is_a_warning_naming_the_theme_file_meant(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)
    templates = project / "templates"
    (templates / "partials").mkdir(parents=True)
    (templates / "artcle.html").write_text("{# mine #}\n", encoding="utf-8")
    (templates / "partials/byline.html").write_text("<b>desk</b>\n", encoding="utf-8")
    theme = Path(__file__).resolve().parent.parent / "generator/theme/404.html"
    (templates / "404.html").write_text(
        theme.read_text(encoding="utf-8") + '{% include "partials/byline.html" %}\n',
        encoding="utf-8",
    )

    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    for out in (checked.stdout, built.stderr):
        assert (
            "templates/artcle.html:1: warning: artcle.html replaces no file of the theme and "
            "no template includes it, so no page uses it"
        ) in out, out
        assert "fix: did you mean article.html? rename it so" in out
        assert "byline.html" not in out and "404.html" not in out
    assert built.returncode == 0


def test_an_override_a_list_include_names_is_used_and_a_computed_one_gets_no_rename(
    tmp_path: Path,
) -> None:
    """prober3 M19: a partial named in a list include was called unused, with a fix to
    rename it over the theme's partials/card.html; one included by a name made as the
    page is built cannot be known unused: no rename offered. `article.htm` is warned."""
    templates = _with_404(
        tmp_path,
        '{% include ["nope.html", "partials/card2.html"] ignore missing %}\n'
        '{% for n in ["card3"] %}{% include "partials/" ~ n ~ ".html" %}{% endfor %}\n',
    )
    (templates / "partials/card2.html").write_text("CARD2-USED\n", encoding="utf-8")
    (templates / "partials/card3.html").write_text("CARD3-USED\n", encoding="utf-8")
    (templates / "article.htm").write_text("{# mine #}\n", encoding="utf-8")

    for out in _checked_and_built(tmp_path):
        assert "card2.html" not in out, out
        assert (
            "templates/partials/card3.html:1: warning: partials/card3.html replaces no file of "
            "the theme and no template includes it by name\n"
            "    fix: if a template includes it by a name made as the page is built"
        ) in out, out
        assert "did you mean partials/card.html" not in out
        assert (
            "templates/article.htm:1: warning: article.htm is read by no build: a template's "
            "name ends in .html\n    fix: rename it article.html, the name of the theme file "
            "it replaces"
        ) in out, out
    page = (tmp_path / "site/404.html").read_text(encoding="utf-8")
    assert "CARD2-USED" in page and "CARD3-USED" in page


def test_an_override_included_by_a_name_joined_from_constants_is_used(tmp_path: Path) -> None:
    """prober4 M11: `{% include "partials/" + "footer2.html" %}` and a `{% set %}` name
    joined with `~` were warned unused on every check and build, though every page shows
    them; a file no template names is still warned, with its rename."""
    templates = _with_404(
        tmp_path,
        '{% include "partials/" + "footer2.html" %}\n'
        '{% set extra = "partials/extra" ~ ".html" %}{% include extra %}\n',
    )
    (templates / "partials/footer2.html").write_text("FOOTER2-USED\n", encoding="utf-8")
    (templates / "partials/extra.html").write_text("EXTRA-USED\n", encoding="utf-8")
    (templates / "partials/crad.html").write_text("{# mine #}\n", encoding="utf-8")

    for out in _checked_and_built(tmp_path):
        assert "footer2.html" not in out and "extra.html" not in out, out
        assert (
            "templates/partials/crad.html:1: warning: partials/crad.html replaces no file of "
            "the theme and no template includes it, so no page uses it\n"
            "    fix: did you mean partials/card.html? rename it so"
        ) in out, out
    page = (tmp_path / "site/404.html").read_text(encoding="utf-8")
    assert "FOOTER2-USED" in page and "EXTRA-USED" in page


def _with_404(tmp_path: Path, includes: str) -> Path:
    """The templates/ folder of a site at tmp_path/p with one story, whose 404.html is the
    theme's with `includes` (Jinja2 lines) after it, and a partials/ folder."""
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)
    templates = project / "templates"
    (templates / "partials").mkdir(parents=True)
    theme = Path(__file__).resolve().parent.parent / "generator/theme/404.html"
    (templates / "404.html").write_text(
        theme.read_text(encoding="utf-8") + includes, encoding="utf-8"
    )
    return templates


def _checked_and_built(tmp_path: Path) -> tuple[str, str]:
    """What `check` says and what `build` (to tmp_path/site, which succeeds) says, of the
    site `_with_404` made."""
    project = tmp_path / "p"
    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    return checked.stdout, built.stderr
