"""JSON-LD NewsArticle on every article page: valid JSON, the fields search engines require,
and no way for a headline to break out of its <script> block."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html

REQUIRED = ("headline", "datePublished", "dateModified", "author", "publisher", "mainEntityOfPage")


def structured(path: Path) -> list[dict[str, object]]:
    tree = html.parse(str(path)).getroot()
    return [
        json.loads(s.text) for s in tree.iter("script") if s.get("type") == "application/ld+json"
    ]


def test_every_article_carries_a_complete_news_article(sample_site: Path) -> None:
    articles = sorted(
        p
        for p in sample_site.glob("20*/*/*/*/index.html")
        if b'http-equiv="refresh"' not in p.read_bytes()
    )  # not the alias page
    assert len(articles) == 35  # 31 in English, 3 in Urdu, 1 in Hindi
    with_image = 0
    for path in articles:
        where = path.relative_to(sample_site).parent.as_posix()
        [data] = structured(path)
        assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
        assert all(data.get(key) for key in REQUIRED), where
        page = BASE_URL + where + "/"
        assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": page}
        assert data["publisher"]["name"] == "The Daily Digest"
        assert all(
            a["@type"] in ("Person", "Organization")
            and a["name"]
            # the author's page in the story's language: /authors/, /ur/authors/...
            and a["url"].startswith(tuple(BASE_URL + f for f in ("", "ur/", "hi/")))
            and a["url"]
            .removeprefix(BASE_URL)
            .removeprefix("ur/")
            .removeprefix("hi/")
            .startswith("authors/")
            for a in data["author"]
        )
        assert data["datePublished"] <= data["dateModified"]
        title = html.parse(str(path)).getroot().findtext(".//h1")
        assert data["headline"] == title
        if "image" in data:
            with_image += 1
            assert all(url.startswith(BASE_URL + "media-sizes/") for url in data["image"])
    assert with_image == 6  # the founding story's picture in its three languages


def test_the_founding_story_names_its_byline_dates_and_image(sample_site: Path) -> None:
    path = sample_site / "2025/06/25/altaf-hussain-calls-on-modi-to-advocate-for-mohajirs"
    [data] = structured(path / "index.html")
    assert data["datePublished"] == "2025-06-25T15:27:00+05:30"
    assert data["author"] == [
        {  # authors.yaml: an Organization with its page and logo
            "@type": "Organization",
            "name": "Devdiscourse News Desk",
            "url": BASE_URL + "authors/news-desk/",
            "sameAs": ["https://www.devdiscourse.com/"],
            "image": BASE_URL + "portraits/authors/news-desk.png",
        }
    ]
    assert data["image"] == [
        BASE_URL + f"media-sizes/2025/06/altaf-hussain.jpg/{ratio}.jpg"
        for ratio in ("16x9", "4x3", "1x1")
    ]


def test_a_hostile_headline_cannot_break_out_of_the_script(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    title = 'Ends </script><script>alert(1)</script> <!-- and "quotes" & <b>tags</b>'
    write_article(
        project,
        "2025/06/hostile.md",
        f"title: {json.dumps(title)}\ndate: 2025-06-01T10:00:00+00:00\n"
        "country: India\ncredits:\n  author: </script><!--\n",
    )
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site/2025/06/01/hostile/index.html"
    text = page.read_text(encoding="utf-8")
    tree = html.parse(str(page)).getroot()
    scripts = list(tree.iter("script"))
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    [data] = structured(page)
    assert data["headline"] == title
    assert data["author"] == [
        {"@type": "Person", "name": "</script><!--", "url": BASE_URL + "authors/script/"}
    ]
    block = text.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block
    assert tree.findtext(".//h1") == title
