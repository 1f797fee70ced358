"""What the editor wrote in an article's body is what readers get, on pages and in feeds.

The editor-facing cases of issue 11 (../shared/cases/04, 05, 06, 08 and their kinds):
the automatic summary, raw-HTML images and links, site-root links under a base path,
fragment links in feeds, a missing image's advice, dates given without a time, and
bounded work for pathological Markdown. Sites are built in-process from real files.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
import regex
from conftest import BASE_URL, make_project, run_newsdigest, searching, tiny_png, write_article
from lxml import html
from PIL import Image

from generator import config
from generator.commands.build import Options, Paths, Result, Selection, build_site
from generator.render import limits, markdown

PNG = tiny_png()  # a real image: newsdigest opens every image it publishes
NOW = datetime(2026, 1, 1, tzinfo=UTC)
FRONT = """title: {title}
date: {date}
country: India
credits:
  author: Desk
tags: [Notes]"""


def build(project: Path, base_url: str = "https://example.org/news/") -> tuple[Result, Path]:
    """Build PROJECT in this process (no cache, one job) into PROJECT/../site."""
    settings = config.load(project, {"base_url": base_url})
    out = project.parent / "site"
    paths = Paths(project, project / "content", project / "templates", out)
    with searching(False):  # (no test here looks at the search index)
        result = build_site(paths, settings, Selection(now=NOW), Options(jobs=1, cache=False))
    return result, out


def project_with(tmp_path: Path, *articles: tuple[str, str]) -> Path:
    """A project whose content/ holds (path, body) articles with ordinary front matter."""
    project = make_project(tmp_path / "project")
    for number, (name, body) in enumerate(articles):
        article(project, name, body, title=f"Story {number}")
    return project


def meta(tree: html.HtmlElement, key: str) -> str:
    (value,) = [
        m.get("content") for m in tree.iter("meta") if key in (m.get("property"), m.get("name"))
    ]
    return str(value)


def json_ld(tree: html.HtmlElement) -> Any:
    (script,) = tree.xpath('//script[@type="application/ld+json"]')
    return json.loads(script.text)


def feeds(out: Path) -> dict[str, Any]:
    """The main feed's items, parsed: 'rss' and 'atom' by feedparser, 'json' as JSON."""
    return {
        "rss": feedparser.parse((out / "feed.xml").read_bytes()).entries,
        "atom": feedparser.parse((out / "atom.xml").read_bytes()).entries,
        "json": json.loads((out / "feed.json").read_text(encoding="utf-8"))["items"],
    }


def descriptions(out: Path, relative: str) -> dict[str, str]:
    """Every place an article's summary is published, by name (one article in the site)."""
    tree = page(out, relative)
    items = feeds(out)
    return {
        "meta": meta(tree, "description"),
        "og": meta(tree, "og:description"),
        "twitter": meta(tree, "twitter:description"),
        "json-ld": json_ld(tree)["description"],
        "rss": items["rss"][0].summary,
        "atom": items["atom"][0].summary,
        "json": items["json"][0]["summary"],
    }


def page(out: Path, relative: str) -> html.HtmlElement:
    return html.parse(str(out / relative / "index.html")).getroot()


def article(
    project: Path, name: str, body: str, date: str = "2025-06-25T10:00:00Z", title: str = "A story"
) -> None:
    write_article(project, name, FRONT.format(title=title, date=date), body)


def messages(result: Result) -> list[str]:
    return [f"{d.path}:{d.line}: {d.severity}: {d.message} ({d.hint})" for d in result.diagnostics]


# A date without a time


def test_a_date_without_a_time_is_shown_as_the_day_only(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    article(project, "2025/06/day.md", "Text.\n", date="2025-06-25", title="Day only")
    article(project, "2025/06/timed.md", "Text.\n", date="2025-06-24T09:30:00Z", title="Timed")
    result, out = build(project)
    assert result.ok, messages(result)
    dateline = page(out, "2025/06/25/day").find_class("dateline")[0]
    time = dateline.find(".//time")
    assert time.text_content() == "25 June 2025"
    assert time.get("datetime") == "2025-06-25"
    timed = page(out, "2025/06/24/timed").find_class("dateline")[0].find(".//time")
    assert timed.text_content() == "24 June 2025, 09:30 UTC"
    # Listed under its day, without an invented time; the timed story at its time.
    home = page(out, "")
    assert {t.text_content() for t in home.iter("time")} == {"09:30 UTC"}
    assert [h.text_content() for h in home.xpath('//section[@class="day"]//h2')] == [
        "Wednesday 25 June 2025",
        "Tuesday 24 June 2025",
    ]
    # Feeds keep a full timestamp.
    entry = feedparser.parse((out / "atom.xml").read_bytes()).entries[0]
    assert entry.published == "2025-06-25T00:00:00+00:00"


# The automatic summary


def test_the_summary_leaves_out_footnote_references(tmp_path: Path) -> None:
    """Case 05: 'in May.1' was published; the reader should get the sentence alone."""
    project = project_with(
        tmp_path,
        (
            "2025/06/exports.md",
            "Exports rose 12 per cent in May.[^1] Imports fell.[^2]\n\n"
            "[^1]: Ministry of Finance figures.\n"
            "[^2]: Seasonally adjusted.\n",
        ),
    )
    result, out = build(project)
    assert result.ok, messages(result)
    found = descriptions(out, "2025/06/25/exports")
    assert set(found.values()) == {"Exports rose 12 per cent in May. Imports fell."}, found


def test_the_summary_skips_a_paragraph_that_holds_only_a_photo(tmp_path: Path) -> None:
    """Case 06: a body opening with a photo gave every description an empty string."""
    project = project_with(
        tmp_path,
        (
            "fish-market.md",
            "![Traders at the fish market at dawn](market.png)\n\n"
            '<p><img src="market.png" alt="The same photo in HTML"> &nbsp; </p>\n\n'
            "Traders gathered before sunrise as prices climbed for the third week.\n",
        ),
    )
    (project / "content" / "market.png").write_bytes(PNG)
    result, out = build(project)
    assert result.ok, messages(result)
    found = descriptions(out, "2025/06/25/fish-market")
    assert set(found.values()) == {
        "Traders gathered before sunrise as prices climbed for the third week."
    }, found


def test_the_summary_reads_a_picture_among_the_words_as_its_alt_text(tmp_path: Path) -> None:
    """The tester's A7: the picture was dropped and the sentence read "Body with and a
    table:"; its alt text takes its place, and a decorative one (alt="") nothing."""
    project = project_with(
        tmp_path,
        ("map.md", "Body with ![a map of the flood](map.png) and a table:\n\n| a |\n|---|\n"),
        ("line.md", "Body with ![](map.png)a rule.\n"),
    )
    (project / "content" / "map.png").write_bytes(PNG)
    result, out = build(project)
    assert result.ok, messages(result)
    assert meta(page(out, "2025/06/25/map"), "description") == (
        "Body with a map of the flood and a table:"
    )
    descriptions = {item["url"]: item["summary"] for item in feeds(out)["json"]}
    assert set(descriptions.values()) == {
        "Body with a map of the flood and a table:",
        "Body with a rule.",
    }


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_a_removed_details_block_keeps_its_texts_apart(tmp_path: Path, engine: str) -> None:
    """The tester's A6: <details><summary>More</summary>hidden</details> was published as
    "Morehidden", outside any paragraph; each text is now a block of its own (warned as
    removed, as before)."""
    project = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    body = "Intro.\n\n<details><summary>More</summary>hidden</details>\n"
    article(project, "details.md", body)
    result, out = build(project)
    assert result.ok, messages(result)
    said = {(d.line, d.message.split(" here")[0]) for d in result.diagnostics}
    assert said == {(11, "the <details>"), (11, "the <summary>")}
    tree = page(out, "2025/06/25/details")
    (summary,) = tree.xpath("//div[text()='More']")  # a block of its own
    assert summary.tail == "hidden"  # after it, in the <div> of the <details>
    assert "Morehidden" not in (out / "2025/06/25/details/index.html").read_text("utf-8")


def test_markdown_in_a_summary_is_a_warning_on_its_line_and_published_as_typed(
    tmp_path: Path,
) -> None:
    """The tester's A5: `summary:` is plain text; Markdown in it was published with its
    asterisks and brackets without a word. It still is (as typed), with a warning."""
    project = make_project(tmp_path / "project")
    typed = "**Markdown** summary with [link](http://x.y)"
    front = FRONT.format(title="Typed", date="2025-06-25T10:00:00Z")
    write_article(project, "typed.md", f"{front}\nsummary: '{typed}'", "Text.\n")
    write_article(project, "plain.md", f"{front}\nsummary: 'A_b c * d'", "Text.\n")
    result, out = build(project)
    assert result.ok, messages(result)
    assert messages(result) == [
        "typed.md:8: warning: summary is plain text: **Markdown** is published as typed, "
        "asterisks included, on the page, in search results and in feeds (write it without "
        "Markdown: summary: 'Markdown summary with link'; a link belongs in the story's "
        "text, where it is a link)"
    ]
    assert meta(page(out, "2025/06/25/typed"), "description") == typed


LONG = {
    "english": "The council approved the budget after a long night of debate. " * 12,
    "japanese": "市議会は長い議論の末に予算案を可決した。野党は反対票を投じた。" * 12,
    "chinese": "市议会经过长时间辩论后通过了预算案，反对党投了反对票" * 12,
    "thai": "สภาเทศบาลอนุมัติงบประมาณหลังจากการอภิปรายอันยาวนาน" * 12,
}


def test_a_long_first_paragraph_is_cut_at_a_boundary_of_its_script(tmp_path: Path) -> None:
    project = project_with(tmp_path, *((f"{name}.md", text + "\n") for name, text in LONG.items()))
    result, out = build(project)
    assert result.ok, messages(result)
    cut = {name: meta(page(out, f"2025/06/25/{name}"), "description") for name in LONG}
    for name, summary in cut.items():
        assert summary.endswith("…"), name
        assert LONG[name].startswith(summary[:-1].rstrip()), name
    # Whole sentences where there are sentence marks, with or without spaces.
    assert cut["english"].endswith("debate. …")
    assert cut["japanese"].endswith("。…")
    # No sentence mark: Chinese at a comma, Thai (no spaces, no marks) between characters.
    assert cut["chinese"].endswith("票…") or cut["chinese"].endswith("案…")
    assert "\u0e31" not in cut["thai"][-2:]  # a vowel sign never loses its letter
    # About the same length to read: a Chinese or Japanese character is worth two letters.
    widths = {
        name: sum(
            2 if ord(c[0]) > 0x2E80 and name in ("japanese", "chinese") else 1
            for c in regex.findall(r"\X", text)
        )
        for name, text in cut.items()
    }
    assert all(200 <= w <= 281 for w in widths.values()), widths


# Links and images written as raw HTML


def test_an_image_in_a_raw_html_figure_is_published_like_a_markdown_image(tmp_path: Path) -> None:
    """Case 08: <img src> inside <figure> was neither published nor checked."""
    project = project_with(
        tmp_path,
        (
            "2025/06/monsoon-rainfall.md",
            '<figure><img src="rainfall.png" alt="Bar chart of June rainfall by state">'
            "<figcaption>June rainfall, by state</figcaption></figure>\n\n"
            "Rainfall was 8 per cent above the long-period average.\n",
        ),
    )
    (project / "content/2025/06/rainfall.png").write_bytes(PNG)
    result, out = build(project)
    assert result.ok, messages(result)
    with Image.open(out / "media/2025/06/rainfall.png") as published:  # checked, re-encoded
        assert published.format == "PNG" and published.size == (8, 6)
    (img,) = page(out, "2025/06/25/monsoon-rainfall").xpath("//figure//img")
    assert img.get("src") == "/news/media/2025/06/rainfall.png"
    assert img.get("alt") == "Bar chart of June rainfall by state"
    for name, items in feeds(out).items():
        content = items[0]["content_html"] if name == "json" else items[0].content[0].value
        assert 'src="https://example.org/news/media/2025/06/rainfall.png"' in content, name


def test_raw_html_links_to_articles_and_files_resolve_like_markdown_ones(tmp_path: Path) -> None:
    project = project_with(
        tmp_path,
        (
            "2025/06/vote.md",
            'See <a href="count.md#tally">the count</a> and '
            '<a href="report.pdf">the report</a>; '
            "[the same report](report.pdf).\n",
        ),
        ("2025/06/count.md", "The count.\n\n## Tally {#tally}\n"),
    )
    (project / "content/2025/06/report.pdf").write_bytes(b"%PDF-1.4 not really")
    result, out = build(project)
    assert result.ok, messages(result)
    hrefs = [a.get("href") for a in page(out, "2025/06/25/vote").xpath('//div[@class="body"]//a')]
    assert hrefs == [
        "/news/2025/06/25/count/#tally",
        "/news/media/2025/06/report.pdf",
        "/news/media/2025/06/report.pdf",
    ]
    assert (out / "media/2025/06/report.pdf").is_file()


def test_a_missing_file_in_raw_html_is_the_same_error_on_its_line(tmp_path: Path) -> None:
    project = project_with(
        tmp_path,
        (
            "2025/06/chart.md",
            'Intro.\n\n<figure><img src="chart.png" alt="x">'
            '</figure>\n\nA <a href="notes.pdf">note</a>.\n',
        ),
    )
    result, _ = build(project)
    found = {(d.path, d.line, d.message) for d in result.diagnostics}
    assert found == {
        ("2025/06/chart.md", 11, "image 'chart.png' does not exist"),
        ("2025/06/chart.md", 13, "link to 'notes.pdf' points to no file"),
    }


# Missing images: the folder and the capitals


def test_a_missing_image_names_the_article_folder_or_the_name_in_other_capitals(
    tmp_path: Path,
) -> None:
    project = project_with(
        tmp_path,
        ("2025/06/photo.md", "![A photo](photo.jpg)\n"),
        ("2025/06/other.md", "![A chart](../chart.png)\n"),
    )
    (project / "content/2025/06/Photo.JPG").write_bytes(PNG)
    result, _ = build(project)
    hints = {d.path: (d.message, d.hint) for d in result.diagnostics}
    assert hints["2025/06/photo.md"][1].startswith("did you mean Photo.JPG?")
    assert hints["2025/06/other.md"] == (
        "image '../chart.png' does not exist",
        "no file chart.png was found in content/2025/: put the image file there, or correct "
        "the name; a path starting with '/' is read from content/",
    )


def test_a_file_name_in_another_unicode_form_is_the_same_file(tmp_path: Path) -> None:
    composed, decomposed = "caf\u00e9.png", "cafe\u0301.png"
    project = project_with(tmp_path, ("2025/06/cafe.md", f"![A café]({composed})\n"))
    (project / "content/2025/06" / decomposed).write_bytes(PNG)
    result, out = build(project)
    assert result.ok, messages(result)
    assert (out / "media/2025/06" / decomposed).is_file()


# Site-root links under a base path


def test_site_root_links_and_images_work_under_a_base_path(tmp_path: Path) -> None:
    project = project_with(
        tmp_path,
        (
            "2025/06/roots.md",
            "[Climate](/tags/notes/), [again](/news/tags/notes/), ![Logo](/logo.png), "
            "[a story](/2025/06/other.md) and [a page](/2025/06/25/other/).\n",
        ),
        ("2025/06/other.md", "Other.\n"),
    )
    (project / "content/logo.png").write_bytes(PNG)
    settings_file = project / "pyproject.toml"  # the settings' base_url has the path /news/
    settings_file.write_text(
        settings_file.read_text().replace(BASE_URL, "https://example.org/news/")
    )
    result, out = build(project)
    assert result.ok, messages(result)
    tree = page(out, "2025/06/25/roots")
    assert [a.get("href") for a in tree.xpath('//div[@class="body"]//a')] == [
        "/news/tags/notes/",
        "/news/tags/notes/",
        "/news/2025/06/25/other/",
        "/news/2025/06/25/other/",
    ]
    assert tree.xpath('//div[@class="body"]//img')[0].get("src") == "/news/media/logo.png"
    for href in ("/news/tags/notes/", "/news/2025/06/25/other/"):
        assert (out / href.removeprefix("/news/") / "index.html").is_file()


# Feeds: every link absolute, fragments to the article


def test_footnote_and_anchor_links_in_feeds_point_to_the_article(tmp_path: Path) -> None:
    """Case 04: '#fn:1' in a feed resolved against the feed, not the article."""
    project = make_project(tmp_path / "project")
    write_article(
        project,
        "2025/06/budget-vote.md",
        FRONT.format(title="Budget passes after late vote", date="2025-06-25T10:00:00Z"),
        "The budget passed by four votes.[^1] See [how members voted](#tally).\n\n"
        "## How they voted {#tally}\n\nAyes 112, noes 108.\n\n"
        "[^1]: Figures from the assembly secretariat.\n",
    )
    result, out = build(project)
    assert result.ok, messages(result)
    story = "https://example.org/news/2025/06/25/budget-vote/"
    for name, items in feeds(out).items():
        content = items[0]["content_html"] if name == "json" else items[0].content[0].value
        tree = html.fragment_fromstring(content, create_parent="div")
        hrefs = [a.get("href") for a in tree.iter("a")]
        assert f"{story}#fn:1" in hrefs and f"{story}#tally" in hrefs, name
        assert all(h.startswith("https://example.org/news/") for h in hrefs), (name, hrefs)
    # On the page the links stay in-page.
    hrefs = [a.get("href") for a in page(out, "2025/06/25/budget-vote").iter("a")]
    assert "#fn:1" in hrefs and "#tally" in hrefs


# Bounded work for any input

PATHOLOGICAL = {
    # kind: (body, line of the error in the body, words of the message)
    "nested brackets": ("Intro.\n\n" + "[" * 20000 + "x" + "]" * 20000 + "\n", 3, "'[' left open"),
    "unclosed links": ("Intro.\n\n" + "[a](" * 25000 + "\n", 3, "'(' left open"),
    "a run of asterisks": (
        "Intro.\n\n" + "*" * 50000 + "a" + "*" * 50000 + "\n",
        3,
        "50000 '*' in a row",
    ),
    "emphasis markers": ("Intro.\n\n" + "*a" * 50000 + "\n", 3, "'*' or '_' in one paragraph"),
    "quote levels": ("Intro.\n\n" + "> " * 50000 + "deep\n", 3, "50000 quote levels"),
    "quotes line by line": (
        "".join(">" * i + " x\n" for i in range(1, 400)),
        51,
        "51 quote levels",
    ),
    # Python-Markdown recurses once a level: 400 levels take seconds, then exhaust it.
    "a list in tabs": ("".join("\t" * i + "- x\n" for i in range(400)), 52, "50 levels deep"),
    "a list in spaces": ("".join("    " * i + "1. x\n" for i in range(400)), 52, "50 levels"),
}


def test_a_list_fifty_levels_deep_is_still_converted(tmp_path: Path) -> None:
    """The list limit is on the 51st level: a list 50 deep (4 columns or a tab a level)
    is converted with either engine, every level an item."""
    body = "".join("\t" * i + f"- level {i + 1}\n" for i in range(50))
    for engine in ("python-markdown", "gfm"):
        project = make_project(tmp_path / engine, f'markdown_engine = "{engine}"\n')
        article(project, "2025/06/deep.md", body)
        result, out = build(project)
        assert not result.diagnostics, engine
        page = html.fromstring((out / "2025/06/25/deep/index.html").read_bytes())
        (deepest,) = page.xpath('//li[starts-with(normalize-space(text()), "level 50")]')
        assert len(deepest.xpath("ancestor::ul")) == 50, engine


@pytest.mark.parametrize("kind", PATHOLOGICAL)
def test_pathological_markdown_is_refused_on_its_line_without_converting(
    tmp_path: Path, kind: str
) -> None:
    body, line, words = PATHOLOGICAL[kind]
    project = project_with(
        tmp_path, ("2025/06/fine.md", "A normal story.\n"), ("2025/06/stall.md", body)
    )
    result, out = build(project)
    (problem,) = result.diagnostics
    assert (problem.path, problem.line, problem.severity) == ("2025/06/stall.md", 8 + line, "error")
    assert words in problem.message and problem.hint
    assert not out.exists()


def test_a_body_that_converts_too_slowly_is_refused_by_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text the nesting check lets through but Python-Markdown takes seconds over (10,000
    unclosed autolinks) stops at the per-article limit, made short here."""
    monkeypatch.setattr(limits, "TIME_LIMIT", 0.3)
    monkeypatch.setattr(limits, "SECONDS_PER_MB", 0.0)
    project = project_with(
        tmp_path,
        ("2025/06/fine.md", "A normal story.\n"),
        ("2025/06/slow.md", "<http://a" * 10000 + "\n"),
    )
    result, _ = build(project)
    (problem,) = result.diagnostics
    assert (problem.path, problem.line) == ("2025/06/slow.md", 9)
    assert "more than 0.3 seconds of processor time" in problem.message
    assert "(90,001 characters)" in problem.message and "'<'" in problem.hint
    # The same renderer goes on converting the next article as before.
    renderer = markdown.BodyRenderer(project / "content", lambda s: None, lambda s: s)
    article_ = dataclasses.replace(result.articles[0], body="*Fine* again.")
    assert renderer.render(article_)[0] == "<p><em>Fine</em> again.</p>"


def test_waiting_for_a_busy_machine_does_not_count_against_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit is the converter's processor time, not the clock's: a build that waits
    twice the limit for a core (as on a loaded CI runner: here the converter sleeps) publishes what
    a quiet machine publishes, while a limit of 0.3 s of processor time still holds."""
    monkeypatch.setattr(limits, "TIME_LIMIT", 0.3)
    monkeypatch.setattr(limits, "SECONDS_PER_MB", 0.0)
    engine = markdown.converter

    def waiting(name: str) -> Callable[[str], str]:
        convert = engine(name)
        return lambda text: (time.sleep(0.6), convert(text))[1]

    monkeypatch.setattr(markdown, "converter", waiting)
    project = project_with(tmp_path, ("2025/06/busy.md", "Text *converted* on a busy day.\n"))
    result, out = build(project)
    assert result.ok, [d.message for d in result.diagnostics]
    (page_file,) = out.glob("2025/06/*/busy/index.html")
    page = page_file.read_text(encoding="utf-8")
    assert "Text <em>converted</em> on a busy day." in page


def test_a_very_long_story_is_told_to_split_not_to_look_for_brackets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story over a million characters of ordinary paragraphs (max_file_size raised)
    that the converter cannot finish in time (the limit made short here) is told what is
    wrong, its length, and how to fix it: split it, or the faster engine."""
    monkeypatch.setattr(limits, "TIME_LIMIT", 0.05)
    monkeypatch.setattr(limits, "SECONDS_PER_MB", 0.1)
    paragraph = (
        "A sentence of the long report, with *emphasis* and a [link](https://example.com/).\n\n"
    )
    project = project_with(tmp_path, ("2025/06/fine.md", "A normal story.\n"))
    article(project, "2025/06/long.md", paragraph * 13_000, title="Long")
    with (project / "pyproject.toml").open("a", encoding="utf-8") as settings:
        settings.write("max_file_size = 2000000\n")
    result, _ = build(project)
    (problem,) = result.diagnostics
    assert (problem.path, problem.severity) == ("2025/06/long.md", "error")
    assert problem.message.startswith("this story's text is too long to convert: 1.1 million")
    assert "13,000 paragraphs" in problem.message and "processor time" in problem.message
    assert "split it into several stories" in problem.hint and "gfm" in problem.hint
    assert "brackets" not in problem.hint


def test_the_command_line_prints_the_file_and_line_of_pathological_text(tmp_path: Path) -> None:
    project = project_with(tmp_path, ("2025/06/stall.md", "Intro.\n\n" + "[" * 30000 + "\n"))
    done = run_newsdigest("build", "--output", str(tmp_path / "site"), cwd=project)
    assert done.returncode != 0
    assert "content/2025/06/stall.md:11: error: more than 50 '[' left open" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_story_with_no_text_to_summarise_is_a_warning(tmp_path: Path) -> None:
    project = project_with(tmp_path, ("2025/06/photo.md", "![A photo](photo.png)\n"))
    (project / "content/2025/06/photo.png").write_bytes(PNG)
    result, out = build(project)
    assert result.ok
    (problem,) = result.diagnostics
    assert (problem.path, problem.line, problem.severity) == ("2025/06/photo.md", 9, "warning")
    assert problem.message.startswith("no summary") and "summary:" in problem.hint
    assert feeds(out)["json"][0]["summary"] == ""


def test_a_missing_lead_image_names_its_folder_and_the_name_in_other_capitals(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    write_article(
        project,
        "2025/06/lead.md",
        FRONT.format(title="Lead", date="2025-06-25")
        + "\nimage:\n  src: photo.jpg\n  alt: A photo",
    )
    (project / "content/2025/06/Photo.JPG").write_bytes(PNG)
    result, _ = build(project)
    (problem,) = result.diagnostics
    assert (problem.path, problem.line) == ("2025/06/lead.md", 9)
    assert problem.message.startswith("image.src: 'photo.jpg' does not exist")
    assert problem.hint.startswith("did you mean Photo.JPG?")


def test_a_picture_linked_to_a_file_outside_content_is_named_a_link_not_missing(
    tmp_path: Path,
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n")
    project = project_with(
        tmp_path, ("2025/06/leak.md", "Intro.\n\n![A photo](passwd.jpg)\n\n[file](passwd.jpg)\n")
    )
    (project / "content/2025/06/passwd.jpg").symlink_to(secret)
    result, out = build(project)
    assert not result.ok
    found = {(d.path, d.line, d.message, d.hint) for d in result.diagnostics}
    fix = (
        "copy the {} itself into content/ in place of the link, and refer to the copy: "
        "a file outside content/ is never published"
    )
    assert found == {
        (
            "2025/06/leak.md",
            11,
            "image 'passwd.jpg' is a link to a file outside the site's content folder",
            fix.format("image file"),
        ),
        (
            "2025/06/leak.md",
            13,
            "linked file 'passwd.jpg' is a link to a file outside the site's content folder",
            fix.format("file"),
        ),
    }
