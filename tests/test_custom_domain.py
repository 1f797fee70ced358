"""Moving a project site (https://me.github.io/gaz/) to a custom domain as README's "A
custom domain" says: old articles' links copied from the old address bar (/gaz/...) keep
working with former_base_url, and without it the error says what moved and how to fix
it; a `cname` setting that is not base_url's host is a warning on its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_here, write_article

WELCOME = """\
title: Welcome
date: 2025-06-20T10:00:00Z
country: India
credits:
  author: Desk
"""
SECOND = WELCOME.replace("Welcome", "Second").replace("06-20", "06-21")
LINK = "Read [our welcome](/gaz/2025/06/20/welcome/) first.\n"

SETTINGS = """\
title = "Harbour Gazette"
base_url = "{url}"
site_id = "me.github.io,2026"
"""


def newsroom(tmp_path: Path, url: str, more: str = "") -> Path:
    root = tmp_path / "gazette"
    write_article(root, "2025/06/welcome.md", WELCOME)
    write_article(root, "2025/06/second.md", SECOND, LINK)
    (root / "newsdigest.toml").write_text(SETTINGS.format(url=url) + more, encoding="utf-8")
    return root


def test_before_the_move_a_link_under_the_base_path_is_a_warning(tmp_path: Path) -> None:
    result = run_here("check", cwd=newsroom(tmp_path, "https://me.github.io/gaz/"))
    assert result.returncode == 0, result.stdout
    assert "second.md:8: warning: link '/gaz/2025/06/20/welcome/' starts with" in result.stdout


def test_after_the_move_readmes_step_keeps_old_links_working_with_a_warning(
    tmp_path: Path,
) -> None:
    former = 'former_base_url = "https://me.github.io/gaz/"\n'
    root = newsroom(tmp_path, "https://news.example.org/", former)
    checked = run_here("check", cwd=root)
    assert checked.returncode == 0, checked.stdout  # the deploy's check passes
    assert (
        "content/2025/06/second.md:8: warning: link '/gaz/2025/06/20/welcome/' starts with "
        "/gaz/, the path of former_base_url (where the site was): it is read as the page "
        "/2025/06/20/welcome/"
    ) in checked.stdout
    assert "    fix: write /2025/06/20/welcome/: it works at any address" in checked.stdout
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=root, search=False)
    assert built.returncode == 0, built.stderr
    page = (site / "2025/06/21/second/index.html").read_text(encoding="utf-8")
    assert 'href="/2025/06/20/welcome/"' in page and "/gaz/" not in page


def test_after_the_move_without_former_base_url_the_error_says_what_moved(
    tmp_path: Path,
) -> None:
    result = run_here("check", cwd=newsroom(tmp_path, "https://news.example.org/"))
    assert result.returncode == 1
    error, fix = result.stdout.splitlines()[:2]
    assert error == (
        "content/2025/06/second.md:8: error: link to '/gaz/2025/06/20/welcome/' goes to no "
        "page of the site; without its first folder /gaz/ it is the page "
        "/2025/06/20/welcome/: was /gaz/ the site's base path before it moved?"
    )
    assert fix.startswith("    fix: write /2025/06/20/welcome/: it works at any address;")
    assert 'former_base_url = "https://USER.github.io/gaz/"' in fix


def test_a_former_base_url_that_is_no_address_is_an_error_on_its_line(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "https://news.example.org/", 'former_base_url = "me.github.io/gaz"\n')
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert "newsdigest.toml:4: error: base_url 'me.github.io/gaz' is not an absolute URL" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("url", "cname", "said"),
    [
        (
            "https://me.github.io/gaz/",
            "news.example.org",
            "cname 'news.example.org' is not base_url's host (me.github.io): every canonical "
            "link, feed and sitemap names https://me.github.io/gaz/",
        ),
        (
            "https://me.github.io/gaz/",
            "me.github.io",
            "cname 'me.github.io' is a github.io address, which GitHub Pages does not take "
            "as a custom domain",
        ),
    ],
)
def test_a_cname_that_is_not_base_urls_host_is_a_warning_on_its_line(
    tmp_path: Path, url: str, cname: str, said: str
) -> None:
    root = newsroom(tmp_path, url, f'cname = "{cname}"\n')
    (root / "content/2025/06/second.md").write_text(
        "---\n" + SECOND + "---\nNo link.\n", encoding="utf-8"
    )
    result = run_here("check", cwd=root)
    assert result.returncode == 0
    assert result.stdout.startswith(f"newsdigest.toml:4: warning: {said}"), result.stdout
    annotated = run_here("check", "--format", "github", cwd=root)
    assert annotated.stdout.startswith("::warning file=newsdigest.toml,line=4,")


def test_a_cname_that_is_base_urls_host_says_nothing(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "https://news.example.org/", 'cname = "News.Example.org"\n')
    (root / "content/2025/06/second.md").write_text(
        "---\n" + SECOND + "---\nNo link.\n", encoding="utf-8"
    )
    result = run_here("check", cwd=root)
    assert result.returncode == 0 and "warning" not in result.stdout, result.stdout


def test_once_every_old_link_is_fixed_check_says_former_base_url_can_go(tmp_path: Path) -> None:
    former = 'former_base_url = "https://me.github.io/gaz/"\n'
    root = newsroom(tmp_path, "https://news.example.org/", former)
    assert "former_base_url (where the site was)" in run_here("check", cwd=root).stdout
    second = root / "content/2025/06/second.md"
    second.write_text(second.read_text().replace("(/gaz/2025/", "(/2025/"), encoding="utf-8")
    result = run_here("check", cwd=root)
    assert result.returncode == 0
    assert result.stdout.startswith(
        "newsdigest.toml:4: warning: former_base_url 'https://me.github.io/gaz/': no article "
        "links under its path any more\n    fix: delete the former_base_url line"
    ), result.stdout
