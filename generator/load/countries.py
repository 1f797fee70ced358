"""Country names and codes -> one canonical Country, with a 'did you mean' for typos."""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any

import pycountry

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
    "vatican": "VA",
    "micronesia": "FM",
    "brunei": "BN",
    "congo": "CG",
    "dr congo": "CD",
    "democratic republic of the congo": "CD",
    "east timor": "TL",
    "cape verde": "CV",
    "swaziland": "SZ",
    "burma": "MM",
}


# Names readers know, where ISO's common name is the formal one.
DISPLAY = {
    "RU": "Russia", "VN": "Vietnam", "KR": "South Korea", "KP": "North Korea", "LA": "Laos",
    "PS": "Palestine", "CD": "DR Congo", "FM": "Micronesia", "VA": "Vatican City",
    "VG": "British Virgin Islands", "VI": "US Virgin Islands",
}


def _display_name(record: Any) -> str:
    code = str(record.alpha_2)
    return DISPLAY.get(code) or str(getattr(record, "common_name", None) or record.name)


@cache
def _names() -> dict[str, str]:
    """Lower-cased name or code -> alpha-2 code, for every country."""
    table: dict[str, str] = {}
    for record in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if value:
                table[value.casefold()] = record.alpha_2
    for alias, code in ALIASES.items():
        table.setdefault(alias, code)
    for code, name in DISPLAY.items():  # the names the site shows are accepted too
        table.setdefault(name.casefold(), code)
    return table


@cache
def by_code(code: str) -> Country:
    record = pycountry.countries.get(alpha_2=code)
    assert record is not None, code
    return Country(record.alpha_2, _display_name(record))


def lookup(value: str) -> Country | None:
    """The country `value` names (English name or alpha-2/alpha-3 code), or None."""
    code = _names().get(" ".join(value.split()).casefold())
    return by_code(code) if code else None


def suggest(value: str) -> str | None:
    """The canonical name closest to an unknown `value`, for a 'did you mean' hint."""
    names = _names()
    match = difflib.get_close_matches(value.casefold(), list(names), n=1, cutoff=0.6)
    return by_code(names[match[0]]).name if match else None
