"""`--content` or `--templates` naming a file (a story, a settings file): the error says it
is a file and names the folder that holds it, not that the folder "does not exist"
(tester4 F37); followed, the command runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

FRONT = "title: Floods\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk"


@pytest.mark.parametrize("command", ["check", "build"])
def test_content_naming_a_story_file_names_its_folder(tmp_path: Path, command: str) -> None:
    root = make_project(tmp_path / "news")
    write_article(root, "a.md", FRONT)

    result = run_here(command, "--content", "content/a.md", cwd=root)

    assert result.returncode == 2
    assert result.stderr.strip() == (
        "newsdigest: error: content/a.md is a file, not a folder: pass the folder that "
        "holds the stories (--content content)"
    )
    assert "does not exist" not in result.stderr
    assert run_here(command, "--content", "content", cwd=root).returncode == 0


def test_templates_naming_a_file_names_its_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    write_article(root, "a.md", FRONT)
    (root / "templates").mkdir()
    (root / "templates/base.html").write_text("{% block body %}{% endblock %}\n")

    result = run_here("build", "--templates", "templates/base.html", cwd=root)

    assert result.returncode == 2
    assert "templates/base.html is a file, not a folder" in result.stderr
    assert "(--templates templates)" in result.stderr


def test_a_missing_content_folder_still_says_it_does_not_exist(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")

    result = run_here("check", "--content", "stories", cwd=root)

    assert "content folder stories does not exist" in result.stderr


@pytest.mark.parametrize(
    ("option", "named", "said"),
    [
        (
            "--content",
            "pyproject.toml",
            "pyproject.toml is a file, not a folder of stories (.md): pass the folder that "
            "holds the stories, usually content (--content content)",
        ),
        (  # a .md file without front matter is not a story
            "--content",
            "README.md",
            "README.md is a file, not a folder of stories (.md): pass the folder that "
            "holds the stories, usually content (--content content)",
        ),
        (
            "--templates",
            "README.md",
            "README.md is a file, not a folder of theme's templates (.html): pass the folder "
            "that holds the theme's templates, usually templates (--templates templates)",
        ),
    ],
)
def test_a_file_of_the_sites_own_folder_is_not_answered_with_that_folder(
    tmp_path: Path, option: str, named: str, said: str
) -> None:
    """`--content pyproject.toml`: the site's folder holds it, not the stories' (`--content
    .` would read README.md and the built site as stories: prober5 P42); the usual folder
    is named, and followed, the command runs."""
    root = make_project(tmp_path / "news")
    write_article(root, "a.md", FRONT)
    (root / "README.md").write_text("# News\n\nThe site's notes.\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates/base.html").write_text("{% block body %}{% endblock %}\n")

    result = run_here("build", option, named, cwd=root)

    assert result.returncode == 2
    assert result.stderr.strip() == f"newsdigest: error: {said}"
    folder = said.rpartition(f"({option} ")[2].rstrip(")")
    if option == "--content":
        assert run_here("check", option, folder, cwd=root).returncode == 0


def test_content_dir_naming_a_file_not_a_story_gets_the_usual_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", 'content_dir = "README.md"\n')
    write_article(root, "a.md", FRONT)
    (root / "README.md").write_text("# News\n", encoding="utf-8")

    result = run_here("check", cwd=root)

    assert result.returncode == 2
    assert 'usually content: content_dir = "content"' in result.stderr, result.stderr
