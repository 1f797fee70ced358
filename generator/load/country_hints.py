"""Why a place written as a story's country is not one, and which country was meant.

`country: EU` once got "did you mean 'Réunion'?" and `ON` "did you mean 'Tonga'?": two
letters are close in spelling to many codes, so codes are never matched by spelling. What an
editor writes instead of a country, and what they are told (no suggestion beats a wrong one):

- a group of countries or a region of the world ('EU', 'United Nations', 'Africa'): not a
  country, with how to file the story;
- a sports or everyday code ('GER', 'KSA', 'PRC'): the country it names;
- a country that no longer exists (pycountry's historic ISO 3166-3 list, 'Zaire', 'USSR',
  and older names, 'Ceylon'): its country of today when there is one;
- a part of a country's ISO name ('Åland' in 'Åland Islands', 'Saint Helena' in 'Saint
  Helena, Ascension and Tristan da Cunha'): that country;
- a state or province (ISO 3166-2 through pycountry, 'Texas', 'Ontario', or its code 'ON'):
  its country, or every country with a region of that code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from typing import Any

from generator.load import countries, iso3166
from generator.load.countries import by_code, plain
from generator.load.country_places import NEWS_PARTS, WHOLE_WORLD, several_countries
from generator.load.yaml_lines import inline
from generator.load.yaml_lists import written

# Groups and regions written where a country is meant: (what it is, a tag to file it by).
NOT_COUNTRIES = {
    "eu": "the European Union",
    "european union": "the European Union",
    "ez": "the euro area",
    "eurozone": "the euro area",
    "un": "the United Nations",
    "united nations": "the United Nations",
    "nato": "NATO",
    "asean": "ASEAN",
    "african union": "the African Union",
    "gulf": "the Gulf",
    "middle east": "the Middle East",
    "africa": "a continent",
    "europe": "a continent",
    "asia": "a continent",
    "north america": "a continent",
    "south america": "a continent",
    "latin america": "a region of the world",
    "oceania": "a continent",
    "antarctic": "a region of the world",
    "world": "the whole world",
    "global": "the whole world",
    "international": "the whole world",
} | dict.fromkeys(WHOLE_WORLD, "the whole world")  # 'Worldwide'

# Codes of sport (IOC, FIFA) and everyday abbreviations that are not ISO's.
OTHER_CODES = {
    "ger": "DE",
    "sui": "CH",
    "ned": "NL",
    "por": "PT",
    "rsa": "ZA",
    "ksa": "SA",
    "prc": "CN",
    "rok": "KR",
    "dprk": "KP",
    "den": "DK",
    "gre": "GR",
    "cro": "HR",
    "ina": "ID",
    "mas": "MY",
    "phi": "PH",
    "uru": "UY",
    "par": "PY",
    "chi": "CL",
    "bul": "BG",
    "lat": "LV",
    "zam": "ZM",
    "zim": "ZW",
    "nga": "NG",
    "alg": "DZ",
    "ang": "AO",
    "iri": "IR",
    "viet nam": "VN",
}

# Countries that changed their name or no longer exist, with the one country of today
# (pycountry's historic list names them; these are the names newsrooms remember).
FORMER = {
    "zaire": "CD",
    "ceylon": "LK",
    "persia": "IR",
    "siam": "TH",
    "rhodesia": "ZW",
    "southern rhodesia": "ZW",
    "dahomey": "BJ",
    "upper volta": "BF",
    "new hebrides": "VU",
    "east germany": "DE",
    "west germany": "DE",
    "german democratic republic": "DE",
    "sikkim": "IN",
    "byelorussia": "BY",
    "french afars and issas": "DJ",
    "bu": "MM",
    "zr": "CD",
    "dd": "DE",
    "dy": "BJ",
    "hv": "BF",
    "nh": "VU",
    "rh": "ZW",
    "tp": "TL",
    "tmp": "TL",
    "bur": "MM",
    "zar": "CD",
}


# Everyday names of countries pycountry's historic list names otherwise.
GONE = {"soviet union": "SU", "czechoslovak socialist republic": "CS"}


def explain(value: str) -> tuple[str, str] | None:
    """(what is wrong, the fix) for a place that is not a country but means one or none:
    None when `value` is none of the kinds above (then a spelling suggestion may help)."""
    key = plain(value)
    typed = " ".join(value.split())
    if not key:  # dots alone ('...'): no name, which every historic name's part would match
        return None
    if key in NOT_COUNTRIES:
        what = NOT_COUNTRIES[key]
        return (
            f"country {typed!r} is not a country: it is {what}",
            "write the country the story is filed under (where it happened, or the "
            f"country of the capital it is datelined from), and name {typed} in a tag: "
            f"tags: [{typed}]",
        )
    if key in OTHER_CODES or key in FORMER:
        today = country_name(OTHER_CODES.get(key) or FORMER[key])
        why = (
            "is not an ISO 3166 code or name" if key in OTHER_CODES else "is a former name or code"
        )
        return (
            f"country {typed!r} {why}",
            f"did you mean {today!r}? write 'country: {today}'",
        )
    if several := several_countries(typed):  # 'Multiple'
        return several
    return _historic(typed, key) or _part_of_a_country(typed, key) or _region(typed, key)


def country_name(code: str) -> str:
    return by_code(code).name


def _historic(typed: str, key: str) -> tuple[str, str] | None:
    import pycountry  # (its historic list: only for a country not known)

    for record in pycountry.historic_countries:
        codes = {str(getattr(record, a, "")).lower() for a in ("alpha_2", "alpha_3", "alpha_4")}
        names = {plain(part) for part in re.split(r",|\(", str(record.name))}
        if key in codes or key in names or GONE.get(key) == record.alpha_2:
            name = str(record.name).split(",")[0]
            return (
                f"country {typed!r} is {name}, which no longer exists (ISO 3166 withdrew it)",
                "write the country of today where the story happened",
            )
    return None


@cache
def _parts() -> dict[str, str]:
    """Each part of a country's ISO name that names only it, accent-free: 'aland' (Åland
    Islands), 'saint helena', 'ascension', 'bosnia', 'holy see', 'sint maarten'."""
    found: dict[str, set[str]] = defaultdict(set)
    for record in iso3166.countries():
        for attr in ("name", "official_name", "common_name"):
            for part in re.split(r",| and |\(|\)", str(getattr(record, attr, "") or "")):
                words = plain(part).removeprefix("the ")
                for each in {words, words.removesuffix(" islands"), words.removesuffix(" island")}:
                    if len(each) > 3 and each not in ("dutch part", "french part"):
                        found[each].add(str(record.alpha_2))
    return {part: next(iter(codes)) for part, codes in found.items() if len(codes) == 1}


def _part_of_a_country(typed: str, key: str) -> tuple[str, str] | None:
    code = _parts().get(key) or _parts().get(key.removesuffix("s"))  # 'Falklands'
    if code is None:
        return None
    name = country_name(code)
    return (
        f"country {typed!r} is not a country newsdigest knows by that name",
        f"did you mean {name!r}? write 'country: {name}' (its code: {code})",
    )


@cache
def _regions() -> tuple[dict[str, set[str]], dict[str, list[tuple[str, str]]]]:
    """ISO 3166-2 regions: accent-free name -> countries; the code after 'CA-' -> (region's
    name, country code) of each country that has a region so coded."""
    names: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    import pycountry  # (its ISO 3166-2 list: only for a country not known)

    for region in pycountry.subdivisions:
        country, _, code = str(region.code).partition("-")
        names[plain(str(region.name))].add(country)
        codes[code.lower()].append((str(region.name), country))
    return names, codes


def _region(typed: str, key: str) -> tuple[str, str] | None:
    names, codes = _regions()
    news = NEWS_PARTS.get(key)  # 'Gaza Strip', 'West Bank'; 'Gaza': Palestine first
    found = names.get(key, set()) | ({news} if news else set())
    if 0 < len(found) <= 3:
        countries = [country_name(c) for c in sorted(found, key=lambda c: (c != news, c))]
        return (
            f"country {typed!r} is a part of {' and of '.join(countries)}, not a country",
            "write the country, "
            + " or ".join(f"'country: {name}'" for name in countries)
            + f", and name {typed} in the story or a tag",
        )
    if re.fullmatch(r"[a-z]{2,3}", key) and key in codes:
        places = sorted({(country_name(c), region) for region, c in codes[key]})[:4]
        listed = ", ".join(f"{region} in {country}" for country, region in places)
        return (
            f"country {typed!r} is not a country code: ISO 3166-1 has no {typed.upper()!r} "
            f"(it is the code of a region: {listed})",
            "write the country's English name or its ISO code, such as 'country: Canada' "
            "or 'country: CA'",
        )
    return None


def unknown(name: str) -> tuple[str, str]:
    """(message, fix) for a `country` that names no country: two countries ('Korea'), a
    place with no ISO code ('Kosovo'), a city, a region or former country (`explain`),
    else a typo, with the closest name when one is close."""
    if either := countries.ambiguous(name):
        official = plain(name).removeprefix("the ") == "republic of china"  # prober4 L5
        return (
            f"country {name!r} can mean {either[0].name} or {either[1].name}"
            + (" (it is Taiwan's official name, often written for China's)" if official else ""),
            " or ".join(f"'country: {c.name}' ({c.code})" for c in either),
        )
    if place := countries.without_code(name):
        within = countries.WITHIN.get(place)
        return (
            f"country {name!r}: {place} has no ISO 3166 country code "
            + ("(XK, which some use, is not assigned by ISO)" if place == "Kosovo" else "")
            + (f"(ISO 3166 lists it within {within})" if within else "")
            + ", and newsdigest files every story under one",
            "write the country whose page the story belongs on"
            + (f", such as 'country: {within}'," if within else ",")
            + f" and name {place} in the title, the summary or a tag (tags: [{place}])",
        )
    if city := countries.city(name):
        return (
            f"country {name!r} is a city, not a country",
            f"write the country, such as 'country: {city}'",
        )
    explained = explain(name)
    if explained is not None:
        return explained
    other = _in_another_language(name)
    if other is not None:
        return other
    hint = did_you_mean(name)
    return (
        f"country {name!r} is not a country newsdigest knows",
        hint + "use an English name or an ISO code such as 'GB' or 'IND'",
    )


def did_you_mean(name: str) -> str:
    """ "did you mean 'India'? " for a close spelling (every country a spelling names:
    "did you mean 'North Korea' or 'South Korea'? "), else ''."""
    close = countries.suggest(name)
    return f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""


# Languages whose names of countries (CLDR, through Babel) an editor may type.
_LANGUAGES = tuple(
    [
        "ar",
        "zh",
        "es",
        "de",
        "ru",
        "fr",
        "pt",
        "ja",
        "ko",
        "hi",
        "ur",
        "it",
        "nl",
        "tr",
        "fa",
        "pl",
        "sv",
        "uk",
        "id",
        "bn",
        "ms",
        "th",
        "vi",
        "he",
        "el",
        "cs",
        "ro",
        "hu",
        "fi",
        "da",
        "nb",
        "sw",
        "ta",
        "pa",
    ]
)


@cache
def _foreign_names() -> dict[str, dict[str, set[str]]]:
    """A country's name in each of _LANGUAGES (NFC, casefolded) -> its codes -> the
    languages that name it so: 'deutschland' -> {'DE': {'de'}}."""
    import unicodedata

    from babel import Locale

    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for language in _LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and countries.lookup(code) is not None:
                key = unicodedata.normalize("NFC", name).casefold()
                found[key][code].add(language)
    return found


def _in_another_language(name: str) -> tuple[str, str] | None:
    """(message, fix) for a country typed in another language ('Deutschland', 'Россия',
    '中国', or 'السعودية', a part of one name only): the English name, or every country
    the name may mean; None when no language of _LANGUAGES names a country so."""
    import unicodedata

    from babel import Locale

    key = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    table = _foreign_names()
    codes = table.get(key)
    if codes is None and len(key) >= 4:  # a word of one name only: 'السعودية'
        parts = {c: langs for n, cs in table.items() if key in n.split() for c, langs in cs.items()}
        codes = parts if len(parts) == 1 else None
    if not codes:
        return None
    english = Locale.parse("en").languages
    said = sorted({english.get(lang, lang) for langs in codes.values() for lang in langs})
    meant = sorted((countries.by_code(code).name, code) for code in codes)
    return (
        f"country {name!r} is {' or '.join(m for m, _ in meant)} in {' and '.join(said)}; "
        "newsdigest reads countries by their English name or ISO code",
        " or ".join(f"write 'country: {m}' ({c})" for m, c in meant),
    )


_BETWEEN = re.compile(r"(\s*(?:[,;/&]|\band\b)\s*)")


def _read(pieces: list[str], joins: list[str]) -> list[tuple[str, bool]]:
    """The pieces of a list read as countries: each run of pieces (with the text typed
    between them) that `lookup` knows is one country, so a name that holds ', ', 'and' or
    '&' stays whole ('Korea, Republic of', 'Bosnia and Herzegovina'); a piece no run
    makes a country is (piece, False). The reading with fewest unknown pieces, then
    fewest countries, wins: [(name or piece, known)]."""
    best: list[tuple[tuple[int, int], list[tuple[str, bool]]]] = [((0, 0), [])]
    for end in range(1, len(pieces) + 1):
        (bad, count), read = best[end - 1]
        options = [((bad + 1, count + 1), [*read, (pieces[end - 1].strip(), False)])]
        for start in range(end):
            between = zip(pieces[start : end - 1], joins[start : end - 1], strict=True)
            found = countries.lookup("".join(p + j for p, j in between) + pieces[end - 1])
            (bad, count), read = best[start]
            if found is not None:
                options.append(((bad, count + 1), [*read, (found.name, True)]))
        best.append(min(options, key=lambda option: option[0]))
    return best[-1][1]


def _unknown_piece(piece: str) -> str:
    either = countries.ambiguous(piece)
    if either:
        return f"{piece!r} can mean {either[0].name} or {either[1].name}: name the one meant"
    return f"{piece!r} is not a country newsdigest knows"


def one_of_several(typed: str) -> str | None:
    """The one country that every piece of a name typed as several names ('England and
    Wales', 'Scotland, Wales': tester 3, L18), else None."""
    split = _BETWEEN.split(typed.strip())
    read = _read(split[::2], [*split[1::2], ""]) if len(split) >= 3 else []
    names = {name for name, known in read if known}
    return names.pop() if read and all(k for _, k in read) and len(names) == 1 else None


def several(typed: Any, tags: Any) -> tuple[str, str] | None:
    """(message, fix) for a country typed as several: a list (`[IN, PK]`) or names between
    commas, 'and', '/' or '&' that are each a country and together none (`India,
    Pakistan`, `Bosnia and Herzegovina, Croatia`); None otherwise. The fix keeps the first
    country as `country:` and names the others in the story's topics, each under the name
    the site publishes ('PK' as Pakistan, 'Holland' as Netherlands), never as typed, and
    never a part of one name (`[Korea, Republic of]` is South Korea): it names only
    countries `lookup` accepts, and says which pieces are none."""
    if isinstance(typed, str):
        split = _BETWEEN.split(typed.strip())
        if len(split) < 3 or countries.lookup(typed):  # one name: most stories
            return None
        read = _read(split[::2], [*split[1::2], ""])
        if len(read) < 2 or not all(k for _, k in read) or one_of_several(typed):
            return None
    elif isinstance(typed, list) and typed and all(isinstance(n, str) for n in typed):
        read = _read(typed, [", "] * len(typed))
    else:
        return None
    named = list(dict.fromkeys(name for name, known in read if known))
    kept = [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
    topics = ", ".join(written(t) for t in dict.fromkeys([*kept, *named[1:]]))
    others = f", and name the others in its topics: tags: [{topics}]" * (len(named) > 1)
    unknown = "; ".join(_unknown_piece(piece) for piece, known in read if not known)
    shown = inline(typed) if isinstance(typed, list) else typed
    first = f"country: {written(named[0])}" if named else "country: with the country meant"
    return (
        f"country must be one country, not a list ({shown}): a story is filed under the "
        "one country it is about",
        f"write {first}{others}" + f" ({unknown})" * bool(unknown),
    )
