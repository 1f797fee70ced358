"""Reading article files: front matter split from the body, YAML with the line of every field."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostic
from generator.load.content import Document, find_articles, parse_front_matter, read_document

FRONT = "title: Long\ndate: 2025-06-01T09:00:00Z\ncountry: India\ncredits:\n  author: Desk"

ARTICLE = """\
---
title: Monsoon Reaches Kerala
date: 2025-06-25T15:27:00+05:30
country: India
credits:
  author: Fixture Desk
  sources: [agencies]
tags: [Climate, India]
---
First paragraph.

Second paragraph.
"""


def read(
    tmp_path: Path, text: str | bytes, name: str = "story.md"
) -> tuple[Document | None, list[Diagnostic]]:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return read_document(path, name, 1_000_000)


def only_error(problems: list[Diagnostic]) -> Diagnostic:
    assert len(problems) == 1, problems
    assert problems[0].severity == "error"
    return problems[0]


def test_front_matter_is_split_from_the_body(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, ARTICLE)
    assert problems == []
    assert doc is not None
    assert doc.front["title"] == "Monsoon Reaches Kerala"
    assert doc.front["credits"]["author"] == "Fixture Desk"
    assert doc.front["tags"] == ["Climate", "India"]
    assert doc.body == "First paragraph.\n\nSecond paragraph.\n"
    assert doc.body_line == 10
    assert doc.source == "story.md"


def test_every_field_knows_its_line_in_the_file(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, ARTICLE)
    assert doc is not None
    lines = {key: doc.front.line_of(key) for key in doc.front}
    assert lines == {"title": 2, "date": 3, "country": 4, "credits": 5, "tags": 8}
    assert doc.front["credits"].line_of("author") == 6
    assert doc.front["credits"].line_of("sources") == 7


def test_dates_stay_text_for_validation_to_read(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, ARTICLE.replace("2025-06-25T15:27:00+05:30", "2025-06-25"))
    assert doc is not None
    assert doc.front["date"] == "2025-06-25"


def test_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    windows = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8")
    doc, problems = read(tmp_path, windows)
    assert problems == []
    assert doc is not None
    assert doc.front["title"] == "Monsoon Reaches Kerala"
    assert doc.front.line_of("tags") == 8
    assert doc.body == "First paragraph.\n\nSecond paragraph.\n"
    assert doc.body_line == 10


def test_a_file_without_an_opening_fence_is_reported_on_line_1(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "title: No fences\n\nJust text.\n")
    assert doc is None
    problem = only_error(problems)
    assert problem.line == 1
    assert "does not start with a front-matter block" in problem.message
    assert "---" in problem.hint


def test_front_matter_that_is_never_closed_is_reported(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "---\ntitle: Open\ndate: 2025-06-25\n\nBody.\n")
    assert doc is None
    problem = only_error(problems)
    assert "never closed" in problem.message


def test_front_matter_closed_by_four_dashes_or_after_an_empty_line_is_named_where_it_is(
    tmp_path: Path,
) -> None:
    """`----` meant as the closing line is named on its line; an empty line 1 before the
    opening `---` is named as such, with the line to delete (`check`, real files)."""
    project = make_project(tmp_path / "project")
    fields = "title: Open\ndate: 2025-06-25\ncountry: India\ncredits:\n  author: Desk\n"
    (project / "content/four.md").write_text(f"---\n{fields}----\nBody.\n", encoding="utf-8")
    (project / "content/late.md").write_text(f"\n\n---\n{fields}---\nBody.\n", encoding="utf-8")
    lines = run_here("check", cwd=project).stdout.splitlines()
    four = lines.index(
        "content/four.md:7: error: front matter is never closed: line 7 is '----' (4 dashes), "
        "and the front matter ends with a line of exactly three hyphens, '---'"
    )
    assert lines[four + 1].strip() == "fix: write '---' (three hyphens) on line 7"
    late = lines.index(
        "content/late.md:1: error: the file does not start with a front-matter block: lines 1 "
        "to 2 are empty, and the '---' that opens the front matter is on line 3"
    )
    assert lines[late + 1].strip() == (
        "fix: delete the empty lines before '---': the front matter must start on line 1"
    )


def test_a_body_line_of_dashes_is_not_the_front_matter(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, ARTICLE + "\n---\n\nAfter a rule.\n")
    assert problems == []
    assert doc is not None
    assert doc.body.endswith("---\n\nAfter a rule.\n")


def test_a_value_with_colon_space_is_named_in_plain_words_with_the_corrected_line(
    tmp_path: Path,
) -> None:
    broken = ARTICLE.replace("country: India", "country: India: Kerala")
    doc, problems = read(tmp_path, broken)
    assert doc is None
    problem = only_error(problems)
    assert problem.line == 4
    assert "contains ': ' (a colon and a space)" in problem.message
    assert problem.hint == 'put the whole value in quotes: country: "India: Kerala"'


def test_unclosed_list_is_reported_in_the_front_matter(tmp_path: Path) -> None:
    broken = ARTICLE.replace("tags: [Climate, India]", "tags: [Climate, India")
    doc, problems = read(tmp_path, broken)
    assert doc is None
    problem = only_error(problems)
    assert problem.line == 8
    assert problem.message == "the list opened with [ on line 8 is never closed"
    # a list of names: closed, never put in quotes (which would make it text, not a list)
    assert problem.hint == "add ] at the end of line 8: tags: [Climate, India]"


def test_an_unclosed_bracket_in_the_title_is_named_on_the_title_line_not_the_next(
    tmp_path: Path,
) -> None:
    """`title: [broken` then `date:`: the parser gives up on the date line; the editor is
    sent to the line where the [ (or {) opened."""
    for opened, closer, noun in (("[", "]", "list"), ("{", "}", "set of fields")):
        broken = ARTICLE.replace("title: Monsoon Reaches Kerala", f"title: {opened}broken")
        doc, problems = read(tmp_path, broken)
        assert doc is None
        problem = only_error(problems)
        assert (problem.line, problem.message) == (
            2,
            f"the {noun} opened with {opened} on line 2 is never closed",
        )
        assert problem.hint == (
            f"add {closer} at the end of line 2, or put the title in quotes if the {opened} "
            f'is part of it: title: "{opened}broken"'
        )


def test_a_group_line_missing_its_colon_at_the_top_of_the_front_matter_is_named(
    tmp_path: Path,
) -> None:
    """`credits` (no ':') as the first line, its fields indented below: YAML reads the
    lines as one text and stops on the field below; the error names the missing colon."""
    moved = ARTICLE.replace("credits:\n  author: Fixture Desk\n  sources: [agencies]\n", "")
    broken = moved.replace("---\n", "---\ncredits\n  author: Fixture Desk\n", 1)
    doc, problems = read(tmp_path, broken)
    problem = only_error(problems)
    assert (problem.line, problem.message, problem.hint) == (
        2,
        "'credits' has no ':', so YAML cannot read this line as a field",
        "write the line with a colon after the name: 'credits:'",
    )
    doc, problems = read(tmp_path, broken.replace("credits\n", "credits:\n"))
    assert doc is not None and not problems


def test_a_list_left_open_at_the_end_of_the_front_matter_is_named_where_it_opened(
    tmp_path: Path,
) -> None:
    """`tags: [` as the last field (nothing after it): PyYAML gives up at the end of the
    text ("expected the node content, but found '<stream end>'", a line below); the editor
    is sent to the line of the [, and the fix, followed as written, reads."""
    for typed, hint, fixed in (
        (
            "[",
            "write its tags and ] on that line, separated by commas, or for none: tags: []",
            "[]",
        ),
        ("[Climate,", "add ] at the end of line 8: tags: [Climate]", "[Climate]"),
        (
            "[\n",
            "write its tags and ] on that line, separated by commas, or for none: tags: []",
            "[]",
        ),
    ):
        broken = ARTICLE.replace("tags: [Climate, India]", f"tags: {typed}")
        doc, problems = read(tmp_path, broken)
        assert doc is None
        problem = only_error(problems)
        assert (problem.line, problem.message, problem.hint) == (
            8,
            "the list opened with [ on line 8 is never closed",
            hint,
        )
        doc, problems = read(tmp_path, ARTICLE.replace("tags: [Climate, India]", f"tags: {fixed}"))
        assert doc is not None and not problems
    # A text field: `title: []` would be a list, not a title.
    doc, problems = read(
        tmp_path,
        ARTICLE.replace("title: Monsoon Reaches Kerala\n", "").replace(
            "tags: [Climate, India]", "title: ["
        ),
    )
    problem = only_error(problems)
    assert (problem.line, problem.hint) == (
        7,
        "write the title after 'title:' on line 7, or put the title in quotes if the [ is part "
        'of it: title: "["',
    )


def test_a_list_over_several_lines_left_open_is_closed_on_its_last_line(tmp_path: Path) -> None:
    broken = ARTICLE.replace("tags: [Climate, India]", "tags: [Climate,\n  India")
    doc, problems = read(tmp_path, broken)
    problem = only_error(problems)
    assert problem.line == 8
    assert problem.message == "the list opened with [ on line 8 is never closed"
    assert problem.hint.startswith("add ] at the end of line 9, or put the tags in quotes")


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    twice = ARTICLE.replace("tags: [Climate, India]\n", "tags: [Climate, India]\ntitle: Again\n")
    doc, problems = read(tmp_path, twice)
    assert doc is not None  # read as well as it can be: its other fields are still checked
    problem = only_error(problems)
    assert problem.line == 9
    assert "title" in problem.message
    assert "line 2" in problem.message


def test_duplicate_nested_keys_are_reported_too(tmp_path: Path) -> None:
    twice = ARTICLE.replace("  author: Fixture Desk\n", "  author: Fixture Desk\n  author: B\n")
    _, problems = read(tmp_path, twice)
    problem = only_error(problems)
    assert problem.line == 7
    assert "author" in problem.message
    assert "line 6" in problem.message


def test_python_object_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    witness = tmp_path / "witness"
    hostile = ARTICLE.replace(
        "title: Monsoon Reaches Kerala",
        f'title: !!python/object/apply:os.system ["touch {witness}"]',
    )
    doc, problems = read(tmp_path, hostile)
    assert doc is not None  # read as the text typed, so the rest of the file is checked
    problem = only_error(problems)
    assert problem.line == 2
    assert "python/object" in problem.message
    assert not witness.exists()


def test_a_plain_python_object_tag_is_refused(tmp_path: Path) -> None:
    tagged = "country: !!python/object:collections.OrderedDict {}"
    hostile = ARTICLE.replace("country: India", tagged)
    _, problems = read(tmp_path, hostile)
    assert only_error(problems).line == 4


def test_front_matter_that_is_a_list_is_an_error(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "---\n- title\n- date\n---\nBody\n")
    assert doc is None
    assert "field: value" in only_error(problems).message


def test_text_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    latin1 = ARTICLE.replace("First paragraph.", "Caf\u00e9 opens.").encode("latin-1")
    doc, problems = read(tmp_path, latin1)
    assert doc is None
    problem = only_error(problems)
    assert problem.line == 10
    assert "UTF-8" in problem.message


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(ARTICLE + "x" * 2000, encoding="utf-8")
    doc, problems = read_document(path, "big.md", 1000)
    assert doc is None
    assert "over the limit" in only_error(problems).message


@pytest.mark.parametrize(
    ("settings_file", "named"),
    [
        ("newsdigest.toml", "newsdigest.toml"),
        ("pyproject.toml", "[tool.newsdigest] in pyproject.toml"),
    ],
)
def test_a_file_too_big_names_the_settings_file_the_site_uses(
    tmp_path: Path, settings_file: str, named: str
) -> None:
    project = make_project(tmp_path / "site", "max_file_size = 1000\n")
    if settings_file == "newsdigest.toml":
        table = (project / "pyproject.toml").read_text().replace("[tool.newsdigest]\n", "")
        (project / "newsdigest.toml").write_text(table)
        (project / "pyproject.toml").unlink()
    write_article(project, "2025/06/long.md", FRONT, "x" * 2000 + "\n")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert "content/2025/06/long.md:1: error: file is 2" in result.stdout + result.stderr
    assert (
        f"fix: shorten the article, or raise max_file_size in {named}\n"
        in result.stdout + result.stderr
    )


def test_articles_are_found_sorted_and_hidden_files_are_skipped(tmp_path: Path) -> None:
    for name in ("b/2.md", "a/1.md", "a/notes.txt", ".git/x.md", "b/.draft.md", "top.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("notes\n" if name.endswith(".txt") else ARTICLE, encoding="utf-8")
    found, problems = find_articles(tmp_path)
    # A hidden story is said (tests/test_typed_input.py); what is inside .git is not.
    assert [(p.path, p.severity) for p in problems] == [("b/.draft.md", "warning")]
    assert [source for _, source in found] == ["top.md", "a/1.md", "b/2.md"]


def test_a_link_to_a_file_outside_content_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text(ARTICLE, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "linked.md").symlink_to(outside)
    found, problems = find_articles(content)
    assert found == []
    assert len(problems) == 1
    assert problems[0].path == "linked.md"
    assert "outside the content folder" in problems[0].message


YAML_BITS = list("ab:-[]{}!&*|>'\"#\n ?,%@`\t.0123456789")


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(YAML_BITS), max_size=80))
def test_any_front_matter_text_gives_data_or_diagnostics_never_an_exception(text: str) -> None:
    data, problems = parse_front_matter(text, 2, "x.md")
    assert all(2 <= p.line <= text.count("\n") + 3 for p in problems), problems
    assert all(p.path == "x.md" and p.severity == "error" for p in problems)
    kept = ("given twice", "read by YAML as a label", "read as a comment", "type tag")
    if problems:
        assert data is None or all(any(k in p.message for k in kept) for p in problems)


def test_libyaml_and_pure_python_front_matter_read_the_same() -> None:
    """Short front matter goes through libyaml when present; values and lines do not change."""
    from pathlib import Path as _Path

    import yaml

    from generator.load import content

    newsroom = _Path(__file__).parent / "fixtures" / "newsroom" / "content"
    texts = [ARTICLE.split("---\n")[1]]
    for path in sorted(newsroom.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            texts.append(text.split("---\n")[1])
    texts.append("title: twice\ntitle: again\nwhen: 2025-01-01 10:00\nlist: [a, {b: c}]\n")
    for text in texts:
        assert content._shallow(text)
        fast = parse_front_matter(text, 2, "a.md")
        saved, content._FAST = content._FAST, None
        try:
            slow = parse_front_matter(text, 2, "a.md")
        finally:
            content._FAST = saved
        assert fast == slow
        assert getattr(fast[0], "lines", None) == getattr(slow[0], "lines", None)
    assert getattr(yaml, "CSafeLoader", None) is None or content._FAST is not None


def test_deeply_nested_front_matter_is_an_error_not_a_crash() -> None:
    for text in ("[" * 100_000, "- " * 100_000 + "x"):  # a crash in C would end pytest
        data, problems = parse_front_matter(text, 2, "deep.md")
        assert data is None
        assert [p.message for p in problems] == [
            "front matter is nested too deeply to be an article's fields"
        ]


def test_a_folders_readme_in_content_is_notes_for_editors_and_not_published(
    tmp_path: Path,
) -> None:
    """GitHub shows a folder's README.md, so newsrooms keep notes in content/README.md: it
    is left out without a word (as Jekyll leaves out a file without front matter), in any
    folder and any capitals, on a clean build and on the next one (tester5 F5). One that
    starts with a story's front matter is a warning naming both ways; any other file
    without front matter is an error whose fix names README.md as well as the '---'."""
    project = make_project(tmp_path / "project")
    write_article(project, "story.md", FRONT)
    (project / "content/README.md").write_text(
        "# Notes for editors\n\nPut stories here.\n", encoding="utf-8"
    )
    (project / "content/2025").mkdir()
    (project / "content/2025/readme.markdown").write_text("Year notes.\n", encoding="utf-8")
    first = run_here("build", cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "warning" not in first.stdout + first.stderr
    assert not list((project / "site").rglob("*readme*")), "notes published"
    (project / "content/README.md").write_text("# Notes, edited\n", encoding="utf-8")
    again = run_here("build", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout + again.stderr

    write_article(project, "README.md", "title: Meant as a story\ndate: 2025-06-01")
    said = run_here("check", cwd=project).stdout
    assert "content/README.md:1: warning: this file is not published" in said
    assert "rename the file to the story's own name ending in '.md'" in said
    for _ in range(2):  # a build, then one that lists content/ from the walk (stages.listed)
        built = run_here("build", cwd=project)
        said = built.stdout + built.stderr
        assert "content/README.md:1: warning: this file is not published" in said

    (project / "content/notes.md").write_text("# Other notes\n", encoding="utf-8")
    lines = run_here("check", cwd=project).stdout.splitlines()
    at = lines.index("content/notes.md:1: error: the file does not start with a front-matter block")
    assert lines[at + 1].strip() == (
        "fix: make the first line '---', then the fields (title:, date:, ...), then '---'; if "
        "the file is notes for the editors, not a story, name it README.md (never published) "
        "or move it out of content/"
    )
