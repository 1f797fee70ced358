"""Two stories at one address: the slug the fix proposes is one readers recognise
(tester4 F20). Versions in two languages with one file name (Hugo's `content/en/`,
`content/ur/` layout) get the file name and the language (`slug: floods-ur`), never the
machine's Latin spelling of an Urdu headline (`sylb`)."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_here, write_article

EN = (
    "title: Floods\ndate: 2025-06-25T10:00:00+05:00\ncountry: Pakistan\n"
    "translation_key: floods\ncredits:\n  author: Desk"
)
UR = EN.replace("title: Floods", "title: سیلاب\nlanguage: ur")


def fixes(root: Path) -> list[str]:
    result = run_here("check", cwd=root)
    return [x.strip() for x in result.stdout.splitlines() if "fix:" in x or "error:" in x]


def test_language_folders_get_the_file_name_and_language_as_slug(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    write_article(root, "en/floods.md", EN)
    urdu = write_article(root, "ur/floods.md", UR)

    said = fixes(root)

    assert said[0].startswith("content/ur/floods.md:4: error: this story and content/en/floods.md")
    assert said[1] == (
        "fix: give this story a name of its own: add the line 'slug: floods-ur' to its front "
        "matter (or rename its file)"
    )
    urdu.write_text(urdu.read_text().replace("language: ur", "language: ur\nslug: floods-ur"))
    assert fixes(root) == []
    assert run_here("build", cwd=root).returncode == 0
    page = (root / "site/2025/06/25/floods-ur/index.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in page and "سیلاب" in page


def test_a_headline_in_a_script_that_spells_poorly_is_never_the_slug_proposed(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news", 'language = "ur"\n')
    write_article(root, "a/floods.md", UR.replace("translation_key: floods\n", ""))
    write_article(
        root, "b/floods.md", UR.replace("translation_key: floods\n", ""), "Another story.\n"
    )

    said = fixes(root)

    assert any("add the line 'slug: floods-2'" in line for line in said), said
    assert "sylb" not in "\n".join(said)


def test_a_latin_headline_still_gives_its_own_slug(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    write_article(root, "a/floods.md", EN.replace("translation_key: floods\n", ""))
    other = EN.replace("title: Floods", "title: Rain Returns").replace(
        "translation_key: floods\n", ""
    )
    write_article(root, "b/floods.md", other)

    assert "add the line 'slug: rain-returns'" in fixes(root)[1]


def test_the_version_in_the_sites_language_keeps_the_plain_address(tmp_path: Path) -> None:
    """prober5 P16: with content/ar/ sorting before content/en/, the English version (the
    site's language, the one existing links mean) was told `slug: floods-en` and the
    Arabic one kept /floods/. The site's own version keeps it; the others are told."""
    root = make_project(tmp_path / "news", 'language = "en"\n')
    write_article(root, "ar/floods.md", EN.replace("title: Floods", "title: فيضانات\nlanguage: ar"))
    write_article(root, "en/floods.md", EN.replace("title: Floods", "title: Floods\nlanguage: en"))
    write_article(root, "hi/floods.md", EN.replace("title: Floods", "title: बाढ़\nlanguage: hi"))

    said = fixes(root)

    assert [x.split(":")[0] for x in said if "error:" in x] == [
        "content/ar/floods.md",
        "content/hi/floods.md",
    ], said
    assert "add the line 'slug: floods-ar'" in "\n".join(said)
    assert "add the line 'slug: floods-hi'" in "\n".join(said)
    assert "floods-en" not in "\n".join(said)
