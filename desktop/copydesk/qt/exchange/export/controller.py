"""File ▸ Export Article… and Export Several Articles…: the window's side of exporting.

Before asking anything, the editor's pending text is handed to the database thread and the
dialog opens once that save has landed, so that the package holds exactly what is on
screen. The export itself runs on the export thread (``exporter``); the outcome comes back
as a dialog. The heavy modules (the exporter, ninjs validation) are imported on first use,
not when the window starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.controller import WindowController
from copydesk.qt.window.state import WindowState

if TYPE_CHECKING:
    from copydesk.exchange.packages.export import BatchReport
    from copydesk.library.db import Library
    from copydesk.preferences import Preferences
    from copydesk.qt.exchange.export.exporter import (
        ExportSettings,
        PackageExporter,
        Selection,
        SingleOutcome,
    )
    from copydesk.records.article import ArticleQuery, ArticleRecord


class ExportHost(Protocol):
    """What the controller needs of the window."""

    current: ArticleRecord | None

    def library_for_export(self) -> Library | None: ...
    def save_pending(self) -> None: ...
    def failed_save(self, article_id: int) -> bool: ...
    def listed_articles(self) -> tuple[ArticleQuery, int, bool]: ...
    def export_preferences(self) -> Preferences: ...
    def show_checks(self) -> None: ...
    def article_errors(self) -> list[str]: ...


class ExportController(WindowController):
    """The two actions, their dialogs, and what the window shows afterwards. ``finished``
    carries the ``SingleOutcome`` of an article, ``batch_finished`` a batch's report."""

    finished = Signal(object)  # SingleOutcome
    batch_finished = Signal(object)  # BatchReport

    def __init__(
        self,
        window: QMainWindow,
        host: ExportHost,
        database: TaskRunner,
        state: WindowState,
    ) -> None:
        super().__init__(window, database)
        self._host = host
        self._state = state
        self._exporter: PackageExporter | None = None
        self._batch_folder = Path()
        self.export_action = QAction(self.tr("&Export Article…"), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip(
            self.tr("Write this article's publishing package: HTML, ninjs, pictures, Markdown")
        )
        self.export_action.triggered.connect(self.export_current)
        self.batch_action = QAction(self.tr("Export Se&veral Articles…"), window)
        self.batch_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.batch_action.setStatusTip(
            self.tr("Write the packages of the articles listed, or of every article with a status")
        )
        self.batch_action.triggered.connect(self.export_several)
        self.refresh()

    @property
    def exporter(self) -> PackageExporter:
        if self._exporter is None:
            from copydesk.qt.exchange.export.exporter import PackageExporter

            self._exporter = PackageExporter(self._database, self)
            self._exporter.progressed.connect(self._show_progress)
            self._exporter.exported.connect(self._on_exported)
            self._exporter.batch_finished.connect(self._on_batch_finished)
            self._exporter.batch_failed.connect(self._on_batch_failed)
        return self._exporter

    @property
    def running(self) -> bool:
        return self._exporter is not None and self._exporter.running

    def refresh(self) -> None:
        """Enable the actions that can run now: a library open (an article for the first),
        and no export under way."""
        library = self._host.library_for_export()
        idle = not self.running
        self.export_action.setEnabled(
            idle and library is not None and self._host.current is not None
        )
        self.batch_action.setEnabled(idle and library is not None)

    # ---- one article --------------------------------------------------------------------

    def export_current(self) -> None:
        record = self._host.current
        if self.running or record is None or self._host.library_for_export() is None:
            return
        article_id = record.id
        self._after_saves(self._host.save_pending, lambda: self._ask_single(article_id))

    def _ask_single(self, article_id: int) -> None:
        record = self._host.current
        library = self._host.library_for_export()
        if record is None or record.id != article_id or library is None:
            return  # another article or library since
        if self._host.failed_save(article_id):
            self._not_saved()
            return
        from copydesk.qt.exchange.export.options_dialog import ExportDialog, remembered_settings

        dialog = ExportDialog(
            remembered_settings(self._state),
            self._window,
            headline=record.content.headline,
            slug=record.slug,
            errors=self._host.article_errors(),
        )
        dialog.show_checks.connect(self._host.show_checks)
        dialog.accepted.connect(lambda: self._start_single(library, record, dialog.settings()))
        self._open(dialog)

    def export_open_article(self, settings: ExportSettings) -> None:
        """Export the open article with ``settings``, without the dialog (``copydesk
        screenshot --view export``); the report comes as after Export."""
        record, library = self._host.current, self._host.library_for_export()
        if record is not None and library is not None and not self.running:
            self._start_single(library, record, settings)

    def _not_saved(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export Article"),
            self.tr("The article could not be saved, so it was not exported."),
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setInformativeText(
            self.tr("Its package would not hold the text on screen. Try again once it is saved.")
        )
        self._open(box)

    def _start_single(
        self, library: Library, record: ArticleRecord, settings: ExportSettings
    ) -> None:
        from copydesk.qt.exchange.export.options_dialog import remember_settings

        remember_settings(self._state, settings)
        self._status(self.tr("Exporting “%1”…").replace("%1", record.slug), 0)
        self.exporter.export_one(
            library, record.id, record.slug, settings, self._host.export_preferences()
        )
        self.refresh()

    def _on_exported(self, outcome: SingleOutcome) -> None:
        from copydesk.exchange.packages.export import ExportRefused
        from copydesk.qt.exchange.export import results

        self.refresh()
        if outcome.result is not None:
            path = outcome.result.path
            self._status(self.tr("Exported to %1").replace("%1", str(path)))
            headline = self._headline(outcome.article_id)
            self._open(results.exported_box(path, outcome.replaced, headline, self._window))
        elif isinstance(outcome.error, ExportRefused):
            self._status(self.tr("Not exported: the checks found problems"))
            headline = self._headline(outcome.article_id)
            dialog = results.RefusedDialog(headline, outcome.error.problems, self._window)
            dialog.show_checks.connect(self._host.show_checks)
            self._open(dialog)
        else:
            error = outcome.error or RuntimeError("no result")
            self._status(self.tr("Not exported: %1").replace("%1", results.failure_reason(error)))
            self._open(results.failed_box(error, self._window))
        self.finished.emit(outcome)

    def _headline(self, article_id: int) -> str:
        record = self._host.current
        if record is not None and record.id == article_id:
            return record.content.headline
        return ""

    # ---- several articles -----------------------------------------------------------------

    def export_several(self) -> None:
        if self.running or self._host.library_for_export() is None:
            return
        self._after_saves(self._host.save_pending, self._ask_batch)

    def _ask_batch(self) -> None:
        library = self._host.library_for_export()
        if library is None:
            return
        from copydesk.qt.exchange.export.options_dialog import (
            ExportDialog,
            remembered_settings,
            remembered_status,
        )

        dialog = ExportDialog(
            remembered_settings(self._state),
            self._window,
            listed=self._host.listed_articles(),
            status=remembered_status(self._state),
        )
        dialog.accepted.connect(
            lambda: self.start_batch(library, dialog.selection(), dialog.settings())
        )
        self._open(dialog)

    def start_batch(self, library: Library, selection: Selection, settings: ExportSettings) -> None:
        """Export ``selection`` with a progress dialog (modal to the window) and Cancel."""
        from copydesk.qt.exchange.export.options_dialog import STATUS_KEY, remember_settings

        if self.running:
            return
        remember_settings(self._state, settings)
        if selection.status is not None:
            self._state.set_text(STATUS_KEY, selection.status.value)
        self._batch_folder = settings.folder
        self._open_progress(
            self.tr("Finding the articles to export…"), self.tr("Export"), "exportProgress"
        )
        self._status(self.tr("Exporting the packages…"), 0)
        self.exporter.export_batch(library, selection, settings, self._host.export_preferences())
        self.refresh()

    def cancel(self) -> None:
        """Cancel the batch: the packages under way are finished, no other is started."""
        if self._exporter is None or not self._exporter.running:
            return
        self._exporter.cancel()
        self._status(self.tr("Stopping the export once the packages under way are written…"), 0)

    def _show_progress(self, done: int, total: int) -> None:
        if self.exporter.cancelling:
            return  # a cancelled dialog would show itself again
        self._advance(self.tr("Exporting the packages… %1 of %n", "", total), done, total)

    def _on_batch_finished(self, report: BatchReport) -> None:
        from copydesk.exchange.packages.export import BatchOutcome
        from copydesk.qt.exchange.export import results
        from copydesk.qt.exchange.export.results import BatchReportDialog

        self._close_progress()
        self.refresh()
        dialog = BatchReportDialog(report, self._batch_folder, self._window)
        exported = results.exported_count(report.count(BatchOutcome.EXPORTED))
        if report.cancelled:
            exported = self.tr("%1 (cancelled)").replace("%1", exported)
        self._status(exported)
        self._open(dialog)
        self.batch_finished.emit(report)

    def _on_batch_failed(self, error: Exception) -> None:
        from copydesk.qt.exchange.export import results

        self._close_progress()
        self.refresh()
        self._status(self.tr("Not exported: %1").replace("%1", results.failure_reason(error)))
        self._open(results.failed_box(error, self._window))

    def shutdown(self) -> None:
        """The window closes: stop a batch and wait for the packages under way."""
        if self._exporter is not None:
            self._exporter.shutdown()
        self._close_progress()
