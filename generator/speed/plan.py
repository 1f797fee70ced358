"""Render only the pages whose inputs changed, spread over the cores.

The theme's Renderer is run once in "plan" mode: each page call is recorded (template,
path and the values given to the template) instead of rendered. Each page's values
are fingerprinted; a page whose fingerprint matches the last build's, and whose file
in the output directory is untouched since then, is kept as it is. The others are
rendered by the worker processes, which inherit the plan. Rendering a planned page
calls the Renderer's own `page` with the same values, so planned, serial and parallel
builds give the same bytes as rendering every page directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.model import OutputFile
from generator.render.pages import Renderer
from generator.speed import parallel
from generator.speed.fingerprint import Fingerprinter, Unhashable


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page to render: the template, the page's site path and the template's values."""

    template: str
    site_path: str
    path: str  # in the output directory
    context: dict[str, Any]


class PlanningRenderer(Renderer):
    """A Renderer that records what it would render."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jobs: list[PageJob] = []

    def page(self, template: str, site_path: str, **context: Any) -> OutputFile:
        path = self.urls.output_path(site_path)
        self.jobs.append(PageJob(template, site_path, path, context))
        return OutputFile(path, b"")

    def plan(self) -> list[PageJob]:
        self.jobs = []
        for _ in self.all_pages():
            pass
        return self.jobs

    def render_job(self, job: PageJob) -> bytes:
        return Renderer.page(self, job.template, job.site_path, **dict(job.context)).data


def fingerprints(jobs: Sequence[PageJob], reader: Fingerprinter | None = None
                 ) -> list[str | None]:
    """A digest of each page's inputs; None for a page whose values cannot be read."""
    reader = reader or Fingerprinter()
    out: list[str | None] = []
    for job in jobs:
        try:
            out.append(reader.of((job.template, job.site_path, job.context)))
        except Unhashable:
            out.append(None)
    return out


@dataclass(frozen=True, slots=True)
class _Work:
    renderer: PlanningRenderer
    jobs: Sequence[PageJob]
    todo: Sequence[int]


def _render_chunk(work: _Work, chunk: Sequence[int]) -> list[bytes]:
    return [work.renderer.render_job(work.jobs[work.todo[i]]) for i in chunk]


def render(
    renderer: PlanningRenderer,
    jobs: Sequence[PageJob],
    todo: Sequence[int],
    workers: int,
    progress: Callable[[int], None] | None = None,
    meanwhile: Callable[[], Any] | None = None,
) -> tuple[dict[int, bytes], Any]:
    """Render jobs[i] for i in todo; returns {i: bytes} and what `meanwhile` returned."""
    results, extra = parallel.run(_render_chunk, _Work(renderer, jobs, todo), len(todo),
                                  workers, progress, meanwhile)
    return dict(zip(todo, results, strict=True)), extra
