"""The history of the current article: its revisions, what changed since one of them, and
a button to bring it back (which is itself recorded, so nothing is lost)."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copydesk.articles.diffing import Change, FieldDiff
from copydesk.qt.labels import Context, field_label
from copydesk.records.article import RevisionKind, RevisionSummary

RevisionIdRole = Qt.ItemDataRole.UserRole + 1
history = Context("history")


class HistoryPanel(QWidget):
    revision_selected = Signal(int)
    restore_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.revisions = QTreeWidget(self)
        self.revisions.setObjectName("revisions")
        self.revisions.setRootIsDecorated(False)
        self.revisions.setAlternatingRowColors(True)
        self.revisions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.revisions.setHeaderLabels([self.tr("When"), self.tr("Words"), self.tr("Who")])
        header = self.revisions.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.revisions.currentItemChanged.connect(self._on_current_changed)

        self.diff_title = QLabel(self)
        self.diff_title.setWordWrap(True)
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("revisionDiff")
        self.diff.setOpenLinks(False)
        self.restore_button = QPushButton(self.tr("Restore This Revision"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.setToolTip(
            self.tr("Bring this revision back. The current text is kept in the history first.")
        )
        self.restore_button.clicked.connect(self._restore)
        self.empty_label = QLabel(
            self.tr(
                "No revision yet. Press Ctrl+S to record one; one is also kept every few "
                "minutes while you write."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.diff_title)
        lower_layout.addWidget(self.diff, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        lower_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.revisions)
        splitter.addWidget(lower)
        splitter.setSizes([180, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self.set_revisions([])

    def set_revisions(self, revisions: list[RevisionSummary]) -> None:
        """Newest first; the selection stays on the same revision when it is still listed."""
        selected = self.selected_revision_id()
        self.revisions.blockSignals(True)
        self.revisions.clear()
        for revision in revisions:
            self.revisions.addTopLevelItem(self._item(revision))
        self.revisions.blockSignals(False)
        self.empty_label.setVisible(not revisions)
        found = self._find(selected) if selected is not None else None
        if found is not None:
            self.revisions.setCurrentItem(found)
        else:
            self.diff.clear()
            self.diff_title.clear()
            self.restore_button.setEnabled(False)

    def selected_revision_id(self) -> int | None:
        item = self.revisions.currentItem()
        return int(item.data(0, RevisionIdRole)) if item is not None else None

    def select_revision(self, revision_id: int) -> None:
        item = self._find(revision_id)
        if item is not None:
            self.revisions.setCurrentItem(item)

    def show_diff(self, revision_id: int, diffs: list[FieldDiff]) -> None:
        """What changed from the revision to the current text."""
        if revision_id != self.selected_revision_id():
            return  # the user has since selected another revision
        item = self._find(revision_id)
        when = item.text(0) if item is not None else ""
        self.diff_title.setText(
            self.tr("Changes from the revision of %1 to the current text:").replace("%1", when)
        )
        self.diff.setHtml(diff_html(diffs, self.palette()))
        self.restore_button.setEnabled(bool(diffs))

    def _item(self, revision: RevisionSummary) -> QTreeWidgetItem:
        when = short_time(revision.created_at)
        who = revision.author
        if revision.two_parents and revision.merged_with:
            who = f"{revision.author} + {revision.merged_with}"
        item = QTreeWidgetItem(
            [
                f"{when} · {kind_label(revision.kind)}",
                QLocale().toString(revision.word_count),
                who,
            ]
        )
        tip = QLocale().toString(_qt_time(revision.created_at), QLocale.FormatType.LongFormat)
        if revision.two_parents:
            sides = self.tr("Two parents: %1’s changes and %2’s.")
            tip += "\n" + sides.replace("%1", revision.author).replace("%2", revision.merged_with)
        item.setToolTip(0, tip)
        item.setToolTip(2, tip)
        item.setData(0, RevisionIdRole, revision.id)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _find(self, revision_id: int) -> QTreeWidgetItem | None:
        for row in range(self.revisions.topLevelItemCount()):
            item = self.revisions.topLevelItem(row)
            if item is not None and item.data(0, RevisionIdRole) == revision_id:
                return item
        return None

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.restore_button.setEnabled(False)
        if current is not None:
            self.diff.setPlainText(self.tr("Comparing…"))
            self.revision_selected.emit(int(current.data(0, RevisionIdRole)))

    def _restore(self) -> None:
        revision_id = self.selected_revision_id()
        if revision_id is not None:
            self.restore_requested.emit(revision_id)


def short_time(moment: datetime) -> str:
    """``14:32`` today, ``24 Nov 14:32`` this year, ``24 Nov 2025 14:32`` before (the month
    in the window's language)."""
    local, now = moment.astimezone(), datetime.now().astimezone()
    if local.date() == now.date():
        pattern = "HH:mm"
    elif local.year == now.year:
        pattern = "dd MMM HH:mm"
    else:
        pattern = "dd MMM yyyy HH:mm"
    return QLocale().toString(_qt_time(local), pattern)


def _qt_time(moment: datetime) -> QDateTime:
    """The same instant, in local time."""
    return QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))


def kind_label(kind: RevisionKind) -> str:
    labels = {
        RevisionKind.MANUAL: history.tr("saved"),
        RevisionKind.PERIODIC: history.tr("while editing"),
        RevisionKind.BEFORE_RESTORE: history.tr("before a restore"),
        RevisionKind.RESTORE: history.tr("restored"),
        RevisionKind.OTHER_WINDOW: history.tr("other window's version"),
        RevisionKind.NOT_KEPT: history.tr("version set aside"),
        RevisionKind.FROM_DESK: history.tr("from the desk"),
        RevisionKind.MERGED: history.tr("merged"),
        RevisionKind.SETTLED: history.tr("conflict settled"),
    }
    return labels[kind]


def diff_html(diffs: list[FieldDiff], palette: QPalette) -> str:
    """Removed text struck through on red, added text underlined on green, readable in light
    and dark themes; folded stretches say how many unchanged lines they hide."""
    if not diffs:
        same = history.tr("This revision is the same as the current text.")
        return f"<p><i>{html.escape(same)}</i></p>"
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    removed_bg, added_bg = ("#5c2b2b", "#234d2c") if dark else ("#fbd9d9", "#d4f5d4")
    parts = []
    for diff in diffs:
        parts.append(f"<h4 style='margin:10px 0 4px 0'>{html.escape(field_label(diff.field))}</h4>")
        spans = []
        for segment in diff.segments:
            if segment.change is Change.FOLDED:
                hidden = history.tr("… %n unchanged line(s) …", "", int(segment.text))
                spans.append(f"<div style='color:gray'><i>{html.escape(hidden)}</i></div>")
                continue
            text = html.escape(segment.text).replace("\n", "<br>")
            if segment.change is Change.REMOVED:
                spans.append(f"<span style='background:{removed_bg}'><s>{text}</s></span>")
            elif segment.change is Change.ADDED:
                spans.append(f"<span style='background:{added_bg}'><u>{text}</u></span>")
            else:
                spans.append(text)
        parts.append(f"<div style='white-space:pre-wrap'>{''.join(spans)}</div>")
    return "".join(parts)
