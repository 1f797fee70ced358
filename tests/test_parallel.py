"""Serial and parallel builds give the same bytes, and both equal rendering every page directly."""

from __future__ import annotations

from pathlib import Path

from conftest import BASE_URL, load_synth, run_newsdigest, site_files

from generator import config
from generator.commands.build import Paths, load_articles, render_bodies, render_site
from generator.index.site import build_index
from generator.render.urls import Urls

synth = load_synth()

COUNT = 60  # above the size at which work is spread over processes




def build(project: Path, out: Path, *extra: str) -> str:
    result = run_newsdigest("build", "--output", str(out), "--base-url", BASE_URL,
                            *extra, cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_serial_and_parallel_builds_are_byte_identical(tmp_path: Path) -> None:
    project = synth.write_newsdigest(tmp_path / "project", synth.articles(COUNT))
    build(project, tmp_path / "serial", "--no-cache", "--jobs", "1")
    build(project, tmp_path / "parallel", "--no-cache", "--jobs", "2")
    serial, parallel = site_files(tmp_path / "serial"), site_files(tmp_path / "parallel")
    assert sorted(serial) == sorted(parallel)
    assert [p for p in serial if serial[p] != parallel[p]] == []
    assert len([p for p in serial if p.endswith("index.html")]) > COUNT


def test_planned_pages_equal_every_page_rendered_directly(tmp_path: Path) -> None:
    """The page cache's plan records exactly what the theme's renderer would write."""
    project = synth.write_newsdigest(tmp_path / "project", synth.articles(COUNT))
    out = tmp_path / "site"
    build(project, out, "--no-cache", "--jobs", "2")
    built = site_files(out)
    settings = config.load(project, {"base_url": BASE_URL})
    paths = Paths(project, project / "content", project / "templates", out)
    articles, _ = load_articles(paths.content, settings)
    published, _, assets = render_bodies(articles, settings, Urls(settings.base_url),
                                         paths.content)
    site = build_index(published, settings.tz)
    search = (out / "pagefind").is_dir()
    direct = render_site(site, settings, paths, assets, search=search)
    for item in direct:
        assert built[item.path] == item.data, item.path
