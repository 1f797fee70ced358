"""A link to a story's file is read as the story whatever follows its name ('story.md/',
'story.md//', 'story.md/.'): the story's Markdown text, front matter and a draft's
embargoed words included, is never copied into the site as a file. A link that reaches
an article's text another way (a Markdown file not named .md, a link on disk to a story)
is an error; 'page.html/' is a web page file as 'page.html' is."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import make_project, run_here, write_article

STORY = """\
title: {title}
date: 2025-06-20T10:00:00Z
country: UK
credits:
  author: Asha Rao"""
SECRET = "Embargoed: the minister resigns tomorrow."


def newsroom(root: Path, links: str) -> Path:
    project = make_project(root)
    secret = STORY.format(title="Secret") + "\ndraft: true"
    write_article(project, "l/secret.md", secret, SECRET + "\n")
    write_article(project, "l/target.md", STORY.format(title="Target"))
    write_article(project, "l/leak.md", STORY.format(title="Leak"), links + "\n")
    return project


def published(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_a_link_to_a_drafts_file_with_a_slash_is_an_error_and_publishes_nothing(
    tmp_path: Path,
) -> None:
    links = '[e](/l/secret.md/) <a href="secret.md/">f</a> [g](secret.md//)'
    project = newsroom(tmp_path / "project", links)
    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert (checked.returncode, built.returncode) == (1, 1)
    for link in ("/l/secret.md/", "secret.md/", "secret.md//"):
        error = f"content/l/leak.md:8: error: link to {link!r} points to no published article"
        assert error in checked.stdout and error in built.stderr, checked.stdout
    assert not (tmp_path / "site").exists()


def test_a_link_to_a_storys_file_with_a_slash_goes_to_its_page(tmp_path: Path) -> None:
    links = "[k](target.md/) [k2](/l/target.md/#top) [k3](./target.md/.?a=1)"
    project = newsroom(tmp_path / "project", links)
    (project / "content/l/secret.md").unlink()
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0, built.stderr
    page = (site / "2025/06/20/leak/index.html").read_text(encoding="utf-8")
    for href in ("target/", "target/#top", "target/?a=1"):
        assert f'href="/sub/2025/06/20/{href}"' in page
    assert not [p for p in published(site) if p.startswith("media/")]


def test_an_articles_text_reached_another_way_is_an_error(tmp_path: Path) -> None:
    links = "[a](notes.dat) [b](Other.markdown) [c](page.html/) [d](Target.md/)"
    project = newsroom(tmp_path / "project", links)
    os.symlink("secret.md", project / "content/l/notes.dat")
    (project / "content/l/Other.markdown").write_text("---\ntitle: O\n---\nText.\n")
    (project / "content/l/page.html").write_text("<script>alert(1)</script>\n")
    checked = run_here("check", cwd=project)
    lines = checked.stdout.splitlines()
    fixes = {line: lines[i + 1].strip() for i, line in enumerate(lines) if ": error: " in line}
    text = "is an article's Markdown text, which is never published as a file"
    at = "content/l/leak.md:8: error: link to"
    assert fixes[
        f"{at} 'notes.dat': content/l/notes.dat {text} (readers would get its front matter and all)"
    ] == ("fix: content/l/notes.dat is a link to content/l/secret.md: link to that story")
    assert fixes[
        f"{at} 'Other.markdown': content/l/Other.markdown {text} (readers would "
        "get its front matter and all)"
    ].startswith("fix: rename the file to Other.md")
    assert any(
        line.startswith(
            "content/l/leak.md:8: error: link 'page.html/': content/l/page.html is a web page file"
        )
        for line in fixes
    )
    assert fixes[f"{at} 'Target.md/' points to no published article"].startswith(
        "fix: did you mean target.md? File names must match in capitals"
    )
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 1 and not (tmp_path / "site").exists()
