"""What an editor sees for each mistake: `path:line: error: message` and a `fix:` line.

One project holds one broken article per mistake; `newsdigest check` runs once and must
report every one of them in the same pass.
"""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import make_project, run_here, tiny_png, write_article

from generator.config import Settings
from generator.load.content import read_document
from generator.load.validate import validate
from generator.model import Article

VALID = """\
title: A Valid Story
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Fixture Desk
tags: [Climate]
"""
# Line numbers in the file: '---' is line 1, title line 2, date 3, country 4, credits 5,
# author 6, tags 7.

BROKEN = {
    "missing-title.md": VALID.replace("title: A Valid Story\n", ""),
    "missing-date.md": VALID.replace("date: 2025-06-20T10:00:00+05:30\n", ""),
    "missing-country.md": VALID.replace("country: India\n", ""),
    "missing-author.md": VALID.replace("  author: Fixture Desk\n", "  image: ANI\n"),
    "missing-credits.md": VALID.replace("credits:\n  author: Fixture Desk\n", ""),
    "impossible-date.md": VALID.replace("2025-06-20T10:00:00+05:30", "2025-02-30T10:00:00+05:30"),
    "not-a-date.md": VALID.replace("2025-06-20T10:00:00+05:30", "last Tuesday"),
    "updated-before-date.md": VALID.replace(
        "country: India", "updated: 2025-06-19T10:00:00+05:30\ncountry: India"
    ),
    "unknown-country.md": VALID.replace("country: India", "country: Indai"),
    "typo-field.md": VALID.replace("title: A Valid Story", "tittle: A Valid Story"),
    "title-list.md": VALID.replace("title: A Valid Story", "title: [A, Valid, Story]"),
    "tags-mapping.md": VALID.replace("tags: [Climate]", "tags:\n  topic: Climate"),
    "tags-string.md": VALID.replace("tags: [Climate]", "tags: Climate, Floods"),
    "image-no-alt.md": VALID + "image:\n  src: photo.png\n",
    "image-missing.md": VALID + "image:\n  src: nowhere.jpg\n  alt: A photo that is not there\n",
    "bad-slug.md": VALID + "slug: Not A Slug!\n",
    "draft-text.md": VALID + "draft: maybe\n",
    "credits-text.md": VALID.replace("credits:\n  author: Fixture Desk", "credits: Fixture Desk"),
    # a date YAML cannot make, where the fields were meant: once a traceback (ValueError)
    "credits-date.md": VALID.replace("credits:\n  author: Fixture Desk", "credits: 2025-02-30"),
    "image-text.md": VALID + "image: photo.png\n",
    "id-word.md": VALID + "id: story-one\n",
}

# file -> (line, words the message must contain, words the fix must contain)
EXPECTED = {
    "missing-title.md": (2, "title is missing", "title:"),
    "missing-date.md": (2, "date is missing", "YYYY-MM-DD"),
    "missing-country.md": (2, "country is missing", "country:"),
    "missing-author.md": (5, "credits.author is missing", "author:"),
    "missing-credits.md": (2, "credits.author is missing", "author:"),
    "impossible-date.md": (3, "February 2025 has 28 days", "2025-02-28 is the last day"),
    "not-a-date.md": (3, "'last Tuesday' is not a date", "YYYY-MM-DDTHH:MM:SS+HH:MM"),
    "updated-before-date.md": (4, "updated (2025-06-19T10:00:00+05:30) is before date", "fix"),
    "unknown-country.md": (4, "country 'Indai' is not a country", "did you mean 'India'?"),
    "typo-field.md": (
        2,
        "title is missing, and 'tittle:' on this line is not a field "
        "newsdigest knows: did you mean 'title:'?",
        "rename 'tittle:' to 'title:'",
    ),
    "title-list.md": (2, "title must be text, not a list", 'title: "[A, Valid, Story]"'),
    "tags-mapping.md": (7, "tags must be a list, not a set of fields", "tags: ["),
    "tags-string.md": (7, "tags must be a list", "tags: [Climate, Floods]"),
    "image-no-alt.md": (8, "image.alt is missing", "alt:"),
    "image-missing.md": (9, "image.src: 'nowhere.jpg' does not exist", "content/"),
    "bad-slug.md": (8, "slug 'Not A Slug!' cannot be used in a URL", "'not-a-slug'"),
    "draft-text.md": (8, "draft must be true or false", "draft: true"),
    "credits-text.md": (5, "credits must be a set of fields, not text", "credits:"),
    "credits-date.md": (5, "credits must be a set of fields", "'  author: \"2025-02-30\"'"),
    "image-text.md": (
        8,
        "image must be a set of fields (src, alt), not just the file name 'photo.png'",
        "'image:', then indented '  src: photo.png' and '  alt: ",
    ),
    "id-word.md": (8, "id 'story-one' is not a URI", "tag:"),
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    root = make_project(tmp_path_factory.mktemp("validate") / "project")
    write_article(root, "good/a-valid-story.md", VALID)
    (root / "content" / "bad").mkdir()
    (root / "content" / "bad" / "photo.png").write_bytes(tiny_png())
    for name, front in BROKEN.items():
        write_article(root, f"bad/{name}", front)
    return run_here("check", cwd=root)


def reports_for(output: str, name: str) -> list[tuple[int, str, str, str]]:
    """(line, severity, message, fix) for every problem printed for content/bad/NAME."""
    pattern = re.compile(
        rf"^content/bad/{re.escape(name)}:(\d+): (error|warning): (.*)\n(?:    fix: (.*))?",
        re.MULTILINE,
    )
    return [(int(m[1]), m[2], m[3], m[4] or "") for m in pattern.finditer(output)]


def test_check_exits_1_and_counts_every_broken_file(
    checked: subprocess.CompletedProcess[str],
) -> None:
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr
    named = set(re.findall(r"^content/bad/([^:]+):\d+: error:", checked.stdout, re.MULTILINE))
    assert named == set(BROKEN)
    assert "content/good/" not in checked.stdout


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_mistake_is_reported_with_its_line_and_a_fix(
    checked: subprocess.CompletedProcess[str], name: str
) -> None:
    line, message, fix = EXPECTED[name]
    errors = [r for r in reports_for(checked.stdout, name) if r[1] == "error"]
    assert any(r[0] == line and message in r[2] and fix in r[3] for r in errors), (
        f"expected line {line}: {message!r} / fix {fix!r}; got {errors}"
    )


def test_a_misspelt_required_field_is_one_message_not_two(
    checked: subprocess.CompletedProcess[str],
) -> None:
    reports = reports_for(checked.stdout, "typo-field.md")
    assert [r[:2] for r in reports] == [(2, "error")]


def test_unknown_field_alone_does_not_stop_the_build(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    write_article(root, "story.md", VALID + "sumary: A short summary.\n")
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    assert "content/story.md:8: warning: unknown field 'sumary' is ignored" in result.stderr
    assert "did you mean 'summary'?" in result.stderr


def load(tmp_path: Path, front: str, timezone_name: str = "UTC") -> Article:
    content = tmp_path / "content"
    path = content / "story.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\nBody.\n", encoding="utf-8")
    doc, problems = read_document(path, "story.md", 1_000_000)
    assert doc is not None, problems
    settings = Settings(timezone=timezone_name, site_id="test.example,2025")
    article, problems = validate(doc, settings, content)
    assert article is not None, problems
    assert [p for p in problems if p.severity == "error"] == []
    return article


def test_a_time_without_offset_is_read_in_the_site_timezone(tmp_path: Path) -> None:
    article = load(tmp_path, VALID.replace("+05:30", ""), "America/Los_Angeles")
    assert article.date.isoformat() == "2025-06-20T10:00:00-07:00"


def test_a_date_alone_is_midnight_in_the_site_timezone(tmp_path: Path) -> None:
    article = load(
        tmp_path, VALID.replace("2025-06-20T10:00:00+05:30", "2025-06-20"), "Asia/Kathmandu"
    )
    assert article.date.utcoffset() == timedelta(hours=5, minutes=45)
    assert (article.date.year, article.date.month, article.date.day) == (2025, 6, 20)
    assert (article.date.hour, article.date.minute) == (0, 0)


@pytest.mark.parametrize(
    ("written", "offset"),
    [
        ("2025-06-25T15:27:00+05:30", timedelta(hours=5, minutes=30)),
        ("2025-06-25T15:27:00+0530", timedelta(hours=5, minutes=30)),
        ("2025-06-25T15:27:00-07:00", timedelta(hours=-7)),
        ("2025-06-25T15:27:00+05:45", timedelta(hours=5, minutes=45)),
        ("2025-06-25T15:27:00Z", timedelta(0)),
        ("2025-06-25 15:27+05:30", timedelta(hours=5, minutes=30)),
    ],
)
def test_a_date_keeps_its_own_offset(tmp_path: Path, written: str, offset: timedelta) -> None:
    article = load(tmp_path, VALID.replace("2025-06-20T10:00:00+05:30", written), "Europe/Paris")
    assert article.date.utcoffset() == offset
    assert (article.date.hour, article.date.minute) == (15, 27)
    assert article.day.isoformat() == "2025-06-25"


def test_an_article_holds_parsed_values(tmp_path: Path) -> None:
    front = VALID.replace("country: India", "country: UK").replace(
        "  author: Fixture Desk", "  author: [One, Two]\n  sources: [agencies]"
    )
    article = load(tmp_path, front)
    assert article.date == datetime(2025, 6, 20, 4, 30, tzinfo=UTC)
    assert (article.country.code, article.country.name) == ("GB", "United Kingdom")
    assert article.authors == ("One", "Two")
    assert article.sources == ("agencies",)
    assert article.slug == "story"
    assert [t.name for t in article.tags] == ["Climate"]


@pytest.mark.parametrize(
    ("typed", "wrong"),
    [
        ('"urn:uuid:XYZ"', True),
        ('"urn:uuid:6f1c2e0a-8d3b-4f5e-9a7c"', True),
        ('"urn:uuid:6f1c2e0a-8d3b-4f5e-9a7c-1b2d3e4f5a6b"', False),
        ('"URN:UUID:6F1C2E0A-8D3B-4F5E-9A7C-1B2D3E4F5A6B"', False),
        ('"urn:isbn:0451450523"', False),
    ],
)
def test_an_id_that_says_uuid_must_hold_one(tmp_path: Path, typed: str, wrong: bool) -> None:
    """Tester 3, L4: `id: "urn:uuid:XYZ"` was accepted as the story's feed GUID, though a
    bare UUID is checked: a UUID URN holds a UUID; other URNs are left alone."""
    project = make_project(tmp_path / "p")
    front = "title: T\ndate: 2025-06-25T10:00:00Z\ncountry: India\ncredits:\n  author: A\n"
    write_article(project, "s.md", front + f"id: {typed}\n")
    result = run_here("check", cwd=project)
    said = f"content/s.md:7: error: id {typed.strip(chr(34))!r} is not a UUID URN"
    assert (said in result.stdout) == wrong, result.stdout
    assert result.returncode == int(wrong)


@pytest.mark.parametrize(
    ("typed", "src", "other"),
    [
        ("image: AP #2.png", "AP", '"AP #2.png"'),
        ('image: "AP #2.png"', '"AP #2.png"', None),
        ("image: photo.png #main", "photo.png", '"photo.png #main"'),
        ("image: photo.png  # the lead picture", "photo.png", None),
    ],
)
def test_an_image_typed_as_text_with_a_hash_gets_one_fix_that_checks_clean(
    tmp_path: Path, typed: str, src: str, other: str | None
) -> None:
    """Prober5 P17: `image: AP #2` got two errors, the comment's (quote it: `image: "AP
    #2"`) leading to the other (image must be a set of fields); `image: "AP #2"` was told
    `src: AP #2`, itself cut at the '#'. One error, the three lines, the name written as
    YAML reads it, and the whole text as the other reading where a '#' cut it. Followed
    (with a picture of that name, where the name is a picture's), the story checks clean."""
    root = make_project(tmp_path / "project")
    story = write_article(root, "s.md", VALID + typed + "\n")
    said = run_here("check", cwd=root).stdout
    assert said.count("error:") == 1, said
    fix = f"'image:', then indented '  src: {src}' and '  alt: what the picture shows'"
    assert fix + (f", or '  src: {other}' if" if other else "\n") in said, said
    for name in [n for n in (src, other) if n and n.strip('"').endswith(".png")]:
        file = name.strip('"')
        (root / "content" / file).write_bytes(tiny_png())
        lines = f"image:\n  src: {name}\n  alt: The desk's picture\n"
        story.write_text(f"---\n{VALID}{lines}---\nBody.\n", encoding="utf-8")
        again = run_here("check", cwd=root).stdout
        assert "error" not in again.replace("no errors", ""), again


def test_an_image_typed_as_text_with_a_hash_beside_a_yaml_mistake_gets_the_same_fix(
    tmp_path: Path,
) -> None:
    """When YAML cannot read the front matter (`summary: Vote count: 52`), the image line's
    error is the comment's, said in the same run; its fix is still the image's three lines,
    never 'put the whole value in quotes', which would lead to the next error."""
    root = make_project(tmp_path / "project")
    write_article(root, "s.md", VALID + "image: AP #2.png\nsummary: Vote count: 52\n")
    said = run_here("check", cwd=root).stdout
    assert "s.md:8: error: the text after ' #' is read as a comment" in said, said
    assert (
        "    fix: write three lines: 'image:', then indented '  src: AP' and '  alt: what the "
        "picture shows', or '  src: \"AP #2.png\"' if '#2.png' is part of its name\n"
    ) in said, said
    assert 'image: "AP #2.png"' not in said, said


@pytest.mark.parametrize(
    ("typed", "author", "other"),
    [
        ("credits: AP #2", "AP", '"AP #2"'),
        ('credits: "AP #2"', '"AP #2"', None),
        ("credits: Asha Rao #2 desk", "Asha Rao", '"Asha Rao #2 desk"'),
        ('credits: "author: AP #2"', '"AP #2"', None),
        ("credits: AP  # the agency", "AP", None),
    ],
)
def test_credits_typed_as_text_with_a_hash_gets_one_fix_that_checks_clean(
    tmp_path: Path, typed: str, author: str, other: str | None
) -> None:
    """`credits: AP #2` got two errors, the comment's (quote it: `credits: "AP #2"`)
    leading to the other (credits must be a set of fields), and `credits: "AP #2"` was told
    `author: AP #2`, itself cut at the '#'. One error, the two lines, the byline written as
    YAML reads it, the whole text as the other reading where a '#' cut it; each followed,
    the story checks clean and is credited to that byline."""
    root = make_project(tmp_path / "project")
    group = "credits:\n  author: Fixture Desk\n"
    story = write_article(root, "s.md", VALID.replace(group, typed + "\n"))
    said = run_here("check", cwd=root).stdout
    assert said.count("error:") == 1, said
    fix = f"write 'credits:' on its own line, then '  author: {author}' indented below it"
    assert fix + (f", or '  author: {other}' if" if other else "\n") in said, said
    for name in [n for n in (author, other) if n]:
        fixed = VALID.replace(group, f"credits:\n  author: {name}\n")
        story.write_text(f"---\n{fixed}---\nBody.\n", encoding="utf-8")
        again = run_here("check", cwd=root).stdout
        assert "error" not in again.replace("no errors", ""), again
        doc, _ = read_document(story, "s.md", 1_000_000)
        assert doc is not None and doc.front["credits"]["author"] == name.strip('"')


@pytest.mark.parametrize(
    ("typed", "fix", "lines"),
    [
        (
            "credits: [AP #2, Reuters]",
            "write 'credits:' on its own line, then '  author: [\"AP #2\", Reuters]' indented "
            "below it",
            'credits:\n  author: ["AP #2", Reuters]\n',
        ),
        (
            "credits: [AP #2]",
            "write 'credits:' on its own line, then '  author: \"AP #2\"' indented below it",
            'credits:\n  author: "AP #2"\n',
        ),
        (
            "image: [AP #2.png]",
            "write three lines: 'image:', then indented '  src: \"AP #2.png\"' and '  alt: "
            "what the picture shows'",
            'image:\n  src: "AP #2.png"\n  alt: what the picture shows\n',
        ),
    ],
)
def test_a_group_typed_as_a_list_with_a_hash_gets_one_fix_that_checks_clean(
    tmp_path: Path, typed: str, fix: str, lines: str
) -> None:
    """`credits: [AP #2, Reuters]` was told to quote the items, `credits: ["AP #2",
    Reuters]`, and `image: [AP #2]` `image: ["AP #2"]`: each followed, the next check said
    the group must be a set of fields, not a list. The first fix is the group's lines, the
    items as YAML reads them; followed, the story checks clean."""
    root = make_project(tmp_path / "project")
    (root / "content" / "AP #2.png").write_bytes(tiny_png())
    group = "credits:\n  author: Fixture Desk\n"
    front = VALID.replace(group, typed + "\n") if typed.startswith("credits") else VALID + typed
    story = write_article(root, "s.md", front)
    said = run_here("check", cwd=root).stdout
    assert said.count("error:") == 1, said
    assert f"s.md:{2 + front.split(chr(10)).index(typed)}: error: the text after ' #'" in said
    assert f"    fix: {fix}\n" in said, said
    followed = front.replace(typed + ("\n" if typed.startswith("credits") else ""), lines)
    story.write_text(f"---\n{followed}---\nBody.\n", encoding="utf-8")
    again = run_here("check", cwd=root).stdout
    assert "error" not in again.replace("no errors", ""), again


@pytest.mark.parametrize(
    ("line", "typed", "fixed"),
    [
        ("  author: Fixture Desk\n", "  image: [AP #2]", '  image: "[AP #2]"'),
        ("title: A Valid Story\n", "title: [Breaking #1] news", 'title: "[Breaking #1] news"'),
    ],
)
def test_a_text_field_typed_in_brackets_with_a_hash_is_quoted_whole(
    tmp_path: Path, line: str, typed: str, fixed: str
) -> None:
    """`image: [AP #2]` under credits was told `image: ["AP #2"]`, the items of a list
    quoted, and then that credits.image must be text, not a list (`image: "[\\"AP
    #2\\"]"`). A field that holds text gets its whole value quoted; followed, the story
    checks clean. A list's items are still quoted one by one (`tags: ["Football #1", Cup]`)."""
    root = make_project(tmp_path / "project")
    after = line if typed.startswith("  ") else ""
    story = write_article(root, "s.md", VALID.replace(line, after + typed + "\n"))
    said = run_here("check", cwd=root).stdout
    assert said.count("error:") == 1, said
    assert f"fix: put the whole value in quotes: {fixed.strip()}" in said, said
    story.write_text(story.read_text(encoding="utf-8").replace(typed, fixed), encoding="utf-8")
    again = run_here("check", cwd=root).stdout
    assert "error" not in again.replace("no errors", ""), again


def test_a_byline_list_typed_as_authors_with_a_hash_keeps_its_names_apart(
    tmp_path: Path,
) -> None:
    """`authors: [AP #2, Reuters]` (a slip of `author:`, which check moves under credits)
    holds bylines: its items are quoted, as author's are, and not its whole value, which
    followed to the end published one byline "[AP #2, Reuters]", brackets and all."""
    root = make_project(tmp_path / "project")
    typed = "authors: [AP #2, Reuters]"
    story = write_article(root, "s.md", VALID.replace("credits:\n  author: Fixture Desk", typed))
    said = run_here("check", cwd=root).stdout
    assert 'fix: put the whole value in quotes: authors: ["AP #2", Reuters]\n' in said, said
    story.write_text(
        story.read_text("utf-8").replace(typed, 'authors: ["AP #2", Reuters]'), "utf-8"
    )
    said = run_here("check", cwd=root).stdout
    assert """'  author: ["AP #2", Reuters]' indented below it""" in said, said
    moved = 'credits:\n  author: ["AP #2", Reuters]'
    story.write_text(
        story.read_text("utf-8").replace('authors: ["AP #2", Reuters]', moved), "utf-8"
    )
    assert run_here("check", cwd=root).stdout.endswith("no errors\n")


def test_credits_typed_as_text_with_a_hash_beside_a_yaml_mistake_gets_the_same_fix(
    tmp_path: Path,
) -> None:
    """When YAML cannot read the front matter, the credits line's ' #' error has the
    credits' two lines as its fix, never `credits: "AP #2"`, which is the next error."""
    root = make_project(tmp_path / "project")
    front = VALID.replace("credits:\n  author: Fixture Desk\n", "credits: AP #2\n")
    write_article(root, "s.md", front + "summary: Vote count: 52\n")
    said = run_here("check", cwd=root).stdout
    assert "s.md:5: error: the text after ' #' is read as a comment" in said, said
    assert (
        "    fix: write 'credits:' on its own line, then '  author: AP' indented below it, or "
        "'  author: \"AP #2\"' if '#2' is part of the byline\n"
    ) in said, said
    assert 'credits: "AP #2"' not in said, said


@pytest.mark.parametrize(
    ("typed", "text", "other"),
    [
        ("corrections: Fixed #2", "Fixed", '"Fixed #2"'),
        ('corrections: "Fixed #2"', '"Fixed #2"', None),
    ],
)
def test_corrections_typed_as_text_with_a_hash_get_one_fix_that_checks_clean(
    tmp_path: Path, typed: str, text: str, other: str | None
) -> None:
    """`corrections: Fixed #2` got two errors, the comment's (quote it) leading to the
    other (corrections must be a list): one error whose fix carries the text both ways;
    followed, with the story's date, the story checks clean."""
    root = make_project(tmp_path / "project")
    story = write_article(root, "s.md", VALID + typed + "\n")
    said = run_here("check", cwd=root).stdout
    assert said.count("error:") == 1, said
    fix = f"write each as '- date: 2025-06-26T10:00:00+05:30' with an indented 'text: {text}'"
    assert fix + (f", or 'text: {other}' if" if other else "\n") in said, said
    for name in [n for n in (text, other) if n]:
        lines = f"corrections:\n  - date: 2025-06-26T10:00:00+05:30\n    text: {name}\n"
        story.write_text(f"---\n{VALID}{lines}---\nBody.\n", encoding="utf-8")
        again = run_here("check", cwd=root).stdout
        assert "error" not in again.replace("no errors", ""), again
