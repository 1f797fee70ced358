"""The markup and URLs of a page's pictures: <img> attributes (src, srcset, sizes, width,
height), the WebP <source>, author photos, and the absolute URLs of a lead image and of its
crops for og:image and JSON-LD (render.images makes the files; this names them on pages).
"""

from __future__ import annotations

from markupsafe import Markup

from generator.model import Article, Author, Image
from generator.render import images
from generator.render.links import start_tag_attributes
from generator.render.urls import Urls


class Pictures:
    """Picture markup for the pages of one site (its URLs); the methods are theme filters."""

    def __init__(self, urls: Urls) -> None:
        self.urls = urls

    def author_photo(self, author: Author) -> Markup:
        """The author's photo as a <picture> (published under /media/), or nothing."""
        if author.picture is None:
            return Markup("")
        return Markup(
            images.picture_html(
                author.image,
                author.picture,
                self.urls.site_file,
                [("alt", f"Photo of {author.name}"), ("class", "author-photo")],
                images.PHOTO_SIZES,
                images.PORTRAITS,
            )
        )

    def crops(self, article: Article) -> list[tuple[str, int, int]]:
        """(absolute URL, width, height) of the lead image's 16:9, 4:3 and 1:1 crops, for
        JSON-LD and og:image; none for a remote image or one narrower than 1200 px."""
        image = article.image
        if image is None or image.picture is None:
            return []
        return [
            (self.urls.absolute(self.urls.site_file(path)), width, height)
            for path, width, height in images.crop_paths(image.src, image.picture, image.focus)
        ]

    def og_image(self, article: Article) -> tuple[str, int, int] | None:
        """(absolute URL, width, height) for og:image: the 16:9 crop when there is one;
        width and height 0 when unknown (a remote image without them in front matter)."""
        crops = self.crops(article)
        if crops:
            return crops[0]
        image = article.image
        if image is None or (image.picture is not None and image.picture.format == "SVG"):
            return None  # Facebook, X and LinkedIn take no SVG (load/images.py warns)
        if image.picture is not None:
            found = images.responsive(image.src, image.picture, self.urls.site_file)
            return self.urls.absolute(found.src), found.width, found.height
        return image.src, image.width, image.height

    def img_attrs(self, image: Image, sizes: str = images.SIZES) -> Markup:
        """src, srcset, sizes, width and height of an <img> for `image` (a remote one:
        src, and width and height when the front matter gives them)."""
        if image.picture is None:
            attrs = [("src", image.src)]
            if image.width and image.height:
                attrs += [("width", str(image.width)), ("height", str(image.height))]
            return Markup(start_tag_attributes(attrs).lstrip())
        found = images.responsive(image.src, image.picture, self.urls.site_file)
        attrs = [("src", found.src)]
        if found.srcset:
            attrs += [("srcset", found.srcset), ("sizes", sizes)]
        if found.width and found.height:
            attrs += [("width", str(found.width)), ("height", str(found.height))]
        return Markup(start_tag_attributes(attrs).lstrip())

    def webp_source(self, image: Image, sizes: str = images.SIZES) -> Markup:
        """The <source type="image/webp"> of a local image's <picture>, or nothing."""
        if image.picture is None:
            return Markup("")
        found = images.responsive(image.src, image.picture, self.urls.site_file)
        if not found.webp_srcset:
            return Markup("")
        return Markup(
            "<source"
            + start_tag_attributes(
                [("type", "image/webp"), ("srcset", found.webp_srcset), ("sizes", sizes)]
            )
            + ">"
        )

    def image_src(self, image: Image) -> str:
        """Where a page loads an image from: its URL, or its path under /media/."""
        return image.src if image.is_remote else self.urls.media(image.src)

    def image_url(self, article: Article) -> str:
        """The absolute URL of the article's image, or ''."""
        if article.image is None:
            return ""
        if article.image.is_remote:
            return article.image.src
        return self.urls.absolute(self.urls.media(article.image.src))
