"""The replica's articles and pictures as the sync sees them: read and written by uuid, in
the wire format (``copydesk.sync.wire``). Writes made here come from the server or from a
merge: the caller holds ``applying`` so that the outbox triggers leave them alone."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from copydesk.articles import store as articles
from copydesk.library.models import Article, Picture, PictureUse, utc_now
from copydesk.pictures import store as pictures
from copydesk.sync import wire
from copydesk.sync.wire import ARTICLE, WireContent


def read(session: Session, entity: str, uuid: str) -> WireContent | None:
    """The thing as this replica has it now; None when it is not here (deleted)."""
    if entity == ARTICLE:
        article = _article(session, uuid)
        return wire.article_to_wire(session, article) if article is not None else None
    picture = _picture(session, uuid)
    return wire.picture_to_wire(picture) if picture is not None else None


def write(session: Session, entity: str, uuid: str, content: WireContent | None) -> None:
    """Make the replica hold ``content`` (None: delete it)."""
    if entity == ARTICLE:
        _write_article(session, uuid, content)
    else:
        _write_picture(session, uuid, content)


def _write_article(session: Session, uuid: str, content: WireContent | None) -> None:
    article = _article(session, uuid)
    if content is None:
        if article is not None:
            articles.delete_article(session, article.id)
        return
    local = wire.article_from_wire(session, content)
    if article is None:
        identity = articles.ArticleIdentity(uuid=uuid)
        articles.import_article(session, local, identity, now=utc_now())
    else:
        articles.save_content(session, article.id, local)


def _write_picture(session: Session, uuid: str, content: WireContent | None) -> None:
    row = _picture(session, uuid)
    if content is None:
        # A picture an article still shows stays here: deleting it would break that article.
        if row is not None and not _in_use(session, row.id):
            pictures.delete_picture(session, row.id)
        return
    file, metadata = wire.picture_from_wire(content)
    if row is None:
        pictures.add_picture(session, file, metadata, picture_uuid=uuid)
        return
    pictures.update_metadata(session, row.id, metadata)
    if file.sha256 and not row.sha256:  # the file came: a file is never replaced
        pictures.attach_file(session, row.id, file, metadata)


def _article(session: Session, uuid: str) -> Article | None:
    return session.scalars(select(Article).where(Article.uuid == uuid)).one_or_none()


def _picture(session: Session, uuid: str) -> Picture | None:
    return session.scalars(select(Picture).where(Picture.uuid == uuid)).one_or_none()


def _in_use(session: Session, picture_id: int) -> bool:
    query = select(PictureUse.id).where(PictureUse.picture_id == picture_id).limit(1)
    return session.scalars(query).first() is not None
