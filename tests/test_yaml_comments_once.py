"""Every YAML mistake of a story's front matter in one run (tester4 F29): a comment that
cuts a value short is named first, and a mistake of its own on a later line (a ': ' in a
summary) is named with it, not after the comments are fixed."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, tiny_png, write_article

FRONT = """title: Vote count
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Desk # the desk
image: AP #2
summary: Vote count: 52 # per cent"""


def test_comments_and_a_later_colon_are_said_in_one_run(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    path = write_article(root, "b.md", FRONT)

    said = run_here("check", cwd=root).stdout

    assert "content/b.md:6: error: the text after ' #' is read as a comment" in said
    assert "content/b.md:7: error: the text after ' #' is read as a comment" in said
    assert "content/b.md:8: error: the value of 'summary:' contains ': '" in said
    assert said.count("error:") == 3, said
    fixed = (
        FRONT.replace("Desk # the desk", "Desk")
        .replace("image: AP #2\n", "")
        .replace("Vote count: 52 # per cent", '"Vote count: 52 # per cent"')
    )
    path.write_text(f"---\n{fixed}\n---\nBody.\n", encoding="utf-8")
    assert run_here("check", cwd=root).returncode == 0


def test_a_comment_that_breaks_what_follows_is_said_alone(tmp_path: Path) -> None:
    """`tags: [Floods # main` cut short leaves the list open: the parser's error after it
    comes from the comment, and is not said as a second mistake."""
    root = make_project(tmp_path / "news")
    front = "title: Rain\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\n"
    front += "tags: [Floods # main\nsummary: Calm\ncredits:\n  author: Desk"
    write_article(root, "b.md", front)

    said = run_here("check", cwd=root).stdout

    assert said.count("error:") == 1, said
    assert "content/b.md:5: error: the text after ' #' is read as a comment" in said


SLIPS = """title: Vote
date: 2025-06-20T10:00:00+05:30
country: India
credits:
  author: Desk # the desk
summary: Vote count: 52 # per cent
tags: [Vote #1, Polls]
image:
  src: booth.png
  alt: Time: 10:30 at the #1 booth"""


def test_every_slip_of_a_story_is_said_in_the_first_run(tmp_path: Path) -> None:
    """prober5 P37: comments and ': ' slips on four lines took three runs to be said."""
    root = make_project(tmp_path / "news")
    (root / "content/booth.png").write_bytes(tiny_png())
    path = write_article(root, "b.md", SLIPS)

    said = run_here("check", cwd=root).stdout

    assert said.count("error:") == 4, said
    for line, fixed in [
        (6, 'author: "Desk # the desk"'),
        (7, 'summary: "Vote count: 52 # per cent"'),
        (8, 'tags: ["Vote #1", Polls]'),
        (11, 'alt: "Time: 10:30 at the #1 booth"'),
    ]:
        assert f"content/b.md:{line}: error:" in said, said
        assert fixed in said, said
    path.write_text(  # each fix followed as it is written
        "---\n"
        + SLIPS.replace("Desk # the desk", '"Desk # the desk"')
        .replace("Vote count: 52 # per cent", '"Vote count: 52 # per cent"')
        .replace("[Vote #1, Polls]", '["Vote #1", Polls]')
        .replace("Time: 10:30 at the #1 booth", '"Time: 10:30 at the #1 booth"')
        + "\n---\nBody.\n",
        encoding="utf-8",
    )
    assert run_here("check", cwd=root).returncode == 0


def test_colons_on_two_lines_are_said_together_and_a_broken_block_once(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    front = "title: Rain: the day after\ndate: 2025-06-20T10:00:00+05:30\ncountry: India\n"
    write_article(root, "b.md", front + "summary: Calm: then rain\ncredits:\n  author: Desk")
    # A line indented wrongly breaks how what follows is read: said alone.
    write_article(root, "c.md", front + "credits:\n  author: Desk\n bio: Reporter\nsummary: a: b")

    said = run_here("check", cwd=root).stdout

    assert "content/b.md:2: error: the value of 'title:' contains ': '" in said, said
    assert "content/b.md:5: error: the value of 'summary:' contains ': '" in said, said
    assert "content/c.md:2: error: the value of 'title:' contains ': '" in said, said
    assert "content/c.md:7: error: 'bio:' is not lined up with 'author:'" in said, said
    assert said.count("content/c.md:") == 2, said  # not line 8's, read wrong because of it
