"""`newsdigest serve` from the terminal's side: how it starts and stops (Ctrl-C, SIGTERM,
at every moment), what it says about its options, and what it watches."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project, run_here


@pytest.mark.parametrize("port", ["99999", "-1", "65536", "eighty"])
def test_a_port_out_of_range_is_a_usage_error_not_a_traceback(tmp_path: Path, port: str) -> None:
    """`serve --port 99999` was Python's OverflowError with a traceback and status 1 (which
    README gives to content errors): now the usage error of any bad option, status 2."""
    project = make_project(tmp_path / "project")
    ran = run_here("serve", f"--port={port}", cwd=project)
    assert ran.returncode == 2
    assert f"--port: must be a port number from 0 to 65535 (0: any free port), not '{port}'" in (
        ran.stderr
    )
    assert "Traceback" not in ran.stderr
