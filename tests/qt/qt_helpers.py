"""Helpers for the Qt tests: reading the preview's page, typing like a user."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from copydesk.qt.window.main_window import MainWindow


def page_text(qtbot: QtBot, window: MainWindow, script: str = "document.body.innerText") -> str:
    results: list[object] = []
    window.preview.run_in_page(script, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    return str(results[0])


def wait_for_page_text(qtbot: QtBot, window: MainWindow, expected: str) -> None:
    def shown() -> bool:
        return expected in page_text(qtbot, window)

    qtbot.waitUntil(shown, timeout=10_000)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as key events, accents included (QTest.keyClicks only knows ASCII)."""
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        typed = "\r" if char == "\n" else char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed)
            )


def type_at_end(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Put the cursor at the end of the body and type ``text``."""
    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor.body, text)
