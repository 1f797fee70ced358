"""Files for crawlers and hosts: sitemap.xml, sitemap-news.xml, robots.txt, .nojekyll, CNAME."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime, timedelta

from generator.index.site import Site
from generator.languages import preferred_tag
from generator.model import Article, OutputFile
from generator.render.translations import Translations
from generator.render.urls import Urls

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_WINDOW = timedelta(hours=48)  # Google News: "articles created in the last two days"
WINDOW_SECONDS = NEWS_WINDOW.total_seconds()  # added to a POSIX time: no overflow in 9999
NEWS_LIMIT = 1000  # Google News: at most 1,000 news:news tags per sitemap


URL_LIMIT = 50_000  # sitemaps.org: at most 50,000 URLs in one sitemap file ...
BYTE_LIMIT = 52_428_800  # ... and at most 50 MB (uncompressed)


def sitemap(
    pages: Iterable[OutputFile],
    site: Site,
    urls: Urls,
    language: str = "en",
    limit: int = URL_LIMIT,
    max_bytes: int = BYTE_LIMIT,
) -> list[OutputFile]:
    """/sitemap.xml: every HTML page but the 404 page, with lastmod for articles. An article
    with translations (one `translation_key`) lists every version, itself included, as
    <xhtml:link rel="alternate" hreflang href> plus x-default (Google's sitemap form of
    hreflang), the same set as the page's `<head>`; `language` is the site's, for
    articles without their own.

    Over `limit` URLs or `max_bytes` bytes (sitemaps.org: 50,000 and 50 MB), sitemap.xml is
    a <sitemapindex> of numbered sitemaps, sitemap-1.xml, sitemap-2.xml..., each within
    both limits, the pages in the same order; robots.txt names sitemap.xml either way."""
    return _split(_urlset(pages, site, urls, language), "sitemap", urls, limit, max_bytes)


def _split(root: ET.Element, name: str, urls: Urls, limit: int, max_bytes: int) -> list[OutputFile]:
    """NAME.xml holding `root`'s <url>s; over `limit` of them or `max_bytes`, a
    <sitemapindex> of NAME-1.xml, NAME-2.xml..., each within both, in the same order."""
    data = _xml(root)
    if len(root) <= limit and len(data) <= max_bytes:
        return [OutputFile(f"{name}.xml", data)]
    entries = list(root)
    chunks = [entries[start : start + limit] for start in range(0, len(entries), limit)]
    parts = [part for chunk in chunks for part in _within(root, chunk, max_bytes)]
    index = ET.Element("sitemapindex", xmlns=SITEMAP_NS)
    for number in range(1, len(parts) + 1):
        entry = ET.SubElement(index, "sitemap")
        ET.SubElement(entry, "loc").text = urls.absolute(urls.file(f"{name}-{number}.xml"))
    files = [OutputFile(f"{name}.xml", _xml(index))]
    return files + [OutputFile(f"{name}-{n}.xml", data) for n, data in enumerate(parts, start=1)]


def _urlset(pages: Iterable[OutputFile], site: Site, urls: Urls, language: str) -> ET.Element:
    modified = {urls.output_path(urls.article(a)): a.modified for a in site.articles}
    translations = Translations(site.articles, language, urls)
    alternates = {
        urls.output_path(urls.article(a)): translations.alternates(a)
        for a in site.articles
        if a.translation_key
    }
    alternates = {path: found for path, found in alternates.items() if found}
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    if alternates:
        root.set("xmlns:xhtml", XHTML_NS)
    for path in sorted(p.path for p in pages if p.path.endswith("index.html")):
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = urls.absolute(urls.path(path[: -len("index.html")]))
        if path in modified:
            ET.SubElement(entry, "lastmod").text = modified[path].isoformat()
        for hreflang, href in alternates.get(path, ()):
            ET.SubElement(entry, "xhtml:link", rel="alternate", hreflang=hreflang, href=href)
    return root


def _within(whole: ET.Element, entries: list[ET.Element], max_bytes: int) -> list[bytes]:
    """`entries` as one <urlset> like `whole`, or as several when one would pass max_bytes."""
    part = ET.Element(whole.tag, whole.attrib)
    part.extend(entries)
    data = _xml(part)
    if len(data) <= max_bytes or len(entries) == 1:
        return [data]
    half = len(entries) // 2
    return _within(whole, entries[:half], max_bytes) + _within(whole, entries[half:], max_bytes)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def news_language(language: str) -> str:
    """A BCP 47 tag as Google News wants it: the ISO 639 code ('en', 'hi', 'fil'; 'he' for
    the withdrawn 'iw'), except
    Chinese, which is 'zh-cn' (Simplified) or 'zh-tw' (Traditional)."""
    parts = preferred_tag(language).lower().split("-")
    if parts[0] != "zh":
        return parts[0]
    return "zh-tw" if {"hant", "tw", "hk", "mo"} & set(parts[1:]) else "zh-cn"


def in_news_window(article: Article, now: datetime) -> bool:
    """Published (not a draft, not in the future) within the 48 hours before `now`."""
    return not article.draft and now - NEWS_WINDOW < article.date <= now


def news_sitemap(
    site: Site,
    urls: Urls,
    publisher: str,
    language: str,
    now: datetime,
    limit: int = NEWS_LIMIT,
) -> list[OutputFile]:
    """/sitemap-news.xml (Google News sitemap, namespace NEWS_NS): the articles whose
    `date` is in the 48 hours before `now` (the build's clock), newest first; over
    `limit` (Google: 1,000 news:news per sitemap), a sitemap index of sitemap-news-1.xml,
    sitemap-news-2.xml..., each of at most `limit`, none left out. `now` is an input like
    the content: the same content and clock give the same bytes. Each <url> has
    news:publication (name, and the story's language: its own `language:`, else the
    site's `language`), news:publication_date (W3C datetime in the article's own offset)
    and news:title. With no recent article the file is a valid, empty <urlset>. The
    site's articles are looked at in its index's order (newest first) until the window's
    start.
    """
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    root.set("xmlns:news", NEWS_NS)
    start = now - NEWS_WINDOW  # (in_news_window, the window's start made once)
    recent = []
    before = start.timestamp() - 1.0  # the index is newest first: what follows is older
    for a in site.articles:
        if a.date.timestamp() < before:
            break
        if not a.draft and start < a.date <= now:
            recent.append(a)
    recent.sort(key=lambda a: a.sort_key)
    for article in recent:
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = urls.absolute(urls.article(article))
        news = ET.SubElement(entry, "news:news")
        publication = ET.SubElement(news, "news:publication")
        ET.SubElement(publication, "news:name").text = publisher
        written = news_language(article.language or language)
        ET.SubElement(publication, "news:language").text = written
        ET.SubElement(news, "news:publication_date").text = article.date.isoformat()
        ET.SubElement(news, "news:title").text = article.title
    return _split(root, "sitemap-news", urls, limit, BYTE_LIMIT)


def news_window_ends(articles: Iterable[Article], now: datetime) -> float | None:
    """When the first article in the news sitemap leaves it (a POSIX time; None: none is in
    it): a site built later than that has another sitemap-news.xml."""
    return min(
        (a.date.timestamp() + WINDOW_SECONDS for a in articles if in_news_window(a, now)),
        default=None,
    )


def robots(urls: Urls) -> OutputFile:
    text = (
        f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(urls.file('sitemap.xml'))}\n"
        f"Sitemap: {urls.absolute(urls.file('sitemap-news.xml'))}\n"
    )
    return OutputFile("robots.txt", text.encode("utf-8"))


def nojekyll() -> OutputFile:
    """Tells GitHub Pages to publish the files as they are, without Jekyll."""
    return OutputFile(".nojekyll", b"")


def cname(host: str) -> OutputFile:
    """The custom domain, for GitHub Pages sites published from a branch."""
    return OutputFile("CNAME", f"{host}\n".encode("ascii"))
