"""Runs the real Copydesk window and types into the article body like a user, one key
press every ``TYPING_INTERVAL_MS``, printing ``typed N`` after each one and ``saved N``
(the length of the body the library now holds) after each autosave.

The crash-safety test starts it as a separate process and kills it with SIGKILL while it
types: only the application's own autosave stands between the keystrokes and the disk.

    python -m tests.e2e.typing_driver LIBRARY TEXT_FILE
"""

from __future__ import annotations

import sys
from pathlib import Path

TYPING_INTERVAL_MS = 15


def main(library: Path, text: str) -> int:
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from copydesk.qt.app import application, prepare_environment
    from copydesk.qt.tasks import TaskRunner
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.qt.window.state import WindowState

    prepare_environment()
    app = application()
    window = MainWindow(library, state=WindowState.ephemeral(), runner=TaskRunner())
    window.resize(1200, 800)
    typed = 0
    timer = QTimer(window)
    timer.setInterval(TYPING_INTERVAL_MS)

    def type_next() -> None:
        nonlocal typed
        if typed == len(text):
            timer.stop()
            print("done", flush=True)
            return
        char = text[typed]
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        typed_text = "\r" if char == "\n" else char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed_text)
            QApplication.sendEvent(window.editor.body, event)
        typed += 1
        print(f"typed {typed}", flush=True)

    def start_typing() -> None:
        window.editor.body.setFocus()
        window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
        print("ready", flush=True)
        timer.start()

    window.article_saved.connect(
        lambda record: print(f"saved {len(record.content.body)}", flush=True)
    )
    timer.timeout.connect(type_next)
    window.library_opened.connect(start_typing)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]).read_text(encoding="utf-8")))
