"""Hostile input: every bad file in tests/hostile/ gets a precise `path:line: message`,
exit status 1 and no traceback, and the site published before it stays exactly as it was.

The corpus and the expected messages are in tests/hostile/cases.toml. Each case is built
in this process (the message, the untouched site); every case at once is built by
`python -m generator` of its own (the exit status, no traceback).
"""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import pytest
from conftest import Forked, make_project, run_here, run_newsdigest, tiny_png, write_article

HOSTILE = Path(__file__).resolve().parent / "hostile"
MANIFEST = tomllib.loads((HOSTILE / "cases.toml").read_text(encoding="utf-8"))
CASES: dict[str, list[str]] = MANIFEST["cases"]
CASE_SETTINGS: dict[str, str] = MANIFEST.get("settings", {})

GOOD = """\
title: Monsoon Reaches Kerala
date: 2025-06-01T10:00:00+00:00
country: India
credits:
  author: Desk
tags: [Climate, Monsoon]
summary: Rain arrived on the coast.
"""

Snapshot = dict[str, tuple[bytes, int, int]]


def snapshot(directory: Path) -> Snapshot:
    """Every file and folder under `directory`: bytes, modification time and inode."""
    found: Snapshot = {}
    for path in sorted(directory.rglob("*")):
        info = path.lstat()
        data = path.read_bytes() if path.is_file() else b"<dir>"
        found[path.relative_to(directory).as_posix()] = (data, info.st_mtime_ns, info.st_ino)
    return found


def neighbours(site: Path) -> list[str]:
    """What lies beside the output directory (staging leftovers would show here)."""
    return sorted(p.name for p in site.parent.iterdir())


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A project with two good articles and its site, built once for the module."""
    root = tmp_path_factory.mktemp("published")
    project = make_project(root / "project")
    write_article(
        project,
        "2025/06/monsoon-reaches-kerala.md",
        GOOD,
        "Heavy rain arrived.\n\n![Rain clouds](rain.png)\n",
    )
    (project / "content/2025/06/rain.png").write_bytes(tiny_png())
    write_article(
        project,
        "2025/05/budget.md",
        GOOD.replace("Monsoon Reaches Kerala", "Budget").replace("2025-06-01", "2025-05-20"),
    )
    result = run_here("build", "--output", str(root / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    return project, root / "site"


def copy_published(published: tuple[Path, Path], where: Path) -> tuple[Path, Path]:
    """A private copy of the published project and site (times kept) for one test."""
    project, site = published
    shutil.copytree(project, where / "project")
    shutil.copytree(site, where / "site")  # copy2 keeps modification times
    return where / "project", where / "site"


def add_case(project: Path, case: str) -> None:
    source = HOSTILE / case
    target = project / "content" / "hostile" / case
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    if case in CASE_SETTINGS:
        with (project / "pyproject.toml").open("a", encoding="utf-8") as settings:
            settings.write(CASE_SETTINGS[case] + "\n")


def test_the_corpus_and_the_manifest_list_the_same_cases() -> None:
    on_disk = {p.name for p in HOSTILE.iterdir() if p.name != "cases.toml"}
    assert on_disk == set(CASES)
    assert set(CASE_SETTINGS) <= set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_is_refused_precisely_and_the_site_is_untouched(
    case: str, published: tuple[Path, Path], tmp_path: Path
) -> None:
    project, site = copy_published(published, tmp_path)
    add_case(project, case)
    before, beside_before = snapshot(site), neighbours(site)

    result = run_here("build", "--output", str(site), cwd=project)  # the message, the folder

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert_refused_precisely(case, result.stderr)
    assert "was not changed" in result.stderr
    assert snapshot(site) == before
    assert neighbours(site) == beside_before


def assert_refused_precisely(case: str, stderr: str) -> None:
    """Every message the manifest expects for `case` is printed as `path:line: error: ...`."""
    printed = stderr.splitlines()
    for expected in CASES[case]:
        file, line, message = expected.split(":", 2)
        prefix = f"content/hostile/{file}:{line}: error: "
        assert any(p.startswith(prefix) and message.strip() in p for p in printed), (
            f"expected {prefix}...{message.strip()}...\n{stderr}"
        )


def test_every_hostile_file_at_once_in_a_process_of_its_own(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    """`newsdigest build` as a newsroom runs it, with every hostile file of the corpus
    that needs no setting of its own: exit status 1, no traceback, each file's message."""
    project, site = copy_published(published, tmp_path)
    cases = sorted(set(CASES) - set(CASE_SETTINGS))
    for case in cases:
        add_case(project, case)
    before = snapshot(site)

    result = run_newsdigest("build", "--output", str(site), cwd=project)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for case in cases:
        assert_refused_precisely(case, result.stderr)
    assert snapshot(site) == before


def test_a_yaml_python_tag_is_never_executed(tmp_path: Path, forked: Forked) -> None:
    project = make_project(tmp_path / "project")
    add_case(project, "python-object-tag.md")
    result = forked.run("check", cwd=project)  # a process of its own, as each check below
    assert result.returncode == 1
    assert not (project / "HOSTILE-EXECUTED").exists()
    assert not list(tmp_path.rglob("HOSTILE-EXECUTED"))


def test_the_next_build_after_a_fix_succeeds(
    published: tuple[Path, Path], tmp_path: Path, forked: Forked
) -> None:
    """The refused build and the next one, after the fix, each in a process of its own
    (forked from one that has imported newsdigest): only the disk links them. Without the
    search index, as the published site was built (`run_here`)."""
    project, site = copy_published(published, tmp_path)
    add_case(project, "impossible-date.md")
    assert forked.run("build", "--output", str(site), cwd=project, search=False).returncode == 1
    article = project / "content/hostile/impossible-date.md"
    article.write_text(article.read_text().replace("2025-02-30", "2025-02-28"))
    result = forked.run("build", "--output", str(site), cwd=project, search=False)
    assert result.returncode == 0, result.stderr
    assert (site / "2025/02/28/impossible-date/index.html").is_file()
    assert (site / "2025/06/01/monsoon-reaches-kerala/index.html").is_file()


def test_a_byte_order_mark_and_windows_line_endings_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    text = (
        "---\n"
        + GOOD.replace("Monsoon Reaches Kerala", "Café Owners Protest")
        + ("---\nFirst paragraph.\n\nSecond paragraph.\n")
    )
    path = project / "content/2025/06/cafe-owners.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/2025/06/01/cafe-owners/index.html").read_text(encoding="utf-8")
    assert "<h1>Café Owners Protest</h1>" in page or ">Café Owners Protest</h1>" in page
    assert "\r" not in page
    assert "\ufeff" not in page
    assert "<p>Second paragraph.</p>" in page


def test_file_names_that_are_not_utf8_or_hold_controls_are_errors(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    article = "---\n" + GOOD + "---\nBody.\n"
    (project / "content").joinpath(os.fsdecode(b"caf\xe9.md")).write_text(article)
    (project / "content/red\x1b[31m.md").write_text(article.replace("06-01", "06-02"))
    (project / "content/two\nlines.md").write_text(article.replace("06-01", "06-03"))
    (project / "content/tab\tbed.md").write_text(article.replace("06-01", "06-04"))
    result = run_newsdigest("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "content/caf\\udce9.md:1: error: the name is not valid UTF-8 or contains a "
        "control character"
    ) in result.stderr
    assert "content/red\\x1b[31m.md:1: error: the name is not valid UTF-8" in result.stderr
    # A line end or tab in a name would split the message's path:line: (and its address).
    assert "content/two\\nlines.md:1: error: the name is not valid UTF-8" in result.stderr
    assert "content/tab\\tbed.md:1: error: the name is not valid UTF-8" in result.stderr
    assert not (tmp_path / "site").exists()


def test_symlinks_out_of_content_are_warned_about_and_not_published(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/inside.md", GOOD)
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret-plans.md"
    secret.write_text("---\n" + GOOD.replace("Monsoon Reaches Kerala", "Secret Plans") + "---\nx\n")
    (project / "content/2025/06/secret-plans.md").symlink_to(secret)
    (project / "content/leak").symlink_to(outside, target_is_directory=True)
    (project / "content/2025/06/moved.md").symlink_to(tmp_path / "gone.md")

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert result.returncode == 0, result.stderr
    assert (
        f"content/2025/06/secret-plans.md:1: warning: this file is a link to {secret}, "
        "outside the content folder; it is not published"
    ) in result.stderr
    assert f"content/leak:1: warning: this folder is a link to {outside}, outside" in (
        result.stderr
    )
    assert (
        f"content/2025/06/moved.md:1: warning: this file is a link to {tmp_path / 'gone.md'}, "
        "which does not exist; it is not published\n    fix: delete the link, or copy"
    ) in result.stderr
    published = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (tmp_path / "site").rglob("*")
        if p.is_file()
    )
    assert "Secret Plans" not in published
    assert "Monsoon Reaches Kerala" in published


def test_symlinks_inside_content_are_read_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/inside.md", GOOD)
    (project / "content/again").symlink_to(project / "content/2025", target_is_directory=True)
    (project / "content/2025/loop").symlink_to(project / "content", target_is_directory=True)
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "built 1 article into" in result.stdout


def test_links_that_lead_round_in_a_loop_are_errors_on_their_names(tmp_path: Path) -> None:
    """A link to itself, two links to each other, a folder link to a folder above: named,
    with a fix, never a traceback; the other stories are checked."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/inside.md", GOOD)
    folder = project / "content/2025/06"
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    (folder / "photos").symlink_to("photos")
    (folder / "up").symlink_to("..", target_is_directory=True)
    (folder / "gone.md").symlink_to("nothing.md")

    for command in (["check"], ["build", "--output", str(tmp_path / "site")]):
        result = run_here(*command, cwd=project)
        assert "Traceback" not in result.stdout + result.stderr
        said = result.stdout + result.stderr
        assert result.returncode == 1, said
        assert (
            "content/2025/06/loop.md:1: error: this is a link that leads back to itself, so it "
            "cannot be read; it is not published\n    fix: delete the link, or copy the file "
            "itself into content/ in its place"
        ) in said
        assert "content/2025/06/a.md:1: error: this is a link that leads back to itself " in said
        assert "content/2025/06/b.md:1: error: this is a link that leads back to itself (" in said
        assert "content/2025/06/photos:1: error: this is a link that leads back" in said
        assert (
            "content/2025/06/up:1: warning: this folder is a link to content/2025, which is "
            "read already; it is not read again"
        ) in said
        assert (
            "content/2025/06/gone.md:1: warning: this file is a link to nothing.md, which does "
            "not exist"
        ) in said
        assert not (tmp_path / "site").exists()


def tagged(project: Path, name: str, tags: str, day: int) -> None:
    write_article(
        project,
        f"2025/06/{name}.md",
        GOOD.replace("tags: [Climate, Monsoon]", f"tags: {tags}")
        .replace("Monsoon Reaches Kerala", name.title())
        .replace("2025-06-01", f"2025-06-{day:02d}"),
    )


def topic_urls(site: Path) -> dict[str, str]:
    """Topic name -> its page, read from the topics index as a reader would."""
    from lxml import html

    page = html.parse(str(site / "tags/index.html")).getroot()
    return {
        " ".join(link.text_content().split()): link.get("href")
        for link in page.iter("a")
        if "/tags/" in (link.get("href") or "") and link.get("href") != "/sub/tags/"
    }


def test_tags_colliding_after_slugging_get_distinct_pages_and_a_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    tagged(project, "compilers", '["C++"]', 1)
    tagged(project, "languages", '["C"]', 2)
    tagged(project, "sharp", '["C#"]', 3)

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert result.returncode == 0, result.stderr
    assert "are different words with the same URL /tags/c/" in result.stderr
    assert "rename one of the tags" in result.stderr
    slugs = sorted(p.name for p in (tmp_path / "site/tags").iterdir() if p.is_dir())
    assert slugs == ["c", "c-2", "c-3"]
    names = {
        (tmp_path / f"site/tags/{s}/index.html").read_text(encoding="utf-8").count(n) > 0
        for s in slugs
        for n in ("C++", "C#")
    }
    assert names == {True, False}


def test_tags_that_slug_to_nothing_get_a_stable_unique_url(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    tagged(project, "fire", '["🔥"]', 1)
    tagged(project, "shouting", '["!!!"]', 2)

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    first = {p.name for p in (tmp_path / "site/tags").iterdir() if p.is_dir()}
    assert len(first) == 2
    assert all(slug.startswith("topic-") and slug != "topic-" for slug in first)

    # The same tag keeps its URL when other topics come and go.
    (project / "content/2025/06/shouting.md").unlink()
    tagged(project, "more", '["🌊", "🔥"]', 3)
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    second = {p.name for p in (tmp_path / "site/tags").iterdir() if p.is_dir()}
    assert len(second) == 2
    fire = topic_urls(tmp_path / "site")["🔥"]
    assert fire.strip("/").split("/")[-1] in first


def test_check_reports_every_hostile_file_at_once(tmp_path: Path, forked: Forked) -> None:
    project = make_project(tmp_path / "project")
    for case in ("impossible-date.md", "unknown-country.md", "nul-byte.md"):
        target = project / "content" / case
        shutil.copyfile(HOSTILE / case, target)
    result = forked.run("check", cwd=project)
    assert result.returncode == 1
    assert "content/impossible-date.md:3: error:" in result.stdout
    assert "content/unknown-country.md:4: error:" in result.stdout
    assert "content/nul-byte.md:8: error:" in result.stdout
    assert "3 errors" in result.stdout


def test_check_annotations_point_at_the_hostile_line(tmp_path: Path, forked: Forked) -> None:
    project = make_project(tmp_path / "project")
    shutil.copyfile(HOSTILE / "duplicate-key.md", project / "content/duplicate-key.md")
    result = forked.run("check", "--format", "github", cwd=project)
    assert result.returncode == 1
    assert "::error file=content/duplicate-key.md,line=5," in result.stdout


def test_the_quick_look_for_controls_in_file_names_finds_what_the_full_one_finds() -> None:
    """A rebuild looks at every file name of content/ at once (speed.stages.listed); in
    ASCII it looks for NAME_CONTROL's characters alone, and must miss none of them."""
    from generator.load.invisible import NAME_CONTROL
    from generator.load.invisible import has_name_control as name_control

    samples = [chr(i) for i in range(0x3000)]
    ends = (0xFFFD, 0xFFFE, 0xFFFF)
    samples += [chr(plane << 16 | low) for plane in range(1, 17) for low in ends]
    for character in samples:
        for text in (character, f"/2025/06/a{character}b.md/x.md"):
            assert name_control(text) == bool(NAME_CONTROL.search(text)), repr(character)
