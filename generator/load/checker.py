"""The Checker: reads the fields of one document and collects what is wrong with them.

Its readers (text, list of text, set of fields) report a wrong value in the editor's
words, with the field's line and how to fix it; unknown, misspelt and misplaced keys
are reported once. The field rules themselves are in validate and the modules it calls.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from generator.diagnostics import Diagnostic, error, warning
from generator.load import fields
from generator.load.content import Document, Items, Mapping
from generator.load.fields_as_text import image_lines, typed_line
from generator.load.foreign import foreign_field
from generator.load.held_back import field_slip, nested_draft
from generator.load.invisible import CONTROL, blank_error, control_error, invisible_error
from generator.load.plain_text import plain_text_notes
from generator.load.stray_marks import stray_marks
from generator.load.wrong_group import in_another_group
from generator.load.yaml_lines import inline, key_slip, quoted_hint
from generator.load.yaml_lists import double_quoted, written

# A name typed with the list mark but not its space (`-Climate`): the letter right after.
DASH_SLIP = re.compile(r"-[^\W\d_]")
REQUIRED_FIELDS = fields.required()  # declared in load/fields.py
# Top-level keys that belong inside a group: key -> the group's field.
BELONGS_UNDER = {
    "author": "credits",
    "authors": "credits",
    "byline": "credits",
    "sources": "credits",
    "source": "credits",
    "src": "image",
    "alt": "image",
    "caption": "image",
}


class Reports:
    """The diagnostics of one document, each on its line."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Diagnostic] = []

    def error(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(error(self.doc.source, line, message, hint))

    def warn(self, line: int, message: str, hint: str = "") -> None:
        self.problems.append(warning(self.doc.source, line, message, hint))


class KeyChecks(Reports):
    """The document's keys: a required field missing (or misspelt: said on the line of
    the key typed), unknown keys, and top-level keys that belong in a group."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.misspelt: dict[str, tuple[str, int]] = {}  # known field -> (typed key, line)
        self.misplaced: dict[str, int] = {}  # top-level key that belongs in a group -> line

    def missing(self, mapping: Mapping, key: str, label: str, hint: str) -> None:
        """Report a required field that is absent or was read as "no value"."""
        line = mapping.line_of(key)
        if key in mapping:
            typed = mapping.nulls.get(key, "")
            what = _what(label)
            if typed == "":
                self.error(line, f"{label} is empty", f"write the {what} after '{key}:'")
            elif typed == "~":
                self.error(
                    line,
                    f"{label}: '~' means \"no value\" in YAML, and {label} is required",
                    f"write the {what} after '{key}:'",
                )
            else:
                self.error(
                    line,
                    f"{label}: the word '{typed}' was read as \"no value\" "
                    "(YAML's null), so there is none",
                    f"if '{typed}' is meant, put it in quotes: {key}: \"{typed}\"",
                )
            return
        if key in self.misspelt:
            typed, typed_line = self.misspelt[key]
            self.error(
                typed_line,
                f"{label} is missing, and '{typed}:' on this line is not a "
                f"field newsdigest knows: did you mean '{key}:'?",
                f"rename '{typed}:' to '{key}:'",
            )
            return
        self.error(line, f"{label} is missing", hint)

    def unknown(self, mapping: Mapping, known: tuple[str, ...], prefix: str = "") -> None:
        for key in mapping:
            if key in known:
                continue
            group = BELONGS_UNDER.get(key.casefold()) if not prefix else None
            if group is not None:
                self.misplaced[key] = mapping.line_of(key)
                continue  # reported by misplaced_fields, or by the group's missing field
            slip = key_slip(key, mapping[key], known, "  " * prefix.count("."))
            if slip is not None:  # `summary Floods: what next`: the colon after 'summary'
                self.error(mapping.line_of(key), *slip)
                continue
            drafted = self.doc.front.get("draft") is True  # held back whatever the slip
            held = (
                nested_draft(prefix, key, mapping[key], drafted)  # `  draft:` under `credits:`
                if prefix
                else field_slip(key, mapping[key], known, drafted)
            )
            if held is not None:  # `Draft: true`, `published: false`: it would be published
                (self.error if held[0] else self.warn)(mapping.line_of(key), *held[1:])
                continue
            other = foreign_field(key, mapping[key], mapping) if not prefix else None
            if other is not None:
                self.warn(mapping.line_of(key), *other)
                continue
            moved = in_another_group(prefix, key, mapping[key], self.doc.front)
            if moved is not None:  # `image:` `credit: Reuters`: credits.image
                self.warn(mapping.line_of(key), *moved)
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if not prefix and close and close[0] in REQUIRED_FIELDS and close[0] not in mapping:
                self.misspelt.setdefault(close[0], (key, mapping.line_of(key)))
                continue  # the missing field's error names it
            hint = (
                f"did you mean '{prefix}{close[0]}'?"
                if close
                else (f"known fields: {', '.join(prefix + k for k in known)}")
            )
            self.warn(mapping.line_of(key), f"unknown field {prefix + key!r} is ignored", hint)

    def misplaced_fields(self, front: Mapping) -> None:
        """Warn about each top-level key that belongs in a group and was not reported yet."""
        for key, line in self.misplaced.items():
            group = BELONGS_UNDER[key.casefold()]
            self.warn(
                line,
                f"'{key}:' is not read at the top level; it belongs under '{group}:'",
                f"indent it by two spaces below a '{group}:' line: '{group}:' then "
                f"'  {_group_key(key)}: {inline(front.get(key))}'",
            )


def _spaced(
    label: str, typed: str, key: str, text: str, item: int, whole: Any = None
) -> tuple[str, str]:
    """(message, fix) for text with spaces at an end inside its quotes (`title: "  Rain  "`,
    tester 3, L10), which are not published: said, so nothing is changed unseen. `item`:
    the number of a list's item (0: a value of its own); `whole`: the list, when it is
    written on one line (the fix is then the whole line: `tags: ["Storm: Day 2", Rain]`)."""
    fix = written(text) if item else f"{key}: {written(text)}"
    if item and isinstance(whole, Items) and whole.typed and all(isinstance(i, str) for i in whole):
        fix = f"{key}: [{', '.join(written(' '.join(i.split())) for i in whole if i.strip())}]"
    return (
        f"{label}{f': item {item}' * bool(item)} {typed!r} has spaces at its start or end, "
        "inside its quotes: they are not published (a page shows none)",
        f"write it without them: {fix}",
    )


class Checker(KeyChecks):
    """Collects diagnostics for one document while its fields are read: its readers
    (text, lists of text, names, groups of fields) and the key checks (KeyChecks)."""

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
                f"{label} must be text, not {kind(value)}{_brackets(value)}",
                quoted_hint(key, value)
                or _colon_hint(value)
                or f"write {label} as one line of text; put it in quotes if it contains ': '",
            )
            return ""
        if not self.printable(str(value), line, label):  # before \x0b, \x1f count as spaces
            return ""
        result = " ".join(str(value).split())
        fix = f"write the {_what(label)} after '{key}:'"
        if required and (blank := blank_error(self.doc.source, line, label, result, fix)):
            self.problems.append(blank)  # '', or '\u200b' alone: no headline (T5)
            return ""
        if result and isinstance(value, str) and value.strip(" \t") != value:
            self.warn(line, *_spaced(label, value, key, result, 0))
        return result

    def printable(self, text: str, line: int, label: str) -> bool:
        """False (after reporting) for text with a control character, e.g. from a YAML escape."""
        found = CONTROL.search(text)
        if found:
            self.problems.append(control_error(self.doc.source, line, label, found.group()))
        return found is None

    def plain(self, mapping: Mapping, key: str, label: str, value: str) -> None:
        """A warning for Markdown or HTML in `value`, the plain-text field `key` (labelled
        `label`), which publishes it as typed (load/plain_text.py)."""
        for message, fix in plain_text_notes(key, value, label):
            self.warn(mapping.line_of(key), message, fix + mapping.spans(key))

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
            if item is None and (said := _null_item(label, number, typed, value)):
                self.error(line, *said)
                continue
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.error(
                    line,
                    f"{label}: item {number} must be text, not {kind(item)}{_brackets(item)}",
                    _quoted_item_hint(key, value, item)
                    or _colon_hint(item, key, value)
                    or f"write {label} as a list of names: [First, Second]",
                )
                continue
            if not self.printable(str(item), line, f"{label}: item {number}"):
                continue
            text = " ".join(str(item).split())
            if text and isinstance(item, str) and item.strip(" \t") != item:
                at = number * isinstance(value, list)
                self.warn(line, *_spaced(label, item, key, text, at, value))
            if text:
                result.append((text, line))
            elif not isinstance(value, list):  # `author: "  "`: no name, not a list
                what = "the byline" if key == "author" else "a name"
                self.error(line, f"{label} is empty", f"write {what} after '{key}:'")
            else:
                self.error(line, f"{label}: item {number} is empty", "remove the empty item")
        return result

    def distinct_items(self, mapping: Mapping, key: str, label: str) -> list[tuple[str, int]]:
        """Like text_items, each text once: a repeat (`author: [A B, A B]`, also after
        spaces are joined: "A  B") is left out with a warning on its line."""
        seen: dict[str, int] = {}
        for text, line in self.text_items(mapping, key, label):
            if text not in seen:
                seen[text] = line
                continue
            where = "" if seen[text] == line else f" (first on line {seen[text]})"
            self.warn(
                line,
                f"{label}: {text!r} is repeated{where}; it is published once",
                f"remove the second {text!r}",
            )
        return list(seen.items())

    def names(self, mapping: Mapping, key: str, label: str) -> list[tuple[str, int]]:
        """distinct_items for names that make a page (topics, bylines): one with an invisible
        character is an error, left out; a stray mark at an end (`Jane Doe"`) a warning."""
        named = [
            (name, line)
            for name, line in self.distinct_items(mapping, key, label)
            if self.seen_as_typed(name, line, label)
        ]
        for name, line in named:
            if DASH_SLIP.match(name):
                self.warn(
                    line,
                    f"{label}: {name!r} starts with '-', which looks like the list mark typed "
                    f"without its space; it would be published as {name!r}",
                    f"remove the '-' before {name[1:]!r}",
                )
        self.problems += stray_marks(self.doc.source, mapping, key, label, named)
        return named

    def seen_as_typed(self, name: str, line: int, label: str, harm: str = "") -> bool:
        """False (after reporting) for a name with a character readers cannot see."""
        problem = invisible_error(self.doc.source, line, label, name, harm)
        if problem is not None:
            self.problems.append(problem)
        return problem is None

    def mapping(self, parent: Mapping, key: str, label: str) -> Mapping | None:
        if key not in parent or parent[key] is None:
            return None
        value = parent[key]
        if key == "image" and isinstance(value, str):
            line = parent.line_of(key)
            self.error(
                line,
                f"image must be a set of fields (src, alt), not just the file name {value!r}",
                image_lines(value, typed_line(self.doc.path, line)),
            )
            return None
        if not isinstance(value, Mapping):
            self.error(
                parent.line_of(key),
                f"{label} must be a set of fields, not {kind(value)}",
                f"indent the fields under '{key}:' by two spaces",
            )
            return None
        return value


def _what(label: str) -> str:
    """A field's label as a fix names it: 'corrections: item 2: text' -> "correction's
    text", 'credits.author' -> 'byline', 'title' -> 'title'."""
    if label.startswith("corrections: item "):
        return "correction's " + label.rsplit(": ", 1)[-1]
    return {"credits.author": "byline"}.get(label, label)


def _group_key(key: str) -> str:
    folded = key.casefold()
    return {"authors": "author", "byline": "author", "source": "sources"}.get(folded, folded)


def _brackets(value: Any) -> str:
    """How YAML read a value typed in brackets on one line: ' (YAML reads [Live] ...)'."""
    typed = getattr(value, "typed", "")
    what = "a list" if typed.startswith("[") else "a set of fields"
    return f" (YAML reads {typed} in brackets as {what})" if typed else ""


def _quoted_item_hint(key: str, value: Any, item: Any) -> str:
    """For an item typed as `[Live]` in a list of names: the list with that item quoted
    (`tags: ["[Live]"]`), or the item's line (`- "[Live]"`) in a list written below."""
    inner = getattr(item, "typed", "")
    if not inner:
        return ""
    quoted = double_quoted(inner)
    outer = getattr(value, "typed", "")
    names = isinstance(item, list) and item and all(isinstance(n, str) for n in item)
    bare = ", ".join(written(n) for n in item) if names else ""
    if outer:
        at = r"(?<![\"'])" + re.escape(inner)
        fixed = re.sub(at, lambda _: quoted, outer, count=1)
        plain = re.sub(at, lambda _: bare, outer, count=1)
        bare = f"remove the brackets: {key}: {plain}; or, if they are part of the name, " * (
            bool(bare)
        )
        return f"{bare}put the item in quotes: {key}: {fixed}"
    if bare:
        lines = "' and '- ".join(written(n) for n in item)
        bare = f"remove the brackets: '- {lines}'; or, if they are part of the name, "
    return f"{bare}put the item in quotes: - {quoted}"


def _null_item(label: str, number: int, typed: str, value: Any) -> tuple[str, str] | None:
    """(message, fix) for a list item YAML read as "no value": `~`, a `- ` with nothing
    after it in a list below its key, a word such as `null`; None for `[a, , b]`'s."""
    if typed == "~":  # `tags: [Weather, ~]`
        return (
            f"{label}: item {number} is '~', which YAML reads as \"no value\"",
            "remove the item (and its comma), or if '~' is meant, put it in quotes: \"~\"",
        )
    if typed == "" and isinstance(value, Items) and not value.typed:
        return (
            f"{label}: item {number} is empty (a '-' with nothing after it)",
            "delete this line, or write the name after its '- '",
        )
    if typed:
        return (
            f"{label}: item {number}, the word '{typed}', was read as \"no value\" (YAML's null)",
            f"if '{typed}' is meant, put it in quotes: \"{typed}\"",
        )
    return None


def _as_text(item: Any) -> str | None:
    """A list item as the text meant: `Storm:` ({'Storm': None}) and `A: b` as typed."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and len(item) == 1:
        [(name, inner)] = item.items()
        if inner is None or isinstance(inner, str):
            return f"{name}:" if inner is None else f"{name}: {inner}"
    return None


def _colon_hint(item: Any, key: str = "", value: Any = None) -> str:
    """For a one-field mapping that was meant as text with ': ' in it or ending with ':'
    (`tags: [Storm:]`): how to quote it; in a one-line list, the whole list so."""
    text = _as_text(item) if isinstance(item, dict) else None
    if text is None:
        return ""
    said = "ends with ':'" if text.endswith(":") else "contains ': '"
    whole = [_as_text(one) for one in value] if isinstance(value, Items) and value.typed else []
    if whole and all(one is not None for one in whole):
        listed = ", ".join(
            double_quoted(t) if t.endswith(":") or ": " in t else written(t) for t in whole if t
        )
        return f"it {said}, which YAML reads as a field; put it in quotes: {key}: [{listed}]"
    return f"it {said}, which YAML reads as a field; put it in quotes: {double_quoted(text)}"


def kind(value: Any) -> str:
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
