"""Links in article bodies to pages of the site itself, written as site paths
(`[about](/about/)`, `[old story](/2024/01/01/a-story/)`), checked against the files the
build publishes: an address the site will not have is an error on its body line, with
"did you mean" only when an address is close (`_close`); the page of an article file whose
own errors stop it (render/unread.py's `Unread.page`) is a warning: the link is right.

What the site publishes is found without rendering: the paths of every page and feed
of every language (`SiteRenderer.all_pages`, `feed_plans`), redirect (aliases), sitemap and robots
file, theme static file, media file and author photo. A link is a path under base_url's
path (`/REPO/` for a project site: `/about/` in a body is published as `/REPO/about/`
and checked as `about/`); a folder is its `index.html`.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from generator.config import Settings
from generator.diagnostics import Diagnostic, error, warning
from generator.index.selection import PAGE_OF_HELD_BACK
from generator.index.site import Site, build_index
from generator.index.terms import AUTHORS
from generator.model import Article, OutputFile, Text
from generator.render import images
from generator.render.anchors import Anchors, links_to_place
from generator.render.links import addresses
from generator.render.redirects import alias_file
from generator.render.root_files import root_paths, root_problems
from generator.render.sections import SiteRenderer
from generator.render.theme import Theme
from generator.render.urls import Urls

FIXED_FILES = ("sitemap.xml", "sitemap-news.xml", "robots.txt", ".nojekyll")

# The paths a build with the articles it leaves out (drafts, scheduled ones) would publish,
# found when first asked (only for a link to no page): such a link's fix says to publish
# that article first (index.selection's PAGE_OF_HELD_BACK), in `check` and `build` alike.
Later = Callable[[], Collection[str]]


def nothing() -> Collection[str]:
    return ()


def _generated(
    site: Site, settings: Settings, templates_dir: Path, content_dir: Path, now: datetime | None
) -> set[str]:
    """The paths of every page and feed of every language, found without rendering."""
    urls = Urls(settings.base_url)
    renderer = SiteRenderer(settings, urls, templates_dir, site)
    pages = {spec.path for spec in renderer.all_pages()}
    return pages | {feed.path for feed in renderer.feed_plans(content_dir, now)}


def pages(
    site: Site,
    settings: Settings,
    templates_dir: Path,
    content_dir: Path,
    assets: Iterable[str],
    now: datetime | None,
) -> set[str]:
    """Every path `site` publishes of its own (under the output folder; a page as
    DIR/index.html): pages and feeds of every language and `own_files`, found without
    rendering; not the redirect pages of aliases."""
    own = _generated(site, settings, templates_dir, content_dir, now)
    return own | own_files(site, settings, templates_dir, assets)


def later_pages(
    published: Sequence[Article],
    held: Sequence[Article],
    settings: Settings,
    templates_dir: Path,
    content_dir: Path,
    assets: Iterable[str],
    now: datetime | None,
) -> Later:
    """A `Later` for a build that publishes `published` and leaves `held` out: the `pages`
    and redirect pages of a site of them all, found once, when first asked."""
    if not held:
        return nothing
    articles = [*published, *held]

    def everything() -> set[str]:
        site = build_index(articles, settings.tz)
        own = pages(site, settings, templates_dir, content_dir, assets, now)
        return own | {alias_file(alias) for article in articles for alias in article.aliases}

    return functools.cache(everything)


def own_files(
    site: Site, settings: Settings, templates_dir: Path, assets: Iterable[str]
) -> set[str]:
    """The files published beside the pages, feeds and redirects: sitemaps, robots.txt,
    CNAME, the logo, the theme's static files, media and author photos."""
    paths = set(FIXED_FILES) | ({"CNAME"} if settings.cname else set())
    paths |= {settings.logo_name} if settings.logo else set()
    paths |= {"static/" + name for name, _ in Theme(templates_dir).static_files()}
    paths |= {"media/" + source for source in assets}
    return paths | {
        images.own_path(group.key.image, images.PORTRAITS)
        for group in site.terms(AUTHORS)
        if group.key.picture is not None
    }


class Linking(Text, Protocol):
    """A body whose site-path links are checked: an Article, or the body of an article
    file whose front matter has errors (generator.render.unread.Unread), checked in the same run."""

    @property
    def body_html(self) -> str: ...


# A body with no href starting with "/" has no site-path link: most bodies, skipped without
# parsing. Searched as an address after '=' (`re` looks for the '=' first), then 'href'
# before it, in any case: `href\s*=\s*["']?\s*/` with IGNORECASE was tried at every
# character of every body, a twentieth of the Markdown step.
_PATH_VALUE = re.compile(r"""=\s*["']?\s*/""")


def may_link(body_html: str, host: str = "") -> bool:
    r"""Whether a body's HTML may link to a path of the site (only those are parsed): an
    `href\s*=\s*["']?\s*/` (any case), a full address with '#' or to `host` (base_url's)."""
    if links_to_place(body_html) or (host and host in body_html):
        return True
    for found in _PATH_VALUE.finditer(body_html):
        end = found.start()
        while end and body_html[end - 1].isspace():  # what `\s` matches
            end -= 1
        if end >= 4 and body_html[end - 4 : end].lower() == "href":
            return True
    return False


def _hrefs(body_html: str, host: str = "") -> list[str]:
    if not may_link(body_html, host):
        return []
    return [value for tag, value in addresses(body_html) if tag == "a" and value]


def _site_path(href: str, base_path: str) -> str | None:
    """The path under the site root a body link points to ('about/'); None for a link to
    another site, to this page ('#notes') or outside base_url's path."""
    parts = urlsplit(html.unescape(href))
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    path = unquote(parts.path)
    return path[len(base_path) :] if path.startswith(base_path) else None


def _published(relative: str, paths: Collection[str]) -> bool:
    if relative in ("", "index.html") or relative in paths:
        return True
    return relative.rstrip("/") + "/index.html" in paths


def _line(article: Linking, relative: str) -> int:
    """The body line where the link is written (as '/about/' or under the base path)."""
    needle = "/" + relative
    index = article.body.find(needle) if relative else -1
    return article.body_line + (article.body.count("\n", 0, index) if index >= 0 else 0)


def unknown_links(
    articles: Iterable[Article],
    paths: set[str],
    base_path: str,
    unread: Iterable[Linking] = (),
    later: Later = nothing,
    anchors: Anchors | None = None,
) -> list[Diagnostic]:
    """An error for each body link of `articles` and `unread` to a site path that is none
    of `paths` (once per body and path), on its line, with "did you mean" when an address
    is close (`_close`); or, when a build with the articles it left out would publish it
    (`later`), saying to publish that article first. A link to the page an `unread`
    article file would make (its front matter has errors: `page`) is a warning: the link
    is right; with `anchors`, an error for a link to a place (`#id`) a story's page lacks."""
    articles, unread = list(articles), list(unread)
    making = {page: body.source for body in unread if (page := getattr(body, "page", ""))}
    pages = sorted({p.removesuffix("index.html") for p in paths if p.endswith("/index.html")})
    found: list[Diagnostic] = []
    for article in [*articles, *unread]:
        seen: set[str] = set()
        for href in _hrefs(article.body_html, anchors.host if anchors else ""):
            relative = _site_path(href, base_path)
            relative = anchors.own(href) if relative is None and anchors else relative
            if anchors and "#" in href and href not in seen:
                seen.add(href)  # a place in a story's page: its id (render/anchors.py)
                found += [p for p in [anchors.problem(article, href, relative)] if p]
            if relative is None or relative in seen or _published(relative, paths):
                continue
            seen.add(relative)
            page = relative.removesuffix("index.html").rstrip("/") + "/"
            if page in making:
                found.append(_not_yet(article, relative, making[page]))
                continue
            held = _published(relative, later())
            first, _, rest = relative.partition("/")
            if rest and not held and _published(rest, paths):  # /OLD-BASE/2025/06/20/x/
                found.append(_moved(article, relative, first))
                continue
            found.append(_unknown(article, relative, pages, held))
    return found


def _not_yet(article: Linking, relative: str, source: str) -> Diagnostic:
    """A link to the page the article file `source` makes once its own errors are fixed."""
    return warning(
        article.source,
        _line(article, relative),
        f"link to '/{relative}': the story content/{source} makes this page but is not "
        "published, because of an error of its own, listed under its name",
        f"correct content/{source} (its error is listed under its name); this link is right "
        "and works once that story is published",
    )


def _moved(article: Linking, relative: str, first: str) -> Diagnostic:
    """A link that is a page of the site under one folder more: the site's base path before
    it moved (`/REPO/...`, copied from the address bar before a move to a custom domain)."""
    page = "/" + relative.partition("/")[2]
    return error(
        article.source,
        _line(article, relative),
        f"link to '/{relative}' goes to no page of the site; without its first folder /{first}/ "
        f"it is the page {page}: was /{first}/ the site's base path before it moved?",
        f"write {page}: it works at any address; until every such link is fixed, name the "
        f'old address in the settings file: former_base_url = "https://USER.github.io/{first}/" '
        "(README: A custom domain)",
    )


def _unknown(article: Linking, relative: str, pages: list[str], held: bool) -> Diagnostic:
    close = None if held else _close(relative, pages)
    first = relative.partition("/")[0]
    if held:
        fix = PAGE_OF_HELD_BACK
    elif close:
        fix = f"did you mean /{close}?"
    elif first.isdigit():  # a story's address, /YYYY/MM/DD/SLUG/
        fix = (
            "the site has no story at that address: copy the story's address from the site "
            "(newsdigest serve shows it), or link to the story's file instead, like "
            "[text](../06/story.md): its address is then always right"
        )
    elif "/" in relative.rstrip("/") and f"{first}/" in pages:
        fix = (
            f"the site has no page of that name in /{first}/: the page /{first}/ lists "
            "them; copy the address from there (newsdigest serve shows the site)"
        )
    else:
        fix = (
            "the site has no page of that name: open the page you mean (newsdigest serve "
            "shows the site) and copy its address, or remove the link"
        )
    return error(
        article.source,
        _line(article, relative),
        f"link to {'/' + relative!r} goes to no page of the site",
        fix,
    )


def _close(relative: str, pages: list[str]) -> str | None:
    """The page (of `pages`, 'DIR/') an editor probably meant by `relative`: one in the
    same folder whose name is spelt alike (`storm-plans/` for `storm-plan/`), else one of
    the same name in a folder as deep and alike (`2025/06/21/x/` for `2025/06/20/x/`);
    None when none is that close (`nope/` is not `s3/`, whatever their day)."""
    folder, _, name = relative.removesuffix("index.html").rstrip("/").rpartition("/")
    neighbours: list[str] = []
    namesakes: list[str] = []
    for page in pages:
        other_folder, _, other = page.rstrip("/").rpartition("/")
        if other_folder == folder:
            neighbours.append(other)
        elif other == name and other_folder.count("/") == folder.count("/"):
            namesakes.append(other_folder)
    spelt = difflib.get_close_matches(name, neighbours, n=1, cutoff=0.75)
    if spelt:
        return f"{folder}/{spelt[0]}/" if folder else f"{spelt[0]}/"
    near = difflib.get_close_matches(folder, namesakes, n=1, cutoff=0.6)
    return f"{near[0]}/{name}/" if near else None


def check(
    site: Site,
    settings: Settings,
    templates_dir: Path,
    content_dir: Path,
    assets: Iterable[str],
    now: datetime | None = None,
    aliases: bool = True,
    bodies: Iterable[Article] | None = None,
    unread: Iterable[Linking] = (),
    later: Later = nothing,
) -> list[Diagnostic]:
    """The body links of the site's articles (or of `bodies`, those of them whose HTML is
    at hand) and of `unread` to site paths it will not publish, and (with `aliases`)
    `alias_clashes`, found without rendering: for a build that stops on other errors."""
    own = pages(site, settings, templates_dir, content_dir, assets, now)
    return problems(
        site, site.articles if bodies is None else bodies, own, settings, aliases, unread, later
    )


def built(
    site: Site,
    settings: Settings,
    templates_dir: Path,
    assets: Iterable[str],
    pages: Iterable[str],
    feeds: Iterable[str],
    articles: Iterable[Article] | None = None,
    later: Later = nothing,
    content: Path | None = None,
    aliases: bool = True,
    html_of: Callable[[Article], str] | None = None,
) -> list[Diagnostic]:
    """The same for a build, which has planned its pages and feeds (`pages`, `feeds`:
    their paths, rendered or kept) and publishes the other files beside them. `articles`:
    those of the site's articles whose bodies to check, with their bodies (default: all);
    with `aliases`, every article's aliases and the project's static/ files are checked;
    `html_of`: a story's body HTML, for links to a place in it ('' when not at hand)."""
    own = {*pages, *feeds} | own_files(site, settings, templates_dir, assets)
    bodies = site.articles if articles is None else articles
    return problems(
        site, bodies, own, settings, aliases, later=later, content=content, html_of=html_of
    )


def problems(
    site: Site,
    bodies: Iterable[Article],
    own: set[str],
    settings: Settings,
    aliases: bool = True,
    unread: Iterable[Linking] = (),
    later: Later = nothing,
    content: Path | None = None,
    html_of: Callable[[Article], str] | None = None,
) -> list[Diagnostic]:
    """`unknown_links` of `bodies` and `unread` against `own` (the paths `site` publishes),
    the redirect pages and the project's static/ files (render/root_files.py), then (with
    `aliases`) `alias_clashes` of every article of the site and, given the `content`
    folder (errors are named from it), the static/ files that clash with the site's."""
    redirects = {alias_file(alias) for article in site.articles for alias in article.aliases}
    base_path = Urls(settings.base_url).base_path
    root = set(root_paths(settings.static_dir))  # PROJECT/static/'s files, at the root
    anchors = Anchors(site.articles, html_of, settings.base_url, settings.markdown_engine)
    links = unknown_links(bodies, own | redirects | root, base_path, unread, later, anchors)
    if not aliases:
        return links
    clashes = root_problems(settings.static_dir, content, own | redirects) if content else []
    return links + alias_clashes(site.articles, own) + clashes


def alias_clashes(articles: Iterable[Article], own: set[str]) -> list[Diagnostic]:
    """An error on each alias whose redirect page would be written over a file the site
    publishes of its own (`own`: its pages, feeds and other files, as paths under the
    output folder): a language's home (`/ur/`), a page of listings, a feed; or that needs
    a folder where the site writes a file (`/CNAME/` is CNAME/index.html, but CNAME is a
    file), or a file where the site needs a folder: no file system holds both. An alias
    that is an article's page is left to `load.collisions.alias_collisions`, which names it."""
    found: list[Diagnostic] = []
    articles = list(articles)
    redirects = {alias_file(alias) for article in articles for alias in article.aliases}
    if not redirects:
        return found
    stories = {article.path for article in articles}  # alias_collisions names the story
    files = own | redirects
    folders = {path[:i] for path in files for i, c in enumerate(path) if c == "/"}
    for article in articles:
        for alias in article.aliases:
            target = alias_file(alias)
            if alias in stories:
                continue
            if target in own:
                problem = (
                    "is an address the site publishes a page of its own at: a redirect "
                    "there would replace that page"
                )
            else:
                problem = _file_or_folder(target, files, folders)
            if problem:
                found.append(
                    error(
                        article.source,
                        article.aliases_line,
                        f"alias /{alias} {problem}",
                        "remove it from aliases: (an old address cannot be one of the "
                        "site's own files, such as CNAME, robots.txt or a feed, or lie "
                        "inside one)",
                    )
                )
    return found


def _file_or_folder(target: str, files: set[str], folders: set[str]) -> str:
    """Why the redirect page `target` cannot be written beside `files`, or ''."""
    if target in folders:
        inside = min(f for f in files if f.startswith(target + "/"))
        return (
            f"is a folder the site publishes files in (such as /{inside}): a redirect page "
            "cannot be written there"
        )
    parts = target.split("/")
    for end in range(1, len(parts)):
        folder = "/".join(parts[:end])
        if folder in files:
            return (
                f"would need a folder named /{folder}, but the site publishes a file of "
                "that name: the redirect page cannot be written"
            )
    return ""


def rendered(
    articles: Sequence[Article],
    files: Sequence[OutputFile],
    settings: Settings,
    content: Path,
    later: Later = nothing,
) -> list[Diagnostic]:
    """The problems of a site made in memory (`files`, of `articles`): body links to paths
    it does not publish, aliases that clash with its own files (a path written twice is
    a page or file of its own too), PROJECT/static/'s files that clash or are not allowed."""
    base_path = Urls(settings.base_url).base_path
    anchors = Anchors(articles, None, settings.base_url, settings.markdown_engine)
    links = unknown_links(
        articles, {f.path for f in files}, base_path, later=later, anchors=anchors
    )
    counts = Counter(f.path for f in files)
    redirects = {alias_file(a) for article in articles for a in article.aliases}
    own = {path for path, count in counts.items() if count > 1 or path not in redirects}
    links += alias_clashes(articles, own)
    roots = set(root_paths(settings.static_dir))
    own = {path for path, count in counts.items() if count > 1 or path not in roots}
    return links + root_problems(settings.static_dir, content, own)
