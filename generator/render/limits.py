"""Bounded work for article bodies: Markdown that would make conversion take minutes.

Python-Markdown's time grows with the square of deep nesting and long runs of emphasis
markers; `nesting_problem` finds them before conversion, on their line. What still takes
too long is stopped by a timer of processor time (`time_limit`, `seconds_for`), so a body
converts or not whatever else the machine is doing.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import signal
import threading
import time
from collections.abc import Callable

MAX_NESTING = 50  # brackets left open in one paragraph, or quote levels on one line
MAX_MARKER_RUN = 200  # * or _ in a row
MAX_MARKERS = 1000  # * or _ in one paragraph
# Processor seconds one body may take to convert: TIME_LIMIT, and SECONDS_PER_MB more for
# each million characters. Ordinary text takes about 4 a million with Python-Markdown
# (whose time grows faster than the text: 66 for 5 million characters), 0.1 with gfm.
TIME_LIMIT = 10.0
SECONDS_PER_MB = 20.0
LONG_TEXT = 1_000_000  # characters: a text longer than the default max_file_size allows

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE_MARKS = re.compile(r"^(?: {0,3}>)+")
_BRACKET = re.compile(r"[\[\]()]")
_MARKER_RUN = re.compile(rf"\*{{{MAX_MARKER_RUN + 1},}}|_{{{MAX_MARKER_RUN + 1},}}")
# A list level is 4 columns (a tab is one level): an item further in than MAX_NESTING levels.
_LIST_INDENT = 4 * MAX_NESTING
# A line that starts that far in: the first line, or one after a line end ("\n" leads the
# second expression, so `re` looks for it before trying the rest: `^` with MULTILINE is
# tried at every character, seven times as long on a 5 KB body).
_DEEP_FIRST = re.compile(rf"[ \t]{{{MAX_NESTING},}}")
_DEEP_LATER = re.compile(rf"\n[ \t]{{{MAX_NESTING},}}")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")


def nesting_problem(body: str) -> tuple[int, str, str] | None:
    """(line in body, message, hint) for text that would make conversion take minutes, or None.

    One pass over the Markdown, fenced code blocks left out: more than
    MAX_NESTING '[' or '(' left open in one paragraph, more than MAX_NESTING quote levels
    ('>') on a line, a list item more than MAX_NESTING levels (4 columns, or a tab, each)
    in, more than MAX_MARKER_RUN '*' or '_' in a row or more than MAX_MARKERS in one
    paragraph. Python-Markdown's time grows with the square of these (a list a few hundred
    levels deep exhausts its recursion after seconds); no story uses them.
    """
    if (
        body.count("[") <= MAX_NESTING
        and body.count("(") <= MAX_NESTING
        and body.count(">") <= MAX_NESTING
        and body.count("*") + body.count("_") <= MAX_MARKER_RUN
        and _DEEP_FIRST.match(body) is None
        and _DEEP_LATER.search(body) is None
    ):
        return None  # too few brackets, '>' and markers in the whole text for any problem
    fence = ""
    depth = {"[": 0, "(": 0}
    markers = 0
    for number, line in enumerate(body.split("\n"), start=1):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        if not line.strip():
            depth = {"[": 0, "(": 0}
            markers = 0
            continue
        text = _unescaped(line)
        problem = _line_problem(line, text)
        if problem:
            return (number, *problem)
        markers += text.count("*") + text.count("_")
        if markers > MAX_MARKERS:
            return (
                number,
                f"more than {MAX_MARKERS} '*' or '_' in one paragraph; newsdigest "
                "converts at most that many",
                "split the paragraph, or remove the stray '*' and '_' (write '\\*' for "
                "an asterisk that is just text)",
            )
        problem = _bracket_problem(text, depth)
        if problem:
            return (number, *problem)
    return None


def _unescaped(line: str) -> str:
    """The line without backslash-escaped brackets and backslashes (they open nothing)."""
    return (
        line.replace("\\\\", "")
        .replace("\\[", "")
        .replace("\\(", "")
        .replace("\\]", "")
        .replace("\\)", "")
    )


def _line_problem(line: str, text: str) -> tuple[str, str] | None:
    """(message, hint) for a list item nested too deep, too many quote levels or too long a
    run of '*' or '_' on a line."""
    item = _LIST_ITEM.match(line)
    if item and len(item.group(1).expandtabs(4)) > _LIST_INDENT:
        return (
            f"a list nested more than {MAX_NESTING} levels deep (lists inside each other);"
            f" newsdigest converts at most {MAX_NESTING}",
            "flatten the list: move its items further left, or make them paragraphs",
        )
    quotes = _QUOTE_MARKS.match(line)
    if quotes and quotes.group().count(">") > MAX_NESTING:
        return (
            f"{quotes.group().count('>')} quote levels ('>') on one line; "
            f"newsdigest converts at most {MAX_NESTING}",
            "remove the extra '>' at the start of the line",
        )
    run = _MARKER_RUN.search(text)
    if run:
        return (
            f"{len(run.group())} '{run.group()[0]}' in a row; newsdigest "
            f"converts at most {MAX_MARKER_RUN}",
            f"remove them, or write them as code between backticks (`{run.group()[0]}`)",
        )
    return None


def _bracket_problem(text: str, depth: dict[str, int]) -> tuple[str, str] | None:
    """(message, hint) once more than MAX_NESTING '[' or '(' are open; updates `depth`."""
    for found in _BRACKET.finditer(text):
        char = found.group()
        if char in depth:
            depth[char] += 1
            if depth[char] > MAX_NESTING:
                return (
                    f"more than {MAX_NESTING} '{char}' left open in one "
                    "paragraph; newsdigest converts at most that many",
                    f"close or remove the extra '{char}', or write '\\{char}' "
                    "for a bracket that is just text",
                )
        elif char == "]" and depth["["]:
            depth["["] -= 1
        elif char == ")" and depth["("]:
            depth["("] -= 1
    return None


def seconds_for(body: str) -> float:
    """The processor seconds `body` may take to convert (TIME_LIMIT, more for a long one)."""
    return TIME_LIMIT + SECONDS_PER_MB * len(body) / 1_000_000


def too_slow(body: str, seconds: float) -> tuple[str, str]:
    """(message, hint) for a body that took more than `seconds` of processor time to
    convert: a long text is told to split (or use the faster engine), a short one where
    the converter's time goes."""
    if len(body) >= LONG_TEXT:
        paragraphs = len(re.findall(r"\n[ \t]*\n(?=[ \t]*\S)", body)) + 1
        return (
            f"this story's text is too long to convert: {len(body) / 1_000_000:.1f} million "
            f"characters in {paragraphs:,} paragraphs took more than {seconds:.3g} seconds "
            "of processor time",
            "split it into several stories of less than a million characters each "
            '(about 150,000 words), or set markdown_engine = "gfm" in newsdigest.toml, '
            "which converts long text about 40 times as fast",
        )
    return (
        f"the text took more than {seconds:.3g} seconds of processor time to convert, far "
        f"longer than ordinary text of its length ({len(body):,} characters) needs",
        "look for thousands of brackets, asterisks, links or '<' and '>' in one paragraph "
        "(text pasted from a program's output?) and remove them",
    )


class TooSlow(Exception):
    """Raised by the timer when one body takes longer than its time limit to convert."""


# signal.signal without turning the handler it returns into an enum member (for a Python
# function a failed enum lookup: most of what the limit cost a body, about 70 us here):
# the function signal.signal wraps, where there is one.
_SET_HANDLER: Callable[..., object] = getattr(
    importlib.import_module("_signal") if importlib.util.find_spec("_signal") else signal,
    "signal",
    signal.signal,
)


class time_limit:  # noqa: N801 (used as a function: `with time_limit(seconds):`)
    """Raise TooSlow in this thread once it has used `seconds` of processor time (user +
    system, its own: `time.thread_time`) inside the block, however long that takes by the
    clock: on a busy machine the same text is stopped, or converted, as on a quiet one.
    Only in the main thread of a process with SIGALRM (build workers and serve's builder
    are), else no limit.

    A clock timer (SIGALRM) wakes after `seconds`; when the thread has used less processor
    time than that (it waited for a core), it sleeps again for what is left (a thread's
    processor time never runs faster than the clock). The SIGALRM handler before it is
    put back after."""

    __slots__ = ("armed", "deadline", "previous", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False
        self.deadline = 0.0
        self.previous: object = None

    def __enter__(self) -> None:
        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self.deadline = time.thread_time() + self.seconds
            self.previous = _SET_HANDLER(signal.SIGALRM, self._expire)
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def _expire(self, signum: int, frame: object) -> None:
        left = self.deadline - time.thread_time()
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
            return
        raise TooSlow

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _SET_HANDLER(signal.SIGALRM, self.previous)
