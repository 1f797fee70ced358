"""The `newsdigest` command's entry point: Ctrl-C (SIGINT) while the command line is still
being imported ends it as Ctrl-C later does (cli.interrupted): exit status 130 and the line
`newsdigest: interrupted`, not a traceback. For `serve`, whose normal end is Ctrl-C or
SIGTERM, both stop it from the process's first moment with `stopped` and status 0
(generator.interrupt.stop_on_signals), as they do once it serves. Once the command has
returned, Ctrl-C is ignored while the interpreter ends: the work is done, and its status
stands (Python would otherwise end a process hit at that moment with status 130, silently)."""

from __future__ import annotations

import signal
import sys

from generator import interrupt


def main() -> int:
    """Import the command line and run it; its exit status (130 when interrupted)."""
    serving = interrupt.command_of(sys.argv[1:]) == "serve"
    if serving:
        interrupt.stop_on_signals()
    try:
        try:
            from generator.cli import interrupted
            from generator.cli import main as run
        except KeyboardInterrupt:
            stopped = interrupt.stop_requested()
            print("stopped" if stopped else "newsdigest: interrupted", file=sys.stderr)
            return 0 if stopped else 130
        try:
            return run()
        except KeyboardInterrupt:  # between the command's end and here
            return interrupted()
    finally:
        interrupt.work_done()
        if serving:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
