"""Who else has an article open: a soft signal, never a lock. A replica says which article
it shows (the row expires on its own when the replica goes quiet) and reads who else is on
it. Offline, nobody is seen and nothing is stopped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg

from copydesk.library.db import Library
from copydesk.sync import engine
from copydesk.sync.server import connection as server

LIFETIME_S = 90  # renewed well before: a replica that vanishes stops showing within this


@dataclass(frozen=True, slots=True)
class Presence:
    login: str
    display_name: str
    since: datetime


def visit(
    library: Library,
    article_uuid: str | None,
    left_uuid: str | None = None,
    password: str | None = None,
) -> list[Presence]:
    """In one connection: this replica left ``left_uuid`` and has ``article_uuid`` open;
    who else has it open."""
    target = engine.replica_of(library)
    with server.connect(target.address, password, autocommit=True) as connection:
        if left_uuid is not None and left_uuid != article_uuid:
            connection.execute(
                "SELECT copydesk.leave_presence(%s, %s)", (target.device_id, left_uuid)
            )
        if article_uuid is None:
            return []
        connection.execute(
            "SELECT copydesk.touch_presence(%s, %s, %s)",
            (target.device_id, article_uuid, LIFETIME_S),
        )
        return _others(connection, article_uuid, target.device_id)


def announce(library: Library, article_uuid: str, password: str | None = None) -> None:
    """This replica has the article open (for the next ``LIFETIME_S`` seconds)."""
    target = engine.replica_of(library)
    with server.connect(target.address, password, autocommit=True) as connection:
        connection.execute(
            "SELECT copydesk.touch_presence(%s, %s, %s)",
            (target.device_id, article_uuid, LIFETIME_S),
        )


def withdraw(library: Library, article_uuid: str, password: str | None = None) -> None:
    target = engine.replica_of(library)
    with server.connect(target.address, password, autocommit=True) as connection:
        connection.execute(
            "SELECT copydesk.leave_presence(%s, %s)", (target.device_id, article_uuid)
        )


def others_on(library: Library, article_uuid: str, password: str | None = None) -> list[Presence]:
    """The other people (not this replica) with the article open, earliest first."""
    target = engine.replica_of(library)
    with server.connect(target.address, password, autocommit=True) as connection:
        return _others(connection, article_uuid, target.device_id)


def everyone(library: Library, password: str | None = None) -> dict[str, list[Presence]]:
    """Who else has which article open (by article uuid), for the list."""
    target = engine.replica_of(library)
    with server.connect(target.address, password, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT p.item_uuid::text, p.login,"
            " coalesce(nullif(people.display_name, ''), p.login), min(p.since)"
            " FROM copydesk.presence p LEFT JOIN copydesk.people people USING (login)"
            " WHERE p.device_id <> %s AND p.expires_at > now()"
            " GROUP BY p.item_uuid, p.login, people.display_name ORDER BY min(p.since)",
            (target.device_id,),
        ).fetchall()
    found: dict[str, list[Presence]] = {}
    for uuid, login, name, since in rows:
        found.setdefault(str(uuid), []).append(Presence(str(login), str(name), since))
    return found


def _others(connection: psycopg.Connection[Any], article_uuid: str, device: str) -> list[Presence]:
    rows = connection.execute(
        "SELECT p.login, coalesce(nullif(people.display_name, ''), p.login), min(p.since)"
        " FROM copydesk.presence p LEFT JOIN copydesk.people people USING (login)"
        " WHERE p.item_uuid = %s AND p.device_id <> %s AND p.expires_at > now()"
        " GROUP BY p.login, people.display_name ORDER BY min(p.since)",
        (article_uuid, device),
    ).fetchall()
    return [Presence(str(login), str(name), since) for login, name, since in rows]
