"""Files for the site root (ads.txt, a search console's verification page,
.well-known/security.txt) go in the project's static/ folder and are published as they
are, as Hugo publishes its static/; one that would replace a file newsdigest writes is an
error naming both, and such a file left in content/ or templates/ gets a warning."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import Forked, make_project, run_here, write_article

STORY = """\
title: Harbour opens
date: 2025-06-20T10:00:00Z
country: India
credits:
  author: Desk
"""
ROOT_FILES = {
    "ads.txt": b"google.com, pub-1, DIRECT, f08c47fec0942fa0\n",
    "google123.html": b"google-site-verification: google123.html",
    ".well-known/security.txt": b"Contact: mailto:security@example.org\n",
}


def newsroom(root: Path, files: dict[str, bytes], body: str = "Body.\n") -> Path:
    project = make_project(root)
    write_article(project, "2025/06/harbour.md", STORY, body)
    for name, data in files.items():
        (project / "static" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "static" / name).write_bytes(data)
    return project


def test_the_files_of_static_are_published_at_the_site_root_as_they_are(tmp_path: Path) -> None:
    body = "Our [ads.txt](/ads.txt) and [security contact](/.well-known/security.txt).\n"
    project = newsroom(tmp_path / "project", ROOT_FILES, body)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and "warning" not in checked.stdout, checked.stdout
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project, search=False)
    assert built.returncode == 0, built.stderr
    for name, data in ROOT_FILES.items():
        assert (site / name).read_bytes() == data  # at the root, not under /sub/ or /static/
    page = (site / "2025/06/20/harbour/index.html").read_text(encoding="utf-8")
    # a body link to one is a link to a page of the site, under base_url's path as any
    assert 'href="/sub/ads.txt"' in page and 'href="/sub/.well-known/security.txt"' in page


@pytest.mark.parametrize(
    ("name", "said"),
    [
        (
            "robots.txt",
            "static/robots.txt would be published at /robots.txt, where newsdigest "
            "publishes its own /robots.txt",
        ),
        ("static/style.css", "where newsdigest publishes its own /static/style.css"),
        ("2025/06/20/harbour/index.html", "its own /2025/06/20/harbour/index.html"),
        ("tags", "a folder where newsdigest publishes /tags/"),
    ],
)
def test_a_static_file_at_an_address_newsdigest_writes_is_an_error_naming_both(
    tmp_path: Path, name: str, said: str
) -> None:
    project = newsroom(tmp_path / "project", {name: b"mine\n"})
    site = tmp_path / "site"
    for result in (
        run_here("check", cwd=project),
        run_here("build", "--output", str(site), cwd=project, search=False),
    ):
        assert result.returncode == 1
        first, fix = (result.stdout or result.stderr).splitlines()[:2]
        assert first.startswith(f"static/{name}:1: error: static/{name} ") and said in first
        assert fix.startswith(f"    fix: rename or delete static/{name}")
    assert not site.exists()


def test_a_symbolic_link_in_static_is_refused(tmp_path: Path) -> None:
    project = newsroom(tmp_path / "project", ROOT_FILES)
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the site\n", encoding="utf-8")
    os.symlink(secret, project / "static" / "linked.txt")
    site = tmp_path / "site"
    result = run_here("build", "--output", str(site), cwd=project, search=False)
    assert result.returncode == 1
    assert "static/linked.txt:1: error: static/linked.txt is a symbolic link" in result.stderr
    assert not site.exists()


def test_a_root_file_left_in_content_or_templates_gets_a_warning(tmp_path: Path) -> None:
    """Nothing reads them there: without a word they would never be published."""
    project = newsroom(tmp_path / "project", {})
    (project / "content" / "ads.txt").write_text("google.com, pub-1, DIRECT\n")
    (project / "content" / ".well-known").mkdir()
    (project / "content" / ".well-known" / "security.txt").write_text("Contact: x\n")
    (project / "templates").mkdir()
    (project / "templates" / "ads.txt").write_text("google.com, pub-1, DIRECT\n")
    result = run_here("check", cwd=project)
    assert result.returncode == 0
    for shown, name in (
        ("content/ads.txt", "ads.txt"),
        ("content/.well-known", ".well-known"),
        ("templates/ads.txt", "ads.txt"),
    ):
        assert f"{shown}:1: warning: {shown} is not published at the site root (/{name})" in (
            result.stdout
        )
        assert f"    fix: move it to static/{name}: every file in static/ is published" in (
            result.stdout
        )


def test_an_edited_or_new_static_file_is_published_by_the_next_build(
    tmp_path: Path, forked: Forked
) -> None:
    """The build that finds nothing else changed still notices static/ (its cache)."""
    project = newsroom(tmp_path / "project", {"ads.txt": b"first\n"})
    site = tmp_path / "site"
    assert forked.run("build", "--output", str(site), cwd=project, search=False).returncode == 0
    (project / "static" / "ads.txt").write_bytes(b"second\n")
    (project / "static" / "google123.html").write_bytes(b"verify")
    again = forked.run("build", "--output", str(site), cwd=project, search=False)
    assert again.returncode == 0, again.stderr
    assert (site / "ads.txt").read_bytes() == b"second\n"
    assert (site / "google123.html").read_bytes() == b"verify"
    (project / "static" / "google123.html").unlink()
    assert forked.run("build", "--output", str(site), cwd=project, search=False).returncode == 0
    assert not (site / "google123.html").exists()


@pytest.mark.parametrize(
    ("name", "target", "said"),
    [
        ("loop.md", "loop.md", "error: this is a link that leads back to itself"),
        ("a.md", "b.md", "error: this is a link that leads back to itself (through b.md)"),
        ("dangling.md", "nowhere.md", "warning: this file is a link to nowhere.md, which does"),
        ("ads.txt", "gone.txt", "warning: this file is a link to gone.txt, which does not exist"),
        ("pic.png", "gone.png", "warning: this file is a link to gone.png, which does not exist"),
    ],
)
def test_a_link_at_the_top_of_content_that_cannot_be_read_gets_only_its_own_message(
    tmp_path: Path, name: str, target: str, said: str
) -> None:
    """Tester T8: a link loop or a link to nothing at the top of content/ was also told
    "move it to static/", which would publish a broken link; a link to nothing not named
    *.md got only that advice. Each gets the link's own message, and deleting the link, as
    its fix says, checks clean."""
    project = newsroom(tmp_path / "p", {})
    link = project / "content" / name
    link.symlink_to(target)
    if target == "b.md":
        (project / "content/b.md").symlink_to("a.md")
    checked = run_here("check", cwd=project)
    assert f"content/{name}:1: {said}" in checked.stdout, checked.stdout
    assert "static/" not in checked.stdout, checked.stdout
    link.unlink()
    (project / "content/b.md").unlink(missing_ok=True)
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout


@pytest.mark.parametrize(
    ("name", "target", "said"),
    [
        ("ads.txt", "gone.txt", "is a link to gone.txt, which does not exist, so it cannot be"),
        ("loop.txt", "loop.txt", "is a link to loop.txt, which leads back to itself, so it"),
        ("article.html", "gone.html", "is a link to gone.html, which does not exist, so it"),
    ],
)
def test_a_link_in_templates_that_cannot_be_read_is_said_as_a_link(
    tmp_path: Path, name: str, target: str, said: str
) -> None:
    """T8's kind in templates/: a link there to nothing was told "move it to static/" (or,
    for a template, nothing was said, and the built-in one used). It is a warning that it
    is a link that cannot be read; deleting it checks clean."""
    project = newsroom(tmp_path / "p", {})
    (project / "templates").mkdir()
    link = project / "templates" / name
    link.symlink_to(target)
    checked = run_here("check", cwd=project)
    assert f"templates/{name}:1: warning: templates/{name} {said}" in checked.stdout, checked.stdout
    assert "static/" not in checked.stdout, checked.stdout
    link.unlink()
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout
