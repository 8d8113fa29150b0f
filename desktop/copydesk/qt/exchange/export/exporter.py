"""Exporting packages off the GUI thread: one article, or a batch with progress and Cancel.

Jobs run on an export thread of their own (a sibling of the database thread), so that the
editor keeps saving while a batch runs; a batch's packages are built in worker processes
(``packages.export_many``). The GUI thread only ever receives signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance

from copydesk.exchange.ninjs.schema import DEFAULT_VERSION, NinjsVersion
from copydesk.exchange.packages.write import package_path
from copydesk.preferences import Preferences
from copydesk.qt.tasks import TaskRunner
from copydesk.records.article import ArticleQuery, ArticleStatus

if TYPE_CHECKING:
    from copydesk.exchange.packages.export import BatchReport, ExportResult
    from copydesk.library.db import Library

WORKERS = 2  # the machines Copydesk runs on have two cores or more


@dataclass(frozen=True, slots=True)
class ExportSettings:
    """Where and how packages are written (what the export dialog asks)."""

    folder: Path
    as_zip: bool = False
    ninjs_version: NinjsVersion = DEFAULT_VERSION
    accept_warnings: bool = True

    def package(self, slug: str) -> Path:
        """Where the package of the article ``slug`` goes."""
        return package_path(self.folder, slug, as_zip=self.as_zip)


@dataclass(frozen=True, slots=True)
class Selection:
    """The articles of a batch: these ids, every article a list ``query`` finds, or every
    article with ``status``."""

    ids: tuple[int, ...] = ()
    status: ArticleStatus | None = None
    query: ArticleQuery | None = None

    def resolve(self, library: Library) -> list[int]:
        from copydesk.articles import operations

        if self.query is not None:
            return operations.ids_of_query(library, self.query)
        if self.status is None:
            return list(self.ids)
        return operations.ids_with_status(library, self.status)


@dataclass(frozen=True, slots=True)
class SingleOutcome:
    """What exporting one article gave: its package, or the error that stopped it."""

    article_id: int
    replaced: bool  # a package of the same name was there before
    result: ExportResult | None = None
    error: Exception | None = None


class PackageExporter(QObject):
    """One export at a time. ``exported`` carries a ``SingleOutcome``, ``batch_finished`` a
    ``BatchReport``; ``batch_failed`` says why a batch could not start (its folder)."""

    progressed = Signal(int, int)  # articles done, articles in all
    exported = Signal(object)  # SingleOutcome
    batch_finished = Signal(object)  # BatchReport
    batch_failed = Signal(object)  # Exception

    def __init__(self, database: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = database.sibling("copydesk-export")
        self._cancel = threading.Event()
        self.running = False

    def export_one(
        self,
        library: Library,
        article_id: int,
        slug: str,
        settings: ExportSettings,
        preferences: Preferences,
    ) -> None:
        """Export the article (as saved in the library) on the export thread."""
        if self.running:
            return
        self.running = True
        existed = settings.package(slug).exists()

        def work() -> SingleOutcome:
            from copydesk.exchange.packages.export import export_package

            try:
                result = export_package(
                    library,
                    article_id,
                    settings.folder,
                    ninjs_version=settings.ninjs_version,
                    as_zip=settings.as_zip,
                    accept_warnings=settings.accept_warnings,
                    preferences=preferences,
                )
            except Exception as error:  # every outcome goes back as a value
                return SingleOutcome(article_id, existed, error=error)
            return SingleOutcome(article_id, existed, result=result)

        self.runner.run(work, self._finish(self.exported), self._finish(self.batch_failed))

    def export_batch(
        self,
        library: Library,
        selection: Selection,
        settings: ExportSettings,
        preferences: Preferences,
    ) -> None:
        """Export the articles of ``selection`` on the export thread, ``WORKERS`` at a time;
        ``progressed`` after each, ``cancel`` stops the batch."""
        if self.running:
            return
        self.running = True
        self._cancel.clear()
        cancel = self._cancel

        def work() -> BatchReport:
            from copydesk.exchange.packages.export import export_many

            ids = selection.resolve(library)
            self.progressed.emit(0, len(ids))
            return export_many(
                library,
                ids,
                settings.folder,
                # One package is quicker on this thread than with worker processes to start.
                workers=max(1, min(WORKERS, len(ids))),
                progress=self.progressed.emit,
                cancelled=cancel.is_set,
                ninjs_version=settings.ninjs_version,
                as_zip=settings.as_zip,
                accept_warnings=settings.accept_warnings,
                preferences=preferences,
            )

        self.runner.run(work, self._finish(self.batch_finished), self._finish(self.batch_failed))

    def cancel(self) -> None:
        """Thread-safe: the batch starts no other article (those under way are finished)."""
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def _finish(self, signal: SignalInstance) -> Callable[[object], None]:
        def finish(value: object) -> None:
            self.running = False
            signal.emit(value)

        return finish

    def shutdown(self) -> None:
        """Stop a batch under way and wait for its packages under way (the window closes)."""
        self._cancel.set()
        self.runner.shutdown(finish_queued=True)
