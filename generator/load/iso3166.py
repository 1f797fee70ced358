"""ISO 3166-1's countries as pycountry ships them, read from its data file
(`databases/iso3166-1.json`) without importing pycountry: its import reads its own
package metadata (importlib.metadata, about 20 ms), which every build that reads a story
paid for 249 records. Where the file is not where pycountry keeps it, or does not hold
what pycountry's records are made from (an object of strings per country, each with its
`alpha_2` and `name`), pycountry's own records are used (imported then)."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

DATA = ("databases", "iso3166-1.json")  # pycountry's file of ISO 3166-1, in its package
KEY = "3166-1"  # the list of countries in that file (pycountry's `root_key`)


@cache
def countries() -> tuple[Any, ...]:
    """Every country as `pycountry.countries` lists it, in its order: each with the
    attributes `alpha_2`, `alpha_3`, `name`, `numeric` and, where it has one,
    `official_name` and `common_name` (strings; a missing one raises AttributeError)."""
    found = _from_file()
    if found is not None:
        return found
    import pycountry

    return tuple(pycountry.countries)


@cache
def by_alpha_2() -> dict[str, Any]:
    """Each country by its alpha-2 code, any case (as `pycountry.countries.get(alpha_2=)`)."""
    return {str(record.alpha_2).lower(): record for record in countries()}


def _from_file() -> tuple[SimpleNamespace, ...] | None:
    """pycountry's records made from its data file, as pycountry makes them; None when
    the file cannot be found or read, or holds anything else."""
    spec = importlib.util.find_spec("pycountry")  # (finds the package; imports nothing)
    if spec is None or spec.origin is None:
        return None
    try:
        entries = json.loads(Path(spec.origin).parent.joinpath(*DATA).read_bytes())[KEY]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(entries, list) or not all(map(_plain, entries)):
        return None
    return tuple(SimpleNamespace(**entry) for entry in entries)


def _plain(entry: object) -> bool:
    """Whether `entry` is an object of strings with an `alpha_2` and a `name`."""
    return (
        isinstance(entry, dict)
        and all(type(key) is str and type(value) is str for key, value in entry.items())
        and "alpha_2" in entry
        and "name" in entry
    )
