"""The outline panel: the body's headings, to see the article's shape and jump around it."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QTextCursor
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.editor.markdown_editor import MarkdownEditor
from copydesk.qt.editor.plain_text import exact_text
from copydesk.text.outline import Heading, headings

REFRESH_DELAY_MS = 400
INDENT_PER_LEVEL = 14
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1
LINE_ROLE = Qt.ItemDataRole.UserRole + 2
# Lines of context left above a heading the outline jumped to.
LINES_ABOVE_HEADING = 1


class _IndentedByLevel(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        indented = QStyleOptionViewItem(option)
        level = int(index.data(LEVEL_ROLE) or 1)
        indented.rect.setLeft(option.rect.left() + INDENT_PER_LEVEL * (level - 1))
        super().paint(painter, indented, index)


class OutlinePanel(QWidget):
    """Lists the headings of ``body``; refreshed a moment after each edit, cheaply."""

    def __init__(self, body: MarkdownEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self._body = body
        self._headings: list[Heading] = []
        self._heading_lines: list[int] = []
        self.list = QListWidget(self)
        self.list.setObjectName("outlineList")
        self.list.setItemDelegate(_IndentedByLevel(self.list))
        self.list.setUniformItemSizes(True)
        self.list.itemClicked.connect(self._jump_to)
        self.list.itemActivated.connect(self._jump_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)

        # The body's child, not the panel's: the panel may outlive the body (until the
        # window places it, nothing owns it), and must not read a deleted body.
        self._refresh_timer = QTimer(body)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        body.content_edited.connect(self._refresh_timer.start)
        body.cursorPositionChanged.connect(self._mark_current_heading)

    def headings(self) -> list[Heading]:
        return list(self._headings)

    def refresh(self) -> None:
        """Read the headings now (normally a moment after the last edit)."""
        self._refresh_timer.stop()
        found = headings(exact_text(self._body))
        if found != self._headings:  # typing in a paragraph leaves the list alone
            self._headings = found
            self._heading_lines = [heading.line for heading in found]
            self._fill_list()
        self._mark_current_heading()

    def _fill_list(self) -> None:
        self.list.clear()
        for heading in self._headings:
            item = QListWidgetItem(heading.title or self.tr("(empty heading)"))
            item.setData(LEVEL_ROLE, heading.level)
            item.setData(LINE_ROLE, heading.line)
            item.setToolTip(heading.title)
            if heading.level == 1:
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)

    def current_heading_row(self) -> int:
        """The row of the heading the body's cursor is under, or -1 above the first one."""
        line = self._body.textCursor().blockNumber()
        return bisect_right(self._heading_lines, line) - 1

    def _mark_current_heading(self) -> None:
        row = self.current_heading_row()
        if row == self.list.currentRow():
            return
        self.list.blockSignals(True)  # marking is not choosing: no jump
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        if row >= 0:
            self.list.scrollToItem(self.list.item(row))

    def _jump_to(self, item: QListWidgetItem) -> None:
        block = self._body.document().findBlockByNumber(int(item.data(LINE_ROLE)))
        if not block.isValid():
            return
        self._scroll_to_top(block.blockNumber())
        cursor = QTextCursor(block)
        self._body.setTextCursor(cursor)
        self._body.setFocus(Qt.FocusReason.OtherFocusReason)

    def _scroll_to_top(self, block_number: int) -> None:
        """Show the block near the top of the body (moving the cursor would only make it
        visible, often at the bottom)."""
        body = self._body
        top = body.document().findBlockByNumber(max(block_number - LINES_ABOVE_HEADING, 0))
        cursor = QTextCursor(top)
        body.verticalScrollBar().setValue(body.verticalScrollBar().maximum())
        body.setTextCursor(cursor)
        body.ensureCursorVisible()
