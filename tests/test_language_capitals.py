"""Prober5 P30: a language tag in odd capitals (`language = "EN"`, `language: PT-br`) was
published as typed in the pages' `<html lang>`, while hreflang and the feeds carried the
usual form: one language written two ways, silently. A tag means the same in any capitals
(RFC 5646 2.1.1): it is published everywhere in its usual ones, with a note on its line;
a tag all in lower case (`pt-br`, a common way) is published so with nothing said.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BASE_URL, edit, make_project, run_here, write_article
from lxml import etree, html

FRONT = """title: Story {n}
date: 2025-06-0{n}T10:00:00+00:00
country: Brazil
translation_key: floods
credits:
  author: Desk
"""


def _langs(site: Path) -> set[str]:
    """Every language tag the built site names: <html lang>, hreflang, the feeds'."""
    found: set[str] = set()
    for page in site.rglob("*.html"):
        tree = html.fromstring(page.read_bytes())
        found |= {str(tree.get("lang"))} | set(tree.xpath("//@hreflang")) - {"x-default"}
    for feed in site.rglob("feed.xml"):
        found |= set(etree.parse(str(feed)).xpath("//language/text()"))
    for feed in site.rglob("feed.json"):
        found.add(json.loads(feed.read_text("utf-8"))["language"])
    return found


def test_a_tag_in_odd_capitals_is_published_in_its_usual_ones_with_a_note(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", 'language = "EN"\n')
    write_article(project, "a.md", FRONT.format(n=1))
    story = write_article(project, "b.md", FRONT.format(n=2) + "language: PT-br\n")
    checked = run_here("check", cwd=project)
    said = checked.stdout
    assert checked.returncode == 0, said
    assert (
        "pyproject.toml:8: warning: language 'EN' is published as 'en', its usual capitals, on "
        "every page and feed: a language tag means the same in any capitals\n"
        "    fix: write language = 'en' to silence this note\n"
    ) in said, said
    assert (
        "content/b.md:8: warning: language 'PT-br' is published as 'pt-BR', its usual capitals"
    ) in said, said
    assert "    fix: write 'language: pt-BR' to silence this note\n" in said, said
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), "--base-url", BASE_URL, cwd=project)
    assert built.returncode == 0, built.stderr
    assert _langs(site) == {"en", "pt-BR"}
    # followed, the notes go and the site is the same
    edit(project / "pyproject.toml", 'language = "EN"', "language = 'en'")
    edit(story, "language: PT-br", "language: pt-BR")
    again = run_here("check", cwd=project)
    assert "warning" not in again.stdout, again.stdout
    assert (
        run_here("build", "--output", str(site), "--base-url", BASE_URL, cwd=project).returncode
        == 0
    )
    assert _langs(site) == {"en", "pt-BR"}


def test_a_tag_in_lower_case_or_its_usual_capitals_is_said_nothing_of(tmp_path: Path) -> None:
    """Valid input: `pt-br` (Hugo's language keys are written so) and `zh-Hant-TW`: no note;
    `pt-br` is published as `pt-BR`, the same tag, as hreflang already carried it."""
    project = make_project(tmp_path / "p", 'language = "en"\n')
    write_article(project, "a.md", FRONT.format(n=1))
    write_article(project, "b.md", FRONT.format(n=2) + "language: pt-br\n")
    write_article(project, "c.md", FRONT.format(n=3) + "language: zh-Hant-TW\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and "warning" not in checked.stdout, checked.stdout
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), "--base-url", BASE_URL, cwd=project)
    assert built.returncode == 0 and "warning" not in built.stderr, built.stderr
    assert _langs(site) == {"en", "pt-BR", "zh-Hant-TW"}


def test_init_writes_a_language_in_its_usual_capitals_and_says_so(tmp_path: Path) -> None:
    """`init --language EN` wrote language = "EN", which the next check noted as odd
    capitals: init writes the tag in its usual ones, as the settings check would publish
    it, says so, and the new site checks without a note; `--language en` says nothing."""
    for typed, usual in (("EN", "en"), ("PT-br", "pt-BR"), ("pt-br", "pt-BR"), ("en", "en")):
        folder = tmp_path / typed
        url = "https://harbour-desk.github.io/gazette/"
        made = run_here("init", typed, "--language", typed, "--url", url, cwd=tmp_path)
        assert made.returncode == 0, made.stderr
        settings = (folder / "newsdigest.toml").read_text(encoding="utf-8")
        assert f'\nlanguage = "{usual}"\n' in settings, settings
        told = (
            f'--language {typed} is written language = "{usual}", its usual capitals: a '
            "language tag means the same in any capitals."
        )
        assert (told in made.stdout) == (typed != usual), made.stdout
        checked = run_here("check", cwd=folder)
        assert checked.returncode == 0, checked.stdout
        assert "warning" not in checked.stdout and "capitals" not in checked.stdout, checked.stdout
