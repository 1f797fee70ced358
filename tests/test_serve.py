"""`newsdigest serve` as a real process: pages over HTTP, live rebuilds, the error page."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import REPO, make_project, run_here, write_article

ARTICLE = """\
title: {title}
date: {date}
country: India
credits:
  author: Desk
tags: [Weather]"""
RELOAD_MARK = "__newsdigest/version"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    """(status, body) of a GET; (0, '') while nothing listens yet."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


class Server:
    def __init__(self, process: subprocess.Popen[str], log: Path, port: int) -> None:
        self.process, self.log, self.port = process, log, port

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def wait_for(self, path: str, accept: Callable[[int, str], bool], what: str) -> str:
        """Fetch `path` until `accept(status, body)`; give up after a generous bound."""
        deadline = time.monotonic() + 30
        status, body = 0, ""
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            status, body = fetch(self.url(path))
            if accept(status, body):
                return body
            time.sleep(0.1)
        pytest.fail(f"{what}: last answer {status}\n{body[:500]}\nlog:\n{self.log.read_text()}")

    def wait_said(self, text: str) -> str:
        """serve's output once it holds `text`, or as it is after a generous bound."""
        deadline = time.monotonic() + 30
        while text not in (said := self.log.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        return said


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    write_article(
        root, "2025/06/rain.md", ARTICLE.format(title="Rain arrives", date="2025-06-02T10:00:00Z")
    )
    write_article(
        root,
        "2025/06/plan.md",
        ARTICLE.format(title="Storm plan", date="2025-06-01T10:00:00Z") + "\ndraft: true",
    )
    return root


def ignore_ctrl_c() -> None:
    """In the child: SIGINT ignored, as a shell script's `newsdigest serve &` (or a CI
    runner, or a test suite run in the background) starts it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_serve(project: Path, ctrl_c_ignored: bool = False) -> Server:
    port = free_port()
    log = project.parent / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", str(port)],
            cwd=project,
            stdout=out,
            stderr=out,
            text=True,
            preexec_fn=ignore_ctrl_c if ctrl_c_ignored else None,
        )
    return Server(process, log, port)


def stop_serve(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    running = start_serve(project)
    try:
        yield running
    finally:
        stop_serve(running)


def test_serve_previews_rebuilds_and_recovers(project: Path, server: Server) -> None:
    article = "/sub/2025/06/02/rain/"
    page = server.wait_for(article, lambda s, b: s == 200, "the article is served")
    assert "Rain arrives" in page and RELOAD_MARK in page
    assert (
        server.wait_for("/", lambda s, b: s == 200, "/ leads to the base path")
        == fetch(server.url("/sub/"))[1]
    )
    draft = server.wait_for("/sub/2025/06/01/plan/", lambda s, b: s == 200, "drafts are shown")
    assert 'class="draft-flag"' in draft
    status, missing = fetch(server.url("/sub/no/such/page/"))
    assert status == 404 and "Page not found" in missing

    source = project / "content" / "2025" / "06" / "rain.md"
    source.write_text(source.read_text().replace("Rain arrives", "Monsoon arrives"))
    page = server.wait_for(article, lambda s, b: "Monsoon arrives" in b, "the edit shows")
    assert "Rain arrives" not in page

    source.write_text(source.read_text().replace("2025-06-02T10:00:00Z", "2025-02-30T10:00"))
    message = "content/2025/06/rain.md:3: error: date: 2025-02-30 is not a real date"
    error = server.wait_for(
        article, lambda s, b: s == 500 and message in b, "a broken article shows an error page"
    )
    assert "Build failed" in error
    assert RELOAD_MARK in error
    # Themed like the site, and quoting the line at fault with its number.
    assert 'class="masthead"' in error and "Test Desk" in error
    assert '<span class="line-number">3</span><mark>date: 2025-02-30T10:00</mark>' in error
    status, home = fetch(server.url("/sub/"))
    assert status == 500 and "rain.md:3" in home  # every page, until it is fixed

    source.write_text(source.read_text().replace("2025-02-30T10:00", "2025-06-02T10:00:00Z"))
    page = server.wait_for(article, lambda s, b: s == 200, "a fixed article recovers")
    assert "Monsoon arrives" in page
    assert "rain.md:3: error" in server.log.read_text()  # the terminal showed it too

    assert not (project / "site").exists()  # serve never writes the project's site/
    server.process.terminate()
    assert server.process.wait(timeout=20) == 0


def test_a_yaml_tag_in_an_edited_article_shows_the_error_page_not_a_crash(
    project: Path, server: Server
) -> None:
    """`title: !!int 2025 budget` made PyYAML raise inside serve, which died: now the
    "Build failed" page names the line, and the server recovers after the fix."""
    article = "/sub/2025/06/02/rain/"
    server.wait_for(article, lambda s, b: s == 200, "the article is served")
    source = project / "content" / "2025" / "06" / "rain.md"
    source.write_text(source.read_text().replace("Rain arrives", "!!int 2025 budget"))
    message = "content/2025/06/rain.md:2: error: the value of &#39;title:&#39; starts with"
    error = server.wait_for(article, lambda s, b: s == 500 and message in b, "the error page")
    assert "Build failed" in error and "Traceback" not in server.log.read_text()
    source.write_text(source.read_text().replace("!!int 2025 budget", '"!!int 2025 budget"'))
    page = server.wait_for(article, lambda s, b: s == 200, "the fixed article")
    assert "!!int 2025 budget" in page


def test_built_site_carries_no_reload_script(project: Path) -> None:
    out = project.parent / "site"
    result = run_here("build", "--drafts", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    pages = list(out.rglob("*.html"))
    assert pages
    assert not [p for p in pages if RELOAD_MARK in p.read_text(encoding="utf-8")]


def replace_file(path: Path, text: str) -> None:
    """Save as many editors and `sed -i` do: write a new file, rename it over the old one."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_serve_follows_settings_files_saved_by_replacing_them(
    project: Path, server: Server
) -> None:
    home = "/sub/"
    server.wait_for(home, lambda s, b: s == 200, "the site is served")
    settings = project / "pyproject.toml"
    good = settings.read_text(encoding="utf-8")
    broken = good.replace("items_per_page = 2", 'items_per_page = "two"')
    number = broken.splitlines().index('items_per_page = "two"') + 1

    replace_file(settings, broken)
    message = f"pyproject.toml:{number}: error: items_per_page must be a whole number"
    page = server.wait_for(
        home, lambda s, b: s == 500 and message in b, "a broken setting shows the error page"
    )
    assert (
        f'<span class="line-number">{number}</span><mark>items_per_page = &#34;two&#34;</mark>'
    ) in page
    assert f'<span class="line-number">{number - 1}</span>timezone = &#34;UTC&#34;' in page
    assert 'class="masthead"' in page and "Test Desk" in page  # the last good settings
    css = page.split('<link rel="stylesheet" href="')[1].split('"')[0]
    assert fetch(server.url(css))[0] == 200
    assert message in server.log.read_text()

    replace_file(settings, good)  # fixed: the site is back
    server.wait_for(home, lambda s, b: s == 200 and "Rain arrives" in b, "the fix is noticed")
    replace_file(settings, good.replace("Test Desk", "Evening Desk"))  # and again, and again
    server.wait_for(
        home, lambda s, b: s == 200 and "Evening Desk" in b, "every later save is noticed too"
    )

    # The settings move to newsdigest.toml, saved the same way: watched just as well.
    own = project / "newsdigest.toml"
    table = good.split("[tool.newsdigest]\n", 1)[1]
    replace_file(own, table.replace('"UTC"', '"Mars/Base"'))
    server.wait_for(
        home, lambda s, b: s == 500 and "settings are in both" in b, "newsdigest.toml is noticed"
    )
    replace_file(settings, "[project]\nname = 'desk'\n")
    number = table.splitlines().index('timezone = "Mars/Base"'.replace("Mars/Base", "UTC")) + 1
    page = server.wait_for(
        home, lambda s, b: s == 500 and "Mars/Base" in b, "a broken newsdigest.toml is quoted"
    )
    assert f"newsdigest.toml:{number}: error:" in page
    assert (
        f'<span class="line-number">{number}</span><mark>timezone = &#34;Mars/Base&#34;</mark>'
    ) in page
    replace_file(own, table)
    server.wait_for(home, lambda s, b: s == 200 and "Test Desk" in b, "and its fix")


def test_serve_error_page_before_any_build_worked(project: Path) -> None:
    """The first build fails: the themed page still has its style sheet, and a broken
    template override is quoted on a plain page (the theme cannot render it)."""
    source = project / "content" / "2025" / "06" / "rain.md"
    good = source.read_text()
    source.write_text(good.replace("2025-06-02T10:00:00Z", "2025-02-30T10:00"))
    server = start_serve(project)
    try:
        page = server.wait_for("/sub/", lambda s, b: s == 500, "the error page")
        assert "content/2025/06/rain.md:3: error" in page and 'class="masthead"' in page
        css = page.split('<link rel="stylesheet" href="')[1].split('"')[0]
        status, style = fetch(server.url(css))
        assert status == 200 and ".masthead" in style

        source.write_text(good)
        (project / "templates").mkdir(exist_ok=True)
        (project / "templates" / "base.html").write_text(
            "<!DOCTYPE html>\n<title>{{ settings.title }}</title>\n{% if %}\n"
        )
        page = server.wait_for(
            "/sub/", lambda s, b: s == 500 and "base.html:3" in b, "a broken template is reported"
        )
        assert "templates/base.html:3: error: template:" in page
        assert "&gt;    3 | {% if %}" in page
    finally:
        stop_serve(server)


def test_serve_started_on_broken_settings_shows_the_error_page_until_the_fix(
    project: Path,
) -> None:
    """As when settings break while serving: the themed error page quoting the line, and
    the site as soon as the file is fixed."""
    settings = project / "pyproject.toml"
    good = settings.read_text(encoding="utf-8")
    settings.write_text(good.replace("items_per_page = 2", 'items_per_page = "two"'))
    number = good.splitlines().index("items_per_page = 2") + 1
    message = f"pyproject.toml:{number}: error: items_per_page must be a whole number, not"
    server = start_serve(project)
    try:
        page = server.wait_for("/", lambda s, b: s == 500, "the error page")
        assert message in page and "Build failed" in page
        assert f'<span class="line-number">{number}</span><mark>items_per_page' in page
        assert message in server.log.read_text()
        replace_file(settings, good)
        page = server.wait_for(
            "/sub/2025/06/02/rain/", lambda s, b: s == 200, "the fixed settings bring the site"
        )
        assert "Rain arrives" in page and "Test Desk" in page
    finally:
        stop_serve(server)


def test_serve_error_page_names_the_line_of_a_template_that_fails_while_making_a_page(
    project: Path, server: Server
) -> None:
    """An error raised while a template runs (not a syntax error): its file and line on the
    terminal and on the error page, the line quoted; the preview comes back on the fix."""
    server.wait_for("/sub/", lambda s, b: s == 200, "the preview works")
    partials = project / "templates" / "partials"
    partials.mkdir(parents=True)
    (partials / "extra.html").write_text("<p>\n{{ 1/0 }}\n</p>\n")
    theme = Path(__file__).resolve().parent.parent / "generator" / "theme" / "base.html"
    (project / "templates" / "base.html").write_text(
        theme.read_text().replace("</body>", '{% include "partials/extra.html" %}\n</body>')
    )
    message = "templates/partials/extra.html:2: error: this template failed while making /sub/"
    page = server.wait_for(
        "/sub/", lambda s, b: s == 500 and "extra.html:2" in b, "the failing template is named"
    )
    assert message in page and "ZeroDivisionError: division by zero" in page
    assert "&gt;    2 | {{ 1/0 }}" in page  # a plain page: the site's base.html is at fault
    assert "Traceback" not in page
    log = server.log.read_text()
    assert message in log and "Traceback" not in log
    (partials / "extra.html").write_text("<p>fine</p>\n")
    server.wait_for("/sub/", lambda s, b: s == 200 and "<p>fine</p>" in b, "and its fix")


def test_serve_counts_in_words_and_quotes_a_utf16_file_as_text(tmp_path: Path) -> None:
    """`built 1 article`, not `1 articles`; a story saved as UTF-16 ("Unicode" in Notepad)
    is quoted on the error page as the text it holds, with no NUL bytes in the HTML."""
    project = make_project(tmp_path / "project")
    write_article(
        project,
        "2025/06/rain.md",
        ARTICLE.format(title="Rain arrives", date="2025-06-02T10:00:00Z"),
    )
    server = start_serve(project)
    try:
        server.wait_for("/sub/2025/06/02/rain/", lambda s, b: s == 200, "the article")
        assert "built 1 article in " in server.log.read_text()
        story = "---\n" + ARTICLE.format(title="Tide tables", date="2025-06-03T10:00:00Z")
        saved = project / "content" / "2025" / "06" / "tide.md"
        saved.write_bytes((story + "\n---\nBody.\n").encode("utf-16"))
        page = server.wait_for(
            "/sub/", lambda s, b: s == 500 and "tide.md:1" in b, "the error page"
        )
        assert "\x00" not in page and "\ufffd" not in page
        assert "<mark>---</mark>" in page and "title: Tide tables" in page
    finally:
        stop_serve(server)


def assert_ctrl_c_stops(server: Server) -> None:
    """SIGINT: `stopped` and status 0, well before the 20 s a waiting user would give up."""
    server.process.send_signal(signal.SIGINT)
    try:
        assert server.process.wait(timeout=20) == 0, server.log.read_text()
    finally:
        stop_serve(server)
    said = server.log.read_text()
    assert said.endswith("stopped\n") and "interrupted" not in said and "Traceback" not in said


def test_ctrl_c_is_how_serve_ends_stopped_and_status_0_as_readme_says(project: Path) -> None:
    """A preview server's normal end is Ctrl-C (as `python -m http.server`, `hugo server`):
    `stopped` and 0, so `make preview` does not report an error; README says the same
    where it gives every command's 130 for Ctrl-C. Also with a browser's connection open
    (an idle one and one halfway through its request), during a rebuild, and when serve
    was started with SIGINT ignored (a script's `newsdigest serve &`, a CI runner): that
    left Ctrl-C doing nothing, and the test waited 20 s for serve."""
    server = start_serve(project, ctrl_c_ignored=True)
    try:
        server.wait_for("/sub/", lambda s, b: s == 200, "the home page")
        idle = socket.create_connection(("127.0.0.1", server.port))
        halfway = socket.create_connection(("127.0.0.1", server.port))
        halfway.sendall(b"GET /sub/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        source = project / "content" / "2025" / "06" / "rain.md"
        source.write_text(source.read_text().replace("Rain arrives", "Monsoon arrives"))
        server.wait_said("rebuilding")
        with idle, halfway:
            assert_ctrl_c_stops(server)  # while rebuilding, or just after on a fast machine
    finally:
        stop_serve(server)
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "except `serve`, whose normal end is Ctrl-C: it prints `stopped` and exits 0" in readme


def test_ctrl_c_stops_serve_during_its_first_build(project: Path) -> None:
    """Once serve listens (before its first build ends), Ctrl-C already ends it with
    `stopped` and 0, as README says, even with SIGINT ignored by whoever started it."""
    server = start_serve(project, ctrl_c_ignored=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.process.poll() is None, server.log.read_text()
        with contextlib.suppress(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", server.port)).close()
            break
        time.sleep(0.02)
    assert_ctrl_c_stops(server)


def test_serve_build_and_check_count_a_settings_warning_as_a_warning(
    project: Path, server: Server
) -> None:
    """Tester T6: with one settings error and one settings warning, serve said "build
    failed (2 errors)", and build and check gave no count line at all. All three now
    count them as a content problem is counted: "1 error, 1 warning"."""
    server.wait_for("/sub/", lambda s, b: s == 200, "the site is served")
    settings = project / "pyproject.toml"
    good = settings.read_text(encoding="utf-8")
    broken = good.replace("Test Desk", "Test <Daily>").replace("= 2", '= "x"')
    replace_file(settings, broken)
    server.wait_for("/sub/", lambda s, b: s == 500, "the error page")
    said = server.wait_said("build failed (")
    assert "build failed (1 error, 1 warning); the browser shows" in said, said
    for command in ("check", "build"):
        ran = run_here(command, cwd=project)
        assert ran.returncode == 2, ran.stderr
        assert ran.stderr.splitlines()[-1] == "1 error, 1 warning", ran.stderr
    github = run_here("check", "--format", "github", cwd=project)
    assert github.stdout.splitlines()[-1] == "1 error, 1 warning", github.stdout
    replace_file(settings, good.replace("Test Desk", "Test ‹Daily›"))
    ran = run_here("check", cwd=project)
    assert ran.returncode == 0 and "warning" not in ran.stdout + ran.stderr, ran.stdout
