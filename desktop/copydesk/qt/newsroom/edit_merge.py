"""In a newsroom, the person's edits that meet a version a sync just wrote merge with it, as
edits on two replicas do: the editor then shows the merged text (the incoming changes one
step to undo) and the bar says whose changes came in. Only what does not merge asks which
version to keep, as between two windows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from copydesk.errors import ConflictError
from copydesk.qt.newsroom.status import Link
from copydesk.records.article import ArticleContent

if TYPE_CHECKING:
    from copydesk.qt.newsroom.controller import NewsroomController
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.records.article import ArticleRecord


class EditMerger(QObject):
    def __init__(self, window: MainWindow, controller: NewsroomController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller

    def take(self, error: ConflictError, ask: Callable[[ConflictError], None]) -> bool:
        """Merge the open article's edits with the version stored since; ``ask`` the person
        when they do not merge. False when this is not a newsroom's open article."""
        window, theirs, mine = self._window, error.theirs, error.mine
        library, current = window.library, window.current
        if (
            self._controller.status.link is Link.NOT_JOINED
            or library is None
            or current is None
            or not isinstance(mine, ArticleContent)
            or getattr(theirs, "id", None) != current.id
        ):
            return False
        from copydesk.sync import editing

        base = current.content
        window.run_job(
            library,
            lambda: editing.save_merged(library, current.id, base, mine),
            lambda record: self._merged(record, mine, error, ask),
            window.report_error,
        )
        return True

    def _merged(
        self,
        record: ArticleRecord | None,
        mine: ArticleContent,
        error: ConflictError,
        ask: Callable[[ConflictError], None],
    ) -> None:
        from copydesk.sync import editing

        window = self._window
        if record is None:
            ask(error)
            return
        if window.current is None or window.current.id != record.id:
            return  # another article is open now; the merge is saved
        window.autosave.discard(record.id)
        typed = window.editor.content()
        shown = record.content
        if typed != mine:  # typed while the merge was saved: that goes on top
            on_top = editing.merge_contents(mine, typed, record.content)
            if on_top is None:
                window.current = record
                ask(ConflictError(theirs=record, mine=typed))
                return
            shown = on_top
        before = replace(window.current, content=mine)
        window.live_changes.take(record, shown=shown, before=before)
