"""An article's history: snapshots of every field, recorded on request (Ctrl+S), every few
minutes while editing, and around every restore or conflict, so nothing is ever lost.

Use cases take an open Session and never commit (see ``copydesk.articles.store``).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from copydesk.articles import store as articles
from copydesk.errors import NotFoundError
from copydesk.library.models import Revision, utc_now
from copydesk.records.article import (
    ArticleContent,
    ArticleRecord,
    ArticleStatus,
    LeadPictureUse,
    RelatedLink,
    RevisionKind,
    RevisionRecord,
    RevisionSummary,
)
from copydesk.text.stats import count_words
from copydesk.translation import _

CONTENT_FORMAT = 1


# ---- recording ----------------------------------------------------------------------------


def record_revision(
    session: Session,
    article_id: int,
    kind: RevisionKind,
    *,
    author: str,
    content: ArticleContent | None = None,
    now: datetime | None = None,
    skip_if_unchanged: bool = True,
    merged_with: str = "",
) -> RevisionSummary:
    """Snapshot ``content`` (by default the article as stored). With ``skip_if_unchanged``,
    a snapshot identical to the latest one is not repeated: the latest is returned."""
    if content is None:
        content = articles.content_of(articles.load_article(session, article_id))
    if skip_if_unchanged:
        latest = _latest(session, article_id)
        if latest is not None and content_from_json(latest.content) == content:
            if kind is RevisionKind.MANUAL and latest.kind != kind.value:
                # Ctrl+S on text the history already holds: mark that revision as saved.
                latest.kind, latest.author = kind.value, author
                session.flush()
            return _summary(latest)
    revision = Revision(
        article_id=article_id,
        created_at=now or utc_now(),
        author=author,
        kind=kind.value,
        word_count=_words(content),
        content=content_to_json(content),
        merged_with=merged_with,
    )
    session.add(revision)
    session.flush()
    return _summary(revision)


def record_periodic(
    session: Session,
    article_id: int,
    *,
    author: str,
    interval: timedelta,
    now: datetime | None = None,
) -> RevisionSummary | None:
    """The article as stored, if the latest revision is older than ``interval`` (or there is
    none). Called before each save, it keeps the text as it was when each stretch of
    editing began, then every ``interval`` while it goes on."""
    now = now or utc_now()
    latest = _latest(session, article_id)
    if latest is not None and now - latest.created_at < interval:
        return None
    return record_revision(session, article_id, RevisionKind.PERIODIC, author=author, now=now)


def restore_revision(
    session: Session, article_id: int, revision_id: int, *, author: str, now: datetime | None = None
) -> ArticleRecord:
    """Bring a revision's fields back. The text it replaces is recorded first and the restore
    is itself recorded, so a restore can be undone by restoring again."""
    now = now or utc_now()
    revision = _load(session, revision_id, article_id)
    content = content_from_json(revision.content)
    record_revision(session, article_id, RevisionKind.BEFORE_RESTORE, author=author, now=now)
    record = articles.save_content(session, article_id, content, now=now)
    record_revision(
        session,
        article_id,
        RevisionKind.RESTORE,
        author=author,
        content=content,
        now=now,
        skip_if_unchanged=False,
    )
    return record


def record_from_desk(
    session: Session,
    article_id: int,
    kind: RevisionKind,
    *,
    author: str,
    merged_with: str = "",
    now: datetime | None = None,
) -> RevisionSummary:
    """The article as stored, just after a newsroom sync wrote it: another person's changes
    (``FROM_DESK``), or theirs merged with this library's (``MERGED``, ``SETTLED``: two
    parents, ``merged_with`` naming this library's side). A stream of changes from one
    person makes one revision per ``DESK_INTERVAL``, as typing does here."""
    now = now or utc_now()
    latest = _latest(session, article_id)
    if (
        kind is RevisionKind.FROM_DESK
        and latest is not None
        and latest.kind == kind.value
        and latest.author == author
        and now - latest.created_at < DESK_INTERVAL
    ):
        content = articles.content_of(articles.load_article(session, article_id))
        latest.content, latest.word_count = content_to_json(content), _words(content)
        latest.created_at = now
        session.flush()
        return _summary(latest)
    return record_revision(
        session,
        article_id,
        kind,
        author=author,
        now=now,
        skip_if_unchanged=False,
        merged_with=merged_with,
    )


DESK_INTERVAL = timedelta(minutes=5)


# ---- reading --------------------------------------------------------------------------------


def list_revisions(session: Session, article_id: int) -> list[RevisionSummary]:
    """Newest first. Only the summaries are read: the snapshots themselves can be large."""
    query = (
        select(
            Revision.id,
            Revision.article_id,
            Revision.created_at,
            Revision.author,
            Revision.kind,
            Revision.word_count,
            Revision.merged_with,
        )
        .where(Revision.article_id == article_id)
        .order_by(Revision.created_at.desc(), Revision.id.desc())
    )
    return [
        RevisionSummary(id_, article, created, author, RevisionKind(kind), words, merged)
        for id_, article, created, author, kind, words, merged in session.execute(query)
    ]


def latest_revision(session: Session, article_id: int) -> RevisionSummary | None:
    latest = _latest(session, article_id)
    return _summary(latest) if latest is not None else None


def get_revision(session: Session, revision_id: int) -> RevisionRecord:
    revision = _load(session, revision_id)
    return RevisionRecord(_summary(revision), content_from_json(revision.content))


# ---- conflicts between windows ------------------------------------------------------------


def keep_mine(
    session: Session, article_id: int, mine: ArticleContent, *, author: str
) -> ArticleRecord:
    """Resolve a conflict with this window's version on top; the other window's version
    (as stored now) goes into the history."""
    record_revision(session, article_id, RevisionKind.OTHER_WINDOW, author=author)
    return articles.save_content(session, article_id, mine)


def keep_theirs(
    session: Session, article_id: int, mine: ArticleContent, *, author: str
) -> ArticleRecord:
    """Resolve a conflict with the other window's version on top; this window's version goes
    into the history."""
    record_revision(session, article_id, RevisionKind.NOT_KEPT, author=author, content=mine)
    return articles.record_of(articles.load_article(session, article_id))


# ---- storage ------------------------------------------------------------------------------


def content_to_json(content: ArticleContent) -> str:
    data: dict[str, Any] = {
        "format": CONTENT_FORMAT,
        "headline": content.headline,
        "kicker": content.kicker,
        "standfirst": content.standfirst,
        "body": content.body,
        "language": content.language,
        "dateline_date": content.dateline_date.isoformat() if content.dateline_date else None,
        "edition": content.edition,
        "authors": list(content.authors),
        "keywords": list(content.keywords),
        "related_title": content.related_title,
        "related_links": [[link.title, link.url] for link in content.related_links],
        "status": content.status.value,
    }
    if content.advertising:  # only when set: older content reads the same
        data["advertising"] = True
    lead = content.lead_picture
    if lead is not None:
        data["lead_picture"] = {
            "picture_id": lead.picture_id,
            "caption": lead.caption,
            "alt_text": lead.alt_text,
            "illustrative": lead.illustrative,
        }
    return json.dumps(data, ensure_ascii=False)


def content_from_json(text: str) -> ArticleContent:
    data = json.loads(text)
    dateline = data.get("dateline_date")
    return ArticleContent(
        headline=data.get("headline", ""),
        kicker=data.get("kicker", ""),
        standfirst=data.get("standfirst", ""),
        body=data.get("body", ""),
        language=data.get("language", "fr"),
        dateline_date=date.fromisoformat(dateline) if dateline else None,
        edition=data.get("edition", ""),
        authors=tuple(data.get("authors", ())),
        keywords=tuple(data.get("keywords", ())),
        related_title=data.get("related_title", ""),
        related_links=tuple(
            RelatedLink(title, url) for title, url in data.get("related_links", ())
        ),
        status=ArticleStatus(data.get("status", ArticleStatus.DRAFT.value)),
        lead_picture=_lead_from(data.get("lead_picture")),
        advertising=data.get("advertising") is True,
    )


def _lead_from(data: dict[str, Any] | None) -> LeadPictureUse | None:
    if not data:
        return None
    return LeadPictureUse(
        int(data["picture_id"]),
        data.get("caption", ""),
        data.get("alt_text", ""),
        bool(data.get("illustrative", False)),
    )


def _words(content: ArticleContent) -> int:
    return count_words(content.body)


def _latest(session: Session, article_id: int) -> Revision | None:
    query = (
        select(Revision)
        .where(Revision.article_id == article_id)
        .order_by(Revision.created_at.desc(), Revision.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def _load(session: Session, revision_id: int, article_id: int | None = None) -> Revision:
    revision = session.get(Revision, revision_id)
    if revision is None or (article_id is not None and revision.article_id != article_id):
        raise NotFoundError(
            _("Revision {id} does not exist (it may have been deleted).").format(id=revision_id)
        )
    return revision


def _summary(revision: Revision) -> RevisionSummary:
    return RevisionSummary(
        id=revision.id,
        article_id=revision.article_id,
        created_at=revision.created_at,
        author=revision.author,
        kind=RevisionKind(revision.kind),
        word_count=revision.word_count,
        merged_with=revision.merged_with or "",
    )
