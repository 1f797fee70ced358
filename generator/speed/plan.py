"""Render only the pages whose inputs changed, spread over the cores.

The theme's Renderer lists every page as a PageSpec (template, path and the values given
to the template) without rendering it. Each page's values are fingerprinted; a page whose
fingerprint matches the last build's, and whose file in the output directory is untouched
since then, is kept as it is. The others are rendered by the worker processes, which
inherit the specs, with the Renderer's one `render`: planned, serial and parallel builds
give the same bytes as rendering every page directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.render.pages import PageSpec, Renderer
from generator.speed import parallel
from generator.speed.fingerprint import Fingerprinter, Unhashable


def fingerprints(
    specs: Sequence[PageSpec], reader: Fingerprinter | None = None
) -> list[str | None]:
    """A digest of each page's inputs; None for a page whose values cannot be read."""
    reader = reader or Fingerprinter()
    out: list[str | None] = []
    for spec in specs:
        try:
            out.append(reader.of((spec.template, spec.site_path, spec.context)))
        except Unhashable:
            out.append(None)
    return out


@dataclass(frozen=True, slots=True)
class _Work:
    renderer: Renderer
    specs: Sequence[PageSpec]
    todo: Sequence[int]


def _render_chunk(work: _Work, chunk: Sequence[int]) -> list[bytes]:
    return [work.renderer.render(work.specs[work.todo[i]]).data for i in chunk]


def render(
    renderer: Renderer,
    specs: Sequence[PageSpec],
    todo: Sequence[int],
    workers: int,
    progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], Any] | None = None,
) -> tuple[dict[int, bytes], Any]:
    """Render specs[i] for i in todo; returns {i: bytes} and what `meanwhile` returned."""
    results, extra = parallel.run(
        _render_chunk, _Work(renderer, specs, todo), len(todo), workers, progress, meanwhile
    )
    return dict(zip(todo, results, strict=True)), extra
