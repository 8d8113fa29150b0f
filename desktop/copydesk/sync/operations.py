"""The newsroom use cases the command line and the window call: join a desk, sync, see and
settle conflicts, leave. Each opens what it needs and says what went wrong in one sentence
(``NewsroomError``); the library is never left half-written."""

from __future__ import annotations

import socket
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg

from copydesk.library.db import Library
from copydesk.records.article import ArticleStatus
from copydesk.sync import conflicts, engine, replica
from copydesk.sync.errors import NewsroomError
from copydesk.sync.replica import Membership
from copydesk.sync.server import connection as server
from copydesk.sync.server.connection import ServerAddress
from copydesk.translation import _

Progress = Callable[[int, int], None]


def join(
    library: Library,
    url: str,
    desk: str,
    password: str | None = None,
    progress: Progress | None = None,
) -> engine.SyncReport:
    """Make the library a replica of ``desk``, send what it holds and take what the desk
    has (the first pull, with ``progress(done, total)``)."""
    address, written = ServerAddress.parse(url)
    password = password if password is not None else written
    device = str(uuid_module.uuid4())
    with library.read() as session:
        joined = replica.state(session)
        if joined is not None:
            raise NewsroomError(
                _("This library is already joined to {url}.").format(url=joined.server_url)
            )
    with server.connect(address, password, autocommit=True) as connection:
        try:
            row = _register(connection, address, desk, device)
        except psycopg.Error as error:
            raise server.refused(address, error) from None
    membership = Membership(address.url, address.login, desk, device, str(row[0] if row else ""))
    with library.write() as session:
        replica.join(session, membership)
    return engine.sync(library, password, progress)


def desks_of(url: str, password: str | None = None) -> list[str]:
    """The desks the person named in ``url`` may join (every desk for a chief)."""
    address, written = ServerAddress.parse(url)
    with server.connect(address, password if password is not None else written) as connection:
        try:
            rows = connection.execute("SELECT copydesk.my_desks()").fetchall()
        except psycopg.Error as error:
            raise server.refused(address, error) from None
    return [str(row[0]) for row in rows]


def _register(
    connection: psycopg.Connection[Any], address: ServerAddress, desk: str, device: str
) -> tuple[Any, ...] | None:
    desks = [str(row[0]) for row in connection.execute("SELECT copydesk.my_desks()")]
    if desk not in desks:
        raise NewsroomError(_not_a_member(address.login, desk, desks))
    row = connection.execute("SELECT uuid::text FROM copydesk.newsroom").fetchone()
    connection.execute("SELECT copydesk.register_device(%s, %s)", (device, socket.gethostname()))
    return row


def _not_a_member(login: str, desk: str, desks: list[str]) -> str:
    if not desks:
        return _("{login} does not belong to the desk “{desk}” (their desks: none).").format(
            login=login, desk=desk
        )
    return _("{login} does not belong to the desk “{desk}” (their desks: {desks}).").format(
        login=login, desk=desk, desks=", ".join(desks)
    )


def sync(
    library: Library, password: str | None = None, progress: Progress | None = None
) -> engine.SyncReport:
    return engine.sync(library, password, progress)


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
