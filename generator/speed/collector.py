"""Python's cyclic garbage collector during a build: made to run rarely."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def few_collections() -> Iterator[None]:
    """Python's cyclic garbage collector kept from running while a build imports the
    pipeline, loads, converts, indexes and plans (`collect_again` lets it run again,
    rarely: its first generation at 50,000 new objects rather than 700). A build's
    articles, index and plans live until it ends, and walking them again and again as they
    were made was a sixth of a one-edit rebuild's CPU (and 8 % of the imports' CPU: about
    300 modules, their classes and functions). What the build sets aside (`gc.freeze`:
    never walked again, nor copied into forked workers by the walk) is put back at the
    end, with the thresholds and the collector as they were. `commands.build` enters it
    before it imports the pipeline, `commands.rebuild` again around its work. Worker
    processes collect as usual (`speed.parallel`)."""
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        if enabled:
            gc.enable()
        else:
            gc.disable()


def collect_again() -> None:
    """Within `few_collections`: what the build made so far set aside (`gc.freeze`), and
    the collector running again, rarely, for what it makes next (pages, files written)."""
    gc.freeze()
    gc.enable()


def leave_to_the_system() -> None:
    """As the process ends, once its command has returned (cli.main for the process's own
    command line): whatever is still waiting for the collector is set aside (`gc.freeze`),
    so that the collection the interpreter makes as it ends does not walk it and free it
    object by object; the system takes the memory back with the process. After a rebuild
    that is the build's articles, index and plans, held in reference cycles (about 165,000
    objects at 10,000 articles: about 0.2 CPU-seconds, a tenth of a one-edit rebuild).
    Only objects nothing can reach any longer are left unfreed; every file a command
    writes is closed (or written without a buffer) before it returns, so no write waits
    for a finalizer. The exit handlers (`atexit`) and the modules' clean-up run as before."""
    gc.freeze()
