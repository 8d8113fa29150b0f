"""Applying a check's ``TextFix`` to the widget that holds the field, as one undo step.

The core counts offsets in Python characters; Qt counts UTF-16 code units, so a character
outside the Basic Multilingual Plane (most emoji) is one for Python and two for Qt. Offsets
are converted before they reach Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from copydesk.qt.editor.plain_text import exact_text
from copydesk.records.problem import TextFix
from copydesk.text.typography import Edit, apply_edits

TextWidget = QPlainTextEdit | QLineEdit


def widget_text(widget: TextWidget) -> str:
    """The exact text of the widget, no-break spaces included (see ``plain_text``)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    return exact_text(widget)


def apply_text_fix(widget: TextWidget, fix: TextFix, checked_text: str | None = None) -> bool:
    """Apply ``fix`` to ``widget`` as a single undo step. With ``checked_text`` (the text the
    fix was computed on), a widget whose text has changed since is left alone and False is
    returned: its offsets would land in the wrong places."""
    text = widget_text(widget)
    if checked_text is not None and text != checked_text:
        return False
    edits = sorted(fix.edits, key=lambda edit: (edit.start, edit.end))
    if not edits:
        return True
    if isinstance(widget, QLineEdit):
        _apply_to_line_edit(widget, text, edits)
    else:
        _apply_to_text_edit(widget, text, edits)
    return True


def _apply_to_text_edit(widget: QPlainTextEdit, text: str, edits: list[Edit]) -> None:
    """One edit block is one undo step. Edits go from the end so that earlier positions stay
    valid; the widget's own cursor is moved along by the document, like any other cursor."""
    positions = utf16_positions(text, _boundaries(edits))
    cursor = QTextCursor(widget.document())
    cursor.beginEditBlock()
    try:
        for edit in reversed(edits):
            cursor.setPosition(positions[edit.start])
            cursor.setPosition(positions[edit.end], QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(edit.replacement)
    finally:
        cursor.endEditBlock()


def _apply_to_line_edit(widget: QLineEdit, text: str, edits: list[Edit]) -> None:
    """``setText`` would clear the undo history and each ``insert`` is its own undo step, so
    the span from the first edit to the last is replaced by one selection and one insert."""
    first, last = edits[0].start, max(edit.end for edit in edits)
    shifted = [Edit(e.start - first, e.end - first, e.replacement) for e in edits]
    middle = apply_edits(text[first:last], shifted)
    cursor = python_index(text, widget.cursorPosition())
    positions = utf16_positions(text, [first, last])
    _separate_undo_step(widget)
    widget.setSelection(positions[first], positions[last] - positions[first])
    widget.insert(middle)
    new_text = widget.text()
    moved = shift_position(cursor, edits)
    widget.setCursorPosition(utf16_positions(new_text, [moved])[moved])


def _separate_undo_step(widget: QLineEdit) -> None:
    """QLineEdit merges an insert with the typing before it into one undo step unless the
    cursor has moved in between; moving it away (it is set again right after) separates them."""
    here = widget.cursorPosition()
    widget.setCursorPosition(0 if here != 0 else len(widget.text()))


def shift_position(position: int, edits: Iterable[Edit]) -> int:
    """Where ``position`` ends up once ``edits`` are applied: text after an edit moves with
    it; a position inside a replaced span goes to the end of its replacement."""
    result = position
    for edit in edits:
        if edit.end <= position and not (edit.start == edit.end == position):
            result += len(edit.replacement) - (edit.end - edit.start)
        elif edit.start < position < edit.end:
            result += edit.start + len(edit.replacement) - position
    return result


def _boundaries(edits: Iterable[Edit]) -> set[int]:
    return {offset for edit in edits for offset in (edit.start, edit.end)}


def utf16_positions(text: str, offsets: Iterable[int]) -> dict[int, int]:
    """Qt positions (UTF-16 code units) of Python string offsets into ``text``."""
    wanted = sorted(set(offsets))
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return {offset: offset for offset in wanted}  # no surrogate pairs: the same numbers
    positions: dict[int, int] = {}
    units = previous = 0
    for offset in wanted:
        units += len(text[previous:offset].encode("utf-16-le")) // 2
        positions[offset] = units
        previous = offset
    return positions


def python_index(text: str, qt_position: int) -> int:
    """The Python offset of a Qt position (UTF-16 code units) in ``text``."""
    units = 0
    for index, char in enumerate(text):
        if units >= qt_position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)
