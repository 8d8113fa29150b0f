"""The newsroom's use cases that need no server: where the replica syncs and what waits, the
statuses a person may give, conflicts listed and settled, leaving. Apart from
``operations`` so that opening a library (which asks whether it is a replica) never loads
the PostgreSQL driver."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from copydesk.library.db import Library
from copydesk.records.article import ArticleStatus
from copydesk.sync import conflicts, replica


@dataclass(frozen=True, slots=True)
class Status:
    server_url: str
    desk: str
    waiting: int
    conflicts: int
    last_sync_at: datetime | None
    display_name: str = ""
    chief: bool = False


def status(library: Library) -> Status | None:
    """Where the library syncs and what waits; None when it is not joined."""
    with library.read() as session:
        state = replica.state(session)
        if state is None:
            return None
        return Status(
            state.server_url,
            state.desk,
            replica.waiting_count(session),
            len(conflicts.list_conflicts(session)),
            state.last_sync_at,
            state.display_name or state.login,
            state.chief,
        )


CHIEF_ONLY = (ArticleStatus.READY, ArticleStatus.PUBLISHED)


def statuses_allowed(library: Library) -> tuple[ArticleStatus, ...]:
    """The statuses the person may give an article: in a newsroom, only its chief marks an
    article ready or published (and the desk's other edits then ask first)."""
    with library.read() as session:
        state = replica.state(session)
        chief = state is None or state.chief
    return tuple(status for status in ArticleStatus if chief or status not in CHIEF_ONLY)


def list_conflicts(library: Library) -> list[conflicts.Conflict]:
    with library.read() as session:
        return conflicts.list_conflicts(session)


def settle_conflict(
    library: Library,
    conflict_id: int,
    keep: conflicts.Side,
    choices: dict[str, conflicts.Side] | None = None,
    content: dict[str, object] | None = None,
) -> None:
    """Settle a conflict: ``keep`` one side, or ``choices`` field by field, or ``content``
    (what a person wrote from both sides, every field included)."""
    with library.write() as session:
        conflicts.settle_conflict(session, conflict_id, keep, content, choices=choices)


def conflict_draft(library: Library, conflict_id: int) -> conflicts.Draft:
    with library.read() as session:
        return conflicts.draft(session, conflict_id)


def leave(library: Library) -> None:
    with library.write() as session:
        replica.joined_state(session)
        replica.leave(session)
