"""Languages as readers and browsers see them: `<html lang dir>` on every page, and a theme
that reads correctly right to left (case 09: an Arabic site).

`lang` does not set the direction; HTML's `dir` does (W3C, "Structural markup and
right-to-left text in HTML"): a site in a right-to-left language (CLDR's character order,
via Babel) has `dir="rtl"` on every page's html element, and the theme's CSS uses logical
properties, so margins, rules and alignment follow the direction.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from conftest import BASE_URL, REPO, VnuErrors, make_project, run_here, write_article
from lxml import etree, html

STYLE = REPO / "generator" / "theme" / "static" / "style.css"
ARTICLE = "2025/06/25/riyadh-summit/index.html"

# Case 09's kind of content: an Arabic title ending in "2025!", a summary ending in
# "(1).", an Arabic tag and byline, and an alias (its redirect page is a page too).
SUMMIT = """title: "قمة الرياض: اتفاق جديد 2025!"
slug: riyadh-summit
date: 2025-06-25T10:00:00+03:00
country: Saudi Arabia
credits:
  author: مكتب الأخبار
tags: [سياسة]
aliases: [/2025/06/24/summit/]
summary: "القادة يتفقون على خطة (المرحلة 1).\""""
PORT = """title: "ميناء جدة يفتح رصيفا جديدا"
slug: jeddah-port
date: 2025-06-24T09:00:00+03:00
country: Saudi Arabia
credits:
  author: مكتب جدة
tags: [اقتصاد]
summary: "الرصيف الجديد يستقبل 3 سفن في اليوم.\""""


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("arabic") / "project", 'language = "ar"\n')
    write_article(
        project,
        "2025/06/riyadh-summit.md",
        SUMMIT,
        "القادة يتفقون على خطة (المرحلة 1).\n\n> اقتباس من البيان.\n\n- بند أول\n",
    )
    write_article(project, "2025/06/jeddah-port.md", PORT, "الرصيف الجديد يعمل.\n")
    out = project.parent / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def test_every_page_of_an_arabic_site_is_lang_ar_dir_rtl(arabic_site: Path) -> None:
    pages = sorted(p.relative_to(arabic_site).as_posix() for p in arabic_site.rglob("*.html"))
    # Every kind of page: home, article, topic and country pages and their indexes, the
    # archive, a day's digest, the search page, the 404 page, an alias's redirect page.
    for expected in (
        "index.html",
        ARTICLE,
        "tags/index.html",
        "countries/index.html",
        "archive/index.html",
        "digest/2025-06-25/index.html",
        "search/index.html",
        "404.html",
        "2025/06/24/summit/index.html",
    ):
        assert expected in pages
    assert any(p.startswith("tags/") and p != "tags/index.html" for p in pages)
    assert any(p.startswith("countries/") and p != "countries/index.html" for p in pages)
    for relative in pages:
        root = html.fromstring((arabic_site / relative).read_bytes())
        assert (root.get("lang"), root.get("dir")) == ("ar", "rtl"), relative


@pytest.mark.parametrize(
    ("language", "direction"),
    [
        ("ur", "rtl"),
        ("fa", "rtl"),
        ("he", "rtl"),
        ("dv", "rtl"),
        ("ckb", "rtl"),
        ("pa-Arab", "rtl"),
        ("ur-Latn", None),  # Roman Urdu: the tag's script (Latin), not the language's
        ("ar-Latn", None),
        ("az-Arab", "rtl"),
        ("en", None),
        ("hi", None),
        ("pt-BR", None),
    ],
)
def test_the_direction_follows_the_languages_script(
    tmp_path: Path, language: str, direction: str | None
) -> None:
    project = make_project(tmp_path / "project", f'language = "{language}"\n')
    write_article(project, "2025/06/port.md", PORT)
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    for relative in ("index.html", "2025/06/24/jeddah-port/index.html"):
        root = html.fromstring((out / relative).read_bytes())
        assert (root.get("lang"), root.get("dir")) == (language, direction)


def test_the_theme_css_has_no_left_or_right_of_its_own() -> None:
    """Physical sides (margin-left, border-right, float: left, text-align: right, left:)
    would stay put when the page turns right to left; logical ones follow it. The only
    physical sides are a table cell's the editor typed (`| ---: |`, `align="right"`:
    `.align-right`, `.align-left`), which are the editor's, not the theme's."""
    css = re.sub(r"/\*.*?\*/", "", STYLE.read_text(encoding="utf-8"), flags=re.S)
    typed = r"\.body \.align-(left|right) \{ text-align: \1; \}\n"
    assert len(re.findall(typed, css)) == 2
    css = re.sub(typed, "", css)
    physical = re.findall(r"[\w-]*\b(?:left|right)\b[\w-]*\s*:[^;}]*|:\s*(?:left|right)\b", css)
    assert physical == []
    # The four-value shorthands name top, right, bottom, left: only symmetric ones remain.
    for value in re.findall(r"(?:margin|padding|inset)\s*:\s*([^;}]+)", css):
        sides = value.split()
        if len(sides) == 4:
            assert sides[1] == sides[3], value


def test_the_html_checker_finds_no_error_on_a_right_to_left_page(
    arabic_site: Path, vnu_errors: VnuErrors
) -> None:
    errors, status = vnu_errors(arabic_site, arabic_site / ARTICLE, arabic_site / "index.html")
    assert errors == []
    assert status == 0


# An English site with one story in Urdu and one in Hindi (per-article `language`).
KARACHI = """title: "کراچی میں بارش کے بعد سیلاب"
date: 2025-06-25T11:00:00+05:00
language: ur
country: Pakistan
credits:
  author: کراچی بیورو
tags: [Weather]
summary: "شہر کی سڑکیں پانی میں ڈوب گئیں۔\""""
DELHI = """title: "दिल्ली में गर्मी का नया रिकॉर्ड"
date: 2025-06-24T11:00:00+05:30
language: hi
country: India
credits:
  author: दिल्ली ब्यूरो
tags: [Weather]
summary: "तापमान 47 डिग्री तक पहुंचा।\""""
LONDON = """title: "London talks on climate finance"
date: 2025-06-23T11:00:00+01:00
country: UK
credits:
  author: London Desk
tags: [Weather]
summary: "Small states ask for faster money.\""""


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("mixed") / "project")
    write_article(project, "2025/06/karachi-floods.md", KARACHI)
    write_article(project, "2025/06/delhi-heat.md", DELHI)
    write_article(project, "2025/06/london-talks.md", LONDON)
    out = project.parent / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def language_of(out: Path, relative: str) -> tuple[str | None, str | None]:
    root = html.fromstring((out / relative).read_bytes())
    return root.get("lang"), root.get("dir")


def test_an_articles_page_is_in_the_articles_language(mixed_site: Path) -> None:
    assert language_of(mixed_site, "2025/06/25/karachi-floods/index.html") == ("ur", "rtl")
    assert language_of(mixed_site, "2025/06/24/delhi-heat/index.html") == ("hi", None)
    assert language_of(mixed_site, "2025/06/23/london-talks/index.html") == ("en", None)
    assert language_of(mixed_site, "index.html") == ("en", None)


def test_a_pages_stories_are_in_the_pages_language(mixed_site: Path) -> None:
    """Each language's listings are its own (tests/test_language_homes.py): the site's
    topic page lists its English story, the Urdu topic page (lang="ur") the Urdu one, so
    no headline needs a lang of its own; an Urdu story's previous and next are Urdu."""
    tag_page = html.fromstring((mixed_site / "tags/weather/index.html").read_bytes())
    titles = [a.text_content() for a in tag_page.xpath("//main//h2[@class='card-title']/a")]
    assert titles == ["London talks on climate finance"]
    assert tag_page.xpath("//main//*[@lang]") == []
    urdu_topic = html.fromstring((mixed_site / "ur/tags/weather/index.html").read_bytes())
    assert (urdu_topic.get("lang"), urdu_topic.get("dir")) == ("ur", "rtl")
    assert [a.text_content() for a in urdu_topic.xpath("//main//h2/a")] == [
        "کراچی میں بارش کے بعد سیلاب"
    ]
    assert urdu_topic.xpath("//main//*[@lang]") == []
    urdu = html.fromstring((mixed_site / "2025/06/25/karachi-floods/index.html").read_bytes())
    assert urdu.xpath("//nav[@class='prev-next']//a") == []


def test_text_in_the_sites_language_keeps_it_on_a_page_in_another(mixed_site: Path) -> None:
    """On the Hindi story of an English site, the site's own title and description
    (masthead and footer) are marked English, left to right; its previous, next and related
    stories are Hindi ones (its language's section, /hi/: none here). Nothing is marked on
    English pages."""
    hindi = html.fromstring((mixed_site / "2025/06/24/delhi-heat/index.html").read_bytes())
    marked = lambda xpath: [  # noqa: E731
        (el.get("lang"), el.get("dir"), el.text_content().strip()) for el in hindi.xpath(xpath)
    ]
    assert marked("//nav[@class='prev-next']//span[@lang]") == []
    assert marked("//section[@class='related']//a[@class='story-title']") == []
    for where in ("header", "footer"):
        assert marked(f"//{where}//*[@lang]") == [
            ("en", "ltr", "Test Desk"),
            ("en", "ltr", "Stories for tests."),
        ]
    english = html.fromstring((mixed_site / "2025/06/23/london-talks/index.html").read_bytes())
    assert english.xpath("//header//*[@lang] | //footer//*[@lang]") == []
    assert english.xpath("//nav[@class='prev-next']//span[@lang]/@lang") == []


def check_with_language(
    tmp_path: Path, typed: str
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`check` on the Karachi story with `language: TYPED` (its line 4)."""
    project = make_project(tmp_path / "project")
    write_article(
        project, "2025/06/karachi-floods.md", KARACHI.replace("language: ur", f"language: {typed}")
    )
    return project, run_here("check", cwd=project)


@pytest.mark.parametrize(
    ("typed", "hint"),
    [("Urdu", "did you mean 'ur'?"), ("Hindi", "did you mean 'hi'?"), ("xx-yy", "BCP 47")],
)
def test_an_unknown_language_is_an_error_on_its_line(tmp_path: Path, typed: str, hint: str) -> None:
    _, result = check_with_language(tmp_path, typed)
    assert result.returncode == 1
    # Lines: '---' 1, title 2, date 3, language 4.
    assert (
        f"content/2025/06/karachi-floods.md:4: error: language '{typed}' is not a "
        "language tag newsdigest knows"
    ) in result.stdout
    assert hint in result.stdout


@pytest.mark.parametrize(
    ("typed", "meant"), [("en_US", "en-US"), ("ur_PK", "ur-PK"), ("pt_BR", "pt-BR")]
)
def test_a_locale_name_is_refused_as_an_articles_language_as_in_the_settings(
    tmp_path: Path, typed: str, meant: str
) -> None:
    """`en_US` is no value for HTML's lang: one rule for the front-matter field and the
    setting, each on its line with the tag meant."""
    project, result = check_with_language(tmp_path, typed)
    assert result.returncode == 1
    assert (
        f"content/2025/06/karachi-floods.md:4: error: language '{typed}' is a locale name, not a "
        "language tag (BCP 47 uses '-', not '_')"
    ) in result.stdout
    assert f"did you mean '{meant}'?" in result.stdout
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 1 and not (tmp_path / "site").exists()
    settings_file = project / "pyproject.toml"
    settings_file.write_text(
        settings_file.read_text(encoding="utf-8") + f'language = "{typed}"\n', encoding="utf-8"
    )
    settings = run_here("check", cwd=project)
    assert settings.returncode == 2
    assert f"error: language '{typed}' is a locale name" in settings.stderr
    assert (
        f"did you mean '{meant}'? write a language tag (BCP 47)" in settings.stderr
        and f'language = "{meant}"' in settings.stderr
    )


def dateline(out: Path, relative: str) -> str:
    root = html.fromstring((out / relative).read_bytes())
    return str(root.xpath("string(//p[@class='dateline']/time)"))


def test_the_dateline_names_the_month_in_the_pages_language(mixed_site: Path) -> None:
    """CLDR's month names via Babel: 'جون' in Urdu, 'जून' in Hindi; English unchanged."""
    urdu = dateline(mixed_site, "2025/06/25/karachi-floods/index.html")
    assert urdu.startswith("25 جون 2025, 11:00"), urdu
    hindi = dateline(mixed_site, "2025/06/24/delhi-heat/index.html")
    assert hindi.startswith("24 जून 2025, 11:00"), hindi
    english = dateline(mixed_site, "2025/06/23/london-talks/index.html")
    assert english.startswith("23 June 2025, 11:00"), english
    # The English home page lists every story with English month names.
    home = html.fromstring((mixed_site / "index.html").read_bytes())
    assert "जून" not in home.text_content() and "جون" not in home.text_content()


def test_an_arabic_sites_day_pages_name_days_and_months_in_arabic(arabic_site: Path) -> None:
    digest = html.fromstring((arabic_site / "digest/2025-06-25/index.html").read_bytes())
    assert digest.xpath("string(//h1)").strip() == "الأربعاء 25 يونيو 2025"


def versions_site(root: Path, urdu_key: str = "karachi-floods") -> Path:
    project = make_project(root / "project")
    write_article(
        project,
        "2025/06/karachi-floods.md",
        KARACHI.replace("language: ur", f"language: ur\ntranslation_key: {urdu_key}"),
    )
    write_article(
        project,
        "2025/06/karachi-floods-en.md",
        LONDON.replace("London talks on climate finance", "Karachi floods after the rain").replace(
            "country: UK", "country: Pakistan\ntranslation_key: karachi-floods"
        ),
    )
    write_article(project, "2025/06/delhi-heat.md", DELHI)
    return project


def test_translations_link_each_other_visibly_and_with_hreflang(tmp_path: Path) -> None:
    project = versions_site(tmp_path)
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    urdu_url = BASE_URL + "2025/06/25/karachi-floods/"
    english_url = BASE_URL + "2025/06/23/karachi-floods-en/"
    expected = [("en", english_url), ("ur", urdu_url), ("x-default", english_url)]
    for url, other, name, label in (
        (urdu_url, english_url, "English", "ان زبانوں میں بھی پڑھیں:"),  # the page's own words
        (english_url, urdu_url, "اردو", "Read in:"),
    ):
        page = html.fromstring((out / url.removeprefix(BASE_URL) / "index.html").read_bytes())
        alternates = [
            (link.get("hreflang"), link.get("href"))
            for link in page.xpath("//head/link[@rel='alternate'][@hreflang]")
        ]
        assert sorted(alternates) == expected  # reciprocal, absolute, with x-default
        read_in = page.xpath("//nav[@class='translations']//a")
        # A visible link is a path like every other page link; hreflang stays absolute.
        assert [(a.get("href"), a.text) for a in read_in] == [(urlsplit(other).path, name)]
        assert read_in[0].get("href").startswith("/sub/2025/06/")
        assert label in page.xpath("string(//nav[@class='translations'])")
    # A story without translations has no alternates and no "Read in".
    delhi = html.fromstring((out / "2025/06/24/delhi-heat/index.html").read_bytes())
    assert delhi.xpath("//link[@hreflang]") == []
    assert delhi.xpath("//nav[@class='translations']") == []
    sitemap = etree.fromstring((out / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for url in (urdu_url, english_url):
        entry = sitemap.xpath(f"//s:url[s:loc='{url}']", namespaces=ns)[0]
        assert (
            sorted(
                (x.get("hreflang"), x.get("href"))
                for x in entry.xpath("x:link[@rel='alternate']", namespaces=ns)
            )
            == expected  # the same set as the page's head, x-default included
        )


def test_a_story_in_another_language_names_its_own_locale_and_language_to_machines(
    mixed_site: Path,
) -> None:
    """og:locale and JSON-LD's inLanguage are the article's, not the English site's."""
    for relative, locale, tag in (
        ("2025/06/25/karachi-floods/index.html", "ur_PK", "ur"),
        ("2025/06/24/delhi-heat/index.html", "hi_IN", "hi"),
        ("2025/06/23/london-talks/index.html", "en_US", "en"),
        ("index.html", "en_US", None),
    ):
        page = html.fromstring((mixed_site / relative).read_bytes())
        assert page.xpath("//meta[@property='og:locale']/@content") == [locale]
        if tag:
            (ld,) = page.xpath("//script[@type='application/ld+json']/text()")
            assert json.loads(ld)["inLanguage"] == tag


def test_two_versions_in_one_language_are_an_error_naming_both_files(tmp_path: Path) -> None:
    project = versions_site(tmp_path)
    write_article(
        project,
        "2025/06/karachi-floods-2.md",
        KARACHI.replace("language: ur", "language: ur\ntranslation_key: karachi-floods").replace(
            "date: 2025-06-25", "date: 2025-06-26"
        ),
    )
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    for path, other in (
        ("karachi-floods.md", "karachi-floods-2.md"),
        ("karachi-floods-2.md", "karachi-floods.md"),
    ):
        # Lines: '---' 1, title 2, date 3, language 4, translation_key 5.
        assert (
            f"content/2025/06/{path}:5: error: translation_key 'karachi-floods' in language "
            f"'ur' is also the key of 2025/06/{other}"
        ) in result.stdout


def test_the_directions_known_ahead_are_cldrs() -> None:
    """The scripts whose direction is said without loading CLDR's data (a build's time)
    read as CLDR reads them: Latin left to right."""
    from babel import Locale

    from generator.languages import KNOWN_DIRECTIONS

    for script, direction in KNOWN_DIRECTIONS.items():
        order = Locale.parse(f"und_{script}").character_order
        assert direction == ("rtl" if order == "right-to-left" else "ltr")


# Case 09's other half: an English site, an Arabic headline in a story without `language:`.
MIXED_DIRECTIONS = """title: "قمة الرياض: اتفاق 2025!"
slug: riyadh
date: 2025-06-25T10:00:00Z
country: Saudi Arabia
credits:
  author: [דוד כהן, Sara Ali]
tags: [سياسة, Gulf אזור]
summary: القادة يتفقون (المرحلة 1).
image:
  src: https://example.org/summit.jpg
  alt: صورة القمة
  caption: القادة في الرياض."""


def test_right_to_left_text_in_a_left_to_right_page_takes_its_own_direction(
    tmp_path: Path,
    vnu_errors: VnuErrors,
) -> None:
    """Every element holding an editor's text (headline, summary, caption, tags, bylines,
    country, in the article and in every list) says dir="auto", so "2025!" and "(1)." end
    the Arabic sentence on its left; the page stays left to right and valid HTML."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/riyadh.md", MIXED_DIRECTIONS)
    write_article(project, "2025/06/other.md", LONDON.replace("[Weather]", "[سياسة]"))
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    article = html.fromstring((out / "2025/06/25/riyadh/index.html").read_bytes())
    assert (article.get("lang"), article.get("dir")) == ("en", None)

    def auto(root: html.HtmlElement, text: str) -> list[str | None]:
        """The direction each element showing `text` takes from itself or the nearest
        element around it that says one, below <html> (which is the page's)."""
        found = []
        for el in root.iter():
            if isinstance(el.tag, str) and el.tag != "title" and (el.text or "").strip() == text:
                said = [a.get("dir") for a in (el, *el.iterancestors()) if a.tag != "html"]
                found.append(next((d for d in said if d), None))
        return found

    for text in (
        "قمة الرياض: اتفاق 2025!",
        "القادة يتفقون (المرحلة 1).",
        "القادة في الرياض.",
        "سياسة",
        "Gulf אזור",
        "דוד כהן",
        "Sara Ali",
    ):
        assert auto(article, text) and set(auto(article, text)) == {"auto"}, text
    for page in ("index.html", "tags/index.html", "countries/sa/index.html", "authors/index.html"):
        root = html.fromstring((out / page).read_bytes())
        found = [
            d for text in ("قمة الرياض: اتفاق 2025!", "سياسة", "דוד כהן") for d in auto(root, text)
        ]
        assert found and set(found) == {"auto"}, page
    (item,) = [
        e for e in feedparser.parse((out / "atom.xml").read_bytes()).entries if "riyadh" in e.link
    ]
    assert '<span dir="auto">القادة في الرياض.</span>' in item.content[0].value
    errors, _ = vnu_errors(out, out / "2025/06/25/riyadh/index.html", out / "index.html")
    assert errors == []
