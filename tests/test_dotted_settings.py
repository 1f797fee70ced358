"""A setting's name written with a dot (`site.id = ...`): TOML reads a dotted key as a
table, and the fix said to delete "the table: this line and the lines under it", which,
followed literally, deleted every setting below it (prober4 M1). A dotted key is its own
line: the fix names that line only, and the setting it is a typo of."""

from __future__ import annotations

from pathlib import Path

from conftest import run_here, write_article

STORY = "title: Storm\ndate: 2025-06-01T10:00:00Z\ncountry: India\ncredits:\n  author: Desk\n"


def _site(tmp_path: Path) -> Path:
    assert run_here(
        "init", "gazette", "--title", "T", "--url", "https://example.com/t/", "--timezone",
        "UTC", cwd=tmp_path,
    ).returncode == 0  # fmt: skip
    root = tmp_path / "gazette"
    for old in (root / "content").rglob("*.md"):
        old.unlink()
    write_article(root, "a/storm.md", STORY)
    return root


def _insert(file: Path, line: int, text: str) -> None:
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(line - 1, text)
    file.write_text("".join(lines), encoding="utf-8")


def _delete(file: Path, *numbers: int) -> None:
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for n, line in enumerate(lines, start=1) if n not in numbers]
    file.write_text("".join(kept), encoding="utf-8")


def test_a_dotted_setting_is_one_line_and_the_fix_deletes_only_it(tmp_path: Path) -> None:
    root = _site(tmp_path)
    toml = root / "newsdigest.toml"
    site_id = next(
        n for n, line in enumerate(toml.read_text("utf-8").splitlines(), 1)
        if line.startswith("site_id")
    ) + 1  # fmt: skip
    _insert(toml, 3, 'site.id = "o.org,2025"\n')
    said = run_here("check", cwd=root).stderr
    assert "newsdigest.toml:3: error: unknown setting 'site.id'" in said, said
    assert f"fix: did you mean 'site_id'? It is set on line {site_id} already" in said, said
    assert "delete this line only" in said and "the table" not in said, said
    _delete(toml, 3)  # the fix, followed literally: every other setting is kept
    result = run_here("check", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "base_url" in toml.read_text("utf-8") and "site_id" in toml.read_text("utf-8")


def test_a_dotted_setting_not_set_otherwise_is_written_in_its_place(tmp_path: Path) -> None:
    root = _site(tmp_path)
    toml = root / "newsdigest.toml"
    _insert(toml, 3, 'items.per_page = 5\ntytle.x = "a"\n')
    _insert(toml, 6, 'tytle.y = "b"\n')
    said = run_here("check", cwd=root).stderr
    assert "newsdigest.toml:3: error: unknown setting 'items.per_page'" in said, said
    assert "write, in place of this line only: items_per_page = 5" in said, said
    assert "newsdigest.toml:4: error: unknown settings 'tytle.x', 'tytle.y'" in said, said
    assert "fix: delete lines 4, 6 (each one setting, not a [table])" in said, said
    _delete(toml, 3, 4, 6)
    _insert(toml, 3, "items_per_page = 5\n")
    assert run_here("check", cwd=root).returncode == 0


def test_a_real_table_still_gets_the_tables_fix_in_both_settings_files(
    tmp_path: Path,
) -> None:
    """The valid neighbour of the fix: a `[site]` header is a table, deleted with the lines
    under it; in pyproject.toml a dotted key under [tool.newsdigest] is one line too."""
    root = _site(tmp_path)
    toml = root / "newsdigest.toml"
    toml.write_text(toml.read_text("utf-8") + '\n[site]\nid = "x"\n', encoding="utf-8")
    said = run_here("check", cwd=root).stderr
    assert "error: unknown setting 'site' (a table, [site])" in said, said
    assert "fix: delete the table: this line and the lines under it" in said, said
    settings = toml.read_text("utf-8").replace('\n[site]\nid = "x"\n', "")
    toml.unlink()
    (root / "pyproject.toml").write_text(
        '[project]\nname = "g"\n\n[tool.newsdigest]\nsite.id = "o"\n' + settings,
        encoding="utf-8",
    )
    said = run_here("check", cwd=root).stderr
    assert "pyproject.toml:5: error: unknown setting 'site.id'" in said, said
    assert "delete this line only" in said and "the table" not in said, said


def test_a_setting_under_a_dotted_table_name_is_fixed_on_its_own_line(tmp_path: Path) -> None:
    """`site.title = "x"` (Hugo's `params.title` habit) was told to delete "the line
    [site]", which the file does not have, with no line number (prober5 P48)."""
    root = _site(tmp_path)
    toml = root / "newsdigest.toml"
    _delete(toml, *[
        n for n, line in enumerate(toml.read_text("utf-8").splitlines(), 1)
        if line.startswith("title")
    ])  # fmt: skip
    _insert(toml, 3, 'site.title = "Harbour Gazette"\n')

    said = run_here("check", cwd=root).stderr

    assert "newsdigest.toml:3: error: 'site.title' is a dotted name" in said, said
    assert "fix: write it without 'site.': title = \"Harbour Gazette\"" in said, said
    assert "[site]" not in said
    _delete(toml, 3)
    _insert(toml, 3, 'title = "Harbour Gazette"\n')
    assert run_here("check", cwd=root).returncode == 0
    assert run_here("build", cwd=root).returncode == 0
    assert "Harbour Gazette" in (root / "site/index.html").read_text(encoding="utf-8")


def test_an_empty_quoted_setting_name_is_named_on_its_line(tmp_path: Path) -> None:
    root = _site(tmp_path)
    _insert(root / "newsdigest.toml", 3, '"" = "x"\n')

    said = run_here("check", cwd=root).stderr

    assert "newsdigest.toml:3: error: unknown setting ''" in said, said
