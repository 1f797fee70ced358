"""A story copied to a second file and left as it was (a "Save as", a copy made to start
a follow-up and then forgotten): two published stories of one language with the same
headline and `date:` and the same text, front matter and all (a copy of the file), would
be published twice, at two addresses and in every feed. A warning on one of them names
the other and both addresses, and says to delete the one made as the copy: which one that
is cannot be told from the files (a `git clone` gives every file one time; `touch` or
`git stash pop` changes it), so the fix never says "this file" (prober5 P12). It stands on
the file whose name holds the other's (`a-copy.md`, `0-a.md` beside `a.md`), else on the
one changed last, else the later name. Said on every build: one pass
over titles and dates, which every loaded article holds (a record's too), and the files
read only when two of them match. Drafts are left out: a follow-up being written is one.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path

from generator.diagnostics import Diagnostic, warning
from generator.languages import language_key
from generator.load.lines import field_line
from generator.model import Article
from generator.settings_errors import display


def copied_stories(
    articles: list[Article], site_language: str, content_dir: Path
) -> list[Diagnostic]:
    """A warning on the `title:` line of each published story whose headline (in any
    capitals and spacing), publication instant and language are another's, and whose
    file holds the other's text, front matter and all (spaces and line ends aside)."""
    stamps = [None if a.draft else a.date.timestamp() for a in articles]
    count = Counter(stamps)
    # Only the stories of an instant another story has are compared, in file order: their
    # headlines alone are read (a stored story's whole record decoded: speed.records).
    shared = [a for a, at in zip(articles, stamps, strict=True) if at is not None and count[at] > 1]
    same: dict[tuple[str, float, str], list[Article]] = defaultdict(list)
    for article in shared:
        title = headline_key(article.title)
        language = language_key(article.language or site_language)
        same[(title, article.date.timestamp(), language)].append(article)
    found = []
    for group in same.values():
        if len(group) < 2:
            continue
        by_body: dict[str | None, list[Article]] = defaultdict(list)
        for article in group:  # the texts read from the files: a record holds no body
            by_body[_body(content_dir / article.source)].append(article)
        for body, alike in by_body.items():
            if body is not None and len(alike) > 1:
                found += _copies(alike, content_dir)
    return found


def _copies(alike: list[Article], content_dir: Path) -> list[Diagnostic]:
    found = []
    stems = [Path(a.source).stem.casefold() for a in alike]

    def named_after(article: Article) -> bool:  # 'a-copy' holds 'a': a copy's name
        stem = Path(article.source).stem.casefold()
        return any(other != stem and other in stem for other in stems)

    first, *copies = sorted(
        alike, key=lambda a: (named_after(a), _changed(content_dir / a.source), a.source)
    )
    for copy in copies:
        if copy.path == first.path:
            continue  # one address: the clash is an error already (load/collisions.py)
        found.append(
            warning(
                copy.source,
                field_line(content_dir / copy.source, "title"),
                f"this story and {display(content_dir / first.source)} are one file copied "
                "(the same text, front matter and all): the story "
                f"would be published twice, at /{first.path} and at /{copy.path}, and in "
                "every feed",
                "delete the file that was made as the copy, and keep the one published "
                "before (its address and feed id stay; if neither was published, keep "
                "either); or write the new story in the copy (its own title and date)",
            )
        )
    return found


def headline_key(title: str) -> str:
    """A headline as two stories' headlines are compared: in any capitals and spacing."""
    return " ".join(title.casefold().split())


def same_text(one: Path, other: Path) -> bool:
    """Whether two files hold one text (`_body`): a copy of a story left as it was."""
    body = _body(one)
    return body is not None and body == _body(other)


def _body(path: Path) -> str | None:
    """The file's text, front matter and all, its spaces and line ends as one space (a
    copy saved on Windows is still a copy); None when the file cannot be read."""
    try:
        return " ".join(path.read_text(encoding="utf-8-sig", errors="replace").split())
    except OSError:
        return None


def _changed(path: Path) -> int:
    """When the file was last changed (ns; 0 when it cannot be told)."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0
