"""A story whose body holds only characters drawn as nothing (a zero-width space, a
byte-order mark, a direction mark, a word joiner, a soft hyphen, typed or as an entity) or
only a footnote is the "story has no text" error, like an empty body (prober3 H1, L11); a
summary of only such characters is warned and left out, so the story's first paragraph is
its summary (prober3 H1). Text beside them, and joiners a script needs, stay silent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, write_article

NO_TEXT = "content/2025/06/empty.md:8: error: the story has no text"


@pytest.mark.parametrize(
    "body",
    [
        "\u200b\n",
        "\ufeff\n",
        "\u200e \u200f\n",
        "&#8203;\n",
        "&shy;\n",
        "&#173;&zwj;\n",
        "\u2060\u200d\n",
        "\u2066\u2069\u3164\ufe0f\n",
        "[^1]: A note.\n",
    ],
)
def test_a_body_of_only_invisible_characters_or_a_footnote_is_the_no_text_error(
    tmp_path: Path, body: str
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/ok.md", STORY.replace("Monsoon", "Rain"))
    write_article(project, "2025/06/empty.md", STORY, body)

    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    for result in (checked, built):
        out = result.stdout + result.stderr
        assert result.returncode == 1, out
        assert NO_TEXT in out
        assert "invisible characters such as a zero-width space" in out
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "body", ["Yes.\n", "\u200bYes.\n", "می\u200cخواهم\n", "🙂\n", "Text[^1].\n\n[^1]: A note.\n"]
)
def test_text_beside_invisible_characters_is_published_silently(tmp_path: Path, body: str) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY, body)

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    out = built.stdout + built.stderr
    assert built.returncode == 0, out
    assert "has no text" not in out
    items = json.loads((tmp_path / "site/feed.json").read_text(encoding="utf-8"))["items"]
    assert [i["title"] for i in items] == ["Monsoon Reaches Kerala"]


@pytest.mark.parametrize("summary", ['"\\u200b"', '"\\ufeff"', '"\\u00ad\\u2060"'])
def test_a_summary_of_only_invisible_characters_is_warned_and_the_body_is_used(
    tmp_path: Path, summary: str
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY + f"summary: {summary}\n", "Body text.\n")

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    out = built.stdout + built.stderr
    assert built.returncode == 0, out
    assert "content/2025/06/story.md:7: warning: summary: " in out
    assert "holds only invisible characters" in out
    if "u00ad" in summary:  # prober4 L2: every one is named, not only the first
        assert "a soft hyphen (U+00AD) and a word joiner (U+2060), so readers" in out, out
    assert "fix: write the summary's text after 'summary:', or delete the 'summary:' line" in out
    items = json.loads((tmp_path / "site/feed.json").read_text(encoding="utf-8"))["items"]
    assert items[0]["summary"] == "Body text."
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Body text.">' in page


def test_a_summary_with_text_is_published_silently(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY + "summary: Rain\u200bfall.\n")

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    out = built.stdout + built.stderr
    assert built.returncode == 0, out
    assert "warning" not in out
