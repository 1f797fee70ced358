"""cmark-gfm (GitHub's CommonMark) through the `cmarkgfm` binding, without its memory leak.

`cmarkgfm.markdown_to_html_with_extensions` never frees the parsed document's node tree
nor the HTML buffer cmark-gfm returns: about 34 KB per article stays allocated, so a
worker converting 50,000 bodies grows by 1.7 GB. `to_html` makes the same calls on the
same library, then frees both (`cmark_node_free`, and `free` for the buffer, which
cmark-gfm's default allocator takes from the C library's `calloc`); the HTML is the same.
`gfm` is the `markdown_engine = "gfm"` converter built on it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import re
from collections.abc import Sequence
from typing import Any

from generator.render.body_html import gfm_footnotes


@functools.cache
def _library() -> tuple[Any, Any, Any, Any]:
    """cmarkgfm's cffi `lib` and `ffi`, and `cmark_node_free` and `free` through ctypes
    (the binding declares neither); the same loaded library, so the same extensions."""
    from cmarkgfm import _cmark

    shared = ctypes.CDLL(_cmark.__file__)
    node_free = shared.cmark_node_free
    node_free.argtypes, node_free.restype = [ctypes.c_void_p], None
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    free = libc.free
    free.argtypes, free.restype = [ctypes.c_void_p], None
    return _cmark.lib, _cmark.ffi, node_free, free


def to_html(text: str, options: int, extensions: Sequence[str]) -> str:
    """`text` (Markdown) as HTML with cmark-gfm `options` and the named syntax extensions:
    what cmarkgfm.markdown_to_html_with_extensions returns. ValueError on an unknown
    extension or a document cmark-gfm cannot parse."""
    lib, ffi, node_free, free = _library()
    lib.cmark_gfm_core_extensions_ensure_registered()
    found = []
    for name in extensions:
        extension = lib.cmark_find_syntax_extension(name.encode("utf-8"))
        if extension == ffi.NULL:
            raise ValueError(f"Unknown extension {name}")
        found.append(extension)
    parser = lib.cmark_parser_new(options)
    try:
        for extension in found:
            lib.cmark_parser_attach_syntax_extension(parser, extension)
        data = text.encode("utf-8")
        lib.cmark_parser_feed(parser, data, len(data))
        root = lib.cmark_parser_finish(parser)  # the caller owns the document from here
        try:
            if lib.cmark_node_get_type(root) == lib.CMARK_NODE_NONE:
                raise ValueError("Error parsing markdown!")
            raw = lib.cmark_render_html(
                root, options, lib.cmark_parser_get_syntax_extensions(parser)
            )
            try:
                return str(ffi.string(raw).decode("utf-8"))
            finally:
                free(int(ffi.cast("uintptr_t", raw)))
        finally:
            node_free(int(ffi.cast("uintptr_t", root)))
    finally:
        lib.cmark_parser_free(parser)


# cmark-gfm's task-list boxes, as text: <input> is not kept by the sanitiser, and a
# disabled box in a story is a mark, not a control.
_TASK_BOX = re.compile(r'<input type="checkbox"( checked="")? disabled="" />')


def gfm(text: str) -> str:
    """CommonMark + GitHub's extensions (cmark-gfm): tables, autolinks, strikethrough, task
    lists, footnotes, smart punctuation. Raw HTML is kept for the sanitiser (GitHub's
    `tagfilter`, which shows `<script>` and `<iframe>` as text, is left out, so raw HTML
    is cleaned exactly as with Python-Markdown); code blocks keep `class="language-x"`."""
    from cmarkgfm.cmark import Options

    options = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_SMART | Options.CMARK_OPT_FOOTNOTES
    html = to_html(text, options, ("table", "autolink", "strikethrough", "tasklist"))
    html = _TASK_BOX.sub(lambda box: "\u2611" if box.group(1) else "\u2610", html)
    return gfm_footnotes(html)
