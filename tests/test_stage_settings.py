"""Each costly step declares the settings it reads, and its cache survives any other change.

Reading and validating articles and converting their Markdown are cached across builds,
keyed on the settings those steps read (generator.stages_api.READ_SETTINGS, BODY_SETTINGS).
The steps get a copy of the settings with every other one at its default, and this test
makes sure their code names no other setting, so the key is never too small.
"""

from __future__ import annotations

import ast
from pathlib import Path

from generator import stages_api
from generator.config import Settings, only

PACKAGE = Path(stages_api.__file__).resolve().parent
STEPS = [*sorted((PACKAGE / "load").glob("*.py")), PACKAGE / "render" / "markdown.py"]
DERIVED = {"tz": "timezone", "base_path": "base_url"}  # properties of Settings


def settings_read(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name | ast.Attribute)
            and (
                getattr(node.value, "id", None) == "settings"
                or getattr(node.value, "attr", None) == "settings"
            )
        ):
            names.add(DERIVED.get(node.attr, node.attr))
    return names


def test_loading_and_markdown_read_only_the_settings_they_declare() -> None:
    declared = set(stages_api.READ_SETTINGS + stages_api.BODY_SETTINGS)
    read = {name: sorted(settings_read(path) - declared) for path in STEPS for name in [path.name]}
    assert {name: extra for name, extra in read.items() if extra} == {}


def test_a_step_sees_its_settings_and_the_defaults_of_the_others() -> None:
    settings = Settings(title="Desk", items_per_page=3, timezone="Asia/Kolkata")
    reads = only(settings, stages_api.READ_SETTINGS)
    assert reads.timezone == "Asia/Kolkata"
    assert (reads.title, reads.items_per_page) == (Settings().title, Settings().items_per_page)
    assert only(settings, stages_api.READ_SETTINGS) == only(
        Settings(title="Other", items_per_page=50, timezone="Asia/Kolkata"),
        stages_api.READ_SETTINGS,
    )
