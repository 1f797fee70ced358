"""What every build does before it works: a rebuild after an edit imports none of the
libraries only an error, a rare field or another language needs (pycountry with
importlib.metadata, Babel's catalogs, uuid, email.utils), the country names it checks the
edited story against are pycountry's own (generator/load/iso3166.py reads pycountry's data
file without importing it), and the digest of newsdigest's code is of its files alone."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest
from conftest import REPO, STORY, make_project, run_here, write_article

from generator.load import countries, iso3166
from generator.speed import fingerprint

# Imported by a rebuild in an earlier version, each only for what the edit here has not.
NOT_IMPORTED = (
    "pycountry",
    "importlib.metadata",
    "babel.messages",
    "uuid",
    "email.utils",
    "pygments",
)
PRINT_IMPORTED = (
    "import sys; import generator.commands.build as b; b.indexer = lambda: None; "
    "from generator.cli import main; code = main(); "
    f"print('imported:', *sorted(m for m in {NOT_IMPORTED!r} if m in sys.modules)); "
    "sys.exit(code)"
)


def test_the_countries_read_from_pycountry_s_file_are_pycountry_s_records() -> None:
    """Every country with every attribute, in pycountry's order; a name, a code in
    another case and the display name of a code, as with pycountry's own records."""
    assert [vars(c) for c in iso3166.countries()] == [dict(c) for c in pycountry.countries]
    assert iso3166.by_alpha_2()["gb"].alpha_3 == "GBR"
    assert countries.by_code("IN").name == "India"
    assert countries.lookup("Republic of Korea") == countries.by_code("KR")


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_a_rebuild_after_an_edit_imports_none_of_what_it_does_not_use(
    tmp_path: Path, engine: str
) -> None:
    """With either engine: Python-Markdown's fenced code is imported without Pygments
    (and so without importlib.metadata), which only its code highlighting would use."""
    project = make_project(tmp_path / "p", f'markdown_engine = "{engine}"\n')
    story = write_article(project, "a.md", STORY)
    write_article(project, "b.md", STORY.replace("Monsoon", "Drought"))
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    story.write_text(story.read_text(encoding="utf-8") + "\nA late paragraph.\n", "utf-8")
    built = subprocess.run(
        [sys.executable, "-c", PRINT_IMPORTED, "build", "--output", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert built.returncode == 0, built.stderr
    assert "built 2 articles" in built.stdout
    assert "imported:\n" in built.stdout, built.stdout  # none of them
    page = site / "2025/06/01/a/index.html"
    assert "A late paragraph." in page.read_text(encoding="utf-8")


def test_the_code_s_digest_is_of_each_file_s_name_and_bytes_in_order_of_parts(
    tmp_path: Path,
) -> None:
    """`fingerprint.of_tree` (the code's version, keying the build cache): every file's
    relative name and bytes, by the names' parts ('a/b' before 'a-b/x', though '-' sorts
    before '/'), and nothing of `__pycache__`: compiled modules come and go."""
    files = {"a/b": b"one", "a-b/x": b"two", "z.py": b"three", "a/c/d.txt": b""}
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    h = hashlib.blake2b(digest_size=fingerprint.SIZE)
    for name in sorted(files, key=lambda name: name.split("/")):
        data, relative = files[name], name.encode()
        h.update(len(relative).to_bytes(8, "little") + relative + len(data).to_bytes(8, "little"))
        h.update(data)
    assert fingerprint.of_tree(tmp_path) == h.hexdigest()
    (tmp_path / "a" / "__pycache__").mkdir()
    (tmp_path / "a" / "__pycache__" / "b.cpython-311.pyc").write_bytes(b"compiled")
    assert fingerprint.of_tree(tmp_path) == h.hexdigest()
    (tmp_path / "a" / "b").write_bytes(b"changed")
    assert fingerprint.of_tree(tmp_path) != h.hexdigest()
