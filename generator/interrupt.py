"""Ctrl-C (SIGINT) and the processes a build forks: the build's own process alone answers
it, with `newsdigest: interrupted` and exit status 130 (cli.interrupted).

Ctrl-C in a terminal reaches the whole process group, the build's children included. A
child caught at the moment it is forked, before it has chosen what SIGINT does there,
would raise KeyboardInterrupt in whatever Python code it was running (the interpreter's
own after-fork clean-up, the worker pool's start) and print a traceback under the build's
message. So this process holds SIGINT back (blocked: pending, not lost) while it forks
(`held`): it gets the signal as soon as the children are started; each child starts with
SIGINT blocked and unblocks it only once it has set what SIGINT does there (`in_child`).
SIGTERM is held back the same way; a child ends on it as any process does. The programs
a build starts (Pagefind, the copy of the published site) are started inside `held` too:
Python runs its after-fork clean-up there (the logging module's lock), where a Ctrl-C
would print "Exception ignored ... KeyboardInterrupt"; each unblocks both signals in the
child before it runs (`unblock`).

`serve`, whose normal end is Ctrl-C or SIGTERM, takes both over from the moment its
process starts (`stop_on_signals`): the first one raises KeyboardInterrupt in the main
thread and is remembered (`stop_requested`), so that a KeyboardInterrupt swallowed on the
way (a worker pool closed by the garbage collector, a clean-up that waits) cannot lose
it, and later ones are ignored while serve cleans up. A KeyboardInterrupt raised where
Python cannot pass it on (a finaliser, a garbage-collector callback: "Exception ignored
in ...") is dropped silently once the stop is remembered (`_unraisable`), instead of
printing a traceback in the middle of serve's output. It is a `Stop`, a kind of
KeyboardInterrupt, not KeyboardInterrupt itself: CPython (3.11) takes a KeyboardInterrupt
that leaves code run by `exec` or `eval` of a text (the methods `dataclass` and
`namedtuple` make as a module is imported, often during serve's first build) for one
never handled, even when it is caught further up, and ends the process by SIGINT once it
has exited, when run as `python -m generator` (serve printed `stopped`, then died by
SIGINT instead of exiting 0; the `newsdigest` script's `sys.exit` is taken as is). A
build's Ctrl-C is Python's own KeyboardInterrupt: under `-m`, one landing in such code
ends the build by SIGINT after `newsdigest: interrupted`, not with status 130. Once a
command's work is done (the site written, serve stopped), Ctrl-C changes nothing more
(`work_done`): it is ignored until the process ends, so it cannot turn a finished build
into an interrupted one.

A child also ends when the build's process dies without a word (`kill -9`, the
out-of-memory killer, a CI job's timeout that kills only that process): `in_child` starts
a watch that exits the child once its parent is gone (`_watch_parent`), so no worker is
left waiting, orphaned, for work that will never come.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from types import FrameType
from typing import IO

_CAN_BLOCK = hasattr(signal, "pthread_sigmask")
_HELD = {signal.SIGINT, signal.SIGTERM}
_STOP = [False]  # whether a stop was requested (`stop_on_signals`)
_HOOK = [sys.unraisablehook]  # the hook `_unraisable` passes other exceptions to
_FORKER = [os.getpid()]  # the process that last forked: a child's parent (`_watch_parent`)
PARENT_POLL = 0.25  # seconds between a child's looks at whether its parent is alive

if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=lambda: _FORKER.__setitem__(0, os.getpid()))


@contextlib.contextmanager
def held() -> Iterator[None]:
    """SIGINT blocked in this thread while the body runs; one that came meanwhile is
    delivered on leaving (KeyboardInterrupt, raised after the body, not inside it)."""
    if not _CAN_BLOCK:
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def unblock() -> None:
    """SIGINT and SIGTERM unblocked: in a program started (`subprocess.Popen`'s
    `preexec_fn`) inside `held`, which it would otherwise inherit blocked across exec."""
    if _CAN_BLOCK:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


def in_child(handler: signal.Handlers) -> None:
    """In a child forked inside `held`: SIGINT's `handler` set, then SIGINT unblocked.
    SIG_IGN for a worker, whose work the build's process stops; SIG_DFL for a helper
    that should end, silently, with the build. A Ctrl-C that came before is then dropped
    (ignored) or ends the child (default); none raises KeyboardInterrupt there. SIGTERM
    ends the child, as it ends any process (not serve's handler, inherited by the fork).
    The child exits (status 1, no clean-up) once its parent has died (`_watch_parent`)."""
    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    unblock()
    _watch_parent(_FORKER[0])


def _watch_parent(parent: int) -> None:
    """In a forked child: exit at once when `parent` (the process that forked it) is gone,
    else watch, in a daemon thread, every PARENT_POLL seconds: an orphan is adopted by
    another process, so its parent's id changes. (PR_SET_PDEATHSIG would tie the child to
    the thread that forked it, not to the process; a pool may fork from any thread.)"""
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def fork() -> int:
    """`os.fork()` inside `held`; in the child (0 returned) SIGINT is the default there
    (`in_child`): Ctrl-C ends a helper, silently, with the build. OSError as `os.fork`."""
    with held():
        pid = os.fork()
    if pid == 0:
        in_child(signal.SIG_DFL)
    return pid


def ahead(work: Callable[[IO[bytes]], int]) -> Callable[[], bytes | int] | None:
    """`work` run by a forked child (`fork`) while this process goes on: it writes its
    result to the unnamed temporary file it is given and returns its exit status (0 when
    the result is whole; the child exits 1 when it raises). The function returned waits
    for the child and gives the bytes written, or the child's non-zero exit status (1 as
    well when killed or already reaped); call it once, even when the result is no longer
    needed (the child is waited for). None where there is no fork or it failed."""
    if not hasattr(os, "fork"):
        return None
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (closed by `result`)
    try:
        pid = fork()  # Ctrl-C ends the child, silently
    except OSError:
        handle.close()
        return None
    if pid == 0:  # the child: exit without running any clean-up
        code = 1
        with contextlib.suppress(BaseException):
            code = work(handle)
            handle.flush()
        os._exit(code)

    def result() -> bytes | int:
        with handle:
            try:
                _, status = os.waitpid(pid, 0)
                code = os.waitstatus_to_exitcode(status)
            except ChildProcessError:
                code = 1
            if code != 0:
                return code
            handle.seek(0)
            return handle.read()

    return result


def command_of(argv: Sequence[str]) -> str | None:
    """The command a command line runs ('serve' for `newsdigest --site DIR serve`), read
    before the command line's parser is even imported; None for none."""
    words = iter(argv)
    for word in words:
        if word == "--site":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def stop_on_signals() -> None:
    """From now on (main thread only), Ctrl-C and SIGTERM stop the process: the first
    raises KeyboardInterrupt and is remembered (`stop_requested`); later ones are ignored.
    Ctrl-C works even when whoever started the process had SIGINT ignored (a script's
    `newsdigest serve &`, a CI runner): Python leaves an inherited SIG_IGN in place.
    Called again after a stop was requested, it changes nothing (the stop stands)."""
    if _STOP[0]:
        return
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    if sys.unraisablehook is not _unraisable:
        _HOOK[0] = sys.unraisablehook
        sys.unraisablehook = _unraisable


class Stop(KeyboardInterrupt):
    """Ctrl-C or SIGTERM asking serve to stop (`stop_on_signals`): caught wherever
    KeyboardInterrupt is, but not of its exact type, which CPython alone checks for when
    it decides that a KeyboardInterrupt went unhandled."""


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    """sys.unraisablehook: the stop's own KeyboardInterrupt, raised inside a finaliser or
    callback that cannot pass it on, is dropped (the stop is remembered: `_STOP`); any
    other exception is reported as before."""
    if _STOP[0] and issubclass(unraisable.exc_type, KeyboardInterrupt):
        return
    _HOOK[0](unraisable)


def _stop(signum: int, frame: FrameType | None) -> None:
    _STOP[0] = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Stop


def stop_requested() -> bool:
    """Whether Ctrl-C or SIGTERM has asked to stop since `stop_on_signals`."""
    return _STOP[0]


def work_done() -> None:
    """The command's work is done (its output complete): Ctrl-C, which can no longer stop
    it, is ignored from now on; a pending one is dropped. Outside the main thread,
    nothing changes. (cli.main, called by a test that goes on, puts Ctrl-C back.)"""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
