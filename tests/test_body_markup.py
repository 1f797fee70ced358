"""A story's body makes a valid, accessible page whatever the editor typed: headings keep
the page's outline, end tags typed as text are said, not silently lost, with either
Markdown engine, and `check` says the same as `build`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import VnuErrors, make_project, run_here, tiny_png, write_article
from lxml import html

ENGINES = ("python-markdown", "gfm")
FRONT = "title: Story\ndate: 2025-06-01T10:00:00+00:00\ncountry: India\ncredits:\n  author: Desk\n"
PAGE = "2025/06/01/story/index.html"  # the body's first line is the file's line 8


def built(root: Path, engine: str, body: str, png: str = "") -> tuple[str, str, html.HtmlElement]:
    """(check's output, build's output, the published body) of one story in `engine`."""
    project = make_project(root / engine / "project", f'markdown_engine = "{engine}"\n')
    write_article(project, "2025/06/story.md", FRONT, body)
    if png:
        (project / "content/2025/06" / png).write_bytes(tiny_png())
    checked = run_here("check", cwd=project)
    result = run_here("build", "--output", str(root / engine / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    page = html.parse(str(root / engine / "site" / PAGE)).getroot()
    return checked.stdout + checked.stderr, result.stderr, page.find_class("body")[0]


HEADINGS = """\
Intro.

# A body headline

Text.

Deep
----

#### Too deep

<h5>Raw and deep</h5>

## Fine again
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_body_headings_keep_the_outline_and_each_change_is_said_on_its_line(
    tmp_path: Path,
    engine: str,
    vnu_errors: VnuErrors,
) -> None:
    """A `#` heading is published as a second-level heading (the headline is the page's only
    h1) and a heading that skips a level one level below the one before it; each is a
    warning on its line with the fix, the text is kept, and the Nu Html Checker passes."""
    checked, said, body = built(tmp_path, engine, HEADINGS)
    levels = [(h.tag, h.text_content()) for h in body.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels == [
        ("h2", "A body headline"),
        ("h2", "Deep"),
        ("h3", "Too deep"),
        ("h4", "Raw and deep"),
        ("h2", "Fine again"),
    ]
    for output in (checked, said):
        assert "content/2025/06/story.md:10: warning: a '# ' heading" in output, output
        assert "fix: the headline is the page's only first-level heading: write '## '" in output
        assert "story.md:17: warning: this '#### ' heading skips a level" in output, output
        assert "story.md:19: warning: this '##### ' heading skips a level" in output, output
        assert "story.md:14:" not in output and "story.md:21:" not in output, output
    errors, _ = vnu_errors(tmp_path, tmp_path / engine / "site" / PAGE)
    assert errors == []


def test_a_first_heading_deeper_than_the_third_level_is_published_under_the_headline(
    tmp_path: Path,
) -> None:
    """`#### Sub` as the body's first heading skips two levels after the headline: it is
    published as an h3, with the warning."""
    checked, said, body = built(tmp_path, "python-markdown", "Intro.\n\n#### Sub\n\nText.\n")
    assert [h.tag for h in body.iter("h2", "h3", "h4")] == ["h3"]
    assert "story.md:10: warning: this '#### ' heading skips a level" in said, said
    assert "write '### ' here" in checked


@pytest.mark.parametrize("engine", ENGINES)
def test_a_house_style_of_h3_subheads_is_published_as_typed_without_a_warning(
    tmp_path: Path, engine: str
) -> None:
    """A newsroom that writes its small subheads `### ` (tester5 F6): readers get the h3
    the editor typed, and no story warns; a skip under them is still said."""
    text = "Intro.\n\n### What to do\n\nText.\n\n### Where to go\n\nMore.\n"
    checked, said, body = built(tmp_path, engine, text)
    assert [(h.tag, h.text_content()) for h in body.iter("h2", "h3")] == [
        ("h3", "What to do"),
        ("h3", "Where to go"),
    ]
    assert "warning" not in checked + said, checked + said
    _, said, body = built(tmp_path / "deeper", engine, text + "\n##### Deep\n\nEnd.\n")
    assert [h.tag for h in body.iter("h3", "h4", "h5")] == ["h3", "h3", "h4"]
    assert "warning: this '##### ' heading skips a level" in said, said


END_TAGS = """\
The attacker typed </script> into the form.

Close a paragraph with </p> and a div with </div> in HTML.

Code keeps them: `</p>`, and <em>typed</em> pairs stay.

A break typed as </br> is a break.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_end_tags_typed_as_text_are_removed_with_a_warning_on_their_line(
    tmp_path: Path, engine: str
) -> None:
    """An end tag with no start tag before it is removed, like a start tag the site does not
    publish, with a warning on its line that says how to show it as text; `</p>` does not
    cut its paragraph in two."""
    checked, said, body = built(tmp_path, engine, END_TAGS)
    paragraphs = [p.text_content() for p in body.iter("p")]
    assert paragraphs == [
        "The attacker typed  into the form.",
        "Close a paragraph with  and a div with  in HTML.",
        "Code keeps them: </p>, and typed pairs stay.",
        "A break typed as  is a break.",
    ]
    assert len(list(body.iter("br"))) == 1
    for output in (checked, said):
        for line, tag in [(8, "script"), (10, "p"), (10, "div")]:
            assert (
                f"content/2025/06/story.md:{line}: warning: the </{tag}> here is removed "
                "when published"
            ) in output, output
        assert "fix: to show </script> as text, put it in backticks: `</script>`" in output
        assert "story.md:12:" not in output and "story.md:14:" not in output


CODE = """\
Run this:

    indented </em> code and <b>x</b> and </p>

- A list item with ``a </strong> span`` and text </em> typed.

        code in the list </div>

~~~
fenced </i>
~~~
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_end_tags_in_code_of_any_kind_are_shown_as_typed_without_a_warning(
    tmp_path: Path, engine: str
) -> None:
    """Code (an indented block, one in a list, a span, a fence) is published as typed,
    end tags included; only the end tag typed in the list item's running text is removed."""
    checked, said, body = built(tmp_path, engine, CODE)
    blocks = [pre.text_content() for pre in body.iter("pre")]
    assert [block.strip() for block in blocks] == [
        "indented </em> code and <b>x</b> and </p>",
        "code in the list </div>",
        "fenced </i>",
    ]
    assert [code.text_content() for code in body.iter("code")][1] == "a </strong> span"
    assert "and text  typed." in body.find(".//li").text_content()
    for output in (checked, said):
        assert "content/2025/06/story.md:12: warning: the </em> here is removed" in output
        assert output.count("here is removed when published") == 1, output


PICTURES = """\
<img src="dot.png">

<figure><img src="https://images.example/map.jpg"><figcaption>The map</figcaption></figure>

<img src="dot.png" alt=""> and ![](dot.png) are decorations, said so by the editor.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_an_html_picture_without_alt_is_published_as_a_decoration_with_a_warning(
    tmp_path: Path,
    engine: str,
    vnu_errors: VnuErrors,
) -> None:
    """HTML requires alt= on every <img>: one typed without it is published with alt="",
    as `![](dot.png)` is, and `check` and `build` warn on its line how to describe it;
    an alt="" the editor typed is a decoration and says nothing."""
    checked, said, body = built(tmp_path, engine, PICTURES, png="dot.png")
    assert [img.get("alt") for img in body.iter("img")] == ["", "", "", ""]
    for output in (checked, said):
        for line, src in [(8, "dot.png"), (10, "https://images.example/map.jpg")]:
            assert (
                f"content/2025/06/story.md:{line}: warning: the picture '{src}' has no alt= "
                "text, so a screen reader cannot say what it shows"
            ) in output, output
        assert 'fix: describe it: <img src="dot.png" alt="What the picture shows">' in output
        assert "story.md:12:" not in output, output
    errors, _ = vnu_errors(tmp_path, tmp_path / engine / "site" / PAGE)
    assert errors == []


UNNAMED_LINKS = """\
See the chart:

[![](chart.png)](https://example.com/data)

[](https://example.com/empty) and <a href="https://example.com/raw"> </a>

[![Rainfall by state](chart.png)](https://example.com/named) and [text](https://example.com/t)
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_link_with_nothing_for_a_screen_reader_to_say_is_an_error_on_its_line(
    tmp_path: Path, engine: str
) -> None:
    """A link whose only content is a picture without alt= text, or that has no text, has
    no name (axe: link-name): `check` and `build` say so on its line with the fix, and the
    build publishes nothing until it is fixed."""
    project = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    write_article(project, "2025/06/story.md", FRONT, UNNAMED_LINKS)
    (project / "content/2025/06/chart.png").write_bytes(tiny_png())
    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert checked.returncode != 0 and built.returncode != 0
    assert not (tmp_path / "site").exists()
    for output in (checked.stdout + checked.stderr, built.stderr):
        assert (
            "content/2025/06/story.md:10: error: the link to 'https://example.com/data' holds "
            "only a picture with no alt= text"
        ) in output, output
        assert "fix: describe the picture, which is the link's only text" in output
        for address in ("https://example.com/empty", "https://example.com/raw"):
            assert f"story.md:12: error: the link to '{address}' has no text" in output
        assert "story.md:14:" not in output


IDS = """\
Intro, with [the other part](#other) linked.

## Main points {#main}

<h2 id="related-stories">Raw heading</h2>

## Other {#other}

<h3 id="other">Twice</h3>
"""


def test_an_id_the_page_already_has_is_an_error_on_its_line(tmp_path: Path) -> None:
    """An id typed in a body that the theme's page uses (`main`, `related-stories`) or that
    the story uses twice would make the page invalid and its skip link and labels point at
    the wrong place: `check` names the clash on its line."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", FRONT, IDS)
    checked = run_here("check", cwd=project)
    output = checked.stdout + checked.stderr
    assert checked.returncode != 0
    for line, value in [(10, "main"), (12, "related-stories"), (16, "other")]:
        assert f"content/2025/06/story.md:{line}: error: the id {value!r} of this" in output
    assert "is already used by the theme's page" in output
    assert "fix: choose another id, such as main-1" in output
    assert "story.md:14: error" not in output, output


IN_PAGE = """\
Jump to [the results](#results), [the tally](#tally) or [the top](#top).

## Results

Text.

<h2 id="tally">Tally</h2>

## Later {#later}
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_an_in_page_link_to_no_id_is_a_warning_with_the_engines_way_to_make_one(
    tmp_path: Path, engine: str
) -> None:
    """Headings get no automatic id: a link to `#results` with no such id in the story goes
    nowhere, and `check` and `build` say so on its line with how to give the heading an id
    (`{#results}` with Python-Markdown; HTML with gfm, which has no attribute lists)."""
    checked, said, body = built(tmp_path, engine, IN_PAGE)
    assert body.get_element_by_id("tally").text_content() == "Tally"
    for output in (checked, said):
        assert (
            "content/2025/06/story.md:8: warning: the link to '#results' goes nowhere"
        ) in output, output
        assert "'#tally'" not in output and "'#top'" not in output
        fix = (
            'write the heading as HTML, <h2 id="results">'
            if engine == "gfm"
            else "give the heading that id: ## Its text {#results}"
        )
        assert fix in output
        shown = "story.md:16: warning: {#later} is shown as text in this heading"
        assert (shown in output) == (engine == "gfm"), output


NOTES = """\
The minister said so.[^1]

Final paragraph of the story.

[^1]: Hansard, 3 June.
"""


def test_footnotes_are_set_apart_and_labelled_alike_with_either_engine(
    tmp_path: Path, vnu_errors: VnuErrors
) -> None:
    """The notes follow a rule in their own <div class="footnote">, not as if part of the
    story, and each back-link has a title saying where it leads, with gfm as with
    Python-Markdown (whose output is unchanged); no warning, and the page is valid."""
    shapes = {}
    for engine in ENGINES:
        checked, said, body = built(tmp_path, engine, NOTES)
        assert "warning" not in checked + said
        (notes,) = body.find_class("footnote")
        assert notes.tag == "div" and notes[0].tag == "hr" and notes[1].tag == "ol"
        (back,) = notes.iter("a")
        assert back.get("title") == "Jump back to footnote 1 in the text"
        assert back.get("href") == ("#fnref-1" if engine == "gfm" else "#fnref:1")
        shapes[engine] = [e.tag for e in notes.iter()]
    assert shapes["gfm"] == shapes["python-markdown"]
    pages = [tmp_path / engine / "site" / PAGE for engine in ENGINES]
    errors, _ = vnu_errors(tmp_path, *pages)
    assert errors == []


PLACES = """\
The sub folder and the Floods file are named here first, as words.

[h](sub)

[h2](sub/) and [i](Floods)

![l](sub\\\\map.png)

<IMG SRC="dot.png" ALT> <img alt src="dot.png">

Then dot.png as a word, and the picture without alt:

<img src="dot.png">

> # Quoted

- ## Item

    # Under the item
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_each_link_picture_and_heading_problem_is_named_on_its_own_line(
    tmp_path: Path, engine: str
) -> None:
    """The line of the link, picture or heading itself: not the first line where its
    address is typed as a word, nor the body's first line (GitHub puts the note there)."""
    project = make_project(tmp_path / engine, f'markdown_engine = "{engine}"\n')
    write_article(project, "2025/06/story.md", FRONT, PLACES)
    (project / "content/2025/06/dot.png").write_bytes(tiny_png())
    checked = run_here("check", cwd=project)
    found = [
        line.split(": ", 1)[0].removeprefix("content/2025/06/story.md:") + " " + line[-20:]
        for line in checked.stdout.splitlines()
        if line.startswith("content/")
    ]
    said = {line.split(" ")[0] for line in found}
    assert said == {"10", "12", "14", "20", "22", "26"}, found
    for line, words in [
        (10, "error: link to 'sub' points to no file"),
        (12, "error: link to 'sub/' points to no file"),
        (12, "error: link to 'Floods' points to no file"),
        (14, "error: image 'sub"),  # sub\map.png (gfm: sub%5Cmap.png)
        (20, "warning: the picture 'dot.png' has no alt= text"),
        (22, "warning: a '# ' heading is a first-level heading"),
        (26, "warning: a '# ' heading is a first-level heading"),
    ]:
        assert f"content/2025/06/story.md:{line}: {words}" in checked.stdout, checked.stdout


@pytest.mark.parametrize("engine", ENGINES)
def test_a_site_that_trusts_its_html_keeps_the_outline_too(tmp_path: Path, engine: str) -> None:
    """trusted_html is about the HTML an editor types: a '# ' heading is still published
    under the headline, with the same warning on its line, as the <img> without alt= is."""
    project = make_project(
        tmp_path / engine, f'markdown_engine = "{engine}"\ntrusted_html = true\n'
    )
    write_article(project, "2025/06/story.md", FRONT, 'Intro.\n\n<img src="dot.png">\n\n# Big\n')
    (project / "content/2025/06/dot.png").write_bytes(tiny_png())
    checked = run_here("check", cwd=project)
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    for output in (checked.stdout, result.stderr):
        assert "content/2025/06/story.md:12: warning: a '# ' heading" in output, output
        assert "content/2025/06/story.md:10: warning: the picture 'dot.png'" in output
    page = html.parse(str(tmp_path / "site" / PAGE)).getroot()
    assert [h.text_content() for h in page.iter("h1")] == ["Story"]
    assert [h.text_content() for h in page.find_class("body")[0].iter("h2")] == ["Big"]


FRAMED = """\
See the map and
<iframe src="https://maps.example.com/x"></iframe>
below.

## Head
<script>alert(1)</script>
After the heading.

```
<iframe src="https://shown.example.com/"></iframe>
```
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_an_element_removed_from_inside_a_paragraph_leaves_the_paragraph_whole(
    tmp_path: Path, engine: str
) -> None:
    """An <iframe> typed on a line of its own inside a paragraph is removed (a warning on
    its line) and the paragraph stays one, not "See the map and" and "below." apart; code
    shows it as typed, and after a heading nothing changes."""
    checked, said, body = built(tmp_path, engine, FRAMED)
    paragraphs = [" ".join(p.text_content().split()) for p in body.iter("p")]
    assert paragraphs == ["See the map and below.", "After the heading."], paragraphs
    assert body.find(".//h2").text_content() == "Head"
    assert (
        '<iframe src="https://shown.example.com/"></iframe>' in body.find(".//pre").text_content()
    )
    for output in (checked, said):
        assert "story.md:9: warning: the <iframe> here is removed when published" in output
        assert "story.md:13: warning: the <script> here is removed when published" in output
