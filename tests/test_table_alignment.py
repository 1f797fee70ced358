"""A table column's alignment (`| ---: |`) is published with either engine: figures columns
(seats, votes, prices) read right-aligned, as the editor typed them, in an English story and
in an Arabic one (as Hugo, Pelican and GitHub show them), while no style= reaches the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import make_project, parked, run_here, static_server, write_article

FRONT = (
    "title: Results\ndate: 2025-06-01T10:00:00Z\ncountry: UK\nslug: results\n"
    "summary: The results.\ncredits:\n  author: Desk\n"
)
TABLE = "| Party | Seats | Share | Note |\n| --- | ---: | :-: | :-- |\n| A | 10 | 40% | won |\n"
ENGINES = ["python-markdown", "gfm"]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_columns_alignment_is_published(tmp_path: Path, engine: str, chromium_tab: Any) -> None:
    project = make_project(tmp_path, f'markdown_engine = "{engine}"\n')
    write_article(project, "results.md", FRONT, TABLE)
    built = run_here(
        "build", "--base-url", "http://127.0.0.1/", "--output", str(project / "site"), cwd=project
    )
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr, built.stderr  # nothing is removed
    page = (project / "site/2025/06/01/results/index.html").read_text(encoding="utf-8")
    assert '<td class="align-right">10</td>' in page
    assert "style=" not in page.split('class="body"', 1)[1]
    found = _alignments(project, chromium_tab)
    assert found == ["start", "right", "center", "left"]


def test_right_is_the_right_edge_in_a_right_to_left_story(
    tmp_path: Path, chromium_tab: Any
) -> None:
    """An Arabic story's `---:` column and raw HTML `align="right"` cells are published on
    the right, `align="left"` on the left (prober5 P6: they were mirrored); a style's logical
    `text-align: end` is the end of the line, the left edge here."""
    project = make_project(tmp_path)
    body = (
        "| الحزب | المقاعد |\n| :--- | ---: |\n| أ | 10 |\n\n"
        '<table><tr><td align="right">١٠</td><td align="left">يسار</td>'
        '<td style="text-align: RIGHT">٢</td><td style="text-align: end">٣</td></tr></table>\n'
    )
    write_article(project, "results.md", FRONT + "language: ar\n", body)
    built = run_here(
        "build", "--base-url", "http://127.0.0.1/", "--output", str(project / "site"), cwd=project
    )
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr, built.stderr
    page = (project / "site/2025/06/01/results/index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    found = _alignments(project, chromium_tab)
    assert found == ["left", "right", "right", "left", "right", "end"]


def test_a_cells_other_classes_and_styles_are_still_removed(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    body = '<table><tr><td class="total" style="color: red">1</td></tr></table>\n'
    write_article(project, "results.md", FRONT, body)
    built = run_here("build", "--output", str(project / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site/2025/06/01/results/index.html").read_text(encoding="utf-8")
    assert "<td>1</td>" in page
    assert "the style= attribute of <td> here is removed when published" in built.stderr


def _alignments(project: Path, tab: Any) -> list[str]:
    """The text-align Chromium computes for each cell of the built story's body."""
    try:
        with static_server(project / "site") as server:
            tab.goto(server + "2025/06/01/results/")
            found: list[str] = tab.eval_on_selector_all(
                ".body td", "els => els.map(e => getComputedStyle(e).textAlign)"
            )
    finally:
        parked(tab)
    return found


RAW_CELLS = (
    '<table><tr><td style="text-align: RIGHT">1</td><td style="text-align:end">2</td>'
    '<td style="color:red;text-align:center">3</td></tr>\n'
    "<tr><td style='text-align: right'>4</td><td align=\"RIGHT\">5</td>"
    '<td style=" TEXT-ALIGN : Left !important; ">6</td></tr>\n'
    '<tr><td align=center>7</td><td class="total" align="right">8</td><td>9</td></tr>'
    "</table>\n"
)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_raw_cells_alignment_is_kept_in_any_spelling_and_beside_other_styles(
    tmp_path: Path, engine: str, chromium_tab: Any
) -> None:
    """Prober5 P31: `style="text-align: RIGHT"`, `text-align:end`, a style that also sets a
    colour, single quotes, `align="RIGHT"`, `align=center`, a cell with a class of its own:
    each cell's alignment is published; only the colour is removed, with a warning on its
    line alone whose fix, followed, keeps the alignment and says nothing more."""
    project = make_project(tmp_path, f'markdown_engine = "{engine}"\n')
    story = write_article(project, "results.md", FRONT, "Figures.\n\n" + RAW_CELLS)
    built = run_here(
        "build", "--base-url", "http://127.0.0.1/", "--output", str(project / "site"), cwd=project
    )
    assert built.returncode == 0, built.stderr
    warnings = [line for line in built.stderr.splitlines() if "warning" in line]
    assert warnings == [
        "content/results.md:12: warning: the style= attribute of <td> here is removed when "
        "published but for its alignment: 'color:red' is removed, 'text-align: center' is kept"
    ], built.stderr
    assert 'fix: write the style as its alignment alone, style="text-align: center"' in (
        built.stderr
    )
    page = (project / "site/2025/06/01/results/index.html").read_text(encoding="utf-8")
    assert "style=" not in page.split('class="body"', 1)[1]
    expected = ["right", "end", "center", "right", "right", "left", "center", "right", "start"]
    assert _alignments(project, chromium_tab) == expected
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("color:red;text-align:center", "text-align: center"), "utf-8")
    again = run_here(
        "build", "--base-url", "http://127.0.0.1/", "--output", str(project / "site"), cwd=project
    )
    assert "warning" not in again.stderr, again.stderr
    assert _alignments(project, chromium_tab) == expected
