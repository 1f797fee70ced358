"""What `newsdigest init` does in a folder that already has files (a repository made on
GitHub with a README, .gitignore and licence; a Hugo or Jekyll newsroom): as
`hugo new site --force`, it writes the files newsdigest needs that are missing and keeps
every existing file exactly as it is, naming each one it kept and what to do about it.
Only a folder that already is a newsdigest site (newsdigest.toml, or [tool.newsdigest]
in pyproject.toml) is refused.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from generator.diagnostics import ConfigError


def refuse_a_site(root: Path) -> None:
    """ConfigError when `root` is no folder, is already a newsdigest site, or holds a file
    where init must make a folder (`content`, `.github`): nothing is written then."""
    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root} is a file; give the name of a new folder")
    settings = root / "newsdigest.toml"
    if settings.exists() or _pyproject_has_settings(root / "pyproject.toml"):
        which = "newsdigest.toml" if settings.exists() else "pyproject.toml's [tool.newsdigest]"
        raise ConfigError(
            f"{root} is already a newsdigest site ({which}), so nothing was changed there; "
            f"run `newsdigest check` in it, or give init a new folder"
        )
    for folder in ("content", ".github", ".github/workflows"):
        if (root / folder).exists() and not (root / folder).is_dir():
            raise ConfigError(
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
        have = set((root / name).read_text(encoding="utf-8", errors="replace").split())
        missing = [line for line in wanted.splitlines() if line and line[0] != "#"]
        missing = [line for line in missing if line not in have]
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


def kept_lines(kept: dict[str, str], stories: int) -> list[str]:
    """The summary's lines about what init found in the folder and left as it was."""
    lines = ["kept, not changed (they were already there):"] if kept or stories else []
    lines += [f"  {name}: {advice}" for name, advice in kept.items()]
    if stories:
        lines.append(
            f"  content/: {stories} Markdown file{'s' if stories != 1 else ''}, read as "
            "stories from now on (no welcome article was written); `newsdigest check` "
            "names what each one needs (front matter from another generator may)"
        )
    return lines
