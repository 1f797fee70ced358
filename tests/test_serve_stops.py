"""`newsdigest serve` from the terminal's side: how it starts and stops (Ctrl-C, SIGTERM,
at every moment), what it says about its options, and what it watches."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import make_project, run_here, tiny_png, write_article
from test_kill import from_a_terminal, newsroom


@pytest.mark.parametrize("port", ["99999", "-1", "65536", "eighty"])
def test_a_port_out_of_range_is_a_usage_error_not_a_traceback(tmp_path: Path, port: str) -> None:
    """`serve --port 99999` was Python's OverflowError with a traceback and status 1 (which
    README gives to content errors): now the usage error of any bad option, status 2."""
    project = make_project(tmp_path / "project")
    ran = run_here("serve", f"--port={port}", cwd=project)
    assert ran.returncode == 2
    assert f"--port: must be a port number from 0 to 65535 (0: any free port), not '{port}'" in (
        ran.stderr
    )
    assert "Traceback" not in ran.stderr


STORY = """\
title: Storm hits the coast
date: 2025-06-20T10:00:00Z
country: India
credits:
  author: {author}
tags: [Weather]"""


# `newsdigest ARGS` (as the `newsdigest` command starts: generator.start), stopped at a
# named point instead of after a guessed delay: `import:MODULE` while MODULE is being
# imported (the first time), or `MODULE:NAME` (NAME may be `Class.method`) at its `nth`
# call in the command's own process and main thread. There it writes "paused" on stdout
# and waits on stdin: the test signals it there, or writes a line to let it go on.
PAUSED = """
import importlib, os, sys, threading

where, nth = sys.argv[1], int(sys.argv[2])
sys.argv[1:] = sys.argv[3:]
me, calls = os.getpid(), []

def pause():
    if os.getpid() == me and threading.current_thread() is threading.main_thread():
        calls.append(1)
        if len(calls) == nth:
            sys.__stdout__.write("paused\\n")
            sys.__stdout__.flush()
            os.read(0, 1)

class Importing:
    def find_spec(self, name, path=None, target=None):
        if name == where[len("import:"):]:
            sys.meta_path.remove(self)
            pause()
        return None

if where.startswith("import:"):
    sys.meta_path.insert(0, Importing())
else:
    module, _, name = where.partition(":")
    owner = importlib.import_module(module)
    *outer, name = name.split(".")
    for part in outer:
        owner = getattr(owner, part)
    real = getattr(owner, name)

    def paused(*args, **kwargs):
        pause()
        return real(*args, **kwargs)

    setattr(owner, name, paused)
from generator.start import main
raise SystemExit(main())
"""


def paused(project: Path, where: str, nth: int, *command: str) -> subprocess.Popen[str]:
    """`newsdigest COMMAND` in a new process group, as a terminal starts it (Ctrl-C not
    ignored), stopped at `where` (PAUSED): returned once it is there."""
    process = from_a_terminal(project, "-c", PAUSED, where, str(nth), *command)
    assert process.stdout is not None
    before = ""  # what the command printed before (a build's report)
    for line in process.stdout:
        if line == "paused\n":
            return process
        before += line
    out, err = process.communicate(timeout=120)
    pytest.fail(f"newsdigest never reached {where} #{nth}: {before}{out}{err}")


def children(pid: int) -> list[int]:
    """The processes `pid` has forked and that still run (its build's workers)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(n) for n in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ended(process: subprocess.Popen[str], data: str = "", timeout: float = 120) -> tuple[str, str]:
    """The process's (stdout, stderr) once it has ended; after `timeout` seconds its
    process group (workers included) is killed and the test fails."""
    try:
        return process.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        pytest.fail(f"still running after {timeout} s:\n{out}{err}")


def assert_stopped(process: subprocess.Popen[str], port: int, workers: Sequence[int] = ()) -> None:
    """serve ended as README says (`stopped`, status 0, no traceback, within the 20 s a
    waiting user would give up after), its workers with it, and its port free again."""
    _, err = ended(process, timeout=20)
    assert (process.returncode, err.splitlines()[-1:]) == (0, ["stopped"]), err
    assert "Traceback" not in err and "interrupted" not in err and "Exception" not in err
    assert not [pid for pid in workers if alive(pid)]
    with socket.socket() as again:  # (no SO_REUSEADDR: a process left listening refuses)
        again.bind(("127.0.0.1", port))


# Where serve is stopped before its first build: while Python imports the command line
# (then serve's own modules), and while it reads the settings file.
STARTING = ["import:generator.cli", "import:generator.commands.serve", "generator.config:load"]


@pytest.mark.parametrize("where", STARTING)
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_while_serve_starts_says_stopped_status_0(
    tmp_path: Path, where: str, how: signal.Signals
) -> None:
    """README: Ctrl-C (or SIGTERM) stops serve, `stopped` and status 0, at any moment,
    even during its first build. In its first half second it said `newsdigest:
    interrupted` with status 130 (Ctrl-C), or ended silently with status 143 (SIGTERM)."""
    project = make_project(tmp_path / "project")
    port = free_port()
    process = paused(project, where, 1, "serve", "--port", str(port))
    os.killpg(process.pid, how)  # Ctrl-C reaches the process group; SIGTERM the process
    assert_stopped(process, port)


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: a build forks no workers")
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_while_the_first_build_shuts_its_workers_down_is_not_lost(
    tmp_path: Path, how: signal.Signals
) -> None:
    """Ctrl-C as the first build's worker pool shuts down (its pages made): it was raised
    where the garbage collector closed the pool, printed as an ignored exception with a
    traceback, and lost: serve went on serving, and a SIGTERM later left the workers
    running, holding serve's port, so every later serve on it failed."""
    project = newsroom(tmp_path / "project", 40)  # pages enough for worker processes
    port = free_port()
    process = paused(
        project, "concurrent.futures:ProcessPoolExecutor.shutdown", 1, "serve", "--port", str(port)
    )
    workers = children(process.pid)
    assert workers  # the build's worker processes, forked by serve
    if how == signal.SIGINT:
        os.killpg(process.pid, how)
    else:
        process.send_signal(how)
    assert_stopped(process, port, workers)


def test_ctrl_c_once_the_site_is_written_is_a_finished_build(tmp_path: Path) -> None:
    """A Ctrl-C that came once `build` had written the site gave status 130 after the full
    success report, with no `interrupted` line (or `interrupted` under it). The site is
    complete: the build is done, status 0, its report whole."""
    project = newsroom(tmp_path / "project", 3)
    site = tmp_path / "site"
    process = paused(project, "generator.cli:summary_table", 1, "build", "--output", str(site))
    os.killpg(process.pid, signal.SIGINT)
    out, err = ended(process, "go\n")
    assert process.returncode == 0, err
    assert "interrupted" not in err
    assert out.splitlines()[-1].startswith("preview: newsdigest serve")
    assert (site / "index.html").is_file()


def replace_file(path: Path, data: bytes) -> None:
    """Save as many editors do: a new file renamed over the old one (a new inode)."""
    new = path.with_name(path.name + ".new")
    new.write_bytes(data)
    new.replace(path)


def test_serve_rebuilds_when_a_photo_or_the_logo_changes_goes_or_comes_back(
    tmp_path: Path,
) -> None:
    """serve watched authors.yaml but not the photos it names nor the `logo` file: a
    replaced photo kept its old size on the author page, and a deleted logo was still
    served without an error while `check` and the deploy failed on it. Every file the
    build reads is watched now, a photo's folder made later included."""
    from test_serve import start_serve, stop_serve

    project = make_project(tmp_path / "project", 'logo = "brand/logo.png"\n')
    (project / "brand").mkdir()
    (project / "brand" / "logo.png").write_bytes(tiny_png((60, 60)))
    (project / "authors.yaml").write_text(
        "Asha Rao:\n  image: authors/asha.png\nJo Lee:\n  image: people/jo.png\n",
        encoding="utf-8",
    )
    (project / "authors").mkdir()
    (project / "authors" / "asha.png").write_bytes(tiny_png((400, 400)))
    write_article(project, "2025/06/a.md", STORY.format(author="Asha Rao"))
    write_article(project, "2025/06/b.md", STORY.format(author="Jo Lee"))
    server = start_serve(project)
    try:
        server.wait_for("/sub/", lambda s, b: s == 500 and "people/jo.png" in b, "Jo's photo")
        (project / "people").mkdir()  # the folder made, then the photo saved into it
        (project / "people" / "jo.png").write_bytes(tiny_png((300, 300)))
        server.wait_for("/sub/authors/asha-rao/", lambda s, b: 'width="400"' in b, "the photo")
        replace_file(project / "authors" / "asha.png", tiny_png((800, 500)))
        server.wait_for("/sub/authors/asha-rao/", lambda s, b: 'width="800"' in b, "new photo")
        (project / "brand" / "logo.png").unlink()
        server.wait_for("/sub/", lambda s, b: s == 500 and "brand/logo.png" in b, "no logo")
        (project / "brand" / "logo.png").write_bytes(tiny_png((60, 60)))
        server.wait_for("/sub/", lambda s, b: s == 200, "the logo put back")
    finally:
        stop_serve(server)


def test_serve_says_where_the_site_moved_and_each_problem_with_its_fix(tmp_path: Path) -> None:
    """Started on a broken settings file, serve printed `serving http://127.0.0.1:PORT/`
    and, once the file was fixed, nothing, while the site was at /sub/ (the same when
    base_url's path changes while serving). Its template errors had no `fix:` line, and a
    content folder moved away was `content:0:`, a line that does not exist. Open tabs
    reloaded into a 404 at the old base path: they are sent to the same page at the new."""
    from test_serve import start_serve, stop_serve

    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/a.md", STORY.format(author="Asha Rao"))
    settings = project / "pyproject.toml"
    good = settings.read_text(encoding="utf-8")
    settings.write_text(good.replace("items_per_page = 2", "items_per_page = 0.5"))
    server = start_serve(project)
    try:
        server.wait_for("/", lambda s, b: s == 500, "the error page")
        replace_file(settings, good.encode())
        server.wait_for("/sub/", lambda s, b: s == 200, "the site")
        assert f"the site is now at http://127.0.0.1:{server.port}/sub/" in server.log.read_text()
        moved = good.replace("/sub/", "/gazette/")
        replace_file(settings, moved.encode())
        server.wait_for("/gazette/", lambda s, b: s == 200, "the site at its new path")
        # A tab open at the old address reloads into the same page at the new one.
        server.wait_for("/sub/feed.xml", lambda s, b: s == 200 and "/gazette/" in b, "old address")
        assert f"the site is now at http://127.0.0.1:{server.port}/gazette/" in (
            server.log.read_text()
        )
        card = project / "templates" / "partials" / "card.html"
        card.parent.mkdir(parents=True)
        card.write_text("{% if %}\n", encoding="utf-8")
        server.wait_for("/gazette/", lambda s, b: s == 500 and "card.html" in b, "its error")
        said = server.log.read_text()
        assert "templates/partials/card.html:1: error: template: " in said
        assert "    fix: correct the template tag on this line" in said
        card.unlink()
        server.wait_for("/gazette/", lambda s, b: s == 200, "the site again")
        (project / "content").rename(project / "drafts-away")
        server.wait_for("/gazette/", lambda s, b: s == 500, "no content folder")
        said = server.log.read_text()
        assert "content: error: the content folder does not exist" in said
        assert "fix: create it (or put it back), or pass --content DIR" in said
        assert ":0:" not in said
    finally:
        stop_serve(server)


def test_build_prints_the_fix_of_a_template_syntax_error(tmp_path: Path) -> None:
    """README: each problem comes with a `fix:` line; `check` gave one for a template's
    syntax error, `build` (and serve) not."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/a.md", STORY.format(author="Asha Rao"))
    card = project / "templates" / "partials" / "card.html"
    card.parent.mkdir(parents=True)
    card.write_text("{% if %}\n", encoding="utf-8")
    ran = run_here("build", "--output", str(tmp_path / "site"), cwd=project, search=False)
    assert ran.returncode == 2
    assert ran.stderr.splitlines()[-2:] == [
        "templates/partials/card.html:1: error: template: Expected an expression, got "
        "'end of statement block'",
        "    fix: correct the template tag on this line (a build stops on it before any page)",
    ]


def test_a_broken_serve_error_override_is_reported_not_silently_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A templates/serve-error.html that fails as it runs (no build renders it, so neither
    `check` nor `build` meets it): serve fell back to the plain page without a word. It
    now says why, in the terminal and on that page, naming the file and line."""
    from generator import config
    from generator.commands.failures import Failure, error_page

    project = make_project(tmp_path / "project")
    override = project / "templates" / "serve-error.html"
    override.parent.mkdir()
    override.write_text(
        '{% extends "base.html" %}{% block main %}\n'
        "{{ failures[0].nothing.here }}\n{% endblock %}\n",
        encoding="utf-8",
    )
    said: list[str] = []
    monkeypatch.chdir(project)  # where serve runs
    settings = config.load(project)
    page = error_page((Failure("x.md:1: error: broken"),), settings, Path("templates"), said.append)
    assert len(said) == 1 and said[0].startswith("templates/serve-error.html:2: ")
    assert "fix: " in said[0]
    text = page.decode("utf-8")
    assert "x.md:1: error: broken" in text and "templates/serve-error.html:2: " in text


def test_ctrl_c_landing_in_a_finaliser_prints_no_traceback_and_still_stops() -> None:
    """serve's Ctrl-C raises KeyboardInterrupt wherever Python is; when that is inside a
    finaliser (an object freed mid-rebuild), Python cannot pass it on and printed
    "Exception ignored in ... KeyboardInterrupt" with a traceback in the middle of serve's
    output. The stop is remembered and nothing is printed."""
    script = textwrap.dedent(
        """
        import os, signal
        from generator import interrupt

        class Freed:
            def __del__(self):
                os.kill(os.getpid(), signal.SIGINT)
                for _ in range(100_000):
                    pass  # the handler runs here, inside the finaliser

        interrupt.stop_on_signals()
        thing = Freed()
        del thing
        print("went on, stop requested:", interrupt.stop_requested())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "went on, stop requested: True"
    assert done.stderr == ""


def test_ctrl_c_landing_in_code_made_from_text_still_ends_serve_with_status_0() -> None:
    """serve's first build imports modules, whose dataclasses and named tuples make their
    methods with `exec` and `eval` of a text; a Ctrl-C landing there was remembered by
    Python as never handled, although serve caught it, printed `stopped` and returned 0:
    the process then died by SIGINT (status -2) instead of exiting 0."""
    script = textwrap.dedent(
        """
        from generator import interrupt

        interrupt.stop_on_signals()
        made = "import os, signal\\nos.kill(os.getpid(), signal.SIGINT)\\nsum(range(10**6))"
        try:
            exec(made)
        except KeyboardInterrupt:
            print("stopped")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "stopped\n", "")
