"""How much typing a SIGKILL loses: the real window types (as tests/e2e/typing_driver.py),
is killed at a moment in the typing, and the library is read again. The figure is the time
between the last keystroke the library kept and the kill. Target (the autosave's promise,
"about a second"): median <= 1,300 ms.

    .venv/bin/python tests/benchmarks/bench_crash_loss.py [--rounds 6]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchlib import Figure, report
from tests.e2e.test_crash_safety import TYPED, Typist
from tests.helpers import opened

from copydesk.articles import operations

TARGET_MS = 1300.0


def one_kill(folder: Path, seconds: float) -> float:
    library = folder / f"crash-{seconds}.copydesk"
    with opened(library, sample=True) as setup:
        (summary,) = operations.list_articles(library)
        sample = operations.load_article(setup, summary.id).record.content.body  # type: ignore[union-attr]
    text_file = folder / "typed.txt"
    text_file.write_text(TYPED, encoding="utf-8")
    typist = Typist(library, text_file)
    killed_at, _confirmed = typist.kill_after(seconds, after_a_save=False)
    with opened(library, create=False) as reopened:
        body = operations.load_article(reopened, summary.id).record.content.body  # type: ignore[union-attr]
    kept = len(body) - len(sample)
    if kept >= len(typist.typed_at):
        return 0.0
    return (killed_at - typist.typed_at[kept]) * 1000  # since the first keystroke lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    rounds = parser.parse_args().rounds
    moments = [0.5 + 2.8 * n / max(1, rounds - 1) for n in range(rounds)]
    with tempfile.TemporaryDirectory() as folder:
        lost = [one_kill(Path(folder), seconds) for seconds in moments]
    ok = report(
        "Typing lost to a SIGKILL",
        [Figure("typing lost before the kill", lost, TARGET_MS)],
        [f"{rounds} kills between 0.5 and 3.3 s into the typing, offscreen"],
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
