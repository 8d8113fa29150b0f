"""One field of a conflict as a person settles it: this library's value, the desk's, and
the result, which is one side, both, or written by hand (for text and lists)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

LINK_SEPARATOR = " — "
CONFLICT_BACKGROUND = QColor(255, 236, 179)  # a soft amber, readable in light and dark themes


def differing(text: str, other: str, separator: str) -> list[tuple[int, int]]:
    """Where ``text`` has paragraphs (or lines) that ``other`` lacks: (start, length) spans."""
    theirs = set(other.split(separator))
    spans, start = [], 0
    for part in text.split(separator):
        if part.strip() and part not in theirs:
            spans.append((start, len(part)))
        start += len(part) + len(separator)
    return spans


def mark(view: QPlainTextEdit, spans: list[tuple[int, int]]) -> None:
    """Paint the conflicting spans of a pane."""
    selections = []
    for start, length in spans:
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(CONFLICT_BACKGROUND)
        selection.format.setForeground(QColor(Qt.GlobalColor.black))
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selections.append(selection)
    view.setExtraSelections(selections)


def shown(value: Any) -> str:
    """A field's value as a person reads (and writes) it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(
            LINK_SEPARATOR.join(map(str, v)) if isinstance(v, list) else str(v) for v in value
        )
    return json.dumps(value, ensure_ascii=False, indent=1)


def writable(value: Any) -> bool:
    """Text and lists of text can be combined and written by hand; a picture use cannot."""
    return isinstance(value, str | type(None)) or (
        isinstance(value, list) and all(isinstance(v, str | list) for v in value)
    )


def both(field: str, mine: Any, theirs: Any) -> Any:
    """Mine, then what theirs adds."""
    if isinstance(mine, list) and isinstance(theirs, list):
        return mine + [item for item in theirs if item not in mine]
    separator = "\n\n" if field == "body" else " "
    parts = [str(part) for part in (mine, theirs) if part]
    return separator.join(parts)


def parsed(text: str, like: Any) -> Any:
    """What a person wrote in the result, in the field's type."""
    if not isinstance(like, list):
        return text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any(isinstance(item, list) for item in like):
        return [
            line.split(LINK_SEPARATOR, 1) + [""] * (LINK_SEPARATOR not in line) for line in lines
        ]
    return lines


class FieldChoice(QObject):
    def __init__(self, field: str, mine: Any, theirs: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.field, self.mine, self.theirs = field, mine, theirs
        self._editable = writable(mine) and writable(theirs)
        self.group = QButtonGroup(self)
        self.mine_view = self._view(mine, parent)
        self.theirs_view = self._view(theirs, parent)
        self.result = QPlainTextEdit(parent)
        self.result.setReadOnly(not self._editable)
        self.result.setMinimumHeight(self.mine_view.minimumHeight())
        self.result.setMaximumHeight(self.mine_view.maximumHeight())
        self.buttons = self._buttons(parent)
        # Paragraphs for a body, lines for a list; a one-line field is one line.
        self._separator = "\n\n" if field == "body" else "\n"
        mine_text, theirs_text = shown(mine), shown(theirs)
        mark(self.mine_view, differing(mine_text, theirs_text, self._separator))
        mark(self.theirs_view, differing(theirs_text, mine_text, self._separator))
        self.choose("mine")
        self.result.textChanged.connect(self._written)

    def _view(self, value: Any, parent: QWidget) -> QPlainTextEdit:
        view = QPlainTextEdit(shown(value), parent)
        view.setReadOnly(True)
        if "\n" in shown(value) or len(shown(value)) > 120:
            view.setMinimumHeight(150)
        else:
            view.setFixedHeight(view.fontMetrics().lineSpacing() * 2 + 12)
        return view

    def _buttons(self, parent: QWidget) -> QWidget:
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        labels = {"mine": self.tr("Mine"), "theirs": self.tr("Theirs"), "both": self.tr("Both")}
        for side, label in labels.items():
            if side == "both" and not self._editable:
                continue
            button = QRadioButton(label, row)
            button.setObjectName(side)
            button.clicked.connect(lambda _checked=False, chosen=side: self.choose(chosen))
            self.group.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)
        return row

    # ---- choosing -------------------------------------------------------------------------

    def choose(self, side: str) -> None:
        for button in self.group.buttons():
            button.setChecked(button.objectName() == side)
        self._side = side
        self.result.blockSignals(True)
        self.result.setPlainText(shown(self._value_of(side)))
        self._mark_result()
        self.result.blockSignals(False)

    def _mark_result(self) -> None:
        """In the result, what the two sides do not share: where the conflict was."""
        text, separator = self.result.toPlainText(), self._separator
        spans = set(differing(text, shown(self.mine), separator))
        spans |= set(differing(text, shown(self.theirs), separator))
        mark(self.result, sorted(spans))

    def _value_of(self, side: str) -> Any:
        if side == "theirs":
            return self.theirs
        if side == "both":
            return both(self.field, self.mine, self.theirs)
        return self.mine

    def _written(self) -> None:
        """Written by hand: no side is chosen any more."""
        self._side = "edited"
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)

    @property
    def side(self) -> str:
        return self._side

    def value(self) -> Any:
        if self._side != "edited":
            return self._value_of(self._side)
        return parsed(self.result.toPlainText(), self.mine if self.mine is not None else "")
