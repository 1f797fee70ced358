"""The Jinja2 environment pages are rendered in: the packaged theme behind the site's
templates/, and the template filters (dates, kicker, stories, json_ld, text_direction) and
globals (arrow, lang_attrs)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup

from generator.languages import text_direction
from generator.model import Article, Tag
from generator.render.compiled import CompiledTemplates
from generator.render.dates import human_date_filter, human_day_filter, page_language, time_attr
from generator.render.theme import Theme
from generator.render.words import ThemeWords, Words


def kicker(article: Article, page_topic: Tag | None = None) -> Tag | None:
    """The topic named above a headline in a list: its first, unless the page is about it."""
    return next((tag for tag in article.tags if tag != page_topic), None)


def stories(count: int) -> str:
    """The noun after a number of stories: 'story' for 1, 'stories' otherwise."""
    return "story" if count == 1 else "stories"


T = TypeVar("T")


def byline(authors: Sequence[T]) -> list[tuple[T, str]]:
    """Each author with what follows the name: 'A, B and C' -> (A, ', '), (B, ' and '), (C, '')."""
    return [
        (name, "" if i == len(authors) - 1 else " and " if i == len(authors) - 2 else ", ")
        for i, name in enumerate(authors)
    ]


ARROWS = {"ltr": {"start": "\u2190", "end": "\u2192"}, "rtl": {"start": "\u2192", "end": "\u2190"}}


@jinja2.pass_context
def arrow(context: jinja2.runtime.Context, side: str) -> str:
    """The arrow that points to the `side` ('start' or 'end') of the page's lines: '←' to
    the start of an English page, '→' to the start of an Urdu one (Unicode does not mirror
    arrows in right-to-left text, so each direction has its own glyph)."""
    return ARROWS[text_direction(page_language(context) or "en")][side]


@jinja2.pass_context
def lang_attrs(context: jinja2.runtime.Context, text_of: Article | str) -> Markup:
    """' lang="ur" dir="rtl"' for an element holding text of an article (its `language`,
    else the site's) or of a language tag, when that is not the page's language; '' when
    it is. So the site's title on an Urdu page, or an English headline there, keeps its
    own language and direction (W3C, "Language on the Web")."""
    # The site's own language (a language section's settings say the section's).
    site = str(
        context.get("site_language")
        or (context["settings"].language if "settings" in context else "")
    )
    tag = text_of if isinstance(text_of, str) else (text_of.language or site)
    page = page_language(context) or site
    if not tag or tag == page:
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(tag, text_direction(tag))


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no text can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 (escaped above for the script context)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja2 with the packaged theme behind the site's override folder `templates_dir`,
    and the theme's words in each page's language (generator.render.words)."""
    theme = Theme(templates_dir)
    env = jinja2.Environment(
        loader=theme.loader(),
        extensions=[ThemeWords],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build: each template read once, not stat'ed per page
        bytecode_cache=CompiledTemplates(),  # a second build in this process compiles less
    )
    env.policies["ext.i18n.trimmed"] = True
    Words(theme.folders()).install(env)
    env.filters["human_date"] = human_date_filter
    env.filters["time_attr"] = time_attr
    env.filters["human_day"] = human_day_filter
    env.filters["json_ld"] = json_ld
    env.filters["kicker"] = kicker
    env.filters["stories"] = stories
    env.filters["text_direction"] = text_direction
    env.globals["arrow"] = arrow
    env.globals["lang_attrs"] = lang_attrs
    return env
