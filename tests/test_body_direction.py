"""A story's body reads in its own direction: an Arabic story without `language:` on an
English site, or an English one on an Urdu site, has its paragraphs laid out in its
script's direction in a browser, while a story in the site's language is left as it was,
even when it opens with a quotation in the other direction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import make_project, parked, run_here, static_server, write_article

FRONT = (
    "title: {title}\ndate: 2025-06-0{day}T10:00:00Z\ncountry: UK\nslug: {slug}\n"
    "credits:\n  author: Desk\n"
)
ARABIC = "انعقدت القمة في الرياض اليوم.\n\n- بند أول.\n\n## عنوان\n"
ENGLISH = "The summit met in Riyadh today.\n\n- First item.\n"
# An English story opening with a quotation in the original: its first letter is Arabic,
# nearly all the others English.
QUOTED = '"الشعب يريد" chanted the crowd on Tuesday in Tahrir Square.\n\n- A second point.\n'


def _directions(tab: Any, server: str, page: str) -> list[str]:
    """The computed direction of each paragraph, list item and heading of a page's body."""
    tab.goto(server + page)
    found: list[str] = tab.eval_on_selector_all(
        ".body p, .body li, .body h2", "els => els.map(e => getComputedStyle(e).direction)"
    )
    return found


def test_a_body_in_the_other_direction_reads_in_its_own(tmp_path: Path, chromium_tab: Any) -> None:
    project = make_project(tmp_path / "en")
    write_article(project, "a.md", FRONT.format(title="قمة", day=1, slug="summit"), ARABIC)
    write_article(project, "b.md", FRONT.format(title="Summit", day=2, slug="english"), ENGLISH)
    quoted = FRONT.format(title="Protesters chant", day=3, slug="quoted") + "language: en\n"
    write_article(project, "c.md", quoted, QUOTED)
    ur = make_project(tmp_path / "ur", 'language = "ur"\n')
    write_article(ur, "b.md", FRONT.format(title="Summit", day=2, slug="english"), ENGLISH)
    for root in (project, ur):
        built = run_here(
            "build", "--base-url", "http://127.0.0.1/", "--output", str(root / "site"), cwd=root
        )
        assert built.returncode == 0, built.stderr
    arabic = (project / "site/2025/06/01/summit/index.html").read_text(encoding="utf-8")
    english = (project / "site/2025/06/02/english/index.html").read_text(encoding="utf-8")
    quoted_page = (project / "site/2025/06/03/quoted/index.html").read_text(encoding="utf-8")
    on_urdu = (ur / "site/2025/06/02/english/index.html").read_text(encoding="utf-8")
    assert '<div class="body" dir="rtl">' in arabic
    assert '<div class="body">' in english  # the site's direction: as before
    # Most of its letters choose, not the first: no direction of its own.
    assert '<div class="body">' in quoted_page
    assert '<div class="body" dir="ltr">' in on_urdu
    # The three pages one after the other in the worker's one tab (a new context each would
    # start a renderer each: about 0.5 CPU-seconds).
    tab = chromium_tab
    try:
        with static_server(project / "site") as en, static_server(ur / "site") as urdu:
            assert _directions(tab, en, "2025/06/01/summit/") == ["rtl"] * 3
            assert _directions(tab, en, "2025/06/02/english/") == ["ltr"] * 2
            assert _directions(tab, en, "2025/06/03/quoted/") == ["ltr"] * 2
            assert _directions(tab, urdu, "2025/06/02/english/") == ["ltr"] * 2
    finally:
        parked(tab)
