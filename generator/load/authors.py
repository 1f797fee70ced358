"""The author registry: `authors.yaml` beside the settings file, checked like an article.

    Asha Rao:                       # a byline exactly as in credits.author
      slug: asha-rao                # the author page's URL segment (default: from the name)
      bio: Covers science for the desk.
      url: https://asha.example.org/
      fediverse: "@asha@mastodon.social"   # or the profile: https://mastodon.social/@asha
      image: authors/asha.jpg       # relative to the registry's folder
      type: Person                  # or Organization

Every value is optional and the file itself too. Unknown keys, wrong types, a malformed handle
or URL are errors on their line (`authors.yaml:LINE:`); Markdown or HTML in a bio a warning. A
byline in other capitals or spaces (`asha rao`) is that author, warned (load/bylines.py)."""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostic, error, warning
from generator.load import slugs
from generator.load.content import Mapping, parse_front_matter
from generator.load.encoding import UTF16_FIX, utf16
from generator.load.fields import AUTHOR_FIELDS as KNOWN
from generator.load.files import REGISTRY as FILE_NAME
from generator.load.files import registry_path
from generator.load.invisible import CONTROL, control_error, invisible_error
from generator.load.measure import probe, probe_fix
from generator.load.plain_text import plain_text_notes
from generator.load.yaml_lines import key_slip, quoted_hint, value_slip
from generator.model import Article, Author, Picture, with_values
from generator.settings_file import file_named

TYPES = ("Person", "Organization")
HANDLE = re.compile(r"^@([A-Za-z0-9_][A-Za-z0-9_.-]*)@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$")
PROFILE = re.compile(
    r"^https://([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)/@([A-Za-z0-9_][A-Za-z0-9_.-]*)/?$"
)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SIZE = 1_000_000


@dataclass(frozen=True, slots=True)
class Registry:
    """The registered authors by byline, and the file they come from (None: no file)."""

    authors: dict[str, Author]
    path: Path | None = None
    source: str = FILE_NAME  # the diagnostics' path, relative to the content folder
    pinned: frozenset[str] = frozenset()  # the bylines whose entry gives a `slug:`

    def author(self, byline: str) -> Author:
        """The byline's author: as registered, or a Person with a slug made from the name."""
        found = self.authors.get(byline)
        return found if found is not None else Author(_slug(byline), byline)

    def apply(self, articles: list[Article]) -> list[Article]:
        """Each article with its bylines as Authors (terms of the authors taxonomy); an
        article whose bylines are those already is kept as it is. Each name is looked up
        (and slugged) once, and each list of bylines made once."""
        found: dict[str, Author] = {}
        made: dict[tuple[str, ...], tuple[Author, ...]] = {}
        spelt = self.spellings()

        def author(name: str) -> Author:
            key = unicodedata.normalize("NFC", name)  # accents composed or not: one author
            known = found.get(key)
            if known is None:
                known = found[key] = self.author(spelt.get(same_name(name), name))
            return known

        out = []
        for article in articles:
            bylines = made.get(article.authors)
            if bylines is None:  # 'asha rao' and 'Asha Rao' in one story: one author
                named = {a.name: a for a in map(author, article.authors)}
                bylines = made[article.authors] = tuple(named.values())
            names = tuple(a.name for a in bylines)
            if names != article.authors:  # written as registered (load/bylines.py warns)
                out.append(with_values(article, bylines=bylines, authors=names))
            else:
                same = bylines == article.bylines
                out.append(article if same else with_values(article, bylines=bylines))
        return out

    def spellings(self) -> dict[str, str]:
        """Each registered byline by its `same_name` key (left out: a key that two
        registered names share, which only their exact spelling names)."""
        keys = {name: same_name(name) for name in self.authors}
        shared = Counter(keys.values())
        return {k: name for name, k in keys.items() if shared[k] == 1}


EMPTY = Registry({})


def fediverse(written: str) -> tuple[str, str]:
    """A `fediverse:` value -> (the handle '@name@server', the profile's address
    'https://server/@name'), from either form; (written, '') when it is neither."""
    found = HANDLE.match(written)
    if found:
        return written, f"https://{found.group(2)}/@{found.group(1)}"
    found = PROFILE.match(written)
    if found:
        return f"@{found.group(3)}@{found.group(1)}", written
    return written, ""


def _parsed(text: str, source: str) -> tuple[Any, list[Diagnostic]]:
    """authors.yaml read, with its problems. A YAML mistake on a line (`bio: Science
    correspondent: Bengaluru.` unquoted) hides none of the others: that line is left out
    and the rest read again (up to 20 times), so every entry is still checked and every
    byline compared with them; the mistake itself is reported and fails the check."""
    lines = text.split("\n")
    said: list[Diagnostic] = []
    for _ in range(20):
        data, problems = parse_front_matter("\n".join(lines), 1, source)
        problems = [_renamed(p) for p in problems]
        stop = [p for p in problems if p.severity == "error"][:1]
        if data is not None or not stop or not 0 < stop[0].line <= len(lines):
            return data, said + problems
        if not lines[stop[0].line - 1].strip():
            return data, said + problems  # left out already: no further
        said += stop
        _leave_out(lines, stop[0].line - 1)
    return None, said


def _leave_out(lines: list[str], at: int) -> None:
    """Blank line `at` and the lines indented under it (an entry's `bio:`, a bio's next
    lines), which would otherwise join the entry above it."""
    depth = len(lines[at]) - len(lines[at].lstrip())
    lines[at] = ""
    for number in range(at + 1, len(lines)):
        line = lines[number]
        if line.strip() and len(line) - len(line.lstrip()) <= depth:
            return
        lines[number] = ""


def load(
    project: Path, content_dir: Path, max_image_size: int = 20_000_000
) -> tuple[Registry, list[Diagnostic]]:
    """Read `authors.yaml` in the site folder `project` (an empty registry when there is
    none); its diagnostics name the file relative to `content_dir`, as cli prints paths."""
    path = registry_path(project)
    if not path.is_file():
        return EMPTY, []
    source = os.path.relpath(path, content_dir).replace(os.sep, "/")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return EMPTY, [error(source, 0, f"cannot be read ({exc.strerror})")]
    if len(raw) > MAX_SIZE:
        return EMPTY, [
            error(
                source,
                1,
                f"is {len(raw)} bytes, over {MAX_SIZE}",
                "keep the registry to bylines and short bios",
            )
        ]
    if (wide := utf16(raw)) is not None:
        return EMPTY, [error(source, 1, wide, UTF16_FIX)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return EMPTY, [error(source, 1, "is not UTF-8 text", "save it as UTF-8")]
    data, problems = _parsed(text, source)
    if data is None:
        return Registry({}, path, source), problems
    if not isinstance(data, Mapping):
        return Registry({}, path, source), problems + [
            error(
                source,
                1,
                "must be a set of bylines, each with its fields",
                'write one byline per line, ending in ":", and its fields indented under it',
            )
        ]
    check = _Check(source, path.parent, max_image_size)
    check.lines = text.split("\n")
    check.taken = _pages(data)
    for byline, fields, line in data.shadowed:  # a name given twice: both entries checked
        check.entry(byline, fields, line)
    authors = {}
    for byline, fields in data.items():
        author = check.entry(byline, fields, data.line_of(byline))
        if author is not None:
            authors[byline] = author
    check.slugs_unique(data)
    pinned = frozenset(check.pinned)
    return Registry(authors, path, source, pinned), problems + check.problems


def _pages(data: Mapping) -> dict[str, str]:
    """The author page each entry of the registry asks for (its `slug:` when it is one,
    else the one made from its name) -> the entry's name: the slugs a fix may not offer."""
    pages: dict[str, str] = {}
    for byline, fields in data.items():
        name = " ".join(str(byline).split())
        typed = fields.get("slug") if isinstance(fields, Mapping) else None
        slug = typed if isinstance(typed, str) and SLUG.match(typed) else _slug(name)
        pages.setdefault(slug, name)
    return pages


def _renamed(problem: Diagnostic) -> Diagnostic:
    """A YAML message from the front-matter reader, in the registry's words."""
    return Diagnostic(
        problem.path,
        problem.line,
        problem.severity,
        problem.message.replace("front matter", "authors.yaml"),
        problem.hint,
    )


class _Fields:
    """The fields of the registry's entries (text, url, slug, image, unknown keys), each
    problem an error on its line of authors.yaml (`problems`)."""

    def __init__(self, source: str, folder: Path, max_image_size: int) -> None:
        self.source = source
        self.folder = folder
        self.max_image_size = max_image_size
        self.problems: list[Diagnostic] = []
        self.taken: dict[str, str] = {}  # author page's slug -> the name of its entry

    def error(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(error(self.source, line, message, hint))

    def text(self, fields: Mapping, key: str, label: str) -> str:
        if key not in fields or fields[key] is None:
            return ""
        value = fields[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(
                fields.line_of(key),
                f"{label}.{key} must be text, not "
                f"{type(value).__name__ if not isinstance(value, list) else 'a list'}",
                quoted_hint(key, value)
                or f"write {key} as one line of text; put it in quotes if it contains ': '",
            )
            return ""
        text = " ".join(str(value).split())
        if found := CONTROL.findall(str(value)):
            line = fields.line_of(key)
            self.problems.append(control_error(self.source, line, f"{label}.{key}", "".join(found)))
            return ""
        return text

    def _url(self, fields: Mapping, label: str) -> str:
        """The author's `url:` as written; an error when it is not an https:// address
        (the site is https only, like an article's `image.src`: README, Bylines)."""
        url = self.text(fields, "url", label)
        if url and not _web_url(url):
            self.error(
                fields.line_of("url"),
                f"{label}.url {url!r} is not a web address",
                "write the author's own page in full: https://example.org/asha",
            )
        elif url and urlsplit(url).scheme != "https":
            self.error(
                fields.line_of("url"),
                f"{label}.url {url!r} is an http:// address; an author's page is linked "
                "only with https://, as the site itself is",
                f"write https://{url.split('://', 1)[1]} if the author's site has it (most "
                "do); otherwise leave url out",
            )
        return url

    def _slug_field(self, fields: Mapping, label: str, name: str) -> str | None:
        """The author's `slug:` ('' when none), or None when it is not a URL segment of
        a-z, 0-9 and '-' within slugs.MAX_SEGMENT (the error reported, with the slug made
        from the value typed, else from the author's `name`, as its fix)."""
        slug = self.text(fields, "slug", label)
        if slug and not SLUG.match(slug):
            machine = slugs.poorly_spelt_script(name)  # '中村' -> zhong-cun: not a name
            made = [slugs.make(slug), "" if machine else slugs.make(name)]  # ben-li
            free = [m for m in made if m and self.taken.get(m, name) == name]
            placeholder = slug.startswith("<") and slug.endswith(">")  # the fix's, unfilled
            meant = free[0] if free and not placeholder else ""  # never another author's page
            romanised = "the name in romanised words, 'slug: <firstname-lastname>'"
            self.error(
                fields.line_of("slug"),
                f"{label}.slug {slug!r} is not a URL slug",
                "use lower-case letters a-z, digits and single hyphens: "
                + (f"slug: {meant}" if meant else romanised),
            )
            return None
        if slug and slugs.too_long(slug):
            self.error(fields.line_of("slug"), *slugs.too_long_message(f"{label}.slug", slug))
            return None
        return slug

    def _unknown(self, fields: Mapping, label: str) -> None:
        """An error for each field of an author this registry does not know."""
        for key in fields:
            if key not in KNOWN:
                close = difflib.get_close_matches(key, KNOWN, n=1, cutoff=0.6)
                hint = (
                    f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(KNOWN)}"
                )
                slip = key_slip(key, fields[key], KNOWN, "  ")  # `  bio Reporter: courts.`
                said = slip or (f"{label}: unknown field {key!r}", hint)
                self.error(fields.line_of(key), *said)

    def _image(self, fields: Mapping, label: str) -> tuple[str, Picture | None]:
        ref = self.text(fields, "image", label)
        if not ref:
            return "", None
        path = (self.folder / ref).resolve()
        try:  # first: whether a file outside the folder exists is none of the site's business
            relative = path.relative_to(self.folder.resolve()).as_posix()
        except ValueError:
            self.error(
                fields.line_of("image"),
                f"{label}.image {ref!r} is outside the site's folder",
                "keep the photos in the site's folder, like authors/asha.jpg",
            )
            return "", None
        if not path.is_file():
            found = file_named(self.folder, path.name)  # 'asha.jpg' for authors/asha.jpg
            self.error(
                fields.line_of("image"),
                f"{label}.image {ref!r} does not exist (looked for {path})",
                f"did you mean {found!r}? write: image: {found}"
                if found
                else f"put {path.name} in {path.parent}, or give the photo's path from "
                "authors.yaml's folder",
            )
            return "", None
        picture = probe(path, self.max_image_size)
        if isinstance(picture, str):
            self.error(
                fields.line_of("image"),
                f"{label}.image {ref!r} {picture}",
                probe_fix(picture, "give its path here", path.name),
            )
            return "", None
        return relative, picture


class _Check(_Fields):
    """The registry's entries as Authors, and their author pages compared."""

    def __init__(self, source: str, folder: Path, max_image_size: int) -> None:
        super().__init__(source, folder, max_image_size)
        self.pages: dict[Any, str] = {}  # byline -> slug of each entry with a usable one
        self.pinned: set[str] = set()  # the names (Author.name) given a usable `slug:`
        self.lines: list[str] = []  # authors.yaml's lines, for a field missing its colon

    def entry(self, byline: Any, fields: Any, line: int) -> Author | None:
        name = " ".join(str(byline).split())
        label = repr(name)
        if fields is None:
            fields = Mapping(line)
        if not isinstance(fields, Mapping):
            said = value_slip(self.lines, line, fields, KNOWN) or (  # `  slug dev-patel`
                line,
                f"{label} must have fields (slug, bio, url, fediverse, image, type) or none",
                f"write '{name}:' alone, or its fields indented under it",
            )
            self.error(*said)
            return None
        errors = sum(p.severity == "error" for p in self.problems)  # (a warning keeps all)
        unseen = invisible_error(self.source, line, "authors.yaml", name)
        self.problems.extend([unseen] if unseen else [])
        self._unknown(fields, label)
        bio = self.text(fields, "bio", label)
        notes = plain_text_notes("bio", bio, f"{label}.bio")  # Markdown, HTML: as typed
        at, spans = fields.line_of("bio"), fields.spans("bio")  # a `>` bio: its lines
        self.problems += [warning(self.source, at, said, fix + spans) for said, fix in notes]
        slug = self._slug_field(fields, label, name)
        if slug is not None:  # compared with the others even when another field has an error
            self.pages[byline] = slug or _slug(name)
            if slug:
                self.pinned.add(name)
        url = self._url(fields, label)
        handle, profile = fediverse(self.text(fields, "fediverse", label))
        if handle and not profile:
            self.error(
                fields.line_of("fediverse"),
                f"{label}.fediverse {handle!r} is not a fediverse handle or profile address",
                'write the handle as "@name@server", in quotes ("@asha@mastodon.social"), '
                "or the profile's address (https://mastodon.social/@asha)",
            )
        kind = self.text(fields, "type", label) or "Person"
        if kind not in TYPES:
            self.error(
                fields.line_of("type"),
                f"{label}.type must be Person or Organization, not {kind!r}",
                "a desk or an agency is an Organization",
            )
        image, picture = self._image(fields, label)
        if sum(p.severity == "error" for p in self.problems) > errors:  # the build stops
            return Author(slug or _slug(name), name, type=kind if kind in TYPES else "Person")
        return Author(
            slug or _slug(name),
            name,
            bio,
            url,
            handle,
            image,
            picture,
            kind,
            str(self.folder) if image else "",
            profile,
        )

    def slugs_unique(self, data: Mapping) -> None:
        """An error for each entry whose author page another entry has too, whether or
        not either has other errors (all are listed in one run)."""
        seen: dict[str, Any] = {}
        for byline, slug in self.pages.items():
            if slug in seen:
                self.error(
                    data.line_of(byline),
                    f"{byline!r} has the same author page /authors/{slug}/ as {seen[slug]!r}",
                    "give one of them its own 'slug:'",
                )
            seen.setdefault(slug, byline)


def same_name(byline: str) -> str:
    """What two bylines that differ only in capitals or spaces share ('asha rao', 'Asha
    Rao', 'AshaRao' -> 'asharao'), accents composed alike (Unicode NFC)."""
    return "".join(unicodedata.normalize("NFC", byline).casefold().split())


def _slug(name: str) -> str:
    return slugs.make(name) or slugs.fallback(name, "author")


def _web_url(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and bool(parts.netloc)
        and not any(c.isspace() for c in url)
    )
