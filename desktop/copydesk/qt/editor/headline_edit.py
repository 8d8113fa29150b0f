"""The headline field: one paragraph that wraps, so a long headline shows whole (on four
lines at most, in the narrowest column) instead of scrolling out of sight in a one-line field.
Return moves on, a pasted line break becomes a space. It answers the few calls people and
tests make of a one-line field (``text``, ``setText``, ``end``, ``selectedText``); everything
else (spelling, typography fixes, following the desk) treats it as the text field it is."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from copydesk.qt.editor.plain_text import exact_text

LINES = (1, 4)  # shown at least, at most: a 90-character headline in the narrowest column


class HeadlineEdit(QPlainTextEdit):
    textEdited = Signal(str)  # a person's edit, not ``setText``

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._setting = False
        self.document().contentsChange.connect(self._contents_changed)
        # Once the document has laid the new text out in lines (a timer of the widget's own:
        # it dies with it).
        self._fit_later = QTimer(self)
        self._fit_later.setSingleShot(True)
        self._fit_later.setInterval(0)
        self._fit_later.timeout.connect(self.fit)
        self.textChanged.connect(self._fit_later.start)
        self.fit()

    # ---- what a one-line field answers ----------------------------------------------------

    def text(self) -> str:
        return exact_text(self)

    def setText(self, text: str) -> None:
        self._setting = True
        try:
            self.setPlainText(" ".join(text.splitlines()))
        finally:
            self._setting = False

    def end(self, mark: bool) -> None:
        mode = QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor
        self.moveCursor(QTextCursor.MoveOperation.End, mode)

    def selectedText(self) -> str:
        return self.textCursor().selectedText()

    def hasSelectedText(self) -> bool:
        return self.textCursor().hasSelection()

    def setCursorPosition(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self.toPlainText())))
        self.setTextCursor(cursor)

    # ---- one paragraph ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()  # a headline is one paragraph: Return moves on
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)

    def _contents_changed(self, _position: int, removed: int, added: int) -> None:
        if (removed or added) and not self._setting:  # not a change of colours
            self.textEdited.emit(self.text())

    # ---- as tall as it needs -----------------------------------------------------------------

    def fit(self) -> None:
        lines = 0
        block = self.document().firstBlock()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        shown = min(max(lines, LINES[0]), LINES[1])
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        document_margin = 2 * round(self.document().documentMargin())
        height = QFontMetrics(self.font()).lineSpacing() * shown + margins + document_margin + 2
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_later.start()  # once the lines are laid out at the new width
