"""The README's module map (Development) names every module of generator/, and only those."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "generator"


ENTRY = re.compile(r"( {6,})(\S+(?: \S+\.py)*)(?: {2,}|$)")  # names, then what they do


def map_entries() -> list[str]:
    """'folder/module.py' for every entry of the map (README, Development): the names that
    start a line of generator/ (6 spaces), of one of its folders (8) or of a folder in one
    (10), before what they do; a module named only in a description is no entry."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("    generator/\n") :]
    block = block[: block.index("\n\n")]
    found: list[str] = []
    folders: list[str] = []  # the folders the line is in, one per two spaces past six
    for line in block.splitlines()[1:]:
        entry = ENTRY.match(line)
        depth = (len(entry[1]) - 6) // 2 if entry else -1
        if entry is None or len(entry[1]) % 2 or depth > len(folders):
            continue  # a description's next line
        names = entry[2].split()
        del folders[depth:]
        if names[0].endswith("/"):
            folders.append(names[0])
            continue
        found += ["".join(folders) + name for name in names if name.endswith(".py")]
    return found


def package_modules() -> set[str]:
    return {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
        and "theme" not in p.parts
        and "compiled_theme" not in p.parts  # generated, one module a template
    }


def test_the_module_map_names_every_module_and_no_other() -> None:
    entries = map_entries()
    assert sorted(e for e in set(entries) if entries.count(e) > 1) == []  # one entry each
    mapped = set(entries)
    assert sorted(package_modules() - mapped) == []  # in generator/, not on the map
    assert sorted(mapped - package_modules()) == []  # on the map, not in generator/
