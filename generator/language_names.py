"""A language written by its own name, as a story's `language:` or the `language` setting:
the tag meant (`Français` -> `fr`, `اردو` -> `ur`), also in the forms the "Read in"
switcher shows (CLDR's display names): with its region or script (`Português (Brasil)` ->
`pt-BR`, `srpski (latinica)` -> `sr-Latn`), and a script's own name of the language
(`Srpski` -> `sr-Latn`, where `Српски` is `sr`). Read by languages.suggest, on a mistake,
as is the tag closest to a misspelling (`closest_tag`): a misspelt name is a language's
own tag (`englsh`, `Englisch` -> `en`, `franch` -> `fr`), never a region's variant that
only looks close (`en-SH`, English of Saint Helena; `fr-NC`, of New Caledonia).
"""

from __future__ import annotations

import difflib
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


@lru_cache(maxsize=1)
def english_names() -> dict[str, str]:
    """Each language's English name, lowered, -> its tag ('british english' -> 'en-GB')."""
    return {
        str(name).lower(): str(code).replace("_", "-")
        for code, name in Locale("en").languages.items()
    }


def closest_tag(value: str) -> str | None:
    """The tag of the language whose name or tag is closest in spelling to `value`; None
    when none is close. A value without a region ('englsh', 'enn') is a misspelt language:
    matched with the languages' English and own names, then with the tags of languages
    alone, so that it is never given a region it did not have ('en-SH'). One with a
    region ('en_gb', 'english-us') is its language's tag (read as above) with that region
    when CLDR knows the pair, else its language's alone ('en-vv' is 'en', never the 'en-VU'
    of Vanuatu, one letter away; 'english-us' is 'en-US', never Spanish's 'es-US')."""
    from babel.localedata import locale_identifiers

    typed = value.strip().replace("_", "-").lower()
    if "-" not in typed:
        return _closest_language(typed)
    head, region = typed.split("-", 1)
    language = _closest_language(head) if head else None
    if language is None:
        return None
    known = {i.replace("_", "-").lower(): i.replace("_", "-") for i in locale_identifiers()}
    return known.get(f"{language}-{region}".lower(), language)  # 'englsh-GB': 'en-GB'


# Names newsrooms give languages that CLDR's English names do not.
NEWSROOM_NAMES = {
    "farsi": "fa",
    "mandarin": "zh",
    "castilian": "es",
    "british": "en-GB",
    "american": "en-US",
    "brazilian": "pt-BR",
    "bokmal": "nb",
}


def _closest_language(typed: str) -> str | None:
    """The tag of the language a word without a region ('englsh', 'ger') means: an ISO
    639-2 code ('ger', 'deu' -> 'de'), a newsroom's name ('Farsi'), the name that starts
    with it or is closest in spelling with the same first letter ('engl', 'franch':
    'Anglais' is no misspelling of 'Bangla'), else for three letters or fewer the code
    closest in spelling ('enn' -> 'en'); None when none is."""
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    alias = get_global("language_aliases").get(typed) or NEWSROOM_NAMES.get(typed)
    if alias and "_" not in alias:
        return alias
    named = {**_autonyms(False), **english_names()}
    alike = [name for name in named if name[:1] == typed[:1]]
    close = difflib.get_close_matches(typed, alike, n=1, cutoff=0.75)
    started = sorted((n for n in alike if len(typed) >= 4 and n.startswith(typed)), key=len)
    if close or started:
        return named[(close or started)[0]]
    alone = sorted(i for i in locale_identifiers() if "_" not in i and i[:1] == typed[:1])
    close = difflib.get_close_matches(typed, alone, n=1, cutoff=0.6) if len(typed) <= 3 else []
    return close[0] if close else None
