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

_CELL = re.compile(r"<t[hd](?=[\s>/])[^>]*>", re.IGNORECASE)
# An attribute of a cell's tag, with its value in any quotes or none (`align=center`).
_ATTRIBUTE = r"""\s%s\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
_ALIGN = re.compile(_ATTRIBUTE % "align", re.IGNORECASE)
_STYLE = re.compile(_ATTRIBUTE % "style", re.IGNORECASE)
_CLASS = re.compile(_ATTRIBUTE % "class", re.IGNORECASE)
# One declaration of a style: `text-align: RIGHT !important`.
_TEXT_ALIGN = re.compile(r"\s*text-align\s*:\s*([a-z]+)\s*(?:!\s*important\s*)?", re.IGNORECASE)


def _value(found: re.Match[str]) -> str:
    return next(group for group in found.groups() if group is not None)


def style_alignment(style: str) -> tuple[str, str] | None:
    """(side, the rest of the style) when the style attribute's value `style` aligns the
    text to one of SIDES, in any capitals and spacing (`color:red; text-align: Center`
    -> ('center', 'color:red')); None when it does not."""
    declarations = style.split(";")
    for n, declaration in enumerate(declarations):
        found = _TEXT_ALIGN.fullmatch(declaration)
        if found is not None and found.group(1).lower() in SIDES:
            rest = [one.strip() for k, one in enumerate(declarations) if k != n and one.strip()]
            return found.group(1).lower(), "; ".join(rest)
    return None


def _cell(text: str) -> str:
    """A cell's start tag with its alignment (align=, or style='s text-align) written as
    its class; what else its style says is left for the sanitiser."""
    align, style = _ALIGN.search(text), _STYLE.search(text)
    side = _value(align).strip().lower() if align is not None else ""
    if side in SIDES[:3]:
        text = text[: align.start()] + text[align.end() :]  # type: ignore[union-attr]
    elif style is not None and (styled := style_alignment(_value(style))) is not None:
        side, rest = styled
        kept = f' style="{rest}"' if rest else ""
        text = text[: style.start()] + kept + text[style.end() :]
    else:
        return text
    classes = _CLASS.search(text)
    if classes is None:
        return f'{text[:3]} class="align-{side}"{text[3:]}'
    named = f' class="{_value(classes)} align-{side}"'
    return text[: classes.start()] + named + text[classes.end() :]


_ANY_ALIGN = re.compile("align", re.IGNORECASE)


def _styles_removed(line: str, tag: str) -> list[tuple[str, str]]:
    """(what is removed of its style=, the side kept or '') for each `tag` cell (td, th)
    on `line` of a story's HTML whose style says more than its alignment:
    `<td style="color:red;text-align:center">` gives ('color:red', 'center')."""
    found = []
    for cell in _CELL.finditer(line):
        style = _STYLE.search(cell.group())
        if cell.group()[1:3].lower() != tag or style is None:
            continue
        styled = style_alignment(_value(style))
        if styled is None:
            found.append((_value(style).strip(), ""))
        elif styled[1]:
            found.append((styled[1], styled[0]))
    return found


def cell_style(line: str, tag: str, words: tuple[str, str]) -> tuple[str, str] | None:
    """The warning's (message, fix) for the style= of a `tag` cell (td, th) on `line` of a
    story's HTML, whose removal `words` says: None when each such style is an alignment
    alone, kept as a class; when each also aligns the cell, that its alignment is kept
    and the rest removed (prober5 P31); else `words`."""
    found = _styles_removed(line, tag)
    if not found or not all(side for _, side in found):
        return None if not found else words
    rest, side = found[0]
    return (
        f"the style= attribute of <{tag}> here is removed when published but for its "
        f"alignment: '{rest}' is removed, 'text-align: {side}' is kept",
        f'write the style as its alignment alone, style="text-align: {side}": the theme '
        "sets the rest of the look of every story",
    )


def aligned(fragment: str) -> str:
    """`fragment` with each table cell's alignment (`align="right"`, `style="text-align:
    right;"`, in any capitals, quotes and spacing, beside other declarations) written
    `class="align-right"` (left: `align-left`), which the sanitiser keeps and the theme's
    style sheet aligns; any other style of the cell is left for the sanitiser."""
    if _ANY_ALIGN.search(fragment) is None:
        return fragment
    return _CELL.sub(lambda tag: _cell(tag.group()), fragment)


_EMPTY_CLASS = re.compile(r'(<t[hd](?=[\s>])[^>]*?) class=""', re.IGNORECASE)


def unclassed(clean: str) -> str:
    """Sanitised HTML without the empty `class=""` the sanitiser leaves on a cell whose
    classes were none of CELL_CLASSES (`<td class="total">`): removed, as other markup is."""
    return _EMPTY_CLASS.sub(r"\1", clean) if ' class=""' in clean else clean
