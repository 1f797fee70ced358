"""Python's cyclic garbage collector during a build: made to run rarely."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def few_collections() -> Iterator[None]:
    """Python's cyclic garbage collector made to run rarely while a build runs (its first
    generation at 50,000 new objects rather than 700); a build's articles, index and
    plans live until it ends, and walking them again and again was a sixth of a one-edit
    rebuild's CPU. What the build sets aside meanwhile (`gc.freeze`, once its articles
    are loaded: never walked again, nor copied into forked workers by the walk) is put
    back at the end, with the thresholds. `commands.build` enters it before it imports
    the pipeline (about 300 modules, their classes and functions: 8 % less CPU for the
    imports with the collector quiet), `commands.rebuild` again around its work."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
