"""Search and social metadata as crawlers read it: robots meta on every page, og:locale,
the lead image's real size (Pillow-made files), and NewsArticle JSON-LD with Person
authors and the publisher's logo (parsed with lxml and json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html
from PIL import Image

ARTICLE = "2025/06/25/heatwave/index.html"


def picture(path: Path, size: tuple[int, int], kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 80, 40)).save(path, kind)


def build(project: Path, out: Path) -> None:
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr


def page(out: Path, path: str) -> Any:
    return html.fromstring((out / path).read_bytes())


def meta(doc: Any, key: str) -> list[str]:
    return [str(v) for v in doc.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content')]


def structured(doc: Any) -> dict[str, Any]:
    [script] = doc.xpath('//script[@type="application/ld+json"]/text()')
    data = json.loads(script)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("social")
    project = make_project(
        root / "project", 'publisher = "The Test Times"\nlogo = "brand/masthead.png"\n'
    )
    picture(project / "brand" / "masthead.png", (600, 60), "PNG")
    picture(project / "content" / "heat.jpg", (1200, 675), "JPEG")
    write_article(
        project,
        "heatwave.md",
        "title: Heatwave\ndate: 2025-06-25T10:00:00+05:30\n"
        "updated: 2025-06-25T18:00:00+05:30\ncountry: India\n"
        "credits:\n  author: [Asha Rao, Ben Ode]\n"
        "image:\n  src: heat.jpg\n  alt: A street shimmering in the heat",
    )
    write_article(
        project,
        "rain.md",
        "title: Rain\ndate: 2025-06-24T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk",
    )
    out = root / "site"
    build(project, out)
    return out


def test_every_page_allows_large_image_previews(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 8
    for path in pages:
        [robots] = meta(html.fromstring(path.read_bytes()), "robots")
        expected = (
            "noindex, max-image-preview:large"
            if path.name == "404.html"
            else ("max-image-preview:large")
        )
        assert robots == expected, path


def test_og_locale_is_language_and_territory(site: Path) -> None:
    assert meta(page(site, "index.html"), "og:locale") == ["en_US"]
    assert meta(page(site, ARTICLE), "og:locale") == ["en_US"]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ('language = "hi"\n', "hi_IN"),
        ('language = "pt-BR"\n', "pt_BR"),
        ('language = "zh-Hant"\n', "zh_TW"),
        ('language = "en"\nlocale = "en_GB"\n', "en_GB"),
    ],
)
def test_og_locale_follows_the_language_or_the_locale_setting(
    tmp_path: Path, settings: str, expected: str
) -> None:
    project = make_project(tmp_path / "p", settings)
    write_article(
        project, "a.md", "title: A\ndate: 2025-06-24\ncountry: IN\ncredits: {author: Desk}"
    )
    build(project, tmp_path / "site")
    assert meta(page(tmp_path / "site", "index.html"), "og:locale") == [expected]


def test_a_locale_not_in_open_graph_form_is_a_settings_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", 'locale = "en-GB"\n')
    result = run_here("build", cwd=project)
    assert result.returncode == 2 and "locale" in result.stderr


def test_the_lead_image_has_its_real_size_and_alt(site: Path) -> None:
    doc = page(site, ARTICLE)
    [url] = meta(doc, "og:image")
    assert url == BASE_URL + "media-sizes/heat.jpg/16x9.jpg"  # 1200 px wide: its search-engine crop
    with Image.open(site / url[len(BASE_URL) :]) as served:
        assert meta(doc, "og:image:width") == [str(served.width)] == ["1200"]
        assert meta(doc, "og:image:height") == [str(served.height)] == ["675"]
    assert meta(doc, "og:image:alt") == ["A street shimmering in the heat"]
    assert meta(page(site, "2025/06/24/rain/index.html"), "og:image:width") == []


def test_news_article_json_ld_has_persons_publisher_logo_and_dates(site: Path) -> None:
    data = structured(page(site, ARTICLE))
    assert data["@type"] == "NewsArticle"
    assert data["author"] == [
        {"@type": "Person", "name": "Asha Rao", "url": BASE_URL + "authors/asha-rao/"},
        {"@type": "Person", "name": "Ben Ode", "url": BASE_URL + "authors/ben-ode/"},
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == "The Test Times"
    logo = publisher["logo"]
    assert logo["@type"] == "ImageObject" and logo["url"] == BASE_URL + "logo.png"
    with Image.open(site / "logo.png") as served:  # the logo is published, at its size
        assert (logo["width"], logo["height"]) == served.size == (600, 60)
    assert data["datePublished"] == "2025-06-25T10:00:00+05:30"
    assert data["dateModified"] == "2025-06-25T18:00:00+05:30"
    assert data["image"] == [
        BASE_URL + f"media-sizes/heat.jpg/{ratio}.jpg" for ratio in ("16x9", "4x3", "1x1")
    ]


def test_a_missing_or_unreadable_logo_is_a_settings_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", 'logo = "nowhere.png"\n')
    result = run_here("build", cwd=project)
    assert result.returncode == 2 and "logo" in result.stderr and "nowhere.png" in result.stderr
    project = make_project(tmp_path / "q", 'logo = "pyproject.toml"\n')
    result = run_here("build", cwd=project)
    assert result.returncode == 2 and "not an image" in result.stderr
    assert "Traceback" not in result.stderr


def test_latin_american_spanish_claims_no_country_and_translations_are_alternates(
    tmp_path: Path,
) -> None:
    """`es-419` is Spanish of Latin America: og:locale once said es_ES, the one country
    the tag leaves out. It is now the language alone, `es`; each version of a translated
    story names the others' locales as og:locale:alternate (ogp.me)."""
    project = make_project(tmp_path / "project", 'language = "es-419"\n')
    for slug, language in (("hola", "es-419"), ("hello", "en"), ("salam", "ur")):
        write_article(
            project,
            f"{slug}.md",
            f"title: {slug}\ndate: 2025-06-25T10:00:00Z\nlanguage: {language}\n"
            "translation_key: greeting\ncountry: Mexico\ncredits:\n  author: Desk",
        )
    out = tmp_path / "site"
    build(project, out)
    assert meta(page(out, "index.html"), "og:locale") == ["es"]
    for slug, locale, others in (
        ("hola", "es", ["en_US", "ur_PK"]),
        ("hello", "en_US", ["es", "ur_PK"]),
        ("salam", "ur_PK", ["en_US", "es"]),
    ):
        article = page(out, f"2025/06/25/{slug}/index.html")
        assert meta(article, "og:locale") == [locale]
        assert sorted(meta(article, "og:locale:alternate")) == others
