"""The 'search is off' hint names the install command for the way newsdigest was installed,
from its direct_url.json (PEP 610). write/search.py finds that file itself rather than
through importlib.metadata (whose import costs a build without search 6-8 CPU-ms at its
end, against 0.3): these tests hold it to the library's answer."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest

from generator.write.search import SEARCH_OFF, _direct_url, search_off


def _library() -> str | None:
    """direct_url.json of the first newsdigest distribution importlib.metadata finds on
    sys.path that an installer wrote (a `.dist-info` folder; a source tree's own
    `newsdigest.egg-info`, which `pip install -e` leaves in the tree, records no install
    and is passed over, so that `python -m generator` run in the tree names the tree)."""
    for found in metadata.distributions(name="newsdigest"):
        if str(getattr(found, "_path", "")).endswith(".dist-info"):
            return found.read_text("direct_url.json")
    return None


def _installed(folder: Path, version: str, direct_url: dict | None) -> Path:
    """`folder` holding newsdigest's dist-info as pip writes it, with `direct_url` or none."""
    info = folder / f"newsdigest-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: newsdigest\nVersion: {version}\n")
    (info / "INSTALLER").write_text("pip\n")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url))
    return folder


def test_the_running_install_is_found_as_the_library_finds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _direct_url() == _library() is not None
    # run in a source tree: its egg-info, ahead of the install on sys.path, is passed over
    (tmp_path / "newsdigest.egg-info").mkdir()
    (tmp_path / "newsdigest.egg-info" / "PKG-INFO").write_text("Name: newsdigest\nVersion: 3\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert metadata.distribution("newsdigest").read_text("PKG-INFO") is not None
    assert _direct_url() == _library() is not None


@pytest.mark.parametrize(
    ("direct_url", "hint"),
    [
        ({"url": "file:///srv/desk/newsdigest", "dir_info": {"editable": True}}, "-e"),
        ({"url": "https://github.com/desk/newsdigest", "vcs_info": {"vcs": "git"}}, "index"),
        (None, "index"),  # from a package index: pip writes no direct_url.json
    ],
)
def test_an_install_ahead_on_the_path_is_the_one_read_by_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, direct_url: dict | None, hint: str
) -> None:
    monkeypatch.syspath_prepend(str(_installed(tmp_path / "later", "1.0", {"url": "x"})))
    monkeypatch.syspath_prepend(str(_installed(tmp_path / "first", "2.0", direct_url)))
    assert _direct_url() == _library()
    assert _direct_url() == (json.dumps(direct_url) if direct_url is not None else None)
    said = "search is off: pip install -e '/srv/desk/newsdigest[search]'"
    assert search_off() == (said if hint == "-e" else SEARCH_OFF)
