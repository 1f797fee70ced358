"""Python-Markdown, the default `markdown_engine`: its "extra", "smarty" and "sane_lists"
extensions, with a faster inline step giving the same HTML. Imported only by a build that
converts with it (render/markdown.py's `converter`): a `gfm` site never loads the library."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as etree
from collections.abc import Callable

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.smarty import SmartyExtension
from markdown.extensions.tables import TableExtension
from markdown.inlinepatterns import InlineProcessor as Processor
from markdown.inlinepatterns import Pattern, SubstituteTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

# Text each of the library's inline expressions (by their exact source: those of
# Markdown 3.x's own patterns and of its "extra" and "smarty" extensions) cannot match
# without: a text that lacks it, from where the search starts on, is not searched at all
# (`str.find` scans for it many times faster than an expression that starts with a
# look-behind tries it at every character). An expression not listed is always searched.
_NEEDS: dict[str, str | tuple[str, ...]] = {
    "(?:(?<!\\\\)((?:\\\\{2})+)(?=`+)|(?<!\\\\)`)": "`",  # backtick
    "\\[\\^([^\\]]*)\\]": "[^",  # footnote
    "(?<!\\!)\\[": "[",  # reference, link, short_reference
    "(?<!-)---(?!-)": "---",  # smarty: em dash
    "(?<!-)--(?!-)": "--",  # en dash
    "(?<=[^\\ \\t\\r\\n\\[\\{\\(\\-\\u0002\\u0003])\\'\"": "'\"",  # smarty quotes
    "(?<=[^\\ \\t\\r\\n\\[\\{\\(\\-\\u0002\\u0003])\\\"'": "\"'",
    "(?<!\\w)'(?=\\d{2}s)": "'",
    "(\\s|&nbsp;|--|\u2013|\u2014|&[mn]dash;|&#8211;|&#8212;)'(?=\\w)": "'",
    "(?<=[^\\ \\t\\r\\n\\[\\{\\(\\-\\u0002\\u0003])'(?!\\s|s\\b|\\d)": "'",
    '(\\s|&nbsp;|--|\u2013|\u2014|&[mn]dash;|&#8211;|&#8212;)"(?=\\w)': '"',
    '(?<=[^\\ \\t\\r\\n\\[\\{\\(\\-\\u0002\\u0003])"': '"',
    "(?<!\\.)\\.{3}(?!\\.)": "...",  # ellipsis
    "\\\\(.)": "\\",  # escape
    "\\!\\[": "![",  # image_link, image_reference, short_image_ref
    "<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>": "://",  # autolink
    "<([^<> !]+@[^@<> ]+)>": "@",  # automail
    "  \\n": "  \n",  # linebreak
    "\\\\\\n": "\\\n",  # backslash_break
    "(&(?:\\#[0-9]+|\\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)": "&",  # entity
    "\\*|_": ("*", "_"),  # em_strong: either
    (  # html
        "(<(\\/?+[a-zA-Z][^\\s\"'<>@]*+(?:\\s+[^\\s\"'=<>]++(?:\\s*+=\\s*+(?:"
        "\"[^\"]*+\"|'[^']*+'|[^\\s\"'=<>]++))?+)*+\\s*+/?|!--(?:(?!<!--|--"
        ">).)*--|[?](?:(?!<[?]|[?]>).)*[?]|!\\[CDATA\\[(?:(?!<!\\[CDATA\\"
        "[|\\]\\]>).)*\\]\\])>)"
    ): "<",
    # smarty: a quote opening the text
    "^'(?=[!\"#\\$\\%'()*+,-.\\/:;<=>?\\@\\[\\\\\\]\\^_`{|}~]\\B)": "'",
    '^"(?=[!"#\\$\\%\'()*+,-.\\/:;<=>?\\@\\[\\\\\\]\\^_`{|}~]\\B)': '"',
    "\"'(?=\\w)": "\"'",  # smarty quotes
    "'\"(?=\\w)": "'\"",
    "'(\\s|s\\b)": "'",
    "'": "'",
    '"(?=\\s)': '"',
    '"': '"',
}


# The library's block processors (by class, and the exact source of the expression their
# test or run searches each block with) and the texts that expression cannot match a block
# without: a block holding none of them gets the answer the processor would give after a
# search that finds nothing (its test false; or a run that gives the block back, False),
# without the search. Each expression starts with `^` or `(^|\n)`, which `re` tries at
# every character of the block. A processor not listed, or listed with another
# expression (another library version), is asked as before.
_BLOCK_NEEDS: dict[tuple[str, str], tuple[str, ...]] = {
    (
        "blockprocessors.HashHeaderProcessor",
        "(?:^|\\n)(?P<level>#{1,6})(?P<header>(?:\\\\.|[^\\\\#]|#+(?=[^#\\n]))*?)#*(?:\\n|$)",
    ): ("#",),
    ("blockprocessors.SetextHeaderProcessor", "^.*?\\n(?:=+|-+)[ ]*(\\n|$)"): ("\n=", "\n-"),
    (
        "blockprocessors.HRProcessor",
        "^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|(\\*+[ ]{0,2}){3,}))"
        "(?P=atomicgroup)[ ]*$",
    ): ("-", "_", "*"),
    ("extensions.def_list.DefListProcessor", "(^|\\n)[ ]{0,3}:[ ]{1,3}(.*?)(\\n|$)"): (":",),
    ("blockprocessors.BlockQuoteProcessor", "(^|\\n)[ ]{0,3}>[ ]?(.*)"): (">",),
    ("extensions.footnotes.FootnoteBlockProcessor", "^[ ]{0,3}\\[\\^([^\\]]*)\\]:[ ]*(.*)$"): (
        "[^",
    ),
    (
        "extensions.abbr.AbbrBlockprocessor",
        "^[*]\\[(?P<abbr>[^\\\\]*?)\\][ ]?:[ ]*\\n?[ ]*(?P<title>.*)$",
    ): ("*[",),
    (
        "blockprocessors.ReferenceProcessor",
        "^[ ]{0,3}\\[([^\\[\\]]*)\\]:[ ]*(?:\\n[ ]*)?([^\\s]+)[ ]*(?:\\n[ ]*)?"
        "(([\"\\'])(.*)\\4[ ]*|\\((.*)\\)[ ]*)?$",
    ): ("]:",),
}
# The fenced-code step's expression, which needs three backticks or tildes.
_FENCE = (
    "extensions.fenced_code.FencedBlockPreprocessor",
    "\n(?P<fence>^(?:~{3,}|`{3,}))[ ]*                          # opening fence\n",
)


# The raw-HTML steps: "extra"'s (md_in_html), and the library's own without it.
_HTML_STEPS = (
    "markdown.extensions.md_in_html.HtmlBlockPreprocessor",
    "markdown.preprocessors.HtmlBlockPreprocessor",
)


def _fenced_code() -> Extension:
    """Python-Markdown's fenced-code extension, imported without Pygments: it imports the
    code-highlighting extension, which imports Pygments (and Pygments importlib.metadata,
    about 8 ms CPU of every build that converts a body with this engine) in case a site
    asks for highlighting; newsdigest never does (no `codehilite` extension), so that
    module is imported with Pygments hidden and highlights nothing, as it never did here.
    A process that has imported either already keeps them as they are."""
    hidden = "pygments" not in sys.modules and "markdown.extensions.codehilite" not in sys.modules
    if hidden:
        sys.modules["pygments"] = None  # type: ignore[assignment]  # `import pygments` fails
    try:
        from markdown.extensions.fenced_code import FencedCodeExtension
    finally:
        if hidden:
            del sys.modules["pygments"]
    return FencedCodeExtension()


def _extensions() -> list[Extension]:
    """ "extra" (its seven extensions, in its order), "smarty" and "sane_lists", made here:
    named by text, Python-Markdown looks each name up among the installed packages' entry
    points first (about 7 ms of every build that converts a body, read once a process)."""
    return [
        _fenced_code(),
        FootnoteExtension(),
        AttrListExtension(),
        DefListExtension(),
        TableExtension(),
        AbbrExtension(),
        MarkdownInHtmlExtension(),
        SmartyExtension(),
        SaneListExtension(),
    ]


def python_markdown() -> Callable[[str], str]:
    """Markdown text -> HTML (not yet sanitised), one converter reset for each text."""
    converter = markdown.Markdown(extensions=_extensions(), output_format="html")
    # A backslash at the end of a line is a line break (CommonMark, gfm, Hugo's Goldmark);
    # Python-Markdown would publish the backslash. After `escape` (180), which has made
    # an escaped backslash (`\\`) its own character; beside `linebreak` (two spaces).
    converter.inlinePatterns.register(
        SubstituteTagInlineProcessor(r"\\\n", "br"), "backslash_break", 6
    )
    for processor in converter.parser.blockprocessors:
        _skip_unmatched_blocks(processor)
    for step in converter.preprocessors:
        _skip_unfenced(step)
        _skip_html_free(step)
    inline = [p for p in converter.treeprocessors if type(p) is InlineProcessor]

    def convert(text: str) -> str:
        converter.reset()
        for processor in inline:
            _skip_unmatched_patterns(processor)
        return converter.convert(text)

    return convert


def _skip_unmatched_patterns(processor: InlineProcessor) -> None:
    """Python-Markdown's inline step, with each pattern whose expression finds nothing in a
    text skipped after one search (the library looks the pattern up in its registry and
    makes a match iterator first): the same HTML in two thirds of the time. Left as it is
    when the library's inline step is not the one this was written for (3.x)."""
    apply = getattr(processor, "_InlineProcessor__applyPattern", None)
    if apply is None or not hasattr(processor, "_InlineProcessor__handleInline"):
        return
    patterns = list(processor.inlinePatterns)
    expressions = [
        p.compiled_re
        if isinstance(p, Processor) and type(p).getCompiledRegExp is Pattern.getCompiledRegExp
        else None
        for p in patterns
    ]
    searches = [e.search if e is not None else None for e in expressions]
    needs = [_NEEDS.get(e.pattern, "") if e is not None else "" for e in expressions]
    rests = _rests(needs)

    def handle_inline(data: str, index: int = 0) -> str:  # the library's, names kept
        if isinstance(data, AtomicString):
            return data
        rest = rests[index] if index < len(rests) else ()
        if rest is not None and not any(need in data for need in rest):
            return data  # no pattern left can match: the loop below would leave it so
        start = 0
        while index < len(patterns):
            search = searches[index]
            need = needs[index]
            if search is not None and (
                (need and _absent(need, data, start)) or search(data, start) is None
            ):
                index, start = index + 1, 0  # what __applyPattern answers: no match
                continue
            data, matched, start = apply(patterns[index], data, index, start)
            if not matched:
                index += 1
        return data

    setattr(processor, "_InlineProcessor__handleInline", handle_inline)  # noqa: B010 (mangled)


def _skip_unmatched_blocks(processor: BlockProcessor) -> None:
    """The processor's test answers false, without searching, for a block that lacks what
    its expression needs (`_BLOCK_NEEDS`); it is left as it is when not listed there."""
    kind = type(processor)
    name = f"{kind.__module__.removeprefix('markdown.')}.{kind.__qualname__}"
    expression = getattr(kind, "SEARCH_RE", None) or getattr(kind, "RE", None)
    if not isinstance(expression, re.Pattern):
        return
    needs = _BLOCK_NEEDS.get((name, expression.pattern))
    if needs is None:
        return
    test = processor.test

    def quick(parent: etree.Element, block: str) -> bool:
        for need in needs:
            if need in block:
                return test(parent, block)
        return False  # what the search gives (a run then gives the block back: False)

    processor.test = quick  # type: ignore[method-assign]


def _skip_unfenced(step: Preprocessor) -> None:
    """The fenced-code step gives a text without three backticks or tildes back as it is,
    without searching it for a fence (it would return its lines joined and split again)."""
    kind = type(step)
    name = f"{kind.__module__.removeprefix('markdown.')}.{kind.__qualname__}"
    expression = getattr(kind, "FENCED_BLOCK_RE", None)
    if name != _FENCE[0] or not isinstance(expression, re.Pattern):
        return
    if not expression.pattern.startswith(_FENCE[1]):
        return
    _run_only_with(step, ("```", "~~~"))


def _skip_html_free(step: Preprocessor) -> None:
    """The raw-HTML step ("md_in_html", of "extra") gives a text without `<` and `&` back as
    it is, without feeding it to its HTML parser: with neither, the parser sees one piece of
    text and keeps it whole (a `&` is not given back as written: `&#169` comes back
    `&#169;`). A step of another class or module (another library version) is run as before."""
    kind = type(step)
    if f"{kind.__module__}.{kind.__qualname__}" not in _HTML_STEPS:
        return
    _run_only_with(step, ("<", "&"))


def _run_only_with(step: Preprocessor, marks: tuple[str, str]) -> None:
    """`step` runs on a text holding one of `marks`; any other text is given back as it is."""
    run = step.run
    first, second = marks

    def quick(lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if first not in text and second not in text:
            return text.split("\n")
        return run(lines)

    step.run = quick  # type: ignore[method-assign]


def _absent(need: str | tuple[str, ...], data: str, start: int) -> bool:
    """Whether `data` from `start` on lacks `need` (a text, or each of several)."""
    if type(need) is str:
        return data.find(need, start) < 0
    return all(data.find(one, start) < 0 for one in need)


def _rests(needs: list[str | tuple[str, ...]]) -> list[tuple[str, ...] | None]:
    """For each pattern, every text that the patterns from it on need (a text holding none
    of them is left as it is); None when one of them needs nothing known."""
    rests: list[tuple[str, ...] | None] = []
    known: set[str] | None = set()
    for need in reversed(needs):
        if known is not None and need:
            known |= {need} if isinstance(need, str) else set(need)
        else:
            known = None
        rests.append(None if known is None else tuple(sorted(known)))
    return rests[::-1]
