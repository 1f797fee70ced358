"""A body picture's `?query` (`![Map](map.jpg?v=2)`, a cache-buster) is kept on the
published src, not silently dropped (tester3 M18); a picture without one is unchanged."""

from __future__ import annotations

from pathlib import Path

from conftest import STORY, make_project, run_here, tiny_png, write_article
from lxml import html


def test_a_body_pictures_query_is_kept_on_its_src(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_article(
        project, "2025/06/story.md", STORY, "Text ![Map](map.png?v=2) ![Plain](map.png)\n"
    )
    (project / "content/2025/06/map.png").write_bytes(tiny_png())

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr
    page = html.fromstring((tmp_path / "site/2025/06/01/story/index.html").read_bytes())
    sources = {img.get("alt"): img.get("src") for img in page.iter("img")}
    assert sources["Map"] == "/sub/media/2025/06/map.png?v=2"
    assert sources["Plain"] == "/sub/media/2025/06/map.png"
