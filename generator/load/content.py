"""Find article files, read them safely and split YAML front matter from the Markdown body.

YAML is read with a safe loader that never constructs objects, keeps the line of every
key and list item, and refuses duplicate keys. An unquoted value is the text the editor
typed: YAML 1.1's implicit types (numbers, `yes`/`no`, dates, base-60 `12:30`) are not
applied, so `title: 3.10` is "3.10" and `country: NO` is "NO". Only null (`~`, `null`, an
empty value) keeps its meaning, "no value", with the typed word remembered for messages;
true/false words are read as booleans only in the boolean fields (BOOLEAN_FIELDS).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, error
from generator.load.encoding import UTF16_FIX, binary, not_utf8, utf16
from generator.load.fences import never_closed, no_start
from generator.load.file_names import editors_notes, leftover, misnamed_article
from generator.load.files import (
    child_maker,
    folder_link,
    inside,
    link_problem,
    looped,
    unread_link,
    unreadable,
    unreadable_name,
    walk,
)
from generator.load.foreign import toml_front_matter
from generator.load.invisible import CONTROL, control_errors, has_control, has_name_control
from generator.load.look_alikes import look_alike_errors
from generator.load.yaml_lines import indented_fixes, indented_lines
from generator.load.yaml_lists import duplicate_errors
from generator.load.yaml_lost import cut_short, explicit_tags, lost_text, untagged_data
from generator.load.yaml_slips import typing_slips
from generator.settings_file import settings_named

FENCE = "---"


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers the file line of each key and of itself.

    `nulls` maps each key whose value YAML read as null ("no value") to the word typed
    (`~`, `null`, `Null`, or '' for nothing), so a message can quote it.
    """

    line: int
    lines: dict[str, int]
    nulls: dict[str, str]
    # (key, value, line) of each value a later line with the same key replaced: still
    # checked (authors.yaml), so that a duplicate does not hide the first one's mistakes.
    shadowed: tuple[tuple[str, Any, int], ...] = ()
    typed = ""  # `{...}` as typed, when written on one line (a fix quotes it)

    def __init__(self, line: int = 1) -> None:
        super().__init__()
        self.line = line
        self.lines = {}
        self.nulls = {}
        self.ends: dict[str, tuple[int, int]] = {}  # each value's last line, key's indent

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def spans(self, key: str) -> str:
        """'' or, for a block list or `>` value, ' (in place of lines 3-5, the whole value)',
        with ', with the 2 spaces before 'key:'' for an indented key (prober4 M3)."""
        (last, indent), first = self.ends.get(key, (0, 0)), self.line_of(key)
        kept = f", with the {indent} space{'s' * (indent > 1)} before '{key}:'" * bool(indent)
        return f" (in place of lines {first}-{last}, the whole value{kept})" * (last > first)


class Items(list[Any]):
    """A YAML list that remembers the file line of each item and the words read as null."""

    line: int
    lines: list[int]
    nulls: dict[int, str]
    typed = ""  # `[...]` as typed, when written on one line (`title: [Live]`: a fix quotes it)

    def __init__(self, line: int = 1) -> None:
        super().__init__()
        self.line = line
        self.lines = []
        self.nulls = {}

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


# Fields whose plain words true/false, yes/no, on/off are YAML 1.1 booleans.
BOOLEAN_FIELDS = frozenset({"draft", "featured"})
_TRUE = frozenset({"true", "yes", "on"})
_BOOL_WORD = re.compile(
    r"^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF)$"
)
_NULL_TAG = "tag:yaml.org,2002:null"
# Only null and the merge key `<<` are resolved implicitly; every other plain scalar is text.
_RESOLVERS = {
    ch: [(tag, rx) for tag, rx in resolvers if tag in (_NULL_TAG, "tag:yaml.org,2002:merge")]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class Document:
    """One article file split into front matter and body, before validation."""

    path: Path
    source: str  # path relative to the content directory, with '/' separators
    front: Mapping
    body: str
    body_line: int


@dataclass(slots=True)
class _Duplicates:
    found: list[tuple[str, int, int]] = field(default_factory=list)


_SURROGATE = re.compile("[\ud800-\udfff]")
_FAST = getattr(yaml, "CSafeLoader", None)  # libyaml's parser, when PyYAML was built with it
# Things that open one more level of nesting on the same line. libyaml composes nodes
# recursively in C, so a hostile file nested thousands deep would crash it; a text short
# enough and with few of these is parsed by it, any other by the pure-Python parser
# (which stops with a RecursionError). Block mappings nest by indentation: in 50,000
# characters at most about 300 levels.
_OPENERS = ("[", "{", "- ", "-\n", "-\r", "-\t", "? ")


def _shallow(text: str) -> bool:
    return len(text) <= 50_000 and sum(text.count(o) for o in _OPENERS) <= 500


def _construct_value(loader: Any, key: str, node: yaml.Node) -> Any:
    if (
        key in BOOLEAN_FIELDS
        and isinstance(node, yaml.ScalarNode)
        and not node.style
        and _BOOL_WORD.match(node.value)
    ):
        return node.value.lower() in _TRUE
    return loader.construct_object(node, deep=True)


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> Items:
    first_line: int = loader.first_line
    items = Items(node.start_mark.line + first_line)
    items.typed = _flow_typed(loader, node)
    for index, child in enumerate(node.value):
        items.append(loader.construct_object(child, deep=True))
        items.lines.append(child.start_mark.line + first_line)
        if _is_null(child):
            items.nulls[index] = child.value
    return items


def _typed_key(loader: Any, node: yaml.Node) -> str:
    start, end = node.start_mark.index, node.end_mark.index
    return str(node.value if isinstance(node, yaml.ScalarNode) else loader.text[start:end])


def _flow_typed(loader: Any, node: yaml.CollectionNode) -> str:
    start, end = node.start_mark, node.end_mark
    typed = str(loader.text[start.index : end.index]) if node.flow_style else ""
    return typed if start.line == end.line and typed[:1] in ("[", "{") else ""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> Mapping:
    first_line: int = loader.first_line
    loader.flatten_mapping(node)
    mapping = Mapping(node.start_mark.line + first_line)
    mapping.typed = _flow_typed(loader, node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + first_line
        if not isinstance(key, str):  # `null:`, `[a]:`: named as typed, not as Python's
            key = _typed_key(loader, key_node)
        if CONTROL.search(key):
            key = ascii(key)[1:-1]  # shown in messages: keep it printable
        if key in mapping:
            loader.duplicates.found.append((key, mapping.lines[key], line))
            mapping.shadowed += ((key, mapping[key], mapping.lines[key]),)
        mapping[key] = _construct_value(loader, key, value_node)
        mapping.lines[key] = line
        end, indent = value_node.end_mark, 0 if node.flow_style else key_node.start_mark.column
        last = end.line + first_line - (end.column == 0 and end.line > key_node.start_mark.line)
        mapping.ends[key] = (last, indent)
        mapping.nulls.pop(key, None)  # a duplicate key's earlier null is replaced
        mapping.nulls.update({key: value_node.value} if _is_null(value_node) else {})
    return mapping


def _loader_class(base: Any) -> Any:
    """A SafeLoader (on `base`) whose mappings and lists record file lines (`_loader` gives
    each loader its text's first line) and whose plain values are text."""

    Loader: Any = type("Loader", (base,), {})
    Loader.yaml_implicit_resolvers = {ch: list(r) for ch, r in _RESOLVERS.items() if r}
    Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
    Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
    Loader.add_constructor("tag:yaml.org,2002:merge", _construct_str)  # `title: <<` is text
    return Loader


def _construct_str(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    # Text is kept as typed (no NFC: U+FA10 is not U+585A in a name); what matches names
    # (countries, topics, slugs, bylines, translation keys) compares them in NFC itself.
    text = loader.construct_scalar(node)
    if _SURROGATE.search(text):  # "\\ud83d\\ude00", an emoji spelt as UTF-16 escapes
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
    return str(text)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG


# One loader class per parser, made once (one a file was a tenth of reading an article).
_LOADERS: dict[Any, Any] = {b: _loader_class(b) for b in (yaml.SafeLoader, _FAST) if b}


def _loader(text: str, first_line: int, found: _Duplicates, base: Any = yaml.SafeLoader) -> Any:
    """A loader of `text`, which begins on file line `first_line`; duplicates go in `found`."""
    loader = _LOADERS[base](text)
    loader.first_line, loader.duplicates, loader.text = first_line, found, text
    return loader


def parse_front_matter(text: str, first_line: int, source: str) -> tuple[Any, list[Diagnostic]]:
    """Parse YAML whose first line is file line `first_line`; never raises for bad YAML.

    A value written after a YAML tag (`!!float 5`) is an error, found before any value is
    made (PyYAML's constructors would convert it, drop it or fail on it): the value is then
    read as the text typed, so that the rest of the file is still checked. A typing slip
    YAML would read as something else (`title:Storm`, `tags: #Climate`) is an error that
    stops the reading. The data comes back with the errors that leave it readable (a
    field given twice, a tag, a label, a comment): the caller checks the rest of it too;
    it is None when the text cannot be read."""
    slips = look_alike_errors(text, first_line, source) or typing_slips(text, first_line, source)
    if slips:
        return None, slips
    tagged = explicit_tags(text, first_line, source, _FAST or yaml.SafeLoader)
    if _FAST is not None and _shallow(text):
        duplicates = _Duplicates()
        fast = _loader(text, first_line, duplicates, _FAST)
        try:
            data = untagged_data(fast, bool(tagged))
        except (yaml.YAMLError, RecursionError):
            pass  # parsed again below, for the pure-Python parser's messages
        else:
            return data, tagged + duplicate_errors(source, duplicates.found, data) + lost_text(
                text, first_line, source, _FAST
            )
        finally:
            fast.dispose()
    duplicates = _Duplicates()
    loader = _loader(text, first_line, duplicates)
    try:
        data = untagged_data(loader, bool(tagged))
    except yaml.MarkedYAMLError as exc:
        # A comment that cut a value short often breaks what follows: named first.
        return None, tagged or cut_short(text, first_line, source, exc)
    except yaml.YAMLError as exc:
        return None, tagged or [error(source, first_line, f"front matter is not valid YAML: {exc}")]
    except RecursionError:
        # PyYAML composes nested lists and mappings recursively; a hostile file can nest
        # thousands deep. The reader's position is where the nesting was being read.
        return None, [
            error(
                source,
                loader.get_mark().line + first_line,
                "front matter is nested too deeply to be an article's fields",
                "write each field as plain text or a short list",
            )
        ]
    finally:
        loader.dispose()
    return data, tagged + duplicate_errors(source, duplicates.found, data) + lost_text(
        text, first_line, source
    )


def decode(raw: bytes, source: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode UTF-8 (a byte-order mark is allowed), rejecting NUL bytes; normalise newlines."""
    if (wide := utf16(raw)) is not None:
        return None, [error(source, 1, wide, UTF16_FIX)]
    if (data := binary(raw, source)) is not None:  # a picture, a PDF: not text at all
        return None, [data]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [not_utf8(raw, exc.start, source)]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [error(source, line, "contains a NUL byte", "remove it; articles are text")]
    if has_control(text):  # one error for each line that holds one
        return None, control_errors(CONTROL.finditer(text), text, source)
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


_FENCE_LINE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def split(text: str, source: str) -> tuple[str, str, int] | Diagnostic:
    """Return (front matter, body, body's first line) or the reason the fences are wrong."""
    if not text.strip():
        return error(
            source,
            1,
            "the file is empty",
            "write the story in it ('newsdigest new \"Headline\"' starts one), or delete the file",
        )
    if not text.startswith(FENCE) or not _FENCE_LINE.match(text):
        return toml_front_matter(text, source) or no_start(text, source)
    first_nl = text.find("\n")
    if first_nl < 0:
        return error(source, 1, "front matter is never closed", "add a line '---' after the fields")
    closing = _FENCE_LINE.search(text, first_nl + 1)
    if closing is None:
        return never_closed(text, source)
    front = text[first_nl + 1 : closing.start()]
    body_start = text.find("\n", closing.end())
    body = "" if body_start < 0 else text[body_start + 1 :]
    body_line = text[: closing.start()].count("\n") + 2 - (not body)  # none: the '---' line
    return front, body, body_line


def read_document(
    path: Path, source: str, max_size: int
) -> tuple[Document | None, list[Diagnostic]]:
    """Read one file into a Document, or return why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > max_size:
            return None, [
                error(
                    source,
                    1,
                    f"file is {size} bytes, over the limit of {max_size} bytes",
                    "shorten the article, or raise max_file_size in "
                    + settings_named(path.parents[len(Path(source).parts)]),
                )
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(source, 1, f"cannot read the file: {exc.strerror}", unreadable(exc))]
    return parse_document(raw, source, path)


def body_of(raw: bytes, source: str) -> str | None:
    """The body Markdown of an article file's bytes, as `read_document` gives it (for an
    article loaded from the build cache without it); None when they are not an article's."""
    text, _ = decode(raw, source)
    parts = split(text, source) if text is not None else None
    return parts[1] if isinstance(parts, tuple) else None


def parse_document(raw: bytes, source: str, path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """An article file's bytes -> Document (front matter and body), or why it is not one.

    A Document can come with errors (a field given twice, a YAML tag, a label): its
    fields are read as well as they can be and are still checked, so that one run names
    every mistake of the file; an article is never made of it. `path` is where the bytes
    are (or were: `check --base` reads them from git)."""
    text, problems = decode(raw, source)
    if text is None:
        return None, problems
    parts = split(text, source)
    if isinstance(parts, Diagnostic):
        return None, [parts]
    front_text, body, body_line = parts
    data, problems = parse_front_matter(front_text, 2, source)
    if problems:  # (most stories have none: their lines are not read again)
        problems = indented_fixes(problems, indented_lines(front_text, 2))  # credits' `  image:`
    if data is None and not problems:
        data = Mapping(2)
    if data is None:
        return None, problems
    if not isinstance(data, Mapping):
        return None, problems + [
            error(
                source,
                2,
                "front matter must be a set of 'field: value' lines",
                "write fields such as 'title: ...' and 'date: ...', one per line",
            )
        ]
    return Document(path, source, data, body, body_line), problems


def find_articles(content_dir: Path) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Every *.md file under content_dir, sorted, with its name relative to content_dir.

    Hidden files and folders are skipped, with a warning for each .md among them. Symlinks
    that lead outside content_dir (files or folders) are reported and never read; so are a
    file link to another article and an article file with another Markdown extension.
    """
    root = content_dir.resolve()
    found: list[tuple[Path, str]] = []
    problems: list[Diagnostic] = []
    seen = {root}
    top = str(content_dir)
    for dirpath, dirnames, filenames, links in walk(top):
        here = Path(dirpath)
        child = child_maker(here)
        folder = dirpath[len(top) :].strip(os.sep).replace(os.sep, "/")  # relative, '/'
        prefix = folder + "/" if folder else ""
        for name in sorted(dirnames, key=lambda name: (here / name).is_symlink()):  # real first
            if has_name_control(name):
                dirnames.remove(name)
                problems.append(unreadable_name(here / name, content_dir))
                continue
            real = (here / name).resolve()
            if name.startswith(".") or real in seen or not inside(real, root):
                dirnames.remove(name)
                if name.startswith("."):  # a story inside is a warning (hidden_articles)
                    problems.extend(misnamed_article(prefix + name, here / name))
                else:
                    problems.extend(folder_link(here / name, content_dir, real in seen))
            seen.add(real)
        dirnames.sort()
        for name in sorted(filenames):
            path = child(name)
            if name in links and (looped(path) or not path.exists()):  # any name: unread
                problems.append(unread_link(path, content_dir))
            elif (notes := editors_notes(prefix + name, path)) is not None:
                problems.extend(notes)  # README.md: the folder's notes, not a story
            elif name.startswith(".") or not name.endswith(".md"):
                problems.extend(misnamed_article(prefix + name, here / name))
            elif has_name_control(name):
                problems.append(unreadable_name(path, content_dir))
            elif name in links and (wrong := link_problem(path, prefix + name, root, content_dir)):
                problems.append(wrong)  # a link out of content/, or to another story's file
            elif backup := leftover(prefix + name, path):
                problems.append(backup)  # story_LOCAL_4242.md: git mergetool's, not read
            else:
                found.append((path, prefix + name))
    return found, problems
