"""Files for crawlers and hosts: sitemap.xml, robots.txt, .nojekyll and CNAME."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from generator.index.site import Site
from generator.model import OutputFile
from generator.render.urls import Urls

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(pages: Iterable[OutputFile], site: Site, urls: Urls) -> OutputFile:
    """Every HTML page but the 404 page, with lastmod for articles."""
    modified = {urls.output_path(urls.article(a)): a.modified for a in site.articles}
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for path in sorted(p.path for p in pages if p.path.endswith("index.html")):
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = urls.absolute(urls.path(path[: -len("index.html")]))
        if path in modified:
            ET.SubElement(entry, "lastmod").text = modified[path].isoformat()
    ET.indent(root)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
    return OutputFile("sitemap.xml", data)


def robots(urls: Urls) -> OutputFile:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(urls.file('sitemap.xml'))}\n"
    return OutputFile("robots.txt", text.encode("utf-8"))


def nojekyll() -> OutputFile:
    """Tells GitHub Pages to publish the files as they are, without Jekyll."""
    return OutputFile(".nojekyll", b"")


def cname(host: str) -> OutputFile:
    """The custom domain, for GitHub Pages sites published from a branch."""
    return OutputFile("CNAME", f"{host}\n".encode("ascii"))
