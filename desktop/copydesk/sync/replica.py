"""The replica's side of the sync, kept in the library: joining a desk, turning the outbox
into revisions (each with an id it keeps however often it is sent), and taking the server's
answers. Every function takes an open Session and never commits: the caller owns the
transaction, so each step is all or nothing."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Collection, Iterable
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
from copydesk.translation import _

PENDING, CONFLICT, REFUSED = "pending", "conflict", "refused"


def state(session: Session) -> ReplicaState | None:
    return session.get(ReplicaState, 1)


def joined_state(session: Session) -> ReplicaState:
    found = state(session)
    if found is None:
        raise NotJoined(
            _("This library is not joined to a newsroom: use “copydesk newsroom join”.")
        )
    return found


@dataclass(frozen=True, slots=True)
class Membership:
    server_url: str
    login: str
    desk: str
    device_id: str
    newsroom_uuid: str
    keep_days: int | None = None  # a partial replica: see ReplicaState.keep_days


def join(session: Session, membership: Membership) -> int:
    """Make the library a replica; everything already in it goes to the desk at the next
    push. Returns how many articles and pictures wait to be sent."""
    current = state(session)
    if current is not None:
        raise NewsroomError(
            _("This library is already joined to {url}.").format(url=current.server_url)
        )
    session.add(ReplicaState(id=1, pull_cursor=0, **vars_of(membership)))
    pictures = session.scalars(select(Picture.uuid).order_by(Picture.id)).all()
    articles = session.scalars(select(Article.uuid).order_by(Article.id)).all()
    _note(session, PICTURE, pictures)
    _note(session, ARTICLE, articles)
    return len(pictures) + len(articles)


def vars_of(membership: Membership) -> dict[str, str | int | None]:
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
    things = [(entity, uuid) for entity, uuid in _outbox_things(session) if uuid not in waiting]
    uuids = [uuid for _entity, uuid in things]
    loaded = [local.preload(session, kind, [u for e, u in things if e == kind]) for kind in _KINDS]
    tips = _tips(session, uuids)
    with session.no_autoflush:  # thousands of small reads: one flush at the end
        formed = sum(_form_one(session, entity, uuid, tips[uuid]) for entity, uuid in things)
    session.execute(delete(OutboxEntry).where(OutboxEntry.uuid.in_(uuids)))
    del loaded
    return formed


_KINDS = (PICTURE, ARTICLE)
Tip = tuple[str | None, str, bool]  # the parent revision's id, content and deletion
_NEVER_SENT: Tip = (None, "{}", True)


def _outbox_things(session: Session) -> list[tuple[str, str]]:
    query = (
        select(OutboxEntry.entity, OutboxEntry.uuid)
        .group_by(OutboxEntry.entity, OutboxEntry.uuid)
        .order_by(OutboxEntry.entity.desc(), func.min(OutboxEntry.seq))  # "picture" first
    )
    return [(entity, uuid) for entity, uuid in session.execute(query)]


def _form_one(session: Session, entity: str, uuid: str, parent: Tip) -> int:
    content = local.read(session, entity, uuid)
    parent_id, parent_text, parent_deleted = parent
    if content is None and parent_deleted:
        return 0  # never sent, or already deleted there
    text = wire.dumps(content) if content is not None else parent_text
    if content is not None and not parent_deleted and text == parent_text:
        return 0  # saved, but nothing the server holds changed
    add_revision(session, entity, uuid, text, deleted=content is None, parent_id=parent_id)
    return 1


def tip(session: Session, entity: str, uuid: str) -> Tip:
    """The revision the next one follows: the last one waiting to be sent, else the
    server's base; (None, "{}", True) for something the server has never had."""
    return _tips(session, [uuid]).get(uuid, _NEVER_SENT)


def _tips(session: Session, uuids: list[str]) -> dict[str, Tip]:
    found: dict[str, Tip] = dict.fromkeys(uuids, _NEVER_SENT)
    bases = session.scalars(select(ReplicaBase).where(ReplicaBase.uuid.in_(uuids)))
    found.update((base.uuid, (base.revision_id, base.content, base.deleted)) for base in bases)
    sending = session.scalars(
        select(SendingRevision)
        .where(SendingRevision.uuid.in_(uuids))
        .order_by(SendingRevision.position)
    )
    found.update((last.uuid, (last.revision_id, last.content, last.deleted)) for last in sending)
    return found


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
    position = _last_position(session)
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
    session.info[_POSITION] = position + 1
    return revision


_POSITION = "copydesk.sync.last_position"


def _last_position(session: Session) -> int:
    """The highest position given, read once per transaction (revisions are numbered in
    the order they are made; a batch makes thousands)."""
    if _POSITION not in session.info:
        session.info[_POSITION] = session.scalar(select(func.max(SendingRevision.position))) or 0
    return int(session.info[_POSITION])


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
    ids = [str(result["id"]) for result in results]
    sent = {
        revision.revision_id: revision
        for revision in session.scalars(
            select(SendingRevision).where(SendingRevision.revision_id.in_(ids))
        )
    }
    preload_bases(session, [revision.uuid for revision in sent.values()])
    for result in results:
        revision = sent.get(str(result["id"]))
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
    base = base_of(session, entity, uuid)
    if base is None:
        base = ReplicaBase(entity=entity, uuid=uuid)
        session.add(base)
        _known_bases(session)[(entity, uuid)] = base
    base.version = int(head["version"])
    base.revision_id = str(head["head"])
    base.deleted = bool(head["deleted"])
    base.content = content_text


_BASES = "copydesk.sync.bases"


def preload_bases(session: Session, uuids: Collection[str]) -> None:
    """Read the bases of ``uuids`` at once, the missing ones included: ``base_of`` then
    answers without a query (a batch asks about a thousand things)."""
    known = _known_bases(session)
    for base in session.scalars(select(ReplicaBase).where(ReplicaBase.uuid.in_(uuids))):
        known[(base.entity, base.uuid)] = base
    session.info.setdefault(_BASES + ".complete", set()).update(uuids)


def base_of(session: Session, entity: str, uuid: str) -> ReplicaBase | None:
    known = _known_bases(session)
    if (entity, uuid) in known or uuid in session.info.get(_BASES + ".complete", ()):
        return known.get((entity, uuid))
    return session.get(ReplicaBase, (entity, uuid))


def _known_bases(session: Session) -> dict[tuple[str, str], ReplicaBase]:
    bases: dict[tuple[str, str], ReplicaBase] = session.info.setdefault(_BASES, {})
    return bases


def notify(session: Session, kind: str, entity: str, uuid: str, detail: str = "") -> None:
    session.add(ReplicaNotice(kind=kind, entity=entity, uuid=uuid, detail=detail))


def uuids_with_local_changes(session: Session, uuids: Collection[str]) -> set[str]:
    """Those of ``uuids`` saved here and not yet in step with the server."""
    found: set[str] = set()
    for model in (OutboxEntry, SendingRevision, ReplicaConflict):
        found |= set(session.scalars(select(model.uuid).where(model.uuid.in_(uuids))))
    return found


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
