"""Issue 15's goals, checked against one interleaved benchmark run (bench/run.py).

Every goal is a ratio to a peer measured in the same run, or an absolute time or memory
at one size; the table says what was measured, the goal, and whether it was met.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

GIB = 1024  # MB in a GiB (memory is measured in MiB, "MB" in the tables)

# One article edited: a ratio to Hugo's clean build at 1,000, an absolute time above.
ONE_EDIT_RATIO = {1000: 0.3}
ONE_EDIT_SECONDS = {10_000: 1.0, 100_000: 3.0}
NO_CHANGE_RATIO = 0.2
CLEAN_VS_PELICAN = 0.35  # default engine
CLEAN_VS_HUGO = 1.0  # gfm engine
PEAK_GIB_AT_100K = 1.5


@dataclass
class Samples:
    seconds: list[float]
    memory_mb: list[float]

    def time(self) -> float:
        return statistics.median(self.seconds)

    def peak(self) -> float:
        return max(self.memory_mb)


def _verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def _ratio_row(
    count: int, goal: str, ours: Samples, peer: Samples, peer_name: str, limit: float
) -> str:
    ratio = ours.time() / peer.time()
    measured = f"{ours.time():.2f} s / {peer.time():.2f} s = {ratio:.2f}x"
    return (
        f"| {count:,} | {goal} | {measured} | at most {limit:.2f}x {peer_name} clean "
        f"| {_verdict(ratio <= limit)} |"
    )


def _engines(runs: dict[str, Samples]) -> list[tuple[str, str]]:
    """(row prefix, engine) of each newsdigest engine in the run."""
    kinds = (" clean", " no change", " one edit")
    names = {
        n[: -len(k)] for n in runs for k in kinds if n.endswith(k) and n.startswith("newsdigest")
    }
    found = [("newsdigest", "python-markdown")] if "newsdigest" in names else []
    found += [(n, n.split(" ", 1)[1]) for n in sorted(names) if n.startswith("newsdigest ")]
    return found


def _time_rows(count: int, runs: dict[str, Samples]) -> list[str]:
    rows = []
    pelican, hugo = runs.get("Pelican clean"), runs.get("Hugo clean")
    default, gfm = runs.get("newsdigest clean"), runs.get("newsdigest gfm clean")
    if default and pelican:
        rows.append(
            _ratio_row(
                count, "clean build, default engine", default, pelican, "Pelican", CLEAN_VS_PELICAN
            )
        )
    if gfm and hugo:
        rows.append(_ratio_row(count, "clean build, gfm", gfm, hugo, "Hugo", CLEAN_VS_HUGO))
    for prefix, engine in _engines(runs):
        unchanged, edited = runs.get(f"{prefix} no change"), runs.get(f"{prefix} one edit")
        if unchanged and hugo:
            goal = f"nothing changed, {engine}"
            rows.append(_ratio_row(count, goal, unchanged, hugo, "Hugo", NO_CHANGE_RATIO))
        if edited and hugo and count in ONE_EDIT_RATIO:
            goal = f"one article edited, {engine}"
            rows.append(_ratio_row(count, goal, edited, hugo, "Hugo", ONE_EDIT_RATIO[count]))
        if edited and count in ONE_EDIT_SECONDS:
            limit = ONE_EDIT_SECONDS[count]
            rows.append(
                f"| {count:,} | one article edited, {engine} | {edited.time():.2f} s "
                f"| at most {limit:.1f} s | {_verdict(edited.time() <= limit)} |"
            )
    return rows


def _memory_rows(count: int, runs: dict[str, Samples]) -> list[str]:
    ours = [s.peak() for name, s in runs.items() if name.startswith("newsdigest")]
    if not ours:
        return []
    peak = max(ours)
    rows = []
    hugo = runs.get("Hugo clean")
    if hugo:
        rows.append(
            f"| {count:,} | peak memory, any newsdigest build | {peak:,.0f} MB "
            f"| below Hugo's {hugo.peak():,.0f} MB | {_verdict(peak < hugo.peak())} |"
        )
    if count >= 100_000:
        limit = PEAK_GIB_AT_100K * GIB
        rows.append(
            f"| {count:,} | peak memory, any newsdigest build | {peak:,.0f} MB "
            f"| at most {PEAK_GIB_AT_100K} GiB ({limit:,.0f} MB) | {_verdict(peak <= limit)} |"
        )
    return rows


def table(results: dict[int, dict[str, Samples]]) -> str:
    """The goals as a Markdown table: one row per goal and size that this run measured.

    Times are medians of the run's repeats; memory is the largest peak of any of
    newsdigest's builds at that size (the sum of PSS over the process tree)."""
    lines = [
        "| articles | goal | measured | target | result |",
        "| ---: | --- | --- | --- | --- |",
    ]
    for count, runs in results.items():
        lines += _time_rows(count, runs) + _memory_rows(count, runs)
    return "\n".join(lines)
