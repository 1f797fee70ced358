"""A clean build writes, byte for byte, what tests/golden/ recorded.

A refactor must not change a single byte of the sample newsroom or of the 1,000-article
synthetic one. A change of behaviour changes them on purpose: record them again with
`python -m tests.golden --update` and read `git diff tests/golden/` before committing.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from conftest import sample_pictures
from golden.make import GOLDEN, SAMPLE_FILES, SITES, built_sites, record

UPDATE = "if the change is meant, run `python -m tests.golden --update` and review the diff"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    return built_sites(tmp_path_factory.mktemp("golden"), sample_pictures(tmp_path_factory))


@pytest.mark.parametrize("relative", SAMPLE_FILES)
def test_a_sample_page_and_feed_are_the_recorded_bytes(
    sites: dict[str, dict[str, bytes]], relative: str
) -> None:
    expected = (GOLDEN / "sample" / relative).read_bytes()
    built = sites["sample"][relative]
    if built != expected:
        diff = difflib.unified_diff(
            expected.decode().splitlines(),
            built.decode().splitlines(),
            "golden",
            "built",
            lineterm="",
            n=1,
        )
        pytest.fail(f"{relative} changed ({UPDATE}):\n" + "\n".join(list(diff)[:40]))


def test_every_file_of_both_newsrooms_is_the_recorded_bytes(
    sites: dict[str, dict[str, bytes]],
) -> None:
    recorded = json.loads(SITES.read_text(encoding="utf-8"))
    assert {name: record(files) for name, files in sites.items()} == recorded, UPDATE


def test_the_golden_command_is_documented() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "python -m tests.golden --update" in readme
