"""The replica's articles and pictures as the sync sees them: read and written by uuid, in
the wire format (``copydesk.sync.wire``). Writes made here come from the server or from a
merge: the caller holds ``applying`` so that the outbox triggers leave them alone."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from copydesk.articles import revisions
from copydesk.articles import store as articles
from copydesk.library.models import Article, Picture, PictureUse, utc_now
from copydesk.pictures import store as pictures
from copydesk.records.article import RevisionKind
from copydesk.sync import wire
from copydesk.sync.wire import ARTICLE, WireContent


def read(session: Session, entity: str, uuid: str) -> WireContent | None:
    """The thing as this replica has it now; None when it is not here (deleted)."""
    if entity == ARTICLE:
        article = _article(session, uuid)
        return wire.article_to_wire(session, article) if article is not None else None
    picture = _picture(session, uuid)
    return wire.picture_to_wire(picture) if picture is not None else None


def preload(session: Session, entity: str, uuids: Collection[str]) -> list[object]:
    """Load these things in a few queries (an article's byline, keywords, links and
    pictures with it) for ``read`` and ``write`` to find them loaded. The caller keeps the
    returned list while it works: the session holds its objects only weakly."""
    if not uuids:
        return []
    if entity == ARTICLE:
        query = (
            select(Article)
            .where(Article.uuid.in_(uuids))
            .options(*(selectinload(relation) for relation in _ARTICLE_PARTS))
        )
        articles_found = list(session.scalars(query))
        _loaded(session).update((row.uuid, row) for row in articles_found)
        session.info.setdefault(_LOOKED_UP, set()).update(uuids)
        return list(articles_found)
    return list(session.scalars(select(Picture).where(Picture.uuid.in_(uuids))))


_LOADED = "copydesk.sync.articles"
_LOOKED_UP = "copydesk.sync.articles.looked_up"


def _loaded(session: Session) -> dict[str, Article]:
    """Articles ``preload`` read, by uuid (dropped from it when deleted)."""
    loaded: dict[str, Article] = session.info.setdefault(_LOADED, {})
    return loaded


_ARTICLE_PARTS = (
    Article.authors,
    Article.keywords,
    Article.related_links,
    Article.picture_uses,
)


def present(session: Session, entity: str, uuids: Collection[str]) -> set[str]:
    """Those of ``uuids`` this replica holds."""
    if not uuids:
        return set()
    model = Article if entity == ARTICLE else Picture
    return set(session.scalars(select(model.uuid).where(model.uuid.in_(uuids))))


def ids_of(session: Session, entity: str, uuids: Collection[str]) -> dict[str, int]:
    """The local ids of those of ``uuids`` this replica holds."""
    if not uuids:
        return {}
    model = Article if entity == ARTICLE else Picture
    rows = session.execute(select(model.uuid, model.id).where(model.uuid.in_(uuids)))
    return {uuid: local_id for uuid, local_id in rows}


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
            _loaded(session).pop(uuid, None)
            articles.delete_article(session, article.id)
        return
    local = wire.article_from_wire(session, content)
    if article is None:
        identity = articles.ArticleIdentity(uuid=uuid)
        articles.import_article(session, local, identity, now=utc_now())
        session.info.get(_LOOKED_UP, set()).discard(uuid)
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


def note_revision(
    session: Session, entity: str, uuid: str, kind: RevisionKind, author: str, merged_with: str = ""
) -> None:
    """An article's history records what a sync wrote into it, and who made it."""
    article = _article(session, uuid) if entity == ARTICLE else None
    if article is not None:
        revisions.record_from_desk(
            session, article.id, kind, author=author, merged_with=merged_with
        )


def _article(session: Session, uuid: str) -> Article | None:
    loaded = _loaded(session).get(uuid)
    if loaded is not None and loaded in session:
        return loaded
    if loaded is None and uuid in session.info.get(_LOOKED_UP, ()):
        return None  # not here when the batch began, and only this batch adds articles
    return session.scalars(select(Article).where(Article.uuid == uuid)).one_or_none()


def _picture(session: Session, uuid: str) -> Picture | None:
    return session.scalars(select(Picture).where(Picture.uuid == uuid)).one_or_none()


def _in_use(session: Session, picture_id: int) -> bool:
    query = select(PictureUse.id).where(PictureUse.picture_id == picture_id).limit(1)
    return session.scalars(query).first() is not None
