"""Characters that look like the front matter's own, said on their line (tester T2).

A Mac's Option+Space, a paste from Word, Google Docs or a web page, or a Chinese or
Japanese keyboard type a non-breaking space after `title:`, a full-width colon in
`title：`, an em dash for `---`. YAML reads none of them as what they look like, and its
own error came lines later ("the value of 'date:' ends with ':'" for an NBSP after
`title:`), or showed a Python escape ('\\xa0\\xa0author'). `check` names the character on
its line, and the fix, typed as it says, checks clean.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_project, run_here, tiny_png

LINES = [
    "---",
    "title: Harbour reopens",
    "date: 2025-06-01T10:00:00Z",
    "country: France",
    "credits:",
    "  author: Desk",
    "---",
    "The harbour reopened on Monday.",
]


def newsroom(tmp_path: Path, changed: dict[int, str]) -> Path:
    """A newsroom whose one story has its file lines `changed` (1-based) typed so."""
    project = make_project(tmp_path / "project")
    lines = [changed.get(number, line) for number, line in enumerate(LINES, start=1)]
    (project / "content/harbour.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


def errors(project: Path) -> list[tuple[str, str]]:
    """(message line, fix line) of each error `check` prints."""
    result = run_here("check", cwd=project)
    assert "Traceback" not in result.stderr
    out = result.stdout.splitlines()
    return [(line, out[n + 1].strip()) for n, line in enumerate(out) if ": error: " in line]


NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("line", "typed", "said"),
    [
        (2, f"title:{NBSP}Harbour reopens", "the space after 'title:' is a non-breaking space"),
        (4, f"country:{NBSP}France", "the space after 'country:' is a non-breaking space"),
        (6, f"  author:{NBSP}Desk", "the space after 'author:' is a non-breaking space"),
        (6, f"{NBSP}{NBSP}author: Desk", "this line is indented with a non-breaking space"),
        (6, f" {NBSP}author:\u3000Desk", "this line is indented with a non-breaking space"),
        (2, f"title{NBSP}: Harbour reopens", "the space between 'title' and its colon is a non"),
        (6, f"  author {NBSP}:{NBSP}Desk", "the space between 'author' and its colon is a non"),
        (2, "title\uff1a Harbour reopens", "the colon after 'title' is a full-width colon '："),
        (4, "country\uff1aFrance", "the colon after 'country' is a full-width colon '：'"),
        (5, "credits\ufe55", "the colon after 'credits' is a small colon '﹕' (U+FE55)"),
    ],
)
def test_a_look_alike_space_or_colon_is_named_on_its_line_and_its_fix_checks_clean(
    tmp_path: Path, line: int, typed: str, said: str
) -> None:
    project = newsroom(tmp_path, {line: typed})
    [(message, fix)] = errors(project)
    assert message.startswith(f"content/harbour.md:{line}: error: {said}"), message
    assert "\\x" not in message + fix and "\\u" not in message + fix  # no Python escape
    assert "YAML does not read as" in message or "YAML reads as part of" in message
    fixed = re.fullmatch(r"fix: .*?: '(.*)'", fix)
    assert fixed is not None, fix
    assert fixed[1] == LINES[line - 1]  # the line as it should be typed
    project = newsroom(tmp_path / "again", {line: fixed[1]})
    assert errors(project) == []


@pytest.mark.parametrize("field", ["  src: harbour.png", "  alt: The quay", "    text: Monday."])
def test_a_look_alike_after_a_pictures_or_a_corrections_field_is_named_on_its_line(
    tmp_path: Path, field: str
) -> None:
    """A picture's fields and a correction's `text:` are fields too: a non-breaking space
    after their colon got YAML's error on the next line ('could not find expected ':''), or
    for `src:` a fix quoting `alt:`'s value, which, followed, left the space where it was."""
    project = newsroom(tmp_path, {})
    (project / "content/harbour.png").write_bytes(tiny_png())
    story = project / "content/harbour.md"
    good = story.read_text("utf-8").replace(
        "  author: Desk\n",
        "  author: Desk\nimage:\n  src: harbour.png\n  alt: The quay\ncorrections:\n"
        "  - date: 2025-06-02T10:00:00Z\n    text: Monday.\n",
    )
    number = good.split("\n").index(field) + 1
    story.write_text(good.replace(field, field.replace(": ", f":{NBSP}")), "utf-8")
    [(message, fix)] = errors(project)
    key = field.strip().partition(":")[0]
    assert message.startswith(
        f"content/harbour.md:{number}: error: the space after '{key}:' is a non-breaking space"
    ), message
    assert fix == f"fix: retype the space with the space bar: '{field}'"
    story.write_text(good, "utf-8")  # the fix followed
    assert errors(project) == []


def test_a_non_breaking_space_in_a_value_is_kept_as_typed(tmp_path: Path) -> None:
    """Only the structure is read: a value ('10\u00a0km', a summary's text) keeps it."""
    project = newsroom(
        tmp_path, {2: f"title: Harbour reopens 10{NBSP}km away", 4: "country: France"}
    )
    project_file = project / "content/harbour.md"
    text = project_file.read_text("utf-8").replace(
        "country: France", f"country: France\nsummary: |\n  Note:{NBSP}the quay\n  is open."
    )
    project_file.write_text(text, encoding="utf-8")
    assert errors(project) == []


@pytest.mark.parametrize(
    ("fence", "named"),
    [
        ("\u2014", "'—' (an em dash, which a word processor makes of the hyphens of '---')"),
        ("\u2013\u2013\u2013", "'–––' (en dashes, which a word processor makes of"),
        ("\u2014-", "'—-' (an em dash, which"),
        ("----", "'----' (4 dashes)"),
    ],
)
def test_a_fence_typed_with_other_dashes_is_named_on_its_line_with_both_lines_to_fix(
    tmp_path: Path, fence: str, named: str
) -> None:
    project = newsroom(tmp_path, {1: fence, 7: fence})
    [(message, fix)] = errors(project)
    assert message.startswith(
        f"content/harbour.md:1: error: the file does not start with a front-matter block: "
        f"line 1 is {named}"
    ), message
    assert message.endswith("the front matter starts with a line of exactly three hyphens, '---'")
    assert fix == "fix: write '---' (three hyphens) on line 1, and on line 7, which closes it"
    project = newsroom(tmp_path / "again", {})  # both lines typed as the fix says
    assert errors(project) == []


@pytest.mark.parametrize(
    ("fence", "named"),
    [
        ("...", "'...' (YAML's mark for the end of a document, not of front matter)"),
        ("\u2026", "'…' (an ellipsis, which a word processor makes of YAML's '...')"),
        ("\u2014", "'—' (an em dash, which a word processor makes of the hyphens of '---')"),
    ],
)
def test_a_closing_fence_typed_otherwise_is_named_on_its_line(
    tmp_path: Path, fence: str, named: str
) -> None:
    project = newsroom(tmp_path, {7: fence})
    [(message, fix)] = errors(project)
    assert message == (
        f"content/harbour.md:7: error: front matter is never closed: line 7 is {named}, and "
        "the front matter ends with a line of exactly three hyphens, '---'"
    )
    assert fix == "fix: write '---' (three hyphens) on line 7"


def test_a_non_breaking_space_in_the_author_registry_is_named_on_its_line(tmp_path: Path) -> None:
    """authors.yaml is read as front matter is: `bio:` with a non-breaking space after it
    was "'Asha Rao' must have fields ... or none", whose fix the editor had already typed."""
    project = newsroom(tmp_path, {6: "  author: Asha Rao"})
    registry = project / "authors.yaml"
    registry.write_text(f"Asha Rao:\n  bio:{NBSP}Science desk.\n", encoding="utf-8")
    [(message, fix)] = errors(project)
    assert message.startswith(
        "authors.yaml:2: error: the space after 'bio:' is a non-breaking space (U+00A0)"
    ), message
    assert fix == "fix: retype the space with the space bar: '  bio: Science desk.'"
    registry.write_text("Asha Rao:\n  bio: Science desk.\n", encoding="utf-8")
    assert errors(project) == []


@pytest.mark.parametrize(
    ("typed", "said", "fix"),
    [
        (
            f'title ={NBSP}"Test Desk"',
            "this line holds a non-breaking space (U+00A0), which TOML does not read as a space",
            'retype the space with the space bar: title = "Test Desk"',
        ),
        (
            'title \uff1d "Test Desk"',
            "this line holds a full-width equals sign '＝' (U+FF1D), which TOML does not read "
            "as '='",
            "type '=' in its place: title = \"Test Desk\"",
        ),
    ],
)
def test_a_look_alike_around_a_settings_equals_sign_is_named_on_its_line(
    tmp_path: Path, typed: str, said: str, fix: str
) -> None:
    """The settings were "this line is not valid TOML: Invalid value", with a fix showing a
    line the editor had typed (to the eye)."""
    project = newsroom(tmp_path, {})
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('title = "Test Desk"', typed), encoding="utf-8")
    result = run_here("check", cwd=project)
    assert result.returncode == 2
    assert f"pyproject.toml:2: error: {said}\n    fix: {fix}\n" in result.stderr, result.stderr
    settings.write_text(text.replace('title = "Test Desk"', fix.split(": ", 1)[1]), "utf-8")
    assert run_here("check", cwd=project).returncode == 0
