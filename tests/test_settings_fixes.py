"""Settings mistakes whose fix, followed as printed, gives the site meant: a [table]
header above the settings in newsdigest.toml (tester's fault 6), a site_id with no year
or none, a logo given by the wrong path. Each is run through `newsdigest check`, the fix
followed in the file, and the site checked or built again."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import run_here, tiny_png, write_article

STORY = "title: A Story\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk"
SETTINGS = """\
title = "Harbour Gazette"
base_url = "https://example.org/news/"
site_id = "example.org,2025"
"""


def newsroom(tmp_path: Path, settings: str) -> Path:
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)
    (root / "newsdigest.toml").write_text(settings, encoding="utf-8")
    return root


def checked(root: Path) -> tuple[int, list[str]]:
    result = run_here("check", cwd=root)
    assert "Traceback" not in result.stderr
    said = (result.stdout + result.stderr).splitlines()
    if result.returncode == 2 and ": error: " in result.stderr:  # the count line last (T6)
        errors = sum(": error: " in line for line in said)
        assert re.fullmatch(rf"{errors} errors?, \d+ warnings?", said.pop()), result.stderr
    return result.returncode, said


@pytest.mark.parametrize(
    ("settings", "header", "line"),
    [
        ("[tool.newsdigest]\n" + SETTINGS, "[tool.newsdigest]", 1),
        ("[newsdigest]\n" + SETTINGS, "[newsdigest]", 1),
        (SETTINGS.replace("site_id", "[settings]\nsite_id"), "[settings]", 3),
        ("# copied\n[ tool . newsdigest ]\n" + SETTINGS, "[ tool . newsdigest ]", 2),
        # the tester's second round: other headers' settings were all to be deleted
        ("[[newsdigest]]\n" + SETTINGS, "[[newsdigest]]", 1),
        ("[[tool.newsdigest]]\n" + SETTINGS, "[[tool.newsdigest]]", 1),
        ("[tool.newsdigest.settings]\n" + SETTINGS, "[tool.newsdigest.settings]", 1),
        ('["newsdigest"]\n' + SETTINGS, '["newsdigest"]', 1),
    ],
)
def test_a_table_header_above_the_settings_is_deleted_not_the_settings(
    tmp_path: Path, settings: str, header: str, line: int
) -> None:
    root = newsroom(tmp_path, settings)
    status, said = checked(root)
    assert status == 2
    assert said == [
        f"newsdigest.toml:{line}: error: the line {header} puts the settings below it in a "
        "table, and newsdigest reads settings only at the top level",
        f"    fix: delete the line {header}: newsdigest.toml holds its settings at the top "
        "level, with no [table] header above them"
        + (" ([tool.newsdigest] is how pyproject.toml holds them)" if "." in header else ""),
    ]  # and no word of site_id, written under the header
    lines = (root / "newsdigest.toml").read_text(encoding="utf-8").splitlines()
    del lines[line - 1]  # the fix, followed
    (root / "newsdigest.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_here("build", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Harbour Gazette" in (root / "site" / "index.html").read_text(encoding="utf-8")


def test_the_settings_under_a_header_are_still_checked_in_the_same_run(tmp_path: Path) -> None:
    settings = (
        "[tool.newsdigest]\n" + SETTINGS + 'timezone = "Asia/Kolkatta"\n[tool.black]\nx = 1\n'
    )
    status, said = checked(newsroom(tmp_path, settings))
    assert status == 2
    errors = [line for line in said if ": error: " in line]
    assert [e.split(": error: ")[0] for e in errors] == [
        "newsdigest.toml:1",
        "newsdigest.toml:5",
        "newsdigest.toml:6",
    ], said
    assert "timezone 'Asia/Kolkatta' is not a known time zone" in errors[1]
    assert errors[2].endswith("unknown table [tool.black]")
    assert not any("site_id" in line for line in said)


def test_a_site_id_without_its_year_or_missing_says_so(tmp_path: Path) -> None:
    year = time.gmtime().tm_year
    root = newsroom(tmp_path, SETTINGS.replace('"example.org,2025"', '"example.org"'))
    status, said = checked(root)
    assert status == 2
    assert said[0] == "newsdigest.toml:3: error: site_id 'example.org' has no year"
    assert said[1].endswith(f'after a comma, for example site_id = "example.org,{year}"')
    settings = SETTINGS.replace('"example.org,2025"', f'"example.org,{year}"')
    (root / "newsdigest.toml").write_text(settings, encoding="utf-8")
    assert checked(root)[0] == 0
    (root / "newsdigest.toml").write_text(SETTINGS.replace("site_id", "# site_id"), "utf-8")
    status, said = checked(root)
    assert said[0] == "newsdigest: error: newsdigest.toml: site_id is not set", said


def test_a_logo_not_where_it_is_given_is_found_by_its_name(tmp_path: Path) -> None:
    root = newsroom(tmp_path, SETTINGS + 'logo = "logo.png"\n')
    status, said = checked(root)
    assert status == 2
    assert said[0].startswith("newsdigest.toml:4: error: logo 'logo.png' does not exist")
    assert said[1] == (
        f"    fix: put logo.png in {root.resolve()}, or write the path of the logo from the "
        'project folder (logo = "brand/logo.png" for a file logo.png in brand/)'
    )
    (root / "brand").mkdir()
    (root / "brand" / "logo.png").write_bytes(tiny_png((64, 64)))
    status, said = checked(root)
    assert said[1] == """    fix: did you mean 'brand/logo.png'? write: logo = "brand/logo.png\""""
    (root / "newsdigest.toml").write_text(SETTINGS + 'logo = "brand/logo.png"\n', "utf-8")
    assert checked(root)[0] == 0


@pytest.mark.parametrize("typed", ["Brand/Logo.png", "brand/logo.PNG", "LOGO.png"])
def test_a_logo_given_in_other_capitals_is_found(tmp_path: Path, typed: str) -> None:
    """A Mac's disk ignores capitals, the server's does not (tester's second round, 15)."""
    root = newsroom(tmp_path, SETTINGS + f'logo = "{typed}"\n')
    (root / "brand").mkdir()
    (root / "brand" / "logo.png").write_bytes(tiny_png((64, 64)))
    status, said = checked(root)
    assert status == 2
    assert said[0].startswith(f"newsdigest.toml:4: error: logo '{typed}' does not exist")
    assert said[1].startswith("    fix: did you mean 'brand/logo.png'?"), said
    assert said[1].endswith('write: logo = "brand/logo.png"'), said
    if typed.casefold() == "brand/logo.png":
        assert "(file names must match in capitals too)" in said[1]
    (root / "newsdigest.toml").write_text(SETTINGS + 'logo = "brand/logo.png"\n', "utf-8")
    assert checked(root)[0] == 0


@pytest.mark.parametrize(
    "typed", ["https://example.org,2025", "example.org, 2025", "https://example.org/news/ ,2025"]
)
def test_a_site_id_typed_as_an_address_or_with_spaces_gets_the_value_to_write(
    tmp_path: Path, typed: str
) -> None:
    root = newsroom(tmp_path, SETTINGS.replace('"example.org,2025"', f'"{typed}"'))
    status, said = checked(root)
    assert status == 2
    assert said[0].startswith(f"newsdigest.toml:3: error: site_id '{typed}' is not valid"), said
    assert said[1] == '    fix: write: site_id = "example.org,2025"', said
    (root / "newsdigest.toml").write_text(SETTINGS, encoding="utf-8")
    assert checked(root)[0] == 0


def test_a_cname_with_https_and_a_path_gets_the_name_to_write(tmp_path: Path) -> None:
    root = newsroom(tmp_path, SETTINGS + 'cname = "https://news.example.org/"\n')
    status, said = checked(root)
    assert status == 2
    assert said == [
        "newsdigest.toml:4: error: cname 'https://news.example.org/' must be a domain name "
        "alone (no https://, no path)",
        '    fix: write: cname = "news.example.org"',
    ]
    (root / "newsdigest.toml").write_text(SETTINGS + 'cname = "news.example.org"\n', "utf-8")
    assert checked(root)[0] == 0


def test_an_authors_photo_not_where_it_is_given_is_found_by_its_name(tmp_path: Path) -> None:
    root = newsroom(tmp_path, SETTINGS)
    (root / "authors.yaml").write_text("Desk:\n  image: authors/desk.png\n", "utf-8")
    status, said = checked(root)
    assert status == 1
    assert said[:2] == [
        f"authors.yaml:2: error: 'Desk'.image 'authors/desk.png' does not exist (looked for "
        f"{(root / 'authors' / 'desk.png').resolve()})",
        f"    fix: put desk.png in {(root / 'authors').resolve()}, or give the photo's path "
        "from authors.yaml's folder",
    ]
    (root / "photos").mkdir()
    (root / "photos" / "desk.png").write_bytes(tiny_png((300, 300)))
    status, said = checked(root)
    assert said[1] == "    fix: did you mean 'photos/desk.png'? write: image: photos/desk.png"
    (root / "authors.yaml").write_text("Desk:\n  image: photos/desk.png\n", "utf-8")
    status, said = checked(root)
    assert status == 0, said


def test_a_toml_syntax_error_hides_no_other_settings_error(tmp_path: Path) -> None:
    """README's example in Settings, typed into a file: its four errors in one run."""
    settings = (
        'title = "T"\ndescription = "D"\nbase_url = "https://example.org/news/"\n'
        'items_per_page = "ten"\nitem_per_page = 3\nsite_id = "example.org,2026"\n'
        'language = "en"\nfeed_length = 20\ntitle = "X"\ntimezone = Asia/Kolkata\n'
    )
    status, said = checked(newsroom(tmp_path / "a", settings))
    assert status == 2
    assert [line.split(": error: ")[0] for line in said if ": error: " in line] == [
        "newsdigest.toml:4",
        "newsdigest.toml:5",
        "newsdigest.toml:9",
        "newsdigest.toml:10",
    ], said
    settings = 'title = T\nbase_url = "https://example.org/news/"\nsite_id = example.org,2026\n'
    status, said = checked(newsroom(tmp_path / "b", settings + "items_per_page = 0\n"))
    assert said == [
        "newsdigest.toml:1: error: the value of title is text written without quotes, which "
        "TOML cannot read",
        '    fix: put it in double quotes: title = "T"',
        "newsdigest.toml:3: error: the value of site_id is text written without quotes, which "
        "TOML cannot read",
        '    fix: put it in double quotes: site_id = "example.org,2026"',
        "newsdigest.toml:4: error: items_per_page must be at least 1",
        "    fix: use a number of 1 or more: items_per_page = 10",
    ]  # and not "site_id is not set"


def test_a_yaml_slip_in_authors_yaml_hides_none_of_its_other_problems(tmp_path: Path) -> None:
    root = newsroom(tmp_path, SETTINGS)
    write_article(root, "b-story.md", STORY.replace("author: Desk", "author: Asha Roa"))
    (root / "authors.yaml").write_text(
        "Asha Rao:\n  bio: Science correspondent: Bengaluru.\n  url: http://asha.example.org/\n"
        "Ben Li:\n  slug: Ben Li!\n",
        encoding="utf-8",
    )
    status, said = checked(root)
    assert status == 1
    text = "\n".join(said)
    assert "authors.yaml:2: error: the value of 'bio:' contains ': '" in text
    assert "authors.yaml:3: error: 'Asha Rao'.url 'http://asha.example.org/' is an http://" in text
    assert "authors.yaml:5: error: 'Ben Li'.slug 'Ben Li!' is not a URL slug" in text
    assert "content/b-story.md:6: warning: credits.author 'Asha Roa' is not in authors.yaml" in text
