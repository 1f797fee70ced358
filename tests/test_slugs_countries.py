"""Slugs, countries and topics: the names readers see and the URLs they keep."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load import countries, slugs

ROOT = Path(__file__).parents[1]


def test_a_slug_is_the_same_whether_or_not_unidecode_is_installed(tmp_path: Path) -> None:
    """python-slugify would spell Hebrew with Unidecode when another package has installed
    it; the address stays text-unidecode's, the one a fresh install publishes."""
    fake = tmp_path / "unidecode.py"  # what a machine with Unidecode installed would load
    fake.write_text("def unidecode(text, *args, **kwargs):\n    return 'spelt-otherwise'\n")
    code = "from generator.load import slugs; print(slugs.make('גשם כבד בתל אביב'))"
    with_it = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])},
        capture_output=True,
        text=True,
        check=True,
    )
    assert with_it.stdout.strip() == slugs.make("גשם כבד בתל אביב") == "gshm-kbd-btl-byb"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("São Paulo", "sao-paulo"),
        ("Zürich Voters Back a Housing Levy", "zurich-voters-back-a-housing-levy"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
        ("Māori Broadcasting", "maori-broadcasting"),
        ("Ελλάδα", "ellada"),
        ("  Human   Rights  ", "human-rights"),
        ("AI: what's next?", "ai-what-s-next"),
    ],
)
def test_slugs_are_ascii_lower_case_and_hyphenated(text: str, slug: str) -> None:
    assert slugs.make(text) == slug
    assert slugs.is_safe(slug)


def test_text_without_letters_or_digits_gives_no_slug() -> None:
    assert slugs.make("🔥🔥") == ""
    assert slugs.make("!!!") == ""


@pytest.mark.parametrize("slug", ["Sao-Paulo", "sao paulo", "sao--paulo", "-sao", "../etc", ""])
def test_unsafe_slugs_are_recognised(slug: str) -> None:
    assert not slugs.is_safe(slug)


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(max_size=200))
def test_every_slug_is_a_safe_url_segment_or_empty(text: str) -> None:
    slug = slugs.make(text)
    assert slug == "" or slugs.is_safe(slug)
    assert len(slug) <= 80


@pytest.mark.parametrize(
    ("written", "code", "name"),
    [
        ("India", "IN", "India"),
        ("india", "IN", "India"),
        ("IN", "IN", "India"),
        ("IND", "IN", "India"),
        ("ind", "IN", "India"),
        ("United Kingdom", "GB", "United Kingdom"),
        ("UK", "GB", "United Kingdom"),
        ("GBR", "GB", "United Kingdom"),
        ("Great Britain", "GB", "United Kingdom"),
        ("USA", "US", "United States"),
        ("United States of America", "US", "United States"),
        ("Russian Federation", "RU", "Russia"),
        ("Korea, Republic of", "KR", "South Korea"),
        ("Viet Nam", "VN", "Vietnam"),
        ("Iran, Islamic Republic of", "IR", "Iran"),
        ("Bolivia, Plurinational State of", "BO", "Bolivia"),
        ("Ivory Coast", "CI", "Côte d'Ivoire"),
        ("Côte d'Ivoire", "CI", "Côte d'Ivoire"),
        ("Turkey", "TR", "Türkiye"),
        ("Taiwan", "TW", "Taiwan"),
        ("NZ", "NZ", "New Zealand"),
        ("DEU", "DE", "Germany"),
        ("  New   Zealand ", "NZ", "New Zealand"),
    ],
)
def test_country_names_and_codes_become_one_canonical_country(
    written: str, code: str, name: str
) -> None:
    country = countries.lookup(written)
    assert country is not None
    assert (country.code, country.name, country.slug) == (code, name, code.lower())


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [("Indai", "India"), ("Untied Kingdom", "United Kingdom"), ("Pakstan", "Pakistan")],
)
def test_unknown_countries_get_the_closest_suggestion(typo: str, suggestion: str) -> None:
    assert countries.lookup(typo) is None
    assert countries.suggest(typo) == (suggestion,)


def test_canonical_country_names_read_like_names() -> None:
    """Every country a story can name is shown without ISO's 'X, Republic of' inversions."""
    import pycountry

    odd = [
        (record.alpha_2, countries.by_code(record.alpha_2).name)
        for record in pycountry.countries
        if ", " in countries.by_code(record.alpha_2).name
        and record.alpha_2 not in {"BQ", "SH"}  # commas that are part of the name
    ]
    assert odd == []


def test_every_name_the_site_shows_is_accepted_in_front_matter() -> None:
    import pycountry

    for record in pycountry.countries:
        shown = countries.by_code(record.alpha_2)
        assert countries.lookup(shown.name) == shown


STORY = """\
title: {title}
date: 2025-06-{day:02d}T10:00:00+05:30
country: India
credits:
  author: Fixture Desk
tags: {tags}
"""

TAGGED = {
    "one.md": ["AI", "Human Rights", "Café", "C 2"],
    "two.md": ["ai", "human-rights", "🔥"],
    "three.md": ["Ai", "Human  rights", "Cafe", "C++"],
    "four.md": ["C", "🔥"],
}


@pytest.fixture(scope="module")
def tagged_site(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = make_project(tmp_path_factory.mktemp("topics") / "project")
    for day, (name, tags) in enumerate(sorted(TAGGED.items()), start=1):
        quoted = "[" + ", ".join(f'"{t}"' for t in tags) + "]"
        write_article(root, name, STORY.format(title=name, day=day, tags=quoted))
    out = root.parent / "site"
    return out, run_here("build", "--output", str(out), cwd=root)


def topic_dirs(out: Path) -> set[str]:
    return {p.name for p in (out / "tags").iterdir() if p.is_dir()}


def test_tags_differing_in_case_spacing_or_hyphens_are_one_topic(
    tagged_site: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, result = tagged_site
    assert result.returncode == 0, result.stderr
    assert {"ai", "human-rights"} <= topic_dirs(out)
    ai_pages = [(out / "tags/ai/index.html"), (out / "tags/ai/page/2/index.html")]
    html = "".join(page.read_text(encoding="utf-8") for page in ai_pages)
    linked = set(re.findall(r'<h\d[^>]*>\s*<a href="/sub/2025/06/\d\d/(\w+)/"', html))
    assert linked == {"one", "two", "three"}
    topics_page = (out / "tags" / "index.html").read_text(encoding="utf-8")
    assert topics_page.count('href="/sub/tags/human-rights/"') == 1
    assert "human-rights</a>" not in topics_page  # shown with a spelling people use


def test_different_words_with_one_slug_are_warned_about_and_kept_apart(
    tagged_site: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, result = tagged_site
    assert result.returncode == 0, result.stderr
    assert {"cafe", "cafe-2", "c", "c-2", "c-3"} <= topic_dirs(out)
    assert len(topic_dirs(out)) == 8  # ai, human-rights, cafe, cafe-2, c, c-2, c-3, emoji
    # "C 2" owns /tags/c-2/, so the second topic at /tags/c/ is numbered past it.
    assert ">C 2<" in (out / "tags/c-2/index.html").read_text(encoding="utf-8")
    assert ">C++<" in (out / "tags/c-3/index.html").read_text(encoding="utf-8")
    warnings = [line for line in result.stderr.splitlines() if ": warning: tags " in line]
    assert any("'Cafe'" in w and "'Café'" in w and "/tags/cafe/" in w for w in warnings), warnings
    assert any("'C'" in w and "'C++'" in w for w in warnings), warnings
    pages = {
        slug: (out / "tags" / slug / "index.html").read_text(encoding="utf-8")
        for slug in ("cafe", "cafe-2")
    }
    assert ("Café" in pages["cafe"]) != ("Café" in pages["cafe-2"])


def test_emoji_only_tags_get_a_stable_non_empty_slug(
    tagged_site: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    out, result = tagged_site
    assert result.returncode == 0, result.stderr
    emoji = [name for name in topic_dirs(out) if name.startswith("topic-")]
    assert len(emoji) == 1 and slugs.is_safe(emoji[0])
    assert "🔥" in (out / "tags" / emoji[0] / "index.html").read_text(encoding="utf-8")
    # The same tag in another site, in another article, gets the same slug.
    root = make_project(tmp_path / "other")
    write_article(root, "x.md", STORY.format(title="x", day=9, tags='["🔥"]'))
    again = run_here("build", "--output", str(tmp_path / "site"), cwd=root)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "site" / "tags" / emoji[0] / "index.html").is_file()


def _topic_story(project: Path, name: str, day: str, tag: str) -> None:
    write_article(
        project,
        f"2025/06/{name}.md",
        f"title: Story {name}\ndate: {day}T10:00:00Z\ncountry: India\n"
        f"credits:\n  author: Desk\ntags: [{tag}]",
    )


def _topic_of_each_address(site: Path) -> dict[str, str]:
    """/tags/SLUG/ -> the topic its page and its feed are about, as a reader sees them."""
    import feedparser

    found = {}
    for folder in sorted((site / "tags").iterdir()):
        if folder.is_dir():
            title = feedparser.parse((folder / "feed.xml").read_bytes()).feed.title
            found[f"/tags/{folder.name}/"] = title
    return found


def test_topic_addresses_stay_fixed_as_new_stories_with_look_alike_tags_arrive(
    tmp_path: Path,
) -> None:
    """C# subscribers follow /tags/c/feed.xml, C++ ones /tags/c-2/feed.xml; a new story
    tagged C used to take /tags/c/ and push the others along, so each feed's subscribers
    got another topic. The new name takes the next number instead, and the warning on the
    new story says where each is published."""
    project = make_project(tmp_path / "p")
    _topic_story(project, "one", "2025-06-01", "C#")
    _topic_story(project, "two", "2025-06-02", "C++")
    assert run_here("build", "--output", str(tmp_path / "site"), cwd=project).returncode == 0
    before = _topic_of_each_address(tmp_path / "site")
    assert [k for k in before] == ["/tags/c/", "/tags/c-2/"]
    assert "C#" in before["/tags/c/"] and "C++" in before["/tags/c-2/"]

    _topic_story(project, "three", "2025-06-03", "C")
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    after = _topic_of_each_address(tmp_path / "site")
    assert {k: v for k, v in after.items() if k in before} == before
    assert "C" in after["/tags/c-3/"] and "C#" not in after["/tags/c-3/"]
    assert (
        "content/2025/06/three.md:7: warning: tags 'C#' and 'C++' and 'C' are different "
        "words with the same URL /tags/c/; tag 'C' is published as /tags/c-3/"
    ) in result.stderr


def test_a_story_dated_back_with_a_look_alike_tag_is_told_which_addresses_it_moves(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    _topic_story(project, "one", "2025-06-01", "C#")
    _topic_story(project, "two", "2025-06-03", "C++")
    _topic_story(project, "late", "2025-06-02", "C")  # added today, dated back
    result = run_here("check", cwd=project)
    [said] = [
        line for line in result.stdout.splitlines() if line.startswith("content/2025/06/late")
    ]
    assert said.startswith("content/2025/06/late.md:7: warning: ")
    assert "tag 'C' is published as /tags/c-2/" in said
    assert (
        "this story is dated before content/2025/06/two.md, the first with 'C++': if it is a "
        "new story dated back, it moves 'C++' from /tags/c-2/ to /tags/c-3/"
    ) in said
