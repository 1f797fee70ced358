"""Spread independent work (article bodies, pages) over the machine's cores.

Work is a task function applied to chunks of indices into a shared state. The state
reaches the worker processes by fork, not by pickling, so a whole site index costs
nothing to share; only indices go out and results come back. With one job, little
work, or no fork on this system, the same task runs in this process: serial and
parallel builds call the same code on the same data and give identical output.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from itertools import islice
from typing import Any, TypeVar

from generator import interrupt

S = TypeVar("S")
R = TypeVar("R")
T = TypeVar("T")
Task = Callable[[S, Sequence[int]], list[R]]

MIN_PARALLEL = 48  # fewer items than this are not worth starting processes for
_worker_state: Any = None  # set once in each worker process by _install


def _install(state: Any) -> None:
    global _worker_state
    _worker_state = state
    # Ctrl-C reaches the whole process group: the build's process stops the workers and
    # says "interrupted" once; a worker's own traceback would only bury that. The worker
    # was forked with SIGINT held back (`interrupt.held`, around the pool's start).
    interrupt.in_child(signal.SIG_IGN)
    gc.enable()  # a worker forked while the build's process keeps it off (few_collections)


def _run(task: Task[Any, R], chunk: Sequence[int]) -> list[R]:
    return task(_worker_state, chunk)


def _chunks(count: int, jobs: int, sizes: Sequence[int] | None = None) -> list[range]:
    """range(count) cut in chunks of about the same work: `sizes[i]` items for index i
    (default 1 each), at most 400 items a chunk unless one index alone has more."""
    if sizes is None:
        size = max(8, min(400, count // (jobs * 6) + 1))
        return [range(start, min(start + size, count)) for start in range(0, count, size)]
    size = max(8, min(400, sum(sizes) // (jobs * 6) + 1))
    out, start, held = [], 0, 0
    for i, items in enumerate(sizes):
        if held and held + items > size:
            out.append(range(start, i))
            start, held = i, 0
        held += items
    return [*out, range(start, count)] if start < count else out


def _fork_context() -> Any:
    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def run(
    task: Task[S, R],
    state: S,
    count: int,
    jobs: int,
    progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], T] | None = None,
) -> tuple[list[R], T | None]:
    """task(state, chunk) over every index in range(count), results in index order.

    `meanwhile` runs in this process while the workers work (or after, when serial).
    `progress` is called with the number of items finished so far.
    """
    context = _fork_context() if jobs > 1 and count >= MIN_PARALLEL else None
    if context is None:
        results: list[R] = []
        for chunk in _chunks(count, 1):
            results.extend(task(state, chunk))
            if progress:
                progress(len(results))
        return results, meanwhile() if meanwhile else None
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_install, initargs=(state,)
    ) as pool:
        try:
            with interrupt.held():  # the first `submit` forks the workers
                futures: list[Future[list[R]]] = [
                    pool.submit(_run, task, chunk) for chunk in _chunks(count, jobs)
                ]
            extra = meanwhile() if meanwhile else None
            results = []
            for future in futures:
                results.extend(future.result())
                if progress:
                    progress(len(results))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return results, extra


def stream(
    task: Task[S, R],
    state: S,
    count: int,
    jobs: int,
    progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], Sequence[int] | None] | None = None,
    ahead: int = 3,
    then: Callable[[], Sequence[int]] | None = None,
    sizes: Sequence[int] | None = None,
    first: Callable[[], None] | None = None,
) -> Iterator[R]:
    """`run`'s results one by one, in index order, as they are ready: at most `ahead`
    chunks per worker are out at once, so the results held at a time stay bounded
    whatever `count` is. `meanwhile` runs in a thread of this process once the first
    chunks are out, while this one keeps the workers supplied; then `then` runs in this
    thread (for what may not leave it: a database connection). The indices they return
    (`count` and above) are worked on too, their results last. `sizes`: how many
    results each index gives (default one), to cut chunks of even work. `first` runs in
    this thread once the first chunks are out, before any result is awaited.
    """
    context = _fork_context() if jobs > 1 and count >= MIN_PARALLEL else None
    done = 0
    if context is None:
        if first is not None:
            first()
        more = [*((meanwhile() if meanwhile else None) or []), *(then() if then else [])]
        for chunk in [*_chunks(count, 1, sizes), *_split(more, 1)]:
            results = task(state, chunk)
            done += len(results)
            if progress:
                progress(done)
            yield from results
        return
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_install, initargs=(state,)
    ) as pool:
        chunks = _Chunks(iter(_chunks(count, jobs, sizes)), jobs, then)
        try:
            with interrupt.held():  # the first `submit` forks the workers
                out: deque[Future[list[R]]] = deque(
                    pool.submit(_run, task, c) for c in islice(chunks.pages, jobs * ahead)
                )
            chunks.start(meanwhile)
            if first is not None:
                first()
            while out or chunks.waiting():
                if not out:  # every page chunk done before `meanwhile`: wait for it
                    out.extend(pool.submit(_run, task, c) for c in islice(chunks, jobs))
                    continue
                results = out.popleft().result()
                out.extend(pool.submit(_run, task, c) for c in islice(chunks, 1))
                done += len(results)
                if progress:
                    progress(done)
                yield from results
        except BaseException:
            chunks.abandon()
            pool.shutdown(wait=True, cancel_futures=True)
            raise


class _Chunks:
    """`stream`'s chunks: the first `count` indices, then those `meanwhile` returns, which
    runs in a thread while the workers work on the first (its result awaited only when
    they are all out)."""

    def __init__(
        self, pages: Iterator[range], jobs: int, then: Callable[[], Sequence[int]] | None
    ) -> None:
        self.pages, self.jobs, self.then = pages, jobs, then
        self.more: Iterator[Sequence[int]] = iter(())
        self.thread: Future[Sequence[int] | None] | None = None
        self.helper: ThreadPoolExecutor | None = None

    def start(self, meanwhile: Callable[[], Sequence[int] | None] | None) -> None:
        if meanwhile is not None:
            self.helper = ThreadPoolExecutor(1, thread_name_prefix="meanwhile")
            self.thread = self.helper.submit(meanwhile)

    def waiting(self) -> bool:
        """Whether `meanwhile`'s and `then`'s indices are still to come."""
        return self.thread is not None or self.then is not None

    def abandon(self) -> None:
        """Wait for `meanwhile` without its result (the build stops on another error)."""
        with contextlib.suppress(BaseException):
            self.finish()

    def finish(self) -> Sequence[int]:
        """`meanwhile`'s indices, once it has returned (its exception, if it raised)."""
        thread, helper, self.thread, self.helper = self.thread, self.helper, None, None
        if thread is None or helper is None:
            return []
        try:
            return thread.result() or []
        finally:
            helper.shutdown(wait=True)

    def __iter__(self) -> Iterator[Sequence[int]]:
        return self

    def __next__(self) -> Sequence[int]:
        for chunk in self.pages:
            return chunk
        if self.waiting():
            more = [*self.finish(), *(self.then() if self.then else [])]
            self.then = None
            self.more = iter(_split(more, self.jobs))
        return next(self.more)


def _split(indices: Sequence[int], jobs: int) -> list[Sequence[int]]:
    """`indices` in chunks, as `_chunks` cuts a range."""
    return [indices[r.start : r.stop] for r in _chunks(len(indices), jobs)]
