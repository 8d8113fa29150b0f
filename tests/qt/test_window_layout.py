"""The window's panes at laptop sizes: no bar or dock squeezes the editor or the preview below
what they need to be read and typed in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copydesk.qt.history.controller import HISTORY_MINIMUM
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


@pytest.mark.parametrize("size", [(1280, 720), (1400, 900)])
def test_the_history_takes_its_room_from_the_credits_pane_when_it_must(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, size: tuple[int, int], french: None
) -> None:
    window = make_window(library_path)
    window.resize(*size)
    settle(qtbot)
    window.editor.find_actions()[0].trigger()
    window.history_action.trigger()  # View ▸ History
    settle(qtbot)
    assert window.history_dock.isVisible() and window.history_action.isChecked()
    assert_panes_readable(window, size)
    assert window.history_dock.width() >= HISTORY_MINIMUM
    # At 1280 px the credits pane steps aside; at 1400 px there is room for everything.
    assert window.credits_pane.isVisible() == (size == (1400, 900))

    window.history_action.trigger()
    settle(qtbot)
    assert not window.history_dock.isVisible()
    assert window.credits_pane.isVisible() and window.credits_action.isChecked()
