"""A read-only first look at a library, with the standard ``sqlite3`` module.

The window shows the article list (its first page of rows and its count) and the article being
edited as soon as it is painted,
while SQLAlchemy (about 200 ms to import) loads on the database thread for everything else.
This reader only ever reads a library whose schema is exactly ``HEAD_REVISION``; a test
compares what it returns with what the SQLAlchemy use cases return, so the two cannot drift.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from copydesk.errors import LibraryError, NotFoundError
from copydesk.library.inspection import (
    FileState,
    Inspection,
    connect_read_only,
    inspect_library_file,
    require_writable,
)
from copydesk.records.article import (
    PAGE_SIZE,
    ArticleContent,
    ArticleList,
    ArticleRecord,
    ArticleStatus,
    ArticleSummary,
    LeadPictureUse,
    RelatedLink,
    choose_article_id,
)

_SUMMARY_COLUMNS = "id, slug, headline, status, language, updated_at"
_SUMMARIES = f"SELECT {_SUMMARY_COLUMNS} FROM articles ORDER BY list_key DESC"
_FIRST_PAGE = f"SELECT {_SUMMARY_COLUMNS}, list_key FROM articles ORDER BY list_key DESC LIMIT ?"
_ARTICLE = (
    "SELECT id, uuid, slug, headline, kicker, standfirst, body, language, dateline_date,"
    " edition, related_title, status, created_at, updated_at, version, advertising"
    " FROM articles WHERE id = ?"
)


def read_view(
    path: Path,
    *,
    slug: str | None = None,
    preferred_id: int | None = None,
    inspection: Inspection | None = None,
    for_writing: bool = True,
) -> tuple[ArticleList, ArticleRecord | None] | None:
    """The article list (its first page and count) and the article to open, or
    None when the file cannot be read this way (new, older schema, read-only when
    ``for_writing``, busy, damaged...): the full open then takes over and explains."""
    with _snapshot(path, inspection, for_writing) as connection:
        if connection is None:
            return None
        listing = _first_page(connection)
        article_id = _pick(connection, listing.ids, slug, preferred_id)
        record = _record(connection, article_id) if article_id is not None else None
        return listing, record
    return None  # the snapshot failed while being read


def read_summaries(path: Path) -> list[ArticleSummary] | None:
    """Every article's summary, most recently changed first, for the command line (a
    read-only library too); None when the full open has to take over."""
    with _snapshot(path, None, for_writing=False) as connection:
        if connection is None:
            return None
        return [_summary(row) for row in connection.execute(_SUMMARIES)]
    return None


@contextmanager
def _snapshot(
    path: Path, inspection: Inspection | None, for_writing: bool
) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection in which every read sees one snapshot of the library, or None
    when the file is not for this reader. A read that fails ends the block quietly (the
    caller's code after the ``with`` runs)."""
    connection = _connect(path, inspection, for_writing)
    if connection is None:
        yield None
        return
    try:
        connection.execute("BEGIN")
        yield connection
    except (sqlite3.Error, _Vanished):
        return
    finally:
        connection.close()


def _connect(
    path: Path, inspection: Inspection | None, for_writing: bool
) -> sqlite3.Connection | None:
    try:
        inspection = inspection or inspect_library_file(path)
        if inspection.state is not FileState.CURRENT:
            return None
        if for_writing:
            require_writable(path)
        return connect_read_only(path)
    except (LibraryError, sqlite3.Error):
        return None


class _Vanished(Exception):
    """The article was deleted between two reads (another process)."""


def _first_page(connection: sqlite3.Connection) -> ArticleList:
    """As ``copydesk.articles.search.first_page`` reads it for the whole list."""
    rows = connection.execute(_FIRST_PAGE, (PAGE_SIZE + 1,)).fetchall()
    summaries = [_summary(row[:-1]) for row in rows[:PAGE_SIZE]]
    if len(rows) <= PAGE_SIZE:
        return ArticleList(summaries, len(summaries))
    (count,) = connection.execute("SELECT count(*) FROM articles").fetchone()
    return ArticleList(summaries, count, True, rows[PAGE_SIZE - 1][-1])


def _pick(
    connection: sqlite3.Connection,
    ids: list[int],
    slug: str | None,
    preferred_id: int | None,
) -> int | None:
    if slug is None:
        if preferred_id is not None and not _exists(connection, preferred_id):
            preferred_id = None  # deleted since
        return choose_article_id(ids, preferred_id)
    row = connection.execute("SELECT id FROM articles WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        raise NotFoundError.for_slug(slug)
    return int(row[0])


def _exists(connection: sqlite3.Connection, article_id: int) -> bool:
    return (
        connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        is not None
    )


def _summary(row: tuple[Any, ...]) -> ArticleSummary:
    article_id, slug, headline, status, language, updated_at = row
    return ArticleSummary(
        id=article_id,
        slug=slug,
        headline=headline,
        status=ArticleStatus(status),
        language=language,
        updated_at=_timestamp(updated_at),
    )


def _record(connection: sqlite3.Connection, article_id: int) -> ArticleRecord:
    row = connection.execute(_ARTICLE, (article_id,)).fetchone()
    if row is None:
        raise _Vanished(article_id)
    (_, uuid, slug, headline, kicker, standfirst, body, language, dateline, edition,
     related_title, status, created_at, updated_at, version, advertising) = row  # fmt: skip
    content = ArticleContent(
        headline=headline,
        kicker=kicker,
        standfirst=standfirst,
        body=body,
        language=language,
        dateline_date=date.fromisoformat(dateline) if dateline else None,
        edition=edition,
        authors=_column(connection, "SELECT name FROM article_authors", article_id),
        keywords=_column(connection, "SELECT keyword FROM article_keywords", article_id),
        related_title=related_title,
        related_links=tuple(
            RelatedLink(title, url)
            for title, url in connection.execute(
                "SELECT title, url FROM related_links WHERE article_id = ? ORDER BY position",
                (article_id,),
            )
        ),
        status=ArticleStatus(status),
        lead_picture=_lead_picture(connection, article_id),
        advertising=bool(advertising),
    )
    return ArticleRecord(
        id=article_id,
        uuid=uuid,
        slug=slug,
        content=content,
        created_at=_timestamp(created_at),
        updated_at=_timestamp(updated_at),
        version=version,
    )


def _lead_picture(connection: sqlite3.Connection, article_id: int) -> LeadPictureUse | None:
    row = connection.execute(
        "SELECT picture_id, caption, alt_text, illustrative FROM picture_uses"
        " WHERE article_id = ? AND role = 'lead' ORDER BY id LIMIT 1",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    picture_id, caption, alt_text, illustrative = row
    return LeadPictureUse(picture_id, caption, alt_text, bool(illustrative))


def _column(connection: sqlite3.Connection, select: str, article_id: int) -> tuple[str, ...]:
    rows = connection.execute(f"{select} WHERE article_id = ? ORDER BY position", (article_id,))
    return tuple(value for (value,) in rows)


def _timestamp(value: object) -> datetime:
    """SQLAlchemy stores UTC as ``YYYY-MM-DD HH:MM:SS.ffffff`` on SQLite."""
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)
