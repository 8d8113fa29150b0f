"""Kill the real application with SIGKILL while it types: on reopening, the article holds
every save the window confirmed before the kill, as typed, and the file is intact.

How much typing a kill loses ("about a second") depends on the machine's pace, so it is
measured in tests/benchmarks/bench_crash_loss.py, not asserted here."""

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

from copydesk.articles import operations
from tests.helpers import REPO, opened

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
        self.saved: list[int] = []  # body lengths the window reported saved, in order
        self.first_save = threading.Event()
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("ready"):
                self.ready.set()
            elif line.startswith("typed "):
                self.typed_at.append(time.monotonic())
            elif line.startswith("saved "):
                self.saved.append(int(line.split()[1]))
                self.first_save.set()

    def kill_after(self, seconds: float, *, after_a_save: bool = True) -> tuple[float, int]:
        """SIGKILL ``seconds`` into the typing (and, if asked, not before the first save
        was confirmed); when, and the longest body confirmed saved by then."""
        if not self.ready.wait(timeout=60):
            self.process.kill()
            pytest.fail("the application did not open its library within 60 s")
        time.sleep(seconds)
        if after_a_save and not self.first_save.wait(timeout=60):
            self.process.kill()
            pytest.fail("the window confirmed no save within 60 s of typing")
        confirmed = max(self.saved, default=0)
        killed_at = time.monotonic()
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        return killed_at, confirmed

    def typed_before(self, moment: float) -> int:
        return sum(1 for at in self.typed_at if at <= moment)


@pytest.mark.timeout(180)
@pytest.mark.parametrize("kill_after", [0.4, 1.9, 3.3])
def test_sigkill_while_typing_keeps_every_confirmed_save(tmp_path: Path, kill_after: float) -> None:
    library = tmp_path / "crash.copydesk"
    with opened(library, sample=True) as setup:
        (summary,) = operations.list_articles(library)
        sample_body = operations.load_article(setup, summary.id).record.content.body  # type: ignore[union-attr]
    text_file = tmp_path / "typed.txt"
    text_file.write_text(TYPED, encoding="utf-8")

    typist = Typist(library, text_file)
    _killed_at, confirmed = typist.kill_after(kill_after)

    with opened(library, create=False) as reopened:
        record = operations.load_article(reopened, summary.id).record
    assert record is not None
    body = record.content.body
    assert body.startswith(sample_body), "text saved before the typing began was lost"
    kept = body[len(sample_body) :]
    assert TYPED.startswith(kept), "the saved text is not what was typed"
    assert len(body) >= confirmed > len(sample_body), (
        f"the window confirmed a body of {confirmed} characters; {len(body)} survived the kill"
    )
    connection = sqlite3.connect(library)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
