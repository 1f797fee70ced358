"""The `gfm` Markdown engine (cmark-gfm, GitHub's renderer): the sample newsroom, with one
story using tables, footnotes, a task list, strikethrough and autolinks, builds into valid
pages and readable feeds; links to other stories and pictures resolve as with the default
engine; an incremental build equals a clean one; the site judge passes with each engine."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import (
    BASE_URL,
    SAMPLE,
    SERIAL,
    Forked,
    VnuErrors,
    load_synth,
    run_here,
    sample_pictures,
    site_files,
)
from lxml import html
from site_judge import judge

STORY = "2025/06/29/election-results-by-district/index.html"
LINKED = "2025/06/24/karachi-heatwave-strains-power-grid-and-hospitals/index.html"
BODY = """\
---
title: Election Results by District
date: 2025-06-29T09:00:00+05:30
country: India
credits:
  author: Data Desk
tags: [Politics]
---
Counting ended "late" on Sunday -- see the
[heatwave story](karachi-heatwave-strains-power-grid-and-hospitals.md) and
www.example.org for the count.[^source]

| District | Turnout |
| :------- | ------: |
| North    | 61%     |
| South    | 58%     |

- [x] North counted
- [ ] South recount

The ~~first~~ final figures.

![The count hall](tokyo-heat.jpg)

<script>alert(1)</script>

[^source]: Figures from the election commission.
"""


def sample_with(root: Path, engine: str, pictures: Path) -> Path:
    """The sample newsroom plus the story above, with `markdown_engine = ENGINE`; its build
    cache holds the sample's `pictures` (conftest.sample_pictures), encoded once."""
    project = root / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(pictures, project / ".newsdigest-cache" / "images")
    with (project / "newsdigest.toml").open("a", encoding="utf-8") as settings:
        settings.write(f'markdown_engine = "{engine}"\n')
    (project / "content/2025/06/election-results-by-district.md").write_text(BODY, encoding="utf-8")
    return project


def built(project: Path, search: bool = False) -> Path:
    out = project.parent / "site"
    flags = ("--base-url", BASE_URL, *SERIAL)
    result = run_here("build", "--output", str(out), *flags, cwd=project, search=search)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def gfm_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with the story above, by the gfm engine. With the search index, as the
    sample's shared build (conftest.sample_site): two thirds of its pages are then the
    same bytes as the sample's, which the Nu checker has checked once (`vnu_errors`)."""
    pictures = sample_pictures(tmp_path_factory)
    return built(sample_with(tmp_path_factory.mktemp("gfm"), "gfm", pictures), search=True)


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pictures = sample_pictures(tmp_path_factory)
    return built(sample_with(tmp_path_factory.mktemp("default"), "python-markdown", pictures))


def story(site: Path) -> html.HtmlElement:
    return html.parse(str(site / STORY)).getroot()


def test_tables_footnotes_task_lists_and_smart_quotes_render(gfm_site: Path) -> None:
    page = story(gfm_site)
    cells = [c.text_content().strip() for c in page.iter("td")]
    assert cells == ["North", "61%", "South", "58%"]
    (ref,) = [a for a in page.iter("a") if a.get("href") == "#fn-source"]
    assert ref.get("id") == "fnref-source"
    (note,) = [li for li in page.iter("li") if li.get("id") == "fn-source"]
    assert "Figures from the election commission." in note.text_content()
    text = page.text_content()
    assert "\u2611 North counted" in text and "\u2610 South recount" in text
    assert "\u201clate\u201d" in text and "\u2013 see" in text  # smart punctuation
    assert [d.text for d in page.iter("del")] == ["first"]
    assert any(a.get("href") == "http://www.example.org" for a in page.iter("a"))
    assert not list(page.iter("input"))


def test_raw_html_is_sanitised_as_with_the_default_engine(gfm_site: Path) -> None:
    article = story(gfm_site).find(".//article")
    assert article is not None
    assert not list(article.iter("script"))
    assert "alert(1)" not in article.text_content()  # dropped, as nh3 drops it by default
    assert not list(article.iter("section"))  # cmark-gfm's footnote wrapper is not kept


def test_links_and_pictures_resolve_as_with_the_default_engine(
    gfm_site: Path, default_site: Path
) -> None:
    def targets(site: Path) -> tuple[list[str], list[str]]:
        article = story(site).find(".//article")
        assert article is not None
        hrefs = [a.get("href") for a in article.iter("a") if "heatwave" in (a.text or "")]
        pictures = [s.get("srcset") or s.get("src") for s in article.iter("source", "img")]
        return hrefs, pictures

    hrefs, pictures = targets(gfm_site)
    assert hrefs == targets(default_site)[0]
    assert hrefs[0].endswith(LINKED.removesuffix("index.html"))
    assert (gfm_site / LINKED).is_file()
    assert pictures == targets(default_site)[1] and pictures


def test_feeds_parse_and_carry_the_story(gfm_site: Path) -> None:
    feed = feedparser.parse((gfm_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    (item,) = [e for e in feed.entries if e.title == "Election Results by District"]
    assert '<table tabindex="0">' in item.content[0].value  # a Tab stop, as on the page


def test_the_html_checker_finds_no_error_on_any_gfm_page_nor_on_the_default_engines_story(
    gfm_site: Path,
    default_site: Path,
    tmp_path_factory: pytest.TempPathFactory,
    vnu_errors: VnuErrors,
) -> None:
    """One run of the Nu Html Checker (a Java start-up) for both engines: every page of the
    gfm site, and the story as the default engine writes it (tests/test_html.py checks
    every other page of the sample with the default engine)."""
    errors, _ = vnu_errors(tmp_path_factory.getbasetemp(), gfm_site, default_site / STORY)
    assert errors == []


def test_an_incremental_gfm_build_after_edits_equals_a_clean_build(
    tmp_path: Path, forked: Forked
) -> None:
    """Each build in a process of its own: only the disk links one build to the next.
    Without the search index (conftest.searching), which this test does not look at:
    tests/test_search.py and the incremental tests marked `search` test it."""
    synth = load_synth()
    project = synth.write_newsdigest(tmp_path / "project", synth.articles(12))
    settings = next(
        p for p in (project / "newsdigest.toml", project / "pyproject.toml") if p.is_file()
    )
    site, clean = tmp_path / "site", tmp_path / "clean"

    def build(out: Path, *extra: str) -> str:
        flags = ("--output", str(out), "--base-url", BASE_URL, *extra)
        done = forked.run("build", *flags, cwd=project, search=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    build(site)  # python-markdown first: switching the engine must convert again
    settings.write_text(
        settings.read_text(encoding="utf-8") + 'markdown_engine = "gfm"\n', encoding="utf-8"
    )
    out = build(site)
    assert "12 converted" in out
    body = project / "content" / synth.articles(4)[3].path
    body.write_text(
        body.read_text(encoding="utf-8")
        + "\n| a | b |\n| - | - |\n| 1 | 2 |\n\nNote.[^n]\n\n[^n]: A footnote.\n",
        encoding="utf-8",
    )
    assert "1 converted" in build(site)
    build(clean, "--no-cache", "--jobs", "1")
    got, want = site_files(site), site_files(clean)
    assert sorted(got) == sorted(want)
    assert [path for path in want if got[path] != want[path]] == []
    assert any(b"<td>1</td>" in data for path, data in got.items() if path.endswith(".html"))


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_the_site_judge_passes_the_sample_with_each_engine(
    tmp_path: Path, engine: str, request: pytest.FixtureRequest
) -> None:
    """The project's site judge (feeds, internal links), when installed on this machine.
    Its LinkChecker crawl is left out for time; its Nu checker would check again what the
    test above and tests/test_html.py check (every page of both engines; the theme's CSS in
    tests/test_language_homes.py's judge run); its browser check, what the test below
    checks on the gfm pages, and tests/test_browser.py on every kind of the default
    engine's pages, in light and dark mode."""
    site = request.getfixturevalue("gfm_site" if engine == "gfm" else "default_site")
    judge(site, "/sub/", "--skip", "linkchecker,vnu,browser", "--out", str(tmp_path / "report"))


def test_the_gfm_pages_pass_the_judges_browser_check(
    gfm_site: Path, tmp_path: Path, chromium: Any, chromium_tab: Any
) -> None:
    """The pages the site judge's browser check loads (the home page, the first topic page
    and the newest story: the one above, with its table, footnote and task list), in
    Chromium in a window and on a phone: no failed request, no console error, no serious
    or critical axe-core violation (tests/test_browser.py's `judged_in_chromium`)."""
    from test_browser import judge_pages, judged_in_chromium, served

    paths = judge_pages(gfm_site)
    assert paths[2] + "index.html" == STORY
    with served(gfm_site, tmp_path) as server:
        assert judged_in_chromium(chromium, chromium_tab, server, paths) == []
