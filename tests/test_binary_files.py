"""A file that holds no text (a picture, a PDF, bytes with NULs) saved or renamed as
`.md` is named for what it is, not told to be saved again as UTF-8, and no message prints
the file's control bytes to the terminal or a GitHub annotation (tester3 M8)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, tiny_png, write_article

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (b"\x00\x01\x02\xff\xfe" * 100, "binary data (NUL bytes and other codes no text holds)"),
        (tiny_png(), "a PNG picture, by its first bytes"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document, by its first bytes"),
    ],
)
@pytest.mark.parametrize("form", ["text", "github"])
def test_a_file_that_is_no_text_is_named_for_what_it_is(
    tmp_path: Path, raw: bytes, what: str, form: str
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)
    (project / "content/2025/06/binary.md").write_bytes(raw)

    result = run_here("check", "--format", form, cwd=project)

    out = result.stdout + result.stderr
    assert result.returncode == 1
    if form == "text":
        assert (
            f"content/2025/06/binary.md:1: error: this is not a text file: it holds {what}" in out
        )
        assert "fix: a story is text saved as UTF-8: give the file its real extension" in out
    assert "save it again as UTF-8" not in out
    assert not CONTROL.search(out), repr(out)


def _zip(*names: str) -> bytes:
    """A zip of `names`, each dated alike: the test's id holds the bytes, which must be the
    same in every pytest-xdist worker that collects it (a zip dates its files to 2 s)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 6, 1, 0, 0, 0)), "x" * 100)
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "what", "real"),
    [  # prober3 M13: a plain zip was told to be a .docx, NUL-padded headers UTF-16 text
        (_zip("a.txt"), "a zip file, by its first bytes", ".zip"),
        (_zip("word/document.xml"), "a Word document, by its first bytes", ".docx"),
        (_zip("xl/workbook.xml"), "an Excel workbook, by its first bytes", ".xlsx"),
        (
            b"PK\x03\x04" + b"\x00" * 50,
            "a zip file (a Word or Excel document is one too), by its first bytes",
            ".zip, or .docx, .xlsx or .pptx for an Office file",
        ),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 30, "a gzip-compressed file, by its first bytes", ".gz"),
    ],
)
def test_a_zipped_or_nul_padded_file_is_named_for_what_it_is_never_utf16(
    tmp_path: Path, raw: bytes, what: str, real: str
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)
    (project / "content/2025/06/binary.md").write_bytes(raw)

    out = run_here("check", cwd=project).stdout

    assert f"content/2025/06/binary.md:1: error: this is not a text file: it holds {what}" in out
    assert f"give the file its real extension (its real name ends in {real})" in out, out
    assert "UTF-16" not in out


def test_a_story_saved_as_utf16_without_its_mark_is_still_named_utf16(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "content/2025/06").mkdir(parents=True)
    text = "---\n" + STORY + "---\nBody text.\n"
    (project / "content/2025/06/story.md").write_bytes(text.encode("utf-16-le"))
    out = run_here("check", cwd=project).stdout
    assert "content/2025/06/story.md:1: error: the file is saved as UTF-16" in out, out


def test_a_text_file_in_another_encoding_still_gets_the_save_as_fix_with_no_control_bytes(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY)
    (project / "content/2025/06/old.md").write_bytes(b"---\ntitle: Caf\xe9\x01\x02 here\n---\n")

    out = run_here("check", cwd=project).stdout

    assert "content/2025/06/old.md:2: error: the file is not saved as UTF-8" in out
    assert "in 'title: Café?? here'" in out
    assert "this is not a text file" not in out and not CONTROL.search(out)
