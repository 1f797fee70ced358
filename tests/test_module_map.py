"""The README's module map (Development) names every module of generator/, and only those."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "generator"


def mapped_modules() -> set[str]:
    """'folder/module.py' for every module named on the map (README, Development)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("    generator/\n") :]
    block = block[: block.index("\n\n")]
    found, folder = set(), ""
    for line in block.splitlines()[1:]:
        stripped = line.strip()
        if len(line) - len(stripped) == 6:  # an entry of generator/ itself
            first = stripped.split()[0]
            folder = first if first.endswith("/") else ""
        found.update(folder + name for name in re.findall(r"\b\w+\.py\b", stripped))
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
    mapped = mapped_modules()
    assert sorted(package_modules() - mapped) == []  # in generator/, not on the map
    assert sorted(mapped - package_modules()) == []  # on the map, not in generator/
