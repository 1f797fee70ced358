"""The sanitiser's allow-list, and what it removed from a body, said as warnings on its lines.

The sanitiser (nh3, render/markdown.py's `sanitise`) removes markup a news page must not
carry: `<iframe>`, `<script>`, `<style>`, forms, `on...=` and `style=` attributes, and
the address of a link or picture whose scheme is not in URL_SCHEMES (`javascript:`,
`data:`, `file:`, `smb:`, any unknown one). What is published does not change; the
editor is told, once per line and kind: `content/x.md:14: warning: the <iframe> here is
removed when published`, and for each address removed, typed in Markdown
(`[call](data:...)`) or in HTML, on its line (`removed_addresses`); the link or picture
left without an address is published as valid HTML5 (`without_address`).

What was removed is read from the converted HTML before and after the sanitiser (so
only what really goes, with either Markdown engine); where it was typed, from the
Markdown text's own HTML tags (html.parser, which gives each tag's line), code spans and
fenced code blocks masked (there `<script>` is text, shown as typed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import nh3

from generator.diagnostics import Diagnostic, warning
from generator.load.files import shown
from generator.render.alignment import CELL_CLASSES, aligned, cell_style, unclassed
from generator.render.links import addresses

# The schemes a link or picture keeps (nh3's url_schemes; relative addresses are kept too):
# the web, e-mail, and the ones that open the reader's phone, map, chat or calendar app.
# None can run a script in the page or send the reader's login anywhere; javascript:,
# vbscript:, data:, file:, smb: (Windows sends the share the reader's login) and every
# scheme not listed lose their address, with a warning.
URL_SCHEMES = frozenset(
    {"http", "https", "mailto", "tel", "sms", "geo", "webcal", "ftp", "irc", "ircs"}
    | {"xmpp", "sip", "sips", "whatsapp"}
)

Kinds = set[tuple[str, str]]  # (tag, '') for a tag; (tag, attribute) for an attribute

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_RUN = re.compile(r"`+")
_URL_ATTRIBUTES = {"href", "src"}

_EMBED = "link to the video or page instead: [Watch the video](https://...)"
_SCRIPT = "remove it: a story cannot run scripts on the site"
_LOOK = "remove it: the theme sets the look of every story"
_HINTS = {
    "iframe": _EMBED,
    "video": _EMBED,
    "audio": _EMBED,
    "embed": _EMBED,
    "object": _EMBED,
    "script": _SCRIPT,
    "noscript": _SCRIPT,
    "style": _LOOK,
    "form": "link to the form's page instead",
    "input": "link to the form's page instead",
    "button": "remove it, or write a link",
    "h1": "the headline is the page's only first-level heading: write '## ' for a heading",
}


class _Tags(HTMLParser):
    """Every start tag's kinds (tag; tag and attribute), with its line. An address whose
    scheme is not kept is left out: `removed_addresses` speaks of it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        self.found.append((line, tag, ""))
        self.found += [(line, tag, name) for name, value in attrs if not _unsafe(name, value)]

    handle_startendtag = handle_starttag


def _unsafe(name: str, value: str | None) -> bool:
    """Whether attribute `name` is an address with a scheme the sanitiser does not keep."""
    if name not in _URL_ATTRIBUTES:
        return False
    scheme = urlsplit((value or "").strip()).scheme.lower()
    return bool(scheme) and scheme not in URL_SCHEMES


def tags_of(html: str) -> list[tuple[int, str, str]]:
    """(line, tag, attribute or '') of every start tag and attribute in `html`, 1-based."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found


def masked(markdown: str) -> str:
    """The text with fenced code blocks and code spans blanked (line breaks kept), in one
    pass over the lines and one over each paragraph's backtick runs (linear time)."""
    lines = markdown.split("\n")
    fence = ""
    for i, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            closes = opening and opening.group(1).startswith(fence) and not line.strip(" \t`~")
            lines[i] = " " * len(line)
            fence = "" if closes else fence
        elif opening:
            fence = opening.group(1)
            lines[i] = " " * len(line)
    return "\n\n".join(_spans(part) for part in "\n".join(lines).split("\n\n"))


def _spans(text: str) -> str:
    """`text` with its code spans (a backtick run to the next run of the same length) blanked."""
    runs = list(_RUN.finditer(text))
    following: dict[int, int] = {}
    after: list[int | None] = [None] * len(runs)
    for i in range(len(runs) - 1, -1, -1):
        size = len(runs[i].group())
        after[i] = following.get(size)
        following[size] = i
    chars = list(text)
    i = 0
    while i < len(runs):
        close = after[i]
        if close is None:
            i += 1
            continue
        for k in range(runs[i].start(), runs[close].end()):
            if chars[k] != "\n":
                chars[k] = " "
        i = close + 1
    return "".join(chars)


def removed_kinds(before: str, after: str) -> Kinds:
    """The tags and attributes of `before` that `after` lacks (a table cell's alignment,
    published as a class by `sanitise`, is not removed)."""
    kept = {(tag, name) for _, tag, name in tags_of(after)}
    return {(tag, name) for _, tag, name in tags_of(aligned(before))} - kept


def _words(tag: str, name: str) -> tuple[str, str]:
    """The message and the fix for one removed kind."""
    if not name:
        return (
            f"the <{tag}> here is removed when published: the site does not publish "
            f"<{tag}> from a story's text",
            _HINTS.get(tag, f"remove the <{tag}> tag; its text is kept, so write it in Markdown"),
        )
    if name.startswith("on"):
        hint = _SCRIPT
    elif name == "style":
        hint = _LOOK
    else:
        hint = f"remove {name}=... from the <{tag}> tag"
    return f"the {name}= attribute of <{tag}> here is removed when published", hint


def removed_markup(
    source: str, code_blanked: str, first_line: int, removed: Kinds
) -> Iterable[Diagnostic]:
    """A warning per line and kind for each removed kind typed in `code_blanked` (the body
    of `source` as `masked` gives it, whose first line is the file's line `first_line`)."""
    if not removed:
        return
    said: set[tuple[int, str, str]] = set()
    for line, tag, name in tags_of(code_blanked):
        whole = name and (tag, "") in removed  # an attribute of a tag removed whole
        if (tag, name) in removed and not whole and (line, tag, name) not in said:
            said.add((line, tag, name))
            words: tuple[str, str] | None = _words(tag, name)
            if name == "style" and tag in ("td", "th"):  # its alignment is kept
                words = cell_style(code_blanked.split("\n")[line - 1], tag, _words(tag, name))
            if words is not None:
                yield warning(source, first_line + line - 1, *words)


_ADDRESS_HINTS = {
    "javascript": _SCRIPT,
    "vbscript": _SCRIPT,
    "data": "put the picture or document in content/ beside the article and link to it "
    "by its file name (report.pdf)",
    "file": "a file: address is a file on your own computer, which readers cannot open: "
    "put the file in content/ beside the article and link to it by its file name",
    "smb": "an smb: address is a shared folder on an office network, which readers cannot "
    "open: put the file in content/ beside the article and link to it by its file name",
}


def removed_addresses(
    source: str, markdown: str, first_line: int, before: str, after: str
) -> Iterable[Diagnostic]:
    """A warning for each link or picture address in `before` (the converted body) that
    `after` (sanitised) no longer has, on the line of `markdown` (the body of `source`,
    first line `first_line`) where it was typed: a link published without its address
    leads nowhere, so the editor must hear of it. An ftp: link kept is one too (`_unopened`)."""
    yield from _unopened(source, markdown, first_line, after)
    if after.count("href=") + after.count("src=") >= before.count("href=") + before.count("src="):
        return  # nothing removed (most stories): no parsing
    kept: dict[str, int] = {}
    for _, value in addresses(after):
        kept[value] = kept.get(value, 0) + 1
    searched: dict[str, int] = {}
    for tag, value in addresses(before):
        if kept.get(value, 0):
            kept[value] -= 1
            continue
        scheme = urlsplit(value.strip()).scheme.lower() or value.strip().partition(":")[0]
        typed = unquote(value) if len(scheme) == 1 else value  # C:%5CUsers: C:\Users
        short = shown(typed if len(typed) <= 60 else typed[:57] + "...")
        what = "link" if tag == "a" else "picture"
        line = first_line + _line(markdown, value, scheme, searched)
        outcome = "leads nowhere" if tag == "a" else "is not shown"
        if len(scheme) == 1:  # C:\Users\desk\chart.png: a Windows path
            name = re.split(r"[\\/]", typed)[-1]
            yield warning(
                source,
                line,
                f"this {what}'s address {short} is a file on your own computer (drive "
                f"{scheme.upper()}:), which readers cannot open: it is removed when "
                f"published, so the {what} {outcome}",
                f"put {name} in content/ beside the article (if it is not there yet) and "
                f"write its file name as the address: {name}",
            )
            continue
        yield warning(
            source,
            line,
            f"this {what}'s address {short} is removed when published, so the {what} "
            f"{outcome} ({scheme}: addresses are not published)",
            _ADDRESS_HINTS.get(
                scheme,
                "use an https:// address; a link may also start with "
                + ", ".join(f"{s}:" for s in sorted(URL_SCHEMES - {"http", "https", "ftp"}))
                + " (not ftp:, which today's browsers no longer open)",
            ),
        )


def _unopened(source: str, markdown: str, first_line: int, after: str) -> Iterable[Diagnostic]:
    """A warning for each ftp: link of `after` (the sanitised body; URL_SCHEMES keeps them):
    Chrome, Firefox, Edge and Safari stopped opening ftp: addresses in 2021, so no reader
    can follow it, though it is published as typed (an ftp: picture is an error of its own:
    load/images.py)."""
    # No ftp: (most stories): looked for in the UTF-8 bytes lowered, in C (a third of the
    # time of `re`'s case-blind search; no letter but f, t and p, either case, matches).
    if b"ftp:" not in after.encode("utf-8", "surrogatepass").lower():
        return
    searched: dict[str, int] = {}
    for tag, value in addresses(after):
        if tag != "a" or urlsplit(value.strip()).scheme.lower() != "ftp":
            continue
        short = shown(value if len(value) <= 60 else value[:57] + "...")
        yield warning(
            source,
            first_line + _line(markdown, value, "ftp", searched),
            f"this link's address {short} is an ftp: address, which today's browsers "
            "(Chrome, Firefox, Edge, Safari) no longer open: readers cannot follow the link",
            "link to the file's https:// address instead (most file servers have one), or "
            "put the file in content/ beside the article and write its file name as the address",
        )


def _line(markdown: str, value: str, scheme: str, searched: dict[str, int]) -> int:
    """The 0-based line of `markdown` where `value` (or, converted beyond recognition,
    its scheme) is next typed after its last use; 0 when it cannot be found."""
    start = searched.get(value, 0)
    index = -1
    for needle in (value, unquote(value), value.strip()):
        index = markdown.find(needle, start)
        if index >= 0:
            break
    if index < 0:
        index = markdown.lower().find(scheme + ":", start)
    searched[value] = index + 1 if index >= 0 else start
    return markdown[: max(index, 0)].count("\n")


def without_address(
    tag: str, attrs: list[tuple[str, str | None]]
) -> list[tuple[str, str | None]] | str | None:
    """A link or picture with no address (the sanitiser removed a `javascript:`, `data:` or
    `file:` one, with a warning; or none was written), as valid HTML5: an <a> keeps its
    text, without the rel= that only a link with an href may have; an <img>, which must
    have a src, becomes its alt text."""
    if tag == "img":
        return escape(next((v for k, v in attrs if k == "alt" and v), ""))
    kept = [(k, v) for k, v in attrs if k != "rel"]
    return kept if kept != attrs else None


ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "sub",
    "sup",
    "abbr",
    "cite",
    "q",
    "code",
    "pre",
    "kbd",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "figure",
    "figcaption",
    "img",
    "div",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    "div": {"class"},
    "code": {"class"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
}


def _cleaner() -> Callable[[str], str]:
    """nh3's cleaning with this module's allow-list. nh3 0.3 and later make the sanitiser
    once (`Cleaner`: building it again from the Python sets was about a third of each
    body's cleaning); an older nh3 is given the sets at each call."""
    if hasattr(nh3, "Cleaner"):
        return nh3.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
            strip_comments=True,
            allowed_classes=CELL_CLASSES,
        ).clean
    return lambda fragment: nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        allowed_classes=CELL_CLASSES,
    )


_clean = _cleaner()


# Block elements the allow-list removes while keeping their text (`<details>`,
# `<summary>`, `<section>`...): each is made a <div> before cleaning, so that its text
# stays a block apart from its neighbours' ("More" and "hidden", not "Morehidden"). The
# warning names the tag as typed (`removed_kinds` compares with the HTML before this).
_BLOCKS = (
    "details|summary|section|article|aside|header|footer|nav|main|center|address|hgroup"
    "|fieldset|legend|dialog|menu|search"
)
_BLOCK_TAG = re.compile(rf"<(/?)(?:{_BLOCKS})(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)


def apart(fragment: str) -> str:
    """`fragment` with the removed block elements' tags made <div> (`_BLOCK_TAG`)."""
    return _BLOCK_TAG.sub(lambda tag: f"<{tag.group(1)}div>", fragment)


def sanitise(fragment: str) -> str:
    """Keep the HTML a news article needs; drop scripts, frames, handlers and odd URLs.
    A table column's alignment is kept as a class (`aligned`)."""
    return unclassed(str(_clean(aligned(fragment))))


# Elements the allow-list removes, which both engines read as an HTML block when a line
# starts with one, ending the paragraph above it: once removed, the paragraph's words
# would be two paragraphs ("and" and "."). Indented by four spaces after a paragraph's
# line, such a line is read inside the paragraph (a lazy line; an indented code block
# cannot interrupt a paragraph), with the same line numbers.
_REMOVED = "iframe|script|style|object|embed|noscript|form|textarea|canvas|video|audio|template"
_REMOVED_START = re.compile(rf"^ {{0,3}}<(?:{_REMOVED})(?=[\s/>])", re.IGNORECASE | re.MULTILINE)
_NOT_PARAGRAPH = re.compile(r" {0,3}(?:#{1,6}(?:\s|$)|[=-]+\s*$|```|~~~|[|<>])|    |\t")


def kept_in_paragraph(body: str) -> str:
    """The Markdown `body` with each line that starts with an element the allow-list
    removes (`<iframe ...>`) and follows a line of a paragraph (not code, a heading, a
    table, a quote or HTML) indented by four spaces, so that the paragraph stays one."""
    if "<" not in body or _REMOVED_START.search(body) is None:
        return body
    lines, shown = body.split("\n"), masked(body).split("\n")
    for i in range(1, min(len(lines), len(shown))):
        above = shown[i - 1]
        if (
            _REMOVED_START.match(lines[i])
            and shown[i].strip()
            and above.strip()
            and not _NOT_PARAGRAPH.match(above)
        ):
            lines[i] = "    " + lines[i]
    return "\n".join(lines)
