"""Bylines are people (issue 13): author pages and feeds, and the author registry.

Authors are the third taxonomy beside topics and countries (generator.index.terms): the
same index page, paginated term pages and per-term feeds. `authors.yaml` beside the
settings file adds a bio, a photo, a web page and a fediverse handle, checked on its lines.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import feedparser
from conftest import make_project, run_here, searching, write_article
from lxml import etree, html
from PIL import Image

from generator import config
from generator.commands.build import Options, Paths, Result, Selection, build_site

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BASE = "http://127.0.0.1:8000/sub/"


def story(project: Path, name: str, author: str, day: int) -> None:
    write_article(
        project,
        f"2025/06/{name}.md",
        f"title: {name.title()}\ndate: 2025-06-{day:02d}T10:00:00+00:00\n"
        f"country: India\ncredits:\n  author: {author}\ntags: [Notes]",
    )


def newsroom(root: Path, registry: str = "") -> Path:
    project = make_project(root / "p")
    story(project, "one", "Asha Rao", 1)
    story(project, "two", "Asha Rao", 2)
    story(project, "three", "[Asha Rao, Ben Ode]", 3)
    story(project, "four", "Devdiscourse News Desk", 4)
    if registry:
        (project / "authors.yaml").write_text(registry, encoding="utf-8")
    return project


REGISTRY = """\
Asha Rao:
  bio: Science correspondent.
  url: https://asha.example.org/
  fediverse: "@asha@mastodon.social"
  image: photos/asha.png
Devdiscourse News Desk:
  type: Organization
  slug: news-desk
"""


def build(project: Path) -> tuple[Result, Path]:
    settings = config.load(project)
    out = project.parent / "site"
    paths = Paths(project, project / "content", project / "templates", out)
    with searching(False):  # (no test here looks at the search index)
        return build_site(paths, settings, Selection(now=NOW), Options(jobs=1, cache=False)), out


def page(out: Path, path: str) -> html.HtmlElement:
    return html.fromstring((out / path / "index.html").read_bytes())


def test_every_byline_has_a_paginated_page_and_a_feed_of_its_own_stories(tmp_path: Path) -> None:
    result, out = build(newsroom(tmp_path))
    assert result.ok, result.diagnostics
    index = page(out, "authors")
    names = [a.text_content() for a in index.xpath("//main//a[contains(@href, '/authors/')]")]
    assert any("Asha Rao" in n for n in names) and any("Ben Ode" in n for n in names)
    first = page(out, "authors/asha-rao")  # 3 stories, 2 a page (items_per_page = 2)
    assert first.xpath("//h1")[0].text_content().strip() == "Asha Rao"
    assert (out / "authors/asha-rao/page/2/index.html").is_file()
    assert first.xpath("//header/p[@class='kicker']/a/@href") == ["/sub/authors/"]  # index
    feed = feedparser.parse((out / "authors/asha-rao/feed.xml").read_bytes())
    assert not feed.bozo
    assert sorted(e.title for e in feed.entries) == ["One", "Three", "Two"]
    assert all("Asha Rao" in e.author for e in feed.entries)
    desk = feedparser.parse((out / "authors/devdiscourse-news-desk/feed.xml").read_bytes())
    assert [e.title for e in desk.entries] == ["Four"]
    opml = etree.parse(str(out / "feeds.opml"))
    assert opml.xpath("//outline[@xmlUrl='" + BASE + "authors/asha-rao/feed.xml']")


def test_bylines_on_articles_and_cards_link_to_the_author_page(tmp_path: Path) -> None:
    result, out = build(newsroom(tmp_path))
    assert result.ok
    article = page(out, "2025/06/03/three")
    links = article.xpath("//p[@class='byline']/a")
    assert [(a.text, a.get("href")) for a in links] == [
        ("Asha Rao", "/sub/authors/asha-rao/"),
        ("Ben Ode", "/sub/authors/ben-ode/"),
    ]
    card_links = page(out, "tags/notes").xpath("//article[contains(@class,'card')]//a/@href")
    assert "/sub/authors/devdiscourse-news-desk/" in card_links


def test_the_registry_gives_bio_photo_fediverse_and_structured_data(tmp_path: Path) -> None:
    project = newsroom(tmp_path, REGISTRY)
    (project / "photos").mkdir()
    Image.new("RGB", (600, 600), (90, 120, 200)).save(project / "photos/asha.png")
    result, out = build(project)
    assert result.ok, result.diagnostics
    author = page(out, "authors/asha-rao")
    assert "Science correspondent." in author.xpath("//p[@class='author-bio']")[0].text
    [photo] = author.xpath("//img[@class='author-photo']")
    assert (out / photo.get("src").removeprefix("/sub/")).is_file()
    assert photo.get("width") == "600" and photo.get("alt") == "Photo of Asha Rao"
    # rel="me" on the link to the profile: Mastodon then shows the author page as verified
    [profile] = author.xpath("//p[@class='author-links']/a[contains(., '@asha@mastodon')]")
    assert profile.get("href") == "https://mastodon.social/@asha"
    assert "me" in profile.get("rel").split()
    article = page(out, "2025/06/01/one")
    assert article.xpath("//meta[@name='fediverse:creator']/@content") == ["@asha@mastodon.social"]
    data = json.loads(article.xpath("//script[@type='application/ld+json']")[0].text)
    [asha] = data["author"]
    assert asha["@type"] == "Person" and asha["url"] == BASE + "authors/asha-rao/"
    assert asha["sameAs"] == ["https://asha.example.org/", "https://mastodon.social/@asha"]
    desk_page = page(out, "2025/06/04/four")
    assert not desk_page.xpath("//meta[@name='fediverse:creator']")
    data = json.loads(desk_page.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["author"] == [
        {
            "@type": "Organization",
            "name": "Devdiscourse News Desk",
            "url": BASE + "authors/news-desk/",
        }
    ]
    assert (out / "authors/news-desk/index.html").is_file()


def test_a_fediverse_profile_address_is_linked_with_rel_me_and_gives_the_handle(
    tmp_path: Path,
) -> None:
    project = newsroom(tmp_path, "Ben Ode:\n  fediverse: https://social.example.net/@ben\n")
    result, out = build(project)
    assert result.ok, result.diagnostics
    [profile] = page(out, "authors/ben-ode").xpath("//p[@class='author-links']/a")
    assert (profile.get("href"), profile.text_content()) == (
        "https://social.example.net/@ben",
        "Fediverse: @ben@social.example.net",
    )
    assert "me" in profile.get("rel").split()
    article = page(out, "2025/06/03/three")
    assert article.xpath("//meta[@name='fediverse:creator']/@content") == [
        "@ben@social.example.net"
    ]


def test_registry_mistakes_are_errors_on_their_lines_in_check(tmp_path: Path) -> None:
    project = newsroom(
        tmp_path,
        """\
Asha Rao:
  bio: [not, text]
  url: asha.example.org
  fediverse: asha@mastodon
  colour: blue
Devdiscourse News Desk:
  type: Agency
""",
    )
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for number, words in (
        (2, "bio must be text"),
        (3, "not a web address"),
        (4, "not a fediverse handle"),
        (5, "unknown field 'colour'"),
        (7, "Person or Organization"),
    ):
        assert any(
            line.startswith(f"authors.yaml:{number}: error:") and words in line for line in lines
        ), (number, result.stdout)
    github = run_here("check", "--format", "github", cwd=project)
    assert "::error file=authors.yaml,line=4," in github.stdout


def test_an_unclosed_bracket_in_the_registry_is_named_where_it_opened(tmp_path: Path) -> None:
    project = newsroom(tmp_path, "Asha Rao:\n  bio: [Covers science\n  slug: asha\n")
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert (
        "authors.yaml:2: error: the list opened with [ on line 2 is never closed\n"
        "    fix: add ] at the end of line 2, or put the bio in quotes if the [ is part of it: "
        '  bio: "[Covers science"'
    ) in result.stdout, result.stdout


def test_a_bracket_left_open_at_the_end_of_the_registry_is_named_where_it_opened(
    tmp_path: Path,
) -> None:
    """`bio: [` or `Ben Li: [` as the file's last line: PyYAML gives up after the end of the
    file; the error is on the line of the [, with a fix that reads when followed."""
    for registry, said in (
        (
            "Asha Rao:\n  bio: [\n",
            "authors.yaml:2: error: the list opened with [ on line 2 is never closed\n"
            "    fix: write the bio after 'bio:' on line 2, or put the bio in quotes if the [ "
            'is part of it:   bio: "["\n',
        ),
        (
            "Asha Rao:\n  bio: Reporter\nBen Li: [\n\n",
            "authors.yaml:3: error: the list opened with [ on line 3 is never closed, and the "
            "byline 'Ben Li' holds fields, not a list\n"
            "    fix: write 'Ben Li:' alone, or its fields indented under it\n",
        ),
    ):
        project = newsroom(tmp_path / str(len(registry)), registry)
        result = run_here("check", cwd=project)
        assert result.returncode == 1
        assert said in result.stdout and "stream end" not in result.stdout, result.stdout
        fixed = registry.replace("bio: [", 'bio: "["').replace("Ben Li: [", "Ben Li:")
        (project / "authors.yaml").write_text(fixed, encoding="utf-8")
        assert run_here("check", cwd=project).returncode == 0, fixed


def test_a_portrait_path_leaving_the_site_folder_is_named_outside_whatever_it_points_at(
    tmp_path: Path,
) -> None:
    (tmp_path / "x.webp").write_bytes(b"not looked at")
    project = newsroom(
        tmp_path,
        "Asha Rao:\n  image: ../../etc/passwd\nBen Ode:\n  image: ../x.webp\n"
        "Devdiscourse News Desk:\n  image: /etc/hostname\n",
    )
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    fix = "    fix: keep the photos in the site's folder, like authors/asha.jpg"
    for line, who, ref in (
        (2, "Asha Rao", "../../etc/passwd"),
        (4, "Ben Ode", "../x.webp"),
        (6, "Devdiscourse News Desk", "/etc/hostname"),
    ):
        wrong = f"authors.yaml:{line}: error: {who!r}.image {ref!r} is outside the site's folder"
        assert f"{wrong}\n{fix}\n" in result.stdout, result.stdout


def test_a_byline_close_to_a_registered_one_is_a_warning_with_did_you_mean(tmp_path: Path) -> None:
    project = newsroom(tmp_path, REGISTRY)
    (project / "photos").mkdir()
    Image.new("RGB", (60, 60)).save(project / "photos/asha.png")
    story(project, "five", "Asha Roa", 5)
    result, _ = build(project)
    assert result.ok
    [warning] = [d for d in result.diagnostics if "Asha Roa" in d.message]
    assert warning.severity == "warning" and warning.path == "2025/06/five.md"
    assert warning.line == 6 and "did you mean 'Asha Rao'" in warning.hint


def test_an_edited_registry_is_a_change_for_the_next_build(tmp_path: Path) -> None:
    project = newsroom(tmp_path, "Asha Rao:\n  bio: First bio.\n")
    settings = config.load(project)
    out = project.parent / "site"
    paths = Paths(project, project / "content", project / "templates", out)
    options = Options(jobs=1, cache=True)
    assert build_site(paths, settings, Selection(now=NOW), options).ok
    (project / "authors.yaml").write_text("Asha Rao:\n  bio: Second bio.\n", encoding="utf-8")
    result = build_site(paths, settings, Selection(now=NOW), options)
    assert result.ok and result.summary is not None and not result.summary.up_to_date
    assert "Second bio." in (out / "authors/asha-rao/index.html").read_text(encoding="utf-8")


def test_two_authors_sharing_a_page_are_reported_beside_the_registrys_other_mistakes(
    tmp_path: Path,
) -> None:
    """The desk fixes authors.yaml in one go: that 'Asha R' takes Asha Rao's page is said
    in the same run as Asha Rao's bad url, not only once the url is fixed."""
    project = newsroom(
        tmp_path,
        """\
Asha Rao:
  slug: asha
  url: notaurl
Asha R:
  slug: asha
Bad One:
  slug: Bad Slug
""",
    )
    result = run_here("check", cwd=project)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert result.returncode == 1
    assert errors == [
        "authors.yaml:3: error: 'Asha Rao'.url 'notaurl' is not a web address",
        "authors.yaml:4: error: 'Asha R' has the same author page /authors/asha/ as 'Asha Rao'",
        "authors.yaml:7: error: 'Bad One'.slug 'Bad Slug' is not a URL slug",
    ]


def test_a_look_alike_byline_gets_a_page_of_its_own_and_the_first_keeps_its_address(
    tmp_path: Path,
) -> None:
    """'Jose Ruiz' has /authors/jose-ruiz/; a new story by 'José Ruiz' (another reporter)
    makes the same slug: the two used to share one page (one name's stories lost from
    it). The first name keeps the address, the new one gets -2, with a warning."""
    project = make_project(tmp_path / "p")
    story(project, "one", "Jose Ruiz", 1)
    story(project, "two", "José Ruiz", 2)
    result = run_here("build", "--output", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for slug, name, title in (
        ("jose-ruiz", "Jose Ruiz", "One"),
        ("jose-ruiz-2", "José Ruiz", "Two"),
    ):
        page = html.parse(str(site / "authors" / slug / "index.html")).getroot()
        assert page.xpath("//h1")[0].text_content().strip() == name
        feed = feedparser.parse((site / "authors" / slug / "feed.xml").read_bytes())
        assert [e.title for e in feed.entries] == [title], slug
    assert (
        "content/2025/06/two.md:6: warning: bylines 'Jose Ruiz' and 'José Ruiz' are different "
        "names with the same author page /authors/jose-ruiz/; 'José Ruiz' is published at "
        "/authors/jose-ruiz-2/"
    ) in result.stderr


def test_two_registry_bylines_with_one_slug_are_one_error_without_a_numbering_warning(
    tmp_path: Path,
) -> None:
    """tester5 F8: `Asha Rao` and `Ben Li` both given `slug: team` in authors.yaml, a story
    by both: the registry's error alone, not beside it a warning that 'Ben Li' is
    published at /authors/team-2/ (nothing is) and should be added to authors.yaml with
    its own slug (it is there). A byline authors.yaml does not hold is still warned."""
    project = make_project(tmp_path / "p")
    story(project, "one", "[Ben Li, Asha Rao]", 1)
    (project / "authors.yaml").write_text(
        "Asha Rao:\n  slug: team\nBen Li:\n  slug: team\n", encoding="utf-8"
    )
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    said = [
        line for line in result.stdout.splitlines() if ": error: " in line or ": warning: " in line
    ]
    assert said == [
        "authors.yaml:3: error: 'Ben Li' has the same author page /authors/team/ as 'Asha Rao'"
    ], result.stdout
    (project / "authors.yaml").write_text("Asha Rao:\n  slug: team\n", encoding="utf-8")
    story(project, "two", "Team", 2)
    result = run_here("check", cwd=project)
    assert result.returncode == 0, result.stdout
    assert (
        "content/2025/06/two.md:6: warning: bylines 'Asha Rao' and 'Team' are different names "
        "with the same author page /authors/team/; 'Team' is published at /authors/team-2/"
    ) in result.stdout + result.stderr


def test_a_bio_with_markup_is_warned_and_published_as_typed_with_the_whole_card(
    tmp_path: Path,
) -> None:
    """tester4 F11: the warning said "published as typed", but the entry was dropped:
    no bio, no photo, no website, no sameAs. Every field is published; the bio escaped."""
    marked = "Writes about *markets* and <b>trade</b>."
    registry = REGISTRY.replace("Science correspondent.", marked)
    project = newsroom(tmp_path, registry)
    (project / "photos").mkdir()
    Image.new("RGB", (300, 500), (90, 120, 200)).save(project / "photos/asha.png")
    result, out = build(project)
    assert result.ok, result.diagnostics
    [said] = [d for d in result.diagnostics if d.path.endswith("authors.yaml")]
    assert (said.line, said.severity) == (2, "warning") and "published as typed" in said.message
    author = page(out, "authors/asha-rao")
    [bio] = author.xpath("//p[@class='author-bio']")
    assert bio.text == marked and not bio.xpath("*")
    [photo] = author.xpath("//img[@class='author-photo']")
    assert (out / photo.get("src").removeprefix("/sub/")).is_file()
    assert author.xpath("//a[@href='https://asha.example.org/']")
    article = page(out, "2025/06/01/one")
    [asha] = json.loads(article.xpath("//script[@type='application/ld+json']")[0].text)["author"]
    assert asha["sameAs"] == ["https://asha.example.org/", "https://mastodon.social/@asha"]
    assert asha["image"]


def test_an_http_author_url_is_an_error_on_its_line_in_check_and_build(tmp_path: Path) -> None:
    """README: a registry URL that is not https:// is an error; it was published with
    rel="me" and in JSON-LD sameAs."""
    project = newsroom(tmp_path, "Asha Rao:\n  bio: Science.\n  url: http://asha.example.org/\n")
    checked = run_here("check", cwd=project)
    assert checked.returncode == 1
    assert (
        "authors.yaml:3: error: 'Asha Rao'.url 'http://asha.example.org/' is an http:// "
        "address; an author's page is linked only with https://, as the site itself is\n"
        "    fix: write https://asha.example.org/ if the author's site has it"
    ) in checked.stdout, checked.stdout
    result, out = build(project)
    assert not result.ok and not (out / "authors").exists()
    [wrong] = [d for d in result.diagnostics if d.path.endswith("authors.yaml")]
    assert (wrong.line, wrong.severity) == (3, "error") and "http://" in wrong.message


def test_a_byline_in_other_capitals_or_spacing_is_the_registered_author_with_a_warning(
    tmp_path: Path,
) -> None:
    """'asha rao' beside the registered 'Asha Rao' once got an author page of its own,
    silently; now it is that author (as tags in other capitals are one topic), warned."""
    project = newsroom(tmp_path, "Asha Rao:\n  slug: asha\n  bio: Science.\n")
    story(project, "five", "asha rao", 5)
    story(project, "six", "AshaRao", 6)
    checked = run_here("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    for name, spelt in (("five", "asha rao"), ("six", "AshaRao")):
        assert (
            f"content/2025/06/{name}.md:6: warning: credits.author {spelt!r} is written "
            "'Asha Rao' in authors.yaml; it is published as 'Asha Rao', on that author's page\n"
            "    fix: write 'Asha Rao', as in authors.yaml"
        ) in checked.stdout, checked.stdout
    result, out = build(project)
    assert result.ok and sum("'Asha Rao'" in d.message for d in result.diagnostics) == 2
    assert sorted(p.name for p in (out / "authors").iterdir() if p.is_dir()) == [
        "asha",
        "ben-ode",
        "devdiscourse-news-desk",
    ]
    stories = page(out, "authors/asha").xpath("//main//article//h2//a/text()")
    assert {"Five", "Six"} <= set(stories), stories
    byline = page(out, "2025/06/05/five").xpath("//a[@href='/sub/authors/asha/']/text()")
    assert byline == ["Asha Rao"], byline
    entries = feedparser.parse((out / "feed.xml").read_bytes()).entries
    assert {e.author for e in entries if e.title in ("Five", "Six")} == {"Asha Rao"}


def test_a_byline_typed_with_a_combining_accent_is_the_same_author(tmp_path: Path) -> None:
    """'José' typed as 'e' plus a combining accent (as macOS and some editors store it) and
    as 'é' is one author page, as a tag is one topic; matched in NFC, with authors.yaml's
    names too, without a warning that would print two names no editor can tell apart."""
    project = make_project(tmp_path / "p")
    story(project, "one", "Jose\u0301 Ruiz", 1)
    story(project, "two", "Jos\u00e9 Ruiz", 2)
    result, out = build(project)
    assert result.ok and not result.diagnostics, result.diagnostics
    assert not (out / "authors/jose-ruiz-2").exists()
    feed = feedparser.parse((out / "authors/jose-ruiz/feed.xml").read_bytes())
    assert sorted(e.title for e in feed.entries) == ["One", "Two"]
    (project / "authors.yaml").write_text("Jose\u0301 Ruiz:\n  bio: Reporter.\n", "utf-8")
    result, out = build(project)
    assert result.ok and not result.diagnostics, result.diagnostics
    feed = feedparser.parse((out / "authors/jose-ruiz/feed.xml").read_bytes())
    assert sorted(e.title for e in feed.entries) == ["One", "Two"]
    assert "Reporter." in page(out, "authors/jose-ruiz").text_content()


def test_a_registry_entry_with_an_error_still_names_its_authors_page(tmp_path: Path) -> None:
    """An http:// url is an error on its line; the entry's byline and slug still match the
    stories, so check's other words describe the site built once the url is fixed: no
    numbered look-alike pages, and the other spellings named as the registered author."""
    project = make_project(tmp_path / "p")
    (project / "authors.yaml").write_text(
        "Asha Rao:\n  slug: asha\n  url: http://asha.example.org/\n", encoding="utf-8"
    )
    story(project, "one", "asha rao", 1)
    story(project, "two", "ASHA RAO", 2)
    story(project, "three", "Asha Rao", 3)
    result = run_here("check", cwd=project)
    said = result.stdout
    assert result.returncode == 1 and "authors.yaml:3: error: 'Asha Rao'.url" in said, said
    assert "-2/" not in said and "-3/" not in said, said
    assert said.count("is written 'Asha Rao' in authors.yaml") == 2, said


def test_the_first_byline_missing_its_colon_gets_the_same_one_error_as_a_later_one(
    tmp_path: Path,
) -> None:
    """`Asha Rao` then `  bio: Reporter` at the top of the file (tester5 F4): YAML reads
    the two lines as one text and stops on the `bio:` line; the error is the missing
    colon on the byline's line, once, and the fix, followed, gives a registry that reads
    (not "line bio: up with the field above", which takes the field out of its byline)."""
    for registry, line in (
        ("Asha Rao\n  bio: Reporter\n", 1),
        ("# Our writers\n\nAsha Rao\n  bio: Reporter\n  slug: asha\nBen Li:\n  bio: Editor\n", 3),
    ):
        project = newsroom(tmp_path / str(line), registry)
        result = run_here("check", cwd=project)
        assert result.returncode == 1
        errors = [text for text in result.stdout.splitlines() if ": error: " in text]
        assert errors == [
            f"authors.yaml:{line}: error: 'Asha Rao' has no ':', so YAML cannot read this line "
            "as a field"
        ], result.stdout
        assert "    fix: write the line with a colon after the name: 'Asha Rao:'" in result.stdout
        fixed = registry.replace("Asha Rao\n", "Asha Rao:\n")
        (project / "authors.yaml").write_text(fixed, encoding="utf-8")
        assert run_here("check", cwd=project).returncode == 0, fixed


def test_a_byline_missing_its_colon_is_named_on_its_line_and_hides_no_other_mistake(
    tmp_path: Path,
) -> None:
    """`Carla Gomez` with no ':' (tester 2, M5): PyYAML stops on the lines after it; check
    names line 3 with the line to write, and still reports every other entry's mistake."""
    project = newsroom(
        tmp_path,
        "Asha Rao:\n  slug: ben\nCarla Gomez\nBen Li:\n  slug: ben\n  colour: blue\n"
        "Dev Desk:\n  type: organisation\n",
    )
    result = run_here("check", cwd=project)
    assert result.returncode == 1
    assert (
        "authors.yaml:3: error: 'Carla Gomez' has no ':', so YAML cannot read this line as a "
        "field\n    fix: write the line with a colon after the name: 'Carla Gomez:'"
    ) in result.stdout, result.stdout
    said = [line.split(": error: ")[0] for line in result.stdout.splitlines() if "error:" in line]
    assert {"authors.yaml:3", "authors.yaml:6", "authors.yaml:8"} <= set(said), result.stdout
    assert "not valid YAML" not in result.stdout
