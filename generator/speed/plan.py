"""Render only the pages and feeds whose inputs changed, spread over the cores.

The theme's Renderers (one per language, generator.render.sections) list every page as a
PageSpec (template, path and the values given to the template) without rendering it, by
family (an article's page, a term's list...).
Two ways to decide what to render:

- **From the dependency index** (generator.speed.deps), when the last build's index says
  which pages and feeds read the articles that changed and no article was added, removed
  or moved: only their families are planned, only those pages rendered, only those feeds
  generated; every other file is kept without being planned or fingerprinted.
- **By fingerprint**, otherwise: every page is planned and its values fingerprinted; a
  page whose fingerprint matches the last build's is kept. This also records the index.

Either way a kept page's file must be untouched in the output since the last build (else
it is made again), and the pages are rendered by the worker processes, which inherit the
specs, with the Renderer's one `render`: the bytes are those of rendering every page.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from generator.model import Article, KeptFiles, OutputFile, WrittenFile
from generator.render.feeds.files import PlannedFeed
from generator.render.pages import ArticlePage, Family, PageSpec
from generator.render.sections import SiteRenderer
from generator.speed import deps, fingerprint, parallel
from generator.speed.deps import Plan, Recorder
from generator.speed.pagerows import Row
from generator.speed.state import PageState, unchanged
from generator.speed.store import dumps
from generator.write.output import page_writer


@dataclass(slots=True)
class Planned:
    """What a build renders and keeps, and the index and fingerprints it leaves."""

    pages: list[str]  # every page's output path, in the site's order
    jobs: list[PageSpec]  # the pages to render
    keep: set[str] = field(default_factory=set)  # pages and feeds kept as they are
    prints: dict[str, str] = field(default_factory=dict)  # path -> fingerprint
    families: dict[str, Family] = field(default_factory=dict)  # page path -> family
    # path -> the sources of the articles it reads, sorted (the site's own strings: a tuple
    # of them is a sixth of a frozenset's size, 170,000 pages at 100,000 articles)
    reads: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sitemap_kept: bool = False  # no page added or removed, no article placed elsewhere
    recorder: Recorder = field(default_factory=Recorder)
    index: Plan | None = None  # the last build's index, when the plan came from it
    # When every page is rendered: each family's pages (how to make them, how many), made
    # again by the workers as they render them (and fingerprinted there, `fingerprint`),
    # after `jobs`; the specs are never all held at once.
    streamed: list[tuple[Callable[[], Iterator[PageSpec]], int]] = field(default_factory=list)
    fingerprint: bool = False

    @property
    def rendering(self) -> int:
        """How many pages this build renders."""
        return len(self.jobs) + sum(count for _, count in self.streamed)

    def recorded(self, path: str, print_: str | None, read: frozenset[str]) -> None:
        """A page's fingerprint and the articles it reads, as a worker found them; each
        source is the site's own string (not the worker's copy of it)."""
        self.reads[path] = tuple(sorted(self.recorder.source(s) for s in read))
        if print_ is not None:
            self.prints[path] = print_

    def record(self, path: str, value: Any) -> str | None:
        """Fingerprint a page's or feed's values; note the articles it reads."""
        print_, read = self.recorder.reads(value)
        self.reads[path] = tuple(sorted(read))
        if print_ is None:
            self.prints.pop(path, None)
        else:
            self.prints[path] = print_
        return print_


def plan_all(
    renderer: SiteRenderer, state: PageState, caching: bool, recorder: Recorder | None = None
) -> Planned:
    """Every page planned; those whose fingerprint and file are the last build's kept.
    Without the last build's fingerprints (a clean build, or no cache), every page is
    rendered: only its path and family are noted here, the workers make its spec again
    and fingerprint it (`Planned.streamed`), so that no process holds every page's spec."""
    planned = Planned([], [], recorder=recorder or Recorder())
    if not caching or not state.written:
        for family, make in renderer.families():
            paths = [make.path] if isinstance(make, ArticlePage) else [s.path for s in make()]
            for path in paths:
                planned.pages.append(path)
                planned.families[path] = family
            planned.streamed.append((make, len(paths)))
        planned.fingerprint = caching
        return planned
    prints = state.all_prints()
    for family, make in renderer.families():
        for spec in make():
            planned.pages.append(spec.path)
            planned.families[spec.path] = family
            print_ = planned.record(spec.path, (spec.template, spec.site_path, spec.context))
            if (
                print_ is not None
                and prints.get(spec.path) == print_
                and unchanged(state, spec.path)
            ):
                planned.keep.add(spec.path)
            else:
                planned.jobs.append(spec)
    return planned


def plan_changed(
    renderer: SiteRenderer, state: PageState, index: Plan, changed: set[str], recorder: Recorder
) -> Planned | None:
    """Only the pages that read a `changed` article, or whose file was touched since; None
    when the index cannot tell (a damaged row: then every page is planned)."""
    dirty = index.readers(changed)
    if dirty is None:
        return None
    page_set, written, now = set(index.pages), state.written, state.now
    touched = set() if now == written else {p for p, s in written.items() if now.get(p) != s}
    outputs = page_set.union(index.feeds)
    dirty |= outputs & touched  # edited or deleted since
    dirty |= outputs.difference(written)  # no stat recorded
    families = index.families(p for p in dirty if p in page_set)
    if families is None:
        return None
    wanted = set(families.values())
    planned = Planned(
        index.pages, [], families=families, sitemap_kept=True, recorder=recorder, index=index
    )
    for family, make in renderer.families(wanted):
        if family in wanted:
            for spec in make():
                if spec.path in dirty:
                    planned.record(spec.path, (spec.template, spec.site_path, spec.context))
                    planned.jobs.append(spec)
    made = {spec.path for spec in planned.jobs}
    if made != families.keys():  # the index names a page the site no longer makes
        return None
    planned.keep = page_set - made
    planned.keep |= {p for p in index.feeds if p not in dirty}
    return planned


class Values(Mapping[str, Row]):
    """The rows of the pages and feeds this build fingerprinted (generator.speed.pagerows):
    their place and family, fingerprint and the articles they read; each row is made when
    it is asked for, so that saving 170,000 of them never holds them all."""

    def __init__(self, planned: Planned) -> None:
        self.planned = planned
        self.order = (
            {path: i for i, path in enumerate(planned.pages)} if planned.index is None else {}
        )

    def __getitem__(self, path: str) -> Row:
        read, family = self.planned.reads[path], self.planned.families.get(path)
        return Row(
            self.order.get(path),
            dumps(list(family)) if family is not None else None,
            self.planned.prints.get(path),
            dumps(list(read)),
        )

    def sources(self, path: str) -> tuple[str, ...]:
        """The sources of the articles the page or feed at `path` reads (its row's `reads`)."""
        return self.planned.reads[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.planned.reads)

    def __len__(self) -> int:
        return len(self.planned.reads)


def values(planned: Planned) -> Values:
    """The rows of the pages and feeds this build fingerprinted, made as they are read."""
    return Values(planned)


def feed_files(
    feeds: list[PlannedFeed], planned: Planned, state: PageState, caching: bool, by_index: bool
) -> list[tuple[PlannedFeed, bool]]:
    """Each feed and whether to generate it (False: its file is kept as it is).

    `by_index`: `planned` came from the dependency index, and a feed it keeps is kept
    unless it is `checked`: its inputs hold more than articles (the digest, OPML, an empty
    feed)."""
    out = []
    for feed in feeds:
        if by_index and feed.path in planned.keep and not feed.checked:
            out.append((feed, False))
            continue
        print_ = planned.record(feed.path, feed.inputs) if caching else None
        kept = (
            print_ is not None
            and state.print_of(feed.path) == print_
            and unchanged(state, feed.path)
        )
        if kept:
            planned.keep.add(feed.path)
        else:
            planned.keep.discard(feed.path)
        out.append((feed, not kept))
    return out


# A page's or feed's bytes (None: the worker wrote the page itself, `_Work.write`), with
# the page's (fingerprint, articles read) when made by a worker from its family
# (Planned.streamed).
Made = tuple[str, bytes | None, tuple[str | None, frozenset[str]] | None]  # (path, bytes, ...)


@dataclass(frozen=True, slots=True)
class _Work:
    renderer: SiteRenderer
    specs: Sequence[PageSpec]
    feeds: Sequence[PlannedFeed] = ()  # index len(specs) + len(families) + i: the i-th feed
    families: Sequence[Callable[[], Iterator[PageSpec]]] = ()  # index len(specs) + i
    recorder: Recorder | None = None  # fingerprints the families' pages
    write: Callable[[str, bytes], None] | None = None  # writes each page (`Rendered.direct`)


def _page(work: _Work, spec: PageSpec) -> bytes | None:
    """A page's bytes; or, where the worker writes the pages itself, None once written."""
    data = work.renderer.render(spec).data
    if work.write is None:
        return data
    work.write(spec.path, data)
    return None


def _render_chunk(work: _Work, chunk: Sequence[int]) -> list[Made]:
    pages, families = len(work.specs), len(work.specs) + len(work.families)
    # A Recorder for this chunk: its memo (every value it read) goes with it.
    recorder = work.recorder.fresh() if work.recorder is not None else None
    out: list[Made] = []
    for i in chunk:
        if i < pages:
            out.append(("", _page(work, work.specs[i]), None))
        elif i >= families:
            out.append(("", work.feeds[i - families].make().data, None))
        else:
            for spec in work.families[i - pages]():
                value = (spec.template, spec.site_path, spec.context)
                found = recorder.reads(value) if recorder is not None else None
                out.append((spec.path, _page(work, spec), found))
    return out


def render(
    renderer: SiteRenderer,
    planned: Planned,
    workers: int,
    progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
    feeds: Sequence[PlannedFeed] = (),
    then: Callable[[], Sequence[int]] | None = None,
    first: Callable[[], None] | None = None,
    write: Callable[[str, bytes], None] | None = None,
) -> Iterator[Made]:
    """Every planned page's bytes (`jobs`, then the `streamed` families' pages), in order,
    as the workers finish them (a few hundred held at a time); `meanwhile` runs in a
    thread of this process while they work, and `first` in this thread once they have
    started, then `then` in this thread returns which `feeds` (as len(jobs) +
    len(streamed) + their index) the workers then make, their bytes last. `write`: what
    writes each page in its worker (its bytes then not sent back)."""
    specs, families = planned.jobs, [make for make, _ in planned.streamed]
    return parallel.stream(
        _render_chunk,
        _Work(
            renderer,
            specs,
            feeds,
            families,
            planned.recorder if planned.fingerprint else None,
            write,
        ),
        len(specs) + len(families),
        workers,
        progress,
        meanwhile,
        then=then,
        sizes=[1] * len(specs) + [count for _, count in planned.streamed],
        first=first,
    )


@dataclass(slots=True)
class Rendered:
    """The site's pages and feeds, made while they are written (`files`, once): rendered
    in batches and dropped once written, so a build holds a few hundred pages at a time."""

    planned: Planned
    files: Generator[OutputFile | KeptFiles, None, None]  # pages, kept, feeds
    digests: dict[str, tuple[str, str]]  # each article's (generator.speed.deps)
    feeds: list[OutputFile] = field(default_factory=list)  # paths only, filled while
    # `files` runs; the SHA-256 (hex) of the bytes of each feed made (not kept)
    digested: dict[str, str] = field(default_factory=dict)
    # Work for this process while the workers render the pages (before `files` ends): in a
    # thread (`meanwhile`), or in this one once they have started (`first`).
    meanwhile: list[Callable[[], None]] = field(default_factory=list)
    first: list[Callable[[], None]] = field(default_factory=list)
    listed: list[OutputFile] | None = None  # `pages`, made once
    staging: Path | None = None  # where the workers write the pages themselves (`direct`)

    def direct(self, staging: Path) -> None:
        """Have the workers write the pages into `staging` themselves, each as it is
        rendered (write_site's `direct`: a new site), instead of sending their bytes here
        to be written by this process, which writes every other file of the site."""
        self.staging = staging

    @property
    def keep(self) -> set[str]:
        return self.planned.keep

    @property
    def pages(self) -> list[OutputFile]:
        """Every page's path (no bytes), for the sitemap (made once: 170,000 at 100,000
        articles)."""
        if self.listed is None:
            self.listed = [OutputFile(path, b"") for path in self.planned.pages]
        return self.listed


def decide(
    renderer: SiteRenderer,
    state: PageState,
    content_dir: Path | None,
    loaded: Mapping[str, tuple[Article, deps.Own]] | None = None,
    bodies: Mapping[str, str] | None = None,
    same: Collection[str] | None = None,
) -> tuple[Planned, bool, dict[str, tuple[str, str]]]:
    """What to render: from the dependency index when it can tell, else every page planned
    (`content_dir` None: no build cache, every page rendered). (the plan, whether the
    index decided, each article's digests); `loaded`, `bodies`, `same` (the articles whose
    digests are the index's): for deps.digests"""
    if content_dir is None:
        return plan_all(renderer, state, False), False, {}
    index = state.plan
    kept = (index.articles, same) if index is not None and same else None
    digests = deps.digests(renderer.site.articles, content_dir, loaded, bodies, kept)
    recorder = Recorder(deps.known(renderer.site.articles, digests))
    changed = index.changed(digests) if index is not None else None
    if index is not None and changed is not None:
        planned = plan_changed(renderer, state, index, changed, recorder)
        if planned is not None:
            return planned, True, digests
    return plan_all(renderer, state, True, recorder), False, digests


def _index_all(renderer: SiteRenderer) -> None:
    """Make what article pages look up (each story's place, its related stories) in this
    process before the workers fork, so that they share it instead of each making its own
    by reading every article (which copies them into it)."""
    for one in renderer.renderers.values():
        if one.site.articles:
            one.neighbours(one.site.articles[0])
        one.related.index_all()


def _feed_files(
    done: Rendered, made: list[tuple[PlannedFeed, bool]], rendered: Iterator[Made]
) -> Iterator[OutputFile]:
    """The feeds, after the pages: each feed's digest taken (`Rendered.digested`) and its
    bytes dropped once written."""
    first = list(islice(rendered, 1))  # (`decide_feeds` has run once this returns)
    made_feeds = chain(first, rendered)
    for feed, make in made:
        data = next(made_feeds)[1] if make else b""
        assert data is not None  # (a feed's bytes always come back: never written there)
        if make:
            done.digested[feed.path] = fingerprint.feed_digest(data)
        done.feeds.append(OutputFile(feed.path, b""))
        yield OutputFile(feed.path, data)
    # The workers' stream run to its end here: its worker pool is shut down in this
    # frame, where a Ctrl-C meanwhile stops the build, not later by the garbage
    # collector, which would print the KeyboardInterrupt as ignored and go on.
    if next(made_feeds, None) is not None:
        raise RuntimeError("the workers made more feeds than were planned")


def rendering(
    renderer: SiteRenderer,
    feeds: Callable[[], list[PlannedFeed]],
    state: PageState,
    content_dir: Path | None,
    workers: int,
    progress: Callable[[str, int, int], None],
    loaded: Mapping[str, tuple[Article, deps.Own]] | None = None,
    bodies: Mapping[str, str] | None = None,
    same: Collection[str] | None = None,
) -> Rendered:
    """The pages and feeds to write, made as they are written; `feeds` plans the feeds
    (render.feeds.files.FeedWriter.plan), which the workers make once the pages are rendered
    (this process fingerprints them meanwhile); `loaded`, `bodies`: for deps.digests
    (`bodies`: the digests of the articles' bodies when they carry none, speed.bodies)."""
    planned, by_index, digests = decide(renderer, state, content_dir, loaded, bodies, same)
    if planned.streamed:  # every page: what they all look up is made before the fork
        _index_all(renderer)
    caching = content_dir is not None
    planned_feeds = feeds()
    made: list[tuple[PlannedFeed, bool]] = []

    def meanwhile(first: bool = False) -> None:  # other work: in a thread, or `first` here
        for work in done.first if first else done.meanwhile:
            work()

    def decide_feeds() -> list[int]:
        """Which feeds to make (fingerprinted here: the state's rows are read in this
        thread), as indices after the pages'."""
        made.extend(feed_files(planned_feeds, planned, state, caching, by_index))
        first = len(planned.jobs) + len(planned.streamed)
        return [first + i for i, (_, make) in enumerate(made) if make]

    def files() -> Generator[OutputFile | KeptFiles, None, None]:
        total, jobs = len(planned.pages), planned.rendering
        rendered = render(
            renderer,
            planned,
            workers,
            lambda count: progress("pages", total - jobs + min(count, jobs), total),
            meanwhile,
            planned_feeds,
            decide_feeds,
            lambda: meanwhile(first=True),
            page_writer(done.staging) if done.staging is not None else None,
        )
        paths = planned.pages if planned.streamed else [spec.path for spec in planned.jobs]
        for path, (made_at, data, found) in zip(paths, rendered, strict=False):
            if planned.streamed and made_at != path:  # a family made other pages than planned
                raise RuntimeError(f"{made_at} rendered where {path} was planned")
            if found is not None:
                planned.recorded(path, *found)
            yield OutputFile(path, data) if data is not None else WrittenFile(path, b"")
        if not planned.streamed:  # (else every page was rendered): the rest, kept
            done_paths = set(paths)
            yield KeptFiles([p for p in planned.pages if p not in done_paths])
        yield from _feed_files(done, made, rendered)

    done = Rendered(planned, files(), digests)
    return done
