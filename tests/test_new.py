"""`newsdigest new`: a new article file that `check` accepts, never over an existing one."""

from __future__ import annotations

import re
import shlex
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml
from conftest import make_project, run_here


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def new(project: Path, *args: str) -> tuple[int, str, str]:
    result = run_here("new", *args, cwd=project)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout.strip(), result.stderr


def test_new_article_is_dated_now_named_after_its_title_and_passes_check(project: Path) -> None:
    title = 'Floods in Assam: "worst in decades" — #2 [update] & more'
    status, printed, _ = new(project, title, "--country", "ind", "--tags", "Climate, Floods,")
    assert status == 0
    path = project / printed
    assert re.fullmatch(
        r"content/\d{4}/\d{2}/floods-in-assam-worst-in-decades-2-update-more\.md", printed
    )
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert front["title"] == title
    assert front["country"] == "India"
    assert front["tags"] == ["Climate", "Floods"]
    assert front["credits"]["author"]
    assert front["draft"] is True  # published only once the editor deletes the line
    written = datetime.fromisoformat(str(front["date"]))
    assert written.utcoffset() == timedelta(0)  # the test site's timezone is UTC
    assert abs(datetime.now().astimezone() - written) < timedelta(minutes=5)
    assert printed.startswith(f"content/{written:%Y}/{written:%m}/")

    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    # the placeholder, and the site with no published story (prober3 L10)
    assert "checked 1 article: no errors, 2 warnings\n" in checked.stdout
    assert "no article here is published (1 draft)" in checked.stdout
    assert checked.stdout.endswith("held back: 1 draft\n")

    text = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    path.write_text(text[: text.rindex("---\n") + 4] + "Rivers rose overnight.\n", "utf-8")
    checked = run_here("check", cwd=project)
    assert checked.stdout.strip() == "checked 1 article: no errors"


def test_a_new_story_is_a_draft_and_its_placeholder_stops_it_once_published(
    project: Path,
) -> None:
    """As Hugo's archetypes: `new` writes `draft: true`, so the placeholder never reaches
    the site or the feeds; while it is a draft the placeholder is a warning, and a story
    published with it still there is an error on its line for check and build."""
    status, printed, said = new(project, "Floods in Assam", "--country", "India")
    assert status == 0
    assert "it is a draft: write the story in place of 'Write the story here.', then " in said
    assert "delete the line 'draft: true' to publish it" in said
    path = project / printed
    text = path.read_text(encoding="utf-8")
    assert "\ndraft: true\n" in text
    body_line = text.count("\n", 0, text.rindex("---\n")) + 2
    assert text.splitlines()[body_line - 1].startswith("Write the story here.")

    checked = run_here("check", cwd=project)
    assert checked.returncode == 0
    assert checked.stdout.startswith(f"{printed}:{body_line}: warning: the placeholder text")
    assert "this draft cannot be published until it is replaced" in checked.stdout
    out = project.parent / "site"
    built = run_here("build", "--output", str(out), cwd=project)
    assert built.returncode == 0 and not list(out.rglob("floods-in-assam"))

    # Published (draft line deleted) with the placeholder still there: an error, nothing
    # built; a story written above it still publishes it, re-wrapped or re-cased.
    head = text[: text.rindex("---\n") + 4].replace("draft: true\n", "")
    path.write_text(head + "Rivers rose overnight.\n\nwrite the\nStory here.\n", "utf-8")
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    for command in (("check",), ("build", "--output", str(out))):
        result = run_here(*command, cwd=project)
        assert result.returncode == 1, result.stdout + result.stderr
        said = result.stdout + result.stderr
        assert f"{printed}:{body_line + 1}: error: the placeholder text" in said
        assert "would be published as the story" in said and "'draft: true'" in said
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before

    path.write_text(head + "Rivers rose overnight. Here is the story.\n", "utf-8")
    checked = run_here("check", cwd=project)
    assert "warning" not in checked.stdout and checked.returncode == 0
    built = run_here("build", "--output", str(out), cwd=project)
    assert built.returncode == 0 and "warning" not in built.stderr
    assert list(out.rglob("floods-in-assam/index.html"))


def test_every_placeholder_sentence_new_wrote_stops_the_story_once_published(
    project: Path,
) -> None:
    """`new` writes the story's place and a tip after it: an editor who writes the story
    over 'Write the story here.' alone, as told, still has the tip in the body; it is an
    error on its line, not the published story and its summary (curled quotes too)."""
    status, printed, _ = new(project, "Storm hits coast", "--country", "India")
    assert status == 0
    path = project / printed
    text = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    body_line = text.count("\n", 0, text.rindex("---\n")) + 2
    written = text.replace("Write the story here.", "A storm hit the coast today.")
    for body in (written, written.replace("'summary:'", "‘summary:’")):
        path.write_text(body, encoding="utf-8")
        checked = run_here("check", cwd=project)
        assert checked.returncode == 1, checked.stdout
        assert checked.stdout.startswith(
            f"{printed}:{body_line}: error: the placeholder text from `newsdigest new` is "
            "still here (\"The first paragraph is the summary unless you add 'summary:'.\")"
        )
    path.write_text(written.split("today.")[0] + "today.\n", encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0


def test_without_a_git_user_name_new_says_which_byline_it_wrote(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(project.parent))  # no ~/.gitconfig: no user.name
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    status, printed, said = new(project, "Floods in Assam", "--country", "India")
    assert status == 0
    assert "the byline is 'Newsroom': git has no user name here" in said
    assert '--author "Name"' in said
    status, printed, said = new(project, "Ferry strike", "--country", "IN", "--author", "Asha Rao")
    assert status == 0 and "byline" not in said
    front = yaml.safe_load((project / printed).read_text(encoding="utf-8").split("---\n")[1])
    assert front["credits"]["author"] == "Asha Rao"
    status, _, said = new(project, "Ferry strike 2", "--author", "  ")
    assert status == 2 and "--author is empty" in said


def test_new_article_uses_the_site_timezone(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p").resolve()
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text().replace('"UTC"', '"Asia/Kolkata"'))
    status, printed, _ = new(project, "Monsoon arrives", "--country", "IN")
    assert status == 0
    text = (project / printed).read_text(encoding="utf-8")
    assert re.search(r"^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$", text, re.MULTILINE)


def test_new_refuses_to_overwrite(project: Path) -> None:
    status, printed, _ = new(project, "Budget day", "--country", "NZ")
    assert status == 0
    path = project / printed
    path.write_text(path.read_text() + "\nThe editor's words.\n", encoding="utf-8")
    before = path.read_bytes()
    status, _, stderr = new(project, "Budget day", "--country", "NZ")
    assert status == 2
    assert "already exists" in stderr and printed in stderr
    assert path.read_bytes() == before


def test_a_second_headline_with_the_same_file_name_is_told_the_slug_to_give(
    project: Path,
) -> None:
    """Tester 4, F2: a follow-up whose headline makes a taken file name is told the command
    that works (`--slug NAME-2`), not "choose another title"; pasted, it writes the story."""
    status, printed, _ = new(project, "Floods in Assam", "--country", "India")
    assert status == 0
    status, _, stderr = new(project, "Floods in Assam!", "--country", "India")
    assert status == 2
    command = "newsdigest new 'Floods in Assam!' --country India --slug floods-in-assam-2"
    assert command in stderr, stderr
    assert "choose another title" not in stderr
    status, second, stderr = new(project, *shlex.split(command)[2:])
    assert status == 0, stderr
    assert second == printed.replace("floods-in-assam.md", "floods-in-assam-2.md")
    assert "title: Floods in Assam!" in (project / second).read_text(encoding="utf-8")


def test_the_taken_names_command_repeats_the_byline_and_the_site(project: Path) -> None:
    """prober5 P7: the command to paste dropped --author (the story then had the default
    byline) and --site (typed from another folder, it reached no site)."""
    site = str(project)
    assert new(project, "Floods in Assam", "--country", "India")[0] == 0
    elsewhere = project.parent
    result = run_here(
        "new", "Floods in Assam", "--site", site, "--country", "India", "--author", "Desk",
        cwd=elsewhere,
    )  # fmt: skip
    assert result.returncode == 2
    command = next(c for c in result.stderr.split(": ") if c.startswith("newsdigest new"))
    command = command.split("; ")[0]
    assert "--author Desk" in command and f"--site {shlex.quote(site)}" in command, command
    again = run_here(*shlex.split(command)[1:], cwd=elsewhere)
    assert again.returncode == 0, again.stderr
    written = (project / again.stdout.strip()).read_text(encoding="utf-8")
    assert "author: Desk" in written


def test_unknown_country_is_refused_with_a_suggestion(project: Path) -> None:
    status, printed, stderr = new(project, "Storm", "--country", "Inda")
    assert status == 2
    assert printed == ""
    assert "did you mean 'India'?" in stderr
    assert not list((project / "content").rglob("*.md"))


def test_without_country_check_says_what_to_fill_in(project: Path) -> None:
    status, printed, stderr = new(project, "Storm warning")
    assert status == 0
    assert "country" in stderr
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    assert checked.stdout.startswith(f"{printed}:5: error: country is empty")


def test_the_placeholder_is_reported_with_the_errors_that_stop_the_article(
    project: Path,
) -> None:
    """One run shows every problem of the new article: the missing country (an error that
    stops it), a broken front matter, and the placeholder story still there."""
    status, printed, _ = new(project, "Floods in Assam")  # no --country
    assert status == 0
    path = project / printed
    text = path.read_text(encoding="utf-8")
    body_line = text.count("\n", 0, text.rindex("---\n")) + 2
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    problems = [line for line in checked.stdout.splitlines() if line.startswith(printed)]
    assert [p.split(": ")[1] for p in problems] == ["error", "warning"], checked.stdout
    assert problems[1].startswith(f"{printed}:{body_line}: warning: the placeholder text")
    assert checked.stdout.splitlines()[-1] == "1 error, 1 warning"

    path.write_text(text.replace("title: ", "title: Floods: ", 1), encoding="utf-8")
    checked = run_here("check", cwd=project)
    problems = [line for line in checked.stdout.splitlines() if line.startswith(printed)]
    assert [p.split(": ")[1] for p in problems] == ["error", "warning"], checked.stdout
    assert problems[1].startswith(f"{printed}:{body_line}: warning: the placeholder text")


def test_new_writes_the_storys_language_and_its_page_is_in_it(project: Path) -> None:
    """`new --language ur` for an Urdu headline: the `language:` line under the date, and
    the built page is Urdu, right to left."""
    status, printed, _ = new(project, "کراچی میں بارش", "--country", "PK", "--language", "ur")
    assert status == 0
    lines = (project / printed).read_text(encoding="utf-8").splitlines()
    assert lines[4] == "language: ur"
    (project / printed).write_text(
        "\n".join(lines[:-1]).replace("draft: true\n", "") + "\nبارش جاری ہے۔\n",
        encoding="utf-8",
    )
    out = project.parent / "site"
    built = run_here("build", "--output", str(out), cwd=project)
    assert built.returncode == 0, built.stderr
    (page,) = out.rglob("khrchy-myn-brsh/index.html")
    assert re.search(r'<html lang="ur" dir="rtl">', page.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("typed", "meant"), [("en_US", "en-US"), ("Urdu", "ur")])
def test_new_refuses_a_language_the_field_would_refuse(
    project: Path, typed: str, meant: str
) -> None:
    status, printed, stderr = new(project, "Storm", "--country", "PK", "--language", typed)
    assert status == 2
    assert printed == ""
    assert f"language '{typed}'" in stderr and f"did you mean '{meant}'?" in stderr
    assert not list((project / "content").rglob("*.md"))


def test_a_headline_in_another_script_gets_a_slug_chosen_with_new(project: Path) -> None:
    """`newsdigest new "کراچی میں بارش"` (tester 2, L10): without --slug, new says at once
    what check would (the file's name is the computer's spelling); with --slug the file is
    named so, and check says nothing of its address; a slug not in slug form is refused."""
    title = "کراچی میں بارش"
    plain = run_here("new", title, "--country", "PK", "--language", "ur", cwd=project)
    assert plain.returncode == 0, plain.stderr
    assert "warning: the story's address would be 'khrchy-myn-brsh'" in plain.stderr
    # Tester 4, F4: no example slug of another story that reads as a proposed value.
    assert "karachi" not in plain.stderr
    assert "add the line 'slug: your-words' under the title" in plain.stderr
    assert "--slug your-words" in plain.stderr
    Path(project / plain.stdout.strip()).unlink()
    chosen = run_here(
        "new", title, "--country", "PK", "--language", "ur", "--slug", "karachi-rain", cwd=project
    )
    assert chosen.returncode == 0 and "address would be" not in chosen.stderr
    assert chosen.stdout.strip().endswith("/karachi-rain.md")
    checked = run_here("check", cwd=project)
    assert "the slug" not in checked.stdout + checked.stderr, checked.stdout
    refused = run_here("new", title, "--slug", "Karachi Rain", cwd=project)
    assert refused.returncode == 2
    assert "--slug 'Karachi Rain': a slug is lower-case letters" in refused.stderr
    assert refused.stderr.rstrip().endswith("--slug karachi-rain")


@pytest.mark.parametrize("order", ["before", "after"])
def test_a_headline_starting_with_a_dash_is_told_to_follow_two_dashes(
    project: Path, order: str
) -> None:
    """Tester 4, F3: `new "-rf"` read the headline as an option and said the title was
    missing; the error now gives the command with `--` before it, which writes the story."""
    args = ["-rf", "--country", "India"] if order == "before" else ["--country", "India", "-rf"]
    status, printed, stderr = new(project, *args)
    assert status == 2 and printed == ""
    command = "newsdigest new --country India -- -rf"
    assert "the headline '-rf' starts with '-'" in stderr and command in stderr, stderr
    assert "required" not in stderr
    status, printed, stderr = new(project, *shlex.split(command)[2:])
    assert status == 0, stderr
    assert "title: -rf" in (project / printed).read_text(encoding="utf-8")


def test_a_missing_headline_is_still_said_to_be_missing(project: Path) -> None:
    status, _, stderr = new(project, "--country", "India")
    assert status == 2
    assert "the following arguments are required: title" in stderr


def test_a_tab_in_the_headline_is_written_as_a_space_with_a_note(project: Path) -> None:
    """Tester 4, F5: the headline's tab (a line break, a run of spaces) becomes one space,
    and new says so, with the line it wrote; a plain headline gets no note."""
    status, printed, stderr = new(project, "Tab\there", "--country", "India")
    assert status == 0
    assert "title: Tab here\n" in (project / printed).read_text(encoding="utf-8")
    assert "note: the headline's tab is written as one space" in stderr, stderr
    assert "title: Tab here; edit that line" in stderr
    status, _, stderr = new(project, "Plain headline", "--country", "India")
    assert status == 0
    assert "note:" not in stderr, stderr


@pytest.mark.parametrize(
    ("typed", "written", "said"),
    [
        ("  Leading and trailing  ", "Leading and trailing", "spaces before and after"),
        ("Zero\u200bwidth", "Zerowidth", "invisible character, a zero-width space (U+200B)"),
    ],
)
def test_every_change_to_the_headline_is_noted(
    project: Path, typed: str, written: str, said: str
) -> None:
    """prober5 P35: spaces at the ends were left out without a word, and a zero-width
    space kept without one (check warns of it at once): each change is now said."""
    status, printed, stderr = new(project, typed, "--country", "India")
    assert status == 0, stderr
    assert f"title: {written}\n" in (project / printed).read_text(encoding="utf-8")
    assert f"note: the headline's {said}" in stderr or f"note: the {said}" in stderr, stderr
    assert f"title: {written}; edit that line" in stderr, stderr
    assert "invisible character" not in run_here("check", cwd=project).stdout


def test_no_break_spaces_in_the_headline_are_kept_without_a_note(project: Path) -> None:
    """prober5 P35: no-break spaces (French typography before ':' and '?', '10 km') were
    written as plain spaces."""
    typed = "Pourquoi\u202f? 10\u00a0km à pied"
    status, printed, stderr = new(project, typed, "--country", "France")
    assert status == 0, stderr
    assert f"title: {typed}\n" in (project / printed).read_text(encoding="utf-8")
    assert "note:" not in stderr, stderr
