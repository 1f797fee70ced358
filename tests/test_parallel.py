"""Serial and parallel builds give the same bytes, and both equal rendering every page directly."""

from __future__ import annotations

from pathlib import Path

from conftest import BASE_URL, load_synth, run_newsdigest, site_files

from generator import config, pipeline

synth = load_synth()

COUNT = 60  # above the size at which work is spread over processes


def build(project: Path, out: Path, *extra: str) -> str:
    result = run_newsdigest(
        "build", "--output", str(out), "--base-url", BASE_URL, *extra, cwd=project
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_serial_and_parallel_builds_are_byte_identical(tmp_path: Path) -> None:
    project = synth.write_newsdigest(tmp_path / "project", synth.articles(COUNT))
    build(project, tmp_path / "serial", "--no-cache", "--jobs", "1")
    build(project, tmp_path / "parallel", "--no-cache", "--jobs", "2")
    serial, parallel = site_files(tmp_path / "serial"), site_files(tmp_path / "parallel")
    assert sorted(serial) == sorted(parallel)
    assert [p for p in serial if serial[p] != parallel[p]] == []
    assert len([p for p in serial if p.endswith("index.html")]) > COUNT


def test_the_build_writes_what_the_plain_pipeline_makes(tmp_path: Path) -> None:
    """Cache, page plan and workers change nothing: the files are the serial pipeline's."""
    project = synth.write_newsdigest(tmp_path / "project", synth.articles(COUNT))
    out = tmp_path / "site"
    build(project, out, "--no-cache", "--jobs", "2")
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
