"""Search: Pagefind indexes the written site, offline, before it is published.

Pagefind (`pip install 'newsdigest[search]'`, the `pagefind[bin]` package) reads the built
HTML pages and writes a static search index and its UI into /pagefind/. It runs on
the staging directory, so the published site always has an index that matches its
pages. Only article pages are indexed (their `data-pagefind-body`). Without Pagefind
the build goes on without search, and the search page says so.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

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
    from importlib import metadata  # read only when search is off

    try:
        found = metadata.distribution("newsdigest").read_text("direct_url.json")
        origin = json.loads(found or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        return SEARCH_OFF
    if not origin.get("dir_info", {}).get("editable"):
        return SEARCH_OFF
    tree = Path(_url_path(urlsplit(origin.get("url", "")).path))
    where = "." if tree == Path.cwd() else str(tree)
    return f"search is off: pip install -e '{where}[search]'"


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
    """In Pagefind's process: end it when the build that started it dies (Linux).

    Otherwise a killed build would leave Pagefind writing into a staging folder.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def run_pagefind(binary: Path, site_dir: Path) -> None:
    """Write the search index into site_dir/pagefind/; an OutputError if Pagefind fails."""
    try:
        done = subprocess.run(
            [str(binary), "--site", str(site_dir), "--output-subdir", BUNDLE, "--silent"],
            capture_output=True,
            text=True,
            check=False,
            preexec_fn=_die_with_the_build if sys.platform == "linux" else None,
        )
    except OSError as exc:
        raise OutputError(f"search index: cannot run {binary}: {exc.strerror}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise OutputError(
            f"search index: pagefind failed ({detail[-1] if detail else done.returncode}); "
            "the published site is unchanged"
        )
    _stable_entry(site_dir / BUNDLE / ENTRY)


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
