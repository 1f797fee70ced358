"""A newcomer's small slips (tester3's low faults), each answered on its line with a fix
an editor can follow: a content folder with no story, an empty publisher, settings beyond
what the site does, a base_url or site_id typed as another form of address, an ftp: link,
a story renamed while site_id changes, a file named without its extension or outside
content/."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import commit_all, git, make_project, run_here, tiny_png, write_article

STORY = """\
title: Storm hits the coast
date: 2025-06-20T10:00:00Z
country: India
credits:
  author: Asha Rao
"""


def test_a_content_folder_with_no_article_is_a_warning_in_check_and_build(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "desk")
    (project / "content" / "notes.txt").write_text("not a story\n", encoding="utf-8")

    checked = run_here("check", cwd=project)
    built = run_here("build", cwd=project)

    assert checked.returncode == 0 and built.returncode == 0, checked.stdout + built.stderr
    said = "content: warning: this folder holds no article (no .md file): the site is "
    assert said + "published with no story" in checked.stdout.splitlines()
    assert "fix: write one with: newsdigest new" in checked.stdout
    assert said in built.stderr


def test_a_content_folder_with_only_a_draft_gets_no_such_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk")
    write_article(project, "story.md", STORY + "draft: true\n")

    checked = run_here("check", cwd=project)

    assert checked.returncode == 0, checked.stdout
    assert "holds no article" not in checked.stdout


def test_an_empty_publisher_is_an_error_on_its_line_not_the_title_unsaid(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk", 'publisher = ""\n')
    write_article(project, "story.md", STORY)

    checked = run_here("check", cwd=project)

    assert checked.returncode != 0
    assert "pyproject.toml:8: error: publisher is empty" in checked.stderr.splitlines()
    assert "delete this line to name the site's title as the publisher" in checked.stderr


def test_a_publisher_written_or_left_out_is_silent(tmp_path: Path) -> None:
    named = make_project(tmp_path / "named", 'publisher = "Harbour Media"\n')
    left_out = make_project(tmp_path / "left-out")
    for project in (named, left_out):
        write_article(project, "story.md", STORY)
        checked = run_here("check", cwd=project)
        assert checked.returncode == 0, checked.stderr
        assert checked.stdout.splitlines()[-1] == "checked 1 article: no errors"


def test_settings_beyond_what_the_site_does_are_warnings_with_the_value_that_works(
    tmp_path: Path,
) -> None:
    project = make_project(
        tmp_path / "desk",
        'home_per_day = 100\nhome_per_topic = 41\nwebsub_hub = "http://hub.example.net/"\n',
    )
    write_article(project, "story.md", STORY)

    said = run_here("check", cwd=project).stdout.splitlines()

    assert (
        "pyproject.toml:8: warning: home_per_day = 100: the home page shows 40 stories at "
        "most, whatever this setting, so it works as home_per_day = 40"
    ) in said
    assert "    fix: write home_per_day = 40 (every story of a day is on its digest page)" in said
    assert any(line.startswith("pyproject.toml:9: warning: home_per_topic = 41") for line in said)
    # prober3 L7: home_per_topic's fix once spoke of a day's digest page
    assert (
        "    fix: write home_per_topic = 40 (every story of a topic is on its topic page)" in said
    )
    assert (
        "    fix: write websub_hub = 'https://hub.example.net/' (public hubs take https://)"
    ) in said
    assert said[-1] == "checked 1 article: no errors, 3 warnings"


def test_settings_within_what_the_site_does_are_silent(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "desk",
        'home_per_day = 40\nhome_per_topic = 40\nwebsub_hub = "https://hub.example.net/"\n',
    )
    local = make_project(tmp_path / "local", 'websub_hub = "http://localhost:8080/hub"\n')
    for root in (project, local):
        write_article(root, "story.md", STORY)
        assert run_here("check", cwd=root).stdout.splitlines()[-1] == (
            "checked 1 article: no errors"
        )


def test_a_base_url_without_https_is_answered_with_the_address_meant(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk")
    write_article(project, "story.md", STORY)
    settings = project / "pyproject.toml"
    written = settings.read_text(encoding="utf-8")
    settings.write_text(written.replace("http://127.0.0.1:8000", "news.example.net"), "utf-8")

    checked = run_here("check", cwd=project)
    option = run_here("build", "--base-url", "htps://news.example.net/desk", cwd=project)

    assert checked.returncode == 2
    assert any(
        line.startswith("pyproject.toml:") and "(it has no https:// or http:// in front)" in line
        for line in checked.stderr.splitlines()
    ), checked.stderr
    assert "    fix: write it so: https://news.example.net/sub/" in checked.stderr
    assert option.returncode == 2
    assert option.stderr.rstrip().endswith("write it so: https://news.example.net/desk/")


def test_a_base_url_with_no_host_first_keeps_the_general_fix(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk")
    write_article(project, "story.md", STORY)

    local = run_here("build", "--base-url", "localhost:8000", cwd=project)
    word = run_here("build", "--base-url", "news", cwd=project)

    assert "write it so: http://localhost:8000/" in local.stderr
    assert "use the address the site is served at" in word.stderr
    assert "write it so" not in word.stderr


FTP_BODY = """\
The [archive](ftp://ftp.example.net/pub/report.pdf) and [the site](https://example.net/).

Also <a href="FTP://files.example.net/b.zip">the data</a>, and ftp: as a word.
"""


def test_an_ftp_link_is_published_with_a_warning_that_no_browser_opens_it(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "desk")
    write_article(project, "story.md", STORY, FTP_BODY)  # the body starts on line 8
    site = tmp_path / "site"

    built = run_here("build", "--output", str(site), cwd=project)

    assert built.returncode == 0, built.stderr
    said = built.stderr.splitlines()
    for line, address in (
        (8, "ftp://ftp.example.net/pub/report.pdf"),
        (10, "FTP://files.example.net/b.zip"),
    ):
        assert (
            f"content/story.md:{line}: warning: this link's address {address!r} is an ftp: "
            "address, which today's browsers (Chrome, Firefox, Edge, Safari) no longer open: "
            "readers cannot follow the link"
        ) in said
    assert "    fix: link to the file's https:// address instead (most file servers have one)" in (
        built.stderr
    )
    assert sum("warning:" in line for line in said) == 2  # the https:// link and the word: no
    page = (site / "2025/06/20/story/index.html").read_text(encoding="utf-8")
    assert 'href="ftp://ftp.example.net/pub/report.pdf"' in page  # published as typed


def test_links_without_ftp_are_silent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk")
    write_article(project, "story.md", STORY, "See [the site](https://example.net/ftp:x).\n")
    assert run_here("check", cwd=project).stdout.splitlines()[-1] == "checked 1 article: no errors"


def test_check_base_with_a_new_site_id_knows_a_guid_pinned_to_the_published_one(
    tmp_path: Path,
) -> None:
    """A story renamed with `id:` holding the GUID it was published with, in a change that
    also edits site_id: its GUID stays, so only its URL is said to change."""
    project = make_project(tmp_path / "desk")
    write_article(project, "storm.md", STORY)
    write_article(project, "calm.md", STORY.replace("Storm hits", "Calm returns to"))
    commit_all(project)
    settings = project / "pyproject.toml"
    written = settings.read_text(encoding="utf-8")
    settings.write_text(written.replace("test.example,2025", "news.example,2025"), "utf-8")
    git(project, "mv", "content/storm.md", "content/coastal-storm.md")
    git(project, "mv", "content/calm.md", "content/calm-returns.md")
    pinned = project / "content/coastal-storm.md"
    pinned.write_text(
        pinned.read_text(encoding="utf-8").replace(
            "country: India",
            "country: India\nid: tag:test.example,2025:2025-06-20/storm",
        ),
        encoding="utf-8",
    )

    said = run_here("check", "--base", "main", cwd=project).stdout.splitlines()

    assert any("error: site_id was 'test.example,2025' at main" in line for line in said)
    assert (
        "content/coastal-storm.md:1: warning: this change moves a published article: its URL "
        "changes (/2025/06/20/storm/ -> /2025/06/20/coastal-storm/); links to "
        "it break (its feed GUID stays the same, so feed readers do not show it again)"
    ) in said
    assert (  # its neighbour, renamed without id:, changes both
        "content/calm-returns.md:1: warning: this change moves a published article: its URL "
        "and feed GUID change (/2025/06/20/calm/ -> "
        "/2025/06/20/calm-returns/); links to it break and feed readers show it again"
    ) in said


def test_a_picture_or_file_named_without_its_extension_is_offered_the_file(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "desk")
    (project / "content" / "b").mkdir()
    (project / "content" / "b" / "shared.png").write_bytes(tiny_png())
    (project / "content" / "b" / "report.pdf").write_bytes(b"%PDF-1.4\n")
    body = "![A chart](../b/shared)\n\nThe [report](../b/Report).\n"
    write_article(project, "a/story.md", STORY, body)  # the body starts on line 8

    said = run_here("check", cwd=project).stdout.splitlines()

    assert "content/a/story.md:8: error: image '../b/shared' does not exist" in said
    assert (
        "    fix: did you mean ../b/shared.png? A file's name ends with its extension (shared.png)"
    ) in said
    assert "content/a/story.md:10: error: link to '../b/Report' points to no file" in said
    assert (
        "    fix: did you mean ../b/report.pdf? A file's name ends with its extension (report.pdf)"
    ) in said


def test_a_picture_and_file_named_with_their_extension_are_silent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk")
    (project / "content" / "b").mkdir()
    (project / "content" / "b" / "shared.png").write_bytes(tiny_png())
    (project / "content" / "b" / "report.pdf").write_bytes(b"%PDF-1.4\n")
    body = "![A chart](../b/shared.png)\n\nThe [report](../b/report.pdf).\n"
    write_article(project, "a/story.md", STORY, body)
    assert run_here("check", cwd=project).stdout.splitlines()[-1] == "checked 1 article: no errors"


def test_a_link_or_picture_outside_content_is_named_so_not_missing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk")
    (project / "logo.png").write_bytes(tiny_png())
    body = "The [settings](../../pyproject.toml) and ![logo](../../logo.png).\n"
    write_article(project, "a/story.md", STORY, body)  # the body starts on line 8

    said = run_here("check", cwd=project).stdout.splitlines()

    assert (
        "content/a/story.md:8: error: linked file '../../pyproject.toml' points outside the "
        "content folder"
    ) in said
    assert "    fix: put the file inside content/ and refer to it from there" in said
    assert (
        "content/a/story.md:8: error: image '../../logo.png' points outside the content folder"
        in (said)
    )
    assert not any("points to no file" in line or "does not exist" in line for line in said)


def test_a_link_and_picture_inside_content_are_silent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "desk")
    (project / "content" / "logo.png").write_bytes(tiny_png())
    (project / "content" / "b").mkdir()
    (project / "content" / "b" / "notes.txt").write_text("notes\n", encoding="utf-8")
    body = "The [notes](../b/notes.txt) and ![l](../logo.png).\n"
    write_article(project, "a/story.md", STORY, body)
    assert run_here("check", cwd=project).stdout.splitlines()[-1] == "checked 1 article: no errors"


def test_a_site_id_typed_as_a_web_address_with_a_port_is_answered_with_its_domain(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "desk")
    settings = project / "pyproject.toml"
    written = settings.read_text(encoding="utf-8")
    settings.write_text(
        written.replace("test.example,2025", "http://www.example.com:8080/news/"), "utf-8"
    )
    write_article(project, "story.md", STORY)

    said = run_here("check", cwd=project).stderr.splitlines()

    assert said[0].startswith(
        "pyproject.toml:5: error: site_id 'http://www.example.com:8080/news/'"
    )
    year = datetime.now(UTC).year
    assert said[1] == f'    fix: write: site_id = "www.example.com,{year}"', said


def test_a_content_folder_of_drafts_and_scheduled_stories_only_is_a_warning(
    tmp_path: Path,
) -> None:
    """prober3 L10: only drafts (or stories scheduled ahead) built an empty site with no
    word; one published story among them is silent."""
    project = make_project(tmp_path / "desk")
    write_article(project, "a.md", STORY + "draft: true\n")
    write_article(project, "b.md", STORY.replace("2025-", "2099-") + "slug: b\n")

    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    said = (
        "warning: no article here is published (1 draft and 1 scheduled ahead): the site is "
        "published with no story"
    )
    assert said in checked.stdout, checked.stdout
    assert said in built.stderr, built.stderr
    write_article(project, "c.md", STORY + "slug: c\n")
    assert "no article here is published" not in run_here("check", cwd=project).stdout


@pytest.mark.parametrize(
    ("front", "said", "unsaid"),
    [
        ("draft: true\n", "fix: delete the 'draft: true' line", "scheduled story's time"),
        ("slug: b\n", "fix: wait for the first scheduled story's time", "draft: true"),
    ],
)
def test_the_held_back_warning_fix_speaks_only_of_what_is_held(
    tmp_path: Path, front: str, said: str, unsaid: str
) -> None:
    """prober4 L3: a single draft's fix spoke of a scheduled story though none was."""
    project = make_project(tmp_path / "desk")
    story = STORY if "draft" in front else STORY.replace("2025-", "2099-")
    write_article(project, "a.md", story + front)

    checked = run_here("check", cwd=project)

    assert "warning: no article here is published" in checked.stdout, checked.stdout
    assert said in checked.stdout, checked.stdout
    assert unsaid not in checked.stdout, checked.stdout
