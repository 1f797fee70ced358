"""The Pages workflow's build cache over hourly runs: the run in which a scheduled story
comes due saves its state, so the runs after it list no feed as changed (the ping job
would otherwise tell the WebSub hub of the same feeds every hour), and a run that changed
nothing saves nothing. actions/cache is played by the rules GitHub documents: restore the
exact key, else the newest cache whose key starts with a restore key; a save under a key
that exists is refused; `steps.cache.outputs.cache-matched-key` is the key restored."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from conftest import BASE_URL, Forked, make_project, write_article

from generator.commands.workflows import pages_workflow

STORY = """\
title: {title}
date: {date}
country: India
credits:
  author: Desk
"""


def hash_files(folder: Path) -> str:
    """What hashFiles('site/**') stands for: one digest of every file's bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(
            path.relative_to(folder).as_posix().encode()
            + hashlib.sha256(path.read_bytes()).digest()
        )
    return digest.hexdigest()


def expand(text: str, site: Path | None = None) -> str:
    text = text.replace("${{ runner.os }}", "Linux")
    if site is None:
        return text
    return text.replace("${{ hashFiles('site/**') }}", hash_files(site) if site.is_dir() else "")


class Actions:
    """The build job's cache steps of the generated pages.yml, run against a dict of caches
    (key -> saved folder, oldest first) as GitHub's cache service keeps them."""

    def __init__(self, store: Path) -> None:
        steps = yaml.safe_load(pages_workflow())["jobs"]["build"]["steps"]
        self.restore = one(steps, "actions/cache/restore@")
        self.save = one(steps, "actions/cache/save@")
        self.store, self.caches = store, dict[str, Path]()

    def run_hour(self, forked: Forked, project: Path, now: str) -> list[str]:
        """One scheduled run on a fresh runner: restore, build --now NOW, save; the feeds
        the build lists as changed (what the ping job sends to the hub)."""
        cache, site = project / ".newsdigest-cache", project / "site"
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        matched = self.restored(expand(self.restore["with"]["key"], site))
        if matched:
            shutil.copytree(self.caches[matched], cache)
        built = forked.run("build", "--now", now, cwd=project, search=False)
        assert built.returncode == 0, built.stderr
        key = expand(self.save["with"]["key"], site)
        # the step's `if:` is "the key restored is not this build's key"
        condition = "steps.cache.outputs.cache-matched-key != format('newsdigest-{0}-{1}', "
        assert self.save["if"] == condition + "runner.os, hashFiles('site/**'))"
        if matched != key and key not in self.caches:
            self.caches[key] = self.store / str(len(self.caches))
            shutil.copytree(cache, self.caches[key])
        return (project / "site.changed-feeds.txt").read_text(encoding="utf-8").split()

    def restored(self, key: str) -> str:
        if key in self.caches:
            return key
        for prefix in expand(self.restore["with"]["restore-keys"]).splitlines():
            newest = [k for k in self.caches if k.startswith(prefix)][-1:]
            if newest:
                return newest[0]
        return ""


def one(steps: list[dict[str, Any]], uses: str) -> dict[str, Any]:
    (step,) = [s for s in steps if str(s.get("uses", "")).startswith(uses)]
    return step


def test_a_scheduled_story_is_announced_once_not_at_every_hourly_run_after_it(
    tmp_path: Path, forked: Forked
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "old.md", STORY.format(title="Old", date="2026-11-20T10:00:00Z"))
    write_article(project, "due.md", STORY.format(title="Due", date="2026-12-01T09:00:00Z"))
    actions = Actions(tmp_path / "caches")

    first = actions.run_hour(forked, project, "2026-11-30T12:00:00Z")
    assert first and len(actions.caches) == 1  # a first build: everything is new
    assert actions.run_hour(forked, project, "2026-11-30T13:00:00Z") == []
    assert len(actions.caches) == 1  # nothing changed: nothing saved

    due = actions.run_hour(forked, project, "2026-12-01T09:07:00Z")
    assert f"{BASE_URL}feed.xml" in due and len(actions.caches) == 2  # came due: saved
    for hour in ("10", "11", "12"):
        later = actions.run_hour(forked, project, f"2026-12-01T{hour}:07:00Z")
        assert later == [], f"{hour}:07 announced {later} again"
    assert len(actions.caches) == 2


def test_the_workflow_says_github_turns_the_schedule_off_after_60_days() -> None:
    text = pages_workflow()
    schedule = text[: text.index("schedule:")]
    assert re.search(r"60 days without a commit", schedule)
