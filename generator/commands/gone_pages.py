"""What a build takes down: the stories' pages the last build wrote into the output folder
that this one does not (a story file renamed, re-dated, given another slug or deleted),
each a warning on the build that removes it, once, with the fix that keeps its address
(`aliases:`) and its feed id (`id:`); a page of a story this build leaves out (made a
draft, or dated ahead: a preview wrote it) with what publishes it (tester T13). `check
--base` says it before the change is merged; this says it to a newsroom that builds
without git or pull requests (tester5 F2)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date

from generator.config import Settings
from generator.diagnostics import Diagnostic, warning
from generator.load.guids import make_guid
from generator.model import Article

# A story's page as the writer names it: 'YYYY/MM/DD/SLUG/index.html' (model.article_path).
_STORY_PAGE = re.compile(r"(\d{4})/(\d\d)/(\d\d)/([^/]+)/index\.html")


def gone_pages(
    old_names: Collection[str] | None,
    names: Iterable[str],
    articles: Iterable[Article],
    settings: Settings,
    output: str,
    left_out: Iterable[Article] = (),
) -> list[Diagnostic]:
    """A warning for each story page among `old_names` (the files the last build wrote in
    the output folder, None when it kept no list) missing from `names` (this build's),
    said on the story that took its place when one new story has its day or its slug (a
    file renamed or re-dated), else on the page itself under `output` (the folder's name
    as the command line gave it). A page of a story this build leaves out (`left_out`: a
    draft, or one dated ahead, which a preview with --drafts or --future wrote) is said on
    that story, with what publishes it: none of the moved page's fix applies (tester T13)."""
    if not old_names:
        return []
    now = set(names)
    gone = sorted(n for n in old_names if n not in now and _STORY_PAGE.fullmatch(n))
    if not gone:
        return []
    published = {f"{a.path}index.html" for a in articles}
    new = [a for a in articles if f"{a.path}index.html" not in old_names]
    held = {f"{a.path}index.html": a for a in left_out}
    return [
        _held(page, held[page], settings) if page in held else _gone(page, new, settings, output)
        for page in gone
        if page not in published
    ]


def _held(page: str, story: Article, settings: Settings) -> Diagnostic:
    """The warning for the page of a story still in content/ that this build leaves out: a
    draft, or one dated ahead (a preview build wrote it, or the story was made one)."""
    address = f"/{page.removesuffix('index.html')}"
    said = f"the page {address}, written by the last build, is taken down by this one"
    preview = (
        "; to preview it without writing it into the folder that is published, use "
        "'newsdigest serve', or build into a folder of its own: newsdigest build {} "
        "--output ../preview"
    )
    if story.draft:
        return warning(
            story.source,
            story.line_of("draft"),
            f"{said}: this story is a draft ('draft: true'), which a build leaves out "
            "unless --drafts",
            "nothing to do while it is not ready: delete 'draft: true' to publish it at "
            f"the same address{preview.format('--drafts')}",
        )
    when = story.date.astimezone(settings.tz)
    return warning(
        story.source,
        story.line_of("date"),
        f"{said}: this story is dated {when.day} {when:%b %Y %H:%M %Z}, ahead of now, and a build "
        "leaves it out until then unless --future",
        "nothing to do: the first build after that time publishes it at the same address"
        f"{preview.format('--future')}",
    )


def _gone(page: str, new: list[Article], settings: Settings, output: str) -> Diagnostic:
    found = _STORY_PAGE.fullmatch(page)
    assert found is not None
    year, month, day, slug = found.groups()
    address = f"/{page.removesuffix('index.html')}"
    guid = make_guid(settings, date(int(year), int(month), int(day)), slug, "")
    alike = [a for a in new if a.slug == slug or a.path.startswith(f"{year}/{month}/{day}/")]
    keep = (
        f"aliases: [{address}] to send readers on, and, unless it has an 'id:' line, "
        f"id: {guid} to keep its feed id (feed readers would show it again as a new story)"
    )
    said = (
        f"the page {address}, published by the last build, is gone from this one: links to "
        "it, search results and bookmarks now find nothing"
    )
    if len(alike) == 1:
        story = alike[0]
        return warning(
            story.source,
            1,
            f"{said} (this story, new at /{story.path}, is the one it was, renamed or re-dated?)",
            f"if it is, add to its front matter {keep}",
        )
    return warning(
        f"{output}/{page}",
        0,
        f"{said} (its story was deleted, renamed or re-dated)",
        f"if the story moved, add to its front matter {keep}; if it was taken down on "
        "purpose, nothing more is needed",
    )
