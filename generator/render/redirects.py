"""Redirect pages: one at each `aliases:` path, sending readers and crawlers to the article.

A static host cannot answer 301, so each old address gets a small HTML page with an
immediate `<meta http-equiv="refresh">` to the article's path (it works on a preview
server too), a `<link rel="canonical">` to the article's absolute URL (search engines
treat it like a permanent redirect) and `<meta name="robots" content="noindex">`. The
pages are left out of the sitemaps and the search index. Like every page of the site, one
has a viewport and a first-level heading ("This story has moved"), for the reader whose
browser does not follow the refresh.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import escape

from generator.index.site import Site
from generator.languages import dir_attribute, text_attributes
from generator.model import Article, OutputFile
from generator.render.urls import Urls


def redirect_page(article: Article, urls: Urls, language: str, site_title: str) -> bytes:
    path = urls.article(article)
    absolute = urls.absolute(path)
    title = escape(article.title)
    html = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language)}"{dir_attribute(language)}>\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Moved: {title} · {escape(site_title)}</title>\n"
        f'<meta name="description" content="This story has moved: {title}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{escape(absolute)}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(path)}">\n'
        "</head>\n"
        "<body>\n"
        "<main><h1>This story has moved</h1>\n<p>Read it at its new address: "
        f'<a href="{escape(path)}"{text_attributes(article.language or language, language)}>'
        f"{title}</a>.</p></main>\n"
        "</body>\n"
        "</html>\n"
    )
    return html.encode("utf-8")


def alias_file(alias: str) -> str:
    """The file under the output folder of an alias's redirect page (an alias as
    load.identity.alias_path gives it: 'old/' -> 'old/index.html')."""
    return alias + "index.html" if alias.endswith("/") else alias


def redirect_files(site: Site, urls: Urls, language: str, site_title: str) -> Iterator[OutputFile]:
    """A redirect page for every alias of every published article."""
    for article in site.articles:
        page = None
        for alias in article.aliases:
            page = page or redirect_page(article, urls, language, site_title)
            yield OutputFile(alias_file(alias), page)
