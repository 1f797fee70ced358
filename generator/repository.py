"""The `repo_url`, `repo_branch` and `content_dir` settings' checks (tester3 H4, M6): the
repository page's address, a branch name git accepts and a content folder inside the
site's folder (the repository), since every article's "Edit" and "History" links are
`{repo_url}/edit/{repo_branch}/{content_dir}/{file}`; and that path made safe in an
address (`edit_path`).

Each check returns the message config.CHECKS gives (None when the value is right): the
problem, then '; write ...' with the line to write (settings_errors makes it the fix)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

from generator.settings_errors import repo_url_meant, shown, toml_value

# The parts of a repository's pages after `org/repo` (GitHub, Gitea, Codeberg, Bitbucket);
# GitLab puts `/-/` before them.
_PAGES = {
    "tree", "blob", "edit", "commits", "commit", "raw", "blame", "src", "pulls", "pull",
    "issues", "actions", "wiki", "releases", "tags", "branches", "compare", "history",
}  # fmt: skip
_BRANCH_PAGES = ("tree", "blob", "edit", "commits", "raw", "blame", "src", "history")
# What git's check-ref-format refuses in a branch name: a control character, a space,
# `~ ^ : ? * [ \`, `..`, `@{`, `//`.
_REFUSED = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{|//")
_UNSAFE = re.compile(r"[\x00-\x20\x7f\"#%<>?\[\\\]^`{|}]")  # not as typed in an address


def repo_url_problem(value: str, pattern: re.Pattern[str]) -> str | None:
    """Why `repo_url` is not a repository's page address (`pattern`: config's
    REPO_URL_PATTERN), with the line to write; a page inside the repository (`/tree/main`,
    `/blob/main/README.md`, `?tab=...`) is named with the repository's address."""
    if not value:
        return None
    if pattern.match(value):
        if (elsewhere := _other_routes(value)) is not None:
            return elsewhere
        page = _repository_page(value)
        clone = value.rstrip("/")
        if page is None and clone.lower().endswith(".git"):  # the clone address (prober4 M8)
            return (
                f"repo_url {shown(value)} is the repository's clone address (it ends in "
                "'.git'), not its page: the Edit and History links add their own path to "
                f"it; write repo_url = {shown(clone[:-4])}"
            )
        if page is None:
            return None
        home, branch, longer = page
        home = home.removesuffix(".git")  # `.../repo.git/tree/main`
        if branch.startswith(("tag ", "commit ")):  # Gitea's /src/tag/v1.0, /tree/0123abc
            kind, _, name = branch.partition(" ")
            return (
                f"repo_url {shown(value)} is a page of a {kind} ({shown(name)}), not the "
                f"repository's own address, and a {kind} is not a branch: the Edit and History "
                f"links add their own path to repo_url; write repo_url = {shown(home)}; they "
                "follow repo_branch ('main' when it is not set): if you publish from another "
                "branch, set repo_branch to its name (`git branch --show-current` prints it)"
            )
        also = (
            f"; and make repo_branch the branch you publish from, which this address names "
            f"as {shown(branch)}"
            + (
                f" (or {shown(longer)}, if that is the branch's whole name: the address cannot "
                "tell; `git branch --show-current` prints it)"
                if longer
                else ""
            )
            + ": change the repo_branch line if there is one, else add "
            f"repo_branch = {shown(branch)}"
            if branch
            else ""
        )
        return (
            f"repo_url {shown(value)} is a page inside the repository, not the "
            "repository's own address: the Edit and History links add their own path to it; "
            f"write repo_url = {shown(home)}{also}"
        )
    meant = repo_url_meant(value, pattern)
    return (
        f"repo_url {shown(value)} must be an https URL like https://github.com/org/repo; "
        f"write {meant or 'the repository page address, repo_url = ' + shown('https://github.com/org/repo')}"
    )


# Hosts whose edit and history pages are not at GitHub's routes nor at any newsdigest
# knows (README: Settings): their Edit and History links would lead to missing pages.
_OTHER_HOSTS = {
    "bitbucket.org": "Bitbucket",
    "git.sr.ht": "SourceHut",
    "dev.azure.com": "Azure DevOps",
    "ssh.dev.azure.com": "Azure DevOps",
    "sourceforge.net": "SourceForge",
    "launchpad.net": "Launchpad",
}


def _other_routes(value: str) -> str | None:
    """The error for a repository on a host whose pages newsdigest cannot link to
    (Bitbucket, SourceHut, Azure DevOps ...); None for any other host."""
    host = (urlsplit(value).hostname or "").lower().removesuffix(".")
    name = _OTHER_HOSTS.get(host.removeprefix("www."))
    if name is None and host.endswith(".visualstudio.com"):
        name = "Azure DevOps"
    if name is None:
        return None
    return (
        f"repo_url {shown(value)} is on {name}, whose edit and history pages newsdigest "
        "cannot link to (it makes them for GitHub, GitLab, Codeberg, Gitea and Forgejo "
        "only): every article's Edit and History link would lead to a missing page; "
        "delete the repo_url line (the articles then have no Edit and History links)"
    )


def _repository_page(value: str) -> tuple[str, str, str] | None:
    """(the repository's address, the branch named or '', the longest branch name with '/'
    it may name instead or '') for an address of a page inside it (`/tree/feature/x`:
    'feature', 'feature/x'); None for a repository's own address."""
    parts = urlsplit(value.rstrip("/"))
    segments = parts.path.strip("/").split("/")
    cut = segments.index("-") if "-" in segments else None
    if cut is None:
        cut = next((i for i, s in enumerate(segments) if i >= 2 and s in _PAGES), None)
    if cut is None and not parts.query and not parts.fragment:
        return None
    cut = len(segments) if cut is None else cut
    rest = segments[cut + (segments[cut : cut + 1] == ["-"]) :]
    branch = rest[1] if len(rest) > 1 and rest[0] in _BRANCH_PAGES else ""
    if branch == "branch" and len(rest) > 2:  # Gitea's /src/branch/main
        branch, rest = rest[2], rest[1:]
    home = f"{parts.scheme}://{parts.netloc}/{'/'.join(segments[:cut])}"
    if branch in ("tag", "commit") and len(rest) > 2:  # Gitea's /src/tag/v1.0 (prober4 M7)
        return home, f"{branch} {rest[2]}", ""
    if re.fullmatch(r"(?=.*\d)[0-9a-f]{7,40}", branch):  # /tree/0123abcd: a commit's id
        return home, f"commit {branch}", ""
    if not branch or branch_problem(branch) is not None:
        return home, "", ""
    # after a file's page (blob, edit, raw, blame) the last part is the file's name
    tail = rest[1 : -1 if rest[0] in ("blob", "edit", "raw", "blame") else None]
    longer = "/".join(tail) if len(tail) > 1 and branch_problem("/".join(tail)) is None else ""
    return home, branch, longer


def branch_problem(value: str) -> str | None:
    """Why `repo_branch` is not a name git gives a branch (its check-ref-format rules),
    with the line to write."""
    if not value.strip():
        main = toml_value("main")  # as _not_empty writes the line for the other settings
        return f"repo_branch is empty; write the branch edits go to: repo_branch = {main}"
    wrong = _REFUSED.search(value)
    if wrong is not None:
        what = "a space" if wrong.group() == " " else f"'{wrong.group()}'"
        what = what if wrong.group().isprintable() else f"the control code {wrong.group()!r}"
        why = f"has {what}, which git does not allow in a branch name"
    elif value in ("@", "HEAD"):  # git's names for the current commit (prober3 L2)
        why = f"is not a name git gives a branch ({value} is git's name for the current commit)"
    elif value.startswith(("/", "-", ".")) or value.endswith(("/", ".")):
        why = "is not a name git gives a branch (it starts or ends with '/', '-' or '.')"
    elif value.endswith(".lock"):
        why = "is not a name git gives a branch (it ends in '.lock')"
    elif any(part.startswith(".") or part.endswith(".lock") for part in value.split("/")):
        why = "is not a name git gives a branch (a part starts with '.' or ends with '.lock')"
    else:
        return None
    return (
        f"repo_branch {shown(value)} {why}, so every Edit and History link would be "
        "broken; write the branch's name as `git branch --show-current` prints it, like "
        f"repo_branch = {shown('main')}"
    )


def content_dir_problem(value: str) -> str | None:
    """Why `content_dir` is not a folder inside the site's folder (empty, a Windows drive's,
    or reached through '..'), with the line to write; `--content DIR` may name any folder.
    A path from the disk's root (`/...`) is the commands' to judge, knowing the site's
    folder (commands/arguments.py: `src/news` is offered for one inside it)."""
    if not value.strip():
        content = toml_value("content")  # as _not_empty writes the line for other settings
        return f"content_dir is empty; write the folder of articles: content_dir = {content}"
    path = PurePosixPath(value.replace("\\", "/"))
    parts = [p for p in path.parts if p not in (".", "")]
    if path.is_absolute():
        return None
    depth, outside = 0, PureWindowsPath(value).drive != ""
    for part in parts:
        depth += -1 if part == ".." else 1
        outside = outside or depth < 0
    if not outside:
        return None
    return (
        f"content_dir {shown(value)} is outside the site's folder: the stories must be in "
        "the site's repository (its Edit links, history and checks read them there), so "
        "newsdigest would read and name files it does not publish; move the folder into "
        f"the site's folder and write its path from there, like content_dir = {shown('content')}"
        " (or pass --content DIR to read another folder once)"
    )


def edit_path(path: str) -> str:
    """`branch/content_dir/file` with each character an address cannot hold as typed (a
    space, '#', '?', '%', quotes) written as its %XX code; letters of any script kept."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), path)
