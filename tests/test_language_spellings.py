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
    [
        ("he", "iw", "'he'"),
        ("nb", "no-bok", "'nb'"),
        ("id", "in", "'id'"),
        ("yi", "ji", "'yi'"),
        ("jv", "jw", "'jv'"),
        ("ro", "mo", "'ro'"),
        ("zh", "zh-guoyu", "'zh'"),
        ("sr-Latn", "sh", "'sr-Latn'"),
        ("he", "HE", "'he'"),
    ],
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


def test_an_old_code_beside_its_languages_current_one_is_a_warning_on_its_line(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project", 'language = "en"\n')
    story(project, "s1", 21, "he")
    story(project, "s2", 22, "iw")
    story(project, "s3", 23, "iw")
    story(project, "s4", 24, "EN")  # the site's language in capitals: only the note on them
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    for name in ("s2", "s3"):  # each story's line: each is a line to change
        assert (
            f"content/2025/06/{name}.md:6: warning: language 'iw' is an old code of Hebrew, "
            "which HTML checkers flag and browsers and screen readers may not know: its "
            "current code is 'he'\n    fix: write 'language: he'\n"
        ) in checked.stdout, checked.stdout
    assert (
        "s4.md:6: warning: language 'EN' is published as 'en', its usual capitals, on every "
        "page and feed: a language tag means the same in any capitals\n"
        "    fix: write 'language: en' to silence this note\n"
    ) in checked.stdout, checked.stdout
    assert checked.stdout.count("warning:") == 3


def test_a_site_written_with_one_old_code_keeps_its_folder_with_a_warning(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project", 'language = "en"\n')
    story(project, "s1", 21, "iw")
    story(project, "s2", 22, "en")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    # A deprecated code alone is still warned of (tester 2, M9): lang="iw" on every page
    # of its section is flagged by the Nu checker; it keeps its folder until changed.
    assert checked.stdout.count("warning:") == 1
    assert "s1.md:6: warning: language 'iw' is an old code of Hebrew" in checked.stdout
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project, search=False).returncode == 0
    assert (out / "iw/index.html").is_file() and not (out / "he").exists()


@pytest.mark.parametrize(
    ("site", "stories", "warned"),
    [
        (
            "en",
            [("solar", "ur"), ("drains", "ur-PK")],
            "content/2025/06/drains.md:6: warning: language 'ur-PK' (Urdu (Pakistan)) makes a "
            "section of its own, /ur-pk/, with its own home, feeds and search (1 story), apart "
            "from the 1 Urdu story at /ur/: its stories are not listed there\n"
            "    fix: write 'language: ur' to publish it with the other Urdu stories; keep "
            "'ur-PK' only for an edition of its own",
        ),
        (
            "ur",
            [("solar", "ur"), ("wind", "ur"), ("drains", "ur-pk")],
            "content/2025/06/drains.md:6: warning: language 'ur-PK' (Urdu (Pakistan)) makes a "
            "section of its own, /ur-pk/, with its own home, feeds and search (1 story), apart "
            "from the 2 Urdu stories at /: its stories are not listed there\n"
            "    fix: write 'language: ur' to publish it with the other Urdu stories (or leave "
            "'language:' out: a story is in the site's language by default); keep 'ur-PK' "
            "only for an edition of its own",
        ),
        (
            "ur-PK",
            [("solar", "ur-PK"), ("drains", "ur")],
            "content/2025/06/drains.md:6: warning: language 'ur' (Urdu) makes a section of its "
            "own, /ur/, with its own home, feeds and search (1 story), apart from the 1 Urdu "
            "(Pakistan) story at /: its stories are not listed there",
        ),
    ],
)
def test_a_regional_tag_beside_its_language_is_a_warning_naming_both_sections(
    tmp_path: Path, site: str, stories: list[tuple[str, str]], warned: str
) -> None:
    project = make_project(tmp_path / "project", f'language = "{site}"\n')
    for day, (slug, language) in enumerate(stories, start=21):
        story(project, slug, day, language)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert warned in checked.stdout, checked.stdout
    assert checked.stdout.count("warning:") == 1


@pytest.mark.parametrize("languages", [("ur", "hi"), ("pt-BR", "pt-PT"), ("sr", "sr-Latn")])
def test_languages_and_editions_of_their_own_are_not_warned(
    tmp_path: Path, languages: tuple[str, str]
) -> None:
    project = make_project(tmp_path / "project", 'language = "en"\n')
    for day, language in enumerate(languages, start=21):
        story(project, f"s{day}", day, language)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and "warning" not in checked.stdout, checked.stdout


def test_tagalogs_current_code_beside_filipino_is_not_called_old(tmp_path: Path) -> None:
    """`tl` is ISO 639-1's current code of Tagalog (prober, M8): merged with `fil` (CLDR
    reads it as Filipino), the warning says so without calling it an old code."""
    project = make_project(tmp_path / "project", 'language = "en"\n')
    story(project, "s1", 21, "fil")
    story(project, "s2", 22, "tl")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "old code" not in checked.stdout, checked.stdout
    assert (
        "s2.md:6: warning: language 'tl' is read as Filipino (it is a current code, which "
        "the language data newsdigest follows, CLDR, reads as 'fil'), which other stories "
        "write 'fil': all are published as one language, in /fil/"
    ) in checked.stdout, checked.stdout


def test_an_old_code_with_a_region_gets_fixes_that_agree(tmp_path: Path) -> None:
    """`language: iw-IL` beside `he` (prober, M8): one warning said write 'he', the other
    'he-IL', and the first said keep 'iw-IL' for an edition of its own; each now names the
    current code: 'he' to join the Hebrew stories, or 'he-IL' for an edition of its own."""
    project = make_project(tmp_path / "project", 'language = "en"\n')
    story(project, "s1", 21, "he")
    story(project, "s2", 22, "iw-IL")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "keep 'he-IL' only for an edition of its own" in checked.stdout, checked.stdout
    assert "fix: write 'language: he-IL'" in checked.stdout
    assert "keep 'iw-IL'" not in checked.stdout
