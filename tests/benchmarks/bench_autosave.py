"""Autosave of a 10,000-word article: how long the GUI thread is blocked.

A real MainWindow (offscreen) with its database thread. Each round changes one word in the
middle of the body and lets the autosave run; the GUI thread's share is (1) handing the
content to the database thread (``Autosaver.flush``: reading the editor's text, building
the record, queueing the job) and (2) taking the saved result back (the ``saved`` slot).
The save itself runs on the database thread and is printed for comparison. Target (issue 4):
GUI thread blocked <= 2 ms median.

    .venv/bin/python tests/benchmarks/bench_autosave.py [--rounds 60]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchlib import Figure, report
from corpus import article_body

from copydesk.articles import operations
from copydesk.articles import store as articles
from copydesk.library.db import open_library
from copydesk.records.article import ArticleContent

TARGET_MS = 2.0
WORDS = 10_000


def make_library(path: Path) -> None:
    body = article_body(WORDS, seed=10)

    def fill(session) -> None:  # type: ignore[no-untyped-def]
        articles.create_article(
            session,
            ArticleContent(
                headline="Dix mille mots",
                standfirst="Un long article.",
                body=body,
                authors=("Camille Perrin",),
            ),
        )

    open_library(path, create=True, on_create=fill).close()


def measure(rounds: int) -> list[Figure]:

    from copydesk.qt.app import application, prepare_environment
    from copydesk.qt.tasks import TaskRunner
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.qt.window.state import WindowState

    prepare_environment()
    app = application()
    folder = Path(tempfile.mkdtemp(prefix="copydesk-bench-autosave-"))
    library = folder / "bench.copydesk"
    make_library(library)

    delivered: list[float] = []
    saved_on_thread: list[float] = []

    class TimedWindow(MainWindow):
        def _on_saved(self, record: object) -> None:
            started = time.perf_counter()
            super()._on_saved(record)  # type: ignore[arg-type]
            delivered.append((time.perf_counter() - started) * 1000)

    real_save = operations.save_article

    def timed_save(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return real_save(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            saved_on_thread.append((time.perf_counter() - started) * 1000)

    operations.save_article = timed_save  # type: ignore[assignment]
    window = TimedWindow(library, state=WindowState.ephemeral(), runner=TaskRunner())
    window.resize(1400, 900)
    window.show()
    deadline = time.monotonic() + 60
    while window.library is None or window.current is None:
        app.processEvents()
        if time.monotonic() > deadline:
            raise RuntimeError("the library did not open")
    body = window.editor.body
    handed_over: list[float] = []
    for round_number in range(rounds + 5):
        cursor = body.textCursor()
        cursor.setPosition(body.document().characterCount() // 2)
        cursor.insertText(f" mot{round_number}")
        body.setTextCursor(cursor)
        before = len(delivered)
        started = time.perf_counter()
        window.autosave.flush()
        handed_over.append((time.perf_counter() - started) * 1000)
        while len(delivered) == before:
            app.processEvents()
            time.sleep(0.001)
    window.shutdown()
    skip = 5  # warm-up
    blocked = [a + b for a, b in zip(handed_over[skip:], delivered[skip:], strict=True)]
    return [
        Figure("GUI thread blocked per autosave (total)", blocked, TARGET_MS),
        Figure("  handing the text over (flush)", handed_over[skip:]),
        Figure("  taking the result back (saved slot)", delivered[skip:]),
        Figure("save on the database thread (not blocking)", saved_on_thread[skip:]),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    figures = measure(args.rounds)
    ok = report(
        f"Autosave of a {WORDS:,}-word article",
        figures,
        [f"{args.rounds} autosaves after 5 warm-up rounds, offscreen, real database thread"],
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
