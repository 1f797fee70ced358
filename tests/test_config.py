"""Settings in newsdigest.toml or [tool.newsdigest]: a wrong one is named with its file, and
the command stops with exit status 2. Every command finds the site the same way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

STORY = """\
title: A Story
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Desk
"""


def project_with(tmp_path: Path, pyproject: str) -> Path:
    root = make_project(tmp_path / "project")
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    write_article(root, "a-story.md", STORY)
    return root


GOOD = """\
[tool.newsdigest]
title = "Test Desk"
base_url = "https://example.org/news/"
site_id = "example.org,2025"
"""


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        (GOOD + 'titel = "Oops"\n', "unknown setting 'titel'"),
        (GOOD + "items_per_page = 0\n", "items_per_page must be at least 1"),
        (GOOD + 'items_per_page = "ten"\n', "items_per_page must be a whole number"),
        (GOOD + 'timezone = "Mars/Olympus_Mons"\n', "timezone 'Mars/Olympus_Mons'"),
        (GOOD + "trusted_html = 1\n", "trusted_html must be true or false, not 1"),
        (GOOD + "description = 7\n", "description must be text in quotes, not 7"),
        (GOOD.replace('site_id = "example.org,2025"\n', ""), "site_id"),
        (GOOD.replace('"example.org,2025"', '"my site"'), "site_id 'my site'"),
        (
            GOOD.replace("https://example.org/news/", "example.org/news"),
            "base_url 'example.org/news' is not an absolute URL",
        ),
        (GOOD.replace("https://example.org/news/", "ftp://example.org/"), "base_url"),
        (GOOD + 'language = "English (UK)"\n', "language 'English (UK)'"),
        (GOOD + 'markdown_engine = "commonmark"\n', "markdown_engine 'commonmark' is not known"),
        (GOOD + "[[tool.newsdigest.oops\n", "not valid TOML"),
    ],
)
def test_a_bad_setting_is_named_and_stops_with_status_2(
    tmp_path: Path, settings: str, words: str
) -> None:
    result = run_here("check", cwd=project_with(tmp_path, settings))
    assert result.returncode == 2, (result.stdout, result.stderr)
    first = result.stderr.splitlines()[0]
    line = len(settings.splitlines())  # the wrong setting is the file's last line
    if words == "site_id":  # not written at all: on no line
        assert first.startswith("newsdigest: error: pyproject.toml: site_id")
    elif "site_id" in words or "base_url" in words:
        assert re.match(r"pyproject\.toml:[34]: error: ", first), first
    else:
        assert first.startswith(f"pyproject.toml:{line}: error: "), first
    assert words in result.stderr
    assert "\n    fix: " in result.stderr
    assert "Traceback" not in result.stderr


def test_build_with_a_bad_setting_writes_nothing(tmp_path: Path) -> None:
    root = project_with(tmp_path, GOOD + 'titel = "Oops"\n')
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 2
    assert "unknown setting 'titel'" in result.stderr
    assert not (tmp_path / "site").exists()


def test_unknown_setting_lists_the_known_ones(tmp_path: Path) -> None:
    result = run_here("check", cwd=project_with(tmp_path, GOOD + "colour = 1\n"))
    assert "unknown setting 'colour'" in result.stderr
    assert "base_url" in result.stderr and "site_id" in result.stderr


def test_a_bad_base_url_on_the_command_line_is_named(tmp_path: Path) -> None:
    root = project_with(tmp_path, GOOD)
    result = run_here(
        "build", "--output", str(tmp_path / "site"), "--base-url", "localhost:8000", cwd=root
    )
    assert result.returncode == 2
    assert "base_url 'localhost:8000' is not an absolute URL" in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("url", "said", "fix"),
    [
        (
            "https://exa mple.org/",
            "has a space in its host name, which a web address cannot contain",
            "remove it",
        ),
        (
            "http://h.org/My Repo/",
            "has a space in it, which a web address cannot contain",
            "write each space as %20 (http://h.org/My%20Repo/), or use a folder name "
            "without spaces",
        ),
        ('https://h.org/a"b/', "has '\"' in it", "write it https://h.org/a%22b/"),
        ("https://h.org/<news>/", "has '<' in it", "write it https://h.org/%3Cnews%3E/"),
        ("https://h.org/a\\b/", "has '\\' in it", "write it https://h.org/a%5Cb/"),
        ("https://h.org/café/", "has 'é' in it", "write it https://h.org/caf%C3%A9/"),
        (
            "https://bücher.de/news/",
            "has 'ü' in its host name, which feeds and sitemaps cannot carry",
            "write the host name in its xn-- form: https://xn--bcher-kva.de/news/",
        ),
        ("https://h.org/100%/", "has a % that is not followed by two hexadecimal", "%25"),
        ("https://h.org:80a/", "has a port that is not a number", "https://example.org:8080/"),
        ("https://h.org:99999/", "has port 99999, which is out of range", "1 to 65535"),
        ("https://h.org:0/news/", "has port 0, which is out of range", "https://h.org/news/"),
        (  # prober5 P44: 443 is in range, written twice
            "https://h.org:443:443/",
            "has two ports (443:443), and an address has one at most",
            "write it with one: https://h.org:443/",
        ),
        (
            "https://h.org:8080:443/t/",
            "has two ports (8080:443)",
            "write it with one: https://h.org:8080/t/ or https://h.org:443/t/",
        ),
    ],
)
def test_a_base_url_that_is_not_a_web_address_is_an_error_on_its_line(
    tmp_path: Path, url: str, said: str, fix: str
) -> None:
    """Pages, feeds and the sitemap carry base_url as written: a space, a quote, a '<' or a
    letter outside ASCII would be published raw, so it is refused with the way to write it."""
    root = newsroom(tmp_path, OWN.replace('"https://example.org/news/"', f"'{url}'"))
    site = tmp_path / "site"

    checked = run_here("check", cwd=root)
    built = run_here("build", "--output", str(site), cwd=root)

    for result in (checked, built):
        assert result.returncode == 2
        # quoted as TOML writes it (a literal string: a backslash is itself)
        assert f"newsdigest.toml:2: error: base_url '{url}' {said}" in result.stderr, result.stderr
        assert "    fix: " in result.stderr and fix in result.stderr
    assert not site.exists()


@pytest.mark.parametrize(
    ("typed", "published"),
    [
        ("https://h.org:443:443/", "https://h.org/"),
        ("https://[::1]:8080/", "https://[::1]:8080/"),  # an IPv6 host's colons: no warning
    ],
)
def test_the_fix_for_two_ports_publishes_the_site_address(
    tmp_path: Path, typed: str, published: str
) -> None:
    """The fix's first address, written as the fix says, builds with it as the canonical
    site address (and an IPv6 address is read as one host)."""
    url = typed
    checked = run_here(
        "check", cwd=newsroom(tmp_path, OWN.replace('"https://example.org/news/"', f"'{url}'"))
    )
    if checked.returncode:
        url = checked.stderr.split("fix: ")[1].splitlines()[0].split(": ", 1)[1].split(" or ")[0]
    root = newsroom(tmp_path, OWN.replace('"https://example.org/news/"', f"'{url}'"))
    site = tmp_path / "site"
    result = run_here("build", "--output", str(site), cwd=root, search=False)
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    assert f'href="{published}"' in (site / "index.html").read_text(encoding="utf-8")


def test_a_base_url_option_with_a_space_is_refused_naming_the_option(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_here(
        "build", "--output", str(site), "--base-url", "http://h/My Repo/", cwd=newsroom(tmp_path)
    )
    assert result.returncode == 2
    assert "--base-url: base_url 'http://h/My Repo/' has a space in it" in result.stderr
    assert "write each space as %20 (http://h/My%20Repo/)" in result.stderr
    assert not site.exists()


def test_every_settings_problem_is_reported_at_once_the_logo_and_an_option_too(
    tmp_path: Path,
) -> None:
    """An editor fixing newsdigest.toml sees every problem in one run: an empty title, a
    number out of range, a logo that is not there (checked once the others pass, before)
    and a wrong --base-url, each with its fix; nothing is built."""
    settings = OWN.replace('title = "Test Desk"', 'title = ""') + (
        'items_per_page = 0\nlogo = "nope.png"\n'
    )
    root = newsroom(tmp_path, settings)
    site = tmp_path / "site"
    result = run_here("build", "--output", str(site), "--base-url", "http://h/My Repo/", cwd=root)
    assert result.returncode == 2
    lines = settings.splitlines()
    title = lines.index('title = ""') + 1
    logo = lines.index('logo = "nope.png"') + 1
    assert f"newsdigest.toml:{title}: error: title" in result.stderr, result.stderr
    assert "items_per_page must be at least 1" in result.stderr
    assert f"newsdigest.toml:{logo}: error: logo 'nope.png' does not exist" in result.stderr
    assert "--base-url: base_url 'http://h/My Repo/' has a space in it" in result.stderr
    assert "write each space as %20 (http://h/My%20Repo/)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_base_url_without_a_trailing_slash_still_gives_paths_under_it(tmp_path: Path) -> None:
    root = project_with(tmp_path, GOOD.replace("/news/", "/news"))
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/2025/06/20/a-story/index.html").read_text(encoding="utf-8")
    assert 'href="/news/tags/"' in page
    assert '<link rel="canonical" href="https://example.org/news/2025/06/20/a-story/">' in page


def test_settings_reach_the_site(tmp_path: Path) -> None:
    settings = GOOD + 'language = "en-GB"\ndescription = "Small news."\ntimezone = "Asia/Kolkata"\n'
    root = project_with(tmp_path, settings)
    write_article(root, "no-offset.md", STORY.replace("+05:30", "").replace("A Story", "B"))
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB"' in home and "Test Desk" in home and "Small news." in home
    page = (tmp_path / "site/2025/06/20/no-offset/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-06-20T10:00:00+05:30">' in page


def test_without_a_settings_file_the_command_says_where_it_looked(tmp_path: Path) -> None:
    root = tmp_path / "bare"
    root.mkdir()
    write_article(root, "a-story.md", STORY)
    for command in ("check", "build", "new"):
        result = run_here(command, *(["Title"] if command == "new" else []), cwd=root)
        assert result.returncode == 2
        assert f"{root} has no newsdigest.toml" in result.stderr
        assert "--site DIR" in result.stderr and "newsdigest init" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


def test_a_command_run_inside_a_sites_folder_names_the_site_above(tmp_path: Path) -> None:
    """An editor who ran check in content/2025/ is told where the site is."""
    project = make_project(tmp_path / "newsroom")
    inside = project / "content" / "2025"
    inside.mkdir(parents=True, exist_ok=True)
    for command in ("check", "build"):
        result = run_here(command, cwd=inside)
        assert result.returncode == 2
        assert f"{inside} is inside the site {project}" in result.stderr
        assert f"cd {project}" in result.stderr and f"--site {project}" in result.stderr
    assert not (inside / "site").exists()


OWN = GOOD.replace("[tool.newsdigest]\n", "")


def newsroom(tmp_path: Path, settings: str = OWN) -> Path:
    """A site with newsdigest.toml and no pyproject.toml, as `newsdigest init` writes."""
    root = tmp_path / "gazette"
    write_article(root, "a-story.md", STORY)
    (root / "newsdigest.toml").write_text(settings, encoding="utf-8")
    return root


def test_newsdigest_toml_holds_the_settings_at_its_top_level(tmp_path: Path) -> None:
    root = newsroom(tmp_path, OWN.replace("Test Desk", "Harbour Gazette"))
    result = run_here("build", cwd=root)
    assert result.returncode == 0, result.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "Harbour Gazette" in home


def test_a_wrong_setting_in_newsdigest_toml_names_that_file(tmp_path: Path) -> None:
    root = newsroom(tmp_path, OWN + 'timezone = "Mars/Olympus_Mons"\n')
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert result.stderr.startswith("newsdigest.toml:4: error: timezone 'Mars/Olympus_Mons'")
    root = newsroom(tmp_path / "2", OWN + "colour = 1\n")
    result = run_here("check", cwd=root)
    assert "newsdigest.toml:4: error: unknown setting 'colour'" in result.stderr


def test_both_settings_files_is_an_error_naming_both(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    (root / "pyproject.toml").write_text(GOOD, encoding="utf-8")
    for command in ("check", "build"):
        result = run_here(command, cwd=root)
        assert result.returncode == 2
        assert "newsdigest.toml" in result.stderr and "pyproject.toml" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


def test_a_python_projects_pyproject_without_newsdigest_settings_is_left_alone(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path)
    (root / "pyproject.toml").write_text('[project]\nname = "tools"\n', encoding="utf-8")
    assert run_here("check", cwd=root).returncode == 0


def test_every_command_finds_the_site_given_with_site(tmp_path: Path) -> None:
    root = newsroom(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    check = run_here("check", "--site", str(root), cwd=elsewhere)
    assert check.returncode == 0, check.stderr
    assert "checked 1 article:" in check.stdout
    build = run_here("--site", str(root), "build", cwd=elsewhere)
    assert build.returncode == 0, build.stderr
    assert (root / "site" / "2025" / "06" / "20" / "a-story" / "index.html").is_file()
    new = run_here("new", "Harbour reopens", "--country", "NZ", "--site", str(root), cwd=elsewhere)
    assert new.returncode == 0, new.stderr
    assert Path(new.stdout.strip()).is_file() and Path(new.stdout.strip()).is_relative_to(root)
    assert sorted(p.name for p in elsewhere.iterdir()) == []


def test_site_that_is_not_a_folder_is_named(tmp_path: Path) -> None:
    result = run_here("check", "--site", "nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "--site nowhere: no such folder" in result.stderr


def test_every_wrong_setting_is_reported_in_one_run(tmp_path: Path) -> None:
    """Three mistakes, three lines: the editor fixes them all before running again."""
    settings = (
        GOOD.replace('"example.org,2025"', '"my site"')
        + "items_per_page = 0\n"
        + 'feed_length = "many"\n'
        + 'colour = "red"\n'
    )
    result = run_here("check", cwd=project_with(tmp_path, settings))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    for words in (
        "site_id 'my site'",
        "items_per_page must be at least 1",
        "feed_length must be a whole number",
        "unknown setting 'colour'",
    ):
        assert [
            line
            for line in lines
            if words in line and re.match(r"pyproject\.toml:\d+: error: ", line)
        ], (words, result.stderr)


def test_the_readme_table_of_settings_is_the_declared_settings() -> None:
    """Each setting is declared once (config.Settings: type, default, kind, meaning, and
    its check in CHECKS); README's table is made from the declarations."""
    from conftest import REPO

    from generator import config

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert config.readme_table() in readme
    assert set(config.CHECKS) <= {f.name for f in config.fields(config.Settings)}


def test_the_readme_table_of_front_matter_fields_is_the_declared_fields() -> None:
    """The article fields are declared once (load/fields.py); validation knows exactly
    those, and README's table is made from them."""
    from conftest import REPO

    from generator.load import credits, fields, validate

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert fields.readme_table() in readme
    assert fields.top_level() == validate.KNOWN_FIELDS
    assert credits.KNOWN_CREDITS == ("author", "image", "sources")


# newsdigest.toml: title 1, base_url 2, site_id 3, then the three mistakes on lines 4-6.
MISTAKES = OWN + 'items_per_page = "ten"\nitem_per_page = 3\nlanguage = "English"\n'


def test_every_command_puts_a_wrong_setting_on_its_line_with_the_fixed_line(
    tmp_path: Path,
) -> None:
    """The settings file's line and the corrected line, as for an article's mistakes."""
    root = newsroom(tmp_path, MISTAKES)
    expected = [
        "newsdigest.toml:4: error: items_per_page must be a whole number, not 'ten'",
        "    fix: write a whole number, without quotes: items_per_page = 10",
        "newsdigest.toml:5: error: unknown setting 'item_per_page'",
        "    fix: did you mean 'items_per_page'? It is set on line 4 already: delete this "
        "line, or delete that one and write here: items_per_page = 3",
        "newsdigest.toml:6: error: language 'English' is not a language tag newsdigest knows",
        '    fix: did you mean \'en\'? write a language tag (BCP 47) such as "en", "pt-BR" '
        'or "ur": language = "en"',
        "3 errors, 0 warnings",
    ]
    for command in ("check", "build"):
        result = run_here(command, cwd=root)
        assert result.returncode == 2
        assert result.stderr.splitlines() == expected, result.stderr
    assert not (root / "site").exists()
    github = run_here("check", "--format", "github", cwd=root)
    assert github.returncode == 2
    assert github.stdout.splitlines()[0] == (
        "::error file=newsdigest.toml,line=4,title=newsdigest%3A error::items_per_page must be "
        "a whole number, not 'ten'. Fix: write a whole number, without quotes: items_per_page = 10"
    )
    *annotations, counted = github.stdout.splitlines()
    assert [line.split(",")[1] for line in annotations] == ["line=4", "line=5", "line=6"]
    assert counted == "3 errors, 0 warnings"


def test_a_wrong_setting_in_pyproject_is_on_its_line_of_the_tool_table(tmp_path: Path) -> None:
    """pyproject.toml's own lines above [tool.newsdigest] are counted; a key of the same
    name in another table is not the setting."""
    root = tmp_path / "project"
    write_article(root, "a-story.md", STORY)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "desk"\ndescription = "tools"\n\n' + GOOD + "timezone = 'Mars'\n",
        encoding="utf-8",
    )
    result = run_here("check", cwd=root)
    assert result.stderr.splitlines()[0] == (
        "pyproject.toml:9: error: timezone 'Mars' is not a known time zone"
    )
    (root / "pyproject.toml").write_text(GOOD + "description = 'A\n", encoding="utf-8")
    result = run_here("check", cwd=root)
    assert result.stderr.startswith("pyproject.toml:5: error: this line is not valid TOML: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("written", "line", "fix"),
    [
        ('title = ""', 2, 'write its name: title = "Daily News"'),
        ('description = ""', 4, 'write it: description = "News from the harbour, every morning."'),
        ('description = "   "', 4, "description = "),
        ('repo_branch = ""', 4, 'write the branch edits go to: repo_branch = "main"'),
    ],
)
def test_an_empty_required_setting_is_an_error_on_its_line_not_a_traceback(
    tmp_path: Path, written: str, line: int, fix: str
) -> None:
    """An empty title or description once passed `check` and crashed `build` in the feed
    writer (feedgen: 'Required fields not set'); now both stop on the setting's line."""
    name = written.split(" ")[0]
    settings = OWN.replace('title = "Test Desk"', written) if name == "title" else OWN + written
    root = newsroom(tmp_path, settings + "\n")
    for command in ("check", "build"):
        result = run_here(command, cwd=root)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        lines = result.stderr.splitlines()
        assert (
            lines[0]
            == f"newsdigest.toml:{line - 1 if name == 'title' else line}: error: {name} is empty"
        )
        assert lines[1].startswith("    fix: ") and fix in lines[1]
        assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("IST", "Asia/Kolkata"),
        ("PKT", "Asia/Karachi"),
        ("pkt", "Asia/Karachi"),
        ("JST", "Asia/Tokyo"),
    ],
)
def test_a_zones_abbreviation_suggests_the_zone_it_names(
    tmp_path: Path, typed: str, zone: str
) -> None:
    """'IST' once suggested 'MST' (the closest spelling); an abbreviation names a place."""
    root = newsroom(tmp_path, OWN + f'timezone = "{typed}"\n')
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"newsdigest.toml:4: error: timezone '{typed}' is not a known time zone",
        f"    fix: '{typed}' is an abbreviation, which places may share, not a zone's name: "
        f"did you mean '{zone}'? write: timezone = \"{zone}\"",
        "1 error, 0 warnings",
    ]


@pytest.mark.parametrize(
    ("typed", "zone", "clock"),
    [
        ("GMT+5", "Asia/Karachi", "+05:00"),
        ("UTC+05:30", "Asia/Kolkata", "+05:30"),
        ("+0530", "Asia/Kolkata", "+05:30"),
        ("GMT-5", "America/Bogota", "-05:00"),
        ("utc+3", "Europe/Moscow", "+03:00"),
        ("Etc/GMT+14", "Pacific/Kiritimati", "+14:00"),
        ("Etc/GMT+5:30", "Asia/Kolkata", "+05:30"),
    ],
)
def test_a_zone_written_as_an_offset_suggests_a_city_on_that_clock(
    tmp_path: Path, typed: str, zone: str, clock: str
) -> None:
    """'GMT+5' once suggested 'GMT+0', five hours off; tzdata's Etc/GMT+5 is UTC-5 (POSIX's
    sign). The fix names a city whose clock is the offset typed, and following it puts
    every time on that clock."""
    root = newsroom(tmp_path, OWN + f'timezone = "{typed}"\n')
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    error, fix, counted = result.stderr.splitlines()
    assert error == f"newsdigest.toml:4: error: timezone '{typed}' is not a known time zone"
    assert counted == "1 error, 0 warnings"
    assert f"reads as UTC{clock}" in fix and f'write: timezone = "{zone}"' in fix
    assert "GMT+0" not in fix
    # Etc/GMT-5 is never offered: it is warned for its reversed sign (prober5 P32)
    assert 'write: timezone = "Etc/' not in fix and "or 'Etc/" not in fix
    (root / "newsdigest.toml").write_text(OWN + f'timezone = "{zone}"\n', encoding="utf-8")
    write_article(root, "a-story.md", STORY.replace("+05:30", ""))  # read in the zone
    assert run_here("build", cwd=root).returncode == 0
    page = next((root / "site" / "2025").rglob("a-story/index.html")).read_text(encoding="utf-8")
    assert f'datetime="2025-06-20T10:00:00{clock}"' in page


@pytest.mark.parametrize(
    ("typed", "zone", "other"),
    [
        ("-3.5", "America/St_Johns", "UTC-02:30 in summer time"),
        ('"UTC-03:30"', "America/St_Johns", "UTC-02:30 in summer time"),
        ('"UTC+13:45"', "Pacific/Chatham", "UTC+12:45 the rest of the year"),
    ],
)
def test_an_offset_no_city_keeps_all_year_names_the_city_on_it_part_of_it(
    tmp_path: Path, typed: str, zone: str, other: str
) -> None:
    """prober5 P33: `timezone = -3.5` got Asia/Kolkata and Europe/London as examples, on the
    other side of the world; Newfoundland is on UTC-03:30 outside its summer time."""
    root = newsroom(tmp_path, OWN + f"timezone = {typed}\n")
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    fix = result.stderr.splitlines()[1]
    assert f"{zone!r} is on it" in fix and f"({other})" in fix, fix
    assert f'write: timezone = "{zone}"' in fix and "Kolkata" not in fix, fix
    (root / "newsdigest.toml").write_text(OWN + f'timezone = "{zone}"\n', encoding="utf-8")
    assert run_here("check", cwd=root).returncode == 0


def test_an_offset_no_place_is_ever_on_names_the_nearest_clocks(tmp_path: Path) -> None:
    root = newsroom(tmp_path, OWN + "timezone = 4.25\n")
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert result.stderr.splitlines()[1] == (
        "    fix: no place's clock is at UTC+04:15: check the offset, then write the zone of "
        "the newsroom's city by its name (the nearest clocks: 'Asia/Dubai' or 'Asia/Kabul')"
    )


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("India", "Asia/Kolkata"),
        ("Pakistan", "Asia/Karachi"),
        ("Z", "UTC"),
        ("New York", "America/New_York"),
        ("Asia/Karchi", "Asia/Karachi"),
    ],
)
def test_a_zone_written_as_a_country_or_city_names_its_own_zone(
    tmp_path: Path, typed: str, zone: str
) -> None:
    """'India' once got 'Indian/Mahe' (the Seychelles, UTC+4) and 'Z' got 'NZ' by spelling;
    a country of one zone or a city names its zone, 'Z' is UTC (prober5 P47), and the
    zone written is silent."""
    root = newsroom(tmp_path, OWN + f'timezone = "{typed}"\n')
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert f'write: timezone = "{zone}"' in result.stderr, result.stderr
    (root / "newsdigest.toml").write_text(OWN + f'timezone = "{zone}"\n', encoding="utf-8")
    result = run_here("check", cwd=root)
    assert result.returncode == 0 and "timezone" not in result.stdout + result.stderr


def test_a_zone_of_a_country_of_several_zones_is_not_picked(tmp_path: Path) -> None:
    root = newsroom(tmp_path, OWN + 'timezone = "United States"\n')
    result = run_here("check", cwd=root)
    assert "is a country with several time zones" in result.stderr
    assert "America/New_York" in result.stderr


def test_a_settings_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Notepad and other Windows editors may start a UTF-8 file with a byte order mark (BOM);
    front matter is read with one, and so are the settings, a wrong one still on its line."""
    root = newsroom(tmp_path, "\ufeff" + OWN.replace("Test Desk", "Harbour Gazette"))
    result = run_here("build", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Harbour Gazette" in (root / "site" / "index.html").read_text(encoding="utf-8")
    (root / "newsdigest.toml").write_text("\ufeff" + OWN + "colour = 1\n", encoding="utf-8")
    result = run_here("check", cwd=root)
    assert "newsdigest.toml:4: error: unknown setting 'colour'" in result.stderr
    pyproject = make_project(tmp_path / "project")
    text = (pyproject / "pyproject.toml").read_text(encoding="utf-8")
    (pyproject / "pyproject.toml").write_text("\ufeff" + text, encoding="utf-8")
    write_article(pyproject, "a-story.md", STORY)
    assert run_here("check", cwd=pyproject).returncode == 0


def test_a_setting_or_table_written_twice_names_both_lines(tmp_path: Path) -> None:
    """TOML refuses a key given twice; the editor is told which setting, where the first
    one is, and to keep one, not that the line is somehow not TOML."""
    root = newsroom(tmp_path, OWN + 'title = "Harbour Gazette"\n')
    first = 1 + OWN.splitlines().index(next(x for x in OWN.splitlines() if x.startswith("title")))
    second = len(OWN.splitlines()) + 1
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        f"newsdigest.toml:{second}: error: the setting title is written a second time here "
        f"(first on line {first})",
        "    fix: keep one title and delete the other line",
    ]
    # prober4 L1: the second written in quotes ("title" = ...) is the same setting
    (root / "newsdigest.toml").write_text(OWN + '"title" = "Harbour Gazette"\n', "utf-8")
    result = run_here("check", cwd=root)
    assert result.stderr.splitlines()[:2] == [
        f"newsdigest.toml:{second}: error: the setting title is written a second time here "
        f"(first on line {first})",
        "    fix: keep one title and delete the other line",
    ], result.stderr
    (root / "newsdigest.toml").unlink()
    (root / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n' + GOOD + "\n[tool.newsdigest]\n", encoding="utf-8"
    )
    result = run_here("build", cwd=root)
    assert result.returncode == 2
    line = 4 + len(GOOD.splitlines()) + 1
    assert result.stderr.startswith(
        f"pyproject.toml:{line}: error: the table tool.newsdigest is written a second time "
        "here (first on line 4)"
    )
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    "tail",
    [
        # a basic multi-line string above holding a header and the key; then the twice one
        'description = """\n[extra]\ntitle = "x"\n"""\ntitle = """multi\nline"""\n',
        "description = '''\n[extra]\ntitle = x\n'''\ntitle = '''multi\nline'''\n",
        'keywords = [\n  "title = x",\n  "[extra]",\n]\ntitle = [\n  "a",\n  "b",\n]\n',
        'logo = { path = "a\\"]", x = [\n1,\n2] }\n\ntitle = { a = [\n1] }\n',
    ],
)
def test_a_setting_written_twice_over_several_lines_is_named_on_its_key_line(
    tmp_path: Path, tail: str
) -> None:
    """tomllib names the line where the second value ends; the editor is told the line of
    its key, and the first one's, past strings, arrays and inline tables spanning lines."""
    root = newsroom(tmp_path, OWN + tail)
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    at = lines.index(
        "newsdigest.toml:8: error: the setting title is written a second time here "
        "(first on line 1)"
    )
    assert lines[at + 1] == "    fix: keep one title and delete the other line"


@pytest.mark.parametrize("header", ["[extra]", "[extra.links]", "[[extra]]"])
def test_an_unknown_table_is_named_on_its_header_line_with_how_to_delete_it(
    tmp_path: Path, header: str
) -> None:
    """Its keys are the table's, not settings: one error, on the line of its header."""
    root = newsroom(tmp_path, OWN + f'\n{header}\ntitle = "x"\nfoo = 1\n')
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert result.stderr == (
        "newsdigest.toml:5: error: unknown setting 'extra' (a table, [extra])\n"
        "    fix: delete the table: this line and the lines under it, up to the next [table] "
        "or the end of the file (newsdigest's settings hold no tables: README, Settings)\n"
        "1 error, 0 warnings\n"
    )
    root = project_with(tmp_path / "py", GOOD + "\n[tool.newsdigest.extra]\nfoo = 1\n")
    result = run_here("check", cwd=root)
    assert result.stderr.startswith("pyproject.toml:6: error: unknown setting 'extra' (a table")


def test_the_wrong_settings_are_reported_in_the_order_of_their_lines(tmp_path: Path) -> None:
    settings = (
        OWN.replace("Test Desk", "T") + 'colour = 1\ntimezone = "Mars/X"\nfeed_length = "x"\n'
    )
    settings = settings.replace('site_id = "example.org,2025"', 'site_id = "my site"')
    result = run_here("check", cwd=newsroom(tmp_path, settings))
    numbers = [int(n) for n in re.findall(r"^newsdigest\.toml:(\d+): error", result.stderr, re.M)]
    assert numbers == [3, 4, 5, 6], result.stderr


def test_a_base_url_of_another_scheme_says_it_must_start_with_https(tmp_path: Path) -> None:
    root = newsroom(tmp_path, OWN.replace("https://example.org/news/", "ftp://x"))
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert "base_url 'ftp://x' must start with https:// or http://" in result.stderr
    assert "not an absolute URL" not in result.stderr


def test_the_home_folder_as_output_is_refused_saying_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """newsdigest would replace the whole folder: the editor's home, with all their files."""
    home = tmp_path / "home"
    (home / "notes.txt").parent.mkdir()
    (home / "notes.txt").write_text("mine")
    monkeypatch.setenv("HOME", str(home))
    result = run_here("build", "--output", str(home), cwd=newsroom(tmp_path))
    assert result.returncode == 2
    assert result.stderr == (
        f"newsdigest: error: output directory {home} is your home folder; newsdigest replaces "
        "the whole output folder with the site, so choose a new folder such as site/\n"
    )
    assert [p.name for p in home.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    ("written", "quoted", "rewritten"),
    [
        ("true", "true", "true"),
        ("1.5", "1.5", "1.5"),
        ("1e9", "1e9", "1000000000.0"),  # as typed, not as Python writes it
        ("[1, 2]", "[1, 2]", "[1, 2]"),
        ("2025-06-01T10:00:00Z", "2025-06-01T10:00:00Z", "2025-06-01T10:00:00Z"),
        ("2025-06-01", "2025-06-01", "2025-06-01"),
        ('"ten"', "'ten'", '"ten"'),
        ('"tab\\there"', '"tab\\there"', '"tab\\there"'),
        ("'C:\\news'", "'C:\\news'", '"C:\\\\news"'),
    ],
)
def test_a_value_of_the_wrong_type_is_quoted_as_toml_writes_it(
    tmp_path: Path, written: str, quoted: str, rewritten: str
) -> None:
    """`items_per_page = true` once said "not True", Python's spelling: every value the
    messages quote is written as it would be in the settings file (TOML), and a fix that
    moves the value to another line writes it so TOML reads the same value."""
    root = newsroom(tmp_path, OWN + f"items_per_page = {written}\ntitl = {written}\n")
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    said = f"newsdigest.toml:4: error: items_per_page must be a whole number, not {quoted}\n"
    assert said in result.stderr, result.stderr
    assert (
        "fix: did you mean 'title'? It is set on line 1 already: delete this line, or "
        f"delete that one and write here: title = {rewritten}\n"
    ) in result.stderr


def test_a_whole_number_written_as_a_decimal_is_fixed_to_that_number(tmp_path: Path) -> None:
    """`items_per_page = 1e9` is a TOML float: named as typed, and the fix is the number meant,
    not the default (which would publish something else)."""
    root = newsroom(tmp_path, OWN + "items_per_page = 1e9  # every story on one page\n")
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert "items_per_page must be a whole number, not 1e9\n" in result.stderr, result.stderr
    assert "fix: write a whole number, without quotes: items_per_page = 1000000000\n" in (
        result.stderr
    )


@pytest.mark.parametrize("written", ["-1e2", "0.0"])
def test_a_decimal_below_one_is_fixed_to_the_default_not_to_another_mistake(
    tmp_path: Path, written: str
) -> None:
    """`items_per_page = -1e2` once got the fix `= -100`, which is the next error (at least
    1): the fix is a value the setting takes, its default."""
    root = newsroom(tmp_path, OWN + f"items_per_page = {written}\n")
    result = run_here("check", cwd=root)
    assert result.returncode == 2
    assert f"items_per_page must be a whole number, not {written}\n" in result.stderr
    assert "fix: write a whole number, without quotes: items_per_page = 10\n" in result.stderr
