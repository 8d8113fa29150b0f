"""The newsroom side of a window: the live sync of a joined library on its own thread (the
GUI never waits for the network), the status it shows, and the actions of the File menu and
the status bar (join, leave, sync now, conflicts, the password)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox

from copydesk.errors import describe
from copydesk.qt.newsroom.status import Link, SyncStatus
from copydesk.qt.newsroom.status_button import SyncStatusButton

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.sync.engine import SyncReport
    from copydesk.sync.live import LiveSync
    from copydesk.sync.offline import Status


class NewsroomController(QObject):
    changed = Signal(object)  # SyncStatus
    # From the sync thread; delivered on the GUI thread.
    _reported = Signal(object)
    _failed = Signal(str)
    _syncing = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._live: LiveSync | None = None
        self._password: str | None = None
        self.status = SyncStatus()
        self.menu = QMenu(window)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button = SyncStatusButton(self.menu, window)
        self.join_action = QAction(self.tr("&Join a Newsroom…"), window)
        self.join_action.triggered.connect(self.join)
        self.leave_action = QAction(self.tr("Leave the &Newsroom"), window)
        self.leave_action.triggered.connect(self.leave)
        self.sync_action = QAction(self.tr("Sync &Now"), window)
        self.sync_action.setShortcut("Ctrl+Shift+Y")
        self.sync_action.triggered.connect(self.sync_now)
        self.conflicts_action = QAction(self.tr("&Conflicts…"), window)
        self.conflicts_action.triggered.connect(self.show_conflicts)
        self._reported.connect(self._on_report)
        self._failed.connect(self._on_failure)
        self._syncing.connect(lambda: self._show(self.status.but(link=Link.SYNCING)))
        window.library_opened.connect(self.attach)
        window.statusBar().addPermanentWidget(self.button)
        from copydesk.qt.newsroom.presence_bar import PresenceWatcher

        self.presence = PresenceWatcher(window, self)
        self.presence.bar.settle.clicked.connect(self.show_conflicts)
        from copydesk.qt.newsroom.ready_guard import ReadyGuard

        self.ready_guard = ReadyGuard(window, self)
        from copydesk.qt.newsroom.edit_merge import EditMerger

        self.merger = EditMerger(window, self)
        from copydesk.qt.newsroom.server_search import ServerSearch

        self.server_search = ServerSearch(window, self)
        self._show(self.status)

    # ---- a library opens and closes -------------------------------------------------------

    def attach(self) -> None:
        """The window's library is open: if it is a replica, keep it in step."""
        library = self._window.library
        if library is None:
            return
        self._window.run_job(library, lambda: _replica_status(library), self._attached)

    def _attached(self, found: Status | None) -> None:
        if found is None:
            self._show(SyncStatus())
            return
        self._show(
            SyncStatus(
                Link.CONNECTING,
                found.server_url,
                found.desk,
                found.waiting,
                found.conflicts,
                found.last_sync_at,
                chief=found.chief,
            )
        )
        self._start()

    def release(self) -> Callable[[], None]:
        """The library is about to close: the live sync stops now; the returned call waits
        for a sync under way to end (run it on the database thread, before the close)."""
        live, self._live = self._live, None
        self._show(SyncStatus())
        if getattr(self._window, "_shut_down", False):  # the window is closing for good
            self.presence.stop()
            self.server_search.stop()
        if live is None:
            return lambda: None
        return lambda: live.stop(timeout=30)

    def _start(self) -> None:
        from copydesk.sync.live import LiveSync

        library = self._window.library
        if library is None or self._live is not None:
            return
        self._live = LiveSync(
            library,
            self._password,
            on_report=self._reported.emit,
            on_error=self._failed.emit,
            on_syncing=self._syncing.emit,
        )
        self._live.start()

    def _restart(self) -> None:
        finish = self.release()
        library = self._window.library
        if library is not None:
            self._window.run_job(library, finish, lambda _none: self.attach())

    # ---- what the sync thread says --------------------------------------------------------

    def _on_report(self, report: SyncReport) -> None:
        self._show(
            self.status.but(
                link=Link.ONLINE,
                waiting=report.waiting,
                conflicts=report.open_conflicts,
                last_sync=datetime.now(UTC),
                problem="",
                chief=report.chief,
            )
        )

    def _on_failure(self, message: str) -> None:
        self._show(self.status.but(link=Link.OFFLINE, problem=message))

    def _show(self, status: SyncStatus) -> None:
        self.status = status
        joined = status.link is not Link.NOT_JOINED
        self.button.show_status(status)
        self.join_action.setEnabled(not joined)
        for action in (self.leave_action, self.sync_action, self.conflicts_action):
            action.setEnabled(joined)
        self.presence.bar.show_conflicts(status.conflicts if joined else 0)
        if not joined:
            self.server_search.panel.hide()
        self.changed.emit(status)

    # ---- actions ----------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self._live is not None:
            self._live.nudge()

    def _fill_menu(self) -> None:
        self.menu.clear()
        for line in self.button.details(self.status):
            self.menu.addAction(line).setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction(self.sync_action)
        self.menu.addAction(self.conflicts_action)
        password = self.menu.addAction(self.tr("Enter the Password…"))
        password.triggered.connect(self.ask_password)
        self.menu.addSeparator()
        self.menu.addAction(self.leave_action)

    def ask_password(self) -> None:
        text, given = QInputDialog.getText(
            self._window,
            self.tr("Newsroom password"),
            self.tr("Password for the newsroom at %1:").replace("%1", self.status.server_url),
            QLineEdit.EchoMode.Password,
        )
        if given and text:
            self._password = text  # for this session only: never written in the library
            self._restart()

    def join(self) -> None:
        from copydesk.qt.newsroom.join_dialog import JoinDialog

        library = self._window.session.for_writing()
        if library is None:
            return
        dialog = JoinDialog(library, self._window.runner.sibling("copydesk-newsroom"), self._window)
        if dialog.exec() and dialog.password is not None:
            self._password = dialog.password
        self.attach()

    def leave(self) -> None:
        library = self._window.library
        if library is None or not self._confirm_leave():
            return
        from copydesk.sync import offline

        finish = self.release()

        def unlink() -> None:
            finish()
            offline.leave(library)

        self._window.run_job(library, unlink, lambda _none: self._left(), self._leave_failed)

    def _confirm_leave(self) -> bool:
        waiting = self.status.waiting + self.status.conflicts
        text = self.tr("Leave the newsroom? The library stays as it is, unlinked from its desk.")
        if waiting:
            text += " " + self.tr(
                "%n change(s) not yet sent will stay only in this library.", "", waiting
            )
        answer = QMessageBox.question(self._window, self.tr("Leave the Newsroom"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _left(self) -> None:
        self._password = None
        self._window.statusBar().showMessage(self.tr("The library left its newsroom."), 5000)

    def _leave_failed(self, error: Exception) -> None:
        self._window.statusBar().showMessage(describe(error), 10_000)
        self.attach()

    def show_conflicts(self) -> None:
        from copydesk.qt.newsroom.conflicts_dialog import ConflictsDialog

        library = self._window.library
        if library is None:
            return
        dialog = ConflictsDialog(library, self._window.runner, self._window)
        dialog.settled.connect(self.sync_now)
        dialog.open_conflicts()

    @property
    def library(self) -> Library | None:
        return self._window.library

    @property
    def password(self) -> str | None:
        """The password given in this session (None: the keyring's or libpq's)."""
        return self._password


def _replica_status(library: Library) -> Status | None:
    """On the database thread: whether the library is a replica, and what waits. Only the
    local tables are read; the PostgreSQL driver waits for a newsroom."""
    from copydesk.sync.offline import status

    return status(library)
