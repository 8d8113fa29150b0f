"""Partial replicas: a replica may keep only the articles and pictures changed in its last
days (``replica_state.keep_days``); older ones stay on the newsroom server, found by its
search and brought when opened. And the full-text index's vocabulary, where the search finds
the words a long prefix being typed begins (``copydesk.articles.search``).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("replica_state", sa.Column("keep_days", sa.Integer(), nullable=True))
    op.execute("CREATE VIRTUAL TABLE article_search_terms USING fts5vocab(article_search, row)")


def downgrade() -> None:
    op.execute("DROP TABLE article_search_terms")
    with op.batch_alter_table("replica_state") as table:
        table.drop_column("keep_days")
