"""The build's summary counts the files of the site it published, whether the build was
the first, a clean one (`--no-cache`) or one that kept the last build's files (tester4
F6: Pagefind's files were counted only when kept from the last build, so one site was
"39 files" clean and "59 files" incremental; it had 60)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import STORY, make_project, run_here, write_article

from generator.write.target import MARKER


def counted(project: Path, *args: str) -> tuple[int, int, int]:
    """(files, written, unchanged) as the build's summary line gives them."""
    built = run_here("build", *args, cwd=project, search=True)
    assert built.returncode == 0, built.stdout + built.stderr
    found = re.search(r": (\d+) files \((\d+) written, (\d+) unchanged\)", built.stdout)
    assert found, built.stdout
    files, written, unchanged = (int(n) for n in found.groups())
    return files, written, unchanged


def on_disk(site: Path) -> int:
    return sum(1 for p in site.rglob("*") if p.is_file() and p.name != MARKER)


def test_every_build_counts_the_files_it_published(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)
    site, clean = tmp_path / "site", tmp_path / "clean"
    first = counted(project, "--output", str(site))
    assert (site / "pagefind").is_dir()  # the search index's files are among them
    assert first == (on_disk(site), on_disk(site), 0)
    again = counted(project, "--output", str(site))
    assert again == (on_disk(site), 0, on_disk(site))
    write_article(project, "2025/06/other.md", STORY.replace("Monsoon", "Drought"))
    changed = counted(project, "--output", str(site))
    assert changed[0] == on_disk(site) == changed[1] + changed[2] and changed[1] > 0
    fresh = counted(project, "--no-cache", "--output", str(clean))
    assert fresh == (on_disk(clean), on_disk(clean), 0) and fresh[0] == changed[0]
