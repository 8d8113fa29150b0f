"""Searching the newsroom's whole archive on its server, beside the replica's own search.

The server keeps every article's words stemmed in the article's language, accents folded
(migration s0002); the words a person types are read as the local search reads them
(``copydesk.articles.search.search_tokens``) and looked for in French, English and unstemmed
alike, so "économiques" finds "économie" and "elections" finds "élection". Results are what
the person may read (the items' row-level security), the most recently changed first, a page
at a time; each says whether this replica holds it. One not held is brought on demand
(``bring``): pulled as a sync would pull it, its pictures first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg

from copydesk.articles.search import search_tokens
from copydesk.library.db import Library
from copydesk.records.article import PAGE_SIZE, ArticleStatus
from copydesk.sync import engine, local, pulling, replica
from copydesk.sync.errors import NewsroomError
from copydesk.sync.server import connection as server
from copydesk.sync.wire import ARTICLE
from copydesk.translation import _

_SEARCH = (
    "SELECT uuid::text, coalesce(headline, ''), coalesce(language, ''), coalesce(status, ''),"
    " updated_at, desk, shared"
    " FROM copydesk.search_articles(%(words)s, %(limit)s, %(after_time)s, %(after_uuid)s::uuid)"
)


@dataclass(frozen=True, slots=True)
class ServerArticle:
    """An article the server found: enough for a row of the list."""

    uuid: str
    headline: str
    language: str
    status: ArticleStatus | None  # None: a status this version does not know
    updated_at: datetime
    desk: str
    shared: bool
    here: bool = False  # this replica holds it

    @property
    def place(self) -> tuple[datetime, str]:
        """Where the next page starts, after this article."""
        return self.updated_at, self.uuid


def words_query(user_text: str) -> str | None:
    """What the person typed as the text of a ``to_tsquery``: every token ANDed, the last a
    prefix while it is being typed; None when there is nothing to search."""
    tokens, being_typed = search_tokens(user_text)
    if not tokens:
        return None
    quoted = [_quoted(token) for token in tokens]
    if being_typed:
        quoted[-1] += ":*"
    return " & ".join(quoted)


def search_server(
    connection: psycopg.Connection[Any],
    user_text: str,
    limit: int = PAGE_SIZE,
    after: tuple[datetime, str] | None = None,
) -> list[ServerArticle]:
    """The page of articles matching ``user_text`` that the person connected may read,
    after ``after`` (a previous page's last ``place``)."""
    words = words_query(user_text)
    if words is None:
        return []
    after_time, after_uuid = after if after is not None else (None, None)
    parameters: dict[str, Any] = {"words": words, "limit": limit}
    parameters |= {"after_time": after_time, "after_uuid": after_uuid}
    with connection.transaction():
        rows = connection.execute(_SEARCH, parameters).fetchall()
    return [_article(row) for row in rows]


def search(
    library: Library,
    user_text: str,
    password: str | None = None,
    limit: int = PAGE_SIZE,
    after: tuple[datetime, str] | None = None,
) -> list[ServerArticle]:
    """The server's results for a replica, each marked ``here`` when the replica holds it;
    ``NewsroomError`` when the server cannot be reached."""
    target = engine.replica_of(library)
    try:
        with server.connect(target.address, password) as connection:
            found = search_server(connection, user_text, limit, after)
    except psycopg.errors.UndefinedColumn:
        raise NewsroomError(
            _(
                "The newsroom server at {url} cannot search yet: its administrator has to run"
                " “copydesk newsroom init” with this version of Copydesk."
            ).format(url=target.address.url)
        ) from None
    except psycopg.Error as error:
        raise NewsroomError(_searched(target.address, error)) from None
    with library.read() as session:
        held = local.present(session, ARTICLE, [article.uuid for article in found])
    return [_marked(article, article.uuid in held) for article in found]


def bring(library: Library, uuids: list[str], password: str | None = None) -> dict[str, int]:
    """Pull these articles from the server into the replica now (their pictures with them),
    as the next sync would; returns the local id of each one it now holds."""
    target = engine.replica_of(library)
    try:
        with server.connect(target.address, password) as connection:
            heads = engine.heads_of(target, connection, uuids)
            engine.download_files(target, connection, heads)
    except psycopg.Error as error:
        raise NewsroomError(_searched(target.address, error)) from None
    with library.write() as session:
        cursor = replica.joined_state(session).pull_cursor
        pulling.apply_heads(session, heads, cursor, pulling.PullCounts())
        return local.ids_of(session, ARTICLE, uuids)


def _article(row: tuple[Any, ...]) -> ServerArticle:
    uuid, headline, language, status, updated_at, desk, shared = row
    known = {each.value: each for each in ArticleStatus}
    return ServerArticle(uuid, headline, language, known.get(status), updated_at, desk, shared)


def _marked(article: ServerArticle, here: bool) -> ServerArticle:
    return ServerArticle(
        article.uuid,
        article.headline,
        article.language,
        article.status,
        article.updated_at,
        article.desk,
        article.shared,
        here,
    )


def _quoted(token: str) -> str:
    # Tokens are letters and digits; quoting keeps anything else from being an operator.
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _searched(address: server.ServerAddress, error: psycopg.Error) -> str:
    reason = server.describe_connection_error(address, error)
    return _("The newsroom server could not be searched: {reason}").format(reason=reason)
