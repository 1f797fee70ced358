"""Ctrl-C (SIGINT) and the processes a build forks: the build's own process alone answers
it, with `newsdigest: interrupted` and exit status 130 (cli.interrupted).

Ctrl-C in a terminal reaches the whole process group, the build's children included. A
child caught at the moment it is forked, before it has chosen what SIGINT does there,
would raise KeyboardInterrupt in whatever Python code it was running (the interpreter's
own after-fork clean-up, the worker pool's start) and print a traceback under the build's
message. So this process holds SIGINT back (blocked: pending, not lost) while it forks
(`held`): it gets the signal as soon as the children are started; each child starts with
SIGINT blocked and unblocks it only once it has set what SIGINT does there (`in_child`).
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator

_CAN_BLOCK = hasattr(signal, "pthread_sigmask")


@contextlib.contextmanager
def held() -> Iterator[None]:
    """SIGINT blocked in this thread while the body runs; one that came meanwhile is
    delivered on leaving (KeyboardInterrupt, raised after the body, not inside it)."""
    if not _CAN_BLOCK:
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def in_child(handler: signal.Handlers) -> None:
    """In a child forked inside `held`: SIGINT's `handler` set, then SIGINT unblocked.
    SIG_IGN for a worker, whose work the build's process stops; SIG_DFL for a helper
    that should end, silently, with the build. A Ctrl-C that came before is then dropped
    (ignored) or ends the child (default); none raises KeyboardInterrupt there."""
    signal.signal(signal.SIGINT, handler)
    if _CAN_BLOCK:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def fork() -> int:
    """`os.fork()` inside `held`; in the child (0 returned) SIGINT is the default there
    (`in_child`): Ctrl-C ends a helper, silently, with the build. OSError as `os.fork`."""
    with held():
        pid = os.fork()
    if pid == 0:
        in_child(signal.SIG_DFL)
    return pid
