"""`newsdigest serve`: the live preview. The only module that runs a server.

The site is built (drafts and scheduled articles included) into a temporary directory,
never into site/, with base_url pointed at http://127.0.0.1:PORT/ plus the configured
base path, and served the way GitHub Pages serves it: `/` redirects to the base path,
a folder serves its index.html, a miss serves 404.html. Every file the build reads is
watched (generator.commands.watch: content/, templates/, static/, the settings files,
authors.yaml, its photos, the logo), through its folder, not its inode: an editor (or
`sed -i`) that saves by writing a new file and renaming it over the old one is noticed on
every save. Every change rebuilds. HTML
responses get a small script, added while they are served (the files on disk never carry
it), that polls the build version and reloads the page after a rebuild. While the build
fails, every page is the error page (generator.commands.failures: the theme's
serve-error.html, themed like the site) listing the problems and quoting each offending
line of the file, with its number; the next good build replaces it.
"""

from __future__ import annotations

import contextlib
import mimetypes
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import jinja2

from generator import config, interrupt, scratch
from generator.commands.build import Paths, Selection, build_site
from generator.commands.failures import (
    Describe,
    Failure,
    content_failure,
    error_page,
    settings_failures,
    template_failure,
    template_run_failure,
)
from generator.commands.watch import Watcher
from generator.config import Settings
from generator.diagnostics import ConfigError, Diagnostic, TemplateFailure, UsageError, tally
from generator.load.files import named_files
from generator.render.theme import Theme
from generator.write.output import OutputError

HOST = "127.0.0.1"
STOP_POLL = 0.1  # seconds between the server's looks at a stop: Ctrl-C's wait (was 0.5)
VERSION_PATH = "/__newsdigest/version"
RELOAD_SCRIPT = """<script>/* newsdigest serve: live reload */
(function () {
  var built = "%s";
  function poll() {
    fetch("%s", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v !== built) { location.reload(); } else { setTimeout(poll, 500); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 500);
})();
</script>
"""
TYPES = {
    ".xml": "application/xml",
    ".opml": "text/x-opml",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
}

Log = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A rebuild's result: the settings it read (the last good ones when they could not be
    read: the error page is themed with them) and its failures (none: it worked)."""

    settings: Settings
    failures: tuple[Failure, ...] = ()


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the server shows: the latest build's number, its base path and, while the build
    fails, the error page (without the reload script); the base paths it had before
    (`former`, latest first), which redirect to the same page under the current one."""

    version: int
    base_path: str
    error_page: bytes | None = None
    former: tuple[str, ...] = ()

    def moved(self, path: str) -> str | None:
        """Where `path` is now, when it is under a former base path; else None."""
        for old in self.former:
            if path.startswith(old):
                return self.base_path + path[len(old) :]
        return None


class Preview:
    """The state shared by the builder (main thread) and the request handlers."""

    def __init__(self, site_dir: Path, base_path: str, theme: Theme | None = None) -> None:
        self.site_dir = site_dir
        self.theme = theme  # serves static/ files to the error page before any build worked
        self.snapshot = Snapshot(0, base_path)  # replaced whole, never mutated

    def publish(self, base_path: str, error_page: bytes | None = None) -> None:
        now = self.snapshot
        former = tuple(p for p in dict.fromkeys((now.base_path, *now.former)) if p != base_path)
        self.snapshot = Snapshot(now.version + 1, base_path, error_page, former)

    def theme_file(self, relative: str) -> Path | None:
        """A static file of the theme, for a request the (failed) build has no file for."""
        if self.theme is None or not relative.startswith("static/"):
            return None
        return self.theme.files().get(relative)


def preview_settings(settings: Settings, port: int) -> Settings:
    """The settings with base_url moved to the local server, keeping its path."""
    return replace(settings, base_url=f"http://{HOST}:{port}{settings.base_path}")


def rebuild(paths: Paths, settings: Settings, port: int, log: Log, describe: Describe) -> Outcome:
    """Build the preview with the settings read afresh; `settings` are the last good ones."""
    try:
        settings = preview_settings(config.load(paths.project), port)
    except ConfigError as exc:
        return Outcome(settings, _failed(log, [*settings_failures(exc)], True, exc.diagnostics))
    try:
        result = build_site(paths, settings, Selection(drafts=True, future=True))
    except jinja2.TemplateSyntaxError as exc:
        return Outcome(settings, _failed(log, [template_failure(exc)]))
    except TemplateFailure as exc:
        return Outcome(settings, _failed(log, [template_run_failure(exc)]))
    except (jinja2.TemplateError, ConfigError, OutputError) as exc:
        return Outcome(settings, _failed(log, [Failure(f"error: {exc}")]))
    for diagnostic in result.diagnostics:
        log(describe(diagnostic))
    if not result.ok:
        failures = [
            content_failure(d, paths.content, describe)
            for d in result.diagnostics
            if d.severity == "error"
        ]
        return Outcome(settings, _failed(log, failures, False, result.diagnostics))
    count = result.summary.articles if result.summary else 0
    log(f"built {count} article{'s' * (count != 1)} in {result.seconds:.2f} s")
    return Outcome(settings)


def _failed(
    log: Log, failures: list[Failure], print_them: bool = True, said: Sequence[Diagnostic] = ()
) -> tuple[Failure, ...]:
    """The failures, said (unless the build's diagnostics were), with the count line of
    `said`, the diagnostics they are from (errors and warnings, as `check` counts them:
    tester T6), or of the failures."""
    if print_them:
        for failure in failures:
            log(failure.message)
    counted = tally(said) if said else f"{len(failures)} error{'s' * (len(failures) != 1)}"
    log(f"build failed ({counted}); the browser shows the error page until you fix it")
    return tuple(failures)


def inject_reload(page: bytes, version: int) -> bytes:
    """Add the live-reload script before </body> (served pages only, never files on disk)."""
    script = (RELOAD_SCRIPT % (version, VERSION_PATH)).encode("utf-8")
    end = page.rfind(b"</body>")
    return page + script if end < 0 else page[:end] + script + page[end:]


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD for the preview; `preview` is set by make_handler."""

    preview: Preview
    server_version = "newsdigest-serve"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # the terminal is for build messages

    def respond(self, send_body: bool) -> None:
        snapshot = self.preview.snapshot
        path = unquote(urlsplit(self.path).path)
        if path == VERSION_PATH:
            self.send(HTTPStatus.OK, str(snapshot.version).encode(), "text/plain", send_body)
            return
        base = snapshot.base_path
        if not path.startswith(base):
            moved = snapshot.moved(path)  # an open tab of the site before its path changed
            if path == "/" or base.startswith(path.rstrip("/") + "/"):
                self.redirect(base)
            elif moved is not None:
                self.redirect(moved)
            else:
                self.not_found(snapshot, send_body)
            return
        target = resolve(self.preview.site_dir, path[len(base) :])
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                self.redirect(path + "/")
                return
            target = target / "index.html"
        failing = snapshot.error_page is not None
        if failing and (target is None or not target.is_file()):
            # The error page's style sheet, before any build has written one.
            themed = self.preview.theme_file(path[len(base) :])
            if themed is not None:
                self.send_file(themed, HTTPStatus.OK, snapshot, send_body)
                return
        if snapshot.error_page is not None and (
            target is None or target.suffix in ("", ".html") or not target.is_file()
        ):
            page = inject_reload(snapshot.error_page, snapshot.version)
            self.send(HTTPStatus.INTERNAL_SERVER_ERROR, page, "text/html", send_body)
        elif target is not None and target.is_file():
            self.send_file(target, HTTPStatus.OK, snapshot, send_body)
        else:
            self.not_found(snapshot, send_body)

    def not_found(self, snapshot: Snapshot, send_body: bool) -> None:
        page = self.preview.site_dir / "404.html"
        if page.is_file():
            self.send_file(page, HTTPStatus.NOT_FOUND, snapshot, send_body)
        else:
            self.send(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain", send_body)

    def send_file(
        self, file: Path, status: HTTPStatus, snapshot: Snapshot, send_body: bool
    ) -> None:
        try:
            data = file.read_bytes()
        except OSError:  # swapped away by a rebuild: the browser will reload
            self.send(HTTPStatus.SERVICE_UNAVAILABLE, b"Rebuilding\n", "text/plain", send_body)
            return
        kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0]
        if file.suffix == ".html":
            data = inject_reload(data, snapshot.version)
        self.send(status, data, kind or "application/octet-stream", send_body)

    def redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)  # not 301: browsers would keep it
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send(self, status: HTTPStatus, data: bytes, kind: str, send_body: bool) -> None:
        self.send_response(status)
        text = kind.startswith("text/") or kind.endswith(("xml", "json"))
        self.send_header("Content-Type", kind + ("; charset=utf-8" if text else ""))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(data)


def make_handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    """The request handler class, bound to `preview`."""
    return type("PreviewHandler", (Handler,), {"preview": preview})


def resolve(site_dir: Path, relative: str) -> Path | None:
    """The file or folder for a URL path under the base path; None for one that escapes."""
    parts = PurePosixPath("/" + relative).parts[1:]
    if any(part in ("..", ".") or "\\" in part or "\x00" in part for part in parts):
        return None
    return site_dir.joinpath(*parts)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser that closed its connection mid-response is not a build problem


def start_server(port: int, preview: Preview) -> _Server:
    """The server, listening. A process the build forks (its workers) closes its copy of
    the listening socket: one left running after serve (killed with SIGKILL) would hold
    the port, and every later serve on it would be refused."""
    try:
        server = _Server((HOST, port), make_handler(preview))
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {HOST}:{port} ({exc.strerror}); pass another port with --port N"
        ) from None
    os.register_at_fork(after_in_child=server.socket.close)
    return server


def serve(paths: Paths, settings: Settings, port: int, log: Log, describe: Describe) -> int:
    """Build, serve and rebuild on every change until Ctrl-C (or SIGTERM); exit status 0.

    Ctrl-C is how a preview server ends (as `python -m http.server` and `hugo server`),
    not an interruption of work: at any moment once serve runs, even during its first
    build, it ends with the line `stopped` and status 0, not 130 (generator.start takes
    the signals over from the process's start: generator.interrupt.stop_on_signals, which
    also makes Ctrl-C work when whoever started serve had SIGINT ignored). The first
    signal stops serve; later ones are ignored while it stops its server, its watchers and
    the build's worker processes. A stop is remembered, not only raised: one that a build
    swallowed on the way (a worker pool shut down by the garbage collector) ends serve
    when that build returns."""
    interrupt.stop_on_signals()
    try:
        with contextlib.suppress(KeyboardInterrupt):  # also while starting or cleaning up
            _serve(paths, settings, port, log, describe)
    finally:
        _end_workers()
    log("stopped")
    return 0


def _end_workers() -> None:
    """The build's worker processes still running ended (SIGTERM; SIGKILL a second later):
    a stop that came while a build shut its worker pool down can leave them waiting for
    work that never comes, and this process's exit would wait for them forever."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(1)
        if child.is_alive():
            child.kill()
            child.join()


def _stop_if_asked() -> None:
    """KeyboardInterrupt when Ctrl-C or SIGTERM asked serve to stop (the build may have
    swallowed the KeyboardInterrupt that said so)."""
    if interrupt.stop_requested():
        raise KeyboardInterrupt


def _serve(paths: Paths, settings: Settings, port: int, log: Log, describe: Describe) -> None:
    """serve(), until Ctrl-C: the temporary site, the server, the watcher, the rebuilds.
    The site is in a folder of the system's temporary folder named with serve's process
    id, so that the next serve (or build) removes it if this one is killed
    (generator.scratch)."""
    with scratch.temporary("serve") as preview_dir:
        site_dir = preview_dir / "site"
        paths = replace(paths, output=site_dir)  # never the project's site/
        preview = Preview(site_dir, settings.base_path, Theme(paths.templates))
        server = start_server(port, preview)
        port = server.server_address[1]
        thread = threading.Thread(target=server.serve_forever, args=(STOP_POLL,), daemon=True)
        changes = Watcher(paths)

        def base_path() -> str:
            return preview.snapshot.base_path

        def address() -> str:
            return f"http://{HOST}:{port}{base_path()}"

        def build(settings: Settings) -> Settings:
            outcome = rebuild(paths, settings, port, log, describe)
            _stop_if_asked()
            page = (
                error_page(outcome.failures, outcome.settings, paths.templates, log)
                if outcome.failures
                else None
            )
            moved = preview.snapshot.version and outcome.settings.base_path != base_path()
            preview.publish(outcome.settings.base_path, page)
            if moved:  # open tabs reload into a 404 at the old address: say the new one
                log(f"base_url's path changed: the site is now at {address()}")
            changes.follow(named_files(paths.project, outcome.settings.logo))
            return outcome.settings

        try:
            _stop_if_asked()
            settings = build(preview_settings(settings, port))
            thread.start()
            log(
                f"serving {address()} (drafts and scheduled articles included); watching "
                "for changes, Ctrl-C to stop"
            )
            for names in changes:
                _stop_if_asked()
                log(f"changed: {', '.join(names)}; rebuilding")
                settings = build(settings)
        finally:
            changes.close()
            if thread.is_alive():
                server.shutdown()
            server.server_close()
