"""The bodies of article files whose front matter has errors, and the links of a build
that stops on errors: checked in the same run, so that one run lists every error `check`
lists (the pipeline's `build` and `check`, and the build command's rebuild).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from generator.config import Settings
from generator.diagnostics import Diagnostic, error
from generator.index.site import build_index
from generator.load.checker import Checker
from generator.load.content import Document, read_document
from generator.load.dates import date_field
from generator.load.identity import aliases, slug_field
from generator.model import Article, article_path
from generator.render import site_links
from generator.render.markdown import BodyRenderer
from generator.render.urls import Urls
from generator.render.words import site_catalogs
from generator.settings_file import Paths


def body_renderer(
    content_dir: Path, article_url: Callable[[str], str | None], settings: Settings
) -> BodyRenderer:
    """Markdown -> safe HTML as the site's settings ask (stages_api.BODY_SETTINGS); a link to
    an article file is given its URL by `article_url` (None: no such article)."""
    urls = Urls(settings.base_url)
    return BodyRenderer(
        content_dir,
        article_url,
        urls.media,
        settings.trusted_html,
        urls.base_path,
        settings.max_image_size,
        settings.markdown_engine,
        written_bases(settings, urls.base_path),
    )


def written_bases(settings: Settings, base_path: str) -> list[tuple[str, str]]:
    """The paths a body link may be written under and still mean a site path, each with
    how a warning names it: the settings file's base_url's (`base_path` unless --base-url
    overrides it), and former_base_url's (the site's address before it moved), if any."""
    written = settings.written_base_path.rstrip("/") + "/" if settings.written_base_path else ""
    bases = [(written or base_path, f"the site's base path {written or base_path} (base_url's)")]
    former = urlsplit(settings.former_base_url).path.rstrip("/") + "/"
    if former != "/" and former != bases[0][0]:
        bases.append((former, f"{former}, the path of former_base_url (where the site was)"))
    return bases


@dataclass(frozen=True, slots=True)
class Unread:
    """The body of an article file whose front matter has errors, converted only to check
    its links to site paths (render.site_links.Linking)."""

    source: str
    body: str
    body_line: int
    body_html: str
    page: str = ""  # the page it would make, 'YYYY/MM/DD/SLUG/' ('': its date or slug is wrong)


def _page(document: Document, settings: Settings) -> str:
    """The page an article file makes once its errors are fixed: its date's day and its
    slug, read as validate reads them (their own errors are said there); '' when either
    is wrong."""
    scratch = Checker(document)
    published = date_field(scratch, document.front, "date", settings.tz, required=True)
    slug = slug_field(scratch, document.front, document)
    return article_path(published.date(), slug) if published and slug else ""


def _alias_clashes(
    document: Document, page: str, articles: Sequence[Article], language: str
) -> list[Diagnostic]:
    """The errors load.collisions.alias_collisions gives a story, for the aliases of an
    article file whose front matter has other errors (read as validate reads them; their
    own errors are said there): one that is its own page (`page`), another story's page
    or another story's alias; so that one run lists them with the file's other errors."""
    scratch = Checker(document)
    pages = {a.path: a.source for a in articles}
    claimed = {alias: a.source for a in articles for alias in a.aliases}
    found: list[Diagnostic] = []
    line = document.front.line_of("aliases")
    for alias in aliases(scratch, document.front, language=language):
        if alias == page or alias in pages:
            whose = "its own page" if alias == page else f"the page of {pages[alias]}"
            message = f"alias /{alias} is {whose}: a redirect there would replace it"
            found.append(error(document.source, line, message, "remove it from aliases:"))
        elif alias in claimed:
            found.append(
                error(
                    document.source,
                    line,
                    f"alias /{alias} is also an alias of {claimed[alias]}",
                    "an old address can redirect to one article only; remove one",
                )
            )
    return found


def unread_bodies(
    articles: Sequence[Article],
    problems: list[Diagnostic],
    settings: Settings,
    content_dir: Path,
    unread: list[Unread] | None = None,
    published: Sequence[Article] | None = None,
) -> list[Diagnostic]:
    """The problems in the bodies of the article files whose front matter has errors (no
    Article was made of them: their body is not converted for the site), so that an editor
    sees a missing image or a dead link in the same run as the front matter's errors; each
    such body is added to `unread`, for its links to site paths (`stopped_links`). A file
    whose front matter cannot be split from its body gives nothing here. A link to one of
    `articles` that is not `published` (default: all are) is an error, as from an article.
    """
    failed = {d.path for d in problems if d.severity == "error"} - {a.source for a in articles}
    if not failed:
        return []
    urls = Urls(settings.base_url)
    shown = articles if published is None else published
    known = dict.fromkeys(failed, urls.home()) | {a.source: "" for a in articles}
    known |= {a.source: urls.article(a) for a in shown}
    renderer = body_renderer(content_dir, known.get, settings)
    found: list[Diagnostic] = []
    for source in sorted(s for s in failed if s.endswith(".md")):
        if (content_dir / source).is_file():
            document, _ = read_document(content_dir / source, source, settings.max_file_size)
            if document is not None:
                html, body_problems, _ = renderer.render(document)
                found += body_problems
                page = _page(document, settings)
                found += _alias_clashes(document, page, articles, settings.language)
                if unread is not None:
                    body = document.body
                    unread.append(Unread(source, body, document.body_line, html, page))
    return found


def stopped_links(
    published: list[Article],
    bodies: list[Article],
    settings: Settings,
    paths: Paths,
    assets: set[str],
    now: datetime,
    unread: Sequence[Unread] = (),
    later: site_links.Later = site_links.nothing,
) -> list[Diagnostic]:
    """For a build that stops on other errors: the links of `bodies` (those of the
    `published` articles whose HTML is at hand) and of `unread` to site paths the site
    would not have (`later`: those a build with the articles it left out would have), and
    the aliases it could not write, found without rendering, so that one run lists every
    error `check` lists."""
    if any(site_catalogs(paths.templates)):  # the site's words are broken: pages unknown
        return []
    site, templates = build_index(published, settings.tz), paths.templates
    return site_links.check(
        site, settings, templates, paths.content, assets, now, True, bodies, unread, later
    )
