"""Text YAML would leave out of a value without saying so: refused, with the quoted line.

Two marks cut a plain (unquoted) value short: `&name` at its start is read as a label
(`title: &Co news` is "news"), and ` #` in it starts a comment (`title: We are # 1` is
"We are"). Each is an error on its line whose fix shows the value in quotes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, error
from generator.load.fields_as_text import GROUPS, group_fix
from generator.load.yaml_lists import LIST_FIELDS, double_quoted
from generator.load.yaml_mistakes import marked_error, tag_mistake

_GROUP_LINES = tuple(g + ":" for g in GROUPS)  # a line opening a group of fields

# Plain values after which a comment is clearly a note, not part of the value: a date
# (`date: 2025-06-20  # local time`), true/false words, and YAML's "no value" words.
_NOT_TEXT = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?|[Tt]rue|TRUE|[Ff]alse|FALSE|[Yy]es|YES|[Nn]o"
    r"|NO|[Oo]n|ON|[Oo]ff|OFF|~|[Nn]ull|NULL)$"
)
_FLOW_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def lost_labels(
    text: str, first_line: int, source: str, base: Any = yaml.SafeLoader
) -> list[Diagnostic]:
    """An error for each YAML anchor (`&name` before a value) that no alias (`*name`) uses.

    YAML reads `title: &Co news` as the value "news" labelled "Co": what the editor typed
    would be published without its first word. A label that an alias repeats was written
    on purpose (YAML's own way to say a value twice) and is left alone."""
    if "&" not in text:
        return []
    labels: dict[str, tuple[int, str]] = {}
    used: set[str] = set()
    lines = text.split("\n")
    for event in yaml.parse(text, Loader=base):
        anchor = getattr(event, "anchor", None)
        if anchor is None:
            continue
        if isinstance(event, yaml.AliasEvent):
            used.add(anchor)
        elif event.start_mark is not None:
            start, end = event.start_mark, event.end_mark
            fix = f'put the whole value in quotes, for example "&{anchor} ..."'
            plain = isinstance(event, yaml.ScalarEvent) and not event.style
            if plain and end is not None and end.line == start.line:
                line = lines[start.line]  # `title: &Co opens` -> `title: "&Co opens"`
                quoted = line[: start.column] + double_quoted(line[start.column : end.column])
                fix = f"put the whole value in quotes: {(quoted + line[end.column :]).strip()}"
                true_false = re.match(r"\s*(draft|featured):\s*&\S+\s+(\S.*)", line)
                if true_false:  # `draft: &d true`: quoted, it is no true/false
                    fix = f"delete '&{anchor}': {true_false[1]}: {true_false[2].strip()}"
            labels.setdefault(anchor, (start.line + first_line, fix))
    return [
        error(
            source,
            line,
            f"'&{anchor}' at the start of a value is read by YAML as a label, and would be "
            "left out of what is published",
            fix,
        )
        for anchor, (line, fix) in labels.items()
        if anchor not in used
    ]


def explicit_tags(
    text: str, first_line: int, source: str, base: Any = yaml.SafeLoader
) -> list[Diagnostic]:
    """An error for each value written after a YAML tag (`!`, `!!float`, `!foo`, `!<...>`).

    A tag tells YAML to change the value (`title: !!float 5` would be "5.0", `summary:
    !!null x` no summary at all, `title: !!int 2025 budget` cannot be read) or is dropped
    without a trace (`title: !!str News`); newsdigest reads every value as the text typed,
    so each tag is refused on its line, before any value is made. A YAML mistake after a
    tag is named too."""
    if "!" not in text:
        return []
    lines = text.split("\n")
    found: list[Diagnostic] = []
    try:
        for event in yaml.parse(text, Loader=base):
            start, end = event.start_mark, event.end_mark
            if getattr(event, "tag", None) is None or start is None or end is None:
                continue
            quotable = (
                isinstance(event, yaml.ScalarEvent) and not event.style and end.line == start.line
            )
            message, fix = tag_mistake(
                lines[start.line], start.column, quotable, end.column if quotable else -1
            )
            found.append(error(source, start.line + first_line, message, fix))
    except yaml.MarkedYAMLError as exc:
        if found:
            found.append(marked_error(exc, text, first_line, source))
    except yaml.YAMLError:
        pass  # reported by the parser when the front matter is read
    return found


def lost_comments(
    text: str, first_line: int, source: str, parsed: bool = False
) -> list[Diagnostic]:
    """An error for each plain text value followed on its line by ` #`, which YAML reads
    as the start of a comment: `title: Fans chant we are # 1 again` would be published as
    "Fans chant we are". A comment on a line of its own, or after a quoted value, a list's
    closing bracket, a date or true/false, or two spaces after a one-word value, is a
    note and is left alone.

    Reads the tokens up to the first YAML mistake, so a comment that broke a list
    (`tags: [Football #1, C]`) is found too. `image: AP #2` (`credits: AP #2`) gets the
    group's lines as its fix; in `text` YAML read (`parsed`), none: the group's own error
    says them."""
    if "#" not in text:
        return []
    lines = text.split("\n")
    found: list[Diagnostic] = []
    flow = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            flow += isinstance(token, _FLOW_OPEN) - isinstance(token, _FLOW_CLOSE)
            if not isinstance(token, yaml.ScalarToken) or not token.plain:
                continue
            end = token.end_mark
            after = lines[end.line][end.column :]
            if not after.lstrip(" \t").startswith("#") or _a_note(token.value, after):
                continue
            if not flow and _a_fields_note(lines[end.line], token, after):
                continue
            group = lines[end.line].startswith(_GROUP_LINES)
            if group and not flow and parsed:
                continue  # a set of fields typed as text: its own error names the line
            if not flow and not lines[token.start_mark.line][: token.start_mark.column].strip():
                continue  # a line's first words, no value: `title #1 story` misses its colon
            said = _comment_error(lines, token, flow > 0, first_line, source)
            if group and not flow:  # quoting it is no fix: the group's lines are
                said = replace(said, hint=group_fix(lines[end.line], token.value))
            elif group and (listed := _listed_group_fix(lines[end.line])):
                said = replace(said, hint=listed)
            found.append(said)
    except yaml.YAMLError:
        pass  # the mistake itself is reported by the parser, after these
    return found


def lost_text(
    text: str, first_line: int, source: str, base: Any = yaml.SafeLoader
) -> list[Diagnostic]:
    """Errors for the text YAML would leave out of a value: a label, a comment."""
    comments = lost_comments(text, first_line, source, parsed=True)
    return lost_labels(text, first_line, source, base) + comments


def _listed_group_fix(typed: str) -> str:
    """The group's lines as the fix for a group typed as a one-line list with ' #' in it,
    `credits: [AP #2, Reuters]` (the byline list after `author:`), `image: [AP #2.png]`
    (one picture's `src:`): quoting its items, the comment's own fix, would only lead to
    the group's error; '' for a list that goes on below, or of two pictures."""
    value = typed.partition(":")[2].strip()
    close = value.rfind("]")
    if not value.startswith("[") or close < 0:
        return ""
    items = [item.strip() for item in value[1:close].split(",")]
    texts = [str(yaml.safe_load(i)) if i[:1] in "\"'" else i for i in items]
    if typed.startswith("credits"):
        return group_fix(typed, texts)
    return group_fix(typed, texts[0]) if len(texts) == 1 else ""


def cut_short(
    text: str, first_line: int, source: str, exc: yaml.MarkedYAMLError
) -> list[Diagnostic]:
    """The errors of front matter YAML cannot read (`exc`), every one in the same run
    (tester4 F29, prober5 P37), by line: each comment that cut a value short (it often
    breaks what follows: the next is looked for with it read as text), and each mistake
    of a line of its own (a ': ' in a value: the rest is read with that line's value taken
    as said). A mistake that a comment or an earlier mistake may have caused (it begins on
    their line or before the end of it) is not said: it goes once they are fixed."""
    lines = text.split("\n")
    found: list[Diagnostic] = []
    cut: set[int] = set()  # lines whose comment is said
    done = -1  # the last line whose mistake is said
    for _ in range(2 * len(lines)):
        comments = lost_comments("\n".join(lines), first_line, source)
        if comments:  # the first: those after it may be read wrong because of it
            found.append(comments[0])
            cut.add(number := comments[0].line - first_line)  # '#' as a full-width one:
            lines[number] = re.sub(r"([ \t])#", "\\1\uff03", lines[number])  # text, same length
            continue
        if cut or done >= 0:  # (else `exc` is the text's own error)
            try:
                yaml.compose("\n".join(lines), Loader=yaml.SafeLoader)
                break
            except yaml.MarkedYAMLError as again:
                exc = again
            except yaml.YAMLError:
                break
        marks = {m.line for m in (exc.problem_mark, exc.context_mark) if m is not None}
        if exc.problem_mark is None or marks & cut or exc.problem_mark.line <= done:
            break  # (begun on a cut line, or found where a mistake said is: caused by it)
        found.append(mistake := marked_error(exc, text, first_line, source))
        done = mistake.line - first_line
        value = _FIRST_FIELD.match(lines[done]) if 0 <= done < len(lines) else None
        if done != exc.problem_mark.line or value is None:
            break  # not a value's mistake on its own line: what follows may hang on it
        lines[done] = value[0] + "x"  # the value taken as said, to read on
    return sorted(found, key=lambda d: d.line)


def _a_note(value: str, after: str) -> bool:
    """Whether ` #...` after a plain `value` is clearly a note: after a date, true/false or
    no value, or set apart by two spaces or a Tab after one word (`image: a.jpg  # photo`,
    as aligned notes are written). After words with spaces, one space, it is text."""
    if _NOT_TEXT.match(value):
        return True
    return not any(c.isspace() for c in value) and after.startswith(("  ", "\t"))


# ` # a note` after one word: '#', a space, then a word (a hashtag has no space: `#1`).
_NOTE = re.compile(r"^[ \t]+#[ \t]+[^\W\d_]")


def _a_fields_note(line: str, token: yaml.ScalarToken, after: str) -> bool:
    """Whether ` #...` after a plain value, one space apart, is a note as YAML reads it: in
    a field that cannot hold '#' (`slug: flood-relief # old address`, `country: India #
    desk`, `language`, `url`...: _ONE_WORD and `country`), or after a list's one-word item
    with '# ' and a word (`- Floods # main topic`, never `- Football #1`)."""
    key = _key_of(line, token)
    if key in _ONE_WORD or key == "country":
        return True
    item = line[: token.start_mark.column].strip() == "-"
    return item and not any(c.isspace() for c in token.value) and bool(_NOTE.match(after))


_FIRST_FIELD = re.compile(r"\s*(?:-\s+)?[\w-]+:[ \t]+")


def _comment_error(
    lines: list[str], token: yaml.ScalarToken, in_flow: bool, first_line: int, source: str
) -> Diagnostic:
    start, end = token.start_mark, token.end_mark
    line = lines[end.line]
    message = "the text after ' #' is read as a comment and would be left out"
    if start.line != end.line:
        return error(source, end.line + first_line, message, "put the whole value in quotes")
    first = _FIRST_FIELD.match(line)
    key = first[0].strip().removeprefix("- ").rstrip(":") if first else ""
    value = line[first.end() :].rstrip(" \t") if first else ""
    if in_flow and first is not None and key not in LIST_FIELDS and _BRACKETED.match(value):
        fixed = line[: first.end()] + double_quoted(value)  # a text in brackets: all of it
    elif in_flow:  # each item up to the closing bracket that has ' #' in it, quoted
        rest = line[start.column :]
        close = max(rest.rfind("]"), rest.rfind("}"))
        items = (rest[:close] if close >= 0 else rest).split(",")
        quoted = [double_quoted(i.strip()) if "#" in i else i.strip() for i in items]
        fixed = line[: start.column] + ", ".join(quoted) + (rest[close:] if close >= 0 else "")
    else:  # from the first field's value (`alt: Time: 10:30 at the #1 booth`: all of it)
        column = min(first.end(), start.column) if first else start.column
        fixed = line[:column] + double_quoted(line[column:].rstrip(" \t"))
        kept = line[: end.column].rstrip(" \t").strip()
        note = line[end.column :].strip()
        quote = f"put the whole value in quotes: {fixed.strip()}"
        drop = f"if {note!r} is a note, write it on a line of its own (or delete it): {kept}"
        if line[end.column :].startswith(("  ", "\t")):  # set apart as a note is
            return error(source, end.line + first_line, message, f"{drop}; if it is text, {quote}")
        if note[1:].strip()[:1].isalpha():  # `- Weather # main topic`, not `we are # 1`
            return error(source, end.line + first_line, message, f"{quote}; {drop}")
    return error(
        source,
        end.line + first_line,
        message,
        f"put the whole value in quotes: {fixed.strip()}",
    )


# A list's items in brackets (`tags: [Football #1, Cup]`, LIST_FIELDS) are quoted one by
# one; a text field's value in brackets (`image: [AP #2]` under credits) is quoted whole,
# as YAML then reads it.
_BRACKETED = re.compile(r"\[(?!.*\][ \t]+#)")  # a note after its ']' left out: not text

# Fields whose value is one word (an address, a name in a URL, a code): ` # ...` after one
# is a note, never part of the value, and quoting it into the value makes it wrong.
_ONE_WORD = frozenset({"url", "slug", "src", "id", "fediverse", "language", "type"})


def _key_of(line: str, token: yaml.ScalarToken) -> str:
    return line[: token.start_mark.column].strip().removeprefix("- ").rstrip(": ")


NULL_TAG = "tag:yaml.org,2002:null"
_PLAIN = {yaml.ScalarNode: "str", yaml.SequenceNode: "seq", yaml.MappingNode: "map"}


def untagged_data(loader: Any, tagged: bool) -> Any:
    """The loader's document; with `tagged`, each value written after a tag (each one an
    error already) read as if the tag were not there: text, a list or fields."""
    if not tagged:
        return loader.get_single_data()
    node = loader.get_single_node()
    if node is None:
        return None
    todo = [node]
    while todo:
        here = todo.pop()
        plain = "tag:yaml.org,2002:" + _PLAIN[type(here)]
        if here.tag not in (plain, NULL_TAG, "tag:yaml.org,2002:merge"):
            here.tag = plain
        if isinstance(here, yaml.SequenceNode):
            todo.extend(here.value)
        elif isinstance(here, yaml.MappingNode):
            todo.extend(n for pair in here.value for n in pair)
    return loader.construct_document(node)
