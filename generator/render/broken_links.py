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

from generator.render.unaddressed import Problem, shown_text, typed_at, without_comments

_BRACKETS = r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]"
# What may be an address: a scheme, www., a path, an anchor, a file name with its type.
_ADDRESS = r"(?:[A-Za-z][A-Za-z0-9+.-]*:|www\.|\.{0,2}/|#)[^\s()]*|[^\s()]+\.[A-Za-z0-9]{1,5}"
# An inline link or picture as typed, up to its address (which may hold balanced ( )).
_OPENING = re.compile(r"(?<!\\)(!?)(" + _BRACKETS + r")\(((?:[^\s()\\]|\\.|\([^\s()]*\))*)")
_SPACED = re.compile(r"(!?)(" + _BRACKETS + r")([ \t]*\n?[ \t]+|[ \t]*\n)\(([^()\s]+)\)")
_NO_BRACKET = re.compile(r"(!?)\[([^\[\]\n(]*?)\((" + _ADDRESS + r")\)")
_NO_PAREN = re.compile(r"(!?)(" + _BRACKETS + r")(" + _ADDRESS + r")\)")
_LOOKS = re.compile(_ADDRESS)
# A link or picture made with a space in its address (Python-Markdown takes
# `[a](https://x.org/a b)` and `[a](x.pdf 'Title)` so).
_SPACE_IN_ADDRESS = re.compile(r"""<(?:a|img)\b[^>]*?\b(?:href|src)="[^"]*\s""")
# What it needs, led by a word `re` finds fast: that pattern alone reads every '<' of a body.
_SPACED_VALUES = (re.compile(r'href="[^"\s]*\s'), re.compile(r'src="[^"\s]*\s'))
_CLOSES = {'"': '"', "'": "'", "(": ")"}


def problems(converted: str, masked: Callable[[], str]) -> list[Problem]:
    """(0-based body line, message, fix, is an error) for each link or picture of
    `converted` (a body's HTML) left as typed because its Markdown is broken, on its line
    of `masked()` (the body's Markdown with code blanked); [] without a '[' in the HTML."""
    if "[" not in converted and not _space_in_address(converted):
        return []
    found: list[tuple[str, str, str, bool]] = []  # needle, message, fix, is a picture
    text = shown_text(converted)
    body = without_comments(masked())
    result = _typed(body, text)
    if "[" not in text:
        return sorted(result)
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
        return sorted(result)
    searched: dict[str, int] = {}
    for needle, message, fix, picture in found:
        at = typed_at(body, needle, searched)
        if at < 0:
            at = typed_at(body, needle.split("]", 1)[0] + "]", searched)
        if at < 0 and needle.startswith("["):
            continue  # typed with '\\[': brackets shown on purpose
        line = body.count("\n", 0, max(at, 0))
        what = "picture" if picture else "link"
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


def _space_in_address(converted: str) -> bool:
    """Whether a link or picture of `converted` has a space in its href or src."""
    spaced = any(value.search(converted) for value in _SPACED_VALUES)
    return spaced and _SPACE_IN_ADDRESS.search(converted) is not None


def _typed(body: str, text: str) -> list[Problem]:
    """The problems of the inline links and pictures typed in `body` (the Markdown, code
    and comments blanked) whose part after the address is wrong (`_after_address`);
    `text` is the converted body's text."""
    result: list[Problem] = []
    for match in _OPENING.finditer(body):
        said = _after_address(match, body, text)
        if said is not None:
            line = body.count("\n", 0, match.start())
            what = "picture" if match.group(1) else "link"
            outcome = "the picture is not shown" if match.group(1) else "its words are not a link"
            message, fix = said
            result.append(
                (
                    line,
                    f"{message}: the {what} is not published as meant (its title's words "
                    f"taken into its address, or the {what} shown as typed)"
                    if " title" in message or "words after" in message
                    else f"{message}: gfm publishes it as typed and Python-Markdown with the "
                    "space as %20"
                    if "a space in" in message
                    else f"{message}: it is published as typed, brackets and address "
                    f"included, and {outcome}",
                    f"write the {what} as {fix}",
                    bool(match.group(1)),
                )
            )
    return result


def _after_address(match: re.Match[str], body: str, shown: str) -> tuple[str, str] | None:
    """(message, fix) for an inline link or picture typed in `body` whose part after the
    address is not a title and ')': no ')', a space in the address, a title's quote not
    closed, words after the title, a title holding its own quote mark (left as text by
    gfm: `shown`, the converted text, still shows its brackets); None when it is right."""
    bang, brackets, address = match.groups()
    typed = match.group()
    end = body.find("\n\n", match.end())
    rest = body[match.end() : end if end >= 0 else len(body)]
    gap = re.match(r"[ \t]*\n?[ \t]*", rest)
    assert gap is not None
    after = rest[gap.end() :]
    if address.startswith("<") or (after.startswith(")") and (address or not gap.group())):
        return None  # <an address> may hold spaces
    if after[:1] in _CLOSES and gap.group() and address:
        return _title(bang + brackets, address, after, shown)
    paren = after.find(")")
    if not address or not after or paren < 0 or "\n" in after[:paren]:
        if not address or (after[:1] == ")" and not gap.group()):
            return None  # no address (render/unaddressed.py), or [x]() typed so
        return f"{typed} has no closing ')'", f"{typed})"
    inside = f"{address}{gap.group()}{after[:paren]}".strip()
    encoded = re.sub(r"\s+", "%20", inside)
    return (
        f"{bang}{brackets}({inside}) has a space in its address",
        f"{bang}{brackets}({encoded}), with %20 for each space",
    )


def _title(link: str, address: str, after: str, shown: str) -> tuple[str, str] | None:
    """`_after_address` for a title opened by `after`'s first character."""
    opening = after[0]
    closing = _CLOSES[opening]
    paren = after.find(")", 1)
    if paren < 0 or "\n\n" in after[:paren]:
        paren = len(after.split("\n", 1)[0])
    inner = after[1:paren]
    typed = f"{link}({address} {after[: paren + 1]}".rstrip()
    kept = inner.rstrip()
    if opening != "(" and kept.endswith(closing) and closing not in kept[:-1]:
        return None
    if opening == "(":
        return None  # a title in ( ): left to the engines
    mark = "'" if '"' in inner else '"'
    if kept.endswith(closing) and closing in kept[:-1]:
        title = kept[:-1]
        if f"{link.lstrip('!')}({address}" not in shown:
            return None  # Python-Markdown takes it so: the link is made
        if mark in title:
            return None
        return (
            f"{typed} has a title with its own {closing} marks inside, so it is not read as "
            "a title",
            f"{link}({address} {mark}{title}{mark})",
        )
    if closing in inner:
        title, junk = inner.split(closing, 1)
        moved = f" {junk.strip()}, with the words after the ')'" if junk.strip() else ""
        return (
            f"{typed} has words after its title, inside the ( )",
            f"{link}({address} {opening}{title}{closing}){moved}",
        )
    return (
        f"{typed} has a title whose quote is not closed",
        f"{link}({address} {mark}{inner.strip()}{mark})",
    )


def _spaced(typed: str, bang: str, brackets: str, address: str) -> tuple[str, str, str, bool]:
    """The problem of `[text] (address)`: a space (or a line break) between ] and (."""
    return (
        typed,
        f"{' '.join(typed.split())} has a space between ']' and '('",
        f"{bang}{brackets}({address}), with no space between ']' and '('",
        bool(bang),
    )
