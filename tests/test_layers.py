"""The folders are layers: the pipeline's stages never reach into the speed layer or the
commands, so `generator.pipeline` runs without either, and the command line reaches the
speed layer only through the commands (README, Development)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# Each upper layer and the modules that may use it: the speed layer only the commands
# (and itself); the commands also the command line and its entry points (start.py: the
# `newsdigest` script; __main__.py: `python -m generator`), which alone use the command line.
ENTRIES = ("cli.py", "__main__.py", "start.py")
ALLOWED = {
    "generator.speed": ("commands/", "speed/"),
    "generator.commands": ("commands/", "speed/", *ENTRIES),
    "generator.cli": ("commands/", "speed/", *ENTRIES),
}


@functools.cache  # each module parsed once for all the tests
def imports(path: Path) -> frozenset[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return frozenset(found)


def test_only_commands_use_the_speed_layer_and_the_commands() -> None:
    wrong = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        used = sorted(
            m
            for m in imports(path)
            for layer, allowed in ALLOWED.items()
            if m.startswith(layer) and not relative.startswith(allowed)
        )
        if used:
            wrong[relative] = used
    assert wrong == {}


# The stages of pipeline.build a copy of its order would call (selection, held-back
# stories, bodies of unread files, the index, the links of a stopped build).
STAGE_STEPS = (
    "generator.index.selection.far_ahead",
    "generator.index.selection.updated_ahead",
    "generator.index.selection.held_back",
    "generator.index.site.build_index",
    "generator.render.unread.unread_bodies",
    "generator.render.unread.stopped_links",
)


def test_the_build_command_runs_the_pipelines_stages_not_a_copy_of_them() -> None:
    """commands/rebuild.py hands its cached stages to pipeline.build (README, Development):
    a stage added there runs in both builds, so the command calls none of them itself."""
    used = imports(PACKAGE / "commands" / "rebuild.py")
    assert "generator.pipeline" in used
    assert sorted(used.intersection(STAGE_STEPS)) == []


# Each stage's folder and the later stages it may not use: data flows load -> index ->
# render -> write (README, Development), so a stage never reaches forward into one after it.
LATER = {
    "load/": ("generator.index", "generator.render", "generator.write"),
    "index/": ("generator.render", "generator.write"),
    "render/": ("generator.write",),
}


def test_each_stage_uses_only_the_stages_before_it() -> None:
    wrong = {}
    for folder, later in LATER.items():
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            used = sorted(m for m in imports(path) if m.startswith(later))
            if used:
                wrong[path.relative_to(PACKAGE).as_posix()] = used
    assert wrong == {}
