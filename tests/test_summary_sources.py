"""The automatic summary is prose: a story whose body is only a code block, a table or a
heading got "code only", "a b 1 2" or "Only heading" as its standfirst and feed summary
(tester 3, M15). Such a story has no summary, and `check` says so; prose after a
heading, a list or a quotation still makes one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

FRONT = "title: Story\ndate: 2025-06-25T10:00:00Z\ncountry: India\ncredits:\n  author: A\n"


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        ("```\ncode only\n```\n", ""),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", ""),
        ("## Only heading\n", ""),
        ("## Heading\n\n```\nx = 1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", ""),
        ("## Heading\n\nThe text.\n", "The text."),
        ("- one item\n- two items\n", "one item two items"),
        ("> Quoted words.\n", "Quoted words."),
    ],
)
def test_code_tables_and_headings_make_no_summary(tmp_path: Path, body: str, summary: str) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "s.md", FRONT, body)
    said = run_here("check", cwd=project).stdout
    assert ("content/s.md:8: warning: no summary: " in said) == (not summary), said
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    [item] = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]
    assert item.get("summary", "") == summary
