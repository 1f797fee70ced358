"""A link in a story to a page of the site written as a site path (`[about](/about/)`):
checked against what the build publishes, under base_url's path. An address the site
will not have is an error on its body line, with "did you mean" for a near article."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE_URL, make_project, run_here, write_article

from generator import config
from generator.index.selection import Selection
from generator.pipeline import Paths, build

# '---' is line 1: title 2, date 3, country 4, credits 5, author 6, tags 7, aliases 8,
# '---' 9; the body starts on line 10.
FRONT = """\
title: {title}
date: {date}
country: India
credits:
  author: Desk
tags: [Monsoon]
aliases: [/old/monsoon/]"""
RAIN = FRONT.format(title="Rain arrives", date="2025-06-02T10:00:00Z")
GOOD_LINKS = """\
Good links, each a page or file the site publishes:
[the earlier story](/2025/06/01/storm-plan/), [the topic](/tags/monsoon/),
[its feed](/tags/monsoon/feed.xml), [India](/countries/in/), [the desk](/authors/desk/),
[the day](/digest/2025-06-02/), [every day](/digest/), [the archive](/archive/),
[the front page](/), [the main feed](/feed.xml), [a style](/static/style.css),
[an old address](/old/monsoon/), [with the base path](/sub/tags/), [a note](#notes),
[a section](/2025/06/01/storm-plan/#map), [another site](https://example.org/about/).

<h2 id="notes">Notes</h2>
"""
BAD_LINKS = """\
Read [about us](/about/) first.

Then [the old story](/2024/01/01/no-such-story/) and
[the plan](/2025/06/01/storm-plans/).
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    write_article(
        root,
        "2025/06/storm-plan.md",
        FRONT.format(title="Storm plan", date="2025-06-01T10:00:00Z").replace("monsoon/", "plan/"),
        "Body text.\n\n## The map {#map}\n",  # a place other stories link to
    )
    return root


def test_links_to_pages_the_site_publishes_pass(project: Path) -> None:
    write_article(project, "2025/06/rain.md", RAIN, GOOD_LINKS)
    result = run_here("check", cwd=project)
    assert result.returncode == 0
    # The one link written with base_url's path passes, with the portable form to write.
    assert "checked 2 articles: no errors" in result.stdout
    assert result.stdout.count("starts with the site's base path /sub/") == 1
    assert "fix: write /tags/: it works at any address" in result.stdout
    out = project.parent / "site"
    for jobs in ("1", "2"):  # pages and feeds made in this process, or by workers
        built = run_here("build", "--output", str(out), "--no-cache", "--jobs", jobs, cwd=project)
        assert built.returncode == 0, built.stderr
    for edit in ("\nA first edit.\n", "\nA second edit.\n"):  # rebuilds that render little
        plan = project / "content/2025/06/storm-plan.md"
        plan.write_text(plan.read_text(encoding="utf-8") + edit, encoding="utf-8")
        built = run_here("build", "--output", str(out), cwd=project)
        assert built.returncode == 0, built.stderr
    page = (out / "2025/06/02/rain/index.html").read_text(encoding="utf-8")
    assert 'href="/sub/tags/monsoon/"' in page and 'href="/sub/about/"' not in page


def test_a_link_to_an_address_the_site_does_not_have_is_an_error_on_its_line(
    project: Path,
) -> None:
    write_article(project, "2025/06/rain.md", RAIN, BAD_LINKS)
    expected = [
        "content/2025/06/rain.md:10: error: link to '/about/' goes to no page of the site",
        "    fix: the site has no page of that name: open the page you mean (newsdigest "
        "serve shows the site) and copy its address, or remove the link",
        "content/2025/06/rain.md:12: error: link to '/2024/01/01/no-such-story/' goes to no "
        "page of the site",
        "    fix: the site has no story at that address: copy the story's address from the "
        "site (newsdigest serve shows it), or link to the story's file instead, like "
        "[text](../06/story.md): its address is then always right",
        "content/2025/06/rain.md:13: error: link to '/2025/06/01/storm-plans/' goes to no "
        "page of the site",
        "    fix: did you mean /2025/06/01/storm-plan/?",
        "3 errors, 0 warnings",
    ]
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == expected
    out = project.parent / "site"
    built = run_here("build", "--output", str(out), cwd=project)
    assert built.returncode == 1
    assert built.stderr.splitlines()[: len(expected)] == expected
    assert not out.exists()  # nothing written
    github = run_here("check", "--format", "github", cwd=project)
    assert "::error file=content/2025/06/rain.md,line=10," in github.stdout


def test_the_pipeline_checks_links_under_a_user_sites_root_too(project: Path) -> None:
    """base_url without a sub-path: '/tags/monsoon/' is the page; '/sub/tags/' is not."""
    write_article(project, "2025/06/rain.md", RAIN, "[a](/tags/monsoon/) and [b](/sub/tags/)\n")
    settings_file = project / "pyproject.toml"
    settings_file.write_text(
        settings_file.read_text().replace(BASE_URL, "https://news.example.org/")
    )
    settings = config.load(project)
    paths = Paths(project, project / "content", project / "templates", project / "site")
    built = build(paths, settings, Selection())
    assert [(d.path, d.line, d.message) for d in built.diagnostics if d.severity == "error"] == [
        (
            "2025/06/rain.md",
            10,
            "link to '/sub/tags/' goes to no page of the site; without its first folder /sub/ "
            "it is the page /tags/: was /sub/ the site's base path before it moved?",
        )
    ]
    assert built.files == []


def test_check_names_a_link_to_the_page_of_a_draft_which_build_leaves_out(
    project: Path,
) -> None:
    plan = project / "content/2025/06/storm-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("---\nBody", "draft: true\n---\nBody"))
    write_article(project, "2025/06/rain.md", RAIN, "See [the plan](/2025/06/01/storm-plan/).\n")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "content/2025/06/rain.md:10: error: link to '/2025/06/01/storm-plan/' goes to no page "
        "of the site",
        "    fix: only a draft or a scheduled article makes this page, and build leaves those "
        "out; publish that article first, or remove the link until then",
    ]
    built = run_here("build", "--output", str(project.parent / "site"), cwd=project)
    assert built.returncode == 1 and built.stderr.splitlines()[:2] == result.stdout.splitlines()[:2]


def test_a_link_whose_page_went_away_is_named_on_its_line_on_a_rebuild(project: Path) -> None:
    """The linking story is unchanged, so a rebuild and a check load it from the build
    state, which keeps no Markdown: the line comes from the file all the same."""
    body = "First paragraph.\n\nSecond paragraph.\n\nSee [the plan](/2025/06/01/storm-plan/).\n"
    write_article(project, "2025/06/rain.md", RAIN, body)
    out = project.parent / "site"
    built = run_here("build", "--output", str(out), cwd=project)
    assert built.returncode == 0, built.stderr
    plan = project / "content/2025/06/storm-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("---\nBody", "draft: true\n---\nBody"))
    expected = "content/2025/06/rain.md:14: error: link to '/2025/06/01/storm-plan/' goes to no"
    built = run_here("build", "--output", str(out), cwd=project)
    assert built.returncode == 1 and built.stderr.startswith(expected)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1 and checked.stdout.startswith(expected)


FAR_LINKS = """\
Links to pages the site does not have, none of them a slip of the keys:
[a story](/2025/06/01/nope/), [a topic](/tags/zzz/).

Slips: [the plan](/2025/06/01/storm-plam/), [a day off](/2025/06/02/storm-plan/),
[the topics](/tag/).
"""


def test_did_you_mean_is_offered_only_for_a_close_address(project: Path) -> None:
    write_article(project, "2025/06/rain.md", RAIN, FAR_LINKS)
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    fixes = dict(zip(lines[::2], lines[1::2], strict=False))
    link = "content/2025/06/rain.md:{}: error: link to '{}' goes to no page of the site"
    assert fixes[link.format(11, "/2025/06/01/nope/")] == (
        "    fix: the site has no story at that address: copy the story's address from the "
        "site (newsdigest serve shows it), or link to the story's file instead, like "
        "[text](../06/story.md): its address is then always right"
    )
    assert fixes[link.format(11, "/tags/zzz/")] == (
        "    fix: the site has no page of that name in /tags/: the page /tags/ lists them; "
        "copy the address from there (newsdigest serve shows the site)"
    )
    did_you_mean = "    fix: did you mean /{}?"
    assert fixes[link.format(13, "/2025/06/01/storm-plam/")] == did_you_mean.format(
        "2025/06/01/storm-plan/"
    )
    assert fixes[link.format(13, "/2025/06/02/storm-plan/")] == did_you_mean.format(
        "2025/06/01/storm-plan/"
    )
    assert fixes[link.format(14, "/tag/")] == did_you_mean.format("tags/")


def test_a_link_by_address_to_a_story_with_an_error_of_its_own_is_right(project: Path) -> None:
    """The story's page is named as its .md link names it: a warning, not another story."""
    plan = project / "content/2025/06/storm-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("India", "Atlantis"), "utf-8")
    decoy = FRONT.format(title="Storm plans", date="2025-06-01T11:00:00Z")  # a close address
    write_article(project, "2025/06/storm-plans.md", decoy.replace("/old/monsoon/", "/old/x/"))
    links = "See [the plan](/2025/06/01/storm-plan/) and [its file](storm-plan.md).\n"
    write_article(project, "2025/06/rain.md", RAIN, links)
    for command in ("check", "build"):
        result = run_here(command, cwd=project)
        assert result.returncode == 1
        lines = result.stdout.splitlines() if command == "check" else result.stderr.splitlines()
        assert [line for line in lines if "rain.md" in line] == [
            f"content/2025/06/rain.md:10: warning: link to {link!r}: the story "
            "content/2025/06/storm-plan.md "
            + (
                "makes this page but is not published"
                if link.startswith("/")
                else "exists but is not published"
            )
            + ", because of an error of its own, listed under its name"
            for link in ("/2025/06/01/storm-plan/", "storm-plan.md")
        ], lines
        assert not any("did you mean" in line for line in lines)
        assert "content/2025/06/storm-plan.md:4: error: country 'Atlantis'" in "\n".join(lines)
