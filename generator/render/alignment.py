"""A table column's alignment (`| ---: |`, `| :-: |`), as the engines write it on each
cell (Python-Markdown `style="text-align: right;"`, cmark-gfm `align="right"`, obsolete in
HTML5), and a raw HTML cell's (`<td align="right">`), made a class the sanitiser keeps and
the theme's style sheet aligns (`.body .align-right`): no style= may reach a page, and the
editor's alignment is published. The sides are those typed, as Hugo, Pelican and GitHub
publish them: `right` is the right edge in a right-to-left story too (a figures column an
Arabic editor right-aligns stays on the right); the logical words a style may say
(`text-align: end`, `start`) stay logical.
"""

from __future__ import annotations

import re

# The sides as typed, each its class's: physical words stay physical, logical ones logical.
SIDES = ("left", "center", "right", "start", "end")
# The classes the sanitiser keeps on a table cell (nh3's allowed_classes): these only.
CELL_CLASSES = {cell: {f"align-{side}" for side in SIDES} for cell in ("th", "td")}

_CELL = re.compile(r"<t[hd](?=[\s>])[^>]*>", re.IGNORECASE)
_ALIGN = re.compile(
    r'\s(?:align="(left|center|right)"|style="text-align: ?(left|center|right|start|end);?")',
    re.I,
)


def aligned(fragment: str) -> str:
    """`fragment` with each table cell's alignment (`align="right"`, `style="text-align:
    right;"`) written `class="align-right"` (left: `align-left`), which the sanitiser keeps
    and the theme's style sheet aligns; any other style of the cell is left for the
    sanitiser."""
    if "align" not in fragment:
        return fragment

    def cell(tag: re.Match[str]) -> str:
        text = tag.group()
        found = _ALIGN.search(text)
        if found is None or " class=" in text:
            return text
        side = (found.group(1) or found.group(2)).lower()
        return f'{text[: found.start()]} class="align-{side}"{text[found.end() :]}'

    return _CELL.sub(cell, fragment)


_EMPTY_CLASS = re.compile(r'(<t[hd](?=[\s>])[^>]*?) class=""', re.IGNORECASE)


def unclassed(clean: str) -> str:
    """Sanitised HTML without the empty `class=""` the sanitiser leaves on a cell whose
    classes were none of CELL_CLASSES (`<td class="total">`): removed, as other markup is."""
    return _EMPTY_CLASS.sub(r"\1", clean) if ' class=""' in clean else clean
