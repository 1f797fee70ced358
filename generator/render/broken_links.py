"""Links and pictures whose Markdown is broken, so that neither engine makes them: found in
a body's converted text, where they are left as typed, and said on their Markdown line.

- no closing `)`: `![Chart](chart.png`, `[the report](https://x.org/a.pdf for details`;
- a space between `]` and `(`: `[the summary] (https://...)`, `![Chart] (chart.png)`;
- no `]` before `(`: `[the report(https://...)`; no `(` after `]`: `[the report]https://...)`;
- a space in the address, or a title's quote not closed: `[link](https://x.org/a b)`.

Readers would see the brackets and the address as text, and the picture would not be
shown (nor its file published): an error for a picture, a warning for a link (its words
are still read). `[sic] (see above)`, whose brackets hold no address, is prose: the part
in ( ) must look like an address (a scheme, `www.`, a path, a file name) for the last three
kinds; `\\[` (typed to show brackets) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from generator.render.unaddressed import Problem, shown_text, typed_at, without_comments

_BRACKETS = r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]"
# What may be an address: a scheme, www., a path, an anchor, a file name with its type.
_ADDRESS = r"(?:[A-Za-z][A-Za-z0-9+.-]*:|www\.|\.{0,2}/|#)[^\s()]*|[^\s()]+\.[A-Za-z0-9]{1,5}"
_UNCLOSED = re.compile(r"(!?)(" + _BRACKETS + r")\(([^()\s]*)([^()\n]*)(\)?)")
_SPACED = re.compile(r"(!?)(" + _BRACKETS + r")([ \t]*\n?[ \t]+|[ \t]*\n)\(([^()\s]+)\)")
_NO_BRACKET = re.compile(r"(!?)\[([^\[\]\n(]*?)\((" + _ADDRESS + r")\)")
_NO_PAREN = re.compile(r"(!?)(" + _BRACKETS + r")(" + _ADDRESS + r")\)")
_LOOKS = re.compile(_ADDRESS)
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
# A title whose closing quote was forgotten: Python-Markdown closes it at a later link's
# (`[t](https://x.org "The title) and [u](https://y.org "Other")`), and the words between
# become the first link's title, not shown.
_SWALLOWED = re.compile(r'<(a|img)\b[^>]*?\btitle="([^"]*\]\([^"]*)"')


def problems(converted: str, masked: Callable[[], str]) -> list[Problem]:
    """(0-based body line, message, fix, is an error) for each link or picture of
    `converted` (a body's HTML) left as typed because its Markdown is broken, on its line
    of `masked()` (the body's Markdown with code blanked); [] without a '[' in the HTML."""
    if "[" not in converted:
        return []
    found: list[tuple[str, str, str, bool]] = []  # needle, message, fix, is a picture
    for match in _SWALLOWED.finditer(converted):
        found.append(_swallowed(match))
    text = shown_text(converted)
    if "[" not in text and not found:
        return []
    for match in _UNCLOSED.finditer(text):
        if match.group(5) and not match.group(4).strip():
            continue  # [text](address) shown as text on purpose (typed with '\\[')
        found.append(_unclosed(match))
    for match in _SPACED.finditer(text):
        bang, brackets, _, address = match.groups()
        if bang or _LOOKS.fullmatch(address):
            found.append(_spaced(match.group(), bang, brackets, address))
    for match in _NO_BRACKET.finditer(text):
        bang, words, address = match.groups()
        fix = f"{bang}[{words.strip()}]({address})"
        found.append((match.group(), f"{match.group()} has no ']' before '('", fix, bool(bang)))
    for match in _NO_PAREN.finditer(text):
        bang, brackets, address = match.groups()
        fix = f"{bang}{brackets}({address})"
        found.append((match.group(), f"{match.group()} has no '(' after ']'", fix, bool(bang)))
    if not found:
        return []
    body = without_comments(masked())
    searched: dict[str, int] = {}
    result: list[Problem] = []
    for needle, message, fix, picture in found:
        at = typed_at(body, needle, searched)
        if at < 0:
            at = typed_at(body, needle.split("]", 1)[0] + "]", searched)
        if at < 0 and needle.startswith("["):
            continue  # typed with '\\[': brackets shown on purpose
        line = body.count("\n", 0, max(at, 0))
        what = "picture" if picture else "link"
        if message.startswith("the title "):  # _swallowed: the link is made, wrongly
            opening = body.rfind("[", 0, at) if at > 0 else -1
            opening -= 1 if opening > 0 and body[opening - 1] == "!" else 0
            typed = body[opening:at] + needle + '")' if opening >= 0 else ""
            result.append((line, message, f"close the title's quotes: {typed}", False))
            continue
        outcome = "the picture is not shown" if picture else "its words are not a link"
        result.append(
            (
                line,
                f"{message}: it is published as typed, brackets and address included, and "
                f"{outcome}",
                f"write the {what} as {fix}",
                picture,
            )
        )
    return sorted(result)


def _swallowed(match: re.Match[str]) -> tuple[str, str, str, bool]:
    """The problem of a title that took in the text after it (`_SWALLOWED`)."""
    title = unescape(match.group(2))
    start = title.split(")", 1)[0]
    return (
        f'"{start}',
        f'the title "{start}" has no closing quote, so the words after it, up to a later '
        "link's title, are hidden in this "
        + ("picture's" if match.group(1) == "img" else "link's")
        + " title",
        "",
        match.group(1) == "img",
    )


def _unclosed(match: re.Match[str]) -> tuple[str, str, str, bool]:
    """The problem of `[text](address` left as text: no `)`, or more than an address
    before it (a space in the address, a title's quote not closed)."""
    bang, brackets, address, rest, closing = match.groups()
    typed = f"{bang}{brackets}({address}"
    if not closing:
        return typed, f"{typed} has no closing ')'", f"{typed})", bool(bang)
    inside = (address + rest).strip()
    if '"' in inside or "'" in inside or "\u201c" in inside:
        return (
            typed,
            f"{match.group()} has a title whose quotes are not closed",
            f'{bang}{brackets}({address} "{rest.strip().strip(_QUOTES) or "The title"}")',
            bool(bang),
        )
    return (
        typed,
        f"{match.group()} has a space in its address",
        f"{bang}{brackets}({inside.replace(' ', '%20')}), with %20 for each space",
        bool(bang),
    )


def _spaced(typed: str, bang: str, brackets: str, address: str) -> tuple[str, str, str, bool]:
    """The problem of `[text] (address)`: a space (or a line break) between ] and (."""
    return (
        typed,
        f"{' '.join(typed.split())} has a space between ']' and '('",
        f"{bang}{brackets}({address}), with no space between ']' and '('",
        bool(bang),
    )
