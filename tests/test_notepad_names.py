"""An article saved with another extension after its own (`story.md.txt`, as Notepad
does when Windows hides extensions), a `.txt` file that starts with front matter, or one
named with '.md' twice (`x.md.md`) is an error on the file with the name to give it, as
`story.MD` is (README, Writing an article): never silently left out, nor published at
an address ending in '-md'."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

STORY = "title: Notepad story\ndate: 2025-06-20T10:00:00Z\ncountry: UK\ncredits:\n  author: A\n"


def test_an_article_saved_by_notepad_is_named_with_the_fix(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "a/good.md", STORY.replace("Notepad story", "Good"))
    made = write_article(project, "a/story.md", STORY)
    made.rename(made.with_name("story.md.txt"))
    plain = write_article(project, "a/other.md", STORY)
    plain.rename(plain.with_name("other.txt"))
    (project / "content" / "a" / "notes.txt").write_text("a note, no front matter\n", "utf-8")
    twice = write_article(project, "a/x.md", STORY)
    twice.rename(twice.with_name("x.md.md"))
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for name, fixed in [("story.md.txt", "story.md"), ("other.txt", "other.md")]:
        [at] = [n for n, line in enumerate(lines) if line.startswith(f"content/a/{name}:1: ")]
        assert "this file is not read" in lines[at]
        assert lines[at + 1].strip() == f"fix: rename the file to {fixed}"
    [at] = [n for n, line in enumerate(lines) if line.startswith("content/a/x.md.md:1: error:")]
    assert "the extension is written twice" in lines[at]
    assert lines[at + 1].strip() == "fix: rename the file to x.md"
    assert "notes.txt" not in result.stdout
    built = run_here("build", "--no-cache", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 1
    assert "content/a/x.md.md:1: error:" in built.stdout + built.stderr
    assert not (tmp_path / "site").exists()


def test_a_txt_article_added_after_a_build_stops_the_cached_build(tmp_path: Path) -> None:
    """The build with its cache lists content/ from the last build's names: a `.txt` file
    with front matter added since is read there too, as check reads it."""
    project = make_project(tmp_path / "project")
    write_article(project, "a/good.md", STORY.replace("Notepad story", "Good"))
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    plain = write_article(project, "a/other.md", STORY)
    plain.rename(plain.with_name("other.txt"))
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 1
    assert "content/a/other.txt:1: error: this file is not read" in built.stdout + built.stderr
