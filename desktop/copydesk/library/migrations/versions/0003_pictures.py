"""Pictures, where articles use them, and credit presets.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TEXT_FIELDS = (
    "creator",
    "creator_job_title",
    "credit_line",
    "copyright_notice",
    "source",
    "description",
    "headline",
    "web_statement",
    "usage_terms",
    "licensor",
    "digital_source_type",
    "alt_text",
    "city",
    "country",
)


def upgrade() -> None:
    op.create_table(
        "pictures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=50), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in _TEXT_FIELDS),
        sa.Column("date_created", sa.String(length=40), nullable=False),
        sa.Column("licence_id", sa.String(length=40), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("rights_expiry", sa.Date(), nullable=True),
        sa.Column("cropped", sa.Boolean(), nullable=False),
        sa.Column("credit_override", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pictures")),
        sa.UniqueConstraint("uuid", name=op.f("uq_pictures_uuid")),
        sa.UniqueConstraint("sha256", name=op.f("uq_pictures_sha256")),
    )
    op.create_index(op.f("ix_pictures_licence_id"), "pictures", ["licence_id"])
    op.create_index(op.f("ix_pictures_updated_at"), "pictures", ["updated_at"])
    op.create_table(
        "picture_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("picture_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("alt_text", sa.Text(), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_picture_uses_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["picture_id"], ["pictures.id"], name=op.f("fk_picture_uses_picture_id_pictures")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_picture_uses")),
    )
    op.create_index(op.f("ix_picture_uses_article_id"), "picture_uses", ["article_id"])
    op.create_index(op.f("ix_picture_uses_picture_id"), "picture_uses", ["picture_id"])
    op.create_table(
        "picture_presets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_picture_presets")),
        sa.UniqueConstraint("name", name=op.f("uq_picture_presets_name")),
    )


def downgrade() -> None:
    op.drop_table("picture_presets")
    op.drop_table("picture_uses")
    op.drop_table("pictures")
