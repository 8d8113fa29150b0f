"""What the window says after an import: how many articles were imported and refused, why
each refused file was refused (the importer's reason, which may take several lines), and the
notes of the articles imported (pictures that await their file, parts left out)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.labels import Context
from copydesk.records.imports import ImportItem, ImportOutcome, ImportReport

importing = Context("importing")

INDENT = "    "


def imported_count(count: int) -> str:
    return importing.tr("%n article(s) imported", "", count)


def refused_count(count: int) -> str:
    return importing.tr("%n file(s) refused", "", count)


def summary_line(report: ImportReport) -> str:
    """Counts on one line (the status bar and the report's first line)."""
    if not report.items and not report.cancelled:
        return importing.tr("No file to import was found.")
    text = (
        importing.tr("%1, %2.")
        .replace("%1", imported_count(report.count(ImportOutcome.IMPORTED)))
        .replace("%2", refused_count(report.count(ImportOutcome.REFUSED)))
    )
    if report.cancelled:
        text = importing.tr("Import cancelled: the files not started were left out.") + " " + text
    return text


def refused_lines(item: ImportItem) -> list[str]:
    """The file's name, then the reason (the importer's own message) indented below it."""
    reason = [INDENT + line for line in item.reason.splitlines() if line.strip()]
    return [
        importing.tr("%1 — refused:").replace("%1", Path(item.path).name),
        *reason,
    ]


def note_lines(item: ImportItem) -> list[str]:
    """The article imported from the file, then its notes indented below it."""
    title = item.headline or item.slug or importing.tr("Untitled")
    head = (
        importing.tr("%1 — imported as “%2”:")
        .replace("%1", Path(item.path).name)
        .replace("%2", title)
    )
    return [head, *(INDENT + note for note in item.notes)]


class ImportReportDialog(QDialog):
    """The counts, then what to look at: the refused files with their reasons, and the
    articles imported with notes."""

    def __init__(self, report: ImportReport, parent: QWidget) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setObjectName("importReportDialog")
        self.setWindowTitle(self.tr("Import Report"))
        self.report = report
        refused = [item for item in report.items if item.outcome is ImportOutcome.REFUSED]
        noted = [
            item for item in report.items if item.outcome is ImportOutcome.IMPORTED and item.notes
        ]
        style = self.style()
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if refused or report.cancelled
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        icon = QLabel(self)
        icon.setPixmap(style.standardIcon(pixmap).pixmap(32, 32))
        self.summary = QLabel(self.summary_text(), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.refused = self._details("importRefused", [refused_lines(i) for i in refused])
        self.notes = self._details("importNotes", [note_lines(i) for i in noted])
        self.refused_label = QLabel(self.tr("Not imported (nothing was added for these):"), self)
        self.notes_label = QLabel(self.tr("Imported, with notes:"), self)
        for widget, items in (
            (self.refused_label, refused),
            (self.refused, refused),
            (self.notes_label, noted),
            (self.notes, noted),
        ):
            widget.setVisible(bool(items))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self._fit(layout, 680)

    def _fit(self, layout: QVBoxLayout, width: int) -> None:
        """Share the height between the two lists by the lines each holds once wrapped, and
        make the dialog tall enough for them (up to a screenful: they scroll beyond)."""
        metrics = self.notes.fontMetrics()
        room = width - 60  # the margins, the frame and a scroll bar
        heights = []
        for view in (self.refused, self.notes):
            lines = sum(
                max(1, -(-metrics.horizontalAdvance(line) // room))
                for line in view.toPlainText().splitlines()
            )
            shown = min(lines, 14) if view.isVisibleTo(self) else 0
            heights.append(shown * metrics.lineSpacing() + (16 if shown else 0))
        layout.setStretchFactor(self.refused, max(heights[0], 1))
        layout.setStretchFactor(self.notes, max(heights[1], 1))
        for view, height in zip((self.refused, self.notes), heights, strict=True):
            view.setMinimumHeight(min(height, 4 * metrics.lineSpacing() + 16))
        labels = sum(24 for view in (self.refused, self.notes) if view.isVisibleTo(self))
        self.resize(width, 110 + labels + sum(heights))

    def summary_text(self) -> str:
        """The counts, and the article the window opened (the first one imported)."""
        text = summary_line(self.report)
        first = next((i for i in self.report.items if i.outcome is ImportOutcome.IMPORTED), None)
        if first is not None:
            title = first.headline or first.slug or self.tr("Untitled")
            text += "\n" + self.tr("“%1” is open in the editor.").replace("%1", title)
        return text

    def _details(self, name: str, blocks: list[list[str]]) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setObjectName(name)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        view.setPlainText("\n\n".join("\n".join(block) for block in blocks))
        return view

    def refused_text(self) -> str:
        return self.refused.toPlainText()

    def notes_text(self) -> str:
        return self.notes.toPlainText()
