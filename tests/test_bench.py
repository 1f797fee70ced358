"""The benchmark's newsroom (bench/synth.py) and its goals table (bench/goals.py).

The benchmark times builds of a synthetic newsroom; these tests make sure that newsroom
is one `newsdigest check` accepts (a benchmark of a failing build measures nothing),
that a kept newsroom is reused with the benchmark's edit undone, and that the goals
table reads a run the way README reports it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from conftest import REPO, load_synth, run_here

synth = load_synth()


def _goals() -> ModuleType:
    spec = importlib.util.spec_from_file_location("goals", REPO / "bench" / "goals.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["goals"] = module
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_newsroom_passes_check_with_its_peers_beside_it(tmp_path: Path) -> None:
    newest = synth.prepare(tmp_path / "bench", 40)
    project = tmp_path / "bench" / "newsdigest"
    result = run_here("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout + result.stderr
    for peer in ("pelican/content", "hugo/content/news"):
        assert len(list((tmp_path / "bench" / peer).rglob("*.md"))) == 40
    dates = [a.date[:10] for a in synth.articles(40)]
    assert newest.date[:10] == max(dates)


def test_a_kept_newsroom_is_reused_and_the_edited_article_put_back(tmp_path: Path) -> None:
    work = tmp_path / "bench"
    newest = synth.prepare(work, 30, peers=False)
    assert not (work / "pelican").exists()
    edited = work / "newsdigest" / "content" / newest.path
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "\nA late paragraph.\n", encoding="utf-8")
    other = next(p for p in (work / "newsdigest" / "content").rglob("*.md") if p != edited)
    other_time = other.stat().st_mtime_ns
    assert synth.prepare(work, 30, peers=False) == newest
    assert edited.read_text(encoding="utf-8") == original
    assert other.stat().st_mtime_ns == other_time  # not written again
    synth.prepare(work, 30)  # the peers are added to the kept newsroom
    assert len(list((work / "hugo" / "content").rglob("*.md"))) == 30


def test_the_goals_table_says_which_goal_was_met() -> None:
    goals = _goals()
    run = {
        "newsdigest clean": goals.Samples([2.0, 3.0, 4.0], [100.0, 120.0, 110.0]),
        "newsdigest gfm clean": goals.Samples([1.0], [90.0]),
        "Pelican clean": goals.Samples([10.0], [50.0]),
        "Hugo clean": goals.Samples([1.25], [200.0]),
        "newsdigest gfm no change": goals.Samples([0.5], [30.0]),
        "newsdigest gfm one edit": goals.Samples([0.25], [40.0]),
    }
    rows = goals.table({1000: run}).splitlines()[2:]
    assert rows == [
        "| 1,000 | clean build, default engine | 3.00 s / 10.00 s = 0.30x "
        "| at most 0.35x Pelican clean | met |",
        "| 1,000 | clean build, gfm | 1.00 s / 1.25 s = 0.80x | at most 1.00x Hugo clean | met |",
        "| 1,000 | nothing changed, gfm | 0.50 s / 1.25 s = 0.40x "
        "| at most 0.20x Hugo clean | **missed** |",
        "| 1,000 | one article edited, gfm | 0.25 s / 1.25 s = 0.20x "
        "| at most 0.30x Hugo clean | met |",
        "| 1,000 | peak memory, any newsdigest build | 120 MB | below Hugo's 200 MB | met |",
    ]
    large = goals.table({100_000: {"newsdigest gfm one edit": goals.Samples([3.5], [2000.0])}})
    assert large.splitlines()[2:] == [
        "| 100,000 | one article edited, gfm | 3.50 s | at most 3.0 s | **missed** |",
        "| 100,000 | peak memory, any newsdigest build | 2,000 MB "
        "| at most 1.5 GiB (1,536 MB) | **missed** |",
    ]
