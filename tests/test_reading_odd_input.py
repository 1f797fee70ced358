"""Stories as newsrooms really write them, read in a real browser: a wide results table, a
long line of code, a headline of one endless compound word, several days of the same
topics, an Urdu story's old address. Every page fits its screen, every scrolling box is
reachable from the keyboard (axe's scrollable-region-focusable: Chromium itself now lets
Tab reach a scroller, other browsers do not), and axe finds nothing, at any impact.

Needs Chromium (Debian's `chromium`), Playwright and axe-core (`npm install`), as
tests/test_browser.py does; lxml reads the redirect page without a browser.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import lxml.html
import pytest
from conftest import SERIAL, made_once, make_project, parked, run_here, static_server, write_article

LONG_WORD = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft" * 2
COLUMNS = 14
TABLE = (
    "| " + " | ".join(f"Party {n}" for n in range(COLUMNS)) + " |\n"
    "|" + "---|" * COLUMNS + "\n"
    "| " + " | ".join(f"{n * 1234:,}" for n in range(COLUMNS)) + " |\n"
)
CODE = "    " + "results = " + "+".join(f"count_{n}" for n in range(60)) + "\n"


def make_newsroom(root: Path) -> None:
    project = make_project(root / "project")
    for day in (28, 29, 30):  # three days of the same two topic groups on the home page
        write_article(
            project,
            f"2025/06/w{day}.md",
            f'title: "Rain on the {day}th"\ndate: 2025-06-{day}T08:00:00Z\ncountry: IN\n'
            "tags: [Weather]\ncredits:\n  author: Desk",
        )
        write_article(
            project,
            f"2025/06/o{day}.md",
            f'title: "Council meets on the {day}th"\ndate: 2025-06-{day}T09:00:00Z\n'
            "country: IN\ncredits:\n  author: Desk",
        )
    write_article(
        project,
        "2025/06/long.md",
        f'title: "{LONG_WORD}"\ndate: 2025-06-30T10:00:00Z\ncountry: DE\n'
        f"tags: [Shipping]\ncredits:\n  author: Desk\nsummary: {LONG_WORD}",
    )
    write_article(
        project,
        "2025/06/results.md",
        'title: "Results by party"\ndate: 2025-06-30T11:00:00Z\ncountry: IN\n'
        "credits:\n  author: Desk",
        f"The count:\n\n{TABLE}\nThe formula:\n\n{CODE}",
    )
    write_article(
        project,
        "2025/06/karachi.md",
        'title: "کراچی میں بارش!"\ndate: 2025-06-30T12:00:00Z\ncountry: PK\n'
        "credits:\n  author: Desk\nlanguage: ur\naliases: [/old/karachi/]",
    )
    result = run_here("build", "--output", str(root / "www" / "sub"), *SERIAL, cwd=project)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The newsroom built under the /sub/ base path, in ROOT/www/sub (do not modify it)."""
    return made_once(tmp_path_factory, "odd-input", make_newsroom) / "www"


def test_an_urdu_storys_old_address_names_it_in_urdu_right_to_left(site: Path) -> None:
    page = lxml.html.fromstring((site / "sub/old/karachi/index.html").read_bytes())
    assert page.get("lang") == "en"  # the page's own words are the site's
    (link,) = page.xpath("//main//a")
    assert link.text_content() == "کراچی میں بارش!"
    assert (link.get("lang"), link.get("dir")) == ("ur", "rtl")


def test_a_table_and_a_code_block_are_reachable_from_the_keyboard_in_every_format(
    site: Path,
) -> None:
    page = (site / "sub/2025/06/30/results/index.html").read_text(encoding="utf-8")
    assert '<table tabindex="0">' in page
    assert '<pre tabindex="0">' in page


sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'"
)
from test_browser import AXE, AXE_URL, CHROMIUM  # noqa: E402 (after the skip)

if not CHROMIUM.exists() or not AXE.is_file():
    pytest.skip(
        "Chromium or axe-core is missing: apt-get install chromium; npm install",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def server(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site at http://127.0.0.1:PORT/sub/, axe-core beside it at AXE_URL: a script
    loaded by its address is compiled once by V8 and taken from its code cache on the next
    pages (tests/test_browser.py's `served`), where one added from a file is compiled again
    on every page (0.17 CPU-seconds, 0.06 from the cache)."""
    root = tmp_path_factory.mktemp("odd-www")
    (root / "sub").symlink_to(site / "sub", target_is_directory=True)
    shutil.copy(AXE, root / AXE_URL.strip("/"))
    with static_server(root) as url:
        yield url + "sub/"


PAGES = ["", "tags/shipping/", "2025/06/30/long/", "2025/06/30/results/", "digest/2025-06-30/"]
VIOLATIONS = """async () => {
    const r = await axe.run(document, {resultTypes: ["violations"]});
    return r.violations.map(v => v.id + " (" + v.impact + "): " +
                            v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "));
}"""


@pytest.fixture(scope="module")
def tab(chromium_tab: Any) -> Iterator[Any]:
    """The worker's Chromium tab (conftest.chromium_tab) for both widths' pages: a new tab
    costs Chromium a renderer's start and axe-core's compilation again."""
    yield chromium_tab
    parked(chromium_tab)


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_fits_its_screen_and_axe_finds_nothing(
    server: str, tab: Any, width: int
) -> None:
    tab.set_viewport_size({"width": width, "height": 900})
    found = {}
    for path in PAGES:
        tab.goto(server + path, wait_until="load")
        wider = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        tab.add_script_tag(url=urljoin(tab.url, AXE_URL))
        problems = tab.evaluate(VIOLATIONS)
        problems += [f"{wider}px wider than the screen"] if wider else []
        if problems:
            found[path] = problems
    assert found == {}
