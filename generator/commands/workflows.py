"""The GitHub Actions workflows that `newsdigest init` writes into a new site.

They install newsdigest from the package index at the version that wrote them (no
editable install, no generator test suite): `pages.yml` checks, builds for the Pages
address, deploys and pings the WebSub hub; `pr.yml` checks a pull request's articles
(`check --format github --base`) and attaches a preview build.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from generator.commands.installed import Source

INDEX = Source()  # newsdigest from the package index, at this version
DEFAULT_BRANCH = "main"  # GitHub's default branch name, when the folder is no git repository

# The build cache is saved under the hash of the site the build made: a run whose site
# changed (a new story, a scheduled one come due, a story out of the news sitemap) saves
# its state, one that changed nothing saves nothing; each run restores the newest state.
CACHE_PREFIX = "newsdigest-${{ runner.os }}-"
CACHE_KEY = CACHE_PREFIX + "${{ hashFiles('site/**') }}"
CACHE_CHANGED = (  # the site's key is not the one restored
    "steps.cache.outputs.cache-matched-key != "
    "format('newsdigest-{0}-{1}', runner.os, hashFiles('site/**'))"
)


def _workflow_install(source: Source, extra: str = "") -> str:
    return f'pip install "{source.requirement(extra)}"'


def _git(folder: Path, *args: str) -> str | None:
    """What `git ARGS` prints in `folder` (or its nearest existing parent); None when git
    fails, is missing, or the folder is in no repository."""
    where = folder
    while not where.is_dir() and where != where.parent:
        where = where.parent
    try:
        found = subprocess.run(
            ["git", *args], cwd=where, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    out = found.stdout.strip()
    return out if found.returncode == 0 and out else None


def git_branch(folder: Path) -> str | None:
    """The current branch of the git repository holding `folder` (or its nearest existing
    parent): 'master' on a fresh `git init -b master`, even before the first commit.
    None outside a repository, on a detached HEAD, or without git."""
    return _git(folder, "symbolic-ref", "--quiet", "--short", "HEAD")


def git_top(folder: Path) -> Path | None:
    """The top folder of the git repository holding `folder`, None outside one (GitHub runs
    only the workflows in TOP/.github/workflows)."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    return Path(top) if top else None


def _yaml_name(name: str) -> str:
    """A branch name as a YAML flow item: plain when it can be, else double-quoted."""
    return name if re.fullmatch(r"[A-Za-z0-9_./-]+", name) else json.dumps(name)


def pages_workflow(branch: str = DEFAULT_BRANCH, source: Source = INDEX) -> str:
    """The deploy workflow for pushes to `branch`: check, build for the Pages address,
    upload, deploy."""
    return (
        PAGES_WORKFLOW.replace("@BRANCH@", _yaml_name(branch))
        .replace("@INSTALL@", _workflow_install(source, "[search]"))
        .replace("@INSTALL_PLAIN@", _workflow_install(source))
        .replace("@CACHE_KEY@", CACHE_KEY)
        .replace("@CACHE_CHANGED@", CACHE_CHANGED)
        .replace("@CACHE_PREFIX@", CACHE_PREFIX)
    )


PAGES_WORKFLOW = """\
# Publish the site on GitHub Pages whenever @BRANCH@ changes (and every hour, so scheduled
# articles appear soon after their time). Repository settings -> Pages -> Source:
# "GitHub Actions". No secrets: the deploy job proves who it is with its OIDC token.
name: Publish to GitHub Pages

on:
  push:
    branches: [@BRANCH@]
  # GitHub turns this schedule off in a public repository after 60 days without a commit
  # (scheduled stories then wait for the next push): the Actions tab offers to turn it on
  # again, and any commit within the 60 days keeps it on (README: "60 days").
  schedule:
    - cron: "7 * * * *"
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"

      # The newsdigest version that started this site; raise it to upgrade (see README).
      - name: Install newsdigest
        run: @INSTALL@

      - name: Check the articles
        run: newsdigest check --format github

      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5

      # The newest saved state of the build (what it published, which feeds it wrote).
      - name: Restore the build cache
        id: cache
        uses: actions/cache/restore@v4
        with:
          path: .newsdigest-cache
          key: @CACHE_PREFIX@latest
          restore-keys: |
            @CACHE_PREFIX@

      - name: Build the site
        run: newsdigest build --base-url "${{ steps.pages.outputs.base_url }}/"

      # Saved under the site's hash when the site changed: the next hourly run starts from
      # this build's state, so a scheduled story that came due is announced (its feeds
      # listed as changed for the ping job) once, not every hour.
      - name: Save the build cache
        if: @CACHE_CHANGED@
        uses: actions/cache/save@v4
        with:
          path: .newsdigest-cache
          key: @CACHE_KEY@

      - name: Upload the site
        uses: actions/upload-pages-artifact@v3
        with:
          path: site/

      # The feeds whose bytes this build changed, for the ping job (not published).
      - name: Keep the list of changed feeds
        uses: actions/upload-artifact@v4
        with:
          name: changed-feeds
          path: site.changed-feeds.txt
          retention-days: 1

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4

  # After the deploy, tell the WebSub hub (the websub_hub setting) which feeds changed, so
  # subscribed readers get the new stories at once. Without the setting it does nothing.
  ping:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"

      - name: Install newsdigest
        run: @INSTALL_PLAIN@

      - uses: actions/checkout@v4

      - name: Fetch the list of changed feeds
        uses: actions/download-artifact@v4
        with:
          name: changed-feeds

      - name: Notify the WebSub hub
        run: newsdigest ping
"""


def pr_workflow(source: Source = INDEX) -> str:
    return f"""\
# Check every pull request: problems in articles show up inline on the diff, moved or
# deleted published articles are warned about, and the built site (drafts and scheduled
# articles included) is attached to the run as a preview. Read-only: no secrets.
name: Check pull request

on:
  pull_request:

permissions:
  contents: read

concurrency:
  group: pr-${{{{ github.event.pull_request.number }}}}
  cancel-in-progress: true

jobs:
  articles:
    name: Check articles and build a preview
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # the base branch too, to compare published articles with it

      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"

      - name: Install newsdigest
        run: {_workflow_install(source)}

      - name: Check the articles
        run: newsdigest check --format github --base "origin/${{{{ github.base_ref }}}}"

      - name: Build the preview
        run: newsdigest build --drafts --future --base-url http://127.0.0.1:8000/

      - name: Upload the preview
        uses: actions/upload-artifact@v4
        with:
          name: site-preview
          path: site/
          include-hidden-files: true
          retention-days: 14
"""
