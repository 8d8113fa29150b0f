"""Test-wide setup. The environment is fixed here, before anything imports Qt."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="copydesk-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # CI runs as root; Chromium's sandbox refuses
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = "--disable-gpu"
for _name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SANDBOX / _name.lower())
os.environ.pop("COPYDESK_LIBRARY", None)
os.environ.pop("PGPASSWORD", None)
os.environ.pop("PGPASSFILE", None)
# No OS keyring in the tests: a password comes from the address, PGPASSFILE, or nowhere.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("COPYDESK_STARTUP_TRACE", None)

from tests.helpers import SHARED  # noqa: E402  (the environment above comes first)


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing: expected at {SHARED}")
    return SHARED


@pytest.fixture
def world_readable_dir() -> Iterator[Path]:
    """A folder every user can reach (tests that drop root's powers need one)."""
    folder = Path(tempfile.mkdtemp(prefix="copydesk-shared-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Where a test library goes (not created)."""
    return tmp_path / "test.copydesk"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Core tests first: they fail fastest and say most.
    order = {"core": 0, "qt": 1, "e2e": 2}
    items.sort(key=lambda item: order.get(Path(str(item.fspath)).parent.name, 1))
