"""What `check` says when a story's country is not one newsdigest knows: the country meant,
when a reader of the message would agree; otherwise what the place is, and no guess.

`country: EU` once got "did you mean 'Réunion'?", `ON` "did you mean 'Tonga'?", and `Åland`
or `Saint Helena` nothing, though ISO names both (Åland Islands; Saint Helena, Ascension and
Tristan da Cunha)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from conftest import make_project, run_here, write_article

# (as typed, what the error says, what its fix says): every kind of place written as a
# country, on its own story.
PLACES = [
    (
        "Saint Helena",
        "by that name",
        "Tristan da Cunha' (its code: SH)",
    ),
    ("St. Helena", "by that name", "did you mean 'Saint Helena, Ascension and Tristan da Cunha'?"),
    ("Bosnia", "by that name", "did you mean 'Bosnia and Herzegovina'?"),
    ("Svalbard", "by that name", "did you mean 'Svalbard and Jan Mayen'?"),
    ("EU", "is not a country: it is the European Union", "tags: [EU]"),
    ("United Nations", "is not a country: it is the United Nations", "write the country"),
    ("Africa", "is not a country: it is a continent", "write the country"),
    (
        "ON",
        "ISO 3166-1 has no 'ON' (it is the code of a region: Ontario in Canada",
        "'country: CA'",
    ),
    ("Texas", "is a part of United States, not a country", "'country: United States'"),
    ("Punjab", "is a part of India and of Pakistan", "'country: India' or 'country: Pakistan'"),
    ("GER", "is not an ISO 3166 code or name", "did you mean 'Germany'?"),
    ("Zaire", "is a former name or code", "did you mean 'DR Congo'?"),
    ("Ceylon", "is a former name or code", "did you mean 'Sri Lanka'?"),
    ("USSR", "which no longer exists", "the country of today"),
    ("Indai", "is not a country newsdigest knows", "did you mean 'India'?"),
    ("Narnia", "is not a country newsdigest knows", "use an English name or an ISO code"),
    ("XX", "is not a country newsdigest knows", "use an English name or an ISO code"),
    # dots alone: no name (once a traceback, then "is Yugoslavia, which no longer exists")
    (". . .", "is not a country newsdigest knows", "use an English name or an ISO code"),
    # a country's name after its form of state is that country, not one spelt alike
    # (once 'Republic of Ireland' -> Iceland, 'Republic of Korea' -> Kenya, ... -> Chad)
    (
        "Republic of China",
        "can mean Taiwan or China (it is Taiwan's official name, often written for China's)",
        "'country: Taiwan' (TW) or 'country: China'",
    ),
    ("Republic of Kenia", "is not a country newsdigest knows", "did you mean 'Kenya'?"),
    ("Republic of Irland", "is not a country newsdigest knows", "did you mean 'Ireland'?"),
    ("Koreaa", "is not a country", "did you mean 'North Korea' or 'South Korea'?"),
    ("Kongo", "is DR Congo or Republic of the Congo in", "'country: DR Congo' (CD) or write"),
    # the inverted order of lists, the form after a comma, misspelt (tester's second round)
    ("Irland, Republic of", "is not a country newsdigest knows", "did you mean 'Ireland'?"),
    ("Guinea, Republik of", "is not a country newsdigest knows", "did you mean 'Guinea'?"),
    # datelines of the news (tester T11): Palestine, first; the whole world; several
    ("Gaza Strip", "is a part of Palestine, not a country", "'country: Palestine', and name"),
    ("West Bank", "is a part of Palestine, not a country", "'country: Palestine', and name"),
    ("Gaza City", "is a part of Palestine, not a country", "'country: Palestine', and name"),
    ("Gaza", "is a part of Palestine and of Mozambique", "'country: Palestine' or 'country: Moz"),
    ("Worldwide", "is not a country: it is the whole world", "tags: [Worldwide]"),
    (
        "Multiple",
        "is not a country: a story is filed under the one country it is about",
        "the others in its topics",
    ),
    ("Various countries", "a story is filed under the one country", "write the country"),
]


def _write_stories(project: Path, countries: Iterable[str]) -> None:
    """One story for each country as typed, content/2025/06/s0.md, s1.md..., a day apart."""
    for n, country in enumerate(countries):
        front = f"title: Story {n}\ndate: 2025-06-0{n + 1}T10:00:00Z\ncountry: {country}\n"
        write_article(project, f"2025/06/s{n}.md", front + "credits:\n  author: Desk\ntags: [Rain]")


def _assert_clean_and_published_as(project: Path, names: list[str]) -> None:
    """`check` passes with no warning, and each story sN.md is built under names[N]."""
    result = run_here("check", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 0 and "warning" not in said, said
    site = project / "site"
    assert run_here("build", "--output", str(site), cwd=project).returncode == 0
    for n, name in enumerate(names):
        page = next(site.glob(f"2025/06/*/s{n}/index.html")).read_text(encoding="utf-8")
        assert f">{name}<" in page, name


def test_each_place_written_as_a_country_gets_a_plausible_fix_or_none(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    for number, (typed, _, _) in enumerate(PLACES, start=1):
        front = f"title: Story {number}\ndate: 2025-06-20T10:00:00Z\ncountry: {typed}\n"
        write_article(project, f"story-{number}.md", front + "credits:\n  author: Desk")
    result = run_here("check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    for number, (typed, what, fix) in enumerate(PLACES, start=1):
        start = f"content/story-{number}.md:4: error: country '{typed}' "
        at = next(i for i, line in enumerate(lines) if line.startswith(start))
        assert what in lines[at], lines[at]
        assert lines[at + 1].startswith("    fix: ") and fix in lines[at + 1], lines[at + 1]
    for wrong in ("Réunion", "Tonga", "San Marino", "Iceland", "Chad"):  # by spelling alone
        assert wrong not in result.stdout


def test_following_the_fix_publishes_the_story_under_the_country_meant(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    front = "title: Story\ndate: 2025-06-20T10:00:00Z\ncountry: {}\ncredits:\n  author: Desk"
    write_article(project, "story.md", front.format("Bosnia"))
    assert run_here("check", cwd=project).returncode == 1
    write_article(project, "story.md", front.format("Bosnia and Herzegovina"))
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 0
    assert (out / "countries" / "ba" / "index.html").is_file()


def test_new_says_the_same_about_its_country_option(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = run_here("new", "A headline", "--country", "EU", cwd=project)
    assert result.returncode == 2
    assert "--country 'EU' is not a country: it is the European Union" in result.stderr
    result = run_here("new", "A headline", "--country", "Bosnia", cwd=project)
    assert "did you mean 'Bosnia and Herzegovina'?" in result.stderr


def test_a_country_written_with_its_form_of_state_is_that_country(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    typed = {
        "Republic of Ireland": "ie",
        "Republic of Korea": "kr",
        "Korea, Republic of": "kr",
        "Kingdom of Norway": "no",
        "Islamic Republic of Pakistan": "pk",
        "Republic of Congo": "cg",
        "Democratic Republic of Congo": "cd",
        # a list's inverted order (once 'Guinea, Republic of' -> 'did you mean South Korea?')
        "Guinea, Republic of": "gn",
        "Ireland, Republic of": "ie",
        "Congo, Republic of the": "cg",
        "Niger, Republic of": "ne",
        "Sudan, South": "ss",
        "Korea, North": "kp",
        "Gambia, The": "gm",
        "Bahamas, The": "bs",
    }
    front = "title: Story {}\ndate: 2025-06-20T10:00:00Z\ncountry: {}\ncredits:\n  author: Desk"
    for number, name in enumerate(typed, start=1):
        write_article(project, f"story-{number}.md", front.format(number, name))
    out = tmp_path / "site"
    result = run_here("build", "--output", str(out), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    for number, code in enumerate(typed.values(), start=1):
        page = (out / "countries" / code / "index.html").read_text(encoding="utf-8")
        assert f"Story {number}<" in page, code
    for wrong in ("is", "ke", "td", "gw", "gq", "ng"):
        assert not (out / "countries" / wrong).exists()


def test_new_names_both_countries_of_a_name_of_two(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = run_here("new", "A headline", "--country", "Korea", cwd=project)
    assert result.returncode == 2
    assert (
        "--country 'Korea' can mean South Korea or North Korea; --country 'South Korea' (KR) "
        "or --country 'North Korea' (KP)"
    ) in result.stderr


def test_a_country_typed_in_another_language_gets_its_english_name(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    typed = {
        "Deutschland": ("Germany in German", "'country: Germany' (DE)"),
        "Österreich": ("Austria in German", "'country: Austria' (AT)"),
        "España": ("Spain in Spanish", "'country: Spain' (ES)"),
        "Россия": ("Russia in Russian", "'country: Russia' (RU)"),
        "السعودية": ("Saudi Arabia in Arabic", "'country: Saudi Arabia' (SA)"),
        "中国": ("China in Chinese and Japanese", "'country: China' (CN)"),
    }
    front = "title: Story {}\ndate: 2025-06-20T10:00:00Z\ncountry: {}\ncredits:\n  author: Desk"
    for number, name in enumerate(typed, start=1):
        write_article(project, f"story-{number}.md", front.format(number, name))
    result = run_here("check", cwd=project)
    lines = result.stdout.splitlines()
    for number, (name, (what, fix)) in enumerate(typed.items(), start=1):
        at = lines.index(
            f"content/story-{number}.md:4: error: country {name!r} is {what}; newsdigest reads "
            "countries by their English name or ISO code"
        )
        assert lines[at + 1] == f"    fix: write {fix}"


RENAMED = {
    "Turkey": "Türkiye",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
    "Czech Republic": "Czechia",
    "Ivory Coast": "Côte d'Ivoire",
    "Swaziland": "Eswatini",
    "Great Britain": "United Kingdom",
    "The Netherlands": "Netherlands",  # prober3 M8: a word dropped is noted ('The Gambia')
    # prober4 L5: the World Bank's shortened forms ('Korea, Rep.' was North or South Korea)
    "Korea, Rep.": "South Korea",
    "Korea, Dem. People's Rep.": "North Korea",
    "Czech Rep.": "Czechia",
    "Congo, Dem. Rep.": "DR Congo",
}
# Published as typed but for case, accents, dots or the order of a list: nothing is said.
UNCHANGED = ["UK", "U.S.", "DEU", "Cote d'Ivoire", "Korea, South", "Viet Nam", "Dominican Rep."]


def test_a_country_published_under_another_name_gets_a_note_saying_which(tmp_path: Path) -> None:
    """`country: Turkey` is published as Türkiye (tester 2, M8): like England as United
    Kingdom, a warning on the line names the published name, and writing that name
    silences it; a code or the same name otherwise spelt gets none."""
    project = make_project(tmp_path / "p")
    typed = [*RENAMED, *UNCHANGED]
    for n, name in enumerate(typed):
        write_article(
            project,
            f"2025/06/s{n}.md",
            f"title: Story {n}\ndate: 2025-06-01T10:00:00+00:00\ncountry: {name}\n"
            "credits:\n  author: Desk\n",
        )
    result = run_here("check", cwd=project)
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    for n, name in enumerate(typed):
        shown = RENAMED.get(name)
        if shown is None:
            assert f"s{n}.md:" not in said, said
            continue
        assert (
            f"content/2025/06/s{n}.md:4: warning: country {name!r} is published as {shown}, "
            "the name the site gives that country\n"
            f"    fix: this is how it is published; write 'country: {shown}' to silence this note"
        ) in said, said
        story = project / f"content/2025/06/s{n}.md"
        text = story.read_text(encoding="utf-8")
        story.write_text(text.replace(f"country: {name}", f"country: {shown}"), encoding="utf-8")
    again = run_here("check", cwd=project)
    assert "warning" not in again.stdout + again.stderr, again.stdout + again.stderr


def test_a_countrys_name_with_or_without_its_accents_is_that_country(tmp_path: Path) -> None:
    """`Turkiye` (AP's and Reuters' spelling) and `São Tomé and Príncipe` (with the accents
    ISO's name leaves out) were errors (prober, H3): any country's name is accepted with
    or without its diacritics, with no note, and published under the site's one name."""
    project = make_project(tmp_path / "p")
    typed = {
        "Turkiye": "Türkiye",
        "São Tomé and Príncipe": "São Tomé and Príncipe",  # prober3 M8: its accents kept
        "Curacao": "Curaçao",
        "Aland Islands": "Åland Islands",
    }
    _write_stories(project, typed)
    _assert_clean_and_published_as(project, list(typed.values()))


def test_several_countries_are_named_in_the_topics_as_the_site_publishes_them(
    tmp_path: Path,
) -> None:
    """The fix for a country typed as several put 'PK' and 'Holland' in the topics, topic
    pages of their own, and dropped Pakistan from `India, Pakistan` (prober, M12)."""
    project = make_project(tmp_path / "p")
    typed = ["[IN, PK]", "[Burma, Holland]", "India, Pakistan", "India and Pakistan"]
    _write_stories(project, typed)
    write_article(
        project,
        "2025/06/one.md",
        "title: One\ndate: 2025-06-09T10:00:00Z\ncountry: Bosnia and Herzegovina\n"
        "credits:\n  author: Desk\ntags: [Rain]",
    )
    said = run_here("check", cwd=project).stdout
    fixes = [line.strip() for line in said.splitlines() if line.strip().startswith("fix:")]
    assert fixes == [
        "fix: write country: India, and name the others in its topics: tags: [Rain, Pakistan]",
        "fix: write country: Myanmar, and name the others in its topics: tags: [Rain, Netherlands]",
        "fix: write country: India, and name the others in its topics: tags: [Rain, Pakistan]",
        "fix: write country: India, and name the others in its topics: tags: [Rain, Pakistan]",
    ], said
    assert "s2.md:4: error: country must be one country, not a list (India, Pakistan)" in said


def test_a_list_fix_names_only_countries_the_check_accepts(tmp_path: Path) -> None:
    """The fix for `[Trinidad & Tobago, Jamaica]` named a country then refused, the fix for
    `[Korea, Republic of]` (ISO's name split by YAML) named 'Korea' and a topic 'Republic
    of', and `Bosnia and Herzegovina, Croatia` dropped Croatia (prober 2, H3, M1)."""
    project = make_project(tmp_path / "p")
    typed = {
        "[Trinidad & Tobago, Jamaica]": (
            "Trinidad and Tobago",
            "write country: Trinidad and Tobago, and name the others in its topics: "
            "tags: [Rain, Jamaica]",
        ),
        "[Korea, Republic of]": ("South Korea", "write country: South Korea"),
        "Bosnia and Herzegovina, Croatia": (
            "Bosnia and Herzegovina",
            "write country: Bosnia and Herzegovina, and name the others in its topics: "
            "tags: [Rain, Croatia]",
        ),
    }
    _write_stories(project, typed)
    said = run_here("check", cwd=project).stdout
    fixes = [line.strip() for line in said.splitlines() if line.strip().startswith("fix:")]
    assert fixes == [f"fix: {fix}" for _, fix in typed.values()], said
    for n, (country, (name, fix)) in enumerate(typed.items()):
        story = project / f"content/2025/06/s{n}.md"
        tags = fix.partition("tags: ")[2] or "[Rain]"
        text = story.read_text(encoding="utf-8").replace(f"country: {country}", f"country: {name}")
        story.write_text(text.replace("tags: [Rain]", f"tags: {tags}"), encoding="utf-8")
    again = run_here("check", cwd=project)
    assert again.returncode == 0 and "warning" not in again.stdout, again.stdout + again.stderr


def test_a_country_written_with_an_ampersand_or_st_is_that_country(tmp_path: Path) -> None:
    """'&' for 'and' in one country's name and 'St' for 'Saint' are the name, with no note
    (prober 2, M1); '&' between two countries is still read as a list."""
    project = make_project(tmp_path / "p")
    typed = {
        "Trinidad & Tobago": "Trinidad and Tobago",
        "Bosnia & Herzegovina": "Bosnia and Herzegovina",
        "São Tomé & Príncipe": "São Tomé and Príncipe",
        "St. Vincent & the Grenadines": "Saint Vincent and the Grenadines",
        "St Kitts and Nevis": "Saint Kitts and Nevis",
    }
    _write_stories(project, typed)
    _assert_clean_and_published_as(project, list(typed.values()))


def test_a_place_with_no_iso_code_gets_the_country_iso_lists_it_within(tmp_path: Path) -> None:
    """prober4 L5: `Northern Cyprus` got "use ... an ISO code such as 'GB' or 'IND'"."""
    project = make_project(tmp_path / "p")
    _write_stories(project, ["Northern Cyprus", "TRNC", "Kosovo"])
    said = run_here("check", cwd=project).stdout
    for n, typed in enumerate(["Northern Cyprus", "TRNC"]):
        assert (
            f"content/2025/06/s{n}.md:4: error: country {typed!r}: Northern Cyprus has no ISO "
            "3166 country code (ISO 3166 lists it within Cyprus), and newsdigest files every "
            "story under one\n    fix: write the country whose page the story belongs on, "
            "such as 'country: Cyprus', and name Northern Cyprus in the title, the summary or "
            "a tag (tags: [Northern Cyprus])\n"
        ) in said, said
    assert "country 'Kosovo': Kosovo has no ISO 3166 country code (XK, which some use" in said
    assert "'GB' or 'IND'" not in said


def test_a_dateline_of_the_gaza_strip_or_the_west_bank_is_filed_under_palestine(
    tmp_path: Path,
) -> None:
    """T11: `country: Gaza Strip` and `West Bank` got "not a country newsdigest knows" and no
    suggestion, and `Gaza` named Mozambique first; the fix, followed, files them under
    Palestine, with the place in a tag."""
    project = make_project(tmp_path / "project")
    _write_stories(project, ["Gaza Strip", "West Bank", "Gaza"])
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    for n, place in enumerate(["Gaza Strip", "West Bank"]):
        assert (
            f"content/2025/06/s{n}.md:4: error: country '{place}' is a part of Palestine, not a "
            f"country\n    fix: write the country, 'country: Palestine', and name {place} in "
            "the story or a tag\n"
        ) in result.stdout, result.stdout
    assert (
        "content/2025/06/s2.md:4: error: country 'Gaza' is a part of Palestine and of "
        "Mozambique, not a country\n    fix: write the country, 'country: Palestine' or "
        "'country: Mozambique', and name Gaza in the story or a tag\n"
    ) in result.stdout, result.stdout
    _write_stories(project, ["Palestine"] * 3)
    _assert_clean_and_published_as(project, ["Palestine"] * 3)


def test_georgia_is_read_as_the_country_with_a_note_for_a_desk_meaning_the_us_state(
    tmp_path: Path,
) -> None:
    """T11: `country: Georgia` is the country (GE), as before, with a note: a US desk
    means the state about as often (`New Mexico` is an error naming the United States).
    Either fix, followed, checks clean."""
    project = make_project(tmp_path / "project")
    _write_stories(project, ["Georgia"])
    result = run_here("check", cwd=project)
    assert result.returncode == 0  # a note: the country is still a right reading
    assert (
        "content/2025/06/s0.md:4: warning: country 'Georgia' is read as the country Georgia "
        "(GE); Georgia is also a state of the United States\n"
        "    fix: for the US state, write 'country: United States' and name Georgia in a tag "
        "(tags: [Georgia]); for the country, write 'country: GE' to silence this note\n"
    ) in result.stdout, result.stdout
    _write_stories(project, ["GE"])
    _assert_clean_and_published_as(project, ["Georgia"])
    _write_stories(project, ["United States"])
    _assert_clean_and_published_as(project, ["United States"])
