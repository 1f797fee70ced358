"""Pictures and links written without an address, and reference links whose label no line
defines: an editor's slip that no converter reports, found in a body's converted HTML and
said on the Markdown line where it was typed.

- A picture with nothing to show (`![a]()`, `![a]( )`, `![a](<>)`, `<img src="">`,
  `<img alt="a">`, `![a][r]` with `[r]: <>`) is an error: it would be published as a
  broken picture (an empty src makes a browser fetch the page itself).
- A link with no address (`[x]()`, `<a href="">`) is a warning: it is published as its
  text alone (render/markdown.py), not as a link to the page itself.
- A reference (`[text][label]`, `[label][]`) whose label no line defines is published as
  typed, brackets included, by both engines: a warning for a link, an error for a
  picture (`![alt][label]`); `![alt]` alone, which may be an exclamation before
  brackets, is a warning.

`problems(converted, masked)` gives (0-based body line, message, fix, is_error) for a
body's converted HTML (before the sanitiser, so that a `javascript:` address it removes is
not taken for a missing one) and its Markdown with code blanked (`masked`, asked for only
when there is something to say). The HTML says what is wrong; the Markdown, where: the
n-th picture (or link) without an address is the n-th one typed so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

Problem = tuple[int, str, str, bool]  # (0-based body line, message, fix, is an error)

# Something in the converted HTML worth parsing for: an empty src or href, a reference
# left as text, an <img> without an address. Most bodies have none: they are looked at
# with substring searches alone (a regular expression tried at every character of every
# body cost more than the rest of this check), and not parsed.
_EMPTY = ('src=""', "src=''", 'href=""', "href=''", 'href=" ', "href>", "href ", "][", "![", "[^")
# The same searches in three: `re` finds a pattern's literal start ('href', 'src=') as fast
# as a substring search, where ten searches of the body each cost 3-6 us; the brackets'
# only where the body has a '['.
_EMPTY_HREF = re.compile(r"""href(?:=""|=''|=" |>| )""")
_EMPTY_SRC = re.compile(r"""src=(?:""|'')""")
_BRACKETS = ("][", "![", "[^")
_IMG_SRC = re.compile(r"""\ssrc\s*=\s*["']?[^\s"'>]""", re.IGNORECASE)


def _suspect(converted: str) -> bool:
    if _EMPTY_HREF.search(converted) or _EMPTY_SRC.search(converted):
        return True  # an _EMPTY address
    if "[" in converted and any(needle in converted for needle in _BRACKETS):
        return True
    at = converted.find("<img")
    while at >= 0:
        end = converted.find(">", at)
        if _IMG_SRC.search(converted, at, end if end >= 0 else len(converted)) is None:
            return True
        at = converted.find("<img", at + 4)
    return False


_CODE = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})
_INLINE = frozenset(
    {"a", "abbr", "b", "cite", "del", "em", "i", "ins", "mark", "q", "s", "small", "span"}
    | {"strong", "sub", "sup", "u", "time", "dfn", "bdi", "bdo"}
)
# A reference left as text: `[text][label]`, `[label][]`, `![alt][label]`; `![alt]`.
# A `![alt] (chart.png)` or `![alt]chart.png)` is a picture's broken syntax, not a reference
# (render/broken_links.py says so).
_REFERENCE = re.compile(
    r"(!?)\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]|!\[([^\[\]\n]+)\](?![\[(]|\s*\(|[^\s()\[\]]+\))"
)

# A footnote reference left as text (`[^missing]`): no line defines its note. Not a
# definition left as text (`[^1]: ...`), which says what it is.
_NOTE = re.compile(r"\[\^([^\[\]\s](?:[^\[\]\n]*[^\[\]\s])?)\](?!:)")
# A regular expression's character class (`[^a-z]`, `[^0-9_]`, `[^\s]`): no footnote.
_CHARACTER_CLASS = re.compile(r"(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|\\.|[_.+*?$|])+")
_RANGE = re.compile(r"[a-zA-Z0-9]-[a-zA-Z0-9]|\\.")


class _Found(HTMLParser):
    """In document order: 'img' for each picture without an address, 'a' for each link
    with an empty one; and the text outside code, for references left as typed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.empty: list[str] = []
        self.text: list[str] = []
        self.code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img" and not (values.get("src") or "").strip():
            self.empty.append("img")
        elif tag == "a" and "href" in values and not (values["href"] or "").strip():
            self.empty.append("a")
        if tag in _CODE:
            self.code += 1
        elif tag not in _INLINE:
            self.text.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _CODE:
            self.code -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _CODE:
            self.code = max(0, self.code - 1)
        elif tag not in _INLINE:
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.code:
            self.text.append(data)


def shown_text(converted: str) -> str:
    """The text of `converted` (HTML) outside code, each block on lines of its own."""
    found = _Found()
    found.feed(converted)
    found.close()
    return "".join(found.text)


def problems(converted: str, masked: Callable[[], str]) -> list[Problem]:
    """The pictures and links of `converted` (a body's HTML, not yet sanitised) with no
    address, and its references left as text, each on its line of `masked()` (the body's
    Markdown with its code blanked); [] for most bodies, without parsing."""
    if not _suspect(converted):
        return []
    found = _Found()
    found.feed(converted)
    found.close()
    text = "".join(found.text)
    references = list(_REFERENCE.finditer(text))
    notes = list(_NOTE.finditer(text)) if "[^" in text else []
    if not found.empty and not references and not notes:
        return []
    body = without_comments(masked())
    typed = _typed_without_address(body)
    result: list[Problem] = []
    counts = {"img": 0, "a": 0}
    for kind in found.empty:
        places = [place for place in typed if place[1] == kind]
        place = places[min(counts[kind], len(places) - 1)] if places else None
        counts[kind] += 1
        result.append(_empty(kind, place, body))
    searched: dict[str, int] = {}
    for match in references:
        undefined = _undefined(match, body, searched)
        if undefined is not None:  # None: typed with '\\[', shown as text on purpose
            result.append(undefined)
    for note in notes:
        if _CHARACTER_CLASS.fullmatch(note.group(1)) and _RANGE.search(note.group(1)):
            continue  # published as typed, as meant
        at = typed_at(body, note.group(), searched)
        if at >= 0:  # (not found: typed with '\\[', shown as text on purpose)
            result.append(
                _no_note(note.group(1), body.count("\n", 0, at), note.group() + ":" in body)
            )
    return result


def _no_note(label: str, line: int, defined: bool) -> Problem:
    """The warning for a footnote reference `[^label]` no line defines (or, `defined` with
    a space in `label`, which the gfm engine reads as no note), on `line`."""
    if defined and any(c.isspace() for c in label):
        joined = "-".join(label.split())
        return (
            line,
            f"[^{label}] is published as typed, brackets included: a footnote's label "
            "cannot hold a space",
            f"write the label without spaces, [^{joined}], here and on its note's line "
            f"([^{joined}]: Its text)",
            False,
        )
    return (
        line,
        f"[^{label}] is published as typed, brackets included: no line defines the "
        f"footnote [^{label}]",
        f"add the note on a line of its own below the paragraph, after a blank line: "
        f"[^{label}]: Its text; or remove [^{label}]",
        False,
    )


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def without_comments(body: str) -> str:
    """`body` with its HTML comments blanked (line breaks kept): not published."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), body)


# How a picture or link is typed without an address: inline, `![a]()`, `[x]( )`,
# `[x](<>)` (a title alone too); as HTML, `<img src="">`, `<img alt="a">`, `<a href="">`;
# by a reference whose definition is `[r]: <>`.
_BRACKETED = r"\[(?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*\]"
_INLINE_EMPTY = re.compile(
    r"(!?)" + _BRACKETED + r"""\([ \t]*(?:<[ \t]*>)?[ \t]*(?:"[^"\n]*"|'[^'\n]*')?[ \t]*\)"""
)
_TAG = re.compile(r"""<(img|a)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE)
_ATTRIBUTE = re.compile(
    r"""(?:^|\s)(src|href)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""", re.IGNORECASE
)
_EMPTY_DEFINITION = re.compile(
    r"""^ {0,3}\[([^\[\]\n]+)\]:[ \t]*<[ \t]*>[ \t]*(?:"[^"\n]*"|'[^'\n]*')?[ \t]*$""",
    re.MULTILINE,
)
_USE = re.compile(r"(!?)\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?(?![(:])")

Place = tuple[int, str, str]  # (offset in the body, 'img' or 'a', the text as typed)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _typed_without_address(body: str) -> list[Place]:
    """Every place `body` types a picture or link without an address, in order."""
    places: list[Place] = []
    for match in _INLINE_EMPTY.finditer(body):
        places.append((match.start(), "img" if match.group(1) else "a", match.group()))
    for match in _TAG.finditer(body):
        tag = match.group(1).lower()
        values = {m.group(1).lower(): m.group(2) for m in _ATTRIBUTE.finditer(match.group(2))}
        value = (values.get("src" if tag == "img" else "href") or "").strip("\"' \t\n")
        if not value and (tag == "img" or "href" in values):
            places.append((match.start(), tag, match.group()))
    empty = {_label(m.group(1)) for m in _EMPTY_DEFINITION.finditer(body)}
    if empty:
        for match in _USE.finditer(body):
            label = _label(match.group(3) or match.group(2))
            if label in empty:
                places.append((match.start(), "img" if match.group(1) else "a", match.group()))
    return sorted(places)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _empty(kind: str, place: Place | None, body: str) -> Problem:
    """The error for a picture, or the warning for a link, with no address, typed at
    `place` (None: not found as typed, said in general words)."""
    line = body.count("\n", 0, place[0]) if place else 0
    typed = place[2] if place else ""
    html = typed.startswith("<")
    if kind == "img":
        where = "in src=" if html else "for it" if typed.endswith("]") else "between ( )"
        alt = re.match(r"!\[([^\]\n]*)\]", typed)
        example = (
            '<img src="photo.jpg" alt="What the picture shows">'
            if html or not typed
            else f"![{alt.group(1) if alt else ''}](photo.jpg)"
        )
        return (
            line,
            f"picture {_short(typed) + ' ' if typed else ''}has no file name {where}: it "
            "would be published as a broken picture",
            f"write the picture's file name, like {example}, with the file beside the "
            "article; or delete the picture",
            True,
        )
    text = re.match(r"\[([^\]\n]*)\]", typed)
    words = text.group(1) if text else "the words"
    fix = (
        'write the address in href="", like <a href="https://...">; or remove the <a> tag '
        "to keep the words as text"
        if html
        else f"write the address, like [{words}](https://...) or [{words}](story.md); or "
        "remove the brackets to keep the words as text"
    )
    return (
        line,
        f"link {_short(typed) + ' ' if typed else ''}has no address: it is published as "
        "plain text, not as a link",
        fix,
        False,
    )


def typed_at(body: str, needle: str, searched: dict[str, int]) -> int:
    """Where `needle` is next typed in `body`, not after a backslash (an escape); -1."""
    at = body.find(needle, searched.get(needle, 0))
    while at > 0 and body[at - 1] == "\\":
        at = body.find(needle, at + 1)
    if at >= 0:
        searched[needle] = at + 1
    return at


def _undefined(match: re.Match[str], body: str, searched: dict[str, int]) -> Problem | None:
    """The problem of a reference left as typed: no line defines its label; None when it
    is not typed so (its brackets escaped: text on purpose)."""
    bang, text, label, shortcut = match.groups()
    if shortcut is not None:
        needle = f"![{shortcut}]"
        typed, label, picture = needle, shortcut, True
    else:
        label = label or text
        needle = f"][{label}]" if match.group(3) else f"[{text}][]"
        typed, picture = match.group(), bool(bang)
    at = typed_at(body, needle, searched)
    if at < 0:
        return None
    line = body.count("\n", 0, at)
    what = "picture" if picture else "link"
    message = (
        f"{_short(typed)} is published as typed, brackets included: no line defines [{label}], "
        f"so the {what} has no address"
    )
    address = "photo.jpg" if picture else "https://..."
    fix = (
        f"add the line [{label}]: {address} below the paragraph, after a blank line; or "
        f"write the address in place: {'!' if picture else ''}[{text or label}]({address})"
    )
    if shortcut is not None:
        fix += r"; if it is not a picture, write \! to show the '!' as typed"
    return line, message, fix, picture and shortcut is None
