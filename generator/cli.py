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
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from generator import interrupt
from generator.commands.arguments import (
    build_time,
    command_list,
    in_site,
    make_parser,
    options_of,
    paths_of,
    settings_of,
    site_folder,
)
from generator.commands.progress import ProgressBar, wanted
from generator.diagnostics import ConfigError, Diagnostic, UsageError, tally
from generator.settings_errors import describe as describe_setting

if TYPE_CHECKING:  # a command imports what it runs: `--version` and `init` no build stack
    from generator.commands.build import Result, Summary

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
EXIT_PIPE = 128 + signal.SIGPIPE  # what a shell reports for a program ended by SIGPIPE
EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130: as a shell reports a program stopped by Ctrl-C


def _file(diagnostic: Diagnostic, content_dir: Path) -> str:
    """The problem's file from the site's folder: 'content/2025/06/x.md'; normpath:
    authors.yaml beside the settings file is named '../authors.yaml' from content/."""
    return Path(os.path.normpath(content_dir / diagnostic.path)).as_posix()


def format_text(diagnostic: Diagnostic, content_dir: Path) -> str:
    where = (
        f"{_file(diagnostic, content_dir)}:{diagnostic.line}"
        if diagnostic.line
        else diagnostic.path
    )
    line = f"{where}: {diagnostic.severity}: {diagnostic.message}"
    return line + (f"\n    fix: {diagnostic.hint}" if diagnostic.hint else "")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostic: Diagnostic, content_dir: Path) -> str:
    """A GitHub Actions workflow command that shows the problem on the pull request's diff."""
    path = _file(diagnostic, content_dir)
    message = diagnostic.message + (f". Fix: {diagnostic.hint}" if diagnostic.hint else "")
    return (
        f"::{diagnostic.severity} file={_escape_property(path)},line={max(diagnostic.line, 1)},"
        f"title={_escape_property('newsdigest: ' + diagnostic.severity)}::{_escape_data(message)}"
    )


def _place(diagnostic: Diagnostic, content_dir: Path) -> str:
    """'content/2025/06/x.md:3': where the problem is, as the text format names it."""
    path = _file(diagnostic, content_dir)
    return f"{path}:{diagnostic.line}" if diagnostic.line else path


def report(result: Result, content_dir: Path, style: str, out: TextIO) -> None:
    formatter = format_github if style == "github" else format_text
    for diagnostic in result.diagnostics:
        print(formatter(diagnostic, content_dir), file=out)
    errors = sum(d.severity == "error" for d in result.diagnostics)
    if style == "github" and result.diagnostics:
        from generator.commands import github

        where = partial(_place, content_dir=content_dir)
        written = github.write_summary(result.diagnostics, where)
        print(github.count_line(result.diagnostics, written), file=out)
    if style == "text" and errors:  # with warnings alone, the command's last line counts them
        print(tally(result.diagnostics), file=out)


def warnings(result: Result) -> str:
    """'2 warnings': how many of the result's diagnostics are warnings."""
    return counted(sum(d.severity == "warning" for d in result.diagnostics), "warning")


def summary_table(summary: Summary, seconds: float) -> str:
    """Hugo-style totals: what the site holds and how much work this build did."""
    pages = f"{summary.rendered_pages} rendered, {summary.pages - summary.rendered_pages} unchanged"
    rows = [
        (
            "Articles",
            summary.articles,
            f"{summary.cache_hits} from cache, {summary.bodies} converted",
        ),
        ("Pages", summary.pages, pages),
        ("Topics", summary.topics, ""),
        ("Countries", summary.countries, ""),
        ("Feeds", summary.feeds, ""),
    ]
    lines = [f"  {n:<10} {count:>7}" + (f"  ({note})" if note else "") for n, count, note in rows]
    if summary.decoded:  # stored stories whose whole record was read (speed.records)
        lines.append(f"  {summary.decoded} of the articles from cache read in full")
    if summary.up_to_date:
        lines.append("  up to date: nothing changed since the last build")
    return "\n".join(lines) + f"\nTotal in {seconds * 1000:.0f} ms"


# Opening site/index.html from disk shows a page without its style: links are site paths.
PREVIEW = "preview: newsdigest serve (then open the address it prints)"


def _waiting(output: Path) -> None:
    print(f"another build is writing into {output}: waiting for it", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from generator.commands.build import Selection, build_site
    from generator.write.search import search_off
    from generator.write.target import one_build_at_a_time

    settings = settings_of(args)
    paths = paths_of(args, settings)
    bar = ProgressBar(sys.stderr, wanted(sys.stderr))
    try:
        selection = Selection(
            drafts=args.drafts, future=args.future, now=build_time(args.now, settings)
        )
        with one_build_at_a_time(paths.output, _waiting):
            result = build_site(paths, settings, selection, options_of(args, bar))
        if result.ok:  # the site is written: Ctrl-C now would stop nothing (exit 0)
            interrupt.work_done()
    finally:
        bar.clear()
    report(result, paths.content, "text", sys.stderr)
    if not result.ok:
        print(
            f"build stopped: fix the errors above; {paths.output} was not changed", file=sys.stderr
        )
        return EXIT_CONTENT
    assert result.summary is not None and result.stats is not None
    summary = result.summary
    print(
        f"built {counted(summary.articles, 'article')} into {paths.output}/: {result.files} files "
        f"({result.stats.written} written, {result.stats.unchanged} unchanged), "
        f"{counted(summary.topics, 'topic')}, {counted(summary.countries, 'country', 'countries')} "
        f"in {result.seconds:.2f} s"
        + (f" ({warnings(result)} above)" if result.diagnostics else "")
    )
    print(summary_table(summary, result.seconds))
    if result.held_back.anything:
        print(result.held_back.text(settings.tz, paths.content))
    print(PREVIEW)
    if not result.search:
        print(search_off(), file=sys.stderr)
    return EXIT_OK


def counted(count: int, noun: str, plural: str = "") -> str:
    """'1 article', '2 articles': a number with its noun in the right form."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def cmd_check(args: argparse.Namespace) -> int:
    from generator.commands.build import Result, check_content

    settings = settings_of(args)
    paths = paths_of(args, settings)
    # With --base, a content folder git removed with its last article holds no article.
    missing = args.base and not paths.content.is_dir()
    result = Result() if missing else check_content(paths, settings)
    if args.base:
        from generator.commands.history import moved_articles
        from generator.commands.moved_pages import moved_pages, superseded
        from generator.commands.site_id import site_id_changed

        now = datetime.now().astimezone()
        result.diagnostics = moved_articles(paths, args.base, result, settings, now)
        kept: set[str] = set()  # author pages published at the base, where they stay
        moved = moved_pages(paths, args.base, result.articles, settings, now, kept)
        result.diagnostics = superseded(result.diagnostics, moved, kept) + moved
        result.diagnostics += site_id_changed(paths, args.base, settings)
        result.diagnostics.sort(key=Diagnostic.sort_key)
    report(result, paths.content, args.format, sys.stdout)
    if result.ok and args.format == "text":
        print(
            f"checked {counted(len(result.articles), 'article')}: no errors"
            + (f", {warnings(result)}" if result.diagnostics else "")
        )
    if result.held_back.anything and args.format == "text":
        print(result.held_back.text(settings.tz, paths.content))
    if result.templates_wrong:  # a template a build stops on: its status, 2
        return EXIT_USAGE
    return EXIT_OK if result.ok else EXIT_CONTENT


def cmd_new(args: argparse.Namespace) -> int:
    from generator.commands.new import DEFAULT_AUTHOR, git_author, new_article, notes
    from generator.load.placeholder import PLACEHOLDER

    settings = settings_of(args)
    author = " ".join((args.author or "").split()) or None
    if args.author is not None and author is None:
        raise UsageError('--author is empty; write the byline in quotes: --author "Asha Rao"')
    known = author or git_author(site_folder(args))
    path = new_article(
        paths_of(args, settings).content,
        settings,
        args.title,
        args.country,
        args.tags,
        author=known or DEFAULT_AUTHOR,
        language=args.language,
        slug=args.slug,
        typed=vars(args),
    )
    print(path.as_posix())
    for note in notes(args.title, args.slug):
        print(note, file=sys.stderr)
    if known is None:
        print(
            f"the byline is {DEFAULT_AUTHOR!r}: git has no user name here; write the "
            "reporter's name in 'author:' in that file (or next time: newsdigest new "
            '... --author "Name", or git config --global user.name "Name")',
            file=sys.stderr,
        )
    if not args.country:
        print(
            "fill in 'country:' in that file: `newsdigest check` reports it until then",
            file=sys.stderr,
        )
    print(
        f"it is a draft: write the story in place of {PLACEHOLDER!r}, then delete the "
        "line 'draft: true' to publish it",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.commands.serve import serve
    from generator.config import Settings

    try:
        settings = settings_of(args)
    except ConfigError as exc:
        if not exc.diagnostics:  # no settings file to fix: nothing to serve
            raise
        settings = Settings()  # the first build shows the error page until the fix
    paths = paths_of(args, settings)

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    return serve(paths, settings, args.port, log, lambda d: format_text(d, paths.content))


def cmd_ping(args: argparse.Namespace) -> int:
    from generator.commands.ping import changed_list, notify, read_changed, said

    settings = settings_of(args)
    if not settings.websub_hub:
        print(
            'no websub_hub setting: nothing to notify (set websub_hub = "https://..." '
            "in newsdigest.toml to notify a WebSub hub)",
            file=sys.stderr,
        )
        return EXIT_OK
    feeds = read_changed(in_site(args, args.output))
    if feeds is None:
        raise UsageError(
            f"{changed_list(args.output)} does not exist: run `newsdigest build "
            f"--output {args.output}` first"
        )
    if not feeds:
        print("no feed changed in the last build: nothing to notify")
        return EXIT_OK
    answers = notify(settings.websub_hub, feeds)
    errors, count = said(settings.websub_hub, answers, len(feeds))
    for line in errors:
        print(line, file=sys.stderr)
    print(count)
    return EXIT_CONTENT if errors else EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from generator.commands.init import init_site, summary

    print(
        summary(init_site(args.dir, args.title, args.url, args.language, args.timezone), args.dir)
    )
    return EXIT_OK


def cmd_theme(args: argparse.Namespace) -> int:
    from generator.commands.theme import theme_command

    overrides = in_site(args, args.templates or Path("templates"))
    print(
        theme_command(args.theme_command, overrides, getattr(args, "path", ""), site_folder(args))
    )
    return EXIT_OK


COMMANDS = {
    "build": cmd_build,
    "check": cmd_check,
    "new": cmd_new,
    "serve": cmd_serve,
    "ping": cmd_ping,
    "init": cmd_init,
    "theme": cmd_theme,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status. Output to a closed pipe ends quietly.

    A reader that stops early (`newsdigest build | head -1`) closes the pipe; the next
    write fails with EPIPE. As the Python documentation advises (signal module, "Note on
    SIGPIPE"), the rest of the output goes to /dev/null, so that neither that write nor
    the final flush prints a traceback, and the status is that of a program ended by SIGPIPE.
    Run for the process's own command line (`argv` None), what the command leaves behind is
    left to the system as the process ends, not collected (commands.build: speed.collector).
    """
    ctrl_c = signal.getsignal(signal.SIGINT)
    try:
        try:
            return run(argv)
        finally:  # also after --help and --version, which end with SystemExit
            sys.stdout.flush()
            if argv is not None and ctrl_c is not None:  # a caller that goes on (a test)
                _handle_ctrl_c(ctrl_c)
            elif argv is None:  # the process's own command line: it ends next
                _leave_to_the_system()
    except KeyboardInterrupt:  # Ctrl-C outside a command's own handling (start, flush)
        return interrupted()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                os.dup2(devnull, stream.fileno())
        return EXIT_PIPE


def _leave_to_the_system() -> None:
    """What a build or check made, left to the system as the process ends (commands.build:
    speed.collector); nothing to do after a command that never imported the build."""
    build = sys.modules.get("generator.commands.build")
    if build is not None:
        build.leave_to_the_system()


def usage_error(exc: UsageError, style: str) -> None:
    """Print why the run is impossible: a wrong setting on its line of the settings file
    (as a GitHub annotation with --format github), anything else as `newsdigest: error:`."""
    found = getattr(exc, "diagnostics", ())
    if not found:
        for message in exc.messages:
            print(f"newsdigest: error: {message}", file=sys.stderr)
        return
    for diagnostic in found:
        if style == "github":
            print(format_github(diagnostic, Path()), file=sys.stdout)
        else:
            print(describe_setting(diagnostic), file=sys.stderr)
    print(tally(found), file=sys.stdout if style == "github" else sys.stderr)  # tester T6


def template_error(exc: Exception) -> str | None:
    """What to print for an error in a template of the site's (a Jinja2 error); None for any
    other exception. Jinja2 is imported only by a build that renders pages, so an exception
    raised before it was imported cannot be one of its own."""
    jinja2 = sys.modules.get("jinja2")
    if jinja2 is None:
        return None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        from generator.render.failures import SYNTAX_FIX

        where = f"{exc.filename}:{exc.lineno}: error: template: {exc.message}"
        return f"{where}\n    fix: {SYNTAX_FIX}"
    if isinstance(exc, jinja2.TemplateError):
        return f"newsdigest: error: template: {exc}"
    return None


def output_error(exc: Exception) -> str | None:
    """The message for a site that could not be written (write.output's OutputError)."""
    output = sys.modules.get("generator.write.output")  # not imported: not its exception
    ok = output is not None and isinstance(exc, output.OutputError)
    return f"newsdigest: error: {exc}" if ok else None


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
        usage_error(exc, getattr(args, "format", "text"))
    except Exception as exc:
        message = template_error(exc) or output_error(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
    except KeyboardInterrupt:
        return interrupted()
    return EXIT_USAGE


def _handle_ctrl_c(handler: Callable[[int, FrameType | None], Any] | int) -> None:
    """Ctrl-C handled by `handler` again (after `interrupt.work_done`), in the main thread."""
    if signal.getsignal(signal.SIGINT) is not handler:
        with contextlib.suppress(ValueError):  # not the main thread: nothing was changed
            signal.signal(signal.SIGINT, handler)


def interrupted() -> int:
    """Say that Ctrl-C (SIGINT) stopped the command; its status, 130 (128 + SIGINT).
    serve, whose normal end it is (or SIGTERM's), says `stopped`: status 0."""
    stopped = interrupt.stop_requested()
    with contextlib.suppress(OSError, ValueError):
        print("stopped" if stopped else "newsdigest: interrupted", file=sys.stderr)
    return EXIT_OK if stopped else EXIT_INTERRUPTED
