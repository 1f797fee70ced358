"""One language written two ways is one language: a newsroom whose editors write Hebrew as
`he` and as `iw` (its old code), Norwegian Bokmål as `nb` and `no-bok`, or English as `en`
and `EN`, gets one home, one folder and one hreflang per language, and `check` refuses
two versions of one story in it, as BCP 47 compares tags (without case, a deprecated code
as its preferred value)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import etree, html

STORY = """title: {title}
slug: {slug}
date: 2025-06-{day}T10:00:00+03:00
country: Israel
language: {language}
credits:
  author: Dana
tags: [News]
"""


def story(project: Path, slug: str, day: int, language: str, key: str = "") -> None:
    front = STORY.format(title=f"Storm {slug}", slug=slug, day=day, language=language)
    key_line = f"translation_key: {key}\n" if key else ""
    write_article(project, f"2025/06/{slug}.md", front + key_line)


def alternates(page: Path) -> list[tuple[str, str]]:
    tree = html.fromstring(page.read_bytes())
    return [
        (str(link.get("hreflang")), str(link.get("href")))
        for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")
    ]


@pytest.mark.parametrize(
    ("one", "other", "shown"),
    [("he", "iw", "'he'"), ("nb", "no-bok", "'nb'"), ("id", "in", "'id'"), ("he", "HE", "'he'")],
)
def test_two_versions_in_one_language_written_two_ways_are_refused_on_both(
    tmp_path: Path, one: str, other: str, shown: str
) -> None:
    project = make_project(tmp_path / "project", 'language = "en"\n')
    story(project, "first", 21, one, key="storm")
    story(project, "second", 22, other, key="storm")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    said = checked.stdout.splitlines()
    # Lines: '---' 1, title 2, slug 3, date 4, country 5, language 6, credits 7, 8, tags 9, key 10.
    first = f"content/2025/06/first.md:10: error: translation_key 'storm' in language {shown} "
    assert f"{first}is also the key of 2025/06/second.md" in said
    second = next(line for line in said if line.startswith("content/2025/06/second.md:10: error"))
    assert f"in language {shown}" in second and "is also the key of 2025/06/first.md" in second
    if other.lower() != one.lower():
        assert f"(written '{other}', another code for it)" in second


def test_a_language_written_with_its_old_code_has_one_home_and_one_hreflang(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project", 'language = "en"\n')
    story(project, "s1", 21, "he", key="storm")
    story(project, "s2", 22, "iw")
    story(project, "n1", 24, "nb", key="storm")
    story(project, "n2", 25, "no-bok")
    story(project, "s3", 23, "en", key="storm")
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), cwd=project, search=False)
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (out / "iw").exists() and not (out / "no-bok").exists()
    hebrew = html.fromstring((out / "he/index.html").read_bytes())
    assert hebrew.get("lang") == "he" and hebrew.get("dir") == "rtl"
    listed = {a.text_content() for a in hebrew.xpath("//a[@class='story-title']")}
    assert listed == {"Storm s1", "Storm s2"}
    homes = alternates(out / "index.html")
    assert [lang for lang, _ in homes] == ["en", "he", "nb", "x-default"]
    assert dict(homes)["he"].endswith("/he/") and dict(homes)["nb"].endswith("/nb/")
    # The story written `iw` keeps its own lang as typed, and is named `he` to machines.
    page = html.fromstring((out / "2025/06/22/s2/index.html").read_bytes())
    assert page.get("lang") == "iw"


@pytest.mark.parametrize("written", ["EN", "En", "en"])
def test_x_default_is_the_site_languages_version_in_any_capitals(
    tmp_path: Path, written: str
) -> None:
    project = make_project(tmp_path / "project", 'language = "en"\n')
    story(project, "s1", 21, "he", key="storm")  # the oldest version
    story(project, "s3", 23, written, key="storm")
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), cwd=project, search=False)
    assert built.returncode == 0, built.stdout + built.stderr
    english = BASE_URL + "2025/06/23/s3/"
    for page in ("2025/06/21/s1/index.html", "2025/06/23/s3/index.html"):
        assert dict(alternates(out / page))["x-default"] == english
    sitemap = etree.parse(str(out / "sitemap.xml"))
    defaults = sitemap.xpath("//*[local-name()='link'][@hreflang='x-default']/@href")
    assert defaults and set(defaults) == {english}
    home = html.fromstring((out / "index.html").read_bytes())
    assert "Storm s3" in {a.text_content() for a in home.xpath("//a[@class='story-title']")}
