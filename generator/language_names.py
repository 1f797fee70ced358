"""A language written by its own name, as a story's `language:` or the `language` setting:
the tag meant (`Français` -> `fr`, `اردو` -> `ur`), also in the forms the "Read in"
switcher shows (CLDR's display names): with its region or script (`Português (Brasil)` ->
`pt-BR`, `srpski (latinica)` -> `sr-Latn`), and a script's own name of the language
(`Srpski` -> `sr-Latn`, where `Српски` is `sr`). Read by languages.suggest, on a mistake.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from babel import Locale


def own_name_tag(value: str) -> str | None:
    """The tag of the language `value` names in its own words (capitals, accents composed
    or not, spaces at the ends aside); None when it names none."""
    folded = unicodedata.normalize("NFC", value.strip()).casefold()
    return _autonyms(False).get(folded) or _autonyms(True).get(folded)


@lru_cache(maxsize=2)
def _autonyms(regional: bool) -> dict[str, str]:
    """Each language's name in itself, folded (casefold, NFC), -> its tag: CLDR's names of
    its languages without a region (`regional` False), or (True) of its locales with a
    region or script, by their display name and their script's name of the language
    (read only when the first found nothing: the larger table). Read once, on a mistake."""
    from babel.localedata import locale_identifiers

    found: dict[str, str] = {}
    for code in sorted(i for i in locale_identifiers() if ("_" in i) == regional):
        try:
            locale = Locale.parse(code)
        except (ValueError, LookupError):
            continue
        tag = code.replace("_", "-")
        names = (
            [locale.get_display_name(code), locale.get_language_name(code)]
            if regional
            else [locale.get_language_name(code)]
        )
        for name in names:
            if name:
                found.setdefault(unicodedata.normalize("NFC", name).casefold(), tag)
    return found
