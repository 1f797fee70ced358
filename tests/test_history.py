"""check --base: a pull request that moves or deletes a published article is warned about."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import commit_all, git, make_project, run_here, write_article

FRONT = """title: Storm Hits the Coast
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Desk"""


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A project in git with two published articles and a draft, committed as 'main'."""
    root = make_project(tmp_path / "news")
    write_article(root, "2025/06/storm.md", FRONT)
    write_article(root, "2025/06/plans.md", FRONT.replace("Storm", "Plans") + "\ndraft: true")
    write_article(root, "2025/06/calm.md", FRONT.replace("Storm Hits", "Calm Returns to"))
    commit_all(root)
    return root


def check_against_main(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_here("check", "--base", "main", *extra, cwd=root)


def test_renaming_a_published_article_warns_and_says_how_to_keep_its_url(newsroom: Path) -> None:
    git(newsroom, "mv", "content/2025/06/storm.md", "content/2025/06/coastal-storm.md")

    result = check_against_main(newsroom)

    assert result.returncode == 0, "a warning does not fail the check"
    assert (
        "content/2025/06/coastal-storm.md:1: warning: this change moves a published "
        "article: its URL and feed GUID change (/2025/06/20/storm/ -> "
        "/2025/06/20/coastal-storm/)"
    ) in result.stdout
    assert "fix: add 'slug: storm' to keep both" in result.stdout


def test_a_renamed_article_pinned_by_slug_is_not_reported(newsroom: Path) -> None:
    git(newsroom, "mv", "content/2025/06/storm.md", "content/2025/06/coastal-storm.md")
    path = newsroom / "content/2025/06/coastal-storm.md"
    path.write_text(path.read_text().replace("country: India", "country: India\nslug: storm"))

    result = check_against_main(newsroom)

    assert result.returncode == 0
    assert "moves a published article" not in result.stdout


def test_a_new_date_warns_and_offers_to_pin_the_guid(newsroom: Path) -> None:
    path = newsroom / "content/2025/06/storm.md"
    path.write_text(path.read_text().replace("2025-06-20T10", "2025-06-21T10"))

    result = check_against_main(newsroom, "--format", "github")

    assert result.returncode == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("::warning"))
    assert "file=content/2025/06/storm.md,line=3" in line  # the date: line moved it
    assert "/2025/06/20/storm/ -> /2025/06/21/storm/" in line
    assert "id: tag:test.example,2025:2025-06-20/storm" in line


def test_deleting_a_published_article_warns_but_a_draft_does_not(newsroom: Path) -> None:
    git(newsroom, "rm", "-q", "content/2025/06/storm.md", "content/2025/06/plans.md")

    result = check_against_main(newsroom)

    assert "content/2025/06/storm.md:1: warning: deletes a published article" in result.stdout
    assert "plans.md" not in result.stdout


def test_deleting_every_article_warns_though_git_removed_the_content_folder(
    newsroom: Path,
) -> None:
    git(newsroom, "rm", "-q", "-r", "content")
    assert not (newsroom / "content").exists()  # git removes a folder left empty

    result = check_against_main(newsroom)

    assert result.returncode == 0, result.stderr
    said = result.stdout.splitlines()
    for name in ("calm", "storm"):
        assert (
            f"content/2025/06/{name}.md:1: warning: deletes a published article (its page "
            f"/2025/06/20/{name}/ will be gone)"
        ) in said
    # and the byline's and the country's pages, left with no story (test_moved_pages.py)
    assert sum("warning: this change removes the published" in x for x in said) == 2
    assert said[-1] == "checked 0 articles: no errors, 4 warnings"
    assert not (newsroom / "content").exists()  # check writes nothing


def test_an_unknown_base_is_a_usage_error(newsroom: Path) -> None:
    result = run_here("check", "--base", "no-such-branch", cwd=newsroom)

    assert result.returncode == 2
    assert "--base" in result.stderr and "Traceback" not in result.stderr


def test_a_new_date_offers_the_exact_aliases_line_and_taking_it_ends_the_warning(
    newsroom: Path,
) -> None:
    path = newsroom / "content/2025/06/storm.md"
    path.write_text(path.read_text().replace("2025-06-20T10", "2025-06-21T10"))

    result = check_against_main(newsroom)

    assert (
        "fix: a new date gives a new URL: add the line 'aliases: [/2025/06/20/storm/]' "
        "to send readers on, and add 'id: tag:test.example,2025:2025-06-20/storm' to keep "
        "the feed GUID"
    ) in result.stdout
    path.write_text(
        path.read_text().replace(
            "country: India",
            "country: India\naliases: [/2025/06/20/storm/]\n"
            "id: tag:test.example,2025:2025-06-20/storm",
        )
    )
    result = check_against_main(newsroom)
    assert result.returncode == 0, result.stdout
    assert "moves a published article" not in result.stdout


def test_an_edited_slug_line_is_pointed_at_and_told_to_be_changed_back(newsroom: Path) -> None:
    """The editor changed 'slug: storm' to 'slug: storm-moved': the warning used to point
    at line 1 and say to add a slug line the story already has."""
    path = newsroom / "content/2025/06/storm.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  author: Desk\n", "  author: Desk\nslug: storm\n"
        ),
        encoding="utf-8",
    )
    git(newsroom, "commit", "-qam", "pinned")
    edit_text = path.read_text(encoding="utf-8").replace("slug: storm", "slug: storm-moved")
    path.write_text(edit_text, encoding="utf-8")

    result = check_against_main(newsroom)

    assert (
        "content/2025/06/storm.md:7: warning: this change moves a published article: its URL "
        "and feed GUID change (/2025/06/20/storm/ -> /2025/06/20/storm-moved/)"
    ) in result.stdout
    assert (
        "fix: change the slug line back to 'slug: storm' to keep both, or add the line "
        "'aliases: [/2025/06/20/storm/]' to send readers on"
    ) in result.stdout
    assert "add 'slug:" not in result.stdout


def test_base_outside_a_git_clone_says_so_in_plain_words(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "downloaded-zip")  # the site's files, not a clone
    write_article(folder, "2025/06/storm.md", FRONT)

    result = run_here("check", "--base", "main", cwd=folder)

    assert result.returncode == 2
    assert result.stderr.startswith(
        "newsdigest: error: --base needs a git repository: this folder is not in one; "
        "run it in the newsroom's clone"
    )
    assert "Could not access" not in result.stderr and "fatal" not in result.stderr


def test_an_unknown_base_names_the_branch_and_how_to_fetch_it(newsroom: Path) -> None:
    result = run_here("check", "--base", "origin/main", cwd=newsroom)

    assert result.returncode == 2
    assert "no branch, tag or commit 'origin/main'" in result.stderr
    assert "(git fetch origin main)" in result.stderr
    assert "fatal" not in result.stderr


def test_a_renamed_article_whose_id_keeps_its_guid_is_said_to_keep_it(newsroom: Path) -> None:
    path = newsroom / "content/2025/06/storm.md"
    path.write_text(path.read_text().replace("country: India", "country: India\nid: tag:x,2020:s"))
    commit_all(newsroom)
    git(newsroom, "mv", "content/2025/06/storm.md", "content/2025/06/coastal-storm.md")

    result = check_against_main(newsroom)

    said = next(x for x in result.stdout.splitlines() if "coastal-storm.md:1: warning" in x)
    assert said.endswith(
        "this change moves a published article: its URL changes (/2025/06/20/storm/ -> "
        "/2025/06/20/coastal-storm/); links to it break (its feed GUID stays the same, so "
        "feed readers do not show it again)"
    )


@pytest.mark.parametrize("settings_file", ["pyproject.toml", "newsdigest.toml"])
def test_a_pull_request_that_changes_site_id_fails_on_that_line(
    tmp_path: Path, settings_file: str
) -> None:
    root = make_project(tmp_path / "news")
    if settings_file == "newsdigest.toml":  # a newsroom made by init: its own settings file
        settings = (root / "pyproject.toml").read_text().replace("[tool.newsdigest]\n", "")
        (root / "newsdigest.toml").write_text(settings)
        (root / "pyproject.toml").unlink()
    write_article(root, "2025/06/storm.md", FRONT)
    commit_all(root)
    settings_path = root / settings_file
    text = settings_path.read_text()
    settings_path.write_text(text.replace("test.example,2025", "news.example.org,2026"))
    line = text.splitlines().index('site_id = "test.example,2025"') + 1

    result = check_against_main(root)

    assert result.returncode == 1
    assert (
        f"{settings_file}:{line}: error: site_id was 'test.example,2025' at main; changing it "
        "gives every story a new feed ID (GUID)"
    ) in result.stdout
    assert 'fix: change it back: site_id = "test.example,2025"' in result.stdout
    github = check_against_main(root, "--format", "github")
    assert f"::error file={settings_file},line={line}," in github.stdout

    settings_path.write_text(text.replace("Test Desk", "The Test Desk"))  # another setting
    assert check_against_main(root).returncode == 0


def test_a_renamed_redated_story_pinned_as_the_fix_says_is_not_called_deleted(
    newsroom: Path,
) -> None:
    """Renamed, redated and given its old address and GUID, the short file is too changed for
    git to pair it with the old one (a deletion and an addition): it is the same story,
    found by its id: or aliases:, and with both pinned there is nothing to say."""
    git(newsroom, "mv", "content/2025/06/storm.md", "content/2025/06/2025-06-20-storm.md")
    path = newsroom / "content/2025/06/2025-06-20-storm.md"
    aliases = "aliases: [/2025/06/20/storm/]"
    pinned = f"{aliases}\nid: tag:test.example,2025:2025-06-20/storm"
    text = path.read_text().replace("2025-06-20T10", "2025-06-21T10")
    path.write_text(text.replace("country: India", f"country: India\n{pinned}"))
    commit_all(newsroom)
    diff = ["git", "diff", "--name-status", "-M", "main~1", "main"]
    changes = subprocess.run(diff, cwd=newsroom, capture_output=True, text=True).stdout
    assert "\nD\tcontent/2025/06/storm.md" in "\n" + changes, changes  # not a rename

    result = run_here("check", "--base", "main~1", cwd=newsroom)
    assert result.returncode == 0, result.stdout
    assert "deletes a published article" not in result.stdout
    assert "storm" not in result.stdout, result.stdout

    path.write_text(path.read_text().replace(pinned, aliases))  # the GUID not kept
    result = run_here("check", "--base", "main~1", cwd=newsroom)
    assert "deletes a published article" not in result.stdout
    assert (
        "content/2025/06/2025-06-20-storm.md:3: warning: this change moves a published article"
    ) in result.stdout


def test_a_new_date_with_a_new_site_id_names_the_guid_published_with_the_old_one(
    newsroom: Path,
) -> None:
    """The fix for a moved story names the GUID feed readers know, made from the site_id
    at the base, not from the one this change writes (tester4 F1)."""
    path = newsroom / "content/2025/06/storm.md"
    path.write_text(path.read_text().replace("2025-06-20T10", "2025-06-21T10"))
    settings = newsroom / "pyproject.toml"
    settings.write_text(settings.read_text().replace("test.example,2025", "news2.example,2025"))

    result = check_against_main(newsroom)

    assert "site_id was 'test.example,2025' at main" in result.stdout
    assert "'id: tag:test.example,2025:2025-06-20/storm' to keep the feed GUID" in result.stdout
    assert "news2.example,2025:2025-06-20" not in result.stdout

    text = path.read_text()  # the fix taken: no GUID warning left, only the URL's
    path.write_text(
        text.replace("country: India", "country: India\nid: tag:test.example,2025:2025-06-20/storm")
    )
    said = check_against_main(newsroom).stdout
    assert "its URL changes (/2025/06/20/storm/ -> /2025/06/21/storm/)" in said
    assert "feed GUID change" not in said


def test_a_new_id_on_a_published_story_is_told_to_go_or_hold_the_published_guid(
    newsroom: Path,
) -> None:
    """A new id: changes the GUID alone: the fix is about id:, not slug:/aliases: (F34)."""
    path = newsroom / "content/2025/06/storm.md"
    path.write_text(
        path.read_text().replace("country: India", "country: India\nid: tag:x,2025:new")
    )

    said = check_against_main(newsroom).stdout

    assert "storm.md:5: warning: this change gives a published article a new feed GUID" in said
    assert (
        "fix: delete the id: line, or write the GUID it was published with: "
        "id: tag:test.example,2025:2025-06-20/storm"
    ) in said
    assert "aliases" not in said and "slug:" not in said
    path.write_text(
        path.read_text().replace("tag:x,2025:new", "tag:test.example,2025:2025-06-20/storm")
    )
    assert "storm" not in check_against_main(newsroom).stdout


def test_an_id_line_deleted_from_a_story_is_told_to_come_back(newsroom: Path) -> None:
    path = newsroom / "content/2025/06/storm.md"
    path.write_text(path.read_text().replace("country: India", "country: India\nid: tag:x,2020:s"))
    commit_all(newsroom)
    path.write_text(path.read_text().replace("\nid: tag:x,2020:s", ""))

    said = check_against_main(newsroom).stdout

    assert "fix: add the line 'id: tag:x,2020:s' to keep the GUID it was published with" in said


def test_a_rename_not_yet_added_to_git_is_a_move_not_a_deletion(newsroom: Path) -> None:
    """`mv` before `git add` (tester4 F14): check reads the working tree, so the new file is
    the story moved; the clone's index is left as it was."""
    old, new = newsroom / "content/2025/06/storm.md", newsroom / "content/2025/06/the-storm.md"
    old.rename(new)
    before = (newsroom / ".git/index").read_bytes()

    result = check_against_main(newsroom)

    assert "deletes a published article" not in result.stdout
    assert (
        "content/2025/06/the-storm.md:1: warning: this change moves a published article"
    ) in result.stdout
    assert "fix: add 'slug: storm' to keep both" in result.stdout
    assert (newsroom / ".git/index").read_bytes() == before
    status = subprocess.run(["git", "status", "--short"], cwd=newsroom, capture_output=True)
    assert b"?? content/2025/06/the-storm.md" in status.stdout  # still not added


def test_a_new_story_not_yet_added_is_not_reported(newsroom: Path) -> None:
    write_article(newsroom, "2025/06/fresh.md", FRONT.replace("Storm Hits", "Fresh Rain in"))

    result = check_against_main(newsroom)

    assert result.returncode == 0
    assert "fresh" not in result.stdout


def test_a_published_id_edited_is_told_to_be_written_back_never_deleted(newsroom: Path) -> None:
    """prober5 P8: a story published with an `id:` whose value is then edited (the UUID in
    capitals): deleting the line would give a third GUID, so the fix is only the GUID it
    was published with."""
    path = newsroom / "content/2025/06/storm.md"
    published = "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
    path.write_text(path.read_text().replace("country: India", f"country: India\nid: {published}"))
    commit_all(newsroom)
    path.write_text(
        path.read_text().replace(published, published.upper().replace("URN:UUID", "urn:uuid"))
    )

    said = check_against_main(newsroom).stdout

    assert "storm.md:5: warning: this change gives a published article a new feed GUID" in said
    assert f"fix: write the GUID it was published with on its id: line: id: {published}" in said
    assert "delete the id: line" not in said


def test_a_story_renamed_and_rewritten_is_a_move_not_a_deletion(newsroom: Path) -> None:
    """prober5 P34: `git mv` and a new body (git's similarity below 50 %) with the same
    front matter: the same story moved, told with the slug to keep its address, not
    "deletes a published article" with "keep the file" (published twice)."""
    old = newsroom / "content/2025/06/storm.md"
    front = old.read_text().partition("\n---\n")[0]
    git(newsroom, "mv", "content/2025/06/storm.md", "content/2025/06/coast-storm.md")
    new = newsroom / "content/2025/06/coast-storm.md"
    new.write_text(front + "\n---\n" + "An entirely new account of the storm, written again.\n" * 3)

    said = check_against_main(newsroom).stdout

    assert "deletes a published article" not in said, said
    assert "coast-storm.md:1: warning: this change moves a published article" in said, said
    assert "add 'slug: storm' to keep both" in said
    new.write_text(new.read_text().replace("country: India", "country: India\nslug: storm"))
    assert "storm" not in check_against_main(newsroom).stdout


def test_a_deleted_story_beside_a_new_one_of_its_own_is_still_a_deletion(newsroom: Path) -> None:
    """prober5 P34's other side: a new story with its own headline is not the deleted one."""
    git(newsroom, "rm", "-q", "content/2025/06/calm.md")
    body = "A story of its own, on rain in the hills and what it did to the crops.\n" * 4
    fresh = FRONT.replace("Storm Hits", "Fresh Rain on").replace("India", "Nepal")
    write_article(newsroom, "2025/06/fresh.md", fresh, body)  # unlike calm.md for git too

    said = check_against_main(newsroom).stdout

    assert "calm.md:1: warning: deletes a published article" in said, said
    assert "moves a published article" not in said


def test_a_published_story_dated_ahead_is_said_to_leave_the_site_until_then(
    newsroom: Path,
) -> None:
    """prober5 P45: a year typo (2027 for 2025) on a published story: not a "move" with
    an alias to a page that will not exist for two years, but a warning that the story
    leaves the site until that date, with the date it was published with to write back."""
    path = newsroom / "content/2025/06/storm.md"
    path.write_text(path.read_text().replace("date: 2025-06-20", "date: 2027-06-20"))

    said = check_against_main(newsroom).stdout

    assert (
        "storm.md:3: warning: this change takes a published article off the site until "
        "20 Jun 2027 (its new date is ahead, so it is held back as scheduled): its page "
        "/2025/06/20/storm/ will be gone until then\n    fix: if the new date is a typo, "
        "correct it; to keep the story where it is, write back the date it was published "
        "with: date: 2025-06-20T10:00:00+05:30"
    ) in said, said
    assert "aliases" not in said and "moves a published article" not in said
    path.write_text(path.read_text().replace("date: 2027-06-20", "date: 2025-06-21"))
    assert "moves a published article" in check_against_main(newsroom).stdout  # a real move


def test_with_base_the_copy_of_a_story_is_the_file_new_since_the_base(newsroom: Path) -> None:
    """prober5 P12: which of two files of one text is the copy cannot be told from file
    times (here the copy is the older file); with --base, the one new since the base is
    the copy and is told to be deleted, the published one is not named for it."""
    old = newsroom / "content/2025/06/storm.md"
    copy = newsroom / "content/2025/06/aaa.md"
    copy.write_text(old.read_text())
    os.utime(copy, ns=(10**18, 10**18))
    os.utime(old, ns=(2 * 10**18, 2 * 10**18))
    assert "storm.md:2: warning: this story and" in run_here("check", cwd=newsroom).stdout

    said = check_against_main(newsroom).stdout

    assert (
        "content/2025/06/aaa.md:2: warning: this story is a copy of content/2025/06/storm.md "
        "(the same text, front matter and all), and new since main: it would be published "
        "twice, at /2025/06/20/storm/ and at /2025/06/20/aaa/, and in every feed\n"
        "    fix: delete this file, or write the new story in it"
    ) in said, said
    assert said.count("copy") == 1 and "storm.md:2: warning" not in said


def test_a_new_story_dated_months_back_across_new_year_is_said_in_days(newsroom: Path) -> None:
    """A story dated 2024-12-31, new beside one of 2025-06-20, is 171 days behind it, not
    '1 year' (the calendar years' difference); one dated 2016-06-21 is 8 years behind."""
    for date, back in (("2024-12-31", "171 days"), ("2016-06-21", "8 years")):
        write_article(
            newsroom,
            "2025/06/late.md",
            FRONT.replace("Storm Hits", "Late").replace("2025-06-20", date),
        )
        said = check_against_main(newsroom).stdout
        assert (
            f"late.md:3: warning: this story is new since main but dated {date}, {back} "
            "before the newest story (2025-06-20)"
        ) in said, said


def test_a_new_story_dated_years_back_is_a_warning_naming_the_year_meant(
    newsroom: Path,
) -> None:
    """Tester T15: a story new in the pull request dated `2016-...` for this year's date was
    filed deep in the archive, past the home page and the feeds' length, with no word from
    `check --base`. It is a warning on its date: line whose fix names the date in a recent
    year; followed, the check is clean. A story that was there at the base, or a draft, is
    not questioned, however old."""
    story = write_article(
        newsroom,
        "2025/06/breaking.md",
        FRONT.replace("Storm Hits", "Breaking").replace("2025-06-20", "2016-06-20"),
    )
    write_article(
        newsroom,
        "2025/06/old-draft.md",
        FRONT.replace("Storm", "Old").replace("2025-06-20", "2015-06-20") + "\ndraft: true",
    )
    said = check_against_main(newsroom).stdout
    assert (
        "content/2025/06/breaking.md:3: warning: this story is new since main but dated "
        "2016-06-20, 9 years before the newest story (2025-06-20): it is filed in the archive"
    ) in said, said
    assert "old-draft.md" not in said and "storm.md" not in said, said
    fix = said.split("fix: if the year is a slip, write date: ", 1)[1].split(";", 1)[0]
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("date: 2016-06-20T10:00:00+05:30", f"date: {fix}"), "utf-8")
    again = check_against_main(newsroom)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout
