"""The README's module map (Development) names every module of generator/, and only those."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "generator"


ENTRY = re.compile(r"( {6}| {8})(\S+(?: \S+\.py)*)(?: {2,}|$)")  # names, then what they do


def map_entries() -> list[str]:
    """'folder/module.py' for every entry of the map (README, Development): the names that
    start a line of generator/ (6 spaces) or of one of its folders (8 spaces), before what
    they do; a module named only in a description is no entry."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("    generator/\n") :]
    block = block[: block.index("\n\n")]
    found, folder = [], ""
    for line in block.splitlines()[1:]:
        entry = ENTRY.match(line)
        if entry is None:
            continue  # a description's next line
        names = entry[2].split()
        if len(entry[1]) == 6:  # an entry of generator/ itself
            folder = names[0] if names[0].endswith("/") else ""
            if folder:
                continue
        found += [folder + name for name in names if name.endswith(".py")]
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
