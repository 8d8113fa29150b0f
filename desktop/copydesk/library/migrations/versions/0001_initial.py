"""Articles with bylines, keywords and related links.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATUSES = ("draft", "in_review", "ready", "published")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("dateline_date", sa.Date(), nullable=True),
        sa.Column("edition", sa.String(length=100), nullable=False),
        sa.Column("kicker", sa.Text(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("standfirst", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("related_title", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                *STATUSES,
                name="article_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("slug", name=op.f("uq_articles_slug")),
        sa.UniqueConstraint("uuid", name=op.f("uq_articles_uuid")),
    )
    op.create_index(op.f("ix_articles_status"), "articles", ["status"])
    op.create_index(op.f("ix_articles_updated_at"), "articles", ["updated_at"])

    _create_child_table(
        "article_authors",
        sa.Column("name", sa.String(length=200), nullable=False),
    )
    _create_child_table(
        "article_keywords",
        sa.Column("keyword", sa.String(length=100), nullable=False),
    )
    op.create_index(op.f("ix_article_keywords_keyword"), "article_keywords", ["keyword"])
    _create_child_table(
        "related_links",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
    )


def _create_child_table(name: str, *columns: sa.Column) -> None:
    """An ordered list belonging to an article, deleted with it."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f(f"fk_{name}_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_article_id"), name, ["article_id"])


def downgrade() -> None:
    for name in ("related_links", "article_keywords", "article_authors", "articles"):
        op.drop_table(name)
