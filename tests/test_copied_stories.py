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
        "content/a-copy.md:2: warning: this story and content/story-0003.md are one file "
        "copied (the same text, front matter and all): the story would be published twice, "
        "at /2025/04/04/story-0003/ and at /2025/04/04/a-copy/, and in every feed\n    fix: "
        "delete the file that was made as the copy, and keep the one published before"
    )
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and said in checked.stdout, checked.stdout
    assert checked.stdout.count("are one file copied") == 1
    site = tmp_path / "site"
    for _ in range(2):  # a clean build, then one from the last build's records
        built = run_here("build", "--output", str(site), cwd=project)
        assert built.returncode == 0 and said in built.stdout + built.stderr
    copy.write_text(copy.read_text().replace("Rain", "Rain: day two"))  # the fix followed
    built = run_here("build", "--output", str(site), cwd=project)
    assert "are one file copied" not in built.stdout + built.stderr


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
    assert "are one file copied" not in checked.stdout


def test_a_copy_at_the_same_address_is_told_once_by_the_clash_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(project, "a/rain.md", STORY.format(title="Rain", date=DATE))
    write_article(project, "b/rain.md", STORY.format(title="Rain", date=DATE))
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1 and "would be published at the same address" in checked.stdout
    assert checked.stdout.count("are one file copied") == 1  # the error alone, no warning


def test_a_copy_with_the_original_s_file_time_is_not_called_the_story(tmp_path: Path) -> None:
    """prober5 P12: `cp a.md 0-a.md` in a clone (every file one time): the warning names
    both files and both addresses and never tells the editor to delete "this file"."""
    project = make_project(tmp_path / "p")
    original = write_article(project, "a.md", STORY.format(title="Rain", date=DATE))
    copy = project / "content/0-a.md"  # sorts first, and its file time is the original's
    copy.write_text(original.read_text())
    for path in (original, copy):
        os.utime(path, ns=(10**18, 10**18))
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.count("are one file copied") == 1, checked.stdout
    assert "content/0-a.md:2: warning: this story and content/a.md are one file" in checked.stdout
    assert "/2025/04/04/a/ and at /2025/04/04/0-a/" in checked.stdout
    assert "delete this file" not in checked.stdout


def test_a_copy_in_another_folder_is_never_given_the_original_s_address(tmp_path: Path) -> None:
    """prober5 P13: `cp a.md 2025/a.md` (one address): the clash error names both as one
    file copied and says to delete the copy; no slug that would move the original away."""
    project = make_project(tmp_path / "p")
    original = write_article(project, "a.md", STORY.format(title="Rain", date=DATE))
    (project / "content/2025").mkdir()
    (project / "content/2025/a.md").write_text(original.read_text())
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1, checked.stdout
    assert (
        "content/a.md:3: error: this story and content/2025/a.md are one file copied (the same "
        "text, front matter and all) and would be published at the same address, "
        "/2025/04/04/a/\n    fix: delete the file that was made as the copy"
    ) in checked.stdout
    assert "slug" not in checked.stdout
    (project / "content/2025/a.md").write_text(original.read_text() + "Another body.\n")
    checked = run_here("check", cwd=project)  # not a copy: the slug fix, on one of them
    assert "would be published at the same address" in checked.stdout
    assert "add the line 'slug: rain'" in checked.stdout
