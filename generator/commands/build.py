"""The build and check commands: the pipeline (generator.pipeline) with the speed layer around it.

`build_site` runs the pipeline's stages with the build cache (generator.speed.cache)
reusing what earlier builds learnt and worker processes (generator.speed.parallel,
generator.speed.plan) spreading Markdown and pages over the cores, then writes the site
(generator.write.output) only when there is no error. `check_content` runs the pipeline's
check with the same cache. Whatever is reused or spread, the bytes written are those of
`generator.pipeline.build`: a clean, serial build.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from itertools import chain
from pathlib import Path

from generator import pipeline
from generator.commands import ping
from generator.commands.schedule import next_change
from generator.config import Settings
from generator.diagnostics import Diagnostic, has_errors
from generator.index.selection import HeldBack, Selection, far_ahead, held_back
from generator.index.site import Site, build_index
from generator.load import authors
from generator.model import Article, OutputFile
from generator.pipeline import Paths
from generator.render import images, site_links
from generator.render.sections import SiteRenderer
from generator.render.site import extra_files
from generator.render.urls import Urls
from generator.speed import changes, fingerprint, parallel
from generator.speed.articles import ArticleCache, filled
from generator.speed.bodies import Bodies, without_markdown
from generator.speed.cache import DEFAULT_DIR, Store
from generator.speed.plan import Rendered, rendering, values
from generator.speed.stages import Fast, Progress, article_cache, quiet
from generator.speed.state import (
    PageState,
    after_writing,
    feed_digests,
    feed_record,
    page_state,
    remember,
    search_step,
    unchanged,
)
from generator.write import early
from generator.write.output import WriteStats, prepare, write_site
from generator.write.search import indexer
from generator.write.target import check_target, recover

SITEMAP = "sitemap.xml"

__all__ = [
    "HeldBack",
    "Options",
    "Paths",
    "Result",
    "Selection",
    "Summary",
    "build_site",
    "check_content",
]


@dataclass(frozen=True, slots=True)
class Options:
    """How a build runs, not what it builds: the output is the same for every choice."""

    jobs: int = 0  # worker processes; 0: one per core; 1: everything in this process
    cache: bool = True  # reuse and update the build cache
    cache_dir: Path | None = None  # default: PROJECT/.newsdigest-cache
    progress: Progress = quiet

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


def check_content(paths: Paths, settings: Settings, options: Options | None = None) -> Result:
    """Validate everything, drafts and scheduled articles included; write nothing.

    What earlier builds cached is reused, but nothing is written: not even the cache.
    """
    started = time.perf_counter()
    options = options or Options()
    cache = article_cache(options.cache_path(paths.project), paths.content, settings)
    speed = Fast(cache, options.workers(), options.progress, markdown=True)  # check quotes it
    try:
        checked = pipeline.check(paths, settings, speed)
    finally:
        if cache is not None:
            cache.database.close()  # the WAL folded back: check leaves no file behind
    return Result(
        checked.diagnostics,
        checked.articles,
        seconds=time.perf_counter() - started,
        held_back=checked.held_back,
    )


def _up_to_date(
    state: PageState, inputs: str, now: datetime, content: Path
) -> tuple[Summary, int, HeldBack] | None:
    """The summary of the last build when nothing it read has changed since: the same
    stats of every content file, and the same bytes in those written just before it."""
    record = state.record("inputs")
    if not isinstance(record, dict) or not inputs or record.get("digest") != inputs:
        return None
    if not changes.same_contents(content, record.get("racy")):
        return None
    until, summary = record.get("until"), record.get("summary")
    if until is not None and (not isinstance(until, (int, float)) or now.timestamp() >= until):
        return None
    built_at = record.get("now")  # a clock put back (--now) may un-publish a story
    if not isinstance(built_at, (int, float)) or now.timestamp() < built_at:
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
    return (
        replace(found, rendered_pages=0, bodies=0, cache_hits=found.articles, up_to_date=True),
        files,
        held,
    )


@dataclass(slots=True)
class _Build:
    """One run of build_site: what it was asked, what it reuses, where it has got to."""

    paths: Paths
    settings: Settings
    selection: Selection
    options: Options
    now: datetime
    search: Callable[[Path], Iterable[str] | None] | None  # Pagefind; None without it
    state: PageState
    inputs: str  # digest of content/'s file stats and authors ('' without the cache)
    racy: dict[str, str]  # content digests of the files whose stat is not trusted yet
    feed_record: Store  # digests of the feeds last written here
    cache: ArticleCache | None = None
    prepared: set[str] | None = None  # the folders made in the staging folder ahead of writing
    bodies: Bodies | None = None  # the published articles' bodies, out of memory
    early: early.Early | None = None  # the child making them (generator.write.early)

    @property
    def caching(self) -> bool:
        return self.options.cache_path(self.paths.project) is not None

    @property
    def spare(self) -> Path | None:
        """The site replaced last time, kept in the cache to be reused as the staging folder."""
        return self.state.spare


def _start(paths: Paths, settings: Settings, selection: Selection, options: Options) -> _Build:
    """Refuse a dangerous output folder, put back a site a killed build left, read the cache."""
    check_target(paths.output, paths.project, (paths.content, paths.templates))
    # Put back a site left mid-swap and remove what killed builds left beside it, even when
    # this build stops on an error or finds the site up to date.
    recover(paths.output.absolute())
    search = indexer()
    state = page_state(
        options.cache_path(paths.project), paths, settings, selection, search is not None
    )
    caching = options.cache_path(paths.project) is not None
    tree, racy = changes.tree_digest(paths.content, changes.now_ns()) if caching else ("", {})
    return _Build(
        paths,
        settings,
        selection,
        options,
        selection.now or datetime.now().astimezone(),
        search,
        state,
        fingerprint.of_bytes(
            tree.encode(), *(p.read_bytes() for p in authors.input_files(paths.project))
        )
        if tree
        else "",
        racy,
        feed_record(options.cache_path(paths.project), paths),
    )


def _nothing_changed(run: _Build, started: float) -> Result | None:
    """The last build's result when no input changed since it and its site is untouched."""
    found = _up_to_date(run.state, run.inputs, run.now, run.paths.content) if run.caching else None
    if found is None:
        return None
    summary, files, held = found
    ping.write_changed(run.paths.output, [])
    return Result(
        search=run.search is not None,
        summary=summary,
        files=files,
        stats=WriteStats(0, files),
        seconds=time.perf_counter() - started,
        held_back=held,
    )


def _bodies(
    run: _Build, published: list[Article]
) -> tuple[list[Article], list[Diagnostic], set[str]]:
    """Markdown to HTML; meanwhile, without a kept site to reuse, make the pages' folders."""
    urls = Urls(run.settings.base_url)
    spare = run.spare

    def make_folders() -> None:
        if run.early is None and (spare is None or not spare.is_dir()):
            run.prepared = prepare(
                run.paths.output,
                (urls.output_path(urls.article(a)).rpartition("/")[0] for a in published),
            )

    workers, progress = run.options.workers(), run.options.progress
    speed = Fast(run.cache, workers, progress, make_folders, run.caching, run.bodies)
    return pipeline.convert(published, run.settings, run.paths.content, speed)


def _render(run: _Build, site: Site) -> tuple[Rendered, list[str]]:
    """Pages and feeds, except those whose inputs and file are those of the last build:
    made while they are written (generator.speed.plan.Rendered); and every feed's path."""
    settings, urls = run.settings, Urls(run.settings.base_url)
    bodies, search = run.bodies, run.search is not None
    assert bodies is not None
    renderer = SiteRenderer(settings, urls, run.paths.templates, site, search, bodies.filled)
    feeds = renderer.feed_plans(run.paths.content, run.now)
    bodies.flush()  # before the workers fork: they read the bodies back
    done = rendering(
        renderer,
        lambda: feeds,
        run.state,
        run.paths.content if run.caching else None,
        run.options.workers(),
        run.options.progress,
        run.cache.loaded if run.cache is not None else None,
        bodies.digests,
    )
    return done, [feed.path for feed in feeds]


def _write(run: _Build, site: Site, done: Rendered, assets: set[str]) -> tuple[int, WriteStats]:
    """Stage the files, run Pagefind, swap the new site in; (files, what was written)."""
    paths = run.paths
    # The page list and every article's placement are the last build's: so is the sitemap.
    kept_sitemap = done.planned.sitemap_kept and unchanged(run.state, SITEMAP)
    if kept_sitemap:
        done.keep.add(SITEMAP)
    pages = done.pages
    extra: list[OutputFile] = []  # made while the workers render the pages
    inputs = (pages, site, run.settings, paths.templates, paths.content, assets, run.now)
    done.meanwhile.append(lambda: extra.extend(extra_files(*inputs, not kept_sitemap)))
    files = chain(done.files, [OutputFile(SITEMAP, b"")] if kept_sitemap else [], extra)
    run.prepared = run.early.wait() if run.early is not None else run.prepared
    html = {p.path for p in pages if p.path.endswith(".html")}
    finish = search_step(run.search, run.state, html, done.keep, paths.output)
    stats = write_site(
        paths.output,
        files,
        finish=finish,
        keep=done.keep,
        spare=run.spare,
        prepared=run.prepared,
        kept=run.state.kept,
        listing=run.state.listing,
        cloned=run.early is not None,
    )
    return stats.written + stats.unchanged, stats  # Pagefind's files counted too


def _summary(site: Site, done: Rendered, cache: ArticleCache | None) -> Summary:
    return Summary(
        articles=len(site.articles),
        pages=len(done.planned.pages),
        topics=len(site.topics),
        countries=len(site.countries),
        feeds=sum(f.path.endswith((".xml", ".json")) for f in done.feeds),
        rendered_pages=len(done.planned.jobs),
        bodies=len(site.articles) - (cache.body_hits if cache else 0),
        cache_hits=cache.body_hits if cache else 0,
    )


def _announce(run: _Build, done: Rendered) -> dict[str, str]:
    """List the feeds whose bytes changed since the last build, for `newsdigest ping`."""
    urls = Urls(run.settings.base_url)
    digests = feed_digests(done.feeds, done.keep, run.paths.output, run.feed_record.get("bytes"))
    ping.write_changed(
        run.paths.output,
        [
            urls.absolute(urls.path(p))
            for p in ping.changed_paths(digests, run.feed_record.get("bytes"))
        ],
    )
    return digests


def _remember(
    run: _Build,
    result: Result,
    done: Rendered,
    articles: list[Article],
    feed_digests: dict[str, str],
) -> None:
    """Save what the next build may reuse: articles, bodies, page fingerprints, the files."""
    if run.cache is None:
        return
    assert result.summary is not None and result.stats is not None
    run.cache.save()
    stats = result.stats
    files = after_writing(run.state.now, stats.names, stats.fresh, run.paths.output)
    inputs = {
        "digest": run.inputs,
        "racy": run.racy,
        "summary": asdict(result.summary),
        "files": stats.written + stats.unchanged,
        "until": next_change(articles, run.selection, run.now, run.settings.tz),
        "now": run.now.timestamp(),
        "held_back": asdict(result.held_back),
    }
    spare = stats.kept.to_record() if stats.kept is not None else None
    records = {"feeds": [f.path for f in done.feeds], "spare": spare, "inputs": inputs}
    remember(run.state, done.planned.index, values(done.planned), done.digests, files, records)
    run.feed_record.put("bytes", feed_digests)
    run.feed_record.save()


def build_site(
    paths: Paths, settings: Settings, selection: Selection, options: Options | None = None
) -> Result:
    """Check, then render and write the site; on any error nothing is written.

    The stages of `generator.pipeline.build`, with the cache and the workers around them.
    """
    started = time.perf_counter()
    options = options or Options()
    run = _start(paths, settings, selection, options)
    cache_dir = options.cache_path(paths.project)
    images.use_cache(cache_dir / "images" if cache_dir is not None else None)
    unchanged = _nothing_changed(run, started)
    if unchanged is not None:
        return unchanged
    run.early = early.ahead(run.spare, paths.output, run.state.listing)
    run.cache = article_cache(options.cache_path(paths.project), paths.content, settings)
    with Bodies(cache_dir) as run.bodies:
        speed = Fast(run.cache, options.workers(), options.progress)
        articles, problems = pipeline.load(paths.content, settings, speed, paths.project)
        if run.cache is not None:
            run.cache.settle(articles)
            run.cache.spill(run.bodies)  # new records and bodies wait there to be saved
        published = [a for a in articles if selection.includes(a, run.now)]
        problems += far_ahead(articles, paths.content, run.now)
        try:
            published, body_problems, assets = _bodies(run, published)
            published, articles = without_markdown(published, articles, run.cache)
            result = Result(sorted(problems + body_problems, key=Diagnostic.sort_key), published)
            if not result.ok:
                return _discard(run, result)
            site = build_index(published, settings.tz)
            done, feed_paths = _render(run, site)
            pages = [f.path for f in done.pages]
            linking = filled(run.cache, run.bodies.linking(site.articles))
            result.diagnostics += site_links.built(
                site, settings, paths.templates, assets, pages, feed_paths, linking
            )
            if not result.ok:  # a body link to an address the site does not have
                return _discard(run, result)
            result.files, result.stats = _write(run, site, done, assets)
        except BaseException:
            _discard(run, result=Result())
            raise
        feed_digests = _announce(run, done)
        result.site, result.search = site, run.search is not None
        result.held_back = held_back(articles, selection, run.now)
        result.summary = _summary(site, done, run.cache)
        _remember(run, result, done, articles, feed_digests)
    result.seconds = time.perf_counter() - started
    return result


def _discard(run: _Build, result: Result) -> Result:
    """The result of a build stopped by an error: the staging folder made ahead goes."""
    early.drop(run.early, run.prepared, run.paths.output)
    return result
