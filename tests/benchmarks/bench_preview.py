"""Live preview: key press in the editor → the preview's DOM patched, confirmed by the page.

A real MainWindow (under Xvfb when available) on articles of 1,000, 10,000 and 50,000
words. Keys are typed in the middle of the body, each after the previous patch was
confirmed and a short pause; the time runs from sending the QKeyEvent to the page's answer
that the patch is in its DOM (``PreviewPane.patched``). For comparison, the time of a full
render of the same article. Targets (issue 5): median <= 16 ms and p95 <= 33 ms at every size.

    .venv/bin/python tests/benchmarks/bench_preview.py [--keys 120] [--platform xcb|offscreen]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_typing import close_application, pause
from benchlib import Figure, no_display, report, x_display
from corpus import article_body

SIZES = (1_000, 10_000, 50_000)
MEDIAN_TARGET_MS = 16.0
P95_TARGET_MS = 33.0
WARM_UP_KEYS = 15
PATCH_TIMEOUT_MS = 3_000


def make_library(path: Path, words: int) -> None:
    from copydesk.articles import store as articles
    from copydesk.library.db import open_library
    from copydesk.records.article import ArticleContent

    def fill(session) -> None:  # type: ignore[no-untyped-def]
        content = ArticleContent(
            headline=f"{words} mots", standfirst="Un article.", body=article_body(words, seed=words)
        )
        articles.create_article(session, content)

    open_library(path, create=True, on_create=fill).close()


def full_render_ms(library: Path, rounds: int = 5) -> list[float]:
    from copydesk.articles import operations
    from copydesk.library.db import open_library
    from copydesk.rendering.article import render_article

    opened = open_library(library)
    try:
        (summary,) = operations.list_articles(library)
        record = operations.load_article(opened, summary.id).record
    finally:
        opened.close()
    assert record is not None
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        render_article(record.content)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def measure(library: Path, keys: int) -> list[float]:
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from copydesk.qt.tasks import TaskRunner
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.qt.window.state import WindowState

    window = MainWindow(library, state=WindowState.ephemeral(), runner=TaskRunner())
    ready = QEventLoop()
    window.article_ready.connect(ready.quit)
    QTimer.singleShot(60_000, ready.quit)
    window.resize(1400, 900)
    window.show()
    ready.exec()
    body = window.editor.body
    cursor = body.textCursor()
    cursor.setPosition(body.document().characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    body.setTextCursor(cursor)
    body.centerCursor()
    body.setFocus()
    pause(800)  # the document primes its blocks after the article is shown

    samples: list[float] = []
    confirmed = QEventLoop()
    stamp: list[float] = []

    def on_patched() -> None:
        stamp.append(time.perf_counter())
        confirmed.quit()

    window.preview.patched.connect(on_patched)
    pauses = random.Random(5)
    text = "Une phrase tapée au milieu, lettre après lettre. " * 10
    for char in text[: WARM_UP_KEYS + keys]:
        stamp.clear()
        timeout = QTimer()
        timeout.setSingleShot(True)
        timeout.timeout.connect(confirmed.quit)
        timeout.start(PATCH_TIMEOUT_MS)
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(body, event)
        if not stamp:
            confirmed.exec()
        timeout.stop()
        if not stamp:
            raise RuntimeError(f"no patch confirmed within {PATCH_TIMEOUT_MS} ms for {char!r}")
        samples.append((stamp[0] - started) * 1000)
        pause(pauses.randint(30, 120))
    window.shutdown()
    window.deleteLater()
    return samples[WARM_UP_KEYS:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=120)
    parser.add_argument("--platform", choices=("xcb", "offscreen"), default="xcb")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="copydesk-bench-preview-"))
    with x_display() if args.platform == "xcb" else no_display() as display:
        if display:
            os.environ["DISPLAY"] = display
            os.environ["QT_QPA_PLATFORM"] = "xcb"
        else:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from copydesk.qt.app import application, prepare_environment

        prepare_environment()
        application()
        figures, ok = [], True
        for words in SIZES:
            library = folder / f"preview-{words}.copydesk"
            make_library(library, words)
            latency = Figure(
                f"{words:>6,} words: key press → DOM patched",
                measure(library, args.keys),
                MEDIAN_TARGET_MS,
            )
            ok = ok and latency.met and latency.p95 <= P95_TARGET_MS
            figures += [
                latency,
                Figure(f"{words:>6,} words: full render (comparison)", full_render_ms(library)),
            ]
        shown_on = f"Xvfb ({display})" if display else "offscreen platform"
        report(
            "Live preview latency",
            figures,
            [
                f"{args.keys} keys per size after {WARM_UP_KEYS} warm-up ones, typed in the middle"
                f" of the body, shown on {shown_on}",
                f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
                f"targets: median <= {MEDIAN_TARGET_MS:.0f} ms and p95 <= {P95_TARGET_MS:.0f} ms",
            ],
        )
        close_application()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
