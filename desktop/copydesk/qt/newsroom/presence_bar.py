"""Above the editor, in a library joined to a newsroom: who else has this article open
("Camille Perrin is editing, since 10:32": a soft signal, never a lock) and, when the open
article followed changes from the desk, a banner saying so."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from copydesk.articles import operations
from copydesk.articles.diffing import FieldDiff, diff_articles
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.history.history_panel import diff_html
from copydesk.qt.newsroom.status import Link
from copydesk.records.article import RevisionKind

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.qt.newsroom.controller import NewsroomController
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.records.article import ArticleRecord, RevisionSummary
    from copydesk.sync import presence

CHECK_MS = 1_000  # how soon a newly opened article is announced
RENEW_S = 20.0  # well inside presence.LIFETIME_S


class NewsroomBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newsroomBar")
        self.setStyleSheet(
            "QFrame#newsroomBar { background: #fff8e1; border: 1px solid #f0d58c;"
            " border-radius: 3px; }"
        )
        self.presence = QLabel(wordWrap=True)
        self.presence.setObjectName("presence")
        self.update_note = QLabel(wordWrap=True)
        self.update_note.setObjectName("updateNote")
        self.what_changed = QToolButton(text=self.tr("Show What Changed"), autoRaise=True)
        self.what_changed.clicked.connect(self._show_changes)
        self._changes: list[FieldDiff] = []
        self.dismiss = QToolButton(text="×", autoRaise=True)
        self.dismiss.setToolTip(self.tr("Hide this note"))
        self.dismiss.clicked.connect(lambda: self.show_update(""))
        self.conflict_note = QLabel(wordWrap=True)
        self.conflict_note.setObjectName("conflictNote")
        self.settle = QToolButton(text=self.tr("Settle…"), autoRaise=True)
        conflict_row = QHBoxLayout()
        conflict_row.addWidget(self.conflict_note, 1)
        conflict_row.addWidget(self.settle, 0, Qt.AlignmentFlag.AlignTop)
        note_row = QHBoxLayout()
        note_row.addWidget(self.update_note, 1)
        note_row.addWidget(self.what_changed, 0, Qt.AlignmentFlag.AlignTop)
        note_row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.presence)
        layout.addLayout(note_row)
        layout.addLayout(conflict_row)
        self.changes_dialog: QDialog | None = None
        self._refresh()

    def show_presence(self, text: str) -> None:
        self.presence.setText(text)
        self._refresh()

    def show_update(self, text: str, changes: list[FieldDiff] | None = None) -> None:
        self.update_note.setText(text)
        self._changes = changes or []
        self._refresh()

    def show_conflicts(self, count: int) -> None:
        """Conflicts with the desk wait to be settled (never settled behind a person's back)."""
        self.conflict_note.setText(
            self.tr(
                "%n article(s) changed both here and on the desk: choose what to keep.", "", count
            )
            if count
            else ""
        )
        self._refresh()

    def _show_changes(self) -> None:
        """What came in, as the history shows a revision's changes."""
        dialog = QDialog(self)
        close_with_ctrl_w(dialog)
        dialog.setWindowTitle(self.tr("What Changed"))
        dialog.resize(640, 480)
        view = QTextBrowser(dialog)
        view.setHtml(diff_html(self._changes, self.palette()))
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.show()
        self.changes_dialog = dialog

    def _refresh(self) -> None:
        self.presence.setVisible(bool(self.presence.text()))
        has_note = bool(self.update_note.text())
        self.update_note.setVisible(has_note)
        self.dismiss.setVisible(has_note)
        self.what_changed.setVisible(has_note and bool(self._changes))
        has_conflicts = bool(self.conflict_note.text())
        self.conflict_note.setVisible(has_conflicts)
        self.settle.setVisible(has_conflicts)
        self.setVisible(bool(self.presence.text()) or has_note or has_conflicts)


def presence_line(people: list[presence.Presence]) -> str:
    from PySide6.QtCore import QCoreApplication

    lines = []
    for person in people:
        since = person.since.astimezone().strftime("%H:%M")
        text = QCoreApplication.translate("NewsroomBar", "%1 is editing (since %2)")
        lines.append(text.replace("%1", person.display_name).replace("%2", since))
    return " · ".join(lines)


def _listed(library: Library, present: dict[str, list[presence.Presence]]) -> dict[int, str]:
    """Who else is on each article, by the list's article ids."""
    ids = operations.ids_of_uuids(library, sorted(present))
    return {
        ids[uuid]: ", ".join(person.display_name for person in people)
        for uuid, people in present.items()
        if uuid in ids
    }


class PresenceWatcher(QObject):
    """Announces the open article to the newsroom and shows who else has it open; also
    notes in the bar when the open article followed the desk's changes."""

    def __init__(self, window: MainWindow, controller: NewsroomController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._runner = window.runner.sibling("copydesk-presence")
        self._announced: str | None = None
        self._last = 0.0
        self._busy = False
        self.bar = NewsroomBar(window.editor)
        layout = window.editor.layout()
        if layout is not None:
            layout.insertWidget(0, self.bar)  # type: ignore[attr-defined]
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        window.live_changes.followed.connect(self.followed)

    def check(self) -> None:
        joined = self._controller.status.link in (Link.ONLINE, Link.SYNCING)
        library = self._window.library
        if not joined or library is None:
            self.bar.show_presence("")
            self._window.article_list.model.set_presence({})
            return
        current = self._window.current
        uuid = current.uuid if current is not None else None
        due = time.monotonic() - self._last >= RENEW_S
        if self._busy or (uuid == self._announced and not due):
            return
        self._busy, left, self._last = True, self._announced, time.monotonic()
        self._announced = uuid
        password = self._controller.password
        from copydesk.sync import presence  # only once the library is a replica

        self._runner.run(
            lambda: presence.visit(library, uuid, left, password),
            lambda people: self._shown(uuid, people),
            self._failed,
        )
        self._runner.run(
            lambda: _listed(library, presence.everyone(library, password)),
            self._window.article_list.model.set_presence,
            lambda _error: None,
        )

    def _shown(self, uuid: str | None, people: list[presence.Presence]) -> None:
        self._busy = False
        current = self._window.current
        if current is not None and current.uuid == uuid:
            self.bar.show_presence(presence_line(people))

    def _failed(self, _error: Exception) -> None:
        self._busy = False  # offline: nobody is seen, nothing is stopped
        self._announced = None
        self.bar.show_presence("")

    def followed(self, before: ArticleRecord | None, after: ArticleRecord) -> None:
        """The open article took changes from the desk: the bar says whose, and whether they
        merged with this library's own (the history holds that revision)."""
        library = self._window.library
        if self._controller.status.link is Link.NOT_JOINED or library is None:
            return
        changes = diff_articles(before.content, after.content) if before is not None else []
        self._window.run_job(
            library,
            lambda: operations.latest_revision(library, after.id),
            lambda latest: self.bar.show_update(self._update_line(latest), changes),
        )

    def _update_line(self, latest: RevisionSummary | None) -> str:
        stamp = time.strftime("%H:%M")
        if latest is not None and latest.kind is RevisionKind.MERGED:
            text = self.tr("Merged at %1 with %2’s changes: yours are kept.")
        elif latest is not None and latest.kind is RevisionKind.FROM_DESK:
            text = self.tr("Updated at %1 with %2’s changes.")
        else:
            text = self.tr("Updated at %1 with changes from the desk “%3”.")
        who = latest.author if latest is not None else ""
        return (
            text.replace("%1", stamp).replace("%2", who).replace("%3", self._controller.status.desk)
        )

    def stop(self) -> None:
        self._timer.stop()
        self._runner.shutdown(finish_queued=False)
