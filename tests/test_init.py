"""`newsdigest init`: a new newsroom that checks, builds and publishes as it is written;
`newsdigest theme list / copy`: the theme's files, and an override started from one."""

from __future__ import annotations

import subprocess
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, run_here, site_files
from lxml import html
from test_workflows import validate

from generator import __version__
from generator.render.theme import THEME_DIR

URL = "https://Harbour-Desk.github.io/gazette/"


def init(where: Path, *args: str) -> Any:
    return run_here("init", "gazette", *args, cwd=where)


@pytest.fixture
def gazette(tmp_path: Path) -> Path:
    result = init(
        tmp_path,
        "--title",
        "Harbour Gazette",
        "--url",
        URL,
        "--timezone",
        "Pacific/Auckland",
        "--language",
        "en-NZ",
    )
    assert result.returncode == 0, result.stderr
    return tmp_path / "gazette"


def test_init_writes_a_newsroom_that_checks_without_a_warning_and_builds(gazette: Path) -> None:
    files = sorted(p.relative_to(gazette).as_posix() for p in gazette.rglob("*") if p.is_file())
    year = datetime.now().year
    assert [f for f in files if not f.startswith("content/")] == [
        ".github/workflows/pages.yml",
        ".github/workflows/pr.yml",
        ".gitignore",
        "README.md",
        "newsdigest.toml",
    ]
    (article,) = [f for f in files if f.startswith("content/")]
    assert article.endswith("/welcome-to-harbour-gazette.md")
    check = run_here("check", cwd=gazette)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout == "checked 1 article: no errors\n"
    assert "warning" not in check.stdout + check.stderr
    build = run_here("build", cwd=gazette)
    assert build.returncode == 0, build.stderr
    home = (gazette / "site" / "index.html").read_text(encoding="utf-8")
    assert "Harbour Gazette" in home and '<html lang="en-NZ"' in home
    assert (gazette / "site" / "static" / "style.css").is_file()  # the packaged theme
    settings = tomllib.loads((gazette / "newsdigest.toml").read_text(encoding="utf-8"))
    assert settings["site_id"] == f"harbour-desk.github.io,{year}"
    # the host as browsers write it, in lower case (prober4 L9)
    assert settings["base_url"] == URL.lower() and settings["timezone"] == "Pacific/Auckland"
    front = yaml.safe_load((gazette / article).read_text(encoding="utf-8").split("---")[1])
    assert front["country"] == "New Zealand"  # the time zone's country


@pytest.mark.parametrize(("language", "marked"), [("ar", True), ("no", True), ("en-GB", False)])
def test_the_welcome_article_is_published_in_english_the_language_it_is_written_in(
    tmp_path: Path, language: str, marked: bool
) -> None:
    """The welcome text is English: on an Arabic or Norwegian site it says `language: en`,
    so its page is lang="en" (left to right), not English words published as Arabic."""
    assert init(tmp_path, "--language", language).returncode == 0
    project = tmp_path / "gazette"
    (article,) = (project / "content").rglob("*.md")
    assert ("\nlanguage: en\n" in article.read_text(encoding="utf-8")) is marked
    assert run_here("check", cwd=project).stdout == "checked 1 article: no errors\n"
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    (page,) = (out / datetime.now().strftime("%Y")).rglob("welcome-to-gazette/index.html")
    root = html.fromstring(page.read_bytes())
    assert (root.get("lang"), root.get("dir")) == ("en" if marked else language, None)


def test_init_says_what_it_wrote_and_to_keep_the_site_id(tmp_path: Path) -> None:
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    said = result.stdout
    assert f"harbour-desk.github.io,{datetime.now().year}" in said
    assert "never change" in said.lower() or "forever" in said.lower()
    assert "newsdigest.toml" in said and "cd gazette" in said
    assert '"GitHub Actions"' in said


@pytest.mark.parametrize("zone", ["IST-5:30", "Foo/Bar"])
def test_init_says_when_it_cannot_read_the_computers_time_zone(
    tmp_path: Path, zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A TZ that is a POSIX rule or no zone name: UTC is written, and init says so."""
    monkeypatch.setenv("TZ", zone)
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    settings = tomllib.loads((tmp_path / "gazette" / "newsdigest.toml").read_text())
    assert settings["timezone"] == "UTC"
    [warning] = [line for line in result.stdout.splitlines() if f"(TZ={zone})" in line]
    assert warning.startswith("warning: this computer's time zone")
    assert 'timezone = "UTC"' in warning and "--timezone" in warning


def test_init_writes_the_computers_time_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    result = init(tmp_path, "--url", URL)
    settings = tomllib.loads((tmp_path / "gazette" / "newsdigest.toml").read_text())
    assert settings["timezone"] == "Asia/Kolkata" and "time zone" not in result.stdout


def test_init_without_options_starts_a_site_named_after_its_folder(tmp_path: Path) -> None:
    result = init(tmp_path)
    assert result.returncode == 0, result.stderr
    settings = tomllib.loads((tmp_path / "gazette/newsdigest.toml").read_text(encoding="utf-8"))
    assert settings["title"] == "Gazette"
    assert "placeholder" in result.stdout and "base_url" in result.stdout
    assert run_here("check", cwd=tmp_path / "gazette").returncode == 0


def test_init_adopts_a_repository_made_on_github_and_keeps_its_files(tmp_path: Path) -> None:
    """A clone of a repository GitHub made with a README, a .gitignore and a licence gets
    the files newsdigest needs; the three are kept byte for byte, and init names them."""
    folder = tmp_path / "gazette"
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    mine = {"README.md": "# gazette\n", ".gitignore": "*.pyc\n", "LICENSE": "MIT\n"}
    for name, text in mine.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    for name, text in mine.items():
        assert (folder / name).read_text(encoding="utf-8") == text
    said = result.stdout
    assert "kept, not changed" in said
    assert "  .gitignore: newsdigest's build folders are not in it; add these lines: site/" in said
    assert "  README.md: " in said and "LICENSE" not in said
    written = said.split("kept")[0]
    assert "newsdigest.toml" in written and ".github/workflows/pages.yml" in written
    assert "README.md" not in written and ".gitignore" not in written
    check = run_here("check", cwd=folder)
    assert check.stdout == "checked 1 article: no errors\n", check.stdout + check.stderr


def test_init_adopts_a_hugo_newsroom_keeping_its_stories_and_writes_no_welcome(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gazette"
    (folder / "content" / "posts").mkdir(parents=True)
    story = folder / "content" / "posts" / "hello.md"
    story.write_text('---\ntitle: "Hello"\ndate: 2024-01-01\n---\nHi\n', encoding="utf-8")
    (folder / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    before = site_files(folder)
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    after = site_files(folder)
    assert {name: after[name] for name in before} == before
    assert [n for n in after if n.startswith("content/")] == ["content/posts/hello.md"]
    assert "content/: 1 Markdown file, read as stories" in result.stdout
    assert "welcome article's country" not in result.stdout
    check = run_here("check", cwd=folder)  # its front matter is another generator's
    assert "content/posts/hello.md:2: error: country is missing" in check.stdout


@pytest.mark.parametrize(
    ("existing", "words"),
    [
        ({"newsdigest.toml": 'title = "Mine"\n'}, "gazette is already a newsdigest site"),
        ({"pyproject.toml": "[tool.newsdigest]\n"}, "[tool.newsdigest]"),
        ({"content": "not a folder"}, "gazette/content is a file, where newsdigest keeps"),
    ],
)
def test_init_refuses_an_existing_site_and_changes_nothing(
    tmp_path: Path, existing: dict[str, str], words: str
) -> None:
    folder = tmp_path / "gazette"
    folder.mkdir()
    for name, text in existing.items():
        (folder / name).write_text(text, encoding="utf-8")
    before = site_files(tmp_path)
    result = init(tmp_path, "--title", "Harbour Gazette")
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert "nothing was changed" in result.stderr
    assert site_files(tmp_path) == before


def test_init_accepts_an_empty_clone_holding_only_git(tmp_path: Path) -> None:
    (tmp_path / "gazette" / ".git").mkdir(parents=True)
    assert init(tmp_path).returncode == 0
    assert (tmp_path / "gazette" / "newsdigest.toml").is_file()


@pytest.mark.parametrize(
    ("option", "words"),
    [
        (("--url", "example.org/news"), "--url 'example.org/news' is not an absolute URL"),
        (("--timezone", "Mars/Olympus"), "--timezone 'Mars/Olympus'"),
        (("--timezone", "IST"), "did you mean 'Asia/Kolkata'? use --timezone Asia/Kolkata\n"),
        (("--language", "English"), "language 'English'"),
        (("--language", "English"), 'such as "en", "pt-BR" or "ur": --language en\n'),
        (("--title", "  "), "--title"),
    ],
)
def test_a_bad_option_is_named_and_nothing_is_written(
    tmp_path: Path, option: tuple[str, str], words: str
) -> None:
    result = init(tmp_path, *option)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "gazette").exists()


def workflow(gazette: Path, name: str) -> dict[Any, Any]:
    data = yaml.safe_load((gazette / ".github/workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def runs(job: dict[str, Any]) -> list[str]:
    return [str(step.get("run", step.get("uses", ""))) for step in job["steps"]]


def test_the_workflows_init_writes_pass_the_github_schema(gazette: Path) -> None:
    result = validate(gazette / ".github/workflows/pages.yml", gazette / ".github/workflows/pr.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflows_install_this_version_from_the_index_and_run_no_test_suite(
    gazette: Path,
) -> None:
    pages, pr = workflow(gazette, "pages.yml"), workflow(gazette, "pr.yml")
    every = "\n".join(runs(pages["jobs"]["build"]) + runs(pr["jobs"]["articles"]))
    assert f'pip install "newsdigest[search]=={__version__}"' in runs(pages["jobs"]["build"])
    assert f'pip install "newsdigest=={__version__}"' in runs(pr["jobs"]["articles"])
    assert "-e" not in every.split() and "pytest" not in every and "npm" not in every
    assert list(pr["jobs"]) == ["articles"]
    assert 'newsdigest check --format github --base "origin/${{ github.base_ref }}"' in every
    assert "newsdigest build --drafts --future" in every
    assert "actions/upload-pages-artifact@v3" in runs(pages["jobs"]["build"])
    assert runs(pages["jobs"]["deploy"]) == ["actions/deploy-pages@v4"]
    ping = runs(pages["jobs"]["ping"])
    assert pages["jobs"]["ping"]["needs"] == "deploy" and ping[-1] == "newsdigest ping"
    assert f'pip install "newsdigest=={__version__}"' in ping
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pr["permissions"] == {"contents": "read"}


def test_gitignore_and_editors_readme(gazette: Path) -> None:
    ignored = (gazette / ".gitignore").read_text(encoding="utf-8").split()
    assert {"site/", ".newsdigest-cache/", ".venv/"} <= set(ignored)
    readme = (gazette / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Harbour Gazette\n")
    assert "newsdigest new" in readme and "GitHub Actions" in readme and "pip install -U" in readme


def test_new_with_no_flags_works_in_a_new_site(gazette: Path) -> None:
    result = run_here("new", "Ferry timetable changes", cwd=gazette)
    assert result.returncode == 0, result.stderr
    assert Path(gazette / result.stdout.strip()).is_file()


def test_theme_list_shows_every_theme_file_and_marks_the_sites_own(gazette: Path) -> None:
    listed = run_here("theme", "list", cwd=gazette)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert "base.html" in lines and "partials/card.html" in lines and "static/style.css" in lines
    (gazette / "templates").mkdir()
    (gazette / "templates" / "base.html").write_text("mine", encoding="utf-8")
    lines = run_here("theme", "list", cwd=gazette).stdout.splitlines()
    assert any(line.startswith("base.html") and "templates/base.html" in line for line in lines)


def test_theme_copy_starts_an_override_from_the_themes_file_and_never_overwrites(
    gazette: Path,
) -> None:
    copied = run_here("theme", "copy", "partials/card.html", cwd=gazette)
    assert copied.returncode == 0, copied.stderr
    own = gazette / "templates" / "partials" / "card.html"
    assert own.read_bytes() == (THEME_DIR / "partials" / "card.html").read_bytes()
    own.write_text("edited", encoding="utf-8")
    again = run_here("theme", "copy", "partials/card.html", cwd=gazette)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert own.read_text(encoding="utf-8") == "edited"
    typo = run_here("theme", "copy", "static/styles.css", cwd=gazette)
    assert typo.returncode == 2 and "static/style.css" in typo.stderr
    assert not (gazette / "templates" / "static").exists()


def test_newsdigest_alone_lists_every_command_on_one_line(tmp_path: Path) -> None:
    result = run_here(cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    for command in ("init", "new", "check", "build", "serve", "theme"):
        (line,) = [x for x in lines if x.split()[:1] == [command]]
        assert len(line.split()) > 2  # the command and what it does
    version = run_here("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout == f"newsdigest {__version__}\n"


@pytest.mark.parametrize("branch", ["master", "trunk"])
def test_init_in_a_git_repository_publishes_its_current_branch(tmp_path: Path, branch: str) -> None:
    """A repository on `master` (git's own default) gets a Pages workflow that runs on
    master, and "Edit this article" links to it: a workflow for `main` would never run."""
    folder = tmp_path / "gazette"
    subprocess.run(["git", "init", "-q", "-b", branch, str(folder)], check=True)
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    pages = workflow(folder, "pages.yml")
    assert pages[True]["push"]["branches"] == [branch]  # YAML 1.1 reads the key `on` as True
    settings = tomllib.loads((folder / "newsdigest.toml").read_text(encoding="utf-8"))
    assert settings["repo_branch"] == branch
    assert f"publishes every push to the branch {branch}" in result.stdout
    assert f"`{branch}`" in (folder / "README.md").read_text(encoding="utf-8")
    assert validate(folder / ".github/workflows/pages.yml").returncode == 0
    assert run_here("check", cwd=folder).returncode == 0


def test_init_outside_a_git_repository_publishes_main_and_says_so(tmp_path: Path) -> None:
    result = init(tmp_path, "--url", URL, "--title", "Gazette")
    assert result.returncode == 0, result.stderr
    assert workflow(tmp_path / "gazette", "pages.yml")[True]["push"]["branches"] == ["main"]
    assert "publishes every push to the branch main" in result.stdout
    assert "not a git repository" in result.stdout


def test_init_warns_when_the_workflows_install_line_cannot_be_this_newsdigest(
    tmp_path: Path,
) -> None:
    """The tests run an editable install of this checkout (PEP 610 `dir_info`): a runner
    cannot reach that folder, so init keeps the index line and says what to change."""
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    (warning,) = [line for line in result.stdout.splitlines() if line.startswith("warning:")]
    assert f"installed from the source folder {REPO.as_posix()}," in warning or (
        f"installed from {REPO.as_posix()}," in warning
    )
    assert f"does not list {__version__}" in warning and "pages.yml and pr.yml" in warning
    readme = (tmp_path / "gazette" / "README.md").read_text(encoding="utf-8")
    assert f'pip install "newsdigest=={__version__}"' in readme


def test_init_in_a_subfolder_of_a_repository_says_its_workflows_would_never_run(
    tmp_path: Path,
) -> None:
    """GitHub runs only the workflows at the repository's top: init in `repo/gazette` says
    so, with the two ways out, instead of promising a publication that never happens."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    (warning,) = [line for line in result.stdout.splitlines() if "not at its top" in line]
    assert warning.startswith(
        f"warning: gazette is inside the git repository {tmp_path.as_posix()}"
    )
    assert "working-directory: gazette" in warning


def test_init_on_a_detached_head_calls_it_a_repository_and_says_main_was_assumed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gazette"
    subprocess.run(["git", "init", "-q", "-b", "master", str(folder)], check=True)
    (folder / "LICENSE").write_text("MIT\n", encoding="utf-8")
    who = ["-c", "user.name=Desk", "-c", "user.email=desk@example.org"]
    for step in (
        ["add", "LICENSE"],
        [*who, "commit", "-qm", "licence"],
        ["checkout", "-q", "--detach"],
    ):
        subprocess.run(["git", *step], cwd=folder, check=True)
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    assert "publishes every push to the branch main (HEAD is detached" in result.stdout
    assert "not a git repository" not in result.stdout


def test_init_names_another_generators_pages_workflow_and_keeps_it(tmp_path: Path) -> None:
    """Hugo's own hugo.yml also deploys Pages on every push: init keeps it, byte for byte,
    and says the two would race."""
    workflows = tmp_path / "gazette" / ".github" / "workflows"
    workflows.mkdir(parents=True)
    hugo = "on: push\njobs:\n  deploy:\n    steps:\n      - uses: actions/deploy-pages@v4\n"
    (workflows / "hugo.yml").write_text(hugo, encoding="utf-8")
    (workflows / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    assert (workflows / "hugo.yml").read_text(encoding="utf-8") == hugo
    warnings = [line for line in result.stdout.splitlines() if "also publishes" in line]
    assert warnings == [
        "warning: .github/workflows/hugo.yml also publishes to GitHub Pages: each push would "
        "start both, and the last to finish wins; delete it once newsdigest's pages.yml "
        "publishes the site."
    ]


def test_init_beside_a_pages_yml_of_its_own_does_not_claim_to_publish(tmp_path: Path) -> None:
    workflows = tmp_path / "gazette" / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "pages.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    assert "newsdigest's pages.yml was not written" in result.stdout
    assert "publishes every push" not in result.stdout


def test_init_in_a_jekyll_newsroom_names_its_posts_and_writes_no_welcome(tmp_path: Path) -> None:
    """Jekyll keeps posts in _posts/, which newsdigest does not read: init says how many and
    where they go, and writes no welcome article that would hide that none was read."""
    posts = tmp_path / "gazette" / "_posts"
    posts.mkdir(parents=True)
    for name in ("2025-06-22-rain.md", "2025-06-23-floods.markdown"):
        (posts / name).write_text("---\ntitle: Rain\n---\nText\n", encoding="utf-8")
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    assert "  _posts/: 2 Jekyll posts, NOT read: newsdigest reads stories under content/;" in (
        result.stdout
    )
    assert not list((tmp_path / "gazette").glob("content/**/*.md"))
    assert "welcome article's country" not in result.stdout


def test_a_gitignore_that_already_ignores_site_without_a_slash_is_not_told_to_add_it(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gazette"
    folder.mkdir()
    (folder / ".gitignore").write_text("*.pyc\nsite\n/.newsdigest-cache/\n", encoding="utf-8")
    result = init(tmp_path, "--url", URL)
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("  .gitignore:")]
    assert line.endswith(
        "add these lines: .newsdigest-cache/ /.site.* /site.changed-feeds.txt .venv/ venv/"
    )


@pytest.mark.parametrize(
    ("url", "placeholder"),
    [
        ("https://USER.github.io/gazette/", True),
        ("https://OWNER.github.io/gazette/", True),
        ("https://news.example.com/", True),
        ("https://asha.github.io/gazette/", False),
    ],
)
def test_init_names_an_examples_address_as_a_placeholder(
    tmp_path: Path, url: str, placeholder: bool
) -> None:
    """README's Quick start command, typed as printed, gets the note to set base_url."""
    result = init(tmp_path, "--url", url)
    assert result.returncode == 0, result.stderr
    said = f"base_url is a placeholder or a local address ({url.lower()}): set it in newsdigest"
    assert (said in result.stdout) is placeholder, result.stdout


@pytest.mark.parametrize(
    ("url", "site_id", "local"),
    [
        ("https://localhost./", "localhost,2026", True),
        ("https://news.test./", "news.test,2026", True),
        ("https://my.site.local./", "my.site.local,2026", True),
        ("https://news.test/", "news.test,2026", True),
        ("https://gazette.dev./", "gazette.dev,2026", False),
    ],
)
def test_a_trailing_dot_host_is_the_same_host(
    tmp_path: Path, url: str, site_id: str, local: bool
) -> None:
    """`localhost.` is localhost (prober4 M9): init's placeholder note, a site_id without
    the dot (a valid tag URI), and check's warning on a local site_id."""
    result = init(tmp_path, "--url", url, "--timezone", "UTC", "--title", "Gazette")
    assert result.returncode == 0, result.stderr
    said = f"base_url is a placeholder or a local address ({url})"
    assert (said in result.stdout) is local, result.stdout
    project = tmp_path / "gazette"
    text = (project / "newsdigest.toml").read_text(encoding="utf-8")
    year = tomllib.loads(text)["site_id"].rpartition(",")[2]
    assert tomllib.loads(text)["site_id"] == site_id.replace("2026", year)
    checked = run_here("check", cwd=project)
    assert ("names no domain of yours" in checked.stdout + checked.stderr) is local


def test_check_warns_of_a_site_id_whose_domain_ends_in_a_dot(tmp_path: Path) -> None:
    """`site_id = "gazette.dev.,2026"` typed by hand: a warning on its line with the fix."""
    assert init(tmp_path, "--url", URL, "--timezone", "UTC", "--title", "Gazette").returncode == 0
    settings = tmp_path / "gazette" / "newsdigest.toml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    (at,) = [n for n, line in enumerate(lines, 1) if line.startswith("site_id")]
    lines[at - 1] = 'site_id = "gazette.dev.,2026"'
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = run_here("check", cwd=tmp_path / "gazette")
    said = checked.stdout + checked.stderr
    assert f"newsdigest.toml:{at}: warning: site_id 'gazette.dev.,2026' ends its domain" in said
    assert 'site_id = "gazette.dev,2026"' in said
    lines[at - 1] = 'site_id = "https://gazette.dev./, 2026"'  # an address: its host, no dot
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = run_here("check", cwd=tmp_path / "gazette")
    assert 'write: site_id = "gazette.dev,2026"' in checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("title", "language", "zone"),
    [("أخبار", "ar", "Asia/Dubai"), ("समाचार", "hi", "Asia/Kolkata"), ("Akhbar", "ar", "UTC")],
)
def test_a_site_in_another_script_starts_with_a_welcome_that_checks_clean(
    tmp_path: Path, title: str, language: str, zone: str
) -> None:
    """An Arabic or Hindi site name (tester 2, M6): the welcome article's file and byline
    are not the computer's Latin spelling of it (which `check` warns about), and the
    description on every page is not an English sentence on a site in another language."""
    args = ("--title", title, "--url", URL, "--language", language, "--timezone", zone)
    assert init(tmp_path, *args).returncode == 0
    project = tmp_path / "gazette"
    checked = run_here("check", cwd=project)
    assert checked.stdout + checked.stderr == "checked 1 article: no errors\n"
    (article,) = (project / "content").rglob("*.md")
    if title.isascii():
        assert article.name == "welcome-to-akhbar.md"
    else:
        assert article.name == "welcome.md"
    settings = tomllib.loads((project / "newsdigest.toml").read_text(encoding="utf-8"))
    assert settings["description"] == title
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    home = html.fromstring((out / "index.html").read_bytes())
    assert home.xpath("//meta[@name='description']/@content") == [title]


def test_the_quick_start_installs_what_inits_workflows_install(tmp_path: Path) -> None:
    """Tester 4, F35: README's Quick start installs the search extra, as the workflows init
    writes do, so the preview's search page is the published site's, not "unavailable"."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.split("## Quick start\n", 1)[1].split("\n\n", 2)[1]
    install = next(line.strip() for line in start.splitlines() if "pip install" in line)
    assert install.startswith("pip install 'newsdigest[search]'"), install
    result = init(tmp_path, "--url", "https://asha.github.io/gazette/")
    assert result.returncode == 0, result.stderr
    site = next(p for p in tmp_path.iterdir() if p.is_dir())
    workflows = "".join(
        p.read_text(encoding="utf-8") for p in (site / ".github" / "workflows").iterdir()
    )
    assert "[search]" in workflows
