"""The articles' full-text index: an external-content SQLite FTS5 table over ``articles``,
kept up to date by triggers, so that every write path (the ORM, imports, migrations)
indexes without thinking about it. The queries are in ``copydesk.articles.search``."""

from __future__ import annotations

from sqlalchemy.engine import Connection

INDEX_TABLE = "article_search"

# Frozen copy in migrations/versions/0002: change both (with a new migration) or neither.
CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5("
    "headline, standfirst, body, content='articles', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {INDEX_TABLE}_after_insert AFTER INSERT ON articles BEGIN"
    f" INSERT INTO {INDEX_TABLE}(rowid, headline, standfirst, body)"
    " VALUES (new.id, new.headline, new.standfirst, new.body); END",
    f"CREATE TRIGGER {INDEX_TABLE}_after_delete AFTER DELETE ON articles BEGIN"
    f" INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rowid, headline, standfirst, body)"
    " VALUES ('delete', old.id, old.headline, old.standfirst, old.body); END",
    f"CREATE TRIGGER {INDEX_TABLE}_after_update AFTER UPDATE OF headline, standfirst, body"
    f" ON articles BEGIN"
    f" INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rowid, headline, standfirst, body)"
    " VALUES ('delete', old.id, old.headline, old.standfirst, old.body);"
    f" INSERT INTO {INDEX_TABLE}(rowid, headline, standfirst, body)"
    " VALUES (new.id, new.headline, new.standfirst, new.body); END",
)


def install(connection: Connection) -> None:
    """Create the index in a new library (``create_all`` knows nothing of virtual tables)."""
    for statement in CREATE_STATEMENTS:
        connection.exec_driver_sql(statement)


def is_index_table(name: str | None) -> bool:
    """The index and FTS5's shadow tables, which the ORM models do not describe."""
    return name is not None and (name == INDEX_TABLE or name.startswith(f"{INDEX_TABLE}_"))
