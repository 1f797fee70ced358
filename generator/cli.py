"""The command line: arguments in, calls to the pipeline, diagnostics printed, exit status out.

Exit status: 0 success; 1 content errors (the output directory is left as it was);
2 usage, configuration or output-directory errors; 141 (128 + SIGPIPE, as for any Unix
tool) when the reader of the output went away, e.g. `newsdigest build | head -1`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

import jinja2

from generator import __version__, config
from generator.commands.build import (
    Options,
    Paths,
    Result,
    Selection,
    Summary,
    build_site,
    check_content,
)
from generator.commands.init import add_parser as add_init_parser
from generator.commands.ping import add_parser as add_ping_parser
from generator.commands.progress import ProgressBar, wanted
from generator.commands.theme import add_parser as add_theme_parser
from generator.diagnostics import Diagnostic, UsageError
from generator.write.output import OutputError
from generator.write.search import search_off

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
EXIT_PIPE = 128 + signal.SIGPIPE  # what a shell reports for a program ended by SIGPIPE

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


SITE_HELP = ("the site's folder, holding newsdigest.toml (default: the current folder); "
             "other paths are relative to it")


def _add_content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", metavar="DIR", type=Path, default=argparse.SUPPRESS,
                        help=SITE_HELP)
    parser.add_argument("--content", metavar="DIR", type=Path, default=None,
                        help="folder of articles (default: content/)")


def _add_templates(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--templates", metavar="DIR", type=Path, default=None,
                        help="the site's theme overrides: templates and static/ files that "
                        "replace the built-in theme's of the same name (default: templates/, "
                        "if it exists)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdigest", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdigest {__version__}")
    parser.add_argument("--site", metavar="DIR", type=Path, default=None, help=SITE_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add_init_parser(commands)

    build = commands.add_parser("build", help="build the site into the output folder",
                                description="Check every article, then build the site. "
                                "On any error nothing is written and the old site stays.")
    _add_content(build)
    _add_templates(build)
    build.add_argument("--output", metavar="DIR", type=Path, default=Path("site"),
                       help="where the site is written (default: site/)")
    build.add_argument("--base-url", metavar="URL", default=None,
                       help="the address the site is served at, overriding the setting, "
                       "e.g. https://user.github.io/repo/")
    build.add_argument("--drafts", action="store_true", help="include articles with draft: true")
    build.add_argument("--future", action="store_true", help="include articles dated in the future")
    build.add_argument("--now", metavar="TIME", default=None,
                       help="build as of this time (ISO 8601, e.g. 2025-06-26T09:00:00+05:30) "
                       "instead of the computer's clock: what is scheduled or recent")
    _add_speed(build)

    check = commands.add_parser("check", help="validate every article; write nothing",
                                description="Validate all articles, drafts and scheduled ones "
                                "included. Exit 1 if there is any error.")
    _add_content(check)
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="text for people, github for GitHub Actions annotations")
    check.add_argument("--base", metavar="REV", default=None,
                       help="a git revision (a pull request's base, e.g. origin/main): also "
                       "warn about published articles this change moves or deletes")

    new = commands.add_parser("new", help="start a new article from a title",
                              description="Write content/YYYY/MM/SLUG.md with valid front "
                              "matter dated now, and print its path.")
    new.add_argument("title", help="the headline, in quotes")
    new.add_argument("--country", default="", help="the story's country (name or ISO code)")
    new.add_argument("--tags", default="", help="comma-separated topics, e.g. Climate,Economy")
    _add_content(new)

    serve = commands.add_parser("serve", help="preview the site with live reload",
                                description="Build with drafts, serve on 127.0.0.1 under the "
                                "base path, rebuild and reload the browser on every change.")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    _add_content(serve)
    _add_templates(serve)

    add_ping_parser(commands, SITE_HELP)
    add_theme_parser(commands, SITE_HELP, _add_templates)
    return parser


def format_text(diagnostic: Diagnostic, content_dir: Path) -> str:
    # normpath: authors.yaml beside the settings file is named '../authors.yaml' from content/
    where = (Path(os.path.normpath(content_dir / diagnostic.path)).as_posix()
             if diagnostic.line else diagnostic.path)
    line = f"{where}:{diagnostic.line}: {diagnostic.severity}: {diagnostic.message}"
    return line + (f"\n    fix: {diagnostic.hint}" if diagnostic.hint else "")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostic: Diagnostic, content_dir: Path) -> str:
    """A GitHub Actions workflow command that shows the problem on the pull request's diff."""
    path = Path(os.path.normpath(content_dir / diagnostic.path)).as_posix()
    message = diagnostic.message + (f". Fix: {diagnostic.hint}" if diagnostic.hint else "")
    return (
        f"::{diagnostic.severity} file={_escape_property(path)},line={max(diagnostic.line, 1)},"
        f"title={_escape_property('newsdigest: ' + diagnostic.severity)}::{_escape_data(message)}"
    )


def report(result: Result, content_dir: Path, style: str, out: TextIO) -> None:
    formatter = format_github if style == "github" else format_text
    for diagnostic in result.diagnostics:
        print(formatter(diagnostic, content_dir), file=out)
    errors = sum(d.severity == "error" for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    if style == "text" and result.diagnostics:
        print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}",
              file=out)


def _site(args: argparse.Namespace) -> Path:
    """The site's folder: --site DIR, or the current folder."""
    site: Path | None = args.site
    if site is None:
        return Path.cwd()
    if not site.is_dir():
        raise UsageError(f"--site {site}: no such folder")
    return site


def _in_site(args: argparse.Namespace, path: Path) -> Path:
    """A path given relative to the site's folder (the current folder without --site)."""
    return path if args.site is None else args.site / path


def _settings(args: argparse.Namespace) -> config.Settings:
    overrides = {"base_url": getattr(args, "base_url", None)}
    return config.load(_site(args), overrides)


def _paths(args: argparse.Namespace, settings: config.Settings) -> Paths:
    content = _in_site(args, args.content or Path(settings.content_dir))
    if args.command != "new" and not content.is_dir():
        raise UsageError(
            f"content folder {content} does not exist; create it or pass --content DIR"
        )
    templates = getattr(args, "templates", None)
    templates = None if templates is None else _in_site(args, templates)
    if templates is not None and not templates.is_dir():
        raise UsageError(f"templates folder {templates} does not exist; create it, or leave "
                          "out --templates to use the built-in theme as it is")
    return Paths(_site(args), content, templates or _in_site(args, Path("templates")),
                 _in_site(args, getattr(args, "output", Path("site"))))


def _add_speed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", metavar="N", type=int, default=0,
                        help="worker processes for Markdown and pages (default: one per core; "
                        "1: no worker processes). The output is the same for every N")
    parser.add_argument("--cache-dir", metavar="DIR", type=Path, default=None,
                        help="where the build cache is kept (default: .newsdigest-cache/)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the build cache: a clean build")


def _options(args: argparse.Namespace, progress: ProgressBar | None = None) -> Options:
    cache_dir = None if args.cache_dir is None else _in_site(args, args.cache_dir)
    if args.jobs < 0:
        raise UsageError(f"--jobs {args.jobs}: give a number of processes, 1 or more "
                          "(0 for one per core)")
    if progress is None:
        return Options(jobs=args.jobs, cache=not args.no_cache, cache_dir=cache_dir)
    return Options(jobs=args.jobs, cache=not args.no_cache, cache_dir=cache_dir,
                   progress=progress)


def summary_table(summary: Summary, seconds: float) -> str:
    """Hugo-style totals: what the site holds and how much work this build did."""
    pages = (f"{summary.rendered_pages} rendered, "
             f"{summary.pages - summary.rendered_pages} unchanged")
    rows = [
        ("Articles", summary.articles,
         f"{summary.cache_hits} from cache, {summary.bodies} converted"),
        ("Pages", summary.pages, pages),
        ("Topics", summary.topics, ""),
        ("Countries", summary.countries, ""),
        ("Feeds", summary.feeds, ""),
    ]
    lines = [f"  {name:<10} {count:>7}" + (f"  ({note})" if note else "")
             for name, count, note in rows]
    if summary.up_to_date:
        lines.append("  up to date: nothing changed since the last build")
    return "\n".join(lines) + f"\nTotal in {seconds * 1000:.0f} ms"


def _build_time(value: str | None, settings: config.Settings) -> datetime | None:
    """--now TIME as an aware datetime (read in the site's timezone without an offset)."""
    if value is None:
        return None
    from generator.load.dates import parse_datetime

    parsed = parse_datetime(value.strip(), settings.tz)
    if isinstance(parsed, str):
        raise UsageError(f"--now: {parsed}; use a time such as 2025-06-26T09:00:00+05:30")
    return parsed


# Opening site/index.html from disk shows a page without its style: links are site paths.
PREVIEW = "preview: newsdigest serve (then open the address it prints)"


def cmd_build(args: argparse.Namespace) -> int:
    settings = _settings(args)
    paths = _paths(args, settings)
    bar = ProgressBar(sys.stderr, wanted(sys.stderr))
    try:
        selection = Selection(drafts=args.drafts, future=args.future,
                              now=_build_time(args.now, settings))
        result = build_site(paths, settings, selection, _options(args, bar))
    finally:
        bar.clear()
    report(result, paths.content, "text", sys.stderr)
    if not result.ok:
        print(f"build stopped: fix the errors above; {paths.output} was not changed",
              file=sys.stderr)
        return EXIT_CONTENT
    assert result.summary is not None and result.stats is not None
    summary = result.summary
    print(
        f"built {summary.articles} articles into {paths.output}/: {result.files} files "
        f"({result.stats.written} written, {result.stats.unchanged} unchanged), "
        f"{summary.topics} topics, {summary.countries} countries "
        f"in {result.seconds:.2f} s"
    )
    print(summary_table(summary, result.seconds))
    if result.held_back.anything:
        print(result.held_back.text(settings.tz, paths.content))
    print(PREVIEW)
    if not result.search:
        print(search_off(), file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    settings = _settings(args)
    paths = _paths(args, settings)
    result = check_content(paths, settings)
    if args.base:
        from generator.commands.history import moved_articles

        now = datetime.now().astimezone()
        result.diagnostics += moved_articles(paths.content, args.base, result.articles,
                                             settings, now)
        result.diagnostics.sort(key=Diagnostic.sort_key)
    report(result, paths.content, args.format, sys.stdout)
    if result.ok and args.format == "text":
        print(f"checked {len(result.articles)} articles: no errors")
    if result.held_back.anything and args.format == "text":
        print(result.held_back.text(settings.tz, paths.content))
    return EXIT_OK if result.ok else EXIT_CONTENT


def cmd_new(args: argparse.Namespace) -> int:
    from generator.commands.new import new_article
    from generator.load.placeholder import PLACEHOLDER

    settings = _settings(args)
    path = new_article(_paths(args, settings).content, settings, args.title, args.country,
                       args.tags)
    print(path.as_posix())
    if not args.country:
        print("fill in 'country:' in that file: `newsdigest check` reports it until then",
              file=sys.stderr)
    print(f"write the story in that file in place of {PLACEHOLDER!r}: `newsdigest check` "
          "warns until then", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.commands.serve import serve

    settings = _settings(args)
    paths = _paths(args, settings)

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    return serve(paths, settings, args.port, log, lambda d: format_text(d, paths.content))


def cmd_ping(args: argparse.Namespace) -> int:
    from generator.commands.ping import changed_list, notify, read_changed

    settings = _settings(args)
    if not settings.websub_hub:
        print("no websub_hub setting: nothing to notify (set websub_hub = \"https://...\" "
              "in newsdigest.toml to notify a WebSub hub)", file=sys.stderr)
        return EXIT_OK
    feeds = read_changed(_in_site(args, args.output))
    if feeds is None:
        raise UsageError(f"{changed_list(args.output)} does not exist: run `newsdigest build "
                          f"--output {args.output}` first")
    if not feeds:
        print("no feed changed in the last build: nothing to notify")
        return EXIT_OK
    answers = notify(settings.websub_hub, feeds)
    for answer in answers:
        if not answer.ok:
            print(f"newsdigest: error: {settings.websub_hub} refused {answer.feed}: "
                  f"{answer.detail}", file=sys.stderr)
    done = sum(a.ok for a in answers)
    print(f"notified {settings.websub_hub} of {done} of {len(answers)} changed feeds")
    return EXIT_OK if done == len(answers) else EXIT_CONTENT


def cmd_init(args: argparse.Namespace) -> int:
    from generator.commands.init import init_site, summary

    print(summary(init_site(args.dir, args.title, args.url, args.language, args.timezone),
                  args.dir))
    return EXIT_OK


def cmd_theme(args: argparse.Namespace) -> int:
    from generator.commands.theme import theme_command

    overrides = _in_site(args, args.templates or Path("templates"))
    print(theme_command(args.theme_command, overrides, getattr(args, "path", ""), _site(args)))
    return EXIT_OK


def command_list(parser: argparse.ArgumentParser) -> str:
    """`newsdigest` alone: every command with its one-line help."""
    actions = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    width = max(len(choice.dest) for choice in actions._choices_actions)
    lines = [f"  {c.dest:<{width}}  {c.help}" for c in actions._choices_actions]
    return (f"newsdigest {__version__}: Markdown news articles in, a news-digest website out\n"
            "\nusage: newsdigest COMMAND [options]\n\ncommands:\n" + "\n".join(lines) +
            "\n\n`newsdigest COMMAND --help` shows a command's options; "
            "`newsdigest --version` its version.")


COMMANDS = {"build": cmd_build, "check": cmd_check, "new": cmd_new, "serve": cmd_serve,
            "ping": cmd_ping, "init": cmd_init, "theme": cmd_theme}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status. Output to a closed pipe ends quietly.

    A reader that stops early (`newsdigest build | head -1`) closes the pipe; the next
    write fails with EPIPE. As the Python documentation advises (signal module, "Note on
    SIGPIPE"), the rest of the output goes to /dev/null, so that neither that write nor
    the final flush prints a traceback, and the status is that of a program ended by SIGPIPE.
    """
    try:
        try:
            return run(argv)
        finally:  # also after --help and --version, which end with SystemExit
            sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                os.dup2(devnull, stream.fileno())
        return EXIT_PIPE


def run(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the command; errors become messages and a status."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        print(command_list(parser))
        return EXIT_OK
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        for message in exc.messages:
            print(f"newsdigest: error: {message}", file=sys.stderr)
    except OutputError as exc:
        print(f"newsdigest: error: {exc}", file=sys.stderr)
    except jinja2.TemplateSyntaxError as exc:
        print(f"{exc.filename}:{exc.lineno}: error: template: {exc.message}", file=sys.stderr)
    except jinja2.TemplateError as exc:
        print(f"newsdigest: error: template: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("newsdigest: interrupted", file=sys.stderr)
    return EXIT_USAGE
