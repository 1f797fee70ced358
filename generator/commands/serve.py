"""`newsdigest serve`: the live preview. The only module that runs a server.

The site is built (drafts and scheduled articles included) into a temporary directory,
never into site/, with base_url pointed at http://127.0.0.1:PORT/ plus the configured
base path, and served the way GitHub Pages serves it: `/` redirects to the base path,
a folder serves its index.html, a miss serves 404.html. content/, templates/ and
pyproject.toml are watched; every change rebuilds. HTML responses get a small script,
added while they are served (the files on disk never carry it), that polls the build
version and reloads the page after a rebuild. While the content has errors, every page
is an error page listing them; the next good build replaces it.
"""

from __future__ import annotations

import html
import mimetypes
import signal
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from types import FrameType
from urllib.parse import unquote, urlsplit

import jinja2
import watchfiles

from generator import config
from generator.commands.build import Paths, Selection, build_site
from generator.config import Settings
from generator.diagnostics import ConfigError, Diagnostic
from generator.write.output import OutputError

HOST = "127.0.0.1"
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
ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · newsdigest serve</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #b42318; }
pre { background: #f4f5f8; color: #1b1b1f; padding: 1rem; overflow-x: auto; white-space: pre-wrap; }
</style>
</head>
<body>
<main>
<h1>Build failed</h1>
<p>newsdigest could not build the site. Fix the problems below and save: this page
reloads by itself when the build works again.</p>
<pre>%s</pre>
</main>
</body>
</html>
"""
TYPES = {".xml": "application/xml", ".opml": "text/x-opml", ".json": "application/json",
         ".webmanifest": "application/manifest+json"}

Log = Callable[[str], None]
Describe = Callable[[Diagnostic], str]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the server shows: the latest build's number, its base path and its errors."""

    version: int
    base_path: str
    errors: tuple[str, ...] = ()


class Preview:
    """The state shared by the builder (main thread) and the request handlers."""

    def __init__(self, site_dir: Path, base_path: str) -> None:
        self.site_dir = site_dir
        self.snapshot = Snapshot(0, base_path)  # replaced whole, never mutated

    def publish(self, base_path: str, errors: tuple[str, ...]) -> None:
        self.snapshot = Snapshot(self.snapshot.version + 1, base_path, errors)


def preview_settings(settings: Settings, port: int) -> Settings:
    """The settings with base_url moved to the local server, keeping its path."""
    return replace(settings, base_url=f"http://{HOST}:{port}{settings.base_path}")


def rebuild(paths: Paths, settings: Settings, port: int, log: Log, describe: Describe) -> (
    tuple[str, tuple[str, ...]]
):
    """Build the preview; return the base path and the error lines ('' when it worked)."""
    try:
        settings = preview_settings(config.load(paths.project), port)
    except ConfigError as exc:
        return settings.base_path, _failed(log, [f"pyproject.toml: error: {exc}"])
    try:
        result = build_site(paths, settings, Selection(drafts=True, future=True))
    except jinja2.TemplateSyntaxError as exc:
        return settings.base_path, _failed(
            log, [f"{exc.filename}:{exc.lineno}: error: template: {exc.message}"])
    except (jinja2.TemplateError, ConfigError, OutputError) as exc:
        return settings.base_path, _failed(log, [f"error: {exc}"])
    for diagnostic in result.diagnostics:
        log(describe(diagnostic))
    if not result.ok:
        errors = [describe(d) for d in result.diagnostics if d.severity == "error"]
        return settings.base_path, _failed(log, errors, print_them=False)
    count = result.summary.articles if result.summary else 0
    log(f"built {count} articles in {result.seconds:.2f} s")
    return settings.base_path, ()


def _failed(log: Log, errors: list[str], print_them: bool = True) -> tuple[str, ...]:
    if print_them:
        for line in errors:
            log(line)
    log(f"build failed ({len(errors)} error{'s' * (len(errors) != 1)}); the browser shows "
        "the error page until you fix it")
    return tuple(errors)


def inject_reload(page: bytes, version: int) -> bytes:
    """Add the live-reload script before </body> (served pages only, never files on disk)."""
    script = (RELOAD_SCRIPT % (version, VERSION_PATH)).encode("utf-8")
    end = page.rfind(b"</body>")
    return page + script if end < 0 else page[:end] + script + page[end:]


def error_page(errors: tuple[str, ...]) -> bytes:
    return (ERROR_PAGE % html.escape("\n\n".join(errors))).encode("utf-8")


def make_handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "newsdigest-serve"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self.respond(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self.respond(send_body=False)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the terminal is for build messages

        def respond(self, send_body: bool) -> None:
            snapshot = preview.snapshot
            path = unquote(urlsplit(self.path).path)
            if path == VERSION_PATH:
                self.send(HTTPStatus.OK, str(snapshot.version).encode(), "text/plain", send_body)
                return
            base = snapshot.base_path
            if not path.startswith(base):
                if path == "/" or base.startswith(path.rstrip("/") + "/"):
                    self.redirect(base)
                else:
                    self.not_found(snapshot, send_body)
                return
            target = resolve(preview.site_dir, path[len(base):])
            if target is not None and target.is_dir():
                if not path.endswith("/"):
                    self.redirect(path + "/")
                    return
                target = target / "index.html"
            if snapshot.errors and (target is None or target.suffix in ("", ".html")
                                    or not target.is_file()):
                page = inject_reload(error_page(snapshot.errors), snapshot.version)
                self.send(HTTPStatus.INTERNAL_SERVER_ERROR, page, "text/html", send_body)
            elif target is not None and target.is_file():
                self.send_file(target, HTTPStatus.OK, snapshot, send_body)
            else:
                self.not_found(snapshot, send_body)

        def not_found(self, snapshot: Snapshot, send_body: bool) -> None:
            page = preview.site_dir / "404.html"
            if page.is_file():
                self.send_file(page, HTTPStatus.NOT_FOUND, snapshot, send_body)
            else:
                self.send(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain", send_body)

        def send_file(self, file: Path, status: HTTPStatus, snapshot: Snapshot,
                      send_body: bool) -> None:
            try:
                data = file.read_bytes()
            except OSError:  # swapped away by a rebuild: the browser will reload
                self.send(HTTPStatus.SERVICE_UNAVAILABLE, b"Rebuilding\n", "text/plain",
                          send_body)
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

    return Handler


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
    try:
        return _Server((HOST, port), make_handler(preview))
    except OSError as exc:
        raise ConfigError(f"cannot listen on {HOST}:{port} ({exc.strerror}); "
                          "pass another port with --port N") from None


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def watched(paths: Paths) -> list[Path]:
    candidates = (paths.content, paths.templates, paths.project / "pyproject.toml")
    return [p for p in candidates if p.exists()] or [paths.project]


def serve(paths: Paths, settings: Settings, port: int, log: Log, describe: Describe) -> int:
    """Build, serve and rebuild on every change until Ctrl-C (or SIGTERM); exit status 0."""
    with tempfile.TemporaryDirectory(prefix="newsdigest-serve-") as scratch:
        site_dir = Path(scratch) / "site"
        paths = replace(paths, output=site_dir)  # never the project's site/
        preview = Preview(site_dir, settings.base_path)
        server = start_server(port, preview)
        port = server.server_address[1]
        previous = signal.signal(signal.SIGTERM, _interrupt)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        try:
            preview.publish(*rebuild(paths, settings, port, log, describe))
            thread.start()
            log(f"serving http://{HOST}:{port}{preview.snapshot.base_path} (drafts and "
                "scheduled articles included); watching for changes, Ctrl-C to stop")
            for changes in watchfiles.watch(*watched(paths)):
                names = sorted({Path(name).name for _, name in changes})
                log(f"changed: {', '.join(names)}; rebuilding")
                preview.publish(*rebuild(paths, settings, port, log, describe))
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
            if thread.is_alive():
                server.shutdown()
            server.server_close()
    log("stopped")
    return 0
