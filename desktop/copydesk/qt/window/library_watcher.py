"""Watching the open library for what other programs write to it.

A few times a second the watcher asks, on the database thread, what the change feed holds
after the last change it saw (``copydesk.library.outside_changes``), and tells the window through
``changed``. The same job first makes sure the process still holds its SQLite locks, so an
idle window is protected before anyone writes. One poll at a time: a poll never queues
behind another, and a slow moment of the database thread only delays the next one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from copydesk.qt.tasks import TaskRunner

if TYPE_CHECKING:
    from copydesk.articles.operations import KnownVersions
    from copydesk.library.db import Library
    from copydesk.library.outside_changes import OutsideChanges

log = logging.getLogger(__name__)

POLL_MS = 400  # a change elsewhere shows within about half a second


class LibraryWatcher(QObject):
    changed = Signal(object)  # OutsideChanges

    def __init__(
        self,
        runner: TaskRunner,
        versions: Callable[[], KnownVersions],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._versions = versions
        self._library: Library | None = None
        self._cursor: int | None = None
        self._polling = False
        self._generation = 0  # results for a library since closed are dropped
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    def watch(self, library: Library) -> None:
        """Watch ``library`` from now on: what it holds already is not news."""
        self.stop()
        self._library = library
        generation = self._generation

        def started(cursor: int) -> None:
            if generation == self._generation:
                self._cursor = cursor
                self._timer.start()

        def start() -> int:
            # Imported on the database thread: SQLAlchemy stays out of the start-up.
            from copydesk.library import outside_changes

            return outside_changes.start_watching(library)

        self._runner.run(start, started, self._failed)

    def stop(self) -> None:
        self._generation += 1
        self._timer.stop()
        self._library, self._cursor, self._polling = None, None, False

    def poll(self) -> None:
        """Ask for what changed since the last poll (the timer calls it)."""
        library, cursor = self._library, self._cursor
        if library is None or cursor is None or self._polling:
            return
        self._polling = True
        generation, versions = self._generation, self._versions()

        def read() -> OutsideChanges:
            from copydesk.library import outside_changes

            return outside_changes.changes_since(library, cursor, versions)

        def arrived(changes: OutsideChanges) -> None:
            if generation != self._generation:
                return
            self._polling = False
            self._cursor = changes.until
            if changes.any:
                self.changed.emit(changes)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._polling = False
                self._failed(error)

        self._runner.run(read, arrived, failed)

    def _failed(self, error: Exception) -> None:
        # A busy or vanished library: the next poll tries again, the saves report it.
        log.warning("Could not read the library's changes: %s", error)
