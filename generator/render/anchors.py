"""Links to a place in another story (`[results](../10/floods.md#results)`,
`[results](/2026/10/21/floods/#results)`) checked against the ids that story's page has:
its body's (headings given an id, footnotes) and the theme's. A misspelt `#resluts`
would open the story at its top, not where the link says: an error on the link's line,
with "did you mean" when one of the story's ids is close, else the ids it has
(render/body_html.py's `id_problems` does the same for a link inside one story).

render/site_links.py asks `Anchors.problem` for each body link to a story's page that
the site publishes; a story whose body HTML is not at hand (`html_of` gives '') is not
checked.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from html import unescape
from urllib.parse import SplitResult, unquote, urlsplit

from generator.diagnostics import Diagnostic, error
from generator.model import Article, Text
from generator.render.body_html import THEME_IDS

_ID = re.compile(r'\bid="([^"]*)"')
# Each '://' and what follows it up to a '"' or '#' (a literal `re` finds fast, reading
# each character once); then the '#' after it and 'href="http' or 'href="https' before it.
_FULL_PLACE = re.compile(r"""://[^"#]*""")
_FULL_START = re.compile(r"""href="https?\Z""", re.IGNORECASE)


def links_to_place(body_html: str) -> bool:
    """Whether `body_html` has a full address with '#' (`href="https?://[^"#]*#"`, any
    case): one that may name a place in a story (searched whole with IGNORECASE, that
    pattern was tried at every character of each body holding a '#')."""
    for found in _FULL_PLACE.finditer(body_html) if "#" in body_html else ():
        at = found.start()
        if body_html.startswith("#", found.end()) and _FULL_START.search(
            body_html, max(0, at - 11), at
        ):
            return True
    return False


class Anchors:
    """The ids of the stories' pages (`articles`, by their path 'YYYY/MM/DD/SLUG/'), read
    from their body HTML (`html_of`) when a link first names one."""

    def __init__(
        self,
        articles: Iterable[Article],
        html_of: Callable[[Article], str] | None = None,
        base_url: str = "",
        engine: str = "python-markdown",
    ) -> None:
        self._stories = {article.path: article for article in articles}
        self._gfm = engine == "gfm"  # the markdown_engine: how a heading is given an id
        self._base = urlsplit(base_url)  # a link written as the site's own full address
        self._html_of = html_of or (lambda article: article.body_html)
        self._ids: dict[str, frozenset[str] | None] = {}

    def _ids_of(self, page: str) -> frozenset[str] | None:
        if page not in self._ids:
            story = self._stories.get(page)
            html = self._html_of(story) if story is not None else ""
            found = frozenset(unescape(value) for value in _ID.findall(html)) if html else None
            self._ids[page] = found
        return self._ids[page]

    @property
    def host(self) -> str:
        """base_url's host ('example.org'; '' without one): a full address to it is the site's."""
        return self._base.netloc

    def own(self, href: str) -> str | None:
        """The site path ('2026/10/21/floods/') of `href` written as the site's own full
        address (base_url's host and path: https://example.org/news/2026/...); else None."""
        parts, base = urlsplit(unescape(href)), self._base
        if parts.scheme.lower() not in ("http", "https") or not base.netloc:
            return None
        path, prefix = unquote(parts.path), base.path.rstrip("/") + "/"
        if not _same_host(parts, base) or not path.startswith(prefix):
            return None
        return path[len(prefix) :]

    def problem(self, article: Text, href: str, relative: str | None) -> Diagnostic | None:
        """The error for `href` (a body link of `article` to the site path `relative`, or
        None: then `href` may be the site's own full address, `own`) when it names a place
        (`#id`) that the story's page there does not have."""
        relative = self.own(href) if relative is None else relative
        if relative is None:
            return None
        typed = urlsplit(unescape(href)).fragment
        fragment = unquote(typed)
        page = relative.removesuffix("index.html")
        if not fragment or fragment.lower() == "top" or fragment in THEME_IDS:
            return None
        ids = self._ids_of(page)
        if ids is None or fragment in ids:
            return None
        story = self._stories[page]
        mine = sorted(ids - THEME_IDS)
        shown = ", ".join(f"#{value}" for value in mine[:8])
        close = difflib.get_close_matches(fragment, mine, n=1, cutoff=0.6)
        note = re.match(r"fn(?:ref)?[:-](.+)", fragment)
        if close:
            fix = f"did you mean #{close[0]}? Write #{close[0]} in the link"
        elif note:  # a footnote's id: the story has no such note any longer
            fix = f"the story has no footnote [^{note.group(1)}]: link to " + (
                f"one of its places ({shown}), or to " if shown else ""
            )
            fix += f"the story without '#{typed}'"
        elif mine:
            fix = f"link to one of the places the story has: {shown}; or give the heading that id"
            fix += (
                f' (<h2 id="{fragment}">...</h2>: the gfm engine gives headings no id)' * self._gfm
            )
        elif self._gfm:  # no attribute lists: render/attribute_lists.py
            fix = (
                f'write the heading in content/{story.source} as HTML, <h2 id="{fragment}">'
                f"...</h2> (the gfm engine gives headings no id); or link to the story "
                f"without '#{typed}'"
            )
        else:
            fix = (
                f"give the heading in content/{story.source} that id: ## Its text "
                f"{{#{fragment}}}; or link to the story without '#{typed}'"
            )
        index = article.body.find(f"#{typed}")
        line = article.body.count("\n", 0, index) if index >= 0 else 0
        return error(
            article.source,
            article.body_line + line,
            f"the link to '#{fragment}' in the story content/{story.source} goes to no place "
            f"in it: its page has no id {fragment!r}, so the link opens the story at its top",
            fix,
        )


def _same_host(parts: SplitResult, base: SplitResult) -> bool:
    """Whether a link's host is base_url's: any capitals, and a port named only when it
    is not its scheme's own (`https://EXAMPLE.com:443/` is https://example.com/)."""
    try:
        ports = [p.port or _PORTS.get(p.scheme.lower()) for p in (parts, base)]
    except ValueError:  # a port that is no number
        return False
    named = [p.port is not None and p.port != _PORTS.get(p.scheme.lower()) for p in (parts, base)]
    same_port = ports[0] == ports[1] or not any(named)
    return (parts.hostname or "") == (base.hostname or "") and same_port


_PORTS = {"http": 80, "https": 443}
