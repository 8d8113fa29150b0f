"""The standard Edit actions (Undo, Redo, Cut, Copy, Paste, Select All on the focused field)
and the Help menu: the keyboard shortcuts, listed from the window's own actions so the list
never drifts from them, the user guide, and About with the versions and licences."""

from __future__ import annotations

import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.labels import Context

if TYPE_CHECKING:
    from copydesk.qt.window.main_window import MainWindow

# (method of the focused widget, shortcut): the widget does the work, as its own keys would.
EDIT_ACTIONS = (
    ("undo", QKeySequence.StandardKey.Undo),
    ("redo", QKeySequence.StandardKey.Redo),
    ("cut", QKeySequence.StandardKey.Cut),
    ("copy", QKeySequence.StandardKey.Copy),
    ("paste", QKeySequence.StandardKey.Paste),
    ("selectAll", QKeySequence.StandardKey.SelectAll),
)
GUIDE = Path(__file__).resolve().parents[4] / "README.md"  # in a checkout and an sdist


help_texts = Context("help_texts")


def edit_actions(window: MainWindow, menu: QMenu) -> list[QAction]:
    texts = {
        "undo": help_texts.tr("&Undo"),
        "redo": help_texts.tr("&Redo"),
        "cut": help_texts.tr("Cu&t"),
        "copy": help_texts.tr("&Copy"),
        "paste": help_texts.tr("&Paste"),
        "selectAll": help_texts.tr("Select &All"),
    }
    actions = []
    for method, key in EDIT_ACTIONS:
        action = QAction(texts[method], window)
        action.setShortcut(key)
        action.triggered.connect(lambda _checked=False, name=method: on_focused(name))
        menu.addAction(action)
        actions.append(action)
        if method in ("redo", "paste"):
            menu.addSeparator()
    return actions


def on_focused(method: str) -> bool:
    """Ask the focused field to undo, copy… (a field that cannot, such as a list, is left)."""
    widget = QApplication.focusWidget()
    action = getattr(widget, method, None)
    if widget is None or not callable(action):
        return False
    action()
    return True


def build_help_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu(help_texts.tr("&Help"))
    window.shortcuts_action = QAction(help_texts.tr("&Keyboard Shortcuts"), window)
    window.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
    window.shortcuts_action.triggered.connect(lambda: ShortcutsDialog(window).show())
    window.guide_action = QAction(help_texts.tr("&User Guide"), window)
    window.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
    window.guide_action.triggered.connect(lambda: show_guide(window))
    window.guide_action.setEnabled(GUIDE.is_file())
    window.about_action = QAction(help_texts.tr("&About Copydesk"), window)
    window.about_action.triggered.connect(lambda: show_about(window))
    for action in (window.shortcuts_action, window.guide_action):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(window.about_action)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) of every action of the window with a shortcut, menus first."""
    rows: dict[str, tuple[str, str]] = {}
    for action in window.findChildren(QAction):
        keys = ", ".join(
            sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in action.shortcuts()
        )
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        what = what.removesuffix("…").removesuffix("...").strip()
        if keys and what:
            rows.setdefault(f"{what}\t{keys}", (what, keys))
    return sorted(rows.values(), key=lambda row: row[0].casefold())


class ShortcutsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        close_with_ctrl_w(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(help_texts.tr("Keyboard Shortcuts"))
        self.resize(520, 560)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(help_texts.tr("Search actions and keys"))
        self.search.setClearButtonEnabled(True)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([help_texts.tr("Action"), help_texts.tr("Keys")])
        for what, keys in shortcut_rows(window):
            self.table.addTopLevelItem(QTreeWidgetItem([what, keys]))
        self.table.resizeColumnToContents(0)
        self.search.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        wanted = text.casefold().strip()
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            shown = f"{item.text(0)} {item.text(1)}".casefold()
            item.setHidden(bool(wanted) and wanted not in shown)

    def shown_actions(self) -> list[str]:
        items = (self.table.topLevelItem(row) for row in range(self.table.topLevelItemCount()))
        return [item.text(0) for item in items if not item.isHidden()]


def show_guide(window: MainWindow) -> QDialog:
    """The README's guide, rendered as the preview renders Markdown."""
    import markdown

    dialog = QDialog(window)
    close_with_ctrl_w(dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(help_texts.tr("Copydesk User Guide"))
    dialog.resize(820, 760)
    view = QTextBrowser(dialog)
    view.setOpenExternalLinks(True)
    view.setSearchPaths([str(GUIDE.parent)])  # its screenshots
    view.setHtml(markdown.markdown(GUIDE.read_text(encoding="utf-8"), extensions=["tables"]))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view, 1)
    layout.addWidget(buttons)
    dialog.show()
    return dialog


def about_text() -> str:
    import PySide6

    from copydesk import __version__

    return (
        help_texts.tr("Copydesk %1: an editorial workstation.").replace("%1", __version__)
        + "\n\n"
        + help_texts.tr("Licence: GNU GPL version 3 or later.")
        + "\n"
        + help_texts.tr("Qt %1 and PySide6 %2 (LGPL 3), Python %3 on %4.")
        .replace("%1", qVersion())
        .replace("%2", PySide6.__version__)
        .replace("%3", platform.python_version())
        .replace("%4", sys.platform)
    )


def show_about(window: MainWindow) -> None:
    QMessageBox.about(window, help_texts.tr("About Copydesk"), about_text())
