"""Arrows point the way the reader reads, in Chromium (Debian's, driven by Playwright).

Unicode does not mirror arrows in right-to-left text, so "← Newer stories" on an Urdu page
would show the arrow on the outer right of the link, pointing left, into its own words.
The theme writes each direction's glyph: on every page the arrow sits at the outer end of
its link and points that way, and the link to newer pages (the start of the line) points
to the start: left on an English page, right on an Urdu one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE_URL, make_project, parked, run_here, static_server, write_article

CHROMIUM = Path(os.environ.get("NEWSDIGEST_CHROMIUM", "/usr/bin/chromium"))
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'"
)
if not CHROMIUM.exists():
    pytest.skip(
        f"Chromium is missing at {CHROMIUM}: apt-get install chromium (never `playwright install`)",
        allow_module_level=True,
    )

# Each link of a pagination bar: its arrow, where the arrow and the words are drawn (x of
# their centres), and whether it leads to newer pages (the first link of the digest's bar).
ARROWS = """() => [...document.querySelectorAll("nav.pagination a")].map((a, i) => {
    const node = [...a.childNodes].find(n => n.nodeType === 3 && /[←→]/.test(n.data));
    const at = node.data.search(/[←→]/), words = node.data.replace(/[←→]/, "").trim();
    const range = document.createRange();
    range.setStart(node, at); range.setEnd(node, at + 1);
    const arrow = range.getBoundingClientRect();
    const start = node.data.indexOf(words);
    range.setStart(node, start); range.setEnd(node, start + words.length);
    const text = range.getBoundingClientRect();
    return {glyph: node.data[at], arrow: arrow.left + arrow.width / 2,
            words: text.left + text.width / 2,
            newer: a.rel === "prev" || (!a.rel && i === 0 && !!document.querySelector(
                "nav.pagination a + a"))};
})"""


def story(slug: str, day: int) -> str:
    return (
        f"title: Story {slug}\nslug: {slug}\ndate: 2025-06-{day:02d}T10:00:00+00:00\n"
        "country: Pakistan\ncredits:\n  author: Desk\ntags: [Weather]"
    )


@pytest.fixture(scope="module", params=["en", "ur"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site in English or Urdu: three stories on three days, two a page; served."""
    language = request.param
    project = make_project(tmp_path_factory.mktemp(language) / "p", f'language = "{language}"\n')
    for slug, day in (("a", 20), ("b", 21), ("c", 22)):
        write_article(project, f"2025/06/{slug}.md", story(slug, day))
    root = project.parent / "www"
    result = run_here("build", "--output", str(root / "sub"), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    with static_server(root) as url:
        yield url + "sub/"


@pytest.fixture(scope="module")
def tab(chromium_tab: Any) -> Iterator[Any]:
    """The worker's Chromium tab (conftest.chromium_tab), 1024 x 800, that the tests load
    their pages in (a new context or tab each would start a renderer process each)."""
    chromium_tab.set_viewport_size({"width": 1024, "height": 800})
    yield chromium_tab
    parked(chromium_tab)


@pytest.mark.parametrize("path", ["tags/weather/", "tags/weather/page/2/", "digest/2025-06-21/"])
def test_arrows_point_outwards_and_newer_points_to_the_start(
    site: str, tab: Any, path: str
) -> None:
    tab.goto(site + path, wait_until="load")
    rtl = tab.evaluate("document.documentElement.dir") == "rtl"
    links = tab.evaluate(ARROWS)
    assert links, path
    for link in links:
        points = -1 if link["glyph"] == "←" else 1
        drawn = -1 if link["arrow"] < link["words"] else 1
        assert drawn == points, (path, link)  # at the outer end, pointing out
        if link["newer"]:
            assert points == (1 if rtl else -1), (path, link)  # towards the line's start
