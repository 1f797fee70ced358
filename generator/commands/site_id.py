"""`check --base REV`: a change of the site's `site_id`, which changes every feed GUID.

Every story's GUID (tag:SITE_ID:DAY/SLUG, RFC 4151) is made from `site_id`, so a pull
request that edits it gives every item of every feed a new GUID, and every subscriber's
feed reader shows the whole archive again as new stories. This is an error on the
`site_id` line of the settings file, found by reading that setting at REV.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from generator.commands.history import _git_bytes, _in_repository
from generator.config import Settings
from generator.diagnostics import Diagnostic, UsageError, error
from generator.settings_file import PYPROJECT, SETTINGS_FILE, Paths, find_settings
from generator.settings_lines import setting_lines


def old_site_id(top: Path, project: str, base: str) -> str | None:
    """The site_id in the site's settings file at git `base` (newsdigest.toml, or
    [tool.newsdigest] in pyproject.toml); None when neither file says one there."""
    for name, table in ((SETTINGS_FILE, ()), (PYPROJECT, ("tool", "newsdigest"))):
        inside = f"{project}/{name}" if project != "." else name
        try:
            raw = _git_bytes(top, "show", f"{base}:{inside}")
            found: object = tomllib.loads(raw.decode("utf-8-sig"))
        except (UsageError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        for key in table:
            found = found.get(key) if isinstance(found, dict) else None
        value = found.get("site_id") if isinstance(found, dict) else None
        if isinstance(value, str):
            return value
    return None


def site_id_changed(paths: Paths, base: str, settings: Settings) -> list[Diagnostic]:
    """An error on the site_id line when the setting differs from its value at `base`."""
    repository = _in_repository(paths.project)
    if repository is None:
        return []
    before = old_site_id(*repository, base)
    if before is None or before == settings.site_id:
        return []
    file = find_settings(paths.project)[0]
    line = next((n for n, key in setting_lines(file) if key == "site_id"), 1)
    return [
        error(
            os.path.relpath(file, paths.content),
            line,
            f"site_id was {before!r} at {base}; changing it gives every story a new feed "
            "ID (GUID), so every subscriber's feed reader shows the whole archive again as "
            "new stories",
            f'change it back: site_id = "{before}" (it names the site in every GUID, not '
            "its address: keep it after a move to a new domain)",
        )
    ]
