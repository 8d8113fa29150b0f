"""Bringing a field up to text saved elsewhere, touching only what differs.

When another program saves the article a window shows (and the window has no edits of its
own), the editor follows. Replacing whole fields would throw the cursor to the end and the
view to the top; replacing only the spans that differ keeps both where the person left
them, as Qt moves a cursor that sits after an edit along with its text.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from copydesk.qt.editor.plain_text import exact_text
from copydesk.text.spans import changed_spans


def follow_line(edit: QLineEdit, text: str) -> None:
    if edit.text() == text:
        return
    position = edit.cursorPosition()
    edit.selectAll()
    edit.insert(text)  # unlike setText, one step the person can undo
    edit.setCursorPosition(min(position, len(text)))


def follow_text(edit: QPlainTextEdit, text: str) -> None:
    """Replace the spans where ``edit`` differs from ``text``, as one step the person can
    undo (the undo history before it stays true: the change goes through the document)."""
    old = exact_text(edit)
    if old == text:
        return
    bars = edit.verticalScrollBar(), edit.horizontalScrollBar()
    scrolled = [bar.value() for bar in bars]
    document = edit.document()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for start, end, replacement in reversed(changed_spans(old, text)):
        # Last first: the positions of the spans before stay true.
        cursor.setPosition(_utf16_length(old[:start]))
        cursor.setPosition(_utf16_length(old[:end]), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
    cursor.endEditBlock()
    for bar, value in zip(bars, scrolled, strict=True):
        bar.setValue(value)


def _utf16_length(text: str) -> int:
    # Qt counts positions in UTF-16 units: a character beyond the BMP (an emoji) is two.
    return len(text.encode("utf-16-le")) // 2
