"""The newsroom's own files that init writes beside the settings: .gitignore and the
editors' README (how to write, check and publish a story, the theme, upgrading)."""

from __future__ import annotations

from generator import __version__, config
from generator.commands.installed import Source

GITIGNORE = """\
# Built by newsdigest (the site is published by the GitHub Pages workflow)
site/
.newsdigest-cache/
/.site.*
/site.changed-feeds.txt
# Virtual environments
.venv/
venv/
"""


def readme(settings: config.Settings, source: Source) -> str:
    return f"""\
# {settings.title}

This site is built with [newsdigest](https://pypi.org/project/newsdigest/) {__version__}.
Each story is one Markdown file under `content/`; settings are in `newsdigest.toml`.

## Set up once (Python 3.11 or newer, in a virtual environment)

    python3 -m venv .venv && . .venv/bin/activate
    pip install "{source.requirement()}"

## Write a story

    newsdigest new "Floods in Assam" --country India --tags Climate,Floods

writes `content/YYYY/MM/floods-in-assam.md`, a draft: write the story under its front
matter (the lines between the two `---`) in place of "Write the story here.", then
delete the line `draft: true` to publish it. Then:

    newsdigest check     # every problem, with its file and line
    newsdigest serve     # preview while you edit, at the address it prints
    newsdigest build     # the site, in site/

A story's file name and date fix its web address and feed ID: rename or re-date a
published story only if you mean to move it.

## Publishing

Push this folder to a GitHub repository, and in the repository's Settings -> Pages
choose Source "GitHub Actions". Every push to `{settings.repo_branch}` is then checked and
published; every pull request is checked, with problems shown on its diff and the built site
attached as a preview.

## The look of the site

The theme comes with newsdigest. To change one of its files, start a copy of it in
`templates/` (`newsdigest theme list` shows them all):

    newsdigest theme copy static/style.css

Files in `templates/` replace the theme's file of the same name; the rest stays the
theme's, and is upgraded with newsdigest.

## Upgrading newsdigest

    pip install -U newsdigest

and put the same version (or, for an install from git, the same commit) in the
`pip install` lines of `.github/workflows/pages.yml` and `pr.yml`.
"""
