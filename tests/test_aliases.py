"""Redirects: `aliases:` writes a page at each old address that lands on the article in
Chromium, is canonical to the article and noindex, and is in no sitemap; an alias that
would replace a real page is an error on its line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    BASE_URL,
    VnuErrors,
    make_project,
    parked,
    run_here,
    static_server,
    write_article,
)
from lxml import etree, html

STORM = """title: Storm Hits the Coast
date: 2025-06-21T10:00:00+05:30
country: India
credits:
  author: Desk
aliases: [/2025/06/20/storm/, /archive-2024/storm.html, /old/caf%C3%A9/]"""
ARTICLE = "2025/06/21/storm/"
# An old address with %XX codes (WordPress writes non-Latin slugs so) is the folder a web
# server looks in after decoding them.
OLD = ("2025/06/20/storm/index.html", "archive-2024/storm.html", "old/café/index.html")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("aliases")
    project = make_project(root / "project")
    write_article(project, "storm.md", STORM)
    write_article(
        project,
        "calm.md",
        "title: Calm\ndate: 2025-06-22T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk",
    )
    result = run_here("build", "--output", str(root / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_each_alias_is_a_noindex_page_canonical_to_the_article(site: Path) -> None:
    for path in OLD:
        doc = html.fromstring((site / path).read_bytes())
        assert doc.xpath('//link[@rel="canonical"]/@href') == [BASE_URL + ARTICLE]
        assert doc.xpath('//meta[@name="robots"]/@content') == ["noindex"]
        [refresh] = doc.xpath('//meta[@http-equiv="refresh"]/@content')
        assert refresh == "0; url=/sub/" + ARTICLE
        assert doc.xpath("//a/@href") == ["/sub/" + ARTICLE]


def test_an_alias_page_reads_as_a_page_of_the_site_where_the_refresh_is_not_followed(
    site: Path, vnu_errors: VnuErrors
) -> None:
    """A reader whose browser does not follow the refresh sees a page made for a phone
    (a viewport) headed "This story has moved", with the link; the site's checker counts
    no problem there and the Nu Html Checker none either."""
    for path in OLD:
        doc = html.fromstring((site / path).read_bytes())
        viewport = doc.xpath('//meta[@name="viewport"]/@content')
        assert viewport == ["width=device-width, initial-scale=1"]
        assert [h1.text_content() for h1 in doc.iter("h1")] == ["This story has moved"]
        assert doc.xpath("//main//a")[0].text_content() == "Storm Hits the Coast"
    errors, _ = vnu_errors(site.parent, *(site / path for path in OLD))
    assert errors == []


def test_alias_pages_are_in_no_sitemap(site: Path) -> None:
    for name in ("sitemap.xml", "sitemap-news.xml"):
        locs = etree.fromstring((site / name).read_bytes()).xpath("//*[local-name()='loc']/text()")
        assert not any("2025/06/20/storm" in loc or "archive-2024" in loc for loc in locs)
    locs = etree.fromstring((site / "sitemap.xml").read_bytes()).xpath(
        "//*[local-name()='loc']/text()"
    )
    assert BASE_URL + ARTICLE in locs


@pytest.fixture(scope="module")
def served(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site under /sub/ on 127.0.0.1, as GitHub Pages serves a project site."""
    root = tmp_path_factory.mktemp("www")
    (root / "sub").symlink_to(site, target_is_directory=True)
    with static_server(root) as url:
        yield url + "sub/"


@pytest.fixture(scope="module")
def tab(chromium_tab: Any) -> Iterator[Any]:
    """The worker's Chromium tab (conftest.chromium_tab) for every alias (each from a
    blank page: nothing of the last one's page is left to land on)."""
    yield chromium_tab
    parked(chromium_tab)


@pytest.mark.parametrize("old", ["2025/06/20/storm/", "archive-2024/storm.html", "old/caf%C3%A9/"])
def test_an_alias_lands_on_the_article_in_chromium(served: str, old: str, tab: Any) -> None:
    tab.goto("about:blank")
    tab.goto(served + old)
    tab.wait_for_url(served + ARTICLE, timeout=10_000)
    assert tab.locator("h1").inner_text() == "Storm Hits the Coast"


# Lines: '---' 1, title 2, date 3, country 4, credits 5, author 6, aliases 7.
@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ("[/2025/06/22/calm/]", "alias /2025/06/22/calm/ is the page of calm.md"),
        ("[/2025/06/21/storm/]", "alias /2025/06/21/storm/ is its own page"),
        (
            "[/tags/weather/]",
            "aliases: item 1 (/tags/weather/) is where newsdigest writes its own pages",
        ),
        ("[/feed.xml]", "aliases: item 1 (/feed.xml) is where newsdigest writes its own pages"),
        ("[../outside/]", "aliases: item 1 (../outside/) is not a path under the site"),
        ("[/]", "aliases: item 1 (/) is the home page"),
        ("[/index.html]", "aliases: item 1 (/index.html) is the home page"),
        ("[/2025/06/21/storm/index.html]", "alias /2025/06/21/storm/ is its own page"),
        (  # without its leading '/': which address was meant is unsure (tester3 H3)
            "[2025/06/22/calm/index.html]",
            "aliases: item 1 (2025/06/22/calm/index.html) does not start with '/'",
        ),
        ("[old-storm]", "aliases: item 1 (old-storm) does not start with '/'"),
        ("{old: /x/}", "aliases must be a list, not a set of fields"),
        # Addresses a browser never asks for as written: another site, a move up, a
        # backslash, a query or fragment, an encoded '/' or '\\', a space, an empty folder.
        ("[//evil.example.org/x/]", "aliases: item 1 (//evil.example.org/x/) starts with '//'"),
        (
            "[https://old.example.org/x/]",
            "aliases: item 1 (https://old.example.org/x/) starts with '//'",
        ),
        ("[/%2e%2e/y/]", "aliases: item 1 (/%2e%2e/y/) is not a path under the site"),
        ("[/a/%2E/b/]", "aliases: item 1 (/a/%2E/b/) is not a path under the site"),
        ("['/a\\b/']", "aliases: item 1 (/a\\b/) has a backslash"),
        ("[/a%5Cb/]", "aliases: item 1 (/a%5Cb/) is not a plain path: it has an encoded backslash"),
        ("[/a%2Fb/]", "aliases: item 1 (/a%2Fb/) is not a plain path: it has an encoded '/'"),
        ("[/x?page=2]", "aliases: item 1 (/x?page=2) has a '?...' or '#...' part"),
        ("['/x#top']", "aliases: item 1 (/x#top) has a '?...' or '#...' part"),
        ("[/a%20b/]", "aliases: item 1 (/a%20b/) is not a plain path: it has a space (or %20)"),
        ("[/a//b/]", "aliases: item 1 (/a//b/) has '//' inside: a folder with no name"),
        ("[/a%zz/]", "aliases: item 1 (/a%zz/) is not a plain path: it has a '%'"),
    ],
)
def test_an_alias_that_would_replace_a_page_is_an_error_on_its_line(
    tmp_path: Path, aliases: str, message: str
) -> None:
    project = make_project(tmp_path / "p")
    write_article(
        project,
        "storm.md",
        STORM.replace(OLD_LINE, f"aliases: {aliases}"),
    )
    write_article(
        project,
        "calm.md",
        "title: Calm\ndate: 2025-06-22T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk",
    )
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert f"content/storm.md:7: error: {message}" in result.stdout
    assert result.stdout.count(": error:") == 1, result.stdout  # one problem, said once


def test_two_articles_cannot_share_an_alias(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "storm.md", STORM)
    write_article(
        project,
        "calm.md",
        "title: Calm\ndate: 2025-06-22T10:00:00+05:30\n"
        "country: India\ncredits:\n  author: Desk\naliases: [/2025/06/20/storm]",
    )
    result = run_here("build", cwd=project)
    assert result.returncode == 1
    assert (
        "content/calm.md:7: error: alias /2025/06/20/storm/ is also an alias of storm.md"
        in result.stdout + result.stderr
    )


URDU = """title: Karachi Heat
slug: karachi-heat
language: ur
date: 2025-06-22T09:00:00+05:00
country: Pakistan
credits:
  author: Desk"""


@pytest.mark.parametrize("alias", ["/ur/", "/ur/index.html", "/ur"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_an_alias_onto_a_page_of_the_sites_own_is_refused_and_nothing_is_published(
    tmp_path: Path, alias: str, command: str
) -> None:
    """/ur/ is the Urdu home once a story is in Urdu: a redirect there would replace it. It
    is refused with the alias's other problems, as /ur/tags/ is (tester4 F29)."""
    project = make_project(tmp_path / "p")
    write_article(project, "storm.md", STORM.replace("/2025/06/20/storm/", alias))
    write_article(project, "karachi.md", URDU)
    output = ["--output", str(tmp_path / "site")] if command == "build" else []
    result = run_here(command, *output, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        f"content/storm.md:7: error: aliases: item 1 ({alias}) is where newsdigest writes its "
        "own pages for stories in 'ur' (a language's home"
    ) in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_the_in_memory_pipeline_refuses_an_alias_onto_a_language_home(tmp_path: Path) -> None:
    from generator import config, pipeline

    project = make_project(tmp_path / "p")
    write_article(project, "storm.md", STORM.replace("/2025/06/20/storm/", "/ur/"))
    write_article(project, "karachi.md", URDU)
    paths = pipeline.Paths(project, project / "content", project / "templates", tmp_path / "s")
    built = pipeline.build(paths, config.load(project), pipeline.Selection())
    assert not built.ok and not built.files
    assert [(d.path, d.line) for d in built.diagnostics if "(/ur/)" in d.message] == [
        ("storm.md", 7)
    ]


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ("[/CNAME]", "aliases: item 1 (/CNAME) is where newsdigest writes its own pages"),
        ("[/robots.txt/old/]", "aliases: item 1 (/robots.txt/old/) is where newsdigest"),
        ("[/authors/old-name/]", "aliases: item 1 (/authors/old-name/) is where newsdigest"),
        (
            "[/2025/06/22/calm/index.html/old/]",
            "alias /2025/06/22/calm/index.html/old/ would need a folder named "
            "/2025/06/22/calm/index.html, but the site publishes a file of that name",
        ),
        (
            "[/old/page.html/more/]",
            "alias /old/page.html/more/ would need a folder named /old/page.html",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "build"])
def test_an_alias_that_needs_a_folder_where_the_site_writes_a_file_is_an_error_on_its_line(
    tmp_path: Path, aliases: str, message: str, command: str
) -> None:
    """A newsroom with a custom domain aliases /CNAME by mistake: `check` used to pass and
    `build` to stop with "cannot write the site (Not a directory)" and no file or line."""
    project = make_project(tmp_path / "p", 'cname = "news.example.org"\n')
    write_article(project, "storm.md", STORM.replace(OLD_LINE, f"aliases: {aliases}"))
    write_article(
        project,
        "calm.md",
        "title: Calm\ndate: 2025-06-22T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk\n"
        "aliases: [/old/page.html]",
    )
    output = ["--output", str(tmp_path / "site")] if command == "build" else []
    result = run_here(command, *output, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    said = result.stdout + result.stderr
    assert f"content/storm.md:7: error: {message}" in said
    assert "cannot write the site" not in said and not (tmp_path / "site").exists()


OLD_LINE = "aliases: [/2025/06/20/storm/, /archive-2024/storm.html, /old/caf%C3%A9/]"


def test_an_alias_no_browser_reaches_stops_the_build_with_its_fix(tmp_path: Path) -> None:
    """`//host/x/` would be written as the folder host/x/ and `/%2e%2e/y/` as a folder
    named '%2e%2e', which browsers read as '..': neither old address would ever land."""
    project = make_project(tmp_path / "p")
    storm = STORM.replace(OLD_LINE, "aliases: [//evil.example.org/x/, /%2e%2e/y/]")
    write_article(project, "storm.md", storm)
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:4] == [
        "content/storm.md:7: error: aliases: item 1 (//evil.example.org/x/) starts with '//' "
        "or a scheme such as 'https:', which a browser reads as another site's address, not "
        "a path under this one",
        "    fix: write only the path, starting with one '/', like /2025/06/20/old-slug/",
        "content/storm.md:7: error: aliases: item 2 (/%2e%2e/y/) is not a path under the "
        "site: '.', '..' (or %2e%2e) move to another folder, so browsers would ask for "
        "another address",
        "    fix: give the old address of this article, relative to the site, like "
        "/2025/06/20/old-slug/",
    ]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "slug", ["'//evil.example.org'", "'%2e%2e'", "'a\\b'", "'a?b'", "'a#b'", "'a b'", "'a/b'"]
)
def test_a_slug_no_browser_reaches_as_written_is_refused_too(tmp_path: Path, slug: str) -> None:
    """The slug is the last folder of the article's address: only a-z, 0-9 and '-' pass."""
    project = make_project(tmp_path / "p")
    write_article(project, "storm.md", STORM.replace(OLD_LINE, f"slug: {slug}"))
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert (
        lines[0].startswith("content/storm.md:7: error: slug ")
        and "cannot be used in a URL" in lines[0]
    )
    assert lines[1].startswith("    fix: use lower-case letters, digits and hyphens, such as")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "alias",
    [
        "/ur/tags/floods/",
        "/ur/authors/asha/",
        "/UR/countries/pk/",
        "/pt-br/archive/",
        "/iw/digest/2025-06-20/",
        "/hi/search/",
        "/ur/feed.xml",
        "/ur/pagefind/x/",
        "/portraits/authors/asha.jpg",
        "/portraits-sizes/authors/asha.jpg/480w.webp",
        "/media-sizes/2025/06/photo.jpg/480w.jpg",
        "/sitemap-2.xml",
    ],
)
def test_an_alias_where_any_language_section_writes_its_pages_is_refused_before_it_exists(
    tmp_path: Path, alias: str
) -> None:
    """No story in that language yet: the alias would break the day one is published
    (its topic or author page would be the alias's address), on the old story's line."""
    project = make_project(tmp_path / "p")
    write_article(project, "storm.md", STORM.replace(OLD_LINE, f"aliases: [{alias}]"))
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    said = f"content/storm.md:7: error: aliases: item 1 ({alias}) is where newsdigest writes"
    assert said in result.stdout, result.stdout
    assert result.stdout.count(": error:") == 1, result.stdout


@pytest.mark.parametrize("alias", ["/en/2020/06/storm/", "/ur/old/storm/", "/news/tags/x/"])
def test_an_old_address_under_a_language_folder_outside_its_sections_is_a_redirect(
    tmp_path: Path, alias: str
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "storm.md", STORM.replace(OLD_LINE, f"aliases: [{alias}]"))
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project, search=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / alias.strip("/") / "index.html").is_file()


@pytest.mark.parametrize(
    ("typed", "fix"),
    [
        (  # a bare old name: this story's day, or the site's root
            "[old-storm]",
            "fix: write the old address in full, from the site's root, starting with '/': "
            "/2025/06/21/old-storm/ (this story's day, under that old name) or /old-storm/ "
            "(at the site's root)",
        ),
        ("[old/storm.html]", "'/': /old/storm.html (at the site's root)"),
        ("[storm]", "'/': /storm/ (at the site's root)"),  # never the story's own page
    ],
)
def test_an_alias_without_its_leading_slash_is_an_error_offering_full_addresses(
    tmp_path: Path, typed: str, fix: str
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "storm.md", STORM.replace(OLD_LINE, f"aliases: {typed}"))

    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert checked.returncode == built.returncode == 1
    assert "content/storm.md:7: error: aliases: item 1 (" in checked.stdout
    assert "does not start with '/': an alias is an old address in full" in checked.stdout
    assert fix in checked.stdout
    assert not (tmp_path / "site").exists()
    offered = fix.rpartition("'/': ")[2].split(" (")[0]  # the first address offered
    write_article(project, "storm.md", STORM.replace(OLD_LINE, f"aliases: [{offered}]"))
    assert run_here("check", cwd=project).returncode == 0  # the fix, as written, passes


def test_every_problem_of_an_aliases_line_is_said_in_one_run(tmp_path: Path) -> None:
    """A language's home, the site's own section and another language's section on one
    line: all three in the first run, not one round of CI each (tester4 F29)."""
    project = make_project(tmp_path / "p")
    typed = "aliases: [/fr/, /ur/old/, /search/, /fr/tags/]"
    front = STORM.splitlines()[:-1] + [typed]  # its aliases: line replaced
    write_article(project, "storm.md", "\n".join(front))

    said = run_here("check", cwd=project).stdout

    for item in ("item 1 (/fr/)", "item 3 (/search/)", "item 4 (/fr/tags/)"):
        assert f"content/storm.md:7: error: aliases: {item} is where newsdigest" in said, said
    assert "/ur/old/" not in said
    path = project / "content/storm.md"
    path.write_text(path.read_text().replace(typed, "aliases: [/ur/old/]"))
    assert run_here("check", cwd=project).returncode == 0


@pytest.mark.parametrize(
    ("settings", "typed", "refused"),
    [
        ("", "[/en/, /en/tags/]", "/fr/"),  # the default language, en
        ('language = "ur"\n', "[/ur/, /UR/feed.xml]", "/en/"),
        ('language = "he"\n', "[/iw/]", "/ar/"),  # 'iw' is Hebrew's old code
    ],
)
def test_the_site_languages_folder_is_free_for_an_alias(
    tmp_path: Path, settings: str, typed: str, refused: str
) -> None:
    """The site's language is published at the root, never under /en/ (prober5 P18): an
    old /en/ address is a redirect; another language's folder stays refused."""
    project = make_project(tmp_path / "p", settings)
    write_article(project, "storm.md", STORM.replace(OLD_LINE, f"aliases: {typed}"))
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project, search=False)
    assert result.returncode == 0, result.stdout + result.stderr
    for alias in typed.strip("[]").split(", "):
        page = out / alias.strip("/")
        assert (page if alias.endswith(".xml") else page / "index.html").is_file(), alias
    write_article(project, "storm.md", STORM.replace(OLD_LINE, f"aliases: [{refused}]"))
    said = run_here("check", cwd=project).stdout
    assert f"aliases: item 1 ({refused}) is where newsdigest writes its own pages" in said
