"""Each cached step survives a change of a setting it does not read.

The build cache keeps validated articles keyed on the settings reading reads
(generator.stages_api.READ_SETTINGS) and body HTML keyed on those Markdown reads
(`stages_api.body_reads`); the pages are fingerprinted on their values. So a setting only
the pages read converts no Markdown, one only reading reads re-reads the front matter but
converts no Markdown, and the Markdown engine converts every body again; each time the
site is byte for byte a clean build (tests/incremental_newsroom.py).
"""

from __future__ import annotations

from pathlib import Path

import incremental_newsroom
from incremental_newsroom import COUNT, assert_same_as_clean, build

# The newsroom's fixtures: `processes` (autouse) and `project`.
processes, project = incremental_newsroom.processes, incremental_newsroom.project


def _set(project: Path, old: str, new: str) -> None:
    """Change one line of the project's settings (pyproject.toml's [tool.newsdigest])."""
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    assert old in text
    settings.write_text(text.replace(old, new), encoding="utf-8")


def test_a_setting_only_reading_reads_converts_no_markdown(project: Path) -> None:
    """timezone changes what the front matter's times mean (every article read again: the
    site is the clean build of the new zone), not what a body's Markdown becomes."""
    site = project.parent / "site"
    build(project, site)
    _set(project, 'timezone = "UTC"', 'timezone = "Asia/Kolkata"')
    out = build(project, site)
    assert f"{COUNT} from cache, 0 converted" in out
    assert_same_as_clean(project, site)


def test_the_markdown_engine_converts_every_body_again(project: Path) -> None:
    site = project.parent / "site"
    build(project, site)
    _set(project, 'timezone = "UTC"', 'timezone = "UTC"\nmarkdown_engine = "gfm"')
    out = build(project, site)
    assert f"0 from cache, {COUNT} converted" in out
    assert_same_as_clean(project, site)
    _set(project, 'markdown_engine = "gfm"', 'markdown_engine = "python-markdown"')
    out = build(project, site)
    assert f"0 from cache, {COUNT} converted" in out
    assert_same_as_clean(project, site)
