"""A file named where a folder is meant (`--content`, `--templates`, the content_dir
setting): the UsageError naming the folder to give. The folder that holds the file is
named only when the file is one the folder holds (a story: a .md file opening with front
matter; a template: an .html file):
`--content newsdigest.toml` is in the site's folder, not the stories' (prober5 P42)."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import UsageError

# option -> (what the folder holds, the suffixes of its files, the folder usually given)
_HELD = {
    "--content": ("stories", (".md",), "content"),
    "--templates": ("theme's templates", (".html",), "templates"),
}


def not_a_file(
    path: Path | None, option: str, from_settings: bool = False, usual: str = ""
) -> None:
    """Raise a UsageError when `path`, given to `option` (or, `from_settings`, by the
    content_dir setting), is a file: a story's or template's names its folder; any other
    file, the folder such files are usually in (`usual`, or the one newsdigest reads
    when the option is left out)."""
    if path is None or not path.is_file():
        return
    held, suffixes, default = _HELD[option]
    usual = default if from_settings else usual or default  # the setting's own: the file
    own = path.suffix.lower() in suffixes and (option != "--content" or _story(path))
    folder = path.parent.as_posix() if own else usual
    what = "a file, not a folder" if own else f"a file, not a folder of {held} ({suffixes[0]})"
    if from_settings:
        raise UsageError(
            f"content_dir names {path}, {what}: write the folder that holds the stories"
            f'{"" if own else ", usually content"}: content_dir = "{folder}"'
        )
    raise UsageError(
        f"{path} is {what}: pass the folder that holds the {held}"
        f"{'' if own else f', usually {usual}'} ({option} {folder})"
    )


def _story(path: Path) -> bool:
    """Whether a .md file is a story: it opens with front matter (a README.md does not)."""
    try:
        with path.open("rb") as file:
            return file.read(6).removeprefix(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False
