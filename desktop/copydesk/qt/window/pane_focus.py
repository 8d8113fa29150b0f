"""The keyboard reaches every pane: Alt+1 to Alt+5 put the focus on the article list, the
body, the preview, the checks and the pictures pane; F6 and Shift+F6 go round them. The pane
holding the focus shows a highlighted edge, so the focus is never invisible."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from shiboken6 import isValid

from copydesk.qt.labels import Context

if TYPE_CHECKING:
    from copydesk.qt.window.main_window import MainWindow

panes = Context("panes")
FOCUSED = "paneFocused"
FRAME = f'*[{FOCUSED}="true"] {{ border-top: 3px solid palette(highlight); }}'


class PaneFocus(QObject):
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        names = (
            panes.tr("Go to the Article List"),
            panes.tr("Go to the Editor"),
            panes.tr("Go to the Preview"),
            panes.tr("Go to the Checks"),
            panes.tr("Go to Pictures and Credits"),
        )
        self.actions: list[QAction] = []
        for number, name in enumerate(names, start=1):
            action = QAction(name, window)
            action.setShortcut(QKeySequence(f"Alt+{number}"))  # Ctrl+1-6: the headings
            action.triggered.connect(lambda _c=False, index=number - 1: self.focus_pane(index))
            menu.addAction(action)
            self.actions.append(action)
        self.next_action = QAction(panes.tr("Next Pane"), window)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.next_action.triggered.connect(lambda: self.cycle(1))
        self.previous_action = QAction(panes.tr("Previous Pane"), window)
        self.previous_action.setShortcut(QKeySequence("Shift+F6"))
        self.previous_action.triggered.connect(lambda: self.cycle(-1))
        for action in (self.next_action, self.previous_action):
            menu.addAction(action)
        for pane in self.frames():
            pane.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            pane.setStyleSheet(FRAME)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._mark)

    def targets(self) -> list[QWidget]:
        """Where each pane puts the focus, in the order of Alt+1 to Alt+5."""
        window = self._window
        return [
            window.article_list.view,
            window.editor.body,
            window.preview.view,
            window.checks_panel.view,
            window.credits_pane.list,
        ]

    def frames(self) -> list[QWidget]:
        """The pane each target belongs to, whose edge shows the focus."""
        window = self._window
        return [
            window.article_list,
            window.editor,
            window.preview,
            window.checks_panel,
            window.credits_pane,
        ]

    def focus_pane(self, index: int) -> None:
        window = self._window
        if index == 3:
            window.side_tabs.setCurrentWidget(window.checks_panel)
        if index == 4 and not window.credits_pane.isVisible():
            window.credits_action.setChecked(True)
        target = self.targets()[index]
        if not target.isVisible() or not target.isEnabled():
            target = self.frames()[index]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current(self) -> int:
        focused = QApplication.focusWidget()
        for index, frame in enumerate(self.frames()):
            if focused is not None and (focused is frame or frame.isAncestorOf(focused)):
                return index
        return -1

    def cycle(self, step: int) -> None:
        count = len(self.targets())
        index = self.current()
        for _ in range(count):
            index = (index + step) % count
            if self.frames()[index].isVisible():
                self.focus_pane(index)
                return

    def _mark(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if not isValid(self) or not all(isValid(frame) for frame in self.frames()):
            return  # the application's signal, while the window is being taken down
        current = self.current()
        for index, frame in enumerate(self.frames()):
            focused = index == current
            if frame.property(FOCUSED) != focused:
                frame.setProperty(FOCUSED, focused)
                frame.style().unpolish(frame)
                frame.style().polish(frame)
