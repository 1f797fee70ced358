"""The theme's own words ("By", "Updated", "Page 2 of 5") in the page's language, through
gettext catalogs.

The templates mark their words with Jinja's i18n extension (`{% trans %}`, `_()`,
`ngettext`); Babel extracts them (`generator/theme/babel.cfg`) into
`generator/theme/locale/messages.pot`, and each language has a catalog
`locale/LANG/LC_MESSAGES/messages.po` in the theme, or in the site's `templates/` folder,
which goes first: a site's catalog replaces the theme's words it translates and the
theme's catalog still gives the rest. Catalogs are read as .po files with Babel when a
page in their language is first rendered (no compile step: an editor's edited .po counts
at the next build) and kept for the build. Plural forms come from each catalog's
`Plural-Forms` header, which `pybabel init` writes from CLDR.

A page's language is its BCP 47 tag (`ur`, `hi`, `ur-PK`, `pt-BR`): the catalog of the
tag itself (`ur_PK`), then of its base language (`ur`). A language with no catalog, and
English, whose words are the templates' own, get the English words.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import nodes
from jinja2.ext import InternationalizationExtension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from generator.diagnostics import CatalogFailure
from generator.languages import locale_of
from generator.render.compiled import ADDED_FILTERS, with_catalogs
from generator.settings_errors import display

if TYPE_CHECKING:  # Babel's catalogs are imported only when a .po file is read (15 ms)
    from babel.messages.catalog import Catalog

DOMAIN = "messages"
ENGLISH_PLURAL = f"{ADDED_FILTERS}en"  # the filter of English's plural rule


def catalog_names(tag: str) -> list[str]:
    """The catalog folders that may hold a BCP 47 tag's words, most specific first:
    'ur-PK' -> ['ur_PK', 'ur']; 'pt-BR' -> ['pt_BR', 'pt']; an unknown tag -> [it, its
    base]."""
    locale = locale_of(tag) if tag else None
    if locale is None:
        base = tag.replace("_", "-").split("-")[0]
        return list(dict.fromkeys(n for n in (tag.replace("-", "_"), base) if n))
    return list(dict.fromkeys((str(locale), locale.language)))


PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A catalog entry's id or string as its forms: one, or singular and plurals."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def unfillable(catalog: Catalog) -> tuple[int, str, str] | None:
    """The first translation the theme could not fill in, as (line, what is wrong, fix): one
    that names a placeholder its English text does not have (`%(cont)s` for `%(count)s`), or
    has a lone '%' (written '%%' in a catalog). None when every translation fills in."""
    for message in catalog:
        ids, strings = forms(message.id), forms(message.string)
        if not message.id or not any(strings):
            continue
        names = {name: "" for text in ids for name in PLACEHOLDER.findall(text)}
        for text in strings:
            try:
                text % (names | {"num": 0})
            except KeyError as exc:
                known = ", ".join(f"%({name})s" for name in names)
                return (
                    message.lineno or 0,
                    f"the translation of {ids[0]!r} names %({exc.args[0]})s, which the "
                    "English text does not have",
                    f"use only the English text's placeholders ({known}), spelled as there"
                    if known
                    else f"delete %({exc.args[0]})s: the English text has no placeholder",
                )
            except (ValueError, TypeError):
                return (
                    message.lineno or 0,
                    f"the translation of {ids[0]!r} has a lone '%'",
                    "write a percent sign as '%%'",
                )
    return None


KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(\[\d+\])?)(\s+|(?=\"))")
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
QUOTE_HINT = 'write a double quote inside the text as \\"'


def bad_line(line: str) -> tuple[str, str] | None:
    """What is wrong with one line of a .po file, and the fix, or None for a good line: a
    comment, a blank line, or a keyword (msgid, msgstr...) or nothing, then exactly one
    quoted string (GNU gettext's syntax, stricter than Babel's reader, which would
    publish `msgstr "unclosed` or `msgstr "text" more` with a character lost)."""
    text = line.strip()
    if not text or text.startswith("#"):
        return None
    keyword = KEYWORD.match(text)
    rest = text[keyword.end() :] if keyword else text
    if not rest.startswith('"'):
        return "not a gettext catalog line", (
            "a line is a comment (#), msgid or msgstr and text in double quotes, or more "
            "text in double quotes"
        )
    quoted = QUOTED.match(rest)
    if quoted is None:
        return "the quoted text is not closed", f'end it with a double quote ("); {QUOTE_HINT}'
    after = rest[quoted.end() :].strip()
    if after:
        return f"text after the closing quote: {after!r}", f"put it inside the quotes; {QUOTE_HINT}"
    return None


def catalog_problem(path: Path) -> tuple[int, str, str] | None:
    """The first problem of a .po file as (line, what is wrong, fix), or None: a line that
    is not gettext, an entry Babel cannot read, a translation whose placeholders do not
    fill in (unfillable)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return 0, f"not a readable gettext catalog: {exc}", "save it as UTF-8 text"
    for number, line in enumerate(text.splitlines(), start=1):
        wrong = bad_line(line)
        if wrong:
            return number, *wrong
    from babel.messages.pofile import PoFileError, read_po

    try:
        catalog = read_po(io.BytesIO(text.encode("utf-8")), abort_invalid=True)
    except PoFileError as exc:
        return exc.lineno + 1, f"not a gettext catalog line ({exc})", ""
    except ValueError as exc:
        return 0, f"not a readable gettext catalog: {exc}", ""
    found = unfillable(catalog)
    return found


def read_catalog(path: Path) -> gettext.GNUTranslations:
    """A .po file as gettext translations (fuzzy entries left out, as msgfmt does).

    Raises CatalogFailure naming the file and line of a .po file that is not valid
    gettext (catalog_problem), with the fix.
    """
    wrong = catalog_problem(path)
    if wrong:
        raise CatalogFailure(display(path), *wrong)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as po:
        catalog = read_po(po, abort_invalid=True)
    mo = io.BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def site_catalogs(templates: Path) -> Iterator[tuple[Path, int, str, str]]:
    """The problems of a site's own catalogs (templates/locale/*/LC_MESSAGES/*.po), as
    (file, line, what is wrong, fix): what `check` reports before a build refuses them."""
    for path in sorted((templates / "locale").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        wrong = catalog_problem(path)
        if wrong:
            yield (path, *wrong)


class Words:
    """The gettext catalogs of a theme: `folders` are the template folders, the site's
    first; each may have a `locale/` folder."""

    def __init__(self, folders: list[Path]) -> None:
        self.locales = list(dict.fromkeys(folder / "locale" for folder in folders))
        self.cache: dict[str, gettext.NullTranslations] = {}
        self.overlays: dict[tuple[Path, ...], jinja2.Environment] = {}
        self.found: dict[str, tuple[Path, ...]] = {}  # language -> its catalogs

    def catalogs(self, tag: str) -> tuple[Path, ...]:
        """The .po files that give language `tag` its words, first consulted first: site
        before theme, the exact tag before its base language."""
        return tuple(
            path
            for name in catalog_names(tag)
            for folder in self.locales
            for path in [folder / name / "LC_MESSAGES" / f"{DOMAIN}.po"]
            if path.is_file()
        )

    def translations(self, tag: str) -> gettext.NullTranslations:
        """The words of language `tag`: its catalogs chained, ending in the English of the
        templates."""
        found = self.cache.get(tag)
        if found is None:
            found = gettext.NullTranslations()
            for path in reversed(self.catalogs(tag)):
                more = read_catalog(path)
                more.add_fallback(found)
                found = more
            self.cache[tag] = found
        return found

    def environment(self, env: jinja2.Environment, tag: str) -> jinja2.Environment:
        """The environment that renders a page in language `tag`: `env` itself for English
        words (and every language without a catalog), else an overlay of `env` (same
        loader, filters and globals; its own compiled templates) with that language's
        words put in at compile time (ThemeWords). One overlay per set of catalogs."""
        catalogs = self.found.get(tag)
        if catalogs is None:
            catalogs = self.found[tag] = self.catalogs(tag)
        if not catalogs:
            return env
        found = self.overlays.get(catalogs)
        if found is None:
            found = env.overlay(cache_size=400, bytecode_cache=with_catalogs(catalogs))
            found.words_translations = self.translations(tag)  # type: ignore[attr-defined]
            self.overlays[catalogs] = found
        return found

    def install(self, env: jinja2.Environment) -> None:
        """Give `env`'s i18n extension (`{% trans %}`, `_()`, `gettext`, `ngettext`) the words
        of the rendered page's `language`.

        The callables follow the extension's "newstyle" rules (the text is a %-format
        string, its values escaped under autoescape; `ngettext` offers `num`), written
        once here instead of through the extension's three nested wrappers: a page says
        fifty words, and each word costs one dictionary look-up more than literal text.
        """

        @jinja2.pass_context
        def gettext_(context: jinja2.runtime.Context, message: str, /, **values: Any) -> str:
            text = self.translations(str(context.get("language", ""))).gettext(message)
            return fill(context, text, values)

        @jinja2.pass_context
        def ngettext_(
            context: jinja2.runtime.Context,
            singular: str,
            plural: str,
            count: int,
            /,
            **values: Any,
        ) -> str:
            words = self.translations(str(context.get("language", "")))
            values.setdefault("num", count)
            return fill(context, words.ngettext(singular, plural, count), values)

        env.newstyle_gettext = True  # type: ignore[attr-defined]
        env.globals.update(_=gettext_, gettext=gettext_, ngettext=ngettext_)
        env.extend(theme_words=self, words_translations=gettext.NullTranslations())
        env.filters[ENGLISH_PLURAL] = english_plural


def fill(context: jinja2.runtime.Context, text: str, values: dict[str, Any]) -> str:
    """A translated text with its %(name)s placeholders filled in; Markup (its values
    escaped) when the template autoescapes, as Jinja's newstyle gettext does."""
    if context.eval_ctx.autoescape:
        return Markup(text) % values if "%" in text else Markup(text)
    return text % values if "%" in text else text


def page_environment(env: jinja2.Environment, language: str) -> jinja2.Environment:
    """The environment (made by render.environment) that renders a page in `language`."""
    words: Words = env.theme_words  # type: ignore[attr-defined]
    return words.environment(env, language)


def constant(text: str) -> str:
    """A word as newstyle gettext leaves it with no values to fill in ('%%' -> '%')."""
    try:
        return text % {} if "%" in text else text
    except (ValueError, TypeError, KeyError):
        return text


class ThemeWords(InternationalizationExtension):
    """Jinja's i18n extension with one language's words put in when a template is
    compiled: `{% trans %}` without a plural and `_("literal")` become the translated text
    (values still filled in, escaped, when the page renders), so a word costs what
    literal text costs. Plurals and `_(expression)` are looked up as the page renders,
    by the page's `language`. The environment's `words_translations` are the words; an
    environment without them (Babel's extraction) gets the stock extension."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        words = getattr(self.environment, "words_translations", None)
        tokens = list(stream)
        i = 0
        while i < len(tokens):
            call = [t.type for t in tokens[i : i + 4]]
            if (
                words is not None
                and tokens[i].value in ("_", "gettext")
                and call == ["name", "lparen", "string", "rparen"]
                and (i == 0 or tokens[i - 1].type != "dot")
            ):
                line, text = tokens[i].lineno, constant(words.gettext(tokens[i + 2].value))
                yield from (
                    Token(line, "lparen", "("),
                    Token(line, "string", text),
                    Token(line, "pipe", "|"),
                    Token(line, "name", "safe"),
                    Token(line, "rparen", ")"),
                )
                i += 4
            else:
                yield tokens[i]
                i += 1

    def _make_node(
        self,
        singular: str,
        plural: str | None,
        context: str | None,
        variables: dict[str, nodes.Expr],
        plural_expr: nodes.Expr | None,
        vars_referenced: bool,
        num_called_num: bool,
    ) -> nodes.Output:
        words = getattr(self.environment, "words_translations", None)
        if words is None or context is not None:
            return super()._make_node(
                singular, plural, context, variables, plural_expr, vars_referenced, num_called_num
            )
        if plural_expr is not None:
            return self.plural_node(words, (singular, plural or singular), plural_expr, variables)
        text = words.gettext(singular)
        if not variables:
            return nodes.Output([nodes.MarkSafeIfAutoescape(nodes.Const(constant(text)))])
        values = nodes.Dict([nodes.Pair(nodes.Const(k), v) for k, v in variables.items()])
        return nodes.Output([nodes.Mod(nodes.MarkSafeIfAutoescape(nodes.Const(text)), values)])

    def plural_node(
        self,
        words: gettext.NullTranslations,
        english: tuple[str, str],
        count: nodes.Expr,
        variables: dict[str, nodes.Expr],
    ) -> nodes.Output:
        """`{% trans count=... %}...{% pluralize %}...`: the language's forms put in now,
        the one for the count chosen by the catalog's plural rule (a filter) at render."""
        forms, rule = plural_forms(words, english)
        # English's rule has a name of its own, the same in every process (Words.install
        # gives it): the theme's shipped code (render.precompiled) calls it so.
        name = ENGLISH_PLURAL if rule is english_plural else f"{ADDED_FILTERS}{id(rule)}"
        self.environment.filters.setdefault(name, rule)
        choice = nodes.Getitem(
            nodes.Const(forms), nodes.Filter(count, name, [], [], None, None), "load"
        )
        values = {"num": count} | variables
        pairs = [nodes.Pair(nodes.Const(k), v) for k, v in values.items()]
        return nodes.Output([nodes.Mod(nodes.MarkSafeIfAutoescape(choice), nodes.Dict(pairs))])


def english_plural(count: int) -> int:
    """The form of an English count: 0 (singular) for 1, 1 (plural) otherwise."""
    return 0 if count == 1 else 1


def plural_forms(
    words: gettext.NullTranslations, english: tuple[str, str]
) -> tuple[tuple[str, ...], Callable[[int], int]]:
    """A plural message's forms in the first catalog of the chain that translates it, with
    that catalog's rule (count -> form); the English forms and rule when none does."""
    found: gettext.NullTranslations | None = words
    while found is not None:
        catalog: dict[object, str] = getattr(found, "_catalog", {})
        if (english[0], 0) in catalog:
            count = next(i for i in range(1, 10) if (english[0], i) not in catalog)
            forms = tuple(catalog[(english[0], i)] for i in range(count))
            rule: Callable[[int], int] = getattr(found, "plural", english_plural)
            return forms, rule
        found = getattr(found, "_fallback", None)
    return english, english_plural
