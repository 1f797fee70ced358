"""The pipeline's costly stages made fast: the build cache and worker processes.

`Fast` is a `generator.stages_api.Speed`: reading and validating articles and converting
their Markdown reuse the build cache (generator.speed.articles) and spread what is left over
worker processes (generator.speed.parallel). The results are those of the serial stages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from generator import stages_api
from generator.config import Settings
from generator.diagnostics import Diagnostic, error, has_errors
from generator.index.topics import Names, Typed
from generator.load.content import find_articles
from generator.load.file_names import editors_notes, leftover, misnamed_article
from generator.load.files import child_maker
from generator.load.invisible import has_name_control
from generator.model import Article, with_values
from generator.render.site import encode_images
from generator.render.site_links import may_link
from generator.speed import changes, deps, fingerprint, names, parallel
from generator.speed.articles import ArticleCache, markdown_of
from generator.speed.bodies import Bodies
from generator.speed.bodyrows import Facts
from generator.speed.deps import body_digest
from generator.speed.store import Database, checksum
from generator.stages_api import Body, Validated
from generator.write.output import OutputError

V = TypeVar("V")
CHANGED_WHILE_BUILDING = "the file changed or went away while the site was being built"


@dataclass(frozen=True, slots=True)
class ReadWork:
    """What a worker needs to read and validate files; inherited by fork."""

    files: Sequence[tuple[Path, str]]
    settings: Settings
    content_dir: Path
    unread: bool = False  # leave each article's Markdown out (read again from its file)


Fresh = tuple[Article | None, list[Diagnostic], deps.Own | None]  # and, `unread`, the
# digests of what its file alone gives (deps.own), made while the article held its Markdown


def read_chunk(work: ReadWork, chunk: Sequence[int]) -> list[Fresh]:
    out: list[Fresh] = []
    for i in chunk:
        article, problems = stages_api.read_one(*work.files[i], work.settings, work.content_dir)
        if work.unread and article is not None:  # the Markdown stays in the file
            out.append((shared(article, body=""), problems, deps.own(article)))
        else:
            out.append((shared(article) if article is not None else None, problems, None))
    return out


_ONE: dict[object, Any] = {}  # in a worker: the one object for each value met so far


def _one(value: V) -> V:
    found: V = _ONE.setdefault(value, value)
    return found


def _zone(moment: datetime | None) -> datetime | None:
    """`moment` with one tzinfo object per fixed offset and name."""
    zone = moment.tzinfo if moment is not None else None
    if moment is None or type(zone) is not timezone:
        return moment
    one = _ONE.setdefault(("zone", zone.utcoffset(None), zone.tzname(None)), zone)
    return moment if one is zone else moment.replace(tzinfo=one)


def shared(article: Article, **changes: Any) -> Article:
    """The article (with `changes`) holding one object of this worker's for each value that
    articles repeat: tags, country, authors, sources, the lines of the fields, the dates'
    offsets. Pickling a chunk sends each such object once, so the main process holds one
    copy a chunk instead of one an article (at 100,000 articles about 80 MB less, which
    the forked render workers would also copy as they read the articles: "Memory at
    100,000 articles" in README "Performance"). Equal values: the same output."""
    return with_values(
        article,
        tags=_one(tuple(_one(tag) for tag in article.tags)),
        country=_one(article.country),
        authors=_one(article.authors),
        sources=_one(article.sources),
        lines=_one(tuple(_one(line) for line in article.lines)),
        date=_zone(article.date),
        updated=_zone(article.updated),
        **changes,
    )


@dataclass(frozen=True, slots=True)
class BodyWork:
    """What a worker needs to convert bodies: the articles and every article's URL."""

    articles: Sequence[Article]
    urls_by_source: stages_api.ArticleUrls
    settings: Settings
    content_dir: Path
    images: bool = False  # encode each article's images into the image cache
    # The articles that carry no Markdown, by source: their file's content digest (the
    # Markdown is read from the file while it still has those bytes).
    unread: dict[str, str] = field(default_factory=dict)


# What the build cache and the body store keep of a body besides it, made by the worker
# that converted it (not by the main process, which receives every body): the body's
# deps.body_digest, site_links.may_link of its HTML and the checksum of its HTML (hex).
Made = tuple[str, bool, str]


_FULL = re.compile(r"""href\s*=\s*["']?\s*https?://[^/"'\s>]+(/[^"'\s>]*)""", re.IGNORECASE)


def _full_address(html: str, base_path: str) -> bool:
    """Whether a body links to a full address under the site's path (its host is not
    known here: bodies are made for any host), which may be the site's own (tester3 M19)."""
    return "://" in html and any(m[1].startswith(base_path) for m in _FULL.finditer(html))


def made_chunk(work: BodyWork, chunk: Sequence[int]) -> list[tuple[Body, Made]]:
    """body_chunk, each body with its `Made` (of the article as the main process has it:
    without its Markdown when it is read from the file here)."""
    bodies, base = body_chunk(work, chunk), work.settings.base_path
    return [
        (
            body,
            (
                body_digest(work.articles[i].body, body[0]),
                may_link(body[0]) or _full_address(body[0], base),
                checksum(work.articles[i].source, body[0]).hex(),
            ),
        )
        for i, body in zip(chunk, bodies, strict=True)
    ]


def body_chunk(work: BodyWork, chunk: Sequence[int]) -> list[Body]:
    articles = [work.articles[i] for i in chunk]
    gone: dict[int, Body] = {}
    for n, article in enumerate(articles):
        digest = work.unread.get(article.source)
        if digest is not None:  # its Markdown, from the file it was loaded from
            markdown = markdown_of(work.content_dir, article.source, digest)
            if markdown is None:
                gone[n] = _unreadable(article)
            else:
                articles[n] = with_values(article, body=markdown)
    bodies = stages_api.convert_many(articles, work.urls_by_source, work.settings, work.content_dir)
    for n, body in gone.items():
        bodies[n] = body
    if work.images:  # encode the article's images here, in the worker, into the cache
        for article, (_, problems, assets, _, _) in zip(articles, bodies, strict=True):
            if not has_errors(problems):  # a warning still publishes its pictures
                encode_images(article, assets, work.content_dir, work.settings.max_image_size)
    return bodies


def _unreadable(article: Article) -> Body:
    """The body of an article whose file is no longer an article (changed while building)."""
    problem = error(article.source, 1, CHANGED_WHILE_BUILDING, "build again")
    return "", [problem], set(), {}, ""


@dataclass(slots=True)
class Fast:
    """The pipeline's costly stages with the build cache and worker processes (a Speed).

    `meanwhile` runs in this process while the workers convert Markdown.
    """

    cache: ArticleCache | None = None
    workers: int = 1
    # (step, done, total), as commands.progress reports it; by default nothing is shown
    progress: Callable[[str, int, int], None] = lambda step, done, total: None
    meanwhile: Callable[[], object] | None = None
    images: bool = False  # encode each article's images while converting its body
    # Where the bodies go as they are made (their HTML then left out of the results).
    bodies: Bodies | None = None
    # Every article keeps its Markdown (check quotes it); else, with the cache, the
    # articles carry none and the Markdown step reads it from their files (cache.unread).
    markdown: bool = False
    # Runs here while the workers read; not when the few files to read are read here (a
    # rebuild after an edit), where it would only add to the build's time.
    reading: Callable[[], object] | None = None
    names_sum: bytes | None = None  # the checksum of the last build's names, when kept

    def find(self, content_dir: Path) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
        """find_articles' answer, from the build's own walk of content/ when it can stand
        for find_articles' (the cache's stats, changes.tree_digest: `listed`)."""
        names = changes.plain(self.cache.taken) if self.cache is not None else None
        found = listed(content_dir, names) if names is not None else None
        return found if found is not None else find_articles(content_dir)

    def read_all(
        self, found: Sequence[tuple[Path, str]], settings: Settings, content_dir: Path
    ) -> list[Validated]:
        checked: list[Validated | None] = [None] * len(found)
        if self.cache is not None:
            loaded = self.cache.articles(found, settings.max_file_size)
            checked[:] = map(self.cache.with_markdown, loaded) if self.markdown else loaded
        misses = [i for i, item in enumerate(checked) if item is None]
        hits = len(found) - len(misses)
        unread = self.cache is not None and not self.markdown
        work = ReadWork([found[i] for i in misses], settings, content_dir, unread)
        fresh, _ = parallel.run(
            read_chunk,
            work,
            len(misses),
            self.workers,
            lambda done: self.progress("reading", hits + done, len(found)),
            self.reading if self.workers > 1 and len(misses) >= parallel.MIN_PARALLEL else None,
        )
        for i, (article, problems, own) in zip(misses, fresh, strict=True):
            checked[i] = (article, problems)
            if self.cache is not None and article is not None:
                self.cache.remember_article(article, problems, own, unread)
        return [item for item in checked if item is not None]

    def names(self, articles: Sequence[Article], language: str) -> Names | None:
        found = names.kept(self.cache, articles, language) if self.cache is not None else None
        if found is None:
            return None
        assert self.cache is not None
        shared = self.cache.shared
        if shared.typed and shared.site_sum != found[1]:  # decoded with other names
            return None
        kept, self.names_sum = found
        return kept

    def typed_topics(self) -> Typed:
        return self.cache.shared.typed if self.cache is not None else {}

    def keep_names(self, kept: Names, language: str) -> None:
        if self.cache is not None:
            names.keep(self.cache, kept, language)

    def convert_all(
        self,
        articles: Sequence[Article],
        urls_by_source: stages_api.ArticleUrls,
        settings: Settings,
        content_dir: Path,
    ) -> list[Body]:
        cache, store = self.cache, self.bodies
        bodies: list[Body | None] = [None] * len(articles)
        if store is not None:  # a kept body found damaged as a page reads it is made again
            work = BodyWork((), urls_by_source, settings, content_dir)
            store.remake = partial(remade, work, cache)
            store.state = cache.database.path if cache is not None else None
        found = cache.bodies(articles, urls_by_source.get) if cache is not None else []
        for i, facts in enumerate(found):
            if facts is not None:
                bodies[i] = self._kept(articles[i], facts)
        todo = [i for i, body in enumerate(bodies) if body is None]
        work = BodyWork(
            [articles[i] for i in todo],
            urls_by_source,
            settings,
            content_dir,
            self.images,
            cache.unread_digests(articles[i] for i in todo) if cache is not None else {},
        )
        hits = len(articles) - len(todo)
        meanwhile, self.meanwhile = self.meanwhile, None

        def first() -> None:
            if meanwhile is not None:
                meanwhile()

        fresh = parallel.stream(
            made_chunk,
            work,
            len(todo),
            self.workers,
            lambda done: self.progress("Markdown", hits + done, len(articles)),
            first,
        )
        for i, (body, made) in zip(todo, fresh, strict=True):
            bodies[i] = self._made(articles[i], body, made)
        if store is not None:
            store.flush()
        return [body for body in bodies if body is not None]

    def _kept(self, article: Article, facts: Facts) -> Body | None:
        """A body kept in the build cache as the pipeline is given it: with a body store,
        without its HTML (noted there, left in the cache); else with it (None: unreadable)."""
        if self.bodies is not None:
            self.bodies.kept(article.source, facts.digest, facts.linked)
            html: str | None = ""
        else:
            assert self.cache is not None
            html = self.cache.body_html(article.source, facts.digest)
        return (html, [], facts.assets, {}, facts.summary) if html is not None else None

    def _made(self, article: Article, body: Body, made: Made) -> Body:
        """A body made here, remembered in the cache; with a body store, its HTML is put
        there and left out (the article then carries none)."""
        html, problems, assets, links, summary = body
        cache, store = self.cache, self.bodies
        if store is None and (cache is None or problems):
            return body
        digest, linked, html_sum = made
        facts = Facts(assets, summary, digest, linked)
        if cache is not None and not problems:
            cache.remember_body(article, html, links, facts, html_sum)
        if store is None:
            return body
        store.made(article.source, html, facts.digest, facts.linked)
        return ("", *body[1:])


def listed(
    content_dir: Path, names: Sequence[str]
) -> tuple[list[tuple[Path, str]], list[Diagnostic]] | None:
    """find_articles' answer made from `names`, every file under `content_dir` in its order
    (a walk with no link, changes.tree_digest's): None when one of them needs find_articles'
    own look (a hidden file or folder, a name with a control character or not UTF-8)."""
    text = "/" + "/".join(names)  # every name after a '/' (none holds one)
    if "/." in text or has_name_control(text):
        return None
    found: list[tuple[Path, str]] = []
    problems: list[Diagnostic] = []
    current, child = None, child_maker(content_dir)
    readme = "readme" in text.lower()  # else no name is a folder's notes (editors_notes)
    for name in names:
        folder, _, file = name.rpartition("/")
        if folder != current:
            current, child = folder, child_maker(content_dir / folder if folder else content_dir)
        path = child(file)  # made once: find_articles' own path, for the checks and the list
        if readme and (notes := editors_notes(name, path)) is not None:
            problems.extend(notes)  # README.md: the folder's notes, not a story
            continue
        if not file.endswith(".md"):
            problems.extend(misnamed_article(name, path))  # story.MD, .txt
            continue
        if backup := leftover(name, path):
            problems.append(backup)  # story_LOCAL_4242.md: git mergetool's, not read
            continue
        found.append((path, name))
    return found, problems


def remade(work: BodyWork, cache: ArticleCache | None, article: Article) -> str:
    """The body HTML of `article` converted again, its Markdown read from its file (for a
    body the cache kept but can no longer give back); OutputError when the file changed."""
    mine = cache.filled(article) if cache is not None else article
    if mine is None:
        raise OutputError(f"{article.source}: {CHANGED_WHILE_BUILDING}; build again")
    found = stages_api.convert_many([mine], work.urls_by_source, work.settings, work.content_dir)
    return found[0][0]


def article_cache(
    directory: Path | None,
    content: Path,
    settings: Settings,
    database: Database | None = None,
    read_only: bool = False,
) -> ArticleCache | None:
    """The cache of validated articles and body HTML in `directory` (None: no cache), the
    articles keyed on the settings reading reads, the bodies on those Markdown reads
    (stages_api.READ_SETTINGS, body_reads); in `database` when the caller has it open."""
    if directory is None:
        return None
    code, folder = fingerprint.code_version().encode(), str(content.resolve()).encode()
    reads = (stages_api.load_reads(settings), stages_api.body_reads(settings))
    keys = [fingerprint.of_bytes(code, repr(read).encode(), folder) for read in reads]
    return ArticleCache(database or Database(directory, read_only), keys[0], content, keys[1])
