"""Search: Pagefind indexes the written site, offline, before it is published.

Pagefind (`pip install 'newsdigest[search]'`, the `pagefind[bin]` package) reads the built
HTML pages and writes a static search index and its UI into /pagefind/. It runs on
the staging directory, so the published site always has an index that matches its
pages. Only article pages are indexed (their `data-pagefind-body`). Without Pagefind
the build goes on without search, and the search page says so.
"""

from __future__ import annotations

import base64
import ctypes
import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from generator import interrupt
from generator.write.output import OutputError

SEARCH_OFF = "search is off: pip install 'newsdigest[search]'"


def _url_path(path: str) -> str:
    """The file path of a file: URL's path: urllib.request.url2pathname, without importing
    urllib.request (HTTP and TLS) for it."""
    if os.name == "nt":
        from nturl2path import url2pathname

        return url2pathname(path)
    return unquote(path)


def search_off() -> str:
    """The 'search is off' hint with the install command for the way newsdigest was installed:
    from a package index, or editable from a source tree (then that tree's extra)."""
    try:
        origin = json.loads(_direct_url() or "{}")
    except ValueError:
        return SEARCH_OFF
    if not isinstance(origin, dict):
        return SEARCH_OFF
    if not origin.get("dir_info", {}).get("editable"):
        return SEARCH_OFF
    tree = Path(_url_path(urlsplit(origin.get("url", "")).path))
    where = "." if tree == Path.cwd() else str(tree)
    return f"search is off: pip install -e '{where}[search]'"


def _direct_url() -> str | None:
    """The text of newsdigest's `direct_url.json` (PEP 610: how pip installed it), from
    the first `newsdigest-VERSION.dist-info` folder on sys.path, the one importlib.metadata
    finds (a source tree's own egg-info passed over: tests/test_search_hint.py); None when
    there is none or it has no such file. (The library would cost every build without
    search 6-8 CPU-ms at its end, mostly its import, against 0.3.)"""
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if name.startswith("newsdigest-") and name.endswith(".dist-info"):
                try:
                    return (folder / name / "direct_url.json").read_text(encoding="utf-8")
                except OSError:
                    return None
    return None


BUNDLE = "pagefind"  # the folder Pagefind writes under the site root


def pagefind_binary() -> Path | None:
    """The Pagefind executable of the `pagefind[bin]` package, or None when it is missing."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    try:
        found = get_executable()
    except (ImportError, OSError):
        return None
    if found is None or not found.is_file() or not os.access(found, os.X_OK):
        return None
    return found


def indexer() -> Callable[[Path], None] | None:
    """A function that indexes a written site directory, or None when search is off."""
    binary = pagefind_binary()
    if binary is None:
        return None

    def index_site(site_dir: Path) -> None:
        run_pagefind(binary, site_dir)

    return index_site


_PR_SET_PDEATHSIG = 1


def _die_with_the_build() -> None:
    """In Pagefind's process: end it when the build that started it dies (Linux), and
    let Ctrl-C reach it again (it was forked with SIGINT held back: `interrupt.held`).

    Otherwise a killed build would leave Pagefind writing into a staging folder.
    """
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    interrupt.unblock()


def run_pagefind(binary: Path, site_dir: Path) -> None:
    """Write the search index into site_dir/pagefind/; an OutputError if Pagefind fails.

    Pagefind's service (`pagefind --service`: base64 JSON messages ended by a comma, on
    stdin and stdout) is given every HTML page in sorted path order: `pagefind --site` takes
    them in the order the file system lists them, which on tmpfs or btrfs is creation order,
    so an incremental build's index would differ by bytes from a clean build's.
    """
    with tempfile.TemporaryFile() as errors:
        try:
            with interrupt.held():  # a Ctrl-C waits until the fork's clean-up has run
                service = subprocess.Popen(
                    [str(binary), "--service"],
                    cwd=site_dir,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=errors,
                    preexec_fn=_die_with_the_build,
                )
        except OSError as exc:
            raise OutputError(f"search index: cannot run {binary}: {exc.strerror}") from None
        try:
            _index_pages(_Service(service), site_dir)
            failed = ""
        except _ServiceError as exc:
            failed = str(exc)
        finally:
            service.kill()
            service.wait()
        if failed:
            errors.seek(0)
            said = errors.read().decode(errors="replace").strip().splitlines()
            why = said[-1] if failed == STOPPED and said else failed
            raise OutputError(
                f"search index: pagefind failed ({why}); the published site is unchanged"
            )
    _stable_entry(site_dir / BUNDLE / ENTRY)


def _index_pages(service: _Service, site_dir: Path) -> None:
    """Add site_dir's HTML pages (not Pagefind's own folder) in sorted path order, then
    write the bundle Pagefind made into site_dir/pagefind/."""
    index = service.ask({"type": "NewIndex", "config": None})["index_id"]
    found = (page.relative_to(site_dir) for page in site_dir.rglob("*.html") if page.is_file())
    pages = sorted(page.as_posix() for page in found if page.parts[0] != BUNDLE)
    for page in pages:
        text = (site_dir / page).read_text(encoding="utf-8", errors="replace")
        service.ask(
            {"type": "AddFile", "index_id": index, "file_path": page, "file_contents": text}
        )
    # Pagefind's own WriteFiles answers before its files are on disk: written here instead.
    bundle = (site_dir / BUNDLE).resolve()
    for made in service.ask({"type": "GetFiles", "index_id": index})["files"]:
        target = bundle / made["path"]
        if bundle not in target.resolve().parents:
            raise _ServiceError(f"it made a file outside {BUNDLE}/: {made['path']}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(made["content"]))


STOPPED = "it stopped"


class _ServiceError(Exception):
    """Pagefind's service answered with an error, or ended."""


class _Service:
    """One request at a time to a running `pagefind --service`."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.sent = 0

    def ask(self, payload: dict[str, object]) -> dict[str, Any]:
        """Send one request and return its answer's payload; a _ServiceError for an error."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}).encode()
        try:
            self.process.stdin.write(base64.b64encode(message) + b",")
            self.process.stdin.flush()
        except OSError:
            raise _ServiceError(STOPPED) from None
        answer = bytearray()
        while not answer.endswith(b","):
            chunk = os.read(self.process.stdout.fileno(), 65536)
            if not chunk:
                raise _ServiceError(STOPPED)
            answer += chunk
        reply = json.loads(base64.b64decode(answer[:-1]))["payload"]
        if reply.get("type") == "Error":
            raise _ServiceError(str(reply.get("message", "error")))
        return cast(dict[str, Any], reply)


ENTRY = "pagefind-entry.json"  # Pagefind's list of the index's languages


def _stable_entry(path: Path) -> None:
    """List the languages of Pagefind's entry file in one order: Pagefind writes them in
    whatever order its hash map gives, so two builds of one site would differ by bytes."""
    try:
        entry = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return
    if not isinstance(entry, dict) or not isinstance(entry.get("languages"), dict):
        return
    entry["languages"] = dict(sorted(entry["languages"].items()))
    path.write_bytes(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode())
