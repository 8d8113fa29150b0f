"""The newsroom's place in the status bar: online, offline or syncing, what waits to be
sent, the last sync; a click opens the details and Sync Now."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from copydesk.qt.newsroom.status import Link, SyncStatus

CONFLICT_COLOUR = "#e65100"  # waiting on a person, not broken
_DOTS = {
    Link.ONLINE: "#2e7d32",
    Link.SYNCING: "#1565c0",
    Link.CONNECTING: "#8d6e63",
    Link.OFFLINE: "#c62828",
}


class SyncStatusButton(QToolButton):
    def __init__(self, menu: QMenu, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(menu)
        self.show_status(SyncStatus())

    def show_status(self, status: SyncStatus) -> None:
        self.setVisible(status.link is not Link.NOT_JOINED)
        colour = _DOTS.get(status.link, "#777777")
        if status.conflicts and status.link is Link.ONLINE:
            colour = CONFLICT_COLOUR
        self.setText(f"● {self.describe(status)}")
        self.setStyleSheet(f"QToolButton#syncStatus {{ color: {colour}; }}")
        self.setToolTip(status.problem or self.tr("Click for the details and Sync Now"))

    # Methods rather than functions: lupdate sees a count in ``self.tr(text, "", count)``
    # only (with QCoreApplication.translate it wants a literal number).

    def describe(self, status: SyncStatus) -> str:
        """One line for the status bar."""
        parts = [self._link_word(status.link)]
        if status.waiting:
            parts.append(self.tr("%n waiting", "", status.waiting))
        if status.conflicts:
            parts.append(self.tr("%n conflict(s)", "", status.conflicts))
        if status.last_sync is not None and status.link is not Link.SYNCING:
            stamp = status.last_sync.astimezone().strftime("%H:%M")
            parts.append(self.tr("synced %1").replace("%1", stamp))
        return " · ".join(parts)

    def _link_word(self, link: Link) -> str:
        words = {
            Link.ONLINE: self.tr("Newsroom: online"),
            Link.SYNCING: self.tr("Newsroom: syncing…"),
            Link.CONNECTING: self.tr("Newsroom: connecting…"),
            Link.OFFLINE: self.tr("Newsroom: offline"),
            Link.NOT_JOINED: "",
        }
        return words[link]

    def details(self, status: SyncStatus) -> list[str]:
        """The lines the details menu shows."""
        lines = [
            self.tr("Desk: %1").replace("%1", status.desk),
            self.tr("Server: %1").replace("%1", status.server_url),
            self.tr("%n change(s) waiting to be sent", "", status.waiting),
            self.tr("%n conflict(s) to settle", "", status.conflicts),
        ]
        if status.last_sync is not None:
            stamp = status.last_sync.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            lines.append(self.tr("Last sync: %1").replace("%1", stamp))
        if status.problem:
            lines.append(status.problem)
        return lines
