"""The fixture newsroom and the sample newsroom built end to end, as a reader finds them."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import BASE_URL, REPO, Forked, copy_newsroom, run_newsdigest, site_files

BASE_PATH = urlsplit(BASE_URL).path  # /sub/

SPEC_PATHS = [
    "index.html",
    "2025/06/25/monsoon-reaches-kerala-coast/index.html",
    "2025/06/20/budget-boosts-maori-media/index.html",  # +12:00: its own day, not UTC's
    "2025/05/12/zurich-housing-levy-vote/index.html",  # from content/world/
    "tags/index.html",
    "tags/climate/index.html",
    "tags/climate/page/2/index.html",
    "tags/human-rights/index.html",
    "tags/ai/index.html",
    "countries/index.html",
    "countries/in/index.html",
    "countries/in/page/2/index.html",
    "tags/india/page/2/index.html",
    "countries/gb/index.html",
    "countries/us/index.html",
    "archive/index.html",
    "archive/2025/06/index.html",
    "archive/2025/05/index.html",
    "feed.xml",
    "atom.xml",
    "feed.json",
    "tags/climate/feed.xml",
    "countries/np/feed.xml",
    "feeds.opml",
    "sitemap.xml",
    "robots.txt",
    "404.html",
    ".nojekyll",
    "media/2025/06/kerala-rain.png",
]


class Page(HTMLParser):
    """Every URL a page points at, and its <link> elements."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.links: list[dict[str, str]] = []
        self.times: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for name in ("href", "src"):
            if name in values:
                self.urls.append(values[name])
        if tag == "link":
            self.links.append(values)
        if tag == "time":
            self.times.append(values.get("datetime", ""))


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def target_of(site: Path, path: str) -> Path:
    relative = unquote(path[len(BASE_PATH) :])
    target = site / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target


@pytest.mark.parametrize("path", SPEC_PATHS)
def test_every_spec_url_exists_under_the_base_path(newsroom_site: Path, path: str) -> None:
    assert (newsroom_site / path).is_file()


def test_pagination_stops_where_the_stories_end(newsroom_site: Path) -> None:
    assert not (newsroom_site / "tags/climate/page/3").exists()
    assert not (newsroom_site / "tags/climate/page/1").exists()
    first = (newsroom_site / "tags/climate/index.html").read_text(encoding="utf-8")
    assert 'href="/sub/tags/climate/page/2/"' in first


def test_every_internal_link_resolves_to_a_file_under_the_base_path(newsroom_site: Path) -> None:
    checked = 0
    for page in pages(newsroom_site):
        for url in Page(page.read_text(encoding="utf-8")).urls:
            parts = urlsplit(url)
            if url.startswith("#") or parts.scheme in ("mailto",):
                continue
            if parts.scheme or parts.netloc:
                if not url.startswith(BASE_URL):
                    continue  # another site
                path = urlsplit(url).path
            else:
                path = parts.path
                assert path.startswith(BASE_PATH), f"{page}: {url} ignores the base path"
            assert target_of(newsroom_site, path).is_file(), f"{page}: {url} points nowhere"
            checked += 1
    assert checked > 500


def test_pages_offer_feed_autodiscovery_and_an_absolute_canonical(newsroom_site: Path) -> None:
    for page in pages(newsroom_site):
        links = Page(page.read_text(encoding="utf-8")).links
        feeds = [ln["href"] for ln in links if ln.get("rel") == "alternate"]
        assert BASE_PATH + "feed.xml" in feeds, page
        for href in feeds:
            assert target_of(newsroom_site, href).is_file(), (page, href)
        if page.name == "404.html":
            continue
        canonical = [ln["href"] for ln in links if ln.get("rel") == "canonical"]
        relative = page.relative_to(newsroom_site).as_posix()
        assert canonical == [BASE_URL + relative[: -len("index.html")]], page


def test_topic_and_country_pages_offer_their_own_feed_first(newsroom_site: Path) -> None:
    for page, feed in (
        ("tags/climate/index.html", "tags/climate/feed.xml"),
        ("countries/in/index.html", "countries/in/feed.xml"),
    ):
        links = Page((newsroom_site / page).read_text(encoding="utf-8")).links
        feeds = [ln["href"] for ln in links if ln.get("rel") == "alternate"]
        assert feeds[0] == BASE_PATH + feed


def test_an_article_page_shows_what_the_article_says(newsroom_site: Path) -> None:
    html = (newsroom_site / "2025/06/23/wildfire-crews-brace/index.html").read_text("utf-8")
    page = Page(html)
    assert "<h1" in html and "Wildfire Crews Brace for an Early Season" in html
    assert page.times[:2] == ["2025-06-23T08:00:00-07:00", "2025-06-24T09:30:00-07:00"]
    assert 'href="/sub/countries/us/"' in html and "United States" in html
    assert 'href="/sub/tags/climate/"' in html and 'href="/sub/tags/wildfires/"' in html


def test_relative_links_and_images_in_articles_are_published(newsroom_site: Path) -> None:
    kerala = (newsroom_site / "2025/06/25/monsoon-reaches-kerala-coast/index.html").read_text(
        encoding="utf-8"
    )
    assert 'src="/sub/media/2025/06/kerala-rain.png"' in kerala
    assert 'alt="Rain clouds over a harbour in Kochi"' in kerala
    assert 'href="/sub/2025/06/24/everest-waste-rules/"' in kerala
    assert "Image: Test Agency" in kerala
    chatbot = (newsroom_site / "2025/06/21/chatbot-rules-questioned/index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="/sub/2025/05/30/ai-rules-in-berlin/"' in chatbot
    assert ".md" not in "".join(Page(chatbot).urls)


def test_unicode_titles_are_shown_as_written(newsroom_site: Path) -> None:
    html = (newsroom_site / "2025/06/22/sao-paulo-metro-strike-ends/index.html").read_text(
        encoding="utf-8"
    )
    assert "São Paulo Metro Strike Ends After Two Days" in html
    assert "Zürich Voters to Decide on a Housing Levy" in (
        newsroom_site / "archive/2025/05/index.html"
    ).read_text(encoding="utf-8")


def test_sitemap_and_robots_use_absolute_urls(newsroom_site: Path) -> None:
    sitemap = (newsroom_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert BASE_URL + "2025/06/25/monsoon-reaches-kerala-coast/" in locations
    assert BASE_URL + "tags/climate/page/2/" in locations
    assert all(target_of(newsroom_site, urlsplit(u).path).is_file() for u in locations)
    assert not any(u.endswith("404.html") for u in locations)
    robots = (newsroom_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE_URL}sitemap.xml" in robots


# The sample newsroom that ships in content/.

ALTAF = "2025/06/25/altaf-hussain-calls-on-modi-to-advocate-for-mohajirs/index.html"


def test_the_founding_story_page_shows_every_part_of_the_article(sample_site: Path) -> None:
    html = (sample_site / ALTAF).read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert re.search(
        r"<h1[^>]*>\s*Altaf Hussain Calls on Modi to Advocate for Mohajirs "
        r"Facing Atrocities\s*</h1>",
        html,
    )
    assert "Exiled MQM leader Altaf Hussain urges India" in text
    assert "Devdiscourse News Desk" in text
    assert re.search(r"[Bb]y\s+(<[^>]+>\s*)*Devdiscourse News Desk", html)
    assert 'href="/sub/countries/gb/"' in html and "United Kingdom" in text
    assert '<time datetime="2025-06-25T15:27:00+05:30">' in html
    assert 'src="/sub/media/2025/06/altaf-hussain.jpg"' in html
    assert (sample_site / "media/2025/06/altaf-hussain.jpg").is_file()
    assert "Image: ANI" in text
    assert "With inputs from agencies" in text
    for slug, name in (
        ("pakistan", "Pakistan"),
        ("india", "India"),
        ("human-rights", "Human Rights"),
        ("mqm", "MQM"),
    ):
        assert re.search(rf'href="/sub/tags/{slug}/"[^>]*>\s*{name}\s*<', html), name


def test_the_sample_newsroom_has_paginated_topics_and_feeds(sample_site: Path) -> None:
    assert any(sample_site.glob("tags/*/page/2/index.html"))
    assert (sample_site / "feed.xml").is_file()
    assert (sample_site / "countries/gb/feed.xml").is_file()


# Determinism and the command line.


Run = Callable[..., subprocess.CompletedProcess[str]]


def build(
    project: Path, out: Path, *extra: str, run: Run = run_newsdigest
) -> subprocess.CompletedProcess[str]:
    """`python -m generator build`, or `run` (a `Forked`'s: each build in a new process)."""
    result = run("build", "--output", str(out), "--base-url", BASE_URL, *extra, cwd=project)
    assert result.returncode == 0, result.stderr
    return result


def unindexed(forked: Forked) -> Run:
    """`forked.run` without the search index (conftest.searching), for the tests that do
    not look at search."""
    return functools.partial(forked.run, search=False)


def published_times(site: Path) -> dict[Path, int]:
    """The modification time of every published file (not newsdigest's own marker)."""
    return {
        p: p.stat().st_mtime_ns
        for p in site.rglob("*")
        if p.is_file() and p.name != ".newsdigest-output"
    }


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = copy_newsroom(tmp_path / "one")
    second = copy_newsroom(tmp_path / "elsewhere" / "two")
    build(first, tmp_path / "site-one")
    build(second, tmp_path / "elsewhere" / "site-two")
    one, two = site_files(tmp_path / "site-one"), site_files(tmp_path / "elsewhere" / "site-two")
    assert sorted(one) == sorted(two)
    assert [path for path in sorted(one) if one[path] != two[path]] == []


def test_a_second_build_changes_nothing_and_says_so(tmp_path: Path, forked: Forked) -> None:
    project = copy_newsroom(tmp_path / "project")
    out = tmp_path / "site"
    first = build(project, out, run=forked.run)
    before = site_files(out)
    stamps = published_times(out)
    second = build(project, out, run=forked.run)
    assert site_files(out) == before
    assert published_times(out) == stamps
    count = re.search(r"(\d+) files \((\d+) written, (\d+) unchanged\)", first.stdout)
    assert count is not None
    assert int(count[1]) == int(count[2]) + int(count[3])  # search files counted too
    assert f"{count[1]} files (0 written, {count[1]} unchanged)" in second.stdout
    assert "preview: newsdigest serve" in first.stdout


def test_an_edit_rewrites_only_the_files_it_changes(tmp_path: Path, forked: Forked) -> None:
    project = copy_newsroom(tmp_path / "project")
    out = tmp_path / "site"
    build(project, out, run=unindexed(forked))
    untouched = out / "2025/05/12/zurich-housing-levy-vote/index.html"
    stamp = untouched.stat().st_mtime_ns
    story = project / "content/2025/06/sao-paulo-metro-strike-ends.md"
    story.write_text(story.read_text("utf-8").replace("Union leaders", "Union officials"), "utf-8")
    build(project, out, run=unindexed(forked))
    page = out / "2025/06/22/sao-paulo-metro-strike-ends/index.html"
    assert "Union officials" in page.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == stamp


def test_a_deleted_article_disappears_from_the_next_build(tmp_path: Path, forked: Forked) -> None:
    project = copy_newsroom(tmp_path / "project")
    out = tmp_path / "site"
    build(project, out, run=unindexed(forked))
    assert (out / "countries/ch/index.html").is_file()
    (project / "content/world/zurich-housing-levy-vote.md").unlink()
    build(project, out, run=unindexed(forked))
    assert not (out / "2025/05/12/zurich-housing-levy-vote").exists()
    assert not (out / "countries/ch").exists()
    assert "zurich" not in (out / "feed.xml").read_text(encoding="utf-8")
    # No staging left; beside the site only the list of changed feeds (for newsdigest ping).
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "project",
        "site",
        "site.changed-feeds.txt",
    ]


def test_one_broken_article_stops_the_build_and_leaves_the_site_untouched(
    tmp_path: Path, forked: Forked
) -> None:
    project = copy_newsroom(tmp_path / "project")
    out = tmp_path / "site"
    build(project, out, run=unindexed(forked))
    before = site_files(out)
    stamps = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.rglob("*")}
    broken = project / "content/2025/06/everest-waste-rules.md"
    broken.write_text(
        broken.read_text("utf-8").replace("2025-06-24T10:15", "2025-02-30T10:15"), "utf-8"
    )
    (project / "content/2025/06/new-story.md").write_text(
        "---\ntitle: A New Story\ndate: 2025-06-26T09:00:00+05:30\ncountry: India\n"
        "credits:\n  author: Fixture Desk\n---\nNew.\n",
        encoding="utf-8",
    )
    result = run_newsdigest("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(
        r"^content/2025/06/everest-waste-rules\.md:3: error: date: 2025-02-30 "
        r"is not a real date",
        result.stderr,
        re.MULTILINE,
    ), result.stderr
    assert "fix:" in result.stderr
    assert site_files(out) == before
    assert {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.rglob("*")} == stamps
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "project",
        "site",
        "site.changed-feeds.txt",
    ]


def test_every_error_is_reported_in_one_run(tmp_path: Path) -> None:
    project = copy_newsroom(tmp_path / "project")
    for name in ("everest-waste-rules.md", "wildfire-crews-brace.md"):
        path = project / "content/2025/06" / name
        path.write_text(
            path.read_text("utf-8").replace("country:", "country: Atlantis\nx:"), "utf-8"
        )
    result = run_newsdigest("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 1
    assert "everest-waste-rules.md:4: error: country 'Atlantis'" in result.stderr
    assert "wildfire-crews-brace.md:5: error: country 'Atlantis'" in result.stderr
    assert not (tmp_path / "site").exists()


def test_python_m_generator_works_like_the_newsdigest_command(tmp_path: Path) -> None:
    # The script installed beside this Python first: PATH may lead to another installation.
    command = shutil.which("newsdigest", path=Path(sys.executable).parent) or shutil.which(
        "newsdigest"
    )
    if command is None:
        pytest.skip("the newsdigest script is not on PATH (package not installed)")
    project = copy_newsroom(tmp_path / "project")
    by_module = build(project, tmp_path / "module")
    by_script = subprocess.run(
        [command, "build", "--output", str(tmp_path / "script"), "--base-url", BASE_URL],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert by_script.returncode == 0, by_script.stderr
    assert site_files(tmp_path / "module") == site_files(tmp_path / "script")
    assert str(tmp_path / "module") in by_module.stdout
    assert str(tmp_path / "script") in by_script.stdout
    helps = [
        run_newsdigest("--help", cwd=project).stdout,
        subprocess.run(
            [command, "--help"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        ).stdout,
    ]
    assert helps[0] == helps[1] and "build" in helps[0] and "check" in helps[0]


def test_drafts_and_future_articles_wait_unless_asked_for(tmp_path: Path, forked: Forked) -> None:
    project = copy_newsroom(tmp_path / "project")
    story = "---\ntitle: {t}\ndate: {d}\ncountry: India\ncredits:\n  author: Desk\n{x}---\nText.\n"
    (project / "content/draft.md").write_text(
        story.format(t="Draft", d="2025-06-01T10:00:00+05:30", x="draft: true\n"), "utf-8"
    )
    (project / "content/later.md").write_text(
        story.format(t="Later", d="2999-01-01T10:00:00+05:30", x=""), "utf-8"
    )
    build(project, tmp_path / "plain", run=unindexed(forked))
    assert not (tmp_path / "plain/2025/06/01/draft").exists()
    assert not (tmp_path / "plain/2999").exists()
    build(project, tmp_path / "all", "--drafts", "--future", run=unindexed(forked))
    assert (tmp_path / "all/2025/06/01/draft/index.html").is_file()
    assert (tmp_path / "all/2999/01/01/later/index.html").is_file()
