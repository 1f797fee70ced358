"""A fraction of a second in a date (`10:00:00.5`, a Hugo export's nanoseconds) is read to
the whole second, with a warning on its line saying so and how to write it: every place
the time is published (<time datetime>, JSON-LD, feeds) then carries the same valid
value, never six digits HTML's <time> refuses nor a value other than the one shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
from conftest import make_project, run_here, write_article

FRONT = """\
title: Fire
slug: fire
date: 2026-11-20T10:00:00.1234Z
updated: 2026-11-21T10:00:00.5+00:00
country: UK
credits:
  author: Asha Rao
corrections:
  - date: 2026-11-22T10:00:00.123456789+05:30
    text: The name is fixed."""


def test_a_fraction_of_a_second_is_dropped_with_a_warning_on_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "x/fire.md", FRONT)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    lines = checked.stdout.splitlines()
    for number, label, typed, whole in [
        (4, "date", "2026-11-20T10:00:00.1234Z", "2026-11-20T10:00:00Z"),
        (5, "updated", "2026-11-21T10:00:00.5+00:00", "2026-11-21T10:00:00+00:00"),
        (
            10,
            "corrections: item 1: date",
            "2026-11-22T10:00:00.123456789+05:30",
            "2026-11-22T10:00:00+05:30",
        ),
    ]:
        at = lines.index(
            f"content/x/fire.md:{number}: warning: {label}: {typed} has a fraction of a "
            f"second ({typed[19:].split('Z')[0].split('+')[0]}), which is not published: "
            f"stories are dated to the second, so it is read as {whole}"
        )
        assert lines[at + 1].strip() == f"fix: write {whole}"

    site = tmp_path / "site"
    built = run_here("build", "--output", str(site), cwd=project)
    assert built.returncode == 0, built.stderr
    page = (site / "2026/11/20/fire/index.html").read_text(encoding="utf-8")
    times = set(re.findall(r'<time datetime="([^"]*)"', page))
    assert times == {
        "2026-11-20T10:00:00+00:00",
        "2026-11-21T10:00:00+00:00",
        "2026-11-22T10:00:00+05:30",
    }
    [ld] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(ld)
    assert (data["datePublished"], data["dateModified"]) == (
        "2026-11-20T10:00:00+00:00",
        "2026-11-22T10:00:00+05:30",  # the correction's
    )
    [entry] = feedparser.parse((site / "atom.xml").read_bytes()).entries
    assert not re.search(r"\.\d", entry.published + entry.updated)
    everything = "".join(p.read_text("utf-8") for p in site.rglob("*.html"))
    assert not re.search(r"T\d\d:\d\d:\d\d\.\d", everything)


def test_a_fraction_of_zeros_loses_nothing_and_is_not_warned(tmp_path: Path) -> None:
    """Prober M7: `.000`, as JavaScript's toISOString and many CMSs export, is the typed
    second exactly: no warning, and the page carries that time."""
    project = make_project(tmp_path / "project")
    write_article(
        project,
        "x/zero.md",
        'title: Zero\nslug: zero\ndate: "2026-11-20T10:00:00.000+05:30"\ncountry: UK\n'
        "credits:\n  author: Asha Rao",
    )
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0 and "warning" not in checked.stdout, checked.stdout
    site = tmp_path / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    page = (site / "2026/11/20/zero/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-11-20T10:00:00+05:30"' in page
