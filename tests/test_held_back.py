"""An embargoed or unfinished story is never published because of a slip (tester T1):
`draft:` misspelt or in other capitals, another tool's switch (`published: false`,
`status: draft`), an `embargo:` line, `draft: true` typed below the closing '---' or
indented under `credits:`, a story saved in a drafts folder: each is an error on its line
whose fix, followed, keeps the story off the site. `correction:` for `corrections:` is an
error too (the story would go out without its correction notice)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, write_article

SECRET = "Secret body of the embargoed story.\n"
PAGE = "2025/06/01/a/index.html"


def _room(tmp_path: Path, front: str, body: str = SECRET, name: str = "a.md") -> Path:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/sun.md", STORY.replace("Monsoon", "Sun"))
    write_article(project, name, front, body)
    return project


def _published(project: Path, tmp_path: Path) -> tuple[int, str]:
    """The build's exit status, and all the text it published (pages and feeds)."""
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), cwd=project)
    text = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in out.rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json")
    )
    return built.returncode, text


@pytest.mark.parametrize(
    "typed",
    [
        "Draft: true",
        "DRAFT: yes",
        "drafts: true",
        "draf: true",
        "dratf: true",
        "darft: true",
        "isDraft: true",
        "is_draft: true",
        "published: false",
        "Published: no",
        "status: draft",
        "Status: Draft",
        "status: pending",
        "post_status: private",
        "hidden: true",
        "unpublished: true",
    ],
)
def test_a_misspelt_draft_line_or_another_tools_switch_stops_the_story(
    tmp_path: Path, typed: str
) -> None:
    project = _room(tmp_path, STORY + typed)

    checked = run_here("check", cwd=project)
    status, published = _published(project, tmp_path)

    assert checked.returncode == 1
    said = re.search(r"content/a\.md:7: error: (.*)\n    fix: (.*)", checked.stdout)
    assert said, checked.stdout
    assert "would publish this story" in said[1] or "would be published" in said[1]
    assert status == 1 and "Secret body" not in published  # nothing reached the feeds
    fixed = re.search(r"(?:rename it|in place of this line): (draft: \w+)", said[2])
    assert fixed and fixed[1] == "draft: true", said[2]

    write_article(project, "a.md", STORY + fixed[1], SECRET)  # the fix, as it is written
    assert run_here("check", cwd=project).stdout.endswith("no errors\nheld back: 1 draft\n")
    status, published = _published(project, tmp_path)
    assert status == 0 and "Secret body" not in published and "Sun Reaches" in published


def test_an_embargo_line_is_an_error_whose_fix_holds_the_story_back(tmp_path: Path) -> None:
    project = _room(tmp_path, STORY + "embargo: 2026-12-05T09:00:00Z")

    checked = run_here("check", cwd=project)

    assert "content/a.md:7: error: 'embargo: 2026-12-05T09:00:00Z' is not a field" in checked.stdout
    assert "would publish this one without waiting for the embargo" in checked.stdout
    assert "fix: delete this line and write 'draft: true'" in checked.stdout
    assert _published(project, tmp_path)[0] == 1


def test_a_switch_that_publishes_is_only_a_warning_and_the_story_goes_out(
    tmp_path: Path,
) -> None:
    project = _room(tmp_path, STORY + "published: true")

    checked = run_here("check", cwd=project)

    assert (
        "content/a.md:7: warning: 'published: true' is Jekyll's and Hexo's way of publishing "
        "a story; newsdigest publishes every story not marked 'draft: true'"
    ) in checked.stdout
    assert "fix: delete the line 'published: true'" in checked.stdout
    status, published = _published(project, tmp_path)
    assert status == 0 and "Secret body" in published


def test_a_slip_beside_draft_true_is_a_warning_the_story_is_held_back(tmp_path: Path) -> None:
    project = _room(tmp_path, STORY + "draft: true\nstatus: draft")

    checked = run_here("check", cwd=project)

    assert "content/a.md:8: warning: 'status:' is not a field newsdigest knows" in checked.stdout
    assert "fix: delete the line 'status:'" in checked.stdout
    assert checked.returncode == 0


def test_draft_true_typed_below_the_closing_line_is_an_error_on_its_line(
    tmp_path: Path,
) -> None:
    project = _room(tmp_path, STORY, "draft: true\ntags: [Politics]\n\n" + SECRET)

    checked = run_here("check", cwd=project)

    assert (
        "content/a.md:8: error: 'draft: true' is below the closing '---', so it is published "
        "as the story's text, not read as the field 'draft:' (and the story would be published)"
        "\n    fix: move the line up, above the closing '---' on line 7"
    ) in checked.stdout
    assert "content/a.md:9: error: 'tags: [Politics]' is below the closing '---'" in checked.stdout
    assert _published(project, tmp_path)[0] == 1

    write_article(project, "a.md", STORY + "draft: true\ntags: [Politics]", "\n" + SECRET)
    assert run_here("check", cwd=project).stdout.endswith("no errors\nheld back: 1 draft\n")


def test_a_body_whose_first_line_is_text_with_a_colon_is_published(tmp_path: Path) -> None:
    project = _room(tmp_path, STORY, "Update: the minister resigned.\n\nDate: Friday.\n")

    checked = run_here("check", cwd=project)

    assert checked.returncode == 0, checked.stdout
    assert "Update: the minister resigned." in _published(project, tmp_path)[1]


def test_draft_indented_under_credits_is_an_error(tmp_path: Path) -> None:
    project = _room(tmp_path, STORY + "  draft: true")

    checked = run_here("check", cwd=project)

    assert (
        "content/a.md:7: error: 'draft:' is indented under 'credits:', where it is not read, "
        "so the story would be published\n"
        "    fix: move it to the start of its line, with no spaces before it: draft: true"
    ) in checked.stdout
    write_article(project, "a.md", STORY + "draft: true", SECRET)
    assert run_here("check", cwd=project).returncode == 0


def test_draft_indented_under_credits_of_a_draft_is_a_warning_not_publishing(
    tmp_path: Path,
) -> None:
    """The story's own 'draft: true' holds it back: the indented line is a warning to
    delete, not an error saying the story would be published (it was, as first landed)."""
    project = _room(tmp_path, "draft: true\n" + STORY + "  draft: true")

    checked = run_here("check", cwd=project)

    assert checked.returncode == 0, checked.stdout
    assert (
        "content/a.md:8: warning: 'draft:' is indented under 'credits:', where it is not read; "
        "the story's 'draft: true' keeps it off the site, and once that line is gone, this one "
        "will not\n    fix: delete the line 'draft:'\n"
    ) in checked.stdout, checked.stdout
    assert "would be published" not in checked.stdout


@pytest.mark.parametrize("folder", ["drafts", "_drafts", "Drafts", "unpublished", "embargoed"])
def test_a_story_in_a_drafts_folder_without_a_draft_line_is_an_error(
    tmp_path: Path, folder: str
) -> None:
    project = _room(tmp_path, STORY, name=f"{folder}/a.md")

    checked = run_here("check", cwd=project)

    assert f"content/{folder}/a.md:1: error: this story is in {folder}/, " in checked.stdout
    assert "but newsdigest publishes every story in content/ that is not marked a draft" in (
        checked.stdout
    )
    assert "fix: add 'draft: true' to its front matter" in checked.stdout
    assert _published(project, tmp_path)[0] == 1

    write_article(project, f"{folder}/a.md", STORY + "draft: true", SECRET)
    assert run_here("check", cwd=project).stdout.endswith("no errors\nheld back: 1 draft\n")
    write_article(project, f"{folder}/a.md", STORY + "draft: false", SECRET)  # meant: publish
    assert run_here("check", cwd=project).stdout.endswith("no errors\n")
    assert "Secret body" in _published(project, tmp_path)[1]


@pytest.mark.parametrize(
    "typed", ["correction", "Corrections", "corection", "corretions", "errata"]
)
def test_a_misspelt_corrections_line_is_an_error_not_a_story_without_its_notice(
    tmp_path: Path, typed: str
) -> None:
    project = _room(tmp_path, STORY + f"{typed}: The minister's name was misspelt.")

    checked = run_here("check", cwd=project)

    assert (
        f"content/a.md:7: error: '{typed}:' is not a field newsdigest knows, so the story "
        "would be published without this correction: did you mean 'corrections:'?\n"
        "    fix: rename it 'corrections:', then write each as '- date: "
    ) in checked.stdout
    assert "indented 'text: The minister's name was misspelt.'" in checked.stdout
    assert _published(project, tmp_path)[0] == 1
    write_article(
        project,
        "a.md",
        STORY + "corrections:\n  - date: 2025-06-02T10:00:00Z\n"
        "    text: The minister's name was misspelt.",
        SECRET,
    )
    assert run_here("check", cwd=project).returncode == 0
    assert "The minister&#39;s name was misspelt." in _published(project, tmp_path)[1]


@pytest.mark.parametrize("typed", ["Draft:true", "drafts:true", "draf:true"])
def test_draft_misspelt_and_its_space_left_out_gets_one_fix_that_holds_it_back(
    tmp_path: Path, typed: str
) -> None:
    project = _room(tmp_path, STORY + typed)

    checked = run_here("check", cwd=project)

    assert (
        f"content/a.md:7: error: '{typed.partition(':')[0]}:' needs a space after the colon; "
        "without it YAML reads the whole line as text, not as a field (and the field is "
        "'draft')\n    fix: draft: true\n"
    ) in checked.stdout
    write_article(project, "a.md", STORY + "draft: true", SECRET)  # the fix, as it is written
    assert run_here("check", cwd=project).stdout.endswith("no errors\nheld back: 1 draft\n")


@pytest.mark.parametrize(
    "typed", ["published: 2025-06-01", "status: breaking", "hidden: maybe", "collections: [a]"]
)
def test_a_field_named_like_a_switch_with_another_value_is_only_an_unknown_field(
    tmp_path: Path, typed: str
) -> None:
    project = _room(tmp_path, STORY + typed)

    checked = run_here("check", cwd=project)

    key = typed.partition(":")[0]
    assert f"content/a.md:7: warning: unknown field '{key}' is ignored" in checked.stdout
    assert checked.returncode == 0


def test_a_field_line_below_the_closing_line_of_a_draft_is_an_error_without_publishing(
    tmp_path: Path,
) -> None:
    project = _room(tmp_path, STORY + "draft: true", "summary: Floods close the port.\n\nText.\n")

    out = run_here("check", cwd=project).stdout

    assert (
        "content/a.md:9: error: 'summary: Floods close the port.' is below the closing '---', "
        "so it is published as the story's text, not read as the field 'summary:'\n"
    ) in out
    write_article(project, "a.md", STORY + "draft: true", "draft: true\n\nText.\n")
    out = run_here("check", cwd=project).stdout
    assert (
        "content/a.md:9: error: 'draft: true' is below the closing '---', so it is published "
        "as the story's text, not read as the field 'draft:'\n"  # held back by line 7
    ) in out
