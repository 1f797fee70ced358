"""Field rules of the article format: a Document becomes an Article or a list of Diagnostics.

Every rule reports in the editor's words, with the line of the field and how to fix it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from generator.config import Settings
from generator.diagnostics import Diagnostic, error, warning
from generator.load import countries, fields, slugs
from generator.load.content import CONTROL, Document, Items, Mapping, control_error
from generator.load.files import missing_file_hint, resolve_local
from generator.load.yaml_mistakes import double_quoted
from generator.model import Article, Correction, Country, Image, Tag

KNOWN_FIELDS = fields.top_level()  # declared in load/fields.py, with their meaning
# Where newsdigest writes its own pages and files: no alias may point into them.
RESERVED_SECTIONS = ("tags", "countries", "archive", "digest", "search", "static", "media",
                     "pagefind")
RESERVED_FILES = ("feed.xml", "atom.xml", "feed.json", "feeds.opml", "sitemap.xml",
                  "sitemap-news.xml", "robots.txt", "404.html", ".nojekyll", "CNAME")
_ALIAS = re.compile(r"^[A-Za-z0-9._~%-]+(/[A-Za-z0-9._~%-]+)*/?$")
KNOWN_CORRECTION = ("date", "text")
KNOWN_CREDITS = fields.under("credits")
KNOWN_IMAGE = ("src", "alt", "caption", "width", "height", "focus")
LEAD_MIN_WIDTH = 1200  # px: large previews in Google Discover and social cards
REQUIRED_FIELDS = ("title", "date", "country", "credits")
# Top-level keys that belong inside a group: key -> the group's field.
BELONGS_UNDER = {"author": "credits", "authors": "credits", "byline": "credits",
                 "sources": "credits", "source": "credits", "src": "image", "alt": "image",
                 "caption": "image"}
MAX_TITLE = 110
MAX_SUMMARY = 300
DATE_FORMAT_HINT = "use YYYY-MM-DDTHH:MM:SS+HH:MM, for example 2025-06-25T15:27:00+05:30"
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"]+$")
_UUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12})\}?$")
_DATE_SHAPE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


class _Checker:
    """Collects diagnostics for one document while its fields are read."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Diagnostic] = []
        self.misspelt: dict[str, tuple[str, int]] = {}  # known field -> (typed key, line)
        self.misplaced: dict[str, int] = {}  # top-level key that belongs in a group -> line

    def error(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(error(self.doc.source, line, message, hint))

    def warn(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(warning(self.doc.source, line, message, hint))

    def missing(self, mapping: Mapping, key: str, label: str, hint: str) -> None:
        """Report a required field that is absent or was read as "no value"."""
        line = mapping.line_of(key)
        if key in mapping:
            typed = mapping.nulls.get(key, "")
            if typed == "":
                self.error(line, f"{label} is empty", f"write the {label} after '{key}:'")
            elif typed == "~":
                self.error(line, f"{label}: '~' means \"no value\" in YAML, and {label} is "
                           "required", f"write the {label} after '{key}:'")
            else:
                self.error(line, f"{label}: the word '{typed}' was read as \"no value\" "
                           "(YAML's null), so there is none",
                           f"if '{typed}' is meant, put it in quotes: {key}: \"{typed}\"")
            return
        if key in self.misspelt:
            typed, typed_line = self.misspelt[key]
            self.error(typed_line, f"{label} is missing, and '{typed}:' on this line is not a "
                       f"field newsdigest knows: did you mean '{key}:'?",
                       f"rename '{typed}:' to '{key}:'")
            return
        self.error(line, f"{label} is missing", hint)

    def text(self, mapping: Mapping, key: str, label: str, required: bool = False) -> str:
        """A non-empty string field; '' when absent or wrong (after reporting)."""
        line = mapping.line_of(key)
        if key not in mapping or mapping[key] is None:
            if required:
                self.missing(mapping, key, label, f"add a line '{key}: ...'")
            return ""
        value = mapping[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(
                line,
                f"{label} must be text, not {_kind(value)}",
                _colon_hint(value) or f"write {label} as one line of text; put it in quotes "
                "if it contains ': '",
            )
            return ""
        result = " ".join(str(value).split())
        if not self.printable(result, line, label):
            return ""
        if not result and required:
            self.error(line, f"{label} is empty", f"write the {label} after '{key}:'")
        return result

    def printable(self, text: str, line: int, label: str) -> bool:
        """False (after reporting) for text with a control character, e.g. from a YAML escape."""
        found = CONTROL.search(text)
        if found:
            self.problems.append(control_error(self.doc.source, line, label, found.group()))
        return found is None

    def text_list(self, mapping: Mapping, key: str, label: str) -> tuple[str, ...]:
        """A string or a list of strings; each item stripped and non-empty."""
        return tuple(text for text, _ in self.text_items(mapping, key, label))

    def text_items(self, mapping: Mapping, key: str, label: str) -> list[tuple[str, int]]:
        """Like text_list, with the file line of each item."""
        if key not in mapping or mapping[key] is None:
            return []
        value = mapping[key]
        items = value if isinstance(value, list) else [value]
        result: list[tuple[str, int]] = []
        for number, item in enumerate(items, start=1):
            line = mapping.line_of(key)
            if isinstance(value, Items):  # an item written before its key came from an alias
                line = max(line, value.line_of(number - 1))
            typed = value.nulls.get(number - 1, "") if isinstance(value, Items) else ""
            if item is None and typed not in ("", "~"):
                self.error(line, f"{label}: item {number}, the word '{typed}', was read as "
                           "\"no value\" (YAML's null)",
                           f"if '{typed}' is meant, put it in quotes: \"{typed}\"")
                continue
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.error(
                    line,
                    f"{label}: item {number} must be text, not {_kind(item)}",
                    _colon_hint(item) or f"write {label} as a list of names: [First, Second]",
                )
                continue
            text = " ".join(str(item).split())
            if not self.printable(text, line, f"{label}: item {number}"):
                continue
            if text:
                result.append((text, line))
            else:
                self.error(line, f"{label}: item {number} is empty", "remove the empty item")
        return result

    def mapping(self, parent: Mapping, key: str, label: str) -> Mapping | None:
        if key not in parent or parent[key] is None:
            return None
        value = parent[key]
        if key == "image" and isinstance(value, str):
            self.error(
                parent.line_of(key),
                f"image must be a set of fields (src, alt), not just the file name {value!r}",
                f"write three lines: 'image:', then indented '  src: {value}' and "
                "'  alt: what the picture shows'",
            )
            return None
        if not isinstance(value, Mapping):
            self.error(
                parent.line_of(key),
                f"{label} must be a set of fields, not {_kind(value)}",
                f"indent the fields under '{key}:' by two spaces",
            )
            return None
        return value

    def unknown(self, mapping: Mapping, known: tuple[str, ...], prefix: str = "") -> None:
        for key in mapping:
            if key in known:
                continue
            group = BELONGS_UNDER.get(key.casefold()) if not prefix else None
            if group is not None:
                self.misplaced[key] = mapping.line_of(key)
                continue  # reported by misplaced_fields, or by the group's missing field
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if not prefix and close and close[0] in REQUIRED_FIELDS and close[0] not in mapping:
                self.misspelt.setdefault(close[0], (key, mapping.line_of(key)))
                continue  # the missing field's error names it
            hint = f"did you mean '{prefix}{close[0]}'?" if close else (
                f"known fields: {', '.join(prefix + k for k in known)}"
            )
            self.warn(mapping.line_of(key), f"unknown field {prefix + key!r} is ignored", hint)


    def misplaced_fields(self, front: Mapping) -> None:
        """Warn about each top-level key that belongs in a group and was not reported yet."""
        for key, line in self.misplaced.items():
            group = BELONGS_UNDER[key.casefold()]
            self.warn(line, f"'{key}:' is not read at the top level; it belongs under '{group}:'",
                      f"indent it by two spaces below a '{group}:' line: '{group}:' then "
                      f"'  {_group_key(key)}: {_inline(front.get(key))}'")


def _group_key(key: str) -> str:
    folded = key.casefold()
    return {"authors": "author", "byline": "author", "source": "sources"}.get(folded, folded)


def _inline(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return "..."


def _colon_hint(value: Any) -> str:
    """For a one-field mapping that was meant as text with ': ' in it: how to quote it."""
    if isinstance(value, dict) and len(value) == 1:
        [(key, inner)] = value.items()
        if isinstance(inner, str):
            return f"it contains ': ', which YAML reads as a field; put it in quotes: " \
                f"{double_quoted(f'{key}: {inner}')}"
    return ""


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def parse_datetime(value: str, tz: ZoneInfo) -> datetime | str:
    """An aware datetime, or the reason `value` is not one. Naive values are read in `tz`."""
    match = _DATE_SHAPE.match(value)
    if not match:
        return f"{value!r} is not a date in ISO 8601 form"
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    try:
        date(year, month, day)
    except ValueError:
        return f"{value[:10]} is not a real date"
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return f"{value!r} is not a real time"
    if match.group(4) is None:
        parsed = datetime.combine(parsed.date(), time(0, 0))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def clock_problem(parsed: datetime, written: str) -> tuple[str, str, str] | None:
    """('error' | 'warning', message, fix) for a local time the site's clock cannot show.

    Only times written without an offset are checked (`parsed.tzinfo` is then a ZoneInfo):
    a time skipped by a daylight-saving change does not exist (an error); a time in the
    repeated hour exists twice (a warning; the first, summer-time reading is used).
    """
    zone = parsed.tzinfo
    if not isinstance(zone, ZoneInfo):
        return None
    there_and_back = parsed.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if there_and_back != parsed.replace(tzinfo=None):
        before = (parsed - timedelta(hours=3)).utcoffset()
        after = (parsed + timedelta(hours=3)).utcoffset()
        return ("error",
                f"{written} does not exist in {zone.key}: the clocks skip that hour for "
                "daylight saving",
                f"write the time that was meant with its offset, such as "
                f"{written[:10]}T{written[11:16] or '00:00'}{_offset(before)} (before the change)"
                f" or ...{_offset(after)} (after it)")
    first, second = parsed.replace(fold=0).utcoffset(), parsed.replace(fold=1).utcoffset()
    if first != second:
        return ("warning",
                f"{written} happens twice in {zone.key} (the clocks go back that night); "
                f"it is read as the first, {_offset(first)}",
                f"add the offset to say which: ...{_offset(first)} or ...{_offset(second)}")
    return None


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _date_field(check: _Checker, front: Mapping, key: str, tz: ZoneInfo, required: bool) -> (
    datetime | None
):
    line = front.line_of(key)
    if key not in front or front[key] is None:
        if required:
            check.missing(front, key, key, f"add '{key}:' and the time; {DATE_FORMAT_HINT}")
        return None
    value = front[key]
    if not isinstance(value, str):
        check.error(line, f"{key} must be one date, not {_kind(value)}", DATE_FORMAT_HINT)
        return None
    written = value.strip()
    parsed = parse_datetime(written, tz)
    if isinstance(parsed, str):
        check.error(line, f"{key}: {parsed}", DATE_FORMAT_HINT)
        return None
    try:
        in_utc = parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        in_utc = None
    if parsed.year < 1000 or in_utc is None or not 1000 <= in_utc.year <= 9999:
        check.error(line, f"{key}: the year {parsed.year} cannot be published; feeds and "
                    "archives need a four-digit year (1000 to 9999)", DATE_FORMAT_HINT)
        return None
    clock = clock_problem(parsed, written)
    if clock is not None:
        severity, message, hint = clock
        if severity == "error":
            check.error(line, f"{key}: {message}", hint)
            return None
        check.warn(line, f"{key}: {message}", hint)
    return parsed


def _has_time(value: object) -> bool:
    """Whether a date field, as typed, gives a time of day (`2025-06-25` does not)."""
    match = _DATE_SHAPE.match(value.strip()) if isinstance(value, str) else None
    return match is None or match.group(4) is not None


def alias_path(alias: str) -> str:
    """An alias as a path under the site root: '/2025/06/20/storm' -> '2025/06/20/storm/'.
    A last segment with a dot ('old/page.html') names a file; any other names a folder."""
    path = alias.strip().lstrip("/")
    last = path.rstrip("/").rpartition("/")[2]
    if path and not path.endswith("/") and "." not in last:
        path += "/"
    return path


def _alias_problem(path: str) -> str | None:
    """Why `path` (from alias_path) cannot be a redirect page, or None."""
    if not path:
        return "is the home page"
    segments = path.rstrip("/").split("/")
    if not _ALIAS.match(path) or any(s in (".", "..") for s in segments):
        return ("is not a path under the site; use letters, digits, '-', '_', '.' and '/' "
                "only, like /2025/06/20/old-slug/")
    if segments[0] in RESERVED_SECTIONS or path in RESERVED_FILES or (
            len(segments) == 1 and segments[0].startswith("logo.")):
        return "is where newsdigest writes its own pages"
    return None


def _aliases(check: _Checker, front: Mapping) -> tuple[str, ...]:
    """`aliases:`, old paths under the site that redirect to this article."""
    if isinstance(front.get("aliases"), Mapping):
        check.error(front.line_of("aliases"), "aliases must be a list, not a set of fields",
                    "write aliases: [/2025/06/20/old-slug/]")
        return ()
    found: list[str] = []
    for number, alias in enumerate(check.text_list(front, "aliases", "aliases"), start=1):
        path = alias_path(alias)
        problem = _alias_problem(path)
        if problem:
            check.error(front.line_of("aliases"), f"aliases: item {number} ({alias}) {problem}",
                        "give the old address of this article, relative to the site, like "
                        "/2025/06/20/old-slug/")
        elif path not in found:
            found.append(path)
    return tuple(found)


def _corrections(check: _Checker, front: Mapping, published: datetime | None, tz: ZoneInfo
                 ) -> tuple[Correction, ...]:
    """`corrections:`, a list of `date:` + `text:`; each dated no earlier than the article.

    Returned oldest first, as a reader follows them."""
    if "corrections" not in front or front["corrections"] is None:
        return ()
    value, line = front["corrections"], front.line_of("corrections")
    example = ("write each as '- date: 2025-06-26T10:00:00+05:30' with an indented "
               "'text: What was wrong and what is right'")
    if not isinstance(value, list):
        check.error(line, f"corrections must be a list, not {_kind(value)}", example)
        return ()
    found: list[Correction] = []
    for number, item in enumerate(value, start=1):
        label = f"corrections: item {number}"
        if not isinstance(item, Mapping):
            check.error(line, f"{label} must be a date and a text, not {_kind(item)}", example)
            continue
        check.unknown(item, KNOWN_CORRECTION, "corrections.")
        text = check.text(item, "text", f"{label}: text", required=True)
        when = item.get("date")
        if not isinstance(when, str):
            check.error(item.line_of("date"), f"{label}: date is missing" if when is None
                        else f"{label}: date {when!r} is not a date", DATE_FORMAT_HINT)
            continue
        parsed = parse_datetime(when.strip(), tz)
        if isinstance(parsed, str):
            check.error(item.line_of("date"), f"{label}: date: {parsed}", DATE_FORMAT_HINT)
            continue
        if published is not None and parsed < published:
            check.error(item.line_of("date"),
                        f"{label}: date ({parsed.isoformat()}) is before the article's date "
                        f"({published.isoformat()})",
                        "a correction comes after publication; fix its date")
            continue
        if text:
            found.append(Correction(parsed, text, _has_time(when)))
    return tuple(sorted(found, key=lambda c: c.date.timestamp()))


def _image(check: _Checker, front: Mapping, doc: Document, content_dir: Path,
           max_image_size: int) -> Image | None:
    fields = check.mapping(front, "image", "image")
    if fields is None:
        return None
    check.unknown(fields, KNOWN_IMAGE, "image.")
    src = check.text(fields, "src", "image.src", required=True)
    alt = check.text(fields, "alt", "image.alt")
    caption = check.text(fields, "caption", "image.caption")
    focus = _focus(check, fields)
    if "alt" not in fields:
        check.error(
            front.line_of("image"),
            "image.alt is missing",
            "add 'alt:' under image: a short description for readers who cannot see it",
        )
    elif fields["alt"] is None:
        check.missing(fields, "alt", "image.alt",
                      "write a short description for readers who cannot see it")
    if not src:
        return None
    resolved = resolve_local(src, doc.source, content_dir)
    if isinstance(resolved, str):
        if not src.startswith(("http://", "https://")):
            check.error(fields.line_of("src"), f"image.src: {resolved}",
                        missing_file_hint(src, doc.source, content_dir, "image file"))
            return None
        width, height = _pixels(check, fields, "width"), _pixels(check, fields, "height")
        return Image(src=src, alt=alt, caption=caption, width=width, height=height,
                     focus=focus)
    from generator.render.images import probe

    for key in ("width", "height"):
        if key in fields:
            check.warn(fields.line_of(key), f"image.{key} is ignored for an image in content/",
                       "its real size is read from the file; remove the line")
    picture = probe(content_dir / resolved, max_image_size)
    if isinstance(picture, str):
        hint = ("save the picture as JPEG, PNG or WebP and point image.src at it"
                if "max_image_size" not in picture else
                "make the file smaller (a 2400 px wide JPEG is plenty), or raise "
                "max_image_size in the settings")
        check.error(fields.line_of("src"), f"image.src: content/{resolved.as_posix()} {picture}",
                    hint)
        return None
    if picture.processed and picture.width < LEAD_MIN_WIDTH:
        check.warn(fields.line_of("src"),
                   f"image.src is {picture.width} px wide, narrower than {LEAD_MIN_WIDTH} px",
                   f"Google Discover and social cards show large previews only for lead images "
                   f"at least {LEAD_MIN_WIDTH} px wide; use a larger original if you have one")
    return Image(src=resolved.as_posix(), alt=alt, caption=caption, picture=picture,
                 focus=focus)


def _pixels(check: _Checker, fields: Mapping, key: str) -> int:
    """A remote image's width or height in px (0 when not given, after reporting if wrong)."""
    if key not in fields or fields[key] is None:
        return 0
    value = fields[key]
    if isinstance(value, str) and value.strip().isdigit():  # front matter values are text
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 100_000:
        check.error(fields.line_of(key), f"image.{key} must be a whole number of pixels, "
                    f"not {value!r}", f"write it like '{key}: 1200'")
        return 0
    return value


_FOCUS = re.compile(r"^\s*([01](?:\.\d+)?)\s*,\s*([01](?:\.\d+)?)\s*$")


def _focus(check: _Checker, fields: Mapping) -> tuple[float, float] | None:
    """image.focus 'x,y': the point the crops keep, as fractions from the top left."""
    if "focus" not in fields or fields["focus"] is None:
        return None
    value = fields["focus"]
    match = _FOCUS.match(value) if isinstance(value, str) else None
    point = (float(match.group(1)), float(match.group(2))) if match else None
    if point is None or not all(0 <= v <= 1 for v in point):
        check.error(fields.line_of("focus"),
                    f"image.focus must be two numbers from 0 to 1, not {value!r}",
                    "write the point to keep as across,down fractions of the picture, "
                    "like 'focus: 0.3,0.4' (0,0 is the top left; 0.5,0.5 the centre)")
        return None
    return point


def _slug(check: _Checker, front: Mapping, doc: Document) -> str:
    if front.get("slug") is not None:  # `slug: ~` is no slug: the file name gives it
        slug = check.text(front, "slug", "slug", required=True)
        if slug and not slugs.is_safe(slug):
            check.error(
                front.line_of("slug"),
                f"slug {slug!r} cannot be used in a URL",
                "use lower-case letters, digits and hyphens, such as "
                f"{slugs.make(slug) or 'my-story'!r}",
            )
            return ""
        return slug
    stem = unicodedata.normalize("NFC", PurePosixPath(doc.source).stem)
    slug = slugs.make(stem)
    if not slug:
        check.error(
            1,
            f"the file name {stem!r} gives no usable URL",
            "rename the file with letters or digits, or add 'slug: my-story'",
        )
    return slug


def _country(check: _Checker, front: Mapping) -> Country | None:
    name = check.text(front, "country", "country", required=True)
    if not name:
        return None
    found = countries.lookup(name)
    if found is None:
        city = countries.city(name)
        if city is not None:
            check.error(
                front.line_of("country"),
                f"country {name!r} is a city, not a country",
                f"write the country, such as 'country: {city}'",
            )
            return None
        close = countries.suggest(name)
        hint = f"did you mean {close!r}? " if close else ""
        check.error(
            front.line_of("country"),
            f"country {name!r} is not a country newsdigest knows",
            hint + "use an English name or an ISO code such as 'GB' or 'IND'",
        )
        return None
    note = countries.note(name)
    if note is not None:
        check.warn(front.line_of("country"), note,
                   "this is how it is published; write 'country: United Kingdom' to "
                   "silence this note")
    return found


def _tags(check: _Checker, front: Mapping, lines: dict[str, int]) -> tuple[Tag, ...]:
    if "tags" in front and isinstance(front["tags"], str):
        check.error(
            front.line_of("tags"),
            "tags must be a list",
            f"write tags: [{', '.join(t.strip() for t in front['tags'].split(','))}]",
        )
        return ()
    if "tags" in front and isinstance(front["tags"], dict):
        check.error(front.line_of("tags"), "tags must be a list, not a set of fields",
                    "write tags: [First, Second]")
        return ()
    result: dict[str, Tag] = {}
    for name, line in check.text_items(front, "tags", "tags"):
        key = slugs.topic_key(name)
        if key in result:
            if result[key].name != name:
                check.warn(line, f"tags {result[key].name!r} and {name!r} are the same topic; "
                           "it is listed once", f"remove {name!r} from the list")
            continue
        result[key] = Tag(slug=key, name=name)
        lines[f"tag:{key}"] = line
    return tuple(result.values())


def _not_too_long(check: _Checker, front: Mapping, key: str, limit: int, where: str,
                  advice: str) -> None:
    """Warn when a field is longer than readers' tools show."""
    value = front.get(key)
    if isinstance(value, str) and len(" ".join(value.split())) > limit:
        length = len(" ".join(value.split()))
        check.warn(front.line_of(key),
                   f"{key} is {length} characters; {where} cut it at about {limit}", advice)


def _summary(check: _Checker, front: Mapping) -> str:
    summary = check.text(front, "summary", "summary")
    _not_too_long(check, front, "summary", MAX_SUMMARY, "readers and feed readers",
                  "shorten it to one or two sentences")
    return summary


def _title(check: _Checker, front: Mapping) -> str:
    title = check.text(front, "title", "title", required=True)
    _not_too_long(check, front, "title", MAX_TITLE, "search results and feeds",
                  "shorten the headline")
    return title


def _featured(check: _Checker, front: Mapping) -> bool:
    value = front.get("featured", False)
    if value is None:  # "no value": not featured
        return False
    if not isinstance(value, bool):
        check.error(front.line_of("featured"), f"featured must be true or false, not {value!r}",
                    "write 'featured: true' to make it the lead story of its day, or remove "
                    "the line")
        return False
    return value


def _draft(check: _Checker, front: Mapping) -> bool:
    value = front.get("draft", False)
    if value is None:  # "no value": not a draft
        return False
    if not isinstance(value, bool):
        check.error(front.line_of("draft"), f"draft must be true or false, not {value!r}",
                    "write 'draft: true' or remove the line")
        return False
    return value


def _pinned_id(check: _Checker, front: Mapping) -> str:
    """The `id:` field: feeds require a URI (Atom's <id>), so a bare word is refused."""
    pinned = check.text(front, "id", "id")
    if pinned and not _URI.match(pinned) and not _UUID.match(pinned):
        check.error(
            front.line_of("id"),
            f"id {pinned!r} is not a URI; feed readers need one",
            "use a tag URI such as 'tag:example.org,2025:2025-06-25/my-story' "
            "or 'urn:uuid:...'",
        )
    return pinned


def guid_from_id(pinned: str) -> str:
    """An `id:` as a feed id: a bare UUID (RFC 9562, any case, braces allowed) becomes
    'urn:uuid:' and the UUID in lower case (RFC 4122's URN form); a URI is used as typed."""
    found = _UUID.match(pinned.strip())
    return f"urn:uuid:{found.group(1).lower()}" if found else pinned


def make_guid(settings: Settings, day: date, slug: str, pinned: str) -> str:
    """The article's permanent feed id: never from base_url or the file's folder."""
    if pinned:
        return guid_from_id(pinned)
    return f"tag:{settings.site_id}:{day.isoformat()}/{slug}"


def validate(doc: Document, settings: Settings, content_dir: Path) -> (
    tuple[Article | None, list[Diagnostic]]
):
    """Check every field of one document; an Article only when there is no error."""
    check = _Checker(doc)
    front = doc.front
    check.unknown(front, KNOWN_FIELDS)
    title = _title(check, front)
    published = _date_field(check, front, "date", settings.tz, required=True)
    updated = _date_field(check, front, "updated", settings.tz, required=False)
    if published and updated and updated < published:
        check.error(
            front.line_of("updated"),
            f"updated ({updated.isoformat()}) is before date ({published.isoformat()})",
            "an update cannot come before publication; fix one of the two",
        )
    country = _country(check, front)
    credits = check.mapping(front, "credits", "credits")
    authors: tuple[str, ...] = ()
    image_credit = ""
    sources: tuple[str, ...] = ()
    if credits is None:
        if "credits" not in front or front["credits"] is None:
            _author_missing(check, front, "add 'credits:' with an indented 'author: Name' line")
    else:
        check.unknown(credits, KNOWN_CREDITS, "credits.")
        authors = check.text_list(credits, "author", "credits.author")
        if not authors and "author" not in credits:
            _author_missing(check, front, "add an indented 'author: Name' line under credits:")
        elif not authors and not any(p.line == credits.line_of("author")
                                     for p in check.problems):
            check.missing(credits, "author", "credits.author", "write the byline after 'author:'")
        image_credit = check.text(credits, "image", "credits.image")
        sources = check.text_list(credits, "sources", "credits.sources")
    check.misplaced_fields(front)
    lines = {key: front.line_of(key) for key in ("slug", "id", "date", "tags") if key in front}
    if credits is not None and "author" in credits:
        lines["author"] = credits.line_of("author")
    tags = _tags(check, front, lines)
    summary = _summary(check, front)
    image = _image(check, front, doc, content_dir, settings.max_image_size)
    if image_credit and image is None and "image" not in front:
        check.warn(credits.line_of("image") if credits is not None else 1,
                   "credits.image is given but the article has no image, so the credit is "
                   "not shown anywhere",
                   "add the image (image: with src: and alt:) or remove the credit")
    slug = _slug(check, front, doc)
    pinned = _pinned_id(check, front)
    draft = _draft(check, front)
    corrections = _corrections(check, front, published, settings.tz)
    aliases = _aliases(check, front)
    featured = _featured(check, front)
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
        authors=authors,
        image_credit=image_credit,
        sources=sources,
        tags=tags,
        summary=summary,
        image=image,
        body=doc.body,
        body_line=doc.body_line,
        guid=make_guid(settings, published.date(), slug, pinned),
        draft=draft,
        date_has_time=_has_time(front.get("date")),
        updated_has_time=_has_time(front.get("updated")),
        corrections=corrections,
        aliases=aliases,
        featured=featured,
        aliases_line=front.line_of("aliases") if aliases else 0,
        lines=tuple(sorted(lines.items())),
    )
    return article, check.problems


def _author_missing(check: _Checker, front: Mapping, hint: str) -> None:
    """credits.author is missing: say so, naming a top-level author: line if there is one."""
    for key in ("author", "authors", "byline"):
        if key in check.misplaced:
            line = check.misplaced.pop(key)
            check.error(line, f"credits.author is missing: '{key}:' must be indented under "
                        "'credits:'", f"write 'credits:' on its own line, then "
                        f"'  author: {_inline(front.get(key))}' indented below it")
            return
    if "credits" in front and front["credits"] is None:
        check.missing(front, "credits", "credits.author", hint)
    elif "credits" in check.misspelt:
        check.missing(front, "credits", "credits", hint)
    else:
        check.error(front.line_of("credits"), "credits.author is missing", hint)
