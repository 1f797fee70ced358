"""The output directory: newsdigest replaces only what it created, and nothing it must keep."""

from __future__ import annotations

import shutil
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest
from conftest import BASE_URL, GONE_PID, copy_newsroom, run_here, searching, site_files


@pytest.fixture(autouse=True)
def search_index(request: pytest.FixtureRequest) -> Iterator[None]:
    """Builds without the search index (conftest.searching), but in the tests marked
    `search`: those of rebuilds, staging folders and copies, where Pagefind's files are
    written, kept and linked like the pages."""
    with searching(request.node.get_closest_marker("search") is not None):
        yield


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_newsroom(tmp_path / "project")


@pytest.mark.parametrize(
    ("output", "words"),
    [
        ("content", "would replace content"),
        ("templates", "would replace templates"),
        (".", "would replace the project"),
        ("..", "would replace the project"),
        ("content/site", "is inside content"),
        ("templates/static", "is inside templates"),
    ],
)
def test_refuses_to_build_over_the_project_or_its_sources(
    project: Path, output: str, words: str
) -> None:
    before = site_files(project.parent)
    result = run_here("build", "--output", output, cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("newsdigest: error: output directory")
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert site_files(project.parent) == before


def test_refuses_a_non_empty_directory_it_did_not_create(project: Path, tmp_path: Path) -> None:
    mine = tmp_path / "documents"
    (mine / "notes").mkdir(parents=True)
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    (mine / "notes" / "a.md").write_text("notes", encoding="utf-8")
    result = run_here("build", "--output", str(mine), cwd=project)
    assert result.returncode == 2
    assert "not empty and was not created by newsdigest" in result.stderr
    assert "Traceback" not in result.stderr
    assert site_files(mine) == {"notes/a.md": b"notes", "thesis.txt": b"years of work"}


def test_refuses_a_file_as_output(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("not a directory", encoding="utf-8")
    result = run_here("build", "--output", str(target), cwd=project)
    assert result.returncode == 2
    assert "is a file" in result.stderr
    assert target.read_text(encoding="utf-8") == "not a directory"


def test_builds_into_an_empty_directory_and_replaces_its_own_output(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    first = run_here("build", "--output", str(out), cwd=project)
    assert first.returncode == 0, first.stderr
    assert (out / "index.html").is_file()
    (project / "content/world/zurich-housing-levy-vote.md").unlink()
    second = run_here("build", "--output", str(out), cwd=project)
    assert second.returncode == 0, second.stderr
    assert not (out / "2025/05/12/zurich-housing-levy-vote").exists()


def test_leftovers_of_an_interrupted_build_are_cleaned_but_foreign_ones_kept(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    ours = tmp_path / f".site.staging-{GONE_PID}"
    ours.mkdir()
    (ours / ".newsdigest-output").write_text("marker", encoding="utf-8")
    (ours / "index.html").write_text("half a site", encoding="utf-8")
    foreign = tmp_path / ".site.staging-12345"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("someone else's", encoding="utf-8")
    story = project / "content/2025/06/everest-waste-rules.md"  # so the next build writes
    story.write_text(story.read_text("utf-8").replace("rubbish", "waste"), "utf-8")
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    assert not ours.exists()
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "someone else's"
    assert (out / "index.html").is_file()


def test_files_someone_else_put_in_the_output_survive_the_next_build(project: Path) -> None:
    assert run_here("build", cwd=project).returncode == 0
    site = project / "site"
    (site / "CNAME").write_text("news.example.org\n")
    (site / "downloads").mkdir()
    (site / "downloads" / "report.pdf").write_bytes(b"%PDF-1.4 report")
    (site / "robots.txt").write_text("hand-edited\n")  # a file newsdigest writes itself

    result = run_here("build", cwd=project)

    assert result.returncode == 0, result.stderr
    assert (site / "CNAME").read_text() == "news.example.org\n"
    assert (site / "downloads" / "report.pdf").read_bytes() == b"%PDF-1.4 report"
    assert (site / "robots.txt").read_text() != "hand-edited\n", "newsdigest's own file is rebuilt"
    assert "CNAME" not in (site / ".newsdigest-output").read_text().split("files:\n")[1]


def test_files_the_previous_build_wrote_are_removed_when_no_longer_built(project: Path) -> None:
    assert run_here("build", cwd=project).returncode == 0
    site = project / "site"
    # A story no other links to (deleting a linked one stops the build: a broken link). Not
    # the first file rglob finds: that depends on the order the copy made the files in, and
    # on a fresh clone on tmpfs it was ai-rules-in-berlin.md, linked from another story.
    article = project / "content" / "world" / "zurich-housing-levy-vote.md"
    before = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    article.unlink()

    assert run_here("build", cwd=project).returncode == 0

    after = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    gone = before - after
    assert any(article.stem in path for path in gone), "the deleted article's page is gone"


def test_a_reused_older_site_becomes_exactly_the_new_one(tmp_path: Path) -> None:
    """Rebuilds turn the site kept from two builds ago into the new one, in place."""
    from generator.model import OutputFile
    from generator.write.output import write_site

    site, spare = tmp_path / "site", tmp_path / "cache" / "site.spare"

    def build(files: dict[str, bytes], check: dict[str, bytes] | None = None) -> None:
        def finish(staging: Path) -> list[str]:
            if check is not None:  # the published site, as readers see it during the build
                assert site_files(site) == check
            return []

        write_site(site, [OutputFile(p, d) for p, d in files.items()], finish, spare=spare)
        assert {p: d for p, d in site_files(site).items() if p != ".newsdigest-output"} == files

    build({"index.html": b"1", "a/index.html": b"a", "b.txt": b"x", "gone/x.html": b"g"})
    second = {"index.html": b"2", "a/index.html": b"a", "b.txt": b"x"}
    build(second)
    assert spare.is_dir(), "the replaced site is kept for the next build"
    published = site_files(site)
    # What was a folder becomes a file and the other way round; a file linked into the
    # published site gets new bytes: the published site must not change before the swap.
    build(
        {"index.html": b"3", "a": b"now a file", "b.txt/index.html": b"now a folder"},
        check=published,
    )
    build({"index.html": b"4", "a/index.html": b"a again", "b.txt": b"y"})
    assert not any(p.name.startswith(".site.") for p in tmp_path.iterdir())


def test_a_build_that_stops_on_an_error_leaves_nothing_beside_the_site(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), "--no-cache", cwd=project).returncode == 0
    before = site_files(out)
    story = project / "content/2025/06/everest-waste-rules.md"
    story.write_text(story.read_text("utf-8").replace("title:", "headline:", 1), "utf-8")

    result = run_here("build", "--output", str(out), "--no-cache", cwd=project)

    assert result.returncode == 1, result.stdout + result.stderr
    assert site_files(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def test_a_staging_folder_of_another_running_build_is_left_alone(project: Path) -> None:
    import subprocess

    other = subprocess.Popen(["sleep", "60"])
    try:
        staging = project / f".site.staging-{other.pid}"
        staging.mkdir()
        (staging / ".newsdigest-output").write_text("a build in progress\n")

        assert run_here("build", cwd=project).returncode == 0
        assert staging.is_dir(), "a running build's staging folder must not be removed"
    finally:
        other.kill()
        other.wait()

    article = next((project / "content").rglob("*.md"))
    article.write_text(article.read_text() + "\nOne more line.\n")  # so the build writes
    assert run_here("build", cwd=project).returncode == 0
    assert not staging.exists(), "once its build has ended, the leftover is cleaned up"


def test_a_build_that_stops_on_an_error_still_puts_back_a_site_left_mid_swap(
    project: Path,
) -> None:
    """Where renameat2 is missing, the swap is two renames; a kill between them leaves
    the old site as .site.previous. Even a build that then fails puts it back."""
    assert run_here("build", cwd=project).returncode == 0
    site, previous = project / "site", project / ".site.previous"
    before = site_files(site)
    site.rename(previous)
    (project / "content" / "broken.md").write_text("---\ntitle: [unclosed\n---\n")

    result = run_here("build", cwd=project)

    assert result.returncode == 1
    assert site_files(site) == before
    assert not previous.exists()


def beside(site: Path) -> list[str]:
    """What builds left next to the output folder (staging or previous sites)."""
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


@pytest.mark.parametrize("mode", [0o555, 0o500, 0o575])
def test_a_read_only_output_folder_is_refused_and_left_as_it_is(project: Path, mode: int) -> None:
    """chmod u-w (or a-w) on site/ means "do not touch": even root, who could, does not."""
    assert run_here("build", cwd=project).returncode == 0
    site = project / "site"
    before, inode = site_files(site), site.stat().st_ino
    story = project / "content/2025/06/everest-waste-rules.md"  # so the build would write
    story.write_text(story.read_text("utf-8").replace("rubbish", "waste"), "utf-8")
    site.chmod(mode)
    try:
        result = run_here("build", cwd=project)
        assert result.returncode == 2
        assert result.stderr.startswith("newsdigest: error: output directory site is read-only")
        assert "chmod u+w site" in result.stderr
        assert "Traceback" not in result.stderr
        assert site.stat().st_ino == inode  # not swapped out from under the user
        assert site.stat().st_mode & 0o777 == mode
        assert site_files(site) == before
        assert beside(site) == []
    finally:
        site.chmod(0o755)
    assert run_here("build", cwd=project).returncode == 0
    assert site_files(site) != before


def test_an_empty_read_only_folder_is_refused_too(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    out.mkdir(mode=0o555)
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 2
    assert "is read-only (dr-xr-xr-x)" in result.stderr
    assert list(out.iterdir()) == [] and out.stat().st_mode & 0o777 == 0o555


@pytest.mark.search
def test_a_successful_build_leaves_nothing_beside_the_site(project: Path) -> None:
    """First build, rebuilds that reuse the previous site (cached), unchanged rebuilds,
    clean and serial builds: only site/ is there afterwards, never .site.staging-*."""
    site = project / "site"
    story = project / "content/2025/06/everest-waste-rules.md"
    text = story.read_text("utf-8")
    runs = [(), ("--no-cache",), (), ("-j", "1"), (), (), ()]
    for n, flags in enumerate(runs):
        if n % 2:
            story.write_text(text + f"\nEdit {n}.\n", "utf-8")
        result = run_here("build", *flags, cwd=project)
        assert result.returncode == 0, result.stderr
        assert beside(site) == [], (n, flags)
        assert (site / "index.html").is_file()
    assert "up to date" in result.stdout  # the last one changed nothing


def test_an_up_to_date_build_still_cleans_what_a_killed_build_left(project: Path) -> None:
    assert run_here("build", cwd=project).returncode == 0
    site = project / "site"
    leftover = project / f".site.staging-{GONE_PID}"  # no such process: its build was killed
    leftover.mkdir()
    (leftover / ".newsdigest-output").write_text("marker", encoding="utf-8")
    (leftover / "index.html").write_text("half a site", encoding="utf-8")
    result = run_here("build", cwd=project)
    assert result.returncode == 0
    assert "up to date" in result.stdout
    assert beside(site) == []


@pytest.mark.search
def test_rebuild_after_rebuild_keeps_what_hands_did_and_drops_what_went(project: Path) -> None:
    """From the third build on, the site kept in the cache becomes the new one by touching
    only the files that differ: a page deleted or edited by hand in the output still comes
    back, a file someone put there stays until they delete it, a deleted story's folder
    goes, and the site is a clean build's, folder for folder."""
    site = project / "site"
    stories = sorted((project / "content").rglob("*.md"))

    def rebuild_after_editing(story: Path) -> None:
        story.write_text(story.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
        result = run_here("build", cwd=project)
        assert result.returncode == 0, result.stderr

    def folders(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()}

    assert run_here("build", cwd=project).returncode == 0
    for story in stories[:3]:
        rebuild_after_editing(story)
    pages = sorted(site.glob("20*/**/index.html"))
    pages[0].unlink()
    pages[1].write_text("edited by hand")
    (site / "CNAME").write_text("news.example.org\n")
    rebuild_after_editing(stories[3])
    assert pages[0].is_file()
    assert pages[1].read_text(encoding="utf-8") != "edited by hand"
    assert (site / "CNAME").read_text() == "news.example.org\n"
    (site / "CNAME").unlink()
    stories[4].unlink()
    rebuild_after_editing(stories[5])
    rebuild_after_editing(stories[6])
    assert not (site / "CNAME").exists()
    clean = project / "clean"
    assert run_here("build", "--no-cache", "--output", str(clean), cwd=project).returncode == 0
    assert site_files(site) == site_files(clean)
    assert folders(site) == folders(clean)


@pytest.mark.search
def test_the_first_rebuild_copies_the_site_meanwhile_and_gives_the_clean_one(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no kept site yet, a child process copies the published site in hard links while
    the build reads the stories: pages deleted or edited by hand still come back, a deleted
    story's folder goes, others' files stay, and nothing is left beside the site. A copy
    the child cannot finish (a listed file gone) is dropped and the site written afresh."""
    from generator.write import early

    copies: list[int] = []
    real = early.start

    def start(output: Path, listing: Collection[str]) -> early.Early | None:
        copies.append(len(listing))
        extra = ["gone/missing.html"] if len(copies) == 2 else []
        return real(output, [*listing, *extra])

    monkeypatch.setattr(early, "start", start)
    site, cache = project / "site", project / ".newsdigest-cache"
    stories = sorted((project / "content").rglob("*.md"))
    for round_ in range(2):
        assert run_here("build", cwd=project).returncode == 0
        pages = sorted(site.glob("20*/**/index.html"))
        pages[0].unlink()
        pages[1].write_text("edited by hand")
        (site / "CNAME").write_text("news.example.org\n")
        if round_ == 0:
            stories[4].unlink()
        else:
            stories[5].write_text(stories[5].read_text("utf-8") + "\nOne more line.\n", "utf-8")
        for spare in cache.glob("output-*.site"):
            shutil.rmtree(spare)  # no kept site: as after a first build
        assert run_here("build", cwd=project).returncode == 0
        assert pages[0].is_file()
        assert pages[1].read_text(encoding="utf-8") != "edited by hand"
        assert (site / "CNAME").read_text() == "news.example.org\n"
        (site / "CNAME").unlink()
        clean = project / f"clean-{round_}"
        assert run_here("build", "--no-cache", "--output", str(clean), cwd=project).returncode == 0
        assert site_files(site) == site_files(clean)
        assert _folders(site) == _folders(clean)
        assert not any(p.name.startswith(".site.") for p in project.iterdir())
    assert len(copies) == 2, "the rebuild without a kept site copied the site ahead"


def _folders(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()}


@pytest.mark.search
def test_a_first_build_leaves_the_next_one_its_staging_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build leaves in the cache a copy of the site it published, made of the
    published files themselves: the next build turns that copy into the new site by
    replacing what changed, without copying the whole site first, and gives the clean
    build's site; unchanged pages keep their file."""
    from generator.write import early

    monkeypatch.delenv("CI", raising=False)
    copies: list[int] = []
    monkeypatch.setattr(early, "start", lambda output, listing: copies.append(len(listing)))
    site, cache = project / "site", project / ".newsdigest-cache"
    assert run_here("build", cwd=project).returncode == 0
    (kept,) = cache.glob("output-*.site")
    assert not [p.name for p in cache.iterdir() if ".partial-" in p.name]

    def files(root: Path) -> dict[str, int]:
        return {
            p.relative_to(root).as_posix(): p.stat().st_ino for p in root.rglob("*") if p.is_file()
        }

    assert files(kept) == files(site)
    assert _folders(kept) == _folders(site)
    before = files(site)
    story = sorted((project / "content").rglob("*.md"))[-1]
    story.write_text(story.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    assert run_here("build", cwd=project).returncode == 0
    assert copies == [], "the first rebuild copied the whole site again"
    after = files(site)
    assert sum(after[k] == before[k] for k in after if k in before) > len(after) // 2
    clean = project / "clean"
    assert run_here("build", "--no-cache", "--output", str(clean), cwd=project).returncode == 0
    assert site_files(site) == site_files(clean)
    assert _folders(site) == _folders(clean)
    assert not any(p.name.startswith(".site.") for p in project.iterdir())


@pytest.mark.search
def test_a_copy_a_killed_first_build_left_half_made_is_removed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build killed while it copied its site into the cache leaves a half-made
    copy and no kept site: the next build copies the site itself, removes the half-made
    one and gives the clean build's site."""
    monkeypatch.delenv("CI", raising=False)
    site, cache = project / "site", project / ".newsdigest-cache"
    assert run_here("build", cwd=project).returncode == 0
    (kept,) = cache.glob("output-*.site")
    partial = kept.with_name(f"{kept.name}.partial-{2**22 + 7}")  # no such process
    kept.rename(partial)
    shutil.rmtree(partial / sorted(p.name for p in partial.iterdir() if p.is_dir())[0])
    story = sorted((project / "content").rglob("*.md"))[-1]
    story.write_text(story.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    assert run_here("build", cwd=project).returncode == 0
    assert not partial.exists()
    clean = project / "clean"
    assert run_here("build", "--no-cache", "--output", str(clean), cwd=project).returncode == 0
    assert site_files(site) == site_files(clean)


def test_in_ci_the_build_cache_holds_no_copy_of_the_site(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In CI (the CI variable set, as GitHub Actions sets it) a first build leaves no copy
    of its site in the build cache: the runner keeps no site for a next build, and the
    cache is archived and restored whole."""
    monkeypatch.setenv("CI", "true")
    assert run_here("build", cwd=project).returncode == 0
    assert not list((project / ".newsdigest-cache").glob("output-*.site*"))


def test_an_output_folder_given_as_a_symbolic_link_is_published_through_it(
    project: Path, tmp_path: Path
) -> None:
    """`ln -s /srv/www site2; newsdigest build --output site2`: the site lands in the folder
    the link points to, build after build, and the link stays a link."""
    target = tmp_path / "www"
    target.mkdir()
    link = project / "site2"
    link.symlink_to(target)
    for _ in range(2):
        result = run_here("build", "--output", "site2", "--base-url", BASE_URL, cwd=project)
        assert result.returncode == 0, result.stderr
        assert link.is_symlink() and link.resolve() == target.resolve()
        assert (target / "index.html").is_file()
        assert (target / "feed.xml").is_file()
    assert site_files(target) == site_files(newsroom_clean(project, tmp_path))
    assert not [p for p in project.iterdir() if p.name.startswith(".site2")]


def newsroom_clean(project: Path, tmp_path: Path) -> Path:
    clean = tmp_path / "clean"
    result = run_here(
        "build", "--output", str(clean), "--base-url", BASE_URL, "--no-cache", cwd=project
    )
    assert result.returncode == 0, result.stderr
    return clean


def test_a_build_leaves_no_lock_file_and_builds_still_take_turns(
    project: Path, tmp_path: Path
) -> None:
    """The lock of an output folder (a file in /tmp/newsdigest-UID/) is removed by the build
    that holds it when it ends. A build that waited meanwhile, holding the file just
    removed, locks the new one instead: a third build still waits for it."""
    import threading

    from generator.write.target import lock_file, one_build_at_a_time

    site = tmp_path / "site"
    result = run_here("build", "--output", str(site), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    assert not lock_file(site).exists()

    second_waits, second_holds, second_may_end, third_waits = (threading.Event() for _ in range(4))

    def second() -> None:
        with one_build_at_a_time(site, lambda _: second_waits.set()):
            second_holds.set()
            second_may_end.wait(timeout=30)

    def third() -> None:
        with one_build_at_a_time(site, lambda _: third_waits.set()):
            pass

    with one_build_at_a_time(site):
        threads = [threading.Thread(target=second)]
        threads[0].start()
        assert second_waits.wait(timeout=30)
    assert second_holds.wait(timeout=30)
    assert lock_file(site).exists(), "the second build holds the lock file now at that path"
    threads.append(threading.Thread(target=third))
    threads[1].start()
    assert third_waits.wait(timeout=10), "a third build waits for the second"
    second_may_end.set()
    for thread in threads:
        thread.join(timeout=30)
        assert not thread.is_alive()
    assert not lock_file(site).exists()
