"""Prober5 P24 (tester4 F30): RSS carries a headline as text that many feed readers read as
HTML, so whatever an HTML parser takes for a tag (`x<y and y>z`, `The <Company> rebrand`,
`<<Breaking>>`, `the <br> tag`) is left out by them, silently. `check` warns on the title
line with a fix that keeps the headline's meaning, and a tag standing between spaces
(`Use <br> carefully`) is given both readings, never only the one that drops the word.
"""

from __future__ import annotations

from pathlib import Path

from conftest import edit, make_project, run_here, write_article
from lxml import etree, html

FRONT = """\
title: "HEADLINE"
date: 2025-06-01T10:00:00+00:00
country: India
credits:
  author: Desk
"""
QUOTES = "angle quotation marks"


def _as_html_reader(site: Path) -> str:
    """The RSS item's title as a feed reader that reads it as HTML shows it."""
    [title] = etree.parse(str(site / "feed.xml")).xpath("//item/title/text()")
    shown = html.fromstring(f"<p>{title}</p>").text_content() if title else ""
    return " ".join(shown.split())


def test_a_headline_a_feed_reader_would_cut_is_warned_and_the_fix_keeps_it(tmp_path: Path) -> None:
    cases = {
        "x<y and y>z": ("'xz'", "spaces", "x < y and y > z"),
        "The <Company> rebrand": ("'The rebrand'", QUOTES, "The ‹Company› rebrand"),
        "<<Breaking>>": ("'<>'", QUOTES, "«Breaking»"),
        "Use the <br> tag": ("'Use the tag'", QUOTES, "Use the ‹br› tag"),
    }
    for n, (typed, (cut, how, fixed)) in enumerate(cases.items()):
        project = make_project(tmp_path / f"p{n}")
        story = write_article(project, "2025/06/story.md", FRONT.replace("HEADLINE", typed))
        site = tmp_path / f"site{n}"
        assert run_here("build", "--output", str(site), cwd=project).returncode == 0
        assert _as_html_reader(site) != typed  # what the warning is about: a real cut
        checked = run_here("check", cwd=project)
        said = checked.stdout + checked.stderr
        assert checked.returncode == 0, said
        assert "story.md:2: warning: title: <" in said, said
        assert f"take it for a tag and leave it out: {cut}" in said, said
        fix = f"fix: write it with {how}, which no reader takes for a tag: title: '{fixed}'\n"
        assert fix in said, said
        edit(story, f'title: "{typed}"', f"title: '{fixed}'")
        again = run_here("check", cwd=project)
        assert "warning" not in again.stdout + again.stderr, again.stdout + again.stderr
        assert run_here("build", "--output", str(site), cwd=project).returncode == 0
        assert _as_html_reader(site) == fixed
        page = html.fromstring((site / "2025/06/01/story/index.html").read_bytes())
        assert page.xpath("string(//h1)").strip() == fixed


def test_a_tag_between_spaces_gets_both_readings_each_final(tmp_path: Path) -> None:
    """`Use <br> carefully`: the fix said 'Use carefully', another headline. Both readings
    are offered; the tag's name is kept in angle quotation marks."""
    project = make_project(tmp_path / "p")
    front = FRONT.replace("HEADLINE", "Use <br> carefully")
    story = write_article(project, "2025/06/story.md", front)
    said = run_here("check", cwd=project).stdout
    assert (
        "fix: write it without HTML tags: title: 'Use carefully' if <br> is meant as HTML, "
        "which plain text cannot hold; title: 'Use ‹br› carefully' if it names the tag\n"
    ) in said, said
    for fixed in ("Use carefully", "Use ‹br› carefully"):
        edit(story, story.read_text("utf-8").splitlines()[1], f"title: '{fixed}'")
        again = run_here("check", cwd=project)
        assert "warning" not in again.stdout + again.stderr, again.stdout + again.stderr
    write_article(project, "2025/06/two.md", FRONT.replace("HEADLINE", "Hello<br>world"))
    said = run_here("check", cwd=project).stdout
    assert "fix: write it without HTML tags: title: 'Hello world'\n" in said, said


def test_headlines_no_reader_cuts_and_summaries_are_not_warned(tmp_path: Path) -> None:
    """Valid input: a '<' no HTML parser reads as a tag (`x < y`, `<3`, `a <= b`) in a
    headline, and a word in angle brackets in a summary, which RSS escapes once more as
    HTML (readers show it as typed): nothing is said."""
    project = make_project(tmp_path / "p")
    for n, typed in enumerate(("x < y and y > z", "We <3 rain", "a <= b, R&D budget")):
        write_article(project, f"2025/06/s{n}.md", FRONT.replace("HEADLINE", typed))
    summary = 'summary: "The <Company> rebrand, C++ <T>"\n'
    write_article(project, "2025/06/sum.md", FRONT.replace("HEADLINE", "Plain") + summary)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and "warning" not in checked.stdout + checked.stderr, (
        checked.stdout + checked.stderr
    )


def test_the_site_title_a_feed_reader_would_cut_is_warned_with_its_setting_line(
    tmp_path: Path,
) -> None:
    """The site's title is every feed's channel title, carried as the headlines are."""
    project = make_project(tmp_path / "p")
    edit(project / "pyproject.toml", 'title = "Test Desk"', 'title = "The <Desk>"')
    write_article(project, "2025/06/s.md", FRONT.replace("HEADLINE", "Plain"))
    said = run_here("check", cwd=project).stdout
    assert "pyproject.toml:2: warning: title: <Desk> is published as typed" in said, said
    assert "fix: write title = 'The ‹Desk›'" in said, said
    edit(project / "pyproject.toml", 'title = "The <Desk>"', "title = 'The ‹Desk›'")
    assert "warning" not in run_here("check", cwd=project).stdout
