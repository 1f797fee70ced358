"""Front matter is published as typed, or refused on its line with a fix an editor follows.

A value YAML would cut short (text after ` #`), a character no feed can carry (a NUL
spelt as an escape), a time the clocks skip or a date still to come in a correction, a
country name that means two countries: each is an error naming the file and line, never
a value silently changed or dropped and never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, tiny_png, write_article

from generator.config import Settings
from generator.diagnostics import Diagnostic
from generator.load.content import read_document
from generator.load.validate import validate
from generator.model import Article

# '---' is line 1: title 2, date 3, country 4, credits 5, author 6, tags 7.
STORY = """\
title: Harbour tunnel opens
date: 2025-06-20T10:00:00+02:00
country: Norway
credits:
  author: Nordic Desk
tags: [Transport]
"""


def jpeg() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (64, 64), (40, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def read(
    tmp_path: Path, front: str, timezone: str = "UTC"
) -> tuple[Article | None, list[Diagnostic]]:
    content = tmp_path / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "story.md").write_text(f"---\n{front}---\nThe story.\n", encoding="utf-8")
    doc, problems = read_document(content / "story.md", "story.md", 1_000_000)
    if doc is None:
        return None, problems
    article, more = validate(doc, Settings(timezone=timezone, site_id="test.example,2025"), content)
    return (None if problems else article), problems + more  # as the pipeline reads it


def errors(problems: list[Diagnostic]) -> list[Diagnostic]:
    return [p for p in problems if p.severity == "error"]


# -- characters no feed or page can carry -------------------------------------------------

# field -> (front matter with {} where the escape goes, the line the value is on)
FIELDS = {
    "title": (STORY.replace("Harbour tunnel opens", '"Control {} char"'), 2),
    "tags": (STORY.replace("[Transport]", '[Transport, "Control {} char"]'), 7),
    "summary": (STORY + 'summary: "Control {} char"\n', 8),
    "image.alt": (STORY + 'image:\n  src: tunnel.png\n  alt: "Control {} char"\n', 10),
    "id": (STORY + 'id: "tag:example.org,2025:{}x"\n', 8),
    "correction": (
        STORY + 'corrections:\n  - date: 2025-06-21T10:00:00+02:00\n    text: "Control {} char"\n',
        10,
    ),
}
ESCAPES = ["\\0", "\\x00", "\\u0000", "\\x0b", "\\x1f", "\\ufffe", "\\uffff", "\\ud800"]
# Noncharacters (Unicode 23.7): Nu calls each one an error wherever a page shows it.
ESCAPES += ["\\ufdd0", "\\ufdef", "\\U0001fffe", "\\U0010ffff"]


@pytest.mark.parametrize("escape", ESCAPES)
@pytest.mark.parametrize("field", sorted(FIELDS))
def test_a_character_xml_cannot_carry_is_an_error_in_every_field(
    tmp_path: Path, field: str, escape: str
) -> None:
    front, line = FIELDS[field]
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tunnel.png").write_bytes(tiny_png())
    article, problems = read(tmp_path, front.replace("{}", escape))
    assert article is None
    [problem] = errors(problems)
    assert problem.line == line
    named = ("invisible control character U+", "noncharacter U+", "lone surrogate U+")
    assert any(word in problem.message for word in named), problem.message


def test_an_emoji_spelt_as_two_utf16_escapes_is_the_emoji(tmp_path: Path) -> None:
    front = STORY.replace("Harbour tunnel opens", '"\\ud83d\\ude87 Harbour tunnel opens"')
    article, problems = read(tmp_path, front)
    assert article is not None, problems
    assert article.title == "\N{METRO} Harbour tunnel opens"


def test_a_nul_in_a_correction_stops_the_build_with_an_error_not_a_traceback(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    write_article(
        project,
        "tunnel.md",
        STORY + 'corrections:\n  - date: 2025-06-21T10:00:00+02:00\n    text: "A \\0 B"\n',
    )
    for command in (("check",), ("build", "--output", str(tmp_path / "site"))):
        result = run_here(*command, cwd=project)
        assert result.returncode == 1, result.stderr
        said = result.stdout + result.stderr
        assert "Traceback" not in said
        assert (
            "tunnel.md:10: error: corrections: item 1: text contains the invisible control "
            "character U+0000" in said
        )
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("char", ["\ufdd0", "\ufdef", "\U0001ffff", "\U0010fffe"])
def test_a_noncharacter_typed_in_the_body_is_an_error_on_its_line(
    tmp_path: Path, char: str
) -> None:
    """Once only U+FFFE and U+FFFF were refused; the other 64 noncharacters passed check
    and made every page that showed them invalid HTML."""
    project = make_project(tmp_path / "project")
    write_article(project, "tunnel.md", STORY, f"First line.\n\nThe {char} here.\n")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"content/tunnel.md:11: error: the file contains the noncharacter U+{ord(char):04X} "
        "(a code point Unicode never gives a character)\n"
    )


# -- text after ' #' ------------------------------------------------------------------------

CUT = "the text after ' #' is read as a comment and would be left out"


@pytest.mark.parametrize(
    ("front", "line", "fix"),
    [
        (
            STORY.replace("Harbour tunnel opens", "Fans chant we are # 1 again"),
            2,
            'title: "Fans chant we are # 1 again"',
        ),
        (STORY + "summary: Ranked # 1 in Europe\n", 8, 'summary: "Ranked # 1 in Europe"'),
        (
            STORY + "image:\n  src: tunnel.png\n  alt: Tunnel # 2 at dawn\n",
            10,
            "alt: \"Tunnel # 2 at dawn\" (with the 2 spaces before 'alt:')",  # the picture's
        ),
        (
            STORY.replace("Nordic Desk", "Desk # 4"),
            6,
            "author: \"Desk # 4\" (with the 2 spaces before 'author:')",  # under credits:
        ),
        (
            STORY.replace("[Transport]", "[Football #1, C #]"),
            7,
            'tags: ["Football #1", "C #"]',
        ),
        (STORY.replace("[Transport]", "\n  - Football # 1"), 8, '- "Football # 1"'),
    ],
    ids=["title", "summary", "image.alt", "author", "tags-list", "tags-block"],
)
def test_text_after_space_hash_is_an_error_with_the_quoted_line(
    tmp_path: Path, front: str, line: int, fix: str
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tunnel.png").write_bytes(tiny_png())
    article, problems = read(tmp_path, front)
    assert article is None
    [problem] = errors(problems)
    assert (problem.line, problem.message) == (line, CUT)
    assert problem.hint == f"put the whole value in quotes: {fix}"


def test_a_note_after_a_quoted_value_a_list_or_a_date_is_a_comment(tmp_path: Path) -> None:
    front = (
        "# checked by the night desk\n"
        'title: "We are # 1"  # the fans\' chant\n'
        "date: 2025-06-20T10:00:00+02:00  # local time\n"
        "country: Norway\n"
        "credits:  # who wrote it\n"
        "  author: Nordic Desk\n"
        "tags: [Transport]  # one topic\n"
        "draft: false # publish\n"
    )
    article, problems = read(tmp_path, front)
    assert article is not None, problems
    assert article.title == "We are # 1"
    assert [t.name for t in article.tags] == ["Transport"]


def test_a_note_one_space_after_a_value_that_cannot_hold_a_hash_is_a_comment(
    tmp_path: Path,
) -> None:
    """Prober 2, M2: `slug: flood-relief # old address` (one space, read by YAML as the
    two-space form) was an error; so were `country: India # desk`, a tags item `- Floods #
    main` and a slug in authors.yaml. Each is read as YAML reads it; `- Football #1` (no
    space after '#': a hashtag) and words before ' # ' in a title are still errors."""
    project = make_project(tmp_path / "project")
    front = (
        "title: Harbour tunnel opens\nslug: tunnel-opens # old address was tunnel\n"
        "date: 2025-06-20T10:00:00+02:00\ncountry: Norway # desk note\n"
        "credits:\n  author: Nordic Desk\ntags:\n  - Transport # main topic\n  - Oslo\n"
    )
    write_article(project, "2025/06/tunnel.md", front)
    (project / "authors.yaml").write_text(
        "Nordic Desk:\n  slug: nordic # old: desk\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    result = run_here("build", "--output", str(site), cwd=project)
    assert result.returncode == 0 and "warning" not in result.stdout, result.stdout
    page = (site / "2025/06/20/tunnel-opens/index.html").read_text(encoding="utf-8")
    assert ">Norway<" in page and ">Transport<" in page
    assert (site / "authors/nordic/index.html").is_file()
    write_article(project, "2025/06/b.md", STORY.replace("[Transport]", "\n  - Football #1"))
    said = run_here("check", cwd=project).stdout
    assert f"content/2025/06/b.md:8: error: {CUT}" in said, said


def test_the_readme_authors_yaml_with_aligned_notes_is_read_as_meant(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "tunnel.md", STORY.replace("Nordic Desk", "Asha Rao"))
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\nAsha Rao:\n", 1)[1].split("```", 1)[0]
    (project / "authors.yaml").write_text("Asha Rao:\n" + example, encoding="utf-8")
    (project / "authors").mkdir()
    (project / "authors" / "asha.jpg").write_bytes(jpeg())
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "authors" / "asha-rao" / "index.html").read_text("utf-8")
    assert "Science correspondent in Bengaluru." in page
    assert 'href="https://asha.example.org/"' in page


def test_a_bio_in_authors_yaml_cut_by_space_hash_is_an_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "tunnel.md", STORY)
    (project / "authors.yaml").write_text(
        "Nordic Desk:\n  bio: Our team of reporters # 1 in Oslo\n", encoding="utf-8"
    )
    result = run_here("check", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert f"authors.yaml:2: error: {CUT}" in said
    assert 'bio: "Our team of reporters # 1 in Oslo"' in said


# -- dates ---------------------------------------------------------------------------------

CORRECTION = "corrections:\n  - date: {}\n    text: The tunnel is 3 km long, not 4.\n"


def test_a_correction_in_the_hour_the_clocks_skip_is_an_error_on_its_line(
    tmp_path: Path,
) -> None:
    front = STORY.replace("2025-06-20T10:00:00+02:00", "2025-03-29T10:00") + CORRECTION.format(
        "2025-03-30T01:15"
    )
    article, problems = read(tmp_path, front, "Europe/London")
    assert article is None
    [problem] = errors(problems)
    assert problem.line == 9
    assert problem.message == (
        "corrections: item 1: date: 2025-03-30T01:15 does not exist in Europe/London: the "
        "clocks skip that hour for daylight saving"
    )
    assert "+00:00" in problem.hint and "+01:00" in problem.hint


def test_a_correction_in_the_repeated_hour_is_a_warning_as_for_date(tmp_path: Path) -> None:
    front = STORY.replace("2025-06-20T10:00:00+02:00", "2025-10-25T10:00") + CORRECTION.format(
        "2025-10-26T01:30"
    )
    article, problems = read(tmp_path, front, "Europe/London")
    assert article is not None, problems
    [warned] = problems
    assert (warned.severity, warned.line) == ("warning", 9)
    assert "happens twice in Europe/London" in warned.message


def project_with(tmp_path: Path, front: str) -> Path:
    project = make_project(tmp_path / "project")
    write_article(project, "tunnel.md", front)
    return project


NOW = "2025-06-25T12:00:00+00:00"


@pytest.mark.parametrize(
    ("added", "line", "label"),
    [
        ("updated: 2025-07-01T10:00:00Z\n", 8, "updated 2025-07-01T10:00:00+00:00"),
        (
            CORRECTION.format("2025-06-21T10:00:00Z")
            + "  - date: 2025-06-30T09:00:00Z\n    text: And it opens at 6.\n",
            11,
            "corrections: item 2: date 2025-06-30T09:00:00+00:00",
        ),
    ],
    ids=["updated", "correction"],
)
def test_a_change_dated_after_the_build_is_an_error_on_its_line(
    tmp_path: Path, added: str, line: int, label: str
) -> None:
    project = project_with(tmp_path, STORY + added)
    result = run_here("build", "--now", NOW, "--output", str(tmp_path / "site"), cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert (
        f"tunnel.md:{line}: error: {label} is in the future (this build's time is "
        "2025-06-25T12:00+00:00)" in said
    )
    fix = "the correction was made" if "corrections" in label else "it was updated"
    assert f"fix: write the time {fix}" in said
    assert not (tmp_path / "site" / "atom.xml").exists()


def test_check_uses_the_clock_of_now(tmp_path: Path) -> None:
    project = project_with(tmp_path, STORY + "updated: 2999-01-01T10:00:00Z\n")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert "tunnel.md:8: error: updated 2999-01-01T10:00:00+00:00 is in the future" in (
        result.stdout
    )


def test_a_scheduled_story_may_have_its_update_still_to_come(tmp_path: Path) -> None:
    front = STORY.replace("2025-06-20T10:00:00+02:00", "2025-07-01T10:00:00Z")
    project = project_with(tmp_path, front + "updated: 2025-07-02T10:00:00Z\n")
    result = run_here("build", "--now", NOW, "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "held back: 1 scheduled" in result.stdout + result.stderr


# -- messages in an editor's words ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2025-06-21t10:00:00z", "2025-06-21T10:00:00Z"),
        ("2025-06-21t10:00:00.123456789z", "2025-06-21T10:00:00Z"),
        ("2025-W25-6", "2025-06-21"),
        ("20250621T100000Z", "2025-06-21T10:00:00Z"),
        ("2025-06-21T10:00:00 +05:30", "2025-06-21T10:00:00+05:30"),
    ],
)
def test_another_iso_8601_form_is_answered_with_the_form_newsdigest_reads(
    tmp_path: Path, typed: str, meant: str
) -> None:
    _, problems = read(tmp_path, STORY.replace("2025-06-20T10:00:00+02:00", typed))
    [problem] = errors(problems)
    assert problem.line == 3
    assert problem.message == f"date: {typed!r} is not a date newsdigest can read"
    assert "ISO 8601" not in problem.message
    assert problem.hint.startswith("newsdigest accepts dates written as 2025-06-21T10:00:00+05:30")
    assert problem.hint.endswith(f"write it as {meant}")
    fixed, problems = read(tmp_path, STORY.replace("2025-06-20T10:00:00+02:00", meant))
    assert fixed is not None, problems


@pytest.mark.parametrize(
    ("front", "line", "message", "fix"),
    [
        (
            STORY + "summary: - and the rest\n",
            8,
            "the value of 'summary:' starts with '- ', which YAML reads as the start of a "
            "list item, so it cannot read the rest of the line",
            'put the whole value in quotes: summary: "- and the rest"',
        ),
        (
            STORY.replace("Harbour tunnel opens", "? Who pays for the tunnel"),
            2,
            "the value of 'title:' starts with '? ', which YAML reads as the start of a "
            "field name, so it cannot read the rest of the line",
            'put the whole value in quotes: title: "? Who pays for the tunnel"',
        ),
        (
            STORY.replace("Harbour tunnel opens", "%20 of drivers use it"),
            2,
            "the value of 'title:' starts with '%', which YAML reads as the start of a "
            "directive, so it cannot read the rest of the line",
            'put the whole value in quotes: title: "%20 of drivers use it"',
        ),
        (
            STORY.replace("  author:", "    author:").replace("tags:", "  sources: NTB\ntags:"),
            7,
            "'sources:' is not lined up with 'author:' above it (line 6); YAML reads which "
            "field a line belongs to from how far it is indented",
            "indent it as far as 'author:' (4 spaces): '    sources: NTB', or indent both by "
            "2 spaces: '  author: Nordic Desk' and '  sources: NTB'",
        ),
    ],
    ids=["dash", "question", "percent", "indent"],
)
def test_a_yaml_mistake_is_named_in_plain_words_with_the_fixed_line(
    tmp_path: Path, front: str, line: int, message: str, fix: str
) -> None:
    _, problems = read(tmp_path, front)
    [problem] = errors(problems)
    assert (problem.line, problem.message) == (line, message)
    assert problem.hint.startswith(fix)
    assert "YAML tag" not in problem.message and "not allowed here" not in problem.message


def test_a_headline_of_two_angle_brackets_is_published_as_typed(tmp_path: Path) -> None:
    article, problems = read(tmp_path, STORY.replace("Harbour tunnel opens", "<<"))
    assert article is not None, problems
    assert article.title == "<<"


# -- countries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "either"),
    [
        ("Congo", "'country: Republic of the Congo' (CG) or 'country: DR Congo' (CD)"),
        ("Korea", "'country: South Korea' (KR) or 'country: North Korea' (KP)"),
    ],
)
def test_a_name_of_two_countries_is_refused_naming_both(
    tmp_path: Path, typed: str, either: str
) -> None:
    article, problems = read(tmp_path, STORY.replace("Norway", typed))
    assert article is None
    [problem] = errors(problems)
    assert problem.line == 4
    assert problem.message.startswith(f"country {typed!r} can mean ")
    assert problem.hint == either


@pytest.mark.parametrize(
    ("typed", "code", "shown"),
    [
        ("UAE", "AE", "United Arab Emirates"),
        ("DRC", "CD", "DR Congo"),
        ("U.S.", "US", "United States"),
        ("The Gambia", "GM", "Gambia"),
        ("Macedonia", "MK", "North Macedonia"),
        ("Republic of the Congo", "CG", "Republic of the Congo"),
        ("CG", "CG", "Republic of the Congo"),
    ],
)
def test_the_short_names_newsrooms_use_are_their_countries(
    tmp_path: Path, typed: str, code: str, shown: str
) -> None:
    article, problems = read(tmp_path, STORY.replace("Norway", typed))
    assert article is not None, problems
    assert (article.country.code, article.country.name) == (code, shown)


def test_kosovo_is_told_why_it_has_no_country_page(tmp_path: Path) -> None:
    article, problems = read(tmp_path, STORY.replace("Norway", "Kosovo"))
    assert article is None
    [problem] = errors(problems)
    assert problem.line == 4
    assert "Kosovo has no ISO 3166 country code" in problem.message
    assert "tags: [Kosovo]" in problem.hint


@pytest.mark.parametrize("sources", ["[agencies]", '"[agencies]"', "agencies", "'agencies'"])
def test_a_credit_indented_less_than_the_one_above_is_named_with_both_lines(
    tmp_path: Path, sources: str
) -> None:
    """`author:` indented four spaces and `sources:` two: whatever the value starts with (a
    list, a quote), the error is the indentation, naming both lines, and its fix reads."""
    front = STORY.replace("  author:", "    author:").replace(
        "tags:", f"  sources: {sources}\ntags:"
    )
    _, problems = read(tmp_path, front)
    [problem] = errors(problems)
    assert problem.line == 7
    assert problem.message.startswith("'sources:' is not lined up with 'author:' above it (line 6)")
    assert problem.hint.startswith(
        f"indent it as far as 'author:' (4 spaces): '    sources: {sources}'"
    )
    assert "quotes" not in problem.hint
    article, problems = read(
        tmp_path, front.replace(f"  sources: {sources}", f"    sources: {sources}")
    )
    assert article is not None, problems
    assert article.sources == ("[agencies]" if sources.startswith('"[') else "agencies",)
