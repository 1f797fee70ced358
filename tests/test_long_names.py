"""Names too long for a disk: every part of an address is a folder or file name of the
built site, and file systems refuse names over 255 bytes. A slug, an alias or a picture
whose name is too long is an error on its line in `check` and `build` (never "cannot
write the site (File name too long)" naming a hidden folder); a long file name or tag is
shortened into its slug and builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article
from PIL import Image

FRONT = """title: Long Story
date: 2025-06-20T10:00:00Z
country: India
credits:
  author: Desk"""
LONG = "x" * 320


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (f"slug: {LONG}", "the slug"),
        (f"aliases: [/old/{LONG}/]", "aliases: item 1"),
        (f"aliases: [/old/{LONG}.html]", "aliases: item 1"),
    ],
    ids=["slug", "alias-folder", "alias-file"],
)
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_part_of_an_address_too_long_for_a_disk_is_an_error_on_its_line(
    tmp_path: Path, line: str, field: str, command: str
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", f"{FRONT}\n{line}")
    output = ["--output", str(tmp_path / "site")] if command == "build" else []
    result = run_here(command, *output, cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert (
        f"content/2025/06/story.md:7: error: {field} is too long to be a web address: "
        "xxxxxxxxxx" in said
    )
    assert "characters, and each part between two slashes may have at most 200" in said
    assert "fix: shorten it" in said
    assert "File name too long" not in said and not (tmp_path / "site").exists()


def test_a_picture_whose_name_is_too_long_to_publish_is_an_error_on_its_line(
    tmp_path: Path,
) -> None:
    """Its copies are published in a folder named after it (media-sizes/NAME.jpg/480w.jpg):
    a name over 200 bytes is refused like any long part of an address."""
    project = make_project(tmp_path / "p")
    name = "z" * 250 + ".jpg"
    (project / "content/2025/06").mkdir(parents=True)
    Image.new("RGB", (2000, 1200), (90, 120, 150)).save(project / "content/2025/06" / name)
    write_article(project, "2025/06/story.md", f"{FRONT}\nimage:\n  src: {name}\n  alt: Sky")
    for command in (["check"], ["build", "--output", str(tmp_path / "site")]):
        result = run_here(*command, cwd=project)
        said = result.stdout + result.stderr
        assert result.returncode == 1, said
        assert "content/2025/06/story.md:8: error: image.src: content/2025/06/zzz" in said
        assert "has a file name of 254 characters" in said and "rename the file" in said
        assert "File name too long" not in said


def test_a_long_file_name_and_long_tags_are_shortened_into_addresses_that_build(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    tag = " ".join(["Election"] * 40)  # 359 characters
    write_article(project, "2025/06/" + "word-" * 49 + "end.md", f"{FRONT}\ntags: [{tag}]")
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    names = [p.name for p in site.rglob("*")]
    assert max(len(n.encode()) for n in names) <= 80
    assert (site / "tags" / ("election-" * 8 + "election") / "index.html").is_file()
