"""The `newsdigest` command's entry point: Ctrl-C (SIGINT) while the command line is still
being imported ends it as Ctrl-C later does (cli.interrupted): exit status 130 and the line
`newsdigest: interrupted`, not a traceback."""

from __future__ import annotations

import sys


def main() -> int:
    """Import the command line and run it; its exit status (130 when interrupted)."""
    try:
        from generator.cli import main as run
    except KeyboardInterrupt:
        print("newsdigest: interrupted", file=sys.stderr)
        return 130
    return run()
