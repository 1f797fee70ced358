"""Drafts and scheduled articles stay off the site, its feeds and sitemap unless asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_newsdigest, write_article

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
    write_article(root, "2025/06/published.md",
                  FRONT.format(title="Published story", date="2025-06-02T10:00:00Z", tag="News"))
    write_article(root, "2025/06/unfinished.md",
                  FRONT.format(title="Unfinished draft", date="2025-06-03T10:00:00Z",
                               tag="Secret") + "\ndraft: true")
    write_article(root, "2999/01/scheduled.md",
                  FRONT.format(title="Scheduled story", date="2999-01-01T08:00:00Z",
                               tag="Tomorrow"))
    return root


def build(project: Path, name: str, *flags: str) -> str:
    """Build with `flags`; return every page, feed and the sitemap as one text."""
    out = project.parent / name
    result = run_newsdigest("build", "--output", str(out), *flags, cwd=project)
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
