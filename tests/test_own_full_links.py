"""A body link written as the site's own full address (base_url's host and path, as an
editor copies it from the browser) to a page the site does not have is the same error as
the path written alone (tester3 M19); one to a page it has, or to another site, is
silent."""

from __future__ import annotations

from pathlib import Path

from conftest import BASE_URL, STORY, make_project, run_here, write_article


def test_a_full_address_of_the_site_to_no_page_is_an_error_and_a_good_one_is_silent(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "p")
    body = (
        f"[bad]({BASE_URL}2025/06/01/zzz/) and [tag]({BASE_URL}tags/nope/).\n\n"
        f"[good]({BASE_URL}2025/06/01/story/), [home]({BASE_URL}) and "
        "[elsewhere](https://example.org/2025/06/01/zzz/).\n"
    )
    write_article(project, "2025/06/story.md", STORY, body)

    checked = run_here("check", cwd=project)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    for out in (checked.stdout, built.stderr):
        assert (
            "content/2025/06/story.md:8: error: link to '/2025/06/01/zzz/' goes to no page of "
            "the site"
        ) in out, out
        assert "content/2025/06/story.md:8: error: link to '/tags/nope/' goes to no page" in out
        assert out.count("error:") == 2, out
    assert built.returncode == 1
    assert not (tmp_path / "site").exists()


def test_the_sites_host_in_other_capitals_or_with_its_default_port_is_the_site(
    tmp_path: Path,
) -> None:
    """prober3 L16: `https://EXAMPLE.com/...` and `https://example.com:443/...` (the same
    address) got no message, though `https://example.com/...` is an error."""
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(BASE_URL, "https://example.com/t/"),
        encoding="utf-8",
    )
    body = (
        "[a](https://EXAMPLE.com/t/2025/06/01/zzz/) [b](https://example.com:443/t/tags/nope/)"
        " [c](https://example.com:8443/t/2025/06/01/other/)"
        " [d](https://Example.com:443/t/2025/06/01/story/).\n"
    )
    write_article(project, "2025/06/story.md", STORY, body)

    out = run_here("check", cwd=project).stdout

    assert "story.md:8: error: link to '/2025/06/01/zzz/' goes to no page of the site" in out
    assert "story.md:8: error: link to '/tags/nope/' goes to no page" in out
    assert out.count("error:") == 2, out  # another port is another server; d is the page
