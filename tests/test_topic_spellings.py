"""A topic's spelling: the most used, and on a tie the first used (the oldest story's), so
a new story typed in capitals never renames a topic on every page; each other spelling is
a warning on its first story's tags: line. Case is folded as Unicode does (ß is ss), and
look-alike forms as NFKC (full-width ＡＩ is AI); a tag with no letter or digit is a slip."""

from __future__ import annotations

from pathlib import Path

from conftest import BASE_URL, make_project, run_here, write_article

STORY = "title: {title}\ndate: 2025-06-23T{hour}:00:00Z\ncountry: UK\ncredits:\n  author: A\n"


def story(project: Path, name: str, hour: int, tags: str) -> None:
    front = STORY.format(title=name.upper(), hour=hour) + f"tags: {tags}\n"
    write_article(project, f"{name}.md", front)


def build(project: Path) -> tuple[Path, str]:
    out = project.parent / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def test_a_tie_keeps_the_first_used_spelling_and_warns_on_the_newcomer(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    story(project, "tt1", 11, "[Flood Watch]")
    story(project, "tt2", 12, "[FLOOD WATCH]")
    out, said = build(project)
    page = (out / "tags" / "flood-watch" / "index.html").read_text(encoding="utf-8")
    assert "Topic: Flood Watch" in page and "FLOOD WATCH" not in page
    story_page = (out / "2025" / "06" / "23" / "tt2" / "index.html").read_text(encoding="utf-8")
    assert ">Flood Watch<" in story_page
    assert "content/tt2.md:7: warning: tag 'FLOOD WATCH' is the topic 'Flood Watch'" in said
    assert "fix: write 'Flood Watch'" in said


def test_sharp_s_and_full_width_letters_are_one_topic(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    story(project, "s1", 10, "[Straße, AI]")
    story(project, "s2", 11, "[Strasse, ＡＩ]")
    story(project, "s3", 12, "[STRASSE]")
    out, said = build(project)
    assert (out / "tags" / "ai" / "index.html").is_file()
    assert not (out / "tags" / "ai-2").exists()
    assert ">Straße<" in (out / "2025" / "06" / "23" / "s3" / "index.html").read_text("utf-8")
    assert "content/s2.md:7: warning: tag 'Strasse' is the topic 'Straße'" in said
    assert "content/s2.md:7: warning: tag 'ＡＩ' is the topic 'AI'" in said


def test_a_tag_with_no_letter_or_digit_is_a_warning_naming_its_address(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    story(project, "p", 10, "['#', Floods]")
    result = run_here("check", cwd=project)
    assert result.returncode == 0
    assert "content/p.md:7: warning: tag '#' has no letter, digit or emoji" in result.stdout
    assert "/tags/topic-" in result.stdout


def test_dotted_initials_and_their_letters_in_one_list_are_one_topic(tmp_path: Path) -> None:
    """`tags: [U.S., US]` is one topic, with the warning `COVID-19`/`Covid 19` get; a
    dotted abbreviation that is no initials (`Ph.D.`, `St. Lucia`) is left as typed."""
    project = make_project(tmp_path / "project")
    story(project, "d1", 10, "[U.S., US, U.K. Politics, UK politics, Ph.D., PhD]")
    out, said = build(project)
    assert "content/d1.md:7: warning: tags 'U.S.' and 'US' are the same topic" in said, said
    assert "fix: remove 'US' from the list" in said
    assert "tags 'U.K. Politics' and 'UK politics' are the same topic" in said
    assert "Ph.D." not in said  # another word: two topics, as before
    assert (out / "tags" / "u-s" / "index.html").is_file()
    assert not (out / "tags" / "us").exists()
    page = (out / "2025" / "06" / "23" / "d1" / "index.html").read_text(encoding="utf-8")
    assert ">U.S.<" in page and ">US<" not in page


def test_dotted_initials_in_another_story_are_warned_and_keep_their_addresses(
    tmp_path: Path,
) -> None:
    """`U.S.` in one story and `US` in a newer one are two topics (each keeps the address
    readers may have): a warning on the newer one's line names the older spelling."""
    project = make_project(tmp_path / "project")
    story(project, "e1", 10, "[U.S., Elections]")
    story(project, "e2", 11, "[US, Election Day]")
    out, said = build(project)
    assert "content/e2.md:7: warning: tag 'US' and 'U.S.' (content/e1.md) are two topics" in said, (
        said
    )
    assert "fix: write 'U.S.', as 1 story does (the spelling most used)" in said
    assert said.count("are two topics") == 1
    assert (out / "tags" / "u-s" / "index.html").is_file()
    assert (out / "tags" / "us" / "index.html").is_file()


def test_dotted_initials_across_stories_name_the_most_used_spelling_on_every_other_story(
    tmp_path: Path,
) -> None:
    """prober5 P21: with `U.S.` in the oldest story and `US` in four newer ones, one newer
    story was warned per run and told to write the one story's `U.S.`, emptying /tags/us/.
    The spelling most used is the one to write, and every story with another is warned in
    the same run, on its tags line."""
    project = make_project(tmp_path / "project")
    story(project, "a1", 10, "[U.S.]")
    story(project, "a2", 11, "[Climate, U.S.]")
    for n in range(3, 6):
        story(project, f"a{n}", 9 + n, "[US]")
    _, said = build(project)
    for name in ("a1", "a2"):
        assert f"content/{name}.md:7: warning: tag 'U.S.' and 'US' (content/a3.md)" in said, said
    assert said.count("fix: write 'US', as 3 stories do (the spelling most used)") == 2, said
    assert said.count("are two topics") == 2, said
