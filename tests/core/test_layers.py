"""The package's layering (``[tool.importlinter]`` in pyproject.toml) holds: the command
line and the window on top, Qt only under ``copydesk.qt``, records and errors at the bottom.
A broken contract fails here, not only in ``make lint``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_import_contract_is_kept() -> None:
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
