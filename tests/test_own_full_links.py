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
