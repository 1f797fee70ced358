"""Small slips an editor makes outside the YAML itself, each named in words they act on:
a story saved as UTF-16 ("Unicode" in Notepad and Word), a date written 31/12/2025 or with
the en dashes Word's AutoCorrect types, a setting's text written without quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

from generator.config import Settings
from generator.load.content import read_document
from generator.load.validate import validate

STORY = """\
title: Storm hits the coast
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Asha Rao
"""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_story_saved_as_utf16_is_named_so_with_how_to_save_it_as_utf8(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "story.md"
    path.write_bytes(f"---\n{STORY}---\nBody.\n".encode(encoding))
    doc, [problem] = read_document(path, "story.md", 1_000_000)
    assert doc is None
    assert problem.line == 1
    assert problem.message.startswith("the file is saved as UTF-16")
    assert "save it again as UTF-8" in problem.hint
    assert "byte 0" not in problem.message and "NUL" not in problem.message


@pytest.mark.parametrize(
    ("typed", "fix"),
    [
        ("31/12/2025", "31/12/2025 is day/month/year; "),
        ("12/31/2025", "12/31/2025 is month/day/year; "),
        ("31.12.2025", "31.12.2025 is day.month.year; "),
        ("2025–12–31", "the date has '–' (en dash) where '-' (a hyphen) is needed: "),
        ("2025—12—31", "the date has '—' (em dash) where '-' (a hyphen) is needed: "),
        ("2025/12/31", "the date has '/' where '-' (a hyphen) is needed: "),
    ],
)
def test_a_date_in_another_form_is_answered_with_the_iso_date_meant(
    tmp_path: Path, typed: str, fix: str
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "story.md").write_text(
        f"---\n{STORY.replace('2025-06-20T10:00:00+05:30', typed)}---\nBody.\n", encoding="utf-8"
    )
    doc, problems = read_document(content / "story.md", "story.md", 1_000_000)
    assert doc is not None, problems
    article, problems = validate(doc, Settings(timezone="Asia/Kolkata"), content)
    [problem] = [p for p in problems if p.severity == "error"]
    assert problem.line == 3
    assert problem.hint.startswith(fix)
    assert problem.hint.endswith("write 2025-12-31")


def test_a_date_that_is_a_day_either_way_round_names_both(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "story.md").write_text(
        f"---\n{STORY.replace('2025-06-20T10:00:00+05:30', '01/02/2025')}---\nBody.\n",
        encoding="utf-8",
    )
    doc, _ = read_document(content / "story.md", "story.md", 1_000_000)
    assert doc is not None
    _, [problem] = validate(doc, Settings(timezone="Asia/Kolkata"), content)
    assert problem.hint == (
        "01/02/2025 can be read two ways, and newsdigest reads dates written year-month-day: "
        "write 2025-02-01 if it is day/month/year (as most of the world writes it) or "
        "2025-01-02 if it is month/day/year (as the US writes it)"
    )


def test_a_setting_written_without_quotes_is_shown_with_its_own_value_quoted(
    tmp_path: Path,
) -> None:
    root = tmp_path / "site"
    write_article(root, "2025/06/story.md", STORY)
    (root / "newsdigest.toml").write_text(
        'title = "Daily News"\nbase_url = "https://example.org/news/"\ntimezone = Asia/Kolkata\n',
        encoding="utf-8",
    )
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        "newsdigest.toml:3: error: the value of timezone is text written without "
        "quotes, which TOML cannot read",
        '    fix: put it in double quotes: timezone = "Asia/Kolkata"',
    ]


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16", "newsdigest.toml:1: error: the file is saved as UTF-16"),
        ("utf-32", "newsdigest.toml:1: error: the file is saved as UTF-32"),
        ("cp1252", "newsdigest.toml:2: error: the file is not UTF-8 text: byte 0xe9 on this"),
    ],
)
def test_a_settings_file_not_saved_as_utf8_is_named_as_a_story_is(
    tmp_path: Path, encoding: str, said: str
) -> None:
    """Notepad's "Unicode" (UTF-16), UTF-32 or Windows-1252 newsdigest.toml: the encoding
    named with how to save it as UTF-8, never Python's codec message."""
    (tmp_path / "content").mkdir()
    settings = 'base_url = "https://x.org/"\ntitle = "Café"\n'
    (tmp_path / "newsdigest.toml").write_bytes(settings.encode(encoding))
    result = run_here("check", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert said in result.stderr + result.stdout
    assert "codec" not in result.stderr and "save it again as UTF-8" in result.stderr


def test_every_line_holding_a_noncharacter_or_control_character_is_named(
    tmp_path: Path,
) -> None:
    """One error for each line that holds one, in one run, each named for what it is: a
    noncharacter (U+FFFE, U+FDEF) is not a control character from a terminal."""
    body = (
        "Body \U0001fffe here.\n\nSecond \ufdef para.\n\n| a | b |\n|---|---|\n"
        "| \ufdef | x |\n\n`code \uffff` and a bell \x07.\n"
    )
    project = make_project(tmp_path / "p")
    write_article(project, "a/one.md", STORY, body)
    result = run_here("check", cwd=project)
    said = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert [line.split(":")[1] for line in said] == ["8", "10", "14", "16"], said
    assert "the noncharacter U+1FFFE (a code point Unicode never gives a character)" in said[0]
    assert "the noncharacter U+FDEF" in said[1] and "control" not in said[1]
    assert "U+FFFF" in said[3] and "the invisible control character U+0007" in said[3]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [(("bild",), "build"), (("chek",), "check"), (("BUILD",), "build"), (("theme", "lst"), "list")],
)
def test_a_misspelt_command_names_the_command_meant(
    tmp_path: Path, typed: tuple[str, ...], meant: str
) -> None:
    """`newsdigest bild` (tester 2, L11): the usage error (status 2) ends with "did you mean
    'build'?"; a word close to no command gets the list of commands alone."""
    result = run_here(*typed, cwd=tmp_path)
    assert result.returncode == 2
    assert f"invalid choice: '{typed[-1]}'" in result.stderr
    assert result.stderr.rstrip().endswith(f"; did you mean '{meant}'?"), result.stderr
    other = run_here("zzz", cwd=tmp_path)
    assert other.returncode == 2 and "did you mean" not in other.stderr


@pytest.mark.parametrize(
    ("line", "said", "fix"),
    [
        (
            'repo_url = "github.com/org/repo"',
            "repo_url 'github.com/org/repo' must be an https URL",
            "write repo_url = 'https://github.com/org/repo'",
        ),
        (
            'repo_url = "git@github.com:org/repo.git"',
            "repo_url 'git@github.com:org/repo.git' must be an https URL",
            "write repo_url = 'https://github.com/org/repo'",
        ),
        (
            'locale = "en-GB"',
            "locale 'en-GB' must be a language and a territory",
            "write locale = 'en_GB'",
        ),
        # the language and territory typed, never another (prober, M13: all got 'en_GB')
        (
            'locale = "zh-Hant-TW"',
            "locale 'zh-Hant-TW' must be a language and a territory",
            "write locale = 'zh_TW'",
        ),
        (
            'locale = "sr-Latn-RS"',
            "locale 'sr-Latn-RS' must be a language and a territory",
            "write locale = 'sr_RS'",
        ),
        ('locale = "iw_IL"', "locale 'iw_IL' must be", "write locale = 'he_IL'"),
    ],
)
def test_a_setting_in_another_form_gets_the_line_to_write(
    tmp_path: Path, line: str, said: str, fix: str
) -> None:
    """`repo_url = "github.com/org/repo"`, `locale = "en-GB"` (tester 2, L2): the error has
    a fix: line with the value in the form the setting takes, and followed, it goes."""
    project = make_project(tmp_path / "p", line + "\n")
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    assert result.returncode == 2
    assert f"pyproject.toml:8: error: {said}" in result.stderr, result.stderr
    assert f"\n    fix: {fix}\n" in result.stderr, result.stderr
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace(line, fix.removeprefix("write ")), encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0


def test_html_or_a_line_break_in_the_site_title_or_description_is_a_warning(
    tmp_path: Path,
) -> None:
    """`title = "A <b>Bold</b> & Co"`, `description = "Line one\\nline two"` (tester 2, L3):
    warned of on their lines, as an article's headline is, with the line to write; the
    fixed settings check clean."""
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace('title = "Test Desk"', 'title = "A <b>Bold</b> & Co"')
    text = text.replace('"Stories for tests."', '"Line one\\nline two"')
    settings.write_text(text, encoding="utf-8")
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    assert result.returncode == 0
    assert (
        "pyproject.toml:2: warning: title is plain text: <b> is published as typed, on every "
        "page and feed, where many feed readers would read it as HTML\n"
        "    fix: write title = 'A Bold & Co'\n"
    ) in result.stdout, result.stdout
    assert (
        "pyproject.toml:3: warning: description holds a line break, which every page's "
        "<meta> and every feed would publish inside it: it is one line\n"
        "    fix: write description = 'Line one line two'\n"
    ) in result.stdout, result.stdout
    text = text.replace('"A <b>Bold</b> & Co"', "'A Bold & Co'")
    settings.write_text(text.replace('"Line one\\nline two"', "'Line one line two'"), "utf-8")
    again = run_here("check", cwd=project)
    assert "warning" not in again.stdout + again.stderr, again.stdout


@pytest.mark.parametrize("typed", ["fr", "es-419", "en", "zh_Hant"])
def test_a_locale_without_its_territory_gets_a_placeholder_not_another_language(
    tmp_path: Path, typed: str
) -> None:
    """`locale = 'fr'` was told to write 'en_GB' (prober, M13): the fix keeps the language
    and leaves the territory to the editor, as a placeholder the check refuses."""
    project = make_project(tmp_path / "p", f'locale = "{typed}"\n')
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    assert result.returncode == 2 and "en_GB'\n" not in result.stderr, result.stderr
    language = typed[:2]
    assert f"fix: write locale = '{language}_<territory>', with the two-letter code" in (
        result.stderr
    )
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace(typed, f"{language}_<territory>"), encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 2
