"""Dates an editor types in a form newsdigest does not read get the date to write in the
fix, as `2025-W25-5` does: full-width digits (a CJK input method), a month or day in
one digit, GMT or UTC after the time."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article


@pytest.mark.parametrize(
    ("typed", "words", "fixed"),
    [
        ("２０２５-06-20", "full-width digits", "write 2025-06-20"),
        ("2025-6-5", "write it as", "write it as 2025-06-05"),
        ("2025-06-20T10:00:00GMT", "write it as", "write it as 2025-06-20T10:00:00Z"),
        ("2025-06-20T10:00:00 UTC", "write it as", "write it as 2025-06-20T10:00:00Z"),
    ],
)
def test_a_date_in_another_form_gets_the_date_to_write(
    tmp_path: Path, typed: str, words: str, fixed: str
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "d.md", f"title: D\ndate: {typed}\ncountry: UK\ncredits:\n  author: A")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.startswith("content/d.md:3: error: date:")]
    assert words in lines[at + 1] and lines[at + 1].endswith(fixed)
