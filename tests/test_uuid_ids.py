"""One UUID typed in capitals, in lower case or bare is one permanent id: two stories
with it are the "same permanent id" error (RFC 9562 compares UUIDs in any case); a UUID
URN with braces (`urn:uuid:{...}`) is an error whose fix is the URN without them
(prober3 M12). Different UUIDs, and one UUID once, stay silent."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, write_article

UUID = "6e8bc430-9c3a-11d9-9669-0800200c9a66"


@pytest.mark.parametrize("typed", [f"URN:UUID:{UUID.upper()}", f"urn:uuid:{UUID}", UUID.upper()])
def test_one_uuid_in_any_case_is_one_id(tmp_path: Path, typed: str) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/a.md", STORY + f'id: "urn:uuid:{UUID}"\n', "One.\n")
    write_article(project, "2025/06/b.md", STORY.replace("Monsoon", "Rain") + f'id: "{typed}"\n')

    checked = run_here("check", cwd=project)

    assert checked.returncode == 1
    assert "content/2025/06/b.md:7: error: this story and content/2025/06/a.md (line 7) have " in (
        checked.stdout
    )
    assert "the same permanent id" in checked.stdout


def test_a_uuid_urn_with_braces_is_an_error_whose_fix_passes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/a.md", STORY + f'id: "urn:uuid:{{{UUID}}}"\n')

    checked = run_here("check", cwd=project)

    assert checked.returncode == 1
    assert (
        f"content/2025/06/a.md:7: error: id 'urn:uuid:{{{UUID}}}' has braces around the UUID"
        in checked.stdout
    )
    assert f"    fix: write it without the braces: id: urn:uuid:{UUID}\n" in checked.stdout
    path.write_text(path.read_text().replace(f'"urn:uuid:{{{UUID}}}"', f"urn:uuid:{UUID}"))
    assert run_here("check", cwd=project).returncode == 0


@pytest.mark.parametrize(
    "typed",
    [
        f"urn:uuid:{UUID.replace('-', '')}",
        UUID.replace("-", ""),
        UUID.replace("-", "").upper(),
        f"urn:uuid:{{{UUID.replace('-', '')}}}",
    ],
)
def test_a_uuid_without_hyphens_gets_its_own_digits_hyphenated(tmp_path: Path, typed: str) -> None:
    """prober4 M12: 32 hex digits with no hyphens (Python's uuid.hex) were offered an
    example's UUID, which pasted gives every such story one id: the fix writes the digits
    typed, in groups of 8-4-4-4-12, and followed it passes."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/a.md", STORY + f'id: "{typed}"\n')

    checked = run_here("check", cwd=project)

    assert checked.returncode == 1
    assert f"content/2025/06/a.md:7: error: id {typed!r} " in checked.stdout
    fix = f"id: urn:uuid:{UUID}"
    assert f": {fix}\n" in checked.stdout, checked.stdout
    assert "6f1c2a4e" not in checked.stdout
    path.write_text(path.read_text().replace(f'id: "{typed}"', fix))
    assert run_here("check", cwd=project).returncode == 0


def test_different_uuids_are_silent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/a.md", STORY + f'id: "URN:UUID:{UUID.upper()}"\n')
    other = UUID.replace("6e8b", "7e8b")
    write_article(project, "2025/06/b.md", STORY.replace("Monsoon", "Rain") + f"id: {other}\n")

    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "warning" not in checked.stdout


NIL = "00000000-0000-0000-0000-000000000000"


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        (NIL, "nil"),
        (f"urn:uuid:{NIL}", "nil"),
        (f"{{{NIL}}}", "nil"),
        ("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "max"),
        ("urn:uuid:ffffffff-ffff-ffff-ffff-ffffffffffff", "max"),
    ],
)
def test_a_placeholder_uuid_is_an_error_whose_fix_passes(
    tmp_path: Path, typed: str, kind: str
) -> None:
    """prober4 L8: the nil (and max) UUID is a placeholder, never a story's permanent id."""
    project = make_project(tmp_path / "project")
    path = write_article(project, "2025/06/a.md", STORY + f'id: "{typed}"\n', "One.\n")

    checked = run_here("check", cwd=project)

    assert checked.returncode == 1
    assert f"content/2025/06/a.md:7: error: id {typed!r} is the {kind} UUID, a placeholder" in (
        checked.stdout
    )
    assert "    fix: delete the 'id:' line" in checked.stdout
    path.write_text(path.read_text().replace(f'id: "{typed}"\n', ""))
    assert run_here("check", cwd=project).returncode == 0


def test_a_uuid_with_zeros_in_it_is_silent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/a.md", STORY + 'id: "00000000-0000-0000-0000-000000000001"\n')

    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "warning" not in checked.stdout
