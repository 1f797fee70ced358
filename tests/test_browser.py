"""The sample site as readers meet it: Debian's Chromium (driven by Playwright) with axe-core.

The site is served under /sub/, as GitHub Pages serves a project site. Every kind of page
loads with no console error and no failed request, fits a 390 px phone without sideways
scrolling, and has no serious or critical accessibility violation (light mode on the
desktop, dark mode on the phone). Search finds stories offline, under the base path.

Screenshots of the home page, an article and a topic page (1280 and 390 px wide) go to
docs/screenshots/ when NEWSDIGEST_SCREENSHOTS=1, else into the test's tmp folder.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

CHROMIUM = Path(os.environ.get("NEWSDIGEST_CHROMIUM", "/usr/bin/chromium"))
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ARTICLE = "2025/06/25/altaf-hussain-calls-on-modi-to-advocate-for-mohajirs/"
PAGES = {
    "home": "",
    "article": ARTICLE,
    "topic": "tags/climate/",
    "topics": "tags/",
    "country": "countries/in/",
    "countries": "countries/",
    "archive": "archive/",
    "month": "archive/2025/06/",
    "digest": "digest/2025-06-27/",
    "digests": "digest/",
    "search": "search/",
    "not-found": "404.html",
}
SCREENSHOTS = ("home", "article", "topic")

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'"
)
if not CHROMIUM.exists():
    pytest.skip(f"Chromium is missing at {CHROMIUM}: apt-get install chromium "
                "(never `playwright install`)", allow_module_level=True)
if not AXE.is_file():
    pytest.skip(f"axe-core is missing at {AXE}: run `npm install` in the repository",
                allow_module_level=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        pass


@pytest.fixture(scope="module")
def server(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site at http://127.0.0.1:PORT/sub/, served from a thread."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(sample_site, root / "sub")
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/sub/"
    httpd.shutdown()
    thread.join()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def screenshot_dir(tmp_path: Path) -> Path:
    if os.environ.get("NEWSDIGEST_SCREENSHOTS") == "1":
        return REPO / "docs" / "screenshots"
    return tmp_path


class Visit:
    """One page load, with everything that went wrong while it loaded."""

    def __init__(self, browser: Any, width: int, scheme: str) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900},
                                           color_scheme=scheme)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        self.page.on("response", self._response)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")

    def serious_violations(self) -> list[str]:
        self.page.add_script_tag(path=str(AXE))
        found = self.page.evaluate("""async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                           nodes: v.nodes.map(n => n.target.join(" "))}));
        }""")
        return [f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][:3]}"
                for v in found if v["impact"] in ("serious", "critical")]

    def overflow(self) -> int:
        return int(self.page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"))

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (390, "dark")])
def test_every_kind_of_page_loads_cleanly_fits_and_passes_axe(
    server: str, browser: Any, width: int, scheme: str, tmp_path: Path
) -> None:
    shots = screenshot_dir(tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    for name, path in PAGES.items():
        visit = Visit(browser, width, scheme)
        try:
            visit.open(server + path)
            if name == "not-found":
                assert visit.page.locator("h1").inner_text() == "Page not found"
            if width <= 390 and (extra := visit.overflow()) > 0:
                failures.append(f"{name}: {extra}px of horizontal scrolling at {width}px")
            failures += [f"{name} ({scheme}): {v}" for v in visit.serious_violations()]
            failures += [f"{name}: {p}" for p in visit.problems]
            if name in SCREENSHOTS:
                visit.page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=False)
        finally:
            visit.close()
    assert failures == []


def test_the_phone_layout_has_no_sideways_scroll_even_at_320px(server: str, browser: Any) -> None:
    failures = []
    for name in ("home", "article", "topic", "search"):
        visit = Visit(browser, 320, "light")
        try:
            visit.open(server + PAGES[name])
            if visit.overflow() > 0:
                failures.append(name)
        finally:
            visit.close()
    assert failures == []


def test_search_finds_stories_offline_and_links_under_the_base_path(
    server: str, browser: Any
) -> None:
    visit = Visit(browser, 1280, "light")
    try:
        visit.open(server + "search/?q=monsoon")
        results = visit.page.locator(".pagefind-ui__result-link")
        results.first.wait_for(timeout=15000)
        titles = results.all_inner_texts()
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        assert "Monsoon Sweeps Into Northwest India Ahead of Schedule" in titles
        assert all(href and href.startswith("/sub/20") for href in hrefs), hrefs
        assert visit.serious_violations() == []
        visit.page.click(".pagefind-ui__result-link >> nth=0")
        visit.page.wait_for_load_state("load")
        assert visit.page.url.startswith(server + "20")
        assert visit.problems == []
    finally:
        visit.close()


def test_stories_read_without_javascript(server: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + ARTICLE)
        assert "Altaf Hussain" in page.locator("h1").inner_text()
        assert page.locator(".body p").count() > 2
        page.goto(server)
        assert page.locator(".day").count() >= 1
        page.goto(server + "search/")
        assert "needs JavaScript" in page.locator("main").inner_text()
    finally:
        context.close()


def test_keyboard_users_get_a_skip_link_and_a_visible_focus(server: str, browser: Any) -> None:
    visit = Visit(browser, 1280, "light")
    try:
        visit.open(server + ARTICLE)
        visit.page.keyboard.press("Tab")
        focused = visit.page.evaluate("""() => {
            const el = document.activeElement, style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {text: el.textContent, href: el.getAttribute("href"),
                    outline: style.outlineStyle, width: style.outlineWidth,
                    visible: box.top >= 0 && box.bottom <= innerHeight && box.width > 0};
        }""")
        assert focused["text"] == "Skip to content" and focused["href"] == "#main"
        assert focused["visible"] and focused["outline"] != "none"
        visit.page.keyboard.press("Enter")
        assert visit.page.evaluate("location.hash") == "#main"
    finally:
        visit.close()
