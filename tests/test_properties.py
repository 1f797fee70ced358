"""Property tests (Hypothesis): whatever an article file holds, newsdigest answers with
clean diagnostics, never a crash; whatever a title or tag says, readers see it as text;
every topic gets a non-empty, URL-safe slug of its own.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import markdown
import pytest
import yaml
from conftest import Forked, make_project
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree, html
from markdown.inlinepatterns import SubstituteTagInlineProcessor
from markupsafe import Markup

from generator import config
from generator.diagnostics import Diagnostic
from generator.index import topics
from generator.index.site import build_index
from generator.load import slugs
from generator.load.content import read_document
from generator.load.invisible import find_invisible
from generator.load.validate import KNOWN_FIELDS, validate
from generator.model import Article, Country, Tag
from generator.render.environment import make_environment
from generator.render.feeds.files import FeedWriter
from generator.render.links import absolute_links, rewrite_tags, serialised_tags
from generator.render.markdown import BodyRenderer, converter
from generator.render.pages import Renderer
from generator.render.theme import THEME_DIR
from generator.render.urls import Urls

SETTINGS = config.validate(
    config.Settings(
        site_id="props.example,2025", timezone="UTC", base_url="http://127.0.0.1:8000/sub/"
    )
)
URLS = Urls(SETTINGS.base_url)
FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("props") / "content"


def clean(problems: list[Diagnostic], source: str) -> None:
    for problem in problems:
        assert isinstance(problem, Diagnostic)
        assert problem.path == source
        assert problem.line >= 1
        assert problem.severity in ("error", "warning")
        assert problem.message.strip()


def process(content: Path, data: bytes, name: str = "story.md") -> Article | None:
    """Read, validate and convert one file as a build does; assert only clean answers."""
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    document, problems = read_document(path, name, SETTINGS.max_file_size)
    clean(problems, name)
    if document is None or problems:  # an article is made of no file read with errors
        assert any(p.severity == "error" for p in problems)
        return None
    article, problems = validate(document, SETTINGS, content)
    clean(problems, name)
    if article is None:
        return None
    assert article.title and article.date.tzinfo is not None
    assert slugs.is_safe(article.slug)
    body_html, problems, _ = BodyRenderer(content, lambda s: None, URLS.media).render(article)
    clean(problems, name)
    assert "<script" not in body_html.lower()
    article = dataclasses.replace(article, body_html=body_html)
    # Feeds are XML: text that XML cannot hold must have been refused above.
    articles, _ = topics.named([article], None, None)
    site = build_index(articles, SETTINGS.tz)
    for feed in FeedWriter(SETTINGS, URLS, content, site).plan():
        assert feed.make().data
    return article


FRONT_START = st.sampled_from([b"", b"---\n", b"\xef\xbb\xbf---\r\n", b"---\ntitle: x\n"])


@FAST
@given(start=FRONT_START, data=st.binary(max_size=600))
def test_arbitrary_bytes_give_diagnostics_never_a_crash(
    content: Path, start: bytes, data: bytes
) -> None:
    process(content, start + data + b"\n---\nbody\n")


SCALARS = st.one_of(
    st.text(max_size=40),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.sampled_from(
        [
            "2025-02-30",
            "99999-01-01",
            "2025-06-01T10:00:00+05:30",
            "2025-06-01",
            "24:61",
            "India",
            "atlantis",
            "GB",
            "IND",
            "../../etc/passwd",
            "http://x",
            "javascript:alert(1)",
            "yes",
            "~",
            "!!python/object/apply:os.system ['id']",
            "*nothing",
            "&a x",
            "[a, b",
            "{a: 1}",
            "'open",
            '"\\e"',
            "|",
            ">",
            "@at",
            "`tick`",
            "%TAG",
            "---",
            "...",
            "<<: *a",
            "!!binary aGVsbG8=",
            "!!set {a, b}",
            "!!timestamp 2025-01-01",
            "? complex",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
KEYS = st.one_of(st.sampled_from(KNOWN_FIELDS), st.text(max_size=10))


def as_yaml_line(key: str, value: object, raw: bool) -> str:
    """One front-matter line: dumped safely, or pasted raw (which may not be YAML at all)."""
    if raw:
        return f"{key}: {value}"
    return yaml.safe_dump(
        {key: value}, allow_unicode=True, default_flow_style=True, width=10_000
    ).strip()


@FAST
@given(
    fields=st.lists(st.tuples(KEYS, VALUES, st.booleans()), max_size=12),
    body=st.text(max_size=200),
)
def test_arbitrary_yaml_front_matter_gives_diagnostics_never_a_crash(
    content: Path, fields: list[tuple[str, object, bool]], body: str
) -> None:
    front = "\n".join(as_yaml_line(k, v, raw) for k, v, raw in fields)
    process(content, f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@example(front={"title": "", "date": "2025-06-01", "tags": "2025-02-30"}, body="")  # no such day
@example(front={"title": "", "date": "2025-06-01", "country": "..."}, body="")  # dots alone
@given(
    front=st.fixed_dictionaries(
        {"title": st.text(max_size=30), "date": st.sampled_from(["2025-06-01", "2025-02-29"])},
        optional={
            "country": SCALARS,
            "credits": VALUES,
            "tags": VALUES,
            "summary": VALUES,
            "image": VALUES,
            "slug": SCALARS,
            "id": SCALARS,
            "updated": SCALARS,
            "draft": SCALARS,
        },
    ),
    body=st.text(max_size=300),
)
def test_almost_valid_articles_give_diagnostics_never_a_crash(
    content: Path, front: dict[str, object], body: str
) -> None:
    text = yaml.safe_dump(front, allow_unicode=True)
    process(content, f"---\n{text}---\n{body}".encode("utf-8", "surrogatepass"))


@settings(max_examples=5, deadline=None)
@given(data=st.binary(min_size=1, max_size=300))
def test_the_command_line_answers_arbitrary_files_cleanly(
    tmp_path_factory: pytest.TempPathFactory, forked: Forked, data: bytes
) -> None:
    """`newsdigest check` in a process of its own (forked from one that has imported
    newsdigest: conftest.Forked), its exit status and everything it prints."""
    project = make_project(tmp_path_factory.mktemp("cli") / "project")
    (project / "content/story.md").write_bytes(b"---\n" + data)
    result = forked.run("check", cwd=project)
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stdout + result.stderr
    for line in result.stdout.splitlines():
        if ": error: " in line:
            assert line.startswith("content/story.md:")


# ---------------------------------------------------------------------------
# Escaping: an editor's words reach readers as the same words, in pages and feeds.

WORDS = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Co", "Cn"), blacklist_characters="\u2028\u2029\ufeff\x85"
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())
NASTY = st.sampled_from(
    [
        "</script><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '" onmouseover="x',
        "' autofocus onfocus='x",
        "]]>",
        "&amp; &lt;",
        "{{ 7*7 }}",
        "{% raw %}",
        "\\u003c",
        "--> <!--",
    ]
)
TEXT = st.one_of(WORDS, NASTY, st.tuples(WORDS, NASTY, WORDS).map("".join))
# A tag is a name readers tell apart by sight: one with an invisible character is refused.
TAG = TEXT.filter(lambda s: find_invisible(s) is None)


def article_for(content: Path, title: str, tags: list[str]) -> Article | None:
    front = {
        "title": title,
        "date": "2025-06-01T10:00:00+00:00",
        "country": "India",
        "credits": {"author": "Desk"},
        "tags": tags,
        "summary": title,
    }
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\nBody.\n"
    return process(content, text.encode("utf-8"))


def page_and_feed(article: Article) -> tuple[bytes, bytes]:
    articles, _ = topics.named([article], None, None)
    body_html = "<p>Body.</p>"
    site = build_index([dataclasses.replace(articles[0], body_html=body_html)], SETTINGS.tz)
    renderer = Renderer(SETTINGS, URLS, THEME_DIR, site)
    page = renderer.render(renderer.article(site.articles[0]))
    planned = FeedWriter(SETTINGS, URLS, Path("."), site).plan()
    rss = next(f.make() for f in planned if f.path == "feed.xml")
    return page.data, rss.data


@settings(max_examples=40, deadline=None)
@given(title=TEXT, tags=st.lists(TAG, min_size=1, max_size=3))
@example(title="T", tags=["credits:</script><script>alert(1)</script>0"])  # a field name's look
def test_titles_and_tags_always_reach_readers_as_text(
    content: Path, title: str, tags: list[str]
) -> None:
    article = article_for(content, title, tags)
    assert article is not None
    page_bytes, rss_bytes = page_and_feed(article)
    page = html.fromstring(page_bytes)
    shown = " ".join(page.findtext(".//h1").split())
    assert shown == article.title
    assert [s for s in page.iter("script") if s.get("type") != "application/ld+json"] == []
    for element in page.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib)
    (ld,) = [s.text for s in page.iter("script")]
    assert json.loads(ld)["headline"] == article.title
    link_texts = {" ".join(a.text_content().split()) for a in page.iter("a")}
    for tag in article.tags:
        assert tag.name in link_texts
    rss = etree.fromstring(rss_bytes)
    assert rss.findtext("channel/item/title") == article.title


# ---------------------------------------------------------------------------
# Topic slugs: never empty, always URL-safe, one per topic.


@pytest.fixture(scope="module")
def base(content: Path) -> Article:
    article = article_for(content, "Base", ["x"])
    assert article is not None
    return article


@FAST
@given(tag_sets=st.lists(st.lists(TEXT, max_size=4), min_size=1, max_size=6))
def test_every_topic_gets_a_distinct_url_safe_slug(
    base: Article, tag_sets: list[list[str]]
) -> None:
    articles = [
        dataclasses.replace(
            base,
            source=f"{i}.md",
            tags=tuple(
                {slugs.topic_key(t): Tag(slugs.topic_key(t), t) for t in tags if t.strip()}.values()
            ),
        )
        for i, tags in enumerate(tag_sets)
    ]
    assigned, names = topics.named(articles, None, None)
    problems = names.problems
    clean_sources = {a.source for a in articles}
    assert all(p.path in clean_sources for p in problems)
    slug_of: dict[str, str] = {}
    for before, after in zip(articles, assigned, strict=True):
        assert len(after.tags) == len(before.tags)
        for original, tag in zip(before.tags, after.tags, strict=True):
            assert tag.slug and slugs.is_safe(tag.slug), tag
            assert slug_of.setdefault(original.slug, tag.slug) == tag.slug
    assert len(set(slug_of.values())) == len(slug_of), "two topics share one URL"


@FAST
@given(text=st.text(max_size=60))
def test_slugs_are_url_safe_or_empty(text: str) -> None:
    slug = slugs.make(text)
    assert slug == "" or slugs.is_safe(slug)
    assert slugs.is_safe(slugs.fallback(text, "topic"))


class _Reader(HTMLParser):
    """The start tags an HTML parser sees: (offset, tag, attributes, text as written)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        self.seen: list[tuple[int, str, list[tuple[str, str | None]], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        self.seen.append((self.lines[line - 1] + column, tag, attrs, self.get_starttag_text()))

    handle_startendtag = handle_starttag


HTML_PIECES = st.sampled_from(
    [
        '<a href="x">', '<A HREF="a&amp;b">', '<img src="i.png" alt="a > b" />', "<img src=x>",
        "<br/>", "</a>", "</p >", "<p>", "text", "&amp;", "<", ">", "\n", " ", '"', "=",
        "<!-- a -->", "<script>", "</script>", "<style>", '<a href="<img src=1>">',
        '<source srcset="a 1x, b 2x">', '<a title="" disabled>', '<a\thref="y"\n>',
        '<a href=""title="x">', '<a/href="x">', '<img\xa0src="q">', '<a  href = "x">',
        "<a href='x'>", '<a href="&#39;q&quot;">', '<a:b c="d">', '<x-y href="1">',
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(HTML_PIECES, max_size=14))
@example(pieces=["<style>", '<a href="x">', "</style>", '<img src="i.png" alt="a > b" />'])
@example(pieces=["<script>", '<a href="x">', "</script>", '<a href="x">'])
@example(pieces=["<!-- a -->", '<a href="<img src=1>">', "<", '<a href=""title="x">'])
def test_links_are_rewritten_in_the_tags_an_html_parser_reads(pieces: list[str]) -> None:
    """Body links (and feeds' absolute links) are rewritten in exactly the <a>, <img> and
    <source> tags, with exactly the attributes, that an HTML parser reads: in comments,
    scripts and odd quoting too, every other character kept. Also after a run of plain
    tags, as a whole body has (a fragment with many tags is read by another path)."""
    for text in ("".join(pieces), "<p>" * 17 + "".join(pieces)):
        _rewritten_as_read(text)


def _rewritten_as_read(text: str) -> None:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    wanted = [s for s in reader.seen if s[1] in ("a", "img", "source")]
    asked: list[tuple[str, list[tuple[str, str | None]]]] = []

    def change(tag: str, attrs: list[tuple[str, str | None]]) -> str:
        asked.append((tag, attrs))
        return f"[{len(asked)}]"

    expected, done = [], 0
    for number, (at, _, _, old) in enumerate(wanted, 1):
        expected += [text[done:at], f"[{number}]"]
        done = at + len(old)
    assert rewrite_tags(text, change, ("a", "img", "source")) == "".join(expected) + text[done:]
    assert asked == [(tag, attrs) for _, tag, attrs, _ in wanted]
    tags = serialised_tags(text)  # every tag, when all are as a serialiser writes them
    if tags is not None:
        starts = [(at, tag) for at, _, tag in tags if not tag.startswith("/")]
        assert starts == [(at, tag) for at, tag, _, _ in reader.seen]


FEED_URLS = st.sampled_from(
    [
        "https://e.org/a", "http://e.org/a?b=1#c", "https://e.org/a;", "https://e.org/a?",
        "https://e.org/a#", "https:///a", "https://e.org/a,", "HTTPS://E.org/", "/a/", "a/b",
        "#fn:1", "", "../a", "?q", "//cdn.org/a", "mailto:a@e.org", "https://e.org/a&amp;b",
        "https://e.org/\tb", "https://e.org/é", "https://e.org/a b",
    ]
)  # fmt: skip
FEED_TAGS = st.sampled_from(
    [
        '<a href="{}">', '<img src="{}" alt="x">', '<source srcset="{} 2x">', '<A HREF="{}">',
        "<a href='{}'>", '<img srcset="{}">', "<a href={}>", '<a title="{}">',
        '<!-- <a href="{}"> -->', '<a\nhref="{}" >', '<img src="{}"/>', '<source src="{}">',
        "<p>{}</p>",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.one_of(HTML_PIECES, st.tuples(FEED_TAGS, FEED_URLS)), max_size=10),
    page=st.sampled_from(["https://e.org/news/2025/06/25/x/", "http://h.example/a/"]),
)
@example(pieces=[('<a href="{}">', "https://e.org/a;")], page="https://e.org/news/")
@example(pieces=[('<img srcset="{}">', "https://e.org/a,")], page="https://e.org/news/")
def test_feed_bodies_have_each_address_an_html_parser_reads_made_absolute(
    pieces: list[str | tuple[str, str]], page: str
) -> None:
    """A feed item's body has every <a href>, <img src> and srcset URL an HTML parser reads
    made absolute against the article's page, and every other character as written:
    bodies whose links are already absolute (returned as they are) too."""
    text = "".join(p if isinstance(p, str) else p[0].format(p[1]) for p in pieces)

    def absolute(tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        def one(name: str, value: str | None) -> str | None:
            if value is None:
                return None
            if name == "srcset":
                return ", ".join(
                    " ".join([urljoin(page, c.split()[0]), *c.split()[1:]])
                    for c in value.split(",")
                    if c.strip()
                )
            return urljoin(page, value) if name == {"a": "href", "img": "src"}.get(tag) else value

        return [(name, one(name, value)) for name, value in attrs]

    def change(
        tag: str, attrs: list[tuple[str, str | None]]
    ) -> list[tuple[str, str | None]] | None:
        new = absolute(tag, attrs)
        return new if new != attrs else None

    assert absolute_links(text, page) == rewrite_tags(text, change, ("a", "img", "source"))


MARKDOWN_PIECES = st.sampled_from(
    [
        "*", "**", "_", "`", "``", "[", "]", "(", ")", "![", "<", ">", "&", "&amp;", "\\",
        "'", '"', "--", "---", "...", "  \n", "\n", "\n\n", "- ", "1. ", "> ", "# ", "|", "~",
        "[^1]", "[^1]: note\n", "[x]: /a.md\n", "<b>", "</b>", "<https://e.org>", "a@b.org",
        "'90s", "word", " ", "é", "*[HTML]: Hyper\n", "{: .c}", ":", "    ", "```\n", "~~~\n",
        "===", "___",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(MARKDOWN_PIECES, max_size=30))
@example(pieces=["AT", "&", "#169", " '90s"])  # the raw-HTML step writes `&#169;`
@example(pieces=["\\\n", "*"])  # a backslash ending a line is a line break
def test_python_markdown_converts_as_the_library_does(pieces: list[str]) -> None:
    """The default engine, sped up, writes the HTML Python-Markdown itself writes: each
    one converter for every text, reset before each as a build does (not made anew for
    each example: two thirds of the test's CPU)."""
    text = "".join(pieces)
    ours, library = converters()
    assert ours(text) == library.reset().convert(text)


@functools.cache
def converters() -> tuple[Callable[[str], str], markdown.Markdown]:
    library = markdown.Markdown(extensions=["extra", "smarty", "sane_lists"], output_format="html")
    # The one rule the default engine adds to the library's: a backslash at the end of a
    # line is a line break (CommonMark's), registered as the library's own processor.
    library.inlinePatterns.register(
        SubstituteTagInlineProcessor(r"\\\n", "br"), "backslash_break", 6
    )
    return converter("python-markdown"), library


class _Shown:
    """A value a template shows that is neither text nor Markup (a Tag, a date)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


@jinja2.pass_context
def _with_context(context: jinja2.runtime.Context, value: object) -> str:
    return f"{context.get('extra')}:{value}"


@settings(max_examples=300, deadline=None)
@given(
    value=st.one_of(
        st.text(),
        st.builds(Markup, st.text()),
        st.integers(),
        st.none(),
        st.builds(_Shown, st.text()),
    )
)
def test_pages_show_values_as_stock_jinja_does(value: object) -> None:
    """The pages' Jinja, sped up (escaping, calls), writes what stock Jinja writes."""
    values = {"v": value, "plain": lambda x: f"<{x}>", "context_aware": _with_context, "extra": "&"}
    stock, ours = shown()
    assert ours.render(values) == stock.render(values)


@functools.cache
def shown() -> tuple[jinja2.Template, jinja2.Template]:
    """The template each example renders, compiled once by stock Jinja and once by the
    pages' Jinja (not once an example: two thirds of the test's CPU)."""
    source = (
        '<p title="{{ v }}">{{ v }} {{ plain(v) }} {{ context_aware(v) }}'
        "{% for x in [v, v] %}{{ plain(x) }}{{ context_aware(x) }}{% endfor %}</p>"
    )
    stock = jinja2.Environment(autoescape=True).from_string(source)
    return stock, make_environment(Path("no-templates")).from_string(source)


@settings(max_examples=80, deadline=None)
@given(
    tag_lists=st.lists(
        st.lists(st.sampled_from(["ports", "climate", "trade"]), max_size=3), max_size=40
    ),
    fresh=st.one_of(st.sets(st.integers(0, 39), max_size=2), st.sets(st.integers(0, 39))),
)
def test_a_topic_page_lists_its_stories_newest_first_whichever_objects_hold_the_topic(
    tag_lists: list[list[str]], fresh: set[int]
) -> None:
    """Stories loaded from the build state share their Tag objects, a story read anew holds
    its own equal ones (a few in a rebuild, many in a clean build): each topic is one group
    all the same, its stories newest first, a story filed twice under it listed twice."""
    one = {slug: Tag(slug, slug.title()) for slug in ("ports", "climate", "trade")}
    start = datetime(2025, 6, 1, tzinfo=UTC)
    articles = [
        Article(
            f"{n}.md",
            f"story-{n}",
            f"Story {n}",
            start + timedelta(hours=(n * 7) % 13),
            None,
            Country("KE", "Kenya"),
            (),
            "",
            (),
            tuple(Tag(s, s.title()) if n in fresh else one[s] for s in slugs),
            "",
            None,
            "",
            1,
            f"tag:props.example,2025:{n}",
        )
        for n, slugs in enumerate(tag_lists)
    ]
    site = build_index(articles, SETTINGS.tz)
    expected = {
        slug: [a for a in site.articles for t in a.tags if t.slug == slug]
        for slug in sorted({s for slugs in tag_lists for s in slugs})
    }
    assert {g.key.slug: list(g.articles) for g in site.topics} == expected
    assert [g.key.slug for g in site.topics] == list(expected)
    assert site.countries[0].articles == site.articles if articles else not site.countries
