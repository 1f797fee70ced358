"""A YAML type tag (`!!float`, `!!str`, `!`, `!foo`, `!<tag:...>`) before a value.

YAML reads a tag as an instruction to convert the value: `title: !!float 5` would be the
headline "5.0", `summary: !!null x` no summary at all, `title: !!int 2025 budget` a crash,
and `title: !!str News` loses its tag without a trace. newsdigest reads every value as
the text typed, so every tag, in every field and in authors.yaml, is an error on its line
that says to delete it or, when the `!` is part of the text, to quote the value; a quoted
value starting with `!` is published as typed.
"""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html

STORY = """\
title: Budget passes
date: 2025-06-25T10:00:00Z
country: India
credits:
  author: Politics Desk
  image: Press Office
  sources: [agencies]
tags: [Budget, Parliament]
summary: The budget passed.
slug: budget-passes
"""
TAG_MESSAGE = "which YAML reads as a type tag (an instruction to convert the value), not as text"


def check(tmp_path: Path, front: str) -> str:
    project = make_project(tmp_path / "project")
    write_article(project, "budget.md", front)
    result = run_here("check", cwd=project)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("old", "new", "line", "what", "fix"),
    [
        (  # ValueError in PyYAML
            "title: Budget passes",
            "title: !!int 2025 budget",
            2,
            "the value of 'title:' starts with '!!int'",
            "if the '!' is part of the text, put the whole value in quotes: title: \"!!int 2025"
            " budget\"; otherwise delete '!!int': title: 2025 budget",
        ),
        ("title: Budget passes", "title: !!bool Yes minister", 2, "'!!bool'", "Yes minister"),
        ("title: Budget passes", "title: !!float 5", 2, "'!!float'", "title: 5"),  # was 5.0
        ("title: Budget passes", "title: ! 5", 2, "starts with '!',", "title: 5"),
        ("title: Budget passes", "title: !!str Breaking news", 2, "'!!str'", "Breaking news"),
        ("title: Budget passes", "title: !foo Budget", 2, "'!foo'", "title: Budget"),
        ("summary: The budget passed.", "summary: !!null x", 10, "'!!null'", "summary: x"),
        ("summary: The budget passed.", "summary: !!float .nan", 10, "'!!float'", ".nan"),
        (  # "no summary" was perhaps meant: both fixes are offered
            "summary: The budget passed.",
            "summary: !!null",
            10,
            "'!!null'",
            "quotes: summary: \"!!null\"; otherwise delete '!!null': summary:",
        ),
        (
            "summary: The budget passed.",
            "summary: !<tag:yaml.org,2002:int> x",
            10,
            "'!<tag:yaml.org,2002:int>'",
            "summary: x",
        ),
        ("date: 2025-06-25T10:00:00Z", "date: !!timestamp 2025-13-45", 3, "'!!timestamp'", ""),
        ("date: 2025-06-25T10:00:00Z", "date: !!timestamp x", 3, "'!!timestamp'", "date: x"),
        ("tags: [Budget, Parliament]", "tags: !!seq x", 9, "'!!seq'", "tags: x"),
        (
            "tags: [Budget, Parliament]",
            "tags: [!!int 2025, Parliament]",
            9,
            "an item of 'tags:' starts with '!!int'",
            "tags: [2025, Parliament]",
        ),
        ("tags: [Budget, Parliament]", "tags:\n  - !!str Budget", 10, "a list item", "- Budget"),
        (  # YAML cannot read "!Kung]" as a tag and the list never closes
            "tags: [Budget, Parliament]",
            "tags: [Budget, !Kung]",
            9,
            "an item of 'tags:' starts with '!Kung'",
            'put the whole value in quotes: tags: [Budget, "!Kung"]',
        ),
        ("slug: budget-passes", "!!str slug: x", 11, "the field name starts with", "slug: x"),
        ("  author: Politics Desk", "  author: !!str Politics Desk", 6, "'author:'", ""),
        ("  image: Press Office", "  image: !!binary aGVsbG8=", 7, "'image:'", ""),
        ("sources: [agencies]", "sources: [!!null agencies]", 8, "'sources:'", ""),
        ("country: India", "country: !!str India", 4, "'country:'", "country: India"),
        ("slug: budget-passes", "slug: !!int 10", 11, "'slug:'", "slug: 10"),
        ("slug: budget-passes", "slug: x\nlanguage: !!str en", 12, "'language:'", ""),
        ("slug: budget-passes", "slug: x\ndraft: !!bool false", 12, "'draft:'", "draft: false"),
        ("slug: budget-passes", "aliases: !!seq [/old/]", 11, "'aliases:'", "aliases: [/old/]"),
        ("slug: budget-passes", "image:\n  src: a.jpg\n  alt: !!str A", 13, "'alt:'", ""),
        ("slug: budget-passes", "x: !!python/object:os.system []", 11, "python/object", ""),
    ],
)
def test_a_tag_before_a_value_is_an_error_on_its_line_in_any_field(
    tmp_path: Path, old: str, new: str, line: int, what: str, fix: str
) -> None:
    out = check(tmp_path, STORY.replace(old, new))
    [error] = [row for row in out.splitlines() if ": error: " in row and TAG_MESSAGE in row]
    assert error.startswith(f"content/budget.md:{line}: error: ")
    assert what in error and TAG_MESSAGE in error
    assert "tag:yaml.org,2002:" not in error.replace("!<tag:yaml.org,2002:int>", "")
    assert fix in out.split(error, 1)[1]


@pytest.mark.parametrize("typed", ["!! Alert", "!!! Breaking news"])
def test_exclamation_marks_at_the_start_of_a_headline_get_one_message(
    tmp_path: Path, typed: str
) -> None:
    """`!! Alert` is a tag YAML cannot read, `!!! Breaking news` one it can: the editor sees
    the same words for both, with the value quoted in the fix."""
    out = check(tmp_path, STORY.replace("title: Budget passes", f"title: {typed}"))
    mark = typed.split()[0]
    assert (
        f"content/budget.md:2: error: the value of 'title:' starts with '{mark}', {TAG_MESSAGE}"
    ) in out
    assert f'put the whole value in quotes: title: "{typed}"' in out


def test_every_tag_is_named_and_a_mistake_after_them_too(tmp_path: Path) -> None:
    front = STORY.replace("title: Budget passes", "title: !!float 5").replace(
        "summary: The budget passed.", "summary: !!null x\nslug2: [a"
    )
    out = check(tmp_path, front)
    assert "content/budget.md:2: error: the value of 'title:'" in out
    assert "content/budget.md:10: error: the value of 'summary:'" in out
    assert "content/budget.md:12: error:" in out


def test_a_failed_build_leaves_the_published_site_alone(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    story = write_article(project, "budget.md", STORY)
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    before = (out / "2025/06/25/budget-passes/index.html").read_bytes()
    story.write_text(story.read_text().replace("title: Budget passes", "title: !!float 5"))
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 1 and "content/budget.md:2: error:" in result.stderr
    assert (out / "2025/06/25/budget-passes/index.html").read_bytes() == before


def test_a_quoted_value_starting_with_exclamation_marks_is_published_as_typed(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    front = STORY.replace("title: Budget passes", 'title: "!!float 5"').replace(
        "summary: The budget passed.", "summary: '!!null x'"
    )
    write_article(project, "budget.md", front.replace("[Budget,", '["!Budget",'))
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stdout
    tree = html.parse(str(out / "2025/06/25/budget-passes/index.html")).getroot()
    assert tree.findtext(".//h1").strip() == "!!float 5"
    assert tree.xpath("//meta[@name='description']/@content") == ["!!null x"]
    rss = feedparser.parse((out / "feed.xml").read_bytes())
    [entry] = rss.entries
    assert (entry.title, entry.summary) == ("!!float 5", "!!null x")
    assert [t.term for t in entry.tags] == ["!Budget", "Parliament"]
    [item] = json.loads((out / "feed.json").read_text())["items"]
    assert item["title"] == "!!float 5"


def test_a_tag_in_the_author_registry_is_an_error_on_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "budget.md", STORY)
    (project / "authors.yaml").write_text("Politics Desk:\n  bio: !!float 5\n", encoding="utf-8")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert f"authors.yaml:2: error: the value of 'bio:' starts with '!!float', {TAG_MESSAGE}" in (
        result.stdout
    )
