"""The small synthetic newsroom that tests/test_incremental.py and tests/test_build_cache.py
edit and rebuild: 12 stories of bench/synth.py, each build in a new process of its own
(conftest.Forked), each site compared file by file with a clean build of the same files.

Two test files, not one: pytest-xdist hands out whole files, and these builds are the
suite's longest file's worth of CPU, now run by two test workers at once.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE_URL, Forked, clean_build, load_synth, site_files

import generator

synth = load_synth()

COUNT = 12  # 26 topics, 10 countries, 150 files: every kind of page, each build cheap
STORIES = synth.articles(COUNT + 1)  # made once: story i is the same in any count
PROCESSES: list[Forked] = []  # set by each test module's `processes` fixture
# The projects whose builds index the site with Pagefind (`newsroom(..., search=True)`, for
# tests marked `search`); the others' builds and clean builds are made without the search
# index (conftest.searching): Pagefind, a fifth of these builds' CPU, is tested in
# tests/test_search.py and by the tests that keep it.
INDEXED: set[Path] = set()


CODE = Path(generator.__file__).resolve().parent
_CODE_SEEN: dict[Path, tuple[tuple[str, int, int], ...]] = {}  # by project: at its last build


def _code_on_disk() -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of each file the build cache's code version reads
    (speed.fingerprint.code_version: generator/ less __pycache__)."""
    found: list[tuple[str, int, int]] = []
    for folder, subfolders, names in os.walk(CODE):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            found.append((os.path.join(folder, name), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def same_code(project: Path) -> None:
    """Skip the test when generator/ changed on disk since `project` was made or last built (a
    commit landed on the checkout the suite runs from: /work/main while others land). Every
    build keys its cache on those files as it finds them, so the next build rightly converts
    every body again, and no assertion about what it takes from the cache can hold."""
    now, last = _code_on_disk(), _CODE_SEEN.get(project)
    _CODE_SEEN[project] = now
    if last is not None and now != last:
        pytest.skip("generator/ changed on disk between two builds (a commit landed meanwhile)")


def build(project: Path, out: Path, *extra: str) -> str:
    """`newsdigest build` in a new process of its own (forked from one that has built
    nothing): it learns what earlier builds did only from the disk."""
    (runner,) = PROCESSES
    same_code(project)
    flags = ("--output", str(out), "--base-url", BASE_URL, *extra)
    result = runner.run("build", *flags, cwd=project, search=project in INDEXED)
    same_code(project)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def assert_same_as_clean(project: Path, site: Path, pictures: Path | None = None) -> None:
    """`site`, built incrementally by processes of their own, is a clean build (whose
    cache holds only `pictures`, when given: conftest.clean_build)."""
    got, want = site_files(site), clean_build(project, pictures, project in INDEXED)
    assert sorted(got) == sorted(want)
    differing = [path for path in want if got[path] != want[path]]
    assert differing == []


ENGINES = pytest.mark.parametrize("project", ["python-markdown", "gfm"], indirect=True)


@pytest.fixture(autouse=True, scope="module")
def processes(forked: Forked) -> None:
    """Each importing test module's builds run in `forked`'s processes (`build`)."""
    PROCESSES[:] = [forked]


@pytest.fixture
def project(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """The newsroom with the default Markdown engine, or the one a test's `ENGINES` names;
    with the search index for the tests marked `search`."""
    engine = getattr(request, "param", "python-markdown")
    search = request.node.get_closest_marker("search") is not None
    return newsroom(tmp_path / "project", engine, search)


def newsroom(
    root: Path,
    engine: str = "python-markdown",
    search: bool = False,
    stories: list[Any] | None = None,
) -> Path:
    """`stories` (synth.articles; default the first COUNT) as a project in `root`, with the
    Markdown engine `engine`; built with the search index when `search` (INDEXED)."""
    made = synth.write_newsdigest(root, STORIES[:COUNT] if stories is None else stories)
    if search:
        INDEXED.add(made)
    _CODE_SEEN[made] = _code_on_disk()  # a build not run by `build` (Popen) is checked too
    if engine != "python-markdown":
        settings = made / "pyproject.toml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text + f'markdown_engine = "{engine}"\n', encoding="utf-8")
    return made


def article_file(project: Path, index: int) -> Path:
    return project / "content" / STORIES[index].path


def urls_path(project: Path, index: int) -> str:
    """The output file of article `index`'s page."""
    (page,) = (project.parent / "site").rglob(f"{STORIES[index].slug}/index.html")
    return str(page.relative_to(project.parent / "site"))


def edit_word(path: Path, letter: str) -> str:
    """Replace the body's first word of five letters or more by as many `letter`s (the
    file keeps its size); returns the new word."""
    text = path.read_text(encoding="utf-8")
    head, fence, rest = text.partition("\n---\n")
    old = next(w for w in rest.split() if w.isalpha() and len(w) >= 5)
    path.write_text(head + fence + rest.replace(old, letter * len(old), 1), encoding="utf-8")
    return letter * len(old)


def rendered_pages(out: str) -> int:
    """The number of pages a build says it rendered ("12 rendered, 80 unchanged")."""
    found = re.search(r"(\d+) rendered, (\d+) unchanged", out)
    assert found, out
    return int(found[1])


def front_matter_line(path: Path, key: str) -> str:
    (line,) = [x for x in path.read_text(encoding="utf-8").splitlines() if x.startswith(key)]
    return line
