"""`newsdigest check` is the pull request's gate: what a build refuses, check refuses first,
named on the same file and line, in the terminal and as GitHub annotations."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

from generator.render.theme import default_files

STORY = """\
title: Floods in Assam
date: 2025-06-02T10:00:00+05:30
country: India
credits:
  author: Desk"""


def theme_copy(project: Path, name: str) -> Path:
    """templates/NAME as `newsdigest theme copy` makes it."""
    assert run_here("theme", "copy", name, cwd=project).returncode == 0
    return project / "templates" / name


@pytest.mark.parametrize(
    ("name", "typo", "message"),
    [
        ("partials/card.html", "{% if %}{% endif %}", "Expected an expression"),
        ("base.html", "{{ title | shout }}", "No filter named 'shout'"),
        ("article.html", "{% for x in y %}", "Unexpected end of template"),
    ],
)
def test_a_template_override_that_build_refuses_fails_check_on_its_line(
    tmp_path: Path, name: str, typo: str, message: str
) -> None:
    project = make_project(tmp_path / "news")
    write_article(project, "2025/06/floods.md", STORY)
    template = theme_copy(project, name)
    lines = template.read_text(encoding="utf-8").splitlines()
    lines.insert(2, typo)
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = len(lines) if "end of template" in message else 3

    build = run_here("build", cwd=project)
    assert build.returncode == 2 and f"templates/{name}:{line}: error: template:" in build.stderr
    checked = run_here("check", cwd=project)
    assert checked.returncode == 2, checked.stdout  # a template error, as the build's status
    assert f"templates/{name}:{line}: error: template: {message}" in checked.stdout
    github = run_here("check", "--format", "github", cwd=project)
    assert github.returncode == 2
    assert f"::error file=templates/{name},line={line}," in github.stdout


def test_a_template_not_saved_as_utf8_fails_check_as_it_fails_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news")
    write_article(project, "2025/06/floods.md", STORY)
    template = theme_copy(project, "partials/card.html")
    template.write_bytes(template.read_text(encoding="utf-8").encode("utf-16"))
    assert run_here("build", cwd=project).returncode == 2
    checked = run_here("check", cwd=project)
    assert checked.returncode == 2
    assert "templates/partials/card.html:1: error: template: the file is not saved as UTF-8" in (
        checked.stdout
    )


@pytest.mark.parametrize(
    "override",
    [
        '{% extends "base.html" %}{% block main %}{% include "partials/nosuch.html" %}'
        "{% endblock %}",
        '{% extends "nosuch.html" %}',
        '{% import "nosuch.html" as m %}{{ title }}',
        "{{ nosuchfunc() }}",
        "{{ 1/0 }}",
    ],
)
def test_a_template_that_fails_while_making_a_page_fails_check_as_it_stops_build(
    tmp_path: Path, override: str
) -> None:
    """A missing include, extends or import, an undefined function, a division by zero:
    no syntax error, but the build stops (status 2) on the first page that uses it; check
    makes one page of each kind in memory and says the same, with the same status."""
    project = make_project(tmp_path / "news")
    write_article(project, "2025/06/floods.md", STORY)
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates/article.html").write_text(override + "\n", encoding="utf-8")
    build = run_here("build", cwd=project)
    assert build.returncode == 2
    said = "templates/article.html:1: error: this template failed while making /sub/2025/06/02/"
    assert said in build.stderr
    for style in ("text", "github"):
        checked = run_here("check", "--format", style, cwd=project)
        assert checked.returncode == 2, checked.stdout
    assert said in run_here("check", cwd=project).stdout
    assert "::error file=templates/article.html,line=1," in checked.stdout


def test_the_packaged_theme_passes_check(tmp_path: Path) -> None:
    project = make_project(tmp_path / "news")
    write_article(project, "2025/06/floods.md", STORY)
    assert "partials/card.html" in default_files()
    assert run_here("check", cwd=project).returncode == 0


def test_more_than_ten_problems_on_a_pull_request_are_counted_and_listed_in_the_job_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "news")
    for number in range(1, 13):  # a batch of wire stories, each with one mistake
        write_article(project, f"2025/06/wire-{number:02}.md", STORY.replace("India", "Inda"))
    summary = tmp_path / "step_summary.md"
    summary.write_text("An earlier step's summary.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    checked = run_here("check", "--format", "github", cwd=project)
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert len([x for x in lines if x.startswith("::error ")]) == 12
    assert lines[-1] == (
        "12 errors, 0 warnings; GitHub shows the first 10 of each on the pull request: "
        "every one is listed in this log and in the job summary"
    )
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("An earlier step's summary.\n### newsdigest check\n")
    for number in range(1, 13):
        row = next(x for x in written.splitlines() if f"wire-{number:02}.md:4" in x)
        assert row.startswith(f"| content/2025/06/wire-{number:02}.md:4 | error | ` country 'Inda'")
        assert "did you mean 'India'?" in row


def test_a_few_problems_are_counted_without_a_word_about_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "news")
    write_article(project, "2025/06/wire.md", STORY.replace("India", "Inda"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    checked = run_here("check", "--format", "github", cwd=project)
    assert checked.stdout.splitlines()[-1] == "1 error, 0 warnings"


TARGET = STORY.replace("Floods in Assam", "Target").replace("06-02T", "06-20T")
LIVE = "See [the story](/b1/2025/06/20/target/) and [every topic](/b1/tags/).\n"
ADDRESSES = [
    (),
    ("--base-url", "http://127.0.0.1:8000/"),
    ("--base-url", "https://news.example.org/"),
]


def project_site(tmp_path: Path, base_url: str) -> Path:
    """A project site whose editor copied links from the live site's address bar."""
    project = make_project(tmp_path / "news")
    text = (project / "pyproject.toml").read_text(encoding="utf-8")
    base = next(x for x in text.splitlines() if x.startswith("base_url"))
    (project / "pyproject.toml").write_text(text.replace(base, f'base_url = "{base_url}"'))
    write_article(project, "2025/06/target.md", TARGET)
    write_article(project, "2025/06/linker.md", STORY, LIVE)
    return project


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_link_with_the_base_path_passes_check_preview_and_deploy_alike(
    tmp_path: Path, address: tuple[str, ...]
) -> None:
    project = project_site(tmp_path, "https://me.github.io/b1/")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0
    assert "fix: write /2025/06/20/target/: it works at any address" in checked.stdout

    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), *address, cwd=project)
    assert built.returncode == 0, built.stderr  # as check said: the preview, a custom domain
    page = (out / "2025/06/02/linker/index.html").read_text(encoding="utf-8")
    base = "/b1/" if not address else "/"
    assert f'href="{base}2025/06/20/target/"' in page and f'href="{base}tags/"' in page
    assert (out / "2025/06/20/target/index.html").is_file()


@pytest.mark.parametrize("address", [(), ("--base-url", "https://me.github.io/b1/")])
def test_with_a_placeholder_base_url_check_and_the_deploy_refuse_the_link_alike(
    tmp_path: Path, address: tuple[str, ...]
) -> None:
    project = project_site(tmp_path, "https://example.org/")  # the deploy sets the address
    said = "linker.md:8: error: link to '/b1/2025/06/20/target/' goes to no page of the site"
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1 and said in checked.stdout
    built = run_here("build", *address, cwd=project)
    assert built.returncode == 1 and said in built.stderr


def test_the_job_summary_shows_each_message_and_fix_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary, rendered as GitHub renders it (cmark-gfm, tables), shows `**Big**`
    with its asterisks and a fix's `|` and indentation as check printed them (tester 2,
    L8): what an editor copies from it is what to type."""
    import cmarkgfm
    from lxml import html as lxml_html

    project = make_project(tmp_path / "news")
    write_article(project, "2025/06/bold.md", STORY + '\nsummary: "**Big** news"')
    (project / "content/2025/06/hugo.md").write_text(
        '+++\ntitle = "Hugo story"\ndate = 2025-06-22T10:00:00+05:30\nauthor = "Asha Rao"\n'
        "+++\nBody.\n",
        encoding="utf-8",
    )
    summary = tmp_path / "step_summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    checked = run_here("check", cwd=project)
    said = checked.stdout + checked.stderr
    run_here("check", "--format", "github", cwd=project)
    page = cmarkgfm.github_flavored_markdown_to_html(summary.read_text(encoding="utf-8"))
    cells = [
        [cell.text_content() for cell in row.xpath("td")]
        for row in lxml_html.fromstring(page).xpath("//tr[td]")
    ]
    assert len(cells) == 2, cells
    for where, _, message, fix in cells:
        line = next(x for x in said.splitlines() if x.startswith(where + ":"))
        assert line.endswith(message), (line, message)
        assert f"    fix: {fix}\n" in said, (fix, said)
    assert any("**Big**" in message for _, _, message, _ in cells), cells
    assert any("credits:  |    author: Asha Rao" in fix for *_, fix in cells)
