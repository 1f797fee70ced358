"""The project's site judge (/work/shared/judge, or NEWSDIGEST_JUDGE), run on a built site:
tools nobody on the project wrote. Tests that use it skip, with the install hint, on a
machine where the judge or its tools are not installed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import html_checker
import pytest

JUDGE = Path(os.environ.get("NEWSDIGEST_JUDGE", "/work/shared/judge/check_site.sh"))
NOT_SET_UP = 3  # check_site.sh's status when a check cannot run (its tools missing among them)


def judge(site: Path, base_path: str, *options: str, timeout: int = 900) -> None:
    """Run the judge on `site` served under `base_path` with `options` (check_site.sh's
    --skip, --only, --out...); fail with the end of its report when it finds an error."""
    if not JUDGE.is_file():
        pytest.skip(f"the site judge is not installed at {JUDGE} (set NEWSDIGEST_JUDGE)")
    environment = {**os.environ, "JDK_JAVA_OPTIONS": " ".join(html_checker.JAVA_QUICK)}
    done = subprocess.run(
        ["bash", str(JUDGE), str(site), base_path, *options],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode == NOT_SET_UP and "missing; run:" in done.stderr:
        pytest.skip(f"the site judge's tools are not installed: {done.stderr.strip()}")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
