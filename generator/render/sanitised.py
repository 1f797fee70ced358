"""What the sanitiser removed from a body, said as warnings on the lines where it was typed.

The sanitiser (nh3, render/markdown.py's `sanitise`) removes markup a news page must not
carry: `<iframe>`, `<script>`, `<style>`, forms, `on...=` and `style=` attributes,
`javascript:` links. What is published does not change; the editor is told, once per
line and kind: `content/x.md:14: warning: the <iframe> here is removed when published`.

What was removed is read from the converted HTML before and after the sanitiser (so
only what really goes, with either Markdown engine); where it was typed, from the
Markdown text's own HTML tags (html.parser, which gives each tag's line), code spans and
fenced code blocks masked (there `<script>` is text, shown as typed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostic, warning

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
    """Every start tag's kinds (tag; tag and attribute; a URL's unsafe scheme), with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        self.found.append((line, tag, ""))
        for name, value in attrs:
            scheme = (
                urlsplit((value or "").strip()).scheme.lower() if name in _URL_ATTRIBUTES else ""
            )
            unsafe = scheme and scheme not in ("http", "https", "mailto")
            self.found.append((line, tag, f"{name}={scheme}:" if unsafe else name))

    handle_startendtag = handle_starttag


def tags_of(html: str) -> list[tuple[int, str, str]]:
    """(line, tag, attribute or '') of every start tag and attribute in `html`, 1-based."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found


def _masked(markdown: str) -> str:
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
    """The tags and attributes (and unsafe URL schemes) of `before` that `after` lacks."""
    kept = {(tag, name) for _, tag, name in tags_of(after)}
    return {(tag, name) for _, tag, name in tags_of(before)} - kept


def _words(tag: str, name: str) -> tuple[str, str]:
    """The message and the fix for one removed kind."""
    if not name:
        return (
            f"the <{tag}> here is removed when published: the site does not publish "
            f"<{tag}> from a story's text",
            _HINTS.get(tag, f"remove the <{tag}> tag; its text is kept, so write it in Markdown"),
        )
    if "=" in name:
        attribute, scheme = name.split("=", 1)
        return (
            f"the {scheme} address in <{tag} {attribute}=...> here is removed when published",
            "use an https:// address",
        )
    if name.startswith("on"):
        hint = _SCRIPT
    elif name == "style":
        hint = _LOOK
    else:
        hint = f"remove {name}=... from the <{tag}> tag"
    return f"the {name}= attribute of <{tag}> here is removed when published", hint


def removed_markup(
    source: str, markdown: str, first_line: int, removed: Kinds
) -> Iterable[Diagnostic]:
    """A warning per line and kind for each removed kind typed in `markdown` (the body of
    `source`, whose first line is the file's line `first_line`)."""
    if not removed:
        return
    said: set[tuple[int, str, str]] = set()
    for line, tag, name in tags_of(_masked(markdown)):
        whole = name and (tag, "") in removed  # an attribute of a tag removed whole
        if (tag, name) in removed and not whole and (line, tag, name) not in said:
            said.add((line, tag, name))
            message, hint = _words(tag, name)
            yield warning(source, first_line + line - 1, message, hint)
