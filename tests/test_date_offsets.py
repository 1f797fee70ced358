"""How a story's offset from UTC may be written, as README says: `+05:30`, `+0530` (ISO
8601's basic form, as many exports write it) or `+05`, each the same instant, published
as `+05:30` in pages and feeds; an offset that is not one is refused on its line."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from conftest import make_project, run_here, write_article

FRONT = "title: Story\ndate: {}\ncountry: India\ncredits:\n  author: Desk"


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("2025-06-25T10:00:00+05:30", "2025-06-25T10:00:00+05:30"),
        ("2025-06-25T10:00:00+0530", "2025-06-25T10:00:00+05:30"),
        ("2025-06-25T10:00:00+05", "2025-06-25T10:00:00+05:00"),
        ("2025-06-25T10:00:00-0700", "2025-06-25T10:00:00-07:00"),
    ],
)
def test_each_offset_form_readme_names_is_the_same_instant_in_page_and_feed(
    tmp_path: Path, written: str, published: str
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "story.md", FRONT.format(written))
    assert run_here("check", cwd=project).stdout == "checked 1 article: no errors\n"
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    page = (out / "2025/06/25/story/index.html").read_text(encoding="utf-8")
    assert f'datetime="{published}"' in page
    entry = feedparser.parse((out / "atom.xml").read_bytes()).entries[0]
    assert entry.published == published


@pytest.mark.parametrize(
    ("written", "said", "fix"),
    [
        (
            "2025-06-25T10:00:00+5:30",
            "is not a date newsdigest can read",
            "2025-06-25T10:00:00+05:30",
        ),
        ("2025-06-25T10:00:00+05:75", "its offset +05:75 is not one", "YYYY-MM-DDTHH:MM:SS+HH:MM"),
        ("2025-06-25T10:00:00+1530", "its offset +1530 is not one", "YYYY-MM-DDTHH:MM:SS+HH:MM"),
    ],
)
def test_an_offset_that_is_not_one_is_refused_on_its_line(
    tmp_path: Path, written: str, said: str, fix: str
) -> None:
    """+05:75 was once read as +06:15, silently another time."""
    project = make_project(tmp_path / "project")
    write_article(project, "story.md", FRONT.format(written))
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    error, hint = result.stdout.splitlines()[:2]
    assert error.startswith("content/story.md:3: error: date: ") and said in error
    assert hint.startswith("    fix: ") and fix in hint
