"""A sync: push what this replica saved, then pull what the server has, until both are in
step. The network is never touched inside a library transaction, and each library step is
one transaction: a sync cut off at any point leaves the library whole and the outbox kept,
and the next one carries on (the server applies each revision id once)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from copydesk.library.db import Library
from copydesk.library.media_store import MediaStore
from copydesk.library.models import ReplicaConflict, SendingRevision, utc_now
from copydesk.sync import files, local, pulling, replica, wire
from copydesk.sync.errors import NewsroomError
from copydesk.sync.pulling import Head, PullCounts
from copydesk.sync.replica import PushCounts
from copydesk.sync.server import connection as server
from copydesk.sync.server.connection import ServerAddress
from copydesk.sync.wire import ARTICLE, PICTURE
from copydesk.translation import _

PUSH_BATCH = 200
PULL_BATCH = 500
# Articles a join takes first, most recently changed first: the list's first pages.
RECENT_FIRST = 1_000
_DECODED_AT_ONCE = 20
_ROUNDS = 4  # merges made by a pull are sent by the next round


@dataclass
class SyncReport:
    pushed: PushCounts = field(default_factory=PushCounts)
    pulled: PullCounts = field(default_factory=PullCounts)
    waiting: int = 0
    open_conflicts: int = 0
    chief: bool = False  # the person is the newsroom's chief

    def line(self) -> str:
        return _(
            "sent {sent}, received {received}, merged {merged}, conflicts {conflicts},"
            " refused {refused}, waiting {waiting}"
        ).format(
            sent=self.pushed.sent,
            received=self.pulled.received,
            merged=self.pulled.merged,
            conflicts=self.open_conflicts,
            refused=self.pushed.refused,
            waiting=self.waiting,
        )


@dataclass(frozen=True, slots=True)
class Replica:
    library: Library
    address: ServerAddress
    desk: str
    device_id: str
    keep_days: int | None = None  # a partial replica takes what changed in these last days

    @property
    def since(self) -> datetime | None:
        """The oldest change a pull takes (None: all of them)."""
        if self.keep_days is None:
            return None
        return datetime.now(UTC) - timedelta(days=self.keep_days)

    @property
    def media(self) -> MediaStore:
        return MediaStore.beside(self.library.path)


def replica_of(library: Library) -> Replica:
    with library.read() as session:
        state = replica.joined_state(session)
        address, _password = ServerAddress.parse(state.server_url)
        return Replica(library, address, state.desk, state.device_id, state.keep_days)


Progress = Callable[[int, int], None]


def sync(
    library: Library,
    password: str | None = None,
    progress: Progress | None = None,
    *,
    joining: bool = False,
) -> SyncReport:
    """Push, then pull, until nothing waits; raises ``NewsroomError`` (nothing lost) when
    the server cannot be reached or refuses. ``joining``: the first sync of a replica, which
    takes the desk's most recently changed articles before its history."""
    target = replica_of(library)
    report = SyncReport()
    try:
        with server.connect(target.address, password) as connection:
            report.chief = _note_who(target, connection)
            for round_number in range(_ROUNDS):
                push(target, connection, report.pushed)
                recent_first = joining and round_number == 0
                pull(target, connection, report.pulled, progress, recent_first=recent_first)
                if not _has_pending(library):
                    break
    except psycopg.Error as error:
        raise NewsroomError(_lost(target.address, error)) from None
    _finish(library, report)
    return report


def _note_who(target: Replica, connection: psycopg.Connection[Any]) -> bool:
    """The person's name as the newsroom knows it (their side of a merge in the history)
    and whether they are its chief (who marks an article ready)."""
    with connection.transaction():
        row = connection.execute(
            "SELECT coalesce((SELECT nullif(display_name, '') FROM copydesk.people"
            " WHERE login = session_user), session_user::text),"
            " coalesce((SELECT pg_has_role(session_user, chief_role, 'MEMBER')"
            " FROM copydesk.newsroom), false)"
        ).fetchone()
    name, chief = (str(row[0]), bool(row[1])) if row else ("", False)
    with target.library.read() as session:
        state = replica.joined_state(session)
        if (state.display_name, state.chief) == (name, chief):
            return chief
    with target.library.write() as session:
        state = replica.joined_state(session)
        state.display_name, state.chief = name, chief
    return chief


def push(target: Replica, connection: psycopg.Connection[Any], counts: PushCounts) -> None:
    with target.library.write() as session:
        replica.form_revisions(session)
    while batch := _next_batch(target):
        _upload_files(target, connection, batch)
        with connection.transaction():
            row = connection.execute(
                "SELECT copydesk.push(%s, %s)", (target.device_id, Jsonb(batch))
            ).fetchone()
        results: list[dict[str, Any]] = row[0] if row else []
        with target.library.write() as session:
            replica.take_results(session, results, counts)


def _next_batch(target: Replica) -> list[dict[str, Any]]:
    with target.library.read() as session:
        revisions = replica.outgoing(session, PUSH_BATCH)
        return [replica.as_operation(revision, target.desk) for revision in revisions]


def _upload_files(
    target: Replica, connection: psycopg.Connection[Any], batch: list[dict[str, Any]]
) -> None:
    for operation in batch:
        if operation["sha256"] and not operation["deleted"]:
            media_type = operation["content"].get("media_type", "")
            files.upload(connection, target.media, operation["sha256"], media_type)


def pull(
    target: Replica,
    connection: psycopg.Connection[Any],
    counts: PullCounts,
    progress: Progress | None = None,
    *,
    recent_first: bool = False,
) -> None:
    with target.library.read() as session:
        cursor = replica.joined_state(session).pull_cursor
    total, done = _count_after(target, connection, cursor) if progress else 0, 0
    if recent_first:  # joining: the list is usable before the desk's history has come
        _pull_recent_first(target, connection, counts)
    while heads := _heads_after(target, connection, cursor):
        download_files(target, connection, heads)
        # The feed's last number: a picture brought ahead of its turn may carry a later one.
        last = max(head.seq for head in heads if head.seq > cursor and not head.ahead)
        with target.library.write() as session:
            pulling.apply_heads(session, heads, last, counts)
        cursor, done = last, done + sum(not head.ahead for head in heads)
        if progress is not None:
            progress(done, max(total, done))
    _pull_stranded(target, connection, counts)


def _pull_recent_first(
    target: Replica, connection: psycopg.Connection[Any], counts: PullCounts
) -> None:
    """The desk's most recently changed articles (the list's first pages), ahead of the feed
    that brings the desk's history in the order it was written: a desk of years opens at once
    on what it works on now. The feed passes over them when it reaches them (same
    revision)."""
    with connection.transaction():
        rows = connection.execute(
            f"SELECT {_HEAD_COLUMNS} FROM copydesk.items"
            f" WHERE kind = 'article' AND NOT deleted AND {_OF_THE_DESK} AND {_RECENT}"
            " ORDER BY updated_at DESC, uuid DESC LIMIT %(limit)s",
            {"desk": target.desk, "limit": RECENT_FIRST, "since": target.since},
        ).fetchall()
    for first in range(0, len(rows), PULL_BATCH):
        batch = [_head(row, ahead=True) for row in rows[first : first + PULL_BATCH]]
        heads = _pictures_first(target, connection, batch)
        download_files(target, connection, heads)
        with target.library.write() as session:
            pulling.apply_heads(session, heads, 0, counts)


def _head(row: tuple[Any, ...], *, ahead: bool = False) -> Head:
    entity, uuid, version, revision_id, deleted, content, seq, author = row
    return Head(entity, uuid, version, revision_id, deleted, content, seq, ahead, author)


def _count_after(target: Replica, connection: psycopg.Connection[Any], cursor: int) -> int:
    with connection.transaction():
        row = connection.execute(
            f"SELECT count(*) FROM copydesk.items WHERE seq > %(cursor)s AND {_OF_THE_DESK}"
            f" AND {_RECENT}",
            {"cursor": cursor, "desk": target.desk, "since": target.since},
        ).fetchone()
    return int(row[0]) if row else 0


_HEAD_COLUMNS = (
    "kind, uuid::text, version, head_revision::text, deleted, content, seq,"
    " coalesce((SELECT nullif(p.display_name, '') FROM copydesk.people p"
    " WHERE p.login = updated_by), updated_by)"
)


# The replica's desk and what is shared: a person of two desks keeps one library per desk.
_OF_THE_DESK = "(shared OR desk_id = (SELECT id FROM copydesk.desks WHERE name = %(desk)s))"
# A partial replica passes over what has not changed since its horizon: an item it holds
# that changes later comes then (its change is recent), one it lacks is brought on demand.
_RECENT = "(%(since)s::timestamptz IS NULL OR updated_at >= %(since)s::timestamptz)"


def _heads_after(target: Replica, connection: psycopg.Connection[Any], cursor: int) -> list[Head]:
    with connection.transaction():
        found = connection.execute(
            f"SELECT {_HEAD_COLUMNS} FROM copydesk.items"
            f" WHERE seq > %(cursor)s AND {_OF_THE_DESK} AND {_RECENT}"
            " ORDER BY seq LIMIT %(limit)s",
            {"cursor": cursor, "desk": target.desk, "limit": PULL_BATCH, "since": target.since},
        )
        heads: list[Head] = []
        # A few rows at a time: their JSON is decoded holding the GIL, and the window's
        # thread must get its turn between (a whole batch at once stalls it).
        while rows := found.fetchmany(_DECODED_AT_ONCE):
            heads += [_head(row) for row in rows]
        return _pictures_first(target, connection, heads)


def _pictures_first(
    target: Replica, connection: psycopg.Connection[Any], heads: list[Head]
) -> list[Head]:
    """The batch with the pictures its articles show first, those changed later (further
    on in the feed) included: an article never arrives before a picture it shows."""
    named = {
        uuid
        for head in heads
        if head.entity == ARTICLE
        for uuid in wire.picture_uuids(head.content)
    }
    named -= {head.uuid for head in heads}
    with target.library.read() as session:
        named -= local.present(session, PICTURE, named)
    extra: list[Head] = []
    if named:
        rows = connection.execute(
            f"SELECT {_HEAD_COLUMNS} FROM copydesk.items WHERE kind = 'picture'"
            " AND uuid::text = ANY(%s)",
            (sorted(named),),
        ).fetchall()
        extra = [_head(row, ahead=True) for row in rows]
    return sorted(extra + heads, key=lambda head: head.entity != PICTURE)


def _pull_stranded(
    target: Replica, connection: psycopg.Connection[Any], counts: PullCounts
) -> None:
    """Revisions the server kept beside a head this replica had already pulled: the head
    is read again so that they merge (or become a conflict) now."""
    with target.library.read() as session:
        uuids = sorted(
            {
                revision.uuid
                for revision in session.query(SendingRevision).filter_by(state=replica.CONFLICT)
            }
        )
    if not uuids:
        return
    with connection.transaction():
        rows = connection.execute(
            f"SELECT {_HEAD_COLUMNS} FROM copydesk.items WHERE uuid::text = ANY(%s)", (uuids,)
        ).fetchall()
    heads = [_head(row) for row in rows]
    download_files(target, connection, heads)
    with target.library.write() as session:
        cursor = replica.joined_state(session).pull_cursor
        pulling.apply_heads(session, heads, cursor, counts)


def heads_of(target: Replica, connection: psycopg.Connection[Any], uuids: list[str]) -> list[Head]:
    """The server's heads of these items (those the person may read), with the pictures
    their articles show that the replica lacks, ahead of their turn in the feed."""
    with connection.transaction():
        rows = connection.execute(
            f"SELECT {_HEAD_COLUMNS} FROM copydesk.items WHERE uuid::text = ANY(%s)", (uuids,)
        ).fetchall()
        return _pictures_first(target, connection, [_head(row, ahead=True) for row in rows])


def download_files(target: Replica, connection: psycopg.Connection[Any], heads: list[Head]) -> None:
    for head in heads:
        sha256 = head.content.get("sha256") if head.entity == "picture" else None
        if sha256 and not head.deleted:
            files.download(connection, target.media, sha256, head.content.get("media_type", ""))


def _has_pending(library: Library) -> bool:
    with library.read() as session:
        return bool(replica.outgoing(session, 1)) or replica.waiting_count(session) > 0


def _finish(library: Library, report: SyncReport) -> None:
    with library.write() as session:
        state = replica.joined_state(session)
        state.applying = True  # the stamp is not a change to send
        state.last_sync_at = utc_now()
        state.applying = False
        report.waiting = replica.waiting_count(session)
        report.open_conflicts = session.query(ReplicaConflict).count()


def _lost(address: ServerAddress, error: psycopg.Error) -> str:
    reason = server.describe_connection_error(address, error)
    return _("The sync stopped: {reason} Nothing was lost; the next sync carries on.").format(
        reason=reason
    )
