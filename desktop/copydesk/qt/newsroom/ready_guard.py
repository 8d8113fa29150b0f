"""In a newsroom, only the chief marks an article ready or published, and such an article is
not edited by accident: the first edit asks for an explicit confirmation; declined, the
keystroke is undone and nothing is saved. A soft guard, never a lock: offline work stays
allowed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QMessageBox

from copydesk.qt.labels import status_label
from copydesk.qt.newsroom.status import Link, SyncStatus
from copydesk.records.article import ArticleStatus

if TYPE_CHECKING:
    from copydesk.qt.newsroom.controller import NewsroomController
    from copydesk.qt.window.main_window import MainWindow

GUARDED = (ArticleStatus.READY, ArticleStatus.PUBLISHED)


class ReadyGuard(QObject):
    def __init__(self, window: MainWindow, controller: NewsroomController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._confirmed: str | None = None  # the article whose edits were confirmed
        window.editor.edited.connect(self._on_edited)
        controller.changed.connect(self._limit_statuses)

    def _limit_statuses(self, status: SyncStatus) -> None:
        """Ready and Published are the chief's to give, in a newsroom."""
        combo = self._window.editor.status
        model = combo.model()
        if not isinstance(model, QStandardItemModel):
            return
        allowed = status.chief or status.link is Link.NOT_JOINED
        for row in range(combo.count()):
            item = model.item(row)
            if item is None or ArticleStatus(combo.itemData(row)) not in GUARDED:
                continue
            item.setEnabled(allowed)
            item.setToolTip(
                "" if allowed else self.tr("Only the newsroom’s chief gives this status.")
            )

    def _on_edited(self) -> None:
        record = self._window.current
        if (
            record is None
            or self._controller.status.link is Link.NOT_JOINED
            or record.content.status not in GUARDED
            or record.uuid == self._confirmed
        ):
            return
        self._window.autosave.hold()  # nothing is saved while the person decides
        if self._confirm(record.content.headline, record.content.status):
            self._confirmed = record.uuid
            self._window.autosave.resume()
            return
        self._window.editor.follow(record)
        self._window.autosave.start_fresh()
        self._window.setWindowModified(False)
        self._window.renderer.render()

    def _confirm(self, headline: str, status: ArticleStatus) -> bool:
        text = self.tr("“%1” is marked %2 on the desk. Edit it anyway?")
        text = text.replace("%1", headline or self.tr("Untitled")).replace(
            "%2", status_label(status).lower()
        )
        answer = QMessageBox.question(self._window, self.tr("Edit a Ready Article"), text)
        return answer == QMessageBox.StandardButton.Yes
