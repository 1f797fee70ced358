"""check --base: a change that removes or moves a published topic, country or author page
(and the feed readers subscribed to) is warned about, with the line that does it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import commit_all, edit, git, make_project, run_here, write_article

FRONT = """title: Storm Hits the Coast
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Asha Rao
tags: [Weather, Kerala]"""

REGISTRY = "Asha Rao:\n  slug: asha\n  bio: Covers the weather.\n"


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A project in git: two stories by Asha Rao (author page /authors/asha/), committed."""
    root = make_project(tmp_path / "news")
    (root / "authors.yaml").write_text(REGISTRY, encoding="utf-8")
    write_article(root, "2025/06/storm.md", FRONT)
    write_article(root, "2025/06/calm.md", FRONT.replace("Storm Hits", "Calm Returns to"))
    commit_all(root)
    return root


def warnings_against_main(root: Path) -> list[str]:
    result = run_here("check", "--base", "main", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "warning:" in line or "fix:" in line]


def test_a_changed_author_slug_names_the_slug_line_and_the_pages_it_moves(
    newsroom: Path,
) -> None:
    edit(newsroom / "authors.yaml", "slug: asha", "slug: asha-r")

    said = warnings_against_main(newsroom)

    assert said == [
        "authors.yaml:2: warning: this change moves the author page of 'Asha Rao': "
        "/authors/asha/ and /authors/asha/feed.xml move to /authors/asha-r/ and "
        "/authors/asha-r/feed.xml; readers' links and feed subscriptions to the old address "
        "break",
        "    fix: change the line back to 'slug: asha' in authors.yaml to keep the old address "
        "(an author page cannot be redirected)",
    ]
    edit(newsroom / "authors.yaml", "slug: asha-r", "slug: asha")
    assert warnings_against_main(newsroom) == []


def test_an_author_left_out_of_the_registry_is_told_to_be_added_back_with_the_slug(
    newsroom: Path,
) -> None:
    (newsroom / "authors.yaml").write_text("Desk:\n  bio: The desk.\n", encoding="utf-8")

    said = "\n".join(warnings_against_main(newsroom))

    assert "authors.yaml:1: warning: this change moves the author page of 'Asha Rao'" in said
    assert "move to /authors/asha-rao/" in said
    assert "fix: add 'Asha Rao:' with the line 'slug: asha' under it in authors.yaml" in said


def test_a_renamed_byline_names_the_author_line_and_offers_the_old_slug(newsroom: Path) -> None:
    for name in ("storm", "calm"):
        edit(newsroom / f"content/2025/06/{name}.md", "author: Asha Rao", "author: Asha R. Rao")

    said = warnings_against_main(newsroom)

    assert len(said) == 2, said
    assert said[0].startswith(
        "content/2025/06/calm.md:6: warning: this change removes the published author page "
        "of 'Asha Rao': /authors/asha/ and /authors/asha/feed.xml will be gone"
    )
    assert "give the new one 'slug: asha' in authors.yaml" in said[1]


def test_a_tag_taken_off_its_last_story_and_a_new_country_name_their_lines(
    newsroom: Path,
) -> None:
    edit(newsroom / "content/2025/06/storm.md", "[Weather, Kerala]", "[Weather]")
    edit(newsroom / "content/2025/06/calm.md", "[Weather, Kerala]", "[Weather, Coast]")
    for name in ("storm", "calm"):
        edit(newsroom / f"content/2025/06/{name}.md", "country: India", "country: Sri Lanka")

    said = warnings_against_main(newsroom)

    assert any(
        line.startswith(
            "content/2025/06/calm.md:7: warning: this change removes the "
            "published topic page of 'Kerala': /tags/kerala/ and /tags/kerala/feed.xml"
        )
        for line in said
    ), said
    assert any("fix: keep the tag 'Kerala' on at least one published story" in x for x in said)
    assert not any("'Sri Lanka'" in x or "'Weather'" in x for x in said)
    assert any(
        ".md:4: warning:" in x and "country page of 'India': /countries/in/" in x for x in said
    )


def test_a_page_kept_by_another_story_or_made_by_a_draft_only_is_not_reported(
    newsroom: Path,
) -> None:
    edit(newsroom / "content/2025/06/storm.md", "[Weather, Kerala]", "[Weather]")
    write_article(newsroom, "2025/06/plans.md", FRONT.replace("Kerala", "Plans"))
    edit(newsroom / "content/2025/06/plans.md", "tags:", "draft: true\ntags:")
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-qm", "a draft")

    (newsroom / "content/2025/06/plans.md").unlink()

    assert warnings_against_main(newsroom) == []


def test_a_byline_in_two_languages_is_one_warning_naming_both_pages(newsroom: Path) -> None:
    edit(newsroom / "content/2025/06/calm.md", "tags:", "language: ur\ntags:")
    git(newsroom, "commit", "-qam", "in Urdu")
    edit(newsroom / "authors.yaml", "slug: asha", "slug: asha-r")

    said = warnings_against_main(newsroom)

    assert len(said) == 2, said
    assert (
        "/authors/asha/, /ur/authors/asha/ (each with its feed.xml) move to /authors/asha-r/, "
        "/ur/authors/asha-r/ (each with its feed.xml)"
    ) in said[0]


def test_the_last_story_in_a_language_taken_out_warns_about_its_home_and_feeds(
    newsroom: Path,
) -> None:
    edit(newsroom / "content/2025/06/calm.md", "tags:", "language: ur\ntags:")
    git(newsroom, "commit", "-qam", "in Urdu")
    edit(newsroom / "content/2025/06/calm.md", "language: ur\n", "")

    said = warnings_against_main(newsroom)

    assert any(
        line.startswith(
            "content/2025/06/calm.md:1: warning: this change removes the published "
            "'ur' section: /ur/, /ur/feed.xml, /ur/atom.xml and /ur/feed.json will be gone"
        )
        for line in said
    ), said
    assert "    fix: keep 'language: ur' on at least one published story" in "\n".join(said)


def test_a_topic_renumbered_when_the_older_one_goes_is_a_move(newsroom: Path) -> None:
    """'C#' and 'C' both slug to c: the first used keeps /tags/c/, the other /tags/c-2/."""
    edit(newsroom / "content/2025/06/storm.md", "date: 2025-06-20", "date: 2025-06-19")
    edit(newsroom / "content/2025/06/storm.md", "[Weather, Kerala]", "[Weather, Kerala, C#]")
    edit(newsroom / "content/2025/06/calm.md", "[Weather, Kerala]", "[Weather, Kerala, C]")
    git(newsroom, "commit", "-qam", "two topics on one slug")
    edit(newsroom / "content/2025/06/storm.md", ", C#]", "]")

    said = warnings_against_main(newsroom)

    assert any(
        "this change moves the topic page of 'C': /tags/c-2/ and /tags/c-2/feed.xml move to "
        "/tags/c/ and /tags/c/feed.xml" in line
        for line in said
    ), said
    assert any(
        "fix: 'C' takes the address of 'C#', which had the same slug and is now on no "
        "published story: keep 'C#' on a story to keep both addresses" in line
        for line in said
    ), said


def test_a_published_author_page_in_another_script_gets_one_warning_not_two(
    tmp_path: Path,
) -> None:
    """A byline in Urdu script whose page authors.yaml pinned (`slug: asma-khan`) and this
    change unpins: the page is published, so only the warning that it moves is given,
    with the slug that keeps it; not also 'choose it now, before the page is published'."""
    root = make_project(tmp_path / "news")
    (root / "authors.yaml").write_text("عاصمہ خان:\n  slug: asma-khan\n", encoding="utf-8")
    write_article(root, "2025/06/storm.md", FRONT.replace("Asha Rao", "عاصمہ خان"))
    commit_all(root)
    (root / "authors.yaml").write_text("Desk:\n  bio: The desk.\n", encoding="utf-8")

    said = warnings_against_main(root)

    assert said[0].startswith(
        "authors.yaml:1: warning: this change moves the author page of 'عاصمہ خان': "
        "/authors/asma-khan/"
    )
    assert "fix: add 'عاصمہ خان:' with the line 'slug: asma-khan' under it" in said[1]
    assert len(said) == 2, said
    # without --base the page is not known to be published: choose a slug now
    checked = run_here("check", cwd=root)
    assert "warning: the author page of 'عاصمہ خان' would be" in checked.stdout
