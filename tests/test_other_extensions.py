"""A complete article saved with no extension (`content/noext-story`: "Save" after the
extension was deleted) or as another tool's text (`.rtf`, `.mdx`, `.qmd`, `.html`) is an
error naming the name to give it, as `.txt` is (tester4 F9: both were silently not
published); the same kinds of file without front matter say nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

STORY = "title: {title}\ndate: 2025-06-20T10:00:00Z\ncountry: UK\ncredits:\n  author: A\n"
MISSAVED = ("noext-story", "sub/story.rtf", "sub/s.mdx", "sub/q.qmd", "sub/p.html", "sub/t.text")


def saved(project: Path, relative: str, text: str) -> None:
    path = project / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_an_article_saved_without_md_is_an_error_whose_fix_publishes_it(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "sub/good.md", STORY.format(title="Good"))
    for n, relative in enumerate(MISSAVED):
        saved(project, relative, "---\n" + STORY.format(title=f"Story {n}") + "---\nText.\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    for relative in MISSAVED:
        [at] = [n for n, line in enumerate(lines) if line.startswith(f"content/{relative}:1: ")]
        assert lines[at].startswith(f"content/{relative}:1: error: this file is not read: ")
        assert "must end in '.md'" in lines[at] and "Notepad" not in lines[at], lines[at]
        fixed = relative.rpartition("/")[2].rpartition(".")[0] or relative
        assert lines[at + 1].strip() == f"fix: rename the file to {fixed}.md"
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 1 and not site.exists()
    for relative in MISSAVED:  # the fixes followed
        path = project / "content" / relative
        path.rename(path.with_name(path.name.rpartition(".")[0] or path.name).with_suffix(".md"))
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert len(list((site / "2025/06/20").iterdir())) == len(MISSAVED) + 1


def test_files_of_those_kinds_without_front_matter_say_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "sub/good.md", STORY.format(title="Good"))
    saved(project, "NOTES", "Call the mayor's office on Monday.\n")
    saved(project, "sub/letter.rtf", "{\\rtf1\\ansi Dear editor,}\n")
    saved(project, "sub/chart.html", "<!doctype html><title>Chart</title><p>Votes</p>\n")
    saved(project, "sub/rules", "--- no front matter, a line of dashes\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    for name in ("NOTES", "letter.rtf", "chart.html", "rules"):
        assert name not in checked.stdout


def test_an_article_with_no_extension_added_after_a_build_stops_the_cached_build(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "sub/good.md", STORY.format(title="Good"))
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    saved(project, "sub/late", "---\n" + STORY.format(title="Late") + "---\nText.\n")
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 1
    assert "content/sub/late:1: error: this file is not read" in built.stdout + built.stderr


def test_a_front_matter_block_without_an_article_field_is_no_article(tmp_path: Path) -> None:
    """prober5 P27: a Jekyll leftover (`_config` holding `layout:` alone) was told to be
    renamed to _config.md, which then made an article with no title or date."""
    project = make_project(tmp_path / "p")
    write_article(project, "sub/good.md", STORY.format(title="Good"))
    saved(project, "_config", "---\nlayout: default\n---\n")
    saved(project, "sub/defaults", "---\nlayout: post\nauthor: Desk\n---\n")
    saved(project, "sub/late", "---\n" + STORY.format(title="Late") + "---\nText.\n")
    checked = run_here("check", cwd=project)
    assert "_config" not in checked.stdout and "defaults" not in checked.stdout, checked.stdout
    assert "content/sub/late:1: error: this file is not read" in checked.stdout  # an article


OTHER_MARKUP = {"sub/a.adoc": "AsciiDoc", "sub/o.org": "Org", "sub/r.rst": "reStructuredText"}


def test_a_story_in_another_markup_hugo_reads_is_an_error(tmp_path: Path) -> None:
    """prober5 P5: Hugo publishes .adoc, .org and .rst stories; newsdigest left them out
    without a word. Their text is not Markdown: the fix says to write it so."""
    project = make_project(tmp_path / "p")
    write_article(project, "sub/good.md", STORY.format(title="Good"))
    for n, relative in enumerate(OTHER_MARKUP):
        saved(project, relative, "---\n" + STORY.format(title=f"Story {n}") + "---\nText.\n")
    saved(project, "sub/conf.rst", "Setup\n=====\n\nNo front matter: Sphinx's page.\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    for relative, language in OTHER_MARKUP.items():
        [at] = [n for n, line in enumerate(lines) if line.startswith(f"content/{relative}:1: ")]
        assert lines[at].startswith(f"content/{relative}:1: error: this file is not read: ")
        assert f"written in {language}" in lines[at] and "Markdown only" in lines[at]
        stem = relative.rpartition("/")[2].rpartition(".")[0]
        assert lines[at + 1].strip() == (
            f"fix: write its text in Markdown (as Hugo's .md stories are), then rename the "
            f"file to {stem}.md"
        )
    assert "conf.rst" not in checked.stdout
    for relative in OTHER_MARKUP:  # the fix followed (the text is Markdown already)
        path = project / "content" / relative
        path.rename(path.with_suffix(".md"))
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert len(list((site / "2025/06/20").iterdir())) == len(OTHER_MARKUP) + 1
