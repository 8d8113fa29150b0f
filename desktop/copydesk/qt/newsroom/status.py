"""What the status bar says of the newsroom, as plain values the controller updates."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum


class Link(Enum):
    NOT_JOINED = "not joined"
    CONNECTING = "connecting"
    ONLINE = "online"
    SYNCING = "syncing"
    OFFLINE = "offline"


@dataclass(frozen=True)
class SyncStatus:
    link: Link = Link.NOT_JOINED
    server_url: str = ""
    desk: str = ""
    waiting: int = 0
    conflicts: int = 0
    last_sync: datetime | None = None
    problem: str = ""  # why it is offline, in one sentence
    chief: bool = False  # the person marks articles ready (the newsroom's chief)

    def but(self, **changes: object) -> SyncStatus:
        return replace(self, **changes)  # type: ignore[arg-type]
