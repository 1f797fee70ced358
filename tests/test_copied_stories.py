"""A story copied to a second file and left as it was (tester4 F25: `cp story-0003.md
story-0003-copy.md` was published twice, without a word) is a warning on the copy, the
file changed last, naming the other; every build says it, incremental or clean, and
`check` too. Stories that only share a headline, a time or both (with other text or
another field), translations, and a draft copy (a follow-up being written) say nothing."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import make_project, run_here, write_article

STORY = "title: {title}\ndate: {date}\ncountry: UK\ncredits:\n  author: A\n"
DATE = "2025-04-04T10:00:00Z"


def test_a_copied_story_is_a_warning_on_the_copy_in_check_and_every_build(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    original = write_article(project, "story-0003.md", STORY.format(title="Rain", date=DATE))
    copy = project / "content/a-copy.md"  # a name that sorts first: the later file is told
    copy.write_text(original.read_text().replace("\n", "\r\n"))  # saved on Windows
    os.utime(original, ns=(10**18, 10**18))
    os.utime(copy, ns=(2 * 10**18, 2 * 10**18))
    said = (
        "content/a-copy.md:2: warning: this story is a copy of content/story-0003.md (the "
        "same text, front matter and all): it would be published twice, at two addresses "
        "and in every feed\n    fix: delete this file, or write the new story in it (its own "
        "title and date)"
    )
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and said in checked.stdout, checked.stdout
    assert checked.stdout.count("is a copy of") == 1
    site = tmp_path / "site"
    for _ in range(2):  # a clean build, then one from the last build's records
        built = run_here("build", "--output", str(site), cwd=project)
        assert built.returncode == 0 and said in built.stdout + built.stderr
    copy.write_text(copy.read_text().replace("Rain", "Rain: day two"))  # the fix followed
    built = run_here("build", "--output", str(site), cwd=project)
    assert "is a copy of" not in built.stdout + built.stderr


def test_stories_that_only_look_alike_are_not_copies(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "rain.md", STORY.format(title="Rain", date=DATE))
    write_article(project, "rain-later.md", STORY.format(title="Rain", date="2025-04-04T11:00:00Z"))
    write_article(project, "wind.md", STORY.format(title="Wind", date=DATE))
    write_article(project, "rain-2.md", STORY.format(title="Rain", date=DATE), "Other text.\n")
    summary = STORY.format(title="Rain", date=DATE) + "summary: Another summary.\n"
    write_article(project, "rain-3.md", summary)
    fr = STORY.format(title="Rain", date=DATE) + "language: fr\nslug: pluie\n"
    write_article(project, "fr/rain.md", fr)
    draft = STORY.format(title="Rain", date=DATE) + "draft: true\n"
    write_article(project, "rain-follow-up.md", draft)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "is a copy of" not in checked.stdout


def test_a_copy_at_the_same_address_is_told_once_by_the_clash_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "a/rain.md", STORY.format(title="Rain", date=DATE))
    write_article(project, "b/rain.md", STORY.format(title="Rain", date=DATE))
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1 and "would be published at the same address" in checked.stdout
    assert "is a copy of" not in checked.stdout
