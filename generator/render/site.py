"""Every file of a site from its index: pages, feeds, sitemap, theme assets and media."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from generator.config import Settings
from generator.index.site import Site
from generator.index.terms import AUTHORS
from generator.model import Article, Author, OutputFile
from generator.render import images
from generator.render.redirects import redirect_files
from generator.render.root_files import root_output
from generator.render.sections import SiteRenderer
from generator.render.sitemap import cname, news_sitemap, nojekyll, robots, sitemap
from generator.render.theme import Theme
from generator.render.urls import Urls


def static_files(templates_dir: Path) -> Iterator[OutputFile]:
    """The theme's assets -> static/**: the packaged theme's, each replaced by the site's
    file of the same name under `templates_dir`/static/."""
    for name, path in Theme(templates_dir).static_files():
        yield OutputFile("static/" + name, path.read_bytes())


def lead_focuses(site: Site) -> dict[str, set[tuple[float, float] | None]]:
    """Each local lead image's focal points (None: the centre): one set of crops each."""
    found: dict[str, set[tuple[float, float] | None]] = {}
    for article in site.articles:
        if article.image is not None and article.image.picture is not None:
            found.setdefault(article.image.src, set()).add(article.image.focus)
    return found


def encode_images(
    article: Article, assets: set[str], content_dir: Path, max_image_size: int
) -> int:
    """Encode (into the image cache) the published files of the images an article shows:
    run by the workers after its body, so that writing the site finds them all made.
    The number of images."""
    focuses: dict[str, set[tuple[float, float] | None]] = {
        source: set() for source in assets if images.is_image_name(source)
    }
    if article.image is not None and article.image.picture is not None:
        focuses.setdefault(article.image.src, set()).add(article.image.focus)
    for source, points in focuses.items():
        picture = images.probe(content_dir / source, max_image_size)
        if not isinstance(picture, str):
            images.publish(content_dir, source, picture, points)
    return len(focuses)


def author_photos(site: Site) -> Iterator[OutputFile]:
    """The photos of the author registry's authors who have stories, under portraits/ by
    their path beside authors.yaml (portraits/authors/asha.jpg), in every width like other
    images: apart from content/'s files (media/), so neither takes the other's address."""
    for group in site.terms(AUTHORS):
        author: Author = group.key
        if author.picture is not None:
            yield from images.publish(
                Path(author.root), author.image, author.picture, root=images.PORTRAITS
            )


def media_files(
    content_dir: Path, assets: set[str], site: Site, max_image_size: int
) -> Iterator[OutputFile]:
    """Images and other files the articles use, from content/ to media/: an image in its
    published widths and formats (and a lead image's crops), another file as it is."""
    focuses = lead_focuses(site)
    for source in sorted(assets):
        picture = (
            images.probe(content_dir / source, max_image_size)
            if images.is_image_name(source)
            else None
        )
        if picture is None or isinstance(picture, str):
            yield OutputFile("media/" + source, (content_dir / source).read_bytes())
        else:
            yield from images.publish(content_dir, source, picture, focuses.get(source, ()))


def extra_files(
    pages: list[OutputFile],
    site: Site,
    settings: Settings,
    templates_dir: Path,
    content_dir: Path,
    assets: set[str],
    now: datetime,
    with_sitemap: bool = True,
) -> list[OutputFile]:
    """What is not a page or a feed: sitemaps, robots.txt, .nojekyll, CNAME, static, media.

    `now` is the build's clock, which decides what is recent (the news sitemap).
    `with_sitemap` False leaves out sitemap.xml (a build that keeps the last one).
    """
    urls = Urls(settings.base_url)
    files = sitemap(pages, site, urls, settings.language) if with_sitemap else []
    files += news_sitemap(site, urls, settings.publisher_name, settings.language, now)
    files += [
        robots(urls),
        nojekyll(),
    ]
    files += [cname(settings.cname)] if settings.cname else []
    # Redirect pages (aliases) come after the sitemap, which lists `pages` only.
    files += list(redirect_files(site, urls, settings.language, settings.title))
    if settings.logo:  # the publisher's logo, named in the structured data
        files.append(OutputFile(settings.logo_name, Path(settings.logo).read_bytes()))
    files += list(static_files(templates_dir))
    files += root_output(settings.static_dir)  # PROJECT/static/, as it is
    files += list(media_files(content_dir, assets, site, settings.max_image_size))
    files += list(author_photos(site))
    return files


def render_site(
    site: Site,
    settings: Settings,
    templates_dir: Path,
    content_dir: Path,
    assets: set[str],
    search: bool,
    now: datetime,
) -> list[OutputFile]:
    """Every file of the site, every page rendered, in memory."""
    urls = Urls(settings.base_url)
    renderer = SiteRenderer(settings, urls, templates_dir, site, search)
    pages = [renderer.render(spec) for spec in renderer.all_pages()]
    files = pages + [planned.make() for planned in renderer.feed_plans(content_dir, now)]
    return files + extra_files(pages, site, settings, templates_dir, content_dir, assets, now)
