"""Slips in a list field that YAML would read as something else, or that a fix would lead
round in a circle: each is an error on the line that has it, and following its fix
publishes the list the editor meant.

`- Harbour` one space deeper than `- Newsroom` above it was read as the rest of that
item (one topic 'Newsroom - Harbour', a byline 'Asha Rao - Ben Okoye'), without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_typing_slips import read, the_error

from generator.diagnostics import Diagnostic
from generator.model import Article

# '---' is line 1: title 2, date 3, country 4, credits 5, author 6, tags 7.
STORY = """\
title: Storm hits the coast
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Asha Rao
tags: [Newsroom]
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "fix"),
    [
        ("tags: [Newsroom]", "tags:\n  - Newsroom\n   - Harbour", 9, "  - Harbour"),
        ("  author: Asha Rao", "  author:\n    - Asha Rao\n     - Ben Okoye", 8, "    - Ben Okoye"),
    ],
    ids=["tags", "authors"],
)
def test_an_item_indented_deeper_than_the_one_above_is_named_not_joined_to_it(
    tmp_path: Path, old: str, new: str, line: int, fix: str
) -> None:
    typed = STORY.replace(old, new)
    article, problems = read(tmp_path, typed)
    assert article is None
    problem = the_error(problems)
    value, above = new.split("\n")[2].strip(), new.split("\n")[1].strip()[2:]
    assert problem.line == line
    assert problem.message == (
        f"'{value}' is indented more than the item above it, so YAML reads it as part of '{above}'"
    )
    assert problem.hint == f"indent it like the item above: {fix}"
    lines = typed.split("\n")
    lines[line - 2] = fix
    article, problems = read(tmp_path, "\n".join(lines))
    assert article is not None, problems
    tags = ["Newsroom", "Harbour"] if line == 9 else ["Newsroom"]
    assert [t.name for t in article.tags] == tags
    assert list(article.authors) == (["Asha Rao"] if line == 9 else ["Asha Rao", "Ben Okoye"])


def test_a_value_written_over_several_lines_is_still_read_whole(tmp_path: Path) -> None:
    front = STORY.replace("tags: [Newsroom]", "tags:\n  - Newsroom\n  - Harbour") + (
        "summary: The storm reached the coast\n  - and the harbour - at dawn\n"
    )
    article, problems = read(tmp_path, front)
    assert article is not None, problems
    assert article.summary == "The storm reached the coast - and the harbour - at dawn"
    assert [t.name for t in article.tags] == ["Newsroom", "Harbour"]


# typed line 7 -> (the words the error has, the corrected line its fix ends with)
ONE_LINE = {
    "tags: [Newsroom, Harbour]]": ("one ']' too many", "tags: [Newsroom, Harbour]"),
    "tags: [Climate, Floods] [Rain]": (
        "is closed before '[Rain]'",
        "tags: [Climate, Floods, Rain]",
    ),
    "tags: [Climate, Floods": ("never closed", "tags: [Climate, Floods]"),
    'tags: [Newsroom, "Harbour]': (
        "the quote mark (\") opened before 'Harbour' is never closed",
        'tags: [Newsroom, "Harbour"]',
    ),
    "tags: [O'Brien, 'Harbour]": (
        "the quote mark (') opened before 'Harbour' is never closed",
        "tags: [O'Brien, 'Harbour']",
    ),
    "tags: (Newsroom, Harbour)": ("tags must be a list", "tags: [Newsroom, Harbour]"),
    # the old advice, followed: the whole list in quotes
    'tags: "[Newsroom, Harbour]]"': ("tags must be a list", "tags: [Newsroom, Harbour]"),
    'tags: "[Climate, Floods] [Rain]"': ("tags must be a list", "tags: [Climate, Floods, Rain]"),
}


@pytest.mark.parametrize("typed", sorted(ONE_LINE))
def test_a_one_line_list_yaml_cannot_read_is_fixed_as_a_list_never_in_quotes(
    tmp_path: Path, typed: str
) -> None:
    words, fixed = ONE_LINE[typed]
    after = "summary: 'A storm: the harbour'\n"  # a quote below, for the quote to run into
    article, problems = read(tmp_path, STORY.replace("tags: [Newsroom]", typed) + after)
    assert article is None
    problem = the_error(problems)
    assert problem.line == 7
    assert words in problem.message
    assert problem.hint.endswith(f" {fixed}") and "quotes" not in problem.hint
    article, problems = read(tmp_path, STORY.replace("tags: [Newsroom]", fixed) + after)
    assert article is not None, problems
    names = fixed.split("[", 1)[1].rstrip("]").split(", ")
    assert [t.name for t in article.tags] == [n.strip("'\"") for n in names]


def test_a_value_that_is_not_a_list_may_still_be_quoted_whole(tmp_path: Path) -> None:
    article, problems = read(tmp_path, STORY.replace("Storm hits the coast", "[Breaking] news"))
    problem = the_error(problems)
    assert problem.hint == 'put the whole value in quotes: title: "[Breaking] news"'


# Valid front matter whose deeper `- ` lines are the text of a value, not list items: YAML
# reads each as typed, and so does newsdigest (no error).
TEXT_VALUES = {
    "a summary begun below its field": (
        "summary:\n  The plan for the coast\n  - new roads\n    - two bridges\n",
        "The plan for the coast - new roads - two bridges",
    ),
    "a quoted summary over several lines": (
        'summary: "The plan:\n- roads\n  - bridges"\n',
        "The plan: - roads - bridges",
    ),
    "a summary with a spaced key": (
        "summary : The plan\n  - roads\n    - bridges\n",
        "The plan - roads - bridges",
    ),
}


@pytest.mark.parametrize("name", sorted(TEXT_VALUES))
def test_deeper_dashes_in_a_text_value_are_its_text_as_typed(tmp_path: Path, name: str) -> None:
    typed, published = TEXT_VALUES[name]
    article, problems = read(tmp_path, STORY + typed)
    assert [p for p in problems if p.severity == "error"] == []
    assert article is not None
    assert article.summary == published


@pytest.mark.parametrize(
    "items",
    [
        "  - Newsroom  # the desk\n   - Harbour\n",  # a note after the item above
        "  - country:India\n    - Harbour\n",  # an item that looks like a field
        "  - Newsroom\n\n    - Harbour\n",  # a blank line between them
    ],
)
def test_a_deeper_item_is_named_after_a_note_or_a_field_like_item(
    tmp_path: Path, items: str
) -> None:
    article, problems = read(tmp_path, STORY.replace("tags: [Newsroom]\n", "tags:\n" + items))
    assert article is None
    (problem,) = [p for p in problems if p.severity == "error"]
    assert problem.line == 8 + items.rstrip("\n").count("\n")  # the '- Harbour' line
    assert "'- Harbour' is indented more than the item above it" in problem.message
    assert "# the desk" not in problem.message


# The tester's story: '---' is line 1, credits 5, author 6, the typed line 7 (or 6 for
# the byline itself).
BYLINE = "title: T\ndate: 2026-11-20T10:00:00Z\ncountry: India\ncredits:\n  author: Asha Rao\n"


def published(tmp_path: Path, typed: str) -> tuple[Article | None, list[Diagnostic], int]:
    """The story with `typed` below the byline (or as the byline): article, problems, line."""
    if typed.startswith("  author:"):
        return (*read(tmp_path, BYLINE.replace("  author: Asha Rao\n", typed + "\n")), 6)
    return (*read(tmp_path, BYLINE + typed + "\n"), 7)


def names(article: Article, key: str) -> list[str]:
    if key == "tags":
        return [t.name for t in article.tags]
    return list(article.authors if key == "author" else article.sources)


# typed line -> (words in the error, the line its fix ends with, field, what it publishes)
FIXED_AS_MEANT = {
    # an item YAML reads specially is quoted alone, the list kept
    "tags: [Newsroom, *NSYNC]": (
        "'*NSYNC'",
        'tags: [Newsroom, "*NSYNC"]',
        ["Newsroom", "*NSYNC"],
    ),
    "tags: [Newsroom, %Harbour]": ("'%Harbour'", 'tags: [Newsroom, "%Harbour"]', None),
    "tags: [Newsroom, |Harbour]": ("'|Harbour'", 'tags: [Newsroom, "|Harbour"]', None),
    "tags: [Newsroom, `Harbour`]": ("'`Harbour`'", 'tags: [Newsroom, "`Harbour`"]', None),
    "  author: [Asha Rao, @asha]": (
        "'@asha'",
        '  author: [Asha Rao, "@asha"]',
        ["Asha Rao", "@asha"],
    ),
    "  sources: [ANI, @Reuters]": (
        "'@Reuters'",
        '  sources: [ANI, "@Reuters"]',
        ["ANI", "@Reuters"],
    ),
    # the old advice (the whole list in quotes), followed
    'tags: "[Newsroom, *NSYNC]"': (
        "tags must be a list",
        'tags: [Newsroom, "*NSYNC"]',
        ["Newsroom", "*NSYNC"],
    ),
    '  author: "[Asha Rao, @asha]"': (
        "credits.author must be a list",
        '  author: [Asha Rao, "@asha"]',
        ["Asha Rao", "@asha"],
    ),
    '  author: "[Asha Rao, Ben Okoye]"': (
        "credits.author must be a list",
        "  author: [Asha Rao, Ben Okoye]",
        ["Asha Rao", "Ben Okoye"],
    ),
    '  sources: "[ANI, @Reuters]"': (
        "credits.sources must be a list",
        '  sources: [ANI, "@Reuters"]',
        ["ANI", "@Reuters"],
    ),
    # a note after the list stays a note after it
    "tags: [Newsroom, Harbour]]  # the two desks": (
        "one ']' too many",
        "tags: [Newsroom, Harbour]  # the two desks",
        ["Newsroom", "Harbour"],
    ),
    "tags: [Newsroom] [Harbour]  # note": (
        "is closed before '[Harbour]'",
        "tags: [Newsroom, Harbour]  # note",
        ["Newsroom", "Harbour"],
    ),
    'tags: [Newsroom, "Harbour]  # note': (
        "opened before 'Harbour' is never closed",
        'tags: [Newsroom, "Harbour"]  # note',
        ["Newsroom", "Harbour"],
    ),
    # quoted items joined as typed
    'tags: [Climate, "[Rain]"] [Floods]': (
        "is closed before '[Floods]'",
        'tags: [Climate, "[Rain]", Floods]',
        ["Climate", "[Rain]", "Floods"],
    ),
    'tags: [Climate, "a,b"] [Rain]': (
        "is closed before '[Rain]'",
        'tags: [Climate, "a,b", Rain]',
        ["Climate", "a,b", "Rain"],
    ),
    # a stray mark after the list is left out, not made a topic
    "tags: [Newsroom, Harbour].": (
        "followed by '.'",
        "tags: [Newsroom, Harbour]",
        ["Newsroom", "Harbour"],
    ),
    "tags: [A, B]; [C]": ("followed by ';'", "tags: [A, B, C]", ["A", "B", "C"]),
    "tags: [A, B)": ("never closed", "tags: [A, B]", ["A", "B"]),
    "tags: [A, B],": ("followed by ','", "tags: [A, B]", ["A", "B"]),
    "tags: [A, B)  # the desks": ("never closed", "tags: [A, B]  # the desks", ["A", "B"]),
    # never closed, with an item YAML reads specially: both mended
    "tags: [Newsroom, *NSYNC": ("never closed", 'tags: [Newsroom, "*NSYNC"]', None),
    "  author: [Asha Rao, @asha": (
        "never closed",
        '  author: [Asha Rao, "@asha"]',
        ["Asha Rao", "@asha"],
    ),
    # only the outer parentheses are the list's; several names in ( ) are a list
    "tags: (Newsroom (NZ), Harbour)": (
        "tags must be a list",
        "tags: [Newsroom (NZ), Harbour]",
        ["Newsroom (NZ)", "Harbour"],
    ),
    "  author: (Asha Rao, Ben Okoye)": (
        "credits.author must be a list",
        "  author: [Asha Rao, Ben Okoye]",
        ["Asha Rao", "Ben Okoye"],
    ),
    "  sources: (ANI, Reuters)": (
        "credits.sources must be a list",
        "  sources: [ANI, Reuters]",
        ["ANI", "Reuters"],
    ),
}


@pytest.mark.parametrize("typed", sorted(FIXED_AS_MEANT))
def test_a_one_line_list_of_names_is_fixed_to_publish_the_names_meant(
    tmp_path: Path, typed: str
) -> None:
    words, fixed, meant = FIXED_AS_MEANT[typed]
    article, problems, line = published(tmp_path, typed)
    assert article is None
    problem = the_error(problems)
    assert problem.line == line
    assert words in problem.message
    key = fixed.split(":")[0].strip()
    under = f" (with the 2 spaces before '{key}:')" * fixed.startswith("  ")  # credits'
    assert problem.hint.endswith(f" {fixed.strip()}{under}")
    article, problems, _ = published(tmp_path, fixed)
    assert article is not None, problems
    assert problems == []
    assert names(article, key) == (meant or ["Newsroom", fixed.split('"')[1]])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ('  sources: "[agencies]"', ["[agencies]"]),
        ("  sources: (ANI)", ["(ANI)"]),
        ("  author: Asha Rao (Reuters)", ["Asha Rao (Reuters)"]),
    ],
)
def test_a_byline_or_source_with_brackets_but_one_name_is_published_as_typed(
    tmp_path: Path, typed: str, meant: list[str]
) -> None:
    article, problems, _ = published(tmp_path, typed)
    assert article is not None, problems
    assert names(article, typed.split(":")[0].strip()) == meant


def test_three_items_each_deeper_get_fixes_that_hold_together(tmp_path: Path) -> None:
    """`- Newsroom`, `    - Harbour`, `      - Rain`: both deeper lines are named at once,
    each fix at the first item's depth, so that following both publishes three topics
    (the second fix once said 'like Harbour', which the first fix had moved)."""
    items = "  - Newsroom\n    - Harbour\n      - Rain\n"
    article, problems = read(tmp_path, STORY.replace("tags: [Newsroom]\n", "tags:\n" + items))
    assert article is None
    found = [p for p in problems if p.severity == "error"]
    assert [(p.line, p.hint) for p in found] == [
        (9, "indent it like the item above:   - Harbour"),
        (10, "indent it like the item above:   - Rain"),
    ]
    assert "part of 'Harbour'" in found[1].message
    fixed = "tags:\n  - Newsroom\n  - Harbour\n  - Rain\n"
    article, problems = read(tmp_path, STORY.replace("tags: [Newsroom]\n", fixed))
    assert article is not None, problems
    assert [tag.name for tag in article.tags] == ["Newsroom", "Harbour", "Rain"]
