"""Two slips an editor makes in a field's value, named for what they are: an empty item
in a one-line list (`tags: [a,,b]`: remove the extra comma), and true or false written in
quotes (`draft: "true"`: the quotes make it text), in articles and in the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

STORY = "title: Floods\ndate: 2025-06-20T10:00:00Z\ncountry: UK\ncredits:\n  author: A\n"


def check(project: Path) -> list[str]:
    result = run_here("check", cwd=project)
    assert result.returncode == 1, result.stdout
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("tags", "item", "fixed"),
    [
        ("[a,,b]", "item 2 is empty", "tags: [a, b]"),
        ("[a, , b]", "item 2 is empty", "tags: [a, b]"),
        ("[Floods, , ]", "item 2 is empty", "tags: [Floods]"),
        ("[a,,,b]", "items 2 and 3 are empty", "tags: [a, b]"),
        ('"[a,,b]"', "tags must be a list", "tags: [a, b]"),  # the old advice, followed
    ],
)
def test_an_empty_list_item_is_named_with_the_list_without_it(
    tmp_path: Path, tags: str, item: str, fixed: str
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "s15.md", STORY + f"tags: {tags}\n")
    lines = check(project)
    [at] = [n for n, line in enumerate(lines) if line.startswith("content/s15.md:7: error:")]
    assert item in lines[at]
    assert "quotes" not in lines[at + 1]
    assert lines[at + 1].strip().endswith(fixed)


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ('draft: "true"', "fix: write draft: true without quotes"),
        ("featured: 'true'", "fix: write featured: true without quotes"),
        ('draft: "no"', "fix: write draft: false without quotes"),
    ],
)
def test_true_or_false_in_quotes_is_said_to_be_text(tmp_path: Path, line: str, fix: str) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "fm.md", STORY + line + "\n")
    lines = check(project)
    [at] = [n for n, text in enumerate(lines) if text.startswith("content/fm.md:7: error:")]
    assert "is written in quotes" in lines[at] and "which makes it text" in lines[at]
    assert lines[at + 1].strip() == fix


def test_a_true_or_false_setting_in_quotes_is_said_to_be_text(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", 'trusted_html = "true"\n')
    write_article(project, "fm.md", STORY)
    result = run_here("check", cwd=project)
    assert result.returncode == 2
    assert (
        "pyproject.toml:8: error: trusted_html is written in quotes ('true'), which makes it "
        "text, not true or false" in result.stderr
    )
    assert "trusted_html = true" in result.stderr


@pytest.mark.parametrize(
    ("tags", "item", "fixed"),
    [
        (
            '[ , "", Economy]',
            "item 1 is empty (a comma with nothing before it); item 2 is empty quotes",
            "tags: [Economy]",
        ),
        ("[Economy, , 'Rain, wind']", "item 2 is empty", "tags: [Economy, 'Rain, wind']"),
        ('[Q&A, , "Rain"]', "item 2 is empty", 'tags: [Q&A, "Rain"]'),
    ],
)
def test_an_empty_item_beside_quoted_ones_gets_the_list_without_it_and_it_passes(
    tmp_path: Path, tags: str, item: str, fixed: str
) -> None:
    """Tester 3, M2: `tags: [ , "", Economy]` was told to put the whole list in quotes,
    which made it text (then 'tags must be a list'). A list with quoted items gets the
    same fix as one without: the list without the empty items, which check then passes."""
    project = make_project(tmp_path / "project")
    story = write_article(project, "s15.md", STORY + f"tags: {tags}\n")
    lines = check(project)
    [at] = [n for n, line in enumerate(lines) if line.startswith("content/s15.md:7: error:")]
    assert item in lines[at], lines[at]
    assert lines[at + 1].strip().endswith(f": {fixed}"), lines[at + 1]
    story.write_text(story.read_text().replace(f"tags: {tags}", fixed), encoding="utf-8")
    result = run_here("check", cwd=project)
    assert result.returncode == 0 and "warning" not in result.stdout, result.stdout
