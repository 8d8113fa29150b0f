"""Database entities (SQLAlchemy 2.0 declarative style).

Every change here needs an Alembic migration under ``copydesk/migrations/versions`` and a
fixture library under ``tests/fixtures/libraries`` (see ``tests/fixtures/make_library.py``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from copydesk.records.article import ArticleStatus

# Stable constraint names: Alembic's batch mode on SQLite needs them to alter tables.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python, naive UTC in the database (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Article(Base):
    __tablename__ = "articles"
    # The list filtered by status, a page at a time (migration 0011).
    __table_args__ = (Index("ix_articles_status_list_key", "status", "list_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    language: Mapped[str] = mapped_column(String(16))
    dateline_date: Mapped[date | None] = mapped_column(Date)
    edition: Mapped[str] = mapped_column(String(100), default="")
    kicker: Mapped[str] = mapped_column(Text, default="")
    headline: Mapped[str] = mapped_column(Text, default="")
    standfirst: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    related_title: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[ArticleStatus] = mapped_column(
        Enum(
            ArticleStatus,
            name="article_status",
            native_enum=False,
            create_constraint=True,
            length=20,
            values_callable=lambda statuses: [s.value for s in statuses],
        ),
        default=ArticleStatus.DRAFT,
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    # Bumped by every save: a save based on an older version is a conflict, never an overwrite.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Added by migration 0010: advertising or sponsored content.
    advertising: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Added by migration 0011: the article's place in the list, kept by the search index's
    # triggers (copydesk.library.search_index); never written by the ORM.
    list_key: Mapped[int | None] = mapped_column(Integer, unique=True, index=True)

    authors: Mapped[list[ArticleAuthor]] = relationship(
        order_by="ArticleAuthor.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    keywords: Mapped[list[ArticleKeyword]] = relationship(
        order_by="ArticleKeyword.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    related_links: Mapped[list[RelatedLinkRow]] = relationship(
        order_by="RelatedLinkRow.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    picture_uses: Mapped[list[PictureUse]] = relationship(
        order_by="PictureUse.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    revisions: Mapped[list[Revision]] = relationship(
        order_by="Revision.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",  # an article's history can be long: load it only on purpose
    )


class ArticleAuthor(Base):
    """One name of an article's byline, in byline order."""

    __tablename__ = "article_authors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))


class ArticleKeyword(Base):
    __tablename__ = "article_keywords"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    keyword: Mapped[str] = mapped_column(String(100), index=True)


class RelatedLinkRow(Base):
    """One title + URL pair of the related-links block at the end of an article."""

    __tablename__ = "related_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)


class Revision(Base):
    """A snapshot of every field of an article, kept in its history."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    author: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    # The article's fields as JSON (``copydesk.articles.revisions.content_to_json``).
    content: Mapped[str] = mapped_column(Text)
    # A merge's second side: who made the changes merged with the author's.
    merged_with: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Picture(Base):
    """A picture of the library: its file in the media store (named by its SHA-256) and what
    the desk knows of it (``copydesk.records.picture.PictureMetadata``, one column each).
    A picture awaiting its file has no SHA-256, an empty media type and zero sizes."""

    __tablename__ = "pictures"
    # The licence filter in the list's order (most recently changed first).
    __table_args__ = (Index("ix_pictures_licence_id_updated_at", "licence_id", "updated_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    # NULL while the picture awaits its file: its credit came with an article (a plain-text
    # or ninjs import) before the picture itself did.
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(50))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    byte_size: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)

    creator: Mapped[str] = mapped_column(Text, default="")
    creator_job_title: Mapped[str] = mapped_column(Text, default="")
    credit_line: Mapped[str] = mapped_column(Text, default="")
    copyright_notice: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    headline: Mapped[str] = mapped_column(Text, default="")
    web_statement: Mapped[str] = mapped_column(Text, default="")
    usage_terms: Mapped[str] = mapped_column(Text, default="")
    licensor: Mapped[str] = mapped_column(Text, default="")
    digital_source_type: Mapped[str] = mapped_column(Text, default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(Text, default="")
    date_created: Mapped[str] = mapped_column(String(40), default="")
    licence_id: Mapped[str] = mapped_column(String(40), default="")
    source_url: Mapped[str] = mapped_column(Text, default="")
    rights_expiry: Mapped[date | None] = mapped_column(Date)
    cropped: Mapped[bool] = mapped_column(Boolean, default=False)
    credit_override: Mapped[str] = mapped_column(Text, default="")
    # Added by migration 0009, in its order.
    special_instructions: Mapped[str] = mapped_column(Text, default="", server_default="")
    image_supplier: Mapped[str] = mapped_column(Text, default="", server_default="")
    cc_license: Mapped[str] = mapped_column(Text, default="", server_default="")
    cc_attribution_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    cc_attribution_url: Mapped[str] = mapped_column(Text, default="", server_default="")
    model_release_status: Mapped[str] = mapped_column(Text, default="", server_default="")
    property_release_status: Mapped[str] = mapped_column(Text, default="", server_default="")
    rights_marked: Mapped[str] = mapped_column(String(8), default="", server_default="")
    first_use_article: Mapped[str] = mapped_column(String(36), default="", server_default="")
    first_use_headline: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Added by migration 0010.
    disagreements: Mapped[str] = mapped_column(Text, default="", server_default="")


class PictureUse(Base):
    """Where an article shows a picture: its lead picture (with the caption, alt text and
    illustrative flag of that use) or a picture in its body (``image:ID`` in the Markdown,
    which holds that use's caption and alt text; the row says where the picture is used)."""

    __tablename__ = "picture_uses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    # No cascade: a picture an article uses cannot be deleted from under it.
    picture_id: Mapped[int] = mapped_column(ForeignKey("pictures.id"), index=True)
    role: Mapped[str] = mapped_column(String(10))  # "lead" or "body"
    caption: Mapped[str] = mapped_column(Text, default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)


class PictureVerdict(Base):
    """What the compliance engine last said of a picture, so that the Picture Library filters
    and counts tens of thousands of pictures in SQL without judging each one
    (``copydesk.pictures.verdicts``). Derived, never carried: a trigger drops a picture's
    verdict whenever its row changes, and the library judges it again."""

    __tablename__ = "picture_verdicts"
    __table_args__ = (
        # A filter on a status, in the list's order (most recently changed first).
        Index("ix_picture_verdicts_status", "judged_with", "status", "updated_at"),
        Index("ix_picture_verdicts_valid_until", "valid_until"),
    )

    picture_id: Mapped[int] = mapped_column(
        ForeignKey("pictures.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    # The rules and settings it was judged with (``verdicts.fingerprint``).
    judged_with: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))
    # The picture's, when judged (a change drops the verdict): the list's order.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Its licence's last day, while still to come: after it, the verdict is judged again.
    valid_until: Mapped[date | None] = mapped_column(Date)
    # File name, creator, composed credit, caption, source and headline, casefolded: what
    # the library's search looks in.
    haystack: Mapped[str] = mapped_column(Text)


class PicturePreset(Base):
    """A named set of picture fields a desk applies to many pictures at once: each field with
    its value and whether it overwrites or only fills an empty field (JSON)."""

    __tablename__ = "picture_presets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    fields: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class LibraryInfo(Base):
    """The library's identity: one row, made with the library (or by the migration that
    introduced it). Its uuid names the library in the URIs of everything it publishes, so
    they stay the same when the file is moved or renamed."""

    __tablename__ = "library_info"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


# ---- a library that is a replica of a newsroom desk (copydesk.sync) -------------------------

# Not carried by a library archive: a restored library is a new one, joined on its own.
REPLICA_TABLES = frozenset(
    {
        "replica_state",
        "replica_outbox",
        "replica_sending",
        "replica_bases",
        "replica_conflicts",
        "replica_notices",
    }
)


class ReplicaState(Base):
    """One row when the library is joined to a newsroom server, none otherwise. ``applying``
    is set while a pull writes what came from the server, so that the outbox triggers
    (``copydesk.library.outbox``) do not send it back."""

    __tablename__ = "replica_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(Text)  # never with a password in it
    login: Mapped[str] = mapped_column(String(200))
    desk: Mapped[str] = mapped_column(String(200))
    device_id: Mapped[str] = mapped_column(String(36))
    newsroom_uuid: Mapped[str] = mapped_column(String(36))
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    applying: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # As the server knows the person, refreshed at every sync.
    display_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    chief: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Added by migration 0012: a partial replica takes only the articles and pictures changed
    # in this many last days (and what it already holds); None: the desk's whole history.
    keep_days: Mapped[int | None] = mapped_column(Integer)


class OutboxEntry(Base):
    """An article or picture saved since the last push, written by triggers in the saving
    transaction itself: a save is never committed without its entry."""

    __tablename__ = "replica_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    uuid: Mapped[str] = mapped_column(String(36), index=True)


class SendingRevision(Base):
    """A revision made from the outbox, with the id it keeps however often it is sent (the
    server applies each id once). ``state``: pending, conflict (kept by the server beside its
    head, waiting for a merge) or refused."""

    __tablename__ = "replica_sending"

    revision_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, index=True)
    entity: Mapped[str] = mapped_column(String(16))
    uuid: Mapped[str] = mapped_column(String(36), index=True)
    parent_id: Mapped[str | None] = mapped_column(String(36))
    merge_parent_id: Mapped[str | None] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    content: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    reason: Mapped[str] = mapped_column(Text, default="")


class ReplicaBase(Base):
    """The server revision each article or picture of the replica was last in step with:
    the base of three-way merges and the parent of the next revision sent."""

    __tablename__ = "replica_bases"

    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    revision_id: Mapped[str] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    content: Mapped[str] = mapped_column(Text)


class ReplicaConflict(Base):
    """Concurrent changes that did not merge, kept (base, mine, theirs) until a person
    settles them."""

    __tablename__ = "replica_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    fields: Mapped[str] = mapped_column(Text)  # JSON list of the fields in conflict
    base: Mapped[str] = mapped_column(Text)
    mine: Mapped[str] = mapped_column(Text)
    theirs: Mapped[str] = mapped_column(Text)
    theirs_revision: Mapped[str] = mapped_column(String(36))
    theirs_version: Mapped[int] = mapped_column(Integer)
    theirs_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    mine_revision: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    theirs_author: Mapped[str] = mapped_column(String(200), default="", server_default="")


class ReplicaNotice(Base):
    """What a sync has to tell the person: a deletion overruled by an edit, a push refused."""

    __tablename__ = "replica_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(16))
    uuid: Mapped[str] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


# ---- the newsroom dictionary --------------------------------------------------------------


class DictionaryWord(Base):
    """A word the newsroom taught the spelling checker (a proper name such as "Zelensky", a
    term of the trade): never underlined again in an article of its language."""

    __tablename__ = "dictionary_words"
    __table_args__ = (UniqueConstraint("word", "language"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    word: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(16))
    added_by: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
