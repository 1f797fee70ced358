"""sitemap.xml as search engines read it at scale: sitemaps.org allows at most 50,000
URLs and 50 MB in one sitemap file, so past either sitemap.xml becomes a sitemap index
of numbered sitemaps that together list every page once, in order. Under both it is the
one <urlset> it always was, and robots.txt names sitemap.xml either way. The limits are
given small here, to a real newsroom's pages; lxml reads the files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from conftest import BASE_URL, make_project, searching, write_article
from lxml import etree

from generator import config, pipeline
from generator.commands.build import Options, Paths, Selection, build_site
from generator.index.site import build_index
from generator.model import OutputFile
from generator.render.sitemap import sitemap
from generator.render.urls import Urls

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOW = datetime.fromisoformat("2025-06-26T12:00:00+00:00")


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Five stories, built: (project, site)."""
    root = tmp_path_factory.mktemp("newsroom")
    project = make_project(root / "project")
    for day in range(1, 6):
        front = (
            f"title: Story {day}\ndate: 2025-06-{day:02d}T10:00:00Z\ntags: [rain]\n"
            "country: India\ncredits:\n  author: Desk"
        )
        write_article(project, f"story-{day}.md", front)
    settings = config.load(project)
    paths = Paths(project, project / "content", project / "templates", root / "site")
    with searching(False):  # (no test here looks at the search index)
        assert build_site(paths, settings, Selection(now=NOW), Options(jobs=1)).ok
    return project, root / "site"


def made(project: Path, site: Path, **limits: int) -> list[OutputFile]:
    """The sitemap files of the built site's pages, with the limits given."""
    settings = config.load(project)
    articles, _ = pipeline.load(project / "content", settings)
    pages = [OutputFile(str(p.relative_to(site)), b"") for p in site.rglob("index.html")]
    return sitemap(pages, build_index(articles, settings.tz), Urls(BASE_URL), **limits)


def locs(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return [str(loc) for loc in root.xpath("sm:url/sm:loc/text()", namespaces=NS)]


def test_under_the_limits_sitemap_xml_is_the_one_urlset_the_build_writes(
    newsroom: tuple[Path, Path],
) -> None:
    project, site = newsroom
    files = made(project, site)
    assert [f.path for f in files] == ["sitemap.xml"]
    assert files[0].data == (site / "sitemap.xml").read_bytes()
    assert not list(site.glob("sitemap-[0-9]*.xml"))
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots


@pytest.mark.parametrize("limit", [3, 7])
def test_over_the_url_limit_an_index_lists_numbered_sitemaps_of_every_page_once(
    newsroom: tuple[Path, Path], limit: int
) -> None:
    project, site = newsroom
    every = locs((site / "sitemap.xml").read_bytes())
    assert len(every) > limit
    files = made(project, site, limit=limit)
    index = etree.fromstring(files[0].data)
    assert files[0].path == "sitemap.xml"
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    listed = index.xpath("sm:sitemap/sm:loc/text()", namespaces=NS)
    names = [f"sitemap-{n}.xml" for n in range(1, len(files))]
    assert listed == [BASE_URL + name for name in names]
    assert [f.path for f in files[1:]] == names
    parts = [locs(f.data) for f in files[1:]]
    assert all(len(part) <= limit for part in parts)
    assert [loc for part in parts for loc in part] == every  # each page once, in order


def test_over_the_byte_limit_the_sitemaps_are_split_by_size_too(
    newsroom: tuple[Path, Path],
) -> None:
    project, site = newsroom
    whole = (site / "sitemap.xml").read_bytes()
    files = made(project, site, max_bytes=len(whole) // 3)
    assert len(files) >= 4  # the index and at least three sitemaps
    assert all(len(f.data) <= len(whole) // 3 for f in files[1:])
    assert [loc for f in files[1:] for loc in locs(f.data)] == locs(whole)
