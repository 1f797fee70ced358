"""A text setting written as true/false, a number or a list (`language = true`): the fix
names a value the setting takes (tester4 F18), never the typed value in quotes when that
is no value of the setting (`language = "True"`, then "did you mean 'tt-RU'?")."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest
from conftest import run_here, tiny_png, write_article

from generator.config import Settings

STORY = "title: A Story\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk"
SETTINGS = """\
title = "Harbour Gazette"
description = "News from the harbour."
base_url = "https://example.org/news/"
site_id = "example.org,2025"
"""
TEXT_SETTINGS = sorted(
    f.name for f in fields(Settings) if f.metadata and isinstance(getattr(Settings(), f.name), str)
)


def checked(root: Path, line: str) -> str:
    """`newsdigest check`'s words on a site whose settings end with `line`."""
    settings = "".join(x for x in SETTINGS.splitlines(True) if not x.startswith(line.split()[0]))
    (root / "newsdigest.toml").write_text(settings + line + "\n", encoding="utf-8")
    result = run_here("check", cwd=root)
    assert "Traceback" not in result.stderr
    return result.stdout + result.stderr


@pytest.mark.parametrize("typed", ["true", "false", "5", "[1]"])
@pytest.mark.parametrize("name", TEXT_SETTINGS)
def test_the_fix_of_a_text_setting_of_another_type_is_a_value_it_takes(
    tmp_path: Path, name: str, typed: str
) -> None:
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)
    (root / "brand").mkdir()
    (root / "brand/logo.png").write_bytes(tiny_png((40, 40)))
    if name == "content_dir":  # `content_dir = 5`: the folder 5, quoted as typed
        (root / "5").mkdir()
        (root / "5/a-story.md").write_text(f"---\n{STORY}\n---\nBody.\n", encoding="utf-8")

    said = checked(root, f"{name} = {typed}")

    assert f"error: {name} must be text in quotes, not {typed}" in said
    fix = next(x for x in said.splitlines() if x.strip().startswith("fix:"))
    written = re.search(rf'{name} = ("[^"]*")', fix)
    assert written, fix
    assert written.group(1).lower() not in ('"true"', '"false"', '"[1]"'), fix
    again = checked(root, f"{name} = {written.group(1)}")
    assert "error:" not in again, (fix, again)


def test_a_timezone_written_as_a_number_of_hours_gets_a_city_at_that_offset(tmp_path: Path) -> None:
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)

    said = checked(root, "timezone = 5")

    assert 'write: timezone = "Asia/Karachi"' in said
    assert 'timezone = "5"' not in said


def test_a_number_a_text_setting_takes_is_still_quoted_as_typed(tmp_path: Path) -> None:
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)

    said = checked(root, "title = 2025")

    assert 'fix: put the text in double quotes: title = "2025"' in said
    assert "error:" not in checked(root, 'title = "2025"')


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("GFM", "gfm"),
        ("github", "gfm"),
        ("CommonMark", "gfm"),
        ("cmark-gfm", "gfm"),
        ("goldmark", "gfm"),
        ("github-flavored", "gfm"),  # prober5 P41: these three were told python-markdown
        ("gfm-lite", "gfm"),
        ("commonmark.js", "gfm"),
        ("python_markdown", "python-markdown"),
        ("Markdown", "python-markdown"),
        ("python-markdwon", "python-markdown"),
    ],
)
def test_a_markdown_engine_by_another_name_gets_that_engine(
    tmp_path: Path, typed: str, meant: str
) -> None:
    """`markdown_engine = "GFM"` is refused with the fix naming gfm, never the other engine
    (tester4 F19); followed, the check passes."""
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)

    said = checked(root, f'markdown_engine = "{typed}"')

    assert f"fix: did you mean '{meant}'? write: markdown_engine = \"{meant}\"" in said, said
    assert "error:" not in checked(root, f'markdown_engine = "{meant}"')


def test_an_engine_newsdigest_has_no_kin_of_names_both(tmp_path: Path) -> None:
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)

    said = checked(root, 'markdown_engine = "pandoc"')

    assert 'use "python-markdown" (the default) or "gfm"' in said
    assert 'markdown_engine = "python-markdown", or markdown_engine = "gfm"' in said
    assert "did you mean" not in said


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ('language = ["ur"]', 'fix: remove the brackets: language = "ur"'),
        ('timezone = ["UTC"]', 'fix: remove the brackets: timezone = "UTC"'),
        ('markdown_engine = ["gfm"]', 'fix: remove the brackets: markdown_engine = "gfm"'),
        ('title = ["Harbour"]', 'fix: remove the brackets: title = "Harbour"'),
        ("items_per_page = [10]", "fix: remove the brackets: items_per_page = 10"),
        ('language = ["Urdu"]', 'language = "ur"'),
        ('markdown_engine = ["GFM"]', "did you mean 'gfm'? write: markdown_engine = \"gfm\""),
        ('timezone = "utc"', "fix: did you mean 'UTC'? write: timezone = \"UTC\""),
        ('timezone = "europe/london"', 'write: timezone = "Europe/London"'),
    ],
)
def test_a_setting_whose_value_meant_is_plain_gets_that_value(
    tmp_path: Path, line: str, fix: str
) -> None:
    """Prober5 P22: a list of one value (`language = ["ur"]`) got a generic fix naming
    another value ('such as language = "en"'); `timezone = "utc"` got 'Etc/UTC'. The fix
    is the value typed, unwrapped or in its capitals, and followed it checks clean."""
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)
    said = checked(root, line)
    assert fix in said, said
    written = re.search(r"(\w+ = (?:\"[^\"]*\"|\d+))$", said.split("fix:", 1)[1].splitlines()[0])
    assert written, said
    again = checked(root, written.group(1))
    assert "error:" not in again and "warning:" not in again, (said, again)


def test_a_list_of_several_values_gets_the_generic_fix(tmp_path: Path) -> None:
    """`language = ["ur", "en"]`: a site has one language; which is not for the fix to pick."""
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)
    said = checked(root, 'language = ["ur", "en"]')
    assert 'write the language in double quotes, such as language = "en"' in said, said
