"""The newsroom's place in the status bar: online, offline or syncing, what waits to be
sent, the last sync; a click opens the details and Sync Now."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from copydesk.qt.newsroom.status import Link, SyncStatus

_DOTS = {
    Link.ONLINE: "#2e7d32",
    Link.SYNCING: "#1565c0",
    Link.CONNECTING: "#8d6e63",
    Link.OFFLINE: "#c62828",
}


def _tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("SyncStatusButton", text, None, count)


def _counted(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (each with %n): English reads right before any translation."""
    return _tr(one if count == 1 else many, count)


def describe(status: SyncStatus) -> str:
    """One line for the status bar."""
    parts = [_link_word(status.link)]
    if status.waiting:
        parts.append(_tr("%n waiting", status.waiting))
    if status.conflicts:
        parts.append(_counted(status.conflicts, "%n conflict", "%n conflicts"))
    if status.last_sync is not None and status.link is not Link.SYNCING:
        stamp = status.last_sync.astimezone().strftime("%H:%M")
        parts.append(_tr("synced %1").replace("%1", stamp))
    return " · ".join(parts)


def _link_word(link: Link) -> str:
    words = {
        Link.ONLINE: _tr("Newsroom: online"),
        Link.SYNCING: _tr("Newsroom: syncing…"),
        Link.CONNECTING: _tr("Newsroom: connecting…"),
        Link.OFFLINE: _tr("Newsroom: offline"),
        Link.NOT_JOINED: "",
    }
    return words[link]


def details(status: SyncStatus) -> list[str]:
    """The lines the details menu shows."""
    lines = [
        _tr("Desk: %1").replace("%1", status.desk),
        _tr("Server: %1").replace("%1", status.server_url),
        _counted(status.waiting, "%n change waiting to be sent", "%n changes waiting to be sent"),
        _counted(status.conflicts, "%n conflict to settle", "%n conflicts to settle"),
    ]
    if status.last_sync is not None:
        stamp = status.last_sync.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        lines.append(_tr("Last sync: %1").replace("%1", stamp))
    if status.problem:
        lines.append(status.problem)
    return lines


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
        self.setText(f"● {describe(status)}")
        self.setStyleSheet(f"QToolButton#syncStatus {{ color: {colour}; }}")
        self.setToolTip(status.problem or self.tr("Click for the details and Sync Now"))
