"""Stable digests of build inputs: files, settings, code and page contexts.

A digest says "these inputs are the same as last time" across processes and runs, so
it is built from values (text, numbers, dates, dataclass fields), never from `id()` or
Python's salted `hash()`. A value it does not know how to read raises `Unhashable`, and
the caller then treats the input as changed: an unknown value is never assumed equal.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from markupsafe import Markup

SIZE = 16  # bytes of BLAKE2b


class Unhashable(TypeError):
    """A value whose content the fingerprint cannot read."""


def of_bytes(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=SIZE)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def feed_digest(data: bytes) -> str:
    """A feed file's SHA-256 (hex): the build state keeps each feed's, and a feed whose
    digest differs from the last build's is one `newsdigest ping` announces."""
    return hashlib.sha256(data).hexdigest()


def of_tree(root: Path) -> str:
    """A digest of every file under `root` but those in `__pycache__` folders (the
    generator's own code): each file's name relative to `root` ('/'-separated) and its
    bytes, in the order of the names' parts. Walked with os.walk, not into links to
    folders, `__pycache__` pruned (Path.rglob listed every compiled module, then dropped
    it: about 11 ms of every build, now 6)."""
    if not root.is_dir():
        return of_bytes(b"missing", str(root).encode())
    top = str(root)
    found: list[tuple[list[str], str]] = []  # (the name's parts, the file's path)
    for folder, folders, names in os.walk(top):
        folders[:] = [name for name in folders if name != "__pycache__"]
        prefix = folder[len(top) :].strip(os.sep).replace(os.sep, "/")
        for name in names:
            path = os.path.join(folder, name)
            if name != "__pycache__" and os.path.isfile(path):
                found.append(((f"{prefix}/{name}" if prefix else name).split("/"), path))
    h = hashlib.blake2b(digest_size=SIZE)
    for parts, path in sorted(found):
        relative = "/".join(parts).encode("utf-8", "surrogateescape")
        with open(path, "rb") as handle:
            data = handle.read()
        h.update(len(relative).to_bytes(8, "little") + relative + len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@functools.cache
def code_version() -> str:
    """The generator's own source, so a changed newsdigest never reuses old results (read
    once a process: the build state and the article cache both ask)."""
    return of_tree(Path(__file__).resolve().parent.parent)


class Fingerprinter:
    """Digests of values; each dataclass instance is read once per build (memo by identity)."""

    def __init__(self) -> None:
        # Holding the object keeps its id from being reused while the memo lives.
        self._memo: dict[int, tuple[object, bytes]] = {}

    def of(self, value: Any) -> str:
        h = hashlib.blake2b(digest_size=SIZE)
        self._feed(h, value)
        return h.hexdigest()

    def _feed(self, h: Any, value: Any) -> None:
        kind = type(value)
        if kind is str:
            data = value.encode("utf-8", "surrogatepass")
            h.update(b"s" + len(data).to_bytes(8, "little") + data)
        elif value is None:
            h.update(b"N")
        elif kind is tuple or kind is list:
            h.update(b"(" + len(value).to_bytes(8, "little"))
            feed = self._feed
            for item in value:
                feed(h, item)
        elif kind is Markup:
            data = value.encode("utf-8", "surrogatepass")
            h.update(b"m" + len(data).to_bytes(8, "little") + data)
        elif kind is bool or kind is int or kind is float:
            h.update(b"n" + repr(value).encode() + b";")
        elif kind is dict:
            h.update(b"{" + len(value).to_bytes(8, "little"))
            for key, item in value.items():
                self._feed(h, key)
                self._feed(h, item)
        elif kind is datetime or kind is date or kind is time:
            zone = value.tzname() if kind is not date else ""
            h.update(b"d" + f"{value.isoformat()}|{zone};".encode())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            h.update(self._dataclass(value))
        else:
            raise Unhashable(f"cannot fingerprint a {kind.__name__}")

    def _dataclass(self, value: Any) -> bytes:
        known = self._memo.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        name, fields = _layout(type(value))
        h = hashlib.blake2b(name, digest_size=SIZE)
        for field, label in fields:
            h.update(label)
            self._feed(h, getattr(value, field))
        digest = h.digest()
        self._memo[id(value)] = (value, digest)
        return digest


_LAYOUTS: dict[type, tuple[bytes, tuple[tuple[str, bytes], ...]]] = {}


def _layout(kind: type) -> tuple[bytes, tuple[tuple[str, bytes], ...]]:
    """A dataclass's name and (field, 'field=') pairs, as `_dataclass` hashes them; a
    subclass that declares no fields of its own (speed.records.LazyArticle) as its
    dataclass."""
    found = _LAYOUTS.get(kind)
    if found is None:
        named = next(k for k in kind.__mro__ if "__dataclass_fields__" in vars(k))
        found = _LAYOUTS[kind] = (
            f"D{named.__module__}.{named.__qualname__}".encode(),
            tuple((f.name, f.name.encode() + b"=") for f in dataclasses.fields(kind)),
        )
    return found
