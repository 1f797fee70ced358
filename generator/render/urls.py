"""Every URL of the site, in one place.

Pages link to each other by path under base_url's path (`/REPO/tags/climate/`), so a
build previews on localhost; `absolute()` gives the full URL for canonical links,
Open Graph, sitemaps and feeds. `output_path()` maps a URL path to the file to write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote, urlsplit

from generator.config import Settings
from generator.index.terms import COUNTRIES, TOPICS, TermKind
from generator.model import Article, Author, Country, Tag
from generator.repository import edit_path


def edit_url(settings: Settings, source: str) -> str:
    """Where an editor changes an article's file on its host ('' without repo_url)."""
    if not settings.repo_url:
        return ""
    path = edit_path(f"{settings.repo_branch}/{settings.content_dir}/{source}")
    return f"{settings.repo_url}/{_routes(settings.repo_url)[0]}/{path}"


def history_url(settings: Settings, source: str) -> str:
    """The list of changes to an article's file on its host ('' without repo_url)."""
    if not settings.repo_url:
        return ""
    path = edit_path(f"{settings.repo_branch}/{settings.content_dir}/{source}")
    return f"{settings.repo_url}/{_routes(settings.repo_url)[1]}/{path}"


def _routes(repo_url: str) -> tuple[str, str]:
    """The paths of a repository's edit and history pages before `BRANCH/FILE`, by its
    host: GitLab's (`-/edit`, `-/commits`), Codeberg's, Gitea's and Forgejo's (`_edit`,
    `commits/branch`), else GitHub's (`edit`, `commits`) (prober3 L14)."""
    host = (urlsplit(repo_url).hostname or "").lower()
    if host == "gitlab.com" or host.startswith("gitlab."):
        return "-/edit", "-/commits"
    if host == "codeberg.org" or host.startswith(("gitea.", "forgejo.")):
        return "_edit", "commits/branch"
    return "edit", "commits"


@dataclass(frozen=True, slots=True)
class Urls:
    """A site's URLs; `folder` ('ur/', generator.index.languages) puts a language's pages
    (home, listings, search, its feeds) in its folder. Articles, media, static files and
    the top-level files (sitemaps, OPML) are the site's, outside any folder."""

    base_url: str  # absolute, with a trailing slash
    folder: str = ""  # a language's folder, '' for the site's language
    # base_url's path ('/REPO/') and its scheme and host ('https://example.org'): read
    # once, not at each of the dozens of URLs a page holds
    base_path: str = field(init=False, repr=False, compare=False)
    origin: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        object.__setattr__(self, "base_path", parts.path)
        object.__setattr__(self, "origin", f"{parts.scheme}://{parts.netloc}")

    def path(self, relative: str = "") -> str:
        """The site path for a location relative to the site root ('' is the home page)."""
        return self.base_path + relative

    def local(self, relative: str = "") -> str:
        """A site path in this language's folder: /ur/tags/ (the site path without one)."""
        return self.base_path + self.folder + relative

    def in_folder(self, folder: str) -> Urls:
        """The same site's URLs for the language in `folder` ('' for the site's)."""
        return Urls(self.base_url, folder)

    def absolute(self, site_path: str) -> str:
        """A site path as a full URL."""
        return self.origin + site_path

    def home(self) -> str:
        return self.local()

    def article(self, article: Article) -> str:
        return self.path(article.path)

    def paged(self, first_page: str, page: int) -> str:
        return first_page if page <= 1 else f"{first_page}page/{page}/"

    def terms(self, kind: TermKind) -> str:
        """The index page of a taxonomy (generator.index.terms): /tags/, /countries/."""
        return self.local(f"{kind.folder}/")

    def term(self, kind: TermKind, term: Tag | Country | Author, page: int = 1) -> str:
        return self.paged(self.local(f"{kind.folder}/{term.slug}/"), page)

    def term_feed(self, kind: TermKind, term: Tag | Country | Author) -> str:
        return self.local(f"{kind.folder}/{term.slug}/feed.xml")

    def tags(self) -> str:
        return self.terms(TOPICS)

    def tag(self, tag: Tag, page: int = 1) -> str:
        return self.term(TOPICS, tag, page)

    def countries(self) -> str:
        return self.terms(COUNTRIES)

    def country(self, country: Country, page: int = 1) -> str:
        return self.term(COUNTRIES, country, page)

    def archive(self) -> str:
        return self.local("archive/")

    def month(self, year: int, month: int) -> str:
        return self.local(f"archive/{year:04d}/{month:02d}/")

    def digest(self, day: date) -> str:
        return self.local(f"digest/{day.year:04d}-{day.month:02d}-{day.day:02d}/")

    def digests(self, page: int = 1) -> str:
        """/digest/: every day's digest, newest first, paginated."""
        return self.paged(self.local("digest/"), page)

    def digest_feed(self) -> str:
        return self.local("digest/feed.xml")

    def search(self) -> str:
        return self.local("search/")

    def search_bundle(self, name: str) -> str:
        """A file Pagefind writes after the build (pagefind-ui.js, pagefind-ui.css...)."""
        return self.path("pagefind/" + name)

    def media(self, content_path: str) -> str:
        """Where a file from content/ (an image) is published."""
        return self.path("media/" + quote(content_path))

    def site_file(self, relative: str) -> str:
        """The site path of a file at `relative` under the site root (media-sizes/...)."""
        return self.path(quote(relative))

    def static(self, name: str) -> str:
        return self.path("static/" + name)

    def feed(self, name: str) -> str:
        """A language's main feed file: feed.xml, atom.xml, feed.json (/ur/feed.xml)."""
        return self.local(name)

    def file(self, name: str) -> str:
        """A top-level file: feed.xml, atom.xml, feed.json, feeds.opml, sitemap.xml..."""
        return self.path(name)

    def output_path(self, site_path: str) -> str:
        """The file under the output directory that serves `site_path`."""
        relative = site_path[len(self.base_path) :]
        if relative == "" or relative.endswith("/"):
            return relative + "index.html"
        return relative


def portable_path(
    path: str, written_bases: Sequence[tuple[str, str]]
) -> tuple[str, tuple[str, str] | None]:
    """A site path written under a base path the site may not have (`written_bases`: the
    settings file's ('/REPO/tags/x/', copied from the live site) or former_base_url's, each
    with its name) -> (the site path after it, (message, fix) of its warning); (path,
    None) for any other path."""
    for written, whose in written_bases:
        if written != "/" and (path + "/").startswith(written):
            portable = "/" + path[len(written) :]
            return portable, (
                f"link {path!r} starts with {whose}: it is read as the page {portable}, "
                "which the site has at any address it is served at (a pull request's "
                "preview, a custom domain)",
                f"write {portable}: it works at any address",
            )
    return path, None
