"""IANA's Language Subtag Registry entries that newsdigest reads beside CLDR's aliases
(through Babel): the grandfathered whole tags and the deprecated language subtags, each
with its preferred value. Read by languages.py and index/language_sections.py.
"""

from __future__ import annotations

# RFC 5646 (2.2.8): the grandfathered tags whose IANA registry entry names a preferred
# value. CLDR's aliases (below, through Babel) know the deprecated language codes (`iw`,
# `in`, `sh`, `tl`, `mo`) but not these whole tags.
GRANDFATHERED = {
    "art-lojban": "jbo",
    "i-ami": "ami",
    "i-bnn": "bnn",
    "i-hak": "hak",
    "i-klingon": "tlh",
    "i-lux": "lb",
    "i-navajo": "nv",
    "i-pwn": "pwn",
    "i-tao": "tao",
    "i-tay": "tay",
    "i-tsu": "tsu",
    "no-bok": "nb",
    "no-nyn": "nn",
    "sgn-be-fr": "sfb",
    "sgn-be-nl": "vgt",
    "sgn-ch-de": "sgg",
    "zh-guoyu": "cmn",
    "zh-hakka": "hak",
    "zh-min-nan": "nan",
    "zh-xiang": "hsn",
    "en-gb-oed": "en-GB-oxendict",
}
# IANA's deprecated language subtags (the registry's Deprecated field) and their current
# codes: a page's lang="iw" is flagged by the Nu HTML checker ("deprecated: use he").
# Not `tl`, `sh` or `no`, which are current codes CLDR merely reads as others.
DEPRECATED = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}
