"""A deterministic synthetic newsroom, and the same articles for Pelican and Hugo.

Article i is the same for every newsroom size (its own seeded RNG), so the 1,000-article
newsroom is the first 1,000 articles of the 10,000-article one. Bodies are 300-900 words
of Markdown with headings, lists, links, emphasis and quotes; topics follow a Zipf law;
countries are skewed too; dates spread over 2021-2025 in many UTC offsets.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

VERSION = 4  # bump when the generated articles change
SEED = "newsdigest-bench"  # article i is drawn from Random(f"{SEED}-{i}")
REPO = Path(__file__).resolve().parent.parent

_WORDS_TEXT = (
    "government minister said would percent market report officials week year people "
    "country city region police court election party budget trade talks agreement energy "
    "climate water prices growth workers health hospital school students farmers rain "
    "flood drought fire coast border army peace deal vote council mayor leader opposition "
    "company shares bank rates inflation exports imports oil gas power grid solar wind "
    "project plan law rules data study researchers scientists team season match coach "
    "players final league cup record crowd festival museum film music artists book "
    "village river road bridge rail port airport flights tourism hotels jobs wages tax "
    "debt loan aid relief emergency storm heat cold winter summer spring harvest crops "
    "fishing forest wildlife species protection reform inquiry report evidence witness "
    "trial judge verdict appeal protest march strike union talks ceasefire refugees "
    "migrants camp shelter food supplies vaccine clinic doctors nurses patients testing "
    "schools teachers exams university digital network internet phones satellite launch"
)
WORDS = _WORDS_TEXT.split()
_TOPICS_TEXT = (
    "Politics Economy Climate Health Sport Technology Elections Energy Agriculture "
    "Education Justice Migration Culture Business Science Security Transport Diplomacy "
    "Weather Environment Trade Housing Labour Tourism Media Religion Water Space Wildlife"
)
TOPICS_FIXED = _TOPICS_TEXT.split()
COUNTRIES = (
    "India",
    "United States",
    "United Kingdom",
    "Pakistan",
    "Nigeria",
    "Kenya",
    "Brazil",
    "Germany",
    "France",
    "Japan",
    "China",
    "Australia",
    "Canada",
    "South Africa",
    "Mexico",
    "Indonesia",
    "Bangladesh",
    "Egypt",
    "Italy",
    "Spain",
    "Argentina",
    "Chile",
    "Peru",
    "Colombia",
    "Turkey",
    "Iran",
    "Iraq",
    "Israel",
    "Saudi Arabia",
    "Ukraine",
    "Poland",
    "Russia",
    "Sweden",
    "Norway",
    "Finland",
    "Ireland",
    "Netherlands",
    "Belgium",
    "Switzerland",
    "Austria",
    "Greece",
    "Portugal",
    "Vietnam",
    "Thailand",
    "Philippines",
    "Malaysia",
    "Singapore",
    "New Zealand",
    "Sri Lanka",
    "Nepal",
    "Afghanistan",
    "Ghana",
    "Ethiopia",
    "Uganda",
    "Tanzania",
    "Morocco",
    "Algeria",
    "Tunisia",
    "Senegal",
    "Côte d'Ivoire",
    "Cameroon",
    "Zimbabwe",
    "Zambia",
    "Mozambique",
    "Qatar",
    "United Arab Emirates",
    "Jordan",
    "Lebanon",
    "Syria",
    "South Korea",
    "Mongolia",
    "Kazakhstan",
    "Uzbekistan",
    "Fiji",
    "Papua New Guinea",
    "Cuba",
    "Jamaica",
    "Haiti",
    "Venezuela",
    "Bolivia",
    "Ecuador",
    "Uruguay",
    "Paraguay",
    "Iceland",
    "Denmark",
    "Czechia",
    "Hungary",
    "Romania",
    "Bulgaria",
    "Serbia",
    "Croatia",
    "Estonia",
)
OFFSETS = (
    "-10:00",
    "-08:00",
    "-07:00",
    "-06:00",
    "-05:00",
    "-04:00",
    "-03:00",
    "-01:00",
    "+00:00",
    "+01:00",
    "+02:00",
    "+03:00",
    "+03:30",
    "+04:00",
    "+04:30",
    "+05:00",
    "+05:30",
    "+05:45",
    "+06:00",
    "+06:30",
    "+07:00",
    "+08:00",
    "+09:00",
    "+09:30",
    "+10:00",
    "+11:00",
    "+12:00",
    "+12:45",
    "+13:00",
    "+14:00",
)
AUTHORS = tuple(
    f"{a} {b}"
    for a in ("Asha", "Ben", "Chen", "Dara", "Emeka", "Farah", "Gabriel", "Hana")
    for b in ("Rao", "Okafor", "Silva", "Müller", "Kim")
)
TOPIC_COUNT = 400
ZIPF_S = 1.07


@dataclass(frozen=True)
class SynthArticle:
    index: int
    slug: str
    path: str  # under content/
    title: str
    date: str  # ISO 8601 with offset
    updated: str
    country: str
    author: str
    tags: tuple[str, ...]
    summary: str
    body: str


def topic_names() -> list[str]:
    rng = random.Random("topics")
    names = list(TOPICS_FIXED)
    while len(names) < TOPIC_COUNT:
        name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}"
        if name not in names:
            names.append(name)
    return names


def _zipf_weights(count: int) -> list[float]:
    return [1 / (rank + 1) ** ZIPF_S for rank in range(count)]


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    roll = rng.random()
    if roll < 0.15:
        at = rng.randrange(words)
        chosen[at] = f"*{chosen[at]}*"
    elif roll < 0.25:
        at = rng.randrange(words)
        chosen[at] = f"[{chosen[at]}](https://example.org/{rng.choice(WORDS)}/{rng.randrange(999)})"
    elif roll < 0.32:
        at = rng.randrange(max(1, words - 3))
        chosen[at] = '"' + chosen[at]
        chosen[at + 2] = chosen[at + 2] + '"'
    elif roll < 0.36:
        at = rng.randrange(words)
        chosen[at] = f"**{chosen[at]}**"
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + rng.choice(".....?")


def _paragraph(rng: random.Random, budget: int) -> tuple[str, int]:
    sentences, used = [], 0
    for _ in range(rng.randint(2, 5)):
        n = rng.randint(8, 24)
        sentences.append(_sentence(rng, n))
        used += n
        if used >= budget:
            break
    return " ".join(sentences), used


def _body(rng: random.Random) -> str:
    target = rng.randint(300, 900)
    blocks: list[str] = []
    words = 0
    intro, used = _paragraph(rng, target)
    blocks.append(intro)
    words += used
    while words < target:
        if rng.random() < 0.35:
            heading = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))
            blocks.append(f"## {heading.capitalize()}")
        roll = rng.random()
        if roll < 0.15:
            marker = "-" if rng.random() < 0.6 else "1."
            items = [
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
                for _ in range(rng.randint(3, 5))
            ]
            blocks.append("\n".join(f"{marker} {item.capitalize()}" for item in items))
            words += sum(len(i.split()) for i in items)
        elif roll < 0.2:
            quote, used = _paragraph(rng, 40)
            blocks.append("> " + quote)
            words += used
        else:
            text, used = _paragraph(rng, target - words)
            blocks.append(text)
            words += used
    return "\n\n".join(blocks) + "\n"


def make_article(index: int, topics: list[str], weights: list[float]) -> SynthArticle:
    rng = random.Random(f"{SEED}-{index}")
    title_words = [rng.choice(WORDS) for _ in range(rng.randint(6, 10))]
    title = " ".join(title_words).capitalize()
    slug = "-".join(title_words[:6]) + f"-{index}"
    day_number = rng.randrange(4 * 365 + 180)  # 2021-01-01 .. mid 2025
    year, rest = 2021 + day_number // 365, day_number % 365
    month, day = min(12, rest // 30 + 1), rest % 28 + 1
    hour, minute = rng.randrange(24), rng.randrange(60)
    offset = rng.choice(OFFSETS)
    date = f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00{offset}"
    updated = (
        date
        if rng.random() < 0.8
        else (f"{year}-{month:02d}-{day:02d}T{min(23, hour + 1):02d}:{minute:02d}:00{offset}")
    )
    count = rng.choice((1, 2, 2, 3, 3, 4))
    tags: list[str] = []
    while len(tags) < count:
        tag = rng.choices(topics, weights)[0]
        if tag not in tags:
            tags.append(tag)
    country = rng.choices(COUNTRIES, _zipf_weights(len(COUNTRIES)))[0]
    body = _body(rng)
    summary = ""
    if rng.random() < 0.5:
        summary = " ".join(
            w
            for w in _sentence(rng, rng.randint(12, 30)).split()
            if w.isalpha() or w[:-1].isalpha()
        )
    return SynthArticle(
        index,
        slug,
        f"{year}/{month:02d}/{slug}.md",
        title,
        date,
        updated,
        country,
        rng.choice(AUTHORS),
        tuple(tags),
        summary,
        body,
    )


def articles(count: int) -> list[SynthArticle]:
    topics = topic_names()
    weights = _zipf_weights(len(topics))
    return [make_article(i, topics, weights) for i in range(count)]


def _yaml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON strings are valid YAML scalars


def newsdigest_file(a: SynthArticle) -> str:
    lines = [
        "---",
        f"title: {_yaml_text(a.title)}",
        f"date: {a.date}",
        f"updated: {a.updated}",
        f"country: {_yaml_text(a.country)}",
        "credits:",
        f"  author: {_yaml_text(a.author)}",
        "  sources: [agencies]",
        "tags: [" + ", ".join(_yaml_text(t) for t in a.tags) + "]",
    ]
    if a.summary:
        lines.append(f"summary: {_yaml_text(a.summary)}")
    return "\n".join(lines) + "\n---\n" + a.body


NEWSDIGEST_SETTINGS = """\
[tool.newsdigest]
title = "Bench Desk"
description = "A synthetic newsroom for benchmarks."
base_url = "https://bench.example/news/"
site_id = "bench.example,2025"
timezone = "UTC"
items_per_page = 10
feed_length = 20
"""


def write_newsdigest(root: Path, items: list[SynthArticle], templates: Path | None = None) -> Path:
    """A newsdigest project: pyproject.toml, content/ and, when given, a copy of a theme."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(NEWSDIGEST_SETTINGS, encoding="utf-8")
    if templates is not None:
        shutil.copytree(templates, root / "templates", dirs_exist_ok=True)
    _write_files(root / "content", items, newsdigest_file)
    return root


PELICAN_SETTINGS = """\
AUTHOR = "Bench Desk"
SITENAME = "Bench Desk"
SITEURL = "https://bench.example/news"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
CATEGORY_URL = "countries/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
TAGS_SAVE_AS = "tags/index.html"
CATEGORIES_SAVE_AS = "countries/index.html"
ARCHIVES_SAVE_AS = "archive/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
FEED_MAX_ITEMS = 20
FEED_ALL_RSS = "feed.xml"
FEED_ALL_ATOM = "atom.xml"
TAG_FEED_RSS = "tags/{slug}/feed.xml"
CATEGORY_FEED_RSS = "countries/{slug}/feed.xml"
FEED_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
RSS_FEED_SUMMARY_ONLY = False
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def pelican_file(a: SynthArticle) -> str:
    lines = [
        f"Title: {a.title}",
        f"Date: {a.date}",
        f"Modified: {a.updated}",
        f"Category: {a.country}",
        f"Tags: {', '.join(a.tags)}",
        f"Authors: {a.author}",
        f"Slug: {a.slug}",
    ]
    if a.summary:
        lines.append(f"Summary: {a.summary}")
    return "\n".join(lines) + "\n\n" + a.body


def write_pelican(root: Path, items: list[SynthArticle]) -> Path:
    """A Pelican project (default theme) with the same articles, URLs, pagination and feeds."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pelicanconf.py").write_text(PELICAN_SETTINGS, encoding="utf-8")
    _write_files(root / "content", items, pelican_file)
    return root


HUGO_CONFIG = """\
baseURL = "https://bench.example/news/"
title = "Bench Desk"
languageCode = "en"
paginate = 10
disableKinds = ["robotsTXT"]
[taxonomies]
tag = "tags"
country = "countries"
month = "archive"
day = "digest"
[services.rss]
limit = 20
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml"
 href="{{ .RelPermalink }}">{{ end }}
</head><body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "tags/" | relURL }}">Topics</a> <a href="{{ "countries/" | relURL }}">Countries</a>
<a href="{{ "archive/" | relURL }}">Archive</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
{{ .Date.Format "2 January 2006, 15:04 MST" }}</time>
By {{ delimit .Params.authors ", " }}</p>
<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}
{{ range .GetTerms "countries" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}{{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>
({{ .Count }})</li>{{ end }}
</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ range first 60 .Site.RegularPages.ByDate.Reverse }}{{ partial "card.html" . }}{{ end }}{{ end }}
""",
    "partials/card.html": """<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time>{{ .Date.Format "2 January 2006" }}</time></p>
<p>{{ .Summary | plainify | truncate 280 }}</p></article>
""",
}


def hugo_file(a: SynthArticle) -> str:
    day = a.date[:10]
    lines = [
        "---",
        f"title: {_yaml_text(a.title)}",
        f"date: {a.date}",
        f"lastmod: {a.updated}",
        f"url: /{day[:4]}/{day[5:7]}/{day[8:10]}/{a.slug}/",
        f"authors: [{_yaml_text(a.author)}]",
        "tags: [" + ", ".join(_yaml_text(t) for t in a.tags) + "]",
        f"countries: [{_yaml_text(a.country)}]",
        f'archive: ["{day[:7]}"]',
        f'digest: ["{day}"]',
    ]
    if a.summary:
        lines.append(f"summary: {_yaml_text(a.summary)}")
    return "\n".join(lines) + "\n---\n" + a.body


def write_hugo(root: Path, items: list[SynthArticle]) -> Path:
    """A Hugo site with minimal layouts written here, the same articles and URLs."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        target = root / "layouts" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    _write_files(root / "content" / "news", items, hugo_file)
    return root


def _write_files(
    root: Path, items: list[SynthArticle], render: Callable[[SynthArticle], str]
) -> None:
    made: set[Path] = set()
    for a in items:
        target = root / a.path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_text(render(a), encoding="utf-8")


def prepare(work: Path, count: int, peers: bool = True) -> SynthArticle:
    """Write the newsroom under work/ (newsdigest/, and pelican/ and hugo/ when `peers`)
    once, and return its newest article (the one the benchmark edits).

    The projects are kept between runs, keyed by VERSION, SEED and `count` in
    work/manifest.json, so a second run neither draws nor writes the articles again (at
    100,000 articles drawing them takes about a minute). The newest article's files are
    restored on every call, since the benchmark edits them."""
    stamp = work / "manifest.json"
    wanted = {"version": VERSION, "seed": SEED, "count": count}
    made = json.loads(stamp.read_text()) if stamp.is_file() else {}
    if made.get("made") != wanted:
        shutil.rmtree(work, ignore_errors=True)
        made = {"made": wanted, "peers": False}
    items: list[SynthArticle] | None = None
    if "newest" in made and "newest_at" not in made:  # picked by day, not by instant:
        old = made.pop("newest")  # put it back as drawn, then pick again
        _restore(work, SynthArticle(**{**old, "tags": tuple(old["tags"])}), made["peers"])
        items = articles(count)
        made["newest"] = asdict(_newest(items))
    if "newest" not in made:
        items = articles(count)
        write_newsdigest(work / "newsdigest", items)
        made["newest"] = asdict(_newest(items))
    made["newest_at"] = made["newest"]["date"]
    if peers and not made["peers"]:
        items = items or articles(count)
        write_pelican(work / "pelican", items)
        write_hugo(work / "hugo", items)
        made["peers"] = True
    work.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(made), encoding="utf-8")
    newest = SynthArticle(**{**made["newest"], "tags": tuple(made["newest"]["tags"])})
    _restore(work, newest, made["peers"])
    return newest


def _newest(items: list[SynthArticle]) -> SynthArticle:
    """The article published last (by instant: its date with its UTC offset), so it is the
    first item of the main feed at every size."""
    return max(items, key=lambda a: (datetime.fromisoformat(a.date), a.slug))


def _restore(work: Path, a: SynthArticle, peers: bool) -> None:
    """Put the newest article back as drawn in every project (each engine's copy too)."""
    for project in work.glob("newsdigest*"):
        if (project / "content" / a.path).is_file():  # else a copy that bench/run.py redoes
            (project / "content" / a.path).write_text(newsdigest_file(a), encoding="utf-8")
    if peers:
        (work / "pelican" / "content" / a.path).write_text(pelican_file(a), encoding="utf-8")
        (work / "hugo" / "content" / "news" / a.path).write_text(hugo_file(a), encoding="utf-8")
