"""Problems found in content or settings, collected as data rather than raised."""

from __future__ import annotations

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
