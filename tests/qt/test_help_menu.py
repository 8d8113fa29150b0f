"""The standard Edit actions act on the focused field; Help lists every shortcut of the window
(from its actions, so it cannot drift), shows the user guide and the versions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from copydesk import __version__
from copydesk.qt.window.help_menu import ShortcutsDialog, about_text, show_guide
from tests.qt.conftest import MakeWindow


def _edit(window: object, position: int) -> QAction:
    return window.standard_edit_actions[position]  # type: ignore[attr-defined, no-any-return]


def test_edit_menu_copies_pastes_and_undoes_in_the_focused_field(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    undo, _redo, _cut, copy, paste, select_all = (_edit(window, i) for i in range(6))
    headline = window.editor.headline.text()
    window.activateWindow()
    window.editor.headline.setFocus()
    qtbot.waitUntil(window.editor.headline.hasFocus)
    select_all.trigger()
    assert window.editor.headline.selectedText() == headline
    copy.trigger()
    window.editor.keywords.setFocus()
    qtbot.waitUntil(window.editor.keywords.hasFocus)
    window.editor.keywords.selectAll()
    paste.trigger()
    assert window.editor.keywords.text() == headline
    undo.trigger()
    assert window.editor.keywords.text() != headline


def test_keyboard_shortcuts_lists_every_action_with_a_shortcut(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    listed = set(dialog.shown_actions())
    expected = {
        action.text().replace("&", "").removesuffix("…").strip()
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty() and action.text()
    }
    assert expected <= listed
    assert {"Find", "New Article", "Keyboard Shortcuts", "Undo"} <= listed
    dialog.search.setText("history")
    assert dialog.shown_actions() == ["History"]


def test_the_guide_and_about(qtbot: QtBot, make_window: MakeWindow, library_path: Path) -> None:
    window = make_window(library_path)
    assert window.guide_action.isEnabled()  # type: ignore[attr-defined]
    dialog = show_guide(window)
    qtbot.addWidget(dialog)
    (view,) = dialog.findChildren(QTextBrowser)
    assert "Quick start" in view.toPlainText()
    text = about_text()
    assert __version__ in text and qVersion() in text and "GPL" in text


def test_escape_and_ctrl_w_close_the_picture_library(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    window = make_window(library_path)
    for key in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Close)):
        window.open_picture_library()
        library_window = window.picture_library
        assert library_window is not None
        qtbot.waitUntil(library_window.isVisible)
        assert key in library_window.close_action.shortcuts()
        library_window.close_action.trigger()
        qtbot.waitUntil(lambda lw=library_window: not lw.isVisible())


def test_no_two_actions_of_the_window_share_a_shortcut(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    """An ambiguous shortcut does nothing at all in Qt: each key must be one action's."""
    window = make_window(library_path)
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(), []).append(action.text())
    shared = {key: names for key, names in owners.items() if len(set(names)) > 1}
    assert not shared, shared


def test_ctrl_w_closes_a_dialog_as_escape_does(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    window = make_window(library_path)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    (shortcut,) = dialog.findChildren(QShortcut)
    assert shortcut.key() == QKeySequence(QKeySequence.StandardKey.Close)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    shortcut.activated.emit()
    assert not dialog.isVisible()
    assert window.isVisible()  # only the dialog
