"""Picture use cases. Each takes a Session and never commits: the caller's transaction does.

The picture files themselves are in the media store (``copydesk.library.media_store``); these
functions only handle their rows, where articles use them, and the credit presets.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from copydesk.errors import CopydeskError, NotFoundError
from copydesk.library.models import Article, Picture, PicturePreset, PictureUse, utc_now
from copydesk.pictures import disagreements
from copydesk.pictures.presets import Preset, preset_from_json, preset_to_json
from copydesk.records.picture import EMBEDDED_FIELDS, PictureFile, PictureMetadata, PictureRecord
from copydesk.translation import _

_METADATA_FIELDS = tuple(field.name for field in dataclasses.fields(PictureMetadata))


# What a file's embedded metadata may give a picture that awaited it (see ``attach_file``).
ATTACHED_FIELDS = (*EMBEDDED_FIELDS, "licence_id")


class PictureInUseError(CopydeskError):
    """A picture an article uses cannot be deleted."""


class AttachRefused(CopydeskError):
    """A file cannot be attached to a picture: the picture has its file already, or another
    picture of the library is this very file. The message names the picture."""


@dataclass(frozen=True, slots=True)
class PictureUsage:
    """One place a picture appears: an article's lead picture or its body."""

    article_id: int
    slug: str
    headline: str
    role: str  # "lead" or "body"


def add_picture(
    session: Session,
    file: PictureFile,
    metadata: PictureMetadata,
    *,
    now: datetime | None = None,
    picture_uuid: str | None = None,
    updated_at: datetime | None = None,
) -> PictureRecord:
    """Add a picture. A picture from another library may keep its uuid (if free here) and
    its dates: ``now`` is then when it was first imported, ``updated_at`` last changed."""
    when = now or utc_now()
    row = Picture(
        uuid=picture_uuid or str(uuid.uuid4()),
        sha256=file.sha256 or None,
        file_name=file.file_name,
        media_type=file.media_type,
        width=file.width,
        height=file.height,
        byte_size=file.byte_size,
        imported_at=when,
        updated_at=updated_at or when,
    )
    _set_metadata(row, metadata)
    session.add(row)
    session.flush()
    return to_record(row)


def find_by_sha256(session: Session, sha256: str) -> PictureRecord | None:
    if not sha256:
        return None
    row = session.scalars(select(Picture).where(Picture.sha256 == sha256)).one_or_none()
    return to_record(row) if row is not None else None


def find_by_uuid(session: Session, picture_uuid: str) -> PictureRecord | None:
    row = session.scalars(select(Picture).where(Picture.uuid == picture_uuid)).one_or_none()
    return to_record(row) if row is not None else None


def get_picture(session: Session, picture_id: int) -> PictureRecord:
    return to_record(_row(session, picture_id))


def list_pictures(session: Session) -> list[PictureRecord]:
    """Every picture, most recently changed first."""
    rows = session.scalars(select(Picture).order_by(Picture.updated_at.desc(), Picture.id.desc()))
    return [to_record(row) for row in rows]


def known_hashes(session: Session) -> set[str]:
    return {sha256 for sha256 in session.scalars(select(Picture.sha256)) if sha256}


def pictures_by_ids(session: Session, ids: set[int]) -> dict[int, PictureRecord]:
    if not ids:
        return {}
    rows = session.scalars(select(Picture).where(Picture.id.in_(ids)))
    return {row.id: to_record(row) for row in rows}


def update_metadata(
    session: Session, picture_id: int, metadata: PictureMetadata, *, now: datetime | None = None
) -> PictureRecord:
    row = _row(session, picture_id)
    old = _metadata_of(row)
    metadata = disagreements.settled(old, metadata)  # a field the desk changed is decided
    if old != metadata:
        _set_metadata(row, metadata)
        row.updated_at = now or utc_now()
        session.flush()
    return to_record(row)


def attach_file(
    session: Session,
    picture_id: int,
    file: PictureFile,
    embedded: PictureMetadata,
    *,
    now: datetime | None = None,
) -> PictureRecord:
    """Give a picture that awaits its file its file: the row takes the file's SHA-256, name,
    media type and sizes (the caller puts the file itself in the media store, in the same
    transaction).

    The desk's credit wins: of the file's ``embedded`` metadata (and the licence recognised
    from it), only the fields the desk left empty are taken (``filled_from``); nothing the
    desk typed is replaced. Raises ``AttachRefused`` when the picture has a file already
    (replacing one is not this), or another picture has this one (named).
    """
    if not file.present:
        raise ValueError("attach_file needs a stored file (a SHA-256).")
    row = _row(session, picture_id)
    if row.sha256:
        raise AttachRefused(
            _("Picture {picture} ({file}) already has its file; nothing was attached.").format(
                picture=picture_id, file=row.file_name
            )
        )
    other = find_by_sha256(session, file.sha256)
    if other is not None:
        raise AttachRefused(
            _(
                "{file} is already in the library as picture {other} ({other_file}); it was not"
                " attached to picture {picture}."
            ).format(
                file=file.file_name,
                other=other.id,
                other_file=other.file.file_name,
                picture=picture_id,
            )
        )
    row.sha256 = file.sha256
    row.file_name = file.file_name
    row.media_type = file.media_type
    row.width, row.height, row.byte_size = file.width, file.height, file.byte_size
    _set_metadata(row, filled_from(_metadata_of(row), embedded))
    row.updated_at = now or utc_now()
    session.flush()
    return to_record(row)


def filled_from(desk: PictureMetadata, embedded: PictureMetadata) -> PictureMetadata:
    """``desk`` with its empty ``ATTACHED_FIELDS`` taken from ``embedded``; what the desk
    filled in (even with something the file says otherwise) stays."""
    found = {
        name: getattr(embedded, name)
        for name in ATTACHED_FIELDS
        if not getattr(desk, name).strip() and getattr(embedded, name).strip()
    }
    if not found:
        return desk
    taken = [d for d in disagreements.disagreements_of(embedded) if d.field in found]
    kept = disagreements.disagreements_of(desk)
    return desk.replace(**found, disagreements=disagreements.encode([*kept, *taken]))


def delete_picture(session: Session, picture_id: int) -> PictureRecord:
    """Delete the row (the caller removes the file once the transaction commits)."""
    row = _row(session, picture_id)
    usages = usages_of(session, picture_id)
    if usages:
        where = ", ".join(dict.fromkeys(usage.slug for usage in usages))
        raise PictureInUseError(
            _("{file} is used by {articles}: it cannot be deleted.").format(
                file=row.file_name, articles=where
            )
        )
    record = to_record(row)
    session.delete(row)
    session.flush()
    return record


def usages_of(session: Session, picture_id: int) -> list[PictureUsage]:
    return usages_by_picture(session, {picture_id}).get(picture_id, [])


def usages_by_picture(
    session: Session, ids: set[int] | None = None
) -> dict[int, list[PictureUsage]]:
    """Where each picture (all of them, or ``ids``) is used, lead uses first."""
    query = (
        select(PictureUse.picture_id, Article.id, Article.slug, Article.headline, PictureUse.role)
        .join(Article, Article.id == PictureUse.article_id)
        .order_by(PictureUse.picture_id, PictureUse.role.desc(), Article.slug)
    )
    if ids is not None:
        query = query.where(PictureUse.picture_id.in_(ids))
    usages: dict[int, list[PictureUsage]] = {}
    for picture_id, article_id, slug, headline, role in session.execute(query):
        usages.setdefault(picture_id, []).append(PictureUsage(article_id, slug, headline, role))
    return usages


def picture_count(session: Session) -> int:
    return session.scalar(select(func.count(Picture.id))) or 0


# ---- presets ---------------------------------------------------------------------------


def save_preset(session: Session, preset: Preset, *, now: datetime | None = None) -> Preset:
    """Create the preset, or replace the one of the same name."""
    row = session.scalars(select(PicturePreset).where(PicturePreset.name == preset.name)).first()
    if row is None:
        row = PicturePreset(name=preset.name)
        session.add(row)
    row.fields = preset_to_json(preset)
    row.updated_at = now or utc_now()
    session.flush()
    return preset


def list_presets(session: Session) -> list[Preset]:
    rows = session.scalars(select(PicturePreset).order_by(PicturePreset.name))
    return [preset_from_json(row.name, row.fields) for row in rows]


def delete_preset(session: Session, name: str) -> None:
    row = session.scalars(select(PicturePreset).where(PicturePreset.name == name)).first()
    if row is None:
        raise NotFoundError(_("There is no preset named {name}.").format(name=repr(name)))
    session.delete(row)
    session.flush()


# ---- rows and records -----------------------------------------------------------------


def _row(session: Session, picture_id: int) -> Picture:
    row = session.get(Picture, picture_id)
    if row is None:
        raise NotFoundError(_("There is no picture with id {picture}.").format(picture=picture_id))
    return row


def _metadata_of(row: Picture) -> PictureMetadata:
    return PictureMetadata(**{name: getattr(row, name) for name in _METADATA_FIELDS})


# Written once, by the first article to use the picture: an edit made from an older copy of
# the picture's credit never clears them.
_FIRST_USE = ("first_use_article", "first_use_headline")


def _set_metadata(row: Picture, metadata: PictureMetadata) -> None:
    keep_first_use = bool(row.first_use_article)
    for name in _METADATA_FIELDS:
        if not (keep_first_use and name in _FIRST_USE):
            setattr(row, name, getattr(metadata, name))


def note_first_uses(
    session: Session, picture_ids: set[int], article_uuid: str, headline: str
) -> None:
    """The article ``article_uuid`` uses these pictures: those no article used before
    remember it as their first use; those another article used already (before first uses
    were remembered) remember that one."""
    if not picture_ids:
        return
    rows = session.scalars(
        select(Picture).where(Picture.id.in_(picture_ids), Picture.first_use_article == "")
    ).all()
    for row in rows:
        earlier = session.execute(
            select(Article.uuid, Article.headline)
            .join(PictureUse, PictureUse.article_id == Article.id)
            .where(PictureUse.picture_id == row.id, Article.uuid != article_uuid)
            .order_by(Article.created_at, Article.id)
            .limit(1)
        ).first()
        row.first_use_article, row.first_use_headline = (
            (earlier[0], earlier[1].strip()) if earlier else (article_uuid, headline)
        )


def to_record(row: Picture) -> PictureRecord:
    file = PictureFile(
        row.sha256 or "", row.file_name, row.media_type, row.width, row.height, row.byte_size
    )
    return PictureRecord(row.id, row.uuid, file, _metadata_of(row), row.imported_at, row.updated_at)
