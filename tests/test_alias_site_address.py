"""An alias typed with the site's address or with the site's own path (base_url
http://127.0.0.1:8000/sub/): the fix is the path from the site's address, never a path
that publishes the redirect under /sub/127.0.0.1:8000/... or /sub/sub/... (prober3 M5);
`/sub/old/`, which the site can publish, at /sub/sub/old/, is a warning with that fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, write_article


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("127.0.0.1:8000/sub/old10/", None),  # an IP is no site name: the plain fixes
        ("example.com/sub/old10/", "/old10/"),
        ("sub/2025/06/25/old9/", "/2025/06/25/old9/"),
        ('"https://example.com/sub/2025/old7/"', "/2025/old7/"),
    ],
)
def test_an_alias_typed_with_the_sites_address_gets_the_path_after_it(
    tmp_path: Path, typed: str, meant: str | None
) -> None:
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + f"aliases: [{typed}]\n")

    out = run_here("check", cwd=project).stdout
    assert "content/2025/06/story.md:7: error: aliases: item 1" in out
    if meant is None:
        return
    assert out.rstrip().splitlines()[1].endswith(f": {meant}"), out
    path.write_text(path.read_text().replace(typed, meant), encoding="utf-8")
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stdout
    assert "aliases" not in built.stdout + built.stderr
    assert (tmp_path / "site" / meant.strip("/") / "index.html").exists()


def test_an_alias_starting_with_the_sites_path_is_warned(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY + "aliases: [/sub/2025/old8/, /old/]\n")

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert built.returncode == 0
    assert (
        "content/2025/06/story.md:7: warning: aliases: item 1 (/sub/2025/old8/) starts with "
        "the site's own path (/sub/): an alias is from the site's address, so its redirect is "
        "published at /sub/sub/2025/old8/\n"
        "    fix: if the old address was /sub/2025/old8/, write /2025/old8/\n"
    ) in built.stdout + built.stderr
    assert "item 2" not in built.stdout + built.stderr  # /old/: a plain alias, silent
    assert (tmp_path / "site/sub/2025/old8/index.html").exists()


def test_an_alias_error_in_a_list_below_names_the_items_line(tmp_path: Path) -> None:
    """prober3 L12: the error named the `aliases:` line, two lines above the item."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY + "aliases:\n  - /ok/\n  - old-slug\n")

    out = run_here("check", cwd=project).stdout
    assert "content/2025/06/story.md:9: error: aliases: item 2 (old-slug) does not start" in out


def test_the_same_alias_twice_is_warned(tmp_path: Path) -> None:
    """prober3 L15: `aliases: [/x/, /x/]` got no message."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY + "aliases: [/x/, /y/, /x/index.html]\n")

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert built.returncode == 0
    assert (
        "content/2025/06/story.md:7: warning: aliases: item 3 (/x/index.html) is the same "
        "address as item 1: one redirect page is made for both\n"
        "    fix: delete item 3 (/x/index.html) from the list\n"
    ) in built.stdout + built.stderr
    assert (tmp_path / "site/x/index.html").exists()
    assert (tmp_path / "site/y/index.html").exists()


@pytest.mark.parametrize("typed", ["/sub/", "/sub"])
def test_an_alias_that_is_the_sites_own_path_is_warned(tmp_path: Path, typed: str) -> None:
    """prober4 M10: `/sub/` (the site's own path) was published silently at /sub/sub/."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + f"aliases: [{typed}, /old/]\n")

    out = run_here("check", cwd=project).stdout

    assert (
        f"content/2025/06/story.md:7: warning: aliases: item 1 ({typed}) is the site's own "
        "path (/sub/): an alias is from the site's address, so its redirect is published "
        "at /sub/sub/\n"
        "    fix: if the old address was /sub/, the site's home page, delete item 1 "
        f"({typed}) from the list: no alias can be it\n"
    ) in out, out
    assert "item 2" not in out  # /old/: a plain alias, silent
    path.write_text(path.read_text().replace(f"{typed}, ", ""), encoding="utf-8")
    assert run_here("check", cwd=project).stdout.startswith("checked 1 article: no errors")


@pytest.mark.parametrize("typed", ["example.com/sub/", '"https://example.com/sub"'])
def test_an_alias_that_is_the_sites_home_page_address_is_an_error(
    tmp_path: Path, typed: str
) -> None:
    """prober4 M10: `example.com/sub/` got the fix `/example.com/sub/` (at the site's root)."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/story.md", STORY + f"aliases: [{typed}, /old/]\n")

    out = run_here("check", cwd=project).stdout

    shown = typed.strip('"')
    assert (
        f"content/2025/06/story.md:7: error: aliases: item 1 ({shown}) is this site's home "
        "page (its address, ending in /sub/), which the site always publishes there: no "
        "alias can be it\n"
        f"    fix: delete item 1 ({shown}) from the list\n"
    ) in out, out
    path.write_text(path.read_text().replace(f"{typed}, ", ""), encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0
