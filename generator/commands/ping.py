"""`newsdigest ping`: tell the WebSub hub which feeds changed in the last build.

The build writes the absolute URLs of the feeds whose bytes changed, one a line, to
`OUTPUT.changed-feeds.txt` beside the output folder (so it is never published). A feed
counts as changed when its bytes differ from those the previous build wrote to the same
output folder, as recorded in the build cache (without that record, every feed counts).
`ping` sends the hub one publish notification per listed feed: an HTTP POST with the
form body `hub.mode=publish&hub.url=FEED` (application/x-www-form-urlencoded), the
convention of WebSub hubs (W3C WebSub leaves publishing to the hub; PubSubHubbub 0.4
and the hubs in use take this form). A 2xx answer is success.
"""

from __future__ import annotations

import argparse
import urllib.error
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.write.target import through_link

SUFFIX = ".changed-feeds.txt"
TIMEOUT = 30.0  # seconds per request


def changed_list(output: Path) -> Path:
    """Where the build writes the changed feeds of `output`: beside it, not in it (beside
    the folder it points to when `output` is a symbolic link, as the build writes there)."""
    output = through_link(output)
    return output.with_name(output.name + SUFFIX)


def write_changed(output: Path, feed_urls: Iterable[str]) -> None:
    target = changed_list(output)
    text = "".join(f"{url}\n" for url in feed_urls)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)


def read_changed(output: Path) -> list[str] | None:
    """The feed URLs the last build listed; None when no build wrote a list."""
    try:
        text = changed_list(output).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return [line.strip() for line in text.splitlines() if line.strip()]


def changed_paths(digests: dict[str, str], before: object) -> list[str]:
    """The feed files (output paths) whose digest differs from the last build's record."""
    old = before if isinstance(before, dict) else {}
    return sorted(path for path, value in digests.items() if old.get(path) != value)


@dataclass(frozen=True, slots=True)
class Answer:
    feed: str
    ok: bool
    detail: str  # "204 No Content", or why the request failed


Post = Callable[[str, bytes], tuple[int, str]]  # (url, form body) -> (status, reason)


def _post(url: str, body: bytes) -> tuple[int, str]:
    import urllib.request  # HTTP and TLS: imported by `ping` alone, not by every build

    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "newsdigest-ping",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return response.status, response.reason
    except urllib.error.HTTPError as exc:
        return exc.code, str(exc.reason)


def notify(hub: str, feeds: Iterable[str], post: Post = _post) -> list[Answer]:
    """One publish notification per feed; every feed is tried, whatever the others got."""
    answers = []
    for feed in feeds:
        body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": feed}).encode("ascii")
        try:
            status, reason = post(hub, body)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            why = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            answers.append(Answer(feed, False, f"could not reach the hub: {why}"))
            continue
        answers.append(Answer(feed, 200 <= status < 300, f"{status} {reason}".strip()))
    return answers


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], site_help: str
) -> None:
    """The `ping` command's arguments."""
    ping = commands.add_parser(
        "ping",
        help="tell the WebSub hub which feeds changed",
        description="Send the websub_hub setting's hub a publish "
        "notification for each feed whose bytes the last build changed "
        "(listed in OUTPUT.changed-feeds.txt). Run it after deploying.",
    )
    ping.add_argument(
        "--output",
        metavar="DIR",
        type=Path,
        default=Path("site"),
        help="the folder the site was built into (default: site/)",
    )
    ping.add_argument("--site", metavar="DIR", type=Path, default=argparse.SUPPRESS, help=site_help)
