"""The main window's menus and their actions, kept on the window (``window.new_action``…)
so that tests and shortcuts reach them. Their texts are translated in the context of
``MainWindow``, whose ``tr()`` looks them up there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from copydesk.qt.exchange.export.controller import ExportController
from copydesk.qt.exchange.importing.controller import ImportController
from copydesk.qt.window.exchange_host import ExchangeHost

if TYPE_CHECKING:
    from copydesk.qt.window.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    _file_menu(window)
    _edit_menu(window)
    _format_menu(window)
    _view_menu(window)
    from copydesk.qt.window.help_menu import build_help_menu

    build_help_menu(window)


def _file_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.new_action = _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&New Article"),
        QKeySequence.StandardKey.New,
    )
    window.new_action.triggered.connect(window.articles.new_article)
    window.save_action = _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Save a Revision"),
        QKeySequence.StandardKey.Save,
    )
    window.save_action.setStatusTip(
        QCoreApplication.translate(
            "MainWindow", "Save now and keep this version in the article's history"
        )
    )
    window.save_action.triggered.connect(window.save_now)
    menu.addSeparator()
    host = ExchangeHost(window)
    window.imports = ImportController(window, host, window.runner, window.state)
    menu.addAction(window.imports.import_action)
    menu.addAction(window.imports.folder_action)
    menu.aboutToShow.connect(window.imports.refresh)
    window.exports = ExportController(window, host, window.runner, window.state)
    menu.addAction(window.exports.export_action)
    menu.addAction(window.exports.batch_action)
    menu.aboutToShow.connect(window.exports.refresh)
    menu.addSeparator()
    window.open_library_action = _action(
        window, menu, QCoreApplication.translate("MainWindow", "Open &Library…")
    )
    window.open_library_action.triggered.connect(window.choose_library)
    menu.addSeparator()
    for action in (
        window.newsroom.join_action,
        window.newsroom.sync_action,
        window.newsroom.conflicts_action,
        window.newsroom.leave_action,
    ):
        menu.addAction(action)
    menu.addSeparator()
    window.quit_action = _action(
        window,
        menu,
        QCoreApplication.translate("MainWindow", "&Quit"),
        QKeySequence.StandardKey.Quit,
    )
    window.quit_action.triggered.connect(window.close)


def _edit_menu(window: MainWindow) -> None:
    edit = window.edit_menu = window.menuBar().addMenu(
        QCoreApplication.translate("MainWindow", "&Edit")
    )
    from copydesk.qt.window.help_menu import edit_actions

    window.standard_edit_actions = edit_actions(window, edit)
    window.preferences_action = _action(
        window,
        edit,
        QCoreApplication.translate("MainWindow", "&Preferences…"),
        QKeySequence.StandardKey.Preferences,
    )
    if window.preferences_action.shortcut().isEmpty():  # no platform standard on Linux
        window.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
    window.preferences_action.triggered.connect(window.edit_preferences)
    edit.addSeparator()
    for action in window.editor.find_actions():
        edit.addAction(action)


def _format_menu(window: MainWindow) -> None:
    text_format = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "F&ormat"))
    for action in window.editor.body.format_actions():
        text_format.addAction(action)
    text_format.addSeparator()
    window.insert_picture_action = _action(
        window,
        text_format,
        QCoreApplication.translate("MainWindow", "Insert &Picture…"),
        QKeySequence("Ctrl+Shift+P"),
    )
    window.insert_picture_action.triggered.connect(window.pictures.choose_picture_to_insert)
    window.lead_picture_action = _action(
        window, text_format, QCoreApplication.translate("MainWindow", "&Lead Picture…")
    )
    window.lead_picture_action.triggered.connect(window.pictures.choose_lead_picture)


def _view_menu(window: MainWindow) -> None:
    view = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    window.history_action = _action(
        window,
        view,
        QCoreApplication.translate("MainWindow", "&History"),
        QKeySequence("Ctrl+Shift+H"),
    )
    window.history_action.setCheckable(True)
    window.history_action.triggered.connect(window.history_control.set_shown)
    window.history_dock.visibilityChanged.connect(
        lambda _visible: window.history_action.setChecked(window.history_dock.isVisible())
    )
    window.pictures_action = _action(
        window,
        view,
        QCoreApplication.translate("MainWindow", "&Picture Library"),
        QKeySequence("Ctrl+Shift+L"),
    )
    window.pictures_action.triggered.connect(window.open_picture_library)
    window.credits_action = _action(
        window,
        view,
        QCoreApplication.translate("MainWindow", "Pictures and &Credits"),
        QKeySequence("Ctrl+Shift+K"),
    )
    window.credits_action.setCheckable(True)
    window.credits_action.setChecked(True)
    window.credits_action.toggled.connect(window.pictures.show_credits_pane)
    from copydesk.qt.window.focus_mode import FocusMode
    from copydesk.qt.window.pane_focus import PaneFocus

    window.focus_mode = FocusMode(window, view)
    view.addSeparator()
    window.pane_focus = PaneFocus(window, view)


def _action(
    window: MainWindow,
    menu: Any,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    menu.addAction(action)
    return action
