"""The newsroom use cases the command line and the window call: join a desk, sync, see and
settle conflicts, leave. Each opens what it needs and says what went wrong in one sentence
(``NewsroomError``); the library is never left half-written."""

from __future__ import annotations

import socket
import uuid as uuid_module
from collections.abc import Callable
from typing import Any

import psycopg

from copydesk.library.db import Library
from copydesk.sync import engine, replica
from copydesk.sync.errors import NewsroomError

# The use cases that need no server live apart (opening a library must not load psycopg).
from copydesk.sync.offline import (
    CHIEF_ONLY,
    Status,
    conflict_draft,
    leave,
    list_conflicts,
    settle_conflict,
    status,
    statuses_allowed,
)
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
    keep_days: int | None = None,
) -> engine.SyncReport:
    """Make the library a replica of ``desk``, send what it holds and take what the desk
    has (the first pull, with ``progress(done, total)``): all of it, or with ``keep_days``
    what changed in those last days (older articles are searched on the server and brought
    when opened)."""
    if keep_days is not None and keep_days < 1:
        raise NewsroomError(_("A replica keeps at least one day of changes."))
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
    membership = Membership(
        address.url, address.login, desk, device, str(row[0] if row else ""), keep_days
    )
    with library.write() as session:
        replica.join(session, membership)
    return engine.sync(library, password, progress, joining=True)


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


__all__ = [
    "CHIEF_ONLY",
    "Status",
    "conflict_draft",
    "desks_of",
    "join",
    "leave",
    "list_conflicts",
    "settle_conflict",
    "status",
    "statuses_allowed",
    "sync",
]
