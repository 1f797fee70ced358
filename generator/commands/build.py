"""The pipeline: load and validate -> model -> index -> render -> write.

`check_content` runs the first steps and reports every problem; `build_site` runs them
all and writes the site only when there is no error. Both reuse what the build cache
(generator.speed.cache) learnt in earlier builds and spread the costly steps, Markdown and
pages, over the cores (generator.speed.parallel, generator.speed.plan). Whatever is reused or
spread, the bytes written are those of a clean, serial build.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from generator.commands import ping
from generator.commands.new import placeholder_warning
from generator.config import Settings
from generator.diagnostics import Diagnostic, error, has_errors, warning
from generator.index import topics
from generator.index.site import Site, build_index
from generator.load.content import find_articles, read_document
from generator.load.validate import validate
from generator.model import Article, OutputFile
from generator.render.feeds import FeedWriter
from generator.render.markdown import BodyRenderer, plain_summary
from generator.render.pages import Renderer
from generator.render.sitemap import (
    cname,
    news_sitemap,
    news_window_ends,
    nojekyll,
    robots,
    sitemap,
)
from generator.render.theme import Theme
from generator.render.urls import Urls, article_path
from generator.speed import fingerprint, parallel
from generator.speed.cache import DEFAULT_DIR, ArticleCache, Store
from generator.speed.plan import PlanningRenderer, fingerprints
from generator.speed.plan import render as render_pages
from generator.write.output import WriteStats, check_target, discard, prepare, recover, write_site
from generator.write.search import BUNDLE, indexer

Progress = Callable[[str, int, int], None]  # (step, done, total)


def _quiet(step: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True, slots=True)
class Options:
    """How a build runs, not what it builds: the output is the same for every choice."""

    jobs: int = 0  # worker processes; 0: one per core; 1: everything in this process
    cache: bool = True  # reuse and update the build cache
    cache_dir: Path | None = None  # default: PROJECT/.newsdigest-cache
    progress: Progress = _quiet

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else parallel.cpu_count()

    def cache_path(self, project: Path) -> Path | None:
        if not self.cache:
            return None
        return self.cache_dir if self.cache_dir is not None else project / DEFAULT_DIR


@dataclass(frozen=True, slots=True)
class Summary:
    """What a finished build published, for the one-line report."""

    articles: int
    pages: int
    topics: int
    countries: int
    feeds: int
    rendered_pages: int  # the rest were unchanged and kept
    bodies: int  # article bodies converted from Markdown (the rest came from the cache)
    cache_hits: int  # articles whose validated data and body came from the cache
    up_to_date: bool = False  # nothing changed: the site was left as it was


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


@dataclass(frozen=True, slots=True)
class HeldBack:
    """What a build leaves out: scheduled articles (the first to come due named) and drafts.

    A draft dated in the future counts as a draft. `next_date` is ISO 8601 ('' when none).
    """

    scheduled: int = 0
    drafts: int = 0
    next_date: str = ""
    next_source: str = ""  # its path relative to content/

    @property
    def anything(self) -> bool:
        return bool(self.scheduled or self.drafts)


def held_back(articles: Iterable[Article], selection: Selection, now: datetime) -> HeldBack:
    """Which valid articles `selection` leaves out at `now`, counted."""
    drafts = scheduled = 0
    first: Article | None = None
    for article in articles:
        if selection.includes(article, now):
            continue
        if article.draft and not selection.drafts:
            drafts += 1
            continue
        scheduled += 1
        if first is None or (article.date, article.source) < (first.date, first.source):
            first = article
    if first is None:
        return HeldBack(scheduled, drafts)
    return HeldBack(scheduled, drafts, first.date.isoformat(), first.source)


FAR_AHEAD = timedelta(days=366)


def far_ahead(articles: Iterable[Article], content_dir: Path, now: datetime) -> list[Diagnostic]:
    """A warning on the `date:` line of every article dated more than a year ahead.

    A typed 2062 for 2026 would hide a story for decades without a word.
    """
    found = []
    for article in articles:
        if article.date - now <= FAR_AHEAD:
            continue
        found.append(warning(
            article.source, _field_line(content_dir / article.source, "date"),
            f"date {article.date.date().isoformat()} is more than a year ahead: the article "
            "is held back until then",
            "check the year; a story scheduled so far ahead is usually a typing mistake"))
    return found


def _field_line(path: Path, key: str) -> int:
    """The line of `key:` in the file's front matter (1 when it cannot be found)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == "---":
            break
        if line.startswith(key) and line[len(key):].lstrip().startswith(":"):
            return number
    return 1


@dataclass(slots=True)
class Result:
    """What a check or build found and did."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    site: Site | None = None  # None when the site was up to date and not rebuilt
    files: int = 0
    stats: WriteStats | None = None
    seconds: float = 0.0
    search: bool = False  # whether Pagefind indexed the site
    summary: Summary | None = None
    held_back: HeldBack = HeldBack()  # what a build leaves out (for check: a default build)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


@dataclass(frozen=True, slots=True)
class _LoadWork:
    """What a worker needs to read and validate files; inherited by fork."""

    files: Sequence[tuple[Path, str]]
    settings: Settings
    content_dir: Path


def _validate_chunk(work: _LoadWork, chunk: Sequence[int]
                    ) -> list[tuple[Article | None, list[Diagnostic]]]:
    out: list[tuple[Article | None, list[Diagnostic]]] = []
    for i in chunk:
        path, source = work.files[i]
        document, problems = read_document(path, source, work.settings.max_file_size)
        if document is None:
            out.append((None, problems))
            continue
        article, field_problems = validate(document, work.settings, work.content_dir)
        left = placeholder_warning(article) if article is not None else None
        out.append((article, problems + field_problems + ([left] if left else [])))
    return out


def _cached(cache: ArticleCache | None, path: Path, source: str, limit: int
            ) -> tuple[Article, list[Diagnostic]] | None:
    if cache is None:
        return None
    try:
        if path.stat().st_size > limit:
            return None
        raw = path.read_bytes()
    except OSError:
        return None
    return cache.article(source, raw)


def load_articles(
    content_dir: Path,
    settings: Settings,
    cache: ArticleCache | None = None,
    workers: int = 1,
    progress: Progress = _quiet,
) -> tuple[list[Article], list[Diagnostic]]:
    """Read and validate every article; site-wide rules (topics, URLs, ids) included."""
    problems: list[Diagnostic] = []
    if not content_dir.is_dir():
        return [], [error(str(content_dir), 0, "content directory does not exist",
                          "create it, or pass --content DIR")]
    found, walk_problems = find_articles(content_dir)
    problems.extend(walk_problems)
    checked: list[tuple[Article | None, list[Diagnostic]] | None] = [
        _cached(cache, path, source, settings.max_file_size) for path, source in found
    ]
    misses = [i for i, item in enumerate(checked) if item is None]
    hits = len(found) - len(misses)
    work = _LoadWork([found[i] for i in misses], settings, content_dir)
    fresh, _ = parallel.run(_validate_chunk, work, len(misses), workers,
                            lambda done: progress("reading", hits + done, len(found)))
    for i, (article, article_problems) in zip(misses, fresh, strict=True):
        checked[i] = (article, article_problems)
        if cache is not None and article is not None:
            cache.remember_article(article, article_problems)
    articles: list[Article] = []
    for item in checked:
        assert item is not None
        problems.extend(item[1])
        if item[0] is not None:
            articles.append(item[0])
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
    return "/" + article_path(article.day, article.slug)


def _guid_key(article: Article) -> str:
    return article.guid


@dataclass(frozen=True, slots=True)
class _BodyWork:
    """What a worker needs to convert bodies: the articles and every article's URL."""

    articles: Sequence[Article]
    urls_by_source: dict[str, str]
    settings: Settings
    content_dir: Path


Body = tuple[str, list[Diagnostic], set[str], dict[str, str | None]]


def _body_chunk(work: _BodyWork, chunk: Sequence[int]) -> list[Body]:
    links: dict[str, str | None] = {}

    def article_url(source: str) -> str | None:
        links[source] = work.urls_by_source.get(source)
        return links[source]

    urls = Urls(work.settings.base_url)
    renderer = BodyRenderer(work.content_dir, article_url, urls.media, work.settings.trusted_html,
                            urls.base_path)
    out: list[Body] = []
    for i in chunk:
        links = {}
        html, problems, assets = renderer.render(work.articles[i])
        out.append((html, problems, assets, links))
    return out


def render_bodies(
    articles: list[Article],
    settings: Settings,
    urls: Urls,
    content_dir: Path,
    cache: ArticleCache | None = None,
    workers: int = 1,
    progress: Progress = _quiet,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[list[Article], list[Diagnostic], set[str]]:
    """Markdown -> safe HTML for every article (cached or converted); derive missing summaries.

    `meanwhile` runs in this process while the workers convert.
    """
    urls_by_source = {a.source: urls.article(a) for a in articles}
    bodies: list[tuple[str, set[str]] | None] = [
        cache.body(a, urls_by_source.get) if cache else None for a in articles
    ]
    todo = [i for i, body in enumerate(bodies) if body is None]
    work = _BodyWork([articles[i] for i in todo], urls_by_source, settings, content_dir)
    hits = len(articles) - len(todo)
    fresh, _ = parallel.run(_body_chunk, work, len(todo), workers,
                            lambda done: progress("Markdown", hits + done, len(articles)),
                            meanwhile)
    problems: list[Diagnostic] = []
    for i, (html, body_problems, body_assets, links) in zip(todo, fresh, strict=True):
        bodies[i] = (html, body_assets)
        problems.extend(body_problems)
        if cache is not None and not body_problems:
            cache.remember_body(articles[i], html, links, body_assets)
    assets: set[str] = set()
    rendered: list[Article] = []
    for article, body in zip(articles, bodies, strict=True):
        assert body is not None
        body_html, body_assets = body
        assets |= body_assets
        if article.image and not article.image.is_remote:
            assets.add(article.image.src)
        summary = article.summary or plain_summary(body_html)
        rendered.append(replace(article, body_html=body_html, summary=summary))
    return rendered, problems, assets


def _article_cache(project: Path, content: Path, settings: Settings,
                   options: Options) -> ArticleCache | None:
    directory = options.cache_path(project)
    if directory is None:
        return None
    environment = fingerprint.of_bytes(
        fingerprint.code_version().encode(), repr(settings).encode(),
        str(content.resolve()).encode())
    return ArticleCache(Store(directory, "articles.json", environment, shards=16), content)


def check_content(paths: Paths, settings: Settings, options: Options | None = None) -> Result:
    """Validate everything, drafts and scheduled articles included; write nothing.

    What earlier builds cached is reused, but nothing is written: not even the cache.
    """
    started = time.perf_counter()
    options = options or Options()
    cache = _article_cache(paths.project, paths.content, settings, options)
    workers = options.workers()
    articles, problems = load_articles(paths.content, settings, cache, workers, options.progress)
    urls = Urls(settings.base_url)
    articles, body_problems, _ = render_bodies(articles, settings, urls, paths.content, cache,
                                               workers, options.progress)
    body_problems += _unpublished_links(articles, settings, urls, paths.content, body_problems,
                                        cache, workers)
    now = datetime.now().astimezone()
    body_problems += far_ahead(articles, paths.content, now)
    diagnostics = sorted(problems + body_problems, key=Diagnostic.sort_key)
    # The cache is read, never saved: a check leaves the project byte for byte as it was.
    return Result(diagnostics, articles, seconds=time.perf_counter() - started,
                  held_back=held_back(articles, Selection(), now))


def _unpublished_links(articles: list[Article], settings: Settings, urls: Urls, content_dir: Path,
                       known: list[Diagnostic], cache: ArticleCache | None = None,
                       workers: int = 1) -> list[Diagnostic]:
    """Links to drafts or scheduled articles from published ones: `build` would stop on them.

    Bodies whose links do not change when the unpublished articles are left out come from
    the cache that the full check just filled; only the others are converted again.
    """
    now = datetime.now().astimezone()
    published = [a for a in articles if Selection().includes(a, now)]
    if len(published) == len(articles):
        return []
    _, problems, _ = render_bodies(published, settings, urls, content_dir, cache, workers)
    hint = ("it links to a draft or a scheduled article, which build leaves out; publish that "
            "article first, or remove the link until then")
    seen = set(known)
    return [replace(p, hint=hint) for p in problems if p not in seen]


def static_files(templates_dir: Path) -> Iterator[OutputFile]:
    """The theme's assets -> static/**: the packaged theme's, each replaced by the site's
    file of the same name under `templates_dir`/static/."""
    for name, path in Theme(templates_dir).static_files():
        yield OutputFile("static/" + name, path.read_bytes())


def media_files(content_dir: Path, assets: set[str]) -> Iterator[OutputFile]:
    for source in sorted(assets):
        yield OutputFile("media/" + source, (content_dir / source).read_bytes())


def render_site(site: Site, settings: Settings, paths: Paths, assets: set[str],
                search: bool = False, now: datetime | None = None) -> list[OutputFile]:
    """Every file of the site, every page rendered: the reference for the faster path.

    `now` is the build's clock (default: the computer's), which decides what is recent.
    """
    now = now or datetime.now().astimezone()
    urls = Urls(settings.base_url)
    pages = list(Renderer(settings, urls, paths.templates, site, search).all_pages())
    files = pages + list(FeedWriter(settings, urls, paths.content, site).all_files())
    return files + _extra_files(pages, site, settings, paths, assets, now)


def _extra_files(pages: list[OutputFile], site: Site, settings: Settings, paths: Paths,
                 assets: set[str], now: datetime) -> list[OutputFile]:
    urls = Urls(settings.base_url)
    files = [sitemap(pages, site, urls),
             news_sitemap(site, urls, settings.publisher_name, settings.language, now),
             robots(urls), nojekyll()]
    files += [cname(settings.cname)] if settings.cname else []
    files += list(static_files(paths.templates))
    files += list(media_files(paths.content, assets))
    return files


def snapshot(directory: Path) -> dict[str, list[int]]:
    """Size, modification time and inode of every regular file under `directory`."""
    found: dict[str, list[int]] = {}

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, prefix + entry.name + "/")
                elif entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    found[prefix + entry.name] = [st.st_size, st.st_mtime_ns, st.st_ino]

    try:
        walk(str(directory), "")
    except OSError:
        return {}
    return found


@dataclass(slots=True)
class _PageState:
    """The per-output part of the cache: page fingerprints and the files as written."""

    store: Store
    pages: dict[str, str]
    written: dict[str, list[int]]  # the output as the last build left it
    now: dict[str, list[int]]  # the output as it is


def _page_state(paths: Paths, settings: Settings, selection: Selection, search: bool,
                options: Options) -> _PageState:
    directory = options.cache_path(paths.project)
    output = str(paths.output.resolve())
    environment = fingerprint.of_bytes(
        fingerprint.code_version().encode(), repr(settings).encode(),
        repr((selection.drafts, selection.future, search)).encode(),
        Theme(paths.templates).fingerprint().encode(), output.encode(),
        str(paths.content.resolve()).encode())
    store = Store(directory, f"output-{fingerprint.of_bytes(output.encode())[:16]}.json",
                  environment)
    pages, written = store.get("pages"), store.get("files")
    if not isinstance(pages, dict) or not isinstance(written, dict):
        pages, written = {}, {}
    return _PageState(store, pages, written, snapshot(paths.output) if written else {})


def _unchanged(state: _PageState, path: str) -> bool:
    before = state.written.get(path)
    return before is not None and state.now.get(path) == before


def _up_to_date(state: _PageState, inputs: str, now: datetime
                ) -> tuple[Summary, int, HeldBack] | None:
    """The summary of the last build when nothing it read has changed since."""
    record = state.store.get("inputs")
    if not isinstance(record, dict) or record.get("digest") != inputs:
        return None
    until, summary = record.get("until"), record.get("summary")
    if until is not None and (not isinstance(until, (int, float)) or now.timestamp() >= until):
        return None
    if not state.written or state.now != state.written or not isinstance(summary, dict):
        return None
    try:
        found = Summary(**summary)
        held = HeldBack(**record.get("held_back", {}))
    except TypeError:
        return None
    files = record.get("files")
    if not isinstance(files, int):
        return None
    return replace(found, rendered_pages=0, bodies=0, cache_hits=found.articles,
                   up_to_date=True), files, held


def _next_publication(articles: list[Article], selection: Selection,
                      now: datetime) -> float | None:
    """When a scheduled article comes due and the site must change (None: never)."""
    due = [a.date.timestamp() for a in articles
           if not selection.includes(a, now) and (selection.drafts or not a.draft)]
    return min(due, default=None)


def _next_change(articles: list[Article], selection: Selection, now: datetime) -> float | None:
    """When the site must be built again although no file changed: a scheduled article
    comes due, or a story leaves the 48 hours of the news sitemap (None: never)."""
    published = [a for a in articles if selection.includes(a, now)]
    times = [t for t in (_next_publication(articles, selection, now),
                         news_window_ends(published, now)) if t is not None]
    return min(times, default=None)


def _search_step(index: Callable[[Path], Iterable[str] | None] | None, state: _PageState,
                 html_paths: set[str], keep: set[str], output: Path
                 ) -> Callable[[Path], Iterable[str]] | None:
    """Pagefind, or a link to the last build's index when no page it reads has changed."""
    if index is None:
        return None
    old_html = {p for p in state.written if p.endswith(".html")}
    bundle = [p for p in state.written if p.startswith(BUNDLE + "/")]
    reusable = (bundle and old_html == html_paths and html_paths <= keep
                and all(_unchanged(state, p) for p in bundle))

    def finish(staging: Path) -> Iterable[str]:
        if not reusable:
            return index(staging) or []
        for relative in bundle:
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(output / relative, target)
        return bundle

    return finish


def _feed_record(paths: Paths, options: Options) -> Store:
    """The digests of the feeds the last build wrote to this output folder: kept apart from
    the page cache, so a new newsdigest version or theme does not make every feed new."""
    output = str(paths.output.resolve()).encode()
    return Store(options.cache_path(paths.project),
                 f"feeds-{fingerprint.of_bytes(output)[:16]}.json", "newsdigest-feed-bytes-1")


def _feed_digests(feed_files: list[OutputFile], kept: set[str], output: Path,
                  before: object) -> dict[str, str]:
    """SHA-256 of each feed's bytes (RSS, Atom, JSON Feed; not OPML) as written now."""
    old = before if isinstance(before, dict) else {}
    digests = {}
    for feed in feed_files:
        if not feed.path.endswith((".xml", ".json")):
            continue
        if feed.path in kept:  # not regenerated: the bytes are those already in the output
            known = old.get(feed.path)
            digests[feed.path] = (known if isinstance(known, str)
                                  else ping.digest((output / feed.path).read_bytes()))
        else:
            digests[feed.path] = ping.digest(feed.data)
    return digests


class _Stop(Exception):
    """The articles have errors: nothing is written."""


def _fingerprint(reader: fingerprint.Fingerprinter, value: object) -> str | None:
    try:
        return reader.of(value)
    except fingerprint.Unhashable:
        return None


def build_site(paths: Paths, settings: Settings, selection: Selection,
               options: Options | None = None) -> Result:
    """Check, then render and write the site; on any error nothing is written."""
    started = time.perf_counter()
    options = options or Options()
    progress, workers = options.progress, options.workers()
    check_target(paths.output, paths.project, (paths.content, paths.templates))
    # Put back a site left mid-swap and remove what killed builds left beside it, even when
    # this build stops on an error or finds the site up to date.
    recover(paths.output.absolute())
    now = selection.now or datetime.now().astimezone()
    index_search = indexer()  # None without the search extra
    caching = options.cache_path(paths.project) is not None
    state = _page_state(paths, settings, selection, index_search is not None, options)
    inputs = fingerprint.of_tree(paths.content) if caching else ""
    up_to_date = _up_to_date(state, inputs, now) if caching else None
    if up_to_date is not None:
        summary, files, held = up_to_date
        ping.write_changed(paths.output, [])
        return Result(search=index_search is not None, summary=summary, files=files,
                      stats=WriteStats(0, files), seconds=time.perf_counter() - started,
                      held_back=held)

    cache = _article_cache(paths.project, paths.content, settings, options)
    feed_record = _feed_record(paths, options)
    articles, problems = load_articles(paths.content, settings, cache, workers, progress)
    published = [a for a in articles if selection.includes(a, now)]
    problems += far_ahead(articles, paths.content, now)
    urls = Urls(settings.base_url)
    spare = state.store.path.with_suffix(".site") if state.store.path else None
    prepared: list[bool] = []

    def make_folders() -> None:
        """Without a kept site to reuse, make the article pages' folders during Markdown."""
        if spare is None or not spare.is_dir():
            prepared.append(prepare(paths.output, (
                urls.output_path(urls.article(a)).rpartition("/")[0] for a in published)))

    published, body_problems, assets = render_bodies(published, settings, urls, paths.content,
                                                     cache, workers, progress, make_folders)
    try:
        result = Result(sorted(problems + body_problems, key=Diagnostic.sort_key), published)
        if not result.ok:
            raise _Stop
        site = build_index(published, settings.tz)
        renderer = PlanningRenderer(settings, urls, paths.templates, site, index_search is not None)
        jobs = renderer.plan()
        reader = fingerprint.Fingerprinter()  # shared: each article is read once
        prints = fingerprints(jobs, reader) if caching else [None] * len(jobs)
        keep = {job.path for job, print_ in zip(jobs, prints, strict=True)
                if print_ is not None and state.pages.get(job.path) == print_
                and _unchanged(state, job.path)}
        todo = [i for i, job in enumerate(jobs) if job.path not in keep]

        feed_prints: dict[str, str] = {}

        def feeds() -> list[OutputFile]:
            """Every feed; one whose inputs are those of the last build is kept, not generated."""
            out = []
            for feed in FeedWriter(settings, urls, paths.content, site).plan():
                print_ = _fingerprint(reader, feed.inputs) if caching else None
                if print_ is not None:
                    feed_prints[feed.path] = print_
                    if state.pages.get(feed.path) == print_ and _unchanged(state, feed.path):
                        keep.add(feed.path)
                        out.append(OutputFile(feed.path, b""))
                        continue
                out.append(feed.make())
            return out

        rendered, feed_files = render_pages(
            renderer, jobs, todo, workers,
            lambda done: progress("pages", len(keep) + done, len(jobs)), feeds)
        pages = [OutputFile(job.path, rendered.get(i, b"")) for i, job in enumerate(jobs)]
        files = pages + feed_files + _extra_files(pages, site, settings, paths, assets, now)
        html = {p.path for p in pages if p.path.endswith(".html")}
        finish = _search_step(index_search, state, html, keep, paths.output)
        progress("writing", 0, len(files))
        result.stats = write_site(paths.output, files, finish=finish, keep=keep, spare=spare,
                                  prepared=any(prepared))
    except BaseException as stop:
        if any(prepared) and result.stats is None:
            discard(paths.output)
        if isinstance(stop, _Stop):
            return result
        raise
    feed_digests = _feed_digests(feed_files, keep, paths.output, feed_record.get("bytes"))
    ping.write_changed(paths.output, [
        urls.absolute(urls.path(p))
        for p in ping.changed_paths(feed_digests, feed_record.get("bytes"))])
    result.site = site
    result.held_back = held_back(articles, selection, now)
    result.files = len(files)
    result.search = index_search is not None
    body_hits = cache.body_hits if cache else 0
    result.summary = Summary(
        articles=len(site.articles), pages=len(pages), topics=len(site.topics),
        countries=len(site.countries),
        feeds=sum(f.path.endswith((".xml", ".json")) for f in feed_files),
        rendered_pages=len(todo), bodies=len(published) - body_hits, cache_hits=body_hits)
    if cache is not None:
        cache.save()
        state.store.put("pages", {**{job.path: p for job, p in zip(jobs, prints, strict=True)
                                     if p is not None}, **feed_prints})
        state.store.put("files", snapshot(paths.output))
        state.store.put("inputs", {"digest": inputs, "summary": asdict(result.summary),
                                   "files": result.stats.written + result.stats.unchanged,
                                   "until": _next_change(articles, selection, now),
                                   "held_back": asdict(result.held_back)})
        state.store.save()
        feed_record.put("bytes", feed_digests)
        feed_record.save()
    result.seconds = time.perf_counter() - started
    return result
