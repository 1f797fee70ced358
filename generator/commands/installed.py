"""How the running newsdigest was installed, and the pip requirement that installs the same
newsdigest on a GitHub Actions runner (the workflows `init` writes).

PEP 610 (Recording the Direct URL Origin of installed distributions): pip writes
`direct_url.json` into the installed distribution's metadata when it installed from a URL,
a folder or a file, and none when it installed from the package index. So:

- no direct_url.json: from the index (PyPI): `newsdigest==VERSION`;
- a git URL (`vcs_info`, not `file:`): `newsdigest @ git+URL@COMMIT`, the very commit;
- an archive at an http(s) URL: `newsdigest @ URL`;
- a local folder or file (`dir_info`, a `file:` URL), or no installed distribution at
  all (run from a source tree; its egg-info has no INSTALLER file, which installers
  write): runners cannot reach it, so the workflows keep the index
  line and `warning` says what to change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator import __version__


@dataclass(frozen=True, slots=True)
class Source:
    """Where the workflows install newsdigest from: `url` (None: the package index, at
    this version) and, when that is not where this newsdigest came from, a warning."""

    url: str | None = None
    warning: str | None = None

    def requirement(self, extra: str = "") -> str:
        """'newsdigest[search]==0.1.0' or 'newsdigest[search] @ git+https://...@3f8a...'."""
        if self.url is None:
            return f"newsdigest{extra}=={__version__}"
        return f"newsdigest{extra} @ {self.url}"


def running() -> Source:
    """The Source of the newsdigest that is running (its installed distribution)."""
    try:
        found = metadata.distribution("newsdigest")
    except metadata.PackageNotFoundError:
        found = None
    recorded = found.read_text("direct_url.json") if found is not None else None
    if found is None or (recorded is None and found.read_text("INSTALLER") is None):
        # no installer's record: the metadata of a source tree (setup.py's egg-info)
        tree = Path(__file__).resolve().parent.parent.parent.as_posix()
        return Source(warning=_local_warning(f"the source folder {tree}"))
    return from_direct_url(recorded)


def from_direct_url(recorded: str | None) -> Source:
    """The Source for a distribution whose direct_url.json holds `recorded` (None: none)."""
    if recorded is None:
        return Source()
    try:
        data = json.loads(recorded)
    except ValueError:
        data = {}
    url = str(data.get("url", "")) if isinstance(data, dict) else ""
    vcs = data.get("vcs_info") if isinstance(data, dict) else None
    remote = url.startswith(("https://", "http://", "ssh://", "git://"))
    if remote and isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return Source(url=f"git+{url}@{vcs['commit_id']}")
    if remote and isinstance(data, dict) and "archive_info" in data:
        return Source(url=url)
    where = url.removeprefix("file://") or "a copy on this computer"
    return Source(warning=_local_warning(where))


def _local_warning(where: str) -> str:
    return (
        f"the workflows install newsdigest {__version__} from the package index (PyPI), "
        f"but this newsdigest was installed from {where}, which GitHub's runners cannot "
        f"reach. If `pip index versions newsdigest` does not list {__version__}, the first "
        "publish fails at its install step: change the `pip install` lines in "
        ".github/workflows/pages.yml and pr.yml (and README.md) to a git repository of "
        'newsdigest the runners can fetch, pip install "newsdigest @ '
        'git+https://github.com/OWNER/REPO@TAG", or install newsdigest that way here '
        "and run init in a new folder"
    )
