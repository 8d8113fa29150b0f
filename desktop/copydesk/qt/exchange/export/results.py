"""What the window says after an export: the package written (with Show in Folder), the
problems that refused an article (worded as in the Checks panel), why a package could not be
written, and a batch's report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from copydesk.errors import CopydeskError
from copydesk.exchange.packages.export import BatchItem, BatchOutcome, BatchReport, ExportFailed
from copydesk.qt.checks.messages import problem_location, problem_message
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.labels import Context, fill
from copydesk.records.problem import Problem, Severity

export = Context("export")


def exported_count(count: int) -> str:
    return export.tr("%n package(s) exported", "", count)


def show_in_folder(path: Path) -> bool:
    """Open the folder holding ``path`` in the file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def exported_box(path: Path, replaced: bool, headline: str, parent: QWidget) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        export.tr("Package Exported"),
        "",
        parent=parent,
    )
    box.setObjectName("exportedBox")
    box.setText(export.tr("“%1” was exported.").replace("%1", headline or export.tr("Untitled")))
    details = [export.tr("Package: %1").replace("%1", str(path))]
    if replaced:
        details.append(export.tr("It replaces the package of the same name."))
    box.setInformativeText("\n".join(details))
    show = box.addButton(export.tr("Show in Folder"), QMessageBox.ButtonRole.ActionRole)
    show.clicked.connect(lambda: show_in_folder(path))
    box.addButton(QMessageBox.StandardButton.Close)
    _widen(box)
    return box


def failed_box(error: Exception, parent: QWidget) -> QMessageBox:
    """Why nothing was written: the system's reason, then the package (or folder)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        export.tr("Export Failed"),
        "",
        parent=parent,
    )
    box.setObjectName("exportFailedBox")
    if isinstance(error, ExportFailed):
        reason = error.reason[:1].lower() + error.reason[1:]
        box.setText(export.tr("The package could not be written: %1.").replace("%1", reason))
        box.setInformativeText(export.tr("%1\nNothing was written.").replace("%1", str(error.path)))
    else:
        box.setText(export.tr("The article could not be exported."))
        box.setInformativeText(failure_reason(error))
    box.addButton(QMessageBox.StandardButton.Close)
    _widen(box)
    return box


def _widen(box: QMessageBox, width: int = 520) -> None:
    """Room for a path on one line: a message box sizes itself to its shortest sentence."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())


def failure_reason(error: Exception) -> str:
    """The reason on one line (the status bar)."""
    if isinstance(error, ExportFailed):
        return (
            export.tr("%1: %2. Nothing was written.")
            .replace("%1", str(error.path))
            .replace("%2", _capitalised(error.reason))
        )
    if isinstance(error, CopydeskError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class RefusedDialog(QDialog):
    """The checks that stopped an article's export, worded as in the Checks panel."""

    show_checks = Signal()

    def __init__(self, headline: str, problems: list[Problem], parent: QWidget) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setObjectName("exportRefusedDialog")
        self.setWindowTitle(self.tr("Article Not Exported"))
        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        errors = sum(1 for problem in problems if problem.severity is Severity.ERROR)
        icon = QLabel(self)
        icon.setPixmap(icons[Severity.ERROR if errors else Severity.WARNING].pixmap(32, 32))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        found = self.tr(
            "“%1” was not exported: its checks found %n problem(s) to fix first.",
            "",
            len(problems),
        )
        title = headline or self.tr("Untitled")
        self.message.setText(found.replace("%1", title) + "\n" + self.tr("Nothing was written."))
        self.problems = QListWidget(self)
        self.problems.setObjectName("refusedProblems")
        self.problems.setWordWrap(True)
        self.problems.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        for problem in problems:
            text = f"{problem_location(problem)} — {problem_message(problem)}"
            self.problems.addItem(QListWidgetItem(icons[problem.severity], text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.checks_button = buttons.addButton(
            self.tr("Show in Checks"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.checks_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.accepted.connect(self.show_checks)

        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(560, 340)

    def lines(self) -> list[str]:
        return [self.problems.item(row).text() for row in range(self.problems.count())]


class BatchReportDialog(QDialog):
    """Counts exported / refused / failed, then a line for each article not exported."""

    def __init__(self, report: BatchReport, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setObjectName("exportReportDialog")
        self.setWindowTitle(self.tr("Export Report"))
        self.report = report
        self.folder = folder
        self.summary = QLabel(self.summary_text(), self)
        self.summary.setObjectName("exportSummary")
        self.summary.setWordWrap(True)
        lines = self.lines()
        self.details_label = QLabel(self.tr("Not exported:"), self)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("exportDetails")
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(lines))
        self.details_label.setVisible(bool(lines))
        self.details.setVisible(bool(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button: QPushButton = buttons.addButton(
            self.tr("Show in Folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.show_button.clicked.connect(self._show_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        line = self.details.fontMetrics().lineSpacing()
        self.resize(680, 160 + min(len(lines), 16) * line if lines else 120)

    def summary_text(self) -> str:
        report = self.report
        exported = report.count(BatchOutcome.EXPORTED)
        parts = [
            exported_count(exported),
            self.tr("%n refused by their checks", "", report.count(BatchOutcome.REFUSED)),
            self.tr("%n failed", "", report.count(BatchOutcome.FAILED)),
        ]
        text = self.tr("%1, %2, %3.").replace("%1", parts[0]).replace("%2", parts[1])
        text = text.replace("%3", parts[2])
        if report.cancelled:
            text = (
                self.tr("Export cancelled: the articles not started were left out.") + "\n" + text
            )
        if not report.items and not report.cancelled:
            text = self.tr("No article to export.")
        return text + "\n" + self.tr("Folder: %1").replace("%1", str(self.folder))

    def lines(self) -> list[str]:
        return [self._line(item) for item in self.report.items if item.path is None]

    def _line(self, item: BatchItem) -> str:
        name = item.slug or self.tr("article %1").replace("%1", str(item.article_id))
        line = (
            self.tr("%1 — refused: %2")
            if item.outcome is BatchOutcome.REFUSED
            else self.tr("%1 — failed: %2")
        )
        return fill(line, [name, item.reason])

    def _show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
