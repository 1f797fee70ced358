"""Field rules of the article format: a Document becomes an Article or a list of Diagnostics.

`validate()` is the list of rules, one per field, in the order an editor reads them; the
rules of a group live where their names say: dates (date, updated, corrections and the
clock), credits (byline, image credit, sources), images (the lead image), identity (slug,
id/GUID, aliases). The fields themselves are declared in load/fields.py. Every rule
reports in the editor's words, with the line of the field and how to fix it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from generator.config import Settings
from generator.diagnostics import Diagnostic
from generator.languages import case_note, old_code, tag_problem, usual_case
from generator.load import countries, country_hints, fields, slugs
from generator.load.booleans import draft_field, true_or_false
from generator.load.checker import DASH_SLIP, Checker
from generator.load.content import Document, Mapping
from generator.load.country_places import also_a_state
from generator.load.credits import credit_without_image, read_credits
from generator.load.dates import corrections, date_field, has_time, update_before
from generator.load.guids import make_guid, pinned_id
from generator.load.held_back import drafts_folder, fields_below
from generator.load.identity import aliases, slug_field
from generator.load.images import image_field
from generator.load.invisible import (
    find_invisible,
    invisible_named,
    only_invisible,
    visible,
    where,
)
from generator.load.newsroom_marks import story_marks
from generator.load.plain_text import as_sentences, markdown_in_summary, markup_in_text
from generator.load.yaml_lists import text_list, written
from generator.model import Article, Country, Tag

KNOWN_FIELDS = fields.top_level()  # declared in load/fields.py, with their meaning
MAX_TITLE = 110
MAX_SUMMARY = 300


_NO_COUNTRY = "no country is spelt with it"


def _country(check: Checker, front: Mapping) -> Country | None:
    line = front.line_of("country")
    several = country_hints.several(front.get("country"), front.get("tags"))
    if several is not None:  # `country: [IN, PK]`, `country: India, Pakistan`
        check.error(line, *several)
        return None
    name = check.text(front, "country", "country", required=True)
    if not name or not check.seen_as_typed(name, line, "country", _NO_COUNTRY):
        return None
    found = countries.lookup(name)
    if found is None and (one := country_hints.one_of_several(name)):  # 'England and Wales'
        found = countries.lookup(one)
    if found is None:
        check.error(line, *country_hints.unknown(name))
        return None
    if state := also_a_state(name):  # 'Georgia': the country, or the US state?
        check.warn(line, *state)
    note = countries.note(name) or countries.renamed(name, found)
    if note is not None:
        check.warn(
            line,
            note,
            f"this is how it is published; write 'country: {found.name}' to silence this note",
        )
    return found


def _tags_fix(text: str) -> str:
    """The fix for `tags:` typed as text: the list; words with no comma between them
    (`Weather Floods`, or on lines below) may be one topic or several, so both are given.
    Words between ';' (or '、'...) are topics ([Weather, Floods], never 'Weather;'); words
    around ': ' one topic in quotes or two."""
    items = [_dashless(item) for item in text_list(text) or []]
    one = _unwritten(items[0]) if len(items) == 1 else ""
    if one and (parts := _parts(one, _NOT_COMMAS)):
        return f"write tags: [{_listed(parts)}]: a comma separates the topics"
    if one and (parts := _parts(one, _COLON)):
        return (
            f"write tags: [{written(one)}] for one topic, or tags: "
            f"[{_listed(parts)}] for {_COUNT.get(len(parts), len(parts))}: a comma "
            "separates the topics"
        )
    words = [word.strip(",;:") for word in one.split() if word.strip(",;:")]
    if 1 < len(words) <= 6 and all(map(_has_word, words)):
        return (
            f"write tags: [{written(one)}] for one topic, or tags: [{_listed(words)}] for "
            f"{_COUNT[len(words)]}: a comma separates the topics"
        )
    return f"write tags: [{_listed(item.strip(',;:；、، ') or item for item in items)}]"


def _dashless(item: str) -> str:
    """An item of `text_list` without a list mark typed with no space after it
    (`-Climate`: the topic is 'Climate')."""
    words = _unwritten(item)
    return written(words[1:]) if DASH_SLIP.match(words) else item


def _unwritten(item: str) -> str:
    """An item of `text_list` as its words (without the quotes `written` gave it)."""
    if len(item) > 1 and item[0] == item[-1] == '"':
        return re.sub(r"\\(.)", r"\1", item[1:-1])
    if len(item) > 1 and item[0] == item[-1] == "'":
        return item[1:-1].replace("''", "'")
    return item


def _has_word(text: str) -> bool:
    """Whether `text` could be a topic of its own: a letter, digit or emoji in it ('#' is
    none)."""
    return any(c.isalnum() or unicodedata.category(c) == "So" for c in text)


def _listed(items: Iterable[str]) -> str:
    """`items` as a one-line YAML list's inside, each quoted where YAML needs it (`#`)."""
    return ", ".join(written(item) for item in items)


def _parts(text: str, marks: re.Pattern[str]) -> list[str]:
    """The words of `text` between `marks`, when there are two or more; else none."""
    parts = [part.strip() for part in marks.split(text) if part.strip()]
    return parts if len(parts) > 1 else []


_COLON = re.compile(r":\s+")
_COUNT = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
# Marks typed between topics where YAML needs a comma: ';', full-width ';', '、', '،'.
_NOT_COMMAS = re.compile(r"\s*[;；、،]\s*")


def _not_comma(check: Checker, name: str, line: int) -> None:
    """A warning for a topic with ';' (or '、'...) where a comma would make two:
    `tags: [Weather; Floods]` is the one topic 'Weather; Floods'."""
    found = _NOT_COMMAS.search(name)
    parts = [part for part in _NOT_COMMAS.split(name) if part]
    if found is None or len(parts) < 2:
        return
    check.warn(
        line,
        f"tags: {name!r} is one topic: a comma, not {found.group().strip()!r}, separates topics",
        f"for {_COUNT.get(len(parts), len(parts))} topics, write them with commas: "
        f"tags: [{', '.join(parts)}]",
    )


def _same_topic(first: str, at: int, name: str, number: int) -> tuple[str, str]:
    """(message, fix) for the tag `name` (item `number`), the same topic as `first` (item
    `at`): told apart by their places when they look alike (an accent stored as one
    character or as a letter and a combining accent, as macOS and some tools write it)."""
    if unicodedata.normalize("NFC", first) != unicodedata.normalize("NFC", name):
        return (
            f"tags {first!r} and {name!r} are the same topic; it is listed once",
            f"remove {name!r} from the list",
        )
    return (
        f"tags {first!r} (item {at}) and {name!r} (item {number}) are the same topic, "
        "written alike but with an accent stored in two ways (as one character, and as a "
        "letter followed by a combining accent, as some tools write it); it is listed once",
        f"remove item {number} ({name!r}, the one after {first!r}) from the list",
    )


def _tags(check: Checker, front: Mapping, lines: dict[str, int]) -> tuple[Tag, ...]:
    if "tags" in front and isinstance(front["tags"], str):
        if not any(key == "tags" for key, _, _ in front.shadowed):  # else: one line of both
            check.error(front.line_of("tags"), "tags must be a list", _tags_fix(front["tags"]))
        return ()
    if "tags" in front and isinstance(front["tags"], dict):
        check.error(
            front.line_of("tags"),
            "tags must be a list, not a set of fields",
            "write tags: [First, Second]",
        )
        return ()
    result: dict[str, Tag] = {}
    numbers: dict[str, int] = {}
    initials: dict[str, str] = {}  # initials_key -> the key first typed with it
    for number, (name, line) in enumerate(check.names(front, "tags", "tags"), start=1):
        key = slugs.topic_key(name)
        key = initials.setdefault(slugs.initials_key(key), key)  # 'U.S.' and 'US': one
        if key in result:
            if result[key].name != name:
                check.warn(line, *_same_topic(result[key].name, numbers[key], name, number))
            continue
        numbers[key] = number
        result[key] = Tag(slug=key, name=name)
        lines[f"tag:{key}"] = line
        _not_comma(check, name, line)
        if not _has_word(key):
            check.warn(
                line,
                f"tag {name!r} has no letter, digit or emoji, which is probably a slip; it "
                f"would be a topic of its own at /tags/{slugs.fallback(key, 'topic')}/",
                f"write the topic in words, or remove {name!r} from the list",
            )
    return tuple(result.values())


def _not_too_long(
    check: Checker, front: Mapping, key: str, limit: int, where: str, advice: str
) -> None:
    """Warn when a field is longer than readers' tools show."""
    value = front.get(key)
    if isinstance(value, str) and len(" ".join(value.split())) > limit:
        length = len(" ".join(value.split()))
        check.warn(
            front.line_of(key),
            f"{key} is {length} characters; {where} cut it at about {limit}",
            advice,
        )


def _summary(check: Checker, front: Mapping) -> str:
    summary = check.text(front, "summary", "summary")
    if summary and only_invisible(summary):
        hidden = invisible_named(summary)  # each one named (prober4 L2)
        what = f", {hidden}," if hidden else ""
        check.warn(
            front.line_of("summary"),
            f"summary: {summary!r} holds only invisible characters{what} so readers "
            "would see no summary; it is left out, and the story's first paragraph is "
            "the summary, as with no 'summary:' line",
            "write the summary's text after 'summary:', or delete the 'summary:' line",
        )
        return ""
    line = front.line_of("summary")  # its paragraphs as sentences in a fix (prober4 L7):
    fixed = as_sentences(front.get("summary"), check.doc.path, line) or summary
    typed = markdown_in_summary(fixed)  # Markdown, published as typed: said
    if typed:  # a `|` or `>` summary: the fix names its lines (prober4 M2)
        check.warn(line, typed[0], typed[1] + front.spans("summary"))
    _no_markup(check, front, "summary", fixed)
    _not_too_long(
        check,
        front,
        "summary",
        MAX_SUMMARY,
        "readers and feed readers",
        "shorten it to one or two sentences",
    )
    return summary


def _no_markup(check: Checker, front: Mapping, key: str, value: str) -> None:
    """Warn when a plain-text field holds HTML (load/plain_text.py); the fix of a `|` or
    `>` value names the lines it replaces."""
    typed = markup_in_text(key, value)  # None at once without '<' or '&'
    if typed:
        check.warn(front.line_of(key), typed[0], typed[1] + front.spans(key))


def _title(check: Checker, front: Mapping) -> str:
    title = check.text(front, "title", "title", required=True)
    _no_markup(check, front, "title", title)
    hidden = find_invisible(title.replace("\u00ad", ""))  # a soft hyphen: a hint, kept
    if hidden is not None:
        at = where(title.replace("\u00ad", ""), hidden[0])
        check.warn(
            front.line_of("title"),
            f"title: {visible(title)!r} has an invisible character, {hidden[1]}, {at}; it is "
            "published as typed, and a reader searching for the headline, or a search "
            "engine, would not find the word it splits",
            f"delete the invisible character {at} (or retype the headline)",
        )
    _not_too_long(
        check, front, "title", MAX_TITLE, "search results and feeds", "shorten the headline"
    )
    return title


def _featured(check: Checker, front: Mapping) -> bool:
    return true_or_false(check, front, "featured")


def _language(check: Checker, front: Mapping) -> str:
    """The article's BCP 47 language tag as typed; '' (the site's `language`, which the
    pages know) when absent, so reading an article does not depend on the setting."""
    if "language" not in front or front["language"] is None:
        return ""
    tag = check.text(front, "language", "language")
    if not tag:
        return ""
    typed = tag.strip()
    found = tag_problem(typed)
    if found is not None:
        check.error(front.line_of("language"), *found)
        return ""
    old = old_code(typed)
    if old is not None:
        check.warn(
            front.line_of("language"),
            f"language {typed!r} is an old code of {old[0]}, which HTML checkers flag "
            f"and browsers and screen readers may not know: its current code is {old[1]!r}",
            f"write 'language: {old[1]}'",
        )
    elif (note := case_note(typed)) is not None:
        check.warn(
            front.line_of("language"),
            note,
            f"write 'language: {usual_case(typed)}' to silence this note",
        )
    return usual_case(typed)


def _dates(
    check: Checker, front: Mapping, settings: Settings
) -> tuple[datetime | None, datetime | None]:
    """`date` and `updated`; an update cannot come before publication."""
    published = date_field(check, front, "date", settings.tz, required=True)
    updated = date_field(check, front, "updated", settings.tz, required=False)
    if published and updated and updated < published:
        said = update_before(published, updated, front.get("updated"))
        check.error(front.line_of("updated"), *said)
    return published, updated


def _field_lines(front: Mapping, author_line: int) -> dict[str, int]:
    """Where the fields site-wide messages point at are written: field -> line."""
    lines = {
        key: front.line_of(key)
        for key in ("slug", "id", "date", "tags", "translation_key", "draft")
        if key in front
    }
    if author_line:
        lines["author"] = author_line
    return lines


def _translation_key(check: Checker, front: Mapping) -> str:
    """The key linking a story's languages: text, with no invisible character."""
    key = check.text(front, "translation_key", "translation_key").strip()
    check.seen_as_typed(
        key,
        front.line_of("translation_key"),
        "translation_key",
        "it would not match the same key in the story's other languages",
    )
    return unicodedata.normalize("NFC", key)  # an identity: accents composed or not match


def _held_back(check: Checker, doc: Document) -> None:
    """Errors for a story that would be published though its editor meant it held back:
    a field line below the closing '---', a story in a drafts folder (load/held_back.py)."""
    drafted = doc.front.get("draft") is True
    for line, message, fix in fields_below(doc.body, doc.body_line, KNOWN_FIELDS, drafted):
        check.error(line, message, fix)
    in_drafts = drafts_folder(doc.source, doc.front)
    if in_drafts is not None:
        check.error(1, *in_drafts)


def validate(
    doc: Document, settings: Settings, content_dir: Path
) -> tuple[Article | None, list[Diagnostic]]:
    """Check every field of one document; an Article only when there is no error."""
    check = Checker(doc)
    front = doc.front
    check.unknown(front, KNOWN_FIELDS)
    title = _title(check, front)
    published, updated = _dates(check, front, settings)
    country = _country(check, front)
    credits = read_credits(check, front)
    check.misplaced_fields(front)
    lines = _field_lines(front, credits.author_line)
    tags = _tags(check, front, lines)
    summary = _summary(check, front)
    image = image_field(check, front, doc, content_dir, settings.max_image_size)
    credit_without_image(check, front, credits, image)
    slug = slug_field(check, front, doc)
    pinned = pinned_id(check, front, settings.site_id)
    draft = draft_field(check, front)
    _held_back(check, doc)
    for line, *said in [] if draft else story_marks(doc, title, summary, credits, image):
        check.warn(line, *said)  # `title: TODO`, `TKTK` in the body: a placeholder left
    dated_corrections = corrections(check, front, published, settings.tz)
    day = published.date() if published else None
    old_paths = aliases(check, front, day, slug, settings.base_url, settings.language)
    featured = _featured(check, front)
    language = _language(check, front)
    translation_key = _translation_key(check, front)
    if any(p.severity == "error" for p in check.problems):
        return None, check.problems
    assert published is not None and country is not None
    article = Article(
        source=doc.source,
        slug=slug,
        title=title,
        date=published,
        updated=updated,
        country=country,
        authors=credits.authors,
        image_credit=credits.image,
        sources=credits.sources,
        tags=tags,
        summary=summary,
        image=image,
        body=doc.body,
        body_line=doc.body_line,
        guid=make_guid(settings, published.date(), slug, pinned),
        draft=draft,
        date_has_time=has_time(front.get("date")),
        updated_has_time=has_time(front.get("updated")),
        corrections=dated_corrections,
        aliases=old_paths,
        featured=featured,
        language=language,
        translation_key=translation_key,
        aliases_line=front.line_of("aliases") if old_paths else 0,
        lines=tuple(sorted(lines.items())),
    )
    return article, check.problems
