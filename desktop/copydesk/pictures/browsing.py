"""The Picture Library's list a page at a time: the pictures of a query (search words, a
filter, a licence), most recently changed first, read by keyset from where the last page
stopped, and only those judged. The filters on errors and warnings read the stored verdicts
(``copydesk.pictures.verdicts``); the others, and the search, the pictures' own columns.
A library of 50,000 pictures opens at the cost of its first page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from copydesk.library.models import Picture, PictureUse, PictureVerdict
from copydesk.pictures import store as images
from copydesk.pictures import verdicts
from copydesk.pictures.listing import (
    Judgement,
    PictureBatch,
    PictureFilter,
    PictureKey,
    PicturePage,
    PictureQuery,
    judge,
)
from copydesk.records.picture import PictureStatus

PAGE_SIZE = 50  # rows of 76 pixels: four screens of a large window
# How deep the list is read to show a picture asked for (``through``): deeper, the caller
# narrows the list to it instead of judging thousands of pictures above it.
DEEPEST_SHOWN = 2_000
# What Python's str.strip() takes off a credit and SQLite's trim() does not by default.
_BLANKS = " \t\n\r\u00a0\u202f"


def first_page(
    session: Session,
    query: PictureQuery,
    judgement: Judgement,
    size: int = PAGE_SIZE,
    *,
    totals: bool = True,
) -> PicturePage:
    """The first page and the count of ``query``; with ``totals``, also how many pictures
    the library holds and how many are not judged yet (``-1`` without: a new search or
    filter on a list already shown keeps the totals it has)."""
    batch = _batch(session, query, judgement, None, size)
    return PicturePage(
        query,
        batch.listings,
        batch.after,
        count=count(session, query, judgement),
        total=images.picture_count(session) if totals else -1,
        unjudged=verdicts.stale_count(session, judgement) if totals else -1,
    )


def next_batch(
    session: Session,
    query: PictureQuery,
    after: PictureKey,
    judgement: Judgement,
    size: int = PAGE_SIZE,
) -> PictureBatch:
    return _batch(session, query, judgement, after, size)


def through(
    session: Session,
    query: PictureQuery,
    picture_id: int,
    judgement: Judgement,
    deepest: int | None = None,
) -> PicturePage | None:
    """The first page of ``query`` long enough to hold the picture, or ``None`` when the
    query leaves it out or it is deeper than ``deepest`` rows (``DEEPEST_SHOWN``)."""
    deepest = DEEPEST_SHOWN if deepest is None else deepest
    moment, key_id = _order(query)
    found = session.execute(
        _matching(query, judgement).with_only_columns(moment, key_id).where(key_id == picture_id)
    ).first()
    if found is None:
        return None
    above = session.scalar(
        _matching(query, judgement)
        .with_only_columns(func.count())
        .where(_beyond((found[0], found[1]), query, upwards=True))
    )
    if above is None or above >= deepest:
        return None
    return first_page(session, query, judgement, max(PAGE_SIZE, above + 1))


def count(session: Session, query: PictureQuery, judgement: Judgement) -> int:
    if _by_status(query) and not (query.words or query.licence):
        # The verdicts' index alone: a verdict's picture exists (a foreign key).
        statement = select(func.count()).where(
            verdicts.current(judgement), PictureVerdict.status == _status(query).value
        )
        return session.scalar(statement) or 0
    return session.scalar(_matching(query, judgement).with_only_columns(func.count())) or 0


def matching_ids(
    session: Session, query: PictureQuery, picture_ids: set[int], judgement: Judgement
) -> set[int]:
    """Those of ``picture_ids`` that ``query`` keeps."""
    if not picture_ids:
        return set()
    statement = (
        _matching(query, judgement).with_only_columns(Picture.id).where(Picture.id.in_(picture_ids))
    )
    return set(session.scalars(statement))


def _batch(
    session: Session,
    query: PictureQuery,
    judgement: Judgement,
    after: PictureKey | None,
    size: int,
) -> PictureBatch:
    moment, key_id = _order(query)
    statement = _matching(query, judgement).with_only_columns(Picture)
    if after is not None:
        statement = statement.where(_beyond(after, query, upwards=False))
    statement = statement.order_by(moment.desc(), key_id.desc()).limit(size + 1)
    rows = list(session.scalars(statement))
    more = len(rows) > size
    rows = rows[:size]
    usages = images.usages_by_picture(session, {row.id for row in rows})
    listings = tuple(
        judge(images.to_record(row), judgement, usages.get(row.id, ())) for row in rows
    )
    last = rows[-1] if rows else None
    return PictureBatch(listings, (last.updated_at, last.id) if more and last else None)


def _by_status(query: PictureQuery) -> bool:
    return query.filter in (PictureFilter.ERRORS, PictureFilter.WARNINGS)


def _status(query: PictureQuery) -> PictureStatus:
    return PictureStatus.ERROR if query.filter is PictureFilter.ERRORS else PictureStatus.WARNING


def _order(query: PictureQuery) -> tuple[ColumnElement[datetime], ColumnElement[int]]:
    """The columns of the list's order: a filter on a status walks the verdicts' index (their
    ``updated_at`` is the picture's: a change drops the verdict), the others the pictures'."""
    if _by_status(query):
        return PictureVerdict.updated_at, PictureVerdict.picture_id  # type: ignore[return-value]
    return Picture.updated_at, Picture.id  # type: ignore[return-value]


def _beyond(key: PictureKey, query: PictureQuery, *, upwards: bool) -> ColumnElement[bool]:
    """Below ``key`` in the list's order (most recently changed first), or above it."""
    moment, key_id = _order(query)
    updated_at, picture_id = key
    if upwards:
        return or_(moment > updated_at, and_(moment == updated_at, key_id > picture_id))
    return or_(moment < updated_at, and_(moment == updated_at, key_id < picture_id))


def _matching(query: PictureQuery, judgement: Judgement) -> Select[Any]:
    statement = select(Picture.id).select_from(Picture)
    if _by_status(query):
        status = (
            PictureStatus.ERROR if query.filter is PictureFilter.ERRORS else PictureStatus.WARNING
        )
        statement = statement.join(PictureVerdict, PictureVerdict.picture_id == Picture.id).where(
            verdicts.current(judgement), PictureVerdict.status == status.value
        )
    elif query.words:
        statement = statement.outerjoin(PictureVerdict, PictureVerdict.picture_id == Picture.id)
    conditions = [*_filter(query.filter), *_words(query.words)]
    if query.licence:
        conditions.append(Picture.licence_id == query.licence)
    return statement.where(*conditions)


def _filter(kind: PictureFilter) -> list[ColumnElement[bool]]:
    if kind is PictureFilter.MISSING_CREDIT:
        # As ``(creator or credit_line or credit_override).strip()`` reads it.
        first = func.coalesce(
            func.nullif(Picture.creator, ""),
            func.nullif(Picture.credit_line, ""),
            Picture.credit_override,
        )
        return [func.trim(first, _BLANKS) == ""]
    if kind is PictureFilter.AWAITING_FILE:
        return [func.coalesce(Picture.sha256, "") == ""]
    if kind is PictureFilter.UNUSED:
        return [not_(exists().where(PictureUse.picture_id == Picture.id).correlate(Picture))]
    return []


def _words(words: tuple[str, ...]) -> list[ColumnElement[bool]]:
    if not words:
        return []
    text = func.coalesce(PictureVerdict.haystack, verdicts.raw_haystack())
    return [func.instr(text, word) > 0 for word in words]
