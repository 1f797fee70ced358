"""What the editor typed is never dropped without a word: a story file with another
Markdown extension, a link to another article, an http:// picture or an undescribed lead image are
each an error on their file and line, with the fix, and nothing is published."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import feedparser
import pytest
from conftest import STORY, make_project, run_here, write_article
from lxml import html


@pytest.mark.parametrize(
    "name", ["story.MD", "story.Md", "story.markdown", "story.mdown", "story.mkd"]
)
def test_a_story_not_named_md_is_an_error_naming_the_right_name(tmp_path: Path, name: str) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/other.md", STORY.replace("Monsoon", "Rain"))
    write_article(project, f"2025/06/{name}", STORY)

    result = run_here("check", cwd=project)

    assert result.returncode == 1
    assert (
        f"content/2025/06/{name}:1: error: this file is not read: an article's file name "
        "must end in '.md'"
    ) in said(result)
    assert "fix: rename the file to story.md" in said(result)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 1
    assert not (tmp_path / "site").exists()


def test_other_files_beside_the_stories_are_not_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY)
    (project / "content/2025/06/notes.txt").write_text("to do\n")
    (project / "content/2025/06/.draft.MD").write_text("hidden\n")

    result = run_here("check", cwd=project)

    assert result.returncode == 0, result.stderr
    assert said(result) == "checked 1 article: no errors\n"


def test_a_story_in_a_hidden_file_or_folder_is_a_warning_naming_it(tmp_path: Path) -> None:
    """A story saved as `.draft.md` or into `.drafts/` is never published: `check` and
    `build` say so on each such file, with the name to give it; the rest is built."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY)
    write_article(project, "2025/06/.draft.md", STORY.replace("Monsoon", "Heat"))
    write_article(project, ".hidden/x.md", STORY.replace("Monsoon", "Rain"))
    write_article(project, ".hidden/deeper/y.md", STORY.replace("Monsoon", "Hail"))
    (project / "content/.hidden/notes.txt").write_text("to do\n")
    (project / "content/2025/06/._story.md").write_bytes(b"\0\5\x16\7")  # macOS's, not a story

    checked = said(run_here("check", cwd=project))
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    for output in (checked, said(built)):
        assert (
            "content/2025/06/.draft.md:1: warning: this file is not read: files and folders "
            "whose names start with '.' are hidden"
        ) in output, output
        assert "fix: rename it to draft.md, or move it out of content/" in output
        for name in ("x.md", "deeper/y.md"):
            assert (
                f"content/.hidden/{name}:1: warning: this file is not read: it is in the folder "
                ".hidden, and files and folders whose names start with '.' are hidden"
            ) in output
        assert "fix: rename the folder to hidden," in output
        assert "notes.txt" not in output and "._story" not in output
    assert built.returncode == 0
    assert (tmp_path / "site/2025/06/01/story/index.html").exists()
    assert not list((tmp_path / "site").rglob("*draft*")) + list((tmp_path / "site").rglob("x"))


def test_a_link_to_another_story_is_an_error_not_a_second_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY)
    (project / "content/2025/06/copy.md").symlink_to("story.md")
    (project / "content/notes").mkdir()
    (project / "content/notes/draft.txt").write_text(
        "---\n" + STORY.replace("Monsoon", "Heat") + "---\nx\n"
    )
    (project / "content/2025/06/heat.md").symlink_to("../../notes/draft.txt")

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert result.returncode == 1
    assert (
        "content/2025/06/copy.md:1: error: this file is a link to content/2025/06/story.md; "
        "the story would be published twice"
    ) in said(result)
    assert "aliases:" in said(result)
    assert "heat.md" not in said(result)  # a link to a file not read itself is the story
    assert not (tmp_path / "site").exists()


def said(result: subprocess.CompletedProcess[str]) -> str:
    """What the command printed (check on stdout, build on stderr)."""
    return result.stdout + result.stderr


def _lead_image(tmp_path: Path, lines: str) -> Path:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY + "image:\n" + lines)
    return project


def test_an_http_lead_image_is_an_error_asking_for_https(tmp_path: Path) -> None:
    project = _lead_image(tmp_path, "  src: http://x.org/a.jpg\n  alt: A street\n")

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert result.returncode == 1
    assert (
        "content/2025/06/story.md:8: error: image.src: 'http://x.org/a.jpg' is an http:// address"
    ) in said(result)
    assert "https://x.org/a.jpg" in said(result)
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_an_http_picture_in_the_body_is_an_error_on_its_line(tmp_path: Path, engine: str) -> None:
    """Like an http:// lead image: a browser blocks it on the https site, so it is refused
    on the line it was typed, typed as Markdown or as HTML, with either engine."""
    project = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    body = (
        "The rain came early.\n\n"
        "![Flooded street](http://photos.example.org/street.jpg)\n\n"
        'Later: <img src="HTTP://photos.example.org/boat.jpg" alt="A boat">\n'
    )
    write_article(project, "2025/06/story.md", STORY, body)  # the body starts on line 8

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert result.returncode == 1
    assert (
        "content/2025/06/story.md:10: error: image 'http://photos.example.org/street.jpg' "
        "is an http:// address"
    ) in said(result)
    assert "https://photos.example.org/street.jpg" in said(result)
    assert "content/2025/06/story.md:12: error: image 'HTTP://photos.example.org/boat.jpg'" in (
        said(result)
    )
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("alt", ['""', "'   '"])
def test_an_empty_alt_is_an_error_asking_for_a_description(tmp_path: Path, alt: str) -> None:
    project = _lead_image(tmp_path, f"  src: https://x.org/a.jpg\n  alt: {alt}\n")

    result = run_here("check", cwd=project)

    assert result.returncode == 1
    assert "content/2025/06/story.md:9: error: image.alt is empty" in said(result)
    assert "describe the picture for readers who cannot see it" in said(result)


EMBED = """\
The council met on Tuesday.

<iframe width="560" src="https://www.youtube.com/embed/abc"></iframe>

Its chair <b onclick="steal()">spoke</b> first; `<script>` in code is text.

<script>
alert(1)
</script>
"""


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_markup_the_sanitiser_removes_is_a_warning_on_its_line(tmp_path: Path, engine: str) -> None:
    project = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    write_article(project, "2025/06/story.md", STORY, EMBED)  # the body starts on line 8
    write_article(project, "2025/06/other.md", STORY.replace("Monsoon", "Rain"))
    iframe = "content/2025/06/story.md:10: warning: the <iframe> here is removed when published"
    onclick = "content/2025/06/story.md:12: warning: the onclick= attribute of <b> here is removed"
    script = "content/2025/06/story.md:14: warning: the <script> here is removed when published"

    checked = said(run_here("check", cwd=project))
    first = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    write_article(project, "2025/06/other.md", STORY.replace("Monsoon", "Heat"))
    second = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert first.returncode == second.returncode == 0
    for output in (checked, said(first), said(second)):  # second: a rebuild with the cache
        assert iframe in output and onclick in output and script in output, output
        assert "fix: link to the video or page instead" in output
        assert output.count("story.md:") == 3  # once each; not the `<script>` in code
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
    assert "<iframe" not in page and "onclick" not in page and "alert(1)" not in page
    assert "spoke" in page  # the sanitising itself is unchanged


def test_a_story_that_is_only_an_embed_hears_of_both(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/story.md", STORY, '<iframe src="https://x.org/v"></iframe>\n')

    output = said(run_here("check", cwd=project))

    assert "content/2025/06/story.md:8: warning: the <iframe> here is removed" in output
    assert "content/2025/06/story.md:8: error: the story has no text" in output  # nothing left


LINKS = """\
Call [the desk](tel:+441234567), text [us](sms:+441234567) or [write](mailto:desk@x.org).

See [the map](geo:51.5,-0.1), [the archive](ftp://ftp.x.org/a), [chat](ircs://irc.x.org/news),
[our channel](whatsapp://send?text=hi) and <a href="tel:+449876">the night desk</a>.

Read [the memo](file:///C:/Users/desk/memo.pdf).
The [share](smb://office/stories) and [a sketch](data:text/plain,hello).

Also <a href="javascript:alert(1)">this</a> and [an app](notes-app://open/1).

And [the draft](C:/Users/desk/draft.docx).
"""


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_a_link_keeps_a_phone_or_map_address_and_is_told_of_a_removed_one(
    tmp_path: Path, engine: str
) -> None:
    """tel:, sms:, geo: (and mailto:, ftp:, ircs:, whatsapp:) links reach readers of the page
    and of every feed with their address; a data:, file:, smb:, javascript: or unknown one
    loses it, and the editor hears so on its line, with what to do instead."""
    project = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    write_article(project, "2025/06/story.md", STORY, LINKS)  # the body starts on line 8
    site = tmp_path / "site"

    checked = said(run_here("check", cwd=project))
    built = run_here("build", "--output", str(site), cwd=project)

    assert built.returncode == 0
    for output in (checked, said(built)):
        for line, address in [
            (13, "file:///C:/Users/desk/memo.pdf"),
            (14, "smb://office/stories"),
            (14, "data:text/plain,hello"),
            (16, "javascript:alert(1)"),
            (16, "notes-app://open/1"),
        ]:
            assert (
                f"content/2025/06/story.md:{line}: warning: this link's address {address!r} is "
                "removed when published, so the link leads nowhere"
            ) in output, output
        assert (  # a Windows path: named as the file on the editor's computer it is
            "content/2025/06/story.md:18: warning: this link's address "
            "'C:/Users/desk/draft.docx' is a file on your own computer (drive C:), which "
            "readers cannot open: it is removed when published, so the link leads nowhere"
        ) in output, output
        assert "fix: a file: address is a file on your own computer" in output
        assert "fix: use an https:// address; a link may also start with" in output
        # prober3 L8: ftp: is never offered, just after its own warning
        assert (
            "a link may also start with geo:, irc:, ircs:, mailto:, sip:, sips:, sms:, tel:, "
            "webcal:, whatsapp:, xmpp: (not ftp:"
        ) in output
        assert "(not ftp:, which today's browsers no longer open)" in output
        assert (  # kept, but no browser opens it any more (tests/test_tester3_lows.py)
            "content/2025/06/story.md:10: warning: this link's address 'ftp://ftp.x.org/a' is "
            "an ftp: address"
        ) in output
        assert output.count("story.md:") == 7, output  # the other kept ones are not mentioned
        assert output.count("fix: a file: address is a file on your own computer") == 1
        assert "fix: put draft.docx in content/ beside the article (if it is not there yet)" in (
            output
        )
    kept = {
        "tel:+441234567",
        "sms:+441234567",
        "mailto:desk@x.org",
        "geo:51.5,-0.1",
        "ftp://ftp.x.org/a",
        "ircs://irc.x.org/news",
        "whatsapp://send?text=hi",
        "tel:+449876",
    }
    page = html.parse(str(site / "2025/06/01/story/index.html"))
    hrefs = {a.get("href") for a in page.iter("a")}
    assert kept <= hrefs
    assert not any(h and h.startswith(("file:", "smb:", "data:", "javascript:")) for h in hrefs)
    atom = feedparser.parse(site / "atom.xml", sanitize_html=False)
    rss = feedparser.parse(site / "feed.xml", sanitize_html=False)
    json_feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    for content in (
        atom.entries[0].content[0].value,
        rss.entries[0].content[0].value,
        json_feed["items"][0]["content_html"],
    ):
        found = {a.get("href") for a in html.fromstring(content).iter("a")}
        assert kept <= found, content
