"""Article use cases. Each takes an open Session and never commits: the caller owns the
transaction (``with library.write() as session: ...``)."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from copydesk.articles.slugs import slugify, unique_slug
from copydesk.errors import ConflictError, CopydeskError, NotFoundError
from copydesk.library.models import (
    Article,
    ArticleAuthor,
    ArticleKeyword,
    Picture,
    PictureUse,
    RelatedLinkRow,
    utc_now,
)
from copydesk.pictures import store as images
from copydesk.records.article import (
    ArticleContent,
    ArticleRecord,
    ArticleStatus,
    ArticleSummary,
    LeadPictureUse,
    RelatedLink,
)
from copydesk.text.picture_refs import body_picture_ids
from copydesk.translation import _


def summary_query() -> Select[int, str, str, ArticleStatus, str, datetime]:
    """The columns of an ``ArticleSummary``, in its order."""
    return select(
        Article.id,
        Article.slug,
        Article.headline,
        Article.status,
        Article.language,
        Article.updated_at,
    )


def list_summaries(session: Session) -> list[ArticleSummary]:
    """Every article, most recently changed first (in list order)."""
    query = summary_query().order_by(Article.list_key.desc())
    return [ArticleSummary(*row) for row in session.execute(query)]


def get_article(session: Session, article_id: int) -> ArticleRecord:
    return _record(_load(session, article_id))


def get_articles(session: Session, ids: Iterable[int]) -> dict[int, ArticleRecord]:
    """The articles ``ids`` that exist, by id: their bylines, keywords, links and pictures
    in one query each for all of them, where ``get_article`` makes four per article (a
    batch export reads thousands)."""
    query = (
        select(Article)
        .where(Article.id.in_(set(ids)))
        .options(
            selectinload(Article.authors),
            selectinload(Article.keywords),
            selectinload(Article.related_links),
            selectinload(Article.picture_uses),
        )
    )
    return {article.id: _record(article) for article in session.scalars(query)}


def find_by_slug(session: Session, slug: str) -> ArticleRecord | None:
    article = session.scalars(select(Article).where(Article.slug == slug)).one_or_none()
    return _record(article) if article else None


def create_article(
    session: Session, content: ArticleContent | None = None, *, now: datetime | None = None
) -> ArticleRecord:
    content = content or ArticleContent()
    now = now or utc_now()
    article = Article(
        uuid=str(uuid_module.uuid4()),
        slug=_free_slug(session, content.headline),
        created_at=now,
        updated_at=now,
        **_empty_parts(),
    )
    _apply_content(article, content)
    _apply_picture_uses(session, article, content)
    session.add(article)
    session.flush()
    return _record(article)


@dataclass(frozen=True, slots=True)
class ArticleIdentity:
    """What an imported article may bring of its identity: each part is kept when this
    library has no other article with it (a uuid already here refuses the import: see
    ``import_article``), else made anew."""

    uuid: str | None = None
    slug: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int | None = None


def import_article(
    session: Session, content: ArticleContent, identity: ArticleIdentity, *, now: datetime
) -> ArticleRecord:
    """Store an article that comes from elsewhere, keeping its uuid, slug, dates and version
    when it has them. Raises ``DuplicateArticle`` when its uuid is already this library's."""
    if identity.uuid is not None:
        existing = session.scalars(select(Article).where(Article.uuid == identity.uuid)).first()
        if existing is not None:
            raise DuplicateArticle(existing.slug)
    slug = identity.slug
    if slug is None or session.scalars(select(Article.id).where(Article.slug == slug)).first():
        slug = _free_slug(session, content.headline or slug or "")
    article = Article(
        uuid=identity.uuid or str(uuid_module.uuid4()),
        slug=slug,
        created_at=identity.created_at or now,
        updated_at=identity.updated_at or identity.created_at or now,
        version=identity.version or 1,
        **_empty_parts(),
    )
    _apply_content(article, content)
    _apply_picture_uses(session, article, content)
    session.add(article)
    session.flush()
    return _record(article)


class DuplicateArticle(CopydeskError):
    def __init__(self, slug: str) -> None:
        super().__init__(_("This article is already in the library (“{slug}”).").format(slug=slug))
        self.slug = slug


def duplicate_article(session: Session, article_id: int) -> ArticleRecord:
    """A new draft with the same content: the usual start for a follow-up or a translation."""
    source = _record(_load(session, article_id))
    return create_article(session, source.content.replace(status=ArticleStatus.DRAFT))


def delete_article(session: Session, article_id: int) -> None:
    session.delete(_load(session, article_id))
    session.flush()


def save_content(
    session: Session,
    article_id: int,
    content: ArticleContent,
    *,
    base_version: int | None = None,
    base_uuid: str | None = None,
    now: datetime | None = None,
) -> ArticleRecord:
    """Store the editor's content. Timestamps and version move only when something changed.

    ``base_version`` is the version the editor's text started from: if the stored article
    has moved on since (another window saved it), nothing is written and ``ConflictError``
    says so. While an article is a draft its slug follows the headline; once it leaves the
    draft stage its address may have been shared, so the slug stays. ``base_uuid`` guards
    against an id that another window freed and reused for a new article.
    """
    article = _load(session, article_id)
    if base_uuid is not None and article.uuid != base_uuid:
        raise NotFoundError(_("Article {id} was deleted in another window.").format(id=article_id))
    current = _content_of(article)
    if current == content:
        return _record(article)
    if base_version is not None and article.version != base_version:
        raise ConflictError(theirs=_record(article), mine=content)
    if content.status is ArticleStatus.DRAFT and slugify(content.headline) != article.slug:
        article.slug = _free_slug(session, content.headline, exclude_id=article.id)
    _apply_content(article, content)
    _apply_picture_uses(session, article, content)
    article.updated_at = now or utc_now()
    article.version += 1
    session.flush()
    return _record(article)


def load_article(session: Session, article_id: int) -> Article:
    """The ORM row, for other use cases of the core (revisions, imports)."""
    return _load(session, article_id)


def content_of(article: Article) -> ArticleContent:
    return _content_of(article)


def record_of(article: Article) -> ArticleRecord:
    return _record(article)


def _load(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(
            _("Article {id} does not exist (it may have been deleted).").format(id=article_id)
        )
    return article


def _empty_parts() -> dict[str, list[object]]:
    """A new article's collections, set rather than left unloaded: SQLAlchemy would
    otherwise read each one back from the database after the insert."""
    return {"authors": [], "keywords": [], "related_links": [], "picture_uses": []}


def _free_slug(session: Session, headline: str, exclude_id: int | None = None) -> str:
    def is_taken(candidate: str) -> bool:
        query = select(Article.id).where(Article.slug == candidate)
        if exclude_id is not None:
            query = query.where(Article.id != exclude_id)
        return session.scalars(query).first() is not None

    return unique_slug(slugify(headline), is_taken)


def _apply_content(article: Article, content: ArticleContent) -> None:
    article.headline = content.headline
    article.kicker = content.kicker
    article.standfirst = content.standfirst
    article.body = content.body
    article.language = content.language
    article.dateline_date = content.dateline_date
    article.edition = content.edition
    article.related_title = content.related_title
    article.status = content.status
    article.advertising = content.advertising
    if [a.name for a in article.authors] != list(content.authors):
        article.authors = [ArticleAuthor(name=name) for name in content.authors]
    if [k.keyword for k in article.keywords] != list(content.keywords):
        article.keywords = [ArticleKeyword(keyword=word) for word in content.keywords]
    if _links_of(article) != content.related_links:
        article.related_links = [
            RelatedLinkRow(title=link.title, url=link.url) for link in content.related_links
        ]


def _apply_picture_uses(session: Session, article: Article, content: ArticleContent) -> None:
    """Keep the rows saying which pictures the article uses: its lead picture (with that
    use's caption and alt text) and the library pictures its body shows (``image:ID``)."""
    wanted: list[tuple[int, str, str, str, bool]] = []
    lead = content.lead_picture
    if lead is not None:
        wanted.append((lead.picture_id, "lead", lead.caption, lead.alt_text, lead.illustrative))
    in_body = body_picture_ids(content.body)
    if in_body:
        existing = set(session.scalars(select(Picture.id).where(Picture.id.in_(in_body))))
        wanted += [(pid, "body", "", "", False) for pid in in_body if pid in existing]
    current = [
        (use.picture_id, use.role, use.caption, use.alt_text, use.illustrative)
        for use in article.picture_uses
    ]
    if current != wanted:
        article.picture_uses = [
            PictureUse(picture_id=pid, role=role, caption=caption, alt_text=alt, illustrative=flag)
            for pid, role, caption, alt, flag in wanted
        ]
    # On every save: a picture used before first uses were remembered gets its first use.
    images.note_first_uses(
        session, {use[0] for use in wanted}, article.uuid, content.headline.strip()
    )


def _lead_of(article: Article) -> LeadPictureUse | None:
    for use in article.picture_uses:
        if use.role == "lead":
            return LeadPictureUse(use.picture_id, use.caption, use.alt_text, use.illustrative)
    return None


def _links_of(article: Article) -> tuple[RelatedLink, ...]:
    return tuple(RelatedLink(row.title, row.url) for row in article.related_links)


def _content_of(article: Article) -> ArticleContent:
    return ArticleContent(
        headline=article.headline,
        kicker=article.kicker,
        standfirst=article.standfirst,
        body=article.body,
        language=article.language,
        dateline_date=article.dateline_date,
        edition=article.edition,
        authors=tuple(a.name for a in article.authors),
        keywords=tuple(k.keyword for k in article.keywords),
        related_title=article.related_title,
        related_links=_links_of(article),
        status=article.status,
        lead_picture=_lead_of(article),
        advertising=article.advertising,
    )


def _record(article: Article) -> ArticleRecord:
    return ArticleRecord(
        id=article.id,
        uuid=article.uuid,
        slug=article.slug,
        content=_content_of(article),
        created_at=article.created_at,
        updated_at=article.updated_at,
        version=article.version,
    )
