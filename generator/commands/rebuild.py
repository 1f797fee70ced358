"""The work of a build that found something changed, and of `check`: the pipeline's
`build` (generator.pipeline) run with `Cached`, its stages with the build cache and the
worker processes (generator.speed) around them, the site written (generator.write.output).

generator.commands.build imports this module only once it knows there is work to do, so a
build that finds nothing changed imports none of the pipeline (Markdown, Jinja, YAML,
feeds, images). What it writes is what `generator.pipeline.build` returns.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import time
from dataclasses import asdict, replace
from datetime import datetime
from functools import partial
from itertools import chain

from generator import pipeline
from generator.commands import ping
from generator.commands.build import Options, Result, Run, Summary
from generator.commands.schedule import next_change
from generator.config import Settings
from generator.diagnostics import Diagnostic
from generator.index.site import Site
from generator.model import Article, OutputFile
from generator.render import images, site_links
from generator.render.pages import compile_theme
from generator.render.sections import SiteRenderer
from generator.render.site import extra_files
from generator.render.urls import Urls
from generator.settings_file import Paths
from generator.speed import changes, fingerprint, names
from generator.speed.articles import ArticleCache, filled
from generator.speed.bodies import Bodies, without_markdown
from generator.speed.collector import collect_again, few_collections
from generator.speed.plan import Rendered, rendering, values
from generator.speed.stages import Fast, article_cache
from generator.speed.state import (
    after_writing,
    feed_digests,
    remember,
    search_step,
    storable,
    unchanged,
)
from generator.write import early, keep
from generator.write.output import WriteStats, prepare, write_site

SITEMAP = "sitemap.xml"
SITEMAP_PART = re.compile(r"sitemap-[1-9][0-9]*\.xml\Z")  # an index's parts (render.sitemap)
SAVE_AFTER = 50_000  # articles: from this many on, the article cache is saved after the render


def check(paths: Paths, settings: Settings, options: Options) -> Result:
    """Validate everything, drafts and scheduled articles included; write nothing.

    What earlier builds cached is reused, but nothing is written: not even the cache.
    """
    started = time.perf_counter()
    directory = options.cache_path(paths.project)
    cache = article_cache(directory, paths.content, settings, read_only=True)
    speed = Fast(cache, options.workers(), options.progress, markdown=True)  # check quotes it
    try:
        checked = pipeline.check(paths, settings, speed)
    finally:
        if cache is not None:
            cache.database.close()  # opened read-only (immutable): nothing in the folder changed
    return Result(
        checked.diagnostics,
        checked.articles,
        seconds=time.perf_counter() - started,
        held_back=checked.held_back,
        templates_wrong=checked.templates_wrong,
    )


def rebuild(run: Run, started: float) -> Result:
    """Check, then render and write the site; on any error nothing is written: the rest of
    `build_site` once `run` has found that something changed since the last build. The
    stages are the pipeline's (`pipeline.build`), run by `Cached`."""
    paths, settings, options = run.paths, run.settings, run.options
    cache_dir = options.cache_path(paths.project)
    images.use_cache(cache_dir / "images" if cache_dir is not None else None)
    if run.spare is not None:
        keep.remove_partial(run.spare)  # a copy a killed first build left half-made
    if run.spare is not None and not run.spare.is_dir():  # no kept site (else no wait)
        run.early = early.ahead(run.spare, paths.output, run.state.listing)
    run.cache = article_cache(cache_dir, paths.content, settings)
    if run.cache is not None:  # what `_unchanged` and `_remember` compare with the last build
        run.cache.bodies_ahead()  # the kept bodies' rows checked meanwhile, on the other core
        run.cache.stats_taken(*run.content_stats)
        run.others = changes.others_digest(run.content_stats[1], run.racy, run.outside)
    run.content_stats = (0, {})  # only loading reads them
    with Bodies(cache_dir) as run.bodies, few_collections():
        stages = Cached(run)
        try:
            selection = replace(run.selection, now=run.now)
            built = pipeline.build(paths, settings, selection, stages=stages)
        except BaseException:
            _discard(run, result=Result())
            raise
        result = Result(built.diagnostics, built.articles)
        site, done = built.site, stages.done
        if site is None or done is None:  # stopped by errors: nothing written
            return _discard(run, result)
        result.files, result.stats = stages.written
        feed_digests = _announce(run, done)
        result.site, result.search = site, run.search is not None
        result.held_back, result.left_out = built.held_back, built.left_out
        result.summary = _summary(site, done, run.cache)
        _remember(run, result, done, stages.articles, feed_digests, stages.assets)
        run.finish_copy()  # the kept site in place before the build ends
    result.seconds = time.perf_counter() - started
    return result


class Cached(pipeline.Stages):
    """The pipeline's stages with the speed layer around them: reading and Markdown
    through the build cache and worker processes (generator.speed.stages), the bodies out
    of memory (`run.bodies`), only the pages whose inputs changed rendered, while the site
    is written (generator.speed.plan, generator.write.output)."""

    def __init__(self, run: Run) -> None:
        super().__init__(run.paths, run.settings, run.search is not None)
        self.run = run
        self.speed = Fast(run.cache, run.options.workers(), run.options.progress)
        self.speed.reading = partial(compile_theme, run.settings, run.paths.templates)
        self.articles: list[Article] = []  # every article loaded, none with its Markdown
        self.assets: set[str] = set()
        self.done: Rendered | None = None
        self.written: tuple[int, WriteStats | None] = (0, None)  # files, what was written

    def load(self) -> tuple[list[Article], list[Diagnostic]]:
        run = self.run
        articles, problems = pipeline.load(
            run.paths.content, run.settings, self.speed, run.paths.project
        )
        gc.freeze()  # the articles live until the end (few_collections)
        if run.cache is not None and run.bodies is not None:
            run.cache.settle(articles)
            run.cache.spill(run.bodies)  # new records and bodies wait there to be saved
        return articles, problems

    def convert(
        self, published: list[Article], articles: list[Article]
    ) -> tuple[list[Article], list[Article], list[Diagnostic], set[str]]:
        """The bodies converted (`_bodies`), then no article holds its Markdown any longer."""
        published, problems, self.assets = _bodies(self.run, published, articles)
        published, self.articles = without_markdown(published, articles, self.run.cache)
        return published, self.articles, problems, self.assets

    def linking(self, published: list[Article]) -> list[Article]:
        bodies = self.run.bodies
        assert bodies is not None
        return filled(self.run.cache, bodies.linking(published))

    def render(
        self, site: Site, assets: set[str], now: datetime, later: site_links.Later
    ) -> list[Diagnostic]:
        """Plan the pages and feeds (made while they are written: `write`); the problems
        of the body links and aliases (`_site_links`)."""
        self.done, feeds = _render(self.run, site, self.speed.names_sum)
        collect_again()  # (few_collections) for the pages rendered and written
        return _site_links(self.run, site, self.done, feeds, assets, later)

    def write(self, site: Site, assets: set[str], now: datetime) -> list[OutputFile]:
        assert self.done is not None
        files, stats = _write(self.run, site, self.done, assets)
        self.written = (files, stats)
        return []  # written


def _site_links(
    run: Run,
    site: Site,
    done: Rendered,
    feeds: list[str],
    assets: set[str],
    later: site_links.Later,
) -> list[Diagnostic]:
    """The body links to paths the site does not publish, and the aliases that clash with
    its files (render.site_links); only the bodies of the articles that changed when the
    last build checked the others against the same paths (`_checked_before`)."""
    paths, bodies = run.paths, run.bodies
    assert bodies is not None

    def html_of(article: Article) -> str:  # a linked story's body, for its ids
        try:
            return article.body_html or bodies.html(article.source)
        except KeyError:
            return ""

    changed = _checked_before(run, done, feeds, assets)
    # A changed story that has or had ids (headings', footnotes') may no longer have the
    # one another story's unchanged link names (render/anchors.py): then every body's links
    # are checked, as a clean build checks them.
    if changed is not None and not any(
        'id="' in html_of(a) or bodies.had_ids(a.source)
        for a in site.articles
        if a.source in changed
    ):  # the same paths and places: only the changed bodies' links can be new
        linking = filled(run.cache, bodies.linking(a for a in site.articles if a.source in changed))
        if not linking:
            return []
    else:
        linking = filled(run.cache, bodies.linking(site.articles))
    planned = (done.planned.pages, feeds, linking, later, paths.content)
    whole = changed is None
    return site_links.built(site, run.settings, paths.templates, assets, *planned, whole, html_of)


def _checked_before(
    run: Run, done: Rendered, feeds: list[str], assets: set[str]
) -> set[str] | None:
    """The articles whose values changed since the last build, when that build checked
    every other body's links and every alias against the paths this build publishes: the
    pages were planned from its dependency index (the same articles, none placed
    elsewhere, so the same pages, aliases and article addresses; every other body the
    same HTML), the same feeds, the same files beside the articles in content/ and
    outside it (`others`: static/, authors.yaml and its portraits, the logo) and the same
    files the bodies and lead pictures publish. None: every body is checked."""
    index, record = done.planned.index, run.state.record("inputs")
    if index is None or index.differing is None or not isinstance(record, dict):
        return None
    if not run.others or record.get("others") != run.others:
        return None
    if record.get("assets") != _assets_sum(assets) or set(feeds) != set(index.feeds):
        return None
    return index.differing


def _assets_sum(assets: set[str]) -> str:
    """A digest of the files the bodies and lead pictures publish (their paths in content/)."""
    return fingerprint.of_bytes(*(a.encode("utf-8", "surrogateescape") for a in sorted(assets)))


def _bodies(
    run: Run, published: list[Article], articles: list[Article]
) -> tuple[list[Article], list[Diagnostic], set[str]]:
    """Markdown to HTML (a link to one of `articles` that is not `published` is an error
    that says so); meanwhile, without a kept site to reuse, make the pages' folders."""
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
    held = pipeline.others(articles, published)
    return pipeline.convert(published, run.settings, run.paths.content, speed, held)


def _unchanged(run: Run, names_sum: bytes | None) -> set[str] | None:
    """The articles whose digests (generator.speed.deps) are by construction those the last
    build saved, so that planning reuses them: when nothing in content/ but article files
    changed, nor the files outside it a build reads (the same `others`), and the last
    build's site-wide names were kept (`names_sum`, their checksum, is the one saved with
    the page state: the same article records), each article loaded from its unchanged
    file's record, with its kept body. None: none is (digests are made for every one)."""
    record, cache, bodies = run.state.record("inputs"), run.cache, run.bodies
    if cache is None or bodies is None or names_sum is None or not run.others:
        return None
    if not isinstance(record, dict) or record.get("others") != run.others:
        return None
    if record.get("names") != names_sum.hex():
        return None
    fresh, made, seen, files = cache.new_articles, bodies.made_here, cache.seen, cache.files
    return {
        source
        for source in bodies.digests
        if source not in made
        and source not in fresh
        and source in cache.unread
        and source in seen
        and source in files
        and seen[source][2] == files[source][2] != ""
    }


def _render(run: Run, site: Site, names_sum: bytes | None) -> tuple[Rendered, list[str]]:
    """Pages and feeds, except those whose inputs and file are those of the last build:
    made while they are written (generator.speed.plan.Rendered); and every feed's path.
    `names_sum`: the checksum of the site-wide names the build kept (`_unchanged`)."""
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
        _unchanged(run, names_sum),
    )
    return done, [feed.path for feed in feeds]


def _write(run: Run, site: Site, done: Rendered, assets: set[str]) -> tuple[int, WriteStats]:
    """Stage the files, run Pagefind, swap the new site in; (files, what was written)."""
    paths = run.paths
    # The page list and every article's placement are the last build's: so is the sitemap.
    kept_sitemap = done.planned.sitemap_kept and unchanged(run.state, SITEMAP)
    # Over 50,000 pages sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml...: kept too.
    kept = (
        [SITEMAP, *(p for p in run.state.written if SITEMAP_PART.match(p))] if kept_sitemap else []
    )
    done.keep.update(kept)
    pages = done.pages
    extra: list[OutputFile] = []  # made while the workers render the pages
    inputs = (pages, site, run.settings, paths.templates, paths.content, assets, run.now)
    done.meanwhile.append(lambda: extra.extend(extra_files(*inputs, not kept_sitemap)))
    if run.cache is not None and len(site.articles) < SAVE_AFTER:  # else `_remember` saves
        done.first.append(run.cache.save)  # the articles and bodies saved while they render
    files = chain(done.files, [OutputFile(p, b"") for p in kept], extra)
    run.prepared = run.early.wait() if run.early is not None else run.prepared
    first = not paths.output.exists()  # no site to keep: the copy is made after (`_keep`)
    html = {p.path for p in pages if p.path.endswith(".html")} if run.search is not None else set()
    finish = search_step(run.search, run.state, html, done.keep, paths.output)
    try:
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
            direct=done.direct,
        )
    except BaseException:
        _stop_workers(done)
        raise
    if first and stats.kept is None:
        stats = _keep(run, stats)
    return stats.written + stats.unchanged, stats  # Pagefind's files counted too


def _stop_workers(done: Rendered) -> None:
    """A build stopped while writing: its page workers (`Rendered.direct`) stopped first."""
    done.files.close()  # (closing the stream waits for them), then what they wrote removed
    if done.staging is not None:
        shutil.rmtree(done.staging, ignore_errors=True)


def _keep(run: Run, stats: WriteStats) -> WriteStats:
    """A first build: start copying the site just published, to be the next build's
    staging folder (generator.write.keep), and record it as the kept site. Not in CI
    (the CI variable set): there the site is not kept for a next build, and the copy
    would only be archived with the build cache."""
    spare, output = run.spare, run.paths.output
    if spare is None or os.environ.get("CI"):  # CI keeps no site; its cache is archived
        return stats
    run.copying = keep.start(output, spare, stats.names)
    return replace(stats, kept=keep.recorded(output)) if run.copying is not None else stats


def _summary(site: Site, done: Rendered, cache: ArticleCache | None) -> Summary:
    return Summary(
        articles=len(site.articles),
        pages=len(done.planned.pages),
        topics=len(site.topics),
        countries=len(site.countries),
        feeds=sum(f.path.endswith((".xml", ".json")) for f in done.feeds),
        rendered_pages=done.planned.rendering,
        bodies=len(site.articles) - (cache.body_hits if cache else 0),
        cache_hits=cache.body_hits if cache else 0,
        decoded=cache.shared.completed if cache else 0,
    )


def _announce(run: Run, done: Rendered) -> dict[str, str]:
    """List the feeds whose bytes changed since the last build, for `newsdigest ping`."""
    urls = Urls(run.settings.base_url)
    digests = feed_digests(
        done.feeds, done.keep, run.paths.output, run.feed_record.get("bytes"), done.digested
    )
    ping.write_changed(
        run.paths.output,
        [
            urls.absolute(urls.path(p))
            for p in ping.changed_paths(digests, run.feed_record.get("bytes"))
        ],
    )
    return digests


def _remember(
    run: Run,
    result: Result,
    done: Rendered,
    articles: list[Article],
    feed_digests: dict[str, str],
    assets: set[str],
) -> None:
    """Save what the next build may reuse: page fingerprints, the files (the articles and
    bodies were saved while the workers rendered: `_write`)."""
    if run.cache is None:
        return
    assert result.summary is not None and result.stats is not None
    assert result.site is not None
    if len(result.site.articles) >= SAVE_AFTER:  # (else saved as the pages were made: `_write`)
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
        "warnings": [asdict(d) for d in result.diagnostics],  # printed again when up to date
        "others": run.others,
        "names": names.new_sum(run.cache),
        "assets": _assets_sum(assets),
    }
    # A kept site whose differing files include a name the state cannot hold is not reused.
    kept = stats.kept if stats.kept is not None and all(map(storable, stats.kept.differs)) else None
    spare = kept.to_record() if kept is not None else None
    records = {"feeds": [f.path for f in done.feeds], "spare": spare, "inputs": inputs}
    planned = done.planned
    remember(run.state, planned.index, values(planned), done.digests, files, records, planned.pages)
    run.feed_record.put("bytes", feed_digests)
    run.feed_record.save()


def _discard(run: Run, result: Result) -> Result:
    """The result of a build stopped by an error: the staging folder made ahead goes."""
    early.drop(run.early, run.prepared, run.paths.output)
    if run.cache is not None:
        run.cache.bodies_ahead(start=False)  # (a check no longer needed: waited for)
    return result
