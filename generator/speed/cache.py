"""The build cache's values and its JSON files: what earlier builds learnt, kept in
.newsdigest-cache/ between runs.

`encode` and `decode` turn the model (Article, Tag, dates, tuples) into JSON data and
back, for the state database (generator.speed.store, generator.speed.articles). `Store`
is a JSON file of records per output directory: a fingerprint of each page's inputs and
the size, time and inode of every file written, so unchanged pages are neither rendered
nor compared again.

Every cache file belongs to one *environment*: the generator's own code, the settings,
the theme and the cache format. A different environment starts from an empty cache.
Each file is JSON (never pickle: a cache restored in CI must not be able to run code)
with a SHA-256 of its body on the first line; a file that fails the check, does not parse
or has the wrong shape is ignored, as if there were no cache, and replaced after the build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from generator import model, scratch
from generator.diagnostics import Diagnostic

FORMAT = "newsdigest-cache-3"
DEFAULT_DIR = ".newsdigest-cache"
_TAG = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n"
    b"# This directory is newsdigest's build cache; it can be deleted at any time.\n"
)
_MODEL_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in vars(model).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
}


class BadEntry(ValueError):
    """A cache record that does not decode to the model: treated as a miss."""


def encode(value: Any) -> Any:
    """A model value (Article, Tag, dates, tuples) as JSON data that `decode` restores."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if isinstance(value, datetime):
        zone = value.tzinfo.key if isinstance(value.tzinfo, ZoneInfo) else ""
        if zone:
            return {"@dt": value.replace(tzinfo=None).isoformat(), "zone": zone, "fold": value.fold}
        return {"@dt": value.isoformat()}
    if isinstance(value, date):
        return {"@date": value.isoformat()}
    if dataclasses.is_dataclass(value) and type(value).__name__ in _MODEL_TYPES:
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"@type": type(value).__name__, **fields}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(data: Any) -> Any:
    if data is None or isinstance(data, (str, bool, int, float)):
        return data
    if isinstance(data, list):
        return tuple(decode(item) for item in data)
    if not isinstance(data, dict):
        raise BadEntry("unexpected value")
    if "@dt" in data:
        if data.get("zone"):
            naive = datetime.fromisoformat(data["@dt"])
            return naive.replace(tzinfo=ZoneInfo(data["zone"]), fold=data.get("fold", 0))
        return datetime.fromisoformat(data["@dt"])
    if "@date" in data:
        return date.fromisoformat(data["@date"])
    cls = _MODEL_TYPES.get(data.get("@type", ""))
    if cls is None:
        raise BadEntry("unknown type")
    try:
        return cls(**{k: decode(v) for k, v in data.items() if k != "@type"})
    except TypeError as exc:  # a field added or removed since the entry was written
        raise BadEntry(str(exc)) from None


def encode_diagnostics(problems: list[Diagnostic]) -> list[list[Any]]:
    return [[d.path, d.line, d.severity, d.message, d.hint] for d in problems]


def decode_diagnostics(data: Any) -> list[Diagnostic]:
    if not isinstance(data, list):
        raise BadEntry("diagnostics")
    out = []
    for item in data:
        if not isinstance(item, list) or len(item) != 5 or item[2] not in ("error", "warning"):
            raise BadEntry("diagnostic")
        out.append(Diagnostic(str(item[0]), int(item[1]), item[2], str(item[3]), str(item[4])))
    return out


def _read(path: Path, environment: str) -> dict[str, Any] | None:
    """The records of one cache file, or None when it is missing, corrupt or from elsewhere."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    checksum, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != checksum:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("environment") != environment
        or not isinstance(data.get("records"), dict)
    ):
        return None
    records: dict[str, Any] = data["records"]
    return records


def _write(path: Path, environment: str, records: dict[str, Any]) -> None:
    """Replace the cache file in one rename; a cache that cannot be written is skipped."""
    body = json.dumps(
        {"format": FORMAT, "environment": environment, "records": records},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    checksum = hashlib.sha256(body).hexdigest().encode()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tag = path.parent / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_bytes(_TAG)
        fd, temporary = scratch.file(path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(checksum + b"\n" + body)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)


class Store:
    """One cache file: records by key, loaded once, saved once after a successful build.

    With `shards` above 1 the records are spread over that many files by their key (a
    hex digest), NAME-00.json and on, and saving rewrites only the files whose records
    changed: one edited article rewrites one file, not the whole archive's.
    With `directory` None (`--no-cache`) it is always empty and never written.
    """

    def __init__(
        self, directory: Path | None, name: str, environment: str, shards: int = 1
    ) -> None:
        self.path = directory / name if directory is not None else None
        self.environment = environment
        self.shards = shards
        self.loaded: list[dict[str, Any] | None] = [
            _read(path, environment) for path in self._paths()
        ]
        self.old: dict[str, Any] = {}
        for records in self.loaded:
            self.old.update(records or {})
        self.new: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def _paths(self) -> list[Path]:
        if self.path is None:
            return []
        if self.shards == 1:
            return [self.path]
        return [
            self.path.with_name(f"{self.path.stem}-{i:02x}{self.path.suffix}")
            for i in range(self.shards)
        ]

    def _shard(self, key: str) -> int:
        try:
            return int(key[:4], 16) % self.shards
        except ValueError:
            return 0

    def get(self, key: str) -> Any:
        return self.old.get(key)

    def put(self, key: str, record: Any) -> None:
        self.new[key] = record

    def save(self) -> None:
        paths = self._paths()
        parts: list[dict[str, Any]] = [{} for _ in paths]
        for key, record in self.new.items():
            parts[self._shard(key) if len(paths) > 1 else 0][key] = record
        for path, records, loaded in zip(paths, parts, self.loaded, strict=True):
            if records != loaded:  # unchanged, readable files are left as they are
                _write(path, self.environment, records)
