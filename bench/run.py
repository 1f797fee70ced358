"""Benchmark newsdigest against Pelican and Hugo on the same synthetic newsroom.

    python bench/run.py --sizes 1000,10000 --repeats 2 --no-search     # the goals table
    python bench/run.py --sizes 100000 --engines gfm --repeats 1 --no-search --images 0

For each size it writes the newsroom once (bench/synth.py, kept under --work between
runs), then runs, interleaved so that a noisy machine slows every tool alike
(A B C A B C ...):

- newsdigest clean build (output and build cache removed first; it writes both, as a
  first build does),
- Pelican clean build and Hugo clean build (`--pelican`, `--hugo`; default: on PATH, and
  Pelican also in /work/pelican, the venv README "Performance" suggests; this script
  installs nothing), only at sizes up to `--peers-up-to` (10,000),
- newsdigest with nothing changed (warm cache, same output), and with one article
  edited (title and body), checking that the edit shows in the article page, its
  topic page, its country page and the main feed.

newsdigest's builds run once per Markdown engine of `--engines` (default both,
`python-markdown,gfm`; the `markdown_engine` setting), each on its own copy of the
newsroom, in the same interleaved rounds; rows of the gfm engine are named
"newsdigest gfm ...".

Wall time is measured around the process; peak memory is the largest sum of the
proportional set size (PSS) of the process and all its children, sampled every 20 ms
from /proc, so a build that forks workers is charged for all of them. It prints the
machine and its load average, one Markdown table of medians and ratios, and the goals
of issue 15 as a table (bench/goals.py): copy them into README "Performance".
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import goals  # noqa: E402
import synth  # noqa: E402

REPO = synth.REPO
NO_SEARCH = (
    "import sys; import generator.commands.build as b; b.indexer = lambda: None; "
    "from generator.cli import main; sys.exit(main())"
)


Samples = goals.Samples
PELICAN_VENV = Path("/work/pelican/bin/pelican")


def find_pelican() -> str | None:
    """`pelican` on PATH, else the venv README "Performance" installs it into."""
    found = shutil.which("pelican")
    if found is None and os.access(PELICAN_VENV, os.X_OK):
        found = str(PELICAN_VENV)
    return found


def _children(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as handle:
                todo.extend(int(x) for x in handle.read().split())
        except OSError:
            pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak PSS of the process tree in MB); fails loudly on a failed build."""
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # As on an editor's machine, not in CI (where a first build leaves no copy of its
        # site for the next one, generator.write.keep); no progress bar either way (a pipe).
        env={k: v for k, v in os.environ.items() if k != "CI"},
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_pss_kb(p) for p in _children(process.pid)))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err.decode()[-2000:]}")
    return seconds, peak / 1024


class Newsdigest:
    """newsdigest building `project` into `output`, with its build cache in `cache`."""

    def __init__(self, project: Path, output: Path, cache: Path, search: bool) -> None:
        self.project, self.output, self.cache = project, output, cache
        self.start = (
            [sys.executable, "-m", "generator"] if search else [sys.executable, "-c", NO_SEARCH]
        )

    def build(self) -> tuple[float, float]:
        command = ["build", "--output", str(self.output), "--cache-dir", str(self.cache)]
        return measure([*self.start, *command], self.project)

    def clean(self) -> tuple[float, float]:
        """A first build: no output and no cache (it writes both, as the first build does).
        What a killed run left beside the output (`.NAME.staging-*`) goes too, untimed."""
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(self.cache, ignore_errors=True)
        for leftover in self.output.parent.glob(f".{self.output.name}.*"):
            shutil.rmtree(leftover, ignore_errors=True)
        return self.build()


def edit_and_check(nd: Newsdigest, article: synth.SynthArticle, round_: int) -> tuple[float, float]:
    """Edit the newest article's title and body, rebuild, and check the edit is everywhere."""
    path = nd.project / "content" / article.path
    marker = f"Edited{round_}x"
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r'^title: "(.*?)( Edited\d+x)?"$',
        rf'title: "\1 {marker}"',
        text,
        count=1,
        flags=re.MULTILINE,
    )
    path.write_text(text + f"\nA late paragraph, {marker}.\n", encoding="utf-8")
    result = nd.build()
    day = article.date[:10].replace("-", "/")
    for place in (f"{day}/{article.slug}/index.html", "feed.xml"):
        if marker not in (nd.output / place).read_text(encoding="utf-8"):
            raise SystemExit(f"the edit is not visible in {place}")
    for kind in ("tags", "countries"):
        pages = (nd.output / kind).glob("*/index.html")
        if not any(marker in p.read_text(encoding="utf-8") for p in pages):
            raise SystemExit(f"the edit is not visible in its {kind} page")
    return result


def machine() -> str:
    model = "unknown CPU"
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} cores (`nproc` {len(os.sched_getaffinity(0))}), {model}, "
        f"Python {platform.python_version()}, {date.today().isoformat()}, "
        f"{time.strftime('%H:%M', time.gmtime())} UTC"
    )


def load() -> str:
    """The load average (1, 5 and 15 minutes), to print beside the figures."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def engine_project(root: Path, engine: str) -> Path:
    """The newsroom's newsdigest project for `engine`: the default one, or a copy of it
    with `markdown_engine = ENGINE` added to its settings."""
    project = root / "newsdigest"
    if engine == "python-markdown":
        return project
    copy = root / f"newsdigest-{engine}"
    setting = f'markdown_engine = "{engine}"\n'
    if (copy / "pyproject.toml").is_file() and setting in (copy / "pyproject.toml").read_text():
        return copy  # kept with the newsroom between runs (synth.prepare restores the edits)
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".newsdigest-cache"))
    settings = copy / "pyproject.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + setting, encoding="utf-8")
    return copy


def bench_size(
    count: int,
    work: Path,
    repeats: int,
    pelican: str | None,
    hugo: str | None,
    search: bool,
    engines: tuple[str, ...] = ("python-markdown",),
    warm_up: bool = True,
) -> dict[str, Samples]:
    root = work / str(count)
    newest = synth.prepare(root, count, peers=bool(pelican or hugo))
    tools = [
        (
            Newsdigest(
                engine_project(root, engine),
                work / f"out-{count}" / f"nd-{engine}",
                work / f"out-{count}" / f"cache-{engine}",
                search,
            ),
            "newsdigest" if engine == "python-markdown" else f"newsdigest {engine}",
        )
        for engine in engines
    ]
    runs: dict[str, Samples] = {}

    def record(name: str, value: tuple[float, float]) -> None:
        samples = runs.setdefault(name, Samples([], []))
        samples.seconds.append(value[0])
        samples.memory_mb.append(value[1])
        print(
            f"  {count:>6} {name:<30} {value[0]:7.2f} s {value[1]:7.0f} MB  load {load()}",
            file=sys.stderr,
        )

    if warm_up:  # the disk cache and Python's bytecode, before anything is timed
        for nd, _ in tools:
            nd.build()
    for round_ in range(repeats):
        for nd, name in tools:
            record(f"{name} clean", nd.clean())
        if pelican:
            out = work / f"out-{count}" / "pelican"
            record(
                "Pelican clean",
                measure(
                    [pelican, "content", "-s", "pelicanconf.py", "-o", str(out), "-q"],
                    root / "pelican",
                ),
            )
        if hugo:
            out = work / f"out-{count}" / "hugo"
            shutil.rmtree(out, ignore_errors=True)
            record(
                "Hugo clean",
                measure([hugo, "--quiet", "-s", str(root / "hugo"), "-d", str(out)], root / "hugo"),
            )
        for nd, name in tools:
            record(f"{name} no change", nd.build())
        for nd, name in tools:
            record(f"{name} one edit", edit_and_check(nd, newest, round_))
    return runs


def image_cost(work: Path, count: int) -> str:
    """The cost per image: `count` 2400x1600 JPEG photos made with Pillow, each checked and
    published (8 variants, 3 crops) in this process without a cache, then again from the
    image cache (what a rebuild pays). One line for README "Performance"."""
    sys.path.insert(0, str(REPO))
    from PIL import Image, ImageDraw

    from generator.render import images, measure

    folder = work / "images"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    names = []
    for i in range(count):
        photo = Image.new("RGB", (2400, 1600), (20 + i * 7 % 200, 90, 160))
        draw = ImageDraw.Draw(photo)
        for j in range(60):  # detail, so that the encoders have work to do
            x, y = (j * 397 + i * 31) % 2400, (j * 211 + i * 17) % 1600
            draw.ellipse(
                (x, y, x + 120 + j * 3, y + 90 + j * 2),
                fill=((j * 37) % 255, (j * 91 + i) % 255, (j * 53) % 255),
            )
        name = f"photo-{i}.jpg"
        photo.save(folder / name, "JPEG", quality=88)
        names.append(name)

    def run() -> tuple[float, float, int]:
        started, cpu = time.perf_counter(), time.process_time()
        size = 0
        for name in names:
            picture = images.probe(folder / name, 10**9)
            assert not isinstance(picture, str)
            size += sum(len(f.data) for f in images.publish(folder, name, picture, [None]))
        return ((time.perf_counter() - started) / count, (time.process_time() - cpu) / count, size)

    images.use_cache(work / "image-cache")
    shutil.rmtree(work / "image-cache", ignore_errors=True)
    before = images.encodes
    first, first_cpu, size = run()
    encoded = images.encodes - before
    measure._probes.clear()  # a new build process probes again
    again, _, _ = run()
    return (
        f"Images: {first * 1000:.0f} ms ({first_cpu * 1000:.0f} ms of CPU) per 2400x1600 "
        f"JPEG photo on one core to check it "
        f"and publish it ({encoded // count} files: 4 widths as JPEG and WebP, 3 crops; "
        f"{size / count / 1000:.0f} kB in all); {again * 1000:.0f} ms when the image "
        f"cache has them (a rebuild); {count} photos."
    )


def table(results: dict[int, dict[str, Samples]]) -> str:
    lines = [
        "| articles | build | time (median) | peak memory | vs Pelican clean | vs Hugo clean |",
        "| ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for count, runs in results.items():
        pelican = runs.get("Pelican clean")
        hugo = runs.get("Hugo clean")
        for name, samples in runs.items():
            seconds, memory = samples.time(), samples.peak()
            vs_p = f"{seconds / pelican.time():.2f}x" if pelican else "n/a"
            vs_h = f"{seconds / hugo.time():.2f}x" if hugo else "n/a"
            lines.append(
                f"| {count:,} | {name} | {seconds:.2f} s | {memory:,.0f} MB | {vs_p} | {vs_h} |"
            )
    return "\n".join(lines)


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsdigest-bench"))
    parser.add_argument(
        "--pelican",
        default=find_pelican(),
        help=f"the pelican command (default: on PATH, else {PELICAN_VENV}; empty: skip)",
    )
    parser.add_argument(
        "--hugo", default=shutil.which("hugo"), help="the hugo command (default: on PATH)"
    )
    parser.add_argument(
        "--peers-up-to",
        type=int,
        default=10_000,
        help="run Pelican and Hugo only at sizes up to this (default 10,000)",
    )
    parser.add_argument(
        "--images", type=int, default=0, help="photos for the cost per image (default 0: skip)"
    )
    parser.add_argument(
        "--engines",
        default="python-markdown,gfm",
        help="comma-separated Markdown engines for newsdigest's builds (python-markdown, gfm)",
    )
    parser.add_argument(
        "--no-warm-up",
        action="store_true",
        help="start timing at once (default: one untimed build per engine at sizes with peers)",
    )
    parser.add_argument(
        "--no-search",
        action="store_true",
        help="build newsdigest without its Pagefind search index, as the peers build none",
    )
    return parser.parse_args()


def compile_bytecode() -> None:
    """Compile the newsdigest that the builds run (whichever `import generator` finds) to
    bytecode once, as `pip install` does for an installed package: a source tree run with
    PYTHONDONTWRITEBYTECODE=1 (or from a read-only folder) would otherwise compile every
    module again in every build, about 0.1 CPU-second that no installed copy pays."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import compileall, os, generator; "
            "compileall.compile_dir(os.path.dirname(generator.__file__), quiet=1)",
        ],
        check=True,
        cwd=Path.home(),
    )


def main() -> None:
    args = options()
    started = machine()  # the date and time the run began
    compile_bytecode()
    engines = tuple(e.strip() for e in args.engines.split(",") if e.strip())
    results, loads = {}, []
    for count in (int(x) for x in args.sizes.split(",") if x.strip() and int(x) > 0):
        peers = count <= args.peers_up_to
        before = load()
        results[count] = bench_size(
            count,
            args.work,
            args.repeats,
            args.pelican if peers else None,
            args.hugo if peers else None,
            not args.no_search,
            engines,
            peers and not args.no_warm_up,
        )
        loads.append(f"{count:,} articles {before} -> {load()}")
    search = "without" if args.no_search else "with"
    print(
        f"Machine: {started}. newsdigest {search} its Pagefind search index; "
        f"{args.repeats} interleaved runs each, median times, largest peak memory. "
        f"Load average (1, 5, 15 min) before and after: {'; '.join(loads)}.\n"
    )
    print(table(results))
    print("\nGoals of issue 15 in this run:\n")
    print(goals.table(results))
    if args.images:
        print("\n" + image_cost(args.work, args.images))


if __name__ == "__main__":
    main()
