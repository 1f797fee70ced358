"""The `fix:` line of a link or picture that names no file says what the editor meant: a
file that is there (the path GitHub shows, other capitals, `\\` between folders, a story
named without `.md`, `mailto:` for an e-mail address) or plainly that none was found; a
link to a story that exists but is not published because of its own error says so.
`check` (on a pull request) and `build` (the deploy) say the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import git, make_project, run_here, tiny_png, write_article

STORY = """\
title: {title}
date: 2025-06-{day}T10:00:00+05:30
country: {country}
credits:
  author: Asha Rao"""


def story(project: Path, name: str, day: int, body: str, country: str = "India") -> None:
    front = STORY.format(title=name.title(), day=day, country=country)
    write_article(project, f"2025/06/{name}.md", front, body)


def said(project: Path) -> list[tuple[str, str]]:
    """Each problem `check` prints, with its fix; `build` must print the same."""
    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(project.parent / "site"), cwd=project)
    assert (checked.returncode, built.returncode) == (1, 1), checked.stdout + built.stderr
    assert not (project.parent / "site").exists()

    def problems(output: str) -> list[tuple[str, str]]:
        lines = output.splitlines()
        return [
            (line, lines[i + 1].strip())
            for i, line in enumerate(lines)
            if ": error: " in line or ": warning: " in line
        ]

    assert problems(checked.stdout) == problems(built.stderr)
    return problems(checked.stdout)


def test_a_link_to_a_story_with_an_error_of_its_own_says_so_and_other_capitals_are_named(
    tmp_path: Path,
) -> None:
    """target.md exists but its country is a typo: the link to it is right, and was told to
    'link to an existing .md file'; Target.md works on a Mac, not on GitHub Pages."""
    project = make_project(tmp_path / "p")
    story(project, "target", 20, "Body.\n", country="Inda")
    story(project, "linker", 21, "See [it](target.md) and [again](Target.md#part).\n")
    found = said(project)
    assert (
        "content/2025/06/linker.md:8: warning: link to 'target.md': the story "
        "content/2025/06/target.md exists but is not published, because of an error of its "
        "own, listed under its name",
        "fix: correct content/2025/06/target.md (its error is listed under its name); this "
        "link is right and works once that story is published",
    ) in found
    assert (
        "content/2025/06/linker.md:8: error: link to 'Target.md#part' points to no published "
        "article",
        "fix: did you mean target.md (it has no #part)? File names must match in capitals too (the "
        "web server "
        "tells them apart)",
    ) in found
    assert [line for line, _ in found if "target.md:4: error: country 'Inda'" in line]


def test_the_path_github_shows_gets_the_path_that_works(tmp_path: Path) -> None:
    """`content/2025/06/photo.jpg`, copied from github.com, was told to go into
    content/2025/06/content/2025/06/."""
    project = make_project(tmp_path / "p")
    (project / "content/2025/06").mkdir(parents=True)
    (project / "content/2025/06/photo.jpg").write_bytes(tiny_png())
    image = "\nimage:\n  src: {}\n  alt: A photo"
    write_article(
        project,
        "2025/06/lead.md",
        STORY.format(title="Lead", day=22, country="India")
        + image.format("/content/2025/06/photo.jpg"),
    )
    story(
        project,
        "linker",
        23,
        "[a](content/2025/06/lead.md), [b](/content/2025/06/photo.jpg), "
        "![c](../../2025/06/content/2025/06/photo.jpg) and ![d](content/2025/06/photo.jpg).\n",
    )
    found = dict(said(project))
    works = (
        "fix: write {} (from this article's folder) or /2025/06/{} (from content/): a path is "
        "read from the article's folder, not from the top of the repository as GitHub shows it"
    )
    for where, link, name in (
        (
            "lead.md:8: error: image.src: '/content/2025/06/photo.jpg' does not exist",
            "",
            "photo.jpg",
        ),
        (
            "linker.md:8: error: link to 'content/2025/06/lead.md'",
            " points to no published article",
            "lead.md",
        ),
        (
            "linker.md:8: error: link to '/content/2025/06/photo.jpg'",
            " points to no file",
            "photo.jpg",
        ),
        ("linker.md:8: error: image 'content/2025/06/photo.jpg'", " does not exist", "photo.jpg"),
    ):
        line = next(line for line in found if line.startswith(f"content/2025/06/{where}{link}"))
        assert found[line] == works.format(name, name), (line, found[line])
    wrong = "content/2025/06/linker.md:8: error: image '../../2025/06/content/2025/06/photo.jpg'"
    assert found[wrong + " does not exist"] == (  # the one photo.jpg of content/
        "fix: did you mean photo.jpg? The file content/2025/06/photo.jpg has that name: was it "
        "moved?"
    )


def test_everyday_link_slips_get_a_fix_that_names_what_was_meant(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    story(project, "target", 20, "Body.\n\n## Section {#section}\n")
    story(
        project,
        "linker",
        21,
        "A [win](..\\06\\target.md), [anchor](target.md#section), [noext](target), "
        "[dir](./), [mail](asha@example.org), [typo](targte.md), [web](www.example.org), "
        "[none](..\\06\\nothing.md), [pdf](report.pdf).\n",
    )
    fixes = {line.split("link to ")[1]: fix for line, fix in said(project)}
    assert fixes == {
        "'..\\06\\target.md' points to no published article": (
            "fix: use / between folders, not \\: write ../06/target.md"
        ),
        "'target' points to no file": (
            "fix: did you mean target.md? a link to a story names its .md file"
        ),
        "'./' points to no file": (
            "fix: './' is the folder content/2025/06/, which is not a page: link to one story "
            "in it by its .md file, such as target.md"
        ),
        "'asha@example.org' points to no file": (
            "fix: an e-mail address needs mailto: in front: write mailto:asha@example.org"
        ),
        "'targte.md' points to no published article": (
            "fix: did you mean target.md? no file targte.md was found"
        ),
        "'www.example.org' points to no file": (
            "fix: a web address needs https:// in front: write https://www.example.org"
        ),
        "'..\\06\\nothing.md' points to no published article": (
            "fix: use / between folders, not \\ (../06/nothing.md); no story nothing.md was "
            "found in content/2025/06/ (the article's folder): link to a story's .md file, "
            "relative to this article's folder (or from content/ with a leading '/')"
        ),
        "'report.pdf' points to no file": (
            "fix: no file report.pdf was found in content/2025/06/ (the article's folder): put "
            "the file there, or correct the name; a path starting with '/' is read from content/"
        ),
    }


def test_a_moved_or_renamed_file_is_offered_where_it_is_now(tmp_path: Path) -> None:
    """A story moved to another month's folder, a picture moved with it, and a story
    renamed with words added to its name: the fix names each where it is now."""
    project = make_project(tmp_path / "project")
    story(project, "relief-grows", 20, "Text.\n")
    moved = STORY.format(title="Welcome", day=21, country="India")
    write_article(project, "2025/07/welcome.md", moved)
    (project / "content/2025/07/map.png").write_bytes(tiny_png())
    story(project, "linker", 22, "[a](relief.md#who) [b](welcome.md) ![m](map.png)\n")
    found = dict(said(project))
    at = "content/2025/06/linker.md:8: error:"
    assert found[f"{at} link to 'relief.md#who' points to no published article"] == (
        "fix: did you mean relief-grows.md (it has no #who)? Was the story's file renamed?"
    )
    assert found[f"{at} link to 'welcome.md' points to no published article"] == (
        "fix: did you mean ../07/welcome.md? The file content/2025/07/welcome.md has that "
        "name: was it moved?"
    )
    assert found[f"{at} image 'map.png' does not exist"] == (
        "fix: did you mean ../07/map.png? The file content/2025/07/map.png has that name: was "
        "it moved?"
    )


def test_a_renamed_story_is_never_offered_as_a_draft_and_several_are_all_named(
    tmp_path: Path,
) -> None:
    """Prober M4: a draft is never offered (a link to it is refused too); when several
    stories have the name's words, all are named; the #anchor is kept in the fix."""
    project = make_project(tmp_path / "project")
    story(project, "flood-relief-fund", 18, "Text.\n")
    story(project, "relief-draft-grows", 19, "Text.\n")
    draft = project / "content/2025/06/relief-draft-grows.md"
    draft.write_text(draft.read_text("utf-8").replace("---\n", "---\ndraft: true\n", 1), "utf-8")
    story(project, "aid-goes-out", 20, "Text.\n")
    story(project, "more-aid", 21, "Text.\n")
    story(project, "linker", 22, "[a](relief.md#top) [b](aid.md#who)\n")
    found = dict(said(project))
    at = "content/2025/06/linker.md:8: error:"
    assert found[f"{at} link to 'relief.md#top' points to no published article"] == (
        "fix: did you mean flood-relief-fund.md#top? Was the story's file renamed?"
    )
    assert found[f"{at} link to 'aid.md#who' points to no published article"] == (
        "fix: did you mean aid-goes-out.md (it has no #who) or more-aid.md (it has no #who)? "
        "Was the story's file renamed? Link to the one meant"
    )


def test_a_scheduled_story_is_never_offered_in_a_did_you_mean(tmp_path: Path) -> None:
    """Prober 2, M3: a story dated after today was offered ('did you mean
    ../09/x/aid-relief.md?'), and following it gave the next error: a link to a scheduled
    story. Only a published story is offered, whether close in spelling, renamed or moved."""
    project = make_project(tmp_path / "project")
    story(project, "flood-relief-fund", 18, "Text.\n")
    front = STORY.format(title="Aid", day=20, country="India").replace("2025-06", "2099-06")
    write_article(project, "2025/06/aid-relief.md", front, "Text.\n")
    write_article(project, "2025/05/lost.md", front.replace("Aid", "Lost"), "Text.\n")
    story(project, "linker", 22, "[a](relief.md?utm=1#top) [b](aid-relief-x.md) [c](lost.md)\n")
    found = dict(said(project))
    at = "content/2025/06/linker.md:8: error:"
    assert found[f"{at} link to 'relief.md?utm=1#top' points to no published article"] == (
        "fix: did you mean flood-relief-fund.md?utm=1#top? Was the story's file renamed?"
    )
    for link, name in (("aid-relief-x.md", "aid-relief-x.md"), ("lost.md", "lost.md")):
        fix = found[f"{at} link to {link!r} points to no published article"]
        assert "did you mean" not in fix and f"no story {name} was found" in fix, fix


@pytest.mark.parametrize("committed", [False, True])
def test_a_link_to_a_story_git_renamed_is_offered_its_new_name(
    tmp_path: Path, committed: bool
) -> None:
    """prober3 M10: `storm.md` renamed `cyclone-hits-coast.md` (a new headline's slug) was
    offered `storm2.md`, an unrelated story: the rename git records (staged, or committed)
    comes first, the #anchor kept where the story has it."""
    project = make_project(tmp_path / "project")
    story(project, "linker", 20, "See [s](storm.md), [t](storm.md#toll).\n")
    story(project, "storm", 21, "Storm.\n\n## Toll {#toll}\n\nText.\n")
    story(project, "storm2", 22, "Storm two.\n")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "stories")
    git(project, "mv", "content/2025/06/storm.md", "content/2025/06/cyclone-hits-coast.md")
    if committed:
        git(project, "commit", "-qm", "renamed")
    found = dict(said(project))
    at = "content/2025/06/linker.md:8: error:"
    renamed = "git shows content/2025/06/storm.md renamed to content/2025/06/cyclone-hits-coast.md"
    assert found[f"{at} link to 'storm.md' points to no published article"] == (
        f"fix: did you mean cyclone-hits-coast.md? {renamed}"
    )
    assert found[f"{at} link to 'storm.md#toll' points to no published article"] == (
        f"fix: did you mean cyclone-hits-coast.md#toll? {renamed}"
    )


@pytest.mark.parametrize("committed", [False, True])
def test_a_story_renamed_twice_is_offered_its_last_name(tmp_path: Path, committed: bool) -> None:
    """prober4 M6: `storm.md` renamed `cyclone-hits-coast.md` (committed), then moved to
    another folder as `cyclone-final.md` (staged, or committed too), was offered the
    unrelated `storm2.md`: the renames are followed to the file there now."""
    project = make_project(tmp_path / "project")
    story(project, "linker", 20, "See [t](storm.md#toll).\n")
    story(project, "storm", 21, "Storm.\n\n## Toll {#toll}\n\nText.\n")
    story(project, "storm2", 22, "Storm two.\n")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "stories")
    git(project, "mv", "content/2025/06/storm.md", "content/2025/06/cyclone-hits-coast.md")
    git(project, "commit", "-qm", "renamed")
    (project / "content/2025/07").mkdir()
    git(project, "mv", "content/2025/06/cyclone-hits-coast.md", "content/2025/07/cyclone-final.md")
    if committed:
        git(project, "commit", "-qm", "moved")
    found = dict(said(project))
    at = "content/2025/06/linker.md:8: error:"
    assert found[f"{at} link to 'storm.md#toll' points to no published article"] == (
        "fix: did you mean ../07/cyclone-final.md#toll? git shows content/2025/06/storm.md "
        "renamed to content/2025/07/cyclone-final.md"
    )


def test_without_a_rename_in_git_a_close_name_is_still_offered(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    story(project, "linker", 20, "See [s](storm.md).\n")
    story(project, "storm2", 22, "Storm two.\n")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "stories")
    found = dict(said(project))
    assert found[
        "content/2025/06/linker.md:8: error: link to 'storm.md' points to no published article"
    ].startswith("fix: did you mean storm2.md?")


def test_a_picture_offered_in_a_fix_is_written_as_an_address_that_passes(
    tmp_path: Path,
) -> None:
    """prober3 M17: `../b/my%20photo` (the space written as asked) was offered
    `../b/my photo.jpg`, itself refused for its space; `../b/shared.` (a trailing dot)
    was offered one of the two files of that name. Each fix, followed, passes."""
    project = make_project(tmp_path / "project")
    (project / "content/2025/06").mkdir(parents=True)
    (project / "content/2025/06/my photo.png").write_bytes(tiny_png())
    (project / "content/2025/06/shared.png").write_bytes(tiny_png())
    (project / "content/2025/06/shared.jpg").write_bytes(tiny_png())
    story(project, "linker", 22, "![A map](my%20photo) ![B map](my%20phot.png) ![C map](shared.)\n")
    found = dict(said(project))
    at = "content/2025/06/linker.md:8: error:"
    assert found[f"{at} image 'my%20photo' does not exist"] == (
        "fix: did you mean my%20photo.png? A file's name ends with its extension (my photo.png)"
    )
    assert found[f"{at} image 'my%20phot.png' does not exist"].startswith(
        "fix: did you mean my%20photo.png?"
    )
    assert found[f"{at} image 'shared.' does not exist"].startswith(
        "fix: did you mean shared.jpg or shared.png?"
    )
    story(
        project,
        "linker",
        22,
        "![A map](my%20photo.png) ![B map](my%20photo.png) ![C map](shared.png)\n",
    )
    assert run_here("check", cwd=project).returncode == 0
