"""What `newsdigest init` does in a folder that already has files (a repository made on
GitHub with a README, .gitignore and licence; a Hugo or Jekyll newsroom): as
`hugo new site --force`, it writes the files newsdigest needs that are missing and keeps
every existing file exactly as it is, naming each one it kept and what to do about it.
Only a folder that already is a newsdigest site (newsdigest.toml, or [tool.newsdigest]
in pyproject.toml) is refused. Jekyll's _posts/ and other generators' Pages workflows
are named, with what to do about them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from generator.diagnostics import UsageError


def refuse_a_site(root: Path) -> None:
    """UsageError when `root` is no folder, is already a newsdigest site, or holds a file
    where init must make a folder (`content`, `.github`): nothing is written then."""
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} is a file; give the name of a new folder")
    settings = root / "newsdigest.toml"
    if settings.exists() or _pyproject_has_settings(root / "pyproject.toml"):
        which = "newsdigest.toml" if settings.exists() else "pyproject.toml's [tool.newsdigest]"
        raise UsageError(
            f"{root} is already a newsdigest site ({which}), so nothing was changed there; "
            f"run `newsdigest check` in it, or give init a new folder"
        )
    for folder in ("content", ".github", ".github/workflows"):
        if (root / folder).exists() and not (root / folder).is_dir():
            raise UsageError(
                f"{(root / folder).as_posix()} is a file, where newsdigest keeps a folder; "
                "rename it and run init again (nothing was changed)"
            )


def _pyproject_has_settings(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "newsdigest" in tool


def stories_in(content: Path) -> list[Path]:
    """The Markdown files already under content/ (a Hugo or Jekyll newsroom's stories)."""
    return sorted(content.rglob("*.md")) if content.is_dir() else []


def kept_advice(root: Path, name: str, wanted: str) -> str:
    """What to do about an existing file init kept in place of writing `wanted` there."""
    if name == ".gitignore" and (root / name).is_file():
        have = (root / name).read_text(encoding="utf-8", errors="replace").split()
        missing = [line for line in wanted.splitlines() if line and line[0] != "#"]
        missing = [line for line in missing if not any(_covers(h, line) for h in have)]
        if not missing:
            return "it already ignores what newsdigest builds"
        return "newsdigest's build folders are not in it; add these lines: " + " ".join(missing)
    if name == "README.md":
        return "newsdigest's short guide for editors was not written"
    if name.startswith(".github/workflows/"):
        return (
            "it is not newsdigest's workflow: compare it with the one `newsdigest init` "
            "writes in a new folder, and merge them by hand"
        )
    return "not changed"


def _covers(have: str, wanted: str) -> bool:
    """Whether the .gitignore pattern `have` ignores all that `wanted` does: `site` covers
    `site/` (a name anywhere, file or folder), `/site/` does not cover `site/` (anywhere)."""
    return (
        have.strip("/") == wanted.strip("/")
        and (not have.startswith("/") or wanted.startswith("/"))
        and (not have.endswith("/") or wanted.endswith("/"))
    )


# Steps of other generators' workflows that publish to GitHub Pages.
_PAGES_DEPLOYERS = ("actions/deploy-pages", "actions-gh-pages", "github-pages-deploy-action")


def other_pages_workflows(root: Path, ours: set[str]) -> list[str]:
    """The workflows under root/.github/workflows, other than `ours`, that publish to
    GitHub Pages (Hugo's hugo.yml, Jekyll's jekyll.yml...): each push would start both."""
    folder = root / ".github" / "workflows"
    found = []
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        if name not in ours and any(step in text for step in _PAGES_DEPLOYERS):
            found.append(name)
    return found


def jekyll_posts(root: Path) -> int:
    """How many Markdown posts a Jekyll newsroom keeps in root/_posts (not read as stories:
    newsdigest reads content/)."""
    posts = root / "_posts"
    return sum(1 for p in posts.rglob("*") if p.suffix.lower() in (".md", ".markdown"))


def kept_lines(kept: dict[str, str], stories: int, posts: int = 0) -> list[str]:
    """The summary's lines about what init found in the folder and left as it was."""
    lines = ["kept, not changed (they were already there):"] if kept or stories else []
    lines += [f"  {name}: {advice}" for name, advice in kept.items()]
    if stories:
        lines.append(
            f"  content/: {stories} Markdown file{'s' if stories != 1 else ''}, read as "
            "stories from now on (no welcome article was written); `newsdigest check` "
            "names what each one needs (front matter from another generator may)"
        )
    if posts:
        lines.append(
            f"  _posts/: {posts} Jekyll post{'s' if posts != 1 else ''}, NOT read: "
            "newsdigest reads stories under content/; move them there "
            "(`git mv _posts content/posts`) and run `newsdigest check` (README: "
            '"Moving in from Hugo or Jekyll"). No welcome article was written.'
        )
    return lines
