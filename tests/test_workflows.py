"""GitHub integration: the Actions workflows are valid (check-jsonschema, offline schema)
and do what the editor's guide promises; a custom domain; "Edit this article" links."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, make_project, run_here, write_article
from packaging.requirements import Requirement

from generator import __version__
from generator.commands.installed import from_direct_url
from generator.commands.workflows import pages_workflow, pr_workflow

WORKFLOWS = REPO / ".github" / "workflows"


def validate(*files: Path) -> subprocess.CompletedProcess[str]:
    """`check-jsonschema --builtin-schema vendor.github-workflows FILES`: its exit status and
    what it prints, its command run in this process (click's test runner) rather than a
    Python of its own, which would import it again for each check (half a CPU-second)."""
    found = importlib.util.find_spec("check_jsonschema")
    assert found, "check-jsonschema comes with the test extra: pip install -e '.[test]'"
    from check_jsonschema import cli
    from click.testing import CliRunner

    args = ["--builtin-schema", "vendor.github-workflows", *map(str, files)]
    ran = CliRunner().invoke(cli.main, args)
    try:
        printed_on_stderr = ran.stderr
    except ValueError:  # click before 8.2: what it printed on stderr is in ran.stdout
        printed_on_stderr = ""
    return subprocess.CompletedProcess(
        ["check-jsonschema", *args], ran.exit_code, ran.stdout, printed_on_stderr
    )


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(job: dict[str, Any]) -> str:
    return "\n".join(
        str(step.get("uses", "")) + " " + str(step.get("run", "")) for step in job["steps"]
    )


def test_the_workflows_pass_the_schema() -> None:
    result = validate(WORKFLOWS / "pages.yml", WORKFLOWS / "pr.yml")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "breakage",
    [
        ("    runs-on: ubuntu-latest\n", ""),
        ("    steps:\n", "    steps: oops\n    old-steps:\n"),
    ],
)
def test_a_broken_copy_fails_the_schema(tmp_path: Path, breakage: tuple[str, str]) -> None:
    text = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    old, new = breakage
    assert old in text
    broken = tmp_path / "pages.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = validate(broken)
    assert result.returncode != 0
    assert "pages.yml" in result.stdout


def test_pages_workflow_checks_builds_for_the_pages_url_and_deploys() -> None:
    workflow = load("pages.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build = steps(workflow["jobs"]["build"])
    order = [
        "actions/checkout@",
        "actions/setup-python@",
        "newsdigest check",
        "actions/configure-pages@",
        "actions/cache/restore@",
        'newsdigest build --base-url "${{ steps.pages.outputs.base_url }}/"',
        "actions/cache/save@",
        "actions/upload-pages-artifact@",
    ]
    positions = [build.index(part) for part in order]
    assert positions == sorted(positions)
    restore, save = (
        next(s for s in workflow["jobs"]["build"]["steps"] if str(s.get("uses", "")).startswith(u))
        for u in ("actions/cache/restore@", "actions/cache/save@")
    )
    assert restore["with"]["path"] == save["with"]["path"] == ".newsdigest-cache"
    # saved under the built site's hash, restored from the newest (tests/test_pages_cache.py)
    assert save["with"]["key"] == "newsdigest-${{ runner.os }}-${{ hashFiles('site/**') }}"
    assert restore["with"]["restore-keys"].splitlines() == ["newsdigest-${{ runner.os }}-"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "actions/deploy-pages@" in steps(deploy)
    # After the deploy, the hub hears of the feeds the build changed (the build's list).
    assert "actions/upload-artifact@" in build
    ping = workflow["jobs"]["ping"]
    assert ping["needs"] == "deploy"
    assert steps(ping).index("actions/download-artifact@") < steps(ping).index("newsdigest ping")


def test_pull_request_workflow_is_read_only_and_annotates_problems() -> None:
    workflow = load("pr.yml")
    assert "pull_request" in workflow[True]
    assert workflow["permissions"] == {"contents": "read"}
    everything = "\n".join(steps(job) for job in workflow["jobs"].values())
    for part in (
        "newsdigest check --format github",
        "pip install -e '.[test]' && pytest",
        "newsdigest build",
        "actions/upload-artifact@",
    ):
        assert part in everything
    for job in workflow["jobs"].values():
        assert "permissions" not in job  # nothing widens the read-only default


def test_no_workflow_uses_secrets() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        assert "secrets." not in path.read_text(encoding="utf-8"), path.name


def test_cname_setting_puts_the_custom_domain_at_the_site_root(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", 'cname = "news.example.org"\n')
    write_article(
        project, "2025/06/a.md", "title: A\ndate: 2025-06-02\ncountry: IN\ncredits: {author: Desk}"
    )
    out = tmp_path / "site"
    result = run_here(
        "build", "--output", str(out), "--base-url", "https://news.example.org/", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert (out / "CNAME").read_text() == "news.example.org\n"

    settings = project / "pyproject.toml"
    settings.write_text(
        settings.read_text().replace('"news.example.org"', '"https://news.example.org/"')
    )
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 2 and "cname" in result.stderr


def test_article_pages_link_to_their_file_on_github_only_with_repo_url(tmp_path: Path) -> None:
    front = "title: A\ndate: 2025-06-02\ncountry: IN\ncredits: {author: Desk}"
    with_repo = make_project(
        tmp_path / "with", 'repo_url = "https://github.com/org/news"\nrepo_branch = "live"\n'
    )
    without = make_project(tmp_path / "without")
    pages = {}
    for project in (with_repo, without):
        write_article(project, "2025/06/story.md", front)
        out = project.parent / f"{project.name}-site"
        result = run_here("build", "--output", str(out), cwd=project)
        assert result.returncode == 0, result.stderr
        pages[project.name] = (out / "2025/06/02/story/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/org/news/edit/live/content/2025/06/story.md"' in pages["with"]
    assert (
        'href="https://github.com/org/news/commits/live/content/2025/06/story.md"' in pages["with"]
    )
    assert "github.com" not in pages["without"] and "Edit this article" not in pages["without"]


def test_release_workflow_builds_checks_and_publishes_with_trusted_publishing() -> None:
    result = validate(WORKFLOWS / "release.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = load("release.yml")
    assert workflow[True] == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {"contents": "read"}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    assert "python -m build" in steps(build) and "twine check --strict dist/*" in steps(build)
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert "pypa/gh-action-pypi-publish@release/v1" in steps(publish)
    text = (WORKFLOWS / "release.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "password" not in text


COMMIT = "3f8a3a1a0ec59faff3813f4ecda8cb1cc930fdbc"


@pytest.mark.parametrize(
    ("direct_url", "line"),
    [
        (None, f'pip install "newsdigest[search]=={__version__}"'),
        (
            '{"url": "https://github.com/harbour/newsdigest.git", "vcs_info": {"vcs": "git", '
            f'"requested_revision": "v0.1.0", "commit_id": "{COMMIT}"}}}}',
            'pip install "newsdigest[search] @ '
            f'git+https://github.com/harbour/newsdigest.git@{COMMIT}"',
        ),
        (
            '{"url": "https://example.net/newsdigest-0.1.0-py3-none-any.whl", "archive_info": {}}',
            'pip install "newsdigest[search] @ https://example.net/newsdigest-0.1.0-py3-none-any.whl"',
        ),
    ],
)
def test_the_workflows_install_newsdigest_the_way_it_was_installed(
    tmp_path: Path, direct_url: str | None, line: str
) -> None:
    """PEP 610: from the index, the released version; from a git URL, that very commit,
    which a runner can fetch; each line is a requirement pip accepts."""
    source = from_direct_url(direct_url)
    assert source.warning is None
    (tmp_path / "pages.yml").write_text(pages_workflow("main", source), encoding="utf-8")
    (tmp_path / "pr.yml").write_text(pr_workflow(source), encoding="utf-8")
    pages = yaml.safe_load((tmp_path / "pages.yml").read_text(encoding="utf-8"))
    pr = yaml.safe_load((tmp_path / "pr.yml").read_text(encoding="utf-8"))
    installs = [
        step["run"]
        for job in (pages["jobs"]["build"], pages["jobs"]["ping"], pr["jobs"]["articles"])
        for step in job["steps"]
        if str(step.get("run", "")).startswith("pip install")
    ]
    assert installs[0] == line and installs[1:] == [line.replace("[search]", "")] * 2
    for install in installs:
        Requirement(install.removeprefix("pip install ").strip('"'))  # pip's own parser
    assert validate(tmp_path / "pages.yml", tmp_path / "pr.yml").returncode == 0


@pytest.mark.parametrize(
    "direct_url",
    [
        '{"url": "file:///home/ed/newsdigest", "dir_info": {"editable": true}}',
        '{"url": "file:///home/ed/dist/newsdigest-0.1.0-py3-none-any.whl", "archive_info": {}}',
        '{"url": "file:///home/ed/newsdigest", "vcs_info": {"vcs": "git", "commit_id": "ab"}}',
    ],
)
def test_a_newsdigest_installed_from_this_computer_keeps_the_index_line_and_warns(
    direct_url: str,
) -> None:
    source = from_direct_url(direct_url)
    assert source.requirement() == f"newsdigest=={__version__}"
    assert source.warning is not None
    assert "/home/ed/" in source.warning and "cannot reach" in source.warning
    assert "pages.yml and pr.yml" in source.warning and "git+https://" in source.warning
