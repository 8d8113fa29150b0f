"""The article list and its search a page at a time (``copydesk.library.search_index``):
every article gets a list key ordered like its last change, the full-text index is rebuilt
keyed by it (without positions, with prefix indexes), and the list filtered by status has an
index in list order.

Rebuilding the index takes about a second per thousand articles of a thousand words.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

KEYS_PER_MICROSECOND = 1_000
_BASE = (
    "((CAST(strftime('%s', {m}) AS INTEGER) * 1000000"
    " + CAST(substr({m}, 21, 6) AS INTEGER)) * 1000)"
)


def _new_key(moment: str) -> str:
    base = _BASE.format(m=moment)
    latest = f"(SELECT max(list_key) FROM articles WHERE list_key BETWEEN {base} AND {base} + 999)"
    return (
        f"CASE WHEN {latest} IS NULL THEN {base} WHEN {latest} < {base} + 999 THEN {latest} + 1"
        " ELSE (SELECT max(list_key) + 1 FROM articles) END"
    )


_KEYED_ROW = (
    "INSERT INTO article_search(rowid, headline, standfirst, body)"
    " SELECT list_key, headline, standfirst, body FROM articles WHERE id = new.id;"
)
_UNINDEX_OLD = (
    "INSERT INTO article_search(article_search, rowid, headline, standfirst, body)"
    " VALUES ('delete', old.list_key, old.headline, old.standfirst, old.body);"
)

# A frozen copy of copydesk.library.search_index.CREATE_STATEMENTS as of this revision.
SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE article_search USING fts5(headline, standfirst, body,"
    " content='articles', content_rowid='list_key',"
    " tokenize='unicode61 remove_diacritics 2', detail=none, prefix='2 3 4')",
    "CREATE TRIGGER article_search_after_insert AFTER INSERT ON articles BEGIN"
    f" UPDATE articles SET list_key = {_new_key('new.updated_at')} WHERE id = new.id;"
    f" {_KEYED_ROW} END",
    f"CREATE TRIGGER article_search_after_delete AFTER DELETE ON articles BEGIN {_UNINDEX_OLD} END",
    "CREATE TRIGGER article_search_after_update"
    " AFTER UPDATE OF headline, standfirst, body, updated_at ON articles BEGIN"
    f" {_UNINDEX_OLD}"
    " UPDATE articles SET list_key = CASE WHEN new.updated_at IS old.updated_at"
    f" THEN old.list_key ELSE {_new_key('new.updated_at')} END WHERE id = new.id;"
    f" {_KEYED_ROW} END",
)
# The index as revision 0002 made it, for a downgrade.
SEARCH_INDEX_0002 = (
    "CREATE VIRTUAL TABLE article_search USING fts5("
    "headline, standfirst, body, content='articles', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER article_search_after_insert AFTER INSERT ON articles BEGIN"
    " INSERT INTO article_search(rowid, headline, standfirst, body)"
    " VALUES (new.id, new.headline, new.standfirst, new.body); END",
    "CREATE TRIGGER article_search_after_delete AFTER DELETE ON articles BEGIN"
    " INSERT INTO article_search(article_search, rowid, headline, standfirst, body)"
    " VALUES ('delete', old.id, old.headline, old.standfirst, old.body); END",
    "CREATE TRIGGER article_search_after_update AFTER UPDATE OF headline, standfirst, body"
    " ON articles BEGIN"
    " INSERT INTO article_search(article_search, rowid, headline, standfirst, body)"
    " VALUES ('delete', old.id, old.headline, old.standfirst, old.body);"
    " INSERT INTO article_search(rowid, headline, standfirst, body)"
    " VALUES (new.id, new.headline, new.standfirst, new.body); END",
)
OLD_TRIGGERS = (
    "article_search_after_insert",
    "article_search_after_delete",
    "article_search_after_update",
)

# The change feed (0005) no longer notes an article whose list key alone moved.
ARTICLE_UPDATED = (
    "CREATE TRIGGER library_changes_article_updated AFTER UPDATE ON articles"
    " WHEN new.list_key IS old.list_key"
    " BEGIN INSERT INTO library_changes(entity, entity_id) VALUES ('article', new.id); END"
)
ARTICLE_UPDATED_0005 = (
    "CREATE TRIGGER library_changes_article_updated AFTER UPDATE ON articles"
    " BEGIN INSERT INTO library_changes(entity, entity_id) VALUES ('article', new.id); END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        raise NotImplementedError("A Copydesk library is an SQLite file.")
    for trigger in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE article_search")
    op.execute("DROP TRIGGER library_changes_article_updated")
    # Not a batch: SQLite adds a column in place, and recreating the table would break the
    # triggers that name it.
    op.add_column("articles", sa.Column("list_key", sa.Integer(), nullable=True))
    _number_the_articles()
    op.create_index("ix_articles_list_key", "articles", ["list_key"], unique=True)
    op.drop_index("ix_articles_status", "articles")
    op.create_index("ix_articles_status_list_key", "articles", ["status", "list_key"])
    for statement in SEARCH_INDEX:
        op.execute(statement)
    op.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")
    op.execute(ARTICLE_UPDATED)


def _number_the_articles() -> None:
    """Keys in list order (last change, then id), each at least its moment's base, so that
    the keys the triggers give later fall in place among them."""
    connection = op.get_bind()
    rows = connection.exec_driver_sql(
        f"SELECT id, {_BASE.format(m='updated_at')} FROM articles ORDER BY updated_at, id"
    ).fetchall()
    keys: list[tuple[int, int]] = []
    previous: int | None = None
    for article_id, base in rows:
        key = base if previous is None or base > previous else previous + 1
        keys.append((key, article_id))
        previous = key
    if keys:
        connection.exec_driver_sql("UPDATE articles SET list_key = ? WHERE id = ?", keys)


def downgrade() -> None:
    for trigger in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE article_search")
    op.execute("DROP TRIGGER library_changes_article_updated")
    op.drop_index("ix_articles_status_list_key", "articles")
    op.create_index("ix_articles_status", "articles", ["status"])
    op.drop_index("ix_articles_list_key", "articles")
    op.drop_column("articles", "list_key")
    op.execute(ARTICLE_UPDATED_0005)
    for statement in SEARCH_INDEX_0002:
        op.execute(statement)
    op.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")
