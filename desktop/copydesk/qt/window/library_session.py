"""The library a window has open: opening it on the database thread (an existing library's
list and article are shown as soon as they are read, before it is ready for writing),
switching to another, closing it, and the reads of the list meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from copydesk.articles import operations
from copydesk.errors import describe
from copydesk.qt.dialogs import file_dialogs

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.qt.window.main_window import MainWindow

T = TypeVar("T")
# At most this long (seconds) the opening waits for the first article to be drawn.
FIRST_DRAW_WAIT = 2.0


class LibrarySession(QObject):
    def __init__(self, window: MainWindow, *, create: bool, open_slug: str | None) -> None:
        super().__init__(window)
        self._window = window
        self._create = create
        self._open_slug = open_slug
        self._opening: Future[operations.OpenedLibrary] | None = None
        self._count = 0  # results of an earlier open are ignored once another started
        # Set once the first article shown early is drawn (or the library is needed sooner):
        # until then the database thread holds back importing SQLAlchemy, which would take the
        # interpreter from the thread drawing the first article.
        self._first_drawn = threading.Event()
        window.article_ready.connect(self._first_drawn.set)

    @property
    def holding_back(self) -> bool:
        """Whether an opening would still wait for the first article to be drawn."""
        return not self._first_drawn.is_set()

    @property
    def is_opening(self) -> bool:
        return self._opening is not None

    def open(self, path: Path) -> None:
        """Open ``path`` on the database thread; the current library is saved and closed."""
        window = self._window
        if not self.confirm_unsaved():
            return
        window.autosave.discard_all()
        self.close()
        window.show_nothing()
        window.versions = operations.KnownVersions()
        window.library_path = path
        window.update_title()
        window.save_label.setText(self.tr("Opening the library…"))
        self._count += 1
        count, runner = self._count, window.runner
        preferred = window.state.last_article_id(path)
        create, slug = self._create, self._open_slug
        first_drawn = self._first_drawn

        def show_early(shown: operations.Shown) -> None:
            runner.post(still_wanted(window.show_article), shown)
            if not runner.synchronous:  # a synchronous runner is the GUI thread itself
                first_drawn.wait(FIRST_DRAW_WAIT)

        def still_wanted(callback: Callable[[T], None]) -> Callable[[T], None]:
            return lambda value: callback(value) if count == self._count else None

        upgrading_text = self.tr(
            "Upgrading the library for this version of Copydesk (a copy of it is kept beside"
            " it); a large library takes a few minutes…"
        )

        def upgrading() -> None:
            runner.post(still_wanted(window.save_label.setText), upgrading_text)

        self._opening = runner.run(
            lambda: operations.open_library(
                path,
                create=create,
                slug=slug,
                preferred_id=preferred,
                show_early=show_early,
                upgrading=upgrading,
            ),
            still_wanted(self._opened),
            still_wanted(self._failed),
        )

    def for_writing(self) -> Library | None:
        """The open library; if it is still being opened, wait for it (a fraction of a second,
        and only for an edit made in the first moments after start-up)."""
        window = self._window
        if window.library is None and self._opening is not None:
            self._first_drawn.set()  # needed now: no more holding back
            try:
                window.library = self._opening.result().library
            except Exception:
                return None  # reported by _failed
        return window.library

    def choose(self) -> bool:
        """Ask for a library file (an existing one, or a new name); False if cancelled."""
        path = file_dialogs.save_file_name(
            self._window,
            self.tr("Open or Create a Library"),
            str(self._window.library_path.parent),
            self.tr("Copydesk libraries (*.copydesk);;All files (*)"),
            confirm_overwrite=False,
        )
        if not path:
            return False
        self._create, self._open_slug = True, None
        self.open(Path(path))
        return True

    def close(self) -> None:
        window = self._window
        library, window.library = self.for_writing(), None
        self._opening = None
        window.watcher.stop()
        window.article_pictures.set_library(None)
        finish_sync = window.newsroom.release()  # the live sync ends before the library closes
        if library is not None:
            window.runner.run(lambda: (finish_sync(), library.close()))

    def run_for_list(
        self, job: Callable[[Library], T | None], on_done: Callable[[T | None], Any]
    ) -> None:
        """Run a read for the list on the database thread, even while the library is still
        being opened: the job then queues behind the opening, and the GUI never waits.
        Results reaching a window that has since opened another library are dropped."""
        window = self._window
        library, opening, count = window.library, self._opening, self._count
        if library is None and opening is None:
            return

        def work() -> T | None:
            target = library or _opened(opening)
            return job(target) if target is not None else None

        def deliver(value: T | None) -> None:
            if count == self._count:
                on_done(value)

        def failed(error: Exception) -> None:
            if count == self._count:
                window.statusBar().showMessage(describe(error), 10_000)

        window.runner.run(work, deliver, failed)

    def confirm_unsaved(self) -> bool:
        """Before the library closes: retry failed saves as long as the user wants.
        True means go on (everything saved, or the user chose to discard)."""
        autosave = self._window.autosave
        while failed := autosave.wait_for_failures():
            reason = describe(failed[-1].failure() or Exception())
            answer = QMessageBox.warning(
                self._window,
                self.tr("Changes Not Saved"),
                self.tr(
                    "Changes to %n article(s) could not be saved:\n%1", "", len(failed)
                ).replace("%1", reason),
                QMessageBox.StandardButton.Retry
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Retry,
            )
            if answer == QMessageBox.StandardButton.Discard:
                autosave.discard_all()
                return True
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            autosave.retry_failed()
        return True

    def _opened(self, opened: operations.OpenedLibrary) -> None:
        window = self._window
        window.library = opened.library
        self._opening = None
        window.article_pictures.set_library(opened.library)
        if opened.shown is None:  # the article was shown early: its pictures can be read now
            window.article_pictures.refresh()
        window.save_label.clear()
        window.update_title()
        if opened.shown is not None:
            window.show_article(opened.shown)
        else:
            window.autosave.resume()  # edits made while the library was opening
        window.watcher.watch(opened.library)
        window.library_opened.emit()

    def _failed(self, error: Exception) -> None:
        window = self._window
        self._opening = None
        window.show_nothing()
        window.save_label.setText(self.tr("No library open"))
        window.library_failed.emit(describe(error))


def _opened(opening: Future[operations.OpenedLibrary] | None) -> Library | None:
    """The library being opened once it is open; None if the opening failed (it reports)."""
    try:
        return opening.result().library if opening is not None else None
    except Exception:
        return None
