"""Tester T9: two fixes that, copied as given, published something else. A command-line
value is shown and suggested as a shell takes it (`--title 'Back \\ slash'`, not repr's
doubled backslash), and a text field typed as a list of several names (`image: [AP,
Reuters]`) is told to drop the brackets first, not only to quote them, which published
"[AP, Reuters]"."""

from __future__ import annotations

import shlex
from pathlib import Path

from conftest import edit, make_project, run_here, write_article

URL = "https://news.example.com/"


def test_init_shows_and_suggests_a_title_with_a_backslash_as_typed(tmp_path: Path) -> None:
    typed = 'Daily "Quotes" & <News> \\ back'
    refused = run_here("init", "akhbar", "--title", typed, "--url", URL, cwd=tmp_path)
    assert refused.returncode == 2 and not (tmp_path / "akhbar").exists()
    said = refused.stderr
    assert "--title 'Daily \"Quotes\" & <News> \\ back': title: <News> is published" in said
    assert "\\\\" not in said, said
    fix = said.rsplit("run init again with --title ", 1)[1].strip()
    [title] = shlex.split(fix)  # the fix, copied into a shell
    assert title == 'Daily "Quotes" & \u2039News\u203a \\ back'
    made = run_here("init", "akhbar", "--title", title, "--url", URL, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    root = tmp_path / "akhbar"
    assert run_here("build", cwd=root).returncode == 0
    page = (root / "site/index.html").read_text("utf-8")
    assert "<title>Daily &#34;Quotes&#34; &amp; \u2039News\u203a \\ back" in page, page[:400]


def test_an_image_credit_typed_as_a_list_is_told_to_drop_the_brackets(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    front = (
        "title: Floods\ndate: 2025-06-01T10:00:00Z\ncountry: India\n"
        "credits:\n  author: Desk\n  image: [AP, Reuters]\n"
    )
    story = write_article(project, "floods.md", front)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    assert "content/floods.md:7: error: credits.image must be text, not a list" in checked.stdout
    assert (
        "fix: remove the brackets: image: AP, Reuters; or, if they are part of the text, put "
        'the whole value in quotes: image: "[AP, Reuters]"'
    ) in checked.stdout, checked.stdout
    edit(story, "image: [AP, Reuters]", "image: AP, Reuters")
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "must be text" not in again.stdout, again.stdout
