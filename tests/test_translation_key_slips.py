"""A translation key that differs from its other version's only in capitals, or an empty
one, links no versions: a warning on its line names the key to write, and following the fix
links them ("Read in", hreflang). Valid keys get no warning."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

FRONT = (
    "title: {title}\ndate: 2025-06-0{day}T10:00:00Z\ncountry: India\nsummary: Rain.\n"
    "{extra}credits:\n  author: Desk\n"
)


def _story(project: Path, name: str, day: int, extra: str) -> Path:
    return write_article(project, name, FRONT.format(title=name[:-3], day=day, extra=extra))


def _build(project: Path) -> str:
    built = run_here("build", "--output", str(project / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    return built.stderr


def test_a_key_in_other_capitals_is_warned_and_the_fix_links_the_versions(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    _story(project, "c.md", 1, "translation_key: Floods\n")
    hindi = _story(project, "d.md", 1, "language: hi\ntranslation_key: floods\n")
    _story(project, "e.md", 2, "translation_key: ''\n")
    said = _build(project)
    assert (
        "content/d.md:7: warning: translation_key 'floods' differs only in capitals from "
        "'Floods' (content/c.md)" in said
    ), said
    assert "fix: did you mean 'Floods'? write 'translation_key: Floods'" in said
    assert "content/e.md:6: warning: translation_key is empty" in said
    assert "hreflang" not in (project / "site/2025/06/01/c/index.html").read_text("utf-8")
    assert said.count("warning:") == _build(project).count("warning:") == 2  # said each build
    hindi.write_text(hindi.read_text("utf-8").replace("key: floods", "key: Floods"), "utf-8")
    said = _build(project)
    assert "capitals" not in said, said
    assert 'hreflang="hi"' in (project / "site/2025/06/01/c/index.html").read_text("utf-8")


def test_valid_keys_are_not_warned(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    _story(project, "c.md", 1, "translation_key: Floods\n")
    _story(project, "d.md", 1, "language: hi\ntranslation_key: Floods\n")
    # Two English stories of their own whose keys differ in capitals: not one story's versions.
    _story(project, "f.md", 2, "translation_key: rain\n")
    _story(project, "g.md", 3, "translation_key: Rain\n")
    said = _build(project)
    assert "translation_key" not in said, said
