"""Bylines beside the author registry: a warning for one that differs from a registered
byline only in capitals or spaces (`asha rao` for `Asha Rao`: published as that author,
load/authors.py's `Registry.apply`) and for one close to a registered byline ("did you
mean"), each on the article's `author:` line; and for a byline that holds registered
names with more around them: several in one (`Asha Rao, Ben Li`, `Asha Rao & Ben Li`,
`Asha Rao and Ben Li`), a prefix (`By Asha Rao`) or an agency after the name (`Asha Rao
(ANI)`), with the `author:` line as it should be."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, warning
from generator.load.authors import Registry, same_name
from generator.load.checker import Checker
from generator.load.content import read_document
from generator.load.credits import read_credits
from generator.load.yaml_lists import double_quoted
from generator.model import Article


@dataclass(frozen=True, slots=True)
class Written:
    """The bylines of a story that is not published for an error of its own (tester 3, M1):
    its byline warnings are said in the same run as that error."""

    source: str
    authors: tuple[str, ...]
    author_line: int

    def line_of(self, field: str) -> int:
        return self.author_line


def unpublished(
    files: Sequence[tuple[Path, str]], max_size: int, registry: Registry
) -> list[Written]:
    """The bylines of each (path, source) of `files`, stories refused for another error,
    read again from the file: [] for a file whose front matter cannot be read, and for
    every file when the registry is empty (no byline is then checked)."""
    found: list[Written] = []
    if not registry.authors:
        return found
    for path, source in files:
        doc, _ = read_document(path, source, max_size)
        if doc is not None:
            credits = read_credits(Checker(doc), doc.front)
            if credits.authors:
                found.append(Written(source, credits.authors, credits.author_line or 1))
    return found


def check_bylines(articles: Sequence[Article | Written], registry: Registry) -> list[Diagnostic]:
    """A warning for each byline of `articles` (as written, before `Registry.apply`) that
    is not written as in the registry: the same name in other capitals or spacing, or a
    close one ("Asha Roa" for "Asha Rao")."""
    if not registry.authors:
        return _peer_bylines(articles)
    known = list(registry.authors)
    spelt = registry.spellings()
    composed = {unicodedata.normalize("NFC", name) for name in known}
    problems, misspelt = _misspelt_entries(articles, registry, spelt, composed)
    for article in articles:
        for byline in article.authors:
            if unicodedata.normalize("NFC", byline) in composed or byline in misspelt:
                continue  # as registered (accents composed or not), or the entry misspelt
            line = article.line_of("author")
            registered = spelt.get(same_name(byline))
            if registered is not None:
                problems.append(
                    warning(
                        article.source,
                        line,
                        f"credits.author {byline!r} is written {registered!r} in authors.yaml; "
                        f"it is published as {registered!r}, on that author's page",
                        f"write {registered!r}, as in authors.yaml: bylines that differ only "
                        "in capitals or spaces are one author",
                    )
                )
                continue
            parts = _registered_parts(byline, spelt, composed)
            if parts is not None:
                problems.append(_wrapped(article, byline, parts, spelt, composed))
                continue
            close = difflib.get_close_matches(byline, known, n=1, cutoff=0.85)
            if close:
                problems.append(
                    warning(
                        article.source,
                        line,
                        f"credits.author {byline!r} is not in authors.yaml",
                        f"did you mean {close[0]!r}? A byline must be written exactly as in "
                        "authors.yaml to link to that author's page"
                        + _or_entry(close[0], byline, articles),
                    )
                )
    return problems


def _peer_bylines(articles: Sequence[Article | Written]) -> list[Diagnostic]:
    """Without authors.yaml: a warning for a byline that holds other stories' bylines with
    more around them (`Jane Doe, John Smith`, `By Jane Doe` beside a story by `Jane Doe`),
    which would be an author page of its own (tester T4), as for registered names."""
    spelt = {
        same_name(byline): byline
        for article in articles
        for byline in article.authors
        if _PREFIX.match(byline) is None and len(_JOINS.split(byline.strip())) == 1
    }
    composed = {unicodedata.normalize("NFC", name) for name in spelt.values()}
    problems: list[Diagnostic] = []
    for article in articles:
        for byline in article.authors:
            parts = None if byline in composed else _registered_parts(byline, spelt, composed)
            if parts is not None:
                problems.append(_wrapped(article, byline, parts, spelt, composed, _PEERS))
    return problems


_PEERS = ", the byline of other stories"


def _misspelt_entries(
    articles: Sequence[Article | Written],
    registry: Registry,
    spelt: dict[str, str],
    composed: set[str],
) -> tuple[list[Diagnostic], set[str]]:
    """A warning on the line of each authors.yaml entry that no story's byline is, when
    two stories or more write a byline close to it that is not registered (`Asha Roa:` in
    the file, `Asha Rao` in three stories): the entry is the slip, and renaming it is the
    fix, not copying it into every story (tester4 F32). Also the bylines so named."""
    used: dict[str, int] = {}
    for article in articles:
        for byline in dict.fromkeys(article.authors):
            used[byline] = used.get(byline, 0) + 1
    registered = {_registered(b, spelt, composed) for b in used} - {None}
    free = [b for b in used if _registered(b, spelt, composed) is None]
    problems: list[Diagnostic] = []
    named: set[str] = set()
    for entry in (e for e in registry.authors if e not in registered):
        close = difflib.get_close_matches(entry, free, n=3, cutoff=0.85)
        byline = max(close, key=lambda b: used[b]) if close else ""
        if not byline or used[byline] < 2:  # one story's slip is as likely: said there
            continue
        stories = f"{used[byline]} stories write" if used[byline] > 1 else "1 story writes"
        written = double_quoted(byline) if re.search(r"[:#\[\]{}&*!|>'\"%@`,]", byline) else byline
        problems.append(
            warning(
                registry.source,
                _entry_line(registry, entry),
                f"{entry!r} in authors.yaml is the byline of no story; {stories} {byline!r}, "
                "which is not in authors.yaml",
                f"if {byline!r} is the same person, rename the entry: {written}: (its bio "
                f"and links then go on that byline's page); if they are two people, leave "
                f"it: the entry is used once a story's byline is {entry!r}",
            )
        )
        named.add(byline)
    return problems, named


def _or_entry(entry: str, byline: str, articles: Sequence[Article | Written]) -> str:
    """For an entry no story's byline is: the other way round, as the fix's end."""
    if any(entry in article.authors for article in articles):
        return ""
    return (
        f" (or, if {byline!r} is right, rename the entry in authors.yaml: {entry!r} -> {byline!r})"
    )


def _entry_line(registry: Registry, entry: str) -> int:
    """The line of authors.yaml where the byline `entry` is written (1 when not found)."""
    try:
        lines = registry.path.read_text(encoding="utf-8").splitlines() if registry.path else []
    except (OSError, UnicodeDecodeError):
        lines = []
    written = re.compile(rf"[\"']?{re.escape(entry)}[\"']?\s*:")
    return next((n for n, text in enumerate(lines, 1) if written.match(text)), 1)


# What an editor writes around registered names in one byline: a prefix ("By", "Reporting
# by"), an agency or role after the name ("(ANI)", "/ ANI", "- Reuters"), and the words
# that join two names. A byline is read so only when every name left is registered.
_PREFIX = re.compile(r"^(?:(?:reporting|written|words|story|text)\s+)?by\s*[:\-]?\s+", re.I)
_SUFFIX = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|\s[-\u2013\u2014|/]\s*[^,&;]+|/\s*\S[^,&;]*)$")
_JOINS = re.compile(r"\s*(?:,|;|&|\+|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)


def _registered(name: str, spelt: dict[str, str], composed: set[str]) -> str | None:
    """`name` as authors.yaml writes it, or None when it is not registered."""
    if unicodedata.normalize("NFC", name) in composed:
        return name
    return spelt.get(same_name(name))


def _registered_parts(
    byline: str, spelt: dict[str, str], composed: set[str]
) -> tuple[str, str, list[str]] | None:
    """(the prefix, the suffix, the names) of a byline made of names, at least one of them
    registered (given as authors.yaml writes it), with a prefix, a suffix or more than one
    name; None for any other byline."""
    rest, before, after = byline.strip(), "", ""
    prefix = _PREFIX.match(rest)
    if prefix:
        before, rest = prefix.group(0).strip(), rest[prefix.end() :]
    suffix = _SUFFIX.search(rest)
    if suffix and _names(rest[: suffix.start()], spelt, composed):
        after, rest = suffix.group(0).strip(), rest[: suffix.start()]
    names = _names(rest, spelt, composed)
    if not names or (len(names) == 1 and not before and not after):
        return None
    return before, after, names


def _names(text: str, spelt: dict[str, str], composed: set[str]) -> list[str]:
    """The names `text` joins (',', '&', 'and'...), each as authors.yaml writes it when it
    is registered; [] when none of them is."""
    names = [n.strip() for n in _JOINS.split(text) if n.strip()]
    found = [_registered(n, spelt, composed) for n in names]
    if not any(found):
        return []
    return [known or name for known, name in zip(found, names, strict=True)]


def _wrapped(
    article: Article | Written,
    byline: str,
    parts: tuple[str, str, list[str]],
    spelt: dict[str, str],
    composed: set[str],
    known_as: str = " in authors.yaml",
) -> Diagnostic:
    """The warning for a byline of names with more around them or several in one, whose fix
    is the article's whole `author:` line with each byline so read replaced by its names."""
    before, after, names = parts
    fixed: list[str] = []
    for written in article.authors:
        each = _registered_parts(written, spelt, composed)
        for name in each[2] if each is not None else [written]:
            if name not in fixed:
                fixed.append(name)
    shown = [double_quoted(n) if re.search(r"[:#,\[\]{}&*!|>'\"%@`]", n) else n for n in fixed]
    line = f"author: [{', '.join(shown)}]" if len(shown) > 1 else f"author: {shown[0]}"
    what = [f"holds {len(names)} bylines"] if len(names) > 1 else []
    what += [f"has {before!r} before the name"] if before else []
    what += [f"has {after!r} after the name"] if after else []
    registered = [repr(n) for n in names if n in spelt.values() or n in composed]
    fix = f"write {line}"
    if before or after:
        aside = " and ".join(repr(x) for x in (before, after) if x)
        fix += f" ({aside} is not part of a name" + (
            "; an agency goes in sources:)" if after else ")"
        )
    return warning(
        article.source,
        article.line_of("author"),
        f"credits.author {byline!r} {', and '.join(what)}: it would be published as one new "
        f"author, not on the page of {' or '.join(registered)}{known_as}",
        fix,
    )
