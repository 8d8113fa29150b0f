"""The articles' full-text index and the order of the article list.

Every article has a *list key*: an integer that orders the articles like their last change
(``updated_at``, then the order they were written in), kept by triggers. The list is read
backwards along it a page at a time, and the full-text index (an external-content SQLite FTS5
table over ``articles``) is keyed by it rather than by the article's id, so that FTS5 reads
its matches newest first and stops after a page: a search costs what the screen shows, not
what the library holds. The triggers index and key every write path (the ORM, imports,
migrations, the newsroom's pulls) without them thinking about it. The queries are in
``copydesk.articles.search``.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

INDEX_TABLE = "article_search"
# Its vocabulary (FTS5's fts5vocab): the words of a prefix being typed (migration 0012).
TERMS_TABLE = "article_search_terms"
LONGEST_PREFIX_INDEX = 4

# Keys per microsecond of ``updated_at``: articles changed within the same microsecond (a
# batch) take consecutive keys. ``updated_at`` in microseconds times this stays below 2^63
# until the year 2262.
KEYS_PER_MICROSECOND = 1_000

# FTS5 without positions (detail=none): the search ANDs words and never asks for a phrase,
# and the index is a quarter of the size. Prefix indexes for the 2 to 4 letters of a word
# being typed: without them a prefix reads and merges the entries of every word it starts.
INDEX_OPTIONS = (
    "content='articles', content_rowid='list_key',"
    " tokenize='unicode61 remove_diacritics 2', detail=none, prefix='2 3 4'"
)


def key_base(moment: str) -> str:
    """SQL: the first list key of ``moment`` (an SQL expression of a stored ``updated_at``,
    'YYYY-MM-DD HH:MM:SS.ffffff' in UTC)."""
    return (
        f"((CAST(strftime('%s', {moment}) AS INTEGER) * 1000000"
        f" + CAST(substr({moment}, 21, 6) AS INTEGER)) * {KEYS_PER_MICROSECOND})"
    )


def new_key(moment: str) -> str:
    """SQL: a free list key for an article changed at ``moment``: the next one within its
    microsecond, or (a thousand changes in one microsecond) one above every key, which puts
    that article first rather than failing its write."""
    base = key_base(moment)
    latest = (
        f"(SELECT max(list_key) FROM articles"
        f" WHERE list_key BETWEEN {base} AND {base} + {KEYS_PER_MICROSECOND - 1})"
    )
    return (
        f"CASE WHEN {latest} IS NULL THEN {base}"
        f" WHEN {latest} < {base} + {KEYS_PER_MICROSECOND - 1} THEN {latest} + 1"
        f" ELSE (SELECT max(list_key) + 1 FROM articles) END"
    )


_INDEXED = "headline, standfirst, body"
_KEYED_ROW = (
    f"INSERT INTO {INDEX_TABLE}(rowid, {_INDEXED})"
    " SELECT list_key, headline, standfirst, body FROM articles WHERE id = new.id;"
)
_UNINDEX_OLD = (
    f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rowid, {_INDEXED})"
    " VALUES ('delete', old.list_key, old.headline, old.standfirst, old.body);"
)

# Frozen copy in migrations/versions/0011: change both (with a new migration) or neither.
CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5({_INDEXED}, {INDEX_OPTIONS})",
    f"CREATE TRIGGER {INDEX_TABLE}_after_insert AFTER INSERT ON articles BEGIN"
    f" UPDATE articles SET list_key = {new_key('new.updated_at')} WHERE id = new.id;"
    f" {_KEYED_ROW} END",
    f"CREATE TRIGGER {INDEX_TABLE}_after_delete AFTER DELETE ON articles BEGIN {_UNINDEX_OLD} END",
    # A change of the text re-indexes the article; a change of ``updated_at`` re-keys it
    # (and so re-indexes it under its new key).
    f"CREATE TRIGGER {INDEX_TABLE}_after_update"
    f" AFTER UPDATE OF headline, standfirst, body, updated_at ON articles BEGIN"
    f" {_UNINDEX_OLD}"
    f" UPDATE articles SET list_key = CASE WHEN new.updated_at IS old.updated_at"
    f" THEN old.list_key ELSE {new_key('new.updated_at')} END WHERE id = new.id;"
    f" {_KEYED_ROW} END",
    # Frozen copy in migrations/versions/0012.
    f"CREATE VIRTUAL TABLE {TERMS_TABLE} USING fts5vocab({INDEX_TABLE}, row)",
)


def install(connection: Connection) -> None:
    """Create the index in a new library (``create_all`` knows nothing of virtual tables)."""
    for statement in CREATE_STATEMENTS:
        connection.exec_driver_sql(statement)


def is_index_table(name: str | None) -> bool:
    """The index and FTS5's shadow tables, which the ORM models do not describe."""
    return name is not None and (name == INDEX_TABLE or name.startswith(f"{INDEX_TABLE}_"))
