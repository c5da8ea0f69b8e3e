"""Issue 11: `python tools/screenshots.py` works as the README writes it (any Python on the
PATH, not only .venv/bin/python), and regenerating gives the same SVG (no current time)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.repo_paths import REPO

SYSTEM_PYTHON = shutil.which("python3", path=os.defpath)


@pytest.mark.skipif(SYSTEM_PYTHON is None, reason="no python3 outside the venv")
def test_screenshots_tool_runs_with_plain_python_and_is_reproducible(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    pictures = []
    for run in ("one", "two"):
        out = tmp_path / run
        result = subprocess.run(
            [str(SYSTEM_PYTHON), "tools/screenshots.py", "drafts"],
            cwd=REPO,
            env={**env, "SCREENSHOTS_DIR": str(out)},
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert result.returncode == 0, result.stderr
        pictures.append((out / "drafts.svg").read_bytes())
    assert pictures[0] == pictures[1]
