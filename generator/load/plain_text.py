"""Plain-text fields (`title:`, `summary:`) holding Markdown or HTML, which they publish
as typed: the warnings' words and fixes (README: Writing an article). Read by
load/validate.py; HTML's element names below are also read by render/unclosed.py (an
inline element left open) and render/summary.py.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from html import unescape
from html.entities import html5
from pathlib import Path

# Inline elements an editor may type with text inside; any of them left open would go on
# into the blocks after it (a void one, such as <br> or <img>, has no end tag).
PHRASING = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em"}
    | {"font", "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span"}
    | {"strike", "strong", "sub", "sup", "time", "tt", "u", "var"}
)
# Elements that make a block of their own: an inline element open when one starts or
# ends is ended there.
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "caption", "center", "dd", "details"}
    | {"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li"}
    | {"main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody"}
    | {"td", "tfoot", "th", "thead", "tr", "ul"}
)

# Markdown an editor may type in `summary:`, which is plain text (README: Writing an
# article): a link or picture, **strong** or __strong__, *emphasis* or _emphasis_, `code`.
_MARKDOWN = re.compile(
    r"(!?)\[([^\[\]\n]+)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)"
    r"|(\*\*|__)(?=\S)(.+?)(?<=\S)\3"
    r"|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"
    r"|`([^`\n]+)`"
)


def _words(found: re.Match[str]) -> str:
    return next(group for group in found.group(2, 4, 5, 6, 7) if group is not None)


def _code_like(found: re.Match[str]) -> bool:
    """A name from code between underscores (`__init__`, `__main__`): the text meant, which
    Markdown would make bold (tester 3, M13); never said to be Markdown."""
    return re.fullmatch(r"__[a-z][a-z0-9_]*__", found.group()) is not None


def _unmarked(text: str) -> str:
    """`text` with its Markdown written as its words: `**Bold**` as 'Bold'."""
    return _MARKDOWN.sub(lambda m: m.group() if _code_like(m) else _words(m), text)


def as_sentences(raw: object, path: Path, line: int) -> str | None:
    """A value of several paragraphs, `raw` as YAML read it from `path`, whose key is on
    `line` (`summary: >-` and lines under it; `|` keeps a blank line as one, `>` and plain
    lines fold it to a line break), as one paragraph whose paragraphs end as sentences:
    'Storm hits. Second para', so that a fix keeps their break (prober4 L7); None for a
    value of one paragraph."""
    if not isinstance(raw, str) or "\n" not in raw.strip():
        return None
    try:
        header = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()[line - 1]
    except (OSError, IndexError):
        return None
    literal = re.search(r":\s*\|", header) is not None
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n" if literal else "\n", raw)]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return None
    ended = [part if part[-1] in ".!?:;\u2026" else part + "." for part in parts[:-1]]
    return " ".join([*ended, parts[-1]])


def markdown_in_summary(summary: str) -> tuple[str, str] | None:
    """(message, fix) when `summary` holds Markdown, which it publishes as typed (a
    summary is plain text on the page, in search results and in every feed); None
    otherwise."""
    return markdown_in_text("summary", summary, "summary", ", in search results and in feeds")


def markdown_in_text(
    key: str, value: str, label: str, where: str = " and in feeds"
) -> tuple[str, str] | None:
    """(message, fix) when `value`, the plain-text field `key` (named `label` in the
    message: 'image.caption'), holds Markdown, published as typed on the page and `where`;
    None otherwise. A name from code (`__init__`) is no Markdown."""
    if not any(c in value for c in "*_[`"):
        return None
    found = next((m for m in _MARKDOWN.finditer(value) if not _code_like(m)), None)
    if found is None:
        return None
    typed = found.group()
    marks = (
        "brackets and address"
        if typed.endswith(")")
        else "backticks"
        if typed.startswith("`")
        else "underscores"
        if typed.startswith("_")
        else "asterisks"
    )
    line = yaml_line(key, _unmarked(value))
    fix = f"write it without Markdown: {line if len(line) <= 120 else line[:117] + '...'}"
    if any(m.group().endswith(")") for m in _MARKDOWN.finditer(value)):
        fix += "; a link belongs in the story's text, where it is a link"
    return (
        f"{label} is plain text: {typed if len(typed) <= 60 else typed[:57] + '...'} is "
        f"published as typed, {marks} included, on the page{where}",
        fix,
    )


def plain_version(value: str) -> str:
    """`value` as plain text: its Markdown and HTML written as their words."""
    return plain_words(_unmarked(value))


def plain_text_notes(key: str, value: str, label: str) -> list[tuple[str, str]]:
    """(message, fix) for Markdown and for HTML in `value`, the plain-text field `key`
    (a caption, an alt text, a bio, a correction's text; named `label`): [] for text."""
    found = [markdown_in_text(key, value, label), markup_in_text(key, value, label)]
    said = [one for one in found if one is not None]
    if not said and value.strip() and re.fullmatch(r"[\s*_`~]+", value):  # `**  **`
        said = [(f"{label} is plain text: {value.strip()!r} is published as typed", "")]
    if said and (not said[0][1] or not plain_version(value).strip()):  # `<b></b>`: no words
        fix = f"write the words meant after '{key}:' (what is typed holds none)"
        return [(said[0][0], fix)]
    if len(said) > 1:  # both: one fix that takes out both, so that following it is final
        line = yaml_line(key, plain_version(value))
        fix = f"write it without Markdown or HTML: {line}"
        typed = [m.removeprefix(f"{label} is plain text: ") for m, _ in said]  # **AP**, <b>
        both = " and ".join(re.split(r" (?:is|are) published as typed", m)[0] for m in typed)
        message = (
            f"{label} is plain text: {both} are published as typed, marks and tags "
            "included, on the page and in feeds"
        )
        return [(message, fix if len(fix) <= 160 else fix[:157] + "...")]
    return said


# HTML an editor may type in a headline or summary, which are plain text: a tag (`<b>`,
# `</b>`, `<script>`) or a character reference (`&amp;`, `&#8217;`; `&D;` in `R&D; budget`
# is no reference HTML knows, and is read as typed), shown as typed.
_MARKUP = re.compile(
    r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);"
)
# Elements named in HTML: a tag-like word of another name (`<Live>`) is words in brackets.
_HTML_NAMES = (
    PHRASING
    | BLOCKS
    | {"br", "img", "wbr", "script", "style", "iframe", "input", "meta", "link", "object"}
    | {"embed", "svg", "math", "button", "textarea", "select", "option", "label", "video"}
    | {"audio", "source", "picture", "title", "head", "body", "html", "canvas", "noscript"}
)


def _is_markup(found: re.Match[str]) -> bool:
    text = found.group()
    if text.startswith("&"):
        return text.startswith("&#") or text[1:] in html5
    return True


# Words around a tag that show the text names it ('Use the <br> tag', 'an <img> element').
_NAMED_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an)\s*$", re.IGNORECASE)
_NAMED_AFTER = re.compile(r"^\s*(?:tags?|elements?)\b", re.IGNORECASE)
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def _named(found: re.Match[str]) -> bool:
    """Whether the text names the tag (`the <br> tag`, `an <img> element`)."""
    before, after = found.string[: found.start()], found.string[found.end() :]
    return bool(_NAMED_BEFORE.search(before) or _NAMED_AFTER.match(after))


def _between_spaces(found: re.Match[str]) -> bool:
    """Whether a tag with no attributes stands between spaces, as a word does ('Use <br>
    carefully'): it may be the tag's name, or HTML meant (a line break)."""
    text, value = found.group(), found.string
    return (
        re.fullmatch(r"<[A-Za-z][A-Za-z0-9-]*\s*/?>", text) is not None
        and value[found.start() - 1 : found.start()].strip() == ""
        and value[found.end() : found.end() + 1].strip() == ""
    )


def _standing_alone(found: re.Match[str], name: str, as_word: bool = False) -> str:
    """A tag that wraps no words (<br>, <hr>, <img ...>, <div> with no end tag): as typed
    where the text names it ('Use the <br> tag'); in angle quotation marks where it stands
    between spaces and `as_word` ('Use ‹br› carefully'); else a picture's alt text, and any
    other tag a space between the words it stood between ('One two')."""
    if _named(found):
        return found.group()
    if as_word and _between_spaces(found):
        return f"\u2039{found.group()[1:-1].strip()}\u203a"
    alt = _ALT.search(found.group()) if name == "img" else None
    words = next((g for g in alt.groups() if g is not None), "") if alt else ""
    return f" {unescape(words)} "


def _word_in_brackets(found: re.Match[str]) -> bool:
    """Whether a `_MARKUP` match is words, not a tag an editor meant: a word in angle
    brackets that names no HTML element (`<T>`, `<Live>`), or a tag wrapping nothing that
    the text names (`the <br> tag`)."""
    text, name = found.group(), (found.group(1) or "").lower()
    if not text.startswith("<"):
        return False
    if name not in _HTML_NAMES:
        return True
    closing = f"</{name}" in found.string.lower()
    wraps = name in PHRASING or name in ("script", "style") or text.startswith("</") or closing
    return not wraps and _named(found)


def plain_words(value: str, as_word: bool = False) -> str:
    """`value` with its markup written as words: a tag that wraps words (`<b>last</b>`,
    `<b>` alone) left out, another standing alone kept as typed where the text names it
    ('Use the <br> tag'), in angle quotation marks between spaces when `as_word` ('Use
    ‹br› carefully'), else left out (`_standing_alone`: 'One<br>two' is 'One two'), a
    word in angle brackets that names no HTML element kept ('C++ <T>'), a character
    reference as its character."""
    closing = {"/" + m.lower() for m in re.findall(r"</([A-Za-z][A-Za-z0-9-]*)", value)}

    def word(found: re.Match[str]) -> str:
        text, name = found.group(), (found.group(1) or "").lower()
        if text.startswith("&"):
            return unescape(text) if _is_markup(found) else text
        if name not in _HTML_NAMES:
            return text if not text.startswith("</") else ""
        wraps = name in PHRASING or name in ("script", "style") or text.startswith("</")
        if wraps or f"/{name}" in closing:
            return "\x00"
        return _standing_alone(found, name, as_word)

    # A tag left out leaves no space before the punctuation after it ('Co <b>.' -> 'Co.')
    words = re.sub(r"\s*\x00+(?=[.,;:!?)\]])", "", _MARKUP.sub(word, value))
    return " ".join(words.replace("\x00", "").split())


def yaml_line(key: str, text: str) -> str:
    """`key: text` quoted for YAML in the mark the text does not hold ("Rao's day")."""
    if "'" in text and '"' not in text and "\\" not in text:
        return f'{key}: "{text}"'
    return f"{key}: '" + text.replace("'", "''") + "'"


# What an HTML parser reads as a tag or a comment: '<' then a letter, '/', '!' or '?', up
# to the next '>' (a browser drops one with no '>', and the rest of the text with it).
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*(?:>|$)")
# A word in angle brackets, single or double (`<Company>`, `<<Breaking>>`).
_IN_BRACKETS = re.compile(r"(<?)<([A-Za-z/!?][^<>\s]*)>(>?)")


def as_feed_text(headline: str) -> str:
    """`headline` written so that no feed reader reads a tag in it: a word in angle
    brackets in angle quotation marks (`<Company>` -> `‹Company›`, `<<Breaking>>` ->
    `«Breaking»`), any other '<' before a letter and its '>' with spaces around them
    (`x<y and y>z` -> `x < y and y > z`)."""

    def quoted(found: re.Match[str]) -> str:
        before, word, after = found.groups()
        if before and after:
            return f"\u00ab{word}\u00bb"
        return f"{before}\u2039{word}\u203a{after}"

    def spaced(found: re.Match[str]) -> str:
        inside = found.group()[1:].removesuffix(">")
        return f" < {inside}" + (" > " if found.group().endswith(">") else "")

    text = _IN_BRACKETS.sub(quoted, headline)
    return text if _TAG.search(text) is None else " ".join(_TAG.sub(spaced, text).split())


# The plain-text fields feeds carry as text that many feed readers read as HTML: a story's
# or the site's headline, and the site's description (RSS's channel <description>).
FEED_TEXT = ("title", "description")


def plain_versions(key: str, value: str) -> list[str]:
    """The plain text meant by `value`, the plain-text field `key`: one version, or two
    where a tag stands between spaces ('Use <br> carefully': HTML meant, 'Use carefully';
    the tag's name, 'Use ‹br› carefully'). A headline's (`key` 'title') is also written
    so that no feed reader reads a tag in it (`as_feed_text`)."""
    versions = list(dict.fromkeys([plain_words(value), plain_words(value, as_word=True)]))
    return [as_feed_text(one) for one in versions] if key in FEED_TEXT else versions


def either(versions: list[str], line: Callable[[str], str]) -> str:
    """The fix's line for `versions` (plain_versions), each written by `line`: the line,
    or both lines, the HTML reading first, each said for the meaning it keeps."""
    if len(versions) == 1:
        return line(versions[0])
    named = re.findall(r"\u2039([^\u203a]*)\u203a", versions[1])
    tag = next((f"<{name}>" for name in named if f"\u2039{name}\u203a" not in versions[0]), "")
    return (
        f"{line(versions[0])} if {tag} is meant as HTML, which plain text cannot hold; "
        f"{line(versions[1])} if it names the tag"
    )


def _shortened(line: str) -> str:
    return line if len(line) <= 120 else line[:117] + "..."


def markup_in_text(key: str, value: str, label: str = "") -> tuple[str, str] | None:
    """(message, fix) when `value`, the plain-text field `key` (title, summary), holds an
    HTML tag or character reference: published as typed on the page, and in feeds, whose
    readers often read a title as HTML (the W3C feed validator warns of it); None
    otherwise. The fix keeps every word (`plain_versions`). Words in angle brackets (`C++
    <T>`) and a tag the text names (`the <br> tag`) are text in every field but the
    headline, which RSS carries as text that many feed readers read as HTML, leaving out
    what they take for a tag (prober5 P24): there they are a warning whose fix writes
    them so that no reader does (`as_feed_text`)."""
    if "<" not in value and "&" not in value:
        return None
    markup = [m for m in _MARKUP.finditer(value) if _is_markup(m) and not _word_in_brackets(m)]
    found = markup[0] if markup else None
    if found is None:
        cut = _TAG.search(value) if key in FEED_TEXT else None
        if cut is None:
            return None
        plain = plain_versions(key, value)[0]
        shown = " ".join(_TAG.sub("", value).split())
        quoted = "\u2039" in plain or "\u00ab" in plain
        how = "angle quotation marks" if quoted else "spaces"
        return (
            f"{label or key}: {cut.group()} is published as typed, but feed readers that read "
            f"{'a headline' if key == 'title' else 'it'} as HTML, as many do, take it for a "
            f"tag and leave it out: '{shown}'",
            f"write it with {how}, which no reader takes for a tag: "
            + _shortened(yaml_line(key, plain)),
        )
    # A tag and a code (`<b>` and `&amp;`): one of each named, as the fix takes out both.
    kinds = {m.group()[0]: m.group() for m in reversed(markup)}
    what = {"<": "HTML tags", "&": "HTML codes"}[found.group()[0]]
    typed = f"{found.group()} is"
    if len(kinds) == 2:
        what, typed = "HTML tags or codes", f"{kinds['<']} and {kinds['&']} are"
    fix = either(plain_versions(key, value), lambda one: _shortened(yaml_line(key, one)))
    return (
        f"{label or key} is plain text: {typed} published as typed, on the page and in "
        "feeds, where many feed readers would read it as HTML",
        f"write it without {what}: {fix}",
    )


def title_problem(name: str) -> str | None:
    """Why `init --title NAME` cannot name the site: no letters or digits (no slug for
    its welcome story), or HTML, which every page and feed would publish as typed; None
    for a plain name."""
    from generator.load.invisible import only_invisible
    from generator.load.slugs import make

    if only_invisible(name) or not make(f"Welcome to {name}"):  # '', or '\u200b' alone
        return "give the site's name, with letters or digits"
    markup = markup_in_text("title", name)
    if markup is None:
        return None
    fix = either(plain_versions("title", name), lambda one: f"--title {shlex.quote(one)}")
    return f"{markup[0]}; run init again with {fix}"
