"""The strip above the preview: reading width and scroll sync."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QToolBar, QWidget

from copydesk.qt.preview.widths import ReadingWidth


class PreviewToolBar(QToolBar):
    width_chosen = Signal(str)  # a ReadingWidth value
    sync_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview-toolbar")
        self.setMovable(False)
        self.setIconSize(QSize(16, 16))
        self._widths = QActionGroup(self)
        self._widths.setExclusive(True)
        self.width_actions: dict[ReadingWidth, QAction] = {}
        for width, label, tip in self._width_labels():
            self._add_width(width, label, tip)
        self.addSeparator()
        self.sync_action = QAction(self.tr("Sync Scrolling"), self)
        self.sync_action.setToolTip(self.tr("Scroll the preview along with the editor"))
        self.sync_action.setCheckable(True)
        self.sync_action.setChecked(True)
        self.sync_action.toggled.connect(self.sync_toggled)
        self.addAction(self.sync_action)

    def _width_labels(self) -> list[tuple[ReadingWidth, str, str]]:
        return [
            (ReadingWidth.DESKTOP, self.tr("Desktop"), self.tr("The whole pane")),
            (ReadingWidth.TABLET, self.tr("Tablet"), self.tr("A tablet's width: 768 pixels")),
            (ReadingWidth.PHONE, self.tr("Phone"), self.tr("A phone's width: 375 pixels")),
        ]

    def _add_width(self, width: ReadingWidth, label: str, tip: str) -> None:
        action = QAction(label, self)
        action.setToolTip(tip)
        action.setCheckable(True)
        action.setChecked(width is ReadingWidth.DESKTOP)
        action.setData(width.value)
        action.triggered.connect(lambda _checked=False, w=width: self.width_chosen.emit(w.value))
        self._widths.addAction(action)
        self.addAction(action)
        self.width_actions[width] = action

    def show_width(self, width: ReadingWidth) -> None:
        self.width_actions[width].setChecked(True)

    def show_sync(self, enabled: bool) -> None:
        self.sync_action.setChecked(enabled)
