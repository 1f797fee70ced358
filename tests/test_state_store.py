"""The build state database (generator.speed.store): what one build saves, the next reads;
a damaged row, another environment or a file that is not a database reads as nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from generator.speed.pagerows import PageRows
from generator.speed.store import FILENAME, Database

SPACE = "output-site"  # an output folder's page state, as generator.speed.state keeps it


def save(directory: Path | Database, environment: str = "env-1", **records: object) -> None:
    """Save `records` as a build does: the space claimed for `environment` when it was
    made in another (or in a database that is not one), in one transaction."""
    database = directory if isinstance(directory, Database) else Database(directory)
    rows = PageRows.open(database, SPACE, environment)
    if not rows.valid:
        rows.clear()
    for key, value in records.items():
        rows.put_record(key, value)
    database.commit()


def record(directory: Path, key: str, environment: str = "env-1") -> object:
    return PageRows.open(Database(directory), SPACE, environment).record(key)


def saved(directory: Path, environment: str = "env-1") -> None:
    pages = {"index.html": {"print": "abc", "reads": ["2025/a.md"]}, "feed.xml": ["x", 1]}
    save(directory, environment, **{"pages": pages, "feeds": ["feed.xml", "atom.xml"]})


def test_records_saved_by_one_build_are_read_by_the_next(tmp_path: Path) -> None:
    saved(tmp_path)
    assert record(tmp_path, "pages") == {
        "index.html": {"print": "abc", "reads": ["2025/a.md"]},
        "feed.xml": ["x", 1],
    }
    assert record(tmp_path, "feeds") == ["feed.xml", "atom.xml"]
    assert record(tmp_path, "spare") is None


def test_another_environment_reads_empty_and_replaces_the_old_records(tmp_path: Path) -> None:
    saved(tmp_path)
    assert record(tmp_path, "feeds", "env-2") is None
    save(tmp_path, "env-2", about=1)
    assert record(tmp_path, "about", "env-2") == 1
    assert record(tmp_path, "feeds", "env-2") is None  # the old ones are gone
    assert record(tmp_path, "about", "env-1") is None


def test_a_changed_row_reads_as_missing(tmp_path: Path) -> None:
    saved(tmp_path)
    with sqlite3.connect(tmp_path / FILENAME) as connection:
        connection.execute("UPDATE records SET value = '\"forged\"' WHERE key = 'feeds'")
    assert record(tmp_path, "feeds") is None
    assert record(tmp_path, "pages") is not None


def test_a_file_that_is_not_a_database_is_replaced(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert record(tmp_path, "feeds") is None
    save(tmp_path, feeds="new")
    assert record(tmp_path, "feeds") == "new"


def damaged_in_the_middle(directory: Path) -> Path:
    """A state of 300 body rows with one page in the middle overwritten; its path."""
    database = Database(directory)
    database.write("INSERT INTO spaces VALUES (?, ?)", ("articles", "env-1"))
    database.write_many(
        "INSERT INTO bodies VALUES (?, ?, ?, ?)",
        [(f"{n:03}.md", "key", f'{{"n": {n}}}' + " " * 600, b"") for n in range(300)],
    )
    database.commit()
    database.close()
    path = directory / FILENAME
    data = bytearray(path.read_bytes())
    page = 4096
    middle = len(data) // page // 2 * page
    data[middle : middle + page] = b"\xff" * page
    path.write_bytes(bytes(data))
    return path


def test_a_database_damaged_in_the_middle_keeps_the_article_rows_it_can_read(
    tmp_path: Path,
) -> None:
    """One page in the middle of the bodies overwritten: a scan stops there, but the
    database made anew keeps the rows on both sides of it and those of the files the
    build used; the damaged page's rows are gone, never served half-read."""
    path = damaged_in_the_middle(tmp_path)
    damaged = Database(tmp_path)
    scanned = [row[0] for row in damaged.query("SELECT source FROM bodies ORDER BY source")]
    assert damaged.broken and 0 < len(scanned) < 300
    damaged.sources = ["299.md"]
    damaged.write("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", ("new.md", 1, 2, 3, 4, 5, "d"))
    damaged.commit()
    damaged.close()
    state = sqlite3.connect(path)
    kept = [row[0] for row in state.execute("SELECT source FROM bodies ORDER BY source")]
    assert state.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert state.execute("SELECT * FROM spaces").fetchall() == [("articles", "env-1")]
    assert state.execute("SELECT source FROM files").fetchall() == [("new.md",)]
    state.close()
    assert kept[: len(scanned)] == scanned and "299.md" in kept
    assert len(scanned) < len(kept) < 300
    assert not list(tmp_path.glob("*.broken*"))


def test_two_builds_finding_a_damaged_state_keep_what_the_first_to_save_made(
    tmp_path: Path,
) -> None:
    """Two builds of one site find its state damaged: the first to save makes it anew,
    and the second then saves into that new database instead of moving it aside as
    damaged, so the first build's page state is not lost."""
    damaged_in_the_middle(tmp_path)
    first, second = Database(tmp_path), Database(tmp_path)
    for database in (first, second):
        list(database.query("SELECT source FROM bodies ORDER BY source"))
        assert database.broken
    save(first, index="a")
    second.write("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", ("b.md", 1, 2, 3, 4, 5, "d"))
    second.commit()
    first.close()
    second.close()
    assert record(tmp_path, "index") == "a"
    state = sqlite3.connect(tmp_path / FILENAME)
    assert state.execute("SELECT source FROM files").fetchall() == [("b.md",)]
    assert state.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    state.close()
    assert not [p.name for p in tmp_path.iterdir() if ".new-" in p.name or ".broken" in p.name]
