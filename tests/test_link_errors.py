"""`check` (on a pull request) and `build` (the Pages deploy) give the same errors for a
story's links, whatever they point at: a page or a file of the site that is not there, the
page or file of a draft or a scheduled story, a topic, country or author page or a feed
only such a story makes, an old address (alias) of one, a hidden file, a missing picture.
A check that passes means the deploy's build passes; a fix says the same in both."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, tiny_png, write_article

from generator import config
from generator.index.selection import Selection
from generator.pipeline import Paths, build

STORY = """\
title: {title}
date: {date}
country: {country}
credits:
  author: {author}
tags: [{tag}]"""
HELD_BACK = "publish that article first, or remove the link until then"

# The body of the published story (it starts on line 9 of the file), one kind a line.
BAD_LINKS = """\
Its file: [d](draft.md) and [f](future.md).
Its page: [d2](/2025/06/20/draft/) and [f2](/2027/06/20/future/).
Pages only they make: [topic](/tags/only-drafts/), [country](/countries/fr/),
[writer](/authors/draft-writer/), [topic feed](/tags/only-drafts/feed.xml).
Its old address: [old](/old/draft-address/).
No such story: [gone](gone.md), [hidden](.hidden.md), [typo](/2025/06/25/linkr/).
No such page: [about](/about/), [feed](/tags/nothing/feed.xml), [photo](/media/no.png).
No such file: [report](report.pdf) and ![chart](chart.png).
A draft's picture: [its chart](/media/2025/06/draft-chart.png).
"""
# (line, the link as written, how the message ends, held back?)
EXPECTED = [
    (9, "draft.md", "points to no published article", True),
    (9, "future.md", "points to no published article", True),
    (10, "/2025/06/20/draft/", "goes to no page of the site", True),
    (10, "/2027/06/20/future/", "goes to no page of the site", True),
    (11, "/tags/only-drafts/", "goes to no page of the site", True),
    (11, "/countries/fr/", "goes to no page of the site", True),
    (12, "/authors/draft-writer/", "goes to no page of the site", True),
    (12, "/tags/only-drafts/feed.xml", "goes to no page of the site", True),
    (13, "/old/draft-address/", "goes to no page of the site", True),
    (14, "gone.md", "points to no published article", False),
    (14, ".hidden.md", "points to no published article", False),
    (14, "/2025/06/25/linkr/", "goes to no page of the site", False),
    (15, "/about/", "goes to no page of the site", False),
    (15, "/tags/nothing/feed.xml", "goes to no page of the site", False),
    (15, "/media/no.png", "goes to no page of the site", False),
    (16, "report.pdf", "points to no file", False),
    (17, "/media/2025/06/draft-chart.png", "goes to no page of the site", False),
]


def newsroom(root: Path) -> Path:
    """A published story full of bad links; a draft and a scheduled story, with a topic,
    country and author of their own and an alias; a hidden story file."""
    project = make_project(root)
    held = dict(country="France", author="Draft Writer", tag="Only drafts")
    draft = STORY.format(title="Draft", date="2025-06-20T10:00:00Z", **held)
    draft += "\ndraft: true\naliases: [/old/draft-address/]"
    write_article(project, "2025/06/draft.md", draft, "![A chart](draft-chart.png)\n")
    (project / "content/2025/06/draft-chart.png").write_bytes(tiny_png())
    future = STORY.format(title="Future", date="2027-06-20T10:00:00Z", **held)
    write_article(project, "2025/06/future.md", future)
    shown = dict(country="India", author="Desk", tag="Monsoon")
    linker = STORY.format(title="Linker", date="2025-06-25T10:00:00Z", **shown)
    write_article(project, "2025/06/linker.md", linker, BAD_LINKS)
    write_article(project, "2025/06/.hidden.md", linker.replace("Linker", "Hidden"))
    return project


def errors(output: str) -> list[tuple[str, str]]:
    """Each error line of a command's output, with its fix."""
    lines = output.splitlines()
    return [
        (line, lines[i + 1].strip() if i + 1 < len(lines) else "")
        for i, line in enumerate(lines)
        if ": error: " in line
    ]


def check_and_build(project: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(project.parent / "site"), cwd=project)
    assert (checked.returncode, built.returncode) == (1, 1), checked.stdout + built.stderr
    assert not (project.parent / "site").exists()
    return errors(checked.stdout), errors(built.stderr)


def test_check_and_build_give_the_same_errors_for_every_kind_of_bad_link(tmp_path: Path) -> None:
    project = newsroom(tmp_path / "project")
    checked, built = check_and_build(project)
    assert checked == built
    found = {error for error, _ in built}
    fixes = dict(built)
    for line, link, message, held in EXPECTED:
        error = f"content/2025/06/linker.md:{line}: error: link to {link!r} {message}"
        assert error in found, (error, found)
        assert (HELD_BACK in fixes[error]) is held, (error, fixes[error])
    assert "content/2025/06/linker.md:16: error: image 'chart.png' does not exist" in found
    hidden = "content/2025/06/linker.md:14: error: link to '.hidden.md' points to no published"
    assert fixes[hidden + " article"] == (
        "fix: content/2025/06/.hidden.md is not read: files and folders whose names start "
        "with '.' are hidden; rename it without the '.', or remove the link"
    )
    typo = "content/2025/06/linker.md:14: error: link to '/2025/06/25/linkr/' goes to no page"
    assert fixes[typo + " of the site"] == "fix: did you mean /2025/06/25/linker/?"
    # The pipeline without the build cache and workers says the same.
    settings = config.load(project, {})
    paths = Paths(project, project / "content", project / "templates", project / "site")
    serial = build(paths, settings, Selection())
    assert [
        (f"content/{d.path}:{d.line}: error: {d.message}", f"fix: {d.hint}")
        for d in serial.diagnostics
        if d.severity == "error"
    ] == built


def test_a_build_stopped_by_other_errors_lists_the_same_link_errors_as_check(
    tmp_path: Path,
) -> None:
    """A story whose front matter has an error is not published, but its links are checked
    as the others' are, in the same run."""
    project = newsroom(tmp_path / "project")
    write_article(project, "2025/06/broken.md", "title: Broken\ndate: 2025-06-26\n", BAD_LINKS)
    checked, built = check_and_build(project)
    assert checked == built
    for line, link, _, held in EXPECTED:
        error = f"content/2025/06/broken.md:{line - 4}: error: link to {link!r}"
        fix = [fix for found, fix in built if found.startswith(error)]
        assert len(fix) == 1 and (HELD_BACK in fix[0]) is held, (error, built)


@pytest.mark.parametrize("option", ["--drafts", "--future"])
def test_a_build_with_the_held_back_stories_says_only_what_is_still_missing(
    tmp_path: Path, option: str
) -> None:
    project = newsroom(tmp_path / "project")
    built = run_here("build", option, "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 1
    found = dict(errors(built.stderr))
    published = "draft" if option == "--drafts" else "future"
    assert not [error for error in found if f"/{published}" in error.split("link to")[-1]]
    assert not [error for error in found if f"{published}.md" in error]
    left_out = "future" if option == "--drafts" else "draft"
    [error] = [error for error in found if f"link to '{left_out}.md'" in error]
    assert HELD_BACK in found[error]


def test_a_rebuild_after_a_story_becomes_a_draft_says_what_check_says(tmp_path: Path) -> None:
    """The linking story is unchanged (its body comes from the build cache) when the story
    it links to, by file and by address, is made a draft."""
    project = make_project(tmp_path / "project")
    shown = dict(country="India", author="Desk", tag="Monsoon")
    plan = project / "content/2025/06/plan.md"
    write_article(
        project, "2025/06/plan.md", STORY.format(title="Plan", date="2025-06-20", **shown)
    )
    linker = STORY.format(title="Linker", date="2025-06-25T10:00:00Z", **shown)
    write_article(project, "2025/06/linker.md", linker, "[a](plan.md) and [b](/2025/06/20/plan/)\n")
    out = ["--output", str(tmp_path / "site")]
    assert run_here("build", *out, cwd=project).returncode == 0
    plan.write_text(plan.read_text(encoding="utf-8").replace("---\nBody", "draft: true\n---\nBody"))
    built = run_here("build", *out, cwd=project)
    checked = run_here("check", cwd=project)
    assert errors(built.stderr) == errors(checked.stdout)
    assert [line for line, _ in errors(built.stderr)] == [
        "content/2025/06/linker.md:9: error: link to '/2025/06/20/plan/' goes to no page of the "
        "site",
        "content/2025/06/linker.md:9: error: link to 'plan.md' points to no published article",
    ]
    assert all(HELD_BACK in fix for _, fix in errors(built.stderr))
