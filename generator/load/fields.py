"""The article format: every front-matter field declared once, with what it means.

`load.validate` checks the fields (its list of known fields comes from here) and README's
table of fields ("Writing an article") is `readme_table()` (tested).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Field:
    """One front-matter field; a dotted name is a field inside another (`credits.author`)."""

    name: str
    required: bool
    meaning: str


FIELDS = (
    Field(
        "title",
        True,
        "the headline, one line of plain text (HTML in it, `<b>hits</b>` or `AT&amp;T`, is "
        "published as typed, on the page and in feeds whose readers may read it as HTML: a "
        "warning on its line, whose fix is the headline without it; the same for `summary`; "
        "in the headline alone, a `<` before a letter that is no HTML, `The <Company> "
        "rebrand`, is a warning too, as those readers would leave it out: its fix writes "
        "`The ‹Company› rebrand`; in a summary, which feeds carry escaped as HTML, it is "
        "text, with nothing said)",
    ),
    Field(
        "date",
        True,
        "publication time, ISO 8601 with an offset (`2025-06-25T15:27:00+05:30`; the "
        "offset may also be written `+0530` or `+05`, ISO 8601's other forms, as many "
        "exports write it: the same instant, published as `+05:30`; an offset past ±14:00"
        " or with minutes past 59 is an error); a date alone or a time without offset is "
        "read in the site's `timezone`. A story is dated to the second: a fraction of a "
        "second (`10:00:00.5`, a Hugo export's `10:00:00.123456789`), in `date`, `updated` "
        "or a correction's `date`, is dropped with a warning on its line that gives the "
        "time without it (HTML's `<time>` holds at most three digits of it, and every place "
        "the time is published, the page, JSON-LD and feeds, carries the same value); a "
        "fraction of zeros only (`.000`, as JavaScript and many CMSs export) loses "
        "nothing and is not warned. "
        "A time without offset that the site's clock skips"
        " (daylight saving) is an error; one in the repeated hour is a warning and is "
        "read as the first of the two. Years 1000 to 9999 (feeds and archives need four "
        "digits), in UTC and on the site's clock: `1000-01-01T02:00:00Z` is still 999 in Los "
        "Angeles and `9999-12-31T10:00:00Z` already 10000 in Kiritimati (UTC+14), both "
        "errors on their line. A story on 9999-12-31 is published, but its day never joins "
        "the daily-digest feed (the day ends in the year 10000); a date more than a year "
        "ahead is a warning",
    ),
    Field(
        "updated",
        False,
        "last substantive update, same format, not before `date` and not after the build's "
        "time (`--now`), unless the story itself is still scheduled",
    ),
    Field(
        "country",
        True,
        "an English name (`India`, `Côte d'Ivoire`, `UK`, `UAE`, `DRC`, `U.S.`, `The Gambia`) "
        "or an ISO 3166-1 code (`NZ`, `DEU`, `NO`); shown by its common name and published at "
        "`/countries/<alpha-2>/`. A name written with its form of state is that country "
        "(`Republic of Ireland`, `Republic of Korea` or `Korea, Republic of`, `Kingdom of "
        "Norway`, `Islamic Republic of Pakistan`), also in a list's inverted order, the form "
        "after a comma (`Guinea, Republic of`, `Congo, Republic of the`, `Korea, South`, "
        "`Gambia, The`), the World Bank's shortened words too (`Korea, Rep.` is South Korea, "
        "`Korea, Dem. People's Rep.` North Korea, `Congo, Dem. Rep.` DR Congo, with the note; "
        "`Dominican Rep.` with none), as is ISO's official name (`Plurinational "
        "State of Bolivia`). A typo is an error that suggests a country only when it is close "
        "(`Indai` -> India), compared with ISO's names, common and official names without the "
        "form of state (`Republic of Kenia` or `Kenia, Republic of` -> Kenya, never a "
        "country spelt alike such as "
        "Iceland for Ireland); a spelling as close to several countries names them all "
        "(`Koreaa`: North Korea or South Korea); a well-known city (`Nairobi`) is an error that"
        " names its country; a name of two countries (`Korea`, `Congo`) is an error that names "
        "both (`South Korea`/`North Korea`, `Republic of the Congo`/`DR Congo`, or the codes). "
        "`England`, `Scotland`, `Wales` and `Northern Ireland` are published as United Kingdom,"
        " with a note (a warning) saying so; so is every other name the site publishes as "
        "another: `Turkey` as Türkiye, `Holland` as Netherlands, `Burma` as Myanmar, `Czech "
        "Republic` as Czechia, `Ivory Coast` as Côte d'Ivoire, `Swaziland` as Eswatini, `Great "
        "Britain` as United Kingdom, `Macedonia` (and `FYROM`) as North Macedonia, "
        "`Vatican` and `Holy See` "
        "as Vatican City, `Macau` as Macao, `Falklands` as Falkland Islands, `Bharat` as India "
        "(a country has one name on the site, its page and its "
        "feeds, whatever each story typed: the note says which, and writing that name silences"
        " it). Every name published with a word added, dropped or changed gets the note: "
        "`Brunei Darussalam` as Brunei, `Republic of North Macedonia` as North Macedonia, "
        "`The Gambia` as Gambia, `The Netherlands` as Netherlands, `Russian Federation` as "
        "Russia, `Iran, Islamic Republic of` and `Iran (Islamic Republic of)` as Iran, "
        "`Taiwan, Province of China` as Taiwan, `Korea (South)` as South Korea, `Falkland "
        "Islands (Malvinas)` as Falkland Islands. Nothing is said for a code or an "
        "abbreviation of four letters or fewer (`UK`, `U.S.`, `DEU`), nor for the published "
        "name's own words spelt otherwise: case, accents, dots, spaces, hyphens, a list's "
        "inverted order (every country's name with or without its accents: `Cote d'Ivoire`, "
        "`Turkiye`, `Sao Tome and Principe`, published as `São Tomé and Príncipe` with the "
        "accents ISO's list leaves out, `Curacao`; `Saint-Martin`, the French spelling, as "
        "Saint Martin; `Korea, South`, `Viet Nam`, `Virgin Islands, U.S.`; dotted initials, "
        "together or spaced, are the letters: `U.S. Virgin Islands`, `U. S. Virgin Islands`, "
        "`D.R. Congo`, `St. Lucia`, `Lao P.D.R.`, `U.K.`). "
        "Common English names and short forms are accepted (`Falkland Islands`, `Holy See`, "
        "`Macau`, `Åland`, `Faroes`, `Saint Martin`, `Sint Maarten`, `N. Korea`, `Lao PDR`); "
        "Hong Kong and Macao written as China's Special Administrative Regions are "
        "themselves, not China, with the note (`Hong Kong SAR`, `Hong Kong S.A.R.`, `HKSAR`, "
        "`Hong Kong, China`, `Hong Kong (China)`, `Macau SAR, China` as Hong Kong or Macao), "
        "and so is Taiwan in the World Bank's form (`Taiwan, China` as Taiwan); the World "
        "Bank's `Venezuela, RB` is Venezuela and its `West Bank and Gaza` (as the UN's "
        "`Occupied Palestinian Territory` and `Palestinian Territories`) Palestine, with the "
        "note; "
        "a country's name is published without ISO's brackets (`Falkland Islands`, `Saint "
        "Martin`, `Sint Maarten`) and Brunei as `Brunei`; a part of a name of several places "
        "stays an error naming the whole (`Bosnia`, `St Kitts`, `Saint Helena`). "
        "`&` for `and` inside one country's name and "
        "`St`/`St.` for `Saint` are that name, with no note (`Trinidad & Tobago`, `Bosnia & "
        "Herzegovina`, `São Tomé & Príncipe`, `St Kitts and Nevis`, `St. Vincent & the "
        "Grenadines`; `Bosnia-Herzegovina` too, with the note); `&` between two countries "
        "(`India & Pakistan`) is a list (see the errors table). Kosovo "
        "has no ISO code (XK is not assigned): name it in a tag. A dateline of a part of a "
        "country is an error naming the country: `Texas` (United States), `Gaza Strip`, `Gaza "
        "City`, `West Bank`, `East Jerusalem` (Palestine), and a name of regions in several "
        "countries names each, Palestine first for `Gaza` (a province of Mozambique too); "
        '`World`, `Global`, `International`, `Worldwide` are "the whole world", and `Multiple`, '
        "`Various` (`countries`) an error saying a story is filed under one country, the others "
        "in its tags. `Georgia` is the country (GE), with a note that it is also a US state: "
        "for the state write `country: United States` and `tags: [Georgia]`, for the country "
        "`country: GE` silences it",
    ),
    Field("credits.author", True, "the byline: a name, or a list of names"),
    Field(
        "credits.image",
        False,
        'the image credit, shown under the caption, on its own line, as "Image: ANI"',
    ),
    Field(
        "credits.sources",
        False,
        'list of contributing sources, shown as "(With inputs from agencies.)"',
    ),
    Field(
        "tags",
        False,
        "list of topics. Tags that differ only in case, spacing or hyphenation (`AI`, "
        "`ai`; `Human Rights`, `human-rights`; `Straße`, `STRASSE`; full-width `ＡＩ`) are "
        "one topic, shown with its most used spelling, on a tie the first used; different "
        'words with one slug are numbered in the order of first use (see "Topic addresses")',
    ),
    Field(
        "summary",
        False,
        "one plain-text paragraph (Markdown in it, `**word**` or `[text](https://...)`, is"
        " published as typed, asterisks and brackets included, with a warning on its line"
        " whose fix is the summary without it; a name from code between double underscores,"
        " `__init__`, is the text meant, with nothing said; so is a word in angle brackets,"
        " `The <Company> rebrand`, which every feed shows as typed, while `<b>` or `&amp;` is"
        " warned as in `title`); when missing, the first"
        ' paragraph of the body that has text, cut to about 280 letters ("The automatic'
        ' summary" below)',
    ),
    Field(
        "image",
        False,
        "`src` (a file path relative to the article's folder, `/path` from `content/`, or"
        " an `https://` URL; an `http://` one is an error), `alt` (required with an image: what"
        " it shows, for readers who cannot see it; empty is an error), optional `caption`; optional"
        " `focus: 0.3,0.4` (the point the search-engine crops keep, across and down as"
        " fractions from the top left; default the centre); for an `https://` image only,"
        ' optional `width` and `height` in pixels (written on the `<img>`). See "Pictures"',
    ),
    Field(
        "slug",
        False,
        "the article's URL segment; default: the file name without `.md`, transliterated "
        "to ASCII, lower case, hyphenated. For a headline in Arabic, Hebrew, Indic, Thai or "
        "CJK script `check` asks for one (see Languages). At most 200 characters (see "
        '"How long a name may be")',
    ),
    Field(
        "id",
        False,
        "pins the feed GUID when a slug or date must change after publication; a URI such "
        "as the article's old `tag:...` GUID or `urn:uuid:...`. A bare UUID "
        "(`6f1c2e0a-8d3b-4f5e-9a7c-1b2d3e4f5a6b`) is accepted and published as "
        "`urn:uuid:` + the UUID in lower case (RFC 4122's URN form); a `urn:uuid:` id must"
        " hold a UUID without braces (`urn:uuid:XYZ` and `urn:uuid:{...}` are errors; a UUID's"
        " 32 digits written without hyphens, bare or in a URN, are an error whose fix is the"
        " same digits in groups of 8-4-4-4-12) and is"
        " published as typed (its capitals kept: a changed GUID shows the story again), but"
        " one UUID in capitals, in lower case or bare is one id: two stories with it are the"
        " 'same permanent id' error; the nil UUID (`00000000-0000-0000-0000-000000000000`) and"
        " the max UUID (all `f`) are placeholders, an error in any form; any other URI is"
        " used as typed",
    ),
    Field(
        "draft",
        False,
        "`true` (or `yes`, `on`) keeps the article out of the build unless `--drafts`; "
        "`false`, `no`, `off` publish it, as does leaving the line out; `draft:` with no "
        'value (`draft:`, `draft: ~`, `draft: ""`) is an error, never read as publish; so is '
        "a line that would publish a story meant to be held back (`Draft: true`, `drafts:`, "
        "`published: false`, `status: draft`, `embargo:`, `draft: true` below the closing "
        "`---`; a story in a `drafts/` folder without a `draft:` line)",
    ),
    Field(
        "corrections",
        False,
        "a list of corrections, each `date` (same format and clock rules, not before `date`, "
        'not after the build\'s time) and `text` (plain text): see "Corrections" below',
    ),
    Field(
        "aliases",
        False,
        "old addresses of this article, from the site's root, each starting with `/` "
        "(`[/2025/06/20/old-slug/]`):"
        ' each gets a redirect page; see "Moving an article" below',
    ),
    Field(
        "language",
        False,
        "the story's language, a BCP 47 tag (`ur`, `hi`, `pt-BR`); default the site's "
        '`language`. Its page says `<html lang>` (and `dir="rtl"` for a right-to-left '
        "script); its headline and summary on a page in another language carry their own "
        "`lang` and `dir`. A tag CLDR does not know is an error that suggests one (`Urdu` "
        "-> `ur`, and by its own name: `Français` -> `fr`, `اردو` -> `ur`, also as the "
        "language switcher names it, `Português (Brasil)` -> `pt-BR`, `Srpski` -> `sr-Latn`); "
        "see Languages",
    ),
    Field(
        "translation_key",
        False,
        "any text shared by the versions of one story in different languages (Hugo's "
        'convention): each version links the others ("Read in: اردو · हिन्दी") and names '
        'them as `<link rel="alternate" hreflang>` and in sitemap.xml. Two articles with '
        "one key and one language are an error; see Languages",
    ),
    Field(
        "featured",
        False,
        "`true` makes the story the lead of its day on the home page, the day's digest "
        "and the digest feed. Each language section has its own home and digests, so its "
        "own lead: featured stories of one day in different languages each lead their "
        "section, with no warning. Two featured stories of one day in one section are a "
        "warning on the one that does not lead: the newest leads; at the same time (the "
        "same instant, whatever offsets were written), the one whose slug comes first in "
        "the alphabet. Scheduled stories count too, so it is said before they are published",
    ),
)


# The fields of a byline in authors.yaml (load/authors.py).
AUTHOR_FIELDS = ("slug", "bio", "url", "fediverse", "image", "type")

# Every name a line of front matter or of authors.yaml starts with that newsdigest reads:
# each part of a field's name (`credits`, `author`), a picture's fields (`src:` under
# `image:`), a correction's `text:`, a byline's fields, and `authors:` (a slip of
# `author:` that check moves under `credits:`).
LINE_NAMES = frozenset(part for f in FIELDS for part in f.name.split(".")) | frozenset(
    {"src", "alt", "caption", "focus", "width", "height", "text", "authors", *AUTHOR_FIELDS}
)


def top_level() -> tuple[str, ...]:
    """The fields at the top of the front matter, in the table's order."""
    return tuple(dict.fromkeys(f.name.split(".")[0] for f in FIELDS))


def required() -> tuple[str, ...]:
    """The top-level fields every article must have: a group is required when a field in it
    is (`credits`, for `credits.author`)."""
    return tuple(dict.fromkeys(f.name.split(".")[0] for f in FIELDS if f.required))


def under(parent: str) -> tuple[str, ...]:
    """The fields inside `parent`: under("credits") -> ("author", "image", "sources")."""
    return tuple(f.name.split(".", 1)[1] for f in FIELDS if f.name.startswith(parent + "."))


def readme_table() -> str:
    rows = ["| field | required | meaning |", "| --- | --- | --- |"]
    rows += [f"| `{f.name}` | {'yes' if f.required else 'no'} | {f.meaning} |" for f in FIELDS]
    return "\n".join(rows) + "\n"
