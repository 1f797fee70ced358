"""One configured Markdown -> safe HTML step for article bodies, and what is derived from it.

Every link and image of a body, written in Markdown or as raw HTML (`<img src>`,
`<a href>`), is resolved the same way, after the sanitiser, by reading the HTML's start
tags (`rewrite_tags`):

- a relative path to a .md file becomes that article's URL;
- a relative path to another file in content/ (an image, a PDF) is published under
  /media/ and the link or image points there; a missing file is an error on its line;
- a path starting with '/' is read from the site root: a file in content/ as above,
  anything else (`/tags/climate/`) is put under base_url's path (`/REPO/tags/climate/`);
- links to other sites get rel="noopener noreferrer".

Two engines convert the Markdown (the `markdown_engine` setting): Python-Markdown with
its "extra", "smarty" and "sane_lists" extensions (the default), or cmark-gfm, GitHub's
renderer (`gfm`: tables, strikethrough, autolinks, task lists, footnotes, smart
punctuation; raw HTML kept for the sanitiser). Everything after conversion is shared.

The result is sanitised with nh3 unless the site trusts its editors' HTML. Work per
body is bounded (render/limits.py's `nesting_problem` and `time_limit`). Feeds make its
links absolute with render/links.py; descriptions come from render/summary.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from generator.diagnostics import Diagnostic, error, said_once, warning
from generator.index.selection import LINKS_TO_HELD_BACK
from generator.load.files import shown
from generator.load.meant import (
    from_repository,
    missing_file_hint,
    names_story,
    story_link,
    unpublished_file,
)
from generator.model import Picture, Text
from generator.render import broken_links, cmark, images, links, unaddressed, unclosed
from generator.render.attribute_lists import attribute_lists
from generator.render.body_html import (
    SCROLL_BOXES,
    address_line,
    fixed_headings,
    focusable,
    id_problems,
    no_alt,
    settled,
    stray_end_tags,
    unnamed_links,
    vague,
)
from generator.render.limits import TooSlow, nesting_problem, seconds_for, time_limit, too_slow
from generator.render.links import ALL_URL_ATTRIBUTES, Attrs, rewrite_tags, with_legal_urls
from generator.render.sanitised import (
    ALLOWED_TAGS,
    apart,
    masked,
    removed_addresses,
    removed_kinds,
    removed_markup,
    sanitise,
    without_address,
)
from generator.render.sanitised import (
    kept_in_paragraph as kept,
)
from generator.render.unaddressed import without_comments
from generator.render.urls import portable_path

_REWRITTEN = ("a", "img", *SCROLL_BOXES)  # the start tags `_rewrite` reads, in one pass
_TRUSTED = (*ALL_URL_ATTRIBUTES, *SCROLL_BOXES, "picture")  # trusted_html: <iframe src>...


def converter(engine: str) -> Callable[[str], str]:
    """Markdown text -> HTML (not yet sanitised) for a `markdown_engine` setting's value:
    "python-markdown" or "gfm"."""
    if engine == "gfm":
        return cmark.gfm
    from generator.render.python_markdown import python_markdown  # not imported for gfm

    return python_markdown()


@dataclass(slots=True)
class _Context:
    """What the link pass needs to know about the article being converted."""

    article: Text | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)
    searched: dict[str, int] = field(default_factory=dict)  # needle -> where to look next
    addresses: dict[str, int] = field(default_factory=dict)  # href/src -> tags with it so far
    masked: str | None = None  # the body with its code blanked, once asked for (`_masked`)
    resolved: dict[str, PurePosixPath | str] = field(default_factory=dict)
    picture: bool = False  # in a <picture> typed (trusted_html), before its <img>


class _Body:
    """The body being converted (`context`: its article, problems and the files it uses)
    and where in it a problem was typed: each is reported on its line (`_report`)."""

    def __init__(
        self,
        content_dir: Path,
        article_url: Callable[[str], str | None],
        media_url: Callable[[str], str],
        trusted_html: bool = False,
        base_path: str = "/",
        max_image_size: int = 20_000_000,
        engine: str = "python-markdown",
        written_bases: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.content_dir = content_dir
        self.article_url = article_url
        self.media_url = media_url
        self.trusted_html = trusted_html
        self.base_path = base_path
        # (path, its name): links written under them are read as site paths (_site_path)
        self.written_bases = written_bases or [(base_path, f"the site's base path {base_path}")]
        self.max_image_size = max_image_size
        self.context = _Context()
        self.engine = engine
        self.convert = converter(engine)

    def _masked(self) -> str:
        """The body with its code blanked (render/sanitised.py's `masked`), made once per
        article: the stray end tags, the headings and the addresses' lines read it."""
        context = self.context
        if context.masked is None:
            assert context.article is not None
            context.masked = masked(context.article.body)
        return context.masked

    def _line_of(self, needle: str) -> int:
        """The body line of `needle`'s next use (the same file named twice: each its line)."""
        article, context = self.context.article, self.context
        assert article is not None
        if needle in context.addresses:  # a link's or picture's address: where it is typed
            line = address_line(self._masked(), needle, context.addresses[needle])
            if line is not None:
                return article.body_line + line
        start = self.context.searched.get(needle, 0)
        index = article.body.find(needle, start)
        if index < 0:
            index = article.body.find(needle)
        self.context.searched[needle] = index + 1 if index >= 0 else start
        return article.body_line + (article.body[:index].count("\n") if index >= 0 else 0)

    def _local(self, path: str) -> PurePosixPath | str:
        from generator.load.files import resolve_local

        article = self.context.article
        assert article is not None
        known = self.context.resolved
        if path not in known:
            known[path] = resolve_local(path, article.source, self.content_dir)
        return known[path]

    def _missing_hint(self, path: str, what: str) -> str:
        article = self.context.article
        assert article is not None
        return missing_file_hint(path, article.source, self.content_dir, what)

    def _report(
        self, needle: str, message: str, hint: str, kind: Callable[..., Diagnostic] = error
    ) -> None:
        article = self.context.article
        assert article is not None
        self.context.problems.append(kind(article.source, self._line_of(needle), message, hint))


class _Addresses(_Body):
    """Every link and picture address of a body resolved by the rules above: an article's
    URL, a content file under /media/, a site path under base_url's path, a picture as a
    <picture>; the problems of each on its line."""

    def _rewrite(self, tag: str, attrs: Attrs) -> Attrs | str | None:
        if not self.trusted_html:
            return self._addressed(tag, attrs, False)
        return links.trusted_tag(tag, attrs, self.context, self._addressed, self._linked)

    def _linked(self, url: str) -> str | None:
        self.context.addresses[url] = self.context.addresses.get(url, -1) + 1
        return self.link_target(url)

    def _addressed(self, tag: str, attrs: Attrs, typed: bool) -> Attrs | str | None:
        if tag in SCROLL_BOXES:
            return focusable(tag, attrs)
        name = ALL_URL_ATTRIBUTES[tag]
        value = next((v for k, v in attrs if k == name), None)
        if value is None:
            return without_address(tag, attrs)
        if not value.strip():  # unaddressed.problems says so: a picture stays, for the error
            return None if tag != "a" else [(k, v) for k, v in attrs if k not in (name, "rel")]
        self.context.addresses[value] = self.context.addresses.get(value, -1) + 1
        if tag == "img":  # `typed`: of a <picture> as typed, kept an <img> (links.trusted_tag)
            alt = next((v or "" for k, v in attrs if k == "alt"), None)
            if said := vague(value, alt) if alt is not None else no_alt(value):
                self._report(value, *said, warning)
            described = attrs if alt is not None else [*attrs, ("alt", "")]  # as ![](x.png)
            if not typed:
                return self._image(value, described) or (described if alt is None else None)
        changed = self.link_target(value)
        external = tag == "a" and urlsplit(value).scheme in ("http", "https")
        if changed is None and not (external and self.trusted_html):
            return None
        result = [(k, changed if k == name and changed is not None else v) for k, v in attrs]
        if external:
            result = [(k, v) for k, v in result if k != "rel"] + [("rel", "noopener noreferrer")]
        return result

    def _site_path(self, path: str) -> str:
        """A site-root path ('/tags/x/') under base_url's path. A path that starts with the
        settings file's base path ('/REPO/tags/x/', copied from the live site) or with
        former_base_url's (`written_bases`, render/unread.py's body_renderer) is read as
        the site path after it, whatever --base-url the build has, with a warning: check
        and every build (preview, custom domain) read it alike."""
        portable, said = portable_path(path, self.written_bases)
        if said is not None:
            self._report(path, *said, warning)
        path = portable
        return path if self.base_path == "/" else self.base_path + path.lstrip("/")

    def link_target(self, href: str) -> str | None:
        """Where a body link should point, or None to keep it as written."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            return None  # another site, mailto:, or '#fragment' / '?query' on this page
        path = unquote(parts.path)
        suffix = (f"?{parts.query}" if parts.query else "") + (
            f"#{parts.fragment}" if parts.fragment else ""
        )
        resolved = self._local(path)
        article = self.context.article
        assert article is not None
        if names_story(path, resolved, article.source):  # 'x.md', and 'x.md/' read alike
            url = self.article_url(resolved.as_posix()) if not isinstance(resolved, str) else None
            if url == "":  # an article the build leaves out (a draft, a scheduled one)
                message = f"link to {shown(href)} points to no published article"
                self._report(href, message, LINKS_TO_HELD_BACK)
            elif url is None:
                where = (article.source, self.content_dir, self.article_url)
                self._report(href, *story_link(href, path, resolved, *where))
            return url + suffix if url else None
        if not isinstance(resolved, str):
            refused = unpublished_file(href, resolved, self.content_dir, self.trusted_html)
            if refused is not None:  # an article's text, a web page: never published
                self._report(href, *refused)
                return None
            if resolved.name.lower().endswith(".svg") and not self._probed(href, resolved, "link"):
                return None  # opened at its address, an SVG's scripts would run
            self.context.assets.add(resolved.as_posix())
            return self.media_url(resolved.as_posix()) + suffix
        if path.startswith("/") and from_repository(path, "", self.content_dir) is None:
            return self._site_path(parts.path) + suffix
        wrong = (
            f"linked file {resolved}"
            if resolved.endswith("content folder")  # outside it, or linked there
            else f"link to {shown(href)} points to no file"
        )
        self._report(href, wrong, self._missing_hint(path, "file"))
        return None

    def _image(self, src: str, attrs: Attrs) -> str | None:
        """A body image as published: a local one becomes a <picture> with a WebP <source>,
        srcset, its real width and height, loading="lazy" and decoding="async"."""
        parts = urlsplit(src)
        if parts.scheme.lower() == "http":
            self._report(
                src,
                f"image {src!r} is an http:// address; the site is https only, and browsers "
                "block or flag a picture from an http:// address on an https page",
                f"use the picture's https:// address (https://{src[7:]}) if its site has "
                "one; otherwise upload the picture into content/ beside the article",
            )
            return None
        if parts.scheme or parts.netloc:
            named = images.remote_kind(src, f"image {src!r}")
            if named:  # a remote .tif: not checked, but its name says what it is
                self._report(src, *named, warning)
            return None
        resolved = self._local(unquote(parts.path))
        if isinstance(resolved, str) and re.search(r"\s[\"'\u201c\u2018]", src):
            return None  # a title's quote not closed: render/broken_links.py says so
        if isinstance(resolved, str):
            self._report(
                src,
                f"image {resolved}"
                if resolved.endswith("content folder")  # outside it, or linked there
                else f"image {shown(src)} does not exist",
                self._missing_hint(unquote(parts.path), "image file"),
            )
            return None
        picture = self._probed(src, resolved, "image")
        if picture is None:
            return None
        self.context.assets.add(resolved.as_posix())
        return images.picture_html(resolved.as_posix(), picture, self._site_file, attrs)

    def _site_file(self, relative: str) -> str:
        """The site path of a file published at `relative` (media-sizes/...)."""
        return self.base_path + quote(relative)

    def _probed(self, needle: str, resolved: PurePosixPath, what: str) -> Picture | None:
        """The picture at `resolved` (in content/), or None after an error on the line of
        `needle` saying why it cannot be published (load/measure.py's `probe`)."""
        named = f"{what} {needle!r}: content/{resolved.as_posix()}"
        picture, said = images.probed(self.content_dir / resolved, self.max_image_size, named)
        for message, hint, kind in said:
            self._report(needle, message, hint, kind)
        return picture


class BodyRenderer(_Addresses):
    """Converts article bodies; one instance per process, reused for every article.

    `article_url(source)` gives the site path of the article at content path `source`
    (None when there is none; '' when the build leaves it out: a draft, a scheduled one);
    `media_url(path)` the site path a content file is published at; `base_path` is
    base_url's path ('/' or '/REPO/').
    """

    def render(self, article: Text) -> tuple[str, list[Diagnostic], set[str]]:
        """The body as safe HTML, problems found in it, and content files it uses.

        Work is bounded: text nested deeper than MAX_NESTING (or a run of more than
        MAX_MARKER_RUN emphasis markers) is refused before conversion, on its line, and a
        body that still takes more processor time than limits.py's `seconds_for` gives it
        is refused as a whole.
        """
        self.context = _Context(article)
        too_deep = nesting_problem(article.body)
        if too_deep is not None:
            line, message, hint = too_deep
            return "", [error(article.source, article.body_line + line - 1, message, hint)], set()
        try:
            with time_limit(seconds_for(article.body)):
                body_html = self._ended(article, self._converted(article))
                slips = unaddressed.problems(body_html, self._masked)
                slips += broken_links.problems(body_html, self._masked)
                if self.engine == "gfm" and "{" in article.body:  # (masking adds no '{')
                    slips += attribute_lists(body_html, without_comments(self._masked()))
                for line, message, hint, wrong in slips:
                    at, kind = article.body_line + line, error if wrong else warning
                    self.context.problems.append(kind(article.source, at, message, hint))
                body_html = self._sanitised(article, body_html)
                self._check_html(body_html)
                tags = _TRUSTED if self.trusted_html else _REWRITTEN
                body_html = rewrite_tags(body_html, with_legal_urls(self._rewrite), tags)
        except RecursionError:
            # Python-Markdown recurses per level of nesting; hundreds of nested lists
            # exhaust the stack. Report it as the article's problem, not a crash.
            message = (
                "the text is nested too deeply (lists or quotes inside each other "
                "hundreds of levels deep) to be converted"
            )
            hint = "flatten the nested lists or quotes"
        except TooSlow:
            self.convert = converter(self.engine)  # its state was cut short
            message, hint = too_slow(article.body, seconds_for(article.body))
        else:
            return body_html, said_once(self.context.problems), self.context.assets
        return "", [error(article.source, article.body_line, message, hint)], set()

    def _converted(self, article: Text) -> str:
        """The body converted, without the end tags typed in its running text with no start
        tag before them (`</script>`, `</p>`), each a warning on its line; in code (fenced,
        indented, a span) they are shown as typed (render/body_html.py)."""
        if self.trusted_html or "</" not in article.body:  # (trusted: <iframe> kept)
            return self.convert(article.body if self.trusted_html else kept(article.body))
        body, base, stray = stray_end_tags(article.body, self._masked())
        converted, dropped = settled(self.convert(kept(body)), base, [typed for *_, typed in stray])
        for line, tag, _ in (stray[n] for n in dropped):
            self.context.problems.append(
                warning(
                    article.source,
                    article.body_line + line,
                    f"the </{tag}> here is removed when published: it ends no <{tag}> "
                    "of the story, and a browser would drop it or end the paragraph there",
                    f"to show </{tag}> as text, put it in backticks: `</{tag}>`; "
                    "otherwise delete it",
                )
            )
        return converted

    def _ended(self, article: Text, converted: str) -> str:
        """`converted` with each inline element typed without its end tag (`<b>Budget
        passed`) ended where its paragraph ends, a warning on its line (render/unclosed.py)."""
        if "<" not in article.body or not unclosed.TYPED_TAG.search(article.body):
            return converted
        kept = (lambda tag: True) if self.trusted_html else ALLOWED_TAGS.__contains__
        converted, found = unclosed.ended(converted, kept)
        if not found:
            return converted
        typed_at = unclosed.Typed(self._masked())
        for tag, typed, nth, ended_by in found:
            line, rest = typed_at.line_of(typed, nth)
            at = article.body_line + line
            said = unclosed.words(tag, rest, ended_by)
            self.context.problems.append(warning(article.source, at, *said))
        return converted

    def _check_html(self, body_html: str) -> None:
        """Errors and warnings on what the body's HTML would make of the page: links with
        nothing for a screen reader to say, ids the page already has, in-page links to no
        id (render/body_html.py)."""
        article = self.context.article
        assert article is not None
        errors, warnings = id_problems(body_html, article.body, self.engine == "gfm")
        for needle, message, hint in unnamed_links(body_html) + errors:
            self._report(needle, message, hint)
        for needle, message, hint in warnings:
            self._report(needle, message, hint, warning)

    def _sanitised(self, article: Text, converted: str) -> str:
        """The converted body sanitised (not with trusted_html); a warning for each kind of
        markup removed, on the line where it was typed (render/sanitised.py), and for each
        heading published at another level (body_html.py's `fixed_headings`: any site's)."""
        converted, shifted = fixed_headings(converted, self._masked)
        for line, message, hint in shifted:
            self.context.problems.append(
                warning(article.source, article.body_line + line, message, hint)
            )
        if self.trusted_html:
            return converted
        clean = sanitise(apart(converted) if "<" in article.body else converted)
        self.context.problems.extend(
            removed_addresses(article.source, article.body, article.body_line, converted, clean)
        )
        if "<" not in article.body:  # no HTML typed (most stories): nothing more to say
            return clean
        removed = removed_kinds(converted, clean)
        self.context.problems.extend(
            removed_markup(article.source, self._masked(), article.body_line, removed)
        )
        return clean
