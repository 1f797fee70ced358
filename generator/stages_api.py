"""What the build command's speed layer plugs into the pipeline (generator.pipeline): the
two costly stages, reading and validating article files and converting their Markdown,
run over many articles by a `Speed`: `Serial` here (in this process, nothing cached),
generator.speed.stages' `Fast` in the build command (the build cache, worker processes).
Both run `read_one` and `convert_many` on each article, so they give the same answers.

READ_SETTINGS and BODY_SETTINGS are the settings each of the two reads: a cache of their
results is keyed on those alone (tests/test_stage_settings.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from generator.config import Settings, only
from generator.diagnostics import Diagnostic, error, warning
from generator.index import topics
from generator.load.content import Document, find_articles, parse_document, read_document
from generator.load.placeholder import placeholder_in_file, placeholder_warning
from generator.load.validate import validate
from generator.load.yaml_lines import indented_fixes, indented_keys
from generator.model import Article
from generator.render.summary import plain_summary, shows_nothing
from generator.render.unread import body_renderer
from generator.render.urls import Urls

# The settings each costly stage reads (a cache of its results is keyed on these alone).
READ_SETTINGS = (
    "base_url",  # its path alone (load_reads): an alias typed with it (load/identity.py)
    "timezone",
    "site_id",
    "language",  # its folder is free for an alias (load/identity.py)
    "max_file_size",
    "max_image_size",
)  # front matter -> Article
BODY_SETTINGS = (
    "base_url",
    "trusted_html",
    "max_image_size",
    "markdown_engine",
    "written_base_path",
    "former_base_url",
)  # Markdown -> HTML


def load_reads(settings: Settings) -> Settings:
    """The settings reading an article reads (READ_SETTINGS), base_url without its host,
    as `body_reads`: `serve` and `build` read alike and share the cached articles."""
    return replace(only(settings, READ_SETTINGS), base_url="http://host" + settings.base_path)


def body_reads(settings: Settings) -> Settings:
    """The settings the Markdown step reads (BODY_SETTINGS), base_url without its host:
    bodies hold site paths, never the host, so `serve` (http://127.0.0.1:PORT/ and the
    same path) and `build` convert alike and share the cached bodies."""
    return replace(only(settings, BODY_SETTINGS), base_url="http://host" + settings.base_path)


Validated = tuple[Article | None, list[Diagnostic]]
Body = tuple[str, list[Diagnostic], set[str], dict[str, str | None], str]  # html, problems,
# assets, the article links it resolved (source -> URL or None, for the build cache) and the
# summary: the front matter's, or else the body's first paragraph (plain_summary)


class ArticleUrls:
    """Each article's URL by its source, made when a body asks for it (`get`, as a dict's):
    a rebuild checks the links of every kept body, which name few articles, and need not
    make the URL of each of 100,000. A source of `held` (a draft, a scheduled story) is
    '' (a link to it is an error that says so); any other is None."""

    __slots__ = ("_articles", "_held", "_made", "_urls")

    def __init__(self, urls: Urls, articles: Sequence[Article], held: Sequence[Article]) -> None:
        self._urls = urls
        self._articles = {a.source: a for a in articles}
        self._held = {a.source for a in held}
        self._made: dict[str, str] = {}

    def get(self, source: str) -> str | None:
        found = self._made.get(source)
        if found is None:
            article = self._articles.get(source)
            if article is None:
                return "" if source in self._held else None
            found = self._made[source] = self._urls.article(article)
        return found


class Speed(topics.NamesKept, Protocol):
    """How the two costly stages run over many articles: serially here, or with the build
    cache and worker processes (generator.commands.build). Results are in input order."""

    def find(self, content_dir: Path) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
        """load.content.find_articles' answer."""
        ...

    def read_all(
        self, found: Sequence[tuple[Path, str]], settings: Settings, content_dir: Path
    ) -> list[Validated]: ...

    def convert_all(
        self,
        articles: Sequence[Article],
        urls_by_source: ArticleUrls,
        settings: Settings,
        content_dir: Path,
    ) -> list[Body]: ...


def read_one(path: Path, source: str, settings: Settings, content_dir: Path) -> Validated:
    """One article file -> Article (none of one read with errors), with all its problems."""
    document, problems = read_document(path, source, settings.max_file_size)
    if document is None:
        left = placeholder_in_file(path, source, settings.max_file_size)
        return None, problems + ([left] if left else [])
    return _validated(document, problems, settings, content_dir)


def read_bytes(raw: bytes, source: str, settings: Settings, content_dir: Path) -> Validated:
    """An article file's bytes read as `read_one` reads the file (`check --base`: the file
    as it was at a git revision, which may be gone from `content_dir` now)."""
    document, problems = parse_document(raw, source, content_dir / source)
    if document is None:
        return None, problems
    return _validated(document, problems, settings, content_dir)


def _validated(
    document: Document, problems: list[Diagnostic], settings: Settings, content_dir: Path
) -> Validated:
    article, field_problems = validate(document, settings, content_dir)
    if field_problems:  # the fields' indentation read only for a fix that may name it
        field_problems = indented_fixes(field_problems, indented_keys(document.front))
    draft = article.draft if article is not None else document.front.get("draft") is True
    left = placeholder_warning(document.source, document.body, document.body_line, draft)
    return (None if problems else article), problems + field_problems + ([left] if left else [])


def convert_many(
    articles: Sequence[Article],
    urls_by_source: ArticleUrls,
    settings: Settings,
    content_dir: Path,
) -> list[Body]:
    """Markdown -> safe HTML for each article; links to other articles by `urls_by_source`."""
    links: dict[str, str | None] = {}

    def article_url(source: str) -> str | None:
        links[source] = urls_by_source.get(source)
        return links[source]

    renderer = body_renderer(content_dir, article_url, settings)
    out: list[Body] = []
    for article in articles:
        links = {}
        html, problems, assets = renderer.render(article)
        wrong = any(problem.severity == "error" for problem in problems)
        if not (article.draft or article.image or wrong) and shows_nothing(html):
            problems = [*problems, _empty(article)]
        elif article.draft and not (article.image or article.sources or article.corrections):
            problems += [_empty_draft(article)] if shows_nothing(html) else []
        out.append((html, problems, assets, links, article.summary or plain_summary(html)))
    return out


def _empty(article: Article) -> Diagnostic:
    """The error on a published story whose body shows a reader nothing (H1 of tester3:
    a feed item with no content is invalid JSON Feed, and its page is empty)."""
    return error(
        article.source,
        article.body_line,
        "the story has no text: nothing below the closing '---' is shown to a reader"
        " (an empty body, only spaces or invisible characters such as a zero-width space,"
        " a comment, a rule, a footnote alone or something the site removes)",
        "write the story's text below the closing '---', or add 'draft: true' to the front"
        " matter to keep it off the site until it is written",
    )


# A draft that `build --drafts` publishes though its body shows a reader nothing (nor do
# a lead image, a sources line or a correction): its page is empty and feed.json leaves
# its item out (JSON Feed's items need content), which the build says; `check`, which
# publishes no draft, leaves this warning out (pipeline.convert's `shown`).
EMPTY_DRAFT = (
    "this draft has no text yet: `--drafts` publishes its page empty, and feed.json leaves "
    "it out (a feed item needs content)"
)


def _empty_draft(article: Article) -> Diagnostic:
    return warning(
        article.source,
        article.body_line,
        EMPTY_DRAFT,
        "write the story's text below the closing '---' to see it in the feed",
    )


class Serial(topics.NoNamesKept):
    """Every stage in this process, nothing cached."""

    def find(self, content_dir: Path) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
        return find_articles(content_dir)

    def read_all(
        self, found: Sequence[tuple[Path, str]], settings: Settings, content_dir: Path
    ) -> list[Validated]:
        return [read_one(path, source, settings, content_dir) for path, source in found]

    def convert_all(
        self,
        articles: Sequence[Article],
        urls_by_source: ArticleUrls,
        settings: Settings,
        content_dir: Path,
    ) -> list[Body]:
        return convert_many(articles, urls_by_source, settings, content_dir)
