"""A newsroom moving in from Hugo or Jekyll is told how to convert each file.

Hugo's TOML front matter (`+++`) is an error whose fix is the same block in YAML with
newsdigest's field names; `description:`, `categories:` and the other generators' names
are warnings naming the field meant, with the line rewritten (the editor's summary and
topics are never dropped without a word); a Jekyll post's `2025-06-22-story.md` keeps its
whole name as the slug, as every newsdigest story always did, and gets Jekyll's
.../2025/06/22/story/ with the `slug:` README tells of.
"""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here

from generator.config import Settings
from generator.diagnostics import Diagnostic
from generator.load.content import read_document
from generator.load.validate import validate
from generator.model import Article

TOML_STORY = """\
+++
title = "Floods in Assam"
date = 2025-06-20T10:00:00+05:30
categories = ["Climate"]
tags = ["Assam"]
author = "Asha Rao"
description = "Rivers rise: 2 districts cut off"
draft = false
+++
Body of toml story.
"""

HUGO_YAML = """\
---
title: "Heatwave grips Delhi"
date: 2025-06-21
categories: [Weather, Climate]
tags: [heat]
country: India
credits:
  author: Asha Rao
description: "Delhi swelters."
layout: post
---
Body.
"""


def read(tmp_path: Path, name: str, text: str) -> tuple[Article | None, list[Diagnostic]]:
    content = tmp_path / "content"
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    doc, problems = read_document(path, name, 1_000_000)
    if doc is None:
        return None, problems
    article, more = validate(doc, Settings(timezone="Asia/Kolkata"), content)
    return (None if problems else article), problems + more  # as the pipeline reads it


def test_toml_front_matter_is_named_with_the_same_fields_in_yaml(tmp_path: Path) -> None:
    article, [problem] = read(tmp_path, "posts/floods.md", TOML_STORY)
    assert article is None
    assert (problem.severity, problem.line) == ("error", 1)
    assert problem.message == (
        "the front matter is TOML, between '+++' lines (Hugo's format); newsdigest reads "
        "YAML front matter, between '---' lines"
    )
    fix, _, then = problem.hint.partition("; then add ")
    block = fix.split(": ", 1)[1].split("  |  ")
    assert block[0] == block[-1] == "---"
    # The fix names the country Hugo has no field for (tester 2, L16), which the story
    # is filed under, in words with no country of its own (prober, H1): followed, with
    # the editor's country added, the story reads without a problem.
    assert then == (
        "the story's country, 'country:' followed by its name or ISO code, which newsdigest "
        "requires and the TOML block does not have"
    )
    converted = "\n".join([*block[:-1], "country: India", "---", "Body of toml story.", ""])
    article, problems = read(tmp_path, "posts/floods.md", converted)
    assert article is not None, problems
    assert article.title == "Floods in Assam"
    assert article.summary == "Rivers rise: 2 districts cut off"
    assert [tag.name for tag in article.tags] == ["Climate", "Assam"]
    assert list(article.authors) == ["Asha Rao"]
    assert article.date.isoformat() == "2025-06-20T10:00:00+05:30"
    assert not [p for p in problems if p.severity == "warning"]


def test_hugo_and_jekyll_field_names_are_named_with_the_field_meant(tmp_path: Path) -> None:
    article, problems = read(tmp_path, "posts/heat.md", HUGO_YAML)
    assert article is not None
    found = {p.line: (p.message, p.hint) for p in problems}
    assert found[4] == (
        "'categories:' is another site generator's name (Hugo, Jekyll, Pelican); newsdigest "
        "reads 'tags:', so this one is not published",
        "move them into 'tags:' and delete this line: tags: [heat, Weather, Climate]",
    )
    assert found[9][0].startswith("'description:' is another site generator's name")
    assert found[9][1] == "rename it: summary: Delhi swelters."
    assert found[10] == (
        "'layout:' is Jekyll's page layout (newsdigest's theme lays out every article); "
        "it is not used",
        "delete the line 'layout: post'",
    )
    assert {p.severity for p in problems} == {"warning"}


def test_jekylls_space_separated_categories_are_given_as_a_list(tmp_path: Path) -> None:
    text = HUGO_YAML.replace("categories: [Weather, Climate]\ntags: [heat]\n", "")
    text = text.replace("layout: post\n", "categories: news india\n")
    _, problems = read(tmp_path, "posts/heat.md", text)
    [hint] = [p.hint for p in problems if "'categories:'" in p.message]
    assert hint == "rename it: tags: [news, india]"


def test_a_dated_file_name_is_the_slug_whole_and_slug_gives_jekylls_address(
    tmp_path: Path,
) -> None:
    text = HUGO_YAML.replace("date: 2025-06-21", "date: 2025-06-22 09:15:00+0530")
    article, problems = read(tmp_path, "_posts/2025-06-22-jekyll-story.md", text)
    assert article is not None, problems
    assert article.slug == "2025-06-22-jekyll-story"  # as before: an upgrade moves nothing
    text = text.replace("layout: post\n", "slug: jekyll-story\n")
    article, problems = read(tmp_path, "_posts/2025-06-22-jekyll-story.md", text)
    assert article is not None, problems
    assert article.slug == "jekyll-story"


def test_hugos_url_and_jekylls_permalink_become_an_alias_that_builds(tmp_path: Path) -> None:
    """The address readers know is kept working: the fix writes it as an alias, and
    followed, the story's page and a redirect at the old address are built."""
    from conftest import make_project, run_here, write_article

    for field in ("url", "permalink"):
        project = make_project(tmp_path / field)
        front = "title: Rain\ndate: 2025-06-22T10:00:00Z\ncountry: India\ncredits:\n  author: A"
        path = write_article(project, "2025/06/rain.md", f"{front}\n{field}: /old/rain/")
        said = run_here("check", cwd=project).stdout
        assert f"rain.md:7: warning: '{field}:' is " in said, said
        fix = said.split("in place of this line: ", 1)[1].splitlines()[0]
        text = path.read_text(encoding="utf-8").replace(f"{field}: /old/rain/", fix)
        path.write_text(text, encoding="utf-8")
        site = tmp_path / f"site-{field}"
        built = run_here("build", "--output", str(site), cwd=project)
        assert built.returncode == 0 and "warning" not in built.stderr, built.stderr
        assert (site / "2025/06/22/rain/index.html").is_file()
        assert "2025/06/22/rain/" in (site / "old/rain/index.html").read_text(encoding="utf-8")


HUGO_TABLES = '''\
+++
title = 'Breaking: We are # 1'
date = 2025-06-20T10:00:00+05:30
summary = """Line one
line two"""
tags = ['C #', "[x]"]
author = ["Asha Rao", "Ben"]
url = "/old/we-are-1/"
[params]
country = "India"
[[images]]
src = "a.jpg"
+++
Body.
'''


def test_a_toml_block_with_tables_and_a_text_over_lines_is_given_line_by_line(
    tmp_path: Path,
) -> None:
    """Each YAML line of the fix is one line (a text over several lines written with \\n),
    Hugo's [params] are the story's own fields, a table newsdigest cannot read is named
    as left out (never a Python repr), and the block, followed, is read as typed."""
    _, [problem] = read(tmp_path, "posts/we.md", HUGO_TABLES)
    lines, left = problem.hint.split("(one line each): ", 1)[1].split("; left out: ")
    assert left.startswith("[images], tables newsdigest does not read")
    block = lines.split("  |  ")
    assert all("\n" not in line and "{'" not in line for line in block), block
    article, problems = read(tmp_path, "posts/we.md", "\n".join([*block, "Body.", ""]))
    assert article is not None, problems
    assert not [p for p in problems if p.severity == "error"], problems
    assert article.title == "Breaking: We are # 1"
    assert article.summary.split() == ["Line", "one", "line", "two"]
    assert [tag.name for tag in article.tags] == ["C #", "[x]"]
    assert list(article.authors) == ["Asha Rao", "Ben"]
    assert article.country.name == "India"
    assert article.aliases == ("old/we-are-1/",)  # Hugo's url:, kept as an alias


def test_toml_fix_names_the_lines_to_add_without_making_up_their_values(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    story = project / "content" / "2025" / "06" / "z2.md"
    story.parent.mkdir(parents=True)
    story.write_text(
        '+++\ntitle = "Z2"\ndate = 2025-06-20T10:00:00+05:30\ntags = ["Floods"]\n+++\nBody.\n',
        encoding="utf-8",
    )
    result = run_here("check", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 1 and "z2.md:1: error: the front matter is TOML" in said, said
    # Hugo has no country and this post no author: named in words, with no value an
    # editor could publish as it stands (prober, H1: 'India', 'Asha Rao')
    assert "then add the story's country, 'country:' followed by its name or ISO code" in said
    assert "the byline, a line 'credits:' with '  author:' indented below it" in said
    assert "India" not in said and "Asha" not in said
