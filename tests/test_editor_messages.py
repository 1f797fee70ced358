"""Messages a journalist can act on: the mistake named in plain words, on its line, with
the corrected line; dates a clock cannot show; countries and text that look the same."""

from __future__ import annotations

import unicodedata
from datetime import UTC
from pathlib import Path

import pytest

from generator.config import Settings
from generator.diagnostics import Diagnostic
from generator.load.content import read_document
from generator.load.validate import validate
from generator.model import Article
from generator.pipeline import load as load_articles

# '---' is line 1: title 2, date 3, country 4, credits 5, author 6, tags 7.
STORY = """\
title: Harbour tunnel opens
date: 2025-06-20T10:00:00+02:00
country: Norway
credits:
  author: Nordic Desk
tags: [Transport]
"""


def settings(timezone: str = "UTC") -> Settings:
    return Settings(timezone=timezone, site_id="test.example,2025")


def write(content: Path, name: str, front: str, body: str = "The story.\n") -> None:
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def read(
    tmp_path: Path, front: str, timezone: str = "UTC"
) -> tuple[Article | None, list[Diagnostic]]:
    content = tmp_path / "content"
    write(content, "story.md", front)
    doc, problems = read_document(content / "story.md", "story.md", 1_000_000)
    if doc is None:
        return None, problems
    article, more = validate(doc, settings(timezone), content)
    return (None if problems else article), problems + more  # as the pipeline reads it


def only(problems: list[Diagnostic], severity: str = "error") -> Diagnostic:
    found = [p for p in problems if p.severity == severity]
    assert len(found) == 1, problems
    return found[0]


# -- the three commonest YAML mistakes ------------------------------------------------------


def test_a_tab_used_for_indentation_is_named_with_the_corrected_line(tmp_path: Path) -> None:
    _, problems = read(tmp_path, STORY.replace("  author:", "\tauthor:"))
    problem = only(problems)
    assert problem.line == 6
    assert problem.message == (
        "this line is indented with a Tab; YAML only accepts spaces for indentation"
    )
    assert problem.hint == "indent with spaces instead: '  author: Nordic Desk'"


@pytest.mark.parametrize("mark", ['"', "'"])
def test_a_quote_never_closed_is_named_on_its_own_line(tmp_path: Path, mark: str) -> None:
    _, problems = read(
        tmp_path, STORY.replace("Harbour tunnel opens", f"{mark}Harbour tunnel opens")
    )
    problem = only(problems)
    assert problem.line == 2  # where the quote opened, not the end of the front matter
    assert (
        problem.message == f"the value of 'title:' opens a quote mark ({mark}) that is never closed"
    )
    assert problem.hint == (
        f"end the value with the same quote mark: title: {mark}Harbour tunnel opens{mark}"
    )


@pytest.mark.parametrize(
    ("value", "reads_as"),
    [
        ("[Breaking] tunnel opens", "the start of a list"),
        ("{Live} tunnel opens", "the start of a set of fields"),
        ("*Exclusive* tunnel opens", "a reference to another value"),
        ("@Harbour tunnel opens", "a reserved character"),
    ],
)
def test_a_headline_starting_with_a_yaml_character_is_told_to_be_quoted(
    tmp_path: Path, value: str, reads_as: str
) -> None:
    _, problems = read(tmp_path, STORY.replace("Harbour tunnel opens", value))
    problem = only(problems)
    assert (problem.path, problem.line) == ("story.md", 2)
    assert problem.message == (
        f"the value of 'title:' starts with {value[0]!r}, which YAML reads as {reads_as}, "
        "so it cannot read the rest of the line"
    )
    assert problem.hint == f'put the whole value in quotes: title: "{value}"'


def test_a_headline_with_colon_space_is_told_to_be_quoted(tmp_path: Path) -> None:
    _, problems = read(tmp_path, STORY.replace("Harbour tunnel opens", 'Breaking: "tunnel" opens'))
    problem = only(problems)
    assert problem.line == 2
    assert "contains ': ' (a colon and a space)" in problem.message
    assert problem.hint == 'put the whole value in quotes: title: "Breaking: \\"tunnel\\" opens"'


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ('"Tunnel" opens at last', "title: '\"Tunnel\" opens at last'"),
        ("'Tunnel' opens at last", "title: \"'Tunnel' opens at last\""),
    ],
)
def test_a_value_that_goes_on_after_its_closing_quote_is_named(
    tmp_path: Path, typed: str, fixed: str
) -> None:
    _, problems = read(tmp_path, STORY.replace("Harbour tunnel opens", typed))
    problem = only(problems)
    assert problem.line == 2
    assert "starts with a quote mark and goes on after the closing quote" in problem.message
    assert problem.hint.endswith(fixed)
    article, problems = read(tmp_path, STORY.replace("title: Harbour tunnel opens", fixed))
    assert article is not None and article.title == typed


# -- fields in the wrong place -------------------------------------------------------------


def test_a_top_level_author_is_told_to_move_under_credits(tmp_path: Path) -> None:
    _, problems = read(
        tmp_path, STORY.replace("credits:\n  author: Nordic Desk", "author: Nordic Desk")
    )
    problem = only(problems)
    assert problem.line == 5
    assert problem.message == (
        "credits.author is missing: 'author:' must be indented under 'credits:'"
    )
    assert "'  author: Nordic Desk' indented below it" in problem.hint


def test_a_second_top_level_author_is_a_warning_naming_credits(tmp_path: Path) -> None:
    article, problems = read(tmp_path, STORY + "author: Someone Else\n")
    assert article is not None
    warning = only(problems, "warning")
    assert warning.line == 8
    assert "belongs under 'credits:'" in warning.message


def test_an_image_credit_without_an_image_is_not_dropped_silently(tmp_path: Path) -> None:
    article, problems = read(
        tmp_path, STORY.replace("  author: Nordic Desk", "  author: Nordic Desk\n  image: AP")
    )
    assert article is not None
    warning = only(problems, "warning")
    assert warning.line == 7
    assert "credits.image is given but the article has no image" in warning.message


# -- countries ------------------------------------------------------------------------------


def test_a_city_is_named_a_city_and_never_a_far_country(tmp_path: Path) -> None:
    _, problems = read(tmp_path, STORY.replace("country: Norway", "country: Nairobi"))
    problem = only(problems)
    assert (problem.line, problem.message) == (4, "country 'Nairobi' is a city, not a country")
    assert problem.hint == "write the country, such as 'country: Kenya'"
    assert "Namibia" not in problem.message + problem.hint


def test_a_far_unknown_country_gets_no_misleading_suggestion(tmp_path: Path) -> None:
    _, problems = read(tmp_path, STORY.replace("country: Norway", "country: Narnia"))
    problem = only(problems)
    assert "did you mean" not in problem.hint
    _, problems = read(tmp_path, STORY.replace("country: Norway", "country: Nroway"))
    assert "did you mean 'Norway'?" in only(problems).hint


@pytest.mark.parametrize("nation", ["England", "Scotland", "Wales", "Northern Ireland"])
def test_a_nation_of_the_uk_is_published_as_united_kingdom_with_a_note(
    tmp_path: Path, nation: str
) -> None:
    article, problems = read(tmp_path, STORY.replace("country: Norway", f"country: {nation}"))
    assert article is not None and article.country.name == "United Kingdom"
    note = only(problems, "warning")
    assert note.line == 4
    assert (
        note.message == f"country '{nation}' is published as United Kingdom (ISO 3166 lists "
        "countries, not their nations)"
    )


# -- text that looks the same is the same (NFC) ----------------------------------------------


def test_decomposed_accents_are_the_same_country_topic_and_slug(tmp_path: Path) -> None:
    content = tmp_path / "content"
    composed, decomposed = "Café", unicodedata.normalize("NFD", "Café")
    assert composed != decomposed
    write(
        content,
        "one.md",
        STORY.replace(
            "country: Norway", f"country: {unicodedata.normalize('NFD', 'Curaçao')}"
        ).replace("[Transport]", f"[{composed}]"),
    )
    write(
        content,
        f"{decomposed}-news.md",
        STORY.replace("[Transport]", f"[{decomposed}]").replace("2025-06-20", "2025-06-21"),
    )
    articles, problems = load_articles(content, settings())
    assert [p for p in problems if p.severity == "error"] == []
    assert {t for a in articles for t in a.tags} == {articles[0].tags[0]}
    # One topic, named as a story typed it (composed or not): NFC only matches the names.
    (name,) = {a.tags[0].name for a in articles}
    assert unicodedata.normalize("NFC", name) == "Café"
    assert {a.slug for a in articles} == {"one", "cafe-news"}
    assert next(a for a in articles if a.slug == "one").country.code == "CW"


# -- collisions point at the line that causes them -------------------------------------------


def test_a_slug_collision_points_at_the_slug_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content, "tunnel.md", STORY)
    write(content, "other.md", STORY + "slug: tunnel\n")
    _, problems = load_articles(content, settings())
    [clash] = [p for p in problems if p.severity == "error"]  # one error for the pair
    assert (clash.path, clash.line) == ("other.md", 8)  # its slug: line made the clash
    assert clash.message == (
        f"this story and {content / 'tunnel.md'} (line 3) would be published at the same "
        "address, /2025/06/20/tunnel/: two stories of one day with one name"
    )
    assert clash.hint == (
        "give this story a name of its own: change its slug line to 'slug: harbour-tunnel-opens'"
    )


def test_a_tag_collision_points_at_the_tag_item_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content, "a.md", STORY.replace("[Transport]", "[C]"))
    write(content, "b.md", STORY.replace("tags: [Transport]", "tags:\n  - Boats\n  - C++"))
    _, problems = load_articles(content, settings())
    [clash] = [p for p in problems if "different words with the same URL" in p.message]
    assert (clash.path, clash.line) == ("b.md", 9)


# -- dates a clock cannot show ---------------------------------------------------------------


def test_a_time_skipped_by_daylight_saving_is_an_error_on_its_line(tmp_path: Path) -> None:
    front = STORY.replace("2025-06-20T10:00:00+02:00", "2025-03-30T02:30")
    _, problems = read(tmp_path, front, "Europe/Oslo")
    problem = only(problems)
    assert problem.line == 3
    assert problem.message == (
        "date: 2025-03-30T02:30 does not exist in Europe/Oslo: the clocks "
        "skip that hour for daylight saving"
    )
    assert "+01:00" in problem.hint and "+02:00" in problem.hint


def test_a_time_in_the_repeated_hour_is_a_warning_and_reads_the_first(tmp_path: Path) -> None:
    front = STORY.replace("2025-06-20T10:00:00+02:00", "2025-10-26T02:30")
    article, problems = read(tmp_path, front, "Europe/Oslo")
    assert article is not None
    warning = only(problems, "warning")
    assert warning.line == 3
    assert "happens twice in Europe/Oslo" in warning.message
    assert article.date.utcoffset() is not None
    assert article.date.astimezone(UTC).isoformat() == "2025-10-26T00:30:00+00:00"


@pytest.mark.parametrize("written", ["0999-06-20T10:00:00Z", "9999-12-31T23:00:00-05:00"])
def test_a_year_feeds_cannot_carry_is_a_clear_error(tmp_path: Path, written: str) -> None:
    _, problems = read(tmp_path, STORY.replace("2025-06-20T10:00:00+02:00", written))
    problem = only(problems)
    assert problem.line == 3
    assert "four-digit year (1000 to 9999)" in problem.message


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        (
            "2025-02-30 10:00",
            "date: 2025-02-30 is not a real date: February 2025 has 28 days",
            "check the day: write one from 01 to 28; 2025-02-28 is the last day of February 2025",
        ),
        (
            "2024-02-30T10:00",
            "date: 2024-02-30 is not a real date: February 2024 has 29 days",
            "check the day: write one from 01 to 29; 2024-02-29 is the last day of February 2024",
        ),
        (
            "2025-20-06T10:00",
            "date: 2025-20-06 is not a real date: there is no month 20",
            "dates are written year-month-day, the month from 01 to 12; "
            "did you mean 2025-06-20 (June 20)?",
        ),
    ],
)
def test_a_day_that_does_not_exist_is_named_with_the_days_the_month_has(
    tmp_path: Path, written: str, message: str, hint: str
) -> None:
    _, problems = read(tmp_path, STORY.replace("2025-06-20T10:00:00+02:00", written))
    problem = only(problems)
    assert (problem.line, problem.message, problem.hint) == (3, message, hint)


# -- "no value" in optional fields, and both YAML parsers ------------------------------------


def test_an_optional_field_with_no_value_is_left_out(tmp_path: Path) -> None:
    front = STORY + "slug: ~\nid: null\nsummary:\nupdated: ~\nfeatured: ~\n"
    article, problems = read(tmp_path, front)
    assert article is not None, problems
    assert problems == []
    assert (article.slug, article.summary, article.updated, article.featured) == (
        "story",
        "",
        None,
        False,
    )
    assert article.guid == "tag:test.example,2025:2025-06-20/story"


def test_libyaml_and_pure_python_both_keep_what_was_typed() -> None:
    from generator.load import content

    text = (
        "title: 0x10\nslug: 010\ncountry: NO\ntags: [on, 3.10, 12:30, 1.0e+400, .inf]\n"
        "summary: ~\ndraft: yes\n"
    )
    fast = content.parse_front_matter(text, 2, "a.md")
    saved, content._FAST = content._FAST, None
    try:
        slow = content.parse_front_matter(text, 2, "a.md")
    finally:
        content._FAST = saved
    for data, problems in (fast, slow):
        assert problems == []
        assert data == {
            "title": "0x10",
            "slug": "010",
            "country": "NO",
            "tags": ["on", "3.10", "12:30", "1.0e+400", ".inf"],
            "summary": None,
            "draft": True,
        }
        assert data.nulls == {"summary": "~"}


def test_a_list_item_with_colon_space_is_told_to_be_quoted(tmp_path: Path) -> None:
    _, problems = read(tmp_path, STORY.replace("[Transport]", "[Transport, Oslo: harbour]"))
    problem = only(problems)
    assert (problem.line, problem.message) == (7, "tags: item 2 must be text, not a set of fields")
    assert problem.hint.endswith('put it in quotes: tags: [Transport, "Oslo: harbour"]')


def test_two_file_names_that_differ_only_in_how_an_accent_is_stored_are_told_apart(
    tmp_path: Path,
) -> None:
    """A Mac saved 'café.md' with 'e' and an accent mark, another tool with 'é': the error
    used to read "café.md and café.md", which look identical."""
    content = tmp_path / "content"
    write(content, unicodedata.normalize("NFC", "café.md"), STORY)
    write(content, unicodedata.normalize("NFD", "café.md"), STORY)
    _, problems = load_articles(content, settings())
    [clash] = [p for p in problems if p.severity == "error"]
    assert "look the same but differ in how the accent of 'é' is stored" in clash.message
    assert "both would be published at /2025/06/20/cafe/" in clash.message
    assert clash.hint.startswith("if they are the same story, keep one file and delete")
    assert (
        "rename one of them with plain letters a-z (like 'harbour-tunnel-opens.md')" in clash.hint
    )
