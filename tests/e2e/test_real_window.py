"""The real program in a real X window (Xvfb), as ``make run`` starts it."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import COPYDESK

XVFB = shutil.which("Xvfb")
# `make test` installs Xvfb and sets COPYDESK_REQUIRE_XVFB: there a missing Xvfb is a failure.
REQUIRED = os.environ.get("COPYDESK_REQUIRE_XVFB") == "1"


@pytest.fixture(scope="module", autouse=True)
def _xvfb_available() -> None:
    if XVFB is None:
        message = "Xvfb is not installed (packaging/system-deps.sh test installs it)"
        pytest.fail(message) if REQUIRED else pytest.skip(message)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    number = 90 + os.getpid() % 9
    server = subprocess.Popen(
        [str(XVFB), f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def test_the_application_starts_in_a_real_window(display: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        COPYDESK_LIBRARY=str(tmp_path / "first-run.copydesk"),
        COPYDESK_STARTUP_TRACE="exit",
    )
    result = subprocess.run([str(COPYDESK)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    events = [
        line.split()[1]
        for line in result.stdout.splitlines()
        if line.startswith("copydesk-startup")
    ]
    assert events == ["first-paint", "article-ready"]
    assert (tmp_path / "first-run.copydesk").exists()
