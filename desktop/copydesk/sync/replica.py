"""The replica's side of the sync, kept in the library: joining a desk, turning the outbox
into revisions (each with an id it keeps however often it is sent), and taking the server's
answers. Every function takes an open Session and never commits: the caller owns the
transaction, so each step is all or nothing."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from copydesk.library.models import (
    Article,
    OutboxEntry,
    Picture,
    ReplicaBase,
    ReplicaConflict,
    ReplicaNotice,
    ReplicaState,
    SendingRevision,
)
from copydesk.sync import local, wire
from copydesk.sync.errors import NewsroomError, NotJoined
from copydesk.sync.wire import ARTICLE, PICTURE

PENDING, CONFLICT, REFUSED = "pending", "conflict", "refused"


def state(session: Session) -> ReplicaState | None:
    return session.get(ReplicaState, 1)


def joined_state(session: Session) -> ReplicaState:
    found = state(session)
    if found is None:
        raise NotJoined("This library is not joined to a newsroom: use “copydesk newsroom join”.")
    return found


@dataclass(frozen=True, slots=True)
class Membership:
    server_url: str
    login: str
    desk: str
    device_id: str
    newsroom_uuid: str


def join(session: Session, membership: Membership) -> int:
    """Make the library a replica; everything already in it goes to the desk at the next
    push. Returns how many articles and pictures wait to be sent."""
    current = state(session)
    if current is not None:
        raise NewsroomError(f"This library is already joined to {current.server_url}.")
    session.add(ReplicaState(id=1, pull_cursor=0, **vars_of(membership)))
    pictures = session.scalars(select(Picture.uuid).order_by(Picture.id)).all()
    articles = session.scalars(select(Article.uuid).order_by(Article.id)).all()
    _note(session, PICTURE, pictures)
    _note(session, ARTICLE, articles)
    return len(pictures) + len(articles)


def vars_of(membership: Membership) -> dict[str, str]:
    return {name: getattr(membership, name) for name in Membership.__slots__}


def leave(session: Session) -> None:
    """The library stays as it is, unlinked from its newsroom."""
    for model in (ReplicaState, OutboxEntry, SendingRevision, ReplicaBase, ReplicaConflict):
        session.execute(delete(model))


def _note(session: Session, entity: str, uuids: Iterable[str]) -> None:
    session.add_all(OutboxEntry(entity=entity, uuid=uuid) for uuid in uuids)


# ---- outbox → revisions -----------------------------------------------------------------------


def form_revisions(session: Session) -> int:
    """Turn the outbox into revisions to send: one per article or picture saved since the
    last push (pictures first: articles name them). Things with a conflict open wait."""
    waiting = _conflicted(session)
    formed = 0
    for entity, uuid in _outbox_things(session):
        if uuid in waiting:
            continue
        formed += _form_one(session, entity, uuid)
        session.execute(delete(OutboxEntry).where(OutboxEntry.uuid == uuid))
    return formed


def _outbox_things(session: Session) -> list[tuple[str, str]]:
    query = (
        select(OutboxEntry.entity, OutboxEntry.uuid)
        .group_by(OutboxEntry.entity, OutboxEntry.uuid)
        .order_by(OutboxEntry.entity.desc(), func.min(OutboxEntry.seq))  # "picture" first
    )
    return [(entity, uuid) for entity, uuid in session.execute(query)]


def _form_one(session: Session, entity: str, uuid: str) -> int:
    content = local.read(session, entity, uuid)
    parent_id, parent_text, parent_deleted = tip(session, entity, uuid)
    if content is None and parent_deleted:
        return 0  # never sent, or already deleted there
    text = wire.dumps(content) if content is not None else parent_text
    if content is not None and not parent_deleted and text == parent_text:
        return 0  # saved, but nothing the server holds changed
    add_revision(session, entity, uuid, text, deleted=content is None, parent_id=parent_id)
    return 1


def tip(session: Session, entity: str, uuid: str) -> tuple[str | None, str, bool]:
    """The revision the next one follows: the last one waiting to be sent, else the
    server's base; (None, "{}", True) for something the server has never had."""
    last = session.scalars(
        select(SendingRevision)
        .where(SendingRevision.uuid == uuid)
        .order_by(SendingRevision.position.desc())
        .limit(1)
    ).first()
    if last is not None:
        return last.revision_id, last.content, last.deleted
    base = session.get(ReplicaBase, (entity, uuid))
    if base is None:
        return None, "{}", True
    return base.revision_id, base.content, base.deleted


def add_revision(
    session: Session,
    entity: str,
    uuid: str,
    text: str,
    *,
    deleted: bool,
    parent_id: str | None,
    merge_parent_id: str | None = None,
) -> SendingRevision:
    position = session.scalar(select(func.max(SendingRevision.position))) or 0
    revision = SendingRevision(
        revision_id=str(uuid_module.uuid4()),
        position=position + 1,
        entity=entity,
        uuid=uuid,
        parent_id=parent_id,
        merge_parent_id=merge_parent_id,
        deleted=deleted,
        content=text,
        state=PENDING,
        reason="",
    )
    session.add(revision)
    session.flush()
    return revision


def _conflicted(session: Session) -> set[str]:
    return set(session.scalars(select(ReplicaConflict.uuid)))


# ---- sending ----------------------------------------------------------------------------------


def outgoing(session: Session, limit: int) -> list[SendingRevision]:
    query = (
        select(SendingRevision)
        .where(SendingRevision.state == PENDING)
        .order_by(SendingRevision.position)
        .limit(limit)
    )
    return list(session.scalars(query))


def as_operation(revision: SendingRevision, desk: str) -> dict[str, Any]:
    content = wire.loads(revision.content)
    return {
        "id": revision.revision_id,
        "item": revision.uuid,
        "kind": revision.entity,
        "parent": revision.parent_id,
        "merge_parent": revision.merge_parent_id,
        "deleted": revision.deleted,
        "desk": desk,
        "sha256": content.get("sha256") or None if revision.entity == PICTURE else None,
        "content": content,
    }


@dataclass
class PushCounts:
    sent: int = 0
    conflicts: int = 0
    refused: int = 0
    overruled: int = 0


def take_results(session: Session, results: list[dict[str, Any]], counts: PushCounts) -> None:
    """Record what the server did with each revision sent."""
    for result in results:
        revision = session.get(SendingRevision, str(result["id"]))
        if revision is not None:
            _take(session, revision, result, counts)


def _take(
    session: Session, revision: SendingRevision, result: dict[str, Any], counts: PushCounts
) -> None:
    status = result["status"]
    if status in ("head", "redundant"):
        counts.sent += 1
        set_base(session, revision.entity, revision.uuid, result, revision.content)
        session.delete(revision)
    elif status == "conflict":
        counts.conflicts += 1
        revision.state = CONFLICT
    elif status == "overruled":
        counts.overruled += 1
        notify(session, "delete_overruled", revision.entity, revision.uuid)
        session.delete(revision)
    else:
        counts.refused += 1
        revision.state, revision.reason = REFUSED, str(result.get("reason", ""))
        notify(session, "refused", revision.entity, revision.uuid, revision.reason)


def set_base(
    session: Session, entity: str, uuid: str, head: dict[str, Any], content_text: str
) -> None:
    """The server's head is now what this replica is in step with."""
    base = session.get(ReplicaBase, (entity, uuid))
    if base is None:
        base = ReplicaBase(entity=entity, uuid=uuid)
        session.add(base)
    base.version = int(head["version"])
    base.revision_id = str(head["head"])
    base.deleted = bool(head["deleted"])
    base.content = content_text


def notify(session: Session, kind: str, entity: str, uuid: str, detail: str = "") -> None:
    session.add(ReplicaNotice(kind=kind, entity=entity, uuid=uuid, detail=detail))


def has_local_changes(session: Session, uuid: str) -> bool:
    """Saved here and not yet in step with the server."""
    for model in (OutboxEntry, SendingRevision, ReplicaConflict):
        if session.scalars(select(model).where(model.uuid == uuid).limit(1)).first():
            return True
    return False


def waiting_count(session: Session) -> int:
    """How many articles and pictures wait to be sent (not those waiting for a person to
    settle their conflict)."""
    in_conflict = select(ReplicaConflict.uuid)
    outbox = session.scalar(
        select(func.count(func.distinct(OutboxEntry.uuid))).where(
            OutboxEntry.uuid.not_in(in_conflict)
        )
    )
    sending = session.scalar(
        select(func.count()).select_from(SendingRevision).where(SendingRevision.state == PENDING)
    )
    return int(outbox or 0) + int(sending or 0)
