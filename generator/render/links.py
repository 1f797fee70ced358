"""Rewriting the URLs of an HTML fragment's <a href> and <img src>, every other character kept.

Used by the body step (resolving editors' links and images, Markdown and raw HTML alike)
and by feeds (`absolute_links`); `addresses` reads them (the sanitiser's warnings, the
check of links to site paths).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from html.parser import HTMLParser
from typing import Protocol
from urllib.parse import urljoin

URL_ATTRIBUTES = {"a": "href", "img": "src"}  # the attributes that name a file or page
# With trusted_html, embedded pages and media name theirs too (read as a link's address).
ALL_URL_ATTRIBUTES = {
    **URL_ATTRIBUTES,
    **dict.fromkeys(("iframe", "video", "audio", "source", "embed", "track"), "src"),
    "object": "data",
}

Attrs = list[tuple[str, str | None]]
# With trusted_html, other attributes that name a file: a <video>'s still (`poster`) and
# the pictures of a <picture>'s <source> or its typed <img> (`srcset`, URLs then widths).
MORE_URLS = {"video": "poster", "source": "srcset", "img": "srcset"}


def more_urls(tag: str, attrs: Attrs, target: Callable[[str], str | None]) -> Attrs | None:
    """`attrs` with each URL of its MORE_URLS attribute given by `target` (None: kept as
    typed): `poster="still.png"` -> `poster="/media/2025/06/still.png"`, each URL of a
    srcset so, its width or density kept; None when the tag has no such attribute."""
    name = MORE_URLS.get(tag)
    if not any(k == name and v for k, v in attrs):
        return None

    def one(url: str) -> str:
        return target(url) or url

    def each(value: str) -> str:
        if name != "srcset":
            return one(value)
        candidates = (c.split() for c in value.split(",") if c.strip())
        return ", ".join(" ".join([one(url), *rest]) for url, *rest in candidates)

    return [(k, each(v) if k == name and v else v) for k, v in attrs]


class _Picture(Protocol):
    picture: bool  # in a <picture> as typed, before its <img>


def trusted_tag(
    tag: str,
    attrs: Attrs,
    context: _Picture,
    rewrite: Callable[[str, Attrs, bool], Attrs | str | None],
    target: Callable[[str], str | None],
) -> Attrs | str | None:
    """A start tag of trusted HTML rewritten by `rewrite(tag, attrs, typed)`, `typed` for
    the <img> of a <picture> as typed (kept one <img>: a <picture> holds no other), then
    its other addresses (MORE_URLS: <video poster>, a srcset) given by `target`, as a
    link's are. `context.picture` says whether a typed <picture> awaits its <img>."""
    if tag == "picture":
        context.picture = True
        return None
    typed = context.picture and tag == "img"
    context.picture = context.picture and tag != "img"
    new = rewrite(tag, attrs, typed)
    if tag not in MORE_URLS or isinstance(new, str):
        return new
    return more_urls(tag, attrs if new is None else new, target) or new


class _TagRewriter(HTMLParser):
    """Finds the start tags of <a> and <img> and asks `change` for new attributes."""

    def __init__(
        self,
        change: Callable[[str, Attrs], Attrs | str | None],
        tags: tuple[str, ...] = tuple(URL_ATTRIBUTES),
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.change = change
        self.tags = tags
        self.edits: list[tuple[int, int, int, str]] = []  # (line, column, old length, new tag)

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        if tag not in self.tags:
            return
        new = self.change(tag, attrs)
        if new is None:
            return
        old = self.get_starttag_text() or ""
        line, column = self.getpos()
        self.edits.append((line, column, len(old), _markup(tag, old, new)))

    handle_startendtag = handle_starttag


class _Addresses(HTMLParser):
    """Every <a href> and <img src> value, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        name = URL_ATTRIBUTES.get(tag)
        self.found.extend((tag, v) for k, v in attrs if k == name and v is not None)


def addresses(fragment: str) -> list[tuple[str, str]]:
    """(tag, value) of every <a href> and <img src> of an HTML fragment, in order,
    character references decoded."""
    parser = _Addresses()
    parser.feed(fragment)
    parser.close()
    return parser.found


def _markup(tag: str, old: str, new: Attrs | str) -> str:
    """The start tag `old` rebuilt with the attributes `new`, or the markup `new`."""
    if isinstance(new, str):
        return new
    return f"<{tag}{start_tag_attributes(new)}{'/>' if old.endswith('/>') else '>'}"


def start_tag_attributes(attrs: Sequence[tuple[str, str | None]]) -> str:
    """' name="value"' for each attribute, escaped."""
    return "".join(f" {k}" if v is None else f' {k}="{html.escape(v)}"' for k, v in attrs)


# HTML as a serialiser writes it (nh3's html5ever, Python-Markdown, cmark-gfm): every '<'
# opens a start tag (name, then attributes with double-quoted values or none) or an end
# tag. On such text html.parser reads exactly these tags with exactly these attributes,
# so `rewrite_tags` reads them with one regular expression instead; anything else
# (comments, <script>, a bare '<', unquoted values) goes to html.parser.
_SPACE = "[ \t\n\r\f]"
_TAG = re.compile(
    rf"<(?:([a-zA-Z][a-zA-Z0-9]*)((?:{_SPACE}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"]*\")?)*)"
    rf"{_SPACE}*/?>|/[a-zA-Z][a-zA-Z0-9]*{_SPACE}*>)"
)
_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)(=)?(?:"([^"]*)")?')
_RAW_TEXT = ("script", "style")  # html.parser reads their content as text


# Where every '<' of a fragment opens such a tag (none inside an attribute's value), the
# tags are found by scanning for them in C (`re`) rather than in a Python loop from '<' to
# '<': `_only_tags` says so by counting. A fragment it does not vouch for, or with a few
# tags only (a paragraph: the loop is quicker there), is read '<' by '<'.
_FEW_TAGS = 16
_RAW_TEXT_START = re.compile(r"<(?:script|style)(?![a-zA-Z0-9])", re.IGNORECASE)


def _only_tags(fragment: str) -> bool:
    """Whether `fragment` has more than a few tags and every '<' of it starts a tag as a
    serialiser writes it (`_TAG`), none of them <script> or <style>: `_TAG` then matches as
    many times as there are '<', each match holding its own '<' only (two matches never
    overlap, each holds at least one)."""
    count = fragment.count("<")
    return (
        count > _FEW_TAGS
        and _TAG.subn("", fragment)[1] == count
        and _RAW_TEXT_START.search(fragment) is None
    )


@functools.lru_cache(maxsize=16)
def _start_tags(tags: tuple[str, ...]) -> re.Pattern[str]:
    """Where a start tag named one of `tags` begins (any case; not a longer name)."""
    names = "|".join(re.escape(tag) for tag in sorted(tags, key=len, reverse=True))
    return re.compile(rf"<(?:{names})(?![a-zA-Z0-9])", re.IGNORECASE)


def _attributes(match: re.Match[str]) -> Attrs:
    """A start tag's attributes as html.parser gives them: names lowercased, values decoded."""
    return [
        (key.lower(), None if not equals else html.unescape(value) if value else "")
        for key, equals, value in _ATTRIBUTE.findall(match.group(2))
    ]


def _serialised_tags(
    fragment: str, tags: tuple[str, ...]
) -> list[tuple[int, str, Attrs, str]] | None:
    """(offset, tag, attributes, text as written) of each start tag of `tags`, when every '<'
    of `fragment` opens a tag as a serialiser writes it; else None."""
    if _only_tags(fragment):  # each '<' a tag: those of `tags` found by their names
        found: list[tuple[int, str, Attrs, str]] = []
        for begins in _start_tags(tags).finditer(fragment):
            at = begins.start()
            match = _TAG.match(fragment, at)
            assert match is not None  # _only_tags: every '<' starts a _TAG
            found.append((at, match.group(1).lower(), _attributes(match), match.group()))
        return found
    spans = _tags_one_by_one(fragment)
    if spans is None:
        return None
    found = []
    for start, _end, tag in spans:
        if tag in tags:  # (an end tag's name starts with '/')
            match = _TAG.match(fragment, start)
            assert match is not None  # _tags_one_by_one matched it there
            found.append((start, tag, _attributes(match), match.group()))
    return found


def _name(match: re.Match[str]) -> str:
    """A `_TAG` match's tag name, lowercased; an end tag's written '/p'."""
    name = match.group(1)
    if name is None:  # an end tag: '</' name, spaces, '>'
        return "/" + match.group()[2:-1].rstrip(" \t\n\r\f").lower()
    return name.lower()


def serialised_tags(fragment: str) -> list[tuple[int, int, str]] | None:
    """(start, end, name) of every tag of `fragment`, in order, the name lowercased and an
    end tag's written '/p', when every '<' opens a tag as a serialiser writes it and none
    is <script> or <style>; else None."""
    if _only_tags(fragment):
        return [(match.start(), match.end(), _name(match)) for match in _TAG.finditer(fragment)]
    return _tags_one_by_one(fragment)


def _tags_one_by_one(fragment: str) -> list[tuple[int, int, str]] | None:
    """serialised_tags, read from each '<' to the next after its tag (a '<' inside an
    attribute's value, which `_only_tags` does not vouch for, is read as text there)."""
    found: list[tuple[int, int, str]] = []
    at = fragment.find("<")
    while at >= 0:
        match = _TAG.match(fragment, at)
        if match is None:
            return None
        name = match.group(1)
        if name is None:  # an end tag: '</' name, spaces, '>'
            tag = "/" + match.group()[2:-1].rstrip(" \t\n\r\f").lower()
        elif name.lower() in _RAW_TEXT:
            return None
        else:
            tag = name.lower()
        found.append((at, match.end(), tag))
        at = fragment.find("<", match.end())
    return found


# Characters no address may hold as typed (RFC 3986; the Nu Html Checker: "Illegal character
# in path segment"): %-encoded where the body's HTML has them, as cmark-gfm encodes a
# Markdown address. Letters of any script and '%' are kept as typed.
_NOT_IN_URL = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f]')


def legal_url(value: str) -> str:
    """`value` (an href or src) without the spaces around it, each character no URL may
    hold inside it %-encoded: 'https://x.org/a b' -> 'https://x.org/a%20b'."""
    value = value.strip(" \t\n\r\f")
    return _NOT_IN_URL.sub(lambda m: "%" + m.group().encode().hex().upper(), value)


def with_legal_urls(
    change: Callable[[str, Attrs], Attrs | str | None],
) -> Callable[[str, Attrs], Attrs | str | None]:
    """`change` (for `rewrite_tags`), then each href and src it leaves or gives made
    `legal_url`: an address with a space is published %-encoded, whoever typed it. (An
    address with no character `_NOT_IN_URL` names is its own `legal_url`: it has no space
    at either end to strip, nor anything to encode.)"""

    def legal(tag: str, attrs: Attrs) -> Attrs | str | None:
        new = change(tag, attrs)
        name = URL_ATTRIBUTES.get(tag)
        if isinstance(new, str) or name is None:
            return new
        final = attrs if new is None else new
        if all(k != name or not v or not _NOT_IN_URL.search(v) for k, v in final):
            return new
        return [(k, legal_url(v) if k == name and v else v) for k, v in final]

    return legal


def rewrite_tags(
    fragment: str,
    change: Callable[[str, Attrs], Attrs | str | None],
    tags: tuple[str, ...] = tuple(URL_ATTRIBUTES),
) -> str:
    """`fragment` with the start tags of `tags` (<a> and <img>) that `change` returns new
    attributes for (a list of (name, value) pairs) rebuilt, or replaced by the markup it
    returns as text (an <img> becomes a <picture>); every other character stays as it was.

    The tags are read as html.parser reads them (with it, when `fragment` is not plain
    serialised HTML)."""
    found = _serialised_tags(fragment, tags)
    if found is not None:
        edits = []
        for at, tag, attrs, old in found:
            new = change(tag, attrs)
            if new is not None:
                edits.append((at, len(old), _markup(tag, old, new)))
        return _apply(fragment, edits)
    parser = _TagRewriter(change, tags)
    parser.feed(fragment)
    parser.close()
    if not parser.edits:
        return fragment
    starts = [0]
    for index, char in enumerate(fragment):
        if char == "\n":
            starts.append(index + 1)
    return _apply(
        fragment,
        [(starts[line - 1] + column, length, new) for line, column, length, new in parser.edits],
    )


def _apply(fragment: str, edits: list[tuple[int, int, str]]) -> str:
    """`fragment` with each (offset, old length, new text) edit made, in offset order."""
    if not edits:
        return fragment
    out: list[str] = []
    done = 0
    for at, length, new in edits:
        out += [fragment[done:at], new]
        done = at + length
    out.append(fragment[done:])
    return "".join(out)


def absolute_links(fragment: str, page_url: str) -> str:
    """Body HTML for a feed: every href and src absolute, read against the article's URL.

    Feed content has no base URI of its own (RSS 2.0 has none; Atom's is the feed's), so
    `#fn:1` becomes `https://example.org/2025/06/25/story/#fn:1` and `/x/` gets the origin.
    Each URL of a `srcset` (on <img> and a <picture>'s <source>) too. A body whose <a>,
    <img> and <source> tags hold only URLs that stay as they are (`_kept_as_is`: most
    bodies, whose links are to other sites) is returned as it is, without reading all
    its tags.
    """
    if _kept_as_is(fragment, page_url):
        return fragment
    return _absolute_links(fragment, page_url)


_FEED_TAGS = ("a", "img", "source")
# Every place html.parser could read an <a>, <img> or <source> start tag (it lowercases
# the name, which ends at a space, '/' or '>'), and more: a false find only costs time.
_FEED_TAG = re.compile(r"<(?:a|img|source)(?![a-zA-Z0-9])", re.IGNORECASE)
# An absolute http(s) URL that urljoin gives back unchanged whatever the page's URL: a
# host, then a path without ';' (urlparse's params), a query and a fragment, each
# non-empty when written and of characters urlsplit keeps as they are.
_PLAIN_URL = re.compile(
    r"https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~!$&'()*+,=:@%/-]*)?"
    r"(?:\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]+)?(?:#[A-Za-z0-9._~!$&'()*+,;=:@%/?-]+)?\Z"
)


def _kept_as_is(fragment: str, page_url: str) -> bool:
    """Whether `_absolute_links` would change no tag of `fragment`: each place an <a>,
    <img> or <source> could start is such a tag as a serialiser writes it, and each of
    its attributes that `_absolute` reads stays the same (False: not known to)."""
    for found in _FEED_TAG.finditer(fragment):
        match = _TAG.match(fragment, found.start())
        if match is None:
            return False
        tag = match.group(1).lower()
        for key, equals, value in _ATTRIBUTE.findall(match.group(2)):
            name = key.lower()
            if name != "srcset" and name != URL_ATTRIBUTES.get(tag):
                continue
            if not equals:
                continue  # (no value: None, which stays None)
            text = html.unescape(value) if "&" in value else value
            plain = name != "srcset" and _PLAIN_URL.match(text)
            if not plain and _absolute(page_url, tag, name, text) != text:
                return False
    return True


def _absolute(page_url: str, tag: str, name: str, value: str | None) -> str | None:
    """An attribute's value as a feed gives it: its URLs read against `page_url`."""
    if value is None:
        return None
    if name == "srcset":
        return ", ".join(
            " ".join([urljoin(page_url, c.split()[0]), *c.split()[1:]])
            for c in value.split(",")
            if c.strip()
        )
    return urljoin(page_url, value) if name == URL_ATTRIBUTES.get(tag) else value


@functools.lru_cache(maxsize=1024)  # one article is in several feeds
def _absolute_links(fragment: str, page_url: str) -> str:
    """absolute_links, every <a>, <img> and <source> tag read."""

    def change(tag: str, attrs: Attrs) -> Attrs | None:
        fixed = [(k, _absolute(page_url, tag, k, v)) for k, v in attrs]
        return fixed if fixed != attrs else None

    return rewrite_tags(fragment, change, _FEED_TAGS)
