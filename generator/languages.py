"""Languages of the site and its articles: BCP 47 tags read through Babel (CLDR).

A tag is what the editor types (`ur`, `hi`, `pt-BR`); Babel's `Locale.parse(tag,
sep="-")` reads it. The writing direction comes from CLDR's character order for the
tag's script (`ar`, `ur`, `fa`, `he`, `ps`, `sd`, `ug`, `yi`, `dv`, `ckb`, `pa-Arab` are
right to left), as HTML's `dir` attribute wants it (W3C, "Structural markup and
right-to-left text in HTML").
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from generator.language_names import closest_tag, english_names, own_name_tag
from generator.language_registry import DEPRECATED as DEPRECATED
from generator.language_registry import GRANDFATHERED as GRANDFATHERED

# ISO 639's codes for no particular language (undetermined, multiple, none, uncoded):
# Babel reads 'und' as American English, which would date the story in English unasked.
NOT_LANGUAGES = frozenset({"und", "mul", "zxx", "mis"})
# Countries' codes typed for their language's (ISO 3166 for ISO 639), where the country's
# code is no language of its own: China's 'cn' is Chinese, 'zh'.
_SLIPS = "cn:zh jp:ja gr:el dk:da ua:uk kr:ko cz:cs vn:vi us:en gb:en rs:sr"
COUNTRY_CODES = {slip[:2]: slip[3:] for slip in _SLIPS.split()}
# What a settings file or a YAML slip writes for no value: never a language's misspelling.
NO_VALUE = frozenset({"true", "false", "null", "none", "nil", "~", "yes", "off", "on"})
VARIANT = re.compile(r"[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}")
ANY_CAPITALS = "a language tag means the same in any capitals"  # case_note's and init's why


@lru_cache(maxsize=256)
def subtags(tag: str) -> tuple[str, str, str] | None:
    """(language, script, region) of a BCP 47 tag, canonical as CLDR's aliases make them:
    'iw' -> ('he', '', ''), 'sh' -> ('sr', 'Latn', ''), 'zh-Hant' -> ('zh', 'Hant', ''),
    'pt-BR' -> ('pt', '', 'BR'), 'zh-cmn-Hans' (an extended language subtag) -> ('zh',
    'Hans', ''), 'i-klingon' -> ('tlh', '', ''); variants, extensions and private use
    ('de-1996', 'en-US-x-house') are left out. None when the text is not a tag (wrong
    syntax, `en_US`, a region that is not one such as 'UK')."""
    text = GRANDFATHERED.get(tag.lower(), tag)
    parts = text.split("-")
    singleton = next((i for i, part in enumerate(parts) if i and len(part) == 1), len(parts))
    language, rest = parts[0].lower(), parts[1:singleton]
    tail = parts[singleton:]  # extensions and private use: a singleton, then subtags
    if not re.fullmatch(r"[a-z]{2,3}", language) or language in NOT_LANGUAGES:
        return None
    if tail and (len(tail) < 2 or not all(re.fullmatch(r"[A-Za-z0-9]{1,8}", t) for t in tail)):
        return None
    if rest and re.fullmatch(r"[A-Za-z]{3}", rest[0]):  # extlang: 'zh-yue' is 'yue'
        language = rest.pop(0).lower()
    script = rest.pop(0).title() if rest and re.fullmatch(r"[A-Za-z]{4}", rest[0]) else ""
    region = rest.pop(0).upper() if rest and re.fullmatch(r"[A-Za-z]{2}|[0-9]{3}", rest[0]) else ""
    if any(not VARIANT.fullmatch(part) for part in rest):
        return None
    if region and region not in _regions():
        return None
    alias = str(get_global("language_aliases").get(language, language)).split("_")
    language = alias[0]
    script = script or next((part for part in alias[1:] if len(part) == 4), "")
    return language, script, region


@lru_cache(maxsize=256)
def preferred_tag(tag: str) -> str:
    """The tag in the form machines read (RFC 5646 4.5, with CLDR's aliases through Babel):
    a deprecated or grandfathered language replaced by its preferred value ('iw' -> 'he',
    'in' -> 'id', 'no-bok' -> 'nb', 'zh-guoyu' -> 'zh', 'sh' -> 'sr-Latn', 'zh-yue' ->
    'yue'), subtags in their usual case ('pt-br' -> 'pt-BR'), variants and extensions kept.
    Feeds, hreflang, news:language and inLanguage carry it; a page's own `lang` keeps the
    tag as typed. The tag itself when it is not one."""
    found = subtags(tag)
    if found is None:
        return tag
    parts = GRANDFATHERED.get(tag.lower(), tag).split("-")[1:]
    if parts and re.fullmatch(r"[A-Za-z]{3}", parts[0]):  # an extended language subtag
        parts.pop(0)
    for shape in (r"[A-Za-z]{4}", r"[A-Za-z]{2}|[0-9]{3}"):  # script, region: in `found`
        if parts and re.fullmatch(shape, parts[0]):
            parts.pop(0)
    return "-".join([part for part in found if part] + [part.lower() for part in parts])


def usual_case(tag: str) -> str:
    """`tag` in BCP 47's usual capitals (RFC 5646 2.1.1: a script's first letter and a
    region in capitals, the rest lower case), the same tag: 'EN' -> 'en', 'PT-br' ->
    'pt-BR', 'zh-hant-tw' -> 'zh-Hant-TW', a deprecated code kept ('IW' -> 'iw'). The
    text itself when it is not a tag."""
    if subtags(tag) is None:
        return tag
    usual: list[str] = []
    singleton = False  # after one (`x`, `u`): extensions and private use, lower case
    for n, part in enumerate(tag.split("-")):
        singleton = singleton or (n > 0 and len(part) == 1)
        if n and not singleton and part.isalpha() and len(part) in (2, 4):
            usual.append(part.upper() if len(part) == 2 else part.title())
        else:
            usual.append(part.lower())
    return "-".join(usual)


def case_note(tag: str) -> str | None:
    """The note for a tag typed in odd capitals ('EN', 'PT-br'), published in its usual
    ones (`usual_case`); None for a tag in them or all in lower case ('pt-br', a common
    way to write it), which is published in them with nothing said."""
    usual = usual_case(tag)
    if usual == tag or tag == tag.lower():
        return None
    return (
        f"language {tag!r} is published as {usual!r}, its usual capitals, on every page and "
        f"feed: {ANY_CAPITALS}"
    )


@lru_cache(maxsize=256)
def language_key(tag: str) -> str:
    """One text per language, as BCP 47 compares tags (RFC 5646 2.1.1: without case; 4.5:
    a deprecated code is its preferred value): 'he', 'HE', 'iw' -> 'he'; 'nb', 'no-bok' ->
    'nb'; 'pt-BR', 'pt-br' -> 'pt-br'. Two tags with one key are one language: one folder,
    one version of a story, one hreflang. `en` and `en-GB` are two."""
    return preferred_tag(tag.replace("_", "-")).lower()


def same_language(one: str, other: str) -> bool:
    """Whether two BCP 47 tags name one language (`language_key`): 'EN' is 'en'."""
    return one == other or language_key(one) == language_key(other)


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Every region CLDR names (ISO 3166-1 alpha-2, UN M.49 '419'); not its aliases ('UK')."""
    return frozenset(str(code) for code in Locale("en").territories)


@lru_cache(maxsize=256)
def locale_of(tag: str) -> Locale | None:
    """The Babel locale whose dates and words a page in `tag` uses, or None when CLDR has none:
    'pt-BR' -> pt_BR, 'no' -> no, 'iw' -> he, 'sh' -> sr_Latn, 'no-NO' -> no (CLDR has no
    no_NO: the language's own data, its script kept: 'sr-Latn-AT' is sr_Latn, not sr)."""
    found = subtags(tag)
    if found is None:
        return None
    language, script, region = found
    for parts in dict.fromkeys(((language, script, region), (language, script, ""))):
        try:  # Babel fills in a likely script: 'zh_TW' is zh_Hant_TW
            return Locale.parse("_".join(part for part in parts if part))
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None


_STRONG = {"L": "ltr", "R": "rtl", "AL": "rtl"}


def first_direction(markup: str) -> str:
    """'ltr' or 'rtl': the direction of the first letter of `markup`'s text that has one (its
    tags and character references skipped), as a browser's dir="auto" finds it; '' when
    no letter has a direction (digits, punctuation)."""
    skip = ""
    for char in markup:
        if skip:
            skip = "" if char == skip else skip
        elif char in "<&":
            skip = ">" if char == "<" else ";"
        elif char >= "A":
            found = _STRONG.get(unicodedata.bidirectional(char))
            if found:
                return found
    return ""


# Tags and character references of a body's HTML, left out when its letters are counted.
_MARKUP = re.compile(r"<[^>]*>|&[^;\s]*;")
_LETTER = re.compile(r"[^\W\d_]")
_TEXT_LETTER = re.compile(r"<[^>]*>|&[^;\s]*;|([^\W\d_])")  # a letter outside markup: group 1
# Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan...,
# their presentation forms, and the historic ones of the SMP): Unicode's R and AL blocks.
_RTL = "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
_RTL_CHAR, _RTL_LETTER = re.compile(_RTL), re.compile("(?=[^\\W\\d_])" + _RTL)
# Every byte but the first bytes of those characters in UTF-8 (D6-DF, E0: U+0590-08FF;
# EF: U+FB1D-FEFC; F0: the SMP's): a text whose UTF-8 holds none of them holds no such
# character (`_no_rtl`).
_NOT_RTL_LEADS = bytes(b for b in range(256) if not (0xD6 <= b <= 0xE0 or b in (0xEF, 0xF0)))


def _no_rtl(markup: str) -> bool:
    """Whether `markup` holds no right-to-left character (`_RTL`): its UTF-8 bytes are
    looked at first (bytes' `translate`, in C, about 4 ns a character where `re` takes
    about 25 for the pattern's ranges), and searched for the ranges only when it holds a
    byte such a character starts with (an Arabic letter's; a smart quote's is E2)."""
    if not markup.encode("utf-8", "surrogatepass").translate(None, _NOT_RTL_LEADS):
        return True
    return not _RTL_CHAR.search(markup)


def body_direction(markup: str) -> str:
    """'ltr' or 'rtl': the direction most of the letters of `markup`'s text are written in
    (tags and character references skipped), so that an English story opening with an
    Arabic quotation is 'ltr' and an Arabic one opening with "BBC" is 'rtl'; the first
    letter's direction when the two are even; '' when no letter has one (digits,
    punctuation, nothing)."""
    # The common case: no right-to-left character (ASCII: told at once; else `_no_rtl`,
    # about 4 ns a character), then scanned to the first letter only.
    if markup.isascii() or _no_rtl(markup):
        return "ltr" if any(m[1] for m in _TEXT_LETTER.finditer(markup)) else ""
    text = _MARKUP.sub(" ", markup)
    if not _RTL_LETTER.search(text):
        return "ltr" if _LETTER.search(text) else ""
    rtl = len(_RTL_LETTER.findall(text))
    ltr = len(_LETTER.findall(text)) - rtl
    if rtl == ltr:
        return first_direction(markup)
    return "rtl" if rtl > ltr else "ltr"


@lru_cache(maxsize=256)
def text_direction(tag: str) -> str:
    """'rtl' for text written right to left, else 'ltr': the direction of the tag's script
    when it names one ('ur-Latn', Roman Urdu, is 'ltr'; 'pa-Arab' is 'rtl'), else of the
    language's likely script (CLDR likely subtags: 'ur' -> Arab -> 'rtl', 'hi' -> Deva;
    'iw', the old code of Hebrew, -> 'rtl').

    A tag CLDR does not know is read left to right, HTML's default.
    """
    found = subtags(tag)
    if found is None:
        return "ltr"
    language, script, _ = found
    if not script:
        likely = get_global("likely_subtags").get(language, "")
        script = next((part for part in likely.split("_") if len(part) == 4), "")
    return _script_direction(script) if script else _language_direction(tag)


# Latin, the script of most sites, is written left to right (CLDR's character order of
# und_Latn): said here, it spares a build loading a locale's whole CLDR data (about 9 ms).
KNOWN_DIRECTIONS = {"Latn": "ltr"}


@lru_cache(maxsize=64)
def _script_direction(script: str) -> str:
    """A script's direction (ISO 15924 code, 'Arab'): that of its likeliest locale."""
    if script in KNOWN_DIRECTIONS:
        return KNOWN_DIRECTIONS[script]
    try:
        locale = Locale.parse(f"und_{script}")
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def _language_direction(tag: str) -> str:
    locale = locale_of(tag)
    if locale is None:
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def dir_attribute(tag: str) -> str:
    """' dir="rtl"' for a right-to-left language, '' otherwise (`<html>` is ltr by default,
    so left-to-right pages stay as they were)."""
    return ' dir="rtl"' if text_direction(tag) == "rtl" else ""


def text_attributes(tag: str, page: str) -> str:
    """' lang="ur" dir="rtl"' for an element holding text in language `tag` on a page in
    language `page` (W3C, "Language on the Web": text in another language says so); ' dir="auto"'
    when they are the same: text in the page's language may still be written in another
    direction (an Arabic headline on an English site whose story has no `language:`), so
    its own first strong letter chooses (W3C, "Inline markup and bidirectional text in
    HTML")."""
    if not tag or same_language(tag, page):
        return ' dir="auto"'
    return f' lang="{html.escape(tag)}" dir="{text_direction(tag)}"'


TAG_SYNTAX = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def tag_problem(tag: str) -> tuple[str, str] | None:
    """Why `tag` is not a language tag for `lang` (what is wrong, the fix with 'did you mean'
    when a tag is close), or None when it is one. The one rule of the `language` setting and
    front-matter field: BCP 47 syntax (hyphens, RFC 5646) and known to CLDR."""
    if locale_of(tag) is not None:
        return None
    region = _region_alias(tag.replace("_", "-"))  # 'en_uk' too
    if region:
        return (
            f"language {tag!r}: {region[0]!r} is not a region code in a language tag",
            f"did you mean '{region[1]}'? a region is written with its ISO 3166 code "
            "(GB for the United Kingdom), as in 'en-GB' or 'pt-BR'",
        )
    if tag.lower() in NOT_LANGUAGES:
        return (
            f"language {tag!r} names no one language (ISO 639 keeps 'und', 'mul', 'zxx' "
            "and 'mis' for undetermined, several, none and uncoded), so newsdigest cannot "
            "choose the words and dates of the page",
            "write the story's language, such as 'en', 'ur', 'hi' or 'pt-BR'",
        )
    country = COUNTRY_CODES.get(tag.lower())
    if country:
        return (
            f"language {tag!r} is a country's code, not a language's",
            f"did you mean '{country}'? a language is written with its own ISO 639 code "
            f"('{country}' for {Locale('en').languages[country]})",
        )
    guess = suggest(tag)
    name = _language_name(tag) if subtags(tag) else ""
    if "_" in tag and TAG_SYNTAX.fullmatch(tag.replace("_", "-")):
        guess = guess or tag.replace("_", "-")
        what = f"language {tag!r} is a locale name, not a language tag (BCP 47 uses '-', not '_')"
    elif name:  # a real language (tlh, Klingon) whose dates and words CLDR does not have
        return (
            f"language {tag!r} ({name}) is one newsdigest cannot write dates and "
            "the theme's words in: the Unicode CLDR data it uses has none for it",
            "write the tag of a language CLDR covers, such as 'en', 'ur', 'hi' or 'pt-BR'",
        )
    else:
        what = f"language {tag!r} is not a language tag newsdigest knows"
    fix = (f"did you mean '{guess}'? " if guess else "") + (
        "write a BCP 47 tag such as 'en', 'ur', 'hi' or 'pt-BR'"
    )
    return what, fix


def _region_alias(tag: str) -> tuple[str, str] | None:
    """(the region as written, the tag with CLDR's region for it) when the tag's region is
    an old or informal name of one ('en-UK' -> ('UK', 'en-GB')); None otherwise."""
    parts = tag.split("-")
    for number, part in enumerate(parts[1:3], start=1):
        replaced = get_global("territory_aliases").get(part.upper())
        if len(part) == 2 and replaced and part.upper() not in _regions():
            fixed = "-".join(parts[:number] + [str(replaced[0])] + parts[number + 1 :])
            return (part, fixed) if locale_of(fixed) is not None else None
    return None


def _language_name(tag: str) -> str:
    """The English name of the tag's language when ISO 639 names it but CLDR has no data
    for it ('tlh' -> 'Klingon'); '' for any other tag ('en-XX': CLDR has English)."""
    found = subtags(tag)
    language = found[0] if found else tag.partition("-")[0].lower()
    if locale_of(language) is not None:  # CLDR has the language: the rest of the tag is wrong
        return ""
    return str(Locale("en").languages.get(language, ""))


def suggest(value: str, exact: bool = False) -> str | None:
    """The known tag an editor probably meant: a language's English name ('Urdu' -> 'ur'),
    or (not `exact`) the name or tag closest in spelling (language_names.closest_tag);
    None when none is."""
    if value.strip().lower() in NO_VALUE:  # 'True' is no misspelling of Tatar's 'tt-RU'
        return None
    if value.strip().lower() in COUNTRY_CODES:
        return COUNTRY_CODES[value.strip().lower()]
    names = english_names()
    if value.strip().lower() in names:
        return names[value.strip().lower()]
    own = own_name_tag(value)
    if own is not None:  # 'Français' -> 'fr', 'Português (Brasil)' -> 'pt-BR': as the switcher
        return own
    return None if exact else closest_tag(value)


def autonym(tag: str) -> str:
    """A language's name in itself, as CLDR writes it: 'ur' -> 'اردو', 'hi' -> 'हिन्दी',
    'en' -> 'English'; the tag itself when CLDR has no name."""
    locale = locale_of(tag)
    name = locale.display_name if locale is not None else None
    return str(name) if name else tag


@lru_cache(maxsize=64)  # every page asks
def likely_locale(language: str) -> str:
    """language_TERRITORY for a BCP 47 language tag (Open Graph's og:locale): its own region
    ('pt-BR' -> 'pt_BR'), else CLDR's likely one ('hi' -> 'hi_IN', 'zh-Hant' -> 'zh_TW',
    'no' -> 'no_NO', 'iw' -> 'he_IL'); the language alone when CLDR has none, or when the
    tag's region is an area of several countries ('es-419', Latin America: 'es', never
    the likely 'es_ES', the one country the tag leaves out)."""
    found = subtags(language)
    if found is None:
        return language.replace("-", "_")
    code, script, region = found
    if region.isalpha():
        return f"{code}_{region}"
    if region:  # UN M.49 area ('419', '001'): no one country to name
        return code
    likely = get_global("likely_subtags")
    guess = likely.get(f"{code}_{script}" if script else code) or likely.get(code) or ""
    territory = next((part for part in str(guess).split("_")[1:] if len(part) == 2), "")
    return f"{code}_{territory}" if territory else code


def old_code(tag: str) -> tuple[str, str] | None:
    """(the language's English name, the tag to write) when `tag` is written with a
    deprecated code ('iw' -> ('Hebrew', 'he'), 'in-ID' -> ('Indonesian', 'id-ID'),
    'no-bok' -> ('Norwegian Bokmål', 'nb')); None for a current tag or no tag."""
    first = tag.split("-")[0].lower()
    if (first not in DEPRECATED and tag.lower() not in GRANDFATHERED) or not subtags(tag):
        return None
    current = preferred_tag(tag)
    return english_name(current), current


def english_name(tag: str) -> str:
    """The language's English name from CLDR ('ur-PK' -> 'Urdu (Pakistan)'), else the tag."""
    locale = locale_of(tag)
    name = locale.get_display_name("en") if locale is not None else None
    return str(name) if name else tag


def locale_fix(value: str) -> str:
    """What to write for a `locale` setting not in Open Graph's language_TERRITORY form:
    the language and territory typed, as CLDR reads them ('zh-Hant-TW' -> `locale =
    'zh_TW'`; a deprecated code as its current one, 'iw_IL' -> `locale = 'he_IL'`);
    without a territory of two letters ('fr', 'es-419'), the language with a placeholder
    the check refuses: never another language or a territory the value does not name."""
    found = subtags(value.strip().replace("_", "-")) if value.strip() else None
    language, _, region = found or ("", "", "")
    typed = re.split(r"[-_]", value.strip())[0].lower()
    if language and re.fullmatch(r"[a-z]{2,3}", typed) and typed not in DEPRECATED:
        language = typed  # 'tl_PH' is Facebook's own: only deprecated codes are changed
    if not re.fullmatch(r"[a-z]{2,3}", language):
        return (
            "locale = '<language>_<territory>', the language's code and the territory's "
            "in their place ('en_GB' is British English)"
        )
    if re.fullmatch(r"[A-Z]{2}", region):
        return f"locale = '{language}_{region}'"
    return (
        f"locale = '{language}_<territory>', with the two-letter code of the territory "
        f"the site is for in place of <territory> ('{language}_' and two capitals)"
    )
