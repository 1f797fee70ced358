"""Typing slips YAML would read as something else are errors on the line that has them.

`title:Storm` (no space after the colon) used to be blamed on the next, correct line;
`tags: #Climate #Floods` and `summary: #1 story` were comments to YAML, so the topics and
the summary were dropped without a word. Each is now an error naming its own line, with
the line as it should be written, and following the fix publishes what was typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Settings
from generator.diagnostics import Diagnostic
from generator.model import Article
from generator.stages_api import read_one

# '---' is line 1: title 2, date 3, country 4, credits 5, author 6, tags 7.
STORY = """\
title: Storm hits the coast
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Asha Rao
tags: [Climate]
"""


def read(tmp_path: Path, front: str) -> tuple[Article | None, list[Diagnostic]]:
    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "story.md").write_text(f"---\n{front}---\nBody.\n", encoding="utf-8")
    settings = Settings(timezone="UTC", site_id="test.example,2025")
    return read_one(content / "story.md", "story.md", settings, content)  # as the pipeline does


def the_error(problems: list[Diagnostic]) -> Diagnostic:
    found = [p for p in problems if p.severity == "error"]
    assert len(found) == 1, problems
    return found[0]


# typed line -> (its line, the line as it should be)
NO_SPACE = {
    "title:Storm hits the coast": 2,
    "date:2025-06-20T10:00:00+05:30": 3,
    "country:India": 4,
    "  author:Asha Rao": 6,
    "tags:[Climate]": 7,
}


@pytest.mark.parametrize("typed", sorted(NO_SPACE))
def test_a_missing_space_after_the_colon_is_named_on_its_own_line(
    tmp_path: Path, typed: str
) -> None:
    key, value = typed.split(":", 1)
    right = f"{key}: {value}"
    article, problems = read(tmp_path, STORY.replace(right, typed))
    assert article is None
    problem = the_error(problems)
    assert problem.line == NO_SPACE[typed]
    assert problem.message.startswith(f"'{key.strip()}:' needs a space after the colon")
    assert problem.hint == right
    article, problems = read(tmp_path, STORY)
    assert article is not None, problems


def test_a_field_newsdigest_does_not_know_written_without_the_space_is_named_too(
    tmp_path: Path,
) -> None:
    article, problems = read(tmp_path, STORY + "kicker:Breaking\n")
    problem = the_error(problems)
    assert (problem.line, problem.hint) == (8, "kicker: Breaking")


def test_colons_inside_values_and_web_addresses_are_text(tmp_path: Path) -> None:
    front = STORY.replace("Storm hits the coast", "Storm at 10:30 in Kochi:update") + (
        "summary: The storm reached the coast\n  at dawn:local time\n"
        "aliases:\n  - /2025/06/20/storm-kochi/\n"
    )
    article, problems = read(tmp_path, front)
    assert article is not None, problems
    assert article.title == "Storm at 10:30 in Kochi:update"
    assert article.summary == "The storm reached the coast at dawn:local time"


# -- a value that starts with '#' is a comment to YAML --------------------------------------


@pytest.mark.parametrize(
    ("typed", "line", "fix"),
    [
        ("tags: #Climate #Floods", 7, 'tags: ["#Climate", "#Floods"] or tags: [Climate, Floods]'),
        ("tags: [#Climate, Floods]", 7, 'tags: ["#Climate", Floods] or tags: [Climate, Floods]'),
        ("tags: [Floods, #Climate]", 7, 'tags: [Floods, "#Climate"] or tags: [Floods, Climate]'),
        ("tags:\n  - Floods\n  - #Climate", 9, "- \"#Climate\", or leave out the '#': - Climate"),
    ],
    ids=["words", "first-item", "second-item", "block-item"],
)
def test_hashtags_as_tags_are_an_error_not_a_story_without_topics(
    tmp_path: Path, typed: str, line: int, fix: str
) -> None:
    article, problems = read(tmp_path, STORY.replace("tags: [Climate]", typed))
    assert article is None
    problem = the_error(problems)
    assert problem.line == line
    assert "comment" in problem.message and "#Climate" in problem.message
    assert problem.hint.endswith(fix)
    right = fix.split(" or ")[0] if "\n" not in typed else typed.replace("#Climate", '"#Climate"')
    article, problems = read(tmp_path, STORY.replace("tags: [Climate]", right))
    assert article is not None, problems
    assert "#Climate" in [tag.name for tag in article.tags]


def test_a_summary_starting_with_a_hash_is_an_error_not_replaced_by_the_body(
    tmp_path: Path,
) -> None:
    article, problems = read(tmp_path, STORY + "summary: #1 story of the day\n")
    assert article is None
    problem = the_error(problems)
    assert problem.line == 8
    assert problem.message == (
        "summary: '#1 story of the day' after the colon is read as a comment (YAML's '#'), "
        "so summary would be empty"
    )
    assert problem.hint == 'put the whole value in quotes: summary: "#1 story of the day"'
    article, problems = read(tmp_path, STORY + 'summary: "#1 story of the day"\n')
    assert article is not None and article.summary == "#1 story of the day", problems


def test_a_note_after_a_field_whose_value_is_below_it_is_a_note(tmp_path: Path) -> None:
    front = STORY.replace("credits:", "credits:  # who wrote it").replace(
        "tags: [Climate]", "tags:  # topics\n- Climate\n- Floods"
    )
    article, problems = read(tmp_path, front)
    assert article is not None, problems
    assert [tag.name for tag in article.tags] == ["Climate", "Floods"]


def test_a_list_item_without_a_space_after_the_dash_is_named(tmp_path: Path) -> None:
    front = STORY.replace("tags: [Climate]", "tags:\n- Climate\n-Floods")
    problem = the_error(read(tmp_path, front)[1])
    assert (problem.line, problem.hint) == (9, "- Floods")
    assert "needs a space after the dash" in problem.message


# -- typographic quotes pasted from a word processor ----------------------------------------

PAIRS = ["“”", "‘’", "„“", "‚‘", "«»", "»«", "„”"]
# where the quoted value goes -> (front matter with {} for it, the line it is on)
PLACES = {
    "title": (STORY.replace("Storm hits the coast", "{}"), 2),
    "author": (STORY.replace("  author: Asha Rao", "  author: {}"), 6),
    "author-list": (STORY.replace("  author: Asha Rao", "  author: [Ravi K, {}]"), 6),
    "sources": (STORY.replace("tags:", "  sources:\n    - {}\ntags:"), 8),
    "tags": (STORY.replace("[Climate]", "[{}, Floods]"), 7),
    "summary": (STORY + "summary: {}\n", 8),
    "alt": (STORY + "image:\n  src: https://example.org/a.jpg\n  alt: {}\n", 10),
}


@pytest.mark.parametrize("pair", PAIRS)
@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_value_wrapped_in_typographic_quotes_is_an_error_on_its_line(
    tmp_path: Path, place: str, pair: str
) -> None:
    front, line = PLACES[place]
    article, problems = read(tmp_path, front.format(f"{pair[0]}Asha Rao{pair[1]}"))
    assert article is None
    problem = the_error(problems)
    assert problem.line == line
    assert f"'{pair[0]}Asha Rao{pair[1]}' is wrapped in typographic quotes" in problem.message
    assert pair[0] in problem.message.split("quotes, ", 1)[1]
    assert problem.hint.startswith('write it without them, or with straight quotes (")')
    article, problems = read(tmp_path, front.format('"Asha Rao"'))
    assert article is not None, problems


def test_a_value_in_typographic_quotes_that_needs_quotes_gets_one_fix_not_the_same_twice(
    tmp_path: Path,
) -> None:
    front = STORY + "summary: “Smart quotes: here”\n"
    _, problems = read(tmp_path, front)
    problem = the_error(problems)
    assert problem.hint == (
        'write it with straight quotes ("), as it holds a character YAML reads: '
        'summary: "Smart quotes: here"'
    )
    article, problems = read(tmp_path, STORY + 'summary: "Smart quotes: here"\n')
    assert article is not None and article.summary == "Smart quotes: here", problems


def test_typographic_quotes_inside_a_headline_or_chosen_in_straight_quotes_are_kept(
    tmp_path: Path,
) -> None:
    front = STORY.replace("Storm hits the coast", "The “new” normal") + (
        "summary: '“We will rebuild”, the mayor says'\n"
    )
    article, problems = read(tmp_path, front.replace("[Climate]", "['“Climate”', Floods]"))
    assert article is not None, problems
    assert article.title == "The “new” normal"
    assert article.summary == "“We will rebuild”, the mayor says"
    assert [tag.name for tag in article.tags] == ["“Climate”", "Floods"]


def test_a_byline_of_authors_yaml_in_typographic_quotes_is_named(tmp_path: Path) -> None:
    from generator.load.authors import load as load_authors

    (tmp_path / "content").mkdir()
    (tmp_path / "authors.yaml").write_text(
        "Ravi K:\n  bio: Reporter.\n“Asha Rao”:\n  bio: Climate desk.\n", encoding="utf-8"
    )
    _, problems = load_authors(tmp_path, tmp_path / "content")
    problem = the_error(problems)
    assert problem.path == "../authors.yaml" and problem.line == 3
    assert "'“Asha Rao”' is wrapped in typographic quotes" in problem.message
    assert problem.hint == "write it without them: Asha Rao:"


def test_a_missing_space_in_a_correction_after_its_date_is_named(tmp_path: Path) -> None:
    front = STORY + (
        "corrections:\n  - date: 2025-06-21T10:00:00+05:30\n    text:The minister was misnamed\n"
    )
    problem = the_error(read(tmp_path, front)[1])
    assert (problem.line, problem.hint) == (10, "    text: The minister was misnamed")


def test_a_bio_in_authors_yaml_starting_with_a_hash_is_named(tmp_path: Path) -> None:
    from generator.load.authors import load as load_authors

    (tmp_path / "content").mkdir()
    (tmp_path / "authors.yaml").write_text(
        "Asha Rao:\n  bio: #1 climate reporter\n", encoding="utf-8"
    )
    _, problems = load_authors(tmp_path, tmp_path / "content")
    problem = the_error(problems)
    assert problem.line == 2
    assert problem.hint == 'put the whole value in quotes:   bio: "#1 climate reporter"'


# an item or value wrapped in typographic marks, or in a straight and a typographic one,
# whatever its neighbours -> the tags or summary published once the fix is followed
WRAPPED = {
    'tags: [Floods, "“Quoted”", „Klima“]': ["Floods", "“Quoted”", "Klima"],
    'tags: [Floods, „Klima“, "“Quoted”"]': ["Floods", "Klima", "“Quoted”"],
    "tags: [„Klima“, Floods, ”Rain”]": ["Klima", "Floods", "Rain"],
    'tags: ["Storm”, Floods]': ["Storm", "Floods"],
    'tags: [“Storm", Floods]': ["Storm", "Floods"],
    'summary: "Storm”': "Storm",
    'summary: “Storm"': "Storm",
}


@pytest.mark.parametrize("typed", sorted(WRAPPED))
def test_a_wrapped_item_is_an_error_whatever_its_neighbours_and_the_fix_builds(
    tmp_path: Path, typed: str
) -> None:
    front = (
        STORY + typed + "\n"
        if typed.startswith("summary")
        else STORY.replace("tags: [Climate]", typed)
    )
    article, problems = read(tmp_path, front)
    assert article is None
    problem = the_error(problems)
    assert problem.line == (8 if typed.startswith("summary") else 7)
    key = typed.split(":")[0]
    assert problem.message.startswith(f"{key}: '")
    if "„Klima“" in typed and "”Rain”" in typed:
        assert "'„Klima“'" in problem.message and "'”Rain”'" in problem.message
    for fixed in problem.hint.split(": ", 1)[1].split(" or "):
        article, problems = read(tmp_path, front.replace(typed, fixed.strip()))
        assert article is not None, (fixed, problems)
        if key == "tags":
            assert [tag.name for tag in article.tags] == WRAPPED[typed]
        else:
            assert article.summary == WRAPPED[typed]


@pytest.mark.parametrize("item", ["credits:2025", "title:Part 2", "country:India"])
def test_a_topic_that_starts_with_a_field_name_and_a_colon_is_published_as_typed(
    tmp_path: Path, item: str
) -> None:
    """In a list of names (tags) an item is text: `- country:India` is the topic
    'country:India', as YAML reads it, not a field missing its space."""
    article, problems = read(
        tmp_path, STORY.replace("tags: [Climate]", f"tags:\n  - Climate\n  - {item}")
    )
    assert article is not None, problems
    assert [tag.name for tag in article.tags] == ["Climate", item]
    assert [p for p in problems if p.severity == "error"] == []


def test_a_field_missing_its_space_in_a_list_of_credits_is_still_named(tmp_path: Path) -> None:
    """Outside a list of names, `- author:Asha Rao` is still the slip it looks like."""
    front = STORY.replace("credits:\n  author: Asha Rao", "credits:\n  - author:Asha Rao")
    _, problems = read(tmp_path, front)
    problem = the_error(problems)
    assert problem.message.startswith("'author:' needs a space after the colon")
