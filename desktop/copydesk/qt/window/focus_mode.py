"""View ▸ Focus Mode (F11): only the editor and the preview, for writing; again to bring the
list, the pictures pane and the history back as they were."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from copydesk.qt.labels import Context

if TYPE_CHECKING:
    from copydesk.qt.window.main_window import MainWindow

focus_texts = Context("focus_texts")


class FocusMode(QObject):
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self._hidden: list[QWidget] = []
        self.action = QAction(focus_texts.tr("&Focus Mode"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F11"))
        self.action.setStatusTip(focus_texts.tr("Only the editor and the preview, for writing"))
        self.action.toggled.connect(self.set_on)
        menu.addAction(self.action)

    def set_on(self, on: bool) -> None:
        window = self._window
        if on:
            others = (window.left_splitter, window.credits_pane, window.history_dock)
            self._hidden = [widget for widget in others if widget.isVisible()]
            for widget in self._hidden:
                widget.hide()
            window.editor.body.setFocus()
        else:
            for widget in self._hidden:
                widget.show()
            self._hidden = []
        if self.action.isChecked() != on:
            self.action.setChecked(on)

    @property
    def on(self) -> bool:
        return self.action.isChecked()
