"""Every language code an editor may type: what `check` accepts, `build` publishes.

Norwegian's `no` (a macrolanguage), the old codes (`iw` Hebrew, `in` Indonesian, `sh`
Serbo-Croatian), scripts and regions (`zh-Hant`, `sr-Latn`, `pt-BR`) passed `check` and then
stopped the build in a template; a code newsdigest cannot publish must be refused by `check`
on its line, with a fix, and never reach the build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BASE_URL, make_project, run_here, write_article
from lxml import html

# (as typed, direction): macrolanguages, deprecated and grandfathered codes, extended
# language subtags, scripts, regions, variants, private use; case as editors type it.
ACCEPTED = [
    ("no", None),
    ("NO", None),
    ("no-NO", None),
    ("nb", None),
    ("nn", None),
    ("no-bok", None),
    ("iw", "rtl"),
    ("in", None),
    ("ji", "rtl"),
    ("tl", None),
    ("mo", None),
    ("sh", None),
    ("zh-Hant", None),
    ("zh-TW", None),
    ("zh-cmn-Hans", None),
    ("cmn", None),
    ("sr-Latn", None),
    ("sr-Latn-XK", None),
    ("pt-BR", None),
    ("es-419", None),
    ("ar-001", "rtl"),
    ("az-Arab", "rtl"),
    ("art-lojban", None),
    ("de-1996", None),
    ("en-GB-oed", None),
    ("en-US-x-house", None),
]
# (as typed, what the error says): codes no page can be written in.
REFUSED = [
    ("tlh", "(Klingon) is one newsdigest cannot write dates"),
    ("i-klingon", "(Klingon) is one newsdigest cannot write dates"),
    ("zh-min-nan", "(Min Nan Chinese) is one newsdigest cannot write dates"),
    ("und", "names no one language"),
    ("mul", "names no one language"),
    ("en-UK", "'UK' is not a region code in a language tag"),
    ("en_US", "is a locale name, not a language tag"),
    ("Norwegian", "is not a language tag newsdigest knows"),
    ("x-house", "is not a language tag newsdigest knows"),
    ("en-u", "is not a language tag newsdigest knows"),
]
FRONT = """title: Story {number}
date: 2025-06-{day:02d}T10:00:00+00:00
language: {language}
country: Norway
credits:
  author: Oslo Desk
tags: [Climate]"""


def write_stories(project: Path, languages: list[str]) -> None:
    for number, language in enumerate(languages, start=1):
        front = FRONT.format(number=number, day=number % 28 + 1, language=language)
        write_article(project, f"2025/06/story-{number}.md", front)


def test_every_code_check_accepts_builds_with_its_own_lang_and_dir(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_stories(project, [code for code, _ in ACCEPTED])
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert built.returncode == 0, built.stderr
    for number, (code, direction) in enumerate(ACCEPTED, start=1):
        day = number % 28 + 1
        page = html.fromstring((out / f"2025/06/{day:02d}/story-{number}/index.html").read_bytes())
        # the code typed, in its usual capitals ('NO' is 'no', prober5 P30)
        assert (page.get("lang"), page.get("dir")) == (
            code.lower() if code == "NO" else code,
            direction,
        )
    norwegian = html.fromstring((out / "no/index.html").read_bytes())  # no, NO: one home
    assert str(norwegian.get("lang")).lower() == "no"
    assert sorted(a.text_content() for a in norwegian.xpath("//a[@class='story-title']")) == [
        "Story 1",
        "Story 2",
    ]
    # Norwegian dates are CLDR's Norwegian ones, Hebrew's (old code iw) Hebrew ones.
    assert "juni 2025" in (out / "2025/06/02/story-1/index.html").read_text(encoding="utf-8")
    assert "8 יוני 2025" in (out / "2025/06/08/story-7/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", ["no", "iw", "sh", "zh-Hant", "sr-Latn", "pt-BR", "in"])
def test_a_site_in_any_accepted_code_builds(tmp_path: Path, code: str) -> None:
    project = make_project(tmp_path / "project", f'language = "{code}"\n')
    front = FRONT.format(number=1, day=2, language=code).replace(f"language: {code}\n", "")
    write_article(project, "2025/06/story-1.md", front)
    assert run_here("check", cwd=project).returncode == 0
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert built.returncode == 0, built.stderr
    home = html.fromstring((out / "index.html").read_bytes())
    assert home.get("lang") == code
    og_locale = home.xpath("//meta[@property='og:locale']/@content")
    assert og_locale and "_" in og_locale[0]  # language_TERRITORY: no_NO, he_IL, sr_RS


def test_init_with_norwegian_checks_and_builds(tmp_path: Path) -> None:
    made = run_here("init", "avis", "--language", "no", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "avis"
    assert run_here("check", cwd=project).returncode == 0
    out = tmp_path / "site"
    built = run_here("build", "--output", str(out), cwd=project)
    assert built.returncode == 0, built.stderr
    assert html.fromstring((out / "index.html").read_bytes()).get("lang") == "no"


def test_every_code_no_page_can_be_written_in_is_refused_by_check_on_its_line(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    write_stories(project, [code for code, _ in REFUSED])
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    for number, (code, said) in enumerate(REFUSED, start=1):
        error = f"content/2025/06/story-{number}.md:4: error: language '{code}'"
        line = next(line for line in checked.stdout.splitlines() if line.startswith(error))
        assert said in line
    assert "did you mean 'en-GB'?" in checked.stdout  # en-UK
    assert "fix:" in checked.stdout and "Traceback" not in checked.stderr
    out = tmp_path / "site"
    assert run_here("build", "--output", str(out), cwd=project).returncode == 1
    assert not out.exists()


def test_a_site_setting_no_page_can_be_written_in_is_refused_with_its_line(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project", 'language = "i-klingon"\n')
    write_article(project, "2025/06/story-1.md", FRONT.format(number=1, day=2, language="en"))
    checked = run_here("check", cwd=project)
    assert checked.returncode == 2
    assert "pyproject.toml:" in checked.stderr and "'i-klingon' (Klingon)" in checked.stderr


def every_code_an_editor_may_copy() -> list[str]:
    """Every language and script CLDR (via Babel) has a locale for, as a BCP 47 tag ('no',
    'sr-Latn'; its regions are read alike), and every code CLDR's aliases name (deprecated
    ISO 639 codes, macrolanguages), and Norwegian's with its region."""
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    tags = {
        identifier.replace("_", "-")
        for identifier in locale_identifiers()
        if "_" not in identifier or len(identifier.split("_")[1]) == 4
    }
    tags |= {str(alias).replace("_", "-") for alias in get_global("language_aliases")}
    return sorted(tags | {f"{tag}-NO" for tag in ("no", "nb", "nn", "se")})


def test_every_code_check_accepts_has_what_its_pages_need() -> None:
    """The sweep behind the builds above, over about 900 codes: what `check` accepts (the
    tags CLDR has a locale for), the pages can be written in: the direction, the og:locale,
    the theme's words, the language's own name, and, for each code CLDR does not name a
    locale by itself ('iw', 'sh', 'cmn'), the dates; none of it raises."""
    from datetime import date

    from babel.localedata import locale_identifiers

    from generator.languages import autonym, likely_locale, locale_of, tag_problem, text_direction
    from generator.render.dates import day_text, month_text
    from generator.render.words import catalog_names

    own = {identifier.replace("_", "-") for identifier in locale_identifiers()}
    accepted = [tag for tag in every_code_an_editor_may_copy() if locale_of(tag) is not None]
    assert len(accepted) > 500 and {"no", "iw", "in", "sh", "zh-Hant"} <= set(accepted)
    for tag in accepted:
        assert tag_problem(tag) is None and text_direction(tag) in ("ltr", "rtl")
        assert re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", likely_locale(tag)), tag
        assert catalog_names(tag)
    # Babel's own locales load as they are; the codes read anew, once per locale they are
    # read as ('iw' and 'he-IL' are he_IL).
    anew = {str(locale_of(tag)): tag for tag in accepted if tag not in own}
    for tag in anew.values():
        assert day_text(date(2025, 6, 25), tag) and month_text(2025, 6, tag) and autonym(tag)


@pytest.mark.parametrize(
    ("code", "name", "current"), [("iw", "Hebrew", "he"), ("in", "Indonesian", "id")]
)
def test_a_site_language_in_an_old_code_is_a_warning_on_its_settings_line(
    tmp_path: Path, code: str, name: str, current: str
) -> None:
    """`language = "iw"` (tester 2, M9): every page would say lang="iw", which the Nu
    checker flags; check and build warn on the setting's line with the code to write,
    and the site still builds (`tl`, `sh`, `no` are current codes: nothing is said)."""
    project = make_project(tmp_path / "project", f'language = "{code}"\n')
    front = FRONT.format(number=1, day=2, language=code).replace(f"language: {code}\n", "")
    write_article(project, "2025/06/story-1.md", front)
    said = run_here("check", cwd=project)
    assert said.returncode == 0
    line = next(
        n
        for n, text in enumerate((project / "pyproject.toml").read_text().splitlines(), 1)
        if text.startswith("language")
    )
    assert (
        f"pyproject.toml:{line}: warning: language '{code}' is an old code of {name}, which HTML "
        "checkers flag on every page and browsers and screen readers may not know: its "
        f"current code is '{current}'\n    fix: write language = '{current}'\n"
    ) in said.stdout, said.stdout
    built = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0 and "is an old code of" in built.stderr


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("en-UK", "en-GB"),
        ("cn", "zh"),
        ("jp", "ja"),
        ("gr", "el"),
        ("dk", "da"),
        ("True", "en"),
        ("null", "en"),
        ("None", "en"),
    ],
)
def test_a_site_language_slip_is_fixed_with_the_language_meant(
    tmp_path: Path, typed: str, fixed: str
) -> None:
    """'en-UK' once got 'en-VU' (Vanuatu), 'cn' Sicilian, 'True' Tatar (prober5 P46): a
    country's code names its language; true/null/none are no misspelt language."""
    project = make_project(tmp_path / "project", f'language = "{typed}"\n')
    checked = run_here("check", cwd=project)
    assert checked.returncode == 2
    fix, counted = checked.stderr.rstrip().splitlines()[-2:]
    assert fix.endswith(f'language = "{fixed}"') and counted == "1 error, 0 warnings", fix
    assert "did you mean" not in checked.stderr or f"did you mean '{fixed}'" in checked.stderr
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8").replace(f'"{typed}"', f'"{fixed}"')
    settings.write_text(text, encoding="utf-8")
    assert run_here("check", cwd=project).returncode == 0


def test_a_story_language_written_as_its_country_code_names_the_language(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_stories(project, ["ua", "cn"])
    checked = run_here("check", cwd=project)
    assert "story-1.md:4: error: language 'ua' is a country's code" in checked.stdout
    assert "did you mean 'uk'?" in checked.stdout and "did you mean 'zh'?" in checked.stdout
