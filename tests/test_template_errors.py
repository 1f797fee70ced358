"""A template that raises an error while making a page (a division by zero, a `%` on a
string, an undefined name, a missing partial) is named on its file and line, whichever
page it was making and in whichever process: status 2, no traceback, the site as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    BASE_URL,
    Forked,
    copy_newsroom,
    load_synth,
    run_here,
    run_newsdigest,
    site_files,
)

from generator.render.theme import THEME_DIR

synth = load_synth()

OPENING = {"base.html": "<body"} | dict.fromkeys(
    ["article.html", "404.html", "search.html"], "{% block main %}"
)
FIX = "    fix: correct this line of the template (or the value it uses)"


def include_partial(project: Path, partial: str, template: str = "base.html") -> None:
    """The theme's `template` copied into templates/, including partials/extra.html
    (text `partial`) after the line that opens its body or main block (OPENING), as
    `newsdigest theme copy` and an edit do."""
    own = project / "templates"
    (own / "partials").mkdir(parents=True, exist_ok=True)
    lines = (THEME_DIR / template).read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith(OPENING[template]))
    lines.insert(at + 1, '{% include "partials/extra.html" %}\n')
    (own / template).write_text("".join(lines), encoding="utf-8")
    (own / "partials" / "extra.html").write_text(partial, encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_error_in_a_partial_in_a_worker_process_names_its_line_and_writes_nothing(
    tmp_path: Path, jobs: str, forked: Forked
) -> None:
    """60 articles: with --jobs 2 the article pages are made by worker processes; with
    --jobs 1 in the build's own, whatever their number (12 then). (The site published
    before is built in a process forked from one that has imported newsdigest; the failing
    build is `python -m generator`, as a user runs it.)"""
    count = 60 if jobs == "2" else 12
    project = synth.write_newsdigest(tmp_path / "project", synth.articles(count))
    site = tmp_path / "site"
    run = ("build", "--output", str(site), "--base-url", BASE_URL, "--jobs", jobs)
    assert forked.run(*run, cwd=project, search=False).returncode == 0
    before = site_files(site)
    include_partial(project, "<p>one</p>\n<p>{{ 1/0 }}</p>\n", "article.html")

    result = run_newsdigest(*run, cwd=project)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(
        "templates/partials/extra.html:2: error: this template failed while making /sub/"
    )
    assert first.endswith("/: ZeroDivisionError: division by zero")
    assert result.stderr.splitlines()[1].startswith(FIX)
    assert site_files(site) == before


@pytest.mark.parametrize(
    ("partial", "line", "reason"),
    [
        ('{{ "abc" % 5 }}\n', 1, "TypeError: not all arguments converted during string formatting"),
        ("<p>\n\n{{ nope }}\n</p>\n", 3, "'nope' is undefined"),
        (
            '\n{% include "partials/nothere.html" %}\n',
            2,
            "there is no template 'partials/nothere.html'",
        ),
    ],
)
def test_every_kind_of_error_in_a_template_is_named_on_its_line(
    tmp_path: Path, partial: str, line: int, reason: str
) -> None:
    project = copy_newsroom(tmp_path / "project")
    include_partial(project, partial)
    result = run_here(
        "build", "--output", str(tmp_path / "site"), "--base-url", BASE_URL, cwd=project
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"templates/partials/extra.html:{line}: error: "
        f"this template failed while making /sub/: {reason}"
    )
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("template", "page"), [("404.html", "404.html"), ("search.html", "search/")]
)
def test_an_error_in_the_404_or_search_page_names_that_page(
    tmp_path: Path, template: str, page: str
) -> None:
    project = copy_newsroom(tmp_path / "project")
    include_partial(project, "<p>{{ settings.title / 2 }}</p>\n", template)
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "templates/partials/extra.html:1: error: this template failed while making "
        f"/sub/{page}: TypeError: unsupported operand type(s) for /: 'str' and 'int'\n"
    )
