"""Markdown or HTML typed in a plain-text field other than the headline and summary: a bio
in authors.yaml, a picture's caption and alt text, its credit (tester4 F36), the sources
and a correction's text; Markdown and HTML in one value are both named (F36).
Each is published as typed (the reader sees asterisks, brackets and tags; a screen reader
reads them out), so each is a warning on its line whose fix, followed, is silent (tester
3, M9). A name from code in a summary (`__init__`) is the text meant (M13)."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

REGISTRY = 'A:\n  bio: "<b>Bold</b> bio & **md**"\nB:\n  bio: Covers R&D and C++ <T> code.\n'
FRONT = """\
title: Story
date: 2025-06-25T10:00:00Z
country: India
credits:
  author: A
  sources: ["**AP**", "<i>AFP</i>", Reuters]
  image: "<b>AP</b>"
image:
  src: https://example.com/a.jpg
  alt: "<b>Blue</b> field"
  caption: "**Bold** caption with [link](https://x.org) <i>x</i>"
corrections:
  - date: 2025-06-26T10:00:00Z
    text: "An earlier version said **10** dead; see [here](https://x.org)."
summary: "The C++ standard_library and __init__ names"
"""
NEIGHBOUR = """\
title: Plain
date: 2025-06-25T11:00:00Z
country: India
credits:
  author: B
  sources: [AP, R&D Desk]
  image: AP/Reuters & C++ <T> desk
image:
  src: https://example.com/b.jpg
  alt: A blue field at 5 * 3 metres
  caption: Rain over the C++ <T> plant (file_name_here)
corrections:
  - date: 2025-06-26T10:00:00Z
    text: An earlier version said 10 dead.
summary: Python's __main__ module and snake_case names
"""

SAID = {
    "authors.yaml:2": (
        "'A'.bio is plain text: **md** and <b> are published as typed",
        "bio: 'Bold bio & md'",
    ),
    "content/a.md:7": ("credits.sources is plain text: **AP**", "sources: [AP, AFP, Reuters]"),
    "content/a.md:8": ("credits.image is plain text: <b> is published as typed", "image: 'AP'"),
    "content/a.md:11": ("image.alt is plain text: <b> is published as typed", "alt: 'Blue field'"),
    "content/a.md:12": (
        "image.caption is plain text: **Bold** and <i> are published as typed",
        "caption: 'Bold caption with link x'",
    ),
    "content/a.md:15": (
        "corrections: item 1: text is plain text: **10** is published as typed",
        "text: 'An earlier version said 10 dead; see here.'",
    ),
}


def test_markup_in_each_plain_text_field_is_a_warning_whose_fix_is_final(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "authors.yaml").write_text(REGISTRY, encoding="utf-8")
    story = write_article(project, "a.md", FRONT)
    write_article(project, "b.md", NEIGHBOUR)
    result = run_here("check", cwd=project)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    warned = [line for line in lines if ": warning: " in line]
    assert len(warned) == len(SAID), result.stdout  # b.md and the summary: nothing
    for where, (what, fixed) in SAID.items():
        at = next(n for n, line in enumerate(lines) if line.startswith(f"{where}: warning: "))
        assert what in lines[at], lines[at]
        assert f": {fixed}" in lines[at + 1], lines[at + 1]
    text = story.read_text(encoding="utf-8").splitlines()
    for where, (_, fixed) in SAID.items():  # each fix followed as printed, indented as typed
        if where.startswith("content/"):
            n = int(where.rpartition(":")[2]) - 1
            text[n] = text[n][: len(text[n]) - len(text[n].lstrip())] + fixed
    story.write_text("\n".join(text) + "\n", encoding="utf-8")
    (project / "authors.yaml").write_text(
        REGISTRY.replace('"<b>Bold</b> bio & **md**"', "'Bold bio & md'"), encoding="utf-8"
    )
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout


def test_markdown_in_a_summary_is_still_said_beside_a_name_from_code(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "a.md", NEIGHBOUR.replace("Python's", "__Breaking__ Python's"))
    result = run_here("check", cwd=project)
    assert "content/a.md:16: warning: summary is plain text: __Breaking__ is" in result.stdout
    assert "__main__ module" in result.stdout  # the fix keeps the code's name as typed
