"""Markdown or HTML in a body picture's alt text, which screen readers read out as typed,
is the same plain-text warning as image.alt's, with the picture written without it as
its fix (prober3 M18); a plain alt text stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, write_article

SRC = "https://example.org/b.jpg"


@pytest.mark.parametrize(
    ("alt", "typed"),
    [("Chart of **growth** _by_ year", "**growth**"), ("Chart of <b>growth</b> by year", "<b>")],
)
def test_markup_in_a_body_pictures_alt_is_warned_and_the_fix_is_silent(
    tmp_path: Path, alt: str, typed: str
) -> None:
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY, f"Body. ![{alt}]({SRC})\n")

    out = run_here("check", cwd=project).stdout

    assert (
        f"content/2025/06/story.md:8: warning: the alt text of the picture '{SRC}' is plain "
        f"text: {typed} is published as typed"
    ) in out
    fix = f"![Chart of growth by year]({SRC})"
    assert f"    fix: write it without them: {fix}\n" in out
    path.write_text(path.read_text().replace(f"![{alt}]({SRC})", fix))
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert "warning" not in built.stdout + built.stderr
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
    assert 'alt="Chart of growth by year"' in page


def test_a_plain_alt_text_is_silent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    body = f"Body. ![AT&T chart, C++ <T> and 5 * 3]({SRC}) ![snake_case here]({SRC})\n"
    write_article(project, "2025/06/story.md", STORY, body)

    checked = run_here("check", cwd=project)
    assert checked.returncode == 0
    assert "warning" not in checked.stdout
