"""An article's file name: a file in content/ that is not read as an article because of
its name (`story.MD`, `story.markdown`, `story.md.txt` as Notepad saves it, a `.txt`,
`.rtf`, `.mdx`, `.qmd` or `.html` file or one with no extension that starts with an
article's front matter, a story in a markup language Hugo reads and newsdigest does not,
`.adoc`, `.org`, `.rst`, `x.md.md`) is an error
whose fix is the name to give it, so no story is silently left out; a backup beside its
story (`story.md.orig`, as git mergetool leaves it, `.bak`, `.old`) or any such file whose
right name another file already has is a warning, and its fix never renames it over that
file (which would replace the story published with an old copy); Vim's swap file and a
patch's rejected changes (`story.md.swp`, `.rej`) are warnings saying what they are.
Such a file holding another story (neither the title nor the date of the file beside it)
is an error whose fix is a name of its own (`story-2.md`): it would never be published
(prober5 P4)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import Diagnostic, error, warning
from generator.load.copies import headline_key
from generator.load.files import hidden_articles
from generator.load.lines import front_lines

# Extensions other Markdown tools read, and `.md` in other capitals: never read as articles.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext")
# Text an article may be saved as by mistake (a `.txt`, another tool's Markdown: MDX,
# Quarto, R Markdown, a page saved as HTML or RTF): an error when it starts with `---`.
TEXT_SUFFIXES = frozenset(("txt", "text", "rtf", "mdx", "qmd", "rmd", "html", "htm", "xhtml"))
# The other markup languages Hugo reads an article in (AsciiDoc, Org, reStructuredText,
# Pandoc): a site moved in from Hugo may hold some; newsdigest reads Markdown only.
OTHER_MARKUP = {
    "adoc": "AsciiDoc",
    "asciidoc": "AsciiDoc",
    "ad": "AsciiDoc",
    "org": "Org",
    "rst": "reStructuredText",
    "pandoc": "Pandoc",
    "pdc": "Pandoc",
}
# The extensions of a file read to tell whether it starts with an article's front matter.
_READ_FOR_ARTICLE = TEXT_SUFFIXES | OTHER_MARKUP.keys()
# What editors, git and backup tools add after a file's own name for a copy of it.
BACKUP_SUFFIXES = frozenset(
    ("orig", "bak", "old", "backup", "bk", "sav", "save", "prev", "copy", "tmp")
)
# Files other tools keep beside a story that are no copy of it: what each is, and its fix.
_NO_COPY = {
    "swp": (
        "Vim's swap file of {story} (kept while Vim edits it, left behind by a crash)",
        "if no Vim has {story} open, recover its unsaved changes with 'vim -r {story}' or "
        "delete this file",
    ),
    "rej": (
        "the changes a patch could not make to {story} ('patch' and 'git apply --reject' "
        "leave them)",
        "make those changes in {story} by hand if they are still wanted, then delete this file",
    ),
}
_NO_COPY["swo"] = _NO_COPY["swn"] = _NO_COPY["swp"]

# What `git mergetool` leaves during a conflict on story.md, its `.md` kept at the end:
# `story_LOCAL_4242.md` (git 2.x), `story.md.LOCAL.4242.md` (older git); and
# `story.orig.md`, `story.bak.md` (a backup named with the extension kept last).
_MERGETOOL = re.compile(r"(.+?)(?:\.md\.|_)(LOCAL|REMOTE|BASE|BACKUP)[._](\d+)\.md")
_KEPT_LAST = re.compile(r"(.+)\.(" + "|".join(sorted(BACKUP_SUFFIXES)) + r")\.md", re.IGNORECASE)


def leftover(relative: str, path: Path) -> Diagnostic | None:
    """The warning for a `.md` file that is a backup of the story beside it, as git
    mergetool leaves them (`story_LOCAL_4242.md`, `story.md.REMOTE.4242.md`) or with a
    backup's word before `.md` (`story.orig.md`): never read, whatever its text, so a
    story is not published two or three times (prober5 P1). Alone (no `story.md` beside
    it), such a name is a story's own (`budget_BASE_2025.md`) and read. None otherwise."""
    name = relative.rpartition("/")[2]
    if "_" not in name and "." not in name[:-3]:  # neither pattern can match (most stories)
        return None
    tool = _MERGETOOL.fullmatch(name)
    if tool and (path.parent / f"{tool[1]}.md").exists():
        return _backup(relative, path, name[len(tool[1]) + 1 :], tool[1] + ".md", "it")
    kept = _KEPT_LAST.fullmatch(name)
    if kept and (path.parent / f"{kept[1]}.md").exists():
        return _backup(relative, path, f"{kept[2]}.md", kept[1] + ".md")
    return None


def editors_notes(relative: str, path: Path) -> list[Diagnostic] | None:
    """None unless `relative` is a folder's notes for editors: a file named README in any
    capitals with a Markdown extension (`README.md`, `readme.markdown`), which GitHub shows
    under a folder's listing. Such a file is never read as a story (as Jekyll and Hugo
    leave a file without front matter or a theme's README out): the answer is no message,
    or a warning when it starts with a story's front matter (a story saved under that name
    would otherwise never be published)."""
    name = relative.rpartition("/")[2]
    stem, _, suffix = name.rpartition(".")
    if stem.lower() != "readme" or "." + suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    if not _article_first(path):
        return []
    return [
        warning(
            relative,
            1,
            f"this file is not published: a file named {name} in content/ is taken for "
            "notes to the editors (GitHub shows it under the folder's listing), and this "
            "one starts with a story's front matter",
            "if it is a story, rename the file to the story's own name ending in '.md' (its "
            "address is made from the name); if it is notes, delete its front matter",
        )
    ]


def misnamed_article(relative: str, path: Path | None = None) -> list[Diagnostic]:
    """A message for a Markdown file in content/ that is not named `*.md` (lower case):
    `story.MD`, `story.markdown`... is not read, so it would silently never be published.
    `relative` is the file's path under content/ with '/'; none for any other file. For a
    hidden file or folder (`path`, its name starting with '.'): `hidden_articles`."""
    stem, dot, suffix = relative.rpartition(".")
    name = relative.rpartition("/")[2]
    if name != name.rstrip() and name.rstrip().lower().endswith(MARKDOWN_SUFFIXES):
        said = "this file is not read: its name ends in spaces after the extension"
        return [_rename(relative, path, said, name.strip())]  # `story.md ` (as a Mac allows)
    if name.startswith(".") and path is not None:
        return hidden_articles(path, relative)
    if name.startswith("."):
        return []
    if "." not in name:  # `noext-story`: "Save" after the extension was deleted
        if path is None or not _article_first(path):
            return []  # (a Jekyll `_config` holding `layout:` alone is no article: P27)
        said = (
            "this file is not read: it starts with front matter, as an article does, but "
            "its name has no extension, and an article's file name must end in '.md'"
        )
        return [_rename(relative, path, said, name + ".md")]
    if "." + suffix.lower() not in MARKDOWN_SUFFIXES:
        return _saved_as_text(relative, path)
    if "." + suffix == ".md":
        return []
    said = (
        "this file is not read: an article's file name must end in '.md' (in small "
        f"letters), not '.{suffix}'"
    )
    return [_rename(relative, path, said, f"{stem}.md".rpartition("/")[2])]


def _rename(relative: str, path: Path | None, said: str, fixed: str) -> Diagnostic:
    """The error for `relative`, not read, whose fix is to rename it to `fixed` (a name
    beside it); a warning that it is a copy when a file of that name is there already."""
    if path is None or not (path.parent / fixed).exists():
        return error(relative, 1, said, f"rename the file to {fixed}")
    headings = _headings(path)
    if headings and not headings & _headings(path.parent / fixed):
        free = _free_name(path.parent, fixed)  # another story: its own name (prober5 P4)
        return error(
            relative,
            1,
            f"{said}; {fixed} is beside it, and this file holds another story (its own "
            "title and date), which would never be published",
            f"rename the file to a name of its own ending in '.md': {free}",
        )
    return _copy(relative, fixed, said.removeprefix("this file is not read: "))


def _headings(path: Path) -> set[tuple[str, str]]:
    """The `title:` and `date:` of the file's front matter as written (quotes, capitals
    and spaces aside), as ('title', value) pairs: a copy of a story keeps one of them (an
    old copy, its headline since edited, keeps its date). Empty when none is found."""
    try:
        with path.open("rb") as file:
            text = file.read(65536).decode("utf-8-sig", errors="replace")
    except OSError:
        return set()
    return {
        (key, headline_key(line.partition(":")[2].strip().strip("'\"")))
        for _, key, line in front_lines(text)
        if key in ("title", "date")
    }


def _free_name(folder: Path, taken: str) -> str:
    """`taken`'s stem with -2, -3... : the first name ending in '.md' no file has."""
    stem = taken.removesuffix(".md")
    number = 2
    while (folder / f"{stem}-{number}.md").exists():
        number += 1
    return f"{stem}-{number}.md"


def _copy(relative: str, story: str, why: str) -> Diagnostic:
    return warning(
        relative,
        1,
        f"this file is not read: it looks like a copy of {story}, which is beside it and is "
        f"the article published ({why})",
        f"if it is an old copy, delete it; if it holds text {story} lacks, copy that text "
        f"into {story}, then delete this file",
    )


def _saved_as_text(relative: str, path: Path | None) -> list[Diagnostic]:
    """A message for an article saved with another extension after its own, as Notepad
    does (`story.md.txt`, `story.markdown.html`), or a `.txt`, `.rtf`, `.mdx`, `.qmd`,
    `.html`... file (TEXT_SUFFIXES) that starts with a front-matter block (`path`, when
    given, is read for it): never read, so it would silently never be published. A
    backup (`story.md.orig`, `.bak`...) is a warning."""
    name = relative.rpartition("/")[2]
    stem, _, suffix = name.rpartition(".")
    inner = stem.rpartition(".")
    if inner[1] and "." + inner[2].lower() in MARKDOWN_SUFFIXES:
        fixed = inner[0] + ".md"
    elif suffix.lower() in _READ_FOR_ARTICLE and _article_first(path):
        fixed = stem + ".md"
    else:
        return []
    if suffix.lower() in _NO_COPY:
        return [_no_copy(relative, suffix.lower(), fixed)]
    if suffix.lower() in BACKUP_SUFFIXES:
        return [_backup(relative, path, suffix, fixed)]
    if suffix.lower() in OTHER_MARKUP:
        return [_other_markup(relative, path, suffix, fixed)]
    said = (
        f"this file is not read: it looks like an article (saved as '.{suffix}', as "
        "Notepad does when Windows hides extensions), and an article's file name must "
        "end in '.md'"
    )
    if suffix.lower() != "txt" and not inner[1]:
        said = (
            "this file is not read: it starts with front matter, as an article does, but "
            f"is saved as '.{suffix}', and an article's file name must end in '.md'"
        )
    return [_rename(relative, path, said, fixed)]


def _backup(
    relative: str, path: Path | None, suffix: str, story: str, who: str = "them"
) -> Diagnostic:
    """A warning for a backup of an article (`story.md.orig`): never read. `who`: "it"
    for a name only git mergetool gives."""
    leaves = "git mergetool leaves it" if who == "it" else "git mergetool and editors leave them"
    name = relative.rpartition("/")[2]  # the ending as written: '.orig', '_LOCAL_4242.md'
    why = f"a backup, saved as '{name[-len(suffix) - 1 :]}' as {leaves}"
    if path is not None and (path.parent / story).exists():
        return _copy(relative, story, why)
    return warning(
        relative,
        1,
        f"this file is not read: it looks like {why}, and {story}, the article it was "
        "made from, is not beside it",
        f"if it is the story to publish, rename the file to {story}; if not, delete it",
    )


def saved_as_text(relative: str, path: Path) -> bool:
    """Whether the file is an article saved as text (`_saved_as_text` names it)."""
    return bool(_saved_as_text(relative, path))


def _article_first(path: Path | None) -> bool:
    """Whether the file at `path` starts with an article's front matter: a '---' line, and
    a `title:` or `date:` in the block (a Jekyll `_config` or a page holding `layout:`
    alone is no article: prober5 P27)."""
    return path is not None and bool(_headings(path))


def _no_copy(relative: str, suffix: str, story: str) -> Diagnostic:
    """The warning for a file another tool keeps beside `story` that is no copy of it
    (`story.md.swp`, `story.md.rej`: _NO_COPY), never read (prober5 P2)."""
    what, fix = (part.format(story=story) for part in _NO_COPY[suffix])
    return warning(relative, 1, f"this file is not read: it is {what}, not an article", fix)


def _other_markup(relative: str, path: Path | None, suffix: str, story: str) -> Diagnostic:
    """The error for a story written in another markup language Hugo reads (`x.adoc`:
    OTHER_MARKUP), never read: its text is to be written in Markdown (prober5 P5)."""
    language = OTHER_MARKUP[suffix.lower()]
    said = (
        f"this file is not read: it starts with front matter, as an article does, but is "
        f"written in {language} ('.{suffix}'), and newsdigest reads articles in Markdown only"
    )
    found = _rename(relative, path, said, story)
    if found.severity == "error" and found.hint == f"rename the file to {story}":
        hint = f"write its text in Markdown (as Hugo's .md stories are), then {found.hint}"
        return error(relative, 1, said, hint)
    return found


def doubled_suffix(source: str, path: Path | None = None) -> tuple[str, str] | None:
    """(message, fix) for an article file named with a Markdown extension twice
    (`x.md.md`, `x.markdown.md`), which would be published as `x-md`; None otherwise.
    `path`: the file, to tell whether `x.md` is beside it (never renamed over)."""
    name = source.rpartition("/")[2].removesuffix(".md")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or "." + suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    said = (
        f"the file name ends in '.{suffix}.md': the extension is written twice, and the "
        f"story would be published at an address ending in '{suffix}'"
    )
    if path is not None and (path.parent / f"{stem}.md").exists():
        return (
            f"{said}; {stem}.md is beside it",
            f"if it is a copy of {stem}.md, delete it; if it is another story, rename it "
            f"to a name of its own ending in one '.md' ({stem}-2.md)",
        )
    return said, f"rename the file to {stem}.md"
