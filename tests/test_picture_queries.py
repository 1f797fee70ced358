"""A body picture's `?query` (`![Map](map.jpg?v=2)`, a cache-buster) is kept on the
published src, not silently dropped (tester3 M18); a picture without one is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_a_body_pictures_query_is_on_every_candidate_the_browser_may_load(
    tmp_path: Path,
) -> None:
    """prober3 M14: the query was on src only, but a browser loads a srcset or WebP
    <source> candidate, none of which carried it: the cache-buster did nothing."""
    project = make_project(tmp_path / "p")
    write_article(project, "2025/06/story.md", STORY, "Text ![Map](map.png?v=2)\n")
    (project / "content/2025/06/map.png").write_bytes(tiny_png((1300, 800)))

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert built.returncode == 0, built.stderr
    page = html.fromstring((tmp_path / "site/2025/06/01/story/index.html").read_bytes())
    [img] = page.iter("img")
    candidates = [c.split()[0] for c in img.get("srcset").split(",")]
    candidates += [c.split()[0] for s in page.iter("source") for c in s.get("srcset").split(",")]
    assert len(candidates) >= 4 and all(c.endswith("?v=2") for c in candidates), candidates
    assert img.get("src").endswith("?v=2")


def test_a_lead_pictures_query_is_an_error_whose_fix_names_the_file(tmp_path: Path) -> None:
    """prober3 M14: `image.src: ../b/shared.jpg?v=3` was offered `../b/shared.jpg?v=3`,
    the very value refused."""
    project = make_project(tmp_path / "p")
    front = STORY + "image:\n  src: map.png?v=3\n  alt: A map of the coast\n"
    write_article(project, "2025/06/story.md", front)
    (project / "content/2025/06/map.png").write_bytes(tiny_png((1300, 800)))

    out = run_here("check", cwd=project).stdout

    assert (
        "content/2025/06/story.md:8: error: image.src: 'map.png?v=3' ends in a ?query, which a "
        "lead picture's address cannot carry"
    ) in out, out
    assert (
        "fix: write 'src: map.png'; to make browsers fetch a changed picture, save it under "
        "a new name (map-2.png)" in out
    )
    fixed = front.replace("map.png?v=3", "map.png")
    write_article(project, "2025/06/story.md", fixed)
    assert run_here("check", cwd=project).returncode == 0


@pytest.mark.parametrize("engine", ["python-markdown", "gfm"])
def test_a_space_typed_in_a_pictures_address_is_percent_encoded_on_every_candidate(
    tmp_path: Path, engine: str
) -> None:
    """prober4 H1: `![Map](<map.png?v=1 2>)` (CommonMark's <...> form, which may hold a
    space) was published with the raw space in src and srcset, where a space splits a
    candidate: browsers dropped every one. A query without one is left as typed."""
    project = make_project(tmp_path / "p", f'markdown_engine = "{engine}"\n')
    body = 'Text.\n\n![Map](<map.png?v=1 2>) ![Quote](<map.png?v="é">) ![Plain](map.png?v=%20,3)\n'
    write_article(project, "2025/06/story.md", STORY, body)
    (project / "content/2025/06/map.png").write_bytes(tiny_png((1300, 800)))

    assert run_here("check", cwd=project).returncode == 0
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert built.returncode == 0, built.stderr
    page = html.fromstring((tmp_path / "site/2025/06/01/story/index.html").read_bytes())
    ends = {"Map": "?v=1%202", "Quote": "?v=%22%C3%A9%22", "Plain": "?v=%20,3"}
    for img in page.iter("img"):
        sources = img.getparent().findall("source") if img.getparent().tag == "picture" else []
        srcsets = [img.get("srcset")] + [s.get("srcset") for s in sources]
        candidates = [c.strip().split(" ") for s in srcsets for c in s.split(", ")]
        assert len(candidates) >= 4 and all(len(c) == 2 for c in candidates), candidates
        assert all(c[0].endswith(ends[img.get("alt")]) for c in candidates), candidates
        assert img.get("src").endswith(ends[img.get("alt")])
