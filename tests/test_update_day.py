"""`updated:` written as a day alone on the day of publication (the editor means "updated
today"): read as 00:00 on the site's clock, it comes before `date:`; the error says why and
its fix gives the day and the offset with the time to fill in (tester4 F15)."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

FRONT = (
    "title: Storm\ndate: 2025-06-26T10:00:00Z\nupdated: {updated}\ncountry: India\n"
    "credits:\n  author: Desk"
)


def said(tmp_path: Path, updated: str) -> tuple[int, str, Path]:
    root = make_project(tmp_path / "news", "")
    settings = root / "pyproject.toml"
    settings.write_text(settings.read_text().replace('"UTC"', '"America/New_York"'))
    path = write_article(root, "storm.md", FRONT.format(updated=updated))
    result = run_here("check", cwd=root)
    return result.returncode, result.stdout, path


def test_a_day_alone_on_the_day_of_publication_says_it_is_midnight(tmp_path: Path) -> None:
    status, out, path = said(tmp_path, "2025-06-26")

    assert status == 1
    assert (
        "content/storm.md:4: error: updated (2025-06-26T00:00:00-04:00) is before date "
        "(2025-06-26T10:00:00+00:00): a date alone is read as 00:00 on the site's clock "
        "(America/New_York)"
    ) in out
    assert (
        "fix: write the time of the update, 06:00 or later on that clock: "
        "updated: 2025-06-26THH:MM:00-04:00"
    ) in out
    path.write_text(path.read_text().replace("2025-06-26\n", "2025-06-26T14:00:00-04:00\n"))
    assert run_here("check", cwd=path.parent.parent).returncode == 0


def test_a_time_before_publication_keeps_its_own_fix(tmp_path: Path) -> None:
    status, out, _ = said(tmp_path, "2025-06-26T05:00:00-04:00")

    assert status == 1
    assert "fix: an update cannot come before publication; fix one of the two" in out
    assert "a date alone" not in out


def test_a_day_alone_before_the_day_of_publication_is_not_told_a_time(tmp_path: Path) -> None:
    status, out, _ = said(tmp_path, "2025-06-20")

    assert status == 1
    assert "fix: an update cannot come before publication; fix one of the two" in out


def test_a_day_alone_after_the_day_of_publication_is_valid(tmp_path: Path) -> None:
    status, out, _ = said(tmp_path, "2025-06-27")

    assert status == 0, out
