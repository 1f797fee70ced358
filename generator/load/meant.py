"""What an editor meant by a link or a picture path that names no file in content/, for
the fix of its error: the path GitHub shows (`content/2025/06/photo.jpg`, read from the
repository, above content/), other capitals (`Target.md`), '\\' between folders, an e-mail
or web address without `mailto:` or `https://`, a story named without `.md`, a folder, a
name close to one in the folder; and a link to a story that exists but is not published.

Every fix names a file that exists, or says plainly that none was found.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from generator.diagnostics import Diagnostic, error, warning
from generator.load import link_places
from generator.load.file_names import MARKDOWN_SUFFIXES
from generator.load.files import (
    content_path,
    links_outside,
    one_form,
    shown,
)
from generator.load.link_places import fragment, git_moved, kept_tail, renamed, with_extension

EMAIL = re.compile(r"^[^\s/@:]+@[^\s/@:]+\.[A-Za-z]{2,}$")
Kind = Callable[..., Diagnostic]


def _never(source: str) -> bool:
    return False


def missing_file_hint(
    ref: str,
    source: str,
    content_dir: Path,
    what: str = "file",
    tail: str = "",
    held: Callable[[str], bool] = _never,
) -> str:
    """The fix for `ref` (written in the article `source`, a path under content/) that
    names no file: what the editor likely meant (a file that exists), else where the file
    was looked for and that none was found there. `what`: "file", "image file", "story";
    `tail`: the link's `?query` or `#anchor`, kept in a file offered instead; `held`: whether
    the story at a content path is one the build leaves out (scheduled), never offered, as a
    draft never is."""
    relative = content_path(ref, source)
    if isinstance(relative, str):
        return f"put the {what} inside content/ and refer to it from there"
    if links_outside(content_dir / relative, content_dir):
        return (
            f"copy the {what} itself into content/ in place of the link, and refer to the "
            "copy: a file outside content/ is never published"
        )
    meant = (
        _meant(ref, relative, source, content_dir, what, tail, held)
        or git_moved(
            ref + tail, relative, source, content_dir, lambda p: _left_out(p, content_dir, held)
        )
        or _moved(ref + tail, relative, source, content_dir, held)
        or _close_name(ref + tail, relative, content_dir, held, capitals=False)
    )  # a rename git names, a renamed story (`v2.md` -> `v2-new.md`), a close spelling
    if meant is not None:
        return meant
    folder = relative.parent.as_posix()
    where = "content/" if folder == "." else f"content/{folder}/"
    next_to = " (the article's folder)" if relative.parent == PurePosixPath(source).parent else ""
    if what == "story":
        return (
            f"no story {relative.name} was found in {where}{next_to}: link to a story's .md "
            "file, relative to this article's folder (or from content/ with a leading '/')"
        )
    return (
        f"no file {relative.name} was found in {where}{next_to}: put the {what} there, or "
        "correct the name; a path starting with '/' is read from content/"
    )


def from_repository(ref: str, source: str, content_dir: Path) -> str | None:
    """The fix for `ref` written from the repository's top (`content/2025/06/photo.jpg`,
    `/content/...`: the path GitHub shows) when it names a file in content/: the same file
    relative to the article, and from content/; None otherwise."""
    rest = _from_top(ref, content_dir)
    if rest is None or not (content_dir / rest).is_file():
        return None
    return (
        f"write {_from_article(rest, source)} (from this article's folder) or /{rest} (from "
        f"content/): a path is read from the article's folder, not from the top of the "
        f"repository as GitHub shows it"
    )


def _from_top(ref: str, content_dir: Path) -> PurePosixPath | None:
    """The path under content/ that `ref` names when read from the repository's top (its
    first folder is content/'s name), if a file or folder is there; else None."""
    parts = PurePosixPath(ref.lstrip("/")).parts
    if len(parts) < 2 or parts[0] != content_dir.name or ".." in parts:
        return None
    rest = PurePosixPath(*parts[1:])
    return rest if (content_dir / rest).exists() else None


def _from_article(path: PurePosixPath, source: str) -> str:
    """The content path `path` written relative to the folder of the article `source`."""
    return os.path.relpath(path.as_posix(), PurePosixPath(source).parent.as_posix()).replace(
        os.sep, "/"
    )


def _meant(
    ref: str,
    relative: PurePosixPath,
    source: str,
    content_dir: Path,
    what: str,
    tail: str = "",
    held: Callable[[str], bool] = _never,
) -> str | None:
    """The fix naming what `ref` (at content path `relative`, not a file) likely meant."""
    if EMAIL.match(ref):
        return f"an e-mail address needs mailto: in front: write mailto:{ref}"
    if ref.lower().startswith("www."):
        return f"a web address needs https:// in front: write https://{ref}"
    if "\\" in ref:
        fixed = ref.replace("\\", "/")
        found = content_path(fixed, source)
        if not isinstance(found, str) and (content_dir / found).is_file():
            return f"use / between folders, not \\: write {fixed}"
        return f"use / between folders, not \\ ({fixed}); " + missing_file_hint(
            fixed, source, content_dir, what
        )
    repository = from_repository(ref, source, content_dir)
    if repository is not None:
        return repository
    folder = _from_top(ref, content_dir) or relative
    if (content_dir / folder).is_dir():
        return _folder(ref, folder, content_dir, source)
    if not relative.suffix:  # a story named without .md ('target', 'Target')
        story = relative.with_name(relative.name + ".md")
        if (content_dir / story).is_file():
            named = ref.rstrip("/")
            return f"did you mean {named}.md{tail}? a link to a story names its .md file"
        return with_extension(ref.rstrip("/") + tail, content_dir / relative) or _close_name(
            ref.rstrip("/") + ".md" + tail, story, content_dir, held
        )
    return _close_name(ref + tail, relative, content_dir, held, close=False)


def _moved(
    ref: str, relative: PurePosixPath, source: str, content_dir: Path, held: Callable[[str], bool]
) -> str | None:
    """'did you mean' for a file moved or renamed: one of the same name in another folder
    of content/ (`../11/x.md` when it is in 12/), or, for a story, one in the folder whose
    name starts with the name's (`relief.md` renamed `relief-grows.md`); None when there
    is none, or more than one of that name."""
    wanted = one_form(relative.name).casefold()
    found = []
    for folder, dirnames, filenames in os.walk(content_dir):  # links not followed
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [(folder, f) for f in filenames if one_form(f).casefold() == wanted]
    found = [(f, name) for f, name in found if not _left_out(Path(f) / name, content_dir, held)]
    if len(found) == 1:
        folder, name = found[0]
        there = PurePosixPath(Path(folder).relative_to(content_dir).as_posix()) / name
        tail = fragment(ref)
        kept = kept_tail(tail, Path(folder) / name)
        kept += f" (it has no {tail[len(kept) :]})" if kept != tail else ""
        return (
            f"did you mean {link_places.address(_from_article(there, source))}{kept}? The file "
            f"content/{there} has that name: was it moved?"
        )
    stem, parent = relative.stem, content_dir / relative.parent
    if relative.suffix != ".md" or not parent.is_dir():
        return None
    names = sorted(
        p.name
        for p in parent.iterdir()
        if p.suffix == ".md"
        and f"-{stem}-" in f"-{p.stem}-"
        and p.name != relative.name
        and not _left_out(p, content_dir, held)
    )
    if len(names) == 1:
        return f"did you mean {renamed(ref, names[0], parent)}? Was the story's file renamed?"
    if 1 < len(names) <= 4:
        named = ", ".join(renamed(ref, name, parent) for name in names[:-1])
        return (
            f"did you mean {named} or {renamed(ref, names[-1], parent)}? Was the story's file "
            "renamed? Link to the one meant"
        )
    return None


_DRAFT = re.compile(r"^draft:[ \t]*(?:true|True|TRUE|yes|Yes|on)[ \t]*(?:#.*)?$", re.MULTILINE)


def _left_out(path: Path, content_dir: Path, held: Callable[[str], bool]) -> bool:
    """Whether the story at `path` is a draft or one `held` says the build leaves out."""
    if path.suffix != ".md":
        return False
    try:
        source = path.relative_to(content_dir).as_posix()
    except ValueError:
        source = ""
    return _draft(path) or (bool(source) and held(source))


def _draft(path: Path) -> bool:
    """Whether the story at `path` says `draft: true` in its front matter (a draft is
    never offered: a link to it is itself refused); `path` is named `*.md`."""
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            head = file.read(1 << 16)
    except OSError:
        return False
    return head.startswith("---") and bool(_DRAFT.search(head.split("\n---", 1)[0]))


def _folder(ref: str, folder: PurePosixPath, content_dir: Path, source: str) -> str:
    """The fix for a link to a folder of content/ (`./`, `../06/`) from the article
    `source` (not offered as a story to link to)."""
    where = "content/" if folder == PurePosixPath(".") else f"content/{folder}/"
    stories = sorted(
        p.name
        for p in (content_dir / folder).iterdir()
        if p.suffix == ".md" and p.is_file() and (folder / p.name).as_posix() != source
    )
    if not stories:
        return f"{ref!r} is the folder {where}, which is not a page: link to a file in it"
    return (
        f"{ref!r} is the folder {where}, which is not a page: link to one story in it by "
        f"its .md file, such as {_from_article(folder / stories[0], source)}"
    )


def _close_name(
    ref: str,
    relative: PurePosixPath,
    content_dir: Path,
    held: Callable[[str], bool] = _never,
    capitals: bool = True,
    close: bool = True,
) -> str | None:
    """'did you mean' a file of the same folder in other `capitals`, or with a `close`
    name (never a draft or a story the build leaves out: `held`)."""
    folder = content_dir / relative.parent
    if not folder.is_dir():
        return None
    names = sorted(
        p.name for p in folder.iterdir() if p.is_file() and not _left_out(p, content_dir, held)
    )
    wanted = one_form(relative.name).casefold()
    same = [name for name in names if one_form(name).casefold() == wanted]
    if capitals and same and same[0] != relative.name:
        return (
            f"did you mean {renamed(ref, same[0], folder)}? File names must match in "
            "capitals too (the web server tells them apart)"
        )
    found = difflib.get_close_matches(relative.name, names, n=1, cutoff=0.8) if close else []
    if found:
        return f"did you mean {renamed(ref, found[0], folder)}? no file {relative.name} was found"
    return None


def names_story(path: str, resolved: PurePosixPath | str, source: str) -> bool:
    """Whether a link's path `path` (written in the article `source`; `resolved`, its file
    under content/ or why there is none) names a story's .md file: as written (`x.md`), or
    once read as a path (`x.md/`, `x.md/.`, `x.md//`: the same file)."""
    if path.endswith(".md"):
        return True
    named = resolved if not isinstance(resolved, str) else content_path(path, source)
    return not isinstance(named, str) and named.name.endswith(".md")


# Files a browser runs as a page (scripts included) when a reader opens their link.
WEB_PAGES = (".html", ".htm", ".shtml", ".xhtml", ".xht", ".xml", ".xsl", ".xslt", ".svgz")


def unpublished_file(
    href: str, resolved: PurePosixPath, content_dir: Path, trusted_html: bool
) -> tuple[str, str] | None:
    """(message, fix) for a link `href` to a file of content/ (`resolved`, not named
    `*.md`) that is not published: a web page file (unless `trusted_html`), whose scripts
    would run on the site's address, or an article's Markdown text: a Markdown file not
    named `*.md` (`x.MD`, `x.markdown`), or a link on disk to a story's file. Published
    as a file, it would give readers the story's text, front matter and all, a draft's or
    a scheduled story's too. None for any other file. The name is read as resolved:
    `x.html/` is x.html."""
    name = resolved.name
    if name.lower().endswith(WEB_PAGES) and not trusted_html:
        return (
            f"link {href!r}: content/{resolved} is a web page file, published as it is, "
            "whose scripts would run on the site's own address",
            "publish the page or graphic where it is made (Datawrapper, Flourish, another "
            "site) and link to its https:// address; a site whose editors are all trusted "
            "can set trusted_html = true",
        )
    try:
        found = (content_dir / resolved).resolve().relative_to(content_dir.resolve())
        real = PurePosixPath(found.as_posix())
    except (OSError, ValueError, RuntimeError):
        real = resolved
    if not name.lower().endswith(MARKDOWN_SUFFIXES) and not real.name.endswith(".md"):
        return None
    message = (
        f"link to {shown(href)}: content/{resolved} is an article's Markdown text, which is "
        "never published as a file (readers would get its front matter and all)"
    )
    if real != resolved and real.name.endswith(".md"):
        return message, f"content/{resolved} is a link to content/{real}: link to that story"
    stem = name.rpartition(".")[0]
    return message, (
        f"rename the file to {stem}.md, as an article's file name must end in '.md', and "
        f"link to {stem}.md: the link then goes to the story's page"
    )


def story_link(
    href: str,
    path: str,
    resolved: PurePosixPath | str,
    source: str,
    content_dir: Path,
    article_url: Callable[[str], str | None] | None = None,
) -> tuple[str, str, Kind]:
    """The message, fix and severity for a body link `href` (its file's path: `path`) to
    a .md file that is no article of the build, nor a draft or a scheduled one: `resolved`
    is the file's path under content/ when there is one. A story that exists but was not
    read (its own error stops it, reported on its lines) is a warning here: the link is
    right. `article_url(source)`: the build's address of the story at a content path, ''
    for one it leaves out (a scheduled one), never offered in a 'did you mean'."""
    message = f"link to {shown(href)} points to no published article"
    held = _never if article_url is None else (lambda story: article_url(story) == "")
    tail = fragment(href) if href.startswith(path) else ""
    if isinstance(resolved, str):
        return message, missing_file_hint(path, source, content_dir, "story", tail, held), error
    if any(p.startswith(".") for p in resolved.parts):
        return (
            message,
            (
                f"content/{resolved} is not read: files and folders whose names start with '.' "
                "are hidden; rename it without the '.', or remove the link"
            ),
            error,
        )
    if resolved.name not in os.listdir(content_dir / resolved.parent):  # other capitals
        return message, missing_file_hint(path, source, content_dir, "story", tail, held), error
    return (
        f"link to {shown(href)}: the story content/{resolved} exists but is not published, "
        "because of an error of its own, listed under its name",
        f"correct content/{resolved} (its error is listed under its name); this link is "
        "right and works once that story is published",
        warning,
    )


# The start of a web address typed with its scheme or slashes wrong: 'https:/x', 'https:x',
# 'https//x', 'https:///x', 'htps://x', 'https:\\x' (a word close to https, then ':' and
# slashes in any number, or slashes alone), before a host name.
_WEB_START = re.compile(r"^(?P<scheme>[a-z]{3,6})(?P<sep>[:;][/\\]*|[/\\]+)(?=[^/\\]+\.)", re.I)
# A web address typed without https:// (`x.org/a.jpg`): a host name, then a path.
_BARE_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,12}/\S", re.I)
# A path on the editor's own computer: in the home folder (`~/`, `/home/`, `/Users/`) or
# on a disk mounted there (`/Volumes/`, `/mnt/`, `/media/`).
_HOME = re.compile(r"^~[\\/]|^/(?:home|Users|Volumes|mnt|media|root)/", re.I)
_NO_HOST = re.compile(r"^https?:[/\\]*$", re.I)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_LOCAL_DISK = re.compile(r"^(?:file:/*)?(?P<drive>[A-Za-z]):[\\/]|^\\\\|^file:", re.I)


def _unfinished(src: str, field: str, key: str, short: str) -> tuple[str, str] | None:
    """(message, fix) for `https://` with no address after it, or an address typed
    without it (`example.org/a.jpg`); None otherwise."""
    if _NO_HOST.match(src):
        return (
            f"{field}: {short!r} is the start of a web address with no address after it",
            f"write the picture's whole address ({key}: https://example.org/photo.jpg), or "
            f"put the picture in content/ beside the article and write its file name after "
            f"{key}:",
        )
    if _BARE_HOST.match(src):
        return (
            f"{field}: {short!r} is a web address without https:// in front, so it is read "
            "as a file in content/, which is not there",
            f"write {key}: https://{src}",
        )
    return None


def address_meant(src: str, field: str) -> tuple[str, str] | None:
    """(message, fix) for a picture address `src` in `field` (`image.src`) that is neither
    an https:// address nor a file's path: a protocol-relative address copied from HTML
    (`//cdn.example.org/a.jpg`), a web address with its scheme or slashes mistyped
    (`https:/example.org/a.jpg`, `https:///...`, `htps://...`), a path on the editor's
    computer (`C:\\Users\\...`, `\\\\server\\share\\...`, `file:///...`) or another
    kind of address (`ftp:`, `data:`). None for any other value (a path in content/, a
    well-formed web address)."""
    short = src if len(src) <= 60 else src[:57] + "..."
    key = field.rsplit(".", 1)[-1]
    unfinished = _unfinished(src, field, key, short)
    if unfinished is not None:
        return unfinished
    if src.startswith("//") and len(src) > 2 and src[2] not in "/\\":
        return (
            f"{field}: {short!r} has no https: in front (an address copied from a "
            "page's HTML), so it is not a web address",
            f"write the whole address: {key}: https:{src}",
        )
    web = _WEB_START.match(src)
    scheme, sep = (web.group("scheme").lower(), web.group("sep")) if web else ("", "")
    close = difflib.SequenceMatcher(None, scheme, "https").ratio() >= 0.75
    if web and close and (scheme, sep) not in (("https", "://"), ("http", "://")):
        return (
            f"{field}: {short!r} is a web address mistyped: it starts {src[: web.end()]!r}, "
            "where a web address starts https://",
            f"write {key}: https://{src[web.end() :]}",
        )
    disk = _LOCAL_DISK.match(src) or _HOME.match(src)
    if disk:
        name = re.split(r"[\\/]", src)[-1] or "the picture"
        drive = disk.groupdict().get("drive")
        home = "in your home folder" if _HOME.match(src) else "not online"
        where = f"drive {drive.upper()}:" if drive else home
        return (
            f"{field}: {short!r} is a file on your own computer or network ({where}), "
            "which readers cannot open",
            f"put {name} in content/ beside the article and write its file name: {key}: {name}",
        )
    found = _SCHEME.match(src)
    kind = found.group(1).lower() if found else ""
    if kind in ("", "http", "https"):
        return None
    if kind == "data":
        return (
            f"{field}: the picture is pasted as text (a data: address), which is not published",
            "save the picture as a file in content/ beside the article, and write that "
            f"file's name after '{key}:' ({key}: chart.png for a file chart.png)",
        )
    return (
        f"{field}: {short!r} is not a picture's web address ({kind}: addresses are not published)",
        "use the picture's https:// address, or put the picture in content/ beside the "
        f"article and write its file name after {key}:",
    )
