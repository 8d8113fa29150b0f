"""The keyboard is first-class: Tab follows the screen, Tab in the body indents a list item
and otherwise moves on (never a tab character), and every pane is one shortcut away with its
edge showing the focus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from copydesk.qt.window.pane_focus import FOCUSED
from tests.qt.conftest import MakeWindow


def chain_from(start: QWidget, steps: int) -> list[QWidget]:
    widgets, widget = [], start
    for _ in range(steps):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        widgets.append(widget)
    return widgets


def test_tab_follows_the_fields_down_to_the_body(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    editor = window.editor
    order = chain_from(editor.kicker, 6)
    assert order[:6] == [
        editor.headline, editor.standfirst, editor.authors, editor.keywords,
        editor.advertising, editor.body,
    ]  # fmt: skip


def test_tab_in_the_body_indents_a_list_item_and_otherwise_moves_on(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    body = window.editor.body
    body.setPlainText("Un paragraphe.\n\n- premier\n- second")
    window.activateWindow()
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert body.toPlainText() == "Un paragraphe.\n\n- premier\n    - second"
    qtbot.keyClick(body, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert body.toPlainText() == "Un paragraphe.\n\n- premier\n- second"
    body.undo()  # one step each
    assert body.toPlainText() == "Un paragraphe.\n\n- premier\n    - second"

    cursor.movePosition(QTextCursor.MoveOperation.Start)
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert "\t" not in body.toPlainText()
    assert not body.hasFocus()  # the focus went on


def test_every_pane_is_one_shortcut_away_and_shows_the_focus(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    focus = window.pane_focus
    window.activateWindow()
    shortcuts = [action.shortcut().toString() for action in focus.actions]
    assert shortcuts == ["Alt+1", "Alt+2", "Alt+3", "Alt+4", "Alt+5"]
    for index, action in enumerate(focus.actions):
        action.trigger()
        qtbot.waitUntil(lambda index=index: focus.current() == index, timeout=5_000)
        frames = focus.frames()
        assert frames[index].property(FOCUSED) is True
        assert not any(frame.property(FOCUSED) for frame in frames if frame is not frames[index])
    assert window.side_tabs.currentWidget() is window.checks_panel  # Alt+4 showed it
    focus.actions[0].trigger()
    qtbot.waitUntil(lambda: focus.current() == 0, timeout=5_000)
    focus.next_action.trigger()
    qtbot.waitUntil(lambda: focus.current() == 1, timeout=5_000)
    focus.previous_action.trigger()
    focus.previous_action.trigger()
    qtbot.waitUntil(lambda: focus.current() == 4, timeout=5_000)
    assert QApplication.focusWidget() is not None


def test_focus_mode_leaves_the_editor_and_the_preview_then_brings_all_back(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    assert window.focus_mode.action.shortcut().toString() == "F11"
    window.focus_mode.action.trigger()
    assert not window.left_splitter.isVisible() and not window.credits_pane.isVisible()
    assert window.editor.isVisible() and window.preview.isVisible()
    window.focus_mode.action.trigger()
    assert window.left_splitter.isVisible() and window.credits_pane.isVisible()
    assert not window.history_dock.isVisible()  # it was closed before: it stays closed
