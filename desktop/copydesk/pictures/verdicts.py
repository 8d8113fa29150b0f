"""What the compliance engine last said of each picture, kept in ``picture_verdicts`` so the
Picture Library filters and counts tens of thousands of pictures in SQL instead of judging
every one each time it opens.

A verdict holds the status, the words the search looks in, and what it was judged with: the
rules' version and the judgement's settings (``fingerprint``) and the day (a licence that
expires later changes it). Triggers drop a picture's verdict whenever its row changes or goes,
whoever writes it (the window, an import, a newsroom pull, another program), so a verdict is
never older than its picture; ``judge_stale`` judges, a batch at a time, the pictures without a
current one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, not_, or_, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from copydesk.library.db import CASEFOLD_FUNCTION
from copydesk.library.models import Picture, PictureVerdict
from copydesk.pictures import store as images
from copydesk.pictures.listing import Judgement, PictureKey, PictureListing, judge

# Raised when the compliance rules change, so that every stored verdict is judged again.
RULES_VERSION = "1"

# The SQL function that folds text as Python's ``str.casefold`` does (SQLite's ``lower`` only
# knows ASCII), registered on every connection.
FOLD_FUNCTION = CASEFOLD_FUNCTION


def fingerprint(judgement: Judgement) -> str:
    """The rules and settings a verdict depends on (the day apart)."""
    commercial = "commercial" if judgement.commercial else "editorial"
    return "|".join((RULES_VERSION, judgement.language, commercial, *judgement.agencies))


def haystack(listing: PictureListing) -> str:
    """What the search looks in, folded."""
    record, metadata = listing.record, listing.record.metadata
    return " ".join(
        (
            record.file.file_name,
            metadata.creator,
            listing.credit,
            metadata.description,
            metadata.source,
            metadata.headline,
        )
    ).casefold()


def raw_haystack() -> ColumnElement[str]:
    """SQL: the search's words of a picture without a verdict yet (its credit as typed
    rather than composed)."""
    parts = (
        Picture.file_name,
        Picture.creator,
        Picture.credit_line,
        Picture.credit_override,
        Picture.description,
        Picture.source,
        Picture.headline,
    )
    joined: Any = parts[0]
    for part in parts[1:]:
        joined = joined + " " + part  # || (SQLite 3.40 has no concat_ws)
    return getattr(func, FOLD_FUNCTION)(joined)  # type: ignore[no-any-return]


def today_of(judgement: Judgement) -> date:
    return judgement.today or date.today()


def current(judgement: Judgement) -> ColumnElement[bool]:
    """SQL: the verdict was judged with ``judgement``'s rules and settings. (A verdict whose
    licence has expired since is dropped by ``judge_stale`` before it judges.)"""
    return PictureVerdict.judged_with == fingerprint(judgement)


def store(session: Session, listings: Iterable[PictureListing], judgement: Judgement) -> None:
    """Keep what ``judgement`` said of these pictures (judged just now, after their rows were
    last written in this transaction)."""
    today = today_of(judgement)
    values = [
        {
            "picture_id": listing.record.id,
            "judged_with": fingerprint(judgement),
            "status": listing.status.value,
            "updated_at": listing.record.updated_at,
            "valid_until": _valid_until(listing, today),
            "haystack": haystack(listing),
        }
        for listing in listings
    ]
    if not values:
        return
    session.flush()  # the rows' triggers run before the new verdicts, not after
    statement = insert(PictureVerdict)
    columns = ("judged_with", "status", "updated_at", "valid_until", "haystack")
    statement = statement.on_conflict_do_update(
        index_elements=[PictureVerdict.picture_id],
        set_={name: statement.excluded[name] for name in columns},
    )
    session.execute(statement, values)


def _valid_until(listing: PictureListing, today: date) -> date | None:
    expiry = listing.record.metadata.rights_expiry
    return expiry if expiry is not None and expiry >= today else None


def stale_count(session: Session, judgement: Judgement) -> int:
    """The pictures without a current verdict."""
    judged = session.scalar(select(func.count()).where(current(judgement))) or 0
    return images.picture_count(session) - judged


def judge_stale(
    session: Session, judgement: Judgement, limit: int, after: PictureKey | None = None
) -> tuple[int, PictureKey | None]:
    """Judge up to ``limit`` pictures without a current verdict, most recently changed first
    (below ``after``, where the previous batch stopped), and keep their verdicts. How many
    were judged, and where the next batch starts (``None``: the end was reached)."""
    today = today_of(judgement)
    session.execute(delete(PictureVerdict).where(PictureVerdict.valid_until < today))
    query = (
        select(Picture.id, Picture.updated_at)
        .outerjoin(PictureVerdict, PictureVerdict.picture_id == Picture.id)
        .where(or_(PictureVerdict.picture_id.is_(None), not_(current(judgement))))
        .order_by(Picture.updated_at.desc(), Picture.id.desc())
        .limit(limit)
    )
    if after is not None:
        query = query.where(below(after))
    found = session.execute(query).all()
    records = images.pictures_by_ids(session, {picture_id for picture_id, _ in found})
    store(session, (judge(record, judgement) for record in records.values()), judgement)
    last = (found[-1][1], found[-1][0]) if len(found) == limit else None
    return len(records), last


def below(key: PictureKey) -> ColumnElement[bool]:
    """SQL: a picture below ``key`` in the list's order (most recently changed first)."""
    updated_at, picture_id = key
    return or_(
        Picture.updated_at < updated_at,
        and_(Picture.updated_at == updated_at, Picture.id < picture_id),
    )
