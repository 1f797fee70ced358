"""The build state database (generator.speed.store): what one build saves, the next reads;
a damaged row, another environment or a file that is not a database reads as nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from generator.speed.store import FILENAME, Database, Records


def saved(directory: Path, environment: str = "env-1") -> None:
    records = Records(Database(directory), "pages", environment)
    records.put("index.html", {"print": "abc", "reads": ["2025/a.md"]})
    records.put("feed.xml", ["x", 1])
    records.save()


def test_records_saved_by_one_build_are_read_by_the_next(tmp_path: Path) -> None:
    saved(tmp_path)
    records = Records(Database(tmp_path), "pages", "env-1")
    assert records.get("index.html") == {"print": "abc", "reads": ["2025/a.md"]}
    assert records.keys() == ["feed.xml", "index.html"]
    records.delete("feed.xml")
    records.save()
    assert Records(Database(tmp_path), "pages", "env-1").keys() == ["index.html"]


def test_another_environment_reads_empty_and_replaces_the_old_records(tmp_path: Path) -> None:
    saved(tmp_path)
    records = Records(Database(tmp_path), "pages", "env-2")
    assert records.get("index.html") is None
    records.put("about.html", 1)
    records.save()
    assert Records(Database(tmp_path), "pages", "env-2").keys() == ["about.html"]
    assert Records(Database(tmp_path), "pages", "env-1").get("about.html") is None


def test_a_changed_row_reads_as_missing(tmp_path: Path) -> None:
    saved(tmp_path)
    with sqlite3.connect(tmp_path / FILENAME) as connection:
        connection.execute("UPDATE records SET value = '\"forged\"' WHERE key = 'feed.xml'")
    records = Records(Database(tmp_path), "pages", "env-1")
    assert records.get("feed.xml") is None
    assert records.get("index.html") is not None


def test_a_file_that_is_not_a_database_is_replaced(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    records = Records(Database(tmp_path), "pages", "env-1")
    assert records.get("index.html") is None
    records.put("index.html", "new")
    records.save()
    assert Records(Database(tmp_path), "pages", "env-1").get("index.html") == "new"
