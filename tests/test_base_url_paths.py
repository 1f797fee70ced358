"""A base URL whose path is not a plain folder (an empty folder from `--base-url "$URL/"`,
a '..', a page, an empty query) would be published in every link, so `check` and `build`
refuse it on its line of the settings file, or naming --base-url, with the address to write."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_here, write_article

STORY = """\
title: A Story
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Desk
"""

SETTINGS = """\
title = "Test Desk"
base_url = "{url}"
site_id = "example.org,2025"
"""

BAD = [
    ("https://me.github.io//", "an empty folder ('//')", "https://me.github.io/"),
    ("https://me.github.io/gaz//", "an empty folder ('//')", "https://me.github.io/gaz/"),
    ("https://me.github.io//gaz/", "an empty folder ('//')", "https://me.github.io/gaz/"),
    ("https://me.github.io/a/../b/", "a '.' or '..' folder", "https://me.github.io/b/"),
    ("https://me.github.io/./gaz/", "a '.' or '..' folder", "https://me.github.io/gaz/"),
    ("https://me.github.io/%2e%2e/", "a '.' or '..' folder", "https://me.github.io/"),
    ("https://me.github.io/a%2Fb/", "an encoded '/'", "https://me.github.io/a-b/"),
    ("https://me.github.io/gaz/index.html", "a page ('index.html')", "https://me.github.io/gaz/"),
    ("https://me.github.io/gaz/?", "must not have a query", "https://me.github.io/gaz/"),
    ("https://me.github.io/gaz/#top", "must not have a query", "https://me.github.io/gaz/"),
    ("https://me:pw@me.github.io/", "a user name before its host name", "https://me.github.io/"),
    ("https://me.github.io:/gaz/", "a ':' with no port number", "https://me.github.io/gaz/"),
]


def newsroom(tmp_path: Path, url: str) -> Path:
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)
    (root / "newsdigest.toml").write_text(SETTINGS.format(url=url), encoding="utf-8")
    return root


@pytest.mark.parametrize(("url", "said", "fixed"), BAD)
def test_a_base_url_with_a_malformed_path_is_an_error_on_its_line(
    tmp_path: Path, url: str, said: str, fixed: str
) -> None:
    root = newsroom(tmp_path, url)
    site = tmp_path / "site"

    checked = run_here("check", cwd=root)
    built = run_here("build", "--output", str(site), cwd=root, search=False)

    for result in (checked, built):
        assert result.returncode == 2, result.stdout
        assert f"newsdigest.toml:2: error: base_url {url!r} " in result.stderr, result.stderr
        assert said in result.stderr
        assert "    fix: write " in result.stderr and fixed in result.stderr
    assert not site.exists()


@pytest.mark.parametrize(("url", "said", "fixed"), BAD[:1] + BAD[3:4] + BAD[7:8])
def test_a_malformed_base_url_option_is_refused_naming_the_option(
    tmp_path: Path, url: str, said: str, fixed: str
) -> None:
    """A deploy script's `--base-url "$URL/"`, where $URL already ends in '/'."""
    root = newsroom(tmp_path, "https://me.github.io/gaz/")
    site = tmp_path / "site"
    result = run_here("build", "--output", str(site), "--base-url", url, cwd=root, search=False)
    assert result.returncode == 2
    assert f"--base-url: base_url {url!r} " in result.stderr and said in result.stderr
    assert fixed in result.stderr
    assert not site.exists()


def test_a_plain_folder_still_builds_with_links_under_it(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "https://me.github.io/my%20news")
    site = tmp_path / "site"
    result = run_here("build", "--output", str(site), cwd=root, search=False)
    assert result.returncode == 0, result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="/my%20news/static/style.css' in home or "/my%20news/static/" in home
    assert 'href="//' not in home
