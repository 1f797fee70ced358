"""The command line's arguments: the parser of every command, and what the arguments mean.

`make_parser()` builds argparse's parser (each command's options, its help); the helpers
below turn parsed arguments into the settings, paths and options a command runs with,
raising UsageError (exit status 2 in cli) for a folder or value that cannot be used.
Nothing here prints or exits: cli does.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NoReturn, cast

from generator import __version__
from generator.commands.folder_options import not_a_file
from generator.commands.ping import add_parser as add_ping_parser
from generator.commands.theme import add_parser as add_theme_parser
from generator.diagnostics import UsageError

if TYPE_CHECKING:  # imported by the command that needs them: `--version` reads no settings
    from generator import config
    from generator.commands.build import Options, Paths
    from generator.commands.progress import ProgressBar

DESCRIPTION = """\
newsdigest turns a folder of Markdown news articles (content/) into a static
news-digest website (site/) with topic, country and archive pages and feeds.
Settings are read from ./newsdigest.toml (or [tool.newsdigest] in ./pyproject.toml);
--site DIR runs a command on the site in DIR."""

EPILOG = """\
examples:
  newsdigest build                                   build content/ into site/
  newsdigest build --base-url https://me.github.io/news/
  newsdigest check                                   report every problem, write nothing
  newsdigest check --format github                   the same, as pull-request annotations
  newsdigest new "Floods in Assam" --country India --tags Climate,Floods
  newsdigest serve                                   preview with live reload
  newsdigest init gazette --url https://me.github.io/gazette/   start a new site
  newsdigest theme copy static/style.css             override one file of the theme"""


SITE_HELP = (
    "the site's folder, holding newsdigest.toml (default: the current folder); "
    "other paths are relative to it"
)


def add_content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site", metavar="DIR", type=Path, default=argparse.SUPPRESS, help=SITE_HELP
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=None,
        help="folder of articles (default: content/)",
    )


def add_templates(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--templates",
        metavar="DIR",
        type=Path,
        default=None,
        help="the site's theme overrides: templates and static/ files that "
        "replace the built-in theme's of the same name (default: templates/, "
        "if it exists)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose "invalid choice" error names the closest command
    (`newsdigest bild`: did you mean 'build'?); subcommands' parsers are of this class."""

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self.typed = list(sys.argv[1:] if args is None else args)  # for `error`'s words
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        if message.endswith("required: title") and self.prog.endswith(" new"):
            from generator.commands.new import dashed_title  # noqa: PLC0415 (on error only)

            message = dashed_title(getattr(self, "typed", []), self) or message
        found = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)$", message)
        if found is not None:
            choices = re.findall(r"'([^']*)'", found.group(2))
            close = difflib.get_close_matches(found.group(1).lower(), choices, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean '{close[0]}'?"
        super().error(message)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdigest",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdigest {__version__}")
    parser.add_argument("--site", metavar="DIR", type=Path, default=None, help=SITE_HELP)
    commands = cast(  # its parsers are _Parser: argparse.ArgumentParser to the commands
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", metavar="COMMAND"),
    )

    _add_init_parser(commands)

    _add_build_parser(commands)
    _add_check_parser(commands)
    _add_new_parser(commands)
    _add_serve_parser(commands)
    add_ping_parser(commands, SITE_HELP)
    add_theme_parser(commands, SITE_HELP, add_templates)
    return parser


def _add_init_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `init` command's arguments."""
    init = commands.add_parser(
        "init",
        help="start a new site in a new folder",
        description="Write a complete newsroom into DIR (a new folder, or one whose "
        "files are kept as they are): newsdigest.toml, a welcome article, GitHub Pages and "
        "pull-request workflows, .gitignore and a README for editors.",
    )
    init.add_argument("dir", metavar="DIR", type=Path, help="the new site's folder")
    init.add_argument("--title", default=None, help="the site's name (default: from DIR)")
    init.add_argument(
        "--url",
        default=None,
        help="the address it will be published at, e.g. "
        "https://user.github.io/repo/ (names its feed IDs: site_id)",
    )
    init.add_argument("--language", default="en", help="language tag (default: en)")
    init.add_argument(
        "--timezone",
        default=None,
        help="IANA time zone, e.g. Asia/Kolkata (default: this computer's)",
    )


def _add_build_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`newsdigest build`: its options."""
    build = commands.add_parser(
        "build",
        help="build the site into the output folder",
        description="Check every article, then build the site. "
        "On any error nothing is written and the old site stays.",
    )
    add_content(build)
    add_templates(build)
    build.add_argument(
        "--output",
        metavar="DIR",
        type=Path,
        default=Path("site"),
        help="where the site is written (default: site/)",
    )
    build.add_argument(
        "--base-url",
        metavar="URL",
        default=None,
        help="the address the site is served at, overriding the setting, "
        "e.g. https://user.github.io/repo/",
    )
    build.add_argument("--drafts", action="store_true", help="include articles with draft: true")
    build.add_argument("--future", action="store_true", help="include articles dated in the future")
    build.add_argument(
        "--now",
        metavar="TIME",
        default=None,
        help="build as of this time (ISO 8601, e.g. 2025-06-26T09:00:00+05:30) "
        "instead of the computer's clock: what is scheduled or recent",
    )
    add_speed(build)


def _add_check_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`newsdigest check`: its options."""
    check = commands.add_parser(
        "check",
        help="validate every article; write nothing",
        description="Validate all articles, drafts and scheduled ones "
        "included. Exit 1 if there is any error.",
    )
    add_content(check)
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text for people, github for GitHub Actions annotations",
    )
    check.add_argument(
        "--base",
        metavar="REV",
        default=None,
        help="a git revision (a pull request's base, e.g. origin/main): also "
        "warn about published articles this change moves or deletes",
    )


def _add_new_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`newsdigest new`: its arguments."""
    new = commands.add_parser(
        "new",
        help="start a new article from a title",
        description="Write content/YYYY/MM/SLUG.md, a draft (draft: true) with valid "
        "front matter dated now, and print its path.",
    )
    new.add_argument("title", help="the headline, in quotes")
    new.add_argument("--country", default="", help="the story's country (name or ISO code)")
    new.add_argument("--tags", default="", help="comma-separated topics, e.g. Climate,Economy")
    new.add_argument(
        "--language",
        default="",
        help="the story's language if not the site's: a BCP 47 tag such as ur, hi or pt-BR",
    )
    new.add_argument(
        "--author", default=None, help="the byline (default: your `git config user.name`)"
    )
    new.add_argument(
        "--slug",
        default="",
        help="the story's address and file name, lower-case words and hyphens such as "
        "karachi-floods (default: made from the title)",
    )
    add_content(new)


def _add_serve_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`newsdigest serve`: its options."""
    serve = commands.add_parser(
        "serve",
        help="preview the site with live reload",
        description="Build with drafts, serve on 127.0.0.1 under the "
        "base path, rebuild and reload the browser on every change.",
    )
    serve.add_argument(
        "--port",
        metavar="N",
        type=port_number,
        default=8000,
        help="the port, 0 to 65535 (default: 8000; 0: any free port)",
    )
    add_content(serve)
    add_templates(serve)


def port_number(text: str) -> int:
    """--port's value: a TCP port, 0 to 65535 (0: the system picks a free one).
    argparse.ArgumentTypeError (a usage error, status 2) for anything else."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"must be a port number from 0 to 65535 (0: any free port), not {text!r}"
        )
    return port


def site_folder(args: argparse.Namespace) -> Path:
    """The site's folder: --site DIR, or the current folder."""
    site: Path | None = args.site
    if site is None:
        return Path.cwd()
    if not site.is_dir():
        raise UsageError(f"--site {site}: no such folder")
    return site


def in_site(args: argparse.Namespace, path: Path) -> Path:
    """A path given relative to the site's folder (the current folder without --site)."""
    return path if args.site is None else args.site / path


def settings_of(args: argparse.Namespace) -> config.Settings:
    from generator import config

    overrides = {"base_url": getattr(args, "base_url", None)}
    return config.load(site_folder(args), overrides)


def _templates(args: argparse.Namespace) -> Path | None:
    templates = getattr(args, "templates", None)
    return None if templates is None else in_site(args, templates)


def paths_of(args: argparse.Namespace, settings: config.Settings) -> Paths:
    from generator.settings_file import Paths

    content = in_site(args, args.content or Path(settings.content_dir))
    if args.content is None:
        _content_inside(site_folder(args), content, settings.content_dir)
    # `check --base` after the last article's deletion: git has removed the empty content/
    deleted_all = args.command == "check" and bool(getattr(args, "base", None))
    not_a_file(content, "--content", args.content is None, settings.content_dir)
    if args.command != "new" and not content.is_dir() and not deleted_all:
        raise UsageError(
            f"content folder {content} does not exist; create it or pass --content DIR"
        )
    templates = _templates(args)
    not_a_file(templates, "--templates")
    if templates is not None and not templates.is_dir():
        raise UsageError(
            f"templates folder {templates} does not exist; create it, or leave "
            "out --templates to use the built-in theme as it is"
        )
    return Paths(
        site_folder(args),
        content,
        templates or in_site(args, Path("templates")),
        in_site(args, getattr(args, "output", Path("site"))),
    )


def _content_inside(site: Path, content: Path, written: str) -> None:
    """Refuse a content_dir that, once its links on disk are followed, is outside the
    site's folder (`linked -> ../outside`), or that is written from the disk's root
    (`/home/desk/site/src/news`, which Edit links and another computer cannot read):
    ConfigError on its line of the settings file, as a path written outside it is
    (prober3 M11); a root path inside the site gets the path to write from the site's
    folder (`src/news`, prober4 M13)."""
    from generator import settings_errors
    from generator.settings_file import find_settings

    real, top = content.resolve(), site.resolve()
    rooted = PurePosixPath(written).is_absolute()
    if (real == top or top in real.parents) and not rooted:
        return
    shown = settings_errors.shown
    if real == top or top in real.parents:
        problem = settings_errors.Problem(
            "content_dir",
            f"content_dir {shown(written)} is written from the disk's root (/): the Edit "
            "links and every other computer (a colleague's, GitHub's) need the folder's path "
            "from the site's folder",
            f"write content_dir = {shown(real.relative_to(top).as_posix())}",
        )
    else:
        problem = settings_errors.Problem(
            "content_dir",
            f"content_dir {shown(written)} "
            + ("is" if rooted else f"is a link on disk to {real}, which is")
            + " outside the site's folder: the stories must be in the site's repository "
            "(its Edit links, history and checks read them there)",
            "move the folder into the site's folder"
            + ("" if rooted else " in place of the link")
            + f", and write its path from there, like content_dir = {shown('content')} (or "
            "pass --content DIR to read another folder once)",
        )
    raise settings_errors.settings_error(find_settings(site)[0], [problem])


def add_speed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        type=int,
        default=0,
        help="worker processes for Markdown and pages (default: one per core; "
        "1: no worker processes). The output is the same for every N",
    )
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=Path,
        default=None,
        help="where the build cache is kept (default: .newsdigest-cache/)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the build cache: a clean build",
    )


def options_of(args: argparse.Namespace, progress: ProgressBar | None = None) -> Options:
    from generator.commands.build import Options

    cache_dir = None if args.cache_dir is None else in_site(args, args.cache_dir)
    if args.jobs < 0:
        raise UsageError(
            f"--jobs {args.jobs}: give a number of processes, 1 or more (0 for one per core)"
        )
    if progress is None:
        return Options(jobs=args.jobs, cache=not args.no_cache, cache_dir=cache_dir)
    return Options(jobs=args.jobs, cache=not args.no_cache, cache_dir=cache_dir, progress=progress)


def build_time(value: str | None, settings: config.Settings) -> datetime | None:
    """--now TIME as an aware datetime (read in the site's timezone without an offset)."""
    if value is None:
        return None
    from generator.load.dates import outside_years, parse_datetime

    parsed = parse_datetime(value.strip(), settings.tz)
    if isinstance(parsed, str):
        raise UsageError(f"--now: {parsed}; use a time such as 2025-06-26T09:00:00+05:30")
    outside = outside_years(parsed, value.strip(), settings.tz)
    if outside:
        what = outside.replace("; ", ": ")
        raise UsageError(f"--now: {what}; use a time such as 2025-06-26T09:00:00+05:30")
    return parsed


def command_list(parser: argparse.ArgumentParser) -> str:
    """`newsdigest` alone: every command with its one-line help."""
    actions = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    width = max(len(choice.dest) for choice in actions._choices_actions)
    lines = [f"  {c.dest:<{width}}  {c.help}" for c in actions._choices_actions]
    return (
        f"newsdigest {__version__}: Markdown news articles in, a news-digest website out\n"
        "\nusage: newsdigest COMMAND [options]\n\ncommands:\n"
        + "\n".join(lines)
        + "\n\n`newsdigest COMMAND --help` shows a command's options; "
        "`newsdigest --version` its version."
    )
