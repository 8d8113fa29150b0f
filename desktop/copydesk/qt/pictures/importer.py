"""Importing pictures from the window: files are read and checked on an import thread, each
picture stored by the database thread, progress reported to a dialog with Cancel. The GUI
thread only ever receives signals."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from copydesk.library.db import Library
from copydesk.library.media_store import MediaStore
from copydesk.pictures.importing import PreparedPicture, import_pictures, store_prepared
from copydesk.qt.tasks import TaskRunner
from copydesk.records.imports import ImportItem, ImportReport


class PictureImporter(QObject):
    progressed = Signal(int, int)  # files done, files in all
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self, library: Library, database: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.database = database
        self.imports = database.sibling("copydesk-import")
        self._cancel = threading.Event()
        self.running = False

    def start(self, paths: list[Path]) -> None:
        if self.running:
            return
        self.running = True
        self._cancel.clear()
        library, database, cancel = self.library, self.database, self._cancel
        store = MediaStore.beside(library.path)

        def store_on_database_thread(prepared: PreparedPicture) -> ImportItem:
            if database.synchronous:
                return store_prepared(library, store, prepared)
            return database.run(lambda: store_prepared(library, store, prepared)).result()

        def work() -> ImportReport:
            return import_pictures(
                library,
                store,
                paths,
                progress=self.progressed.emit,
                cancelled=cancel.is_set,
                store_one=store_on_database_thread,
            )

        self.imports.run(work, self._done, self._failed)

    def cancel(self) -> None:
        self._cancel.set()

    def _done(self, report: ImportReport) -> None:
        self.running = False
        self.finished.emit(report)

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.failed.emit(str(error))

    def shutdown(self) -> None:
        self._cancel.set()
        self.imports.shutdown(finish_queued=False)
