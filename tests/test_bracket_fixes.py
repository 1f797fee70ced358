"""A one-text field typed in brackets (`language: [ur]`) or a list field begun with '- '
on its own line (`tags: - Climate`): the fix, followed as printed, publishes what was
meant (tester4 F21): `language: ur`, `tags: [Climate]`, never `language: "[ur]"`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_project, run_here, tiny_png, write_article

FRONT = "title: Floods\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\ncredits:\n  author: Desk"


def fixes(root: Path) -> list[str]:
    result = run_here("check", cwd=root)
    assert "Traceback" not in result.stderr
    return [x.split("fix: ", 1)[1] for x in result.stdout.splitlines() if "fix: " in x]


def followed(path: Path, typed: str, fix: str) -> None:
    """The file with the line `typed` replaced by the line the fix ends with."""
    first = re.sub(r" \(with the \d+ spaces? before '[^']*'\)$", "", fix.split("; or,")[0])
    line = first[first.rindex(typed.split(":")[0] + ": ") :]
    path.write_text(path.read_text().replace(typed, line))


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("language: [ur]", "remove the brackets: language: ur"),
        (
            "language: [en, ur]",
            "a story has one language: write one, without brackets: language: en",
        ),
        ("translation_key: [floods]", "remove the brackets: translation_key: floods"),
        ("tags: - Climate", "write the list in brackets: tags: [Climate]"),
        ("tags: - Climate change", "write the list in brackets: tags: [Climate change]"),
        ("aliases: - /old-floods/", "write the list in brackets: aliases: [/old-floods/]"),
        # prober5 P38, P40, P19, P3: each fix was one topic, or an error once followed
        ("tags: - Climate, Floods", "write the list in brackets: tags: [Climate, Floods]"),
        ("language: - ur", "write it without the '- ': language: ur"),
        ("language: - Urdu", "write it without the '- ': language: ur"),
        ("language: [Urdu]", "remove the brackets: language: ur"),
        ("language: [Français]", "remove the brackets: language: fr"),
        ("language: {ur: 1}", "remove the brackets: language: ur"),
    ],
)
def test_a_bracket_or_dash_slip_gets_the_line_meant(tmp_path: Path, typed: str, fixed: str) -> None:
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", f"{FRONT}\n{typed}")

    said = fixes(root)

    assert said == [fixed]
    assert '"[' not in said[0] and '"- ' not in said[0]
    followed(path, typed, said[0])
    assert fixes(root) == []


def test_a_story_in_brackets_fixed_is_published_in_its_language(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", f"{FRONT}\nlanguage: [ur]")
    followed(path, "language: [ur]", fixes(root)[0])

    assert run_here("build", cwd=root).returncode == 0
    page = (root / "site/2025/06/20/floods/index.html").read_text(encoding="utf-8")
    assert '<html lang="ur" dir="rtl"' in page


def test_a_title_in_brackets_is_still_quoted_whole(tmp_path: Path) -> None:
    """Words in brackets may be a headline's (`[Live]`): the fix keeps them, quoted."""
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", FRONT.replace("title: Floods", "title: [Live]"))

    (said,) = fixes(root)

    assert said == 'put the whole value in quotes: title: "[Live]"'
    path.write_text(path.read_text().replace("title: [Live]", 'title: "[Live]"'))
    assert fixes(root) == []


def test_a_list_of_topics_begun_with_a_dash_publishes_each_topic(tmp_path: Path) -> None:
    """`tags: - Climate, Floods` was told `tags: ["Climate, Floods"]`: one topic (P38)."""
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", f"{FRONT}\ntags: - Climate, Floods")
    followed(path, "tags: - Climate, Floods", fixes(root)[0])

    assert run_here("build", cwd=root).returncode == 0
    assert (root / "site/tags/climate/index.html").exists()
    assert (root / "site/tags/floods/index.html").exists()


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        (
            "  author: - Desk, Wire",
            "write the list in brackets: author: [Desk, Wire] (with the 2 spaces before 'author:')",
        ),
        (
            "  author: - Ben Li and Asha Rao",
            "write the list in brackets: author: [Ben Li, Asha Rao]"
            " (with the 2 spaces before 'author:')",
        ),
    ],
)
def test_bylines_begun_with_a_dash_are_each_a_byline(
    tmp_path: Path, typed: str, fixed: str
) -> None:
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", FRONT.replace("  author: Desk", typed))

    said = fixes(root)

    assert said == [fixed]
    followed(path, typed.strip(), said[0])
    assert fixes(root) == []


def test_a_country_begun_with_a_dash_is_written_alone(tmp_path: Path) -> None:
    """`country: - India` was told `country: "- India"` or a list (an error) (P40)."""
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", FRONT.replace("country: India", "country: - India"))

    assert fixes(root) == ["write it without the '- ': country: India"]
    followed(path, "country: - India", fixes(root)[0])
    assert fixes(root) == []


def test_a_note_after_an_empty_draft_is_kept_after_true(tmp_path: Path) -> None:
    """`draft:   # hold` was told `draft: "# hold"`, itself an error (P3)."""
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", f"{FRONT}\ndraft:   # hold")

    (said,) = fixes(root)

    assert said.startswith("write 'draft: true  # hold' to keep it off the site; delete")
    path.write_text(path.read_text().replace("draft:   # hold", "draft: true  # hold"))
    assert "error:" not in run_here("check", cwd=root).stdout
    assert run_here("build", cwd=root).returncode == 0
    assert not (root / "site/2025/06/20/floods").exists()


def test_a_label_before_true_is_deleted_not_quoted(tmp_path: Path) -> None:
    """`draft: &d true` was told `draft: "&d true"`, not true or false (P3)."""
    root = make_project(tmp_path / "news")
    path = write_article(root, "floods.md", f"{FRONT}\ndraft: &d true")

    assert fixes(root) == ["delete '&d': draft: true"]
    path.write_text(path.read_text().replace("draft: &d true", "draft: true"))
    assert "error:" not in run_here("check", cwd=root).stdout


def test_a_value_with_a_colon_and_a_hash_is_quoted_whole(tmp_path: Path) -> None:
    """`alt: Time: 10:30 at the #1 booth` was told `alt: Time: "10:30 ..."` (P36)."""
    root = make_project(tmp_path / "news")
    typed = "  alt: Time: 10:30 at the #1 booth"
    (root / "content/x.png").parent.mkdir(parents=True, exist_ok=True)
    path = write_article(root, "floods.md", f"{FRONT}\nimage:\n  src: x.png\n{typed}")
    (root / "content/x.png").write_bytes(tiny_png((1200, 675)))

    assert fixes(root) == [
        'put the whole value in quotes: alt: "Time: 10:30 at the #1 booth"'
        " (with the 2 spaces before 'alt:')"  # the picture's, under image:
    ]
    path.write_text(path.read_text().replace(typed, '  alt: "Time: 10:30 at the #1 booth"'))
    assert fixes(root) == []
