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
    reached: bool = True  # False: nothing answered (the feeds after it were not tried)


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
    """One publish notification per feed; every feed is tried, whatever the hub answered
    the others, until the hub cannot be reached at all: that answer is the last (the same
    would come for every feed), `reached` False."""
    answers = []
    for feed in feeds:
        body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": feed}).encode("ascii")
        try:
            status, reason = post(hub, body)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            why = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            answers.append(Answer(feed, False, unreachable(why), reached=False))
            break
        answers.append(Answer(feed, 200 <= status < 300, f"{status} {reason}".strip()))
    return answers


def unreachable(why: object) -> str:
    """Why the hub could not be reached, in words, with what to check."""
    import socket
    import ssl

    if isinstance(why, socket.gaierror):
        return (
            "its name does not resolve to an address (check the spelling of websub_hub in "
            "the settings, and that this computer is online)"
        )
    if isinstance(why, ConnectionRefusedError):
        return "nothing answers at that address (check websub_hub's address and port)"
    if isinstance(why, (TimeoutError, socket.timeout)):
        return f"it did not answer within {TIMEOUT:.0f} seconds (it may be down: try later)"
    if isinstance(why, ssl.SSLError):
        return f"its HTTPS certificate could not be checked ({getattr(why, 'reason', why)})"
    if isinstance(why, ValueError):
        return f"websub_hub is not a web address it can send to ({why})"
    text = getattr(why, "strerror", None) or str(why)
    return f"{text} (check websub_hub and this computer's network)"


def said(hub: str, answers: list[Answer], feeds: int) -> tuple[list[str], str]:
    """The error lines for the `feeds` not notified: one for each the hub refused, and one
    for all the rest when it could not be reached (the same for every feed); the count."""
    errors = [
        f"newsdigest: error: {hub} refused {a.feed}: {a.detail}"
        for a in answers
        if not a.ok and a.reached
    ]
    done = sum(a.ok for a in answers)
    if answers and not answers[-1].reached:
        left = feeds - len(answers) + 1
        errors.append(
            f"newsdigest: error: could not reach the hub {hub}: {answers[-1].detail}; "
            + (
                f"none of the {feeds} changed feeds was notified\n"
                if left == feeds
                else f"the other {left} changed feeds were not notified\n"
            )
            + "    fix: run 'newsdigest ping' again once the hub can be reached (the list "
            "of changed feeds stays until the next build)"
        )
    return errors, f"notified {hub} of {done} of {feeds} changed feeds"


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
