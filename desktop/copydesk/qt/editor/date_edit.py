"""A date field that can be empty (an article may not have its dateline date yet)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

_EMPTY = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText(self.tr("No date"))
        self.setDate(_EMPTY)

    def value(self) -> date | None:
        current = self.date()
        return None if current == _EMPTY else date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else _EMPTY)

    def clear_value(self) -> None:
        self.setDate(_EMPTY)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # An empty field would open its calendar in 1900: start from today instead.
        if self.value() is None:
            self.setDate(QDate.currentDate())
        super().mousePressEvent(event)
