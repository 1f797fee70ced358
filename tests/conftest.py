"""Shared fixtures: the real command line, run as a user would, and the sample site built once."""

from __future__ import annotations

import argparse
import compileall
import contextlib
import fcntl
import functools
import gc
import hashlib
import http.server
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import html_checker
import pytest

REPO = Path(__file__).resolve().parent.parent
BASE_URL = "http://127.0.0.1:8000/sub/"
NEWSROOM = Path(__file__).resolve().parent / "fixtures" / "newsroom"
# A copy of the repository's sample newsroom: tests never read content/ at the root,
# which a newsroom that keeps this repository's layout replaces with its own articles.
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "sample"

# The process number of a build that is no longer running, for its staging folder's name
# (`.site.staging-PID`): above the system's largest (pid_max) no process has it; a fixed
# small one (997, 99999) is sometimes a live process of the test run, whose folder a build
# rightly keeps.
GONE_PID = (
    int(Path("/proc/sys/kernel/pid_max").read_text()) + 1 if sys.platform == "linux" else 999_999
)


def run_newsdigest(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` in `cwd`, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@contextlib.contextmanager
def searching(search: bool) -> Iterator[None]:
    """With `search` False, builds in this process run as without the search extra: no
    Pagefind index (and the "search is off" hint), as a newsroom without Pagefind gets.
    For builds of tests that do not look at search: Pagefind indexing every page is about
    a fifth of a small newsroom's build (tests/test_search.py tests the index)."""
    from generator.write import search as module

    if search:
        yield
        return
    found = module.pagefind_binary
    module.pagefind_binary = lambda: None
    try:
        yield
    finally:
        module.pagefind_binary = found


@functools.cache
def one_parser() -> argparse.ArgumentParser:
    """The command line's parser (commands/arguments.py), made once for a test worker's
    `run_here` commands: a parse keeps nothing in the parser, and making it costs about 3
    ms (a gettext lookup of each help text), a tenth of a small site's `check`."""
    from generator.commands.arguments import make_parser

    return make_parser()


def run_here(*args: str, cwd: Path, search: bool = False) -> subprocess.CompletedProcess[str]:
    """`newsdigest ARGS` run in this process, as `run_newsdigest` reports it: for tests about
    what a command makes or says, not about its process (exit by signal, kills, start-up).

    A build runs without worker processes unless ARGS give --jobs: a test worker has
    threads and is not forked, and the test workers already keep every core busy. Parallel
    builds are tested in processes of their own (tests/test_parallel.py, test_incremental.py,
    test_kill.py, test_build.py's commands). Without the search index (`searching`) unless
    `search` is True: Pagefind more than doubles the CPU of a small newsroom's build, and
    only the tests that look at search, its files or every line a build prints need it."""
    from generator import cli

    if args[:1] == ("build",) and not any(a.startswith(("--jobs", "-j")) for a in args):
        args = (*args, "--jobs", "1")

    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    cli.make_parser, made = one_parser, cli.make_parser
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), searching(search):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # --help, --version, argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        cli.make_parser = made
        os.chdir(here)
    return subprocess.CompletedProcess(["newsdigest", *args], code, out.getvalue(), err.getvalue())


class Forked:
    """`newsdigest` commands, each run in a new process of its own, forked from one
    interpreter that has only imported newsdigest (tests/fresh_processes.py): what one
    build leaves for the next must go through the disk, as between two runs of
    `python -m generator`, without paying for Python's start-up and imports each time."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.count = 0
        self.server = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("fresh_processes.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, *args: str, cwd: Path, search: bool = True) -> subprocess.CompletedProcess[str]:
        """As `run_newsdigest(*args, cwd=cwd)`; with `search` False, without the search
        index (`searching`)."""
        assert self.server.stdin is not None and self.server.stdout is not None
        self.count += 1
        out, err = self.scratch / f"{self.count}.out", self.scratch / f"{self.count}.err"
        request = {"args": list(args), "cwd": str(cwd), "stdout": str(out), "stderr": str(err)}
        request["search"] = "on" if search else "off"
        self.server.stdin.write(json.dumps(request) + "\n")
        self.server.stdin.flush()
        answer = json.loads(self.server.stdout.readline())
        return subprocess.CompletedProcess(
            ["newsdigest", *args],
            answer["returncode"],
            out.read_text(encoding="utf-8"),
            err.read_text(encoding="utf-8"),
        )

    def close(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(timeout=60)


@pytest.fixture(scope="session")
def forked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Forked]:
    """One `Forked` for a test worker's whole run: its interpreter only imports (each
    command runs in a new process forked from it), so test modules share it and pay for
    its start once."""
    made = Forked(tmp_path_factory.mktemp("forked"))
    yield made
    made.close()


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file at `path` with `new`, as an editor's save does;
    `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def git(root: Path, *args: str) -> None:
    """Run `git ARGS` in `root` as the newsroom's desk (a commit needs a name and e-mail)."""
    subprocess.run(
        ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def commit_all(root: Path) -> None:
    """Put the project in `root` in a new git repository, everything committed on 'main'."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "published")


STORY = """\
title: Monsoon Reaches Kerala
date: 2025-06-01T10:00:00+00:00
country: India
credits:
  author: Desk
"""  # the front matter of a story that is valid and published, for write_article


def make_project(root: Path, settings: str = "") -> Path:
    """A newsroom project in `root`: pyproject settings, content/, the built-in theme."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "content").mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text(
        "[tool.newsdigest]\n"
        'title = "Test Desk"\n'
        'description = "Stories for tests."\n'
        f'base_url = "{BASE_URL}"\n'
        'site_id = "test.example,2025"\n'
        'timezone = "UTC"\n'
        "items_per_page = 2\n" + settings,
        encoding="utf-8",
    )
    return root


def write_article(root: Path, relative: str, front: str, body: str = "Body text.\n") -> Path:
    """Write content/RELATIVE with the given front-matter lines (without fences)."""
    path = root / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n{body}", encoding="utf-8")
    return path


def tiny_png(size: tuple[int, int] = (8, 6)) -> bytes:
    """A real PNG made by Pillow: newsdigest opens every image it publishes."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 100, 50)).save(out, "PNG")
    return out.getvalue()


def copy_newsroom(root: Path) -> Path:
    """tests/fixtures/newsroom as a project in `root`, with the built-in theme."""
    shutil.copytree(NEWSROOM, root)
    return root


# For sites that tests only read: built in one process, as the test workers already keep
# every core busy (tests/test_parallel.py shows that a parallel build writes the same bytes).
SERIAL = ("--jobs", "1")


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make(folder)` fills, once for the whole run: the first test worker to ask
    makes it, the others wait for it and share it (do not modify it)."""
    shared = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # this run's folder, above each worker's own
    root = shared / f"shared-{name}"
    with open(shared / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not (root / "done").is_file():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            make(root)
            (root / "done").touch()
    return root


def built_once(factory: pytest.TempPathFactory, name: str, source: Path) -> Path:
    """`source` copied as a project (ROOT/project) and built under the /sub/ base path
    (ROOT/site, returned), once for the whole run (`made_once`)."""

    def make(root: Path) -> None:
        project = root / "project"
        shutil.copytree(source, project)
        flags = ("--base-url", BASE_URL, *SERIAL)
        result = run_here("build", "--output", str(root / "site"), *flags, cwd=project, search=True)
        assert result.returncode == 0, result.stderr

    return made_once(factory, name, make) / "site"


@pytest.fixture(scope="session")
def newsroom_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture newsroom built once under the /sub/ base path (do not modify it)."""
    return built_once(tmp_path_factory, "newsroom", NEWSROOM)


def site_files(root: Path) -> dict[str, bytes]:
    """Every file under `root` by its relative path: what two builds compare byte for byte.
    In the order of sorted(root.rglob("*")), as `rglob` finds them: a link to a file is
    read, a link to a folder is not followed (os.scandir: a third of pathlib's CPU)."""
    found: dict[str, bytes] = {}

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():
                walk(entry.path, f"{prefix}{entry.name}/")
            elif entry.is_file():
                with open(entry.path, "rb") as file:
                    found[prefix + entry.name] = file.read()

    walk(os.fspath(root), "")
    return dict(sorted(found.items(), key=lambda item: item[0].split("/")))


CLEAN: dict[str, Path] = {}  # a clean build, by its inputs' digest


def inputs_digest(project: Path) -> str:
    """The SHA-256 of every file of the project (its path in it and its bytes), the
    build cache left out: two projects with the same digest have the same clean build."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(project):
        dirs[:] = sorted(d for d in dirs if d != ".newsdigest-cache")
        for name in sorted(files):
            path = Path(folder, name)
            digest.update(f"{path.relative_to(project).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def clean_build(
    project: Path, pictures: Path | None = None, search: bool = True
) -> dict[str, bytes]:
    """The files of `project`'s clean build under the /sub/ base path, built in this
    process, serially and without a cache, into a new folder beside `project`: once for
    each state of a project's files in a test worker (tests often edit their newsroom
    into the same state, or compare a rebuild of an unedited one).

    With `pictures` (`sample_pictures`), the build's cache is a new folder that holds only
    those encoded pictures, kept by the SHA-256 of their bytes: a first build that encodes
    only the pictures not among them, and writes what a build without a cache writes.
    With `search` False, the clean build without the search index (`searching`)."""
    key = inputs_digest(project) + ("" if search else " without search")
    if key not in CLEAN:
        clean = project.parent / f"clean-{len(CLEAN)}"
        cache: tuple[str, ...] = ("--no-cache",)
        if pictures is not None:
            shutil.copytree(pictures, project.parent / f"clean-cache-{len(CLEAN)}" / "images")
            cache = ("--cache-dir", str(project.parent / f"clean-cache-{len(CLEAN)}"))
        flags = ("--base-url", BASE_URL, *cache, "--jobs", "1")
        result = run_here("build", "--output", str(clean), *flags, cwd=project, search=search)
        assert result.returncode == 0, result.stderr
        CLEAN[key] = clean
    return site_files(CLEAN[key])


def load_synth() -> ModuleType:
    """bench/synth.py, the benchmark's synthetic newsroom, as a module for tests."""
    spec = importlib.util.spec_from_file_location("synth", REPO / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample newsroom (tests/fixtures/sample) built once under the /sub/ base path
    (do not modify it). Built from a copy, so the build's cache is not written into the
    repository."""
    return built_once(tmp_path_factory, "sample", SAMPLE)


def sample_pictures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's pictures as `sample_site`'s build encoded them (its build cache's
    images/ folder, kept by the SHA-256 of each picture's bytes): copied into a project's
    `.newsdigest-cache/images`, a build of the sample with its cache encodes none of them
    again, and writes what a first build writes. Do not modify it."""
    return (
        built_once(tmp_path_factory, "sample", SAMPLE).parent
        / "project"
        / ".newsdigest-cache"
        / "images"
    )


def shared_folder(factory: pytest.TempPathFactory) -> Path:
    """This run's folder that every test worker shares (above each worker's own)."""
    shared = factory.getbasetemp()
    return shared.parent if os.environ.get("PYTEST_XDIST_WORKER") else shared


VnuErrors = Callable[..., tuple[list[str], int]]


@pytest.fixture(scope="session")
def vnu_errors(tmp_path_factory: pytest.TempPathFactory) -> VnuErrors:
    """`vnu_errors(root, *targets)`: the Nu Html Checker's errors on `targets` (HTML files
    or folders; default: `root`), each as 'PATH:LINE: message' with PATH relative to
    `root`, and the exit status its command line gives for them. The checker is the run's
    one web service (tests/html_checker.py), started when a test first asks; a page whose
    bytes it already checked in this run is not checked again (its messages kept by their
    SHA-256 in the run's shared folder). Skips the test with the install command when Java
    or the checker is missing."""
    shared = shared_folder(tmp_path_factory)

    def check(root: Path, *targets: Path) -> tuple[list[str], int]:
        url = html_checker.service(shared)
        return html_checker.errors(url, root, targets or (root,), shared / "nu-checked")

    return check


CHROMIUM = Path(os.environ.get("NEWSDIGEST_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright: one for a test worker's whole
    run, started when a test first asks (each start costs about a CPU-second); test
    modules open their own contexts and tabs in it, and close them."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'"
    )
    if not CHROMIUM.exists():
        pytest.skip(
            f"Chromium is missing at {CHROMIUM}: apt-get install chromium "
            "(never `playwright install`)"
        )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def chromium_tab(chromium: Any) -> Iterator[Any]:
    """One tab of one browser context in the worker's Chromium, that every test file loads
    its pages in (`parked` after each file or test): the theme keeps nothing in a browser
    (no cookie, no storage) and each load is a new document, as one reader going from site
    to site. A new context or tab starts a renderer: about 0.7 CPU-seconds, and axe-core
    compiled again. Parked on about:blank, the tab costs Chromium nothing between uses (an
    open page elsewhere keeps it about 5 % of a core busy)."""
    context = chromium.new_context()
    tab = context.new_page()
    yield tab
    context.close()


def parked(tab: Any) -> None:
    """`chromium_tab` back on about:blank, as its context made it: light colour scheme, no
    Playwright's default 1280 x 720 window, JavaScript on."""
    tab.goto("about:blank")
    tab.emulate_media(color_scheme="light")
    tab.set_viewport_size({"width": 1280, "height": 720})


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        pass


@contextlib.contextmanager
def static_server(root: Path) -> Iterator[str]:
    """`root` served over HTTP on 127.0.0.1 from a thread; yields 'http://127.0.0.1:PORT/'."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()


# The files that take longest (CPU-seconds on a test worker of the suite, most first),
# started first: pytest-xdist hands out whole files (`--dist loadfile`) in collection
# order, giving a worker its next file when two of its tests are left, so the slow ones run
# side by side and the many short files fill in at the end instead of one worker finishing
# a long file while the others wait.
SLOW_FILES = (
    "test_browser.py",
    "test_incremental.py",
    "test_gfm.py",
    "test_build_cache.py",
    "test_package.py",
    "test_images.py",
    "test_language_homes.py",
    "test_properties.py",
    "test_build.py",
    "test_hostile.py",
    "test_narrow_rebuild.py",
    "test_interrupt.py",
    "test_page_state.py",
    "test_serve.py",
    "test_kept_bodies.py",
    "test_reading_odd_input.py",
    "test_golden.py",
    "test_front_fixes.py",
    "test_kill.py",
    "test_parallel.py",
    "test_output.py",
    "test_cached_articles.py",
    "test_serve_stops.py",
    "test_pipes.py",
    "test_template_errors.py",
    "test_replaced_files.py",
    "test_aliases.py",
    "test_search.py",
    "test_language_codes.py",
    "test_loading_state.py",
    "test_body.py",
    "test_theme.py",
    "test_body_markup.py",
    "test_arrows.py",
    "test_html.py",
    "test_feeds.py",
    "test_languages.py",
)


TMPFS = Path("/dev/shm")
TMPFS_FREE = 4 * 1024**3  # bytes; a whole run writes about 1 GB, and pytest keeps 3 runs


def pytest_configure(config: pytest.Config) -> None:
    """The tests' temporary folders on tmpfs (/dev/shm) when it has room, unless --basetemp
    or PYTEST_DEBUG_TEMPROOT says where: builds there take half the CPU they take on disk.
    Numbered runs as usual (pytest-of-USER/pytest-N); xdist gives each worker a folder
    under the controller's, as it does by default."""
    config.addinivalue_line(
        "markers",
        "search: the test's newsroom is built with the search index (incremental_newsroom)",
    )
    if config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    with contextlib.suppress(OSError):
        if TMPFS.is_dir() and shutil.disk_usage(TMPFS).free >= TMPFS_FREE:
            os.environ["PYTEST_DEBUG_TEMPROOT"] = str(TMPFS)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one test worker more than the cores this process may use. Many tests
    wait (on a build in a process of its own, Chromium, the Nu checker's Java, pip), and
    a third worker on two cores runs its tests meanwhile."""
    return len(os.sched_getaffinity(0)) + 1


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist starts its workers
def pytest_sessionstart(session: pytest.Session) -> None:
    """newsdigest compiled to bytecode once (`__pycache__`, as `pip install` compiles an
    installed package; bench/run.py does the same): with PYTHONDONTWRITEBYTECODE=1, each
    `python -m generator` of the suite would compile every module again (0.1 CPU-second
    each), and each test worker too."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        compileall.compile_dir(REPO / "generator", quiet=1)
        if session.config.pluginmanager.has_plugin("xdist") and session.config.getoption(
            "numprocesses", None
        ):
            rewrite_test_modules(session.config)


@pytest.hookimpl(trylast=True)  # inside pytest-xdist's wrapper: before the worker says it is done
def pytest_sessionfinish(session: pytest.Session) -> None:
    """The run's garbage collected once, then what is left set aside (`gc.freeze`), as
    `speed.collector.leave_to_the_system` does for a command. pytest ends each process
    with five full collections (to report what finalizers raise); in a test worker that
    holds millions of objects they took 4.5-6.4 s (2.2 million), after the controller
    had asked the worker to end, and execnet, waiting 5 s, sent the worker SIGINT: the
    KeyboardInterrupt, raised inside hypothesis' garbage-collector callback, ended the
    run with "PytestUnraisableExceptionWarning: Exception ignored in ... gc_callback". The
    collection here finds the same garbage (what its finalizers raise is still reported)
    before the worker says it is done; pytest's five then walk only what is made after."""
    gc.collect()
    gc.freeze()


def rewrite_test_modules(config: pytest.Config) -> None:
    """The test modules' assertion-rewritten bytecode written once, here, before the test
    workers start: on a fresh clone (no tests/__pycache__) every worker would otherwise
    rewrite and compile all of them at once (about 3.7 CPU-seconds each). What pytest's
    import hook does on import (`_pytest.assertion.rewrite`), without running the modules;
    with another pytest whose hook differs, the workers rewrite them as before."""
    if config.getoption("assertmode", "rewrite") != "rewrite":
        return
    try:
        from _pytest.assertion import rewrite

        state = config.stash[rewrite.assertstate_key]
        for source in sorted(Path(__file__).parent.glob("test_*.py")):
            folder = rewrite.get_cache_dir(source)
            pyc = folder / (source.name[:-3] + rewrite.PYC_TAIL)
            if rewrite.try_makedirs(folder) and rewrite._read_pyc(source, pyc, state.trace) is None:
                stat, code = rewrite._rewrite_test(source, config)
                rewrite._write_pyc(state, code, stat, pyc)
    except (AttributeError, ImportError, KeyError, TypeError, OSError):
        return  # the workers rewrite what is missing


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[object]:
    """The test modules' assertion-rewritten bytecode written (pytest writes it in
    `tests/__pycache__` and reads it back while the test files are as they were), even
    with PYTHONDONTWRITEBYTECODE=1: each test worker would rewrite and compile every test
    module again, about 2.5 CPU-seconds."""
    before, sys.dont_write_bytecode = sys.dont_write_bytecode, False
    try:
        return (yield)
    finally:
        sys.dont_write_bytecode = before


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow files first (SLOW_FILES), every other file after them in its usual order."""

    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return SLOW_FILES.index(name) if name in SLOW_FILES else len(SLOW_FILES)

    items.sort(key=rank)
