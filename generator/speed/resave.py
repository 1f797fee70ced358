"""The page state of a build that planned every page, saved as what differs from the last
build's rows (generator.speed.pagerows) rather than the output folder's space anew.

A story added or deleted makes the build plan and fingerprint every page
(generator.speed.plan.plan_all), yet most of what it saves is what the last build saved:
the same pages with the same fingerprints, the same articles read, the same files. Here
each row to save is compared with the one saved (its values, its sum, its file's stat),
and only those that differ are written, those no longer made removed.

A page's `ordinal` is its place in the site's order. Pages that both builds make keep
theirs when they are still in the same order (a story added or deleted moves no other
page); a new page takes a number between its neighbours' (0.5 between 0 and 1), so that
no other row changes. When the order changed, or no number fits between two
neighbours, `resave` says so and the whole space is written anew, as before.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from generator.speed.pagerows import NO_VALUES, PageRows, Row, Stat, page_sum, reader_sum
from generator.speed.store import dumps

Number = int | float
Readers = Mapping[str, tuple[str, str, list[str]]]  # source -> (whole, place, paths)


def ordinals(order: Sequence[str], before: Mapping[str, Number]) -> dict[str, Number] | None:
    """A number for each path of `order` (the site's order now), increasing along it: a
    path's number `before` where that still increases, else one between its neighbours';
    None when a path's number before is out of order or no number fits."""
    out: dict[str, Number] = {}
    last: Number = -math.inf
    waiting: list[str] = []  # new pages since the last kept one
    for path in order:
        number = before.get(path)
        if number is None:
            waiting.append(path)
            continue
        if number <= last or not _between(waiting, last, number, out):
            return None
        out[path], waiting, last = number, [], number
    if not _between(waiting, last, math.inf, out):
        return None
    return out


def _between(paths: list[str], low: Number, high: Number, out: dict[str, Number]) -> bool:
    """Give `paths` numbers strictly between `low` and `high`, in order (whole numbers
    next to an open end); False when they do not fit."""
    if not paths:
        return True
    if low == -math.inf:
        low = (0 if high == math.inf else high) - len(paths) - 1
    if high == math.inf:
        high = low + len(paths) + 1
    step = (high - low) / (len(paths) + 1)
    previous = low
    for i, path in enumerate(paths, start=1):
        number = low + step * i
        if isinstance(number, float) and number.is_integer():
            number = int(number)  # as SQLite keeps it in an INTEGER column, and reads it
        if not previous < number < high:
            return False
        out[path] = previous = number
    return True


def resave(
    rows: PageRows,
    order: Sequence[str],
    values: Mapping[str, Row],
    files: Mapping[str, Stat],
    readers: Readers,
) -> bool:
    """Queue what differs between the rows saved and those of this build: `values` of the
    pages and feeds fingerprinted (their `ordinal` given here), the `files` written with
    their stats, every article's digests and readers. False (nothing queued): the
    pages' order moved (then the caller writes the whole space)."""
    saved = rows.ordinals()
    numbers = ordinals(order, saved) if saved else None
    if numbers is None:
        return False
    space, seen, wanted = rows.space, set(), {*files, *values}
    changed: list[tuple[str, Row, Stat | None]] = []
    for path, ordinal, family, print_, reads, size, mtime, ino, sum_ in rows.saved():
        seen.add(path)
        row, stat = _wanted(path, values, files, numbers)
        if row is None:
            continue  # removed below
        if (
            row != Row(ordinal, family, print_, reads)
            or stat != (None if size is None else (size, mtime, ino))
            or sum_ != page_sum(space, path, row)
        ):
            changed.append((path, row, stat))
    for path in wanted - seen:
        row, stat = _wanted(path, values, files, numbers)
        assert row is not None
        changed.append((path, row, stat))
    rows.put_pages(changed)
    differing, saved_sources = _readers(rows, readers)
    rows.put_readers(differing)
    rows.forget(seen - wanted, saved_sources - readers.keys())
    return True


def _wanted(
    path: str, values: Mapping[str, Row], files: Mapping[str, Stat], numbers: Mapping[str, Number]
) -> tuple[Row | None, Stat | None]:
    """The row to save for `path` and its file's stat; (None, None): not saved any longer."""
    stat = files.get(path)
    found = values.get(path)
    if found is None:
        return (NO_VALUES, stat) if stat is not None else (None, None)
    return Row(numbers.get(path), found.family, found.print, found.reads), stat


def _readers(
    rows: PageRows, readers: Readers
) -> tuple[list[tuple[str, tuple[str, str, list[str]]]], set[str]]:
    """The `readers` rows that differ from those saved (or are not saved); the sources of
    the rows saved."""
    space, same, saved = rows.space, set(), set()
    for source, whole, place, paths, sum_ in rows.saved_readers():
        saved.add(source)
        wanted = readers.get(source)
        if wanted is None:
            continue
        text = dumps(sorted(wanted[2]))
        if (whole, place, paths) == (wanted[0], wanted[1], text) and sum_ == reader_sum(
            space, source, whole, place, paths
        ):
            same.add(source)
    return [(source, found) for source, found in readers.items() if source not in same], saved
