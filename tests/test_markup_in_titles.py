"""A headline or summary is plain text: HTML typed in one (`<b>`, `<script>`, `&amp;`) is
published as typed, and many feed readers read a feed's title as HTML, so `check` and
`build` warn on its line with the line to write; followed, the warning goes.
"""

from __future__ import annotations

from pathlib import Path

from conftest import edit, make_project, run_here, write_article
from lxml import etree, html

FRONT = """\
title: Storm <b>hits</b> the <script>coast</script>
date: 2025-06-01T10:00:00+00:00
country: India
credits:
  author: Desk
summary: Talks with AT&amp;T went on.
"""


def test_html_in_a_headline_or_summary_is_a_warning_with_the_plain_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    story = write_article(project, "2025/06/story.md", FRONT)
    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert checked.returncode == 0 and built.returncode == 0, built.stderr
    for output in (checked.stdout + checked.stderr, built.stderr):
        assert (
            "content/2025/06/story.md:2: warning: title is plain text: <b> is published as "
            "typed, on the page and in feeds, where many feed readers would read it as HTML"
        ) in output, output
        assert "fix: write it without HTML tags: title: 'Storm hits the coast'" in output
        assert "story.md:7: warning: summary is plain text: &amp; is published as typed" in output
        assert "fix: write it without HTML codes: summary: 'Talks with AT&T went on.'" in output
    edit(
        story,
        "title: Storm <b>hits</b> the <script>coast</script>",
        "title: 'Storm hits the coast'",
    )
    edit(story, "summary: Talks with AT&amp;T went on.", "summary: 'Talks with AT&T went on.'")
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "plain text" not in again.stdout + again.stderr


def test_a_headline_fix_keeps_every_word_and_a_name_that_is_no_reference_is_text(
    tmp_path: Path,
) -> None:
    """'&D;' in 'R&D; budget' is no character reference HTML knows: nothing is said. A word
    in angle brackets that is no HTML element (<Live>) and a tag the text names (the <br>
    tag) are words, which a fix for another tag keeps, in angle quotation marks, as no feed
    reader takes them for a tag (prober5 P24; alone, tests/test_headlines_feed_readers_cut);
    a headline with an apostrophe is quoted in the other mark; each fix, followed, checks
    clean."""
    project = make_project(tmp_path / "p")
    cases = {
        "R&D; budget rises, AT&T; Verizon": None,
        "Use the <br> tag & the <b>bold</b> one": "title: 'Use the ‹br› tag & the bold one'",
        "Rao's <b>last</b> day": 'title: "Rao\'s last day"',
    }
    for n, (typed, fix) in enumerate(cases.items()):
        front = FRONT.replace("title: Storm <b>hits</b> the <script>coast</script>", "title: X")
        front = front.replace("summary: Talks with AT&amp;T went on.\n", "")
        story = write_article(project, f"2025/06/story{n}.md", front.replace("X", typed))
        checked = run_here("check", cwd=project)
        said = checked.stdout + checked.stderr
        if fix is None:
            assert "plain text" not in said, said
        else:
            assert f"story{n}.md:2: warning: title is plain text" in said, said
            assert f"fix: write it without HTML tags: {fix}\n" in said, said
            edit(story, f"title: {typed}", fix)
            again = run_here("check", cwd=project)
            assert "warning" not in again.stdout + again.stderr, again.stdout + again.stderr
        story.unlink()


def test_a_headline_with_a_tag_and_a_code_names_both_that_the_fix_rewrites(
    tmp_path: Path,
) -> None:
    """tester5 F10: `<b>` and `&amp;` in one headline: the fix takes out the tag and
    writes `&amp;` as `&`, so the warning names both, not only `<b>` (a value changed
    without a word). Followed, the fix checks clean and publishes the words it shows."""
    typed = "'AT&T <b>bold</b> & “quotes” 1 < 2 > 0 &amp; done'"
    fixed = "'AT&T bold & “quotes” 1 < 2 > 0 & done'"
    project = make_project(tmp_path / "p")
    front = FRONT.replace("Storm <b>hits</b> the <script>coast</script>", typed)
    story = write_article(project, "2025/06/story.md", front.replace("AT&amp;T", "AT&T"))
    checked = run_here("check", cwd=project)
    assert (
        "story.md:2: warning: title is plain text: <b> and &amp; are published as typed, on "
        "the page and in feeds, where many feed readers would read it as HTML\n"
        f"    fix: write it without HTML tags or codes: title: {fixed}\n"
    ) in checked.stdout + checked.stderr, checked.stdout + checked.stderr
    edit(story, f"title: {typed}", f"title: {fixed}")
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0 and "warning" not in built.stderr, built.stderr
    page = html.parse(str(next((tmp_path / "site").glob("2025/06/*/story/index.html"))))
    assert page.getroot().xpath("//h1")[0].text_content() == fixed.strip("'")


def test_a_tag_with_no_words_inside_is_left_out_of_the_fix(tmp_path: Path) -> None:
    """<br>, <hr>, <img ...> in a summary or headline: the fix leaves them out (a space
    between the words, a picture's alt text kept), as it does <b>; a tag the text names
    ('the <br> tag') keeps its name, and one standing between spaces, which may be its
    name ('Use <br> carefully'), gets both readings (prober5 P24), the first followed
    here. Each fix, followed, checks clean."""
    project = make_project(tmp_path / "p")
    either = "if {} is meant as HTML, which plain text cannot hold; {} if it names the tag"
    cases = {
        "summary: 'One<br>two'": "summary: 'One two'",
        "summary: 'One <br/> two'": "summary: 'One two'",
        "summary: 'Up <hr> down'": "summary: 'Up down'",
        "summary: 'See <img src=\"x.jpg\"> here'": "summary: 'See here'",
        'summary: \'See <img src="m.png" alt="the map"> here\'': "summary: 'See the map here'",
        "summary: Rain & landslides <br> hit Kerala": "summary: 'Rain & landslides hit Kerala'",
        "title: 'Up<wbr>date <input> now'": "title: 'Up date now'",
    }
    named = {
        "summary: 'One <br/> two'": ("<br/>", "summary: 'One ‹br/› two'"),
        "summary: 'Up <hr> down'": ("<hr>", "summary: 'Up ‹hr› down'"),
        "summary: Rain & landslides <br> hit Kerala": (
            "<br>",
            "summary: 'Rain & landslides ‹br› hit Kerala'",
        ),
        "title: 'Up<wbr>date <input> now'": ("<input>", "title: 'Up date ‹input› now'"),
    }
    for n, (typed, fix) in enumerate(cases.items()):
        front = FRONT.replace("<b>hits</b> the <script>coast</script>", "hits the coast")
        if typed.startswith("title:"):
            front = front.replace("summary: Talks with AT&amp;T went on.\n", "")
            front = front.replace("title: Storm hits the coast", typed)
        else:
            front = front.replace("summary: Talks with AT&amp;T went on.", typed)
        story = write_article(project, f"2025/06/void{n}.md", front)
        checked = run_here("check", cwd=project)
        said = checked.stdout + checked.stderr
        assert "warning: " + typed.split(":")[0] + " is plain text" in said, said
        other = f" {either.format(*named[typed])}" if typed in named else ""
        assert f"fix: write it without HTML tags: {fix}{other}\n" in said, said
        edit(story, typed, fix)
        again = run_here("check", cwd=project)
        assert "plain text" not in again.stdout + again.stderr, again.stdout + again.stderr
        story.unlink()


def test_a_word_in_angle_brackets_in_a_summary_reaches_every_feed_as_typed(
    tmp_path: Path,
) -> None:
    """`summary: "The C++ <T> guide"`: no HTML element is named, and every feed carries the
    summary as text, so readers get '<T>' as typed; nothing is said, and a fix for a real
    tag in the same summary keeps '<T>' as typed, not '[T]'."""
    import json

    import feedparser

    project = make_project(tmp_path / "p")
    front = FRONT.replace("<b>hits</b> the <script>coast</script>", "hits the coast")
    summary = "The 'C++ <T>' guide & more"
    story = write_article(
        project, "2025/06/story.md", front.replace("Talks with AT&amp;T went on.", f'"{summary}"')
    )
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0 and "plain text" not in built.stderr, built.stderr
    for feed in ("feed.xml", "atom.xml"):
        [entry] = feedparser.parse((site / feed).read_bytes()).entries
        shown = entry.summary  # what a reader shows: HTML's text, or the text
        if entry.summary_detail.type == "text/html":
            shown = html.fromstring(f"<p>{shown}</p>").text_content()
        assert shown == summary, (feed, entry.summary)
    [item] = json.loads((site / "feed.json").read_text("utf-8"))["items"]
    assert item["summary"] == summary
    edit(story, "C++ <T>", "<b>C++ <T></b>")
    said = run_here("check", cwd=project).stdout
    assert "fix: write it without HTML tags: summary: \"The 'C++ <T>' guide & more\"" in said


def test_a_feeds_description_is_escaped_once_and_a_word_in_angle_brackets_in_it_is_warned(
    tmp_path: Path,
) -> None:
    """Tester T7: a topic feed's RSS channel <description> was escaped twice ('Stories
    about AT&amp;amp;T.'): plain-text feed readers showed 'AT&amp;T' and the W3C validator
    warned ContainsHTML. It is plain text, escaped once as the channel's <title> is, in
    every feed. So `C++ <T>` in newsdigest.toml's description, which readers that read it
    as HTML would leave out, is warned as in a headline (prober5 P24), and its fix,
    followed, checks clean and reaches every feed as typed."""
    import feedparser

    project = make_project(tmp_path / "p")
    described = "C++ <T> templates; AT&T"
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("Stories for tests.", described), encoding="utf-8")
    front = FRONT.replace("Storm <b>hits</b> the <script>coast</script>", "Network outage")
    front = front.replace("Talks with AT&amp;T went on.", "S.") + 'tags: ["AT&T"]\n'
    write_article(project, "2025/06/att.md", front)
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0, built.stderr
    assert (
        "pyproject.toml:3: warning: description: <T> is published as typed, but feed readers "
        "that read it as HTML, as many do, take it for a tag and leave it out: "
        "'C++ templates; AT&T'"
    ) in built.stderr, built.stderr
    fix = "fix: write description = 'C++ \u2039T\u203a templates; AT&T'"
    assert fix in built.stderr, built.stderr
    topic = (site / "tags/at-t/feed.xml").read_text("utf-8")
    assert "<description>Stories about AT&amp;T.</description>" in topic, topic
    channel = etree.fromstring(topic.encode()).find("channel")
    assert channel is not None and channel.findtext("description") == "Stories about AT&T."
    edit(settings, described, "C++ \u2039T\u203a templates; AT&T")
    checked = run_here("check", cwd=project)
    assert "description" not in checked.stdout + checked.stderr, checked.stdout
    run_here("build", "--output", str(site), cwd=project)
    for feed in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((site / feed).read_bytes())
        assert parsed.feed.subtitle == "C++ \u2039T\u203a templates; AT&T", feed
    settings.write_text(settings.read_text("utf-8").replace("; AT&T", "; Tom &amp; the"), "utf-8")
    said = run_here("check", cwd=project).stdout
    assert "pyproject.toml:3: warning: description is plain text: &amp;" in said, said
    assert "fix: write description = 'C++ \u2039T\u203a templates; Tom & the'" in said, said


def test_html_in_the_publisher_setting_is_a_warning_whose_fix_is_final(tmp_path: Path) -> None:
    """Tester 3, M16: `publisher = "<i>Pub</i>"` went into every article's JSON-LD and the
    feeds as typed, with nothing said, while the same in `title` was a warning. It is now
    the same warning, on its line; `R&D Media` (no HTML code) is text, silent."""
    project = make_project(tmp_path / "p", 'publisher = "<i>Pub</i> &amp; Co"\n')
    write_article(project, "2025/06/s.md", FRONT.replace("Storm <b>hits</b> the <script>", ""))
    said = run_here("check", cwd=project).stdout
    assert "publisher is plain text: <i> and &amp; are published as typed" in said, said
    assert "fix: write publisher = 'Pub & Co'" in said, said
    edit(project / "pyproject.toml", '"<i>Pub</i> &amp; Co"', "'Pub & Co'")
    assert "publisher" not in run_here("check", cwd=project).stdout
    edit(project / "pyproject.toml", "'Pub & Co'", "'R&D Media'")
    assert "publisher" not in run_here("check", cwd=project).stdout


def test_a_word_in_angle_brackets_in_a_summary_is_text_as_readme_says(tmp_path: Path) -> None:
    """Tester T10: README's title row read as if `The <Company> rebrand` were warned in a
    summary too; it is not, by choice: an RSS item's description carries the summary
    escaped as HTML, so every feed shows it as typed. README's rows now say so, and the
    summary reaches the page and the feeds as typed; `<b>` in it is still a warning."""
    import feedparser

    from generator.load import fields

    rows = {f.name: f.meaning for f in fields.FIELDS}
    assert "in the headline alone" in rows["title"] and "The <Company> rebrand" in rows["summary"]
    project = make_project(tmp_path / "p")
    summary = "The <Company> rebrand summary."
    front = FRONT.replace("Storm <b>hits</b> the <script>coast</script>", "Rebrand")
    story = write_article(
        project, "2025/06/r.md", front.replace("Talks with AT&amp;T went on.", summary)
    )
    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0 and "warning" not in built.stderr, built.stderr
    [entry] = feedparser.parse((site / "feed.xml").read_bytes()).entries
    assert html.fromstring(f"<p>{entry.summary}</p>").text_content() == summary
    edit(story, "The <Company>", "The <b>Company</b>")
    said = run_here("check", cwd=project).stdout
    assert "r.md:7: warning: summary is plain text: <b> is published as typed" in said, said
