"""The conflicts a sync kept for a person: each one's fields side by side (this library's
version and the desk's), a side chosen field by field, then settled. Settling sends a
revision with two parents at the next sync; changes that merged on their own are kept."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from copydesk.errors import describe
from copydesk.library.db import Library
from copydesk.qt.labels import field_label
from copydesk.qt.tasks import TaskRunner
from copydesk.sync import operations
from copydesk.sync.conflicts import Conflict, Side


def shown(value: Any) -> str:
    """A field's value as a person reads it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(" — ".join(map(str, v)) if isinstance(v, list) else str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, indent=1)


_ORDER = (
    "status", "language", "dateline_date", "edition", "kicker", "headline", "standfirst",
    "authors", "keywords", "body", "related_title", "related_links", "lead_picture",
)  # fmt: skip


def _editor_order(field: str) -> tuple[int, str]:
    """Fields in the order the editor shows them; a picture's credit fields after, by name."""
    return (_ORDER.index(field) if field in _ORDER else len(_ORDER), field)


class ConflictsDialog(QDialog):
    settled = Signal()

    def __init__(self, library: Library, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Newsroom Conflicts"))
        self.resize(1100, 680)
        self._library = library
        self._runner = runner
        self._conflicts: list[Conflict] = []
        self._choices: dict[str, QButtonGroup] = {}
        self.listing = QListWidget()
        self.listing.currentRowChanged.connect(self._show)
        self.fields = QWidget()
        self.fields_layout = QGridLayout(self.fields)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.fields)
        splitter = QSplitter()
        splitter.addWidget(self.listing)
        splitter.addWidget(scroll)
        splitter.setSizes([260, 840])
        self.message = QLabel(wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.settle_button = buttons.addButton(
            self.tr("&Settle This Conflict"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.settle_button.clicked.connect(self.settle_current)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def open_conflicts(self) -> None:
        self.show()
        self.reload()

    def reload(self) -> None:
        library = self._library
        self._runner.run(lambda: operations.list_conflicts(library), self._listed, self._failed)

    def _listed(self, conflicts: list[Conflict]) -> None:
        self._conflicts = conflicts
        self.listing.clear()
        for conflict in conflicts:
            QListWidgetItem(conflict.title, self.listing)
        self.settle_button.setEnabled(bool(conflicts))
        if conflicts:
            self.listing.setCurrentRow(0)
        else:
            self._clear_fields()
            self.message.setText(self.tr("There are no conflicts to settle."))

    def _failed(self, error: Exception) -> None:
        self.message.setText(describe(error))

    # ---- one conflict ---------------------------------------------------------------------

    def _show(self, row: int) -> None:
        self._clear_fields()
        if not 0 <= row < len(self._conflicts):
            return
        conflict = self._conflicts[row]
        self._header(conflict)
        for line, field in enumerate(sorted(conflict.fields, key=_editor_order), start=1):
            self._field_row(conflict, field, line)
        self.fields_layout.setRowStretch(len(conflict.fields) + 1, 1)
        self.message.setText(
            self.tr(
                "Choose a side in each field. What merged on its own (other fields, other"
                " paragraphs) is kept either way."
            )
        )

    def _header(self, conflict: Conflict) -> None:
        for column, text in enumerate(
            (self.tr("Field"), self.tr("This library (mine)"), self.tr("The desk (theirs)"))
        ):
            label = QLabel(f"<b>{text}</b>")
            self.fields_layout.addWidget(label, 0, column)
        if conflict.theirs_deleted:
            self.message.setText(self.tr("The desk deleted this article; it was edited here."))

    def _field_row(self, conflict: Conflict, field: str, line: int) -> None:
        group = QButtonGroup(self)
        self._choices[field] = group
        self.fields_layout.addWidget(QLabel(field_label(field)), line, 0, Qt.AlignmentFlag.AlignTop)
        for column, (side, content) in enumerate(
            (("mine", conflict.mine), ("theirs", conflict.theirs)), start=1
        ):
            self.fields_layout.addWidget(
                self._side_box(group, side, content.get(field)), line, column
            )
        group.buttons()[0].setChecked(True)

    def _side_box(self, group: QButtonGroup, side: str, value: Any) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        choice = QRadioButton(self.tr("Keep mine") if side == "mine" else self.tr("Keep theirs"))
        choice.setObjectName(side)
        group.addButton(choice)
        text = QPlainTextEdit(shown(value), readOnly=True)
        if "\n" in shown(value) or len(shown(value)) > 120:
            text.setMinimumHeight(180)
        else:
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 2 + 12)
        layout.addWidget(choice)
        layout.addWidget(text)
        return box

    def _clear_fields(self) -> None:
        self._choices.clear()
        while self.fields_layout.count():
            item = self.fields_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    # ---- settling -------------------------------------------------------------------------

    def choices(self) -> dict[str, Side]:
        chosen: dict[str, Side] = {}
        for field, group in self._choices.items():
            checked = group.checkedButton()
            chosen[field] = "theirs" if checked and checked.objectName() == "theirs" else "mine"
        return chosen

    def choose(self, field: str, side: Side) -> None:
        for button in self._choices[field].buttons():
            button.setChecked(button.objectName() == side)

    def settle_current(self) -> None:
        row = self.listing.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        conflict_id, choices, library = self._conflicts[row].id, self.choices(), self._library
        self._runner.run(
            lambda: operations.settle_conflict(library, conflict_id, "mine", choices),
            lambda _none: self._settled(),
            self._failed,
        )

    def _settled(self) -> None:
        self.message.setText(self.tr("Settled: the next sync sends it."))
        self.settled.emit()
        self.reload()
