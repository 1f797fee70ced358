"""Templates compiled earlier in this process (or read shipped: render.precompiled), kept
for the next build in it.

A Jinja2 bytecode cache in memory: a second build in one process (`serve` after each
edit, the tests) compiles only the templates whose text changed, instead of the whole
theme again (a tenth of a CPU-second a build). A template is found again by its name,
its file and a checksum of its text (Jinja2's own keys), and by the words compiled into
it (render.words.ThemeWords puts a language's words in at compile time): the templates'
own English, or the bytes of the catalogs that gave the words. Compiling a plural of
those words adds a filter to the environment (its plural rule, named ADDED_FILTERS...):
such filters are kept with the code and put back into the environment that loads it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from generator.render.precompiled import shipped_code

ADDED_FILTERS = "theme_plural_"  # the names of filters that compiling adds
# (words, Jinja2's key of name and file) -> (checksum of the text, compiled code, filters)
_COMPILED: dict[tuple[str, str], tuple[str, CodeType, dict[str, Callable[..., Any]]]] = {}
LIMIT = 2000  # templates kept; past it, the memory starts again empty


class CompiledTemplates(jinja2.BytecodeCache):
    """This process's compiled templates with the words `words` names ('' for English)."""

    def __init__(self, words: str = "") -> None:
        self.words = words

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """Jinja2's bucket for a template, holding its code when this process compiled it
        (or read it shipped) already, or else, in English, when the package ships it
        (render.precompiled: then kept here too, so a later build reads it no more)."""
        bucket = super().get_bucket(environment, name, filename, source)
        if bucket.code is None and not self.words and filename is not None:
            bucket.code = shipped_code(environment, name, filename, bucket.checksum)
            self.dump_bytecode(bucket)  # kept as compiled code is: read once a process
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        found = _COMPILED.get((self.words, bucket.key))
        if found is not None and found[0] == bucket.checksum:
            checksum, bucket.code, filters = found
            for name, rule in filters.items():
                bucket.environment.filters.setdefault(name, rule)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        if len(_COMPILED) >= LIMIT:
            _COMPILED.clear()
        filters = {
            name: rule
            for name, rule in bucket.environment.filters.items()
            if name.startswith(ADDED_FILTERS)
        }
        _COMPILED[(self.words, bucket.key)] = (bucket.checksum, bucket.code, filters)


def with_catalogs(catalogs: Sequence[Path]) -> CompiledTemplates:
    """The compiled templates holding the words of these .po files, as they are now."""
    digest = hashlib.sha256()
    for path in catalogs:
        digest.update(str(path).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return CompiledTemplates(digest.hexdigest())
