"""Typing latency: key press → character painted, in the middle of a 50,000-word body.

A real MainWindow on a temporary library whose one article has a generated 50,000-word
Markdown body (paragraphs, headings, emphasis, links). Each sample runs from posting the
QKeyEvent to the end of the body viewport's paint event that shows the character. Keys are
typed with pauses shorter than the preview's slow-render delay (300 ms), as a typist would,
so what is measured is the editor's own cost per keystroke (highlighter, layout, signals).
Target (issue 4): median <= 16 ms.

    .venv/bin/python tests/benchmarks/bench_typing.py [--keys 200] [--platform xcb|offscreen]
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
from benchlib import Figure, no_display, report, x_display
from corpus import article_body

TARGET_MS = 16
BODY_WORDS = 50_000
WARM_UP_KEYS = 20
# Pauses between keystrokes, drawn at random: all under the preview's 300 ms slow-render
# delay, some long enough for the figures (200 ms) to be counted again between keys.
PAUSE_RANGE_MS = (40, 280)
PAINT_TIMEOUT_MS = 2_000


def make_library(path: Path, body: str) -> None:
    from copydesk.articles import store as articles
    from copydesk.library.db import open_library
    from copydesk.records.article import ArticleContent

    content = ArticleContent(headline="Un très long article", body=body)
    open_library(
        path, create=True, on_create=lambda session: articles.create_article(session, content)
    ).close()


class PaintClock:
    """Times key press → end of the body viewport's paint showing the edit."""

    def __init__(self, body: object) -> None:
        from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

        clock = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() != QEvent.Type.Paint or clock.sent_at is None:
                    return False
                if body.document().revision() == clock.revision:  # type: ignore[attr-defined]
                    return False  # painted before the key was handled: not the one
                body.viewportEvent(event)  # type: ignore[attr-defined]  # paint it now, time its end
                clock.samples.append((time.perf_counter() - clock.sent_at) * 1000)
                clock.sent_at = None
                clock.loop.quit()
                return True

        self.body = body
        self.samples: list[float] = []
        self.sent_at: float | None = None
        self.revision = 0
        self.loop = QEventLoop()
        self.timeout = QTimer()  # one timer, restarted per key: a stale one must not fire
        self.timeout.setSingleShot(True)
        self.timeout.setInterval(PAINT_TIMEOUT_MS)
        self.timeout.timeout.connect(self.loop.quit)
        self._filter = Filter()
        body.viewport().installEventFilter(self._filter)  # type: ignore[attr-defined]

    def type_key(self, char: str) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        self.revision = self.body.document().revision()  # type: ignore[attr-defined]
        self.sent_at = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key_event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.postEvent(self.body, key_event)
        self.timeout.start()
        self.loop.exec()
        self.timeout.stop()
        if self.sent_at is not None:
            raise RuntimeError(
                f"the keystroke {char!r} was not painted within {PAINT_TIMEOUT_MS} ms"
            )


def pause(milliseconds: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def measure(library: Path, keys: int) -> tuple[list[float], int]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QTextCursor

    from copydesk.qt.app import application, prepare_environment
    from copydesk.text.stats import count_words

    prepare_environment()
    application()
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
    words = count_words(body.toPlainText())
    cursor = body.textCursor()
    cursor.setPosition(body.document().characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    body.setTextCursor(cursor)
    body.centerCursor()
    window.activateWindow()
    body.setFocus()
    pause(500)

    clock = PaintClock(body)
    text = "Une phrase tapée au milieu de l’article, lettre après lettre. " * 20
    pauses = random.Random(1)
    for char in text[: WARM_UP_KEYS + keys]:
        clock.type_key(char)
        pause(pauses.randint(*PAUSE_RANGE_MS))
    window.shutdown()
    window.deleteLater()
    close_application()
    return clock.samples[WARM_UP_KEYS:], words


def close_application() -> None:
    """Delete the window, then the application, while the X display is still there."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # WebEngine first
    app = QCoreApplication.instance()
    if app is not None:
        shiboken6.delete(app)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--platform", choices=["xcb", "offscreen"], default="xcb")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as tmp:
        folder = Path(tmp)
        for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            os.environ[name] = str(folder / name.lower())
        library = folder / "typing.copydesk"
        make_library(library, article_body(BODY_WORDS))
        with x_display() if args.platform == "xcb" else no_display() as display:
            if display:
                os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
            else:
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            samples, words = measure(library, args.keys)
    shown_on = f"Xvfb ({display})" if display else "offscreen platform"
    ok = report(
        "Typing in the middle of a long article",
        [Figure("key press → character painted", samples, TARGET_MS)],
        [
            f"{len(samples)} keystrokes after {WARM_UP_KEYS} warm-up ones,"
            f" {PAUSE_RANGE_MS[0]}–{PAUSE_RANGE_MS[1]} ms apart,"
            f" body of {words:,} words, shown on {shown_on}",
            f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}",
            "measured from posting the QKeyEvent to the end of the viewport's paint event",
        ],
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
