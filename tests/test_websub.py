"""WebSub: every feed names the hub (read back with feedparser and json), and `newsdigest
ping` tells a hub (a stub on 127.0.0.1) about exactly the feeds whose bytes changed."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import pytest
from conftest import BASE_URL, make_project, run_here, site_files, write_article

HUB = "https://hub.example/"


def stories(project: Path) -> None:
    for name, country, tag in (
        ("rain", "India", "Weather"),
        ("vote", "Kenya", "Politics"),
        ("match", "Brazil", "Sport"),
    ):
        write_article(
            project,
            f"{name}.md",
            f"title: The {name}\ndate: 2025-06-2{len(name)}T10:00:00+00:00\n"
            f"country: {country}\ncredits:\n  author: Desk\ntags: [{tag}]",
        )


def build(project: Path, out: Path) -> None:
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr


def feeds_of(site: Path) -> dict[str, bytes]:
    return {
        p: data
        for p, data in site_files(site).items()
        if p.endswith(("feed.xml", "atom.xml", "feed.json"))
    }


def test_every_feed_names_the_hub(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", f'websub_hub = "{HUB}"\n')
    stories(project)
    build(project, tmp_path / "site")
    feeds = feeds_of(tmp_path / "site")
    rss = [p for p in feeds if p.endswith("feed.xml")]
    assert {"feed.xml", "digest/feed.xml", "tags/weather/feed.xml", "countries/ke/feed.xml"} <= set(
        rss
    )
    for path in [*rss, "atom.xml"]:
        parsed = feedparser.parse(feeds[path])
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        hubs = [link.href for link in parsed.feed.links if link.rel == "hub"]
        assert hubs == [HUB], path
        selves = [link.href for link in parsed.feed.links if link.rel == "self"]
        assert selves == [BASE_URL + path], path  # the topic URL a subscriber subscribes to
    assert parsed.feed.link == BASE_URL  # Atom's alternate link is still the home page
    assert feedparser.parse(feeds["feed.xml"]).feed.link == BASE_URL  # so is RSS's <link>
    assert json.loads(feeds["feed.json"])["hubs"] == [{"type": "WebSub", "url": HUB}]


def test_no_hub_no_hub_links(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    stories(project)
    build(project, tmp_path / "site")
    assert all(b"hub" not in data for data in feeds_of(tmp_path / "site").values())


def test_a_hub_that_is_not_a_web_address_is_a_settings_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", 'websub_hub = "hub.example"\n')
    result = run_here("build", cwd=project)
    assert result.returncode == 2
    assert "websub_hub" in result.stderr and "Traceback" not in result.stderr


class StubHub:
    """A WebSub hub on 127.0.0.1 that records each publish notification's form fields."""

    def __init__(self) -> None:
        self.received: list[dict[str, list[str]]] = []
        self.content_types: list[str] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers["Content-Length"])
                hub.content_types.append(self.headers["Content-Type"])
                hub.received.append(urllib.parse.parse_qs(self.rfile.read(length).decode()))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def feeds(self) -> list[str]:
        assert all(form["hub.mode"] == ["publish"] for form in self.received)
        assert set(self.content_types) <= {"application/x-www-form-urlencoded"}
        return sorted(url for form in self.received for url in form["hub.url"])


@pytest.fixture
def hub() -> Iterator[StubHub]:
    stub = StubHub()
    stub.thread.start()
    yield stub
    stub.server.shutdown()
    stub.server.server_close()


def ping(project: Path, out: Path) -> str:
    result = run_here("ping", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_ping_notifies_the_hub_of_exactly_the_feeds_whose_bytes_changed(
    tmp_path: Path, hub: StubHub
) -> None:
    project = make_project(tmp_path / "p", f'websub_hub = "{hub.url}"\n')
    stories(project)
    out = tmp_path / "site"
    build(project, out)
    first = feeds_of(out)
    ping(project, out)  # the first build: every feed is new
    assert hub.feeds() == sorted(BASE_URL + p for p in first)

    hub.received.clear()
    write_article(
        project,
        "vote.md",
        "title: The vote, counted\n"
        "date: 2025-06-24T10:00:00+00:00\ncountry: Kenya\ncredits:\n  author: Desk\n"
        "tags: [Politics]",
    )
    build(project, out)
    second = feeds_of(out)
    changed = sorted(BASE_URL + p for p in second if first.get(p) != second[p])
    assert BASE_URL + "tags/politics/feed.xml" in changed
    assert BASE_URL + "tags/sport/feed.xml" not in changed
    assert "notified" in ping(project, out)
    assert hub.feeds() == changed

    hub.received.clear()
    build(project, out)  # nothing changed
    assert "nothing to notify" in ping(project, out)
    assert hub.received == []


def test_a_fresh_output_folder_with_the_restored_cache_notifies_nothing(
    tmp_path: Path, hub: StubHub
) -> None:
    """As in CI: site/ is new on every run, the build cache is restored."""
    project = make_project(tmp_path / "p", f'websub_hub = "{hub.url}"\n')
    stories(project)
    out = tmp_path / "site"
    build(project, out)
    shutil.rmtree(out)
    build(project, out)
    assert "nothing to notify" in ping(project, out)
    assert hub.received == []


def test_ping_without_a_hub_does_nothing_and_without_a_build_says_what_to_do(
    tmp_path: Path, hub: StubHub
) -> None:
    project = make_project(tmp_path / "p")
    result = run_here("ping", cwd=project)  # the Pages workflow pings every site
    assert result.returncode == 0 and "no websub_hub setting" in result.stderr
    project = make_project(tmp_path / "q", f'websub_hub = "{hub.url}"\n')
    result = run_here("ping", cwd=project)
    assert result.returncode == 2 and "newsdigest build" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hub_that_refuses_is_reported_and_the_others_still_notified(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", 'websub_hub = "http://127.0.0.1:9/"\n')
    stories(project)
    build(project, tmp_path / "site")
    result = run_here("ping", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 1
    assert "could not reach the hub" in result.stderr and "Traceback" not in result.stderr
    assert "notified http://127.0.0.1:9/ of 0 of" in result.stdout


@pytest.mark.parametrize(
    ("hub", "why"),
    [
        ("http://127.0.0.1:9/", "nothing answers at that address (check websub_hub's address"),
        ("https://hub.invalid/", "its name does not resolve to an address (check the spelling"),
    ],
)
def test_a_hub_that_cannot_be_reached_is_one_error_in_words_not_refused(
    tmp_path: Path, hub: str, why: str
) -> None:
    """Nothing answered (tester5 F7): not "refused", no [Errno -2], one error for all the
    feeds (it would be the same for each), with what to do."""
    project = make_project(tmp_path / "p", f'websub_hub = "{hub}"\n')
    stories(project)
    build(project, tmp_path / "site")
    result = run_here("ping", "--output", str(tmp_path / "site"), cwd=project)
    feeds = len((tmp_path / "site.changed-feeds.txt").read_text().splitlines())
    assert result.returncode == 1 and feeds > 1
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors == [
        f"newsdigest: error: could not reach the hub {hub}: {why}" + errors[0].partition(why)[2]
    ]
    assert errors[0].endswith(f"; none of the {feeds} changed feeds was notified")
    assert "refused" not in result.stderr and "Errno" not in result.stderr
    assert "fix: run 'newsdigest ping' again once the hub can be reached" in result.stderr
    assert f"notified {hub} of 0 of {feeds} changed feeds" in result.stdout
