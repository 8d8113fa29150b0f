"""A feed of what changed in the library, written by triggers, so that a window sees what
the command line or another window changed (see copydesk.library.changes).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NOTED = (
    ("article_inserted", "articles", "INSERT", "article", "new.id"),
    ("article_updated", "articles", "UPDATE", "article", "new.id"),
    ("article_deleted", "articles", "DELETE", "article", "old.id"),
    ("picture_inserted", "pictures", "INSERT", "picture", "new.id"),
    ("picture_updated", "pictures", "UPDATE", "picture", "new.id"),
    ("picture_deleted", "pictures", "DELETE", "picture", "old.id"),
    ("revision_inserted", "revisions", "INSERT", "history", "new.article_id"),
    ("revision_updated", "revisions", "UPDATE", "history", "new.article_id"),
    ("revision_deleted", "revisions", "DELETE", "history", "old.article_id"),
)

# A frozen copy of copydesk.library.changes.CREATE_STATEMENTS as of this revision.
CREATE_STATEMENTS = (
    "CREATE TABLE library_changes ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, entity VARCHAR(16) NOT NULL,"
    " entity_id INTEGER NOT NULL)",
    *(
        f"CREATE TRIGGER library_changes_{name} AFTER {event} ON {table} BEGIN"
        f" INSERT INTO library_changes(entity, entity_id) VALUES ('{entity}', {row}); END"
        for name, table, event, entity, row in NOTED
    ),
    "CREATE TRIGGER library_changes_pruned AFTER INSERT ON library_changes"
    " WHEN new.seq % 500 = 0 BEGIN"
    " DELETE FROM library_changes WHERE seq <= new.seq - 10000; END",
)


def upgrade() -> None:
    for statement in CREATE_STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for name, *_rest in NOTED:
        op.execute(f"DROP TRIGGER library_changes_{name}")
    op.execute("DROP TRIGGER library_changes_pruned")
    op.execute("DROP TABLE library_changes")
