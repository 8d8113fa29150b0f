"""Autosave: the editor's content reaches the library shortly after the last keystroke.

Every save runs on the database thread. The latest save of each article is remembered until
it succeeds: a failed one is retried, its text is given back to the editor when the article
is opened again, and closing the window asks before it is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from copydesk.articles import operations
from copydesk.errors import ConflictError, describe
from copydesk.qt.tasks import TaskRunner
from copydesk.records.article import ArticleContent, ArticleRecord

if TYPE_CHECKING:
    from copydesk.library.db import Library

# A save follows a pause of IDLE_MS in typing, and never comes later than MAX_WAIT_MS after
# the first unsaved edit, even while typing goes on: a crash loses at most about a second.
IDLE_MS = 500
MAX_WAIT_MS = 800
RETRY_MS = 5000


@dataclass(frozen=True)
class SaveTarget:
    library: Library
    article_id: int
    content: ArticleContent
    versions: operations.KnownVersions | None = None
    options: operations.SaveOptions | None = None


@dataclass(frozen=True)
class SaveSources:
    """Where a save's parts come from, so that the autosaver never asks the window: the
    library open for writing, the editor's content, the versions the window has read and
    the save options of the current preferences."""

    library: Callable[[], Library | None]
    content: Callable[[], ArticleContent]
    versions: Callable[[], operations.KnownVersions]  # a new library brings new ones
    options: Callable[[], operations.SaveOptions]


@dataclass(eq=False)
class PendingSave:
    target: SaveTarget
    generation: int
    error: Exception | None = None
    future: Future[ArticleRecord] | None = field(default=None, repr=False)

    def failure(self) -> BaseException | None:
        if self.error is not None:
            return self.error
        future = self.future
        return future.exception() if future is not None and future.done() else None

    def failed(self) -> bool:
        return self.failure() is not None

    def wait(self) -> None:
        if self.future is not None:
            self.future.exception()  # blocks until the save has run


class Autosaver(QObject):
    """Saves the article named by ``edit`` from its ``SaveSources``; edits are counted by
    ``note_edit``."""

    saving = Signal()
    saved = Signal(object)  # ArticleRecord
    failed = Signal(str)
    # Another window saved the article first: nothing was written, and no retry is made
    # until the window has decided how to keep both versions.
    conflicted = Signal(object)  # ConflictError

    def __init__(
        self,
        runner: TaskRunner,
        sources: SaveSources,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._sources = sources
        self._article_id: int | None = None
        # Edit generations only ever grow: a save is identified by the generation it holds.
        self._edit_generation = 0
        self._saved_generation = 0
        self._latest: dict[int, PendingSave] = {}
        self._idle = self._timer(IDLE_MS, self.flush)
        self._max_wait = self._timer(MAX_WAIT_MS, self.flush)
        self._retry = self._timer(RETRY_MS, self.retry_failed)

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def set_intervals(self, *, idle_ms: int, retry_ms: int, max_wait_ms: int | None = None) -> None:
        self._idle.setInterval(idle_ms)
        self._max_wait.setInterval(max(max_wait_ms or idle_ms, idle_ms))
        self._retry.setInterval(retry_ms)

    # ---- the article being edited ---------------------------------------------------

    def edit(self, article_id: int | None) -> None:
        """The article the editor now shows (None: nothing to save)."""
        self._article_id = article_id

    def _target(self) -> SaveTarget | None:
        library = self._sources.library() if self._article_id is not None else None
        if self._article_id is None or library is None:
            return None
        sources = self._sources
        return SaveTarget(
            library, self._article_id, sources.content(), sources.versions(), sources.options()
        )

    def note_edit(self) -> None:
        self._edit_generation += 1
        self._idle.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def in_sync(self) -> bool:
        """True when every edit of the current article has been handed to a save."""
        return self._edit_generation == self._saved_generation

    def has_unsaved(self) -> bool:
        return not self.in_sync() or any(p.failed() for p in self._latest.values())

    def start_fresh(self, *, dirty: bool = False) -> None:
        """A new article is in the editor; ``dirty`` when it holds text still to be saved."""
        self._stop_timers()
        self._saved_generation = self._edit_generation
        if dirty:
            self.note_edit()

    def hold(self) -> None:
        """Stop the timers without saving (the article is about to be deleted)."""
        self._stop_timers()

    def resume(self) -> None:
        if not self.in_sync():
            self._idle.start()
            self._max_wait.start()

    def _stop_timers(self) -> None:
        self._idle.stop()
        self._max_wait.stop()

    def flush(self) -> None:
        """Hand the current content to the database thread now, if anything changed."""
        self._stop_timers()
        if self.in_sync():
            return
        target = self._target()
        if target is None:
            return
        self._saved_generation = self._edit_generation
        self._submit(target, self._edit_generation)

    # ---- every article's latest save --------------------------------------------------

    def failed_content(self, article_id: int) -> ArticleContent | None:
        pending = self._latest.get(article_id)
        return pending.target.content if pending is not None and pending.failed() else None

    def discard(self, article_id: int) -> None:
        self._latest.pop(article_id, None)

    def discard_all(self) -> None:
        self._latest.clear()
        self.start_fresh()

    def retry_failed(self) -> None:
        for pending in list(self._latest.values()):
            if pending.failed() and not isinstance(pending.failure(), ConflictError):
                self._submit(pending.target, pending.generation)

    def wait_for_failures(self) -> list[PendingSave]:
        """Save what is pending, wait for every save to run, return those that failed."""
        self.flush()
        for pending in list(self._latest.values()):
            pending.wait()
        return [pending for pending in self._latest.values() if pending.failed()]

    def _submit(self, target: SaveTarget, generation: int) -> None:
        self.saving.emit()
        pending = PendingSave(target, generation)
        self._latest[target.article_id] = pending
        pending.future = self._runner.run(
            lambda: operations.save_article(
                target.library, target.article_id, target.content, target.versions, target.options
            ),
            lambda record: self._on_saved(pending, record),
            lambda error: self._on_failed(pending, error),
        )

    def _on_saved(self, pending: PendingSave, record: ArticleRecord) -> None:
        if self._latest.get(record.id) is pending:
            del self._latest[record.id]
        self.saved.emit(record)

    def _on_failed(self, pending: PendingSave, error: Exception) -> None:
        pending.error = error
        if self._latest.get(pending.target.article_id) is not pending:
            return  # superseded by a newer save, or the article was deleted
        if isinstance(error, ConflictError):
            self.conflicted.emit(error)
            return
        self._retry.start()
        self.failed.emit(describe(error))
