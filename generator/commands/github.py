"""`check --format github`: what GitHub Actions cannot show on the pull request.

GitHub shows at most 10 error and 10 warning annotations of one step on a pull request
(its documented annotation limits); the rest are only in the step's log. So after the
annotations comes one plain line counting them all, which says so when a kind has more
than 10, and, when the step has a job summary file ($GITHUB_STEP_SUMMARY, GitHub's
"Adding a job summary"), the whole list in it as Markdown, where every one is seen.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.diagnostics import Diagnostic, tally

SHOWN = 10  # annotations of one kind (error, warning) GitHub shows per step
SUMMARY_BYTES = 1024 * 1024  # GitHub's cap on one step's summary


def count_line(diagnostics: Sequence[Diagnostic], summary: bool) -> str:
    """'12 errors, 0 warnings; GitHub shows the first 10 of each ...': the line after the
    annotations. `summary`: whether the list is also in the job summary."""
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = sum(d.severity == "warning" for d in diagnostics)
    line = tally(diagnostics)
    if errors > SHOWN or warnings > SHOWN:
        where = "in this log and in the job summary" if summary else "in this log"
        line += (
            f"; GitHub shows the first {SHOWN} of each on the pull request: every one is "
            f"listed {where}"
        )
    return line


def _cell(text: str) -> str:
    """Text in a Markdown table cell: no line breaks, `|` escaped, HTML shown as text."""
    text = " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str) -> str:
    """Text in a Markdown table cell as typed, in a code span: `**star**`, `[a](b)` and
    `<b>` are shown, not read as Markdown or HTML, and spaces are kept (GitHub shows a
    code span's spaces: the indentation of a fix's `  author:`). Only `|` is escaped, as
    a table cell needs; the span's fence is longer than any run of backquotes inside."""
    text = text.replace("\r", "").replace("\n", " ").replace("|", "\\|")
    if not text.strip():
        return ""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def markdown(diagnostics: Sequence[Diagnostic], where: Callable[[Diagnostic], str]) -> str:
    """Every problem as a GitHub-flavoured Markdown table (file:line, kind, what, fix),
    cut (and said so) before GitHub's 1 MiB cap on a step's summary."""
    head = [
        "### newsdigest check",
        "",
        count_line(diagnostics, summary=False).split(";")[0],
        "",
        "| Where | Kind | Problem | Fix |",
        "| --- | --- | --- | --- |",
    ]
    text = "\n".join(head) + "\n"
    for shown, d in enumerate(diagnostics):
        row = f"| {_cell(where(d))} | {d.severity} | {_code(d.message)} | {_code(d.hint)} |\n"
        if len((text + row).encode("utf-8")) > SUMMARY_BYTES - 200:
            rest = len(diagnostics) - shown
            return text + f"\n{rest} more are in the step's log (a summary holds 1 MiB).\n"
        text += row
    return text


def write_summary(diagnostics: Sequence[Diagnostic], where: Callable[[Diagnostic], str]) -> bool:
    """Add the list to the job summary when the step has one ($GITHUB_STEP_SUMMARY) and
    there is something to list; whether it was written."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target or not diagnostics:
        return False
    try:
        with Path(target).open("a", encoding="utf-8") as file:
            file.write(markdown(diagnostics, where))
    except OSError:
        return False
    return True
