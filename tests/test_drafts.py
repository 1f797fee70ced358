"""Drafts and scheduled articles stay off the site, its feeds and sitemap unless asked for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

FRONT = """\
title: {title}
date: {date}
country: India
credits:
  author: Desk
tags: [{tag}]"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("drafts") / "project")
    write_article(
        root,
        "2025/06/published.md",
        FRONT.format(title="Published story", date="2025-06-02T10:00:00Z", tag="News"),
    )
    write_article(
        root,
        "2025/06/unfinished.md",
        FRONT.format(title="Unfinished draft", date="2025-06-03T10:00:00Z", tag="Secret")
        + "\ndraft: true",
    )
    write_article(
        root,
        "2999/01/scheduled.md",
        FRONT.format(title="Scheduled story", date="2999-01-01T08:00:00Z", tag="Tomorrow"),
    )
    return root


def build(project: Path, name: str, *flags: str) -> str:
    """Build with `flags`; return every page, feed and the sitemap as one text."""
    out = project.parent / name
    result = run_here("build", "--output", str(out), *flags, cwd=project)
    assert result.returncode == 0, result.stderr
    files = [p for p in out.rglob("*") if p.suffix in (".html", ".xml", ".json")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def test_default_build_leaves_out_drafts_and_future(project: Path) -> None:
    site = build(project, "default")
    assert "Published story" in site
    assert "Unfinished draft" not in site and "/2025/06/03/unfinished/" not in site
    assert "Scheduled story" not in site and "/2999/01/01/scheduled/" not in site
    assert "/tags/secret/" not in site and "/tags/tomorrow/" not in site
    assert not (project.parent / "default" / "2025" / "06" / "03").exists()


def test_drafts_flag_publishes_drafts_marked_as_drafts(project: Path) -> None:
    site = build(project, "drafts", "--drafts")
    page = project.parent / "drafts" / "2025" / "06" / "03" / "unfinished" / "index.html"
    assert 'class="draft-flag"' in page.read_text(encoding="utf-8")
    assert "/2025/06/03/unfinished/" in (project.parent / "drafts" / "sitemap.xml").read_text()
    assert "Unfinished draft" in (project.parent / "drafts" / "feed.xml").read_text()
    assert "Scheduled story" not in site
    published = project.parent / "drafts" / "2025" / "06" / "02" / "published" / "index.html"
    assert "draft-flag" not in published.read_text(encoding="utf-8")


def test_future_flag_publishes_scheduled_articles(project: Path) -> None:
    site = build(project, "future", "--future")
    out = project.parent / "future"
    assert (out / "2999" / "01" / "01" / "scheduled" / "index.html").is_file()
    assert "Scheduled story" in (out / "feed.xml").read_text()
    assert "/2999/01/01/scheduled/" in (out / "sitemap.xml").read_text()
    assert "Unfinished draft" not in site


@pytest.fixture
def newsroom_in_india(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    settings = root / "pyproject.toml"
    settings.write_text(settings.read_text().replace('"UTC"', '"Asia/Kolkata"'))
    return root


def test_build_and_check_say_what_they_held_back(newsroom_in_india: Path) -> None:
    root = newsroom_in_india
    india = timezone(timedelta(hours=5, minutes=30))
    soon = (datetime.now(india) + timedelta(days=3)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    later = soon + timedelta(days=30)
    write_article(
        root,
        "2025/06/published.md",
        FRONT.format(title="Published", date="2025-06-02T10:00:00Z", tag="News"),
    )
    write_article(
        root,
        f"{later:%Y/%m}/later.md",
        FRONT.format(title="Later", date=later.isoformat(), tag="News"),
    )
    # Written in UTC, said in the site's time: 03:30 UTC is 09:00 IST.
    write_article(
        root,
        f"{soon:%Y/%m}/soon.md",
        FRONT.format(title="Soon", date=soon.astimezone(UTC).isoformat(), tag="News"),
    )
    write_article(
        root,
        "2025/06/unfinished.md",
        FRONT.format(title="Unfinished", date="2025-06-03T10:00:00Z", tag="News") + "\ndraft: true",
    )
    write_article(
        root,
        f"{soon:%Y/%m}/scheduled-draft.md",
        FRONT.format(title="Scheduled draft", date=soon.isoformat(), tag="News") + "\ndraft: true",
    )
    when = f"{soon.day} {soon:%b %Y} 09:00 IST"
    said = f"held back: 2 scheduled (next: {when}, content/{soon:%Y/%m}/soon.md), 2 drafts"

    checked = run_here("check", cwd=root)
    assert checked.returncode == 0
    assert said in checked.stdout.splitlines()
    for _ in range(2):  # the second build finds the site up to date, and says it again
        built = run_here("build", cwd=root)
        assert built.returncode == 0, built.stderr
        assert said in built.stdout.splitlines()
    built = run_here("build", "--drafts", "--output", "with-drafts", cwd=root)
    # With drafts published, the scheduled draft is one more scheduled article (same
    # time as soon.md; the first by file name is named).
    assert (
        f"held back: 3 scheduled (next: {when}, content/{soon:%Y/%m}/scheduled-draft.md)"
        in built.stdout.splitlines()
    )
    built = run_here("build", "--future", "--output", "with-future", cwd=root)
    assert "held back: 2 drafts" in built.stdout.splitlines()
    built = run_here("build", "--future", "--drafts", "--output", "all", cwd=root)
    assert "held back" not in built.stdout


def test_nothing_held_back_says_nothing(newsroom_in_india: Path) -> None:
    write_article(
        newsroom_in_india,
        "2025/06/published.md",
        FRONT.format(title="Published", date="2025-06-02T10:00:00Z", tag="News"),
    )
    assert "held back" not in run_here("check", cwd=newsroom_in_india).stdout
    assert "held back" not in run_here("build", cwd=newsroom_in_india).stdout


def test_a_date_more_than_a_year_ahead_is_a_warning_on_its_line(newsroom_in_india: Path) -> None:
    root = newsroom_in_india
    ahead = (datetime.now(UTC) + timedelta(days=200)).replace(microsecond=0)
    write_article(
        root,
        "2026/06/typo.md",
        "title: Typo\n"
        + FRONT.format(title="Budget", date="2062-06-25T09:00:00+05:30", tag="News").split("\n", 1)[
            1
        ],
    )
    write_article(
        root,
        f"{ahead:%Y/%m}/planned.md",
        FRONT.format(title="Planned", date=ahead.isoformat(), tag="News"),
    )
    checked = run_here("check", cwd=root)
    assert checked.returncode == 0
    warnings = [line for line in checked.stdout.splitlines() if ": warning: " in line]
    assert warnings == [
        "content/2026/06/typo.md:3: warning: date 2062-06-25 is more than a "
        "year ahead: the article is held back until then",
        "content: warning: no article here is published (2 scheduled ahead): the site is "
        "published with no story",  # prober3 L10: every story held back
    ]
    assert f"fix: did you mean {datetime.now(UTC).year}? check the year" in checked.stdout
    built = run_here("build", cwd=root)
    assert built.returncode == 0
    assert "content/2026/06/typo.md:3: warning: date 2062-06-25 is more than" in built.stderr
    # prober4 L4: `--future` publishes it: it is not said to be held back
    built = run_here("build", "--future", cwd=root)
    assert built.returncode == 0
    assert (
        "content/2026/06/typo.md:3: warning: date 2062-06-25 is more than a year ahead: "
        "`--future` publishes it now, showing that date\n"
    ) in built.stderr, built.stderr
    assert (root / "site/2062/06/25/typo/index.html").is_file()


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("0", "write 'draft: false' (or remove the line) to publish it; 'draft: true' to keep"),
        ("n", "write 'draft: false' (or remove the line) to publish it; 'draft: true' to keep"),
        # prober3 L6: `f` and `0.0` mean false too; `t` and `1.0` true
        ("f", "write 'draft: false' (or remove the line) to publish it; 'draft: true' to keep"),
        ("0.0", "write 'draft: false' (or remove the line) to publish it; 'draft: true' to keep"),
        ("t", "write 'draft: true' to keep it off the site; 'draft: false' (or remove"),
        ("1.0", "write 'draft: true' to keep it off the site; 'draft: false' (or remove"),
        ("1", "write 'draft: true' to keep it off the site; 'draft: false' (or remove"),
        ("maybe", "write 'draft: true' to keep it off the site; 'draft: false' (or remove"),
    ],
)
def test_a_draft_value_that_is_not_true_or_false_gets_the_fix_it_means(
    tmp_path: Path, typed: str, first: str
) -> None:
    """Tester 3, M10: `draft: 0` was told "write 'draft: true'", which hides the story the
    editor meant to publish. The fix says what each value does, the one typed meant first;
    `draft: ""` is no value, as `draft:` is: the story is published."""
    root = make_project(tmp_path / "p")
    story = write_article(
        root, "s.md", FRONT.format(title="Story", date="2025-06-02T10:00:00Z", tag="News")
    )
    story.write_text(story.read_text().replace("tags:", f"draft: {typed}\ntags:"))
    result = run_here("check", cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    at = lines.index(f"content/s.md:7: error: draft must be true or false, not {typed!r}")
    assert lines[at + 1].startswith(f"    fix: {first}")
    told = "false" if "'draft: false' (or" in first[:30] else "true"
    story.write_text(story.read_text().replace(f"draft: {typed}", f"draft: {told}"))
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=root).returncode == 0
    assert (site / "2025/06/02/s/index.html").exists() == (told == "false")


def test_a_draft_line_with_no_value_is_an_error_never_published(tmp_path: Path) -> None:
    """tester4 F33: `draft:` left with no value (an editor interrupted), `draft: ~` and
    `draft: ""` were read as false and published, silently; an empty `featured:` is no
    lead story, as before, and says nothing."""
    root = make_project(tmp_path / "p")
    front = FRONT.format(title="Story", date="2025-06-02T10:00:00Z", tag="News")
    typed = {"s": 'draft: ""', "t": "draft:", "u": "draft: ~", "v": "draft: null"}
    for name, line in typed.items():
        write_article(root, f"{name}.md", front.replace("Story", name.upper()) + "\n" + line)
    write_article(root, "w.md", front.replace("Story", "W") + "\nfeatured:")
    site = tmp_path / "site"
    result = run_here("build", "--output", str(site), cwd=root)
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).splitlines()
    for name in typed:
        at = lines.index(
            f"content/{name}.md:8: error: draft has no value, so whether the story is to be "
            "published is unsure"
        )
        assert lines[at + 1] == (
            "    fix: write 'draft: true' to keep it off the site; delete the line (or write "
            "'draft: false') to publish it"
        )
    assert "w.md" not in result.stdout + result.stderr
    assert not (site / "2025/06/02/t/index.html").exists()
    for name in typed:  # the fix followed: deleting the line publishes the story
        story = root / "content" / f"{name}.md"
        story.write_text(story.read_text().replace("\n" + typed[name], ""))
    result = run_here("build", "--output", str(site), cwd=root)
    assert result.returncode == 0, result.stdout
    assert all((site / f"2025/06/02/{name}/index.html").exists() for name in (*typed, "w"))
