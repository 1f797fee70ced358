"""Tester T4: typos in bylines, topics and sources were published silently. A stray mark
at an end of a name (`author: Jane Doe,`, `tags: ["Politics", Economy"]`, `sources:
[Reuters", AP]`) is a warning on its line whose fix, followed, checks clean; and without
authors.yaml, `Jane Doe, John Smith` and `By Jane Doe` beside a story by `Jane Doe` are
warned as they are for registered names (README, Bylines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, make_project, run_here, write_article

STORY = (
    "title: Budget passes\ndate: 2025-06-01T10:00:00Z\ncountry: US\n"
    "credits:\n  author: {author}\n  sources: {sources}\ntags: {tags}\n"
)


@pytest.mark.parametrize(
    ("field", "typed", "line", "said", "fix", "written"),
    [
        (
            "author",
            "Jane Doe,",
            6,
            "credits.author: 'Jane Doe,' has ',' at its end, a comma left over",
            "fix: remove the ',': write author: Jane Doe (with the 2 spaces before 'author:')",
            "Jane Doe",
        ),
        (
            "author",
            'Jane Doe"',
            6,
            "credits.author: 'Jane Doe\"' has '\"' at its end, a quote mark with no partner",
            "fix: remove the '\"': write author: Jane Doe (with the 2 spaces before 'author:')",
            "Jane Doe",
        ),
        (
            "tags",
            '["Politics", Economy"]',
            8,
            "tags: 'Economy\"' has '\"' at its end, a quote mark with no partner; it would be "
            "published with it, as 'Economy\"', on a page of its own",
            "fix: remove the '\"': write tags: [Politics, Economy]",
            "[Politics, Economy]",
        ),
        (
            "tags",
            '[Politics, Politics"]',  # the name without its mark is there already: once
            8,
            "tags: 'Politics\"' has '\"' at its end, a quote mark with no partner",
            "fix: remove the '\"': write tags: [Politics]\n",
            "[Politics]",
        ),
        (
            "tags",
            "[Politics, /Economy]",
            8,
            "tags: '/Economy' has '/' at its start, a slash left over",
            "fix: remove the '/': write tags: [Politics, Economy]",
            "[Politics, Economy]",
        ),
        (
            "sources",
            '[Reuters", AP]',
            7,
            "credits.sources: 'Reuters\"' has '\"' at its end, a quote mark with no partner",
            "fix: remove the '\"': write sources: [Reuters, AP] (with the 2 spaces before",
            "[Reuters, AP]",
        ),
        (
            "sources",
            "[Reuters;, AP &]",
            7,
            "credits.sources: 'Reuters;' has ';' at its end, a semicolon left over",
            "fix: remove the ';': write sources: [Reuters, AP]",
            "[Reuters, AP]",
        ),
    ],
)
def test_a_stray_mark_at_the_end_of_a_name_is_a_warning_whose_fix_checks_clean(
    tmp_path: Path, field: str, typed: str, line: int, said: str, fix: str, written: str
) -> None:
    project = make_project(tmp_path / "p")
    values = {"author": "Jane Doe", "sources": "[Reuters]", "tags": "[Politics]", field: typed}
    story = write_article(project, "2025/06/budget.md", STORY.format(**values))
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert f"content/2025/06/budget.md:{line}: warning: {said}" in checked.stdout, checked.stdout
    assert fix in checked.stdout, checked.stdout
    edit(story, f"{field}: {typed}", f"{field}: {written}")
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout


def test_a_quote_mark_with_its_partner_and_a_words_apostrophe_are_left_alone(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    values = {"author": "Jane Doe", "sources": "[AT&T]", "tags": '[\'"Big" Ben\', "\'90s"]'}
    write_article(project, "2025/06/budget.md", STORY.format(**values))
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and "warning" not in checked.stdout, checked.stdout


@pytest.mark.parametrize(
    ("byline", "words", "fix"),
    [
        ("Jane Doe, John Smith", "holds 2 bylines", "fix: write author: [Jane Doe, John Smith]"),
        ("By Jane Doe", "has 'By' before the name", "fix: write author: Jane Doe ('By' is not"),
    ],
)
def test_without_authors_yaml_another_storys_byline_with_more_around_it_is_a_warning(
    tmp_path: Path, byline: str, words: str, fix: str
) -> None:
    project = make_project(tmp_path / "p")
    assert not (project / "authors.yaml").exists()
    plain = {"sources": "[Reuters]", "tags": "[Politics]"}
    write_article(project, "2025/06/f.md", STORY.format(author="Jane Doe", **plain))
    other = STORY.format(author=byline, **plain).replace("Budget passes", "Rates rise")
    story = write_article(project, "2025/06/d.md", other)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert (
        f"content/2025/06/d.md:6: warning: credits.author {byline!r} {words}: it would be "
        "published as one new author, not on the page of 'Jane Doe', the byline of other stories"
    ) in checked.stdout, checked.stdout
    assert fix in checked.stdout, checked.stdout
    edit(story, f"author: {byline}", fix.removeprefix("fix: write ").split(" (")[0])
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout
