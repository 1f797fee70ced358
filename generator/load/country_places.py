"""Places a news desk types as a story's country that are no country, or more than one.

The Gaza Strip and the West Bank are parts of Palestine (ISO 3166's PS) that ISO 3166-2
does not list by those names, and 'Gaza' names a province of Mozambique too: each is told
to write Palestine, first. 'Multiple' and 'Various' are several countries: a story is
filed under one. 'Georgia' is a country and a US state: read as the country, with a
note saying how to file a story about the state.
"""

from __future__ import annotations

from generator.load.countries import plain

# Parts of a country the news names, -> its code: offered first, before any other
# country with an ISO 3166-2 region of that name ('Gaza': Palestine, then Mozambique).
NEWS_PARTS = {
    "gaza strip": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "gaza city": "PS",
    "east jerusalem": "PS",
}

# Words for the whole world, told as 'World' and 'Global' are (country_hints.NOT_COUNTRIES).
WHOLE_WORLD = ("worldwide", "world-wide", "world wide", "the world", "everywhere", "globe")

# Words for several countries at once.
SEVERAL = frozenset(
    f"{word}{countries}"
    for word in ("multiple", "various", "several", "many", "mixed")
    for countries in ("", " countries")
)

# Countries whose name is also a US state's: the code that silences the note.
ALSO_A_STATE = {"georgia": "GE"}


def several_countries(typed: str) -> tuple[str, str] | None:
    """(message, fix) for a word that means several countries ('Multiple'), else None."""
    if plain(typed) not in SEVERAL:
        return None
    return (
        f"country {typed!r} is not a country: a story is filed under the one country it is about",
        "write the country the story is filed under (where it happened, or the country of "
        "the capital it is datelined from), and name the others in its topics, such as "
        "tags: [France, Germany]",
    )


def also_a_state(typed: str) -> tuple[str, str] | None:
    """(note, fix) for a country's name that is also a US state's ('Georgia'), else None."""
    code = ALSO_A_STATE.get(plain(typed))
    if code is None:
        return None
    name = " ".join(typed.split())
    return (
        f"country {name!r} is read as the country {name} ({code}); {name} is also a state "
        "of the United States",
        f"for the US state, write 'country: United States' and name {name} in a tag "
        f"(tags: [{name}]); for the country, write 'country: {code}' to silence this note",
    )
