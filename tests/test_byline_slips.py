"""A byline made of registered names with more around them: several names in one
(`Asha Rao, Ben Li`), a prefix (`By Asha Rao`) or an agency after the name (`Asha Rao
(ANI)`) would make a new author page; `check` warns on the `author:` line with the line as
it should be (README, Bylines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

REGISTRY = "Asha Rao:\n  bio: Science correspondent.\nBen Li:\n  bio: Editor.\n"
STORY = "title: Floods\ndate: 2025-06-26T10:00:00Z\ncountry: UK\ncredits:\n  author: {}\n"


@pytest.mark.parametrize(
    ("byline", "words", "fix"),
    [
        ("Asha Rao, Ben Li", "holds 2 bylines", "write author: [Asha Rao, Ben Li]"),
        ("Asha Rao & Ben Li", "holds 2 bylines", "write author: [Asha Rao, Ben Li]"),
        ("Asha Rao and Ben Li", "holds 2 bylines", "write author: [Asha Rao, Ben Li]"),
        ("By Asha Rao", "has 'By' before the name", "write author: Asha Rao ('By' is not"),
        ("Asha Rao (ANI)", "has '(ANI)' after the name", "write author: Asha Rao ('(ANI)'"),
        ("'[By Asha Rao, Ben Li]'", "has 'By' before", "write author: [Asha Rao, Ben Li]"),
    ],
)
def test_registered_names_in_one_byline_are_a_warning_with_the_line_to_write(
    tmp_path: Path, byline: str, words: str, fix: str
) -> None:
    project = make_project(tmp_path / "project")
    (project / "authors.yaml").write_text(REGISTRY, encoding="utf-8")
    write_article(project, "au.md", STORY.format(byline.strip("'")))
    result = run_here("check", cwd=project)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.startswith("content/au.md:6: warning:")]
    assert words in lines[at] and "not on the page of 'Asha Rao'" in lines[at]
    assert lines[at + 1].strip().startswith(f"fix: {fix}")


def test_a_registered_byline_and_a_plain_name_are_left_alone(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "authors.yaml").write_text(REGISTRY, encoding="utf-8")
    write_article(project, "a.md", STORY.format("[Asha Rao, Ben Li]"))
    write_article(project, "b.md", STORY.format("Byron Bay Desk").replace("Floods", "Surf"))
    result = run_here("check", cwd=project)
    assert result.returncode == 0 and "warning" not in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("byline", "words"),
    [
        ("By Asha Rao", "has 'By' before the name"),
        ("asha rao", "is written 'Asha Rao' in authors.yaml"),
        ("Asha Rao, Ben Li", "holds 2 bylines"),
    ],
)
def test_a_story_refused_for_another_error_still_gets_its_byline_warning(
    tmp_path: Path, byline: str, words: str
) -> None:
    """Tester 3, M1: an error elsewhere in the story (`updated:` before `date:`) hid the
    byline's warning, so the editor fixed one thing and met the next on the next run. Both
    are said at once; a registered byline in a refused story stays silent."""
    project = make_project(tmp_path / "project")
    (project / "authors.yaml").write_text(REGISTRY, encoding="utf-8")
    wrong = "updated: 2024-01-01T00:00:00Z\n"
    write_article(project, "au.md", STORY.format(byline) + wrong)
    write_article(project, "ok.md", STORY.format("Asha Rao").replace("Floods", "Rain") + wrong)
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("content/au.md:7: error: ") for line in lines), lines
    [at] = [n for n, line in enumerate(lines) if line.startswith("content/au.md:6: warning:")]
    assert words in lines[at], lines[at]
    assert not any(line.startswith("content/ok.md:6:") for line in lines), lines
