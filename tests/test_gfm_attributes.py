"""With the gfm engine, which has no attribute lists, every `{#id}`, `{.class}` and
`{: ...}` the page would show as text is a warning on its line, whether or not a link
names it (not in code, a comment or after a backslash); the fixes for a link to a place
no heading has say how gfm gives a heading an id (HTML), in the same story or another,
and a link written with Python-Markdown's footnote id (`#fn:src`) is told gfm's."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

FRONT = """\
title: {title}
date: 2025-11-22T10:00:00+05:30
country: India
credits:
  author: Asha Rao"""
# '---' is line 1; the front matter ends on line 7, so the body starts on line 8.
BODY = """\
Intro.[^src] See [the help](other.md#who-helps) and [the note](#fn:src).

## Alone {#alone}

Text.

A paragraph
{: .note}

Text with `{#code}` and \\{#escaped} and a set {1, 2}.

<!-- {#hidden} -->

```
## In code {#nope}
```

Setext {#setx}
------

[^src]: The source.
"""


def messages(output: str) -> dict[str, str]:
    lines = output.splitlines()
    return {
        line: lines[i + 1].strip()
        for i, line in enumerate(lines)
        if ": warning: " in line or ": error: " in line
    }


def test_every_attribute_list_gfm_shows_as_text_is_a_warning_on_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", 'markdown_engine = "gfm"\n')
    write_article(project, "x/gfm.md", FRONT.format(title="Gfm ids"), BODY)
    write_article(project, "x/other.md", FRONT.format(title="Other"), "## Who helps {#who-helps}\n")
    checked = run_here("check", cwd=project)
    found = messages(checked.stdout)
    as_text = (
        "is shown as text in this heading: the gfm engine has no attribute lists, so the "
        "heading gets no id"
    )
    assert found[f"content/x/gfm.md:10: warning: {{#alone}} {as_text}"].startswith(
        'fix: write the heading as HTML, <h2 id="alone">...</h2>'
    )
    assert found[f"content/x/other.md:8: warning: {{#who-helps}} {as_text}"].startswith(
        'fix: write the heading as HTML, <h2 id="who-helps">...</h2>'
    )
    shown = (
        "is shown as text: the gfm engine has no attribute lists ({#id}, {.class}, {: ...}), "
        "so it gives nothing an id or a class"
    )
    assert found[f"content/x/gfm.md:15: warning: {{: .note}} {shown}"].startswith(
        "fix: remove {: .note}"
    )
    assert f"content/x/gfm.md:25: warning: {{#setx}} {shown}" in found
    for quiet in ("{#code}", "{#escaped}", "{1, 2}", "{#hidden}", "{#nope}"):
        assert quiet not in checked.stdout
    other = (
        "content/x/gfm.md:8: error: the link to '#who-helps' in the story content/x/other.md "
        "goes to no place in it: its page has no id 'who-helps', so the link opens the story "
        "at its top"
    )
    assert found[other] == (
        'fix: write the heading in content/x/other.md as HTML, <h2 id="who-helps">...</h2> '
        "(the gfm engine gives headings no id); or link to the story without '#who-helps'"
    )
    note = (
        "content/x/gfm.md:8: warning: the link to '#fn:src' goes nowhere: no heading or note "
        "of the story has the id 'fn:src'"
    )
    assert found[note].startswith(
        "fix: the gfm engine names the footnote [^src] #fn-src (and the place that refers to "
        "it #fnref-src): write #fn-src"
    )


def test_python_markdown_reads_the_attribute_lists_without_a_word(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "x/gfm.md", FRONT.format(title="Gfm ids"), BODY)
    write_article(project, "x/other.md", FRONT.format(title="Other"), "## Who helps {#who-helps}\n")
    checked = run_here("check", cwd=project)
    assert "shown as text" not in checked.stdout and "who-helps" not in checked.stdout


QUIET_BODY = """\
Hashtag {#floods} campaign and price {.99} and {:} placeholder, Dictionary{#key}.

{: ok}

    {#indented-code}

<pre>{#pre}</pre>

<div>{#inhtml}</div>

A *word*{.lead} and a paragraph
{: .note}
"""


def test_gfm_warns_only_where_python_markdown_would_read_an_attribute_list(
    tmp_path: Path,
) -> None:
    """Prober M2: braces in prose, in indented code, in <pre> or a <div> are shown as typed
    by both engines: no warning (its fix would delete the editor's words); after an inline
    element or on a block's last line, Python-Markdown reads them: still a warning."""
    project = make_project(tmp_path / "project", 'markdown_engine = "gfm"\n')
    write_article(project, "x/braces.md", FRONT.format(title="Braces"), QUIET_BODY)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    found = messages(checked.stdout)
    assert sorted(found) == [
        "content/x/braces.md:18: warning: {.lead} is shown as text: the gfm engine has no "
        "attribute lists ({#id}, {.class}, {: ...}), so it gives nothing an id or a class",
        "content/x/braces.md:19: warning: {: .note} is shown as text: the gfm engine has no "
        "attribute lists ({#id}, {.class}, {: ...}), so it gives nothing an id or a class",
    ], checked.stdout
