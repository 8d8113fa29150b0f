"""The window's panes at laptop sizes: no bar or dock squeezes the editor or the preview below
what they need to be read and typed in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copydesk.qt.window.main_window import PANE_MINIMUM_WIDTHS, MainWindow
from tests.qt.conftest import MakeWindow


def settle(qtbot: QtBot) -> None:
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(10)


def assert_panes_readable(window: MainWindow, size: tuple[int, int]) -> None:
    assert window.width() == size[0], "a pane's minimum made the window grow"
    _list, editor, preview, _credits = PANE_MINIMUM_WIDTHS
    assert window.editor.width() >= editor
    assert window.preview.width() >= preview
    assert window.editor.find_bar.width() <= window.editor.width()


@pytest.mark.parametrize("size", [(1280, 720), (1400, 900)])
def test_the_find_bar_never_crushes_the_editor_or_the_preview(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, size: tuple[int, int], french: None
) -> None:
    window = make_window(library_path)  # in French: the longest labels
    window.resize(*size)
    settle(qtbot)
    window.editor.find_actions()[0].trigger()  # Find
    settle(qtbot)
    assert window.editor.find_bar.isVisible()
    assert_panes_readable(window, size)


def test_the_history_takes_its_room_beside_the_editor_and_the_preview(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, french: None
) -> None:
    window = make_window(library_path)
    window.resize(1400, 900)
    settle(qtbot)
    window.editor.find_actions()[0].trigger()
    window.history_dock.show()
    settle(qtbot)
    assert_panes_readable(window, (1400, 900))
    assert window.history_dock.width() >= 240  # the revisions' times and authors readable
