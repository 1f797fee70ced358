"""gfm only: a `{#id}`, `{.class}` or `{: ...}` the gfm engine shows as text, where
Python-Markdown would have read it as an attribute list, is a warning on its line.

Python-Markdown's attr_list reads one only in some places: at the end of a heading, a
table cell or a list item's text, on its own last line of a block, and directly after an
inline element (`*word*{.x}`). Anywhere else, and in code or raw HTML, both engines show
it as typed, so nothing is said (`Hashtag {#floods} campaign`, `<pre>{#x}</pre>`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from html import escape

# An attribute list as Python-Markdown's attr_list reads one: '{#id}', '{.class}' or
# '{: ...}' (not after a backslash, which shows it as text on purpose).
_ATTRIBUTE_LIST = re.compile(
    r"(?<!\\)\{(?::[^{}\n]*|[#.][^\s{}#.][^\s{}]*(?:[ \t]+[#.][^\s{}]+)*)[ \t]*\}"
)
_ATX_LINE = re.compile(r"[ ]{0,3}#{1,6}[ \t]")
_LINE_END = re.compile(r"[ \t]*(?:\||$)", re.MULTILINE)  # a line's or a table cell's end
_INLINE_END = ")]*_`~>"  # the last character of a link, emphasis, code span, tag...


@cache
def _python_markdown() -> Callable[[str], str]:
    from generator.render.python_markdown import python_markdown

    return python_markdown()


def _placed(body: str, match: re.Match[str]) -> bool:
    """Whether the attribute list is where Python-Markdown's attr_list looks for one."""
    return bool(_LINE_END.match(body, match.end())) or (
        match.start() > 0 and body[match.start() - 1] in _INLINE_END
    )


def attribute_lists(converted: str, body: str) -> list[tuple[int, str, str, bool]]:
    """(line, message, fix, False) of a warning for each attribute list (`{#id}`,
    `{.class}`, `{: .note}`) typed in `body` (the Markdown, its code and comments blanked)
    that `converted` (the gfm engine's HTML) shows as text and Python-Markdown would read
    (a list it also shows as text, in indented code, raw HTML or mid-sentence, is not
    warned: both engines publish it alike). Python-Markdown converts the body only when
    some list is in such a place (it is imported then)."""
    matches = [
        m
        for m in (_ATTRIBUTE_LIST.finditer(body) if "{" in body else ())
        if escape(m.group(), quote=False) in converted and _placed(body, m)
    ]
    if not matches:
        return []
    read = _python_markdown()(body)
    typed = [m.group() for m in matches]
    return [
        _warning(body, m)
        for m in matches
        if read.count(escape(m.group(), quote=False)) < typed.count(m.group())
    ]


def _warning(body: str, match: re.Match[str]) -> tuple[int, str, str, bool]:
    typed = match.group()
    line = body.count("\n", 0, match.start())
    start = body.rfind("\n", 0, match.start()) + 1
    ident = re.search(r"#([^\s{}.#]+)", typed)
    heading = _ATX_LINE.match(body, start) is not None
    if heading and ident:
        message = f"{typed} is shown as text in this heading: the gfm engine has no "
        message += "attribute lists, so the heading gets no id"
        fix = f'write the heading as HTML, <h2 id="{ident[1]}">...</h2>'
    else:
        message = f"{typed} is shown as text: the gfm engine has no attribute lists "
        message += "({#id}, {.class}, {: ...}), so it gives nothing an id or a class"
        fix = f"remove {typed}" + (
            f'; to give a heading an id, write it as HTML, <h2 id="{ident[1]}">...</h2>'
            if ident
            else ""
        )
    fix += '; or set markdown_engine = "python-markdown", which reads them'
    return (line, message, fix, False)
