"""The pipeline in one screen: load -> validate -> index -> render, serial and in memory.

    files -> Document -> Article (or Diagnostic) -> site-wide rules -> body HTML
          -> Site index -> pages, feeds, sitemap, assets -> [OutputFile(path, bytes)]

`build` returns every file of the site, or the diagnostics that stop it; `check` validates
everything, drafts and scheduled articles included. Nothing is written and nothing is
cached here. The build command runs this same `build` with its `Stages` (commands/rebuild.py:
the build cache and worker processes of generator.speed around them, writing the site), and
`check` with its `Speed` (generator.stages_api: how the two costly stages, reading and
converting, run over many articles); what a build writes is what `build` returns
(tests/test_golden.py).

Where the next things go: a new kind of term (authors were the third) is one more
`TermKind` in index/terms.py's KINDS, its pages made by render/term_pages.py; a new feed
is one more entry in render/feeds/feedlist.py's `site_feeds`; a new stage is a step of `build`
here (and of `Stages`, which the build command's `Cached` overrides when it can do it
faster).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.config import Settings
from generator.diagnostics import Diagnostic, error, has_errors, warning
from generator.index import author_pages, topics
from generator.index.language_sections import section_warnings
from generator.index.selection import (
    HeldBack,
    Selection,
    far_ahead,
    featured_twice,
    held_back,
    unread_ahead,
    updated_ahead,
)
from generator.index.site import Site, build_index
from generator.load import authors, bylines
from generator.load.collisions import clashes
from generator.load.copies import copied_stories
from generator.load.translation_keys import key_slips
from generator.model import Article, OutputFile, with_values
from generator.render import images, site_links
from generator.render.failures import page_errors, template_errors
from generator.render.redirects import alias_file
from generator.render.root_files import misplaced
from generator.render.site import render_site
from generator.render.stray_templates import stray_templates
from generator.render.unread import Unread, stopped_links, unread_bodies
from generator.render.urls import Urls
from generator.render.words import site_catalogs
from generator.settings_file import Paths as Paths  # where the site's parts are
from generator.stages_api import EMPTY_DRAFT, ArticleUrls, Serial, Speed, body_reads, load_reads
from generator.web_address import former_unused, settings_file_warnings


@dataclass(slots=True)
class Built:
    """What the pipeline made: the problems, the published articles, the index and files."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    site: Site | None = None  # None when an error stopped the build
    files: list[OutputFile] = field(default_factory=list)
    held_back: HeldBack = HeldBack()  # what the selection leaves out
    left_out: list[Article] = field(default_factory=list)  # those articles (drafts, scheduled)
    templates_wrong: bool = False  # a template error (check): exit status 2, as a build's

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def build(
    paths: Paths,
    settings: Settings,
    selection: Selection,
    search: bool = False,
    stages: Stages | None = None,
) -> Built:
    """Every file of the site, in memory; stops after validation on any error. With
    `stages`, the build command's (cached, in workers, writing the site as it is made)."""
    stages = stages or Stages(paths, settings, search)
    articles, problems = stages.load()
    now = selection.now or datetime.now().astimezone()
    published = [a for a in articles if selection.includes(a, now)]
    # What the build publishes is dated `now` or before, unless it publishes future stories.
    ahead = articles if selection.future else others(articles, published)
    problems += far_ahead(ahead, paths.content, now, [a.source for a in published])
    problems += updated_ahead(published, paths.content, now, settings.tz)
    leads = [a for a in articles if not a.draft or selection.includes(a, now)]  # scheduled too
    problems += featured_twice(leads, paths.content, settings.tz, settings.language)
    published, articles, body_problems, assets = stages.convert(published, articles)
    unread: list[Unread] = []
    body_problems += unread_bodies(articles, problems, settings, paths.content, unread, published)
    body_problems += unread_ahead([u.source for u in unread], paths.content, now, settings.tz)
    body_problems += stray_templates(paths.templates, paths.content)  # an unused override
    diagnostics = sorted(problems + body_problems, key=Diagnostic.sort_key)
    left_out = others(articles, published)
    held = held_back(left_out, selection, now)  # (none of `published` is held back)
    diagnostics += _all_held(len(published), held, paths.content)
    later = site_links.later_pages(
        published, left_out, settings, paths.templates, paths.content, assets, now
    )
    if has_errors(diagnostics):  # the body links to no page of the site, listed too
        bodies = stages.linking(published)
        found = stopped_links(published, bodies, settings, paths, assets, now, unread, later)
        diagnostics = sorted(diagnostics + found, key=Diagnostic.sort_key)
        return Built(diagnostics, published, held_back=held)
    site = build_index(published, settings.tz)
    diagnostics = sorted(
        diagnostics + stages.render(site, assets, now, later), key=Diagnostic.sort_key
    )
    if has_errors(diagnostics):  # a body link to an address the site does not have
        return Built(diagnostics, published, held_back=held)
    written = stages.write(site, assets, now)
    return Built(diagnostics, published, site, written, held, left_out=left_out)


class Stages:
    """How `build` runs its stages: here serially, in memory, nothing cached or written.
    The build command's (generator.commands.rebuild.Cached) load and convert with the build
    cache and workers, render only what changed and write the site."""

    def __init__(self, paths: Paths, settings: Settings, search: bool = False) -> None:
        self.paths, self.settings, self.search = paths, settings, search
        self.files: list[OutputFile] = []

    def load(self) -> tuple[list[Article], list[Diagnostic]]:
        return load(self.paths.content, self.settings, project=self.paths.project)

    def convert(
        self, published: list[Article], articles: list[Article]
    ) -> tuple[list[Article], list[Article], list[Diagnostic], set[str]]:
        """(`published` with their body HTML, `articles` (the published ones may be as
        converted), the bodies' problems, the content files they publish)."""
        held = others(articles, published)
        converted = convert(published, self.settings, self.paths.content, held=held)
        return converted[0], articles, converted[1], converted[2]

    def linking(self, published: list[Article]) -> list[Article]:
        """`published` with their body HTML at hand (a stopped build checks their links)."""
        return published

    def render(
        self, site: Site, assets: set[str], now: datetime, later: site_links.Later
    ) -> list[Diagnostic]:
        """Make the site's files (or plan them); the body links to paths it does not
        publish, the aliases that clash with its files, PROJECT/static/'s problems."""
        settings, paths = self.settings, self.paths
        self.files = files = render_site(
            site, settings, paths.templates, paths.content, assets, self.search, now
        )
        return site_links.rendered(site.articles, files, settings, paths.content, later)

    def write(self, site: Site, assets: set[str], now: datetime) -> list[OutputFile]:
        """The files made, for the caller to write (none: the stages wrote them)."""
        return self.files


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
    reads, speed = load_reads(settings), speed or Serial()
    found, problems = speed.find(content_dir)
    articles: list[Article] = []
    refused: list[tuple[Path, str]] = []  # stories with an error: their bylines are checked
    for file, (article, article_problems) in zip(
        found, speed.read_all(found, reads, content_dir), strict=True
    ):
        problems.extend(article_problems)
        if article is not None:
            articles.append(article)
        else:
            refused.append(file)
    kept = speed.names(articles, settings.language)  # then no clash, as in the last build
    articles, names = topics.named(articles, content_dir, kept, speed.typed_topics())
    speed.keep_names(names, settings.language)
    registry, registry_problems = (
        authors.load(project, content_dir, settings.max_image_size)
        if project is not None
        else (authors.EMPTY, [])
    )
    refused_bylines = bylines.unpublished(refused, settings.max_file_size, registry)
    written = bylines.check_bylines([*articles, *refused_bylines], registry)  # as typed
    articles, page_problems = author_pages.shared_pages(
        registry.apply(articles), registry, settings.language
    )
    page_problems += author_pages.unreadable_pages(articles, registry, settings.language)
    page_problems += section_warnings(articles, settings.language, content_dir)
    return articles, (
        problems
        + names.problems
        + (clashes(articles, content_dir, settings.language) if kept is None else [])
        + key_slips(articles, settings.language, content_dir)  # warnings: said every build
        + copied_stories(articles, settings.language, content_dir)  # likewise
        + registry_problems
        + written
        + page_problems
        + (settings_file_warnings(project, content_dir, settings) if project else [])
        + (misplaced(project, content_dir) if project else [])  # for static/
        + ([] if found or problems else [_no_article(content_dir)])
    )


def _all_held(published: int, held: HeldBack, content_dir: Path) -> list[Diagnostic]:
    """The warning on a content folder whose every article the build leaves out (drafts,
    stories scheduled ahead): the site would be published with no story (prober3 L10)."""
    if published or not held.anything:
        return []
    counts, fixes = [], []  # only what is held back (prober4 L3)
    if held.drafts:
        counts.append(f"{held.drafts} draft{'s' * (held.drafts != 1)}")
        fixes.append(
            "delete the 'draft: true' line of a story ready to publish "
            "(build --drafts previews drafts)"
        )
    if held.scheduled:
        counts.append(f"{held.scheduled} scheduled ahead")
        fixes.append("wait for the first scheduled story's time")
    return [
        warning(
            str(content_dir),
            0,
            f"no article here is published ({' and '.join(counts)}): the site is published "
            "with no story",
            ", or ".join(fixes),
        )
    ]


def _no_article(content_dir: Path) -> Diagnostic:
    """The warning on a content folder that holds no article at all (no .md file): the
    site would be published with no story, which is rarely what the editor meant."""
    return warning(
        str(content_dir),
        0,
        "this folder holds no article (no .md file): the site is published with no story",
        'write one with: newsdigest new "The story\'s title" (then write it and delete '
        "its 'draft: true' line), or put your stories' Markdown (.md) files in this folder",
    )


def convert(
    articles: list[Article],
    settings: Settings,
    content_dir: Path,
    speed: Speed | None = None,
    held: Sequence[Article] = (),
    linked: Sequence[Article] = (),
    shown: bool = True,
) -> tuple[list[Article], list[Diagnostic], set[str]]:
    """Every article with its body HTML and summary; the problems; the files it uses.

    Bodies may link to `articles` and `linked`; a link to one of `held` (the articles the
    build leaves out: drafts, scheduled ones) is an error that says so (LINKS_TO_HELD_BACK
    of index.selection). `shown`: the articles are published (a draft among them is
    `build --drafts`'s, warned when it is empty: EMPTY_DRAFT); `check`'s held-back ones
    are not."""
    urls_by_source = ArticleUrls(Urls(settings.base_url), [*linked, *articles], held)
    reads = body_reads(settings)
    bodies = (speed or Serial()).convert_all(articles, urls_by_source, reads, content_dir)
    problems: list[Diagnostic] = []
    assets: set[str] = set()
    out: list[Article] = []
    for article, (html, body_problems, body_assets, _, summary) in zip(
        articles, bodies, strict=True
    ):
        problems.extend(p for p in body_problems if shown or p.message != EMPTY_DRAFT)
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
        image = images.measured(article.image, content_dir, assets)
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
    held, held_problems, held_assets = convert(
        held, settings, paths.content, speed, (), published, shown=False
    )
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
        catalogs += template_errors(settings, paths) + stray_templates(
            paths.templates, paths.content
        )
    if not catalogs:
        site = build_index(published, settings.tz)  # the default build's: made once
        files = (assets, held_assets)
        body_problems += _site_links(site, published, held, settings, paths, files, now, unread)
        catalogs += page_errors(site, settings, paths)
    stopped = any(d.severity == "error" for d in catalogs)  # as a build: exit status 2
    body_problems += far_ahead(articles, paths.content, now)
    body_problems += updated_ahead(articles, paths.content, now, settings.tz)
    leads = [a for a in articles if not a.draft]  # the day a scheduled one is published
    body_problems += featured_twice(leads, paths.content, settings.tz, settings.language)
    body_problems += unread_ahead([u.source for u in unread], paths.content, now, settings.tz)
    former = settings.former_base_url  # once no link needs it, the setting can go
    body_problems += former_unused(paths.project, paths.content, former, body_problems)
    diagnostics = sorted(problems + body_problems + catalogs, key=Diagnostic.sort_key)
    held_now = held_back(articles, Selection(), now)
    diagnostics += _all_held(
        len(articles) - held_now.drafts - held_now.scheduled, held_now, paths.content
    )
    return Built(diagnostics, articles, held_back=held_now, templates_wrong=stopped)


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
