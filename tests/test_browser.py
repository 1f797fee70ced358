"""The sample site as readers meet it: Debian's Chromium (driven by Playwright) with axe-core.

The site is served under /sub/, as GitHub Pages serves a project site. Every kind of page
loads with no console error and no failed request, fits a 390 px phone without sideways
scrolling, and has no serious or critical accessibility violation (light mode on the
desktop, dark mode on the phone). Search finds stories offline, under the base path.

Screenshots of the home page, an article, a topic page, a daily digest, the topics index and
search (1280 and 390 px wide), and of the founding story's Urdu version (the ones README
shows) are taken into docs/screenshots/ when NEWSDIGEST_SCREENSHOTS=1, and not otherwise: a
picture nobody looks at checks nothing.

The layout is checked at five widths in light mode and on the phone in dark mode: the dark
theme changes colours only (style.css's one prefers-color-scheme block sets colour
variables), so the other dark widths would measure the same boxes again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import feedparser
import pytest
from conftest import BASE_URL, CHROMIUM, REPO, parked, static_server

from generator.write.search import indexer

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/axe.min.js"  # where `server` serves it, outside the site
ARTICLE = "2025/06/25/altaf-hussain-calls-on-modi-to-advocate-for-mohajirs/"
PAGES = {
    "home": "",
    "article": ARTICLE,
    "topic": "tags/climate/",
    "topics": "tags/",
    "country": "countries/in/",
    "countries": "countries/",
    "author": "authors/haruka-mori/",
    "authors": "authors/",
    "archive": "archive/",
    "month": "archive/2025/06/",
    "digest": "digest/2025-06-27/",
    "digests": "digest/",
    "search": "search/",
    "not-found": "404.html",
}
SCREENSHOTS = ("home", "article", "topic", "digest", "topics", "search")
# The founding story's versions: path, direction, the dateline's start.
TRANSLATIONS = {
    "en": (ARTICLE, "ltr", "25 June 2025"),
    "ur": ("2025/06/25/altaf-hussain-appeals-to-modi-ur/", "rtl", "25 جون 2025"),
    "hi": ("2025/06/25/altaf-hussain-appeals-to-modi-hi/", "ltr", "25 जून 2025"),
}
WIDTHS = (320, 390, 768, 1024, 1280)
PHONE = {"width": 390, "height": 844}

# In the page: the left and right edges of main's content box, of its heading and of
# each of its visible blocks, and of the footer's content.
EDGES = """() => {
    const main = document.querySelector("main"), cs = getComputedStyle(main);
    const box = main.getBoundingClientRect();
    const left = box.left + parseFloat(cs.paddingLeft);
    const right = box.right - parseFloat(cs.paddingRight);
    const visible = el => el.getClientRects().length && el.getBoundingClientRect().width > 1;
    const heading = [...main.querySelectorAll("h1, .day-head h2")].find(visible);
    const blocks = [...main.children].filter(visible).map(el => ({
        what: el.tagName.toLowerCase() + "." + el.className,
        left: el.getBoundingClientRect().left}));
    const foot = document.querySelector(".footer-inner"), fs = getComputedStyle(foot);
    const fbox = foot.getBoundingClientRect();
    return {left, right, heading: heading ? heading.getBoundingClientRect().left : null, blocks,
            footLeft: fbox.left + parseFloat(fs.paddingLeft),
            footRight: fbox.right - parseFloat(fs.paddingRight)};
}"""

# Links by accessible name (aria-label, else the text, hidden text included): a name
# that leads to two places is two links a screen-reader user cannot tell apart.
LINK_NAMES = """() => {
    const names = {};
    for (const a of document.querySelectorAll("a[href]")) {
        const name = (a.getAttribute("aria-label") || a.textContent).replace(/\\s+/g, " ").trim();
        (names[name] ||= new Set()).add(a.href);
    }
    return Object.entries(names).filter(([, hrefs]) => hrefs.size > 1)
        .map(([name, hrefs]) => name + " -> " + [...hrefs].join(", "));
}"""

# The home page's topic columns: the bottom of each column, and the tallest story.
COLUMNS = """() => {
    const boxes = [...document.querySelectorAll(".day:first-of-type .topic-columns .story")]
        .map(li => li.getBoundingClientRect());
    const columns = {};
    for (const b of boxes) {
        const x = Math.round(b.left);
        columns[x] = Math.max(columns[x] || 0, b.bottom);
    }
    const box = document.querySelector(".day:first-of-type .topic-columns");
    const wanted = getComputedStyle(box).columnCount;
    return {bottoms: Object.values(columns), wanted: wanted === "auto" ? 1 : Number(wanted),
            tallest: Math.max(...boxes.map(b => b.height))};
}"""

# On an article page: its language and direction, the masthead's direction, whether the
# story opens with a drop capital (floated first letter), where the
# dateline's text starts and ends in its box, and the gaps that are positive when the
# country comes before the date and the day before the month, read right to left ("rtl")
# or left to right ("ltr").
READING = """() => {
    const root = document.documentElement, line = document.querySelector(".dateline");
    const time = line.querySelector("time"), place = line.querySelector("a");
    const box = el => el.getBoundingClientRect();
    const span = (node, from, to) => {
        const range = document.createRange();
        range.setStart(node, from); range.setEnd(node, to);
        return range.getBoundingClientRect();
    };
    const all = document.createRange();
    all.selectNodeContents(line);
    const rects = [...all.getClientRects()];
    const left = Math.min(...rects.map(r => r.left)), right = Math.max(...rects.map(r => r.right));
    const text = time.firstChild, day = span(text, 0, 2), month = span(text, 3, 6);
    return {lang: root.lang, dir: root.dir,
            flow: getComputedStyle(document.querySelector("main")).direction,
            masthead: getComputedStyle(document.querySelector(".tagline")).direction,
            gapStart: left - box(line).left, gapEnd: box(line).right - right,
            date: time.textContent,
            dropCap: getComputedStyle(document.querySelector(".body > p"), "::first-letter").float,
            order: {rtl: [box(place).left - box(time).right, day.left - month.right],
                    ltr: [box(time).left - box(place).right, month.left - day.right]}};
}"""

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'"
)
if not CHROMIUM.exists():
    pytest.skip(
        f"Chromium is missing at {CHROMIUM}: apt-get install chromium (never `playwright install`)",
        allow_module_level=True,
    )
if not AXE.is_file():
    pytest.skip(
        f"axe-core is missing at {AXE}: run `npm install` in the repository",
        allow_module_level=True,
    )


@contextlib.contextmanager
def served(site: Path, root: Path) -> Iterator[str]:
    """`site` linked as ROOT/sub/ and served from a thread at http://127.0.0.1:PORT/sub/
    (yielded), as GitHub Pages serves a project site; axe-core beside it, at AXE_URL. A
    symbolic link, not a copy: the sites served are only read (a copy of the sample's 564
    files and folders costs about 0.02 CPU-seconds on tmpfs)."""
    (root / "sub").symlink_to(site.resolve(), target_is_directory=True)
    shutil.copy(AXE, root / AXE_URL.strip("/"))
    with static_server(root) as url:
        yield url + "sub/"


@pytest.fixture(scope="module")
def server(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site at http://127.0.0.1:PORT/sub/ (`served`)."""
    with served(sample_site, tmp_path_factory.mktemp("www")) as url:
        yield url


@pytest.fixture(scope="module")
def tab(chromium_tab: Any) -> Iterator[Any]:
    """The worker's one tab (conftest.chromium_tab) that the tests load their pages in
    (`Visit`), one after the other, as one reader's browser: the theme keeps nothing in it
    (no cookie, no storage), and each load is a new document. A new tab for each test cost
    Chromium about 0.6 CPU-seconds more a page checked with axe-core (a renderer started,
    axe-core compiled again) than the next page in the same tab."""
    yield chromium_tab
    parked(chromium_tab)


def screenshot(visit: Visit, name: str) -> None:
    """docs/screenshots/NAME.png of the first screen, when NEWSDIGEST_SCREENSHOTS=1."""
    if os.environ.get("NEWSDIGEST_SCREENSHOTS") == "1":
        shots = REPO / "docs" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(shots / f"{name}.png"), full_page=False)


class Visit:
    """Page loads in the tab `page` at one size and colour scheme, with everything that
    went wrong while they loaded (until `close`)."""

    def __init__(self, page: Any, width: int, scheme: str, height: int = 900) -> None:
        self.page = page
        self.page.set_viewport_size({"width": width, "height": height})
        self.page.emulate_media(color_scheme=scheme)
        self.scheme = scheme
        self.problems: list[str] = []
        self._listeners = {
            "console": self._console,
            "pageerror": self._error,
            "requestfailed": self._failed,
            "response": self._response,
        }
        for event, listener in self._listeners.items():
            self.page.on(event, listener)

    def _error(self, exc: Any) -> None:
        self.problems.append(f"page error: {exc}")

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _failed(self, request: Any) -> None:
        # A request cut short by the next navigation of a reused page is not a failure.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.problems.append(f"failed: {request.url} ({request.failure})")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        dark = self.page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        assert dark == (self.scheme == "dark"), f"{url} not seen in {self.scheme} mode"

    def serious_violations(self) -> list[str]:
        self.page.add_script_tag(url=urljoin(self.page.url, AXE_URL))
        found = self.page.evaluate("""async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                           nodes: v.nodes.map(n => n.target.join(" "))}));
        }""")
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][:3]}"
            for v in found
            if v["impact"] in ("serious", "critical")
        ]

    def overflow(self) -> int:
        return int(self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))

    def close(self) -> None:
        """Stop listening to the tab (which the next visit loads its pages in)."""
        for event, listener in self._listeners.items():
            self.page.remove_listener(event, listener)


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (390, "dark")])
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_founding_storys_urdu_hindi_and_english_pages_read_in_their_direction_and_pass_axe(
    server: str, tab: Any, tours: Callable[[str], Tour], language: str, width: int, scheme: str
) -> None:
    """The Urdu page is `lang="ur" dir="rtl"` and Chromium lays it out right to left (its
    dateline starts at the column's right edge); the Hindi and English ones left to right.
    Each names June in its language, fits the screen and passes axe in light and dark: the
    English page (PAGES' "article") as the tour of its colour scheme checked it, at the same
    width (`take_tour`: axe-core run on that page once, not twice)."""
    path, direction, date = TRANSLATIONS[language]
    if language == "en":  # the tour first: it loads its pages in the same tab
        assert (PAGES["article"], TOURS[scheme][1]) == (path, width)
        toured = [f for f in tours(scheme).axe if f.startswith(f"article ({scheme}): ")]
    visit = Visit(tab, width, scheme)
    try:
        visit.open(server + path)
        seen = visit.page.evaluate(READING)
        assert (seen["lang"], seen["dir"] or "ltr") == (language, direction)
        assert seen["flow"] == direction and seen["masthead"] == "ltr"  # the site's English
        # In reading order: the dateline starts on the reading side; the country comes
        # before the date, and the day before the month.
        start, end = (seen["gapStart"], seen["gapEnd"])[:: -1 if direction == "rtl" else 1]
        assert start < 2 and end > 20, seen
        assert all(gap >= 0 for gap in seen["order"][direction]), seen
        assert seen["date"].startswith(date), seen
        # No drop capital cuts the first letter off its word (Arabic script joins its
        # letters, Devanagari hangs them from one line); the English story keeps its own.
        assert (seen["dropCap"] == "none") == (language != "en"), seen
        assert visit.overflow() <= 0
        assert (toured if language == "en" else visit.serious_violations()) == []
        assert visit.problems == []
        if language == "ur":
            screenshot(visit, f"article-ur-{width}")
    finally:
        visit.close()


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (390, "dark")])
def test_the_urdu_home_reads_right_to_left_and_passes_axe(
    server: str, tab: Any, width: int, scheme: str
) -> None:
    """/ur/, the sample's Urdu home: its stories right to left, in light and dark mode."""
    visit = Visit(tab, width, scheme)
    try:
        visit.open(server + "ur/")
        root = visit.page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
        assert root == ["ur", "rtl"]
        titles = visit.page.locator(".story-title").all_inner_texts()
        assert "کراچی میں مون سون سے پہلے برساتی نالوں کی صفائی تیز" in titles
        assert visit.overflow() <= 0
        assert visit.serious_violations() == []
        assert visit.problems == []
        screenshot(visit, f"home-ur-{width}")
    finally:
        visit.close()


def grid_failures(visit: Visit, name: str, width: int) -> list[str]:
    """What breaks the page's one grid at this width: sideways scrolling, a heading, block
    or footer off the left edge of main's content, the footer's end off its right edge,
    and on the home page topic columns left empty or ending unevenly."""
    failures: list[str] = []
    if (extra := visit.overflow()) > 0:
        failures.append(f"{name}: {extra}px of horizontal scrolling")
    edges = visit.page.evaluate(EDGES)
    lefts = [("heading", edges["heading"]), ("footer", edges["footLeft"])]
    lefts += [(b["what"], b["left"]) for b in edges["blocks"]]
    failures += [
        f"{name}: {what} starts at {x:.0f}px, the content at {edges['left']:.0f}px"
        for what, x in lefts
        if x is None or abs(x - edges["left"]) > 1
    ]
    if abs(edges["footRight"] - edges["right"]) > 1:
        failures.append(
            f"{name}: the footer ends at {edges['footRight']:.0f}px, "
            f"the content at {edges['right']:.0f}px"
        )
    if name == "home":
        columns = visit.page.evaluate(COLUMNS)
        if len(columns["bottoms"]) != columns["wanted"]:
            failures.append(
                f"home: {len(columns['bottoms'])} topic columns of {columns['wanted']} used"
            )
        elif max(columns["bottoms"]) - min(columns["bottoms"]) > columns["tallest"]:
            failures.append(f"home: topic columns end at {columns['bottoms']}")
    return [f"{failure} (at {width}px)" for failure in failures]


# The screens of the site judge's browser check (/work/shared/judge, judge/browser.py): a
# 1280 x 900 window and a 390 x 844 phone with a touch screen.
JUDGE_SCREENS = ((1280, 900, False), (390, 844, True))


def judge_pages(site: Path) -> list[str]:
    """The pages the site judge's browser check loads, by path under the site: the home
    page, the first topic page and the newest story of the main feed."""
    (first_topic, *_) = sorted(site.glob("tags/*/index.html"))
    newest = feedparser.parse((site / "feed.xml").read_bytes()).entries[0].link
    assert newest.startswith(BASE_URL), newest
    return ["", first_topic.parent.relative_to(site).as_posix() + "/", newest[len(BASE_URL) :]]


def judged_in_chromium(browser: Any, tab: Any, server: str, paths: list[str]) -> list[str]:
    """What the site judge's browser check fails a page for, on each of `paths` under
    `server` (`served`) on each of its screens: the page or a request it makes failing, a
    console error (or warning) or uncaught exception, a serious or critical axe-core
    violation. The same checks as the judge's, without its screenshots and its second
    Chromium (about 7 CPU-seconds a site). The window's pages are loaded in `tab` (the
    worker's conftest.chromium_tab: a plain context, as the window's), the phone's in a
    context of its own (a mobile screen with touch is the context's)."""
    failures: list[str] = []
    for width, height, phone in JUDGE_SCREENS:
        screen = browser.new_context(is_mobile=True, has_touch=True) if phone else None
        visit = Visit(screen.new_page() if screen else tab, width, "light", height)
        try:
            for path in paths:
                visit.problems.clear()
                visit.open(server + path)
                found = visit.serious_violations() + visit.problems
                failures += [f"{path or 'home'} at {width}px: {problem}" for problem in found]
        finally:
            visit.close()
            if screen:
                screen.close()
            else:
                parked(tab)
    return failures


# Each kind of page in each colour scheme is loaded once, in one tab, as a reader going
# from page to page, and checked by the two tests below: at the widths the window is set
# to in turn (the grid), and at the one width the page is checked with axe at.
TOURS = {"light": (WIDTHS, 1280), "dark": ((390,), 390)}


@dataclasses.dataclass
class Tour:
    """What went wrong on the tour of every kind of page in one colour scheme."""

    axe: list[str]  # at the axe width: axe, sideways scrolling on a phone, load problems
    grid: list[str]  # grid failures and links that share a name, at every width
    problems: list[str]  # console errors and failed requests, at any width


def take_tour(tab: Any, server: str, scheme: str) -> Tour:
    widths, axe_width = TOURS[scheme]
    tour = Tour([], [], [])
    visit = Visit(tab, widths[0], scheme)
    try:
        for name, path in PAGES.items():
            visit.problems.clear()
            visit.page.set_viewport_size({"width": widths[0], "height": 900})
            visit.open(server + path)
            if name == "not-found" and (h1 := visit.page.locator("h1").inner_text()) != (
                "Page not found"
            ):
                tour.axe.append(f"not-found: its heading is {h1!r}")
            links = visit.page.evaluate(LINK_NAMES)
            tour.grid += [f"{name}: links share a name: {d}" for d in links]
            for width in widths:
                visit.page.set_viewport_size({"width": width, "height": 900})
                tour.grid += grid_failures(visit, name, width)
                if width != axe_width:
                    continue
                if width <= 390 and (extra := visit.overflow()) > 0:
                    tour.axe.append(f"{name}: {extra}px of horizontal scrolling at {width}px")
                tour.axe += [f"{name} ({scheme}): {v}" for v in visit.serious_violations()]
                tour.axe += [f"{name}: {p}" for p in visit.problems]
                if name in SCREENSHOTS:
                    screenshot(visit, f"{name}-{width}")
            tour.problems += [f"{name}: {p}" for p in visit.problems]
    finally:
        visit.close()
    return tour


@pytest.fixture(scope="module")
def tours(server: str, tab: Any) -> Callable[[str], Tour]:
    """The tour of a colour scheme (`take_tour`), taken once for the tests that read it."""
    taken: dict[str, Tour] = {}

    def tour(scheme: str) -> Tour:
        if scheme not in taken:
            taken[scheme] = take_tour(tab, server, scheme)
        return taken[scheme]

    return tour


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (390, "dark")])
def test_every_kind_of_page_loads_cleanly_fits_and_passes_axe(
    tours: Callable[[str], Tour], width: int, scheme: str
) -> None:
    assert TOURS[scheme][1] == width
    assert tours(scheme).axe == []


@pytest.mark.parametrize(("scheme", "widths"), [("light", WIDTHS), ("dark", (390,))])
def test_every_page_fits_its_screen_on_one_grid_with_links_named_apart(
    tours: Callable[[str], Tour], scheme: str, widths: tuple[int, ...]
) -> None:
    """No sideways scrolling; the heading, every block and the footer share the left
    edge of main's content; no two links share a name but not a target; the home
    page's topic columns are all used and end level (within one story). Each page is
    loaded once and the window set to each width in turn, as a reader resizes it."""
    assert TOURS[scheme][0] == widths
    tour = tours(scheme)
    assert tour.problems == []
    assert tour.grid == [], "\n".join(tour.grid)


def test_a_daily_digest_has_one_rule_under_its_heading(server: str, tab: Any) -> None:
    """Between the digest page's title and its first story, no two rules in a row."""
    visit = Visit(tab, 1280, "light")
    try:
        visit.open(server + PAGES["digest"])
        rules = visit.page.evaluate("""() => {
            const end = document.querySelector(".story-title").getBoundingClientRect().top;
            const lines = [];
            for (const el of document.querySelectorAll("main *")) {
                const s = getComputedStyle(el), b = el.getBoundingClientRect();
                const top = parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== "none";
                const bottom = parseFloat(s.borderBottomWidth) > 0
                    && s.borderBottomStyle !== "none";
                if (top) lines.push(b.top);
                if (bottom) lines.push(b.bottom);
            }
            return lines.filter(y => y < end).sort((a, b) => a - b);
        }""")
        assert all(b - a > 24 for a, b in zip(rules, rules[1:], strict=False)), rules
    finally:
        visit.close()


def test_the_search_page_wears_the_theme_in_dark_mode(server: str, tab: Any) -> None:
    visit = Visit(tab, 390, "dark")
    try:
        visit.open(server + "search/?q=monsoon")
        visit.page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
        look = visit.page.evaluate("""() => {
            const css = el => getComputedStyle(document.querySelector(el));
            return {page: css("body").backgroundColor, ink: css("body").color,
                    input: css(".pagefind-ui__search-input").backgroundColor,
                    text: css(".pagefind-ui__search-input").color,
                    mark: css(".pagefind-ui__result-excerpt mark").backgroundColor,
                    clear: document.querySelector(".pagefind-ui__search-clear")
                        .getBoundingClientRect().height};
        }""")
        assert look["input"] == look["page"] and look["text"] == look["ink"], look
        assert look["mark"] not in ("rgb(255, 255, 0)", look["page"]), look  # not plain yellow
        assert look["clear"] >= 44, look  # a finger-sized button
    finally:
        visit.close()


def test_the_topics_index_is_one_list_in_one_typeface(server: str, tab: Any) -> None:
    visit = Visit(tab, 1280, "light")
    try:
        visit.open(server + PAGES["topics"])
        fonts = visit.page.evaluate("""() => [...new Set([...document.querySelectorAll(
            ".term-list, .term-list *")].map(el => getComputedStyle(el).fontFamily))]""")
        assert len(fonts) == 1, fonts
    finally:
        visit.close()


def test_on_a_phone_the_lead_headline_is_on_the_first_screen_and_the_skip_link_reaches_it(
    server: str, tab: Any
) -> None:
    visit = Visit(tab, PHONE["width"], "light", height=PHONE["height"])
    try:
        visit.open(server)
        lead = visit.page.locator("#top-story .story-title")
        box = lead.bounding_box()
        assert box is not None and box["y"] + 0.5 * box["height"] < PHONE["height"], box
        nav = visit.page.evaluate("""() => {
            const ul = document.querySelector(".site-nav ul");
            const tops = [...ul.querySelectorAll("a")].map(a => a.getBoundingClientRect().top);
            return {lines: new Set(tops.map(Math.round)).size, height: ul.offsetHeight};
        }""")
        assert nav["lines"] == 1, nav
        visit.page.keyboard.press("Tab")
        visit.page.keyboard.press("Enter")
        visit.page.keyboard.press("Tab")
        focused = visit.page.evaluate("document.activeElement.textContent")
        assert focused == lead.inner_text()
    finally:
        visit.close()


def test_search_finds_stories_offline_and_links_under_the_base_path(server: str, tab: Any) -> None:
    if indexer() is None:
        pytest.skip("search needs the search extra: pip install -e '.[search]'")
    visit = Visit(tab, 1280, "light")
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


def test_the_search_box_is_labelled_in_each_pages_language(server: str, tab: Any) -> None:
    """The label search.js puts over Pagefind's input is the catalog's words (data-label),
    so a screen reader on the Urdu search page reads Urdu, not English in an Urdu voice."""
    if indexer() is None:
        pytest.skip("search needs the search extra: pip install -e '.[search]'")
    visit = Visit(tab, 1280, "light")
    labels = {}
    try:
        for page in ("search/", "ur/search/", "hi/search/"):
            visit.open(server + page)
            label = visit.page.locator("label.search-label")
            label.wait_for(timeout=15000)
            labels[page] = label.inner_text()
        assert visit.problems == []
    finally:
        visit.close()
    assert labels == {
        "search/": "Search the stories",
        "ur/search/": "خبروں میں تلاش کریں",
        "hi/search/": "ख़बरों में खोजें",
    }


def test_stories_read_without_javascript(server: str, tab: Any) -> None:
    """In the tab, with scripts turned off as a browser's setting does (the DevTools call
    Playwright's `java_script_enabled=False` makes for a new context, without a new
    context's renderer: about 0.7 CPU-seconds)."""
    devtools = tab.context.new_cdp_session(tab)
    devtools.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page = tab
    try:
        page.goto(server + ARTICLE)
        assert "Altaf Hussain" in page.locator("h1").inner_text()
        assert page.locator(".body p").count() > 2
        page.goto(server)
        assert page.locator(".day").count() >= 1
        page.goto(server + "search/")
        assert "needs JavaScript" in page.locator("main").inner_text()
    finally:
        devtools.send("Emulation.setScriptExecutionDisabled", {"value": False})
        devtools.detach()


def test_keyboard_users_get_a_skip_link_and_a_visible_focus(server: str, tab: Any) -> None:
    visit = Visit(tab, 1280, "light")
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
