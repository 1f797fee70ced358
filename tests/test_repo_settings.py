"""`repo_url` and `repo_branch` make every article's Edit and History links: a page inside
the repository (`/tree/main`, `/blob/...`, GitLab's `/-/tree/...`, `?tab=...`) given as
`repo_url`, or a branch name git refuses (a space, `..`, `~`, `:`...), is an error on its
line of newsdigest.toml with the line to write, and the links' paths are percent-encoded
(tester3 H4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STORY, make_project, run_here, write_article
from lxml import html

LINE = 8  # the setting's line in pyproject.toml, after make_project's 7


@pytest.mark.parametrize(
    ("setting", "message", "fix"),
    [
        (
            'repo_url = "https://github.com/org/repo/tree/main"',
            "repo_url 'https://github.com/org/repo/tree/main' is a page inside the repository",
            "fix: write repo_url = 'https://github.com/org/repo'; and make repo_branch the branch "
            "you publish from, which this address names as 'main': change the repo_branch line "
            "if there is one, else add repo_branch = 'main'\n",
        ),
        (
            'repo_url = "https://github.com/org/repo/blob/dev/content/a.md"',
            "is a page inside the repository",
            "fix: write repo_url = 'https://github.com/org/repo'; and make repo_branch the branch "
            "you publish from, which this address names as 'dev' (or 'dev/content', if",
        ),
        (
            'repo_url = "https://gitlab.com/group/sub/repo/-/tree/main"',
            "is a page inside the repository",
            "fix: write repo_url = 'https://gitlab.com/group/sub/repo'",
        ),
        (  # prober3 M6: the branch may have a '/' in its name; the address cannot tell
            'repo_url = "https://github.com/org/repo/tree/feature/x"',
            "is a page inside the repository",
            "which this address names as 'feature' (or 'feature/x', if that is the branch's "
            "whole name: the address cannot tell;",
        ),
        (  # prober3 M6: repo_branch set too: never a second repo_branch line
            'repo_branch = "main"\nrepo_url = "https://github.com/org/repo/tree/dev"',
            "is a page inside the repository",
            "names as 'dev': change the repo_branch line if there is one, else add",
        ),
        (
            'repo_branch = "main branch"',
            "repo_branch 'main branch' has a space, which git does not allow in a branch name",
            "like repo_branch = 'main'",
        ),
        ('repo_branch = "../../etc"', "has '..', which git does not allow", "repo_branch = 'main'"),
        ('repo_branch = "feature/x y"', "has a space", "repo_branch = 'main'"),
        ('repo_branch = "fix:1"', "has ':'", "repo_branch = 'main'"),
        ('repo_branch = "release/"', "is not a name git gives a branch", "repo_branch = 'main'"),
        # prober3 L2: each named for what it is; HEAD is git's name, never a branch
        ('repo_branch = "a.lock"', "(it ends in '.lock')", "repo_branch = 'main'"),
        ('repo_branch = "@"', "(@ is git's name for the current commit)", "repo_branch = 'main'"),
        ('repo_branch = "HEAD"', "(HEAD is git's name for the current", "repo_branch = 'main'"),
        ("repo_branch = 'a\\b'", "has '\\', which git does not allow", "repo_branch = 'main'"),
    ],
)
def test_a_repository_setting_that_would_break_the_edit_links_is_an_error_on_its_line(
    tmp_path: Path, setting: str, message: str, fix: str
) -> None:
    project = make_project(tmp_path / "p", setting + "\n")
    write_article(project, "2025/06/story.md", STORY)

    result = run_here("check", cwd=project)

    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    line = LINE + setting.count("\n")
    assert f"pyproject.toml:{line}: error: " in out and message in out, out
    assert fix in out


def test_valid_repository_settings_are_silent_and_the_links_are_percent_encoded(
    tmp_path: Path,
) -> None:
    project = make_project(
        tmp_path / "p",
        'repo_url = "https://gitlab.com/group/sub/repo"\nrepo_branch = "feature/new-x"\n'
        'content_dir = "news room"\n',
    )
    (project / "content").rename(project / "news room")
    path = project / "news room/2025/06/story.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\n{STORY}---\nBody text.\n", encoding="utf-8")

    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)

    assert built.returncode == 0, built.stderr
    assert "error" not in built.stderr and "warning" not in built.stderr
    page = html.fromstring((tmp_path / "site/2025/06/01/story/index.html").read_bytes())
    hrefs = [h for h in page.xpath("//a/@href") if "gitlab.com" in h]
    assert sorted(hrefs) == [
        # prober3 L14: GitLab's own routes, with its `/-/`
        "https://gitlab.com/group/sub/repo/-/commits/feature/new-x/news%20room/2025/06/story.md",
        "https://gitlab.com/group/sub/repo/-/edit/feature/new-x/news%20room/2025/06/story.md",
    ]


@pytest.mark.parametrize(
    ("repo_url", "edit", "history"),
    [
        ("https://github.com/org/repo", "/edit/main/", "/commits/main/"),
        ("https://codeberg.org/org/repo", "/_edit/main/", "/commits/branch/main/"),
        ("https://gitlab.example.org/org/repo", "/-/edit/main/", "/-/commits/main/"),
    ],
)
def test_the_edit_and_history_links_follow_the_hosts_own_routes(
    tmp_path: Path, repo_url: str, edit: str, history: str
) -> None:
    project = make_project(tmp_path / "p", f'repo_url = "{repo_url}"\n')
    write_article(project, "2025/06/story.md", STORY)
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    page = html.fromstring((tmp_path / "site/2025/06/01/story/index.html").read_bytes())
    hrefs = {h for h in page.xpath("//a/@href") if h.startswith(repo_url)}
    assert hrefs == {
        f"{repo_url}{history}content/2025/06/story.md",
        f"{repo_url}{edit}content/2025/06/story.md",
    }


@pytest.mark.parametrize(
    ("home", "page", "kind", "name"),
    [
        ("https://codeberg.org/org/repo", "/src/tag/v1.0", "tag", "v1.0"),
        ("https://codeberg.org/org/repo", "/src/commit/0123abcd", "commit", "0123abcd"),
        ("https://codeberg.org/org/repo", "/commits/tag/v2", "tag", "v2"),
        ("https://gitea.com/org/repo", "/raw/commit/0123abcd/a.md", "commit", "0123abcd"),
        ("https://github.com/org/repo", "/tree/0123abcdef", "commit", "0123abcdef"),
        ("https://gitlab.com/g/repo", "/-/tree/0123abcd", "commit", "0123abcd"),
    ],
)  # fmt: skip
def test_a_tag_or_commit_page_is_never_named_as_the_branch(
    tmp_path: Path, home: str, page: str, kind: str, name: str
) -> None:
    """prober4 M7: Codeberg's `/src/tag/v1.0` gave "add repo_branch = 'tag'", a branch that
    does not exist. A tag's or a commit's page (Gitea's /src/tag/, /src/commit/, any host's
    /tree/<commit id>) gets the repository's address and no branch from the address:
    repo_branch stays the branch the site is published from."""
    address = home + page
    project = make_project(tmp_path / "p", f'repo_url = "{address}"\n')
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    out = result.stdout + result.stderr
    assert f"pyproject.toml:{LINE}: error: repo_url '{address}' is a page of a {kind} " in out
    assert f"('{name}'), not the repository's own address, and a {kind} is not a branch" in out
    assert f"fix: write repo_url = '{home}'; they follow repo_branch ('main' when" in out, out
    assert "repo_branch = " not in out, out


def test_a_branch_page_of_gitea_still_names_its_branch(tmp_path: Path) -> None:
    """The valid neighbour of prober4 M7: `/src/branch/dev` is the branch dev."""
    address = "https://codeberg.org/org/repo/src/branch/dev"
    project = make_project(tmp_path / "p", f'repo_url = "{address}"\n')
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    out = result.stdout + result.stderr
    assert "fix: write repo_url = 'https://codeberg.org/org/repo'; and make repo_branch" in out
    assert "else add repo_branch = 'dev'" in out, out


@pytest.mark.parametrize(
    ("address", "home"),
    [
        ("https://github.com/org/repo.git", "https://github.com/org/repo"),
        ("https://gitlab.com/group/sub/repo.git/", "https://gitlab.com/group/sub/repo"),
        ("https://codeberg.org/org/repo.GIT", "https://codeberg.org/org/repo"),
    ],
)
def test_a_clone_address_gets_the_repository_page_without_dot_git(
    tmp_path: Path, address: str, home: str
) -> None:
    """prober4 M8: `https://github.com/a/b.git` made links at `b.git/edit/...` (404)."""
    project = make_project(tmp_path / "p", f'repo_url = "{address}"\n')
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    out = result.stdout + result.stderr
    assert f"pyproject.toml:{LINE}: error: repo_url '{address}' is the repository's clone " in out
    assert f"fix: write repo_url = '{home}'\n" in out, out


@pytest.mark.parametrize(
    ("address", "name"),
    [
        ("https://bitbucket.org/org/repo", "Bitbucket"),
        ("https://git.sr.ht/~org/repo", "SourceHut"),
        ("https://dev.azure.com/org/project/_git/repo", "Azure DevOps"),
        ("https://org.visualstudio.com/project/_git/repo", "Azure DevOps"),
    ],
)
def test_a_host_with_other_routes_is_refused_rather_than_linked_to_missing_pages(
    tmp_path: Path, address: str, name: str
) -> None:
    """prober4 M8: Bitbucket and SourceHut got GitHub's routes, which 404 there, unsaid.
    The valid neighbours (github.com, a self-hosted `git.` host) are silent."""
    project = make_project(tmp_path / "p", f'repo_url = "{address}"\n')
    write_article(project, "2025/06/story.md", STORY)
    result = run_here("check", cwd=project)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"pyproject.toml:{LINE}: error: repo_url '{address}' is on {name}, whose edit " in out
    assert "fix: delete the repo_url line (the articles then have no Edit and History" in out
    for good in ("https://github.com/org/repo", "https://git.example.net/org/repo"):
        fine = make_project(tmp_path / good.split("/")[2], f'repo_url = "{good}"\n')
        write_article(fine, "2025/06/story.md", STORY)
        checked = run_here("check", cwd=fine)
        assert checked.returncode == 0 and "repo_url" not in checked.stdout + checked.stderr
