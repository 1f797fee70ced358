"""The build and check commands: the pipeline (generator.pipeline) with the speed layer around it.

`build_site` first asks whether anything changed since the last build (the same stats of
every content file, the same settings, theme and newsdigest, the site untouched); if not,
it reports the last build's result and stops. Only when something changed does it import
generator.commands.rebuild, which runs the pipeline's stages with the build cache
(generator.speed.cache) reusing what earlier builds learnt and worker processes
(generator.speed.parallel, generator.speed.plan) spreading Markdown and pages over the
cores, then writes the site (generator.write.output) only when there is no error: so a
build with nothing to do, `--version` and the other commands never import Markdown, Jinja,
YAML, the feeds or the images. `check_content` runs the pipeline's check with the same
cache. Whatever is reused or spread, the bytes written are those of
`generator.pipeline.build`: a clean, serial build.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from generator.commands import ping
from generator.commands.progress import Progress, quiet
from generator.config import Settings
from generator.diagnostics import Diagnostic, UsageError, has_errors, warning
from generator.index.selection import HeldBack, Selection
from generator.load.files import input_files
from generator.render.root_files import root_paths
from generator.settings_file import Paths
from generator.speed import changes, fingerprint
from generator.speed.cache import DEFAULT_DIR, Store
from generator.speed.collector import few_collections, leave_to_the_system
from generator.speed.state import PageState, feed_record, page_state
from generator.write.output import WriteStats
from generator.write.search import indexer
from generator.write.target import check_target, recover, through_link

if TYPE_CHECKING:  # the pipeline's types: imported by generator.commands.rebuild when it runs
    from generator.index.site import Site
    from generator.model import Article
    from generator.speed.articles import ArticleCache
    from generator.speed.bodies import Bodies
    from generator.write import early, keep

__all__ = [
    "HeldBack",
    "Options",
    "Paths",
    "Result",
    "Selection",
    "Summary",
    "build_site",
    "check_content",
    "leave_to_the_system",  # for the command line, as its process ends (speed.collector)
]


def _cores() -> int:
    """The cores this process may run on (its CPU affinity on Linux, as a container sets it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Options:
    """How a build runs, not what it builds: the output is the same for every choice."""

    jobs: int = 0  # worker processes; 0: one per core; 1: everything in this process
    cache: bool = True  # reuse and update the build cache
    cache_dir: Path | None = None  # default: PROJECT/.newsdigest-cache
    progress: Progress = quiet

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else _cores()

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
    decoded: int = 0  # stored records whose tail was decoded (speed.records.LazyArticle)
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
    left_out: list[Article] = field(default_factory=list)  # those articles, when built
    templates_wrong: bool = False  # check: a template error, which stops a build (status 2)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def check_content(paths: Paths, settings: Settings, options: Options | None = None) -> Result:
    """Validate everything, drafts and scheduled articles included; write nothing.

    What earlier builds cached is reused, but nothing is written: not even the cache.
    """
    from generator.commands import rebuild  # the pipeline

    return rebuild.check(paths, settings, options or Options())


def _up_to_date(
    state: PageState, inputs: str, now: datetime, content: Path
) -> tuple[Summary, int, HeldBack, list[Diagnostic]] | None:
    """The summary of the last build when nothing it read has changed since: the same
    stats of every content file, and the same bytes in those written just before it; with
    the warnings it printed, printed again (a warning is not fixed by building twice)."""
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
        warned = [Diagnostic(**w) for w in record["warnings"]]
    except (TypeError, KeyError):  # a state from before warnings were kept: built again
        return None
    files = record.get("files")
    if not isinstance(files, int):
        return None
    return (
        replace(
            found, rendered_pages=0, bodies=0, cache_hits=found.articles, decoded=0, up_to_date=True
        ),
        files,
        held,
        warned,
    )


@dataclass(slots=True)
class Run:
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
    copying: keep.Copy | None = None  # a first build's copy of its site (generator.write.keep)
    # content/'s files' stats as `inputs` took them, and the moment before (changes.Stat)
    content_stats: tuple[int, dict[str, changes.Stat]] = (0, {})
    outside: str = ""  # digest of the files outside content/ that `inputs` read
    others: str = ""  # changes.others_digest: content/ but the articles' bytes, and `outside`

    @property
    def caching(self) -> bool:
        return self.options.cache_path(self.paths.project) is not None

    def finish_copy(self) -> None:
        """Wait for the copy of a first build's site and put it in place (or drop it)."""
        copying, self.copying = self.copying, None
        if copying is not None:
            copying.finish()

    @property
    def spare(self) -> Path | None:
        """The site replaced last time, kept in the cache to be reused as the staging folder."""
        return self.state.spare


def _cache_dir_problems(cache_dir: Path, paths: Paths) -> list[Diagnostic]:
    """Refuse a `--cache-dir` inside content/, templates/ or the output (an editor would
    commit it, or the site would publish it), or one holding them or the site's folder
    (`.`): UsageError, with what to do. One that cannot
    be written (a file, a folder the build may not write) is a warning: the site is built
    all the same, without the cache, so every story is converted again."""
    target = cache_dir.resolve()
    for place in (paths.content, paths.templates, paths.output):
        inside = place.resolve()
        if target == inside or inside in target.parents:
            raise UsageError(
                f"--cache-dir {cache_dir} is inside {place}, which would then hold "
                "the build's cache (a database and a copy of the site); choose a folder "
                "outside it, such as .newsdigest-cache (the default), or leave out --cache-dir"
            )
    for place in (paths.project, paths.content, paths.templates, paths.output):
        if target in place.resolve().parents or target == place.resolve():
            raise UsageError(  # `.`, `..`: the cache's files among the site's own (M15)
                f"--cache-dir {cache_dir} is or holds "
                f"{'the site' + chr(39) + 's folder' if place == paths.project else place}, so the"
                " build's cache (a database, "
                "a copy of the site, a CACHEDIR.TAG that backup tools skip the folder for) "
                "would be written among the site's own files; choose a folder of its own, "
                "such as .newsdigest-cache (the default), or leave out --cache-dir"
            )
    try:
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=target):
            pass
    except OSError as exc:
        why = "it is a file" if target.is_file() else (exc.strerror or str(exc)).lower()
        return [
            warning(
                f"--cache-dir {cache_dir}",
                0,
                f"the build cache cannot be kept there ({why}), so this build and the next "
                "convert every story again",
                "choose a folder you can write to, or leave out --cache-dir",
            )
        ]
    return []


def _start(paths: Paths, settings: Settings, selection: Selection, options: Options) -> Run:
    """Refuse a dangerous output folder, put back a site a killed build left, read the cache.
    An output folder given as a symbolic link is the folder it points to (`through_link`)."""
    paths = replace(paths, output=through_link(paths.output))
    check_target(paths.output, paths.project, (paths.content, paths.templates))
    # Put back a site left mid-swap and remove what killed builds left beside it, even when
    # this build stops on an error or finds the site up to date.
    recover(paths.output.absolute())
    search = indexer()
    state = page_state(
        options.cache_path(paths.project), paths, settings, selection, search is not None
    )
    caching = options.cache_path(paths.project) is not None
    moment, stats = changes.now_ns(), dict[str, changes.Stat]()
    tree, racy = changes.tree_digest(paths.content, moment, stats) if caching else ("", {})
    outside = (
        [
            *(p.read_bytes() for p in input_files(paths.project, settings.logo)),
            *_root_files(settings),
        ]
        if tree
        else []
    )
    return Run(
        paths,
        settings,
        selection,
        options,
        selection.now or datetime.now().astimezone(),
        search,
        state,
        fingerprint.of_bytes(tree.encode(), *outside) if tree else "",
        racy,
        feed_record(options.cache_path(paths.project), paths),
        content_stats=(moment, stats),
        outside=fingerprint.of_bytes(*outside) if tree else "",
    )


def _root_files(settings: Settings) -> Iterator[bytes]:
    """The name and bytes of each file of the project's static/ (render/root_files.py)."""
    for name, file in root_paths(settings.static_dir).items():
        regular = file.is_file() and not file.is_symlink()
        yield f"{name}\0".encode("utf-8", "surrogateescape") + (
            file.read_bytes() if regular else b""
        )


def _nothing_changed(run: Run, started: float) -> Result | None:
    """The last build's result when no input changed since it and its site is untouched."""
    found = _up_to_date(run.state, run.inputs, run.now, run.paths.content) if run.caching else None
    if found is None:
        return None
    summary, files, held, warned = found
    ping.write_changed(run.paths.output, [])
    return Result(
        warned,
        search=run.search is not None,
        summary=summary,
        files=files,
        stats=WriteStats(0, files),
        seconds=time.perf_counter() - started,
        held_back=held,
    )


def build_site(
    paths: Paths, settings: Settings, selection: Selection, options: Options | None = None
) -> Result:
    """Check, then render and write the site; on any error nothing is written.

    The stages of `generator.pipeline.build`, with the cache and the workers around them;
    none of them runs, nor is imported, when nothing changed since the last build.
    """
    started = time.perf_counter()
    options = options or Options()
    unkept = _cache_dir_problems(options.cache_dir, paths) if options.cache_dir else []
    result = _built(paths, settings, selection, options, started)
    result.diagnostics.extend(unkept)
    preview = selection.drafts or selection.future  # serve's, a preview's: not published
    if result.ok and result.stats is not None and result.summary is not None and not preview:
        from generator.commands.gone_pages import gone_pages

        stats, shown = result.stats, str(paths.output)
        gone = gone_pages(
            stats.old_names, stats.names, result.articles, settings, shown, result.left_out
        )
        result.diagnostics.extend(gone)
    return result


def _built(
    paths: Paths, settings: Settings, selection: Selection, options: Options, started: float
) -> Result:
    run = _start(paths, settings, selection, options)
    unchanged = _nothing_changed(run, started)
    if unchanged is not None:
        return unchanged
    try:
        with few_collections():
            from generator.commands import rebuild  # the pipeline: only when something changed

            return rebuild.rebuild(run, started)
    finally:
        run.finish_copy()  # even when the build stopped after publishing
        run.state.walk_done()  # the output's walk waited for, even when nothing used it
