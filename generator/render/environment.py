"""The Jinja2 environment pages are rendered in: the packaged theme behind the site's
templates/, and the template filters (dates, kicker, card_meta, stories, json_ld,
text_direction) and globals (arrow, lang_attrs)."""

from __future__ import annotations

import gettext
import json
import weakref
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import BuiltinFunctionType, CodeType, FunctionType, MethodType
from typing import Any, TypeVar

import jinja2
import markupsafe
from jinja2.nodes import EvalContext
from jinja2.utils import _PassArg, internalcode, missing
from markupsafe import Markup

from generator.index.digest import TopicGroup
from generator.languages import body_direction, text_attributes, text_direction
from generator.model import Article, Author, Country, Tag
from generator.render.compiled import CompiledTemplates
from generator.render.dates import (
    context_value,
    human_date_filter,
    human_day_filter,
    page_language,
    time_attr,
)
from generator.render.theme import Theme
from generator.render.titles import BYLINE_AND, BYLINE_COMMA
from generator.render.words import ThemeWords, Words, constant


def kicker(article: Article, page_topic: Tag | None = None) -> Tag | None:
    """The topic named above a headline in a list: its first, unless the page is about it."""
    return next((tag for tag in article.tags if tag != page_topic), None)


@dataclass(frozen=True, slots=True)
class CardMeta:
    """What a list's card says under its summary besides the date: the story's country
    and its bylines, each left out (None, ()) where the list is about it."""

    country: Country | None
    bylines: tuple[Author, ...]


@jinja2.pass_context
def card_meta(context: jinja2.runtime.Context, article: Article) -> CardMeta:
    """`item | card_meta` (partials/card.html): the country, but on its own country's list;
    the bylines, but on the list of their only author (the page's `country`, `author`)."""
    country, author = context.get("country"), context.get("author")
    alone = author is not None and len(article.bylines) == 1
    return CardMeta(
        None if article.country == country else article.country,
        () if alone else article.bylines,
    )


def day_columns(topics: Sequence[TopicGroup]) -> tuple[int, int]:
    """The newspaper columns of a day's topics (partials/day.html): the lead topic's, for
    its stories after the lead story, and the other topics', for all their stories; as
    many as there are stories, at most three each, so no column stays empty."""
    if not topics:
        return 0, 0
    others = sum(len(group.articles) for group in topics[1:])
    return min(3, len(topics[0].articles) - 1), min(3, others)


def stories(count: int) -> str:
    """The noun after a number of stories: 'story' for 1, 'stories' otherwise."""
    return "story" if count == 1 else "stories"


T = TypeVar("T")


def byline(authors: Sequence[T], and_: str = " and ", comma: str = ", ") -> list[tuple[T, str]]:
    """Each author with what follows the name: 'A, B and C' -> (A, ', '), (B, ' and '), (C, '');
    `and_` and `comma`: the words between names in another language than English."""
    return [
        (name, "" if i == len(authors) - 1 else and_ if i == len(authors) - 2 else comma)
        for i, name in enumerate(authors)
    ]


def said_byline(words: gettext.NullTranslations, authors: Sequence[T]) -> list[tuple[T, str]]:
    """`byline` in a page's language (`words`, render.words.Words.translations): its
    ' and ' and ', ' (render.titles.BYLINE_AND, BYLINE_COMMA), as markup (a translator's
    words are written as they are, as the templates' are)."""
    return byline(authors, *_between(words))


@lru_cache(maxsize=64)
def _between(words: gettext.NullTranslations) -> tuple[Markup, Markup]:
    """A language's ' and ' and ', ' between a byline's names, found once (a list page
    shows about six bylines)."""
    and_, comma = (Markup(constant(words.gettext(text))) for text in (BYLINE_AND, BYLINE_COMMA))
    return and_, comma


@jinja2.pass_context
def byline_filter(context: jinja2.runtime.Context, authors: Sequence[T]) -> list[tuple[T, str]]:
    """`authors | byline`: each with what follows the name, in the page's language."""
    words: Words = context.environment.theme_words  # type: ignore[attr-defined]
    return said_byline(words.translations(str(context.get("language", ""))), authors)


ARROWS = {"ltr": {"start": "\u2190", "end": "\u2192"}, "rtl": {"start": "\u2192", "end": "\u2190"}}


@jinja2.pass_context
def arrow(context: jinja2.runtime.Context, side: str) -> str:
    """The arrow that points to the `side` ('start' or 'end') of the page's lines: '←' to
    the start of an English page, '→' to the start of an Urdu one (Unicode does not mirror
    arrows in right-to-left text, so each direction has its own glyph)."""
    return ARROWS[text_direction(page_language(context) or "en")][side]


@jinja2.pass_context
def body_dir(context: jinja2.runtime.Context, body_html: str) -> Markup:
    """' dir="rtl"' or ' dir="ltr"' for a story's body most of whose letters are written in
    the other direction from the page's (an Arabic story without `language:` on an English
    site, an English one on an Urdu site), so that it reads in its own; '' when the page's
    direction is its, however its first letter is written (an English story opening with
    an Arabic quotation)."""
    found = body_direction(body_html)
    page = text_direction(page_language(context) or "en")
    return Markup(f' dir="{found}"') if found and found != page else Markup("")  # noqa: S704


@jinja2.pass_context
def lang_attrs(context: jinja2.runtime.Context, text_of: Article | str) -> Markup:
    """' lang="ur" dir="rtl"' for an element holding text of an article (its `language`,
    else the site's) or of a language tag, when that is not the page's language;
    ' dir="auto"' when it is (its letters choose its direction). So the site's title on
    an Urdu page, or an English headline there, keeps its
    own language and direction (W3C, "Language on the Web")."""
    # The site's own language (a language section's settings say the section's).
    settings = context_value(context, "settings")
    site = str(context_value(context, "site_language") or (settings.language if settings else ""))
    tag = text_of if isinstance(text_of, str) else (text_of.language or site)
    page = page_language(context) or site
    return _attributes(tag, page)


@lru_cache(maxsize=1024)
def _attributes(tag: str, page: str) -> Markup:
    """`text_attributes(tag, page)` as Markup, made once per pair of languages (a page
    asks about 15 times, nearly always for the same pair)."""
    return Markup(text_attributes(tag, page))  # noqa: S704 (a checked language tag, escaped)


def json_ld(data: Any) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no text can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 (escaped above for the script context)


_escape_inner: Callable[[str], str] | None = getattr(markupsafe, "_escape_inner", None)
_markup = str.__new__


def escape(value: Any) -> Markup:
    """MarkupSafe's `escape`, the same Markup, without its two Python calls for the values
    a page shows most (text, and Markup already escaped): about 100 per page."""
    if type(value) is str and _escape_inner is not None:
        return _markup(Markup, _escape_inner(value))
    if type(value) is Markup:
        return value
    if type(value) is int:  # a count: its digits, as markupsafe writes them
        return _markup(Markup, str(value))
    return markupsafe.escape(value)


class PageTemplate(jinja2.Template):
    """A template whose `{{ value }}`s are escaped by `escape` above (the compiled code
    looks the name up in its module's namespace, which Jinja fills from jinja2.runtime)."""

    @classmethod
    def from_code(
        cls,
        environment: jinja2.Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape
        return template

    def new_context(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> jinja2.runtime.Context:
        """Jinja's context for a page (`render`), its values on top of the template's
        globals, copied map by map (Jinja's `dict(globals, **vars)` reads the ChainMap of
        the template's and the environment's globals key by key in Python, about 40 names
        a page); an include's (`shared`) as Jinja makes it."""
        globals = self.globals
        if shared:  # an include's: the page's values and the loop's, as Jinja's
            shared_values = {} if vars is None else vars
            if locals:
                shared_values = dict(shared_values)
                for key, value in locals.items():
                    if value is not missing:
                        shared_values[key] = value
            return self.environment.context_class(
                self.environment, shared_values, self.name, self.blocks, globals=globals
            )
        if locals or type(globals) is not ChainMap:
            return super().new_context(vars, shared, locals)
        parent: dict[str, Any] = {}
        for layer in reversed(globals.maps):
            parent.update(layer)
        parent.update(vars or ())
        return self.environment.context_class(
            self.environment, parent, self.name, self.blocks, globals=globals
        )


_PLAIN = (FunctionType, MethodType, BuiltinFunctionType)


class PageContext(jinja2.runtime.Context):
    """Jinja's context, calling a plain function or method (`urls.article(item)`, about 50
    a page) without first asking it three times whether it wants the context, and made
    without listing the template's globals (a ChainMap walked in Python, at every
    {% include %}) until something asks for them."""

    def __init__(
        self,
        environment: jinja2.Environment,
        parent: dict[str, Any],
        name: str | None,
        blocks: dict[str, Callable[[jinja2.runtime.Context], Iterator[str]]],
        globals: MutableMapping[str, Any] | None = None,
    ) -> None:
        # Jinja's Context.__init__, but for `globals_keys` (a property below)
        self.parent = parent
        self.vars: dict[str, Any] = {}
        self.environment = environment
        self.eval_ctx = EvalContext(environment, name)
        self.exported_vars: set[str] = set()
        self.name = name
        self._globals = globals
        self.blocks = {k: [v] for k, v in blocks.items()} if blocks else {}

    @property
    def globals_keys(self) -> set[str]:  # type: ignore[override]
        """The names of the template's globals (read by Jinja's template modules)."""
        return set() if self._globals is None else set(self._globals)

    @internalcode
    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        kind = type(__obj)
        if kind not in _PLAIN:
            return super().call(__obj, *args, **kwargs)
        # A method's own function: asking the bound method for a name it lacks costs an
        # AttributeError inside getattr (about 0.5 us, some 30 times a page); a built-in
        # (`date.isoformat`) has no attributes of its own to ask.
        own = __obj.__func__ if isinstance(__obj, MethodType) else __obj
        passed = None if kind is BuiltinFunctionType else getattr(own, "jinja_pass_arg", None)
        if passed is not None:
            # `lang_attrs(article)`, about 15 a page: the context as Jinja gives it, unless
            # it must first be derived with a loop's or block's variables.
            if (
                passed is not _PassArg.context
                or kwargs.get("_loop_vars")
                or kwargs.get("_block_vars")
            ):
                return super().call(__obj, *args, **kwargs)
            args = (__self, *args)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:  # as Jinja's own
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


class PageEnvironment(jinja2.Environment):
    """Jinja's environment, finding a template it has loaded at once: an {% include %} and
    {% extends %} ask again for theirs on every page (six or seven times)."""

    @internalcode
    def get_template(
        self,
        name: str | jinja2.Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        # Jinja's own cache and key (join_path is Jinja's: the name as it is)
        if type(name) is str and globals is None and self.cache is not None:
            found = self.cache.get((weakref.ref(self.loader), name))
            if found is not None and not self.auto_reload:
                return found
        return super().get_template(name, parent, globals)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja2 with the packaged theme behind the site's override folder `templates_dir`,
    and the theme's words in each page's language (generator.render.words)."""
    theme = Theme(templates_dir)
    env = PageEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(f) for f in theme.folders()]),
        extensions=[ThemeWords],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build: each template read once, not stat'ed per page
        # A plain dict of the loaded templates (a few dozen at most): Jinja's default LRU
        # takes a lock and reorders a deque at every {% include %}, about 6 a page.
        cache_size=-1,
        bytecode_cache=CompiledTemplates(),  # a second build in this process compiles less
    )
    env.policies["ext.i18n.trimmed"] = True
    env.template_class = PageTemplate  # the same bytes, faster (escape, calls)
    env.context_class = PageContext
    Words(theme.folders()).install(env)
    env.filters["human_date"] = human_date_filter
    env.filters["time_attr"] = time_attr
    env.filters["human_day"] = human_day_filter
    env.filters["json_ld"] = json_ld
    env.filters["kicker"] = kicker
    env.filters["card_meta"] = card_meta
    env.filters["day_columns"] = day_columns
    env.filters["byline"] = byline_filter
    env.filters["stories"] = stories
    env.filters["text_direction"] = text_direction
    env.filters["body_dir"] = body_dir
    env.globals["arrow"] = arrow
    env.globals["lang_attrs"] = lang_attrs
    return env
