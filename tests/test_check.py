"""`newsdigest check`: what an editor sees for each mistake, in the terminal and on a PR."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

GOOD = """\
title: Floods in Assam
date: 2025-06-02T10:00:00+05:30
country: India
credits:
  author: Desk"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def check(project: Path, *args: str) -> tuple[int, list[str]]:
    result = run_here("check", *args, cwd=project)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout.splitlines()


def broken_newsroom(project: Path) -> None:
    write_article(
        project,
        "2025/06/bad-fields.md",
        """\
title: Bad fields
date: 2025-02-30T10:00:00+00:00
country: Inda
credits:
  author: Desk
image:
  src: missing.jpg
  alt: Nothing to see""",
    )


def test_text_format_gives_path_line_message_and_fix(project: Path) -> None:
    broken_newsroom(project)
    status, lines = check(project)
    assert status == 1
    assert (
        "content/2025/06/bad-fields.md:3: error: date: 2025-02-30 is not a real date: "
        "February 2025 has 28 days"
    ) in lines
    assert any(
        line.startswith("content/2025/06/bad-fields.md:4: error: country 'Inda'") for line in lines
    )
    fix = lines[lines.index(next(x for x in lines if ":4: error:" in x)) + 1]
    assert fix.strip().startswith("fix:") and "'India'" in fix
    assert lines[-1] == "3 errors, 0 warnings"


def test_github_format_annotates_the_diff(project: Path) -> None:
    broken_newsroom(project)
    status, lines = check(project, "--format", "github")
    assert status == 1
    date_error = next(x for x in lines if "line=3" in x)
    assert date_error.startswith("::error file=content/2025/06/bad-fields.md,line=3,title=")
    assert date_error.endswith(
        "::date: 2025-02-30 is not a real date: February 2025 has 28 days. Fix: check the "
        "day: write one from 01 to 28; 2025-02-28 is the last day of February 2025"
    )
    assert all(x.startswith(("::error ", "::warning ")) for x in lines[:-1])
    assert lines[-1] == "3 errors, 0 warnings"  # a plain line in the step's log


def test_missing_image_is_an_error_on_its_line(project: Path) -> None:
    broken_newsroom(project)
    status, lines = check(project)
    assert status == 1
    assert (
        "content/2025/06/bad-fields.md:8: error: image.src: 'missing.jpg' does not exist "
        "(looked for content/2025/06/missing.jpg)"
    ) in lines


def test_warnings_alone_do_not_fail(project: Path) -> None:
    long_title = "A headline that goes on " + "and on " * 20
    write_article(
        project, "2025/06/wordy.md", GOOD.replace("Floods in Assam", long_title) + "\ntittle: typo"
    )
    status, lines = check(project)
    assert status == 0
    assert any(":2: warning: title is" in x and "characters" in x for x in lines)
    assert "content/2025/06/wordy.md:7: warning: unknown field 'tittle' is ignored" in lines
    assert "    fix: did you mean 'title'?" in lines
    status, annotations = check(project, "--format", "github")
    assert status == 0
    assert sum(x.startswith("::warning file=content/2025/06/wordy.md,") for x in annotations) == 2


def test_tags_that_slug_alike_are_one_topic_or_a_named_warning(project: Path) -> None:
    write_article(project, "2025/06/a.md", GOOD + "\ntags: [Human Rights, C]")
    write_article(
        project, "2025/06/b.md", GOOD.replace("10:00", "11:00") + "\ntags: [human-rights, C++]"
    )
    status, lines = check(project)
    assert status == 0
    collisions = [x for x in lines if "warning: tags" in x]
    assert len(collisions) == 1  # "Human Rights" and "human-rights" are the same topic
    assert "'C' and 'C++'" in collisions[0]


def test_link_to_a_missing_article_file_is_reported_with_its_line(project: Path) -> None:
    write_article(project, "2025/06/old.md", GOOD)
    write_article(
        project,
        "2025/06/new.md",
        GOOD.replace("02T", "03T"),
        "First paragraph.\n\nSee the [earlier report](old.md).\n\n"
        "And the [lost one](../05/nowhere.md).\n",
    )
    status, lines = check(project)
    assert status == 1
    assert lines[0] == (
        "content/2025/06/new.md:12: error: link to '../05/nowhere.md' points "
        "to no published article"
    )
    assert not any("old.md" in x for x in lines)


def test_drafts_and_scheduled_articles_are_checked_too(project: Path) -> None:
    write_article(
        project,
        "2025/06/draft.md",
        GOOD.replace("country: India", "country: Narnia") + "\ndraft: true",
    )
    write_article(
        project,
        "2999/01/later.md",
        GOOD.replace("2025-06-02", "2999-01-01").replace("author: Desk", "author: []"),
    )
    status, lines = check(project)
    assert status == 1
    assert any(x.startswith("content/2025/06/draft.md:4: error: country 'Narnia'") for x in lines)
    assert any(x.startswith("content/2999/01/later.md:") and "credits.author" in x for x in lines)


def test_link_from_a_published_article_to_a_draft_fails_check_as_it_fails_build(
    project: Path,
) -> None:
    write_article(project, "2025/06/draft.md", GOOD + "\ndraft: true")
    write_article(
        project,
        "2025/06/public.md",
        GOOD.replace("02T", "03T"),
        "The story.\n\nSee the [upcoming story](draft.md).\n",
    )
    status, lines = check(project)
    assert status == 1
    assert lines[0].startswith("content/2025/06/public.md:10: error: link to 'draft.md'")
    assert "1 error, 0 warnings" in lines  # not again as the draft's address
    assert "draft" in lines[1] and lines[1].strip().startswith("fix:")
    build = run_here("build", "--output", str(project.parent / "site"), cwd=project)
    assert build.returncode == 1


def test_a_clean_newsroom_passes(project: Path) -> None:
    write_article(project, "2025/06/floods.md", GOOD)
    status, lines = check(project)
    assert status == 0
    assert lines == ["checked 1 article: no errors"]
    status, lines = check(project, "--format", "github")
    assert (status, lines) == (0, [])


def test_warnings_alone_end_with_one_summary_line(project: Path) -> None:
    typo = "\nsumary: A typo for summary."  # a warning: unknown field
    write_article(project, "2025/06/floods.md", GOOD + typo, "Rivers rose.\n")
    write_article(project, "2025/06/rain.md", GOOD.replace("Floods", "Rain") + typo, "Rain.\n")
    status, lines = check(project)
    assert status == 0
    assert [line for line in lines if not line.startswith(("content/", "    fix:"))] == [
        "checked 2 articles: no errors, 2 warnings"
    ]
    build = run_here("build", "--output", str(project.parent / "site"), cwd=project)
    assert build.returncode == 0
    assert "errors" not in build.stderr and "warnings" not in build.stderr
    assert build.stdout.splitlines()[0].endswith(" s (2 warnings above)")


def tree_state(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `root`."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(root.rglob("*"))
    }


@pytest.mark.parametrize("after_a_build", [False, True])
def test_check_writes_nothing_at_all(project: Path, after_a_build: bool) -> None:
    """Not the build cache either: the project is byte for byte what it was."""
    write_article(project, "2025/06/floods.md", GOOD)
    write_article(
        project, "2025/06/draft.md", GOOD.replace("Floods in Assam", "Draft") + "\ndraft: true"
    )
    if after_a_build:
        assert run_here("build", cwd=project).returncode == 0
        write_article(project, "2025/06/floods.md", GOOD, "An edited body.\n")
    broken_newsroom(project)
    before = tree_state(project)
    for args in ((), ("--format", "github")):
        status, _ = check(project, *args)
        assert status == 1
        assert tree_state(project) == before


def test_check_leaves_the_build_cache_folder_untouched(project: Path) -> None:
    """`check` reads what the builds cached without opening it for writing: no -wal or
    -shm file made even for a moment, so the cache folder and every file in it keep
    their modification times (a backup or `make` sees nothing changed)."""
    write_article(project, "2025/06/floods.md", GOOD)
    assert run_here("build", cwd=project).returncode == 0
    write_article(project, "2025/06/floods.md", GOOD, "An edited body.\n")
    cache = project / ".newsdigest-cache"
    stamps = {p: p.stat().st_mtime_ns for p in [cache, *cache.rglob("*")]}
    status, _ = check(project)
    assert status == 0
    assert {p: p.stat().st_mtime_ns for p in [cache, *cache.rglob("*")]} == stamps


def test_two_stories_of_one_day_with_one_name_are_one_error_naming_both(
    project: Path,
) -> None:
    write_article(project, "2025/06/floods.md", GOOD)
    write_article(project, "desk/floods.md", GOOD.replace("10:00", "18:00"))
    status, lines = check(project)
    assert status == 1
    assert lines == [
        "content/desk/floods.md:3: error: this story and content/2025/06/floods.md (line 3) "
        "would be published at the same address, /2025/06/02/floods/: two stories of one "
        "day with one name",
        "    fix: give this story a name of its own: add the line 'slug: floods-in-assam' "
        "to its front matter (or rename its file)",
        "1 error, 0 warnings",
    ]


def test_collisions_point_at_the_line_that_makes_them(project: Path) -> None:
    """A URL clash is on the `slug:` line (the `date:` line without one), a feed-id clash on
    the `id:` line, two tags with one URL on the `tags:` line: not line 1."""
    write_article(project, "2025/06/floods.md", GOOD)  # date: on line 3
    write_article(project, "world/floods.md", GOOD.replace("10:00", "18:00"))
    write_article(
        project, "2025/06/storm.md", GOOD.replace("Floods", "Storm") + "\nslug: rain"
    )  # slug: on line 7
    write_article(project, "2025/06/rain.md", GOOD.replace("Floods", "Rain"))
    write_article(
        project,
        "2025/06/one.md",
        GOOD.replace("Floods", "One") + "\nid: tag:desk.example,2025:shared",
    )
    write_article(
        project,
        "2025/06/two.md",
        GOOD.replace("Floods", "Two") + "\nid: tag:desk.example,2025:shared",
    )
    write_article(project, "2025/06/a.md", GOOD.replace("Floods", "A") + "\ntags: [C]")
    write_article(
        project, "2025/06/b.md", GOOD.replace("Floods", "B") + "\nsummary: Short.\ntags: [C++]"
    )
    status, lines = check(project)
    assert status == 1
    found = {x.split(": error: ")[0]: x for x in lines if ": error: this story and " in x}
    assert set(found) == {  # one error a pair, on the file that can take another name
        "content/world/floods.md:3",
        "content/2025/06/storm.md:7",
        "content/2025/06/two.md:7",
    }
    assert (
        "this story and content/2025/06/floods.md (line 3) would be"
        in found["content/world/floods.md:3"]
    )
    assert (
        "this story and content/2025/06/rain.md (line 3) would be"
        in found["content/2025/06/storm.md:7"]
    )
    assert (
        "this story and content/2025/06/one.md (line 7) have the same permanent id"
        in found["content/2025/06/two.md:7"]
    )
    tags = [x for x in lines if "warning: tags 'C' and 'C++'" in x]
    assert len(tags) == 1 and tags[0].startswith("content/2025/06/b.md:8: ")


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize(
    ("front", "first"),
    [
        (GOOD.replace("country: India", "country: Narnia"), "4: error: country 'Narnia'"),
        (
            GOOD + "\nimage:\n  alt: A harbour",
            "8: error: image.src is missing",
        ),
    ],
)
def test_front_matter_errors_and_body_errors_come_in_one_run(
    project: Path, command: str, front: str, first: str
) -> None:
    """The editor fixes the front matter, the missing picture and the dead link at once;
    a link to another story whose front matter is also wrong is not called dead."""
    write_article(project, "2025/06/other.md", GOOD.replace("country: India", "country: Oz"))
    body = "Text.\n\n![Chart](chart.png)\n\nSee [before](../05/gone.md), [other](other.md).\n"
    path = write_article(project, "2025/06/story.md", front, body)
    lines = path.read_text(encoding="utf-8").splitlines()
    image = lines.index("![Chart](chart.png)") + 1
    result = run_here(
        command, *(["--output", str(project / "site")] * (command == "build")), cwd=project
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = [line for line in (result.stdout + result.stderr).splitlines() if "story.md:" in line]
    assert said == [
        f"content/2025/06/story.md:{first}" + said[0].split(first, 1)[1],
        f"content/2025/06/story.md:{image}: error: image 'chart.png' does not exist",
        f"content/2025/06/story.md:{image + 2}: error: link to '../05/gone.md' points to "
        "no published article",
    ]
    assert not (project / "site").exists()


@pytest.mark.parametrize("command", ["check", "build"])
def test_every_dead_link_of_every_story_is_listed_in_one_run(project: Path, command: str) -> None:
    """A tester's newsroom: one story links to a missing story file and to /about/ (no
    such page); another has a missing lead picture and a link to /../x. `build` used to
    list only the first link, and both commands hid the second story's link behind its
    picture: each fix then revealed one more error."""
    write_article(
        project, "2025/06/a.md", GOOD, "See [x](../05/nothing.md) and [about](/about/).\n"
    )
    write_article(
        project,
        "2025/06/b.md",
        GOOD.replace("Assam", "Bihar") + "\nimage:\n  src: missing.jpg\n  alt: A river",
        "See [up](/../x).\n",
    )
    result = run_here(
        command, *(["--output", str(project / "site")] * (command == "build")), cwd=project
    )
    said = [line for line in (result.stdout + result.stderr).splitlines() if ": error:" in line]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert said == [
        "content/2025/06/a.md:8: error: link to '../05/nothing.md' points to no published article",
        "content/2025/06/a.md:8: error: link to '/about/' goes to no page of the site",
        "content/2025/06/b.md:8: error: image.src: 'missing.jpg' does not exist (looked for "
        "content/2025/06/missing.jpg)",
        "content/2025/06/b.md:11: error: link to '/../x' goes to no page of the site",
    ]
    assert not (project / "site").exists()


def test_the_in_memory_build_lists_the_dead_site_links_beside_other_errors(
    project: Path,
) -> None:
    from generator import config, pipeline

    write_article(project, "2025/06/a.md", GOOD, "See [about](/about/).\n")
    write_article(project, "2025/06/b.md", GOOD.replace("India", "Oz"), "See [up](/../x).\n")
    paths = pipeline.Paths(project, project / "content", project / "templates", project / "site")
    built = pipeline.build(paths, config.load(project), pipeline.Selection())
    assert not built.ok and not built.files
    found = [(d.path, d.line) for d in built.diagnostics if d.severity == "error"]
    assert found == [("2025/06/a.md", 8), ("2025/06/b.md", 4), ("2025/06/b.md", 8)]
    assert "'/about/' goes to no page" in built.diagnostics[0].message
    assert "'/../x' goes to no page" in built.diagnostics[2].message
