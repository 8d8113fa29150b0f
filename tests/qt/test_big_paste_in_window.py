"""Pasting 5 MB into the body of the real window: typing goes on while the preview and the
checks catch up on their own thread (the pauses it costs: tests/benchmarks/bench_paste.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from copydesk.qt.editor.plain_text import exact_text
from copydesk.rendering.preview_document import PreviewDocument
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_text
from tests.qt.test_markdown_editor import five_megabytes

KEYS = 20


def test_a_5_mb_paste_is_rendered_off_the_gui_thread_while_typing_goes_on(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renders: list[tuple[bool, int]] = []  # (on the GUI thread, length of the body rendered)
    real_update = PreviewDocument.update

    def update(document: PreviewDocument, content, *args, **kwargs):  # type: ignore[no-untyped-def]
        on_gui = threading.current_thread() is threading.main_thread()
        renders.append((on_gui, len(content.body)))
        return real_update(document, content, *args, **kwargs)

    monkeypatch.setattr(PreviewDocument, "update", update)
    window = make_window(library_path, synchronous=False)
    body = window.editor.body
    body.moveCursor(QTextCursor.MoveOperation.End)
    mime = QMimeData()
    mime.setText("\n\n" + five_megabytes())
    body.insertFromMimeData(mime)
    for _ in range(KEYS):
        type_text(body, "x")  # keeps typing while the rest catches up
        qtbot.wait(50)
    assert exact_text(body).endswith("x" * KEYS)
    qtbot.waitUntil(lambda: renders and renders[-1][1] == len(exact_text(body)), timeout=60_000)
    big = [on_gui for on_gui, length in renders if length > 5_000_000]
    # The first render of the paste may run where the previous quick one did; once it has
    # proved slow, every later one goes to the compute thread.
    assert big and not any(big[1:]), renders
    window.flush_autosave()
    qtbot.waitUntil(lambda: not window.has_unsaved_changes(), timeout=60_000)
