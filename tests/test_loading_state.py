"""What a rebuild takes from the build state instead of doing again for every unchanged
story (the site-wide topics, the records decoded once): it must give the site a clean
build of the same files gives, whichever stories were read anew."""

from __future__ import annotations

from pathlib import Path

from conftest import BASE_URL, Forked, clean_build, edit, make_project, site_files, write_article


def _story(project: Path, name: str, day: int, tags: str) -> Path:
    return write_article(
        project,
        f"2025/06/{name}.md",
        f'title: "Story {name}"\ndate: 2025-06-{day:02d}T09:00:00\ncountry: Kenya\n'
        f"tags: [{tags}]\nsummary: A story.\ncredits:\n  author: Amina Diallo",
    )


def _build(forked: Forked, project: Path) -> dict[str, bytes]:
    site = project.parent / "site"
    flags = ("--base-url", BASE_URL, "--jobs", "1")
    result = forked.run("build", "--output", str(site), *flags, cwd=project)
    assert result.returncode == 0, result.stderr
    return site_files(site)


def test_a_topics_name_is_its_most_used_spelling_over_stored_and_new_stories(
    tmp_path: Path, forked: Forked
) -> None:
    """Two stories spell the topic 'Climate', one 'climate': the page says 'Climate'. Two
    edits later the lower-case spelling is the most used, and the page, the story pages
    and the feeds say it, as a clean build does."""
    project = make_project(tmp_path / "project")
    first = _story(project, "one", 1, "Climate, Politics")
    second = _story(project, "two", 2, "Climate")
    _story(project, "three", 3, "climate")
    built = _build(forked, project)
    assert b">Climate<" in built["tags/climate/index.html"]
    edit(first, "[Climate,", "[climate,")
    assert _build(forked, project) == clean_build(project)
    edit(second, "[Climate]", "[climate]")
    rebuilt = _build(forked, project)
    assert rebuilt == clean_build(project)
    assert b">climate<" in rebuilt["tags/climate/index.html"]
    assert b">Climate<" not in rebuilt["tags/climate/index.html"]


def test_a_look_alike_topic_renamed_in_one_story_moves_the_numbered_address(
    tmp_path: Path, forked: Forked
) -> None:
    """'C#' (oldest) and 'C++' share /tags/c/: the newer is /tags/c-2/. Renaming the
    oldest story's topic frees the plain address for 'C++' in a rebuild, as in a clean
    build."""
    project = make_project(tmp_path / "project")
    oldest = _story(project, "one", 1, "C#")
    _story(project, "two", 2, "C++")
    _story(project, "three", 3, "C++, Politics")
    built = _build(forked, project)
    assert b"C++" in built["tags/c-2/index.html"]
    edit(oldest, "[C#]", "[Rust]")
    rebuilt = _build(forked, project)
    assert rebuilt == clean_build(project)
    assert b"C++" in rebuilt["tags/c/index.html"]
    assert "tags/c-2/index.html" not in rebuilt
