"""Country names and codes -> one canonical Country, with a 'did you mean' for typos."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache
from typing import Any

from generator.load import iso3166
from generator.load.cities import CITIES
from generator.model import Country

# Everyday names that ISO 3166 spells differently.
ALIASES = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "iran": "IR",
    "syria": "SY",
    "vietnam": "VN",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "turkey": "TR",
    "czech republic": "CZ",
    "the netherlands": "NL",
    "holland": "NL",
    "palestine": "PS",
    # the World Bank's and the UN's names for Venezuela and Palestine (prober5 P10)
    "venezuela, rb": "VE",
    "west bank and gaza": "PS",
    "occupied palestinian territory": "PS",
    "palestinian territories": "PS",
    "vatican": "VA",
    "micronesia": "FM",
    "brunei": "BN",
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of the congo": "CD",
    "congo-kinshasa": "CD",
    "congo-brazzaville": "CG",
    "uae": "AE",
    "macedonia": "MK",
    "fyrom": "MK",  # its name 1993-2019, in older copy (prober3 L5)
    "former yugoslav republic of macedonia": "MK",
    "the former yugoslav republic of macedonia": "MK",
    "east timor": "TL",
    "cape verde": "CV",
    "swaziland": "SZ",
    "burma": "MM",
    "bosnia-herzegovina": "BA",
    "republic of congo": "CG",
    "democratic republic of congo": "CD",
    # common English names and short forms of ISO's names (tester 3, M4): each is
    # published under the site's one name, with a note when that name is another
    "macau": "MO",
    "hksar": "HK",
    "holy see": "VA",
    "vatican city state": "VA",
    "falklands": "FK",
    "faroes": "FO",
    "aland": "AX",
    "caymans": "KY",
    "solomons": "SB",
    "northern marianas": "MP",
    "turks and caicos": "TC",
    "pitcairn islands": "PN",
    "cocos islands": "CC",
    "keeling islands": "CC",
    "caribbean netherlands": "BQ",
    "bvi": "VG",
    "usvi": "VI",
    "us virgin islands": "VI",
    "united states virgin islands": "VI",
    "us minor outlying islands": "UM",
    "heard and mcdonald islands": "HM",
    "st maarten": "SX",
    "saint maarten": "SX",
    "st barts": "BL",
    "st barths": "BL",
    "lao pdr": "LA",
    "timor leste": "TL",
    "guinea bissau": "GW",
    "congo (kinshasa)": "CD",
    "congo (brazzaville)": "CG",
    "bharat": "IN",
    "hindustan": "IN",
    "great britain and northern ireland": "GB",
    "n korea": "KP",
    "s korea": "KR",
}


# Names that mean two countries: refused, with both named (the codes are never ambiguous).
AMBIGUOUS = {
    "korea": ("KR", "KP"),
    "congo": ("CG", "CD"),
    "the congo": ("CG", "CD"),
    "virgin islands": ("VG", "VI"),
    # Taiwan's official name, often confused with the People's Republic's
    "republic of china": ("TW", "CN"),
    "the republic of china": ("TW", "CN"),
}

# The form of state in front of a country's name ('Republic of Ireland', 'Kingdom of
# Norway', 'Islamic Republic of Pakistan'): a name so written is the country after it.
# Not 'State of' (a US state: 'State of Georgia'), nor 'Special Administrative Region of'.
_FORM = re.compile(
    r"^(?:the )?(?:(?:united|federal|federative|democratic|people's|socialist|islamic|arab|"
    r"bolivarian|eastern|hashemite|independent|plurinational|grand|co-operative|"
    r"cooperative) )*(?:republic|kingdom|principality|duchy|commonwealth|sultanate|"
    r"emirates?|confederation|federation|union) of (?:the )?"
)

# Hong Kong and Macao written as China's Special Administrative Regions ('Hong Kong SAR',
# 'Macau SAR, China', 'Hong Kong, China', 'Hong Kong (China)'; the World Bank's 'Taiwan,
# China'): the place is the country
# ISO 3166-1 lists (HK, MO, TW), not China.
_SAR = re.compile(
    r"(.+?)(?:,? (?:sar|special administrative region)(?: of)?)?"
    r"(?:,? (?:the )?(?:china|prc|people's republic of china)| \((?:china|prc|sar)\))?"
)

# Places newsrooms write as countries that ISO 3166-1 gives no code (XK is a code some
# use for Kosovo, but ISO has not assigned it): refused with a message saying so.
NO_CODE = {
    "kosovo": "Kosovo",
    "xk": "Kosovo",
    "republic of kosovo": "Kosovo",
    "northern cyprus": "Northern Cyprus",
    "north cyprus": "Northern Cyprus",
    "trnc": "Northern Cyprus",
    "turkish republic of northern cyprus": "Northern Cyprus",
    "somaliland": "Somaliland",
    "transnistria": "Transnistria",
    "south ossetia": "South Ossetia",
}
# The country ISO 3166 lists such a place within, offered in the fix (prober4 L5).
WITHIN = {
    "Northern Cyprus": "Cyprus",
    "Somaliland": "Somalia",
    "Transnistria": "Moldova",
    "South Ossetia": "Georgia",
}

# Parts of a country that ISO 3166-1 does not list: accepted, published under the country,
# with a note so the editor knows (see README, "country").
NATIONS = {"england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB"}

# A suggestion must be at least this similar (difflib ratio) to help: "Indai" -> India
# (0.8) is; "Nairobi" -> Namibia (0.71) and "Narnia" -> Armenia (0.77) are not.
SUGGEST_CUTOFF = 0.8

# Names readers know, where ISO's common name is the formal one.
DISPLAY = {
    "RU": "Russia",
    "VN": "Vietnam",
    "KR": "South Korea",
    "KP": "North Korea",
    "LA": "Laos",
    "PS": "Palestine",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "FM": "Micronesia",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "BN": "Brunei",
    "ST": "São Tomé and Príncipe",  # ISO writes it without its accents
    "FK": "Falkland Islands",
    "MF": "Saint Martin",
    "SX": "Sint Maarten",
}

_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def _display_name(record: Any) -> str:
    code = str(record.alpha_2)
    return DISPLAY.get(code) or str(getattr(record, "common_name", None) or record.name)


@cache
def _names() -> dict[str, str]:
    """Lower-cased name or code -> alpha-2 code, for every country."""
    table: dict[str, str] = {}
    for record in iso3166.countries():
        for attr in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if value:
                table[_key(value)] = record.alpha_2
                if "(" in value:  # 'Falkland Islands (Malvinas)': 'Falkland Islands'
                    table.setdefault(_key(_PARENTHESIS.sub("", value)), record.alpha_2)
        inverted = re.fullmatch(r"(.+), ((?:the )?.+ of(?: the)?)", _key(str(record.name)))
        if inverted:  # 'Korea, Republic of' -> 'republic of korea'
            table.setdefault(f"{inverted.group(2)} {inverted.group(1)}", record.alpha_2)
    for alias, code in ALIASES.items():
        table.setdefault(alias, code)
    for code, name in DISPLAY.items():  # the names the site shows are accepted too
        table.setdefault(name.casefold(), code)
    return table


@cache
def by_code(code: str) -> Country:
    record = iso3166.by_alpha_2().get(code.lower())
    assert record is not None, code
    return Country(record.alpha_2, _display_name(record))


def _key(value: str) -> str:
    """Case, spacing and Unicode form (NFC) do not matter: 'Côte' composed or decomposed."""
    text = unicodedata.normalize("NFC", value).replace("\u2019", "'")
    return " ".join(text.split()).casefold()


def _bare(key: str) -> str:
    """A _key without its accents (diacritics): 'türkiye' -> 'turkiye'."""
    decomposed = unicodedata.normalize("NFD", key)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@cache
def _bare_names() -> dict[str, str]:
    """_names' names without their accents -> alpha-2 code: each spelling of a name, with or
    without its diacritics, is that country ('Turkiye', 'Sao Tome', 'São Tomé')."""
    table: dict[str, str] = {}
    for name, code in _names().items():
        table.setdefault(_bare(name), code)
    return table


def _plain(value: str) -> str:
    """_key without accents: 'São Paulo' and 'Sao Paulo' match the city list alike."""
    decomposed = unicodedata.normalize("NFD", _key(value))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(".", "")


def plain(value: str) -> str:
    """Lower case, accents and dots off, 'St' read as 'Saint': 'St. Helena' -> 'saint helena'."""
    text = unicodedata.normalize("NFD", " ".join(value.split()).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace(".", " ")
    text = " ".join(text.replace("\u2019", "'").split())
    return re.sub(r"^(st|ste)\b", "saint", text)


def lookup(value: str) -> Country | None:
    """The country `value` names (English name or alpha-2/alpha-3 code), or None.

    A leading 'the' and the dots of an abbreviation are not needed to match ('The
    Gambia', 'U.S.'); a name of two countries (AMBIGUOUS) matches none."""
    key = _key(value)
    if key in AMBIGUOUS:
        return None
    names = _names()
    code = names.get(key) or names.get(key.removeprefix("the "))
    if code is None and _SHORTENED.search(key):  # 'Korea, Rep.', 'Czech Rep.' (prober4 L5)
        return lookup(_SHORTENED.sub(lambda m: _SHORT[m.group(1)], key))
    if code is None and "." in key:  # 'U.S.', 'U. S. Virgin Islands', 'D.R. Congo'
        return lookup(_undotted(key))
    if code is None and (sar := _SAR.fullmatch(key)) and sar.group(1) != key:
        found = lookup(sar.group(1))  # 'Hong Kong SAR', 'Macau SAR, China' (prober4 M5)
        if found is not None and found.code in ("HK", "MO", "TW"):  # "Taiwan, China": WB
            return found
    form = _FORM.match(key) if code is None else None
    if form is not None and key[form.end() :] not in AMBIGUOUS:  # 'Republic of Ireland'
        code = names.get(key[form.end() :])
    if code is None:  # 'Turkiye', 'São Tomé and Príncipe': a name with or without accents
        bare = _bare_names()
        code = bare.get(_bare(key)) or bare.get(_bare(key.removeprefix("the ")))
    if code is None and "&" in key:  # 'Trinidad & Tobago': '&' for 'and' in one name
        return lookup(re.sub(r"\s*&\s*", " and ", key))
    if code is None and re.match(r"ste?\.? ", key):  # 'St Kitts and Nevis', 'St. Lucia'
        return lookup(re.sub(r"^(st)(e?)\.? ", r"saint\2 ", key))
    if code is None and "-" in key:  # 'Saint-Martin', the French spelling of Saint Martin
        found = lookup(key.replace("-", " "))
        code = found.code if found else None
    if code is None and ", " in key:  # 'Guinea, Republic of', 'Korea, South', 'Gambia, The'
        return lookup(_reordered(key))
    if code is None and re.fullmatch(r"[^()]+ \([^()]+\)", key):
        return _bracketed(key)
    return by_code(code) if code else None


def _bracketed(key: str) -> Country | None:
    """A name with a part in brackets, as the UN lists write them: the inverted order
    ('Iran (Islamic Republic of)', 'Korea (South)'), or two names of one country
    ('Taiwan (Republic of China)', 'Vatican City State (Holy See)'); else None."""
    name, _, inner = key[:-1].partition(" (")
    inverted = lookup(f"{inner} {name}")
    if inverted is not None:
        return inverted
    codes = [{c.code} if (c := lookup(n)) else set(AMBIGUOUS.get(n, ())) for n in (name, inner)]
    both = codes[0] & codes[1]
    return by_code(both.pop()) if len(both) == 1 else None


def _undotted(key: str) -> str:
    """A name with its dots off, the letters of dotted initials joined: 'u.s. virgin
    islands', 'u. s. virgin islands' and 'u.s.virgin islands' -> 'us virgin islands',
    'lao p.d.r.' -> 'lao pdr', 'n. korea' -> 'n korea', 'st. lucia' -> 'st lucia'
    (prober4 H2)."""
    key = _INITIALS.sub(lambda m: m.group(0).replace(".", "") + " ", key)
    words = key.replace(".", " ").split()
    joined: list[str] = []
    for word, before in zip(words, ["", *words], strict=False):  # ('...': no words)
        if len(word) == 1 and len(before) == 1 and word.isalpha() and before.isalpha():
            joined[-1] += word  # 'u. s.': initials written with spaces
        else:
            joined.append(word)
    return " ".join(joined)


# Dotted initials written together: 'u.s.', 'u.s', 'p.d.r.' (the dot after the last one
# optional).
_INITIALS = re.compile(r"(?<![\w.])\w(?:\.\w)+(?!\w)\.?")


# Words the World Bank's and other lists shorten: 'Korea, Rep.', 'Congo, Dem. Rep.',
# 'Micronesia, Fed. Sts.'.
_SHORT = {"rep": "republic", "dem": "democratic", "fed": "federated", "sts": "states"}
_SHORTENED = re.compile(r"\b(rep|dem|fed|sts)\b\.?")


def _reordered(key: str) -> str:
    """A name written in a list's inverted order, the form after a comma, put back in
    order: 'guinea, republic of' -> 'republic of guinea', 'korea, south' -> 'south korea',
    'korea, republic' -> 'republic of korea' (the World Bank's lists write no 'of')."""
    name, comma, form = key.rpartition(", ")
    if comma and re.search(r"\b(?:republic|kingdom|states|federation|union)$", form):
        form += " of"
    return f"{form} {name}".strip()


def ambiguous(value: str) -> tuple[Country, ...]:
    """The countries a name of two means ('Korea': South Korea, North Korea), else ()."""
    return tuple(by_code(code) for code in AMBIGUOUS.get(_key(value), ()))


def without_code(value: str) -> str | None:
    """The name of a place ISO 3166-1 gives no country code ('Kosovo'), else None."""
    return NO_CODE.get(_key(value))


def note(value: str) -> str | None:
    """A note for a name accepted as part of a country ('England'), else None."""
    code = NATIONS.get(_key(value))
    if code is None:
        return None
    return (
        f"country {' '.join(value.split())!r} is published as {by_code(code).name} "
        "(ISO 3166 lists countries, not their nations)"
    )


def renamed(value: str, country: Country) -> str | None:
    """A note for a name the site publishes as another ('Turkey' as Türkiye, 'Burma' as
    Myanmar, 'Brunei Darussalam' as Brunei, 'The Gambia' as Gambia, 'Iran, Islamic
    Republic of' as Iran), else None: not for a code or an abbreviation of four letters or
    fewer ('UK', 'U.S.', 'DEU'), nor for the published name's own words spelt otherwise:
    case, spacing, accents, dots, hyphens, '&' for 'and', 'St' for 'Saint', a list's
    order ('Turkiye', 'Saint-Martin', 'St. Lucia', 'Trinidad & Tobago', 'Korea, South')
    (prober3 M8)."""
    if len(re.sub(r"[\W_]", "", value)) <= 4 or _spelt(value) == _spelt(country.name):
        return None
    return (
        f"country {' '.join(value.split())!r} is published as {country.name}, the name the "
        "site gives that country"
    )


def _spelt(name: str) -> str:
    """A name's words, spelling aside: 'St. Lucia & Co' -> 'saintluciaandco'."""
    text = _reordered(plain(name.replace("&", " and ").replace("-", " ")))  # 'Korea, South'
    text = _SHORTENED.sub(lambda m: _SHORT[m.group(1)], text)  # 'Dominican Rep.'
    return re.sub(r"[\W_]", "", text)


def city(value: str) -> str | None:
    """The country of a well-known city named where a country was expected, else None."""
    code = CITIES.get(_plain(value))
    return by_code(code).name if code else None


def suggest(value: str) -> tuple[str, ...]:
    """The canonical names closest to an unknown `value`, for a 'did you mean' hint.

    () unless the match is close (SUGGEST_CUTOFF): a far suggestion misleads. Names only
    (ISO's names, common and official names, everyday ones), compared without accents and
    without the form of state ('Republic of Irland' is compared as 'irland', so it is never
    'Republic of Iceland'), and only for a value of four letters or more: a code ('EU',
    'ON') is close in spelling to many codes and names ('RE', 'Tonga') that it does not
    mean (country_hints.explain says what such a code is). A spelling of several
    countries ('Koreaa': South Korea, North Korea), or several spellings as close, gives
    every country they name.
    """
    typed = _core(plain(value).rpartition(", ")[0] or plain(value))  # 'Irland, Republic of'
    if len(typed.replace(" ", "")) < 4:
        return ()
    names = _spellings()
    scored = []
    for spelling, codes in names.items():
        matcher = difflib.SequenceMatcher(None, typed, spelling)
        if matcher.real_quick_ratio() >= SUGGEST_CUTOFF <= matcher.quick_ratio():
            scored.append((matcher.ratio(), codes))
    best = max((ratio for ratio, _ in scored), default=0.0)
    if best < SUGGEST_CUTOFF:
        return ()
    found = [by_code(code).name for ratio, codes in scored if ratio == best for code in codes]
    return tuple(dict.fromkeys(found))


def _core(name: str) -> str:
    """An accent-free name without its form of state: 'republic of ireland' -> 'ireland'."""
    form = _FORM.match(name)
    return name[form.end() :] if form and name[form.end() :] else name


@cache
def _spellings() -> dict[str, tuple[str, ...]]:
    """_names without codes (three letters or fewer), accent-free and without the form of
    state, with AMBIGUOUS's names: what `suggest` compares -> the countries each names."""
    found: dict[str, set[str]] = {}
    for name, code in _names().items():
        if len(name) > 3:
            found.setdefault(_core(plain(name)), set()).add(code)
    for name, codes in AMBIGUOUS.items():  # 'korea'; 'republic of china' as typed
        found.setdefault(plain(name), set()).update(codes)
    return {name: tuple(sorted(codes)) for name, codes in found.items()}
