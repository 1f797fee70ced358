"""A right-to-left story reads right to left in a feed reader too: its HTML in RSS, Atom
and JSON Feed says its direction (feed readers lay an item's HTML out left to right
unless it says otherwise), while a left-to-right story's HTML is published as before."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from conftest import make_project, run_here, write_article
from lxml import html as lxml_html

FRONT = (
    "title: {title}\ndate: 2025-06-0{day}T10:00:00Z\ncountry: UK\n{extra}credits:\n  author: Desk\n"
)
ARABIC = "غمرت الأمطار المدينة (المرحلة 1).\n"
URDU = "کراچی میں بارش ہوئی۔\n"
ENGLISH = "The summit met in Riyadh today.\n"
QUOTED = '"الشعب يريد" chanted the crowd on Tuesday in Tahrir Square.\n'


def _contents(site: Path, section: str) -> dict[str, list[str]]:
    """Each story's HTML as RSS, Atom and JSON Feed carry it, by its link's last part."""
    found: dict[str, list[str]] = {}
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((site / section / name).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        for entry in feed.entries:
            found.setdefault(entry.link.rstrip("/").rsplit("/", 1)[-1], []).append(
                entry.content[0].value
            )
    items = json.loads((site / section / "feed.json").read_text(encoding="utf-8"))["items"]
    for item in items:
        found[item["url"].rstrip("/").rsplit("/", 1)[-1]].append(item["content_html"])
    return found


def _wrapper(html: str) -> dict[str, str]:
    """The attributes of the element that holds the whole of `html` ({} when none does)."""
    element = lxml_html.fragment_fromstring(html, create_parent="root")
    if len(element) != 1 or element[0].tag != "div" or (element.text or "").strip():
        return {}
    return dict(element[0].attrib)


def test_feeds_say_the_direction_of_a_right_to_left_story(tmp_path: Path) -> None:
    project = make_project(tmp_path / "en")
    write_article(
        project, "ar.md", FRONT.format(title="أمطار", day=1, extra="language: ar\n"), ARABIC
    )
    write_article(project, "ur.md", FRONT.format(title="بارش", day=2, extra="language: ur\n"), URDU)
    write_article(
        project, "plain.md", FRONT.format(title="قمة", day=3, extra="slug: summit\n"), ARABIC
    )
    write_article(
        project, "en.md", FRONT.format(title="Summit", day=4, extra="slug: english\n"), ENGLISH
    )
    quoted = FRONT.format(title="Protesters chant", day=5, extra="language: en\nslug: quoted\n")
    write_article(project, "quoted.md", quoted, QUOTED)
    built = run_here("build", "--output", str(project / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    for section, slug, tag in (("ar", "ar", "ar"), ("ur", "ur", "ur")):
        for html in _contents(site, section)[slug]:
            assert _wrapper(html) == {"lang": tag, "dir": "rtl"}, html
    root = _contents(site, ".")
    # An Arabic body without `language:` on an English site: most of its letters choose.
    assert [_wrapper(html) for html in root["summit"]] == [{"dir": "rtl"}] * 3, root
    # An English story opening with an Arabic quotation: left to right, as its page.
    assert [_wrapper(html) for html in root["quoted"]] == [{}] * 3, root
    assert all("الشعب" in html and "chanted" in html for html in root["quoted"]), root
    # A story in the site's direction: as before, no wrapper.
    assert [_wrapper(html) for html in root["english"]] == [{}] * 3, root
    assert all(html.startswith("<p>The summit") for html in root["english"]), root


def _inner(html: str) -> dict[str, str]:
    """The attributes of the body's own `<div>` inside the item's wrapper ({} when none)."""
    element = lxml_html.fragment_fromstring(html, create_parent="root")
    inner = element.xpath("./div/div")
    return dict(inner[0].attrib) if inner else {}


def test_an_english_body_in_a_right_to_left_story_reads_left_to_right(tmp_path: Path) -> None:
    """As on its page: an English story on an Urdu site (no `language:`), and an `ar` story
    quoting an English press release whole, read left to right in the feed reader, inside
    the story's right-to-left wrapper; an Urdu story's body has no direction of its own."""
    ur = make_project(tmp_path / "ur", 'language = "ur"\n')
    write_article(ur, "eng.md", FRONT.format(title="Summit", day=1, extra="slug: eng\n"), ENGLISH)
    write_article(ur, "urdu.md", FRONT.format(title="بارش", day=2, extra="slug: urdu\n"), URDU)
    press = FRONT.format(title="بيان", day=3, extra="language: ar\nslug: press\n")
    write_article(ur, "press.md", press, "An English press release, quoted whole.\n")
    built = run_here("build", "--output", str(ur / "site"), cwd=ur)
    assert built.returncode == 0, built.stderr
    root = _contents(ur / "site", ".")
    for html in root["eng"]:
        assert _wrapper(html) == {"lang": "ur", "dir": "rtl"}, html
        assert _inner(html) == {"dir": "ltr"}, html
    for html in root["urdu"]:
        assert _wrapper(html) == {"lang": "ur", "dir": "rtl"} and _inner(html) == {}, html
    for html in _contents(ur / "site", "ar")["press"]:
        assert _wrapper(html) == {"lang": "ar", "dir": "rtl"}, html
        assert _inner(html) == {"dir": "ltr"}, html
    page = (ur / "site/2025/06/01/eng/index.html").read_text(encoding="utf-8")
    assert '<div class="body" dir="ltr">' in page


def _digest_items(site: Path, section: str) -> list[str]:
    """The HTML of each day of a section's digest feed, as a feed reader sees it."""
    feed = feedparser.parse((site / section / "digest/feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return [entry.description for entry in feed.entries]


def test_the_digest_feed_says_the_direction_of_a_right_to_left_section(tmp_path: Path) -> None:
    """An `ar` section's digest lists its stories right to left in a feed reader, as its
    stories' items do (prober5 P50); an English digest is published as before, but for
    an Arabic headline in it, which says its direction."""
    project = make_project(tmp_path / "en")
    write_article(
        project, "ar.md", FRONT.format(title="أمطار", day=1, extra="language: ar\n"), ARABIC
    )
    write_article(
        project, "plain.md", FRONT.format(title="قمة الرياض", day=2, extra="slug: summit\n"), ARABIC
    )
    write_article(
        project, "en.md", FRONT.format(title="Summit", day=3, extra="slug: english\n"), ENGLISH
    )
    built = run_here("build", "--output", str(project / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    site = project / "site"
    arabic = _digest_items(site, "ar")
    assert arabic and all(_wrapper(html) == {"lang": "ar", "dir": "rtl"} for html in arabic)
    english = _digest_items(site, ".")
    assert len(english) == 2 and all(_wrapper(html) == {} for html in english), english
    items = [
        dict(li.attrib)
        for html in english
        for li in lxml_html.fragment_fromstring(html, create_parent="root").iter("li")
    ]
    assert sorted(map(str, items)) == sorted(["{}", str({"dir": "rtl"})]), english
