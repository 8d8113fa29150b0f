"""What the window's menu controllers (export, import) share: saving the editor's text
before they start, a progress dialog with Cancel, the dialog they last opened, and the
status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QProgressDialog

from copydesk.qt.tasks import TaskRunner

STATUS_MS = 10_000


class WindowController(QObject):
    """A controller of ``window`` whose library work runs on ``database``."""

    def __init__(self, window: QMainWindow, database: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._database = database
        self.dialog: QDialog | None = None  # the last dialog opened (tests look at it)
        self.progress: QProgressDialog | None = None

    def cancel(self) -> None:
        """Cancel the work under way (the progress dialog's Cancel)."""

    def _after_saves(self, save_pending: Callable[[], None], then: Callable[[], Any]) -> None:
        """Save the editor's pending text (``save_pending``), then ``then()`` once the saves
        have landed: the database thread runs jobs in order, so a no-op queued after them
        runs after them, and its result arrives after theirs."""
        save_pending()
        self._database.run(lambda: None, lambda _none: then())

    def _open(self, dialog: QDialog) -> None:
        """Show ``dialog`` modal to the window, without a nested event loop; the one before
        goes once closed."""
        previous, self.dialog = self.dialog, dialog
        if previous is not None and not previous.isVisible():
            previous.deleteLater()
        dialog.open()

    def _status(self, message: str, timeout: int = STATUS_MS) -> None:
        self._window.statusBar().showMessage(message, timeout)

    def _open_progress(self, label: str, title: str, name: str) -> QProgressDialog:
        """A progress dialog modal to the window whose Cancel calls ``cancel``; shown only
        if the work lasts (a few quick items do not flash a dialog)."""
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._window)
        progress.setObjectName(name)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(420)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        return progress

    def _advance(self, label: str, done: int, total: int) -> None:
        """``done`` of ``total``; ``label`` says ``%1`` for ``done`` (and ``%n``, translated,
        for ``total``)."""
        progress = self.progress
        if progress is None:
            return
        progress.setMaximum(max(total, 1))
        progress.setLabelText(label.replace("%1", QLocale().toString(done)))
        progress.setValue(min(done, max(total, 1)))  # may run the event loop (modal dialog)

    def _close_progress(self) -> None:
        progress, self.progress = self.progress, None
        if progress is not None:
            progress.close()
            progress.deleteLater()
