"""`init --title` with HTML in it is refused with the title to give (the settings it would
write are then warned of by every check), and the plain-text fix of a title, summary or
setting leaves no space where a tag before punctuation was ('Co <b>.' -> 'Co.'; tester3
M14)."""

from __future__ import annotations

from pathlib import Path

from conftest import STORY, make_project, run_here, write_article


def test_init_refuses_a_title_with_html_and_names_the_plain_one(tmp_path: Path) -> None:
    refused = run_here("init", "news", "--title", "Tags & Co <b>", cwd=tmp_path)
    plain = run_here("init", "news", "--title", "Tags & Co", cwd=tmp_path)

    assert refused.returncode == 2
    assert "--title 'Tags & Co <b>': title is plain text: <b> is published as typed" in (
        refused.stderr
    )
    assert "run init again with --title 'Tags & Co'" in refused.stderr
    assert plain.returncode == 0, plain.stderr  # the fix, as written, starts the site
    checked = run_here("check", cwd=tmp_path / "news")
    assert checked.returncode == 0 and "warning" not in checked.stdout, checked.stdout


def test_a_tag_left_out_before_a_full_stop_leaves_no_space(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p",
        "",
    )
    settings = project / "pyproject.toml"
    settings.write_text(
        settings.read_text().replace(
            'description = "Stories for tests."', 'description = "The latest from Co <b>."'
        ),
        encoding="utf-8",
    )
    write_article(project, "2025/06/story.md", STORY + 'summary: "Rain is here <i>."')

    out = run_here("check", cwd=project).stdout

    assert "write description = 'The latest from Co.'" in out, out
    assert "summary: 'Rain is here.'" in out, out
