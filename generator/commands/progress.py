"""A one-line progress bar for long builds on a terminal; silent everywhere else.

It draws on stderr only when stderr is a terminal and the CI variable is not set, and
only once a build has run for half a second, so short builds and logs stay clean.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from typing import TextIO

DELAY = 0.5  # seconds before the first draw
INTERVAL = 0.1  # seconds between draws

Progress = Callable[[str, int, int], None]  # (step, done, total): what a build reports


def quiet(step: str, done: int, total: int) -> None:
    """A progress report that shows nothing."""


def wanted(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("CI")


class ProgressBar:
    """Call it with (step, done, total); call `clear()` before printing anything else."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.started < DELAY:
            return
        if now - self.last < INTERVAL and done < total:
            return
        self.last = now
        width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 40))
        filled = width * done // total if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r{step:<10} [{bar}] {done}/{total}\x1b[K")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
