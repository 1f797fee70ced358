"""The pipeline in one screen: load -> validate -> index -> render, serial and in memory.

    files -> Document -> Article (or Diagnostic) -> site-wide rules -> body HTML
          -> Site index -> pages, feeds, sitemap, assets -> [OutputFile(path, bytes)]

`build` returns every file of the site, or the diagnostics that stop it; `check` validates
everything, drafts and scheduled articles included. Nothing is written and nothing is
cached here. The build command (generator.commands.build) runs these same stages with the
build cache and worker processes (generator.speed) around them, passed in as a `Speed`,
and writes the files; what it writes is what `build` returns (tests/test_golden.py).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from generator.config import Settings, only
from generator.diagnostics import Diagnostic, error, has_errors, warning
from generator.index import topics
from generator.index.selection import HeldBack, Selection, far_ahead, held_back, updated_ahead
from generator.index.site import Site, build_index
from generator.load import author_pages, authors, bylines
from generator.load.collisions import clashes
from generator.load.content import find_articles, read_document
from generator.load.language_sections import section_warnings
from generator.load.placeholder import placeholder_in_file, placeholder_warning
from generator.load.validate import validate
from generator.model import Article, Image, OutputFile, with_values
from generator.render import images, site_links
from generator.render.redirects import alias_file
from generator.render.root_files import misplaced, root_paths, root_problems
from generator.render.site import render_site
from generator.render.site_links import unknown_links
from generator.render.summary import plain_summary
from generator.render.unread import Unread, body_renderer, stopped_links, unread_bodies
from generator.render.urls import Urls
from generator.render.words import page_environment, site_catalogs
from generator.settings_file import Paths as Paths  # where the site's parts are
from generator.web_address import cname_warnings, former_unused

# The settings each costly stage reads (a cache of its results is keyed on these alone).
READ_SETTINGS = (
    "timezone",
    "site_id",
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


def body_reads(settings: Settings) -> Settings:
    """The settings the Markdown step reads (BODY_SETTINGS), base_url without its host:
    bodies hold site paths, never the host, so `serve` (http://127.0.0.1:PORT/ and the
    same path) and `build` convert alike and share the cached bodies."""
    return replace(only(settings, BODY_SETTINGS), base_url="http://host" + settings.base_path)


Validated = tuple[Article | None, list[Diagnostic]]
Body = tuple[str, list[Diagnostic], set[str], dict[str, str | None], str]  # html, problems,
# assets, the article links it resolved (source -> URL or None, for the build cache) and the
# summary: the front matter's, or else the body's first paragraph (plain_summary)


@dataclass(slots=True)
class Built:
    """What the pipeline made: the problems, the published articles, the index and files."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    site: Site | None = None  # None when an error stopped the build
    files: list[OutputFile] = field(default_factory=list)
    held_back: HeldBack = HeldBack()  # what the selection leaves out
    templates_wrong: bool = False  # a template error (check): exit status 2, as a build's

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def build(paths: Paths, settings: Settings, selection: Selection, search: bool = False) -> Built:
    """Every file of the site, in memory; stops after validation on any error."""
    articles, problems = load(paths.content, settings, project=paths.project)
    now = selection.now or datetime.now().astimezone()
    published = [a for a in articles if selection.includes(a, now)]
    problems += far_ahead(articles, paths.content, now)
    problems += updated_ahead(published, paths.content, now, settings.tz)
    left_out = others(articles, published)
    published, body_problems, assets = convert(published, settings, paths.content, held=left_out)
    unread: list[Unread] = []
    body_problems += unread_bodies(articles, problems, settings, paths.content, unread, published)
    diagnostics = sorted(problems + body_problems, key=Diagnostic.sort_key)
    held = held_back(articles, selection, now)
    later = site_links.later_pages(
        published, left_out, settings, paths.templates, paths.content, assets, now
    )
    if has_errors(diagnostics):  # the body links to no page of the site, listed too
        diagnostics += stopped_links(
            published, published, settings, paths, assets, now, unread, later
        )
        return Built(sorted(diagnostics, key=Diagnostic.sort_key), published, held_back=held)
    site = build_index(published, settings.tz)
    files = render_site(site, settings, paths.templates, paths.content, assets, search, now)
    base_path = Urls(settings.base_url).base_path
    links = unknown_links(published, {f.path for f in files}, base_path, later=later)
    links += site_links.alias_clashes(published, _own_files(files, published))
    roots, counts = set(root_paths(settings.static_dir)), Counter(f.path for f in files)
    own = {path for path, count in counts.items() if count > 1 or path not in roots}
    links += root_problems(settings.static_dir, paths.content, own)  # PROJECT/static/'s
    if links:  # a body link to an address the site does not have
        diagnostics = sorted(diagnostics + links, key=Diagnostic.sort_key)
        return Built(diagnostics, published, held_back=held)
    return Built(diagnostics, published, site, files, held)


def _own_files(files: list[OutputFile], articles: list[Article]) -> set[str]:
    """The paths of `files` that are a page or file of the site's own, not only a redirect
    page (a path written twice is both)."""
    redirects = {alias_file(a) for article in articles for a in article.aliases}
    counts = Counter(f.path for f in files)
    return {path for path, count in counts.items() if count > 1 or path not in redirects}


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
    article, field_problems = validate(document, settings, content_dir)
    draft = article.draft if article is not None else document.front.get("draft") is True
    left = placeholder_warning(source, document.body, document.body_line, draft)
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
        out.append((html, problems, assets, links, article.summary or plain_summary(html)))
    return out


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


def load(
    content_dir: Path, settings: Settings, speed: Speed | None = None, project: Path | None = None
) -> tuple[list[Article], list[Diagnostic]]:
    """Read and validate every article; site-wide rules (topics, URLs, ids) included.

    With `project` (the site's folder), its author registry (authors.yaml) is read and
    checked too, and gives each article's bylines."""
    if not content_dir.is_dir():
        return [], [
            error(
                str(content_dir),
                0,
                "the content folder does not exist",
                "create it (or put it back), or pass --content DIR",
            )
        ]
    reads, speed = only(settings, READ_SETTINGS), speed or Serial()
    found, problems = speed.find(content_dir)
    articles: list[Article] = []
    for article, article_problems in speed.read_all(found, reads, content_dir):
        problems.extend(article_problems)
        if article is not None:
            articles.append(article)
    kept = speed.names(articles, settings.language)  # then no clash, as in the last build
    articles, names = topics.named(articles, content_dir, kept)
    speed.keep_names(names, settings.language)
    registry, registry_problems = (
        authors.load(project, content_dir, settings.max_image_size)
        if project is not None
        else (authors.EMPTY, [])
    )
    written = bylines.check_bylines(articles, registry)  # before apply: as typed
    articles, page_problems = author_pages.shared_pages(
        registry.apply(articles), registry, settings.language
    )
    page_problems += author_pages.unreadable_pages(articles, registry, settings.language)
    page_problems += section_warnings(articles, settings.language, content_dir)
    return articles, (
        problems
        + names.problems
        + (clashes(articles, content_dir, settings.language) if kept is None else [])
        + registry_problems
        + written
        + page_problems
        + (
            cname_warnings(project, content_dir, settings.cname, settings.base_url)
            if project
            else []
        )
        + (misplaced(project, content_dir) if project else [])  # for static/
    )


def _measured(image: Image | None, content_dir: Path, assets: set[str]) -> Image | None:
    """A local lead image, added to the files to publish, with the size in pixels of the
    file published at its own path (the widest variant, EXIF orientation applied)."""
    if image is None or image.is_remote:
        return image
    assets.add(image.src)
    if image.picture is not None:
        found = images.responsive(image.src, image.picture, str)
        return replace(image, width=found.width, height=found.height)
    size = images.pixel_size(content_dir / image.src)
    return replace(image, width=size[0], height=size[1]) if size else image


def convert(
    articles: list[Article],
    settings: Settings,
    content_dir: Path,
    speed: Speed | None = None,
    held: Sequence[Article] = (),
    linked: Sequence[Article] = (),
) -> tuple[list[Article], list[Diagnostic], set[str]]:
    """Every article with its body HTML and summary; the problems; the files it uses.

    Bodies may link to `articles` and `linked`; a link to one of `held` (the articles the
    build leaves out: drafts, scheduled ones) is an error that says so (LINKS_TO_HELD_BACK
    of index.selection)."""
    urls_by_source = ArticleUrls(Urls(settings.base_url), [*linked, *articles], held)
    reads = body_reads(settings)
    bodies = (speed or Serial()).convert_all(articles, urls_by_source, reads, content_dir)
    problems: list[Diagnostic] = []
    assets: set[str] = set()
    out: list[Article] = []
    for article, (html, body_problems, body_assets, _, summary) in zip(
        articles, bodies, strict=True
    ):
        problems.extend(body_problems)
        assets |= body_assets
        if not summary and not has_errors(body_problems):
            problems.append(
                warning(
                    article.source,
                    article.body_line,
                    "no summary: the story has no paragraph of text to take one from, so search "
                    "results, social previews and feeds show none (feeds show the title)",
                    "add 'summary: One or two sentences.' to the front matter",
                )
            )
        image = _measured(article.image, content_dir, assets)
        if html == article.body_html and summary == article.summary and image is article.image:
            out.append(article)  # as it is (a body kept out of memory: its HTML is '')
        else:
            out.append(with_values(article, body_html=html, summary=summary, image=image))
    return out, problems, assets


def others(articles: Sequence[Article], published: Sequence[Article]) -> list[Article]:
    """The `articles` a build leaves out: those not `published` (drafts, scheduled ones)."""
    sources = {article.source for article in published}
    return [article for article in articles if article.source not in sources]


def check(paths: Paths, settings: Settings, speed: Speed | None = None) -> Built:
    """Validate everything, drafts and scheduled articles included; every problem, sorted.

    The articles a default build publishes now are checked as that build checks them, with
    the same errors (a link to a draft or a scheduled article, or to a page only they make,
    included); the ones it leaves out as a build with them all would (`--drafts --future`).
    `held_back` is what a default build would leave out now.
    """
    articles, problems = load(paths.content, settings, speed, paths.project)
    now = datetime.now().astimezone()
    published = [a for a in articles if Selection().includes(a, now)]
    held = others(articles, published)
    published, body_problems, assets = convert(published, settings, paths.content, speed, held)
    held, held_problems, held_assets = convert(held, settings, paths.content, speed, (), published)
    by_source = {a.source: a for a in [*published, *held]}
    articles = [by_source[a.source] for a in articles]
    body_problems += held_problems
    unread: list[Unread] = []
    body_problems += unread_bodies(articles, problems, settings, paths.content, unread, published)
    catalogs = [  # the site's own gettext catalogs, which a build refuses
        error(os.path.relpath(os.path.abspath(path), paths.content), line, what, fix)
        for path, line, what, fix in site_catalogs(paths.templates)
    ]
    if not catalogs:  # the site's pages can be listed only with its words
        catalogs += _templates(settings, paths)
    if not catalogs:
        site = build_index(published, settings.tz)  # the default build's: made once
        files = (assets, held_assets)
        body_problems += _site_links(site, published, held, settings, paths, files, now, unread)
        catalogs += _pages(site, settings, paths)
    stopped = any(d.severity == "error" for d in catalogs)  # as a build: exit status 2
    body_problems += far_ahead(articles, paths.content, now)
    body_problems += updated_ahead(articles, paths.content, now, settings.tz)
    former = settings.former_base_url  # once no link needs it, the setting can go
    body_problems += former_unused(paths.project, paths.content, former, body_problems)
    diagnostics = sorted(problems + body_problems + catalogs, key=Diagnostic.sort_key)
    held_now = held_back(articles, Selection(), now)
    return Built(diagnostics, articles, held_back=held_now, templates_wrong=stopped)


def _templates(settings: Settings, paths: Paths) -> list[Diagnostic]:
    """The syntax errors of the site's templates and the theme's, which stop a build."""
    from generator.render.failures import template_syntax
    from generator.render.pages import Renderer, is_page_template
    from generator.render.theme import Theme

    empty = build_index([], settings.tz)
    renderer = Renderer(settings, Urls(settings.base_url), paths.templates, empty)
    env = page_environment(renderer.env, settings.language)
    names = env.list_templates(filter_func=is_page_template)
    return template_syntax(env, names, Theme(paths.templates).folders(), paths.content)


def _pages(site: Site, settings: Settings, paths: Paths) -> list[Diagnostic]:
    """What stops a build of today's site (`site`) while it makes its pages (a missing
    include, an undefined function): render/failures.py's `one_page_each`, in memory."""
    from generator.render.failures import one_page_each
    from generator.render.sections import SiteRenderer

    found = one_page_each(SiteRenderer(settings, Urls(settings.base_url), paths.templates, site))
    # named as an article is, from content/ (the command prints it as a build does)
    return [replace(d, path=os.path.relpath(os.path.abspath(d.path), paths.content)) for d in found]


def _site_links(
    site: Site,
    published: list[Article],
    held: list[Article],
    settings: Settings,
    paths: Paths,
    assets: tuple[set[str], set[str]],
    now: datetime,
    unread: list[Unread],
) -> list[Diagnostic]:
    """Body links to site paths that a default build (`site`, of `published`) would not
    publish, from its articles and `unread` ones (with `held`, the articles it leaves out,
    a build with them all would publish the page: the fix says so, as a build's does);
    from `held`, those that no build publishes; every alias that cannot be written.
    `assets`: the content files the published articles use, and those only the held-back
    ones use (a build knows only the first: a link to the second is said as a build says
    it)."""
    templates, content = paths.templates, paths.content
    mine, theirs = assets
    everything = build_index([*published, *held], settings.tz) if held else site
    own = site_links.pages(everything, settings, templates, content, mine | theirs, now)
    if not held:
        return site_links.problems(
            everything, published, own, settings, unread=unread, content=content
        )
    found = site_links.problems(everything, held, own, settings, content=content)  # and aliases
    later = own - {"media/" + path for path in theirs - mine}
    later |= {alias_file(a) for article in held for a in article.aliases}
    return found + site_links.problems(
        site,
        published,
        site_links.pages(site, settings, templates, content, mine, now),
        settings,
        aliases=False,
        unread=unread,
        later=lambda: later,
    )
