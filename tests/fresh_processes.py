"""Run `newsdigest` commands each in a process of its own, without starting Python each time.

`python fresh_processes.py` imports newsdigest and the libraries a build loads, compiles
the packaged theme's templates (as any build does first; render/compiled.py keeps them by
their text), and nothing else happens in it: no command runs there. For each request
(one JSON line on stdin: arguments, working directory, files for stdout and stderr,
search on or off) it
forks a child that runs the command and exits with its status, which the parent sends
back as a JSON line. Each command therefore runs in a new process that has never built
anything: whatever a build keeps must reach the next one through the disk (its cache,
the site), as with `python -m generator`, minus the interpreter's start-up, imports and the theme's
compilation (about 0.6 CPU-seconds a build, 0.2 of them the theme's templates, compiled
again in each worker process of a parallel build). Used by conftest.Forked.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
import traceback
from pathlib import Path

# Modules a build of the incremental tests' newsroom imported in each child before
# (sys.modules after a build, less before it): 17 ms of CPU in every forked build, 35 more
# with pictures.
LAZY = (
    "encodings.utf_8_sig",
    "generator.render.python_markdown",
    "generator.render.cmark",
    "cmarkgfm.cmark",  # the `gfm` engine's library
    *(
        f"markdown.extensions.{name}"  # "extra" and what it loads, "smarty", "sane_lists"
        for name in ("extra", "abbr", "attr_list", "codehilite", "def_list", "fenced_code")
        + ("footnotes", "md_in_html", "tables", "smarty", "sane_lists")
    ),
    "multiprocessing.popen_fork",
    "multiprocessing.synchronize",
    "pagefind.service",
    "pagefind_bin",
    "pkgutil",
    "text_unidecode",
    "PIL.ImageOps",  # pictures: Pillow, each of its file formats (`PIL.Image.init`)
    "PIL.ImageChops",
    "PIL.ImageSequence",
    "PIL.features",
    "babel.numbers",
    "feedgen.ext.dc",
    "_strptime",
)


def preload() -> None:
    """Import what a build imports lazily, so that no child pays for it."""
    import generator.cli  # noqa: F401
    import generator.commands.build  # noqa: F401
    import generator.commands.rebuild  # noqa: F401

    for name in ("babel", "feedgen.feed", "markdown", "pygments", "asyncio", "pagefind", *LAZY):
        with contextlib.suppress(ImportError):
            __import__(name)
    from PIL import Image

    Image.init()
    compile_theme()
    gc.freeze()  # kept out of the children's garbage collections: fewer pages copied


def compile_theme() -> None:
    """The packaged theme's templates compiled here once, in English (render/compiled.py
    keeps them by their text): a child compiles only what a site overrides or translates."""
    from generator.config import Settings
    from generator.index.site import build_index
    from generator.render.pages import Renderer
    from generator.render.urls import Urls

    settings = Settings()
    no_overrides = Path(os.devnull) / "templates"
    renderer = Renderer(settings, Urls(settings.base_url), no_overrides, build_index([], "UTC"))
    for name in renderer.env.list_templates(filter_func=lambda name: name.endswith(".html")):
        renderer.env.get_template(name)


def child(request: dict[str, object]) -> None:
    """In the forked child: run one command with its output in the given files; never returns."""
    code = 1
    try:
        os.chdir(str(request["cwd"]))
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            target = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        from generator.cli import main

        if request.get("search") == "off":  # as without the search extra (conftest.searching)
            from generator.write import search

            search.pagefind_binary = lambda: None

        args = request["args"]
        assert isinstance(args, list)
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def serve() -> None:
    preload()
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            child(request)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
