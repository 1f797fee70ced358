"""A name typed with the list mark but not its space (`tags: -Climate`, prober5 P39):
the fix drops the dash, and a list item or byline starting with one is warned about."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article
from test_fix_lines import GOOD
from test_front_fixes import checked, fix_lines, follow_tags_fix, published_topics


@pytest.mark.parametrize(
    ("typed", "topics"),
    [
        ("tags: -Climate", ["Climate"]),
        ("tags: -Climate, -Floods", ["Climate", "Floods"]),
        ("tags: -Climate, Floods", ["Climate", "Floods"]),
    ],
)
def test_the_fix_for_a_topic_typed_after_a_dash_publishes_it_without_the_dash(
    tmp_path: Path, typed: str, topics: list[str]
) -> None:
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", GOOD.replace("tags: [Rain]", typed))
    status, out = checked(project)
    assert status == 1 and "content/2025/06/story.md:7: error: tags must be a list" in out, out
    follow_tags_fix(project, path, typed, out)
    assert published_topics(project) == topics


@pytest.mark.parametrize(
    ("typed", "line", "name"),
    [
        ("tags: [-Climate, Floods]", 7, "tags: '-Climate'"),
        ('tags: ["-Climate"]', 7, "tags: '-Climate'"),
        ("  author: -Desk", 6, "credits.author: '-Desk'"),
    ],
)
def test_a_name_starting_with_a_dash_is_warned_about_and_published_as_typed(
    tmp_path: Path, typed: str, line: int, name: str
) -> None:
    project = make_project(tmp_path / "p")
    front = GOOD.replace("tags: [Rain]" if "tags" in typed else "  author: Desk", typed)
    write_article(project, "2025/06/story.md", front)
    status, out = checked(project)
    assert status == 0, out
    assert f"content/2025/06/story.md:{line}: warning: {name} starts with '-'" in out, out
    word = name.split("'-")[1].rstrip("'")
    assert fix_lines(out) == [f"fix: remove the '-' before '{word}'"]


@pytest.mark.parametrize("typed", ["tags: [e-mail, -30-, Rain]", "tags: [Rain, '-5 degrees']"])
def test_a_dash_inside_a_name_or_before_a_number_is_not_warned_about(
    tmp_path: Path, typed: str
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", GOOD.replace("tags: [Rain]", typed))
    result = run_here("check", cwd=project)
    assert result.returncode == 0 and "warning" not in result.stdout + result.stderr, result
