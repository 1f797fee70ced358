"""The words of a page that the Python code writes (page titles and descriptions of the
taxonomy, archive, digest, search and 404 pages), in the page's language through the
theme's gettext catalogs (render.words), as the templates' words are.

Each English text is marked `N_("...")` so Babel's extraction finds it
(`generator/theme/locale/babel.cfg`); placeholders are `%(name)s`, filled in after
translation. English, and a language without a catalog, keep the English text.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.render.words import Words, plural_forms


def N_(text: str) -> str:
    """Marks an English text for Babel's extraction; the text itself."""
    return text


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Marks an English text with a plural for Babel's extraction (its `ngettext`
    keyword); its two forms, said for a count by `PageWords.count`."""
    return singular, plural


# A taxonomy's words by TermKind.name: index title, term page title, index description,
# term page description.
TERM_WORDS: dict[str, tuple[str, str, str, str]] = {
    "topics": (
        N_("Topics"),
        N_("Topic: %(name)s"),
        N_("Every topic of %(site)s, most covered first."),
        N_("Stories about %(name)s."),
    ),
    "countries": (
        N_("Countries"),
        N_("Country: %(name)s"),
        N_("Stories of %(site)s by country."),
        N_("Stories from %(name)s."),
    ),
    "authors": (
        N_("Authors"),
        N_("Author: %(name)s"),
        N_("Everyone who writes for %(site)s, with their number of stories."),
        N_("Stories by %(name)s."),
    ),
}

# The lede of a taxonomy's index page, by TermKind.name: its number of terms, `count`.
TERM_LEDES: dict[str, tuple[str, str]] = {
    "topics": ngettext(
        "%(count)s topic, the most covered first, with its number of stories.",
        "%(count)s topics, the most covered first, with their number of stories.",
    ),
    "countries": ngettext(
        "%(count)s country, by name, with its number of stories.",
        "%(count)s countries, by name, with their number of stories.",
    ),
    "authors": ngettext(
        "%(count)s author, by name, with their number of stories.",
        "%(count)s authors, by name, with their number of stories.",
    ),
}

# Above a term page's heading: its TermKind.label (a month's page: ARCHIVE), said in the
# page's language.
TERM_LABELS = (N_("Topic"), N_("Country"), N_("Author"))

# Between the names of a byline: "A, B and C" (render.environment.said_byline).
BYLINE_AND = N_(" and ")
BYLINE_COMMA = N_(", ")

ARCHIVE = N_("Archive")
ARCHIVE_MONTH = N_("Archive: %(month)s")
ARCHIVE_MONTH_DESCRIPTION = N_("Stories published in %(month)s.")
DIGEST = N_("Digest for %(day)s")
DIGEST_DESCRIPTION = N_("The news of %(day)s, by topic.")
DIGESTS = N_("Daily digests")
DIGESTS_PAGE = N_("Daily digests, page %(number)s")
DIGESTS_DESCRIPTION = N_("Every day's digest of %(site)s, newest first.")
SEARCH = N_("Search")
SEARCH_DESCRIPTION = N_("Search every story of %(site)s.")
NOT_FOUND = N_("Page not found")


class PageWords:
    """The words of pages in one language: `say(N_TEXT, name=...)` -> the translated text
    with its placeholders filled in (values are plain text; the templates escape them)."""

    def __init__(self, words: Words, language: str) -> None:
        self.words = words
        self.language = language

    def __call__(self, text: str, **values: object) -> str:
        found = self.words.translations(self.language).gettext(text)
        return found % values if "%" in found else found

    def count(self, english: tuple[str, str], count: int, **values: object) -> Markup:
        """The form of a plural text (`ngettext`) for `count`, by the language's plural rule,
        as the templates' `{% trans count=... %}` says it (markup, its values escaped)."""
        forms, rule = plural_forms(self.words.translations(self.language), english)
        return Markup(forms[rule(count)]) % ({"num": count, "count": count} | values)
