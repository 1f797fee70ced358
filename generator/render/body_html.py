"""What an article body's HTML must be to make a valid, accessible page, said on its line.

render/markdown.py calls these around the sanitiser (not for a site with trusted_html):

- `stray_end_tags` (before conversion): an end tag typed as text (`</script>`, `</p>`)
  with no start tag of its kind before it is taken out, with a warning: a browser drops
  it or, for `</p>`, ends the paragraph there;
- `fixed_headings` (before the sanitiser): the page's headline is its only h1, and a
  heading may not skip a level (Nu Html Checker, WCAG 1.3.1): a body `#` heading, or one
  deeper than the level after the heading before it, is published one level below that
  heading, with a warning on its line;
- `gfm_footnotes`: cmark-gfm's footnote section as Python-Markdown writes it;
- render/attribute_lists.py (gfm only): a `{#id}` or `{: .class}` the engine shows as text;
- `unnamed_links`, `id_problems` (after the sanitiser): a link with no text for a screen
  reader to say, an id the theme's page already uses or used twice, and an in-page link
  (`#results`) to an id the page does not have;
- `focusable` (in the link pass, any site's): a table or code block, which may scroll
  sideways, is reachable from the keyboard.

Each problem is (needle to find its line, message, fix); lines come from the body text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape
from urllib.parse import unquote

from generator.load.files import shown
from generator.load.images import vague_alt
from generator.load.plain_text import plain_text_notes, plain_version
from generator.render.links import Attrs
from generator.render.sanitised import masked

Problem = tuple[str, str, str]  # needle, message, fix

# The ids the theme's pages give their own elements (generator/theme/): a body must not
# repeat one (an id is unique in a page, and the theme's links and labels point at them).
THEME_IDS = frozenset(
    {"main", "article-corrections", "article-topics", "related-stories", "search"}
    | {"browse-countries", "browse-feeds", "browse-topics", "top-story", "top-topics-label"}
)

_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col"})


def stray_end_tags(body: str, masked: str) -> tuple[str, int, list[tuple[int, str, str]]]:
    """`body` with each end tag typed with no start tag of its kind open before it (found
    in `masked`, the body with its fenced code and code spans blanked; same length)
    replaced by a placeholder of private-use characters, and (0-based line, tag, text
    typed) of each, in order. `settled` then drops the ones in running text and puts the
    ones the engine made code (an indented block) back as typed; `base` is the first
    character of the placeholders' block. A body with no '</', or using every block, is
    returned as it is."""
    base = _free_block(body) if "</" in masked else None
    if base is None:
        return body, 0, []
    events = [(m.start(), m.end(), m.group(1).lower(), False) for m in _START_TAG.finditer(masked)]
    events += [(m.start(), m.end(), m.group(1).lower(), True) for m in _END_TAG.finditer(masked)]
    open_tags: dict[str, int] = {}
    cut: list[tuple[int, int]] = []
    found: list[tuple[int, str, str]] = []
    for start, end, tag, closing in sorted(events):
        if not closing:
            if tag not in _VOID:
                open_tags[tag] = open_tags.get(tag, 0) + 1
        elif tag == "br":  # </br> is read as <br>
            continue
        elif open_tags.get(tag, 0):
            open_tags[tag] -= 1
        else:
            cut.append((start, end))
            found.append((masked.count("\n", 0, start), tag, body[start:end]))
    for n, (start, end) in reversed(list(enumerate(cut))):
        body = body[:start] + _placeholder(base, n) + body[end:]
    return body, base, found


def _free_block(body: str) -> int | None:
    """The first block of 16 private-use characters the body does not use (placeholders
    are made of them), or None."""
    for base in range(0xE000, 0xF900, 0x100):
        if not any(chr(base) <= c < chr(base + 16) for c in body if c >= "\ue000"):
            return base
    return None


def _placeholder(base: int, n: int) -> str:
    return chr(base) + "".join(chr(base + 2 + int(d)) for d in str(n)) + chr(base + 1)


def settled(converted: str, base: int, typed: list[str]) -> tuple[str, list[int]]:
    """`converted` with the placeholders of `stray_end_tags` (block `base`; the end tags
    `typed`, in order) resolved: inside <pre> or <code> (code the engine made, an indented
    block) the end tag is put back as typed, as text; elsewhere, in running text or an
    attribute, it is dropped. Returns the numbers of the ones dropped."""
    if not typed:
        return converted, []
    marks = f"{chr(base)}([{chr(base + 2)}-{chr(base + 11)}]+){chr(base + 1)}"
    code = 0
    dropped: list[int] = []

    def mark(match: re.Match[str], quote: bool = False) -> str:
        n = int("".join(str(ord(c) - base - 2) for c in match.group(match.lastindex or 0)))
        if code > 0:
            return escape(typed[n], quote=quote)
        dropped.append(n)
        return ""

    def one(match: re.Match[str]) -> str:
        nonlocal code
        if match.group(1) is None:  # a placeholder in text
            return mark(match)
        if match.group(2):  # <pre>, <code> or their end tags
            code += -1 if match.group(1) else 1
        return re.sub(marks, lambda m: mark(m, quote=True), match.group())

    pattern = rf"<(/?)(?:(pre|code)\b|[A-Za-z!])[^>]*>|{marks}"
    return re.sub(pattern, one, converted), sorted(set(dropped))


_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTED = re.compile(r"^(?: {0,3}>)+ ?")  # a blockquote's marks, before a heading in it
_HTML_HEADING = re.compile(r"<h([1-6])\b", re.IGNORECASE)


_ITEM = re.compile(r" {0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)")


def _unlisted(lines: list[str]) -> list[str]:
    """`lines` without their list items' marks (`- `, `1. `) and the indent of the lines
    that go on an item (a heading in a list item is a heading: `- ## Item`)."""
    out, listed = [], False
    for line in lines:
        item = _ITEM.match(line)
        if item:
            listed = True
            out.append(line[item.end() :])
            continue
        if line.strip() and not line.startswith((" ", "\t")):
            listed = False
        out.append(re.sub(r"^(?: {1,4}|\t)", "", line) if listed else line)
    return out


def _typed_headings(masked: str) -> list[tuple[int, int]]:
    """(0-based line, level) of each heading typed in the body: `#` lines, underlined
    (setext) ones and HTML `<h2>` tags, in order."""
    lines = _unlisted([_QUOTED.sub("", line) for line in masked.split("\n")])
    found: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        atx = _ATX.match(line)
        if atx:
            found.append((i, len(atx.group(1))))
            continue
        found += [(i, int(m.group(1))) for m in _HTML_HEADING.finditer(line)]
        setext = _SETEXT.match(line)
        if setext and i and lines[i - 1].strip() and not _ATX.match(lines[i - 1]):
            found.append((i - 1, 1 if setext.group(1)[0] == "=" else 2))
    return found


def fixed_headings(
    converted: str, masked: Callable[[], str]
) -> tuple[str, list[tuple[int, str, str]]]:
    """`converted` with each heading that is an h1 or skips a level published one level
    below the heading before it (the first may be an h2 or an h3 under the headline, h1:
    `###` subheads are a house style, published as typed, tester5 F6), and (0-based line,
    message, fix) for each, the line read from `masked()` (the body with its code blanked,
    asked for only when a heading is published at another level: most bodies have none)."""
    if "<h" not in converted and "<H" not in converted:
        return converted, []
    typed: list[tuple[int, int]] | None = None  # the typed headings, read when one shifts
    problems: list[tuple[int, str, str]] = []
    levels: list[int] = []  # the published level of each open heading, by order
    previous = 1
    count = 0

    def shift(match: re.Match[str]) -> str:
        nonlocal previous, count, typed
        level = int(match.group(2))
        if match.group(1):
            return f"</h{levels.pop() if levels else level}"
        # The first may be a `###` (a house style of small subheads): published as typed
        published = min(max(level, 2), previous + (1 if count else 2))
        if published != level:
            typed = _typed_headings(masked()) if typed is None else typed
            line = typed[count][0] if count < len(typed) else 0
            problems.append((line, *_heading_words(level, published)))
        count += 1
        previous = published
        levels.append(published)
        return f"<h{published}"

    return _HEADING.sub(shift, converted), problems


def _heading_words(level: int, published: int) -> tuple[str, str]:
    marks = "#" * level
    if level == 1:
        return (
            f"a '{marks} ' heading is a first-level heading, but the headline is the page's "
            f"only one: it is published as a second-level heading ('{'#' * published} ')",
            "the headline is the page's only first-level heading: write '## ' for a heading",
        )
    return (
        f"this '{marks} ' heading skips a level (no '{'#' * (level - 1)} ' heading before "
        f"it): it is published as a '{'#' * published} ' heading, so the page's outline "
        "stays whole",
        f"start the story's headings with '## ', then '### ' under it; write "
        f"'{'#' * published} ' here",
    )


_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_HREF = re.compile(r'\bhref="([^"]*)"')
_TITLE = re.compile(r'\btitle="([^"]*\S[^"]*)"')
_ALT = re.compile(r'<img\b[^>]*?\balt="([^"]*)"[^>]*>', re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def unnamed_links(clean: str) -> list[Problem]:
    """A problem for each link of `clean` (sanitised HTML) with nothing for a screen reader
    to say (WCAG 2.4.4, 4.1.2): no text, no picture with alt= text, no title=."""
    if "<a" not in clean:
        return []
    found: list[Problem] = []
    for link in _LINK.finditer(clean):
        href = _HREF.search(link.group(1))
        if href is None or _TITLE.search(link.group(1)):
            continue
        inner = _ALT.sub(lambda img: f" {img.group(1)} ", link.group(2))
        if unescape(_TAG.sub("", inner)).strip():
            continue
        address = unescape(href.group(1))
        if "<img" in link.group(2).lower():
            found.append(
                (
                    address,
                    f"the link to {address!r} holds only a picture with no alt= text, so a "
                    "screen reader cannot say where it leads",
                    f"describe the picture, which is the link's only text: "
                    f"[![Chart of the data](chart.png)]({address})",
                )
            )
        else:
            found.append(
                (
                    address,
                    f"the link to {address!r} has no text, so readers cannot see or hear "
                    "where it leads",
                    f"write the link's text between the brackets: [the data]({address})",
                )
            )
    return found


_ID = re.compile(r'<([a-z0-9]+)\b[^>]*?\bid="([^"]*)"', re.IGNORECASE)
_FRAGMENT = re.compile(r'<a\b[^>]*?\bhref="#([^"]*)"[^>]*>', re.IGNORECASE)


def _id_needle(body: str, value: str, last: bool) -> str:
    """What to look for in the Markdown `body` to find where id `value` was typed (its
    `last` use: a second one)."""
    forms = (f"{{#{value}", f'id="{value}"', f"id='{value}'", f"id={value}", f"#{value}")
    typed = [needle for needle in forms if needle in body] or [value]
    return max(typed, key=body.rfind) if last else typed[0]


def id_problems(clean: str, body: str, gfm: bool) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) about the ids of `clean` (the body's HTML; `body` its Markdown):
    an id the theme's page already has (THEME_IDS) or used twice is an error (an id is
    unique in a page); an in-page link (`#results`) to an id the page does not have is a
    warning, with the way to give a heading an id in the engine used."""
    dropped = _dropped_notes(clean, body) if gfm and "[^" in body else []
    if "id=" not in clean and 'href="#' not in clean:
        return [], dropped
    errors: list[Problem] = []
    seen: set[str] = set()
    for match in _ID.finditer(clean):
        tag, value = match.group(1).lower(), unescape(match.group(2))
        if value in THEME_IDS or value in seen:
            where = "the theme's page" if value in THEME_IDS else "the story"
            errors.append(
                (
                    _id_needle(body, value, value in seen),
                    f"the id {value!r} of this <{tag}> is already used by {where}: an id "
                    "names one place on a page, and links and labels would find the wrong one",
                    f"choose another id, such as {value}-1 (and change the links to it)",
                )
            )
        seen.add(value)
    warnings: list[Problem] = dropped
    published = seen | {unquote(value) for value in seen}  # gfm: 'fn-%E0%A4%A8...' as typed
    for match in _FRAGMENT.finditer(clean):
        target = unquote(unescape(match.group(1)))
        if target in published or target in THEME_IDS or target.lower() in ("", "top"):
            continue
        if 'title="Jump back to footnote' in match.group():  # a note no line refers to
            warnings.append(_unreferenced(target.split(":" if ":" in target else "-", 1)[1]))
            continue
        note = re.fullmatch(r"(fn(?:ref)?):(.+)", target)
        if gfm and note and f"{note[1]}-{note[2]}" in seen:  # Python-Markdown's #fn:x
            how = (
                f"the gfm engine names the footnote [^{note[2]}] #fn-{note[2]} (and the place "
                f"that refers to it #fnref-{note[2]}): write #{note[1]}-{note[2]}"
            )
        elif gfm:
            how = (
                "the gfm engine gives headings no id: write the heading as HTML, "
                f'<h2 id="{target}">...</h2>'
            )
        else:
            how = f"give the heading that id: ## Its text {{#{target}}}"
        warnings.append(
            (
                f"#{target}",
                f"the link to '#{target}' goes nowhere: no heading or note of the story has "
                f"the id {target!r}",
                f"{how}; or correct the link",
            )
        )
    return errors, warnings


def _unreferenced(label: str, gfm: bool = False) -> Problem:
    """The warning, on its definition's line, for a footnote no line refers to (its
    back-link, which Python-Markdown publishes, would lead nowhere; gfm leaves it out)."""
    return (
        f"[^{label}]:",
        f"the note [^{label}] is defined, but no line of the story refers to it: "
        + (
            "the gfm engine leaves it out of the page"
            if gfm
            else "it is published at the story's end, with a back-link that leads nowhere"
        ),
        f"refer to it where it belongs, as in: the figure[^{label}]; or delete the note",
    )


_NOTE_LINE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)


def _dropped_notes(clean: str, body: str) -> list[Problem]:
    """gfm: the warnings for the footnotes `body` defines (not in code) that `clean` (the
    body's HTML) has no note of, as no line refers to them."""
    ids = {unquote(unescape(m.group(2))).casefold() for m in _ID.finditer(clean)}
    labels = [m.group(1) for m in _NOTE_LINE.finditer(masked(body))]
    return [_unreferenced(label, True) for label in labels if f"fn-{label}".casefold() not in ids]


_GFM_NOTES = re.compile(
    r'<section class="footnotes" data-footnotes>\n(<ol>\n.*</ol>)\n</section>\n*\Z', re.DOTALL
)
_GFM_BACKREF = re.compile(
    r'<a href="(#fnref-[^"]*)" class="footnote-backref" data-footnote-backref '
    r'data-footnote-backref-idx="([^"]*)" aria-label="[^"]*">'
)


def gfm_footnotes(converted: str) -> str:
    """cmark-gfm's footnotes as Python-Markdown writes them, which the sanitiser keeps: the
    notes in <div class="footnote"> after an <hr> (a <section> is not published), each
    back-link with the title "Jump back to footnote N in the text"."""
    if "data-footnotes>" not in converted:
        return converted
    converted = _GFM_NOTES.sub(r'<div class="footnote">\n<hr>\n\1\n</div>\n', converted)
    return _GFM_BACKREF.sub(
        r'<a class="footnote-backref" href="\1" title="Jump back to footnote \2 in the text">',
        converted,
    )


def vague(src: str, alt: str) -> tuple[str, str] | None:
    """The warning for a picture whose alt= text says nothing (`![image](x.png)`, an alt
    that is a file's name: load/images.vague_alt), or whose alt= text holds Markdown or
    HTML, read out as typed (`![Chart of **growth**](x.png)`, as image.alt's warning);
    None for a plain description or alt=""."""
    notes = plain_text_notes("alt", alt, f"the alt text of the picture {shown(src)}")
    if notes:
        return notes[0][0] + ", and by screen readers", (
            f"write it without them: ![{plain_version(alt)}]({src})"
        )
    if not alt.strip() or not vague_alt(alt, src):
        return None
    return (
        f"the picture {shown(src)} has the alt text {alt!r}, which says nothing about what "
        "it shows: a screen reader reads it out in the picture's place",
        f"describe it: ![Rescue boats on a flooded street]({src}) (alt= in HTML), or "
        f"![]({src}) if it only decorates the story",
    )


def no_alt(src: str) -> tuple[str, str]:
    """The warning for an HTML <img> with no alt= (HTML requires one; WCAG 1.1.1)."""
    return (
        f"the picture {shown(src)} has no alt= text, so a screen reader cannot say what "
        'it shows: it is published with alt="", as a decoration, like ![](picture.png)',
        f'describe it: <img src="{src}" alt="What the picture shows">, or write alt="" '
        "if it only decorates the story",
    )


# What comes before an address typed as one: '](' (a link), ']: ' (a reference), '=' or
# '="' (an HTML attribute), '<' (an autolink); and what may come after it.
_OPENER = re.compile(r"(?:\]\(\s*<?|\]:[ \t]*<?|=[ \t]*[\"']?|<)$")
_CLOSER = re.compile(r"[)\"'>\s]|$")


def address_line(masked: str, value: str, nth: int) -> int | None:
    """The 0-based line of the `nth` (from 0) place where the address `value` (an href or
    src of the converted body) is typed as a link's or picture's address in `masked` (the
    body with its code blanked), read as typed: %-encoded or not, with '\\' escapes; the
    last such place when there are fewer (a reference used twice), None without one."""
    forms = {value, unquote(value), escape(value), unquote(value).replace("\\", "\\\\")}
    starts: set[int] = set()
    for form in forms:
        at = masked.find(form)
        while at >= 0:
            end = at + len(form)
            if _OPENER.search(masked, max(0, at - 8), at) and _CLOSER.match(masked, end):
                starts.add(at)
            at = masked.find(form, at + 1)
    if not starts:
        return None
    ordered = sorted(starts)
    return masked.count("\n", 0, ordered[min(nth, len(ordered) - 1)])


# The theme lets a table or a block of code wider than the column scroll sideways; a
# scrolling box must be reachable from the keyboard (WCAG 2.1.1, axe's
# scrollable-region-focusable), so each is a stop of the Tab key.
SCROLL_BOXES = ("table", "pre")


def focusable(tag: str, attrs: Attrs) -> Attrs | None:
    """`attrs` with tabindex="0", unless the editor's HTML already gives a tabindex."""
    return None if any(k == "tabindex" for k, _ in attrs) else [*attrs, ("tabindex", "0")]
