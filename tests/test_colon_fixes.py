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
    for key, value in re.findall(
        r"\b(tags|country): (.+?)'?(?:, and name |', and the note |$)", fix
    ):
        lines = path.read_text(encoding="utf-8").split("\n")
        at = next(n for n, line in enumerate(lines) if line.startswith(key))
        lines[at] = f"{key}: {value}"
        if note := re.search(r"note on a line of its own above it: '(.*)'", fix):
            lines.insert(at, note[1])
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
        ("tags Floods; Rain", ["Floods", "Rain"], "India"),
        ("tags [Floods, Rain", ["Floods", "Rain"], "India"),
        # a note after the value stays a note
        ("tags Floods, Rain # main", ["Floods", "Rain"], "India"),
        ("country India, Pakistan # both", ["Floods", "Pakistan"], "India"),
        ("country United Kingdom # desk", ["Floods"], "United Kingdom"),
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


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("date 30 Nov 2026 9:30 PM IST", "date: 2026-11-30T21:30:00+05:30"),
        ("date 31/12/2025", "date: 2025-12-31"),
        ("date 2025-06-20T10:00:00Z", "date: 2025-06-20T10:00:00Z"),
    ],
)
def test_a_date_typed_without_its_colon_gets_the_date_newsdigest_reads(
    tmp_path: Path, typed: str, written: str
) -> None:
    project = make_project(tmp_path / "project")
    front = FRONT.replace("date: 2025-06-20T10:00:00Z", typed)
    path = write_article(project, "2025/06/s.md", front)
    said = run_here("check", cwd=project).stdout
    [fix] = [line.strip() for line in said.splitlines() if line.strip().startswith("fix:")]
    assert "colon after the name" in fix and written.split(": ")[1] in fix, said
    path.write_text(path.read_text(encoding="utf-8").replace(typed, written), encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0


def test_an_unknown_country_typed_without_its_colon_gets_the_country_meant(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/s.md", FRONT.replace("country: India", "country Indai"))
    said = run_here("check", cwd=project).stdout
    [fix] = [line.strip() for line in said.splitlines() if line.strip().startswith("fix:")]
    assert "colon after the name" in fix and "did you mean 'India'?" in fix, said


@pytest.mark.parametrize(
    ("typed", "words", "written"),
    [
        ("language English", "did you mean 'en'?", "language: en"),
        ("slug Flood Relief", "write slug: flood-relief", "slug: flood-relief"),
    ],
)
def test_a_value_its_field_refuses_typed_without_its_colon_gets_both_fixes(
    tmp_path: Path, typed: str, words: str, written: str
) -> None:
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/s.md", f"{FRONT}\n{typed}")
    said = run_here("check", cwd=project).stdout
    [fix] = [line.strip() for line in said.splitlines() if line.strip().startswith("fix:")]
    assert "colon after the name" in fix and words in fix, said
    path.write_text(path.read_text(encoding="utf-8").replace(typed, written), encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("Title with trailing colon:", "ends with ':' (a colon at the end of the line)"),
        ("Rain: more", "contains ': ' (a colon and a space)"),
    ],
)
def test_a_colon_at_the_end_of_a_value_is_named_as_such(
    tmp_path: Path, value: str, said: str
) -> None:
    """Tester 3, L2: `title: Title with trailing colon:` was said to hold ': ' (a colon and
    a space), which it does not; the fix, the value in quotes, then passes."""
    project = make_project(tmp_path / "p")
    front = f"title: {value}\ndate: 2025-06-25T10:00:00Z\ncountry: India\ncredits:\n  author: A\n"
    story = write_article(project, "s.md", front)
    result = run_here("check", cwd=project)
    assert f"content/s.md:2: error: the value of 'title:' {said}, which YAML" in result.stdout
    assert f'fix: put the whole value in quotes: title: "{value}"' in result.stdout
    story.write_text(story.read_text().replace(f"title: {value}", f'title: "{value}"'))
    assert run_here("check", cwd=project).returncode == 0
