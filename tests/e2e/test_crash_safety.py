"""Kill the real application with SIGKILL while it types: on reopening, the article holds
everything typed until about a second before the kill, and nothing saved earlier is lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from copydesk import operations
from tests.helpers import REPO, opened

# "About one second": the autosave's longest wait (0.8 s) plus a save and scheduling slack.
ALLOWED_LOSS_SECONDS = 1.3
TYPED = ("Le maire a répondu\u00a0: «\u00a0nous verrons\u00a0». " * 60)[:2400]


class Typist:
    """The driver process, and when each of its keystrokes was reported."""

    def __init__(self, library: Path, text_file: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.typing_driver", str(library), str(text_file)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.typed_at: list[float] = []  # monotonic time at which key n + 1 was reported
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("ready"):
                self.ready.set()
            elif line.startswith("typed "):
                self.typed_at.append(time.monotonic())

    def kill_after(self, seconds: float) -> float:
        if not self.ready.wait(timeout=60):
            self.process.kill()
            pytest.fail("the application did not open its library within 60 s")
        time.sleep(seconds)
        killed_at = time.monotonic()
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        return killed_at

    def typed_before(self, moment: float) -> int:
        return sum(1 for at in self.typed_at if at <= moment)


@pytest.mark.timeout(180)
@pytest.mark.parametrize("kill_after", [0.4, 1.9, 3.3])
def test_sigkill_while_typing_loses_at_most_about_a_second(
    tmp_path: Path, kill_after: float
) -> None:
    library = tmp_path / "crash.copydesk"
    with opened(library, sample=True) as setup:
        (summary,) = operations.list_articles(library)
        sample_body = operations.load_article(setup, summary.id).record.content.body  # type: ignore[union-attr]
    text_file = tmp_path / "typed.txt"
    text_file.write_text(TYPED, encoding="utf-8")

    typist = Typist(library, text_file)
    killed_at = typist.kill_after(kill_after)

    with opened(library, create=False) as reopened:
        record = operations.load_article(reopened, summary.id).record
    assert record is not None
    body = record.content.body
    assert body.startswith(sample_body), "text saved before the typing began was lost"
    kept = body[len(sample_body) :]
    assert TYPED.startswith(kept), "the saved text is not what was typed"
    must_have = typist.typed_before(killed_at - ALLOWED_LOSS_SECONDS)
    assert len(kept) >= must_have, (
        f"{len(kept)} characters kept; {must_have} were typed more than "
        f"{ALLOWED_LOSS_SECONDS} s before the kill"
    )
    connection = sqlite3.connect(library)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
