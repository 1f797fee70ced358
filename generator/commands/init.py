"""`newsdigest init DIR`: start a complete newsroom in a new folder, as `hugo new site` does.

It writes newsdigest.toml (settings, site_id derived from the URL's host and the current
year), content/ with one welcome article that `check` passes without a warning, the two
GitHub Actions workflows (publish to Pages from the git repository's current branch, or
main; check every pull request) that install newsdigest from the package index at the
version that wrote them, a .gitignore and a short README for the newsroom's editors.
Everything is checked before the first file is written. A folder that already has files
is adopted (generator.commands.existing): a file that is there is kept as it is and
named; only an existing newsdigest site is refused. The theme is not copied: it comes
with the package (`newsdigest theme copy` starts an override).
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError

from generator import config, scratch
from generator.commands import existing, installed
from generator.commands.new import yaml_value
from generator.commands.newsroom_files import GITIGNORE, readme
from generator.commands.workflows import (
    DEFAULT_BRANCH,
    git_branch,
    git_top,
    pages_workflow,
    pr_workflow,
)
from generator.diagnostics import ConfigError, UsageError
from generator.languages import ANY_CAPITALS, usual_case
from generator.load import countries, slugs
from generator.load.plain_text import title_problem
from generator.web_address import is_placeholder, placeholder_note

PLACEHOLDER_URL = "https://example.org/"  # Hugo's placeholder too, when no --url is given
FALLBACK_COUNTRY = "United Kingdom"  # the welcome article's when the time zone names none


@dataclass(frozen=True, slots=True)
class Started:
    """What init wrote: the site's folder, its files (relative, sorted) and its settings."""

    root: Path
    files: list[str]
    settings: config.Settings
    country: str
    placeholder_url: bool
    branch: str | None  # the git repository's current branch, None outside one
    kept: dict[str, str]  # files init would have written that were there: what to do
    stories: int  # Markdown files content/ already held (then no welcome article)
    install_warning: str | None  # the workflows' install line may not work: what to change
    top: Path | None = None  # the git repository's top folder, None outside one
    posts: int = 0  # Jekyll posts in _posts/ (not read: they belong under content/)
    other_pages: tuple[str, ...] = ()  # other workflows that publish to GitHub Pages
    unread_zone: str | None = None  # the machine's time zone, when no IANA name (then UTC)
    language_typed: str = ""  # --language as typed, when written in other capitals ('EN', pt-br)


def title_from_folder(folder: Path) -> str:
    """'harbour-gazette' -> 'Harbour Gazette'."""
    words = re.split(r"[-_\s]+", folder.resolve().name)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "News Digest"


def local_timezone() -> tuple[str, str | None]:
    """The machine's IANA time zone (TZ, then /etc/localtime), or 'UTC'; and, when it is
    'UTC' because the machine's zone is not an IANA name (TZ=IST-5:30, a POSIX rule, or
    a misspelt name), how the machine names it, for init to say so."""
    name = os.environ.get("TZ", "").lstrip(":")
    told = f"TZ={name}" if name else ""
    if not name:
        try:
            target = os.path.realpath("/etc/localtime")
        except OSError:
            target = ""
        name = target.partition("/zoneinfo/")[2]
        told = target
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC", told or None
    return ("UTC" if name in ("", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu") else name), None


def country_of_timezone(timezone: str) -> str | None:
    """The country whose zone this is, from the system's zone.tab (e.g. Asia/Kolkata -> India)."""
    for folder in TZPATH:
        table = Path(folder) / "zone.tab"
        try:
            lines = table.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            fields = line.split("\t")
            if not line.startswith("#") and len(fields) >= 3 and fields[2] == timezone:
                found = countries.lookup(fields[0])
                return found.name if found is not None else None
    return None


def site_id_for(base_url: str, year: int) -> str:
    """'https://Example.GitHub.io/gazette/' in 2026 -> 'example.github.io,2026'; an IPv6
    address (`https://[::1]/`, a local one, with no domain) -> 'localhost,2026', which
    init's note and check name as local (prober3 M16); a final dot dropped
    ('https://news.test./' -> 'news.test,2026', prober4 M9)."""
    host = (urlsplit(base_url).hostname or "example.org").lower().removesuffix(".")
    return f"{'localhost' if ':' in host else host},{year}"


def settings_text(values: dict[str, str]) -> str:
    """newsdigest.toml for title, description, base_url, language, timezone and site_id."""

    def line(key: str) -> str:
        return f"{key} = {_toml_string(values[key])}\n"

    return (
        "# newsdigest settings: every setting is described in newsdigest's README (Settings).\n"
        + line("title")
        + line("description")
        + "# The address the site is published at. The GitHub Pages workflow passes the real\n"
        "# one when it builds; this one is for builds elsewhere.\n"
        + line("base_url")
        + line("language")
        + line("timezone")
        + "# The site's permanent name in every feed item's ID (GUID). Never change it, even\n"
        "# if the site moves to another address: feed readers would show every story again.\n"
        + line("site_id")
        + (
            '# The branch that is published (pages.yml) and that "Edit this article" links open.\n'
            + line("repo_branch")
            if "repo_branch" in values
            else ""
        )
    )


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


def welcome_article(settings: config.Settings, country: str, now: datetime) -> tuple[str, str]:
    """(path under content/, text) of the first article: valid, no warnings, worth deleting.
    A site name in a script Latin letters spell poorly (Arabic, Hindi...) is in neither
    its file name nor its byline, whose addresses would be the computer's spelling."""
    title, unread = f"Welcome to {settings.title}", slugs.poorly_spelt_script(settings.title)
    path = f"{now:%Y}/{now:%m}/{'welcome' if unread else slugs.make(title)}.md"
    front = "\n".join(
        [
            "---",
            f"title: {yaml_value(title)}",
            f"date: {now.isoformat()}",
            f"country: {yaml_value(country)}",
            *([] if english(settings.language) else ["language: en"]),
            "credits:",
            f"  author: {yaml_value(('Newsroom' if unread else settings.title) + ' desk')}",
            "tags: [Newsroom]",
            f"summary: {yaml_value(f'{settings.title} is open: how this site is written.')}",
            "---",
        ]
    )
    body = (
        f"{settings.title} is written in Markdown files under `content/`, one story a file.\n"
        "\n"
        'To start a story, run `newsdigest new "Your headline" --country "Country"`,\n'
        "write under the front matter, and delete its line `draft: true` to publish it.\n"
        "`newsdigest check` lists every problem with its file and line, `newsdigest serve`\n"
        "previews the site, and every change merged into the main branch is published.\n"
        "\n"
        "Delete this article when the first real story is in.\n"
    )
    return path, front + "\n" + body


def english(language: str) -> bool:
    """Whether the site's `language` is English, the language of init's words. On a site in
    another, the welcome article says `language: en` (published as English, lang="en",
    left to right, not as Arabic or Urdu text that is not), and the description is the
    site's name, for the newsroom to write in its language."""
    from generator.languages import locale_of

    locale = locale_of(language)
    return locale is not None and locale.language == "en"


def _read_back(text: str) -> config.Settings:
    """The settings of `text` read as every command will read them; UsageError (in the
    words of init's options: no settings file is there yet) if wrong."""
    with scratch.temporary("init") as folder:
        (folder / config.SETTINGS_FILE).write_text(text, encoding="utf-8")
        try:
            return config.load(folder)
        except ConfigError as exc:  # about the options given, not a file the user has
            messages = [d.message + (f"; {d.hint}" if d.hint else "") for d in exc.diagnostics]
            said = [_as_options(m) for m in messages or exc.messages]
            raise UsageError(*said, "nothing was written") from None


OPTIONS = {
    "title": "--title",
    "base_url": "--url",
    "language": "--language",
    "timezone": "--timezone",
}


def _as_options(text: str) -> str:
    """A settings-file message in the words of init's options: `timezone 'IST'` ->
    `--timezone 'IST'`, `write: timezone = "Asia/Kolkata"` -> `--timezone Asia/Kolkata`."""

    def option(found: re.Match[str]) -> str:
        return f"{OPTIONS[found[1]]} {shlex.quote(found[2])}"

    text = re.sub(r'\b(title|base_url|language|timezone) = "((?:[^"\\]|\\.)*)"', option, text)
    text = re.sub(r"^(title|base_url|language|timezone) '", lambda m: f"{OPTIONS[m[1]]} '", text)
    return text.replace("write: --", "use --")


def _write_missing(root: Path, files: dict[str, str]) -> dict[str, str]:
    """Write each file of `files` that `root` lacks; return those it kept, with advice."""
    kept = {
        name: existing.kept_advice(root, name, text)
        for name, text in files.items()
        if os.path.lexists(root / name)
    }
    try:
        for relative, text in files.items():
            if relative not in kept:
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("x", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write into {root}: {exc.strerror}") from None
    return kept


def init_site(
    root: Path,
    title: str | None = None,
    url: str | None = None,
    language: str = "en",
    timezone: str | None = None,
    now: datetime | None = None,
) -> Started:
    """Write a new newsroom into `root` (created when missing); UsageError changes nothing."""
    existing.refuse_a_site(root)
    name = " ".join((title if title is not None else title_from_folder(root)).split())
    if (wrong := title_problem(name)) is not None:
        raise UsageError(f"--title {shlex.quote(name)}: {wrong}")
    try:
        base_url = config.normalise_base_url(url or PLACEHOLDER_URL)
    except ConfigError as exc:
        raise UsageError(*map(_as_options, exc.messages), "nothing was written") from None
    zone, unread = (timezone, None) if timezone else local_timezone()
    year = _year(now, zone)
    typed, language = language, usual_case(language)  # 'EN' -> 'en', pt-br -> 'pt-BR'
    values = {
        "title": name,
        "description": f"The latest stories from {name}." if english(language) else name,
        "base_url": base_url,
        "language": language,
        "timezone": zone,
        "site_id": site_id_for(base_url, year),
    }
    branch = git_branch(root)
    if branch is not None and branch != DEFAULT_BRANCH:
        values["repo_branch"] = branch
    text = settings_text(values)
    settings = _read_back(text)
    moment = (
        (now or datetime.now(settings.tz)).astimezone(settings.tz).replace(second=0, microsecond=0)
    )
    country = country_of_timezone(settings.timezone) or FALLBACK_COUNTRY
    source = installed.running()
    stories = len(existing.stories_in(root / settings.content_dir))
    posts = existing.jekyll_posts(root)
    article, article_text = welcome_article(settings, country, moment)
    files = {
        "newsdigest.toml": text,
        **({} if stories or posts else {f"content/{article}": article_text}),
        ".github/workflows/pages.yml": pages_workflow(branch or DEFAULT_BRANCH, source),
        ".github/workflows/pr.yml": pr_workflow(source),
        ".gitignore": GITIGNORE,
        "README.md": readme(settings, source),
    }
    kept = _write_missing(root, files)
    written = sorted(set(files) - set(kept))
    others = existing.other_pages_workflows(root, set(files))
    return Started(
        root,
        *(written, settings, country, is_placeholder(base_url), branch, kept, stories),
        source.warning,
        *(git_top(root), posts, tuple(others), unread),
        typed if typed != language else "",
    )


def _year(now: datetime | None, zone: str) -> int:
    """The year now (or at `now`) in the time zone named `zone`, or on this computer's clock
    when `zone` is no zone (validate names it)."""
    try:
        return (now or datetime.now(ZoneInfo(zone))).year
    except (ZoneInfoNotFoundError, ValueError):
        return (now or datetime.now()).year


def _published_branch(started: Started) -> str:
    """Which branch pages.yml publishes, and why that one."""
    branch = started.branch
    if ".github/workflows/pages.yml" in started.kept:
        return (
            "newsdigest's pages.yml was not written (the folder has one): the site is "
            "published only once that workflow builds it with newsdigest."
        )
    if branch is None:
        why = (
            "HEAD is detached, on a commit or tag rather than a branch"
            if started.top is not None
            else "this folder is not a git repository yet"
        )
        return (
            f"pages.yml publishes every push to the branch {DEFAULT_BRANCH} ({why}); if "
            f"yours is another, change `branches: [{DEFAULT_BRANCH}]` in "
            ".github/workflows/pages.yml and set repo_branch."
        )
    return (
        f"pages.yml publishes every push to the branch {branch}, this git repository's "
        "current branch; to publish another, change `branches: "
        f"[{branch}]` in .github/workflows/pages.yml (and repo_branch in newsdigest.toml)."
    )


def _workflow_warnings(started: Started) -> list[str]:
    """Why the workflows init wrote may never run, or run beside another publisher."""
    lines = [
        f"warning: {name} also publishes to GitHub Pages: each push would start both, and "
        "the last to finish wins; delete it once newsdigest's pages.yml publishes the site."
        for name in started.other_pages
    ]
    top, root = started.top, started.root.resolve()
    if top is not None and top.resolve() != root:
        inner = root.relative_to(top.resolve()).as_posix()
        lines.append(
            f"warning: {started.root.as_posix()} is inside the git repository {top.as_posix()}, "
            f"not at its top: GitHub runs only the workflows in {top.as_posix()}/.github/"
            "workflows, so the ones written here never run. Keep the newsroom in a "
            "repository of its own, or move .github/ to the top and give each workflow "
            f"`defaults: {{run: {{working-directory: {inner}}}}}` and {inner}/ before the "
            "paths it uploads."
        )
    return lines


def summary(started: Started, folder: Path) -> str:
    """What init tells the user: the files, the site_id to keep, what to do next."""
    where = folder.as_posix()
    lines = [
        f"started {started.settings.title} in {where}/:",
        *(f"  {name}" for name in started.files),
        *existing.kept_lines(started.kept, started.stories, started.posts),
        f'\nsite_id = "{started.settings.site_id}" names this site in every feed item\'s '
        "ID: keep it forever, even if the site moves to another address.",
    ]
    if note := placeholder_note(started.settings.base_url):  # a placeholder or http://
        lines.append(note)
    if started.language_typed:  # 'EN' and 'pt-br' alike: the file says other than typed
        lines.append(
            f"--language {shlex.quote(started.language_typed)} is written language = "
            f'"{started.settings.language}", its usual capitals: {ANY_CAPITALS}.'
        )
    lines.append(_published_branch(started))
    lines += _workflow_warnings(started)
    if started.install_warning:
        lines.append(f"warning: {started.install_warning}")
    if started.unread_zone:
        lines.append(
            f"warning: this computer's time zone ({started.unread_zone}) is not a time zone "
            'name such as Asia/Kolkata, so newsdigest.toml says timezone = "UTC": write the '
            "newsroom's zone there (or run init again with --timezone)."
        )
    if not started.stories and not started.posts:
        lines.append(
            f"The welcome article's country is {started.country}; delete the article "
            "once the first story is in."
        )
    lines.append(
        f"\nnext:\n  cd {where} && newsdigest check && newsdigest build && "
        "newsdigest serve\n  then push the folder to a GitHub repository and choose "
        'Settings -> Pages -> Source "GitHub Actions"'
    )
    return "\n".join(lines)
