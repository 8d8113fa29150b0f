"""What the window does when another program writes to its library (the command line, a
second window, a future sync): the list refreshes in place, the open article follows a
save made elsewhere unless it holds unsaved edits (those meet the other version in the
conflict dialog), a deleted article gives way, the history and the pictures follow."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from copydesk.articles import operations
from copydesk.errors import NotFoundError
from copydesk.records.article import summary_of

if TYPE_CHECKING:
    from copydesk.library.outside_changes import OutsideChanges
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.records.article import ArticleContent, ArticleRecord

STATUS_MS = 10_000


class LiveChanges(QObject):
    # The open article followed a change from outside: (before, after) ArticleRecords.
    followed = Signal(object, object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.watcher.changed.connect(self.follow)

    def follow(self, changes: OutsideChanges) -> None:
        window = self._window
        everything = not changes.complete
        if everything or changes.articles:
            window.articles.refresh_listing(None if everything else set(changes.articles))
        current = window.current
        if current is not None and (everything or current.id in changes.articles):
            self._follow_current(current.id)
        elif current is not None and current.id in changes.histories:
            window.history_control.refresh()
        if everything or changes.pictures:
            window.pictures.follow_outside_changes(None if everything else set(changes.pictures))

    def _follow_current(self, article_id: int) -> None:
        """The open article changed elsewhere. Without edits of its own the editor follows;
        with edits, they are saved now and meet the other version (the conflict dialog)."""
        window = self._window
        library = window.library
        if library is None or window.history_control.resolving(article_id):
            return
        if window.autosave.has_unsaved():
            window.autosave.flush()
            return

        def gone(error: Exception) -> None:
            if not isinstance(error, NotFoundError):
                window.report_error(error)
            elif window.current is not None and window.current.id == article_id:
                self._deleted_elsewhere(article_id)

        window.run_job(
            library, lambda: operations.load_article(library, article_id), self._follow, gone
        )

    def _follow(self, shown: operations.Shown) -> None:
        window, record = self._window, shown.record
        if record is None or window.current is None or window.current.id != record.id:
            return  # another article is open now
        if window.autosave.has_unsaved():
            window.autosave.flush()  # typed meanwhile: the save meets the other version
            return
        self.take(record)
        window.statusBar().showMessage(
            self.tr("“%1” was changed outside this window.").replace("%1", window.article_title()),
            STATUS_MS,
        )

    def take(
        self,
        record: ArticleRecord,
        *,
        shown: ArticleContent | None = None,
        before: ArticleRecord | None = None,
    ) -> None:
        """The open article is now ``record`` as stored: the editor follows it (or
        ``shown``, the stored text with what the person typed since on top, left to save),
        and so do the list, the history, the checks, the pictures and the preview."""
        window = self._window
        window.versions.note(record)
        before = before or window.current
        window.current = record
        window.editor.follow(record if shown is None else replace(record, content=shown))
        window.autosave.start_fresh()
        if shown is not None and shown != record.content:
            window.autosave.note_edit()
        window.article_list.model.update_summary(summary_of(record))
        window.update_title()
        window.history_control.refresh()
        window.checks.check_now()
        window.article_pictures.refresh()
        window.renderer.render()
        self.followed.emit(before, record)

    def _deleted_elsewhere(self, article_id: int) -> None:
        window = self._window
        title = window.article_title()
        window.versions.forget(article_id)
        window.current = None
        remaining = [other for other in window.article_list.model.ids() if other != article_id]
        if remaining:
            window.open_article(remaining[0])
        else:
            window.show_article(operations.Shown(None, ""))
        window.statusBar().showMessage(
            self.tr("“%1” was deleted outside this window.").replace("%1", title), STATUS_MS
        )
