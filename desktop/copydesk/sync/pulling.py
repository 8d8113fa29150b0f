"""Taking what the server has into the replica. Something not changed here since its base
is simply replaced; something changed on both sides merges three-way (a clean merge becomes
a revision with two parents, sent at the next push), or is kept as a conflict for a person.
An edit beats a delete, on both sides; articles marked ready or published never merge on
their own."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from copydesk.library.models import OutboxEntry, ReplicaBase, ReplicaConflict, SendingRevision
from copydesk.records.article import ArticleStatus, RevisionKind
from copydesk.sync import local, replica, wire
from copydesk.sync.merge import MergeResult, merge_fields
from copydesk.sync.replica import CONFLICT, PENDING
from copydesk.sync.wire import ARTICLE, WireContent

_NEVER_MERGED = {ArticleStatus.READY.value, ArticleStatus.PUBLISHED.value}


@dataclass(frozen=True, slots=True)
class Head:
    """An item as the server holds it now."""

    entity: str
    uuid: str
    version: int
    revision_id: str
    deleted: bool
    content: WireContent
    seq: int
    ahead: bool = False  # brought before its turn in the feed (a picture an article shows)
    author: str = ""  # who made the head revision, by their name

    @property
    def as_result(self) -> dict[str, Any]:
        return {"version": self.version, "head": self.revision_id, "deleted": self.deleted}


@dataclass
class PullCounts:
    received: int = 0
    merged: int = 0
    conflicts: int = 0
    conflicted_uuids: list[str] = field(default_factory=list)


def apply_heads(session: Session, heads: list[Head], cursor: int, counts: PullCounts) -> None:
    """Apply a batch of heads and move the cursor past them, in the caller's transaction,
    with the outbox triggers held off (these writes are the server's, not this desk's)."""
    state = replica.joined_state(session)
    state.applying = True
    session.flush()
    uuids = [head.uuid for head in heads]
    loaded = _preload(session, heads)
    changed = replica.uuids_with_local_changes(session, uuids)
    for head in heads:
        _apply(session, head, counts, head.uuid in changed)
    del loaded
    state.pull_cursor = max(state.pull_cursor, cursor)
    state.applying = False
    session.flush()


def _preload(session: Session, heads: list[Head]) -> list[object]:
    """Everything a batch touches, in a few queries rather than a few per head."""
    replica.preload_bases(session, [head.uuid for head in heads])
    loaded: list[object] = []
    for entity in {head.entity for head in heads}:
        loaded += local.preload(session, entity, [h.uuid for h in heads if h.entity == entity])
    return loaded


def _apply(session: Session, head: Head, counts: PullCounts, changed_here: bool) -> None:
    base = replica.base_of(session, head.entity, head.uuid)
    if base is not None and base.revision_id == head.revision_id:
        if changed_here:  # in step already, unless the server kept ours aside
            _resend_kept(session, head)
        return
    if changed_here and _is_own(session, head):
        return
    counts.received += 1
    if not changed_here:
        _take_theirs(session, head, base)
        return
    open_conflict = session.scalars(
        select(ReplicaConflict).where(ReplicaConflict.uuid == head.uuid)
    ).first()
    if open_conflict is not None:
        _refresh_conflict(open_conflict, head)
        return
    _reconcile(session, head, base, counts)


def _is_own(session: Session, head: Head) -> bool:
    """The head is a revision this replica sent whose answer was never recorded (the
    push committed, then the replica stopped): it is recorded now, as the answer would
    have been, with the revisions it followed."""
    own = session.get(SendingRevision, head.revision_id)
    if own is None:
        return False
    replica.set_base(session, head.entity, head.uuid, head.as_result, own.content)
    session.execute(
        delete(SendingRevision).where(
            SendingRevision.uuid == head.uuid, SendingRevision.position <= own.position
        )
    )
    return True


def _resend_kept(session: Session, head: Head) -> None:
    """Revisions of ours the server kept beside a head this replica already has: what the
    replica holds is built on that head, so it goes again on top of it."""
    kept = session.scalars(
        select(SendingRevision)
        .where(SendingRevision.uuid == head.uuid, SendingRevision.state == CONFLICT)
        .order_by(SendingRevision.position.desc())
    ).first()
    mine = local.read(session, head.entity, head.uuid) if kept is not None else None
    if kept is not None and mine is not None:
        settle(session, head, mine, mine_revision=kept.revision_id)


def _take_theirs(session: Session, head: Head, base: ReplicaBase | None) -> None:
    if base is not None and base.deleted and not head.deleted:
        replica.notify(session, "delete_overruled", head.entity, head.uuid)
    local.write(session, head.entity, head.uuid, None if head.deleted else head.content)
    replica.set_base(session, head.entity, head.uuid, head.as_result, wire.dumps(head.content))
    if base is not None and not head.deleted:  # an arrival's history begins here
        local.note_revision(session, head.entity, head.uuid, RevisionKind.FROM_DESK, head.author)


def _refresh_conflict(conflict: ReplicaConflict, head: Head) -> None:
    conflict.theirs = wire.dumps(head.content)
    conflict.theirs_revision = head.revision_id
    conflict.theirs_version = head.version
    conflict.theirs_deleted = head.deleted
    conflict.theirs_author = head.author


def _reconcile(session: Session, head: Head, base: ReplicaBase | None, counts: PullCounts) -> None:
    mine = local.read(session, head.entity, head.uuid)
    if mine is None and head.deleted:
        _drop_local_changes(session, head.uuid)
        replica.set_base(session, head.entity, head.uuid, head.as_result, wire.dumps(head.content))
    elif mine is None:  # they edited what this desk deleted: the edit wins
        _drop_local_changes(session, head.uuid)
        _take_theirs(session, head, None)
        replica.notify(session, "delete_overruled", head.entity, head.uuid)
    elif head.deleted:  # this desk edited what they deleted: the edit wins
        settle(session, head, mine, mine_revision=_mine_revision(session, head, base))
    else:
        _merge(session, head, base, mine, counts)


def _merge(
    session: Session, head: Head, base: ReplicaBase | None, mine: WireContent, counts: PullCounts
) -> None:
    base_content = wire.loads(base.content) if base is not None else {}
    result = merge(head.entity, base_content, mine, head.content)
    mine_revision = _mine_revision(session, head, base)
    if result.clean:
        counts.merged += 1
        local.write(session, head.entity, head.uuid, result.merged)
        settle(session, head, result.merged, mine_revision=mine_revision)
        state = replica.joined_state(session)
        me = state.display_name or state.login
        local.note_revision(
            session, head.entity, head.uuid, RevisionKind.MERGED, head.author, merged_with=me
        )
        return
    counts.conflicts += 1
    counts.conflicted_uuids.append(head.uuid)
    session.add(
        ReplicaConflict(
            entity=head.entity,
            uuid=head.uuid,
            fields=json.dumps([conflict.field for conflict in result.conflicts]),
            base=wire.dumps(base_content),
            mine=wire.dumps(mine),
            theirs=wire.dumps(head.content),
            theirs_revision=head.revision_id,
            theirs_version=head.version,
            theirs_deleted=head.deleted,
            mine_revision=mine_revision,
            theirs_author=head.author,
        )
    )


def merge(entity: str, base: WireContent, mine: WireContent, theirs: WireContent) -> MergeResult:
    """Three-way, field by field; an article marked ready or published on any side is
    never merged on its own: every field both sides changed is then a conflict."""
    prose = wire.PROSE_FIELDS if entity == ARTICLE else ()
    lists = wire.LIST_FIELDS if entity == ARTICLE else ()
    if entity == ARTICLE and _is_settled_copy(base, mine, theirs):
        prose, lists = (), ()
    if entity == ARTICLE:  # a revision from before the mark was not advertising
        base = {"advertising": False, **base}
    result = merge_fields(base, mine, theirs, prose_fields=prose, list_fields=lists)
    return MergeResult(dict(result.merged), result.conflicts)


def _is_settled_copy(*contents: WireContent) -> bool:
    return any(content.get("status") in _NEVER_MERGED for content in contents)


def _mine_revision(session: Session, head: Head, base: ReplicaBase | None) -> str:
    """The revision that holds this desk's side: the last one made here, if it holds what
    the replica has now, or a new one (the server's history must show what this desk
    wrote; a merge on the server settles every conflict its merged side descends from)."""
    kept = session.scalars(
        select(SendingRevision)
        .where(SendingRevision.uuid == head.uuid, SendingRevision.state.in_((PENDING, CONFLICT)))
        .order_by(SendingRevision.position.desc())
    ).first()
    mine = local.read(session, head.entity, head.uuid)
    text = wire.dumps(mine) if mine is not None else (base.content if base else "{}")
    if kept is not None and kept.content == text:
        return kept.revision_id
    parent = kept.revision_id if kept is not None else (base.revision_id if base else None)
    revision = replica.add_revision(
        session, head.entity, head.uuid, text, deleted=mine is None, parent_id=parent
    )
    return revision.revision_id


def settle(session: Session, head: Head, content: WireContent, *, mine_revision: str) -> None:
    """``content`` is now the replica's, built on their head and on this desk's revision:
    it is sent as a revision with two parents."""
    session.execute(
        delete(SendingRevision).where(
            SendingRevision.uuid == head.uuid, SendingRevision.state == CONFLICT
        )
    )
    session.execute(delete(OutboxEntry).where(OutboxEntry.uuid == head.uuid))
    replica.set_base(session, head.entity, head.uuid, head.as_result, wire.dumps(head.content))
    replica.add_revision(
        session,
        head.entity,
        head.uuid,
        wire.dumps(content),
        deleted=False,
        parent_id=head.revision_id,
        merge_parent_id=mine_revision,
    )


def _drop_local_changes(session: Session, uuid: str) -> None:
    session.execute(delete(SendingRevision).where(SendingRevision.uuid == uuid))
    session.execute(delete(OutboxEntry).where(OutboxEntry.uuid == uuid))
