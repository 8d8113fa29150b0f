"""File ▸ Import Articles… and Import a Package Folder…: the window's side of importing.

The files are chosen, the editor's pending text is saved, then the import runs on the
database thread (each file is one write transaction, and that thread is the library's one
writer), with a progress dialog and Cancel when there are several files. Afterwards the list
shows every article, the first one imported is opened, and a report says what became of
each file. The importer is imported on first use, not when the window starts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from copydesk.errors import describe
from copydesk.qt.dialogs import file_dialogs
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.controller import WindowController
from copydesk.qt.window.state import WindowState

if TYPE_CHECKING:
    from copydesk.articles.operations import Shown
    from copydesk.library.db import Library
    from copydesk.records.imports import ImportReport

FOLDER_KEY = "import/folder"


class ImportHost(Protocol):
    """What the controller needs of the window."""

    def library_for_import(self) -> Library | None: ...
    def save_pending(self) -> None: ...
    def show_imported(self, shown: Shown) -> None: ...
    def pictures_imported(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import gave: the report, and the first article imported to show (with the
    list of every article)."""

    report: ImportReport
    shown: Shown | None = None


def import_and_show(
    library: Library,
    paths: list[Path],
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> Imported:
    """On the database thread: import ``paths``, then read the first article imported."""
    from copydesk.articles import operations
    from copydesk.exchange.importing.batch import import_paths
    from copydesk.records.article import ALL_ARTICLES

    report = import_paths(library, paths, progress=progress, cancelled=cancelled)
    if not report.article_ids:
        return Imported(report)
    shown = operations.load_article(library, report.article_ids[0])
    listing = operations.search_articles(library, ALL_ARTICLES)
    return Imported(report, replace(shown, listing=listing))


class ImportController(WindowController):
    """The two actions, the import's progress, and the report. ``finished`` carries the
    ``ImportReport``, ``failed`` the exception that stopped an import."""

    finished = Signal(object)  # ImportReport
    failed = Signal(object)  # Exception
    progressed = Signal(int, int)  # files done, files in all (emitted on the database thread)

    def __init__(
        self, window: QMainWindow, host: ImportHost, database: TaskRunner, state: WindowState
    ) -> None:
        super().__init__(window, database)
        self._host = host
        self._state = state
        self._cancel = threading.Event()
        self.running = False
        self.progressed.connect(self._show_progress)
        self.import_action = QAction(self.tr("&Import Articles…"), window)
        # Ctrl+I is Italic in the editor.
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.setStatusTip(
            self.tr("Add articles from Copydesk packages, ninjs, Markdown or plain-text files")
        )
        self.import_action.triggered.connect(self.choose_files)
        self.folder_action = QAction(self.tr("Import a Package &Folder…"), window)
        self.folder_action.setStatusTip(
            self.tr("Add the article of a Copydesk package that is a folder (with manifest.json)")
        )
        self.folder_action.triggered.connect(self.choose_package_folder)
        self.refresh()

    def refresh(self) -> None:
        """Enable the actions while a library is open and no import is under way."""
        enabled = not self.running and self._host.library_for_import() is not None
        self.import_action.setEnabled(enabled)
        self.folder_action.setEnabled(enabled)

    def remembered_folder(self) -> str:
        return self._state.text_value(FOLDER_KEY, str(Path.home()))

    # ---- choosing ------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.running or self._host.library_for_import() is None:
            return
        names = file_dialogs.open_file_names(
            self._window,
            self.tr("Import Articles"),
            self.remembered_folder(),
            self.tr("Articles (*.zip *.json *.md *.markdown *.txt);;All files (*)"),
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def choose_package_folder(self) -> None:
        if self.running or self._host.library_for_import() is None:
            return
        name = file_dialogs.existing_directory(
            self._window, self.tr("Import a Package Folder"), self.remembered_folder()
        )
        if name:
            self.import_paths([Path(name)])

    # ---- importing -----------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Save the editor's text, then import ``paths`` on the database thread."""
        if self.running or not paths or self._host.library_for_import() is None:
            return
        self._state.set_text(FOLDER_KEY, str(paths[0].parent))
        self.running = True  # one import at a time, from now on
        self.refresh()
        self._after_saves(self._host.save_pending, lambda: self._start(paths))

    def _start(self, paths: list[Path]) -> None:
        library = self._host.library_for_import()
        if library is None:
            self.running = False
            self.refresh()
            return
        self._cancel.clear()
        if len(paths) > 1 or any(path.is_dir() for path in paths):
            self._open_progress(
                self.tr("Finding the files to import…"), self.tr("Import"), "importProgress"
            )
        self._status(self.tr("Importing the articles…"), 0)
        cancel, progressed = self._cancel, self.progressed

        def deliver(then: Callable[[Any], Any]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self.running = False
                self._close_progress()
                self.refresh()
                if library is self._host.library_for_import():  # not another library since
                    then(value)

            return call

        self._database.run(
            lambda: import_and_show(library, paths, progressed.emit, cancel.is_set),
            deliver(self._on_imported),
            deliver(self._on_failed),
        )

    def cancel(self) -> None:
        """Thread-safe: the import starts no other file (the one under way is finished)."""
        if not self.running:
            return
        self._cancel.set()
        self._status(self.tr("Stopping the import once the file under way is imported…"), 0)

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def _show_progress(self, done: int, total: int) -> None:
        if self.cancelling:
            return  # a cancelled dialog would show itself again
        self._advance(self.tr("Importing the articles… %1 of %n", "", total), done, total)

    def _on_imported(self, imported: Imported) -> None:
        from copydesk.qt.exchange.importing.results import ImportReportDialog, summary_line

        report = imported.report
        if imported.shown is not None:
            self._host.show_imported(imported.shown)
        if any(item.pictures_added or item.pictures_awaiting for item in report.items):
            self._host.pictures_imported()
        self._status(summary_line(report))
        self._open(ImportReportDialog(report, self._window))
        self.finished.emit(report)

    def _on_failed(self, error: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._status(self.tr("Not imported: %1").replace("%1", describe(error)))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Import Failed"),
            self.tr("The import stopped: %1").replace("%1", describe(error)),
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setObjectName("importFailedBox")
        self._open(box)
        self.failed.emit(error)

    def shutdown(self) -> None:
        """The window closes: the import stops after the file under way (the database
        thread finishes it before the library closes)."""
        self._cancel.set()
        self._close_progress()
