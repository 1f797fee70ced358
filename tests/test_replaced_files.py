"""A file replaced as `cp -p`, `rsync --times` or an archive unpacked replace it: another
picture of the same byte size whose modification time is put back. Only its status-change
time (ctime) tells; each build after it must give the clean build's site, byte for byte.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import (
    BASE_URL,
    SAMPLE,
    Forked,
    clean_build,
    edit,
    make_project,
    sample_pictures,
    site_files,
    write_article,
)
from PIL import Image

PROCESSES: list[Forked] = []


@pytest.fixture(autouse=True, scope="module")
def processes(forked: Forked) -> None:
    PROCESSES[:] = [forked]


def build(project: Path, out: Path) -> str:
    """`newsdigest build` in a new process: it learns what earlier builds did only from disk.
    Without the search index, as the clean build it is compared with (conftest.searching)."""
    (runner,) = PROCESSES
    flags = ("--output", str(out), "--base-url", BASE_URL)
    result = runner.run("build", *flags, cwd=project, search=False)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def replace_keeping_size_and_time(path: Path, size: tuple[int, int]) -> None:
    """Save another JPEG of `size` pixels over `path`, padded to the old byte size, and put
    its access and modification times back, as `cp -p` does."""
    before = path.stat()
    for quality in range(90, 5, -5):
        out = io.BytesIO()
        Image.linear_gradient("L").resize(size).convert("RGB").save(out, "JPEG", quality=quality)
        data = out.getvalue()
        if len(data) <= before.st_size:
            break
    assert len(data) <= before.st_size
    path.write_bytes(data + b"\0" * (before.st_size - len(data)))  # after the end marker
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns


STORY = """---
title: Alerts fall for a third month
date: 2025-06-26T15:00:00-03:00
country: Brazil
credits:
  author: Haruka Mori
tags: [Climate]
image:
  src: amazon-canopy.jpg
  alt: A green canopy
---
Alerts of clearing fell again in May.

![The river in flood](body.jpg)
"""
OTHER = """\
title: Rain in Kathmandu
date: 2025-06-25T10:00:00Z
country: Nepal
credits:
  author: Desk
tags: [Climate]
"""


@pytest.fixture
def project(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A newsroom of two stories with the sample's pictures (a lead image, a picture in the
    body, an author's portrait), its cache started with the sample's encoded pictures, every
    file an hour old (as after a checkout long ago): the files a replaced picture is on are
    the same kinds of page and feed as in a larger newsroom."""
    made = make_project(tmp_path / "project")
    sample = SAMPLE / "content" / "2025" / "06"
    folder = made / "content" / "2025" / "06"
    folder.mkdir(parents=True)
    (folder / "alerts.md").write_text(STORY, encoding="utf-8")
    shutil.copy2(sample / "amazon-canopy.jpg", folder / "amazon-canopy.jpg")
    shutil.copy2(sample / "kathmandu-river.jpg", folder / "body.jpg")
    write_article(made, "2025/06/rain.md", OTHER)
    (made / "authors").mkdir()
    shutil.copy2(SAMPLE / "authors" / "haruka-mori.jpg", made / "authors" / "haruka-mori.jpg")
    (made / "authors.yaml").write_text(
        "Haruka Mori:\n  bio: Tokyo correspondent.\n  image: authors/haruka-mori.jpg\n",
        encoding="utf-8",
    )
    shutil.copytree(sample_pictures(tmp_path_factory), made / ".newsdigest-cache" / "images")
    an_hour_ago = time.time_ns() - 3600 * 10**9
    for path in made.rglob("*"):
        os.utime(path, ns=(an_hour_ago, an_hour_ago))
    return made


def assert_same_as_clean(
    project: Path, site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    got, want = (
        site_files(site),
        clean_build(project, sample_pictures(tmp_path_factory), search=False),
    )
    assert sorted(got) == sorted(want)
    assert [path for path in want if got[path] != want[path]] == []


@pytest.mark.parametrize(
    ("picture", "size"),
    [
        ("content/2025/06/amazon-canopy.jpg", (1300, 1000)),  # a lead image
        ("content/2025/06/body.jpg", (1300, 1000)),  # a picture in a body
        ("authors/haruka-mori.jpg", (500, 400)),  # an author's portrait
    ],
)
def test_a_picture_replaced_with_its_size_and_time_kept_is_published_everywhere(
    project: Path, tmp_path_factory: pytest.TempPathFactory, picture: str, size: tuple[int, int]
) -> None:
    site = project.parent / "site"
    build(project, site)
    replace_keeping_size_and_time(project / picture, size)
    assert "up to date" not in build(project, site)
    assert_same_as_clean(project, site, tmp_path_factory)
    build(project, site)  # and the build after it keeps it so
    assert_same_as_clean(project, site, tmp_path_factory)


def test_a_logo_replaced_with_its_size_and_time_kept_is_published(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + 'logo = "logo.jpg"\n')
    shutil.copy2(project / "authors/haruka-mori.jpg", project / "logo.jpg")
    site = project.parent / "site"
    build(project, site)
    replace_keeping_size_and_time(project / "logo.jpg", (300, 200))
    assert "up to date" not in build(project, site)
    assert_same_as_clean(project, site, tmp_path_factory)


def test_authors_file_edited_with_its_size_and_time_kept_is_published(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = project.parent / "site"
    build(project, site)
    registry = project / "authors.yaml"
    before = registry.stat()
    text = registry.read_text(encoding="utf-8")
    name = "Haruka Mori"
    assert name in text
    edit(registry, name, "Haruka Mora")
    os.utime(registry, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "up to date" not in build(project, site)
    assert_same_as_clean(project, site, tmp_path_factory)
