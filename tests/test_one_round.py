"""One round of fixes: a mistake that makes a file hard to read (a field written twice, a
YAML tag, a label, a setting written twice) is named with every other mistake of the file
in the same `check`, as README's "What check tells you" promises, not one per run."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

TWICE = """\
title: Dup two
date: 2025-06-31
country: Indai
credits:
  author: Asha Rao
  image: http://x
title: Dup again
"""


def check(project: Path) -> list[str]:
    result = run_here("check", cwd=project)
    assert result.returncode != 0
    return [line for line in result.stdout.splitlines() if not line.startswith(" ")]


def test_a_field_written_twice_is_named_with_the_files_other_mistakes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "dup2.md", TWICE, "Body. ![x](missing.png)\n")
    found = check(project)
    assert any(line.startswith("content/dup2.md:8: error: title: given twice") for line in found)
    assert any(line.startswith("content/dup2.md:3: error: date: 2025-06-31") for line in found)
    assert any(line.startswith("content/dup2.md:4: error: country 'Indai'") for line in found)
    assert any(line.startswith("content/dup2.md:10: error: image 'missing.png'") for line in found)


HOSTILE = """\
title: Y one
date: 2025-06-20T10:00:00Z
country: UK
credits:
  author: Asha Rao
  author: Ben Li
a: &a x
f: &f u
g: !!python/object/apply:os.system ["echo pwned"]
language: Urdu
h: *a
"""


def test_a_tag_a_label_and_a_duplicate_are_named_together(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    witness = tmp_path / "pwned"
    write_article(project, "y1.md", HOSTILE.replace("echo pwned", f"touch {witness}"))
    found = check(project)
    assert not witness.exists()  # the tagged value is read as text, never run
    where = [line.partition(" error: ")[0] for line in found if " error: " in line]
    assert where == [
        "content/y1.md:7:",  # author: given twice
        "content/y1.md:9:",  # '&f', a label no alias uses: once, on its line
        "content/y1.md:10:",  # !!python/...
        "content/y1.md:11:",  # language 'Urdu'
    ]
    assert any("unknown field 'g'" in line for line in found)


def test_a_name_written_twice_in_authors_yaml_hides_no_mistake_of_the_first(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "s.md", "title: S\ndate: 2025-06-20T10:00:00Z\ncountry: UK")
    (project / "authors.yaml").write_text(
        "Asha Rao:\n  bio: Science correspondent.\n  url: asha.example.org\n"
        "  fediverse: asha@mastodon.social\n  image: authors/asha.jpg\n"
        "Ben Li:\n  bio: Editor.\nAsha Rao:\n  bio: Again.\n",
        encoding="utf-8",
    )
    found = [line for line in check(project) if line.startswith("authors.yaml")]
    where = [line.partition(" error: ")[0] for line in found]
    assert where == [
        "authors.yaml:3:",
        "authors.yaml:4:",
        "authors.yaml:5:",
        "authors.yaml:8:",  # Asha Rao: given twice
    ]


def test_a_setting_written_twice_is_named_with_the_other_wrong_settings(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "project", "feed_length = -5\ntimezone = 'Asia/Kolkata'\ntrusted_html = 1\n"
    )
    write_article(project, "s.md", "title: S\ndate: 2025-06-20T10:00:00Z\ncountry: UK")
    result = run_here("check", cwd=project)
    assert result.returncode == 2
    found = [line for line in result.stderr.splitlines() if " error: " in line]
    assert [line.partition(" error: ")[0] for line in found] == [
        "pyproject.toml:8:",
        "pyproject.toml:9:",
        "pyproject.toml:10:",
    ]
    assert "timezone is written a second time here (first on line 6)" in found[1]
