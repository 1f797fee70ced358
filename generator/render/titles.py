"""The words of a page that the Python code writes (page titles and descriptions of the
taxonomy, archive, digest, search and 404 pages), in the page's language through the
theme's gettext catalogs (render.words), as the templates' words are.

Each English text is marked `N_("...")` so Babel's extraction finds it
(`generator/theme/locale/babel.cfg`); placeholders are `%(name)s`, filled in after
translation. English, and a language without a catalog, keep the English text.
"""

from __future__ import annotations

from generator.render.words import Words


def N_(text: str) -> str:
    """Marks an English text for Babel's extraction; the text itself."""
    return text


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
