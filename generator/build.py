"""The pipeline: load and validate -> model -> index -> render -> write.

`check_content` runs the first steps and reports every problem; `build_site` runs them
all and writes the site only when there is no error.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from generator import topics
from generator.config import Settings
from generator.content import find_articles, read_document
from generator.diagnostics import Diagnostic, error, has_errors
from generator.feeds import FeedWriter
from generator.index import Site, build_index
from generator.markdown import BodyRenderer, plain_summary
from generator.model import Article, OutputFile
from generator.output import WriteStats, check_target, write_site
from generator.render import Renderer
from generator.sitemap import cname, nojekyll, robots, sitemap
from generator.urls import Urls
from generator.validate import validate


@dataclass(frozen=True, slots=True)
class Paths:
    """Where the project's parts are on disk."""

    project: Path
    content: Path
    templates: Path
    output: Path


@dataclass(frozen=True, slots=True)
class Selection:
    """Which valid articles a build publishes."""

    drafts: bool = False
    future: bool = False
    now: datetime | None = None

    def includes(self, article: Article, now: datetime) -> bool:
        if article.draft and not self.drafts:
            return False
        return self.future or article.date <= now


@dataclass(slots=True)
class Result:
    """What a check or build found and did."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    site: Site | None = None
    files: int = 0
    stats: WriteStats | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def load_articles(content_dir: Path, settings: Settings) -> tuple[list[Article], list[Diagnostic]]:
    """Read and validate every article; site-wide rules (topics, URLs, ids) included."""
    problems: list[Diagnostic] = []
    if not content_dir.is_dir():
        return [], [error(str(content_dir), 0, "content directory does not exist",
                          "create it, or pass --content DIR")]
    found, walk_problems = find_articles(content_dir)
    problems.extend(walk_problems)
    articles: list[Article] = []
    for path, source in found:
        document, read_problems = read_document(path, source, settings.max_file_size)
        problems.extend(read_problems)
        if document is None:
            continue
        article, field_problems = validate(document, settings, content_dir)
        problems.extend(field_problems)
        if article is not None:
            articles.append(article)
    articles, topic_problems = topics.assign(articles)
    problems.extend(topic_problems)
    problems.extend(_collisions(articles))
    return articles, problems


def _collisions(articles: list[Article]) -> Iterator[Diagnostic]:
    """Two articles at one URL, or sharing one feed id."""
    for label, key_of in (("URL", _url_key), ("feed id", _guid_key)):
        owners: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            owners[key_of(article)].append(article)
        for key, clash in owners.items():
            if len(clash) < 2:
                continue
            for article in clash:
                others = ", ".join(a.source for a in clash if a is not article)
                yield error(
                    article.source,
                    1,
                    f"has the same {label} as {others} ({key})",
                    "give one of them another file name or a 'slug:' (or 'id:') of its own",
                )


def _url_key(article: Article) -> str:
    return f"/{article.day:%Y/%m/%d}/{article.slug}/"


def _guid_key(article: Article) -> str:
    return article.guid


def render_bodies(
    articles: list[Article], settings: Settings, urls: Urls, content_dir: Path
) -> tuple[list[Article], list[Diagnostic], set[str]]:
    """Markdown -> safe HTML for every article; derive missing summaries."""
    by_source = {a.source: a for a in articles}

    def article_url(source: str) -> str | None:
        target = by_source.get(source)
        return urls.article(target) if target else None

    renderer = BodyRenderer(content_dir, article_url, urls.media, settings.trusted_html)
    problems: list[Diagnostic] = []
    assets: set[str] = set()
    rendered: list[Article] = []
    for article in articles:
        body_html, body_problems, body_assets = renderer.render(article)
        problems.extend(body_problems)
        assets |= body_assets
        if article.image and not article.image.is_remote:
            assets.add(article.image.src)
        summary = article.summary or plain_summary(body_html)
        rendered.append(replace(article, body_html=body_html, summary=summary))
    return rendered, problems, assets


def check_content(paths: Paths, settings: Settings) -> Result:
    """Validate everything, drafts and scheduled articles included; write nothing."""
    started = time.perf_counter()
    articles, problems = load_articles(paths.content, settings)
    urls = Urls(settings.base_url)
    articles, body_problems, _ = render_bodies(articles, settings, urls, paths.content)
    body_problems += _unpublished_links(articles, settings, urls, paths.content, body_problems)
    diagnostics = sorted(problems + body_problems, key=Diagnostic.sort_key)
    return Result(diagnostics, articles, seconds=time.perf_counter() - started)


def _unpublished_links(articles: list[Article], settings: Settings, urls: Urls, content_dir: Path,
                       known: list[Diagnostic]) -> list[Diagnostic]:
    """Links to drafts or scheduled articles from published ones: `build` would stop on them."""
    now = datetime.now().astimezone()
    published = [a for a in articles if Selection().includes(a, now)]
    if len(published) == len(articles):
        return []
    _, problems, _ = render_bodies(published, settings, urls, content_dir)
    hint = ("it links to a draft or a scheduled article, which build leaves out; publish that "
            "article first, or remove the link until then")
    return [replace(p, hint=hint) for p in problems if p not in set(known)]


def static_files(templates_dir: Path) -> Iterator[OutputFile]:
    """The theme's assets: templates/static/** -> static/**."""
    static = templates_dir / "static"
    if not static.is_dir():
        return
    for path in sorted(static.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield OutputFile("static/" + path.relative_to(static).as_posix(), path.read_bytes())


def media_files(content_dir: Path, assets: set[str]) -> Iterator[OutputFile]:
    for source in sorted(assets):
        yield OutputFile("media/" + source, (content_dir / source).read_bytes())


def render_site(site: Site, settings: Settings, paths: Paths, assets: set[str]) -> list[OutputFile]:
    urls = Urls(settings.base_url)
    pages = list(Renderer(settings, urls, paths.templates, site).all_pages())
    files = pages + list(FeedWriter(settings, urls, paths.content, site).all_files())
    files += [sitemap(pages, site, urls), robots(urls), nojekyll()]
    files += [cname(settings.cname)] if settings.cname else []
    files += list(static_files(paths.templates))
    files += list(media_files(paths.content, assets))
    return files


def build_site(paths: Paths, settings: Settings, selection: Selection) -> Result:
    """Check, then render and write the site; on any error nothing is written."""
    started = time.perf_counter()
    check_target(paths.output, paths.project, (paths.content, paths.templates))
    articles, problems = load_articles(paths.content, settings)
    now = selection.now or datetime.now().astimezone()
    published = [a for a in articles if selection.includes(a, now)]
    urls = Urls(settings.base_url)
    published, body_problems, assets = render_bodies(published, settings, urls, paths.content)
    result = Result(sorted(problems + body_problems, key=Diagnostic.sort_key), published)
    if not result.ok:
        return result
    site = build_index(published, settings.tz)
    files = render_site(site, settings, paths, assets)
    result.site = site
    result.files = len(files)
    result.stats = write_site(paths.output, files)
    result.seconds = time.perf_counter() - started
    return result
