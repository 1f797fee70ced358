"""Problems found in content or settings, collected as data rather than raised."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: where it is, how bad it is, what is wrong and how to fix it."""

    path: str
    line: int
    severity: Severity
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.message)


def error(path: str, line: int, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, line, "error", message, hint)


def warning(path: str, line: int, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, line, "warning", message, hint)


def said_once(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics` with a problem found many times on one line said once, with how many
    times (tester T12: a line of 5,000 unclosed `<b>` gave 5,000 warnings, which buried
    the other files' problems): the same file, line, severity and message; when their
    fixes differ, the first one's is given for all."""
    counts: dict[tuple[str, int, str, str], list[Diagnostic]] = {}
    for one in diagnostics:
        counts.setdefault((one.path, one.line, one.severity, one.message), []).append(one)
    if len(counts) == len(diagnostics):
        return diagnostics
    said: list[Diagnostic] = []
    for first, *more in counts.values():
        if not more:
            said.append(first)
            continue
        hint = first.hint
        if hint and any(other.hint != hint for other in more):
            hint += f" (and likewise for the other {len(more)})"
        message = f"{first.message} ({len(more) + 1} times on this line, said once)"
        said.append(Diagnostic(first.path, first.line, first.severity, message, hint))
    return said


def tally(diagnostics: Sequence[Diagnostic]) -> str:
    """'1 error, 1 warning': the count line of `diagnostics` (the command line's, serve's)."""
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


class UsageError(Exception):
    """A command-line value, folder, port or missing tool that makes the run impossible:
    nothing is done and the status is 2. Its text says what to do instead; it may hold
    several problems, one message each."""

    @property
    def messages(self) -> list[str]:
        return [str(arg) for arg in self.args] or [""]

    def __str__(self) -> str:
        return "\n".join(self.messages)


class ConfigError(UsageError):
    """A setting that makes the run impossible (a usage error found in the settings).

    `diagnostics`, when given, are the same problems on their lines of the settings file
    (one per message), which the commands print in their own format."""

    def __init__(self, *messages: str, diagnostics: tuple[Diagnostic, ...] = ()) -> None:
        super().__init__(*messages)
        self.diagnostics = diagnostics


class TemplateFailure(UsageError):
    """A template of the site's (or the theme's) that raised an error while making a page:
    the build stops before anything is written, status 2 like any template error.

    `path` and `line` are the template's file and line (line 0 when unknown), `page` the
    site path of the page being made, `reason` the error in one line. It holds only str
    and int, so a worker process sends it back whole (pickle rebuilds it from its args)."""

    def __init__(self, path: str, line: int, page: str, reason: str) -> None:
        super().__init__(path, line, page, reason)
        self.path, self.line, self.page, self.reason = path, line, page, reason

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return (
            error(
                self.path,
                self.line,
                f"this template failed while making {self.page}: {self.reason}",
                "correct this line of the template (or the value it uses) so that it works "
                "for every page; the site stays as it was until a build works",
            ),
        )

    @property
    def messages(self) -> list[str]:
        d = self.diagnostics[0]
        return [f"{d.path}:{d.line}: {d.message}" + (f"\n    fix: {d.hint}" if d.hint else "")]


class CatalogFailure(TemplateFailure):
    """A gettext catalog (a .po file of the site's templates/locale/ or the theme's) that a
    build cannot read: `path` (as the user would type it) and `line` (0 when the whole file
    is unreadable) name it, `what` is wrong and `fix` says how to mend it ('' if unknown).
    Named and quoted as every other file's problem: check, build and serve's error page."""

    def __init__(self, path: str, line: int, what: str, fix: str) -> None:
        UsageError.__init__(self, path, line, what, fix)
        self.path, self.line, self.what, self.fix = path, line, what, fix

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return (error(self.path, self.line, self.what, self.fix),)
