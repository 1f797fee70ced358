"""A field typed without its colon (`tags "Floods, Rain"`, `country India, Pakistan`):
the fix `newsdigest check` gives, written as printed in place of the typed line, passes
check and publishes the topics and the country the editor meant (prober2 H2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article
from lxml import html

FRONT = (
    "title: S\ndate: 2025-06-20T10:00:00Z\ncountry: India\ncredits:\n  author: A\ntags: [Floods]"
)


def _follow(project: Path, path: Path, fix: str) -> None:
    """Write each `key: value` line the fix names in place of that field's line."""
    for key, value in re.findall(r"\b(tags|country): (.+?)'?(?:, and name |$)", fix):
        lines = path.read_text(encoding="utf-8").split("\n")
        at = next(n for n, line in enumerate(lines) if line.startswith(key))
        lines[at] = f"{key}: {value}"
        path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("typed", "topics", "country"),
    [
        ('tags "Floods, Rain"', ["Floods", "Rain"], "India"),
        ("tags 'Floods, Rain'", ["Floods", "Rain"], "India"),
        ('tags Floods, "Rain: update"', ["Floods", "Rain: update"], "India"),
        ("tags Floods, Rain: update", ["Floods", "Rain: update"], "India"),
        ('tags "Floods", Rain', ["Floods", "Rain"], "India"),
        ("tags Floods, Rain", ["Floods", "Rain"], "India"),
        ("country India, Pakistan", ["Floods", "Pakistan"], "India"),
        ("country India and Pakistan", ["Floods", "Pakistan"], "India"),
        ("country Pakistan", ["Floods"], "Pakistan"),
    ],
)
def test_a_missing_colon_fix_followed_as_printed_publishes_the_words_meant(
    tmp_path: Path, typed: str, topics: list[str], country: str
) -> None:
    project = make_project(tmp_path / "project")
    key = typed.split()[0]
    front = "\n".join(typed if line.startswith(key) else line for line in FRONT.split("\n"))
    path = write_article(project, "2025/06/s.md", front)
    said = run_here("check", cwd=project).stdout
    [fix] = [line.strip() for line in said.splitlines() if line.strip().startswith("fix:")]
    assert "colon after" in fix and f"{key}: " in fix, said
    _follow(project, path, fix)
    assert run_here("check", cwd=project).returncode == 0, path.read_text(encoding="utf-8")
    site = project / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    [page] = site.glob("2025/06/20/*/index.html")
    tree = html.fromstring(page.read_text(encoding="utf-8"))
    assert [a.text_content() for a in tree.xpath("//a[@rel='tag']")] == topics
    [place] = tree.xpath("//p[@class='dateline']/a[contains(@href, '/countries/')]")
    assert place.text_content().endswith(country)
