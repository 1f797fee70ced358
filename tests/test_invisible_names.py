"""Names readers tell apart by sight: topics, bylines, countries.

A zero-width space pasted into `tags: ["A\u200bI", AI]` would publish a second topic
"AI" at /tags/a-i/ that looks the same as the first. A character Unicode draws as
nothing (zero-width space, joiner or non-joiner where the script does not need one, word
joiner, byte-order mark, soft hyphen...) in a tag, a byline (in a story or authors.yaml),
a country or a translation_key is an error naming the line and where the character is.
The joiners that Persian, Hindi or an emoji need are part of the name, published as typed.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html

STORY = """\
title: Chip makers meet
date: 2025-06-25T10:00:00Z
country: {country}
credits:
  author: {author}
tags: {tags}
"""


def project_with(tmp_path: Path, **fields: str) -> Path:
    project = make_project(tmp_path / "project")
    values = {"country": "India", "author": "Asha Rao", "tags": "[AI]"} | fields
    write_article(project, "chips.md", STORY.format(**values))
    return project


@pytest.mark.parametrize(
    ("field", "typed", "line", "message"),
    [
        (
            "tags",
            '["A\u200bI", AI]',
            7,
            "tags: 'AI' has an invisible character, a zero-width "
            "space (U+200B), between 'A' and 'I'",
        ),
        ("tags", '[AI, "A\u200dI"]', 7, "a zero-width joiner (U+200D), between 'A' and 'I'"),
        ("tags", '["Chip\u200cs"]', 7, "a zero-width non-joiner (U+200C), between 'p' and 's'"),
        ("tags", '["AI\u2060"]', 7, "a word joiner (U+2060), at the end of 'AI'"),
        ("tags", '["\ufeffAI"]', 7, "(U+FEFF), at the start of 'AI'"),
        ("tags", '["semi\u00adconductors"]', 7, "a soft hyphen (U+00AD), between 'i' and 'c'"),
        (
            "author",
            '"Asha\u200b Rao"',
            6,
            "credits.author: 'Asha Rao' has an invisible "
            "character, a zero-width space (U+200B), between 'a' and a space",
        ),
        ("author", '[Ben Ode, "Asha R\u200bao"]', 6, "between 'R' and 'a'"),
        (
            "country",
            '"In\u200bdia"',
            4,
            "country: 'India' has an invisible character, a "
            "zero-width space (U+200B), between 'n' and 'd'; no country is spelt with it",
        ),
        (
            "tags",
            '[AI]\ntranslation_key: "chips\u200b-2025"',
            8,
            "translation_key: 'chips-2025' has an invisible character, a zero-width space "
            "(U+200B), between 's' and '-'; it would not match the same key in the story's "
            "other languages",
        ),
    ],
)
def test_an_invisible_character_in_a_name_is_an_error_saying_where_it_is(
    tmp_path: Path, field: str, typed: str, line: int, message: str
) -> None:
    project = project_with(tmp_path, **{field: typed})
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 1
    [error] = [row for row in result.stderr.splitlines() if ": error: " in row]
    assert error.startswith(f"content/chips.md:{line}: error: ") and message in error
    place = error.split("), ")[1].split(";")[0]
    assert f"fix: delete the invisible character {place}" in result.stderr
    assert not out.exists()  # nothing published, no topic /tags/a-i/


@pytest.mark.parametrize(
    ("field", "typed", "line", "said", "fix", "followed"),
    [
        (
            "author",
            '"\u200d"',
            6,
            "credits.author: a name holds only an invisible character, a zero-width joiner "
            "(U+200D): readers would see no name",
            "write the name meant in its place",
            "Asha Rao",
        ),
        (
            "tags",
            '["\u200c", AI]',
            7,
            "tags: a tag holds only an invisible character, a zero-width non-joiner "
            "(U+200C): readers would see no tag",
            "delete this item, or write the tag meant in its place",
            "[AI]",
        ),
        (
            "author",
            '"\u200b \u200d"',
            6,
            "credits.author: a name holds only invisible characters, a zero-width "
            "space (U+200B) and a zero-width joiner (U+200D): readers would see no name",
            "write the name meant in its place",
            "Asha Rao",
        ),
    ],
)
def test_a_name_of_only_invisible_characters_gets_a_fix_that_writes_a_name(
    tmp_path: Path, field: str, typed: str, line: int, said: str, fix: str, followed: str
) -> None:
    """prober4 M15: an author of only U+200D was told to delete the invisible character
    (an empty author, another error), 'a name of its own that looks the same' as ''."""
    project = project_with(tmp_path, **{field: typed})
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert f"content/chips.md:{line}: error: {said}\n    fix: {fix}\n" in result.stdout, (
        result.stdout
    )
    project = project_with(tmp_path / "again", **{field: followed})
    assert run_here("check", cwd=project).returncode == 0


def test_joiners_a_script_or_an_emoji_needs_are_part_of_the_name(tmp_path: Path) -> None:
    persian = "می\u200cخواهم"  # ZWNJ: "I want", written as Persian writes it
    hindi = "क्\u200dष"  # ZWJ: the half form of ka
    family = "👨\u200d👩\u200d👧"
    england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    project = project_with(
        tmp_path, tags=f'["{persian}", "{family}", "{england}"]', author=f'"{hindi} Rao"'
    )
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    [entry] = feedparser.parse((out / "feed.xml").read_bytes()).entries
    assert [t.term for t in entry.tags] == [persian, family, england]
    tree = html.parse(str(out / "2025/06/25/chips/index.html")).getroot()
    assert [a.text for a in tree.xpath("//p[@class='byline']/a")] == [f"{hindi} Rao"]


def test_an_invisible_character_in_an_author_registry_byline_is_an_error(
    tmp_path: Path,
) -> None:
    project = project_with(tmp_path)
    (project / "authors.yaml").write_text(
        "Ben Ode:\n  bio: Desk.\nAsha\u200b Rao:\n  bio: Science.\n", encoding="utf-8"
    )
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert (
        "authors.yaml:3: error: authors.yaml: 'Asha Rao' has an invisible character, a "
        "zero-width space (U+200B), between 'a' and a space"
    ) in result.stdout


def test_a_soft_hyphen_in_a_headline_is_kept_as_a_hyphenation_hint(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    front = STORY.format(country="India", author="Asha Rao", tags="[AI]")
    write_article(project, "chips.md", front.replace("Chip makers", "Semi\u00adconductor makers"))
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    [entry] = feedparser.parse((out / "feed.xml").read_bytes()).entries
    assert entry.title == "Semi\u00adconductor makers meet"


def test_an_invisible_character_in_a_headline_is_a_warning_saying_where_it_is(
    tmp_path: Path,
) -> None:
    project = project_with(tmp_path)
    story = project / "content/chips.md"
    story.write_text(
        story.read_text("utf-8").replace("Chip makers", "Chip\u200bmakers"), encoding="utf-8"
    )
    result = run_here("check", cwd=project)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    at = lines.index(
        "content/chips.md:2: warning: title: 'Chipmakers meet' has an invisible character, a "
        "zero-width space (U+200B), between 'p' and 'm'; it is published as typed, and a "
        "reader searching for the headline, or a search engine, would not find the word it "
        "splits"
    )
    assert lines[at + 1].strip() == (
        "fix: delete the invisible character between 'p' and 'm' (or retype the headline)"
    )


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ('"\\u200b"', "an invisible character, a zero-width space (U+200B)"),
        ("\u200b", "an invisible character, a zero-width space (U+200B)"),  # pasted as it is
        (
            '"\\u2800 \\u2060"',
            "invisible characters, a braille pattern blank (U+2800) and a word joiner (U+2060)",
        ),
    ],
)
def test_a_headline_of_only_invisible_characters_is_an_error_not_an_empty_headline(
    tmp_path: Path, typed: str, named: str
) -> None:
    """T5: `title: "\\u200b"` was published as an invisible headline (exit 0) with a
    warning quoting '' twice, while a byline of the same character was an error."""
    project = project_with(tmp_path)
    story = project / "content/chips.md"
    story.write_text(
        story.read_text("utf-8").replace("title: Chip makers meet", f"title: {typed}"),
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 1
    assert (
        f"content/chips.md:2: error: title holds only {named}: readers would see no "
        "headline\n    fix: write the title after 'title:'\n"
    ) in result.stderr, result.stderr
    assert "''" not in result.stderr and "\\u" not in result.stderr
    assert not out.exists()  # no page, no feed item with an empty <h1>
    story.write_text(
        story.read_text("utf-8").replace(f"title: {typed}", "title: Chip makers meet"),
        encoding="utf-8",
    )
    assert run_here("check", cwd=project).returncode == 0


def test_two_tags_written_alike_with_an_accent_stored_two_ways_are_told_apart(
    tmp_path: Path,
) -> None:
    composed, decomposed = "Caf\u00e9", "Cafe\u0301"
    project = project_with(tmp_path, tags=f"[{composed}, Chips, {decomposed}]")
    result = run_here("check", cwd=project)
    lines = result.stdout.splitlines()
    at = lines.index(
        f"content/chips.md:7: warning: tags '{composed}' (item 1) and '{decomposed}' (item 3) "
        "are the same topic, written alike but with an accent stored in two ways (as one "
        "character, and as a letter followed by a combining accent, as some tools write it); "
        "it is listed once"
    )
    assert lines[at + 1].strip() == (
        f"fix: remove item 3 ('{decomposed}', the one after '{composed}') from the list"
    )


def test_a_site_title_of_only_an_invisible_character_is_refused(tmp_path: Path) -> None:
    """T5's kind: `title = "\\u200b"` in the settings named the site by nothing readers
    see, and `init --title` wrote it, with a welcome story whose byline was ' desk'."""
    project = project_with(tmp_path)
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('title = "Test Desk"', 'title = "\\u200b"'), "utf-8")
    result = run_here("check", cwd=project)
    assert result.returncode == 2
    assert (
        "pyproject.toml:2: error: title holds only an invisible character, a zero-width space "
        "(U+200B)\n    fix: every page and feed names the site: write its name: "
        'title = "Daily News"\n'
    ) in result.stderr, result.stderr
    settings.write_text(text, "utf-8")
    assert run_here("check", cwd=project).returncode == 0
    made = run_here("init", "gazette", "--title", "\u200b", cwd=tmp_path)
    assert made.returncode == 2 and "give the site's name" in made.stderr
    assert not (tmp_path / "gazette").exists()
