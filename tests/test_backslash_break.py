r"""A backslash at the end of a body's line is a line break with either engine (CommonMark,
gfm and Hugo's Goldmark read it so): the default engine no longer publishes a stray `\`.
An escaped backslash (`\\`) and one in code stay text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

FRONT = (
    "title: Lines\ndate: 2025-06-01T10:00:00Z\ncountry: UK\nslug: lines\n"
    "summary: Lines.\ncredits:\n  author: Desk\n"
)
BODY = "Flood Relief Office\\\n12 Mall Road\n\nA path C:\\\\\nnext\n\n```\ncode\\\nline\n```\n"


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_a_trailing_backslash_is_a_line_break(tmp_path: Path, engine: str) -> None:
    project = make_project(tmp_path, f'markdown_engine = "{engine}"\n')
    write_article(project, "lines.md", FRONT, BODY)
    built = run_here("build", "--output", str(project / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site/2025/06/01/lines/index.html").read_text(encoding="utf-8")
    body = page.split('class="body"', 1)[1]
    assert "Flood Relief Office<br" in body, body
    assert "Office\\" not in body
    assert "A path C:\\\nnext" in body  # an escaped backslash: text, no break
    assert "code\\\nline" in body  # code as typed
