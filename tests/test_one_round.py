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


ALIASES = """\
title: Q2
date: 2025-06-20T11:00:00Z
country: UK
credits:
  author: Asha Rao
aliases: [/2025/06/20/q1/, /tags/foo/, /2025/06/20/q2/, /old/q3/]
"""
CORRECTED = """\
title: Q3
date: 2025-06-20T12:00:00Z
country: UK
credits:
  author: Asha Rao
updated: 2025-07-01T10:00:00Z
corrections:
  - date: 2025-06-19T10:00:00Z
    text: Early.
  - date: 2025-07-01T10:00:00Z
    text: Late.
  - date: 2025-06-21
    text: ''
"""


def test_aliases_and_future_corrections_are_named_with_the_files_other_mistakes(
    tmp_path: Path,
) -> None:
    """An alias that is another story's page or the story's own, and a change dated after
    the build's time, are named with the other errors of the same line, not only once
    those are fixed: by `check` and by `build`, alike."""
    project = make_project(tmp_path / "project")
    q1 = ALIASES.replace("Q2", "Q1").replace("11:00", "10:00")
    write_article(project, "q/q1.md", q1.replace(ALIASES.splitlines()[-1], "aliases: [/old/q1/]"))
    write_article(project, "q/q2.md", ALIASES.replace("/old/q3/", "/old/q1/"))
    write_article(project, "q/q3.md", CORRECTED)
    now = "2025-06-25T12:00:00Z"
    built = run_here("build", "--now", now, "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 1
    found = [line for line in built.stderr.splitlines() if ": error: " in line]
    for expected in [
        "content/q/q2.md:7: error: alias /2025/06/20/q1/ is the page of q/q1.md",
        "content/q/q2.md:7: error: alias /2025/06/20/q2/ is its own page",
        "content/q/q2.md:7: error: alias /old/q1/ is also an alias of q/q1.md",
        "content/q/q2.md:7: error: aliases: item 2 (/tags/foo/)",
        "content/q/q3.md:7: error: updated 2025-07-01T10:00:00+00:00 is in the future",
        "content/q/q3.md:9: error: corrections: item 1: date (2025-06-19T10:00:00+00:00) is before",
        "content/q/q3.md:11: error: corrections: item 2: date 2025-07-01T10:00:00+00:00 is in "
        "the future",
        "content/q/q3.md:14: error: corrections: item 3: text is empty",
    ]:
        assert any(line.startswith(expected) for line in found), (expected, found)
    lines = built.stderr.splitlines()
    [late] = [i for i, line in enumerate(lines) if "item 2: date 2025-07-01" in line]
    assert lines[late + 1].strip().startswith("fix: write the time the correction was made")
    # check, with its own clock (today), names them too
    found = check(project)
    assert any("q2.md:7: error: alias /2025/06/20/q2/ is its own page" in f for f in found)
    assert any("q2.md:7: error: alias /2025/06/20/q1/ is the page of q/q1.md" in f for f in found)
