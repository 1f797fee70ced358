"""Golden output: what a clean build writes, recorded so a refactor can prove it changed nothing.

Two newsrooms are built in-process with a fixed clock (so scheduled articles and the
passing of time change nothing): the sample newsroom (tests/fixtures/sample, a copy of
the repository's content/ and settings, with the built-in theme) under the /sub/ base
path, and the first 1,000 articles of the benchmark's synthetic newsroom (bench/synth.py,
deterministic), by the plain pipeline (generator.pipeline: what `newsdigest build`
writes, tests/test_parallel.py) with the search page on. For each, one digest of the whole
site (every path and every byte; Pagefind's bundle is another program's) is kept in
tests/golden/sites.json, and a few files of the sample are kept whole under
tests/golden/sample/ so that a change shows as a readable diff.

A change of behaviour changes the goldens on purpose; record them again with

    python -m tests.golden --update

and read `git diff tests/golden/` before committing it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
GOLDEN = Path(__file__).resolve().parent
SITES = GOLDEN / "sites.json"
BASE_URL = "http://127.0.0.1:8000/sub/"
NOW = datetime(2026, 1, 1, tzinfo=UTC)  # later than every sample and synthetic article
SYNTH_COUNT = 1000
# Files of the sample kept whole: an article page (image, related stories) and the main feed.
SAMPLE_FILES = (
    "2025/06/22/tokyo-metropolitan-government-unveils-summer-heat-action-plan/index.html",
    "feed.xml",
)


def _synth() -> object:
    spec = importlib.util.spec_from_file_location("synth", REPO / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module
    spec.loader.exec_module(module)
    return module


def sample_project(root: Path) -> Path:
    """A copy of tests/fixtures/sample in `root` (the build writes a cache there)."""
    shutil.copytree(REPO / "tests" / "fixtures" / "sample", root)
    return root


def synth_project(root: Path) -> Path:
    """The first SYNTH_COUNT articles of bench/synth.py as a project in `root`."""
    synth = _synth()
    items = synth.articles(SYNTH_COUNT)  # type: ignore[attr-defined]
    return synth.write_newsdigest(root, items)  # type: ignore[attr-defined,no-any-return]


def build(project: Path, base_url: str | None = None) -> dict[str, bytes]:
    """Every file of `project`'s site by path, from the plain pipeline (serial, in memory,
    with the search page on). tests/test_parallel.py proves that `newsdigest build` writes
    these same bytes, whatever its cache and workers do."""
    from generator import config, pipeline

    settings = config.load(project, {"base_url": base_url})
    paths = pipeline.Paths(
        project,
        project / settings.content_dir,
        project / "templates",
        project.parent / (project.name + "-site"),
    )
    built = pipeline.build(paths, settings, pipeline.Selection(now=NOW), search=True)
    assert built.ok, built.diagnostics
    return {f.path: f.data for f in built.files}


def digest(files: dict[str, bytes]) -> str:
    """SHA-256 of every path and its bytes, in path order."""
    h = hashlib.sha256()
    for path in sorted(files):
        data = files[path]
        name = path.encode()
        h.update(len(name).to_bytes(8, "little") + name + len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def record(files: dict[str, bytes]) -> dict[str, object]:
    return {"files": len(files), "sha256": digest(files)}


def built_sites(work: Path, pictures: Path | None = None) -> dict[str, dict[str, bytes]]:
    """Both newsrooms built in `work`: {"sample": files, "synth1000": files}.

    With `pictures` (a build cache's images/ folder: conftest.sample_pictures, the sample's
    pictures as the suite's shared sample build encoded them, by the SHA-256 of their
    bytes and variant), the sample's build starts from a copy of them instead of encoding
    each picture again (1.6 of its 1.9 CPU-seconds); it writes the same bytes."""
    from generator.render import images

    if pictures is not None:
        images.use_cache(Path(shutil.copytree(pictures, work / "pictures")))
    try:
        sample = build(sample_project(work / "sample"), BASE_URL)
    finally:
        images.use_cache(None)  # as a process that has built nothing
    return {"sample": sample, f"synth{SYNTH_COUNT}": build(synth_project(work / "synth"))}


def update() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sites = built_sites(Path(tmp))
    SITES.write_text(
        json.dumps({name: record(files) for name, files in sites.items()}, indent=2) + "\n",
        encoding="utf-8",
    )
    for relative in SAMPLE_FILES:
        target = GOLDEN / "sample" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sites["sample"][relative])
    print(f"recorded {SITES.relative_to(REPO)} and {len(SAMPLE_FILES)} files of the sample")


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print("usage: python -m tests.golden --update   (record the goldens again)")
        return 2
    update()
    return 0
