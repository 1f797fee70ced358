"""What `check` tells an editor of a newsroom in several languages, in the terminal and
as annotations on a pull request (`--format github`): a slug to choose for a headline in a
script that spells poorly in Latin letters, an unknown language tag, two versions of one
story in one language."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here, write_article

URDU = """title: کراچی میں بارش کے بعد سیلاب
date: 2025-06-25T11:00:00+05:00
language: ur
country: Pakistan
credits:
  author: Sana Qureshi
tags: [Weather]"""


def check(project: Path, *args: str) -> tuple[int, list[str]]:
    result = run_here("check", *args, cwd=project)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout.splitlines()


@pytest.mark.parametrize(
    ("language", "title", "script", "slug"),
    [
        ("ur", "کراچی میں بارش کے بعد سیلاب", "Arabic-script", "khrchy-myn-brsh-khy-b-d-sylb"),
        ("hi", "दिल्ली में गर्मी का नया रिकॉर्ड", "Devanagari", "dillii-men-grmii-kaa-nyaa-rikonrdd"),
        ("ja", "東京で猛暑日が続く", "Chinese-character (CJK)", "dong-jing-temeng-shu-ri-kasok-ku"),
        ("he", "גשם כבד בתל אביב", "Hebrew", "gshm-kbd-btl-byb"),
        ("th", "ฝนตกหนักในกรุงเทพฯ", "Thai", "fntkhnakainkrungethph"),
    ],
)
def test_a_headline_named_file_in_a_poorly_spelt_script_gets_a_slug_suggestion_on_its_title(
    tmp_path: Path, language: str, title: str, script: str, slug: str
) -> None:
    """`newsdigest new` names the file after the headline; in these scripts the computer's
    Latin spelling is no address a reader recognises, so check asks for a `slug:`."""
    project = make_project(tmp_path / "project")
    front = URDU.replace(URDU.splitlines()[0], f"title: {title}")
    front = front.replace("language: ur", f"language: {language}")
    write_article(project, f"2025/06/{slug}.md", front)
    status, lines = check(project)
    assert status == 0  # a warning: the story can still be published as it is
    where = f"content/2025/06/{slug}.md:2: warning: "  # line 2: the title
    [warning] = [x for x in lines if x.startswith(where)]
    assert warning == (
        f"{where}the slug (this story's web address) would be '{slug}', the computer's "
        f"spelling of the {script} headline in Latin letters, which readers will not recognise"
    )
    fix = lines[lines.index(warning) + 1]
    assert (
        fix.strip().startswith("fix: choose it now") and "add the line 'slug: your-words' " in fix
    )
    status, annotations = check(project, "--format", "github")
    assert status == 0
    assert [x for x in annotations if "slug (this story's web address)" in x] == [
        f"::warning file=content/2025/06/{slug}.md,line=2,title=newsdigest%3A warning::"
        + warning.removeprefix(where)
        + ". Fix: "
        + fix.strip().removeprefix("fix: ")
    ]


def test_newsdigest_new_with_an_urdu_headline_then_a_slug_line_silences_the_suggestion(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    made = run_here("new", "کراچی میں بارش کے بعد سیلاب", "--country", "Pakistan", cwd=project)
    assert made.returncode == 0, made.stderr
    [path] = (project / "content").rglob("*.md")
    status, lines = check(project)
    assert any(
        x.startswith(f"{path.relative_to(project).as_posix()}:2: warning: the slug") for x in lines
    ), lines
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ndate:", "\nslug: karachi-floods\ndate:", 1), encoding="utf-8")
    status, lines = check(project)
    assert not any("slug (this story's web address)" in x for x in lines), lines


def test_a_file_name_in_urdu_script_gets_the_suggestion_too(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/کراچی-سیلاب.md", URDU)
    status, lines = check(project)
    assert status == 0
    assert (
        "content/2025/06/کراچی-سیلاب.md:2: warning: the slug (this story's web address) would "
        "be 'khrchy-sylb', the computer's spelling of the Arabic-script file name in Latin "
        "letters, which readers will not recognise"
    ) in lines


@pytest.mark.parametrize(
    ("file", "front"),
    [
        # An editor who named the file in Latin letters has chosen the address already.
        ("2025/06/karachi-floods.md", URDU),
        # An explicit slug, as the sample's Urdu and Hindi stories have.
        ("2025/06/khrchy-myn-brsh-khy-b-d-sylb.md", URDU + "\nslug: karachi-floods"),
        # Scripts the computer spells well: Latin with accents, Cyrillic, Greek.
        ("2025/06/zurich-stimmt-uber-wohnabgabe-ab.md", "title: Zürich stimmt über Wohnabgabe ab"),
        ("2025/06/moskva-zhdet-dozhdei.md", "title: Москва ждет дождей"),
        ("2025/06/kausonas-sten-athena.md", "title: Καύσωνας στην Αθήνα"),
    ],
)
def test_no_slug_suggestion_where_the_address_reads_well(
    tmp_path: Path, file: str, front: str
) -> None:
    project = make_project(tmp_path / "project")
    if not front.startswith("title: کراچی"):
        front = URDU.replace(URDU.splitlines()[0], front).replace("language: ur\n", "")
    write_article(project, file, front)
    status, lines = check(project)
    assert (status, lines) == (0, ["checked 1 article: no errors"])


def test_an_unknown_language_is_an_annotation_on_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    typed = URDU.replace("language: ur", "language: Urdu")
    write_article(project, "2025/06/karachi-floods.md", typed)
    status, annotations = check(project, "--format", "github")
    assert status == 1
    assert annotations == [
        "::error file=content/2025/06/karachi-floods.md,line=4,title=newsdigest%3A error::"
        "language 'Urdu' is not a language tag newsdigest knows. Fix: did you mean 'ur'? "
        "write a BCP 47 tag such as 'en', 'ur', 'hi' or 'pt-BR'",
        "1 error, 0 warnings",
    ]


@pytest.mark.parametrize("where", ["front matter", "settings"])
def test_a_language_without_cldr_data_is_named_not_mistaken_for_a_near_spelling(
    tmp_path: Path, where: str
) -> None:
    """'tlh' is Klingon, a real ISO 639 code whose dates and words CLDR does not have: the
    editor is told so, not asked whether they meant Thai ('th'), one letter away."""
    project = make_project(tmp_path / "project")
    if where == "front matter":
        write_article(
            project, "2025/06/karachi-floods.md", URDU.replace("language: ur", "language: tlh")
        )
    else:
        write_article(project, "2025/06/karachi-floods.md", URDU)
        settings = project / "pyproject.toml"
        settings.write_text(
            settings.read_text(encoding="utf-8") + 'language = "tlh"\n', encoding="utf-8"
        )
    result = run_here("check", cwd=project)
    assert result.returncode != 0
    said = (result.stdout + result.stderr).splitlines()  # check's report / a settings error
    line = next(n for n, text in enumerate(said) if "'tlh'" in text)
    # The setting is the eighth line of make_project's pyproject.toml; the field the fourth.
    expected = (
        "pyproject.toml:8:" if where == "settings" else "content/2025/06/karachi-floods.md:4:"
    )
    assert said[line].startswith(expected)
    assert "language 'tlh' (Klingon) is one newsdigest cannot write dates" in said[line]
    assert said[line + 1].startswith("    fix: write the tag of a language CLDR covers")
    assert "'th'" not in "\n".join(said)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("englsh", "en"),
        ("Englisch", "en"),
        ("franch", "fr"),
        ("Portugese", "pt"),
        ("Deutch", "de"),
        ("japanse", "ja"),
        ("engl", "en"),  # the start of a name
        ("Farsi", "fa"),  # a newsroom's name
        ("british", "en-GB"),
        ("en_uk", "en-GB"),  # a region typed: the region's tag
        ("englsh-GB", "en-GB"),
        ("en-vv", "en"),  # no such region: the language, not 'en-VU' (Vanuatu)
        ("english-us", "en-US"),  # a name with a region: that language's, not 'es-US'
        ("german-de", "de-DE"),  # not 'en-DE'
        ("dutch-be", "nl-BE"),  # not German's 'de-BE'
    ],
)
@pytest.mark.parametrize("where", ["front matter", "settings"])
def test_a_misspelt_language_name_suggests_the_language_not_a_regional_variant(
    tmp_path: Path, typed: str, meant: str, where: str
) -> None:
    """T3: 'englsh' was "fixed" to 'en-SH' (English of Saint Helena) and 'franch' to
    'fr-NC' (of New Caledonia); following the fix labelled the whole site so."""
    project = make_project(tmp_path / "project")
    story = URDU.replace("language: ur\n", "")  # the site's language, in the settings
    settings = project / "pyproject.toml"
    base = settings.read_text(encoding="utf-8")
    if where == "front matter":
        write_article(project, "2025/06/karachi-floods.md", f"{story}\nlanguage: {typed}")
    else:
        write_article(project, "2025/06/karachi-floods.md", story)
        settings.write_text(base + f'language = "{typed}"\n', encoding="utf-8")
    result = run_here("check", cwd=project)
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert f"language {typed!r}" in said and f"did you mean '{meant}'?" in said, said
    assert "-SH" not in said and "-NC" not in said
    if where == "front matter":  # the fix followed: checked clean
        write_article(project, "2025/06/karachi-floods.md", f"{story}\nlanguage: {meant}")
    else:
        settings.write_text(base + f'language = "{meant}"\n', encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0


def test_two_versions_in_one_language_are_annotations_on_both_files(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    keyed = URDU.replace("language: ur", "language: ur\ntranslation_key: karachi-floods")
    write_article(project, "2025/06/karachi-floods.md", keyed)
    write_article(project, "2025/06/karachi-rain.md", keyed.replace("11:00", "15:00"))
    status, annotations = check(project, "--format", "github")
    assert status == 1
    # Lines: '---' 1, title 2, date 3, language 4, translation_key 5.
    fix = (
        ". Fix: one story has one version per language: give one of them another "
        "'language:' or another 'translation_key:'"
    )
    assert annotations.pop() == "2 errors, 0 warnings"
    assert sorted(annotations) == [
        f"::error file=content/2025/06/{path},line=5,title=newsdigest%3A error::translation_key "
        f"'karachi-floods' in language 'ur' is also the key of 2025/06/{other}{fix}"
        for path, other in (
            ("karachi-floods.md", "karachi-rain.md"),
            ("karachi-rain.md", "karachi-floods.md"),
        )
    ]
