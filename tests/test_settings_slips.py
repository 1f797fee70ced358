"""Settings misspelt or in another form get the line to write, as front matter does
(tester3 M5): a time zone in other capitals, a language's English name, a misspelt
setting's name; one misspelt while the right one is set too is not told to write a
second line of the same setting (TOML refuses a key written twice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BASE_URL, STORY, make_project, run_here, write_article


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        (
            'timezone = "asia/kolkata"',
            "did you mean 'Asia/Kolkata'? write: timezone = \"Asia/Kolkata\"",
        ),
        ('language = "English"', "did you mean 'en'?"),
        ('langauge = "en"', "did you mean 'language'? write: language = \"en\""),
        (
            'Title = "X"',
            "did you mean 'title'? It is set on line 2 already: delete this line",
        ),
        ('titel = "X"', 'or delete that one and write here: title = "X"'),
    ],
)
def test_a_misspelt_setting_gets_the_line_to_write(tmp_path: Path, setting: str, said: str) -> None:
    project = make_project(tmp_path / "p", setting + "\n")
    if setting.startswith(("timezone", "language")):  # the one setting, misspelt
        settings = project / "pyproject.toml"
        settings.write_text(
            settings.read_text().replace('timezone = "UTC"\n', ""), encoding="utf-8"
        )
    write_article(project, "2025/06/story.md", STORY)

    result = run_here("check", cwd=project)

    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "pyproject.toml:" in out and said in out, out


@pytest.mark.parametrize("folder", ["/etc", "../elsewhere", "news/../../x"])
def test_a_content_folder_outside_the_site_is_an_error_on_its_line(
    tmp_path: Path, folder: str
) -> None:
    """tester3 M6: `content_dir = "/etc"` read /etc and named its files as content/'s."""
    project = make_project(tmp_path / "site", f'content_dir = "{folder}"\n')
    (tmp_path / "elsewhere").mkdir()
    write_article(project, "2025/06/story.md", STORY)

    result = run_here("check", cwd=project)

    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert f"pyproject.toml:8: error: content_dir '{folder}' is outside the site's folder" in out
    assert "fix: move the folder into the site's folder" in out
    assert "checked" not in out  # nothing read


def test_a_content_folder_inside_the_site_is_silent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "site", 'content_dir = "./news/../content"\n')
    (project / "news").mkdir()
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_content_folder_inside_the_site_written_from_the_root_gets_its_site_path(
    tmp_path: Path,
) -> None:
    """prober4 M13: `content_dir = "/.../site/src/news"` (inside the site) was called
    "outside the site's folder": the fix is the path from the site's folder, which passes."""
    project = make_project(tmp_path / "site")
    write_article(project, "2025/06/story.md", STORY)
    (project / "src").mkdir()
    (project / "content").rename(project / "src/news")
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + f'content_dir = "{project / "src/news"}"\n', encoding="utf-8")

    result = run_here("check", cwd=project)

    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert f"pyproject.toml:8: error: content_dir '{project / 'src/news'}' is written from " in out
    assert "outside" not in out, out
    assert "    fix: write content_dir = 'src/news'\n" in out, out
    settings.write_text(text + "content_dir = 'src/news'\n", encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0


def test_a_site_id_typed_as_an_address_gets_its_own_domain_in_the_fix(tmp_path: Path) -> None:
    """tester3 L3: `site_id = "https://example.com/"` was offered `example.org,YEAR`."""
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    settings.write_text(
        settings.read_text().replace(
            'site_id = "test.example,2025"', 'site_id = "https://news.example.com/"'
        ),
        encoding="utf-8",
    )
    write_article(project, "2025/06/story.md", STORY)

    out = run_here("check", cwd=project).stderr

    assert "site_id 'https://news.example.com/' is not valid" in out, out
    assert 'fix: write: site_id = "news.example.com,20' in out


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        (
            'site-id = "other.org,2025"',
            "pyproject.toml:8: error: unknown setting 'site-id' (settings are written with '_',"
            " never '-')\n    fix: did you mean 'site_id'? It is set on line 5 already",
        ),
        (
            'base-url = "https://other.org/x/"',
            "pyproject.toml:8: error: unknown setting 'base-url'",
        ),
        (
            "home-per-day = 3",
            "pyproject.toml:8: error: unknown setting 'home-per-day' (settings are written with"
            " '_', never '-')\n    fix: did you mean 'home_per_day'? write: home_per_day = 3",
        ),
    ],
)
def test_a_setting_spelt_with_hyphens_is_an_error_never_read(
    tmp_path: Path, setting: str, said: str
) -> None:
    """prober3 H2: `site-id` on a second line silently changed every feed GUID."""
    project = make_project(tmp_path / "p", setting + "\n")
    write_article(project, "2025/06/story.md", STORY)

    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert said in out, out
    assert not (tmp_path / "site").exists()


def test_the_settings_spelt_with_underscores_are_read(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", "home_per_day = 3\n")
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    assert result.returncode == 0 and "unknown" not in result.stderr, result.stderr


@pytest.mark.parametrize("setting", ['content_dir = "linked"\n', ""])
def test_a_content_folder_that_is_a_link_to_outside_the_site_is_an_error_on_its_line(
    tmp_path: Path, setting: str
) -> None:
    """prober3 M11: `content_dir = "../outside"` was refused, the same folder through a
    link on disk read (its Edit links naming a path not in the repository)."""
    project = make_project(tmp_path / "site", setting)
    outside = tmp_path / "outside"
    write_article(project, "2025/06/story.md", STORY)
    (project / "content").rename(outside)
    (project / ("linked" if setting else "content")).symlink_to(outside)

    result = run_here("check", cwd=project)

    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    if setting:
        assert "pyproject.toml:8: error: content_dir 'linked' is a link on disk to " in out, out
    else:
        assert "content_dir 'content' is a link on disk to " in out, out
    assert "which is outside the site's folder" in out
    assert "fix: move the folder into the site's folder in place of the link" in out
    assert "checked" not in out


def test_a_content_folder_linked_inside_the_site_is_read(tmp_path: Path) -> None:
    project = make_project(tmp_path / "site", 'content_dir = "linked"\n')
    write_article(project, "2025/06/story.md", STORY)
    (project / "linked").symlink_to(project / "content")
    result = run_here("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("typed", "said"),
    [  # prober3 L3: the host missing named so; a mistyped scheme given its address back
        ("https://", "base_url 'https://' names no host after https://"),
        ("https//example.com/", "write it so: https://example.com/"),
        ("https:/example.com/", "write it so: https://example.com/"),
        ("https:example.com", "write it so: https://example.com/"),
        # prober4 L9: a '/' too many was told only to "write the address the site is at"
        (
            "https:///example.com/t/",
            "write it with two '/' before the host: https://example.com/t/",
        ),
    ],
)
def test_a_base_url_with_its_scheme_mistyped_gets_the_address_meant(
    tmp_path: Path, typed: str, said: str
) -> None:
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace(BASE_URL, typed), encoding="utf-8")
    write_article(project, "2025/06/story.md", STORY)

    out = run_here("check", cwd=project).stderr

    assert "pyproject.toml:4: error: base_url " in out and said in out, out
    assert "like https://user.github.io/repo/" not in out or typed == "https://"


@pytest.mark.parametrize(
    ("typed", "fix"),
    [  # prober3 L17: the fix is lower case, a tag URI's start is read, a local host not offered
        ("HTTPS://Example.COM/", 'write: site_id = "example.com,20'),
        ("tag:example.com,2025:", 'write: site_id = "example.com,2025"'),
        ("https://localhost:8000/", 'for example site_id = "example.org,20'),
        ("https://[::1]/", 'for example site_id = "example.org,20'),
    ],
)
def test_a_site_id_typed_as_an_address_or_tag_gets_a_fix_that_holds(
    tmp_path: Path, typed: str, fix: str
) -> None:
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("test.example,2025", typed), encoding="utf-8")
    write_article(project, "2025/06/story.md", STORY)

    out = run_here("check", cwd=project).stderr

    assert f"pyproject.toml:5: error: site_id '{typed}' " in out and fix in out, out
    assert "localhost," not in out


@pytest.mark.parametrize("written", ['"site id" = "o.org,2025"', "'site id' = 'o.org,2025'"])
def test_a_quoted_unknown_setting_is_named_on_its_line(tmp_path: Path, written: str) -> None:
    """prober4 M14: `"site id" = ...` was an error with no line, whose fix said "delete
    this line"; a quoted key with a space is found on its line as a bare one is."""
    project = make_project(tmp_path / "p", written + "\n")
    write_article(project, "2025/06/story.md", STORY)

    result = run_here("check", cwd=project)

    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert "pyproject.toml:8: error: unknown setting 'site id'\n" in out, out
    assert "fix: did you mean 'site_id'? It is set on line 5 already: delete this line" in out


def test_a_known_setting_written_with_quotes_is_silent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text().replace("title =", '"title" ='), encoding="utf-8")
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    assert result.returncode == 0 and "warning" not in result.stdout, result.stdout


@pytest.mark.parametrize(
    "typed", ["HTTPS://News.Example.ORG/Desk/", "https://news.example.org:443/Desk/"]
)
def test_a_base_url_in_capitals_or_with_its_default_port_is_published_as_browsers_write_it(
    tmp_path: Path, typed: str
) -> None:
    """prober4 L9: every canonical link, og:url and feed link was published as typed
    (`https://Example.com/t/`, `https://example.com:443/t/`): the host is in lower case
    and the scheme's own port left out, the path kept as typed."""
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace(BASE_URL, typed), encoding="utf-8")
    write_article(project, "2025/06/story.md", STORY)

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert built.returncode == 0 and "warning" not in built.stderr, built.stderr
    page = (tmp_path / "site/2025/06/01/story/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://news.example.org/Desk/2025/06/01/story/">' in page
    feed = (tmp_path / "site/feed.xml").read_text(encoding="utf-8")
    assert "<link>https://news.example.org/Desk/</link>" in feed
    for site_file in (page, feed):
        assert "News.Example" not in site_file and ":443" not in site_file


def test_a_settings_error_is_said_with_the_settings_warnings(tmp_path: Path) -> None:
    """prober3 L13: an error in the settings hid their warnings, which came only once it
    was fixed (a second round); each is said with it, in the file's order, and none that
    names a setting in error (a cname against base_url's default)."""
    extra = 'publisher = "<i>Desk</i>"\nlangauge = "fr"\nhome_per_day = 100\n'
    extra += 'cname = "news.example.org"\n'
    project = make_project(tmp_path / "p", extra)
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace(BASE_URL, "ftp://x"), encoding="utf-8")
    write_article(project, "2025/06/story.md", STORY)

    result = run_here("check", cwd=project)

    assert result.returncode == 2
    said = [line for line in result.stderr.splitlines() if not line.startswith("    fix:")]
    assert said == [
        "pyproject.toml:4: error: base_url 'ftp://x' must start with https:// or http://",
        "pyproject.toml:8: warning: publisher is plain text: <i> is published as typed, on "
        "every page and feed, where many feed readers would read it as HTML",
        "pyproject.toml:9: error: unknown setting 'langauge'",
        "pyproject.toml:10: warning: home_per_day = 100: the home page shows 40 stories at "
        "most, whatever this setting, so it works as home_per_day = 40",
        "2 errors, 2 warnings",
    ], result.stderr
    alone = text.replace(BASE_URL, "ftp://x").replace(extra, "")  # base_url's error alone
    settings.write_text(alone, encoding="utf-8")
    again = run_here("check", cwd=project)
    assert again.returncode == 2 and "warning:" not in again.stdout + again.stderr
    assert again.stderr.endswith("\n1 error, 0 warnings\n"), again.stderr


@pytest.mark.parametrize(
    ("line", "said", "fixed"),
    [
        ("bogus = = 1", "error: unknown setting 'bogus'\n    fix: delete this line", ""),
        ("bogus = hello", "error: unknown setting 'bogus'\n    fix: delete this line", ""),
        (
            'publsher = = "Harbour Media"',
            "did you mean 'publisher'?",
            'publisher = "Harbour Media"',
        ),
        ("publsher = Harbour", 'write: publisher = "Harbour"', 'publisher = "Harbour"'),
        (
            'publisher = = "Harbour Media"',
            "error: the line for publisher has '=' twice, which TOML cannot read\n"
            "    fix: write one '=': publisher = \"Harbour Media\"",
            'publisher = "Harbour Media"',
        ),
        ("feed_length = = 30", "fix: write one '=': feed_length = 30", "feed_length = 30"),
    ],
)
def test_a_line_with_two_slips_gets_one_fix_that_leaves_no_error(
    tmp_path: Path, line: str, said: str, fixed: str
) -> None:
    """Prober5 P11: `bogus = = 1` was told to quote its value (`bogus = "= 1"`), which then
    gave 'unknown setting': an unknown setting is said first, whatever its value; a known
    one with '=' typed twice is told to write one. Each fix, followed, checks clean."""
    project = make_project(tmp_path / "p", line + "\n")
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    assert result.returncode != 0 and said in result.stdout + result.stderr, result
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text("utf-8").replace(line, fixed), encoding="utf-8")
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "error:" not in again.stdout + again.stderr, again


def test_a_line_of_another_table_in_pyproject_is_not_called_a_setting(tmp_path: Path) -> None:
    """Valid-input neighbour: `[project]`'s `name = = x` in pyproject.toml is not one of
    newsdigest's settings; its error says TOML cannot read it, not 'unknown setting'."""
    project = make_project(tmp_path / "p")
    settings = project / "pyproject.toml"
    settings.write_text("[project]\nname = = x\n\n" + settings.read_text("utf-8"), "utf-8")
    write_article(project, "2025/06/story.md", STORY)
    said = run_here("check", cwd=project)
    assert "unknown setting" not in said.stdout + said.stderr, said
    assert "pyproject.toml:2: error:" in said.stdout + said.stderr, said
