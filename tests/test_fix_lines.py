"""A `fix:` line, followed, is final: the editor writes the line `check` printed into the
file, runs `check` again, and the story passes (or, for authors.yaml, the registry).

Each case is a story with one mistake typed on one line; the test reads the `fix:` line
`newsdigest check` printed, writes its first suggested line in place of the typed one
(keeping the line's indent) and runs `check` again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import make_project, run_here, write_article

GOOD = """\
title: Floods in Assam
date: 2025-06-02T10:00:00+05:30
country: India
credits:
  author: Desk
tags: [Rain]"""

# the line typed in place of (or after) one of GOOD's lines -> the field the fix rewrites
TYPED = {
    "summary:Storm: the sequel": "summary",
    "summary:#1 hit": "summary",
    "summary:Fans chant we are # 1": "summary",
    "summary:“Storm”": "summary",
    "summary:Rock & roll: 50% off": "summary",
}
TAGS = {"tags:[#a]": ["#a"], "tags:[„Klima“, Rain]": ["Klima", "Rain"]}


def checked(project: Path) -> tuple[int, str]:
    result = run_here("check", cwd=project)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout + result.stderr


def first_fix(said: str, key: str) -> str:
    """The first line a `fix:` line suggests for `key:`, with its indent when it is
    printed in quotes ('    image: AFP')."""
    for hint in (line.strip() for line in said.splitlines() if line.strip().startswith("fix:")):
        found = re.search(rf"'( *{re.escape(key)}: [^']*)'", hint) or re.search(
            rf"(?:^|\s)({re.escape(key)}: .*?)(?:; | or |$)", hint
        )
        if found:
            return found.group(1).rstrip()
    raise AssertionError(f"no fix for {key}: in {said}")


def follow(path: Path, typed: str, key: str, said: str) -> str:
    fixed = first_fix(said, key)
    indent = "" if fixed.startswith(" ") else typed[: len(typed) - len(typed.lstrip())]
    text = path.read_text(encoding="utf-8")
    assert typed + "\n" in text
    path.write_text(text.replace(typed + "\n", indent + fixed + "\n"), encoding="utf-8")
    return fixed


@pytest.mark.parametrize("typed", sorted(TYPED) + sorted(TAGS))
def test_following_the_fix_for_a_typing_slip_passes_check(tmp_path: Path, typed: str) -> None:
    project = make_project(tmp_path / "p")
    key = TYPED.get(typed) or "tags"
    front = GOOD.replace("tags: [Rain]", typed) if key == "tags" else GOOD + "\n" + typed
    path = write_article(project, "2025/06/story.md", front)
    status, said = checked(project)
    assert status == 1, said
    fixed = follow(path, typed, key, said)
    status, said = checked(project)
    assert status == 0, (fixed, said)


def test_a_note_after_a_web_address_is_read_as_yaml_reads_it(tmp_path: Path) -> None:
    """A note one space after an address (which cannot hold ' #') is a YAML comment, read
    as YAML reads it (README: the text after ' #'): check passes, and the address is
    published without the note, never with it quoted into it."""
    project = make_project(tmp_path / "p")
    (project / "authors.yaml").write_text(
        "Desk:\n  url: https://cy.example.org/ # note\n", encoding="utf-8"
    )
    front = GOOD + "\nimage:\n  src: https://example.org/a.jpg # the photo\n  alt: Rain"
    write_article(project, "2025/06/story.md", front)
    status, said = checked(project)
    assert status == 0 and "warning" not in said, said
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0, built.stderr
    page = (site / "2025" / "06" / "02" / "story" / "index.html").read_text(encoding="utf-8")
    assert 'src="https://example.org/a.jpg"' in page and "the photo" not in page
    author = (site / "authors" / "desk" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://cy.example.org/"' in author and "note" not in author


def test_a_misaligned_image_credit_is_not_offered_as_the_lead_picture(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    front = GOOD.replace("  author: Desk", "    author: Desk\n  image: AFP")
    path = write_article(project, "2025/06/story.md", front)
    status, said = checked(project)
    assert status == 1 and "at the start of the line" not in said, said
    follow(path, "  image: AFP", "image", said)
    status, said = checked(project)
    assert status == 0, said


@pytest.mark.parametrize(
    ("foreign", "tags"),
    [
        ('categories: "news, india"', ["Rain", "news", "india"]),
        ('keywords: "C #"', ["Rain", "C #"]),
        ("keywords: [a, b]\ncategories: news india", ["Rain", "a", "b", "news", "india"]),
    ],
)
def test_another_generators_topics_become_one_tags_line(
    tmp_path: Path, foreign: str, tags: list[str]
) -> None:
    project = make_project(tmp_path / "p")
    path = write_article(project, "2025/06/story.md", GOOD + "\n" + foreign)
    _, said = checked(project)
    fixes = {first_fix(line, "tags") for line in said.splitlines() if "fix:" in line}
    assert len(fixes) == 1, said  # every foreign field gives the same, merged line
    text = path.read_text(encoding="utf-8").replace("tags: [Rain]", fixes.pop())
    for line in foreign.splitlines():
        text = text.replace(line + "\n", "")
    path.write_text(text, encoding="utf-8")
    status, said = checked(project)
    assert status == 0 and "warning" not in said, said
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert front["tags"] == tags


def test_new_writes_nothing_check_refuses(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    result = run_here("new", "#1 story", "--country", "India", "--author", "“Asha”", cwd=project)
    assert result.returncode == 2 and "'“Asha”' is wrapped in quote marks" in result.stderr
    assert not list((project / "content").rglob("*.md"))
    result = run_here("new", "Rain", "--country", "India", "--tags", "Rain, „Klima“", cwd=project)
    assert result.returncode == 2 and "--tags '„Klima“'" in result.stderr
    result = run_here("new", "“We will rebuild”", "--country", "India", cwd=project)
    assert result.returncode == 0, result.stderr
    status, said = checked(project)
    assert status == 0, said


# A field typed without its colon (prober, H2, M6) -> the value the fixed line publishes
MISSING_COLON = {
    "title #1 story of the year": ("title", "#1 story of the year"),
    "summary @handle said it": ("summary", "@handle said it"),
    "summary Floods: what next for Assam": ("summary", "Floods: what next for Assam"),
    "summary 'Quoted: value'": ("summary", "Quoted: value"),
    "date 2025-06-02T10:00:00+05:30": ("date", None),
    "updated 2025-06-03T10:00:00+05:30": ("updated", None),
    "tags Floods, Rain": ("tags", ["Floods", "Rain"]),
    "slug my-story # old": ("slug", "my-story"),
    "summary & more": ("summary", "& more"),
    "summary Fans chant we are # 1": ("summary", "Fans chant we are # 1"),
}


@pytest.mark.parametrize("typed", sorted(MISSING_COLON))
def test_a_field_missing_its_colon_is_fixed_with_the_words_typed(
    tmp_path: Path, typed: str
) -> None:
    project = make_project(tmp_path / "p")
    key, value = MISSING_COLON[typed]
    ours = next((line for line in GOOD.splitlines() if line.startswith(f"{key}:")), None)
    front = GOOD.replace(ours, typed) if ours else GOOD + "\n" + typed
    path = write_article(project, "2025/06/story.md", front)
    status, said = checked(project)
    assert status == 1 and f"story.md:{front.splitlines().index(typed) + 2}: error" in said, said
    fix = next(line for line in said.splitlines() if "colon after the name: " in line)
    fixed = fix.split("colon after the name: ", 1)[1]
    fixed = fixed[1:-1] if fixed.startswith("'") else fixed
    path.write_text(path.read_text(encoding="utf-8").replace(typed, fixed), encoding="utf-8")
    status, said = checked(project)
    assert status == 0, (fixed, said)
    if value is not None:
        assert yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])[key] == value


def test_a_line_that_is_no_field_is_not_given_a_made_up_field(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/a.md", GOOD + "\nFloods hit Assam today")
    front = GOOD + "\nsummary: A long summary that wraps\nonto a second line without indent"
    path = write_article(project, "2025/06/b.md", front)
    status, said = checked(project)
    assert status == 1 and "Floods:" not in said and "onto:" not in said, said
    assert "a.md:8: error: 'Floods hit Assam today' is not a field" in said, said
    assert "move it below the closing '---' line" in said
    joined = "summary: A long summary that wraps onto a second line without indent"
    assert "b.md:9: error: 'onto a second line without indent' is not a field" in said
    assert f"write both lines as one: '{joined}'" in said
    typed = "summary: A long summary that wraps\nonto a second line without indent"
    path.write_text(path.read_text(encoding="utf-8").replace(typed, joined), encoding="utf-8")
    assert "b.md" not in checked(project)[1]
    summary = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["summary"]
    assert summary == "A long summary that wraps onto a second line without indent"


def test_an_authors_field_missing_its_colon_is_named_on_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    registry = project / "authors.yaml"
    registry.write_text(
        "Desk:\n  slug dev-patel\nBen:\n  bio Reporter in Delhi: covers courts.\n",
        encoding="utf-8",
    )
    write_article(project, "2025/06/story.md", GOOD)
    status, said = checked(project)
    assert "authors.yaml:2: error: 'slug dev-patel' has no ':'" in said, said
    assert "'  slug: dev-patel'" in said
    assert "authors.yaml:4: error: 'bio Reporter in Delhi: covers courts.' has no ':'" in said
    registry.write_text(
        'Desk:\n  slug: dev-patel\nBen:\n  bio: "Reporter in Delhi: covers courts."\n',
        encoding="utf-8",
    )
    assert checked(project)[0] == 0
    assert '  bio: "Reporter in Delhi: covers courts."' in said


def test_topics_typed_with_commas_and_a_colon_are_split_at_the_commas(tmp_path: Path) -> None:
    """`tags: Floods, Rain: update` was offered [Floods, Rain] and update (prober, M5)."""
    project = make_project(tmp_path / "p")
    path = write_article(
        project, "2025/06/story.md", GOOD.replace("[Rain]", "Floods, Rain: update")
    )
    status, said = checked(project)
    assert status == 1 and "story.md:7: error:" in said, said
    assert 'fix: write tags: [Floods, "Rain: update"] for 2 topics' in said, said
    fixed = 'tags: [Floods, "Rain: update"]'
    text = path.read_text(encoding="utf-8").replace("tags: Floods, Rain: update", fixed)
    path.write_text(text, encoding="utf-8")
    assert checked(project)[0] == 0
    assert yaml.safe_load(text.split("---")[1])["tags"] == ["Floods", "Rain: update"]
