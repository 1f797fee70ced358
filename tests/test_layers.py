"""The folders are layers: the pipeline's stages never reach into the speed layer or the
commands, so `generator.pipeline` runs without either (README, Development)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
UPPER = ("generator.commands", "generator.speed", "generator.cli")
# The modules that may use them: the commands, the speed layer, the command line and its
# entry points (start.py: the `newsdigest` script; __main__.py: `python -m generator`).
ALLOWED = ("commands/", "speed/", "cli.py", "__main__.py", "start.py")


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_only_commands_use_the_speed_layer_and_the_commands() -> None:
    wrong = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(ALLOWED):
            continue
        used = sorted(m for m in imports(path) if m.startswith(UPPER))
        if used:
            wrong[relative] = used
    assert wrong == {}
