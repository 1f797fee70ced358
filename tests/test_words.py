"""The theme's own words in the page's language (issue 14, "Locale-correct text"): gettext
catalogs Babel extracts from the templates, Urdu and Hindi shipped with the theme, English
for a language with no catalog, and a site's own catalog in templates/locale/.

An Urdu story on an English site gets Urdu words ("اپ ڈیٹ" for "Updated"), a Hindi one
Hindi words, a Swahili one (no catalog) English words with lang="sw"; an English page
keeps its English. The catalogs cannot fall behind the templates: every word Babel
extracts has its Urdu and Hindi translation, with the same placeholders and markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from conftest import BASE_URL, REPO, make_project, run_here, write_article
from lxml import html

THEME = REPO / "generator" / "theme"
LOCALE = THEME / "locale"


def story(title: str, slug: str, day: int, language: str = "") -> str:
    """Front matter of a story filed on June `day`, updated an hour later, with two bylines."""
    return (
        f"title: {title}\nslug: {slug}\ndate: 2025-06-{day:02d}T10:00:00+05:00\n"
        f"updated: 2025-06-{day:02d}T11:00:00+05:00\n"
        + (f"language: {language}\n" if language else "")
        + "country: Pakistan\ncredits:\n  author: [Sana Mir, Ravi Rao]\ntags: [Weather]\n"
    )


STORIES = [
    ("Karachi floods", "karachi", 20, "ur"),
    ("Delhi heat", "delhi", 21, "hi"),
    ("Mombasa port", "mombasa", 22, "sw"),
    ("Lahore smog", "lahore", 23, "ur-PK"),
    ("London talks", "london", 24, ""),
    # Each story's previous and next are in its language (its section, /ur/, /sw/...):
    # a newer Urdu story, an older English and an older Swahili one give them neighbours.
    ("Karachi drains", "drains", 26, "ur"),
    ("Leeds rain", "leeds", 18, ""),
    ("Mombasa rain", "mombasa-rain", 17, "sw"),
]


def build(project: Path) -> Path:
    out = project.parent / "site"
    result = run_here("build", "--output", str(out), "--base-url", BASE_URL, cwd=project)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An English site with a story in Urdu, Hindi, Swahili, Pakistani Urdu and English."""
    project = make_project(tmp_path_factory.mktemp("words") / "project")
    for title, slug, day, language in STORIES:
        write_article(project, f"2025/06/{slug}.md", story(title, slug, day, language))
    return build(project)


def page(out: Path, slug: str, day: int) -> html.HtmlElement:
    return html.fromstring((out / f"2025/06/{day:02d}/{slug}/index.html").read_bytes())


def words(root: html.HtmlElement) -> dict[str, str]:
    """The theme's words a reader sees around an article."""
    dateline = root.xpath("string(//p[@class='dateline'])")
    updated_time = root.xpath("string(//p[@class='dateline']/time[2])")
    updated = dateline.split("·")[-1].replace(updated_time, "")
    return {
        "updated": updated.strip(),
        "by": root.xpath("string(//p[@class='byline'])").split("Sana")[0].strip(),
        "and": root.xpath("string(//p[@class='byline'])").split("Mir")[1].split("Ravi")[0],
        "skip": root.xpath("string(//a[@class='skip-link'])"),
        "topics": root.xpath("string(//h2[@id='article-topics'])"),
        "nav": " | ".join(root.xpath("//nav[@class='site-nav']//a/text()")[:4]),  # then Search
        "next": root.xpath("string(//nav[@class='prev-next']//span[@class='label'])"),
    }


def test_an_urdu_story_on_an_english_site_gets_urdu_words(mixed_site: Path) -> None:
    urdu = page(mixed_site, "karachi", 20)
    assert (urdu.get("lang"), urdu.get("dir")) == ("ur", "rtl")
    assert words(urdu) == {
        "updated": "اپ ڈیٹ",
        "by": "از",
        "and": " اور ",
        "skip": "مواد پر جائیں",
        "topics": "موضوعات",
        "nav": "خلاصہ | موضوعات | ممالک | آرکائیو",
        "next": "اگلی خبر",
    }


def test_a_hindi_story_gets_hindi_words(mixed_site: Path) -> None:
    hindi = page(mixed_site, "delhi", 21)
    assert (hindi.get("lang"), hindi.get("dir")) == ("hi", None)
    assert words(hindi)["updated"] == "अपडेट"
    assert words(hindi)["by"] == "लेखक:"
    assert words(hindi)["nav"] == "सार | विषय | देश | संग्रह"
    assert hindi.xpath("string(//p[@class='subscribe'])").split()[:2] == ["सब्सक्राइब", "करें:"]


def test_a_regional_tag_uses_its_languages_catalog(mixed_site: Path) -> None:
    lahore = page(mixed_site, "lahore", 23)
    assert (lahore.get("lang"), lahore.get("dir")) == ("ur-PK", "rtl")
    assert words(lahore)["updated"] == "اپ ڈیٹ"


def test_a_language_without_a_catalog_falls_back_to_english_words(mixed_site: Path) -> None:
    swahili = page(mixed_site, "mombasa", 22)
    assert (swahili.get("lang"), swahili.get("dir")) == ("sw", None)
    assert words(swahili) == words(page(mixed_site, "london", 24))


def test_an_english_page_keeps_its_english_words(mixed_site: Path) -> None:
    assert words(page(mixed_site, "london", 24)) == {
        "updated": "Updated",
        "by": "By",
        "and": " and ",
        "skip": "Skip to content",
        "topics": "Topics",
        "nav": "Digest | Topics | Countries | Archive",
        "next": "Previous story",  # the newest story has only a previous one
    }
    home = html.fromstring((mixed_site / "index.html").read_bytes())
    assert home.get("lang") == "en"
    assert home.xpath("string(//a[@class='skip-link'])") == "Skip to content"


def test_an_urdu_site_counts_its_stories_with_urdu_plurals(tmp_path: Path) -> None:
    """CLDR's plural forms, through the catalog's Plural-Forms: 1 خبر, 2 خبریں; and the
    pagination's words and arrows of a right-to-left page."""
    project = make_project(tmp_path / "project", 'language = "ur"\n')
    for title, slug, day, _ in STORIES[:3]:
        write_article(project, f"2025/06/{slug}.md", story(title, slug, day))
    write_article(project, "2025/05/old.md", story("May story", "old", 1).replace("06", "05"))
    out = build(project)
    archive = html.fromstring((out / "archive/index.html").read_bytes())
    assert archive.xpath("//span[@class='count']/text()") == ["3 خبریں", "1 خبر"]
    topic = html.fromstring((out / "tags/weather/index.html").read_bytes())
    pages = topic.xpath("//nav[@class='pagination']")[0]
    assert pages.get("aria-label") == "صفحات"
    assert pages.xpath("string(span[@class='page-of'])") == "2 میں سے صفحہ 1"
    # The older page lies at the end of the line: on a right-to-left page, to the left.
    assert pages.xpath("string(a[@rel='next'])") == "پرانی خبریں ←"
    # The index page's title and a topic page's kicker are the theme's words too.
    assert topic.xpath("string(//p[@class='kicker'])") == "موضوع"
    index = html.fromstring((out / "tags/index.html").read_bytes())
    assert index.xpath("string(//h1)") == "موضوعات"


def test_a_hindi_site_counts_one_and_many_as_cldr_says(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", 'language = "hi"\n')
    for title, slug, day, _ in STORIES[:2]:
        write_article(project, f"2025/06/{slug}.md", story(title, slug, day))
    write_article(project, "2025/05/old.md", story("May story", "old", 1).replace("06", "05"))
    archive = html.fromstring((build(project) / "archive/index.html").read_bytes())
    assert archive.xpath("//span[@class='count']/text()") == ["2 ख़बरें", "1 ख़बर"]


SITE_URDU = """msgid ""
msgstr ""
"Language: ur\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Updated"
msgstr "نظرِ ثانی"
"""

SITE_SWAHILI = """msgid ""
msgstr ""
"Language: sw\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Updated"
msgstr "Imesasishwa"

msgid "Skip to content"
msgstr "Ruka hadi maudhui"
"""


def test_a_sites_own_catalog_adds_a_language_and_changes_a_word(tmp_path: Path) -> None:
    """templates/locale/LANG/LC_MESSAGES/messages.po: a new language (sw), and one Urdu
    word changed while the theme's catalog still gives every other Urdu word."""
    project = make_project(tmp_path / "project")
    for title, slug, day, language in STORIES[:3]:
        write_article(project, f"2025/06/{slug}.md", story(title, slug, day, language))
    for language, text in (("ur", SITE_URDU), ("sw", SITE_SWAHILI)):
        folder = project / "templates" / "locale" / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "messages.po").write_text(text, encoding="utf-8")
    out = build(project)
    urdu, swahili = words(page(out, "karachi", 20)), words(page(out, "mombasa", 22))
    assert (urdu["updated"], urdu["by"], urdu["topics"]) == ("نظرِ ثانی", "از", "موضوعات")
    assert (swahili["updated"], swahili["skip"], swahili["by"]) == (
        "Imesasishwa",
        "Ruka hadi maudhui",
        "By",  # not translated by the site: English
    )


@pytest.mark.parametrize(
    ("mistake", "line", "says"),
    [
        ('msgid "By"\nThe word By\n', 11, "not a gettext catalog line"),
        (
            'msgid "Page %(number)s of %(count)s"\nmsgstr "صفحہ %(numbr)s"\n',
            10,
            "names %(numbr)s, which the English text does not have",
        ),
        ('msgid "By"\nmsgstr "unterminated\n', 11, "the quoted text is not closed"),
        ('msgid "By"\nmsgstr "از" extra\n', 11, "text after the closing quote: 'extra'"),
    ],
)
def test_a_broken_site_catalog_is_refused_by_check_and_build_on_its_line(
    tmp_path: Path, mistake: str, line: int, says: str
) -> None:
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/karachi.md", story("Karachi floods", "karachi", 20, "ur"))
    folder = project / "templates" / "locale" / "ur" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(SITE_URDU + "\n" + mistake, encoding="utf-8")
    named = f"templates/locale/ur/LC_MESSAGES/messages.po:{line}: error: "
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(named), result.stderr  # as check names it
    assert says in result.stderr.splitlines()[0] and "\n    fix: " in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    checked = run_here("check", cwd=project)  # the pull-request check catches it first
    assert checked.returncode != 0
    assert checked.stdout.startswith(named), checked.stdout  # not content/templates/...
    assert says in checked.stdout.splitlines()[0] and "\n    fix: " in checked.stdout
    assert "Traceback" not in checked.stderr
    annotated = run_here("check", "--format", "github", cwd=project)
    first = annotated.stdout.splitlines()[0]
    # the file as it is in the repository, so that GitHub puts it on the pull request's diff
    assert first.startswith(
        f"::error file=templates/locale/ur/LC_MESSAGES/messages.po,line={line},"
    )


def test_serves_error_page_quotes_the_broken_line_of_a_site_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview's error page names the catalog as check does and quotes its line, as it
    does for an article, the settings, authors.yaml or a template."""
    from generator import config
    from generator.commands import serve
    from generator.settings_file import Paths

    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/karachi.md", story("Karachi floods", "karachi", 20, "ur"))
    folder = project / "templates" / "locale" / "ur" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    broken = SITE_URDU + '\nmsgid "By"\nmsgstr "unterminated\n'
    (folder / "messages.po").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(project)
    paths = Paths(project, project / "content", project / "templates", tmp_path / "preview")
    said: list[str] = []
    outcome = serve.rebuild(paths, config.load(project), 8765, said.append, str)
    (failure,) = outcome.failures
    named = "templates/locale/ur/LC_MESSAGES/messages.po:11: error: the quoted text is not closed"
    assert failure.message.startswith(named) and "\n    fix: " in failure.message
    assert said[0] == failure.message
    assert failure.file == "templates/locale/ur/LC_MESSAGES/messages.po"
    assert [(q.number, q.text, q.offending) for q in failure.lines if q.offending] == [
        (11, 'msgstr "unterminated', True)
    ]


def extracted() -> dict[str, tuple[str, ...]]:
    """Every word Babel extracts from the theme's templates and render/titles.py now:
    msgid -> its forms."""
    with (LOCALE / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[str, tuple[str, ...]] = {}
    for *_, message, _, _ in extract_from_dir(str(THEME.parent), method_map, options_map):
        forms = (message,) if isinstance(message, str) else tuple(message)
        found[forms[0]] = forms
    return found


def shape(text: str) -> list[str]:
    """What a translation must keep: its placeholders and its markup, sorted."""
    return sorted(re.findall(r"%\(\w+\)s|<[^>]+>", text))


def test_the_template_is_what_babel_extracts_from_the_theme() -> None:
    with (LOCALE / "messages.pot").open("rb") as pot:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot) if m.id}
    assert template == set(extracted()), "run the pybabel extract and update of README"


@pytest.mark.parametrize("language", ["ur", "hi"])
def test_every_word_of_the_theme_is_translated(language: str) -> None:
    """Fails when a template word has no translation in the shipped catalog, or one that
    lost a placeholder or a tag (README, Languages: extract, update, translate)."""
    with (LOCALE / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalog = read_po(po)
    assert catalog.plural_forms == Catalog(locale=language).plural_forms  # CLDR's
    for msgid, forms in extracted().items():
        message = catalog.get(forms[0])
        assert message is not None and not message.fuzzy, f"{language}: no {msgid!r}"
        strings = (message.string,) if isinstance(message.string, str) else message.string
        assert all(strings) and len(strings) == (1 if len(forms) == 1 else catalog.num_plurals)
        for translated in strings:
            assert shape(translated) == shape(forms[-1]), (msgid, translated)


def test_an_edited_site_catalog_changes_the_words_at_the_next_build(tmp_path: Path) -> None:
    """No compile step and no stale page: the build cache notices the edited .po file."""
    project = make_project(tmp_path / "project")
    write_article(project, "2025/06/karachi.md", story("Karachi floods", "karachi", 20, "ur"))
    folder = project / "templates" / "locale" / "ur" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = folder / "messages.po"
    catalog.write_text(SITE_URDU, encoding="utf-8")
    assert words(page(build(project), "karachi", 20))["updated"] == "نظرِ ثانی"
    catalog.write_text(SITE_URDU.replace("نظرِ ثانی", "تازہ کاری"), encoding="utf-8")
    assert words(page(build(project), "karachi", 20))["updated"] == "تازہ کاری"


def test_an_urdu_sites_page_titles_and_month_names_are_urdu(tmp_path: Path) -> None:
    """Titles and descriptions the Python code writes, and CLDR's month names: an Urdu
    site's archive says 'جون 2025', not 'June 2025', in its list, heading and <title>."""
    project = make_project(tmp_path / "project", 'language = "ur"\n')
    for title, slug, day, _ in STORIES[:2]:
        write_article(project, f"2025/06/{slug}.md", story(title, slug, day))
    out = build(project)
    archive = html.fromstring((out / "archive/index.html").read_bytes())
    assert archive.xpath("//ul[@class='archive-list']//a/text()") == ["جون 2025"]
    month = html.fromstring((out / "archive/2025/06/index.html").read_bytes())
    assert month.xpath("string(//h1)") == "جون 2025"
    assert month.xpath("string(//title)").startswith("آرکائیو: جون 2025 · ")
    assert month.xpath("string(//meta[@name='description']/@content)") == (
        "جون 2025 میں شائع ہونے والی خبریں۔"
    )
    topic = html.fromstring((out / "tags/weather/index.html").read_bytes())
    assert topic.xpath("string(//title)").startswith("موضوع: Weather · ")
    digest = html.fromstring((out / "digest/2025-06-21/index.html").read_bytes())
    assert digest.xpath("string(//title)").startswith("21 جون 2025 کا خلاصہ · ")
    search = html.fromstring((out / "search/index.html").read_bytes())
    assert search.xpath("string(//meta[@name='description']/@content)").endswith(
        "کی تمام خبروں میں تلاش کریں۔"
    )
