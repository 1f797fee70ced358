"""A rebuild keeps an unchanged article's body HTML where the build state has it: it checks
small rows only, and a page that shows the body reads the HTML back by the article's
source. A body whose HTML is damaged or gone by then is converted again for that page, so
the site is still the clean build's; a broken link in a kept body is still named on its
line. The sites are built without the search index, as `test_cached_articles.build` builds
the clean ones they are compared with."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Forked, make_project, run_here, site_files, write_article
from test_cached_articles import (
    build,
    desk_project,
    first,
    first_build,
    pictures,
    sample_project,
)

from generator.render.theme import THEME_DIR
from generator.speed import articles, bodyrows
from generator.speed.store import checksum, dumps

__all__ = ["first"]  # the module's fixture: the sample's pictures, encoded once

HARBOUR = "2025/06/harbour-reopens.md"


def _state(project: Path, sql: str) -> int:
    """Run `sql` on the build state behind the build's back; the rows it changed."""
    database = sqlite3.connect(project / ".newsdigest-cache" / "state.sqlite")
    with database:
        changed = database.execute(sql, (HARBOUR,)).rowcount
    database.close()
    return changed


def _retitle(project: Path, title: str) -> None:
    """A new title, the body as it was (same line, same text): the body is kept, the page
    that shows it is made again."""
    story = project / "content" / HARBOUR
    text = story.read_text(encoding="utf-8")
    (old,) = [line for line in text.splitlines() if line.startswith("title: ")]
    assert old != f"title: {title}"
    story.write_text(text.replace(old, f"title: {title}", 1), encoding="utf-8")


def _same(site: Path, clean: Path) -> None:
    """The two sites hold the same files, byte for byte (named when not)."""
    mine, theirs = site_files(site), site_files(clean)
    assert sorted(mine) == sorted(theirs)
    assert [path for path in mine if mine[path] != theirs[path]] == []


GREAT_STORM = "Harbour reopens after the great storm"


def retitled_clean(root: Path, first: Path, make: Callable[..., Path]) -> Path:
    """The project `make` makes (`sample_project`, `desk_project`) with the harbour story
    retitled GREAT_STORM, built as a first build (a new cache that holds only the sample's
    encoded pictures: no article record, no kept body, no page state): the site each
    test's rebuilds must give, whatever they found damaged."""
    project = make(root)
    _retitle(project, GREAT_STORM)
    first_build(project, root / "clean", first)
    return root / "clean"


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, first: Path) -> Path:
    """`retitled_clean` of the DESK stories (tests/test_cached_articles.py)."""
    return retitled_clean(tmp_path_factory.mktemp("clean"), first, desk_project)


DAMAGES = {
    "changed": "UPDATE body_html SET html = replace(html, 'reopened', 'XYZZY') WHERE source = ?",
    "gone": "DELETE FROM body_html WHERE source = ?",
    "row gone": "DELETE FROM bodies WHERE source = ?",
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_kept_body_is_converted_again_for_the_page_that_shows_it(
    tmp_path: Path, damage: str, first: Path, clean: Path
) -> None:
    project = desk_project(tmp_path, pictures(first))
    site = tmp_path / "site"
    build(project, site)
    assert _state(project, DAMAGES[damage]) == 1
    _retitle(project, GREAT_STORM)
    build(project, site)
    _same(site, clean)
    page = (site / "2025" / "06" / "24" / "harbour-reopens" / "index.html").read_text("utf-8")
    assert "the great storm" in page and "The harbour reopened on Tuesday" in page
    assert not any(b"XYZZY" in data for data in site_files(site).values())


def test_worker_processes_read_kept_bodies_and_convert_a_damaged_one_again(
    tmp_path: Path, forked: Forked, first: Path
) -> None:
    """Pages rendered by forked workers read the state with connections of their own (the
    whole sample: enough pages for a build to start them)."""
    clean = retitled_clean(tmp_path / "clean", first, sample_project)
    project = sample_project(tmp_path, pictures(first))
    site = tmp_path / "site"
    jobs = ("--output", str(site), "--jobs", "2")
    assert forked.run("build", *jobs, cwd=project, search=False).returncode == 0
    _state(project, DAMAGES["changed"])
    for title in ("Harbour reopens, ships sail", GREAT_STORM):
        _retitle(project, title)
        result = forked.run("build", *jobs, cwd=project, search=False)
        assert result.returncode == 0, result.stderr
    _same(site, clean)
    # A retitled story's rebuild makes a dozen pages, too few for worker processes; a theme
    # edit makes every page again, in the workers, each reading its story's body back.
    assert _state(project, DAMAGES["changed"]) == 1
    _theme_edit(project)
    result = forked.run("build", *jobs, cwd=project, search=False)
    assert result.returncode == 0, result.stderr
    themed = retitled_clean(
        tmp_path / "themed", first, lambda root: _theme_edit(sample_project(root))
    )
    _same(site, themed)
    assert not any(b"XYZZY" in data for data in site_files(site).values())


def _theme_edit(project: Path) -> Path:
    """An override of the built-in theme's base.html, one comment added."""
    (project / "templates").mkdir()
    base = (THEME_DIR / "base.html").read_text(encoding="utf-8")
    (project / "templates" / "base.html").write_text(
        base.replace("</body>", "<!-- theme edit -->\n</body>"), encoding="utf-8"
    )
    return project


def test_every_kept_body_damaged_still_gives_the_clean_site(
    tmp_path: Path, first: Path, clean: Path
) -> None:
    """Every body's HTML changed in the state (the small rows left whole): a rebuild after
    a title edit converts again what the pages and feeds it makes show."""
    project = desk_project(tmp_path, pictures(first))
    site = tmp_path / "site"
    build(project, site)
    database = sqlite3.connect(project / ".newsdigest-cache" / "state.sqlite")
    with database:
        kept = database.execute("UPDATE body_html SET html = 'damaged'").rowcount
    database.close()
    assert kept > 1
    _retitle(project, GREAT_STORM)
    result = run_here("build", "--output", str(site), "--jobs", "1", cwd=project, search=False)
    assert result.returncode == 0, result.stderr
    _same(site, clean)


def test_a_broken_link_in_a_kept_body_is_named_on_its_line(tmp_path: Path) -> None:
    """The linked article moves; the linking story is unchanged, its body kept (its
    Markdown is not): the error names the line its file has the link on."""
    project = make_project(tmp_path / "project")
    front = "title: {}\ndate: 2025-06-0{}T10:00:00Z\ncountry: India\ncredits:\n  author: Desk"
    plan = write_article(project, "2025/06/plan.md", front.format("Storm plan", 1))
    body = "First line.\n\nSee [the plan](/2025/06/01/plan/).\n"
    write_article(project, "2025/06/rain.md", front.format("Rain", 2), body)
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    plan.write_text(
        plan.read_text("utf-8").replace("title: Storm plan", "title: Storm plan\nslug: plans"),
        encoding="utf-8",
    )
    result = run_here("build", "--output", str(site), cwd=project)
    assert result.returncode == 1
    # '---' 1, five lines of front matter, '---' 7: the body starts on line 8.
    assert result.stderr.startswith(
        "content/2025/06/rain.md:10: error: link to '/2025/06/01/plan/' goes to no page"
    ), result.stderr


def test_the_rows_checked_meanwhile_are_those_a_check_here_finds(
    tmp_path: Path, first: Path
) -> None:
    """The child that checks every kept body's row while the build loads its articles
    (bodyrows.checked_ahead) hands over what a check in the build's own process finds:
    each row's key and meta, a row that fails its sum or its shape as damaged."""
    project = desk_project(tmp_path, pictures(first))
    build(project, tmp_path / "site")
    path = project / ".newsdigest-cache" / "state.sqlite"
    database = sqlite3.connect(path)
    with database:
        rows = database.execute(bodyrows.SCAN).fetchall()
        others = [row for row in rows if row[0] != HARBOUR]
        damaged, linking = others[0], others[1]  # one fails its sum, one links (as JSON)
        database.execute("UPDATE bodies SET meta = meta || ' ' WHERE source = ?", damaged[:1])
        meta = dumps({**json.loads(linking[2]), "links": {HARBOUR: "/2025/06/24/x/"}})
        sql = "UPDATE bodies SET meta = ?, sum = ? WHERE source = ?"
        database.execute(sql, (meta, checksum(linking[0], linking[1], meta), linking[0]))
        key = [row[1] for row in rows if row[0] == HARBOUR][0]  # its meta not an object:
        database.execute(sql, ("[]", checksum(HARBOUR, key, "[]"), HARBOUR))  # under its sum
        rows = database.execute(bodyrows.SCAN).fetchall()
    database.close()
    found = bodyrows.checked_ahead(path)()
    assert found is not None
    here = list(bodyrows.scanned([rows], {row[0] for row in rows}))
    assert list(found) == here
    assert len(here) > 5
    assert sorted(source for source, _, meta in here if meta is None) == sorted(
        [HARBOUR, damaged[0]]
    )
    assert [meta[0] for source, _, meta in here if source == linking[0]] == [
        {HARBOUR: "/2025/06/24/x/"}
    ]


@pytest.mark.parametrize("where", ["meanwhile", "here"])
def test_a_kept_body_whose_row_is_damaged_is_converted_again(
    tmp_path: Path, first: Path, clean: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kept body's row whose meta no longer holds its sum is a miss, whether the rows were
    checked by the child meanwhile or, when it cannot be started, by the build itself."""
    if where == "here":
        monkeypatch.setattr(articles, "checked_ahead", lambda path: lambda: None)
    project = desk_project(tmp_path, pictures(first))
    site = tmp_path / "site"
    build(project, site)
    assert _state(project, "UPDATE bodies SET meta = meta || ' ' WHERE source = ?") == 1
    _retitle(project, GREAT_STORM)
    build(project, site)
    _same(site, clean)
