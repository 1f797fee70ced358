"""Names an editor lists twice: a byline, a source, a tag.

`author: [Asha Rao, Asha Rao]` (or "Asha  Rao" with two spaces, which reads the same) is
one person: the byline names her once, and `check` says so on the line, as it does for a
tag or a source given twice. Nothing is dropped without a warning naming file and line.
"""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html

STORY = """\
title: Harbour tunnel opens
date: 2025-06-25T10:00:00Z
country: Norway
credits:
  author: {author}
  sources: {sources}
tags: {tags}
"""


def build(tmp_path: Path, **fields: str) -> tuple[Path, str]:
    project = make_project(tmp_path / "project")
    values = {"author": "Asha Rao", "sources": "[NTB]", "tags": "[Transport]"} | fields
    write_article(project, "tunnel.md", STORY.format(**values))
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    return out, result.stderr


@pytest.mark.parametrize(
    ("author", "line", "first"),
    [
        ("[Asha Rao, Asha Rao]", 6, ""),
        ('[Asha Rao, "Asha  Rao"]', 6, ""),
        ("\n    - Asha Rao\n    - Ben Ode\n    - Asha Rao", 9, " (first on line 7)"),
    ],
)
def test_a_byline_given_twice_names_the_author_once_with_a_warning(
    tmp_path: Path, author: str, line: int, first: str
) -> None:
    out, said = build(tmp_path, author=author)
    assert (
        f"content/tunnel.md:{line}: warning: credits.author: 'Asha Rao' is repeated{first}; "
        "it is published once"
    ) in said
    assert "fix: remove the second 'Asha Rao'" in said
    tree = html.parse(str(out / "2025/06/25/tunnel/index.html")).getroot()
    byline = [a.text for a in tree.xpath("//p[@class='byline']/a")]
    assert byline.count("Asha Rao") == 1
    [item] = json.loads((out / "feed.json").read_text(encoding="utf-8"))["items"]
    assert [a["name"] for a in item["authors"]].count("Asha Rao") == 1
    [entry] = feedparser.parse((out / "atom.xml").read_bytes()).entries
    assert [a.name for a in entry.authors].count("Asha Rao") == 1


def test_a_source_or_a_tag_given_twice_is_published_once_with_a_warning(
    tmp_path: Path,
) -> None:
    out, said = build(tmp_path, sources="[NTB, NTB]", tags="[Transport, Oslo, Transport]")
    assert (
        "content/tunnel.md:7: warning: credits.sources: 'NTB' is repeated; it is published once"
    ) in said
    assert (
        "content/tunnel.md:8: warning: tags: 'Transport' is repeated; it is published once"
    ) in said
    text = html.parse(str(out / "2025/06/25/tunnel/index.html")).getroot().text_content()
    assert "With inputs from NTB." in " ".join(text.split())
    [entry] = feedparser.parse((out / "feed.xml").read_bytes()).entries
    assert [t.term for t in entry.tags] == ["Transport", "Oslo"]
