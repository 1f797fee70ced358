"""A site started on a local address (`init --url https://localhost:8000/`, `http://x`,
an IP address) is told its base_url is a placeholder, and `check` warns on a site_id made
from such a host, which every feed GUID would keep for ever; init warns on an http://
base_url (tester3 M7). A public https address is silent."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_here


@pytest.mark.parametrize(
    ("url", "site_id"),
    [
        ("https://localhost:8000/", "localhost,"),
        ("http://x", "x,"),
        ("https://192.168.1.5/news/", "192.168.1.5,"),
        ("http://desk.local/", "desk.local,"),
        # prober3 M16: names kept for tests, examples and home networks; an IPv6 address
        ("https://news.test/", "news.test,"),
        ("https://foo.invalid/", "foo.invalid,"),
        ("https://localhost.localdomain/", "localhost.localdomain,"),
        ("https://news.lan/", "news.lan,"),
        ("https://my.home.arpa/", "my.home.arpa,"),
        ("https://[::1]/", "localhost,"),
    ],
)
def test_a_site_started_on_a_local_address_hears_it_at_init_and_check(
    tmp_path: Path, url: str, site_id: str
) -> None:
    started = run_here("init", "news", "--title", "T", "--url", url, cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    said = started.stdout + started.stderr
    assert "base_url is a placeholder or a local address" in said, said

    checked = run_here("check", cwd=tmp_path / "news")

    out = checked.stdout + checked.stderr
    assert checked.returncode == 0, out
    assert f"newsdigest.toml:11: warning: site_id '{site_id}" in out, out
    assert "names no domain of yours" in out
    assert "fix: before the first publication, write the domain you own and the year" in out


def test_an_http_address_is_warned_of_at_init_and_a_public_https_one_is_silent(
    tmp_path: Path,
) -> None:
    plain = run_here("init", "a", "--title", "T", "--url", "http://news.org/", cwd=tmp_path)
    safe = run_here("init", "b", "--title", "T", "--url", "https://news.org/", cwd=tmp_path)

    assert "warning: base_url is http:// (http://news.org/)" in plain.stdout + plain.stderr
    for said in (safe.stdout + safe.stderr, run_here("check", cwd=tmp_path / "b").stdout):
        assert "placeholder" not in said and "base_url is http" not in said, said
        assert "site_id" not in said or "keep it forever" in said


def test_an_example_top_level_name_is_a_placeholder_at_init(tmp_path: Path) -> None:
    """prober3 M16: `https://news.example/` (RFC 2606) is never the published site."""
    started = run_here("init", "n", "--title", "T", "--url", "https://news.example/", cwd=tmp_path)
    said = started.stdout + started.stderr
    assert started.returncode == 0, said
    assert "base_url is a placeholder or a local address (https://news.example/)" in said


@pytest.mark.parametrize("account", ["USER", "OWNER"])
def test_the_quick_starts_placeholder_site_id_is_a_warning_until_it_is_replaced(
    tmp_path: Path, account: str
) -> None:
    """tester5 F11: README's quick start (`--url https://USER.github.io/gazette/`) gives
    `site_id = "user.github.io,YEAR"`; `check` and `build` remind of it on its line until
    it names the newsroom's own account, then say nothing of it."""
    url = f"https://{account}.github.io/gazette/"
    assert run_here("init", "g", "--title", "T", "--url", url, cwd=tmp_path).returncode == 0
    site = tmp_path / "g"
    for command in ("check", "build"):
        done = run_here(command, cwd=site)
        out = done.stdout + done.stderr
        assert done.returncode == 0, out
        assert f"newsdigest.toml:11: warning: site_id '{account.lower()}.github.io," in out, out
        assert f"is still the placeholder init made from {account}.github.io" in out
        assert "fix: before the first publication, write your account's address" in out
    settings = (site / "newsdigest.toml").read_text(encoding="utf-8")
    settings = settings.replace(f"{account.lower()}.github.io", "asha.github.io")
    (site / "newsdigest.toml").write_text(settings, encoding="utf-8")
    out = run_here("check", cwd=site).stdout
    assert "site_id" not in out and "warning" not in out, out
