"""What a change does to published articles: moved URLs and changed feed GUIDs.

`check --base REV` compares the content with a git revision (the pull request's base)
and warns when an article that was published there would get a new URL or a new GUID
in this change (its file renamed, its date or slug changed) or would disappear: readers'
links would break and feed readers would show it again as a new story.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from generator import scratch
from generator.commands.backdated import backdated
from generator.config import Settings
from generator.diagnostics import Diagnostic, UsageError, error, warning
from generator.index.selection import Selection
from generator.languages import language_key
from generator.load.copies import headline_key, same_text
from generator.load.lines import field_line, front_lines
from generator.model import Article, article_path
from generator.settings_errors import display
from generator.settings_file import Paths
from generator.stages_api import load_reads, read_bytes

if TYPE_CHECKING:
    from generator.commands.build import Result


@dataclass(frozen=True, slots=True)
class Address:
    """Where an article lives (its day and slug) and what feed readers know it by."""

    day: date
    slug: str
    guid: str

    @property
    def url(self) -> str:
        return "/" + article_path(self.day, self.slug)


def _where(content_dir: Path) -> tuple[Path, str]:
    """Where to run git, and the path from there to content_dir ('' when it is there): the
    nearest existing folder, since git removes a folder whose last file was deleted."""
    here, prefix = content_dir, ""
    while not here.is_dir() and here != here.parent:
        prefix = here.name if not prefix else f"{here.name}/{prefix}"
        here = here.parent
    return here, prefix


def _git_bytes(content_dir: Path, *args: str, index: str = "") -> bytes:
    """git's output for ARGS, run in content_dir (or its nearest folder); with `index`,
    on that index file instead of the clone's (GIT_INDEX_FILE)."""
    env = {**os.environ, "GIT_INDEX_FILE": index} if index else None
    try:
        cwd = _where(content_dir)[0]
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, env=env)
    except OSError as exc:
        raise UsageError(f"--base needs git: {exc.strerror}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"--base: git {' '.join(args[:2])} failed: {message}")
    return done.stdout


def _repository(content_dir: Path, base: str) -> None:
    """Refuse, in plain words, a folder outside a git clone or a base git does not know."""
    try:
        _git_bytes(content_dir, "rev-parse", "--is-inside-work-tree")
    except UsageError:
        raise UsageError(
            "--base needs a git repository: this folder is not in one; run it in the "
            "newsroom's clone (git clone ...), or check without --base"
        ) from None
    try:
        _git_bytes(content_dir, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except UsageError:
        branch = base.removeprefix("origin/")
        raise UsageError(
            f"--base {base}: this clone has no branch, tag or commit {base!r}; fetch it "
            f"(git fetch origin {branch}) or name one that `git branch -a` lists"
        ) from None


def _git(content_dir: Path, *args: str) -> str:
    return _git_bytes(content_dir, *args).decode("utf-8", "surrogateescape")


def _in_repository(project: Path) -> tuple[Path, str] | None:
    """The top folder of the git repository holding the site's folder `project`, and the
    path from there to it ('.' at the top); None when the folder is outside it."""
    top = Path(_git(project, "rev-parse", "--show-toplevel").strip())
    inside = os.path.relpath(project.resolve(), top).replace(os.sep, "/")
    return None if inside.startswith("..") else (top, inside)


def _old_address(
    raw: bytes, source: str, settings: Settings, content_dir: Path, now: datetime
) -> Address | None:
    """The published address of an article as it was, or None if it was not published
    (`_published_at_base`)."""
    article = _published_at_base(raw, source, settings, content_dir, now)
    return None if article is None else _new_address(article)


def _published_at_base(
    raw: bytes, source: str, settings: Settings, content_dir: Path, now: datetime
) -> Article | None:
    """The article as it was (`raw`), or None if it was not published.

    Read and validated as a build reads it (stages_api.read_bytes, as read_one reads a
    file); a version with errors was not published, nor one a default build leaves out."""
    article, _ = read_bytes(raw, source, load_reads(settings), content_dir)
    if article is None or not Selection().includes(article, now):
        return None
    return article


def _rewritten(old: Article, settings: Settings, added: list[Article]) -> Article | None:
    """The article of a file new since the base that is the deleted one (`old`, as it was
    published) renamed and rewritten, which git's similarity cannot see (prober5 P34): the
    same headline and date, or the same `translation_key` in the same language. None when
    none is."""

    def language(article: Article) -> str:
        return language_key(article.language or settings.language)

    for article in added:
        if headline_key(article.title) == headline_key(old.title) and article.date == old.date:
            return article
        if old.translation_key and (article.translation_key, language(article)) == (
            old.translation_key,
            language(old),
        ):
            return article
    return None


def _front_line(raw: bytes, key: str) -> str:
    """The `key:` line of the front matter of the version at the base (`raw`), as it was
    written (spaces around it aside); '' when it has none."""
    text = raw.decode("utf-8-sig", errors="replace")
    return next((line.strip() for _, k, line in front_lines(text) if k == key), "")


def _held_ahead(path: str, before: Address, article: Article, raw: bytes) -> Diagnostic:
    """The warning for a published article whose new date is ahead (a year typed 2027 for
    2025): it leaves the site until then, which no alias can undo (prober5 P45)."""
    was = _front_line(raw, "date")
    return warning(
        path,
        max(article.line_of("date"), 1),
        f"this change takes a published article off the site until {article.date:%d %b %Y} "
        f"(its new date is ahead, so it is held back as scheduled): its page {before.url} "
        "will be gone until then",
        "if the new date is a typo, correct it"
        + (
            f"; to keep the story where it is, write back the date it was published with: {was}"
            if was
            else ""
        ),
    )


def _new_address(article: Article) -> Address:
    return Address(article.day, article.slug, article.guid)


def _moved_message(before: Address, after: Address) -> str:
    """What moving the article does: links break (a new URL), feed readers show it again
    (a new GUID), or both; a GUID kept (its `id:` line) is said to be kept."""
    moved = f"({before.url} -> {after.url})"
    if after.guid == before.guid:
        return (
            f"this change moves a published article: its URL changes {moved}; links to it "
            "break (its feed GUID stays the same, so feed readers do not show it again)"
        )
    if after.url == before.url:
        return (
            "this change gives a published article a new feed GUID "
            f"({before.guid} -> {after.guid}); feed readers show it again as a new story"
        )
    return (
        f"this change moves a published article: its URL and feed GUID change {moved}; "
        "links to it break and feed readers show it again"
    )


def _moved_hint(
    before: Address, after: Address, article: Article, published: str, had_id: bool = False
) -> str:
    """How to keep the old address: pin it, or redirect it with the exact aliases: line.
    `published`: the GUID feed readers know the article by (made from the site_id at the
    base, which this change may edit too). `had_id`: the base's version had an `id:` line,
    so deleting the line would give a third GUID, never the published one (prober5 P8)."""
    old = "/" + article_path(before.day, before.slug)
    if after.url == before.url:  # a new GUID alone: only id: brings the old one back
        if article.line_of("id") > 1 and had_id:
            return f"write the GUID it was published with on its id: line: id: {published}"
        if article.line_of("id") > 1:
            return f"delete the id: line, or write the GUID it was published with: id: {published}"
        return f"add the line 'id: {published}' to keep the GUID it was published with"
    redirect = (
        f"add {old} to its aliases: list" if article.aliases else f"add the line 'aliases: [{old}]'"
    )
    if before.day == after.day and article.line_of("slug") > 1:
        return (
            f"change the slug line back to 'slug: {before.slug}' to keep both, or {redirect} "
            "to send readers on"
        )
    if before.day == after.day:
        return f"add 'slug: {before.slug}' to keep both, or {redirect} to send readers on"
    if after.guid != before.guid:
        return (
            f"a new date gives a new URL: {redirect} to send readers on, and add "
            f"'id: {published}' to keep the feed GUID"
        )
    return f"a new date gives a new URL: {redirect} to send readers on"


def _changes(content_dir: Path, base: str) -> list[tuple[str, str, str]]:
    """(status, old path, new path) of every changed article, relative to content_dir.
    A story not yet `git add`ed counts as the working tree's (`check` reads it): a file
    renamed with `mv` is a rename, not a deletion. It is added, as `git add -N` does, to
    a copy of the clone's index; the clone's own index is left as it was."""
    prefix = _where(content_dir)[1]
    relative = f"--relative={prefix}" if prefix else "--relative"
    args = ("diff", "--name-status", "-M", relative, base, "--", prefix or ".")
    new = _git(content_dir, "ls-files", "-z", "--others", "--exclude-standard", "--", prefix or ".")
    stories = [name for name in new.split("\0") if name.endswith(".md")]
    if not stories:
        return _statuses(_git(content_dir, *args))
    with scratch.temporary("base") as folder:
        index = str(folder / "index")
        real = Path(
            _where(content_dir)[0], _git(content_dir, "rev-parse", "--git-path", "index").strip()
        )
        if real.is_file():
            shutil.copyfile(real, index)
        _git_bytes(content_dir, "add", "-N", "--", *stories, index=index)
        return _statuses(
            _git_bytes(content_dir, *args, index=index).decode("utf-8", "surrogateescape")
        )


def _statuses(out: str) -> list[tuple[str, str, str]]:
    """git diff --name-status's lines as (status, old path, new path), articles only."""
    changes = []
    for line in out.splitlines():
        fields = line.split("\t")
        status, old = fields[0][0], fields[1]
        new = fields[2] if len(fields) > 2 else old
        if old.endswith(".md"):
            changes.append((status, old, new))
    return changes


def moved_articles(
    paths: Paths, base: str, result: Result, settings: Settings, now: datetime
) -> list[Diagnostic]:
    """`result`'s diagnostics (`_copies_since`'s said) and warnings for published articles
    whose URL or GUID this change would alter (`paths`: the site's folders; a GUID made
    from the site_id at `base` is compared too)."""
    articles, content_dir = result.articles, paths.content
    _repository(content_dir, base)
    at_base = _settings_at_base(paths, base, settings)
    by_source = {a.source: a for a in articles}
    # A file git sees deleted may live on in one it sees added (a rename with its lines
    # changed): the article whose id: is its GUID, or whose aliases: hold its address.
    pinned = {a.guid: a for a in articles} | {al: a for a in articles for al in a.aliases}
    problems: list[Diagnostic] = []
    prefix = _where(content_dir)[1]
    changes = _changes(content_dir, base)
    added = [by_source[new] for status, _, new in changes if status == "A" and new in by_source]
    for status, old_path, new_path in changes:
        if status not in "RMD":
            continue
        inside = f"{prefix}/{old_path}" if prefix else old_path
        old_bytes = _git_bytes(content_dir, "show", f"{base}:./{inside}")
        was = _published_at_base(old_bytes, old_path, settings, content_dir, now)
        if was is None:
            continue
        before = _new_address(was)
        article = by_source.get(new_path) if status != "D" else None
        if status == "D":
            article = (
                pinned.get(before.guid)
                or pinned.get(before.url.lstrip("/"))
                or _rewritten(was, settings, added)
            )
            new_path = article.source if article is not None else new_path
        if article is None:
            problems += [_deleted(old_path, before)] if status == "D" else []
            continue
        if not article.draft and article.date > now:
            problems.append(_held_ahead(new_path, before, article, old_bytes))
            continue
        after = _new_address(article)
        before, published = _at_base(before, after, old_bytes, old_path, at_base, content_dir, now)
        if after == before or (
            after.guid == before.guid and before.url.lstrip("/") in article.aliases
        ):
            continue  # not moved, or moved with its old address redirected and its GUID kept
        problems.append(
            warning(
                new_path,
                _moving_line(before, after, article),
                _moved_message(before, after),
                _moved_hint(before, after, article, published, bool(_front_line(old_bytes, "id"))),
            )
        )
    problems += backdated(added, articles, now, base)  # a year typed wrong (T15)
    return _copies_since(result.diagnostics, added, articles, content_dir, base) + problems


def _copies_since(
    said: list[Diagnostic],
    added: list[Article],
    articles: list[Article],
    content_dir: Path,
    base: str,
) -> list[Diagnostic]:
    """`said` with the copy warning (or same-address error) of each pair of files of one
    text, one of them new since `base` and the other not, said on the new one as the copy:
    with --base, which one was copied is known (prober5 P12)."""
    new = {a.source for a in added}
    older = {(a.title, a.date): a for a in articles if a.source not in new}
    for copy in added:
        first = older.get((copy.title, copy.date))
        if first is None or not same_text(content_dir / first.source, content_dir / copy.source):
            continue
        pair = {first.source, copy.source}
        told = [d for d in said if d.path in pair and "are one file copied" in d.message]
        if not told:
            continue
        said = [d for d in said if d not in told]
        where = (
            f"at the same address, /{copy.path}"
            if copy.path == first.path
            else f"twice, at /{first.path} and at /{copy.path}, and in every feed"
        )
        tell = error if any(d.severity == "error" for d in told) else warning
        said.append(
            tell(
                copy.source,
                field_line(content_dir / copy.source, "title"),
                f"this story is a copy of {display(content_dir / first.source)} (the same text, "
                f"front matter and all), and new since {base}: it would be published {where}",
                "delete this file, or write the new story in it (its own title and date)",
            )
        )
    return said


def _deleted(old_path: str, before: Address) -> Diagnostic:
    return warning(
        old_path,
        1,
        f"deletes a published article (its page {before.url} will be gone)",
        "keep the file, or mark it 'draft: true' if it must come down",
    )


def _settings_at_base(paths: Paths, base: str, settings: Settings) -> Settings | None:
    """The settings with the site_id the settings file had at `base`, when this change
    edits it (commands/site_id.py names that as an error of its own); else None."""
    from generator.commands.site_id import old_site_id

    repository = _in_repository(paths.project)
    before = old_site_id(*repository, base) if repository is not None else None
    return replace(settings, site_id=before) if before not in (None, settings.site_id) else None


def _at_base(
    before: Address,
    after: Address,
    raw: bytes,
    source: str,
    at_base: Settings | None,
    content_dir: Path,
    now: datetime,
) -> tuple[Address, str]:
    """The article's address to compare with, and the GUID it was published with (made
    from the site_id at the base: the one a fix must name). The address is the one at the
    base when the article keeps that GUID now (an `id:` pinned to it while site_id
    changes): feed readers then see the same GUID. Else `before` (made from today's
    site_id: a GUID changed by the new site_id alone is the site_id error's to name)."""
    if at_base is None or after.guid == before.guid:
        return before, before.guid
    published = _old_address(raw, source, at_base, content_dir, now)
    if published is None:
        return before, before.guid
    return (published if published.guid == after.guid else before), published.guid


def _moving_line(before: Address, after: Address, article: Article) -> int:
    """The line that moves the article: its `date:` for a new day, its `slug:` for a new
    slug, its `id:` for a new GUID alone; 1 (the file's name) for a renamed file."""
    if before.day != after.day:
        field = "date"
    elif before.slug != after.slug:
        field = "slug"
    else:
        field = "id"
    return max(article.line_of(field), 1)
