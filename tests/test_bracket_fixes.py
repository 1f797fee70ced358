"""A one-text field typed in brackets (`language: [ur]`) or a list field begun with '- '
on its own line (`tags: - Climate`): the fix, followed as printed, publishes what was
meant (tester4 F21): `language: ur`, `tags: [Climate]`, never `language: "[ur]"`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

FRONT = "title: Floods\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk"


def fixes(root: Path) -> list[str]:
    result = run_here("check", cwd=root)
    assert "Traceback" not in result.stderr
    return [x.split("fix: ", 1)[1] for x in result.stdout.splitlines() if "fix: " in x]


def followed(path: Path, typed: str, fix: str) -> None:
    """The file with the line `typed` replaced by the line the fix ends with."""
    first = fix.split("; or,")[0]
    line = first[first.rindex(typed.split(":")[0] + ": ") :]
    path.write_text(path.read_text().replace(typed, line))


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("language: [ur]", "remove the brackets: language: ur"),
        (
            "language: [en, ur]",
            "a story has one language: write one, without brackets: language: en",
        ),
        ("translation_key: [floods]", "remove the brackets: translation_key: floods"),
        ("tags: - Climate", "write the list in brackets: tags: [Climate]"),
        ("tags: - Climate change", "write the list in brackets: tags: [Climate change]"),
        ("aliases: - /old-floods/", "write the list in brackets: aliases: [/old-floods/]"),
    ],
)
def test_a_bracket_or_dash_slip_gets_the_line_meant(tmp_path: Path, typed: str, fixed: str) -> None:
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", f"{FRONT}\n{typed}")

    said = fixes(root)

    assert said == [fixed]
    assert '"[' not in said[0] and '"- ' not in said[0]
    followed(path, typed, said[0])
    assert fixes(root) == []


def test_a_story_in_brackets_fixed_is_published_in_its_language(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", f"{FRONT}\nlanguage: [ur]")
    followed(path, "language: [ur]", fixes(root)[0])

    assert run_here("build", cwd=root).returncode == 0
    page = (root / "site/2025/06/20/floods/index.html").read_text(encoding="utf-8")
    assert '<html lang="ur" dir="rtl"' in page


def test_a_title_in_brackets_is_still_quoted_whole(tmp_path: Path) -> None:
    """Words in brackets may be a headline's (`[Live]`): the fix keeps them, quoted."""
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", FRONT.replace("title: Floods", "title: [Live]"))

    (said,) = fixes(root)

    assert said == 'put the whole value in quotes: title: "[Live]"'
    path.write_text(path.read_text().replace("title: [Live]", 'title: "[Live]"'))
    assert fixes(root) == []
