"""An authors.yaml entry misspelt (`Asha Roa:`) and used by no story, while stories write a
byline close to it (`Asha Rao`): the warning is on authors.yaml's line, with the entry
renamed as its fix, never a fix telling every story to copy the misspelling (tester4 F32)."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

FRONT = (
    "title: Story {n}\ndate: 2025-06-2{n}T10:00:00+05:30\ncountry: India\ncredits:\n  author: {who}"
)
ENTRY = "# the desk's reporters\n{name}:\n  slug: asha-rao\n  bio: Reporter on the science desk.\n"


def newsroom(tmp_path: Path, entry: str, bylines: list[str]) -> Path:
    root = make_project(tmp_path / "news")
    for n, who in enumerate(bylines, 1):
        write_article(root, f"s{n}.md", FRONT.format(n=n, who=who))
    (root / "authors.yaml").write_text(ENTRY.format(name=entry), encoding="utf-8")
    return root


def checked(root: Path) -> str:
    result = run_here("check", cwd=root)
    assert result.returncode == 0, result.stdout
    return result.stdout


def test_a_misspelt_entry_is_warned_on_its_line_and_renaming_it_ends_the_warning(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path, "Asha Roa", ["Asha Rao", "Asha Rao", "Asha Rao"])

    said = checked(root)

    assert (
        "authors.yaml:2: warning: 'Asha Roa' in authors.yaml is the byline of no story; "
        "3 stories write 'Asha Rao', which is not in authors.yaml"
    ) in said
    # a question, not a rename: they may be two people (prober5 P29, `John Smith` / `Jon Smith`)
    assert "fix: if 'Asha Rao' is the same person, rename the entry: Asha Rao:" in said
    assert "if they are two people, leave it" in said
    assert "did you mean 'Asha Roa'" not in said  # no story told to copy the slip
    path = root / "authors.yaml"
    path.write_text(path.read_text().replace("Asha Roa:", "Asha Rao:"))
    assert "warning" not in checked(root)
    assert run_here("build", cwd=root).returncode == 0
    page = (root / "site/authors/asha-rao/index.html").read_text(encoding="utf-8")
    assert "Reporter on the science desk." in page


def test_one_storys_slip_beside_an_unused_entry_names_both_ways(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "Asha Rao", ["Asha Roa"])

    said = checked(root)

    assert "content/s1.md:6: warning: credits.author 'Asha Roa' is not in authors.yaml" in said
    assert "(or, if 'Asha Roa' is right, rename the entry in authors.yaml" in said
    assert "authors.yaml:2: warning" not in said


def test_an_entry_in_use_or_far_from_every_byline_is_not_warned(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "Asha Rao", ["Asha Rao", "Ben Li", "Ben Li"])
    (root / "authors.yaml").write_text(
        ENTRY.format(name="Asha Rao") + "Nobody Here:\n  bio: Not yet on a story.\n",
        encoding="utf-8",
    )

    assert "warning" not in checked(root)
