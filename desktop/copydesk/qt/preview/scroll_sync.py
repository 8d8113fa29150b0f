"""Keeps the editor and the preview scrolled together, both ways, and puts the editor's
cursor on the source of a block clicked in the preview.

The editor side speaks in source lines: the body's QTextBlocks are its lines. The preview
side maps lines to its block wrappers (``data-line``). A scroll that one side makes because
the other moved is not echoed back: the page does not report the scrolls it was asked for,
and the editor's own follow-up scroll is made with the echo switched off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

if TYPE_CHECKING:
    from copydesk.qt.preview.preview_pane import PreviewPane


class ScrollSync(QObject):
    def __init__(self, body: QPlainTextEdit, preview: PreviewPane) -> None:
        super().__init__(body)
        self._body = body
        self._preview = preview
        self._enabled = True
        self._following_preview = False  # the editor is being moved because the page moved
        body.verticalScrollBar().valueChanged.connect(self._on_editor_scrolled)
        preview.scrolled_to_line.connect(self._on_preview_scrolled)
        preview.block_clicked.connect(self.put_cursor_on_line)

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self._preview.set_sync_enabled(enabled)
        if enabled:
            self._on_editor_scrolled()

    def top_line(self) -> float:
        """The source line at the top of the editor, with the fraction scrolled past it."""
        body = self._body
        block = body.firstVisibleBlock()
        if not block.isValid():
            return 0.0
        geometry = body.blockBoundingGeometry(block).translated(body.contentOffset())
        height = max(geometry.height(), 1.0)
        return block.blockNumber() + min(max(-geometry.top() / height, 0.0), 1.0)

    def _on_editor_scrolled(self, *_value: object) -> None:
        if not self._enabled or self._following_preview:
            return
        self._preview.scroll_to_line(int(self.top_line()), 0.0)

    def _on_preview_scrolled(self, line: float) -> None:
        if not self._enabled:
            return
        self._following_preview = True
        try:
            self.scroll_editor_to_line(line)
        finally:
            self._following_preview = False

    def scroll_editor_to_line(self, line: float) -> None:
        """Put source line ``line`` (fractions included) at the top of the editor."""
        document = self._body.document()
        block = document.findBlockByNumber(max(int(line), 0))
        if not block.isValid():
            block = document.lastBlock()
        layout_lines = max(block.lineCount(), 1)
        first = block.firstLineNumber() + int((line - int(line)) * layout_lines)
        self._body.verticalScrollBar().setValue(first)

    def put_cursor_on_line(self, line: int) -> None:
        block = self._body.document().findBlockByNumber(max(line, 0))
        if not block.isValid():
            return
        self._body.setTextCursor(QTextCursor(block))
        self._body.setFocus()
