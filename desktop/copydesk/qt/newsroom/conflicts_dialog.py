"""The conflicts a sync kept for a person: each field that did not merge in three panes
(this library's version, the desk's, and the result: one side, both, or written by hand),
then settled. Settling sends a
revision with two parents at the next sync; changes that merged on their own are kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from copydesk.errors import describe
from copydesk.library.db import Library
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.labels import field_label
from copydesk.qt.newsroom.field_choice import FieldChoice
from copydesk.qt.tasks import TaskRunner
from copydesk.sync import offline
from copydesk.sync.conflicts import Conflict, Draft

_ORDER = (
    "status", "advertising", "language", "dateline_date", "edition", "kicker", "headline",
    "standfirst", "authors", "keywords", "body", "related_title", "related_links",
    "lead_picture",
)  # fmt: skip


def _editor_order(field: str) -> tuple[int, str]:
    """Fields in the order the editor shows them; a picture's credit fields after, by name."""
    return (_ORDER.index(field) if field in _ORDER else len(_ORDER), field)


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ConflictsDialog(QDialog):
    settled = Signal()

    def __init__(self, library: Library, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setWindowTitle(self.tr("Newsroom Conflicts"))
        self.resize(1100, 680)
        self._library = library
        self._runner = runner
        self._conflicts: list[Conflict] = []
        self._choices: dict[str, FieldChoice] = {}
        self._draft: Draft | None = None
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
        self._runner.run(lambda: offline.list_conflicts(library), self._listed, self._failed)

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
        conflict_id, library = self._conflicts[row].id, self._library
        self._runner.run(
            lambda: offline.conflict_draft(library, conflict_id),
            lambda draft: self._show_draft(conflict_id, draft),
            self._failed,
        )

    def _show_draft(self, conflict_id: int, draft: Draft) -> None:
        current = self.listing.currentRow()
        if not 0 <= current < len(self._conflicts) or self._conflicts[current].id != conflict_id:
            return  # another conflict was chosen meanwhile
        self._clear_fields()
        self._draft = draft
        self._header(self._conflicts[current])
        for line, field in enumerate(sorted(draft.fields, key=_editor_order), start=1):
            self._field_row(field, line)
        self.fields_layout.setRowStretch(2 * len(draft.fields) + 1, 1)

    def _header(self, conflict: Conflict) -> None:
        titles = (
            "",
            self.tr("The desk (theirs)"),
            self.tr("Result"),
            self.tr("This library (mine)"),
        )
        for column, text in enumerate(titles):
            self.fields_layout.addWidget(_bold(text), 0, column)
        self.message.setText(
            self.tr("The desk deleted this article; it was edited here.")
            if conflict.theirs_deleted
            else self.tr(
                "In each field keep mine, theirs or both, or write the result by hand. What"
                " merged on its own (other fields, other paragraphs) is kept either way."
            )
        )

    def _field_row(self, field: str, line: int) -> None:
        assert self._draft is not None
        choice = FieldChoice(
            field, self._draft.mine.get(field), self._draft.theirs.get(field), self.fields
        )
        self._choices[field] = choice
        # Two grid rows a field: its name and the choice of a side, then the three panes, the
        # result between the two sides as in a three-way merge tool.
        top, first = Qt.AlignmentFlag.AlignTop, 2 * line - 1
        self.fields_layout.addWidget(_bold(field_label(field)), first, 0)
        self.fields_layout.addWidget(choice.buttons, first, 2)
        self.fields_layout.addWidget(choice.theirs_view, first + 1, 1, top)
        self.fields_layout.addWidget(choice.result, first + 1, 2, top)
        self.fields_layout.addWidget(choice.mine_view, first + 1, 3, top)

    def _clear_fields(self) -> None:
        self._choices.clear()
        self._draft = None
        while self.fields_layout.count():
            item = self.fields_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    # ---- settling -------------------------------------------------------------------------

    def choices(self) -> dict[str, str]:
        return {field: choice.side for field, choice in self._choices.items()}

    def choose(self, field: str, side: str) -> None:
        self._choices[field].choose(side)

    def result_editor(self, field: str) -> QPlainTextEdit:
        return self._choices[field].result

    def settle_current(self) -> None:
        row = self.listing.currentRow()
        if not 0 <= row < len(self._conflicts) or self._draft is None:
            return
        conflict, library = self._conflicts[row], self._library
        sides = set(self.choices().values())
        if conflict.theirs_deleted and sides == {"theirs"}:
            job = lambda: offline.settle_conflict(library, conflict.id, "theirs")  # noqa: E731
        else:
            content = dict(self._draft.merged)
            content.update({field: choice.value() for field, choice in self._choices.items()})
            job = lambda: offline.settle_conflict(  # noqa: E731
                library, conflict.id, "mine", content=content
            )
        self._runner.run(job, lambda _none: self._settled(), self._failed)

    def _settled(self) -> None:
        self.message.setText(self.tr("Settled: the next sync sends it."))
        self.settled.emit()
        self.reload()
