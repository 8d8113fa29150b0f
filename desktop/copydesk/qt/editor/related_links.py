"""The related-links block: a title and an ordered list of title + URL rows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copydesk.records.article import RelatedLink


class RelatedLinksEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Block title, e.g. “Read also”"))
        self.title_edit.textEdited.connect(self.edited)

        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("URL")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        # Room for about six links; more scroll, so the body keeps its space.
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(row_height * 6 + self.table.horizontalHeader().height() + 4)

        buttons = QHBoxLayout()
        for label, slot in (
            (self.tr("Add link"), self.add_row),
            (self.tr("Remove"), self.remove_current_row),
            (self.tr("Move up"), lambda: self.move_current_row(-1)),
            (self.tr("Move down"), lambda: self.move_current_row(1)),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def links(self) -> tuple[RelatedLink, ...]:
        rows = (
            RelatedLink(self._cell(row, 0), self._cell(row, 1))
            for row in range(self.table.rowCount())
        )
        return tuple(link for link in rows if link.title or link.url)

    def set_links(self, title: str, links: tuple[RelatedLink, ...]) -> None:
        blocker = self.table.blockSignals(True)
        self.title_edit.setText(title)
        self.table.setRowCount(0)
        for link in links:
            self._append(link)
        self.table.blockSignals(blocker)

    def add_row(self) -> None:
        self._append(RelatedLink("", ""))
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def move_current_row(self, offset: int) -> None:
        row = self.table.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        blocker = self.table.blockSignals(True)
        for column in range(2):
            here, there = self.table.takeItem(row, column), self.table.takeItem(target, column)
            self.table.setItem(row, column, there)
            self.table.setItem(target, column, here)
        self.table.blockSignals(blocker)
        self.table.setCurrentCell(target, self.table.currentColumn())
        self.edited.emit()

    def _append(self, link: RelatedLink) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(link.title))
        self.table.setItem(row, 1, QTableWidgetItem(link.url))

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def row_count(self) -> int:
        return self.table.rowCount()

    def title(self) -> str:
        return self.title_edit.text().strip()

    def focus_title(self) -> None:
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
