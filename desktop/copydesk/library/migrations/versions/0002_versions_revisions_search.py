"""Version counter on articles, revision history, full-text search index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# A frozen copy of copydesk.library.search_index.CREATE_STATEMENTS as of this revision.
SEARCH_INDEX = (
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


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy of the table would be slower and is not needed.
    op.add_column(
        "articles", sa.Column("version", sa.Integer(), server_default="1", nullable=False)
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_revisions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
    )
    op.create_index(op.f("ix_revisions_article_id"), "revisions", ["article_id"])
    if op.get_bind().dialect.name == "sqlite":
        for statement in SEARCH_INDEX:
            op.execute(statement)
        op.execute("INSERT INTO article_search(article_search) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_search")
    op.drop_table("revisions")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("version")
