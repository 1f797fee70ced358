"""The Nu Html Checker (vnu.jar, the W3C's HTML checker) as one web service for a test run.

Each run of `java -jar vnu.jar` spends about a CPU-second starting Java and compiling the
HTML schemas before it reads the first page. Its web service
(`java -cp vnu.jar nu.validator.servlet.Main PORT`) pays that once: the first test
worker that checks a page starts it (under a lock in the run's shared folder, as
`conftest.made_once`), every worker then posts its pages to it (`?out=json`, each page
with Content-Type text/html; charset=utf-8) and reads the same messages the command line
prints. A small keeper process ends the service when the test run's process ends,
however it ends. The messages on each page are kept for the run by the SHA-256 of its bytes
(`known`): a page another test (or worker) already had checked byte for byte, as most pages
of a site built twice with one story more, is not posted again.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The JVM's quick compiler only and one garbage-collector thread: a checker that runs
# for seconds spends less than half the CPU time, and checks the same.
JAVA_QUICK = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
# The service refuses a page over 2 MB ("Resource size exceeds limit"); the command line
# checks a page of any size.
NO_LIMIT = ("-Dnu.validator.servlet.max-file-size=2147483647",)
HTML = (".html", ".htm", ".xhtml", ".xht")  # what the command line's --skip-non-html keeps
STARTING = 180  # seconds the service may take to answer its first request (a loaded machine)

# Run by `python -I -S -c` in a session of its own: the command argv[2:] (the service),
# killed when the process argv[1] (the test run) is gone.
_KEEPER = r"""
import os, subprocess, sys, time
owner, service = int(sys.argv[1]), subprocess.Popen(sys.argv[2:])
while service.poll() is None:
    try:
        os.kill(owner, 0)
    except ProcessLookupError:
        service.kill()
    time.sleep(0.5)
"""


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return bool(answer.status == 200)
    except (OSError, urllib.error.URLError):
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(java: str, shared: Path) -> str:
    """Start the service (with its keeper) and wait until it answers; its URL."""
    owner = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
    for _ in range(3):  # another process may take the free port before Java does
        port = _free_port()
        command = [java, *JAVA_QUICK, *NO_LIMIT, "-cp", str(VNU), "nu.validator.servlet.Main"]
        command.append(str(port))
        with open(shared / "nu-checker.log", "ab") as log:
            keeper = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _KEEPER, str(owner), *command],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + STARTING
        while keeper.poll() is None and time.monotonic() < deadline:
            if _answers(url):
                return url
            time.sleep(0.2)
        keeper.kill()
    log_text = (shared / "nu-checker.log").read_text(errors="replace")[-2000:]
    pytest.fail(f"the Nu Html Checker's web service did not start:\n{log_text}")


def service(shared: Path) -> str:
    """The URL of the run's Nu checker service, started by the first worker asking.
    Skips the test with the install command when Java or the checker is missing."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is missing: apt-get install default-jre-headless")
    if not VNU.is_file():
        pytest.skip(f"the Nu Html Checker is missing at {VNU}: run `npm install`")
    with open(shared / "nu-checker.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        known = shared / "nu-checker.url"
        with contextlib.suppress(FileNotFoundError):
            if _answers(url := known.read_text()):
                return url
        url = _start(java, shared)
        known.write_text(url)
        return url


def _pages(targets: tuple[Path, ...]) -> list[Path]:
    """The HTML files among `targets` and in the folders among them, as the command line
    with --skip-non-html finds them."""
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            found += sorted(p for p in target.rglob("*") if p.suffix in HTML and p.is_file())
        elif target.suffix in HTML:
            found.append(target)
    return found


def _messages(url: str, page: Path, known: Path | None) -> list[dict[str, Any]]:
    """The service's messages on `page`; with `known`, a folder of the messages already
    found on other pages, each file named by the SHA-256 of the page's bytes: those of a
    page with the same bytes are read from there, and a page's new ones are added."""
    data = page.read_bytes()
    kept = known / f"{hashlib.sha256(data).hexdigest()}.json" if known else None
    if kept is not None:
        with contextlib.suppress(FileNotFoundError):
            return list(json.loads(kept.read_bytes()))
    request = urllib.request.Request(
        url + "?out=json",
        data=data,
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    with urllib.request.urlopen(request, timeout=600) as answer:
        messages = list(json.loads(answer.read())["messages"])
    if kept is not None:  # whole or not at all for a reader in another test worker
        # one writer's own file: pages with the same bytes are checked in this process's
        # threads at once too (the pool below), each writing the same name
        partial = kept.with_name(f"{kept.stem}.{os.getpid()}-{threading.get_ident()}.part")
        partial.write_text(json.dumps(messages), encoding="utf-8")
        partial.replace(kept)
    return messages


def errors(
    url: str, root: Path, targets: tuple[Path, ...], known: Path | None = None
) -> tuple[list[str], int]:
    """The checker's errors on the HTML files `targets` (files or folders), each as
    'PATH:LINE: message' with PATH after `root` (a page it could not read among them),
    and the command line's exit status for them (1 when any page has an error, else 0).
    With `known`, the messages on pages already checked are kept in that folder, by the
    SHA-256 of the page's bytes (`_messages`)."""
    pages = _pages(targets)
    if known is not None:
        known.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda page: _messages(url, page, known), pages))
    found = [
        f"{str(page).rsplit(str(root), 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for page, messages in zip(pages, answers, strict=True)
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    return found, int(bool(found))
