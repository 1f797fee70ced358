"""Serial and parallel builds give the same bytes, and both equal rendering every page directly."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import BASE_URL, Forked, load_synth, site_files

from generator import config, pipeline, stages_api
from generator.speed.parallel import stream

synth = load_synth()

COUNT = 60  # above the size at which work is spread over processes


def build(forked: Forked, project: Path, out: Path, *extra: str) -> str:
    result = forked.run("build", "--output", str(out), "--base-url", BASE_URL, *extra, cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def parallel(forked: Forked, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The synthetic newsroom and its site, built without a cache by two worker processes."""
    root = tmp_path_factory.mktemp("parallel")
    project = synth.write_newsdigest(root / "project", synth.articles(COUNT))
    build(forked, project, root / "parallel", "--no-cache", "--jobs", "2")
    return project, root / "parallel"


def test_serial_and_parallel_builds_are_byte_identical(
    forked: Forked, parallel: tuple[Path, Path], tmp_path: Path
) -> None:
    project, parallel_site = parallel
    build(forked, project, tmp_path / "serial", "--no-cache", "--jobs", "1")
    serial, parallel_files = site_files(tmp_path / "serial"), site_files(parallel_site)
    assert sorted(serial) == sorted(parallel_files)
    assert [p for p in serial if serial[p] != parallel_files[p]] == []
    assert len([p for p in serial if p.endswith("index.html")]) > COUNT


def test_the_build_writes_what_the_plain_pipeline_makes(parallel: tuple[Path, Path]) -> None:
    """Cache, page plan and workers change nothing: the files are the serial pipeline's."""
    project, out = parallel
    built = site_files(out)
    settings = config.load(project, {"base_url": BASE_URL})
    paths = pipeline.Paths(project, project / "content", project / "templates", out)
    search = (out / "pagefind").is_dir()
    direct = pipeline.build(paths, settings, pipeline.Selection(), search=search)
    assert direct.ok
    written = {p for p in built if not p.startswith("pagefind/") and p != ".newsdigest-output"}
    assert {f.path for f in direct.files} == written
    for item in direct.files:
        assert built[item.path] == item.data, item.path


def _squares(state: list[int], chunk: Sequence[int]) -> list[int]:
    return [state[i] * state[i] for i in chunk]


@pytest.mark.parametrize("slow", [False, True])
def test_work_found_while_the_workers_work_is_done_last_in_order(slow: bool) -> None:
    """What the main process finds to do while the workers render (the feeds, decided
    as pages render) is worked on after the pages, whether it is found before the pages
    are done or only after."""
    numbers = list(range(500))

    def meanwhile() -> list[int]:
        if slow:
            time.sleep(0.5)
        return [400, 401, 402]

    def then() -> list[int]:  # in this thread: it may use this thread's database
        assert threading.current_thread() is threading.main_thread()
        return [403]

    results = list(stream(_squares, numbers, 400, 2, meanwhile=meanwhile, ahead=1, then=then))
    assert results == [i * i for i in range(400)] + [i * i for i in (400, 401, 402, 403)]


def test_a_failure_while_the_workers_work_stops_the_build() -> None:
    def meanwhile() -> list[int]:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        list(stream(_squares, list(range(200)), 200, 2, meanwhile=meanwhile))


def test_a_parallel_rebuild_of_many_pages_writes_what_a_clean_build_writes(
    forked: Forked, tmp_path: Path
) -> None:
    """An editor retitles a dozen stories: the rebuild, spread over two workers, renders
    their pages and feeds again (the last build's fingerprints read while the workers
    render) and the site is byte for byte the one a clean build makes."""
    project = synth.write_newsdigest(tmp_path / "project", synth.articles(COUNT))
    site = tmp_path / "site"
    build(forked, project, site, "--jobs", "2")
    for path in sorted((project / "content").rglob("*.md"))[-12:]:  # the newest
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ntitle: ", "\ntitle: Retitled ", 1), encoding="utf-8")
    build(forked, project, site, "--jobs", "2")
    build(forked, project, tmp_path / "clean", "--no-cache", "--jobs", "1")
    rebuilt, clean = site_files(site), site_files(tmp_path / "clean")
    assert sorted(rebuilt) == sorted(clean)
    assert [p for p in clean if rebuilt[p] != clean[p]] == []
    assert b"Retitled" in rebuilt["feed.xml"]


def test_articles_read_by_workers_equal_the_serial_ones_and_share_repeated_values(
    parallel: tuple[Path, Path],
) -> None:
    """A read worker sends each tag, country and field line once a chunk of articles
    (memory of a large build, README "Performance"), not once an article: the articles
    are still equal to the serial ones, field by field."""
    import pickle

    from generator.load.content import find_articles
    from generator.speed.stages import Fast, ReadWork, read_chunk

    project, _ = parallel
    content = project / "content"
    settings = config.load(project, {"base_url": BASE_URL})
    found, _ = find_articles(content)
    serial = stages_api.Serial().read_all(found, settings, content)
    assert Fast(workers=2).read_all(found, settings, content) == serial
    chunk = pickle.loads(pickle.dumps(read_chunk(ReadWork(found, settings, content), range(60))))
    articles = [article for article, _, _ in chunk if article is not None]
    assert articles == [article for article, _ in serial]
    for values in (
        [tag for a in articles for tag in a.tags],
        [line for a in articles for line in a.lines],
        [a.country for a in articles],
    ):
        assert len({id(value) for value in values}) == len(set(values)) < len(values)
