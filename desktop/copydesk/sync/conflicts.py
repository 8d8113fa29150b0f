"""Conflicts a person settles: concurrent changes that did not merge, each kept with its
base, this desk's side and the server's, until someone chooses. Settling makes a revision
with two parents (the server's head and this desk's side), sent at the next sync."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from copydesk.errors import NotFoundError
from copydesk.library.models import ReplicaBase, ReplicaConflict, ReplicaState
from copydesk.records.article import RevisionKind
from copydesk.sync import local, replica, wire
from copydesk.sync.pulling import Head, merge, settle
from copydesk.translation import _

Side = Literal["mine", "theirs"]


@dataclass(frozen=True, slots=True)
class Conflict:
    id: int
    entity: str
    uuid: str
    title: str
    fields: tuple[str, ...]
    mine: wire.WireContent
    theirs: wire.WireContent
    theirs_deleted: bool


def list_conflicts(session: Session) -> list[Conflict]:
    rows = session.scalars(select(ReplicaConflict).order_by(ReplicaConflict.id))
    return [_conflict(row) for row in rows]


def settle_conflict(
    session: Session,
    conflict_id: int,
    keep: Side,
    content: wire.WireContent | None = None,
    *,
    choices: dict[str, Side] | None = None,
) -> None:
    """Keep one side in every field that did not merge (``choices`` names a side field by
    field, ``keep`` for the others), or ``content`` (a person's own merge), and send it."""
    row = session.get(ReplicaConflict, conflict_id)
    if row is None:
        raise NotFoundError(_("There is no conflict {id}.").format(id=conflict_id))
    chosen = content if content is not None else _side(session, row, keep, choices or {})
    deleted = content is None and keep == "theirs" and row.theirs_deleted
    head = _their_head(row)
    state = replica.joined_state(session)
    _hold_outbox(session, state, True)
    mine_revision = _mine_revision(session, row)
    session.delete(row)
    session.flush()
    local.write(session, row.entity, row.uuid, None if deleted else chosen)
    if deleted:
        replica.set_base(session, row.entity, row.uuid, head.as_result, row.theirs)
    else:
        settle(session, head, chosen, mine_revision=mine_revision)
        local.note_revision(
            session,
            row.entity,
            row.uuid,
            RevisionKind.SETTLED,
            state.display_name or state.login,
            merged_with=row.theirs_author,
        )
    _hold_outbox(session, state, False)


def _side(
    session: Session, row: ReplicaConflict, keep: Side, choices: dict[str, Side]
) -> wire.WireContent:
    """Both sides' changes that merged, and in each field that did not, the side kept.
    Mine is what the replica holds now: edits made since the conflict was found count."""
    found = _draft_of(session, row)
    chosen = dict(found.merged)
    for field in found.fields:
        if choices.get(field, keep) == "theirs":
            chosen[field] = found.theirs.get(field)
    return chosen


@dataclass(frozen=True, slots=True)
class Draft:
    """A conflict as a person settles it: everything that merged, and for each field that
    did not, both sides."""

    merged: wire.WireContent  # this library's side in the fields that did not merge
    mine: wire.WireContent
    theirs: wire.WireContent
    fields: tuple[str, ...]


def draft(session: Session, conflict_id: int) -> Draft:
    row = session.get(ReplicaConflict, conflict_id)
    if row is None:
        raise NotFoundError(_("There is no conflict {id}.").format(id=conflict_id))
    return _draft_of(session, row)


def _draft_of(session: Session, row: ReplicaConflict) -> Draft:
    theirs = wire.loads(row.theirs)
    mine = local.read(session, row.entity, row.uuid) or wire.loads(row.mine)
    result = merge(row.entity, wire.loads(row.base), mine, theirs)
    fields = tuple(conflict.field for conflict in result.conflicts)
    return Draft(dict(result.merged), mine, theirs, fields)


def _their_head(row: ReplicaConflict) -> Head:
    return Head(
        row.entity,
        row.uuid,
        row.theirs_version,
        row.theirs_revision,
        row.theirs_deleted,
        wire.loads(row.theirs),
        0,
    )


def _mine_revision(session: Session, row: ReplicaConflict) -> str:
    """This desk's side as a revision the server keeps: the one the conflict was found
    with, or a new one when the replica was edited since (those edits go to the history
    too, whichever side is kept)."""
    now = local.read(session, row.entity, row.uuid)
    text = wire.dumps(now) if now is not None else row.mine
    if row.mine_revision is not None and text == row.mine:
        return row.mine_revision
    base = session.get(ReplicaBase, (row.entity, row.uuid))
    parent, _text, _deleted = replica.tip(session, row.entity, row.uuid)
    revision = replica.add_revision(
        session,
        row.entity,
        row.uuid,
        text,
        deleted=False,
        parent_id=parent or (base.revision_id if base else None),
    )
    return revision.revision_id


def _hold_outbox(session: Session, state: ReplicaState, hold: bool) -> None:
    state.applying = hold
    session.flush()


def _conflict(row: ReplicaConflict) -> Conflict:
    mine, theirs = wire.loads(row.mine), wire.loads(row.theirs)
    title = str(mine.get("headline") or mine.get("file_name") or theirs.get("headline") or row.uuid)
    return Conflict(
        row.id,
        row.entity,
        row.uuid,
        title,
        tuple(json.loads(row.fields)),
        mine,
        theirs,
        row.theirs_deleted,
    )
