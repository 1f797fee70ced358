"""A link to a place in another story (`../06/floods.md#results`,
`/2025/06/20/floods/#results`) names an id that story's page has: a misspelt one is an
error on the link's line with "did you mean", in `check` and in a build that reuses the
last build's work, as a misspelt `#id` inside one story is said.
"""

from __future__ import annotations

from pathlib import Path

from conftest import BASE_URL, edit, make_project, run_here, write_article

FLOODS = "title: Floods\ndate: 2025-06-20T10:00:00Z\ncountry: UK\ncredits:\n  author: Desk\n"
LINKER = "title: Linker\ndate: 2025-06-21T10:00:00Z\ncountry: UK\ncredits:\n  author: Desk\n"
FLOODS_BODY = "Intro.[^1]\n\n## Results {#results}\n\nText.\n\n[^1]: A note.\n"
LINKS = """\
See [the results](../06/floods.md#results).

And [by path](/2025/06/20/floods/#results), [a note](../06/floods.md#fn:1),
[top](/2025/06/20/floods/#top).
"""


def test_a_misspelt_place_in_another_story_is_an_error_on_the_links_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/floods.md", FLOODS, FLOODS_BODY)
    linker = write_article(project, "2025/06/linker.md", LINKER, LINKS)
    first = run_here("build", cwd=project)
    assert first.returncode == 0, first.stderr
    assert "goes to no place" not in first.stdout + first.stderr
    edit(linker, "floods.md#results", "floods.md#resluts")
    edit(linker, "/floods/#results", "/floods/#Results")
    checked = run_here("check", cwd=project)
    again = run_here("build", cwd=project)
    assert checked.returncode != 0 and again.returncode != 0
    for output in (checked.stdout + checked.stderr, again.stdout + again.stderr):
        for line, fragment in [(8, "resluts"), (10, "Results")]:
            assert (
                f"content/2025/06/linker.md:{line}: error: the link to '#{fragment}' in the "
                "story content/2025/06/floods.md goes to no place in it: its page has no id "
                f"'{fragment}'"
            ) in output, output
        assert "fix: did you mean #results? Write #results in the link" in output
        assert output.count("goes to no place") == 2, output


def test_a_story_whose_place_is_renamed_breaks_the_unchanged_links_to_it(tmp_path: Path) -> None:
    """The linking story is unchanged: a build that reuses the last build's work still
    checks its link against the edited story's ids."""
    project = make_project(tmp_path / "p")
    floods = write_article(project, "2025/06/floods.md", FLOODS, FLOODS_BODY)
    write_article(project, "2025/06/linker.md", LINKER, LINKS)
    first = run_here("build", cwd=project)
    assert first.returncode == 0, first.stderr
    edit(floods, "{#results}", "{#outcome}")
    again = run_here("build", cwd=project)
    said = again.stdout + again.stderr
    assert again.returncode != 0, said
    assert (
        "content/2025/06/linker.md:8: error: the link to '#results' in the story "
        "content/2025/06/floods.md goes to no place in it"
    ) in said
    assert "fix: link to one of the places the story has: " in said
    assert "#outcome" in said.partition("places the story has: ")[2].splitlines()[0]


def test_a_story_edited_to_have_no_ids_breaks_the_unchanged_links_to_it(tmp_path: Path) -> None:
    """The edited story now has no id at all (its {#results} and its footnote deleted): a
    build that reuses the last build's work stops with the errors check and a clean build
    give, not publishing links to places the page no longer has."""
    project = make_project(tmp_path / "p")
    floods = write_article(project, "2025/06/floods.md", FLOODS, FLOODS_BODY)
    write_article(project, "2025/06/linker.md", LINKER, LINKS)
    first = run_here("build", cwd=project)
    assert first.returncode == 0, first.stderr
    floods.write_text(floods.read_text().split("Intro.")[0] + "Intro.\n\n## Results\n\nText.\n")
    checked = run_here("check", cwd=project)
    again = run_here("build", cwd=project)
    assert checked.returncode != 0 and again.returncode != 0, again.stdout + again.stderr
    for said in (checked.stdout + checked.stderr, again.stdout + again.stderr):
        for line, fragment in [(8, "results"), (10, "fn:1")]:
            assert (
                f"content/2025/06/linker.md:{line}: error: the link to '#{fragment}' in the "
                "story content/2025/06/floods.md goes to no place in it"
            ) in said, said
    assert "site was not changed" in again.stdout + again.stderr
    assert (
        "fix: the story has no footnote [^1]: link to the story without '#fn:1'"
    ) in checked.stdout + checked.stderr


def test_a_place_named_by_the_sites_own_full_address_is_checked(tmp_path: Path) -> None:
    """A link to another story written as the site's full address (base_url's host and
    path) with a misspelt #id is the same error as its /path/ form, in check, a clean
    build and a build that reuses the last one's work; another site's address is not."""
    project = make_project(tmp_path / "p")
    base = BASE_URL.rstrip("/")
    write_article(project, "2025/06/floods.md", FLOODS, FLOODS_BODY)
    linker = write_article(
        project,
        "2025/06/linker.md",
        LINKER,
        f"See [the results]({base}/2025/06/20/floods/#results) and "
        "[elsewhere](https://other.example.net/2025/06/20/floods/#nowhere).\n",
    )
    first = run_here("build", cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    edit(linker, "floods/#results", "floods/#resluts")
    checked = run_here("check", cwd=project)
    again = run_here("build", cwd=project)
    clean = run_here("build", "--output", str(tmp_path / "clean"), cwd=project)
    for run in (checked, again, clean):
        said = run.stdout + run.stderr
        assert run.returncode != 0, said
        assert (
            "content/2025/06/linker.md:8: error: the link to '#resluts' in the story "
            "content/2025/06/floods.md goes to no place in it"
        ) in said, said
        assert "fix: did you mean #results?" in said and "nowhere" not in said, said
