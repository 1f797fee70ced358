"""A language written by its own name (`language: Français`, `language: اردو`, the names the
"Read in" switcher shows) gets its tag as the fix, in a story and in the settings (tester4
F22), as an English name does (`Urdu` -> 'ur')."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

FRONT = "title: Floods\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk"


@pytest.mark.parametrize(
    ("typed", "tag"),
    [
        ("Français", "fr"),
        ("اردو", "ur"),
        ("हिन्दी", "hi"),
        ("Deutsch", "de"),
        ("日本語", "ja"),
        # prober5 P20: as the switcher names them, with a region, and in another script
        ("Português (Brasil)", "pt-BR"),
        ("Srpski", "sr-Latn"),
        ("Српски", "sr"),
        ("English (United Kingdom)", "en-GB"),
    ],
)
def test_a_language_by_its_own_name_gets_its_tag(tmp_path: Path, typed: str, tag: str) -> None:
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", f"{FRONT}\nlanguage: {typed}")

    said = run_here("check", cwd=root).stdout

    assert f"content/floods.md:7: error: language '{typed}' is not a language tag" in said
    assert f"fix: did you mean '{tag}'?" in said
    path.write_text(path.read_text(encoding="utf-8").replace(typed, tag), encoding="utf-8")
    assert run_here("check", cwd=root).returncode == 0


def test_the_site_language_by_its_own_name_gets_the_line_to_write(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", 'language = "Français"\n')
    write_article(root, "floods.md", FRONT)

    said = run_here("check", cwd=root)

    assert 'did you mean \'fr\'? write a language tag (BCP 47) such as "en", "pt-BR" or' in (
        said.stdout + said.stderr
    )
    assert 'language = "fr"' in said.stdout + said.stderr
